use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
#[vendor_error(code = "error")]
pub struct ErrorBody {
    pub error: String,
}

fn main() {}
