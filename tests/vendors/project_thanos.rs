//! Project Thanos: `POST /api/organizations/user-login/` (trailing slash) with
//! `Content-Type: application/json; charset=utf-8` and a body of `username` and `password`; the
//! answer carries `auth_token` and the account's UUIDs. The document shows no error body.

use auth_core::{AuthError, ErrorKind, LoginEndpoint, Session};
use serde_json::json;
use vendors::project_thanos::{Login, LoginResponse, OrgType};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::bad_responses::{self, BadResponse};
use super::{assert_hidden, client, html_page, json_response, shown};

const VENDOR: &str = "Project Thanos";
const LOGIN_PATH: &str = "/api/organizations/user-login/";
const USERNAME: &str = "jweir@projectthanos.com";
const PASSWORD: &str = "thanos-password-8e1d";

/// The document's response sample, verbatim.
const SAMPLE: &str = r#"{
    "auth_token": "a0f17278bed479ee719ea890b8caf0329e1f3e5b",
    "org_uuid": "e7409ece-e923-4aa8-a41b-4aacb9e475be",
    "user_uuid": "3a7acb28-ab13-437e-8c35-46cf4f0bea49",
    "retailer_uuid": "1d2e146c-a3df-4073-89c6-9ffc3061319c",
    "supplier_uuid": "",
    "org_type": "RETAILER"
  }"#;

