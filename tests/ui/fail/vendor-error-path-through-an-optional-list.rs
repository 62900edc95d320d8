use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = data.code)]
pub struct ErrorBody {
    pub data: Option<Vec<Problem>>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub code: String,
}

fn main() {}
