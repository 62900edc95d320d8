//! Directus: email and password login, an expiry in milliseconds and error codes inside an
//! array.
//!
//! Sources: Directus's OpenAPI description of `POST /auth/login` (`packages/specs/src/paths/auth/login.yaml`
//! in directus/directus: the request `email`, `password`, `mode` (`json` or `cookie`) and `otp`,
//! the answer `{"data": {"access_token", "expires", "refresh_token"}}`) and its error component
//! (`packages/specs/src/components/error.yaml`); the Authentication reference
//! (https://docs.directus.io/reference/authentication): "`expires` — how long before the access
//! token will expire. Value is in milliseconds"; the "Errors" guide
//! (https://directus.io/docs/guides/connect/errors): every error is
//! `{"errors": [{"message", "extensions": {"code"}}]}`, and its table of codes and statuses.
//!
//! Uncertain:
//! - The guides show the login answer without the `data` wrapper and with `"expires": 900000`;
//!   the OpenAPI description wraps it in `data` (its example says `900`). The wrapped shape is
//!   declared here, and `expires` is read as milliseconds, as the reference says.
//! - The documents give no message texts for the login errors; the error tests use the
//!   descriptions of the errors table as messages.
//!
//! Directus is self-hosted, so the declaration has no `base_url`: each caller gives its host.

use std::time::Duration;

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Directus";

/// Email and password login.
#[login_endpoint(
    vendor = "Directus",
    path = "/auth/login",
    response = LoginResponse,
    token = data.access_token,
    refresh_token = data.refresh_token,
    expires_in(millis = data.expires),
    error_body = ErrorBody,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    /// The one-time password, when the user has two-factor authentication.
    #[login(secret)]
    otp: Option<Secret>,
    /// `json` (the default) or `cookie`, for the refresh token.
    mode: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct LoginResponse {
    pub data: Tokens,
}

#[derive(Debug, Deserialize)]
pub struct Tokens {
    pub access_token: Secret,
    /// Milliseconds until the access token expires.
    pub expires: u64,
    /// Absent in `cookie` mode.
    pub refresh_token: Option<Secret>,
}

/// `{"errors": [{"message": "...", "extensions": {"code": "..."}}]}`: the first error decides.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = errors[0].extensions.code,
    message = errors[0].message,
    kind(
        code = "INVALID_CREDENTIALS" | "INVALID_OTP" => InvalidCredentials,
        code = "INVALID_IP" => Forbidden,
        code = "INVALID_PAYLOAD" => InvalidRequest,
        code = "REQUESTS_EXCEEDED" => RateLimited,
    ),
)]
pub struct ErrorBody {
    pub errors: Vec<Error>,
}

#[derive(Debug, Deserialize)]
pub struct Error {
    pub message: String,
    pub extensions: Extensions,
}

#[derive(Debug, Deserialize)]
pub struct Extensions {
    pub code: String,
}

const ACCESS_TOKEN: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.directus-access";
const REFRESH_TOKEN: &str = "Xp2tTNAdLYfnaAOOjt3oetyCWtobKKUIeEXj-refresh";

/// The documented answer, with the guides' `expires` of 15 minutes.
fn success() -> String {
    serde_json::json!({
        "data": {"access_token": ACCESS_TOKEN, "expires": 900_000, "refresh_token": REFRESH_TOKEN}
    })
    .to_string()
}

/// The guides' request sample.
fn documented_login() -> Login {
    Login::builder()
        .email("hello@example.com")
        .password("d1r3ctu5")
        .build()
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = server_answering(json_response(200, &success())).await;
    documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/auth/login",
            None,
            Some("application/json"),
            None,
            r#"{"email":"hello@example.com","password":"d1r3ctu5"}"#,
        )
    );
}

#[tokio::test]
async fn sends_the_one_time_password_and_the_mode_when_given() {
    let server = server_answering(json_response(200, &success())).await;
    Login::builder()
        .email("hello@example.com")
        .password("d1r3ctu5")
        .otp("123456")
        .mode("json")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await.body,
        r#"{"email":"hello@example.com","password":"d1r3ctu5","otp":"123456","mode":"json"}"#
    );
}

#[tokio::test]
async fn the_token_expires_after_the_stated_milliseconds() {
    let server = server_answering(json_response(200, &success())).await;
    let session = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), ACCESS_TOKEN);
    assert_eq!(
        session.refresh_token().map(Secret::expose_secret),
        Some(REFRESH_TOKEN)
    );
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(15 * 60))
    );
    // The typed answer keeps the vendor's number.
    assert_eq!(session.response().data.expires, 900_000);
    assert_hidden(&format!("{session:?}"), &[ACCESS_TOKEN, REFRESH_TOKEN]);
}

#[tokio::test]
async fn cookie_mode_leaves_the_refresh_token_out() {
    let body = serde_json::json!({"data": {"access_token": ACCESS_TOKEN, "expires": 900_000}});
    let server = server_answering(json_response(200, &body.to_string())).await;
    let session = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert!(session.refresh_token().is_none());
}

/// The errors table's login-related rows: the code inside `errors[0].extensions` decides the
/// kind, and the message is the first error's.
#[tokio::test]
async fn each_documented_error() {
    let cases = [
        (
            401,
            "INVALID_CREDENTIALS",
            "Username / password or access token is wrong.",
            ErrorKind::InvalidCredentials,
        ),
        (
            401,
            "INVALID_OTP",
            "Incorrect OTP was provided.",
            ErrorKind::InvalidCredentials,
        ),
        (
            401,
            "INVALID_IP",
            "Your IP address isn't allow-listed to be used with this user.",
            ErrorKind::Forbidden,
        ),
        (
            400,
            "INVALID_PAYLOAD",
            "Provided payload is invalid.",
            ErrorKind::InvalidRequest,
        ),
        (
            429,
            "REQUESTS_EXCEEDED",
            "You have exceeded the rate limit.",
            ErrorKind::RateLimited,
        ),
    ];
    for (status, code, message, kind) in cases {
        let body =
            serde_json::json!({"errors": [{"message": message, "extensions": {"code": code}}]});
        let server = server_answering(json_response(status, &body.to_string())).await;
        let error = documented_login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("the login fails");
        assert_error(
            &error,
            VENDOR,
            kind,
            status,
            Some(VendorCode::from(code)),
            Some(message),
        );
    }
}

/// "A single response can contain multiple errors": the first one is the error's code and
/// message.
#[tokio::test]
async fn the_first_of_several_errors_decides() {
    let body = serde_json::json!({"errors": [
        {"message": "Your IP address isn't allow-listed to be used with this user.", "extensions": {"code": "INVALID_IP"}},
        {"message": "Username / password or access token is wrong.", "extensions": {"code": "INVALID_CREDENTIALS"}},
    ]});
    let server = server_answering(json_response(401, &body.to_string())).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_eq!(error.kind(), ErrorKind::Forbidden);
    assert_eq!(error.vendor_code(), Some(&VendorCode::from("INVALID_IP")));
}
