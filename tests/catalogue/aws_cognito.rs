//! Amazon Cognito user pools: a user's sign-in with `InitiateAuth` and the `USER_PASSWORD_AUTH`
//! flow.
//!
//! Source: Amazon Cognito user pools API reference, "InitiateAuth"
//! (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_InitiateAuth.html):
//! `POST /` to the regional endpoint `cognito-idp.<region>.amazonaws.com`, the target in the
//! `X-Amz-Target` header (`AWSCognitoIdentityProviderService.InitiateAuth`), a body of content
//! type `application/x-amz-json-1.1` with `AuthFlow`, `ClientId` and `AuthParameters`
//! (`USERNAME`, `PASSWORD`, and `SECRET_HASH` for an app client with a secret); a 200 whose
//! `AuthenticationResult` holds `AccessToken`, `ExpiresIn` (seconds), `IdToken`, `RefreshToken`
//! and `TokenType`, or, instead, a `ChallengeName` with its `Session` when another step is
//! needed; and the operation's errors, each HTTP 400 but `InternalErrorException` (500), named
//! by the AWS JSON protocol's `__type` with a `message`: `NotAuthorizedException`,
//! `UserNotFoundException`, `PasswordResetRequiredException`, `UserNotConfirmedException`,
//! `TooManyRequestsException`, `InvalidParameterException`.
//!
//! The request sample is the reference's; the answers are written from memory of its shapes
//! (the tokens are placeholders) and the error messages are the ones Cognito is known to send.
//! The AWS JSON protocol writes the message as `message` or `Message`; both are read.
//!
//! A challenge (`NEW_PASSWORD_REQUIRED`, `SMS_MFA`, ...) is a failure stated in a 200 whose code
//! is the challenge's name. The endpoint is regional, so the declaration has no `base_url`:
//! callers give `https://cognito-idp.<region>.amazonaws.com`.

use std::time::Duration;

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, client, json_response, server_answering, the_request,
    the_request_header,
};

const VENDOR: &str = "Amazon Cognito";

/// `InitiateAuth` with `USER_PASSWORD_AUTH`.
#[login_endpoint(
    vendor = "Amazon Cognito",
    path = "/",
    content_type = "application/x-amz-json-1.1",
    header(name = "x-amz-target", value = "AWSCognitoIdentityProviderService.InitiateAuth"),
    constant(AuthFlow = "USER_PASSWORD_AUTH"),
    response = InitiateAuthResponse,
    token = authentication_result.access_token,
    refresh_token = authentication_result.refresh_token,
    expires_in = authentication_result.expires_in,
    body_failure(field = challenge_name, kind = Forbidden),
    error_body = ErrorBody,
)]
pub struct Login {
    /// The app client's id.
    #[login(rename = "ClientId")]
    client_id: String,
    #[login(rename = "AuthParameters.USERNAME")]
    username: String,
    #[login(secret, rename = "AuthParameters.PASSWORD")]
    password: Secret,
    /// For an app client with a secret: Base64(HMAC-SHA256(client secret, username + client id)).
    #[login(secret, rename = "AuthParameters.SECRET_HASH")]
    secret_hash: Option<Secret>,
}

/// The 200 body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct InitiateAuthResponse {
    pub authentication_result: Option<AuthenticationResult>,
    pub challenge_name: Option<String>,
    pub session: Option<Secret>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthenticationResult {
    pub access_token: Secret,
    pub expires_in: u64,
    pub id_token: Option<Secret>,
    pub refresh_token: Option<Secret>,
    pub token_type: String,
}

/// An AWS JSON protocol error, or a challenge in a 200: the code is the error's `__type`, else
/// the challenge's name.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error_type | challenge_name,
    message = message | message_capitalised,
    kind(
        code = "NotAuthorizedException" | "UserNotFoundException" => InvalidCredentials,
        code = "PasswordResetRequiredException" => Expired,
        code = "UserNotConfirmedException" => Forbidden,
        code = "TooManyRequestsException" => RateLimited,
        code = "InvalidParameterException" => InvalidRequest,
    ),
)]
pub struct ErrorBody {
    #[serde(rename = "__type")]
    pub error_type: Option<String>,
    pub message: Option<String>,
    #[serde(rename = "Message")]
    pub message_capitalised: Option<String>,
    #[serde(rename = "ChallengeName")]
    pub challenge_name: Option<String>,
}

