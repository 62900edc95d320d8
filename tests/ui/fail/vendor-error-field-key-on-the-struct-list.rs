use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code)]
pub struct ErrorBody {
    pub code: String,
}

fn main() {}
