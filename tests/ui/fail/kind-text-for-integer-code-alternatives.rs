use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

// Both places the code is read from are numbers, so no text ever matches it.
#[derive(serde::Deserialize, auth_core::VendorError)]
#[vendor_error(code = error_code | status, kind(code = 1002 | "LOCKED" => Locked))]
pub struct ErrorBody {
    #[serde(rename = "errorCode")]
    pub error_code: Option<i64>,
    pub status: u16,
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
