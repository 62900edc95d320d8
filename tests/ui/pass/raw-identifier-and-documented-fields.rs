use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub r#ref: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = r#ref,
)]
pub struct Login {
    /// The account's kind.
    #[allow(dead_code)]
    r#type: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let login = Login::builder().r#type("user").password("hunter2").build();
    let shown = format!("{login:?}");
    assert!(shown.contains("user") && !shown.contains("hunter2"));
}
