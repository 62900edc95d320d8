use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Deserialize)]
pub struct Item {
    pub field: String,
    pub code: String,
}

#[derive(serde::Deserialize, auth_core::VendorError)]
#[vendor_error(message = status)]
pub struct ErrorBody {
    pub status: u32,
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
