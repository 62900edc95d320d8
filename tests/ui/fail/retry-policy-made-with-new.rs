use auth_core::{login_endpoint, LoginClient, RetryPolicy, Secret};

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
}

fn make() -> Result<LoginClient, auth_core::AuthError> {
    LoginClient::builder().retry_policy(RetryPolicy::new(3)).build()
}

fn main() {}
