use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://{tenant}.auth.example.com",
    path = "/oauth/token",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    #[login(path)]
    tenant: String,
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
