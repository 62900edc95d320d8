//! Two login shapes the five vendors do not have, each declared with `#[login_endpoint]` and
//! written by hand beside it, for the CPU bench:
//!
//! - an OAuth 2.0 resource-owner password grant (RFC 6749 §4.3): a form body with a constant
//!   `grant_type`, a relative expiry (`expires_in`), a refresh token, and an error body whose
//!   code decides the kind (`invalid_grant` is a wrong password);
//! - a token in a response header, as OpenStack Keystone answers (`X-Subject-Token`), with the
//!   expiry in the body.

// Response fields are decoded as the vendor sends them, whether or not the bench reads them.
#![allow(dead_code)]

use std::time::{Duration, SystemTime};

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde::{Deserialize, Serialize};

use crate::handwritten::{Error, Session};

pub const CLIENT_ID: &str = "bench-client";
pub const TOKEN: &str = "eyJhbGciOiJSUzI1NiJ9.bench-shape-token.c2lnbmF0dXJl";

pub const OAUTH_SUCCESS: &str = r#"{"access_token":"eyJhbGciOiJSUzI1NiJ9.bench-shape-token.c2lnbmF0dXJl","expires_in":300,"refresh_expires_in":1800,"refresh_token":"eyJhbGciOiJIUzI1NiJ9.refresh.c2ln","token_type":"Bearer","not-before-policy":0,"session_state":"3f1c2b7e","scope":"profile email"}"#;
pub const OAUTH_ERROR: (u16, &str) = (
    401,
    r#"{"error":"invalid_grant","error_description":"Invalid user credentials"}"#,
);

pub const HEADER_TOKEN_SUCCESS: &str = r#"{"token":{"methods":["password"],"user":{"domain":{"id":"default","name":"Default"},"id":"ee4dfb6e5540447cb3741905149d9b6e","name":"admin","password_expires_at":null},"audit_ids":["3T2dc1CGQxyJsHdDu1xkcw"],"expires_at":"2026-12-01T22:00:00.000000Z","issued_at":"2026-12-01T21:00:00.000000Z"}}"#;
pub const HEADER_TOKEN_ERROR: (u16, &str) = (
    401,
    r#"{"error":{"code":401,"message":"The request you have made requires authentication.","title":"Unauthorized"}}"#,
);

/// The OAuth password grant, declared.
#[login_endpoint(
    vendor = "OAuth password grant",
    base_url = "https://sso.example.com",
    path = "/oauth/token",
    body = form,
    constant(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
    expires_in = expires_in,
    error_body = OAuthError,
    status(400 => InvalidRequest, 401 => InvalidCredentials),
)]
pub struct OAuthLogin {
    client_id: String,
    username: String,
    #[login(secret)]
    password: Secret,
}

/// The token endpoint's success body.
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    #[serde(default)]
    pub refresh_token: Option<Secret>,
    pub expires_in: u64,
    pub token_type: String,
}

/// RFC 6749 §5.2's error body.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error,
    message = error_description,
    kind(code = "invalid_grant" => InvalidCredentials),
)]
pub struct OAuthError {
    pub error: String,
    #[serde(default)]
    pub error_description: Option<String>,
}

/// The token-in-a-header login, declared.
#[login_endpoint(
    vendor = "Header token",
    base_url = "https://keystone.example.com:5000",
    path = "/v3/auth/tokens",
    response = KeystoneResponse,
    token = header("X-Subject-Token"),
    expires_at = token.expires_at,
    status(401 => InvalidCredentials),
)]
pub struct HeaderTokenLogin {
    username: String,
    #[login(secret)]
    password: Secret,
}

/// The success body: the token's description, not the token.
#[derive(Debug, Deserialize)]
pub struct KeystoneResponse {
    pub token: KeystoneToken,
}

/// `token` of the success body.
#[derive(Debug, Deserialize)]
pub struct KeystoneToken {
    pub expires_at: String,
    pub issued_at: String,
    pub methods: Vec<String>,
}

fn error(kind: ErrorKind, vendor: &'static str, status: u16) -> Error {
    Error {
        kind,
        vendor,
        status: Some(status),
        code: None,
        message: None,
        field_errors: Vec::new(),
        retry_after: None,
    }
}

/// The OAuth password grant, written by hand.
pub mod oauth_password {
    use super::*;

    const VENDOR: &str = "OAuth password grant";

