use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub sessions: Vec<Session>,
}

#[derive(serde::Deserialize)]
pub struct Session {
    pub token: Secret,
    pub expires_in: u64,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = sessions[0].token,
    expires_in = sessions[-1].expires_in,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
