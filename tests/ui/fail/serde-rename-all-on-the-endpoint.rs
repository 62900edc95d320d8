use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Firebase",
    base_url = "https://identitytoolkit.googleapis.com",
    path = "/v1/accounts:signInWithPassword",
    rename_all = "camelCase",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    return_secure_token: bool,
}

fn main() {}
