use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = errors[i].code)]
pub struct ErrorBody {
    pub errors: Vec<Problem>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub code: String,
}

fn main() {}
