use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(field_errors(each = errors, field = field, error = message))]
pub struct ErrorBody {
    pub errors: Vec<String>,
}

fn main() {}
