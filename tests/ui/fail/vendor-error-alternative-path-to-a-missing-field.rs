use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error_code | statsu, message = error_summary)]
pub struct ErrorBody {
    pub error_code: Option<String>,
    pub error_summary: Option<String>,
    pub status: Option<String>,
}

fn main() {}
