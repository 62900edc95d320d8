use auth_core::VendorError;

#[derive(serde::Deserialize)]
pub struct FieldProblem {
    pub field: String,
    pub message: String,
}

#[derive(serde::Deserialize, VendorError)]
#[vendor_error(code = error, kind(code = "account_locked" => Locked("30m")))]
pub struct ErrorBody {
    pub error: Option<String>,
    pub error_description: Option<String>,
    pub errors: Vec<FieldProblem>,
}

fn main() {
    let body: ErrorBody = serde_json::from_str("{}").unwrap();
    let _ = body.code();
}
