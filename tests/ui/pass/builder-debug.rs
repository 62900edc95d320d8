use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    remember_me: Option<bool>,
}

fn main() {
    // A half-built builder shows what is still missing, and never a secret.
    let builder = Login::builder().password("hunter2");
    let debug = format!("{builder:?}");
    assert!(debug.contains("email: <unset>"), "{debug}");
    assert!(!debug.contains("hunter2"), "{debug}");
    let login = builder.email("me@example.com").build();
    assert!(format!("{login:?}").contains("me@example.com"));
}
