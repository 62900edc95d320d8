use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct Outcome {
    pub status: i64,
}

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
    pub results: Vec<Outcome>,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    body_failure(field = results.status, success = 0),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
