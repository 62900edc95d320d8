use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(field_errors(each = errors, field = field))]
pub struct ErrorBody {
    pub errors: Vec<FieldProblem>,
}

#[derive(serde::Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub code: String,
}

fn main() {}
