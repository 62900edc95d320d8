use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, message = detail)]
pub struct ErrorBody<T> {
    pub error: String,
    pub detail: T,
}

fn main() {}
