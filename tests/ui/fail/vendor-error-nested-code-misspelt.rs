// A misspelt field on the way to a nested code, and a misspelt code: one error each.
use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = respons.error_code)]
pub struct ErrorBody {
    pub response: Option<Response>,
}

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = response.eror_code)]
pub struct OtherErrorBody {
    pub response: Option<Response>,
}

#[derive(serde::Deserialize)]
pub struct Response {
    pub error_code: Option<String>,
}

fn main() {}
