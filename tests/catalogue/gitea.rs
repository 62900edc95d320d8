//! Gitea: a personal access token, created for a user with that user's own credentials over
//! HTTP Basic.
//!
//! Source: Gitea API reference, "user" section, `userCreateToken`
//! (https://gitea.com/api/swagger#/user/userCreateToken), and the "API Usage" page of the Gitea
//! documentation (https://docs.gitea.com/development/api-usage), "Generating and listing API
//! tokens": `POST /api/v1/users/{username}/tokens` with Basic authentication of that same user
//! and the JSON body `CreateAccessTokenOption` (`name`, required; `scopes`, a list), answering
//! 201 with an `AccessToken` (`id`, `name`, `sha1`, `token_last_eight`, `scopes`). Errors are an
//! `APIError` (`message`, `url`); the reference lists 400 and 403 for this operation, and the
//! API answers 401 to credentials it refuses and 422 to a body it cannot validate.
//!
//! Written from memory of those pages: the paths, field names and statuses above; the samples'
//! values (token, messages, the `url` of the errors, the scope names) are placeholders in the
//! documented shape.
//!
//! The username is both the path's `{username}` and the Basic user, so the declaration places
//! one field in both: `#[login(path, basic_auth = user)]`.
//!
//! Gitea is self-hosted, so the declaration has no `base_url`.

use auth_core::{ErrorKind, Secret, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Gitea";

/// A personal access token, named `name`, with `scopes`.
#[login_endpoint(
    vendor = "Gitea",
    path = "/api/v1/users/{username}/tokens",
    response = AccessToken,
    token = sha1,
    error_body = ApiError,
    status(401 => InvalidCredentials, 403 => Forbidden, 422 => InvalidRequest),
)]
pub struct CreateToken {
    /// The user whose token it is, who is also the one signing in.
    #[login(path, basic_auth = user)]
    username: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
    /// The token's name, unique among the user's tokens.
    name: String,
    scopes: Vec<String>,
}

/// `AccessToken`: the token itself is shown once, in `sha1`.
#[derive(Debug, Deserialize)]
pub struct AccessToken {
    pub id: u64,
    pub name: String,
    pub sha1: Secret,
    pub token_last_eight: String,
    pub scopes: Vec<String>,
}

/// `APIError`.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(message = message)]
pub struct ApiError {
    pub message: String,
    pub url: String,
}

const SUCCESS_SAMPLE: &str = r#"{"id":7,"name":"ci","sha1":"4f7a1c2d9e0b3a5f6c8d7e9f0a1b2c3d4e5f6a7b","token_last_eight":"4e5f6a7b","scopes":["write:repository","read:user"]}"#;

fn create_token(username: &str) -> CreateToken {
    CreateToken::builder()
        .username(username)
        .password("correct horse")
        .name("ci")
        .scopes(vec!["write:repository".to_owned(), "read:user".to_owned()])
        .build()
}

#[tokio::test]
async fn the_username_fills_the_path_and_the_basic_credentials() {
    let server = server_answering(json_response(201, SUCCESS_SAMPLE)).await;
    create_token("jörg")
        .send_to(&client(), &server.uri())
        .await
        .expect("the token is created");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            // The username percent-encoded as a path segment.
            "/api/v1/users/j%C3%B6rg/tokens",
            None,
            Some("application/json"),
            // base64("jörg:correct horse"), the username as UTF-8.
            Some("Basic asO2cmc6Y29ycmVjdCBob3JzZQ=="),
            r#"{"name":"ci","scopes":["write:repository","read:user"]}"#,
        )
    );
}

#[tokio::test]
async fn the_new_token_is_the_session() {
    let server = server_answering(json_response(201, SUCCESS_SAMPLE)).await;
    let session = create_token("alice")
        .send_to(&client(), &server.uri())
        .await
        .expect("the token is created");
    assert_eq!(
        session.token().expose_secret(),
        "4f7a1c2d9e0b3a5f6c8d7e9f0a1b2c3d4e5f6a7b"
    );
    let token = session.response();
    assert_eq!(token.id, 7);
    assert_eq!(token.token_last_eight, "4e5f6a7b");
    assert_eq!(token.scopes, ["write:repository", "read:user"]);
}

#[tokio::test]
async fn each_documented_error_has_its_kind_status_and_message() {
    for (status, kind, message) in [
        (
            401,
            ErrorKind::InvalidCredentials,
            "user's password is invalid [uid: 1, name: alice]",
        ),
        (
            403,
            ErrorKind::Forbidden,
            "only the user themselves may create their tokens",
        ),
        (
            422,
            ErrorKind::InvalidRequest,
            "access token must have a scope",
        ),
    ] {
        let body =
            format!(r#"{{"message":"{message}","url":"https://gitea.example/api/swagger"}}"#);
        let server = server_answering(json_response(status, &body)).await;
        let error = create_token("alice")
            .send_to(&client(), &server.uri())
            .await
            .expect_err("refused");
        assert_error(&error, VENDOR, kind, status, None, Some(message));
        assert_hidden(
            &format!("{error:?} {error}"),
            &["correct horse", "YWxpY2U6"],
        );
    }
}

#[test]
fn debug_shows_the_username_and_hides_the_password() {
    let shown = format!("{:?}", create_token("alice"));
    assert!(shown.contains("alice"), "{shown}");
    assert_hidden(&shown, &["correct horse"]);
}
