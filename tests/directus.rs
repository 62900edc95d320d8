//! Directus's login and refresh endpoints, declared as its authentication reference documents
//! them (<https://docs.directus.io/reference/authentication>): `POST /auth/login` with `email`
//! and `password`, `POST /auth/refresh` with `refresh_token`, both answering
//! `{"data":{"access_token","expires","refresh_token"}}` with a new refresh token on every
//! refresh, and errors as `{"errors":[{"message","extensions":{"code"}}]}`. Its API takes the
//! token as `Authorization: Bearer <token>`.

#![allow(dead_code)]

use auth_core::{
    ErrorKind, RefreshEndpoint, Secret, TokenPresentation, VendorCode, VendorError, login_endpoint,
};

/// How Directus's API takes the token, as its reference states.
pub const TOKEN_PRESENTATION: TokenPresentation = TokenPresentation::bearer();

/// Directus's login and refresh answer: the token, how long it lasts (milliseconds), and the
/// refresh token.
#[derive(Debug, serde::Deserialize)]
pub struct AuthResponse {
    pub data: AuthData,
}

#[derive(Debug, serde::Deserialize)]
pub struct AuthData {
    pub access_token: Secret,
    /// Milliseconds the access token is valid (900000 by default). A relative expiry cannot be
    /// declared yet, so the declarations state Directus's default lifetime instead.
    pub expires: u64,
    pub refresh_token: Option<Secret>,
}

/// Directus's error body: `{"errors":[{"message": …, "extensions": {"code": …}}]}`.
#[derive(Debug, serde::Deserialize)]
pub struct DirectusErrors {
    errors: Vec<DirectusError>,
}

#[derive(Debug, serde::Deserialize)]
struct DirectusError {
    message: String,
    extensions: Option<Extensions>,
}

#[derive(Debug, serde::Deserialize)]
struct Extensions {
    code: Option<String>,
}

impl DirectusErrors {
    fn code(&self) -> Option<&str> {
        self.errors.first()?.extensions.as_ref()?.code.as_deref()
    }
}

impl VendorError for DirectusErrors {
    fn code(&self) -> Option<VendorCode> {
        DirectusErrors::code(self).map(VendorCode::from)
    }

    fn message(&self) -> Option<&str> {
        self.errors.first().map(|error| error.message.as_str())
    }

    fn kind(&self) -> Option<ErrorKind> {
        match DirectusErrors::code(self)? {
            "INVALID_CREDENTIALS" => Some(ErrorKind::InvalidCredentials),
            "TOKEN_EXPIRED" => Some(ErrorKind::Expired),
            _ => None,
        }
    }
}

/// Directus `POST /auth/login`. Self-hosted: the base URL is the app's own instance.
#[login_endpoint(
    vendor = "Directus",
    base_url = "https://directus.example.com",
    path = "/auth/login",
    response = AuthResponse,
    token = data.access_token,
    refresh_token = data.refresh_token,
    lifetime = "15m",
    error_body = DirectusErrors,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

/// Directus `POST /auth/refresh`: a new access token and a new refresh token.
#[login_endpoint(
    vendor = "Directus",
    base_url = "https://directus.example.com",
    path = "/auth/refresh",
    response = AuthResponse,
    token = data.access_token,
    refresh_token = data.refresh_token,
    lifetime = "15m",
    error_body = DirectusErrors,
)]
pub struct Refresh {
    #[login(secret)]
    refresh_token: Secret,
}

impl RefreshEndpoint for Refresh {
    type Login = Login;

    fn for_refresh_token(_login: &Login, refresh_token: &Secret) -> Self {
        Refresh::builder()
            .refresh_token(refresh_token.clone())
            .build()
    }
}
