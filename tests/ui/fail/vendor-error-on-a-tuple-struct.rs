use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
pub struct ErrorBody(String);

fn main() {}
