//! Up2 Money: email and tokenized-password login, authorised by the application's API secret.
//!
//! `POST https://api.up2.money/auth/login` with the API secret in the `x-secret` header (the
//! value in the document is an example; each application has its own) and a JSON body
//! `{"email": ..., "password": {"value": <tokenized password>}}`. The answer carries
//! `credentials`, `identity`, `token` and `tokenType`.
//!
//! The token is valid for 5 minutes from last activity
//! ([`Session::idle_timeout`](auth_core::Session::idle_timeout)). An account is locked after
//! consecutive failed attempts, for 30 minutes: [`ErrorKind::Locked`](auth_core::ErrorKind::Locked)
//! errors carry that wait as their `retry_after`.
//!
//! Errors, as documented: 400 with `response.errorCode` and `message` (e.g. `TOKEN_EXPIRED`,
//! mapped to [`ErrorKind::Expired`](auth_core::ErrorKind::Expired)) or with
//! `syntaxErrors.invalidFields` (kept as [`field_errors`](auth_core::AuthError::field_errors));
//! 401, 403, 404, 410 (token expired), 423 (locked), 429, 500 and 503.

use auth_core::{Secret, VendorError, login_endpoint};
use serde::Deserialize;

/// Email and tokenized-password login. Build it with [`Login::builder`].
#[login_endpoint(
    vendor = "Up2 Money",
    base_url = "https://api.up2.money",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    idle_timeout = "5m",
    lockout = "30m",
    error_body = ErrorBody,
    status(
        400 => InvalidRequest,
        401 => InvalidCredentials,
        403 => Forbidden,
        404 => NotFound,
        410 => Expired,
        423 => Locked,
        429 => RateLimited,
        500 => ServerError,
        503 => Unavailable,
    ),
)]
pub struct Login {
    /// The application's API secret, sent as the `x-secret` header.
    #[login(secret, header = "x-secret")]
    api_secret: Secret,
    email: String,
    /// The tokenized password, sent as `password.value`.
    #[login(secret, rename = "password.value")]
    password: Secret,
}

/// The success body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct LoginResponse {
    /// The credentials used.
    pub credentials: Credentials,
    /// Who logged in.
    pub identity: Identity,
    /// The access token.
    pub token: Secret,
    /// The token's type, e.g. `ACCESS`.
    #[serde(rename = "tokenType")]
    pub token_type: String,
}

/// `credentials` of the success body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct Credentials {
    /// The credentials' identifier.
    pub id: String,
    /// Their type, e.g. `ROOT`.
    #[serde(rename = "type")]
    pub kind: String,
}

/// `identity` of the success body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct Identity {
    /// The identity's identifier.
    pub id: String,
    /// Consumer or corporate.
    #[serde(rename = "type")]
    pub kind: IdentityType,
}

/// The type of identity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum IdentityType {
    /// `CONSUMER`.
    Consumer,
    /// `CORPORATE`.
    Corporate,
    /// A value the document does not list.
    #[serde(other)]
    Other,
}

/// The error body, in either documented shape. `TOKEN_EXPIRED` (the tokenized password has
/// expired) has the meaning of the documented 410, [`ErrorKind::Expired`](auth_core::ErrorKind::Expired).
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = response.error_code,
    field_errors(
        each = syntax_errors.invalid_fields,
        field = field_name,
        error = error,
        params = params,
    ),
    kind(code = "TOKEN_EXPIRED" => Expired),
)]
#[non_exhaustive]
pub struct ErrorBody {
    /// The message, e.g. "Login failed.".
    #[serde(default)]
    #[vendor_error(message)]
    pub message: Option<String>,
    /// `{"errorCode": ...}`.
    #[serde(default)]
    pub response: Option<ErrorResponse>,
    /// The fields found invalid.
    #[serde(rename = "syntaxErrors", default)]
    pub syntax_errors: Option<SyntaxErrors>,
}

/// `response` of the error body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct ErrorResponse {
    /// The error code, e.g. `TOKEN_EXPIRED`.
    #[serde(rename = "errorCode", default)]
    pub error_code: Option<String>,
}

/// `syntaxErrors` of the error body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct SyntaxErrors {
    /// One entry per invalid field.
    #[serde(rename = "invalidFields", default)]
    pub invalid_fields: Vec<InvalidField>,
}

/// One entry of `syntaxErrors.invalidFields`.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct InvalidField {
    /// Parameters of the problem.
    #[serde(default)]
    pub params: Vec<String>,
    /// The field, e.g. `password.value`.
    #[serde(rename = "fieldName")]
    pub field_name: String,
    /// The problem, e.g. `REQUIRED`.
    pub error: String,
}
