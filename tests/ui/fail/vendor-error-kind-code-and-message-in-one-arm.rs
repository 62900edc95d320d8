use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, message = error_description, kind(code = "invalid_grant", message = "Invalid user credentials" => InvalidCredentials))]
pub struct ErrorBody {
    pub error: Option<String>,
    pub error_description: Option<String>,
}

fn main() {
    let body: ErrorBody = serde_json::from_str("{}").unwrap();
    let _ = body.code();
}
