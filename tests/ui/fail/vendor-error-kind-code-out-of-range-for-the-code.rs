use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(kind(code = 1000 => Locked))]
pub struct ErrorBody {
    #[vendor_error(code)]
    pub errcode: u8,
    #[vendor_error(message)]
    pub errmsg: Option<String>,
}

fn main() {}
