use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/oauth/token",
    body = form,
    constant(grant_type = "password"),
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    grant_type: String,
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
