use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
}

#[login_endpoint(
    vendor = "Supabase",
    path = "/auth/v1/token",
    query(grant_type = "password"),
    header(name = "apikey", value = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.example"),
    response = TokenResponse,
    token = access_token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
