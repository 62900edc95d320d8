use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
    pub expires_in: Option<u64>,
    pub data: Data,
}

#[derive(serde::Deserialize)]
pub struct Data {
    pub user_id: String,
}

#[login_endpoint(
    vendor = "Acme",
    base_url = "https://api.acme.example",
    path = "/auth/login",
    response = LoginResponse,
    token = header(""),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let _login = Login::builder().email("me@example.com").password("pw").build();
}
