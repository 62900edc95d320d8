use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(field_errors(each = errors, field = name, error = message))]
pub struct ErrorBody {
    pub errors: std::collections::BTreeMap<String, Problem>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub name: String,
    pub message: String,
}

fn main() {}
