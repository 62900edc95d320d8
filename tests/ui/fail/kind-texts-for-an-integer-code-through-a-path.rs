use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct Inner {
    pub code: u32,
}

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Deserialize, auth_core::VendorError)]
#[vendor_error(code = error.code, kind(code = "LOCKED" => Locked, code = "EXPIRED" => Expired))]
pub struct ErrorBody {
    pub error: Inner,
}

#[login_endpoint(
    vendor = "Acme",
    base_url = "https://api.acme.example",
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

fn main() {
    let _login = Login::builder().email("me@example.com").password("pw").build();
}
