use std::collections::BTreeMap;

use auth_core::VendorError;
use serde::Deserialize;

#[derive(Deserialize, VendorError)]
#[vendor_error(field_errors(by_field = data, field = name, error = code))]
pub struct ErrorBody {
    pub data: BTreeMap<String, FieldProblem>,
}

#[derive(Deserialize)]
pub struct FieldProblem {
    pub name: String,
    pub code: String,
}

fn main() {}
