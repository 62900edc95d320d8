use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct Data {
    pub token: Secret,
    pub refresh_token: Option<Secret>,
    pub expires_in: u64,
}

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub data: Data,
}

#[login_endpoint(
    vendor = "Acme",
    base_url = "https://api.acme.example",
    path = "/auth/login",
    response = LoginResponse,
    token = data.token,
    lifetime = "2 hours",
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let _login = Login::builder().email("me@example.com").password("pw").build();
}
