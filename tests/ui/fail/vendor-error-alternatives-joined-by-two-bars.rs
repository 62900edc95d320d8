use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error || status)]
pub struct ErrorBody {
    pub error: String,
    pub error_description: Option<String>,
    pub status: u16,
}

fn main() {}
