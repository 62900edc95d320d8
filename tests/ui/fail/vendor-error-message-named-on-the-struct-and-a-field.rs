use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(message = message)]
pub struct ErrorBody {
    pub message: Option<String>,
    #[vendor_error(message)]
    pub detail: Option<String>,
}

fn main() {}
