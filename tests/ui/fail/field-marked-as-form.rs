use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    body = form,
)]
pub struct Login {
    #[login(form)]
    username: String,
    #[login(secret, form)]
    password: Secret,
}

fn main() {}