fn login() -> Login {
    Login::builder()
        .username(USERNAME)
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
        "https://stable.projectthanos.com/api/organizations/user-login/"
    );
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LOGIN_PATH))
        .and(header("content-type", "application/json; charset=utf-8"))
        .and(body_json(
            json!({"username": USERNAME, "password": PASSWORD}),
        ))
        .respond_with(json_response(200, SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let session = login_at(&server.uri()).await.expect("the login succeeds");
    assert_eq!(
        session.token().expose_secret(),
        "a0f17278bed479ee719ea890b8caf0329e1f3e5b"
    );
}

#[tokio::test]
async fn sample_success_gives_a_session_with_the_account_identifiers() {
    let server = server_answering(json_response(200, SAMPLE)).await;
    let session = login_at(&server.uri()).await.expect("the login succeeds");

    assert_eq!(session.vendor(), VENDOR);
    assert_eq!(
        session.token().expose_secret(),
        "a0f17278bed479ee719ea890b8caf0329e1f3e5b"
    );
    assert!(session.refresh_token().is_none());
    assert_eq!(session.expires_at(), None);
    assert_eq!(session.idle_timeout(), None);

    let response = session.response();
    assert_eq!(response.org_uuid, "e7409ece-e923-4aa8-a41b-4aacb9e475be");
    assert_eq!(response.user_uuid, "3a7acb28-ab13-437e-8c35-46cf4f0bea49");
    assert_eq!(
        response.retailer_uuid.as_deref(),
        Some("1d2e146c-a3df-4073-89c6-9ffc3061319c")
    );
    // The vendor sends "" for "not a Supplier account".
    assert_eq!(response.supplier_uuid, None);
    assert_eq!(response.org_type, OrgType::Retailer);
}

#[tokio::test]
async fn supplier_accounts_and_unlisted_org_types() {
    let cases = [
        ("SUPPLIER", OrgType::Supplier),
        ("DISTRIBUTOR", OrgType::Other),
    ];
    for (org_type, expected) in cases {
        let body = json!({
            "auth_token": "b1e28389cfe58aff820fb9a1d9dbf1430f2f4f6c",
            "org_uuid": "e7409ece-e923-4aa8-a41b-4aacb9e475be",
            "user_uuid": "3a7acb28-ab13-437e-8c35-46cf4f0bea49",
            "retailer_uuid": "",
            "supplier_uuid": "9c1f0b2a-5d3e-4f6a-8b7c-0d1e2f3a4b5c",
            "org_type": org_type,
        })
        .to_string();
        let server = server_answering(json_response(200, &body)).await;
        let session = login_at(&server.uri()).await.expect("the login succeeds");
        let response = session.response();
        assert_eq!(response.org_type, expected, "{org_type}");
        assert_eq!(response.retailer_uuid, None);
        assert_eq!(
            response.supplier_uuid.as_deref(),
            Some("9c1f0b2a-5d3e-4f6a-8b7c-0d1e2f3a4b5c")
        );
    }
}

#[tokio::test]
async fn documented_statuses_map_to_kinds() {
    let cases = [
        (400, ErrorKind::InvalidRequest),
        (401, ErrorKind::InvalidCredentials),
        (403, ErrorKind::Forbidden),
        (404, ErrorKind::NotFound),
        (415, ErrorKind::InvalidRequest),
    ];
    for (status, kind) in cases {
        // The document shows no error body, so whatever the server sends carries no details.
        let server = server_answering(json_response(
            status,
            r#"{"detail":"something went wrong"}"#,
        ))
        .await;
        let error = login_at(&server.uri()).await.expect_err("the login fails");
        assert_eq!(error.kind(), kind, "HTTP {status}");
        assert_eq!(error.vendor(), VENDOR);
        assert_eq!(error.status(), Some(status));
        assert_eq!(error.vendor_code(), None);
        assert_eq!(error.message(), None);
        assert!(
            error.to_string().contains(&format!("HTTP {status}")),
            "{error}"
        );
    }
}

#[tokio::test]
async fn html_error_page_keeps_the_kind_of_its_status() {
    let server = server_answering(
        ResponseTemplate::new(403).set_body_raw(html_page("403 Forbidden"), "text/html"),
    )
    .await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");

    assert_eq!(error.kind(), ErrorKind::Forbidden);
    assert_eq!(error.status(), Some(403));
    assert_eq!(error.message(), None);
}

#[tokio::test]
async fn bad_success_bodies_are_decode_errors() {
    const TOKEN: &str = "thanos-token-4b7f9e2a1c";
    let success = format!(
        r#"{{"auth_token":"{TOKEN}","org_uuid":"o","user_uuid":"u","retailer_uuid":"r","supplier_uuid":"","org_type":"RETAILER"}}"#
    );
    let mut cases = bad_responses::common(&success, TOKEN);
    cases.extend([
        BadResponse::json(
            "token as a number",
            r#"{"auth_token":1234567,"org_uuid":"o","user_uuid":"u","org_type":"RETAILER"}"#,
            None,
            &["LoginResponse", "auth_token", r#"{"auth_token":"#],
        ),
        BadResponse::json(
            "no token",
            r#"{"org_uuid":"o","user_uuid":"u","org_type":"RETAILER"}"#,
            None,
            &["LoginResponse", "auth_token", r#"{"org_uuid":"…","#],
        ),
        BadResponse::json(
            "no user_uuid",
            &format!(r#"{{"auth_token":"{TOKEN}","org_uuid":"o","org_type":"RETAILER"}}"#),
            Some(TOKEN),
            &["LoginResponse", "user_uuid", r#"{"auth_token":"…","#],
        ),
        BadResponse::json(
            "the token under another name",
            &format!(
                r#"{{"token":"{TOKEN}","org_uuid":"o","user_uuid":"u","org_type":"RETAILER"}}"#
            ),
            Some(TOKEN),
            &["LoginResponse", "auth_token", r#"{"token":"…","#],
        ),
    ]);
    bad_responses::assert_all_refused(VENDOR, &cases, login_at).await;
}

#[tokio::test]
async fn secrets_stay_hidden() {
    const TOKEN: &str = "thanos-token-d5e6f7a8b9";
    let login = login();
    let debug = format!("{login:?}");
    assert!(debug.contains(USERNAME), "{debug}");
    assert_hidden(&debug, &[PASSWORD]);

    let success = format!(
        r#"{{"auth_token":"{TOKEN}","org_uuid":"o","user_uuid":"u","supplier_uuid":"","org_type":"RETAILER"}}"#
    );
    let server = server_answering(json_response(200, &success)).await;
    let session = login.send_to(&client(), &server.uri()).await.unwrap();
    assert_eq!(session.token().expose_secret(), TOKEN);
    assert_hidden(&format!("{session:?}"), &[TOKEN, PASSWORD]);

    // An error page that echoes the password: its excerpt is shown, the password is not.
    let page = format!("<html><body>Login failed for {USERNAME} / {PASSWORD}</body></html>");
    let server = server_answering(ResponseTemplate::new(401).set_body_raw(page, "text/html")).await;
    let error = login.send_to(&client(), &server.uri()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    let display = error.to_string();
    assert!(
        display.contains("Login failed for") && display.contains("[REDACTED]"),
        "{display}"
    );
    assert_hidden(&shown(&error), &[PASSWORD]);
}
