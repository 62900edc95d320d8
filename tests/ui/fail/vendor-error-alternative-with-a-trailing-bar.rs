use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = code |)]
pub struct ErrorBody {
    pub code: Option<String>,
}

fn main() {}
