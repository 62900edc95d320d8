// A code read through an `Option<serde_json::Value>`, which the code is moved out of: one error, at the value.
use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error.code)]
pub struct ErrorBody {
    pub error: Option<serde_json::Value>,
}

fn main() {}
