use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(field_errors(each = errors, error = message))]
pub struct ErrorBody {
    pub errors: Vec<Problem>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub field: String,
    pub message: String,
}

fn main() {}
