use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
#[vendor_error(code = cod, mesage = message)]
pub struct ErrorBody {
    pub code: String,
    pub message: String,
}

fn main() {}
