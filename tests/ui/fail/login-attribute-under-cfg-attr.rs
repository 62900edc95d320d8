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
    // The staging server wants the e-mail under another key.
    #[cfg_attr(debug_assertions, login(rename = "user_email"))]
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let _ = Login::builder().email("me@example.com").password("hunter2").build();
}
