use auth_core::VendorError;

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = errors[0].extensions.cod)]
pub struct ErrorBody {
    pub errors: Vec<GraphQlError>,
}

#[derive(serde::Deserialize)]
pub struct GraphQlError {
    pub message: String,
    pub extensions: Option<Extensions>,
}

#[derive(serde::Deserialize)]
pub struct Extensions {
    pub code: String,
}

fn main() {}
