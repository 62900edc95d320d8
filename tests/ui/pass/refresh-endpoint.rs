use auth_core::{login_endpoint, Secret};

#[derive(Debug, serde::Deserialize)]
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

/// A refresh answer of its own type.
#[derive(Debug, serde::Deserialize)]
pub struct Refreshed {
    pub data: RefreshedData,
}

#[derive(Debug, serde::Deserialize)]
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
    let client = auth_core::LoginClient::new().unwrap();
    let login = Login::builder()
        .client_id("app")
        .username("me")
        .password("hunter2")
        .build();
    let auth = auth_core::Authenticator::new(client, login).with_refresh::<Refresh>();
    let _: &auth_core::Authenticator<Login> = &auth;
    // A refresh request can also be built and sent by hand; its refresh token is redacted.
    let refresh = Refresh::builder()
        .refresh_token("r-secret-1")
        .client_id("app")
        .user("me")
        .build();
    let shown = format!("{refresh:?}");
    assert!(!shown.contains("r-secret-1"), "{shown}");
    assert!(shown.contains("lang"), "{shown}");
}
