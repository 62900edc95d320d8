use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
#[vendor_error(code = error, code = code)]
pub struct ErrorBody {
    pub error: String,
    pub code: String,
}

fn main() {}
