use auth_core::{login_endpoint, Secret};

mod types {
    #[derive(serde::Deserialize)]
    pub struct LoginResponse {
        token: auth_core::Secret,
    }
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = types::LoginResponse,
    token = token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
