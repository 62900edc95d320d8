use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(message = errors[0])]
pub struct ErrorBody {
    pub errors: String,
}

fn main() {}
