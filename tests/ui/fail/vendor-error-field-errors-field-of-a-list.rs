use auth_core::{login_endpoint, Secret, VendorError};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(field_errors(each = detail, field = loc, error = msg))]
pub struct ErrorBody {
    detail: Vec<Detail>,
}

#[derive(serde::Deserialize)]
pub struct Detail {
    pub loc: Vec<String>,
    pub msg: String,
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
