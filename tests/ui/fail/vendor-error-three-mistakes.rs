use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(
    code = error.code,
    mesage = error.message,
    kind(code = "invalid_grant" => InvalidCredential),
)]
pub struct ErrorBody {
    pub error: Problem,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub cod: String,
    pub message: String,
}

fn main() {}
