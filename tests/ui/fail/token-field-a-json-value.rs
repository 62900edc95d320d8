// The token named as a `serde_json::Value` field: one error, saying to declare it `Secret`.
use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub data: serde_json::Value,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = data,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
