//! Hyper3D: `POST {base}/user/login` where the base ends in `/api` (cloud or on premises), a body
//! of `email` and `password` (never the deprecated `username`); failure is an `error` string in
//! the body, whatever the status.

use auth_core::{AuthError, ErrorKind, LoginEndpoint, Session};
use serde_json::json;
use vendors::hyper3d::{Login, LoginResponse};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::bad_responses::{self, BadResponse};
use super::{assert_hidden, client, html_page, json_response, shown};

const VENDOR: &str = "Hyper3D";
/// The login path on an on-premises host whose API lives under `/api`, like the cloud's.
const LOGIN_PATH: &str = "/api/user/login";
const EMAIL: &str = "example@example.com";
const PASSWORD: &str = "hyper3d-password-6a2c";

/// The document shows no JSON sample; this is its `LoginResponse` type (`CommonError`,
/// `UserBasicInformation` and `Token`) filled in.
const SAMPLE: &str = r#"{
    "token": "eyJhbGciOiJIUzI1NiJ9.hyper3d.sample",
    "user_uuid": "0d5c7a1e-3b2f-4e8d-9a6c-1f2e3d4c5b6a",
    "username": "example",
    "avatar_url": "https://hyperhuman.deemos.com/avatar/example.png",
    "email": "example@example.com"
}"#;

fn login() -> Login {
    Login::builder().email(EMAIL).password(PASSWORD).build()
}

/// Logs in at an on-premises-style base URL, `{server}/api`.
async fn login_at(server_uri: &str) -> Result<Session<LoginResponse>, AuthError> {
    login()
        .send_to(&client(), &format!("{server_uri}/api"))
        .await
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
        "https://hyperhuman.deemos.com/api/user/login"
    );
}

