// An `expires_at` path through a `serde_json::Value`: one error, at the value.
use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
    pub data: serde_json::Value,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    expires_at = data.expires_at,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