    pub struct Login {
        pub client_id: String,
        pub username: String,
        pub password: Secret,
    }

    #[derive(Serialize)]
    struct Form<'a> {
        grant_type: &'static str,
        client_id: &'a str,
        username: &'a str,
        password: &'a str,
    }

    impl Login {
        pub fn write_body(&self) -> Result<Vec<u8>, Error> {
            let form = Form {
                grant_type: "password",
                client_id: &self.client_id,
                username: &self.username,
                password: self.password.expose_secret(),
            };
            serde_urlencoded::to_string(&form)
                .map(String::into_bytes)
                .map_err(|_| error(ErrorKind::InvalidRequest, VENDOR, 0))
        }

        pub fn headers(&self) -> HeaderMap {
            let mut headers = HeaderMap::with_capacity(1);
            headers.insert(
                reqwest::header::CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            );
            headers
        }
    }

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<TokenResponse>, Error> {
        if !(200..300).contains(&status) {
            let kind = match status {
                400 => ErrorKind::InvalidRequest,
                401 => ErrorKind::InvalidCredentials,
                other => ErrorKind::from_status(other),
            };
            let mut failure = error(kind, VENDOR, status);
            if let Ok(body) = serde_json::from_slice::<OAuthError>(body) {
                if body.error == "invalid_grant" {
                    failure.kind = ErrorKind::InvalidCredentials;
                }
                failure.code = Some(VendorCode::from(body.error));
                failure.message = body.error_description;
            }
            return Err(failure);
        }
        let response: TokenResponse =
            serde_json::from_slice(body).map_err(|_| error(ErrorKind::Decode, VENDOR, status))?;
        if response.access_token.is_empty() {
            return Err(error(ErrorKind::Decode, VENDOR, status));
        }
        let issued_at = SystemTime::now();
        Ok(Session {
            token: response.access_token.clone(),
            refresh_token: response.refresh_token.clone().filter(|t| !t.is_empty()),
            issued_at,
            expires_at: Some(issued_at + Duration::from_secs(response.expires_in)),
            idle_timeout: None,
            response,
        })
    }
}

/// The token-in-a-header login, written by hand.
pub mod header_token {
    use super::*;

    const VENDOR: &str = "Header token";
    const X_SUBJECT_TOKEN: HeaderName = HeaderName::from_static("x-subject-token");

    #[derive(Serialize)]
    pub struct Login {
        pub username: String,
        #[serde(serialize_with = "expose")]
        pub password: Secret,
    }

    fn expose<S: serde::Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(secret.expose_secret())
    }

    impl Login {
        pub fn write_body(&self) -> Result<Vec<u8>, Error> {
            serde_json::to_vec(self).map_err(|_| error(ErrorKind::InvalidRequest, VENDOR, 0))
        }

        pub fn headers(&self) -> HeaderMap {
            let mut headers = HeaderMap::with_capacity(1);
            headers.insert(
                reqwest::header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            headers
        }
    }

    pub fn interpret(
        status: u16,
        headers: &HeaderMap,
        body: &[u8],
    ) -> Result<Session<KeystoneResponse>, Error> {
        if !(200..300).contains(&status) {
            let kind = match status {
                401 => ErrorKind::InvalidCredentials,
                other => ErrorKind::from_status(other),
            };
            return Err(error(kind, VENDOR, status));
        }
        let response: KeystoneResponse =
            serde_json::from_slice(body).map_err(|_| error(ErrorKind::Decode, VENDOR, status))?;
        let token = headers
            .get(X_SUBJECT_TOKEN)
            .and_then(|value| value.to_str().ok())
            .filter(|token| !token.is_empty())
            .map(Secret::from)
            .ok_or_else(|| error(ErrorKind::Decode, VENDOR, status))?;
        let at: jiff::Timestamp = response
            .token
            .expires_at
            .parse()
            .map_err(|_| error(ErrorKind::Decode, VENDOR, status))?;
        let expires_at = SystemTime::try_from(at).ok();
        Ok(Session {
            token,
            refresh_token: None,
            issued_at: SystemTime::now(),
            expires_at,
            idle_timeout: None,
            response,
        })
    }
}

/// A header map of the given pairs, as a response's headers arrive.
pub fn header_map(pairs: &[(&str, &str)]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in pairs {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            map.append(name, value);
        }
    }
    map
}
