use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_errors(code = error, message = error_description)]
pub struct ErrorBody {
    pub error: String,
    pub error_description: String,
}

fn main() {}
