use auth_core::{login_endpoint, Secret, VendorError};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = code, retry_after = retry_after)]
pub struct ErrorBody {
    code: String,
    retry_after: Option<u64>,
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
