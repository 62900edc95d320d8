//! Hypernative: `POST /auth/login` with `accept` and `Content-Type` set to JSON, a body of
//! `email`, `password` and the optional numeric `organizationId`; `{"data": {"token",
//! "refreshToken"}}` on success and `{success, data, error, errorCode, version, service}` on error.

use auth_core::{AuthError, ErrorKind, LoginEndpoint, Session, VendorCode};
use serde_json::{Value, json};
use vendors::hypernative::{Login, LoginResponse};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer};

use super::bad_responses::{self, BadResponse};
use super::{assert_hidden, client, html_page, json_response, shown};

const VENDOR: &str = "Hypernative";
const LOGIN_PATH: &str = "/auth/login";
const EMAIL: &str = "some@mail.com";
const PASSWORD: &str = "hn-password-5c0ffee";

/// The document's `200: OK` sample, verbatim.
const SAMPLE: &str = r#"{
    "data":
    {
        "token": "string",
        "refreshToken": "string"
    }
}"#;

/// The document's example response, verbatim: it has no `refreshToken`.
const SAMPLE_WITHOUT_REFRESH_TOKEN: &str = r#"{
    "data":
    {
        "token": "<token>"
    }
}"#;

/// The document's `400: Error` sample, verbatim.
const ERROR_SAMPLE: &str = r#"{
  "success": false,
  "data": null,
  "error": "organizationId is mandatory",
  "errorCode": 1002,
  "version": "2.2.0",
  "service": "hypernative-webapp-server"
}"#;

fn login() -> Login {
    Login::builder()
        .email(EMAIL)
        .password(PASSWORD)
        .organization_id(1)
        .build()
}

async fn login_at(base_url: &str) -> Result<Session<LoginResponse>, AuthError> {
    login().send_to(&client(), base_url).await
}

/// Answers `status` with `body` to any POST; the request itself is checked elsewhere.
async fn server_answering(status: u16, body: &str) -> MockServer {
    super::server_answering(LOGIN_PATH, json_response(status, body)).await
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
        "https://api.hypernative.xyz/auth/login"
    );
}

#[tokio::test]
async fn sends_the_documented_request_with_organization_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LOGIN_PATH))
        .and(header("accept", "application/json"))
        .and(header("content-type", "application/json"))
        .and(body_json(
            json!({"email": EMAIL, "password": PASSWORD, "organizationId": 1}),
        ))
        .respond_with(json_response(200, SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let session = login_at(&server.uri()).await.expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), "string");
}

#[tokio::test]
async fn leaves_organization_id_out_when_not_set() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LOGIN_PATH))
        .and(header("accept", "application/json"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"email": EMAIL, "password": PASSWORD})))
        .respond_with(json_response(200, SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    Login::builder()
        .email(EMAIL)
        .password(PASSWORD)
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");

    let requests = server.received_requests().await.expect("recording is on");
    let body: Value = requests[0].body_json().expect("the body is JSON");
    assert!(
        !body
            .as_object()
            .expect("an object")
            .contains_key("organizationId"),
        "organizationId must be absent, not null: {body}"
    );
}

#[tokio::test]
async fn sample_success_gives_a_session_with_both_tokens() {
    let server = server_answering(200, SAMPLE).await;
    let session = login_at(&server.uri()).await.expect("the login succeeds");

    assert_eq!(session.vendor(), VENDOR);
    assert_eq!(session.token().expose_secret(), "string");
    assert_eq!(
        session.refresh_token().map(|t| t.expose_secret()),
        Some("string")
    );
    assert_eq!(session.response().data.token.expose_secret(), "string");
    // The document states no lifetime.
    assert_eq!(session.expires_at(), None);
    assert_eq!(session.idle_timeout(), None);
}

#[tokio::test]
async fn sample_without_refresh_token_gives_none() {
    let server = server_answering(200, SAMPLE_WITHOUT_REFRESH_TOKEN).await;
    let session = login_at(&server.uri()).await.expect("the login succeeds");

    assert_eq!(session.token().expose_secret(), "<token>");
    assert!(session.refresh_token().is_none());
    assert!(session.response().data.refresh_token.is_none());
    assert_eq!(session.expires_at(), None);
}

#[tokio::test]
async fn error_sample_is_an_invalid_request_with_the_vendor_code_and_message() {
    let server = server_answering(400, ERROR_SAMPLE).await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");

    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.vendor(), VENDOR);
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.vendor_code(), Some(&VendorCode::Number(1002)));
    assert_eq!(error.message(), Some("organizationId is mandatory"));
    assert!(error.field_errors().is_empty());
    assert_eq!(error.retry_after(), None);
    assert!(!error.is_retryable());
    let display = error.to_string();
    assert!(
        display.contains("1002") && display.contains("organizationId is mandatory"),
        "{display}"
    );
}

