use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub token_type: String,
    pub expires_in: u64,
}

#[login_endpoint(
    vendor = "Keycloak",
    path = "/realms/{realm}/protocol/openid-connect/token",
    body = form,
    constant(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
    token_type = token_type,
    expires_in = expires_in,
)]
pub struct Login {
    #[login(path)]
    realm: String,
    client_id: String,
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
