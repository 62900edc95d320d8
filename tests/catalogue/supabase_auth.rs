//! Supabase Auth (GoTrue): a user's sign-in with an email and password, the `password` grant of
//! the token endpoint.
//!
//! Sources: the Supabase Auth server's README (`supabase/auth`, "POST /token"): `POST
//! /token?grant_type=password` with a JSON body of `email` (or `phone`) and `password`, and its
//! answer `access_token`, `token_type`, `expires_in`, `refresh_token`, `user`; on Supabase's
//! hosted projects the server is at `https://<project>.supabase.co/auth/v1` and every request
//! carries the project's key in the `apikey` header. Supabase documentation, "Error codes"
//! (https://supabase.com/docs/guides/auth/debugging/error-codes): errors carry `code` (the HTTP
//! status), `error_code` and `msg`; `invalid_credentials`, `email_not_confirmed`,
//! `over_request_rate_limit`, `user_banned`. Servers before the error codes (API version
//! 2024-01-01) answer an OAuth-style `error` and `error_description` instead; both shapes are
//! read.
//!
//! The samples are written from memory of those pages (tokens and ids are placeholders); the
//! answer's `expires_at` (Unix seconds) is read as the expiry.
//!
//! Each project has its own host, and the server is also self-hosted, so the declaration has no
//! `base_url`.

use std::time::{Duration, SystemTime};

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
    the_request_header,
};

const VENDOR: &str = "Supabase Auth";

/// Sign-in with an email and password.
#[login_endpoint(
    vendor = "Supabase Auth",
    path = "/token",
    query(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
    expires_at(unix_seconds = expires_at),
    error_body = ErrorBody,
    status(400 => InvalidRequest),
)]
pub struct Login {
    /// The project's API key (the anon key, for a user's sign-in).
    #[login(secret, header = "apikey")]
    api_key: Secret,
    email: String,
    #[login(secret)]
    password: Secret,
}

/// The 200 body.
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub token_type: String,
    pub expires_in: u64,
    pub expires_at: Option<u64>,
    pub refresh_token: Secret,
    pub user: User,
}

#[derive(Debug, Deserialize)]
pub struct User {
    pub id: String,
    pub aud: String,
    pub role: String,
    pub email: Option<String>,
}

/// An error, in the current shape (`error_code`, `msg`) or the earlier one (`error`,
/// `error_description`).
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error_code | error,
    message = msg | error_description,
    kind(
        code = "invalid_credentials" | "invalid_grant" => InvalidCredentials,
        code = "email_not_confirmed" | "user_banned" => Forbidden,
        code = "over_request_rate_limit" => RateLimited,
    ),
)]
pub struct ErrorBody {
    /// The HTTP status, repeated.
    pub code: Option<u16>,
    pub error_code: Option<String>,
    pub msg: Option<String>,
    pub error: Option<String>,
    pub error_description: Option<String>,
}

const SUCCESS_SAMPLE: &str = r#"{
  "access_token": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.sample",
  "token_type": "bearer",
  "expires_in": 3600,
  "expires_at": 1735689600,
  "refresh_token": "v1.MxcwZzQ2bWRyZ3Fp",
  "user": {
    "id": "11111111-2222-3333-4444-555555555555",
    "aud": "authenticated",
    "role": "authenticated",
    "email": "someone@email.com"
  }
}"#;

const API_KEY: &str = "sb_publishable_anon_key_sample";

fn login() -> Login {
    Login::builder()
        .api_key(API_KEY)
        .email("someone@email.com")
        .password("some-password")
        .build()
}

#[tokio::test]
async fn sends_the_grant_in_the_query_and_the_key_in_a_header() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &format!("{}/auth/v1", server.uri()))
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request_header(&server, "apikey").await.as_deref(),
        Some(API_KEY)
    );
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/auth/v1/token",
            Some("grant_type=password"),
            Some("application/json"),
            None,
            r#"{"email":"someone@email.com","password":"some-password"}"#,
        )
    );
}

#[tokio::test]
async fn the_answer_gives_both_tokens_and_the_stated_expiry() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        session.token().expose_secret(),
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.sample"
    );
    assert_eq!(
        session.refresh_token().map(Secret::expose_secret),
        Some("v1.MxcwZzQ2bWRyZ3Fp")
    );
    assert_eq!(
        session.expires_at(),
        Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_735_689_600))
    );
    assert_eq!(session.response().user.role, "authenticated");
}

#[tokio::test]
async fn the_documented_errors_have_their_kind_code_and_message() {
    for (status, body, kind, code, message) in [
        (
            400,
            r#"{"code":400,"error_code":"invalid_credentials","msg":"Invalid login credentials"}"#,
            ErrorKind::InvalidCredentials,
            "invalid_credentials",
            "Invalid login credentials",
        ),
        (
            400,
            r#"{"code":400,"error_code":"email_not_confirmed","msg":"Email not confirmed"}"#,
            ErrorKind::Forbidden,
            "email_not_confirmed",
            "Email not confirmed",
        ),
        (
            429,
            r#"{"code":429,"error_code":"over_request_rate_limit","msg":"Request rate limit reached"}"#,
            ErrorKind::RateLimited,
            "over_request_rate_limit",
            "Request rate limit reached",
        ),
        (
            400,
            r#"{"error":"invalid_grant","error_description":"Invalid login credentials"}"#,
            ErrorKind::InvalidCredentials,
            "invalid_grant",
            "Invalid login credentials",
        ),
    ] {
        let server = server_answering(json_response(status, body)).await;
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
            Some(message),
        );
        assert_hidden(&format!("{error:?} {error}"), &[API_KEY, "some-password"]);
    }
}
