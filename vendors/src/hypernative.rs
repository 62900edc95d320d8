//! Hypernative: email/password login.
//!
//! `POST https://api.hypernative.xyz/auth/login` with `accept: application/json` and a JSON
//! body of `email`, `password` and, for users in more than one organization, the numeric
//! `organizationId`. The answer is `{"data": {"token", "refreshToken"}}`; the document's second
//! sample leaves `refreshToken` out, so it is optional here. Errors carry the body
//! `{success, data, error, errorCode, version, service}` — the documented example is 400 with
//! `errorCode` 1002, "organizationId is mandatory".
//!
//! The document states no token lifetime, so [`Session::expires_at`](auth_core::Session::expires_at)
//! is `None`. It recommends API keys (Client ID and Client Secret) over this login for
//! programs, but does not name their headers, so they are not modelled here.

use auth_core::{Secret, VendorError, login_endpoint};
use serde::Deserialize;

/// Email/password login. Build it with [`Login::builder`].
#[login_endpoint(
    vendor = "Hypernative",
    base_url = "https://api.hypernative.xyz",
    path = "/auth/login",
    header(name = "accept", value = "application/json"),
    response = LoginResponse,
    token = data.token,
    refresh_token = data.refresh_token,
    error_body = ErrorBody,
    status(400 => InvalidRequest),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    /// Required by Hypernative when the user belongs to more than one organization.
    #[login(rename = "organizationId")]
    organization_id: Option<u64>,
}

/// The success body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct LoginResponse {
    /// The tokens.
    pub data: LoginData,
}

/// `data` of the success body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct LoginData {
    /// The access token.
    pub token: Secret,
    /// The refresh token; one of the document's samples leaves it out.
    #[serde(rename = "refreshToken", default)]
    pub refresh_token: Option<Secret>,
}

/// The error body: `{success, data, error, errorCode, version, service}`.
#[derive(Debug, Deserialize, VendorError)]
#[non_exhaustive]
pub struct ErrorBody {
    /// Always `false` on errors.
    #[serde(default)]
    pub success: Option<bool>,
    /// The message, e.g. "organizationId is mandatory".
    #[serde(default)]
    #[vendor_error(message)]
    pub error: Option<String>,
    /// The numeric code, e.g. 1002.
    #[serde(rename = "errorCode", default)]
    #[vendor_error(code)]
    pub error_code: Option<i64>,
    /// The API version that answered.
    #[serde(default)]
    pub version: Option<String>,
    /// The service that answered.
    #[serde(default)]
    pub service: Option<String>,
}