#[tokio::test]
async fn sends_email_and_password_under_the_base_path() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LOGIN_PATH))
        .and(header("content-type", "application/json"))
        // An exact match: no deprecated `username` key.
        .and(body_json(json!({"email": EMAIL, "password": PASSWORD})))
        .respond_with(json_response(200, SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let session = login_at(&server.uri()).await.expect("the login succeeds");
    assert_eq!(
        session.token().expose_secret(),
        "eyJhbGciOiJIUzI1NiJ9.hyper3d.sample"
    );
}

#[tokio::test]
async fn a_base_url_with_a_trailing_slash_gives_the_same_path() {
    let server = server_answering(json_response(200, SAMPLE)).await;
    login()
        .send_to(&client(), &format!("{}/api/", server.uri()))
        .await
        .expect("the login succeeds");
}

#[tokio::test]
async fn success_gives_a_session_with_the_user_information() {
    let server = server_answering(json_response(200, SAMPLE)).await;
    let session = login_at(&server.uri()).await.expect("the login succeeds");

    assert_eq!(session.vendor(), VENDOR);
    assert!(session.refresh_token().is_none());
    assert_eq!(session.expires_at(), None);
    assert_eq!(session.idle_timeout(), None);
    let response = session.response();
    assert_eq!(response.error, None);
    assert_eq!(
        response.user_uuid.as_deref(),
        Some("0d5c7a1e-3b2f-4e8d-9a6c-1f2e3d4c5b6a")
    );
    assert_eq!(response.username.as_deref(), Some("example"));
    assert_eq!(
        response.avatar_url.as_deref(),
        Some("https://hyperhuman.deemos.com/avatar/example.png")
    );
    assert_eq!(response.email.as_deref(), Some(EMAIL));
}

#[tokio::test]
async fn an_error_string_in_a_200_body_is_a_rejection() {
    let bodies = [
        r#"{"error": "invalid email or password"}"#,
        // Even next to a token, `error` means the login failed.
        r#"{"error": "invalid email or password", "token": "eyJ.not-a-session"}"#,
    ];
    for body in bodies {
        let server = server_answering(json_response(200, body)).await;
        let error = login_at(&server.uri())
            .await
            .expect_err("an error string is never a session");
        assert_eq!(error.kind(), ErrorKind::Rejected, "{body}");
        assert_eq!(error.vendor(), VENDOR);
        assert_eq!(error.status(), Some(200));
        assert_eq!(error.message(), Some("invalid email or password"));
        assert_eq!(error.vendor_code(), None);
        assert_hidden(&shown(&error), &["eyJ.not-a-session"]);
    }
}

#[tokio::test]
async fn an_error_string_with_an_error_status_keeps_the_status_kind() {
    // The document lists no status codes, so a status keeps its HTTP meaning.
    for (status, kind) in [
        (401, ErrorKind::InvalidCredentials),
        (500, ErrorKind::ServerError),
    ] {
        let server =
            server_answering(json_response(status, r#"{"error":"something failed"}"#)).await;
        let error = login_at(&server.uri()).await.expect_err("the login fails");
        assert_eq!(error.kind(), kind, "HTTP {status}");
        assert_eq!(error.status(), Some(status));
        assert_eq!(error.message(), Some("something failed"));
    }
}

#[tokio::test]
async fn html_error_page_keeps_the_kind_of_its_status() {
    let server = server_answering(
        ResponseTemplate::new(502).set_body_raw(html_page("502 Bad Gateway"), "text/html"),
    )
    .await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");

    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(error.status(), Some(502));
    assert_eq!(error.message(), None);
}

#[tokio::test]
async fn bad_success_bodies_are_decode_errors() {
    const TOKEN: &str = "hyper3d-token-Gu73mE1wQs";
    let success = format!(r#"{{"token":"{TOKEN}","user_uuid":"u","username":"n","email":"e"}}"#);
    let mut cases = bad_responses::common(&success, TOKEN);
    cases.extend([
        BadResponse::json(
            "token as a number",
            r#"{"token":4815162342,"user_uuid":"u"}"#,
            None,
            &["LoginResponse", "token", r#"{"token":"#],
        ),
        BadResponse::json(
            "no token and no error",
            r#"{"user_uuid":"u","username":"n","email":"e"}"#,
            None,
            &["LoginResponse", "token", r#"{"user_uuid":"…","#],
        ),
        BadResponse::json(
            "an empty token",
            r#"{"token":"","user_uuid":"u"}"#,
            None,
            &["LoginResponse", "token", r#"{"token":"…","#],
        ),
        BadResponse::json(
            "`error` as a number",
            &format!(r#"{{"error":500,"token":"{TOKEN}"}}"#),
            Some(TOKEN),
            &["LoginResponse", "error", r#"{"error":"#],
        ),
    ]);
    bad_responses::assert_all_refused(VENDOR, &cases, login_at).await;
}

#[tokio::test]
async fn secrets_stay_hidden() {
    const TOKEN: &str = "hyper3d-token-Pj95cT6yLx";
    let login = login();
    let debug = format!("{login:?}");
    assert!(debug.contains(EMAIL), "{debug}");
    assert_hidden(&debug, &[PASSWORD]);

    let success = json!({"token": TOKEN, "user_uuid": "u", "email": EMAIL}).to_string();
    let server = server_answering(json_response(200, &success)).await;
    let base = format!("{}/api", server.uri());
    let session = login.send_to(&client(), &base).await.unwrap();
    assert_eq!(session.token().expose_secret(), TOKEN);
    assert_hidden(&format!("{session:?}"), &[TOKEN, PASSWORD]);

    let echo = json!({"error": format!("password {PASSWORD} is wrong")}).to_string();
    let server = server_answering(json_response(200, &echo)).await;
    let base = format!("{}/api", server.uri());
    let error = login.send_to(&client(), &base).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Rejected);
    assert_eq!(error.message(), Some("password [REDACTED] is wrong"));
    assert_hidden(&shown(&error), &[PASSWORD]);
}
