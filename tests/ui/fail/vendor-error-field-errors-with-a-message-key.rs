use auth_core::{login_endpoint, Secret, VendorError};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(
    code = code,
    field_errors(each = errors, field = field, message = message),
)]
#[allow(dead_code)]
pub struct ErrorBody {
    code: String,
    errors: Vec<FieldProblem>,
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

#[derive(serde::Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}
