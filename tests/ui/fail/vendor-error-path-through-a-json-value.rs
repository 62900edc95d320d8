// A code and a message read through a `serde_json::Value`: one error at each path, at the value.
use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error.code, message = error.message)]
pub struct ErrorBody {
    pub error: serde_json::Value,
}

fn main() {}
