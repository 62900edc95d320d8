use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
    pub refresh_token: Secret,
}

#[login_endpoint(
    vendor = "Acme",
    base_url = "https://api.acme.example",
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
    vendor = "Acme",
    base_url = "https://api.acme.example",
    path = "/auth/refresh",
    response = LoginResponse,
    token = token,
    refresh_token = refresh_token,
    refreshes(Login),
)]
pub struct Refresh {
    #[login(secret, refresh_token)]
    refresh_token: Secret,
}

fn main() {
    let client = auth_core::LoginClient::new().unwrap();
    let login = Login::builder().email("me@example.com").password("pw").build();
    let _auth = auth_core::Authenticator::new(client, login).with_refresh::<Refresh>();
}
