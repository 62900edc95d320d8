// A code read through an `Option` of a map, which the code is moved out of: one error, at the map.
use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error.code)]
pub struct ErrorBody {
    pub error: Option<std::collections::BTreeMap<String, String>>,
}

fn main() {}
