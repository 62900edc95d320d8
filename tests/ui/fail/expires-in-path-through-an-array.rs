use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct Grant {
    pub access_token: Secret,
    pub expires_in: u64,
}

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub grants: [Grant; 1],
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = grants[0].access_token,
    expires_in = grants.expires_in,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
