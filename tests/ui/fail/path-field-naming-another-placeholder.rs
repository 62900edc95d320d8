use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub expires_in: u64,
}

#[login_endpoint(
    vendor = "Microsoft Entra ID",
    base_url = "https://login.microsoftonline.com",
    path = "/{tenant}/oauth2/v2.0/token",
    body = form,
    constant(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
    expires_in = expires_in,
)]
pub struct Login {
    #[login(path = "tenant_id")]
    tenant: String,
    client_id: String,
    scope: String,
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
