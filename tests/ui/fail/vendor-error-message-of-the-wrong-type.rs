use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
pub struct ErrorBody {
    #[vendor_error(message)]
    pub message: u64,
}

fn main() {}
