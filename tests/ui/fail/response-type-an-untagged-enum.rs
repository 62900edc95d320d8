use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
#[serde(untagged)]
pub enum LoginResponse {
    Token { token: Secret },
    MfaRequired { mfa_token: String },
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