const SUCCESS_SAMPLE: &str = r#"{
   "AuthenticationResult": {
      "AccessToken": "eyJra456defEXAMPLE",
      "ExpiresIn": 3600,
      "IdToken": "eyJra789ghiEXAMPLE",
      "RefreshToken": "eyJjd123abcEXAMPLE",
      "TokenType": "Bearer"
   },
   "ChallengeParameters": {}
}"#;

const CHALLENGE_SAMPLE: &str = r#"{
   "ChallengeName": "NEW_PASSWORD_REQUIRED",
   "ChallengeParameters": {
      "USER_ID_FOR_SRP": "mytestuser",
      "requiredAttributes": "[]",
      "userAttributes": "{\"email\":\"testuser@example.com\"}"
   },
   "Session": "AYABeEXAMPLE"
}"#;

fn login() -> Login {
    Login::builder()
        .client_id("1example23456789")
        .username("mytestuser")
        .password("This-is-my-test-99!")
        .secret_hash("oT5ZkS8ctnrhYeeGsGTvOzPhoc/Jd1cO5fueBWFVmp8=")
        .build()
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request_header(&server, "x-amz-target").await.as_deref(),
        Some("AWSCognitoIdentityProviderService.InitiateAuth")
    );
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/",
            None,
            Some("application/x-amz-json-1.1"),
            None,
            r#"{"AuthFlow":"USER_PASSWORD_AUTH","ClientId":"1example23456789","AuthParameters":{"USERNAME":"mytestuser","PASSWORD":"This-is-my-test-99!","SECRET_HASH":"oT5ZkS8ctnrhYeeGsGTvOzPhoc/Jd1cO5fueBWFVmp8="}}"#,
        )
    );
}

#[tokio::test]
async fn the_authentication_result_is_the_session() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), "eyJra456defEXAMPLE");
    assert_eq!(
        session.refresh_token().map(Secret::expose_secret),
        Some("eyJjd123abcEXAMPLE")
    );
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(3600))
    );
    let result = session.response().authentication_result.as_ref();
    assert_eq!(
        result
            .and_then(|r| r.id_token.as_ref())
            .map(Secret::expose_secret),
        Some("eyJra789ghiEXAMPLE")
    );
}

#[tokio::test]
async fn a_challenge_is_a_failure_named_by_the_challenge() {
    let server = server_answering(json_response(200, CHALLENGE_SAMPLE)).await;
    let error = login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("another step is needed");
    assert_error(
        &error,
        VENDOR,
        ErrorKind::Forbidden,
        200,
        Some(VendorCode::from("NEW_PASSWORD_REQUIRED")),
        None,
    );
}

#[tokio::test]
async fn the_documented_errors_have_their_kind_type_and_message() {
    for (status, body, kind, code, message) in [
        (
            400,
            r#"{"__type":"NotAuthorizedException","message":"Incorrect username or password."}"#,
            ErrorKind::InvalidCredentials,
            "NotAuthorizedException",
            "Incorrect username or password.",
        ),
        (
            400,
            r#"{"__type":"UserNotFoundException","message":"User does not exist."}"#,
            ErrorKind::InvalidCredentials,
            "UserNotFoundException",
            "User does not exist.",
        ),
        (
            400,
            r#"{"__type":"PasswordResetRequiredException","message":"Password reset required for the user"}"#,
            ErrorKind::Expired,
            "PasswordResetRequiredException",
            "Password reset required for the user",
        ),
        (
            400,
            r#"{"__type":"UserNotConfirmedException","message":"User is not confirmed."}"#,
            ErrorKind::Forbidden,
            "UserNotConfirmedException",
            "User is not confirmed.",
        ),
        (
            400,
            r#"{"__type":"TooManyRequestsException","Message":"Rate exceeded"}"#,
            ErrorKind::RateLimited,
            "TooManyRequestsException",
            "Rate exceeded",
        ),
        (
            400,
            r#"{"__type":"InvalidParameterException","message":"Missing required parameter USERNAME"}"#,
            ErrorKind::InvalidRequest,
            "InvalidParameterException",
            "Missing required parameter USERNAME",
        ),
        (
            500,
            r#"{"__type":"InternalErrorException","message":"An internal error occurred."}"#,
            ErrorKind::ServerError,
            "InternalErrorException",
            "An internal error occurred.",
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
    }
}
