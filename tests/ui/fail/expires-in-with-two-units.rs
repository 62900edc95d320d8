use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
    pub expires_in: u64,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    expires_in(seconds = expires_in, millis = expires_in),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
