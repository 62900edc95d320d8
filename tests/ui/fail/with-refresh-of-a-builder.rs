use auth_core::{login_endpoint, Authenticator, LoginClient, Secret};

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
    #[login(secret)]
    client_secret: Secret,
    username: String,
    #[login(secret)]
    password: Secret,
}

#[login_endpoint(
    refreshes = Login,
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
    #[login(from_login)]
    client_id: String,
    
}

fn main() {
    let client = LoginClient::new().unwrap();
    let login = Login::builder()
        .client_id("app")
        .client_secret("s3cret")
        .username("me")
        .password("hunter2")
        .build();
    let _auth = Authenticator::new(client, login).with_refresh::<RefreshBuilder>();
}
