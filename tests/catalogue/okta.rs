//! Okta: primary authentication with a username and password through the Authentication API,
//! which answers with a one-time session token or with the next step of a transaction.
//!
//! Source: Okta Developer documentation, "Authentication API", operation "Primary
//! authentication" (https://developer.okta.com/docs/reference/api/authn/#primary-authentication):
//! `POST /api/v1/authn` on the organisation's own domain, a JSON body with `username`,
//! `password` and `options` (`multiOptionalFactorEnroll`, `warnBeforePasswordExpired`), a 200
//! whose `status` is `SUCCESS` with a `sessionToken` and its `expiresAt`, or another
//! transaction state (`LOCKED_OUT`, `PASSWORD_EXPIRED`, `MFA_REQUIRED`, ...) without a session
//! token; and its error objects (`errorCode`, `errorSummary`, `errorLink`, `errorId`,
//! `errorCauses`): `E0000004` "Authentication failed" with 401, and `E0000047` for the rate
//! limit with 429 (from the "Error codes" reference).
//!
//! The samples below are written from memory of those pages, not copied from them: the field
//! names and codes are the documented ones, the ids and tokens are the documents' style of
//! placeholder.
//!
//! A transaction state other than `SUCCESS` is a failure stated in a 200, and the state itself
//! is the failure's code: the error body reads `errorCode`, or `status` when there is none.
//! Each organisation has its own domain, so the declaration has no `base_url`.

use std::time::{Duration, SystemTime};

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{OnTheWire, assert_error, client, json_response, server_answering, the_request};

const VENDOR: &str = "Okta";

/// Primary authentication.
#[login_endpoint(
    vendor = "Okta",
    path = "/api/v1/authn",
    header(name = "accept", value = "application/json"),
    constant(
        options.multiOptionalFactorEnroll = false,
        options.warnBeforePasswordExpired = false,
    ),
    response = Transaction,
    token = session_token,
    expires_at = expires_at,
    body_failure(field = status, success = "SUCCESS"),
    error_body = ErrorBody,
)]
pub struct Login {
    username: String,
    #[login(secret)]
    password: Secret,
}

/// The authentication transaction.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Transaction {
    /// `SUCCESS`, or the state the transaction waits in.
    pub status: String,
    /// When the session token (or the state token) expires, RFC 3339.
    pub expires_at: Option<String>,
    /// A one-time token to exchange for a session; only with `SUCCESS`.
    pub session_token: Option<Secret>,
    pub relay_state: Option<String>,
    #[serde(rename = "_embedded")]
    pub embedded: Option<Embedded>,
}

#[derive(Debug, Deserialize)]
pub struct Embedded {
    pub user: Option<User>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct User {
    pub id: String,
    pub password_changed: Option<String>,
    pub profile: Profile,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    pub login: String,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub locale: Option<String>,
    pub time_zone: Option<String>,
}

/// An error object, or a transaction that stopped short of `SUCCESS`: the code is the error's
/// `errorCode`, else the transaction's `status`.
#[derive(Debug, Deserialize, VendorError)]
#[serde(rename_all = "camelCase")]
#[vendor_error(
    code = error_code | status,
    message = error_summary,
    kind(
        code = "E0000004" => InvalidCredentials,
        code = "E0000047" => RateLimited,
        code = "LOCKED_OUT" => Locked,
        code = "PASSWORD_EXPIRED" => Expired,
        code = "MFA_REQUIRED" | "MFA_ENROLL" | "MFA_CHALLENGE" => Forbidden,
    ),
)]
pub struct ErrorBody {
    pub error_code: Option<String>,
    pub error_summary: Option<String>,
    pub error_link: Option<String>,
    pub error_id: Option<String>,
    #[serde(default)]
    pub error_causes: Vec<ErrorCause>,
    pub status: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorCause {
    pub error_summary: String,
}

/// A `SUCCESS` transaction, in the document's shape.
const SUCCESS_SAMPLE: &str = r#"{
  "expiresAt": "2015-11-03T10:15:57.000Z",
  "status": "SUCCESS",
  "relayState": "/myapp/some/deep/link/i/want/to/return/to",
  "sessionToken": "00Fpzf4en68pCXTsMjcX8JPMctzN2Wiw4LDOBL_9pe",
  "_embedded": {
    "user": {
      "id": "00ub0oNGTSWTBKOLGLNR",
      "passwordChanged": "2015-09-08T20:14:45.000Z",
      "profile": {
        "login": "dade.murphy@example.com",
        "firstName": "Dade",
        "lastName": "Murphy",
        "locale": "en_US",
        "timeZone": "America/Los_Angeles"
      }
    }
  }
}"#;

