use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
pub struct ErrorBody {
    #[vendor_error(code)]
    pub codes: Vec<String>,
}

fn main() {}
