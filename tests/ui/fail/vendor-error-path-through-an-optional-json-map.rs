// A code and a message read through an `Option<serde_json::Map>`: one error at each path, at the map.
use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error.code, message = error.message)]
pub struct ErrorBody {
    pub error: Option<serde_json::Map<String, serde_json::Value>>,
}

fn main() {}
