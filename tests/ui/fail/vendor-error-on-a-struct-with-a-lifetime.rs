use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, message = error_description)]
pub struct ErrorBody<'a> {
    pub error: &'a str,
    pub error_description: String,
}

fn main() {}
