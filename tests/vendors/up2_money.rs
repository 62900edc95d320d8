//! Up2 Money: `POST /auth/login` with the application's API secret in `x-secret` and a body
//! `{"email", "password": {"value"}}`; a token valid 5 minutes from last activity; errors as
//! `{"response": {"errorCode"}, "message"}` or `{"message", "syntaxErrors": {"invalidFields"}}`,
//! and nine documented statuses.

use std::time::Duration;

use auth_core::{AuthError, ErrorKind, FieldError, LoginEndpoint, Session, VendorCode};
use serde_json::json;
use vendors::up2_money::{IdentityType, Login, LoginResponse};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::bad_responses::{self, BadResponse};
use super::{assert_hidden, client, html_page, json_response, shown};

const VENDOR: &str = "Up2 Money";
const LOGIN_PATH: &str = "/auth/login";
/// Not the document's example value: each application has its own secret.
const API_SECRET: &str = "dXAyLWFwaS1zZWNyZXQtNzcx";
const EMAIL: &str = "YOUR_EMAIL";
const PASSWORD: &str = "up2-tokenized-password-3f9a";

/// The document's success sample with its placeholders filled in (empty `id`s and `token`) and
/// its `// OR "CORPORATE"` comment, which is not JSON, left out.
const SAMPLE: &str = r#"{
    "credentials": {
        "id": "cred-0b7e",
        "type": "ROOT"
    },
    "identity": {
        "id": "ident-5d21",
        "type": "CONSUMER"
    },
    "token": "up2-token-sample-91c4",
    "tokenType": "ACCESS"
}"#;

/// The document's `Error - 400` sample, verbatim.
const TOKEN_EXPIRED_SAMPLE: &str = r#"{
    "response": {
        "errorCode": "TOKEN_EXPIRED"
    },
    "message": "Login failed."
}"#;

/// The document's `400 Bad Request Error` sample, verbatim.
const INVALID_FIELDS_SAMPLE: &str = r#"{
  "message": "string",
  "syntaxErrors": {
    "invalidFields": [
      {
        "params": [
          "string"
        ],
        "fieldName": "string",
        "error": "REQUIRED"
      }
    ]
  }
}"#;

fn login() -> Login {
    Login::builder()
        .api_secret(API_SECRET)
        .email(EMAIL)
        .password(PASSWORD)
        .build()
}

async fn login_at(base_url: &str) -> Result<Session<LoginResponse>, AuthError> {
    login().send_to(&client(), base_url).await
}

async fn server_answering(response: ResponseTemplate) -> MockServer {
    super::server_answering(LOGIN_PATH, response).await
}

#[test]
fn declares_the_documented_url() {
    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(
        format!(
            "{}{}",
            spec.base_url().expect("a documented base URL"),
            spec.path()
        ),
        "https://api.up2.money/auth/login"
    );
}

#[tokio::test]
async fn sends_the_api_secret_header_and_the_nested_password() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LOGIN_PATH))
        .and(header("x-secret", API_SECRET))
        .and(header("content-type", "application/json"))
        .and(body_json(
            json!({"email": EMAIL, "password": {"value": PASSWORD}}),
        ))
        .respond_with(json_response(200, SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let session = login_at(&server.uri()).await.expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), "up2-token-sample-91c4");
}

#[tokio::test]
async fn sample_success_gives_a_session_with_an_idle_timeout() {
    let server = server_answering(json_response(200, SAMPLE)).await;
    let session = login_at(&server.uri()).await.expect("the login succeeds");

    assert_eq!(session.vendor(), VENDOR);
    assert_eq!(session.token().expose_secret(), "up2-token-sample-91c4");
    assert!(session.refresh_token().is_none());
    // Valid 5 minutes from last activity: no fixed expiry.
    assert_eq!(session.idle_timeout(), Some(Duration::from_secs(5 * 60)));
    assert_eq!(session.expires_at(), None);
    let issued = session.issued_at();
    assert_eq!(
        session.remaining_at(issued + Duration::from_secs(60), issued),
        Some(Duration::from_secs(4 * 60))
    );

    let response = session.response();
    assert_eq!(response.credentials.id, "cred-0b7e");
    assert_eq!(response.credentials.kind, "ROOT");
    assert_eq!(response.identity.id, "ident-5d21");
    assert_eq!(response.identity.kind, IdentityType::Consumer);
    assert_eq!(response.token_type, "ACCESS");
}

