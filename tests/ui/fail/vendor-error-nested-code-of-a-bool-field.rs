// A code read through a nested struct whose field cannot hold a code: one error, at the path.
use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = response.failed)]
pub struct ErrorBody {
    pub response: Option<Response>,
}

#[derive(serde::Deserialize)]
pub struct Response {
    pub failed: bool,
}

fn main() {}
