use auth_core::{login_endpoint, Secret, VendorError};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error_code message = message)]
pub struct ErrorBody {
    error_code: String,
    message: String,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    error_body = ErrorBody,
)]
pub struct Login {
    email: String,
    #[login(secret rename = "pass")]
    password: Secret,
}

fn main() {}
