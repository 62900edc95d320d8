use auth_core::{login_endpoint, LoginClient, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
    pub refresh_token: Option<Secret>,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    refresh_token = refresh_token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

#[login_endpoint(
    refreshes = Login,
    vendor = "Example",
    path = "/auth/refresh",
    response = LoginResponse,
    token = token,
    refresh_token = refresh_token,
)]
pub struct Refresh {
    #[login(secret, refresh_token)]
    refresh_token: Secret,
}

async fn renew(client: &LoginClient, token: Secret) {
    let _ = Refresh::builder().refresh_token(token).build().send(client).await;
}

fn main() {}
