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
)]
pub struct Login {
    client_id: String,
    username: String,
    #[login(secret)]
    password: Secret,
}

#[login_endpoint(
    refreshes = TokenResponse,
    vendor = "Example",
    path = "/oauth/token",
    body = form,
    constant(grant_type = "refresh_token"),
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
)]
pub struct Refresh {
    #[login(secret, refresh_token)]
    refresh_token: Secret,
    #[login(from_login = client_id)]
    client_id: String,
    #[login(hedaer = "x")]
    extra: String,
}

fn main() {}
