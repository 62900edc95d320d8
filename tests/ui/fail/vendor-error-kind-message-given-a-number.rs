use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(kind(message = 401 => InvalidCredentials))]
pub struct ErrorBody {
    #[vendor_error(message)]
    pub error: String,
}

fn main() {}
