use auth_core::{login_endpoint, Secret, VendorError};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Deserialize, VendorError)]
pub struct ErrorBody {
    #[vendor_error(message)]
    pub message: Option<String>,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    error = ErrorBody,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
