use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
#[vendor_error(field_errors(each = errors, field = field, error = code, params = params))]
pub struct ErrorBody {
    pub errors: Vec<FieldProblem>,
}

#[derive(Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
    pub params: u32,
}

fn main() {}
