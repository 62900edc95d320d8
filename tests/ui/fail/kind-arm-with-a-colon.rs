use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, kind(code = "invalid_grant": InvalidCredentials))]
pub struct ErrorBody {
    pub error: String,
}

fn main() {}