#[tokio::test]
async fn identity_types() {
    for (kind, expected) in [
        ("CORPORATE", IdentityType::Corporate),
        ("CONSUMER", IdentityType::Consumer),
        ("PARTNER", IdentityType::Other),
    ] {
        let body = SAMPLE.replace("\"CONSUMER\"", &format!("\"{kind}\""));
        let server = server_answering(json_response(200, &body)).await;
        let session = login_at(&server.uri()).await.expect("the login succeeds");
        assert_eq!(session.response().identity.kind, expected, "{kind}");
    }
}

#[tokio::test]
async fn token_expired_sample_is_expired_with_code_and_message() {
    let server = server_answering(json_response(400, TOKEN_EXPIRED_SAMPLE)).await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");

    assert_eq!(error.kind(), ErrorKind::Expired);
    assert_eq!(error.vendor(), VENDOR);
    assert_eq!(error.status(), Some(400));
    assert_eq!(
        error.vendor_code(),
        Some(&VendorCode::Text("TOKEN_EXPIRED".to_owned()))
    );
    assert_eq!(error.message(), Some("Login failed."));
    assert!(error.field_errors().is_empty());
}

#[tokio::test]
async fn invalid_fields_sample_is_an_invalid_request_with_field_errors() {
    let server = server_answering(json_response(400, INVALID_FIELDS_SAMPLE)).await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");

    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.vendor_code(), None);
    assert_eq!(error.message(), Some("string"));
    assert_eq!(
        error.field_errors(),
        [FieldError {
            field: "string".to_owned(),
            error: "REQUIRED".to_owned(),
            params: vec!["string".to_owned()],
        }]
    );
}

#[tokio::test]
async fn documented_statuses_map_to_kinds() {
    const LOCKOUT: Duration = Duration::from_secs(30 * 60);
    let cases = [
        (
            401,
            ErrorKind::InvalidCredentials,
            "Your credentials or access token are invalid.",
            None,
        ),
        (
            403,
            ErrorKind::Forbidden,
            "The authentication credentials are not found or are incorrect.",
            None,
        ),
        (
            404,
            ErrorKind::NotFound,
            "The requested token couldn't be found.",
            None,
        ),
        (
            410,
            ErrorKind::Expired,
            "The requested token is expired.",
            None,
        ),
        (
            423,
            ErrorKind::Locked,
            "Account is temporarily locked due to failed consecutive login attempts. Try again in 30 minutes.",
            Some(LOCKOUT),
        ),
        (429, ErrorKind::RateLimited, "Too many requests.", None),
        (
            500,
            ErrorKind::ServerError,
            "There is a problem with the server. Please try again later.",
            None,
        ),
        (
            503,
            ErrorKind::Unavailable,
            "We're temporarily offline for maintenance. Please try again later.",
            None,
        ),
    ];
    for (status, kind, message, retry_after) in cases {
        let body = json!({ "message": message }).to_string();
        let server = server_answering(json_response(status, &body)).await;
        let error = login_at(&server.uri()).await.expect_err("the login fails");
        assert_eq!(error.kind(), kind, "HTTP {status}");
        assert_eq!(error.status(), Some(status));
        assert_eq!(error.message(), Some(message), "HTTP {status}");
        assert_eq!(error.vendor_code(), None);
        assert_eq!(error.retry_after(), retry_after, "HTTP {status}");
    }
}

#[tokio::test]
async fn lockout_wait_without_a_body_and_retry_after_headers() {
    // A 423 with no body still carries the documented 30 minutes.
    let server = server_answering(ResponseTemplate::new(423)).await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30 * 60)));

    // The server's own Retry-After wins over the documented wait.
    for (status, kind) in [
        (423, ErrorKind::Locked),
        (429, ErrorKind::RateLimited),
        (503, ErrorKind::Unavailable),
    ] {
        let server = server_answering(
            json_response(status, r#"{"message":"later"}"#).insert_header("retry-after", "120"),
        )
        .await;
        let error = login_at(&server.uri()).await.expect_err("the login fails");
        assert_eq!(error.kind(), kind, "HTTP {status}");
        assert_eq!(
            error.retry_after(),
            Some(Duration::from_secs(120)),
            "HTTP {status}"
        );
    }
}

