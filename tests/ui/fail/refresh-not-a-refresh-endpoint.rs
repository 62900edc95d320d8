use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://sso.example.com",
    path = "/oauth/token",
    body = form,
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
    refresh = TokenResponse,
)]
pub struct Login {
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
