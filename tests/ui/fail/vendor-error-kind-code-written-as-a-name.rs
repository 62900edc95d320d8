use auth_core::VendorError;
use serde::Deserialize;

#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error_codes[0],
    message = error_description,
    kind(code = AADSTS50126 => InvalidCredentials, code = AADSTS50053 => Locked),
)]
pub struct AadError {
    pub error: String,
    pub error_description: Option<String>,
    #[serde(default)]
    pub error_codes: Vec<u32>,
}

fn main() {}
