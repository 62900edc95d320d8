//! PocketBase: a record's login to an auth collection with its identity (username or email)
//! and password.
//!
//! Source: PocketBase documentation, "API Records", section "Auth with password"
//! (https://pocketbase.io/docs/api-records/, kept in the `pocketbase/site` repository):
//! `POST /api/collections/{collectionIdOrName}/auth-with-password`, a JSON body with the
//! required `identity` and `password` and an optional `identityField`, the optional query
//! parameters `expand` and `fields`, a 200 sample carrying `token` and `record`, and a 400
//! sample whose `data` holds one problem per field.
//!
//! PocketBase is self-hosted, so the declaration has no `base_url`.

use std::collections::BTreeMap;

use auth_core::{ErrorKind, FieldError, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{OnTheWire, assert_error, client, json_response, server_answering, the_request};

const VENDOR: &str = "PocketBase";

/// Login with an identity and a password.
#[login_endpoint(
    vendor = "PocketBase",
    path = "/api/collections/{collection}/auth-with-password",
    response = AuthResponse,
    token = token,
    error_body = ErrorBody,
    status(400 => InvalidRequest),
)]
pub struct Login {
    /// The auth collection's id or name, in the path.
    #[login(path)]
    collection: String,
    /// A username or email address.
    identity: String,
    #[login(secret)]
    password: Secret,
    /// The identity field to match, when not the first one that matches.
    #[login(rename = "identityField")]
    identity_field: Option<String>,
    /// Relations of the record to expand.
    #[login(query)]
    expand: Option<String>,
    /// The fields of the answer to return.
    #[login(query)]
    fields: Option<String>,
}

/// The 200 body.
#[derive(Debug, Deserialize)]
pub struct AuthResponse {
    pub token: Secret,
    pub record: Record,
}

/// The authenticated record, as far as every auth collection has it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    pub id: String,
    pub collection_id: String,
    pub collection_name: String,
    pub email: Option<String>,
    pub verified: Option<bool>,
}

/// The error body: `data` maps each field's name to its problem.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = code,
    message = message,
    field_errors(by_field = data, error = code, params = message),
)]
pub struct ErrorBody {
    pub code: Option<i64>,
    pub message: String,
    #[serde(default)]
    pub data: BTreeMap<String, FieldProblem>,
}

/// One field's problem in `data`.
#[derive(Debug, Deserialize)]
pub struct FieldProblem {
    pub code: String,
    pub message: String,
}

/// The document's 200 sample, verbatim.
const SUCCESS_SAMPLE: &str = r#"{
  "token": "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoUmVjb3JkIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyMjA4OTg1MjYxfQ.UwD8JvkbQtXpymT09d7J6fdA0aP9g4FJ1GPh_ggEkzc",
  "record": {
    "id": "8171022dc95a4ed",
    "collectionId": "d2972397d45614e",
    "collectionName": "users",
    "created": "2022-06-24 06:24:18.434Z",
    "updated": "2022-06-24 06:24:18.889Z",
    "username": "test@example.com",
    "email": "test@example.com",
    "verified": false,
    "emailVisibility": true,
    "someCustomField": "example 123"
  }
}"#;

/// The document's 400 sample, verbatim.
const ERROR_SAMPLE: &str = r#"{
  "code": 400,
  "message": "An error occurred while submitting the form.",
  "data": {
    "password": {
      "code": "validation_required",
      "message": "Missing required value."
    }
  }
}"#;

fn login() -> Login {
    Login::builder()
        .collection("users")
        .identity("YOUR_USERNAME_OR_EMAIL")
        .password("YOUR_PASSWORD")
        .build()
}

#[tokio::test]
async fn sends_the_identity_and_password_to_the_collection() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/api/collections/users/auth-with-password",
            None,
            Some("application/json"),
            None,
            r#"{"identity":"YOUR_USERNAME_OR_EMAIL","password":"YOUR_PASSWORD"}"#,
        )
    );
}

#[tokio::test]
async fn optional_body_and_query_values_are_sent_when_set() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    Login::builder()
        .collection("_pb_users_auth_")
        .identity("test@example.com")
        .password("1234567890")
        .identity_field("email")
        .expand("team,profile")
        .maybe_fields(None)
        .build()
        .send_to(&client(), &format!("{}/pb", server.uri()))
        .await
        .expect("the login succeeds");
    let request = the_request(&server).await;
    assert_eq!(
        request.path,
        "/pb/api/collections/_pb_users_auth_/auth-with-password"
    );
    assert_eq!(request.query.as_deref(), Some("expand=team%2Cprofile"));
    assert_eq!(
        request.body,
        r#"{"identity":"test@example.com","password":"1234567890","identityField":"email"}"#
    );
}

#[tokio::test]
async fn the_documented_success_gives_a_session_and_the_record() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.vendor(), VENDOR);
    assert!(
        session
            .token()
            .expose_secret()
            .starts_with("eyJhbGciOiJIUzI1NiJ9.")
    );
    assert!(session.refresh_token().is_none());
    let record = &session.response().record;
    assert_eq!(record.id, "8171022dc95a4ed");
    assert_eq!(record.collection_name, "users");
    assert_eq!(record.email.as_deref(), Some("test@example.com"));
    assert_eq!(record.verified, Some(false));
}

#[tokio::test]
async fn the_documented_error_has_its_kind_code_message_and_field_error() {
    let server = server_answering(json_response(400, ERROR_SAMPLE)).await;
    let error = login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_error(
        &error,
        VENDOR,
        ErrorKind::InvalidRequest,
        400,
        Some(VendorCode::from(400)),
        Some("An error occurred while submitting the form."),
    );
    assert_eq!(
        error.field_errors(),
        &[FieldError {
            field: "password".to_owned(),
            error: "validation_required".to_owned(),
            params: vec!["Missing required value.".to_owned()],
        }]
    );
}
