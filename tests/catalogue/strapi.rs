//! Strapi (Users & Permissions): login with an identifier and a password, the kind decided by
//! the error's message.
//!
//! Sources: "Users & Permissions REST API", Login
//! (https://docs.strapi.io/cms/features/users-permissions/rest-api): `POST /api/auth/local`
//! with `{"identifier", "password"}`, the answer `{"jwt", "user"}` and its sample, and the
//! possible errors, all 400 and told apart by their message only: "Invalid identifier or
//! password" (wrong credentials), "Your account email is not confirmed", "Your account has been
//! blocked by an administrator"; the endpoint is rate limited. "Error handling"
//! (https://docs.strapi.io/cms/error-handling): REST errors are
//! `{"data": null, "error": {"status", "name", "message", "details"}}`, `name` being
//! `ApplicationError` or `ValidationError`.
//!
//! Uncertain:
//! - The login page does not say which `name` each error carries; the samples use
//!   `ValidationError` for wrong credentials and `ApplicationError` for the other two.
//! - The body of a rate-limited answer is not shown; only its status is checked.
//!
//! Strapi is self-hosted, so the declaration has no `base_url`: each caller gives its host.

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;
use wiremock::ResponseTemplate;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Strapi";

/// Login of a Users & Permissions user by email or username.
#[login_endpoint(
    vendor = "Strapi",
    path = "/api/auth/local",
    response = LoginResponse,
    token = jwt,
    error_body = ErrorBody,
)]
pub struct Login {
    /// The user's email or username.
    identifier: String,
    #[login(secret)]
    password: Secret,
}

#[derive(Debug, Deserialize)]
pub struct LoginResponse {
    pub jwt: Secret,
    pub user: User,
}

#[derive(Debug, Deserialize)]
pub struct User {
    pub id: u64,
    #[serde(rename = "documentId")]
    pub document_id: Option<String>,
    pub username: String,
    pub email: String,
    pub provider: String,
    pub confirmed: bool,
    pub blocked: bool,
}

/// The REST error shape; every login error is a 400, so the message decides the kind.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error.name,
    message = error.message,
    kind(
        message = "Invalid identifier or password" => InvalidCredentials,
        message = "Your account email is not confirmed" => Forbidden,
        message = "Your account has been blocked by an administrator" => Forbidden,
    ),
)]
pub struct ErrorBody {
    pub data: Option<serde_json::Value>,
    pub error: ErrorDetail,
}

#[derive(Debug, Deserialize)]
pub struct ErrorDetail {
    pub status: u16,
    pub name: String,
    pub message: String,
    pub details: Option<serde_json::Value>,
}

/// The document's success sample, with a JWT in place of its elided one.
const SUCCESS_SAMPLE: &str = r#"{
  "jwt": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.strapi-sample.c2lnbmF0dXJl",
  "user": {
    "id": 1,
    "documentId": "x74detpqybxw0bn6ormua5g2",
    "username": "testuser1",
    "email": "user@example.com",
    "provider": "local",
    "confirmed": true,
    "blocked": false,
    "createdAt": "2024-03-15T10:00:00.000Z",
    "updatedAt": "2024-03-15T10:00:00.000Z",
    "publishedAt": "2024-03-15T10:00:00.000Z"
  }
}"#;

fn documented_login() -> Login {
    Login::builder()
        .identifier("user@example.com")
        .password("yourPassword")
        .build()
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/api/auth/local",
            None,
            Some("application/json"),
            None,
            r#"{"identifier":"user@example.com","password":"yourPassword"}"#,
        )
    );
}

#[tokio::test]
async fn the_sample_success_is_a_session_with_the_jwt() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        session.token().expose_secret(),
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.strapi-sample.c2lnbmF0dXJl"
    );
    let user = &session.response().user;
    assert_eq!((user.id, user.username.as_str()), (1, "testuser1"));
    assert!(user.confirmed && !user.blocked);
    // The document states no lifetime.
    assert_eq!(session.expires_at(), None);
}

fn error_body(name: &str, message: &str) -> String {
    serde_json::json!({
        "data": null,
        "error": {"status": 400, "name": name, "message": message, "details": {}}
    })
    .to_string()
}

/// Three errors with one status: the message alone tells wrong credentials from an account
/// that may not log in.
#[tokio::test]
async fn each_documented_error() {
    let cases = [
        (
            "ValidationError",
            "Invalid identifier or password",
            ErrorKind::InvalidCredentials,
        ),
        (
            "ApplicationError",
            "Your account email is not confirmed",
            ErrorKind::Forbidden,
        ),
        (
            "ApplicationError",
            "Your account has been blocked by an administrator",
            ErrorKind::Forbidden,
        ),
    ];
    for (name, message, kind) in cases {
        let server = server_answering(json_response(400, &error_body(name, message))).await;
        let error = documented_login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("the login fails");
        assert_error(
            &error,
            VENDOR,
            kind,
            400,
            Some(VendorCode::from(name)),
            Some(message),
        );
    }
}

#[tokio::test]
async fn another_message_keeps_the_kind_of_its_status() {
    let body = error_body("ValidationError", "identifier is a required field");
    let server = server_answering(json_response(400, &body)).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.message(), Some("identifier is a required field"));
}

#[tokio::test]
async fn the_rate_limit_is_rate_limited() {
    let server = server_answering(ResponseTemplate::new(429)).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(error.status(), Some(429));
}

#[tokio::test]
async fn an_echoed_password_is_scrubbed_from_the_message() {
    let body = error_body(
        "ValidationError",
        "Invalid identifier or password: yourPassword",
    );
    let server = server_answering(json_response(400, &body)).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_hidden(&format!("{error}\n{error:?}"), &["yourPassword"]);
}
