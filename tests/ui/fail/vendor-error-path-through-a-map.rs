use std::collections::BTreeMap;

use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error.code, message = error.message)]
pub struct ErrorBody {
    pub error: BTreeMap<String, String>,
}

fn main() {}
