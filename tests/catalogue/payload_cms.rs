//! Payload CMS: login to an auth-enabled collection, an expiry as a Unix time.
//!
//! Source: "Authentication Operations", Login (https://payloadcms.com/docs/authentication/operations,
//! `docs/authentication/operations.mdx` in payloadcms/payload): `POST /api/[collection-slug]/login`
//! with a JSON body of `email` and `password`; the answer is the user, `token` and `exp`, "Unix
//! timestamp representing when the user's token will expire" (its sample: `1609619861`).
//!
//! Uncertain:
//! - The collection is part of the path; this declaration logs in to `users`, the collection
//!   Payload's own examples authenticate.
//! - The document shows no error answer, so no error body is declared: a failed login carries
//!   its status only.
//! - The answer also sets an HTTP-only cookie with the token, whose name the document does not
//!   give; the token is taken from the body.
//!
//! Payload is self-hosted, so the declaration has no `base_url`: each caller gives its host
//! (the document's examples use `http://localhost:3000`).

use std::time::{Duration, SystemTime};

use auth_core::{ErrorKind, Secret, login_endpoint};
use serde::Deserialize;
use wiremock::ResponseTemplate;

use super::{OnTheWire, client, json_response, server_answering, the_request};

/// Email and password login to the `users` collection.
#[login_endpoint(
    vendor = "Payload CMS",
    path = "/api/users/login",
    response = LoginResponse,
    token = token,
    expires_at(unix_seconds = exp),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

#[derive(Debug, Deserialize)]
pub struct LoginResponse {
    pub user: User,
    pub token: Secret,
    /// When the token expires, in seconds since the Unix epoch.
    pub exp: u64,
}

#[derive(Debug, Deserialize)]
pub struct User {
    pub id: String,
    pub email: String,
    #[serde(rename = "createdAt")]
    pub created_at: String,
    #[serde(rename = "updatedAt")]
    pub updated_at: String,
}

/// The document's sample answer, with a whole token in place of its elided one.
const SUCCESS_SAMPLE: &str = r#"{
  "user": {
    "email": "dev@payloadcms.com",
    "createdAt": "2020-12-27T21:16:45.645Z",
    "updatedAt": "2021-01-02T18:37:41.588Z",
    "id": "5ae8f9bde69e394e717c8832"
  },
  "token": "34o4345324-payload-sample-token",
  "exp": 1609619861
}"#;

fn documented_login() -> Login {
    Login::builder()
        .email("dev@payloadcms.com")
        .password("this-is-not-our-password...or-is-it?")
        .build()
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/api/users/login",
            None,
            Some("application/json"),
            None,
            r#"{"email":"dev@payloadcms.com","password":"this-is-not-our-password...or-is-it?"}"#,
        )
    );
}

#[tokio::test]
async fn the_token_expires_at_exp() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        session.token().expose_secret(),
        "34o4345324-payload-sample-token"
    );
    // 2021-01-02T20:37:41Z
    assert_eq!(
        session.expires_at(),
        Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_609_619_861))
    );
    assert_eq!(session.response().exp, 1_609_619_861);
    assert_eq!(session.response().user.id, "5ae8f9bde69e394e717c8832");
}

#[tokio::test]
async fn an_exp_that_is_not_a_number_is_a_decode_error() {
    let body = SUCCESS_SAMPLE.replace("1609619861", "\"tomorrow\"");
    let server = server_answering(json_response(200, &body)).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("an exp that is not a time");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(
        error
            .detail()
            .is_some_and(|detail| detail.contains("LoginResponse") && detail.contains("exp")),
        "{error:?}"
    );
}

#[tokio::test]
async fn a_refused_login_carries_its_status() {
    let server = server_answering(ResponseTemplate::new(401)).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(401));
    assert_eq!(error.message(), None);
}
