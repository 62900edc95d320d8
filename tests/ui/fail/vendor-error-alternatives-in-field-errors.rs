use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(field_errors(each = errors, field = field, error = code | reason))]
pub struct ErrorBody {
    pub errors: Vec<Problem>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub field: String,
    pub code: Option<String>,
    pub reason: Option<String>,
}

fn main() {}
