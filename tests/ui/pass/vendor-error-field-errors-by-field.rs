use std::collections::{BTreeMap, HashMap};

use auth_core::{FieldError, VendorError};

/// PocketBase style: `data` maps each field's name to its problem.
#[derive(serde::Deserialize, VendorError)]
#[vendor_error(
    code = code,
    message = message,
    field_errors(by_field = data, error = code, params = message),
)]
pub struct Keyed {
    pub code: Option<i64>,
    pub message: String,
    pub data: Option<BTreeMap<String, Problem>>,
}

#[derive(serde::Deserialize)]
pub struct Problem {
    pub code: String,
    pub message: String,
}

/// The map on a field, and its entries' problems a list of codes.
#[derive(serde::Deserialize, VendorError)]
pub struct OnAField {
    #[vendor_error(field_errors(by_field, error = codes[0], params = codes))]
    pub errors: HashMap<String, Codes>,
}

#[derive(serde::Deserialize)]
pub struct Codes {
    pub codes: Vec<String>,
}

fn main() {
    let body: Keyed = serde_json::from_str(
        r#"{"code": 400, "message": "Failed.", "data": {
            "password": {"code": "validation_required", "message": "Missing required value."},
            "identity": {"code": "validation_length", "message": "Too short."}}}"#,
    )
    .unwrap();
    assert_eq!(
        body.field_errors(),
        vec![
            FieldError { field: "identity".into(), error: "validation_length".into(), params: vec!["Too short.".into()] },
            FieldError { field: "password".into(), error: "validation_required".into(), params: vec!["Missing required value.".into()] },
        ]
    );
    let none: Keyed = serde_json::from_str(r#"{"message": "Failed."}"#).unwrap();
    assert!(none.field_errors().is_empty());

    let body: OnAField =
        serde_json::from_str(r#"{"errors": {"email": {"codes": ["taken", "blocked"]}}}"#).unwrap();
    assert_eq!(
        body.field_errors(),
        vec![FieldError { field: "email".into(), error: "taken".into(), params: vec!["taken".into(), "blocked".into()] }]
    );
}