#[tokio::test]
async fn html_error_page_keeps_the_kind_of_its_status() {
    let server = server_answering(
        ResponseTemplate::new(503).set_body_raw(html_page("503 Service Unavailable"), "text/html"),
    )
    .await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");

    assert_eq!(error.kind(), ErrorKind::Unavailable);
    assert_eq!(error.status(), Some(503));
    assert_eq!(error.message(), None);
    assert!(error.is_retryable());
}

#[tokio::test]
async fn bad_success_bodies_are_decode_errors() {
    const TOKEN: &str = "up2-token-Rf52nW8sJd";
    let success = format!(
        r#"{{"token":"{TOKEN}","tokenType":"ACCESS","credentials":{{"id":"c","type":"ROOT"}},"identity":{{"id":"i","type":"CONSUMER"}}}}"#
    );
    let mut cases = bad_responses::common(&success, TOKEN);
    cases.extend([
        BadResponse::json(
            "token as a number",
            r#"{"token":31337,"tokenType":"ACCESS","credentials":{"id":"c","type":"ROOT"},"identity":{"id":"i","type":"CONSUMER"}}"#,
            None,
            &["LoginResponse", "token", r#"{"token":"#],
        ),
        BadResponse::json(
            "no token",
            r#"{"tokenType":"ACCESS","credentials":{"id":"c","type":"ROOT"},"identity":{"id":"i","type":"CONSUMER"}}"#,
            None,
            &["LoginResponse", "token", r#"{"tokenType":"…","#],
        ),
        BadResponse::json(
            "no identity",
            &format!(r#"{{"token":"{TOKEN}","tokenType":"ACCESS","credentials":{{"id":"c","type":"ROOT"}}}}"#),
            Some(TOKEN),
            &["LoginResponse", "identity", r#"{"token":"…","#],
        ),
        // The document's sample as printed: its placeholder token is empty, which is no token.
        BadResponse::json(
            "the document's empty placeholder token",
            r#"{"credentials":{"id":"","type":"ROOT"},"identity":{"id":"","type":"CONSUMER"},"token":"","tokenType":"ACCESS"}"#,
            None,
            &["LoginResponse", "token", r#"{"credentials":{"id":"…","#],
        ),
    ]);
    bad_responses::assert_all_refused(VENDOR, &cases, login_at).await;
}

#[tokio::test]
async fn secrets_stay_hidden() {
    const TOKEN: &str = "up2-token-Kc40vPz7Ha";
    let login = login();
    let debug = format!("{login:?}");
    assert!(debug.contains(EMAIL), "{debug}");
    assert_hidden(&debug, &[PASSWORD, API_SECRET]);

    let server = server_answering(json_response(
        200,
        &SAMPLE.replace("up2-token-sample-91c4", TOKEN),
    ))
    .await;
    let session = login.send_to(&client(), &server.uri()).await.unwrap();
    assert_eq!(session.token().expose_secret(), TOKEN);
    assert_hidden(&format!("{session:?}"), &[TOKEN, PASSWORD, API_SECRET]);

    // A server that echoes the secret and the password in its message and field errors.
    let echo = json!({
        "message": format!("x-secret {API_SECRET} refused"),
        "syntaxErrors": {"invalidFields": [
            {"params": [PASSWORD], "fieldName": "password.value", "error": format!("INVALID {PASSWORD}")}
        ]},
    })
    .to_string();
    let server = server_answering(json_response(400, &echo)).await;
    let error = login.send_to(&client(), &server.uri()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.message(), Some("x-secret [REDACTED] refused"));
    assert_eq!(error.field_errors().len(), 1);
    assert_eq!(error.field_errors()[0].field, "password.value");
    assert_hidden(&shown(&error), &[PASSWORD, API_SECRET]);
}
