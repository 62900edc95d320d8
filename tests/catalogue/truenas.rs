//! TrueNAS: a short-lived authentication token for the REST API, generated with the user's
//! credentials over HTTP Basic; the answer is the token itself, a bare JSON string.
//!
//! Source: the TrueNAS REST API reference (API v2.0, served by each system at `/api/docs`),
//! `auth/generate_token`: `POST /api/v2.0/auth/generate_token` with `ttl` (seconds, 600 by
//! default), `attrs` and `match_origin`, answering the token as a JSON string; requests are
//! authenticated with Basic credentials or an API key.
//!
//! Written from memory of that reference: the request's fields and their defaults, and the
//! answer's shape (the token below is a placeholder). A refused login is a 401 whose body is not
//! documented, so it is not read. The declaration sends the default `ttl` as a constant, so the
//! session's `lifetime` is the token's.
//!
//! TrueNAS is self-hosted, so the declaration has no `base_url`.

use std::time::Duration;

use auth_core::{ErrorKind, Secret, login_endpoint};

use super::{OnTheWire, assert_error, client, json_response, server_answering, the_request};

const VENDOR: &str = "TrueNAS";

/// A token that lives ten minutes.
#[login_endpoint(
    vendor = "TrueNAS",
    path = "/api/v2.0/auth/generate_token",
    constant(ttl = 600, match_origin = false),
    response = Secret,
    token = self,
    lifetime = "10m",
)]
pub struct Login {
    #[login(basic_auth = user)]
    username: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
}

const TOKEN: &str = "v8P0Xr2Pq7wK1bJ9sLm3nZc5tY6uE4aD";

fn login() -> Login {
    Login::builder()
        .username("root")
        .password("truenas-password")
        .build()
}

#[tokio::test]
async fn sends_the_ttl_with_basic_credentials() {
    let server = server_answering(json_response(200, &format!("\"{TOKEN}\""))).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/api/v2.0/auth/generate_token",
            None,
            Some("application/json"),
            // base64("root:truenas-password")
            Some("Basic cm9vdDp0cnVlbmFzLXBhc3N3b3Jk"),
            r#"{"ttl":600,"match_origin":false}"#,
        )
    );
}

#[tokio::test]
async fn the_bare_string_is_the_token_for_its_ten_minutes() {
    let server = server_answering(json_response(200, &format!("\"{TOKEN}\""))).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), TOKEN);
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(600))
    );
}

#[tokio::test]
async fn an_empty_string_or_another_shape_is_a_decode_error() {
    for body in [r#""""#, r#"{"token": "x"}"#] {
        let server = server_answering(json_response(200, body)).await;
        let error = login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("no token");
        assert_eq!(error.kind(), ErrorKind::Decode, "{body}: {error:?}");
    }
}

#[tokio::test]
async fn a_refused_login_is_invalid_credentials() {
    let server = server_answering(json_response(401, "")).await;
    let error = login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("refused");
    assert_error(
        &error,
        VENDOR,
        ErrorKind::InvalidCredentials,
        401,
        None,
        None,
    );
}
