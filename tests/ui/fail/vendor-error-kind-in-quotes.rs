use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(kind(code = "invalid_grant" => "InvalidCredentials"))]
pub struct ErrorBody {
    #[vendor_error(code)]
    pub error: String,
}

fn main() {}
