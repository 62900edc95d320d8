use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct Data {
    pub tokens: Vec<Secret>,
}

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub data: Data,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = data.tokens,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
