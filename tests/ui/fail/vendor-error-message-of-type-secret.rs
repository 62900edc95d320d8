use auth_core::{Secret, VendorError};

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(message = message)]
pub struct ErrorBody {
    pub message: Option<Secret>,
}

fn main() {}
