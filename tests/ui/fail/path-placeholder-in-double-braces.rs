use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
}

#[login_endpoint(
    vendor = "Keycloak",
    path = "/realms/{{realm}}/protocol/openid-connect/token",
    body = form,
    constant(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
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
