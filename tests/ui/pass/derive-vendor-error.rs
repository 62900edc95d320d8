use auth_core::{ErrorKind, FieldError, VendorCode, VendorError};

/// Codes and messages inside a list, GraphQL style.
#[derive(serde::Deserialize, VendorError)]
#[vendor_error(
    code = errors[0].extensions.code,
    message = errors[0].message,
    field_errors(each = errors, field = extensions.field, error = extensions.code),
    kind(code = "INVALID_CREDENTIALS" => InvalidCredentials, code = "USER_SUSPENDED" | "USER_LOCKED" => Forbidden),
)]
pub struct GraphQlErrors {
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
    pub field: Option<String>,
}

/// Field attributes, a numeric code and a kind decided by the message.
#[derive(serde::Deserialize, VendorError)]
#[vendor_error(kind(
    code = 4 | -1 => InvalidCredentials,
    message = "Invalid identifier or password" => InvalidCredentials,
))]
pub struct Flat {
    #[vendor_error(code)]
    pub status: Option<i64>,
    #[vendor_error(message)]
    pub message: Option<String>,
    #[vendor_error(field_errors(field = name, error = problem, params = params))]
    pub problems: Option<Vec<Problem>>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub name: String,
    pub problem: String,
    pub params: Vec<String>,
}

/// Nothing to read: every method keeps its default.
#[derive(serde::Deserialize, VendorError)]
pub struct Nothing {}

fn main() {
    let body: GraphQlErrors = serde_json::from_str(
        r#"{"errors":[{"message":"Invalid user credentials.","extensions":{"code":"INVALID_CREDENTIALS","field":"email"}}]}"#,
    )
    .unwrap();
    assert_eq!(body.code(), Some(VendorCode::from("INVALID_CREDENTIALS")));
    assert_eq!(body.message(), Some("Invalid user credentials."));
    assert_eq!(body.kind(), Some(ErrorKind::InvalidCredentials));
    assert_eq!(
        body.field_errors(),
        vec![FieldError { field: "email".into(), error: "INVALID_CREDENTIALS".into(), params: vec![] }]
    );
    let empty: GraphQlErrors = serde_json::from_str(r#"{"errors":[]}"#).unwrap();
    assert_eq!((empty.code(), empty.message(), empty.kind()), (None, None, None));

    let flat: Flat = serde_json::from_str(r#"{"status":-1}"#).unwrap();
    assert_eq!(flat.kind(), Some(ErrorKind::InvalidCredentials));
    let flat: Flat = serde_json::from_str(
        r#"{"message":"Invalid identifier or password","problems":[{"name":"identifier","problem":"REQUIRED","params":["x"]}]}"#,
    )
    .unwrap();
    assert_eq!(flat.kind(), Some(ErrorKind::InvalidCredentials));
    assert_eq!(flat.field_errors()[0].params, ["x"]);

    let nothing: Nothing = serde_json::from_str("{}").unwrap();
    assert_eq!((nothing.code(), nothing.kind()), (None, None));
}
