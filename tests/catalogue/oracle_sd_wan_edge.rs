//! Oracle SD-WAN Edge (formerly Talari): a session cookie, set by a login whose answer is JSON.
//!
//! Source: "REST API for Oracle SD-WAN Edge", "Log in and get a timestamp and a session cookie"
//! (https://docs.oracle.com/en/industries/communications/sd-wan-edge/9.1/rest/op-restapi-login-post.html):
//! `POST /restapi/login` with `{"login": {"username", "password"}}`; the `200` sets the session
//! cookie `CGISESSID` (`Set-Cookie: CGISESSID=...; path=/; secure` in its response headers
//! example) and answers `{"status": "success", "user_level", "user_level_str", "message",
//! "timestamp"}`, the `timestamp` going into later requests. Errors: 401 "Not logged in."
//! (`{"message", "status": "fail"}`), 403 insufficient user level (`{"message",
//! "required_user_level", "status", "user_level", "user_name"}`), 405 "Operation must use a POST".
//!
//! Uncertain:
//! - The document's 401 reads "Not Logged into the SDWAN-Edge device"; it does not say what
//!   wrong credentials answer. They are taken to be this 401.
//! - The request schema also shows an optional `timestamp`, which a login has none of yet; it is
//!   left out.
//!
//! The appliance is reached at its own address (`https://$IPADDR`), so the declaration has no
//! `base_url`: each caller gives it.

use auth_core::{ErrorKind, Secret, VendorError, login_endpoint};
use serde::Deserialize;
use wiremock::ResponseTemplate;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Oracle SD-WAN Edge";

/// Login to an appliance's REST API.
#[login_endpoint(
    vendor = "Oracle SD-WAN Edge",
    path = "/restapi/login",
    response = LoginResponse,
    token = cookie("CGISESSID"),
    error_body = ErrorBody,
    status(401 => InvalidCredentials, 403 => Forbidden, 405 => InvalidRequest),
)]
pub struct Login {
    #[login(rename = "login.username")]
    username: String,
    #[login(secret, rename = "login.password")]
    password: Secret,
}

#[derive(Debug, Deserialize)]
pub struct LoginResponse {
    pub status: String,
    pub user_level: u8,
    pub user_level_str: String,
    pub message: String,
    /// Sent with later requests that ask for it.
    pub timestamp: String,
}

/// The error schemas' common part: `message` and `status` (`fail`).
#[derive(Debug, Deserialize, VendorError)]
pub struct ErrorBody {
    #[vendor_error(message)]
    pub message: Option<String>,
    pub status: Option<String>,
    pub required_user_level: Option<String>,
    pub user_level: Option<String>,
    pub user_name: Option<String>,
}

const SESSION_ID: &str = "97c835c039b1d1e3eecd223b097ee04d80ce60aadda1abc70d858a1eb7ba2cc2";

/// The document's response body example, verbatim.
const SUCCESS_SAMPLE: &str = r#"{
  "status": "success",
  "user_level": 1,
  "user_level_str": "admin",
  "message": "Login Success - Created session for user talariuser - level: admin",
  "timestamp": "MTYwNzUyODk0MQ=="
}"#;

/// The document's answer: its body example, and the session cookie of its headers example.
fn success() -> ResponseTemplate {
    json_response(200, SUCCESS_SAMPLE).insert_header(
        "Set-Cookie",
        format!("CGISESSID={SESSION_ID}; path=/; secure").as_str(),
    )
}

fn documented_login() -> Login {
    Login::builder()
        .username("talariuser")
        .password("talaripass")
        .build()
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = server_answering(success()).await;
    documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/restapi/login",
            None,
            Some("application/json"),
            None,
            r#"{"login":{"username":"talariuser","password":"talaripass"}}"#,
        )
    );
}

#[tokio::test]
async fn the_session_is_the_cgisessid_cookie() {
    let server = server_answering(success()).await;
    let session = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), SESSION_ID);
    let response = session.response();
    assert_eq!(response.user_level_str, "admin");
    assert_eq!(response.timestamp, "MTYwNzUyODk0MQ==");
    // The cookie has no Max-Age or Expires, and the document states no lifetime.
    assert_eq!(session.expires_at(), None);
    assert_hidden(&format!("{session:?}"), &[SESSION_ID, "talaripass"]);
}

#[tokio::test]
async fn a_success_without_the_cookie_names_the_cookie() {
    let answer =
        json_response(200, SUCCESS_SAMPLE).insert_header("Set-Cookie", "other=value; path=/");
    let server = server_answering(answer).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("no cookie, no session");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(
        error.detail(),
        Some(
            "expected a non-empty token in the cookie `CGISESSID`, which the response did not set"
        )
    );
}

#[tokio::test]
async fn each_documented_error() {
    let cases = [
        (
            401,
            r#"{"message": "Not logged in.", "status": "fail"}"#,
            "Not logged in.",
            ErrorKind::InvalidCredentials,
        ),
        (
            403,
            r#"{"message": "User Level for user talariuser is not sufficient for this /restapi/login operation.", "required_user_level": "ADMIN", "status": "fail", "user_level": "GUEST", "user_name": "talariuser"}"#,
            "User Level for user talariuser is not sufficient for this /restapi/login operation.",
            ErrorKind::Forbidden,
        ),
        (
            405,
            r#"{"message": "Operation must use a POST", "status": "fail"}"#,
            "Operation must use a POST",
            ErrorKind::InvalidRequest,
        ),
    ];
    for (status, body, message, kind) in cases {
        let server = server_answering(json_response(status, body)).await;
        let error = documented_login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("the login fails");
        assert_error(&error, VENDOR, kind, status, None, Some(message));
    }
}
