use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = errors[0].codes.value)]
pub struct ErrorBody {
    pub errors: Vec<Problem>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub codes: Vec<Code>,
}

#[derive(serde::Deserialize)]
pub struct Code {
    pub value: String,
}

fn main() {}
