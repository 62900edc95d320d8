use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
#[vendor_error(kind(code = true => Locked))]
pub struct ErrorBody {
    #[vendor_error(code)]
    pub code: String,
}

fn main() {}
