use std::collections::BTreeMap;

use auth_core::__private::interpret_response;
use auth_core::{login_endpoint, ErrorKind, FieldError, Secret, VendorError};

/// The answer is the token itself, a JSON string.
#[login_endpoint(
    vendor = "Bare Token",
    base_url = "https://nas.example.com",
    path = "/api/v2.0/auth/generate_token",
    response = Secret,
    token = self,
    error_body = Invalid,
)]
pub struct Login {
    #[login(basic_auth = user)]
    username: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
}

/// The answer is a list of sessions, the first one current.
#[login_endpoint(
    vendor = "Bare List",
    base_url = "https://api.example.com",
    path = "/sessions",
    response = Vec<ListedSession>,
    token = self[0].token,
)]
pub struct ListLogin {
    email: String,
}

#[derive(Debug, serde::Deserialize)]
pub struct ListedSession {
    pub token: Secret,
}

/// Laravel style: each field's name maps to its messages; the first is the error.
#[derive(serde::Deserialize, VendorError)]
#[vendor_error(message = message, field_errors(by_field = errors, error = self[0], params = self))]
pub struct Invalid {
    pub message: String,
    pub errors: BTreeMap<String, Vec<String>>,
}

fn main() {
    let session = interpret_response::<Login>(200, br#""t0k3n""#).expect("a session");
    assert_eq!(session.token().expose_secret(), "t0k3n");
    let error = interpret_response::<Login>(200, br#""""#).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);

    let session = interpret_response::<ListLogin>(200, br#"[{"token": "first"}, {"token": "second"}]"#)
        .expect("a session");
    assert_eq!(session.token().expose_secret(), "first");
    let error = interpret_response::<ListLogin>(200, b"[]").unwrap_err();
    assert!(error.detail().unwrap().contains("`self[0].token`"), "{error:?}");

    let error = interpret_response::<Login>(
        422,
        br#"{"message": "The given data was invalid.", "errors": {"email": ["The email field is required.", "The email must be valid."]}}"#,
    )
    .unwrap_err();
    assert_eq!(error.message(), Some("The given data was invalid."));
    assert_eq!(
        error.field_errors(),
        &[FieldError {
            field: "email".into(),
            error: "The email field is required.".into(),
            params: vec!["The email field is required.".into(), "The email must be valid.".into()],
        }]
    );
}
