//! Spotify: an application's login with its client ID and secret as HTTP Basic credentials
//! (the client credentials flow).
//!
//! Sources: Spotify for Developers, "Client Credentials Flow"
//! (https://developer.spotify.com/documentation/web-api/tutorials/client-credentials-flow):
//! `POST https://accounts.spotify.com/api/token` with `Authorization: Basic <base64 encoded
//! client_id:client_secret>`, `Content-Type: application/x-www-form-urlencoded` and the body
//! `grant_type=client_credentials`; the answer `{"access_token", "token_type": "bearer",
//! "expires_in": 3600}`. And "Web API: API calls", section "Authentication Error Object"
//! (https://developer.spotify.com/documentation/web-api/concepts/api-calls): errors of the
//! accounts service follow RFC 6749, such as `{"error": "invalid_client",
//! "error_description": "Invalid client secret"}`. The document shows that body without its
//! status; RFC 6749 §5.2's 400 is used.

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Spotify";
const CLIENT_ID: &str = "6f1b3c2e9a7d4e58b0c1d2e3f4a5b6c7";
const CLIENT_SECRET: &str = "sp-client-secret-0d9e8f7a6b5c";

/// The client credentials login.
#[login_endpoint(
    vendor = "Spotify",
    base_url = "https://accounts.spotify.com",
    path = "/api/token",
    body = form,
    constant(grant_type = "client_credentials"),
    response = TokenResponse,
    token = access_token,
    expires_in = expires_in,
    error_body = AuthenticationError,
    status(400 => InvalidRequest, 401 => InvalidCredentials),
)]
pub struct Login {
    #[login(basic_auth = user)]
    client_id: String,
    #[login(secret, basic_auth = password)]
    client_secret: Secret,
}

/// The access token response.
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub token_type: String,
    /// Seconds the token lives.
    pub expires_in: u64,
}

/// The authentication error object.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error,
    message = error_description,
    kind(code = "invalid_client" => InvalidCredentials),
)]
pub struct AuthenticationError {
    pub error: String,
    pub error_description: Option<String>,
}

/// The document's answer, with its elided token filled in.
const SUCCESS_SAMPLE: &str = r#"{
   "access_token": "NgCXRKcMzYjw",
   "token_type": "bearer",
   "expires_in": 3600
}"#;

fn login() -> Login {
    Login::builder()
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .build()
}

#[tokio::test]
async fn sends_basic_credentials_and_the_grant_type() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    // base64("6f1b3c2e9a7d4e58b0c1d2e3f4a5b6c7:sp-client-secret-0d9e8f7a6b5c")
    let basic = "Basic NmYxYjNjMmU5YTdkNGU1OGIwYzFkMmUzZjRhNWI2Yzc6c3AtY2xpZW50LXNlY3JldC0wZDllOGY3YTZiNWM=";
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/api/token",
            None,
            Some("application/x-www-form-urlencoded"),
            Some(basic),
            "grant_type=client_credentials",
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
    assert_eq!(session.token().expose_secret(), "NgCXRKcMzYjw");
    assert_eq!(session.response().token_type, "bearer");
    assert_eq!(session.response().expires_in, 3600);
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + std::time::Duration::from_secs(3600))
    );
}

#[tokio::test]
async fn the_documented_error_is_invalid_credentials_with_code_and_message() {
    let body = r#"{"error":"invalid_client","error_description":"Invalid client secret"}"#;
    let server = server_answering(json_response(400, body)).await;
    let error = login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_error(
        &error,
        VENDOR,
        ErrorKind::InvalidCredentials,
        400,
        Some(VendorCode::from("invalid_client")),
        Some("Invalid client secret"),
    );
}

#[test]
fn debug_hides_the_client_secret() {
    let debug = format!("{:?}", login());
    assert!(debug.contains(CLIENT_ID), "{debug}");
    assert!(
        debug.contains(r#"grant_type: "client_credentials""#),
        "{debug}"
    );
    assert_hidden(&debug, &[CLIENT_SECRET]);
}
