use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(message = errors.0.message)]
pub struct ErrorBody {
    pub errors: Vec<Problem>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub message: String,
}

fn main() {}
