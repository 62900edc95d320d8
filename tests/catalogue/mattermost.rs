//! Mattermost: a user's login with a username or email and a password; the session token comes
//! back in the `Token` response header.
//!
//! Source: Mattermost API Reference, "users", operation "Login to Mattermost server"
//! (https://api.mattermost.com/#tag/users/operation/Login): `POST /api/v4/users/login` with a
//! JSON body of `login_id`, `password`, and the optional `token` (an MFA code) and `device_id`;
//! the answer is the user object, the session token is the `Token` header. Errors are the
//! server's `AppError` objects (`id`, `message`, `detailed_error`, `request_id`,
//! `status_code`).
//!
//! The error ids and messages below are written from memory of the server's translations
//! (`api.user.login.invalid_credentials_email_username`,
//! `api.user.check_user_login_attempts.too_many.app_error`, `mfa.validate_token.authenticate.app_error`,
//! `api.user.login.blank_pwd.app_error`); the user object is trimmed to a few of its documented
//! fields. Mattermost is self-hosted, so the declaration has no `base_url`.

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Mattermost";

/// Login with a username or email and a password.
#[login_endpoint(
    vendor = "Mattermost",
    path = "/api/v4/users/login",
    response = User,
    token = header("Token"),
    error_body = AppError,
)]
pub struct Login {
    /// A username or email address.
    login_id: String,
    #[login(secret)]
    password: Secret,
    /// The current code of the user's MFA app, when MFA is on.
    #[login(secret, rename = "token")]
    mfa_token: Option<Secret>,
    /// A mobile device's id, for push notifications.
    device_id: Option<String>,
}

/// The logged-in user.
#[derive(Debug, Deserialize)]
pub struct User {
    pub id: String,
    pub username: String,
    pub email: String,
    pub roles: String,
    pub locale: Option<String>,
}

/// The server's error object.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = id,
    message = message,
    kind(
        code = "api.user.login.invalid_credentials_email_username"
            | "mfa.validate_token.authenticate.app_error" => InvalidCredentials,
        code = "api.user.check_user_login_attempts.too_many.app_error" => Locked,
        code = "api.user.login.blank_pwd.app_error" => InvalidRequest,
    ),
)]
pub struct AppError {
    pub id: String,
    pub message: String,
    pub detailed_error: Option<String>,
    pub request_id: Option<String>,
    pub status_code: u16,
}

const USER_SAMPLE: &str = r#"{
  "id": "8ey9aidshjfkpxq1xpfsqxd4hc",
  "create_at": 1511983232222,
  "update_at": 1511983232222,
  "delete_at": 0,
  "username": "john.smith",
  "auth_data": "",
  "auth_service": "",
  "email": "john.smith@example.com",
  "nickname": "",
  "first_name": "John",
  "last_name": "Smith",
  "roles": "system_user",
  "locale": "en"
}"#;

const SESSION_TOKEN: &str = "9x6tgrqnkfn8db3iwr8jnpxmbh";

fn login() -> Login {
    Login::builder()
        .login_id("john.smith@example.com")
        .password("Password1!")
        .build()
}

#[tokio::test]
async fn sends_the_login_id_and_password() {
    let server =
        server_answering(json_response(200, USER_SAMPLE).insert_header("Token", SESSION_TOKEN))
            .await;
    Login::builder()
        .login_id("john.smith")
        .password("Password1!")
        .mfa_token("123456")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/api/v4/users/login",
            None,
            Some("application/json"),
            None,
            r#"{"login_id":"john.smith","password":"Password1!","token":"123456"}"#,
        )
    );
}

#[tokio::test]
async fn the_session_token_comes_from_the_token_header() {
    let server =
        server_answering(json_response(200, USER_SAMPLE).insert_header("Token", SESSION_TOKEN))
            .await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), SESSION_TOKEN);
    assert_eq!(session.response().username, "john.smith");
    assert_hidden(&format!("{session:?}"), &[SESSION_TOKEN]);
}

#[tokio::test]
async fn an_answer_without_the_header_is_a_decode_error_naming_it() {
    let server = server_answering(json_response(200, USER_SAMPLE)).await;
    let error = login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("no token");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(
        error.detail().is_some_and(|d| d.contains("header `token`")),
        "{error:?}"
    );
}

#[tokio::test]
async fn the_errors_have_their_kind_id_and_message() {
    for (status, id, message, kind) in [
        (
            401,
            "api.user.login.invalid_credentials_email_username",
            "Enter a valid email or username and/or password.",
            ErrorKind::InvalidCredentials,
        ),
        (
            401,
            "api.user.check_user_login_attempts.too_many.app_error",
            "Your account is locked because of too many failed password attempts. Please reset your password.",
            ErrorKind::Locked,
        ),
        (
            401,
            "mfa.validate_token.authenticate.app_error",
            "Invalid MFA token.",
            ErrorKind::InvalidCredentials,
        ),
        (
            400,
            "api.user.login.blank_pwd.app_error",
            "Password field must not be blank",
            ErrorKind::InvalidRequest,
        ),
    ] {
        let body = format!(
            r#"{{"id":"{id}","message":"{message}","detailed_error":"","request_id":"xb1ywnx4x7bqmcxyzekn6fpxha","status_code":{status}}}"#
        );
        let server = server_answering(json_response(status, &body)).await;
        let error = login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("refused");
        assert_error(
            &error,
            VENDOR,
            kind,
            status,
            Some(VendorCode::from(id)),
            Some(message),
        );
    }
}
