//! TalkStack AI: email/password login.
//!
//! `POST https://api.talkstackai.com/auth/login` with a JSON body of `email` and `password`.
//! The answer carries `token`, `refreshToken`, `expirationTime` (RFC 3339), `user` and
//! `loginStatus`.
//!
//! The token is valid for 2 hours: the session expires at `expirationTime`, or 2 hours after
//! login when the response leaves it out. `loginStatus` other than 7 (`SUCCESS`) is a failure
//! even with a 200 status, and its documented meaning sets the error's kind (see
//! [`LoginStatus`]). Errors, as documented: 400 (email or password missing), 401 (invalid
//! password), 404 (user not found; mapped to
//! [`ErrorKind::InvalidCredentials`], as a login
//! that names an unknown user is a credentials problem), 500.

use auth_core::{ErrorKind, Secret, VendorError, login_endpoint};
use serde::Deserialize;

/// Email/password login. Build it with [`Login::builder`].
#[login_endpoint(
    vendor = "TalkStack AI",
    base_url = "https://api.talkstackai.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    refresh_token = refresh_token,
    expires_at = expiration_time,
    lifetime = "2h",
    error_body = ErrorBody,
    body_failure(field = login_status, success = 7),
    status(
        400 => InvalidRequest,
        401 => InvalidCredentials,
        404 => InvalidCredentials,
        500 => ServerError,
    ),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

/// The success body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct LoginResponse {
    /// E.g. "successfully logged in.".
    #[serde(default)]
    pub message: Option<String>,
    /// E.g. "success".
    #[serde(default)]
    pub status: Option<String>,
    /// The access token, valid for 2 hours.
    #[serde(default)]
    pub token: Option<Secret>,
    /// The token to continue the session with.
    #[serde(rename = "refreshToken", default)]
    pub refresh_token: Option<Secret>,
    /// When the token expires, RFC 3339.
    #[serde(rename = "expirationTime", default)]
    pub expiration_time: Option<String>,
    /// The user.
    #[serde(default)]
    pub user: Option<User>,
    /// The login status code; 7 is success. See [`LoginStatus`].
    #[serde(rename = "loginStatus", default)]
    pub login_status: Option<u8>,
}

/// `user` of the success body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct User {
    /// The user's email.
    pub email: String,
    /// The user's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The active project, if any.
    #[serde(default)]
    pub active_project: Option<serde_json::Value>,
    /// When the account was created.
    #[serde(default)]
    pub created_at: Option<String>,
    /// When the account was last updated.
    #[serde(default)]
    pub updated_at: Option<String>,
    /// The company's name, if any.
    #[serde(default)]
    pub company_name: Option<String>,
}

/// The documented `loginStatus` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoginStatus {
    /// 0: `CREDENTIALS_MISSING`.
    CredentialsMissing,
    /// 1: `ACCOUNT_ALREADY_EXISTS`.
    AccountAlreadyExists,
    /// 2: `ACCOUNT_NOT_VERIFIED`.
    AccountNotVerified,
    /// 3: `USER_NOT_FOUND`.
    UserNotFound,
    /// 4: `INVALID_PASSWORD`.
    InvalidPassword,
    /// 5: `HUBSPOT_INTEGRATION_FAILED`.
    HubspotIntegrationFailed,
    /// 6: `HUBSPOT_INTEGRATION_SUCCESS`.
    HubspotIntegrationSuccess,
    /// 7: `SUCCESS`.
    Success,
    /// 8: `LOGIN_FAILED`.
    LoginFailed,
    /// 9: `INVALID_EMAIL`.
    InvalidEmail,
}

impl LoginStatus {
    /// The status for a documented code.
    pub fn from_code(code: u8) -> Option<LoginStatus> {
        use LoginStatus::*;
        const ALL: [LoginStatus; 10] = [
            CredentialsMissing,
            AccountAlreadyExists,
            AccountNotVerified,
            UserNotFound,
            InvalidPassword,
            HubspotIntegrationFailed,
            HubspotIntegrationSuccess,
            Success,
            LoginFailed,
            InvalidEmail,
        ];
        ALL.get(usize::from(code)).copied()
    }

    /// The kind of error this status means, if it is a failure.
    pub fn error_kind(self) -> Option<ErrorKind> {
        use LoginStatus::*;
        match self {
            CredentialsMissing | InvalidEmail => Some(ErrorKind::InvalidRequest),
            UserNotFound | InvalidPassword => Some(ErrorKind::InvalidCredentials),
            AccountNotVerified => Some(ErrorKind::Forbidden),
            HubspotIntegrationFailed => Some(ErrorKind::ServerError),
            AccountAlreadyExists | LoginFailed => Some(ErrorKind::Rejected),
            HubspotIntegrationSuccess | Success => None,
        }
    }
}

impl LoginResponse {
    /// `loginStatus` as a documented value.
    pub fn login_status(&self) -> Option<LoginStatus> {
        self.login_status.and_then(LoginStatus::from_code)
    }
}

/// The error body: the success body's `message`, `status` and `loginStatus`. The kind each
/// `loginStatus` declares is [`LoginStatus::error_kind`].
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(kind(
    code = 0 | 9 => InvalidRequest,
    code = 3 | 4 => InvalidCredentials,
    code = 2 => Forbidden,
    code = 5 => ServerError,
    code = 1 | 8 => Rejected,
))]
#[non_exhaustive]
pub struct ErrorBody {
    /// What went wrong.
    #[serde(default)]
    #[vendor_error(message)]
    pub message: Option<String>,
    /// E.g. "error".
    #[serde(default)]
    pub status: Option<String>,
    /// The login status code.
    #[serde(rename = "loginStatus", default)]
    #[vendor_error(code)]
    pub login_status: Option<u8>,
}

#[cfg(test)]
mod tests {
    use auth_core::VendorError;

    use super::{ErrorBody, LoginStatus};

    /// The declared `kind(...)` arms and [`LoginStatus::error_kind`] say the same of every code.
    #[test]
    fn the_declared_kinds_are_the_documented_meanings() {
        for code in 0..=u8::MAX {
            let body = ErrorBody {
                message: None,
                status: None,
                login_status: Some(code),
            };
            let documented = LoginStatus::from_code(code).and_then(LoginStatus::error_kind);
            assert_eq!(body.kind(), documented, "loginStatus {code}");
        }
    }
}
