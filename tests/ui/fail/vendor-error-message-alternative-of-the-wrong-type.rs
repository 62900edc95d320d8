use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(message = msg | status)]
pub struct ErrorBody {
    pub msg: Option<String>,
    pub status: u16,
}

fn main() {}
