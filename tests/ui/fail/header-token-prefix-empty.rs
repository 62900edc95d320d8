use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub email: String,
}

#[login_endpoint(
    vendor = "Acme",
    base_url = "https://api.acme.example",
    path = "/users/sign_in",
    response = LoginResponse,
    token = header("x-auth-token", prefix = ""),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let _login = Login::builder().email("me@example.com").password("pw").build();
}
