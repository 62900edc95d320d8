use std::collections::BTreeMap;

use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
#[vendor_error(field_errors(each = errors, by_field = data, error = code))]
pub struct ErrorBody {
    pub errors: Vec<FieldProblem>,
    pub data: BTreeMap<String, FieldProblem>,
}

#[derive(Deserialize)]
pub struct FieldProblem {
    pub code: String,
}

fn main() {}
