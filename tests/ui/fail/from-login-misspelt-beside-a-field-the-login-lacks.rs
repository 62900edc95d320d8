use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
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
    refreshes = Login,
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/oauth/token",
    body = form,
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
)]
pub struct Refresh {
    #[login(secret, refresh_token)]
    refresh_token: Secret,
    #[login(from_login = clientId)]
    client_id: String,
    #[login(from_logn)]
    username: String,
}

fn main() {}
