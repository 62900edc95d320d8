use std::collections::BTreeMap;

use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
pub struct ErrorBody {
    #[vendor_error(field_errors(by_field = data, error = code))]
    pub data: BTreeMap<String, FieldProblem>,
}

#[derive(Deserialize)]
pub struct FieldProblem {
    pub code: String,
}

fn main() {}
