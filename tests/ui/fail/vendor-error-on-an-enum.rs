use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[serde(untagged)]
pub enum ErrorBody {
    Message { message: String },
    Code { code: i64 },
}

fn main() {}
