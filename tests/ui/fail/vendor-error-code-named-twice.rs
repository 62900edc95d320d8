use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error_code)]
pub struct ErrorBody {
    pub error_code: Option<i64>,
    #[vendor_error(code)]
    pub status: Option<String>,
}

fn main() {}
