//! Synology DSM: a `GET` login whose account and password go in the query, and whose failure
//! is reported inside a 200 body.
//!
//! Source: Synology, "File Station Official API" (the File Station API guide for DSM), chapter
//! "Base API", section "SYNO.API.Auth": `GET /webapi/auth.cgi?api=SYNO.API.Auth&version=3&
//! method=login&account=...&passwd=...&session=FileStation&format=...` with the optional
//! `otp_code` of 2-step verification; `format=sid` returns the session ID in the JSON answer
//! `{"data": {"sid": ...}, "success": true}` (the default, `cookie`, sets it as a cookie
//! instead). A failure is `{"error": {"code": ...}, "success": false}`, with the
//! authentication codes 400 (no such account or incorrect password), 401 (account disabled),
//! 402 (permission denied), 403 (2-step verification code required) and 404 (failed to
//! authenticate 2-step verification code), and the common codes 100 to 107 of the same guide.
//! The answers carry a code and no message.
//!
//! A NAS is self-hosted, so the declaration has no `base_url`. The password and the 2-step
//! code travel in the URL, as the document says; they are secrets, so they never show in a
//! log, an error or a `Debug`.

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Synology DSM";

/// Login with an account and password.
#[login_endpoint(
    vendor = "Synology DSM",
    path = "/webapi/auth.cgi",
    method = "GET",
    // `format = "sid"`: the session ID comes in the answer rather than as a cookie.
    query(api = "SYNO.API.Auth", version = 3, method = "login", format = "sid"),
    response = AuthResponse,
    token = data.sid,
    error_body = AuthFailure,
    body_failure(field = success, success = true),
)]
pub struct Login {
    #[login(query)]
    account: String,
    #[login(secret, query)]
    passwd: Secret,
    /// The login session's name, e.g. `FileStation`.
    #[login(query)]
    session: String,
    /// The 2-step verification code, when the account has one.
    #[login(secret, query)]
    otp_code: Option<Secret>,
}

/// Every answer: `success`, then `data` or `error`.
#[derive(Debug, Deserialize)]
pub struct AuthResponse {
    pub success: bool,
    #[serde(default)]
    pub data: SessionData,
}

/// `data` of a successful login.
#[derive(Debug, Default, Deserialize)]
pub struct SessionData {
    pub sid: Option<Secret>,
}

/// A failed answer: only a code, whose meaning the guide's tables give.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error.code,
    kind(
        code = 400 | 404 => InvalidCredentials,
        code = 401 | 402 | 105 => Forbidden,
        code = 101 | 102 | 103 | 104 | 403 => InvalidRequest,
        code = 106 => Expired,
    ),
)]
pub struct AuthFailure {
    pub error: FailureCode,
}

/// `error` of a failed answer.
#[derive(Debug, Deserialize)]
pub struct FailureCode {
    pub code: i64,
}

/// The document's success answer.
const SUCCESS_SAMPLE: &str = r#"{
  "data": {
    "sid": "ohOCjwhHhwghw"
  },
  "success": true
}"#;

fn login() -> Login {
    Login::builder()
        .account("admin")
        .passwd("12345")
        .session("FileStation")
        .build()
}

#[tokio::test]
async fn sends_a_get_with_every_value_in_the_query() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "GET",
            "/webapi/auth.cgi",
            Some(
                "api=SYNO.API.Auth&version=3&method=login&format=sid&account=admin&passwd=12345&session=FileStation"
            ),
            None,
            None,
            "",
        )
    );
}

#[tokio::test]
async fn query_values_are_encoded_and_the_otp_code_is_sent_when_set() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    Login::builder()
        .account("jane doe")
        .passwd("p&ss=1+2#")
        .session("FileStation")
        .otp_code("123456")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await.query.as_deref(),
        Some(
            "api=SYNO.API.Auth&version=3&method=login&format=sid&account=jane+doe&passwd=p%26ss%3D1%2B2%23&session=FileStation&otp_code=123456"
        )
    );
}

#[tokio::test]
async fn the_documented_success_gives_a_session() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.vendor(), VENDOR);
    assert_eq!(session.token().expose_secret(), "ohOCjwhHhwghw");
}

#[tokio::test]
async fn each_documented_failure_in_a_200_has_its_kind_and_code() {
    let cases = [
        (400, ErrorKind::InvalidCredentials),
        (401, ErrorKind::Forbidden),
        (402, ErrorKind::Forbidden),
        (403, ErrorKind::InvalidRequest),
        (404, ErrorKind::InvalidCredentials),
        (100, ErrorKind::Rejected),
        (101, ErrorKind::InvalidRequest),
        (102, ErrorKind::InvalidRequest),
        (103, ErrorKind::InvalidRequest),
        (104, ErrorKind::InvalidRequest),
        (105, ErrorKind::Forbidden),
        (106, ErrorKind::Expired),
        (107, ErrorKind::Rejected),
    ];
    for (code, kind) in cases {
        let body = format!(r#"{{"error":{{"code":{code}}},"success":false}}"#);
        let server = server_answering(json_response(200, &body)).await;
        let error = login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("the login fails");
        assert_error(
            &error,
            VENDOR,
            kind,
            200,
            Some(VendorCode::from(code)),
            None,
        );
    }
}

#[tokio::test]
async fn the_password_in_the_query_never_shows() {
    const PASSWORD: &str = "syno-passwd-4Kq8";
    // A server that echoes the request's query in a failure it reports as 200.
    let body = format!(r#"{{"error":{{"code":400}},"success":false,"echo":"passwd={PASSWORD}"}}"#);
    let server = server_answering(json_response(200, &body)).await;
    let login = Login::builder()
        .account("admin")
        .passwd(PASSWORD)
        .session("FileStation")
        .otp_code("908172")
        .build();
    let error = login
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_hidden(
        &format!("{error}\n{error:?}\n{login:?}"),
        &[PASSWORD, "908172"],
    );
    let debug = format!("{login:?}");
    assert!(debug.contains(r#"api: "SYNO.API.Auth""#), "{debug}");
    assert!(debug.contains("version: 3"), "{debug}");
}
