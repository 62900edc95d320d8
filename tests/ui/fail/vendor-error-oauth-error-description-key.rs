use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, error_description = detail)]
pub struct ErrorBody {
    pub error: Option<String>,
    pub detail: Option<String>,
}

fn main() {
    let body: ErrorBody = serde_json::from_str("{}").unwrap();
    let _ = body.code();
}
