//! OpenStack Identity (Keystone) v3: password authentication with unscoped authorization, a
//! token in a response header.
//!
//! Source: the Identity API v3 reference, "Authentication and token management" and
//! "Password authentication with unscoped authorization"
//! (https://docs.openstack.org/api-ref/identity/v3/, `api-ref/source/v3/authenticate-v3.inc` in
//! openstack/keystone), with its samples `auth-password-unscoped-request-with-domain.json`,
//! `auth-password-unscoped-response.json` and `auth-password-user-name-unscoped-response-HTTP.txt`:
//! `POST /v3/auth/tokens` with
//! `{"auth": {"identity": {"methods": ["password"], "password": {"user": {"name", "domain": {"name"}, "password"}}}}}`,
//! answered `201 Created` with the token in the `X-Subject-Token` header ("Tokens have IDs,
//! which the Identity API returns in the X-Subject-Token response header") and the token's
//! `expires_at` (RFC 3339) in the body. The errors the reference lists for this call are 400,
//! 401, 403 and 404.
//!
//! Uncertain:
//! - The reference shows no error body. The one declared here, `{"error": {"code", "title",
//!   "message"}}`, is what Keystone's own server writes (`render_exception`); the messages in the
//!   error tests are Keystone's texts for those statuses.
//!
//! `methods` is the constant `["password"]` of the document. Keystone is self-hosted, so the
//! declaration has no `base_url`: each caller gives its host.

use std::time::{Duration, SystemTime};

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;
use wiremock::ResponseTemplate;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "OpenStack Keystone";

/// Password authentication of a user named within a domain, unscoped.
#[login_endpoint(
    vendor = "OpenStack Keystone",
    path = "/v3/auth/tokens",
    constant(auth.identity.methods = ["password"]),
    response = TokenResponse,
    token = header("X-Subject-Token"),
    expires_at = token.expires_at,
    error_body = ErrorBody,
    status(400 => InvalidRequest, 401 => InvalidCredentials, 403 => Forbidden, 404 => NotFound),
)]
pub struct Login {
    #[login(rename = "auth.identity.password.user.name")]
    user_name: String,
    #[login(rename = "auth.identity.password.user.domain.name")]
    domain_name: String,
    #[login(secret, rename = "auth.identity.password.user.password")]
    password: Secret,
}

/// The body of the `201 Created`: the token's details, not the token itself.
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub token: Token,
}

#[derive(Debug, Deserialize)]
pub struct Token {
    pub methods: Vec<String>,
    /// RFC 3339, with microseconds.
    pub expires_at: String,
    pub issued_at: String,
    pub user: User,
    pub audit_ids: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct User {
    pub id: String,
    pub name: String,
    pub domain: Domain,
    pub password_expires_at: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct Domain {
    pub id: String,
    pub name: String,
}

/// `{"error": {"code": 401, "title": "Unauthorized", "message": "..."}}`.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(code = error.code, message = error.message)]
pub struct ErrorBody {
    pub error: ErrorDetail,
}

#[derive(Debug, Deserialize)]
pub struct ErrorDetail {
    pub code: u16,
    pub title: String,
    pub message: String,
}

/// The reference's request sample, with its password.
const REQUEST_SAMPLE: &str = r#"{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"admin","domain":{"name":"Default"},"password":"devstacker"}}}}}"#;

/// The reference's response sample, verbatim.
const RESPONSE_SAMPLE: &str = r#"{
    "token": {
        "methods": [
            "password"
        ],
        "expires_at": "2015-11-06T15:32:17.893769Z",
        "user": {
            "domain": {
                "id": "default",
                "name": "Default"
            },
            "id": "423f19a4ac1e4f48bbb4180756e6eb6c",
            "name": "admin",
            "password_expires_at": null
        },
        "audit_ids": [
            "ZzZwkUflQfygX7pdYDBCQQ"
        ],
        "issued_at": "2015-11-06T14:32:17.893797Z"
    }
}"#;

/// The `X-Subject-Token` of the reference's HTTP sample.
const SUBJECT_TOKEN: &str = "ffe47524401e4d61adc7310f7e5b6191";

fn documented_login() -> Login {
    Login::builder()
        .user_name("admin")
        .domain_name("Default")
        .password("devstacker")
        .build()
}

/// The reference's answer: `201 Created`, the token in `X-Subject-Token`.
fn created() -> ResponseTemplate {
    json_response(201, RESPONSE_SAMPLE)
        .insert_header("X-Subject-Token", SUBJECT_TOKEN)
        .insert_header("Vary", "X-Auth-Token")
        .insert_header(
            "x-openstack-request-id",
            "req-f2f3f6ca-e342-4cd8-bc12-71a5436ef5fc",
        )
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = server_answering(created()).await;
    documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/v3/auth/tokens",
            None,
            Some("application/json"),
            None,
            REQUEST_SAMPLE,
        )
    );
}

#[tokio::test]
async fn the_token_comes_from_the_subject_token_header_and_expires_at_expires_at() {
    let server = server_answering(created()).await;
    let session = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), SUBJECT_TOKEN);
    // 2015-11-06T15:32:17.893769Z
    assert_eq!(
        session.expires_at(),
        Some(SystemTime::UNIX_EPOCH + Duration::from_micros(1_446_823_937_893_769))
    );
    let token = &session.response().token;
    assert_eq!(token.expires_at, "2015-11-06T15:32:17.893769Z");
    assert_eq!(token.user.name, "admin");
    assert_eq!(token.user.domain.id, "default");
    assert_eq!(token.methods, ["password"]);
    assert_hidden(&format!("{session:?}"), &[SUBJECT_TOKEN, "devstacker"]);
}

#[tokio::test]
async fn a_created_answer_without_the_header_names_the_header() {
    let server = server_answering(json_response(201, RESPONSE_SAMPLE)).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("no token, no session");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.status(), Some(201));
    assert_eq!(
        error.detail(),
        Some(
            "expected a non-empty token in the response header `x-subject-token`, which the response did not carry"
        )
    );
}

#[tokio::test]
async fn an_unreadable_expiry_is_a_decode_error_that_never_shows_the_header_token() {
    let body = RESPONSE_SAMPLE.replace("2015-11-06T15:32:17.893769Z", "soon");
    let answer = json_response(201, &body).insert_header("X-Subject-Token", SUBJECT_TOKEN);
    let server = server_answering(answer).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("an expiry that is not a time");
    assert_eq!(error.kind(), ErrorKind::Decode);
    let shown = format!("{error}\n{error:?}");
    assert!(
        shown.contains("an RFC 3339 timestamp at `token.expires_at` of `TokenResponse`"),
        "{shown}"
    );
    assert_hidden(&shown, &[SUBJECT_TOKEN, "devstacker"]);
}

/// The statuses the reference lists, each with the body Keystone writes for it.
#[tokio::test]
async fn each_documented_error() {
    let cases = [
        (
            400,
            "Bad Request",
            "Expecting to find domain in user. The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.",
            ErrorKind::InvalidRequest,
        ),
        (
            401,
            "Unauthorized",
            "The request you have made requires authentication.",
            ErrorKind::InvalidCredentials,
        ),
        (
            403,
            "Forbidden",
            "You are not authorized to perform the requested action.",
            ErrorKind::Forbidden,
        ),
        (
            404,
            "Not Found",
            "Could not find domain: Default.",
            ErrorKind::NotFound,
        ),
    ];
    for (status, title, message, kind) in cases {
        let body =
            serde_json::json!({"error": {"code": status, "title": title, "message": message}});
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
            Some(VendorCode::Number(i64::from(status))),
            Some(message),
        );
    }
}
