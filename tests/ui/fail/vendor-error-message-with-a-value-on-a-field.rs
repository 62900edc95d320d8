use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
pub struct ErrorBody {
    #[vendor_error(message = text)]
    pub message: String,
}

fn main() {}
