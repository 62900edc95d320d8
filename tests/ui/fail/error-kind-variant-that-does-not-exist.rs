use auth_core::{login_endpoint, AuthError, ErrorKind, Secret};

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
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    remember_me: Option<bool>,
}

fn run(error: AuthError) {
    match error.kind() {
        ErrorKind::InvalidPassword => {}
        _ => {}
    }
}

fn main() {}
