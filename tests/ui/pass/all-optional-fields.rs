use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Option<Secret>,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    email: Option<String>,
    #[login(secret)]
    password: Option<Secret>,
    remember_me: Option<bool>,
}

fn main() {
    // With no required field, `build` is available straight away.
    let empty = Login::builder().build();
    assert_eq!(
        format!("{empty:?}"),
        "Login { email: None, password: None, remember_me: None }"
    );
    let full = Login::builder()
        .remember_me(true)
        .email("me@example.com")
        .password("hunter2")
        .build();
    let debug = format!("{full:?}");
    assert!(debug.contains("remember_me: Some(true)"), "{debug}");
    assert!(debug.contains("password: Some([REDACTED])"), "{debug}");
    assert!(!debug.contains("hunter2"), "{debug}");
}
