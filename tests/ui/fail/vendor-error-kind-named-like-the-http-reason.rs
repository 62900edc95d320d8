use auth_core::{login_endpoint, Secret, VendorError};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, kind(code = "too_many_attempts" => TooManyRequests))]
pub struct ErrorBody {
    error: String,
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
    #[login(secret)]
    password: Secret,
}

fn main() {}
