use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Acme",
    base_url = "https://api.acme.example",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    #[login(secret)]
    otp: Option<Secret>,
}

fn main() {
    let _login = Login::builder().email("a").password("pw").maybe_otp(Some("123")).build();
}