/// A locked-out user, in the document's shape.
const LOCKED_OUT_SAMPLE: &str = r#"{
  "status": "LOCKED_OUT",
  "_links": {
    "unlock": {
      "href": "https://example.okta.com/api/v1/authn/recovery/unlock",
      "hints": { "allow": ["POST"] }
    }
  }
}"#;

/// A user whose password has expired, in the document's shape.
const PASSWORD_EXPIRED_SAMPLE: &str = r#"{
  "stateToken": "007ucIX7PATyn94hsHfOLVaXAmOBkKHWnOOLG43bsb",
  "expiresAt": "2015-11-03T10:15:57.000Z",
  "status": "PASSWORD_EXPIRED",
  "relayState": "/myapp/some/deep/link/i/want/to/return/to",
  "_embedded": {
    "user": {
      "id": "00ub0oNGTSWTBKOLGLNR",
      "passwordChanged": "2015-09-08T20:14:45.000Z",
      "profile": { "login": "dade.murphy@example.com", "firstName": "Dade", "lastName": "Murphy" }
    }
  }
}"#;

/// Wrong credentials.
const AUTHENTICATION_FAILED_SAMPLE: &str = r#"{
  "errorCode": "E0000004",
  "errorSummary": "Authentication failed",
  "errorLink": "E0000004",
  "errorId": "oaeFr4Mqhd7SqaQp-x9SPb0Bw",
  "errorCauses": []
}"#;

/// The rate limit.
const RATE_LIMIT_SAMPLE: &str = r#"{
  "errorCode": "E0000047",
  "errorSummary": "API call exceeded rate limit due to too many requests.",
  "errorLink": "E0000047",
  "errorId": "sampleQPivGUj_ND5v78vbYWW",
  "errorCauses": []
}"#;

fn login() -> Login {
    Login::builder()
        .username("dade.murphy@example.com")
        .password("correcthorsebatterystaple")
        .build()
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/api/v1/authn",
            None,
            Some("application/json"),
            None,
            // The constants come first; JSON objects are unordered.
            r#"{"options":{"multiOptionalFactorEnroll":false,"warnBeforePasswordExpired":false},"username":"dade.murphy@example.com","password":"correcthorsebatterystaple"}"#,
        )
    );
}

#[tokio::test]
async fn a_success_gives_the_session_token_until_its_expiry() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        session.token().expose_secret(),
        "00Fpzf4en68pCXTsMjcX8JPMctzN2Wiw4LDOBL_9pe"
    );
    // 2015-11-03T10:15:57Z
    assert_eq!(
        session.expires_at(),
        Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_446_545_757))
    );
    let user = session
        .response()
        .embedded
        .as_ref()
        .and_then(|e| e.user.as_ref());
    assert_eq!(
        user.map(|u| u.profile.login.as_str()),
        Some("dade.murphy@example.com")
    );
}

#[tokio::test]
async fn a_transaction_that_stops_short_of_success_fails_with_its_state_as_the_code() {
    for (sample, kind, state) in [
        (LOCKED_OUT_SAMPLE, ErrorKind::Locked, "LOCKED_OUT"),
        (
            PASSWORD_EXPIRED_SAMPLE,
            ErrorKind::Expired,
            "PASSWORD_EXPIRED",
        ),
    ] {
        let server = server_answering(json_response(200, sample)).await;
        let error = login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("no session");
        assert_error(
            &error,
            VENDOR,
            kind,
            200,
            Some(VendorCode::from(state)),
            None,
        );
    }
}

#[tokio::test]
async fn the_documented_errors_have_their_kind_code_and_summary() {
    for (status, sample, kind, code, summary) in [
        (
            401,
            AUTHENTICATION_FAILED_SAMPLE,
            ErrorKind::InvalidCredentials,
            "E0000004",
            "Authentication failed",
        ),
        (
            429,
            RATE_LIMIT_SAMPLE,
            ErrorKind::RateLimited,
            "E0000047",
            "API call exceeded rate limit due to too many requests.",
        ),
    ] {
        let server = server_answering(json_response(status, sample)).await;
        let error = login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("refused");
        assert_error(
            &error,
            VENDOR,
            kind,
            status,
            Some(VendorCode::from(code)),
            Some(summary),
        );
    }
}