#[tokio::test]
async fn undocumented_statuses_keep_their_http_meaning_and_the_error_body() {
    let cases = [
        (
            401,
            1004,
            "invalid credentials",
            ErrorKind::InvalidCredentials,
        ),
        (429, 1005, "slow down", ErrorKind::RateLimited),
        (500, 1006, "internal error", ErrorKind::ServerError),
    ];
    for (status, code, message, kind) in cases {
        let body = json!({
            "success": false, "data": null, "error": message, "errorCode": code,
            "version": "2.2.0", "service": "hypernative-webapp-server",
        })
        .to_string();
        let server = server_answering(status, &body).await;
        let error = login_at(&server.uri()).await.expect_err("the login fails");
        assert_eq!(error.kind(), kind, "HTTP {status}");
        assert_eq!(error.status(), Some(status));
        assert_eq!(error.vendor_code(), Some(&VendorCode::Number(code)));
        assert_eq!(error.message(), Some(message));
    }
}

#[tokio::test]
async fn html_error_page_keeps_the_kind_of_its_status() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            wiremock::ResponseTemplate::new(400)
                .set_body_raw(html_page("400 Bad Request"), "text/html"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");

    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.vendor_code(), None);
    assert_eq!(error.message(), None);
    assert!(error.to_string().contains("<!DOCTYPE html>"), "{error}");
}

#[tokio::test]
async fn bad_success_bodies_are_decode_errors() {
    const TOKEN: &str = "hn-token-Zq81vX3kP0";
    const REFRESH: &str = "hn-refresh-Wm27yB4nQ9";
    let success = format!(r#"{{"data":{{"token":"{TOKEN}","refreshToken":"{REFRESH}"}}}}"#);
    let mut cases = bad_responses::common(&success, TOKEN);
    cases.extend([
        BadResponse::json(
            "token as a number",
            &format!(r#"{{"data":{{"token":20250311,"refreshToken":"{REFRESH}"}}}}"#),
            Some(REFRESH),
            &["LoginResponse", "expected a string", r#"{"data":{"token":"#],
        ),
        BadResponse::json(
            "no token",
            &format!(r#"{{"data":{{"refreshToken":"{REFRESH}"}}}}"#),
            Some(REFRESH),
            &["LoginResponse", "token", r#"{"data":{"refreshToken":"…"}}"#],
        ),
        BadResponse::json(
            "the token outside `data`",
            &format!(r#"{{"token":"{TOKEN}"}}"#),
            Some(TOKEN),
            &["LoginResponse", "data", r#"{"token":"…"}"#],
        ),
        BadResponse::json(
            "`data` as a string",
            &format!(r#"{{"data":"{TOKEN}"}}"#),
            Some(TOKEN),
            &["LoginResponse", r#"{"data":"…"}"#],
        ),
        BadResponse::json(
            "an empty token",
            r#"{"data":{"token":"","refreshToken":"x"}}"#,
            None,
            &["LoginResponse", "token", r#"{"data":{"token":"…""#],
        ),
    ]);
    bad_responses::assert_all_refused(VENDOR, &cases, login_at).await;
}

#[tokio::test]
async fn secrets_stay_hidden() {
    const TOKEN: &str = "hn-token-Hd83kLq2Vb";
    const REFRESH: &str = "hn-refresh-Ty61pXc0Rm";
    let login = login();
    let debug = format!("{login:?}");
    assert!(debug.contains(EMAIL), "{debug}");
    assert_hidden(&debug, &[PASSWORD]);

    let success = format!(r#"{{"data":{{"token":"{TOKEN}","refreshToken":"{REFRESH}"}}}}"#);
    let server = server_answering(200, &success).await;
    let session = login.send_to(&client(), &server.uri()).await.unwrap();
    assert_eq!(session.token().expose_secret(), TOKEN);
    assert_hidden(&format!("{session:?}"), &[TOKEN, REFRESH, PASSWORD]);

    // A server that echoes the password in its error message.
    let echo = json!({
        "success": false, "data": null, "errorCode": 1004,
        "error": format!("wrong password {PASSWORD} for {EMAIL}"),
    })
    .to_string();
    let server = server_answering(401, &echo).await;
    let error = login.send_to(&client(), &server.uri()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    let message = error.message().expect("the message is kept");
    assert!(
        message.contains("[REDACTED]") && message.contains(EMAIL),
        "{message}"
    );
    assert_hidden(&shown(&error), &[PASSWORD]);
}
