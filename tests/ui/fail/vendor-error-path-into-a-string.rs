use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error.code)]
pub struct ErrorBody {
    pub error: String,
}

fn main() {}
