use auth_core::{login_endpoint, Secret, VendorError};

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, message = error_description)]
pub struct ErrorBody {
    pub error: String,
    pub error_description: Option<String>,
}

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
    error_body = Box<ErrorBody>,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
