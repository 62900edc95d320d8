use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
}

#[login_endpoint(
    vendor = "Salesforce",
    base_url = "https://login.salesforce.com",
    path = "/services/oauth2/token",
    body = form,
    constant(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
)]
pub struct Login {
    client_id: String,
    #[login(secret)]
    client_secret: Secret,
    username: String,
    #[login(secret)]
    password: Secret,
    #[login(rename = "security_token")]
    security_token: String,
}

fn main() {}
