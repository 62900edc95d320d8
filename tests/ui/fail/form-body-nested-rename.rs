use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    body = form,
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    username: String,
    #[login(secret, rename = "password.value")]
    password: Secret,
}

fn main() {}
