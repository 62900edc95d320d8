use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    query(locale = "a"),
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    #[login(query)]
    locale: String,
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
