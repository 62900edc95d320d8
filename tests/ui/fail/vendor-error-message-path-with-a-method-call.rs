use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, message = error_description.to_string())]
pub struct ErrorBody {
    pub error: String,
    pub error_description: String,
}

fn main() {}
