use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
#[vendor_error(field_errors(each = errors, field = field, error = code))]
pub struct ErrorBody {
    pub errors: FieldProblem,
}

#[derive(Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
}

fn main() {}
