// A code read through a map, which has no fields: one error, at the map.
use std::collections::BTreeMap;

use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error.code)]
pub struct ErrorBody {
    pub error: BTreeMap<String, String>,
}

fn main() {}
