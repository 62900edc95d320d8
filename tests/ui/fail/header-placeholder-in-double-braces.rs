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
    header(name = "authorization", value = "Bearer {{anon_key}}"),
    response = TokenResponse,
    token = access_token,
)]
pub struct Login {
    #[login(secret, header = "apikey", in_header = "authorization")]
    anon_key: Secret,
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
