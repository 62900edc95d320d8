use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(message = "error.message")]
pub struct ErrorBody {
    pub error: Detail,
}

#[derive(serde::Deserialize)]
pub struct Detail {
    pub message: String,
}

fn main() {}
