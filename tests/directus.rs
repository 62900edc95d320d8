//! Directus's login and refresh endpoints, declared with the DSL alone as its Authentication
//! reference documents them (<https://docs.directus.io/reference/authentication>):
//! `POST /auth/login` with `email` and `password`, `POST /auth/refresh` with `refresh_token`,
//! both answering `{"data":{"access_token","expires","refresh_token"}}` ("`expires` — how long
//! before the access token will expire. Value is in milliseconds") with a new refresh token on
//! every refresh; errors are `{"errors":[{"message","extensions":{"code"}}]}` (the "Errors"
//! guide). Its API takes the token as `Authorization: Bearer <token>`, or `?access_token=`.
//!
//! Directus is self-hosted: `base_url` is a placeholder, and the tests give their own.

#![allow(dead_code)]

use auth_core::{Secret, TokenPresentation, VendorError, login_endpoint};

/// How Directus's API takes the token, as its reference states: `Authorization: Bearer`.
pub const TOKEN_PRESENTATION: TokenPresentation = TokenPresentation::bearer();

/// The answer of both the login and the refresh.
#[derive(Debug, serde::Deserialize)]
pub struct AuthResponse {
    pub data: AuthData,
}

#[derive(Debug, serde::Deserialize)]
pub struct AuthData {
    pub access_token: Secret,
    /// Milliseconds until the access token expires (900000 by default).
    pub expires: u64,
    /// Absent in `cookie` mode.
    pub refresh_token: Option<Secret>,
}

/// `{"errors": [{"message": "...", "extensions": {"code": "..."}}]}`: the first error decides.
#[derive(Debug, serde::Deserialize, VendorError)]
#[vendor_error(
    code = errors[0].extensions.code,
    message = errors[0].message,
    kind(
        code = "INVALID_CREDENTIALS" | "INVALID_OTP" => InvalidCredentials,
        code = "TOKEN_EXPIRED" => Expired,
        code = "INVALID_PAYLOAD" => InvalidRequest,
        code = "REQUESTS_EXCEEDED" => RateLimited,
    ),
)]
pub struct ErrorBody {
    pub errors: Vec<Error>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Error {
    pub message: String,
    pub extensions: Extensions,
}

#[derive(Debug, serde::Deserialize)]
pub struct Extensions {
    pub code: String,
}

/// `POST /auth/login`, whose sessions are renewed with [`Refresh`].
#[login_endpoint(
    vendor = "Directus",
    base_url = "https://directus.invalid",
    path = "/auth/login",
    refresh = Refresh,
    response = AuthResponse,
    token = data.access_token,
    refresh_token = data.refresh_token,
    expires_in(millis = data.expires),
    error_body = ErrorBody,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

/// `POST /auth/refresh`: a new access token and a new refresh token for the one sent, both in
/// the JSON body (`mode` `json`).
#[login_endpoint(
    refreshes = Login,
    vendor = "Directus",
    base_url = "https://directus.invalid",
    path = "/auth/refresh",
    response = AuthResponse,
    token = data.access_token,
    refresh_token = data.refresh_token,
    expires_in(millis = data.expires),
    error_body = ErrorBody,
)]
pub struct Refresh {
    #[login(secret, refresh_token)]
    refresh_token: Secret,
}

/// `POST /auth/login` in `cookie` mode: the refresh token comes in an httpOnly cookie, not in
/// the body. The reference's `mode`: "Whether to retrieve the refresh token in the JSON
/// response, or in a httpOnly cookie. One of `json`, `cookie` or `session`". The cookie's
/// name is `REFRESH_TOKEN_COOKIE_NAME` of Directus's configuration reference, whose default,
/// `directus_refresh_token`, is declared here.
#[login_endpoint(
    vendor = "Directus",
    base_url = "https://directus.invalid",
    path = "/auth/login",
    constant(mode = "cookie"),
    response = AuthResponse,
    token = data.access_token,
    refresh_token = cookie("directus_refresh_token"),
    expires_in(millis = data.expires),
    error_body = ErrorBody,
)]
pub struct CookieLogin {
    email: String,
    #[login(secret)]
    password: Secret,
}

/// `POST /auth/refresh` in `cookie` mode: the refresh token is sent in its cookie ("If you
/// have the refresh token in a cookie through /auth/login, you don't have to submit it here"),
/// and the new one comes back in the same cookie.
#[login_endpoint(
    refreshes = CookieLogin,
    vendor = "Directus",
    path = "/auth/refresh",
    constant(mode = "cookie"),
    response = AuthResponse,
    token = data.access_token,
    refresh_token = cookie("directus_refresh_token"),
    expires_in(millis = data.expires),
    error_body = ErrorBody,
)]
pub struct CookieRefresh {
    #[login(secret, refresh_token, cookie = "directus_refresh_token")]
    refresh_token: Secret,
}
