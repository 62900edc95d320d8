use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
}

#[login_endpoint(
    vendor = "Auth0",
    base_url = "https://example.auth0.com",
    path = "/oauth/token",
    form(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
)]
pub struct Login {
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
