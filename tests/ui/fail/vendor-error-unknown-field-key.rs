use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
pub struct ErrorBody {
    #[vendor_error(mesage)]
    pub message: Option<String>,
}

fn main() {}
