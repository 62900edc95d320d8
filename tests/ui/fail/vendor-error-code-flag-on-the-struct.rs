use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code)]
pub struct ErrorBody {
    pub error_code: Option<i64>,
}

fn main() {}
