use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub token_type: String,
    pub expires_in: u64,
    pub expires_at: i64,
    pub refresh_token: Secret,
}

#[login_endpoint(
    vendor = "Supabase",
    path = "/auth/v1/token",
    query(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
    expires_in = expires_at,
)]
pub struct Login {
    #[login(secret, header = "apikey")]
    anon_key: Secret,
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
