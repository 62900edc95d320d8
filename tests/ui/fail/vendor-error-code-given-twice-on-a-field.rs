use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
pub struct ErrorBody {
    #[vendor_error(code)]
    #[vendor_error(code)]
    pub error: String,
}

fn main() {}
