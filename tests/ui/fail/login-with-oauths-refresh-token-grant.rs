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
    constant(grant_type = "refresh_token"),
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

#[derive(serde::Deserialize)]
pub struct Refreshed {
    pub data: RefreshedData,
}

#[derive(serde::Deserialize)]
pub struct RefreshedData {
    pub token: Secret,
    pub expires_in: u64,
}

#[login_endpoint(
    refreshes = Login,
    vendor = "Example",
    path = "/oauth/refresh",
    cookie(lang = "en", version = 2),
    constant(mode = "cookie"),
    response = Refreshed,
    token = data.token,
    refresh_token = cookie("refresh"),
    expires_in = data.expires_in,
)]
pub struct Refresh {
    #[login(secret, refresh_token, cookie = "refresh")]
    refresh_token: Secret,
    #[login(from_login, header = "x-client-id")]
    client_id: String,
    #[login(from_login = username, query = "user")]
    user: String,
}

fn main() {
    let _login = Login::builder().client_id("app").username("me").password("pw").build();
}
