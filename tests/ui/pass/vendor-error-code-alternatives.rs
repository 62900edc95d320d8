use auth_core::{ErrorKind, VendorCode, VendorError};

/// An error object, or a 200 whose `status` says how the login stopped: the code is whichever
/// is present, in the order written.
#[derive(serde::Deserialize, VendorError)]
#[serde(rename_all = "camelCase")]
#[vendor_error(
    code = error_code | status | details[0].reason,
    message = error_summary | details[0].text,
    kind(code = "E0000004" => InvalidCredentials, code = "LOCKED_OUT" => Locked),
)]
pub struct ErrorBody {
    pub error_code: Option<String>,
    pub error_summary: Option<String>,
    pub status: Option<String>,
    #[serde(default)]
    pub details: Vec<Detail>,
}

#[derive(serde::Deserialize)]
pub struct Detail {
    pub reason: i64,
    pub text: String,
}

fn body(json: &str) -> ErrorBody {
    serde_json::from_str(json).unwrap()
}

fn main() {
    let error = body(r#"{"errorCode": "E0000004", "errorSummary": "Authentication failed", "status": "x"}"#);
    assert_eq!(error.code(), Some(VendorCode::from("E0000004")));
    assert_eq!(error.message(), Some("Authentication failed"));
    assert_eq!(error.kind(), Some(ErrorKind::InvalidCredentials));

    let locked = body(r#"{"status": "LOCKED_OUT"}"#);
    assert_eq!(locked.code(), Some(VendorCode::from("LOCKED_OUT")));
    assert_eq!(locked.message(), None);
    assert_eq!(locked.kind(), Some(ErrorKind::Locked));

    let detailed = body(r#"{"details": [{"reason": 7, "text": "Try later"}]}"#);
    assert_eq!(detailed.code(), Some(VendorCode::Number(7)));
    assert_eq!(detailed.message(), Some("Try later"));

    let nothing = body("{}");
    assert_eq!((nothing.code(), nothing.message(), nothing.kind()), (None, None, None));
}
