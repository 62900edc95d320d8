//! Firebase Authentication: email and password sign-in, with the project's Web API key in the
//! query.
//!
//! Source: Firebase documentation, "Firebase Auth REST API", sections "Sign in with email /
//! password" and "Error response format"
//! (https://firebase.google.com/docs/reference/rest/auth): `POST
//! https://identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=[API_KEY]` with a
//! JSON body `{"email", "password", "returnSecureToken": true}`; the sample response
//! (`localId`, `email`, `displayName`, `idToken`, `registered`, `refreshToken`, `expiresIn`);
//! the common error codes `EMAIL_NOT_FOUND`, `INVALID_PASSWORD` and `USER_DISABLED`, carried as
//! the `message` of an `error` object that also holds the status `code` and an `errors` list.
//! The page gives no HTTP status per code; the envelope's own `code`, 400, is used.
//!
//! The API key identifies the project rather than a user, but it is kept as a secret here, so
//! it never shows in a log or an error.

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Firebase Authentication";
const API_KEY: &str = "AIzaSyFAKE-web-api-key-0123456789";

/// Email and password sign-in.
#[login_endpoint(
    vendor = "Firebase Authentication",
    base_url = "https://identitytoolkit.googleapis.com",
    path = "/v1/accounts:signInWithPassword",
    constant(returnSecureToken = true),
    response = SignInResponse,
    token = id_token,
    refresh_token = refresh_token,
    expires_in = expires_in,
    error_body = ErrorBody,
    status(400 => InvalidRequest),
)]
pub struct Login {
    /// The project's Web API key, as `?key=`.
    #[login(secret, query = "key")]
    api_key: Secret,
    email: String,
    #[login(secret)]
    password: Secret,
}

/// The sign-in response.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInResponse {
    pub local_id: String,
    pub email: String,
    pub display_name: Option<String>,
    pub id_token: Secret,
    pub registered: bool,
    pub refresh_token: Secret,
    /// Seconds the ID token lives, as a string: `"3600"`.
    pub expires_in: String,
}

/// The error envelope: the code is the `message`.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error.message,
    kind(
        code = "EMAIL_NOT_FOUND" | "INVALID_PASSWORD" => InvalidCredentials,
        code = "USER_DISABLED" => Forbidden,
    ),
)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

/// `error` of the envelope.
#[derive(Debug, Deserialize)]
pub struct ErrorDetail {
    pub code: u16,
    /// The error code, such as `EMAIL_NOT_FOUND`.
    pub message: String,
    #[serde(default)]
    pub errors: Vec<ErrorItem>,
}

/// One entry of `error.errors`.
#[derive(Debug, Deserialize)]
pub struct ErrorItem {
    pub message: String,
    pub domain: String,
    pub reason: String,
}

/// The document's sample response, with its placeholders filled in.
const SUCCESS_SAMPLE: &str = r#"{
  "localId": "ZY1rJK0eYLg...",
  "email": "user@example.com",
  "displayName": "",
  "idToken": "firebase-id-token-5f2c",
  "registered": true,
  "refreshToken": "firebase-refresh-token-8d1a",
  "expiresIn": "3600"
}"#;

fn error_sample(code: &str) -> String {
    format!(
        r#"{{
  "error": {{
    "errors": [
      {{
        "domain": "global",
        "reason": "invalid",
        "message": "{code}"
      }}
    ],
    "code": 400,
    "message": "{code}"
  }}
}}"#
    )
}

fn login(password: &str) -> Login {
    Login::builder()
        .api_key(API_KEY)
        .email("user@example.com")
        .password(password)
        .build()
}

#[test]
fn declares_the_documented_url() {
    let spec = <Login as auth_core::LoginEndpoint>::SPEC;
    assert_eq!(
        spec.base_url(),
        Some("https://identitytoolkit.googleapis.com")
    );
    assert_eq!(spec.path(), "/v1/accounts:signInWithPassword");
}

#[tokio::test]
async fn sends_the_key_in_the_query_and_the_constant_in_the_body() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login("PASSWORD")
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/v1/accounts:signInWithPassword",
            Some(&format!("key={API_KEY}")),
            Some("application/json"),
            None,
            r#"{"returnSecureToken":true,"email":"user@example.com","password":"PASSWORD"}"#,
        )
    );
}

#[tokio::test]
async fn the_documented_success_gives_a_session() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login("PASSWORD")
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.vendor(), VENDOR);
    assert_eq!(session.token().expose_secret(), "firebase-id-token-5f2c");
    assert_eq!(
        session.refresh_token().map(Secret::expose_secret),
        Some("firebase-refresh-token-8d1a")
    );
    let response = session.response();
    assert_eq!(response.local_id, "ZY1rJK0eYLg...");
    assert!(response.registered);
    assert_eq!(response.expires_in, "3600");
    // Seconds, as a string.
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + std::time::Duration::from_secs(3600))
    );
}

#[tokio::test]
async fn each_documented_error_has_its_kind_and_code() {
    for (code, kind) in [
        ("EMAIL_NOT_FOUND", ErrorKind::InvalidCredentials),
        ("INVALID_PASSWORD", ErrorKind::InvalidCredentials),
        ("USER_DISABLED", ErrorKind::Forbidden),
    ] {
        let server = server_answering(json_response(400, &error_sample(code))).await;
        // Not `PASSWORD`, which would be scrubbed out of `INVALID_PASSWORD`.
        let error = login("fb-password-1q2w")
            .send_to(&client(), &server.uri())
            .await
            .expect_err("the login fails");
        assert_error(
            &error,
            VENDOR,
            kind,
            400,
            Some(VendorCode::from(code)),
            None,
        );
    }
}

#[tokio::test]
async fn the_key_never_shows_in_errors_or_debug() {
    // A server that echoes the whole request URL, key included, in its error.
    let echo =
        format!(r#"{{"error":{{"code":400,"message":"key={API_KEY} rejected","errors":[]}}}}"#);
    let server = server_answering(json_response(400, &echo)).await;
    let login = login("fb-password-33w");
    let error = login
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    let shown = format!("{error}\n{error:?}\n{login:?}");
    assert_hidden(&shown, &[API_KEY, "fb-password-33w"]);
    assert!(format!("{login:?}").contains("returnSecureToken: true"));
}
