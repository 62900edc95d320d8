use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = code, kind(cod = "LOCKED" => Locked))]
pub struct ErrorBody {
    pub code: Option<String>,
}

fn main() {}
