//! Hyper3D (Deemos): email/password login, in the cloud or on premises.
//!
//! `POST {base}/user/login` where the base is `https://hyperhuman.deemos.com/api` or an
//! on-premises host (use [`Login::send_to`]). The JSON body is `email` and `password`; the
//! older `username` field is deprecated in favour of `email` and is not sent. The answer
//! carries `token` and the user's basic information: `user_uuid`, `username`, `avatar_url`,
//! `email`.
//!
//! A failed login is signalled by an `error` string in the body, whatever the status; such an
//! answer is an [`ErrorKind::Rejected`](auth_core::ErrorKind::Rejected) error with that string
//! as its [`message`](auth_core::AuthError::message), never a session. Every answer has the
//! shape of [`LoginResponse`] (the document's `LoginResponse` embeds its `CommonError`, the
//! `error` string), so the login reads failures as that type too, and a failure in a 200 body
//! is taken from the response already decoded. The document lists no
//! status codes and no token lifetime, so [`Session::expires_at`](auth_core::Session::expires_at)
//! is `None`. Its sample client uses a 10 second timeout; set one with
//! [`LoginClientBuilder::timeout`](auth_core::LoginClientBuilder::timeout) if you want the same.

use auth_core::{Secret, VendorError, login_endpoint};
use serde::Deserialize;

/// Email/password login. Build it with [`Login::builder`].
#[login_endpoint(
    vendor = "Hyper3D",
    base_url = "https://hyperhuman.deemos.com/api",
    path = "/user/login",
    response = LoginResponse,
    token = token,
    error_body = LoginResponse,
    body_failure(field = error),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

/// The response body, and the error body: every answer has this shape. Every field may be
/// left out, as in the vendor's own client.
#[derive(Debug, Deserialize, VendorError)]
#[non_exhaustive]
pub struct LoginResponse {
    /// Set when the login failed: what went wrong.
    #[serde(default)]
    #[vendor_error(message)]
    pub error: Option<String>,
    /// The JWT.
    #[serde(default)]
    pub token: Option<Secret>,
    /// The user's UUID.
    #[serde(default)]
    pub user_uuid: Option<String>,
    /// The user's name.
    #[serde(default)]
    pub username: Option<String>,
    /// The user's avatar.
    #[serde(default)]
    pub avatar_url: Option<String>,
    /// The user's email.
    #[serde(default)]
    pub email: Option<String>,
}

/// The document's `CommonError` alone, `{"error": "..."}`: the part of every answer that
/// says a login failed. [`Login`] reads failures as [`LoginResponse`], which embeds it; this
/// type is for code that reads only the error.
#[derive(Debug, Deserialize, VendorError)]
#[non_exhaustive]
pub struct ErrorBody {
    /// What went wrong.
    #[serde(default)]
    #[vendor_error(message)]
    pub error: Option<String>,
}
