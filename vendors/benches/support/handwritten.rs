//! The baseline: the five logins written by hand with reqwest and serde, as a careful developer
//! would without `#[login_endpoint]`: a serde request struct, one function that posts it, a
//! status match, the error body decoded and mapped, the token taken out.
//!
//! It reuses the vendors' response and error-body types, which are plain serde types that the
//! macro does not generate, so a difference in the figures is what the macro and auth-core's
//! pipeline add. It keeps the safety that costs nothing per request (no redirects followed, the
//! same timeouts, env proxies ignored, a `Content-Length` cap) and leaves out what auth-core adds
//! on top (a cap on chunked bodies, JSON error paths, body excerpts, scrubbing, retries), which is
//! part of what the comparison measures.

// Each bench target uses a different part of this module.
#![allow(dead_code)]

use std::time::{Duration, SystemTime};

use auth_core::{ErrorKind, FieldError, Secret, VendorCode};
use axum::body::Bytes;
use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use serde::{Serialize, Serializer};

/// What a hand-written login returns.
pub struct Session<R> {
    pub token: Secret,
    pub refresh_token: Option<Secret>,
    pub issued_at: SystemTime,
    pub expires_at: Option<SystemTime>,
    pub idle_timeout: Option<Duration>,
    pub response: R,
}

/// Why a hand-written login failed.
#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub vendor: &'static str,
    pub status: Option<u16>,
    pub code: Option<VendorCode>,
    pub message: Option<String>,
    pub field_errors: Vec<FieldError>,
    pub retry_after: Option<Duration>,
}

impl Error {
    fn new(kind: ErrorKind, vendor: &'static str, status: Option<u16>) -> Self {
        Error {
            kind,
            vendor,
            status,
            code: None,
            message: None,
            field_errors: Vec::new(),
            retry_after: None,
        }
    }
}

/// One client, configured like `LoginClient`'s defaults: rustls with ring and the Mozilla roots,
/// given to this client rather than installed process-wide.
pub fn client() -> reqwest::Client {
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let roots = rustls::RootCertStore::from_iter(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    let tls = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("ring supports the default protocol versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    reqwest::Client::builder()
        .tls_backend_preconfigured(tls)
        .connect_timeout(Duration::from_secs(10))
        .timeout(Duration::from_secs(30))
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .user_agent("handwritten/0.1")
        .build()
        .expect("the TLS backend initialises")
}

const MAX_BODY_BYTES: u64 = 1024 * 1024;

fn expose<S: Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose_secret())
}

fn body_error(vendor: &'static str) -> Error {
    Error::new(ErrorKind::InvalidRequest, vendor, None)
}

fn decode_error(vendor: &'static str, status: u16) -> Error {
    Error::new(ErrorKind::Decode, vendor, Some(status))
}

async fn post_json(
    client: &reqwest::Client,
    vendor: &'static str,
    url: String,
    content_type: &'static str,
    headers: HeaderMap,
    body: Vec<u8>,
) -> Result<(u16, Bytes), Error> {
    let transport = |e: reqwest::Error| {
        let kind = if e.is_timeout() {
            ErrorKind::Timeout
        } else {
            ErrorKind::Connect
        };
        Error::new(kind, vendor, None)
    };
    let response = client
        .post(url)
        .header(CONTENT_TYPE, HeaderValue::from_static(content_type))
        .headers(headers)
        .body(body)
        .send()
        .await
        .map_err(transport)?;
    let status = response.status().as_u16();
    if response.status().is_redirection() {
        return Err(Error::new(ErrorKind::Redirect, vendor, Some(status)));
    }
    if response
        .content_length()
        .is_some_and(|n| n > MAX_BODY_BYTES)
    {
        return Err(Error::new(ErrorKind::BodyTooLarge, vendor, Some(status)));
    }
    let body = response.bytes().await.map_err(transport)?;
    Ok((status, body))
}

pub mod hypernative {
    use super::*;
    use vendors::hypernative::{ErrorBody, LoginResponse};

    const VENDOR: &str = "Hypernative";

    #[derive(Serialize)]
    pub struct Login {
        pub email: String,
        #[serde(serialize_with = "expose")]
        pub password: Secret,
        #[serde(rename = "organizationId", skip_serializing_if = "Option::is_none")]
        pub organization_id: Option<u64>,
    }

    impl Login {
        pub fn write_body(&self) -> Result<Vec<u8>, Error> {
            serde_json::to_vec(self).map_err(|_| body_error(VENDOR))
        }

        pub fn headers(&self) -> HeaderMap {
            let mut headers = HeaderMap::with_capacity(1);
            headers.insert(ACCEPT, HeaderValue::from_static("application/json"));
            headers
        }

        pub async fn login(
            &self,
            client: &reqwest::Client,
            base_url: &str,
        ) -> Result<Session<LoginResponse>, Error> {
            let body = self.write_body()?;
            let url = format!("{base_url}/auth/login");
            let (status, body) = post_json(
                client,
                VENDOR,
                url,
                "application/json",
                self.headers(),
                body,
            )
            .await?;
            interpret(status, &body)
        }
    }

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {
        if !(200..300).contains(&status) {
            let kind = match status {
                400 => ErrorKind::InvalidRequest,
                401 => ErrorKind::InvalidCredentials,
                403 => ErrorKind::Forbidden,
                429 => ErrorKind::RateLimited,
                500..=599 => ErrorKind::ServerError,
                _ => ErrorKind::Rejected,
            };
            let mut error = Error::new(kind, VENDOR, Some(status));
            if let Ok(body) = serde_json::from_slice::<ErrorBody>(body) {
                error.code = body.error_code.map(VendorCode::Number);
                error.message = body.error;
            }
            return Err(error);
        }
        let response: LoginResponse =
            serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        if response.data.token.is_empty() {
            return Err(decode_error(VENDOR, status));
        }
        Ok(Session {
            token: response.data.token.clone(),
            refresh_token: response.data.refresh_token.clone(),
            issued_at: SystemTime::now(),
            expires_at: None,
            idle_timeout: None,
            response,
        })
    }
}

pub mod project_thanos {
    use super::*;
    use vendors::project_thanos::LoginResponse;

    const VENDOR: &str = "Project Thanos";

    #[derive(Serialize)]
    pub struct Login {
        pub username: String,
        #[serde(serialize_with = "expose")]
        pub password: Secret,
    }

    impl Login {
        pub fn write_body(&self) -> Result<Vec<u8>, Error> {
            serde_json::to_vec(self).map_err(|_| body_error(VENDOR))
        }

        pub fn headers(&self) -> HeaderMap {
            HeaderMap::new()
        }

        pub async fn login(
            &self,
            client: &reqwest::Client,
            base_url: &str,
        ) -> Result<Session<LoginResponse>, Error> {
            let body = self.write_body()?;
            let url = format!("{base_url}/api/organizations/user-login/");
            let (status, body) = post_json(
                client,
                VENDOR,
                url,
                "application/json; charset=utf-8",
                self.headers(),
                body,
            )
            .await?;
            interpret(status, &body)
        }
    }

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {
        if !(200..300).contains(&status) {
            // The document shows no error body: the status is all there is.
            let kind = match status {
                400 | 415 => ErrorKind::InvalidRequest,
                401 => ErrorKind::InvalidCredentials,
                403 => ErrorKind::Forbidden,
                404 => ErrorKind::NotFound,
                429 => ErrorKind::RateLimited,
                500..=599 => ErrorKind::ServerError,
                _ => ErrorKind::Rejected,
            };
            return Err(Error::new(kind, VENDOR, Some(status)));
        }
        let response: LoginResponse =
            serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        if response.auth_token.is_empty() {
            return Err(decode_error(VENDOR, status));
        }
        Ok(Session {
            token: response.auth_token.clone(),
            refresh_token: None,
            issued_at: SystemTime::now(),
            expires_at: None,
            idle_timeout: None,
            response,
        })
    }
}

pub mod up2_money {
    use super::*;
    use vendors::up2_money::{ErrorBody, LoginResponse};

    const VENDOR: &str = "Up2 Money";
    const X_SECRET: HeaderName = HeaderName::from_static("x-secret");

    pub struct Login {
        pub api_secret: Secret,
        pub email: String,
        pub password: Secret,
    }

    #[derive(Serialize)]
    struct Body<'a> {
        email: &'a str,
        password: Password<'a>,
    }

    #[derive(Serialize)]
    struct Password<'a> {
        value: &'a str,
    }

    impl Login {
        pub fn write_body(&self) -> Result<Vec<u8>, Error> {
            let body = Body {
                email: &self.email,
                password: Password {
                    value: self.password.expose_secret(),
                },
            };
            serde_json::to_vec(&body).map_err(|_| body_error(VENDOR))
        }

        pub fn headers(&self) -> Result<HeaderMap, Error> {
            let mut secret = HeaderValue::from_str(self.api_secret.expose_secret())
                .map_err(|_| body_error(VENDOR))?;
            secret.set_sensitive(true);
            let mut headers = HeaderMap::with_capacity(1);
            headers.insert(X_SECRET, secret);
            Ok(headers)
        }

        pub async fn login(
            &self,
            client: &reqwest::Client,
            base_url: &str,
        ) -> Result<Session<LoginResponse>, Error> {
            let body = self.write_body()?;
            let url = format!("{base_url}/auth/login");
            let (status, body) = post_json(
                client,
                VENDOR,
                url,
                "application/json",
                self.headers()?,
                body,
            )
            .await?;
            interpret(status, &body)
        }
    }

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {
        if !(200..300).contains(&status) {
            let kind = match status {
                400 => ErrorKind::InvalidRequest,
                401 => ErrorKind::InvalidCredentials,
                403 => ErrorKind::Forbidden,
                404 => ErrorKind::NotFound,
                410 => ErrorKind::Expired,
                423 => ErrorKind::Locked,
                429 => ErrorKind::RateLimited,
                503 => ErrorKind::Unavailable,
                500..=599 => ErrorKind::ServerError,
                _ => ErrorKind::Rejected,
            };
            let mut error = Error::new(kind, VENDOR, Some(status));
            if let Ok(body) = serde_json::from_slice::<ErrorBody>(body) {
                let code = body.response.and_then(|r| r.error_code);
                if code.as_deref() == Some("TOKEN_EXPIRED") {
                    error.kind = ErrorKind::Expired;
                }
                error.code = code.map(VendorCode::Text);
                error.message = body.message;
                error.field_errors = body
                    .syntax_errors
                    .map(|errors| {
                        errors
                            .invalid_fields
                            .into_iter()
                            .map(|field| FieldError {
                                field: field.field_name,
                                error: field.error,
                                params: field.params,
                            })
                            .collect()
                    })
                    .unwrap_or_default();
            }
            if error.kind == ErrorKind::Locked {
                error.retry_after = Some(Duration::from_secs(30 * 60));
            }
            return Err(error);
        }
        let response: LoginResponse =
            serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        if response.token.is_empty() {
            return Err(decode_error(VENDOR, status));
        }
        Ok(Session {
            token: response.token.clone(),
            refresh_token: None,
            issued_at: SystemTime::now(),
            expires_at: None,
            idle_timeout: Some(Duration::from_secs(5 * 60)),
            response,
        })
    }
}

pub mod hyper3d {
    use super::*;
    use vendors::hyper3d::{ErrorBody, LoginResponse};

    const VENDOR: &str = "Hyper3D";

    #[derive(Serialize)]
    pub struct Login {
        pub email: String,
        #[serde(serialize_with = "expose")]
        pub password: Secret,
    }

    impl Login {
        pub fn write_body(&self) -> Result<Vec<u8>, Error> {
            serde_json::to_vec(self).map_err(|_| body_error(VENDOR))
        }

        pub fn headers(&self) -> HeaderMap {
            HeaderMap::new()
        }

        pub async fn login(
            &self,
            client: &reqwest::Client,
            base_url: &str,
        ) -> Result<Session<LoginResponse>, Error> {
            let body = self.write_body()?;
            let url = format!("{base_url}/user/login");
            let (status, body) = post_json(
                client,
                VENDOR,
                url,
                "application/json",
                self.headers(),
                body,
            )
            .await?;
            interpret(status, &body)
        }
    }

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {
        if !(200..300).contains(&status) {
            let kind = match status {
                400 => ErrorKind::InvalidRequest,
                401 => ErrorKind::InvalidCredentials,
                403 => ErrorKind::Forbidden,
                404 => ErrorKind::NotFound,
                429 => ErrorKind::RateLimited,
                500..=599 => ErrorKind::ServerError,
                _ => ErrorKind::Rejected,
            };
            let mut error = Error::new(kind, VENDOR, Some(status));
            if let Ok(body) = serde_json::from_slice::<ErrorBody>(body) {
                error.message = body.error;
            }
            return Err(error);
        }
        let response: LoginResponse =
            serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        // A failure is an `error` string in a 2xx body.
        if let Some(message) = &response.error {
            let mut error = Error::new(ErrorKind::Rejected, VENDOR, Some(status));
            error.message = Some(message.clone());
            return Err(error);
        }
        let token = match &response.token {
            Some(token) if !token.is_empty() => token.clone(),
            _ => return Err(decode_error(VENDOR, status)),
        };
        Ok(Session {
            token,
            refresh_token: None,
            issued_at: SystemTime::now(),
            expires_at: None,
            idle_timeout: None,
            response,
        })
    }
}

pub mod talkstack {
    use super::*;
    use vendors::talkstack::{ErrorBody, LoginResponse, LoginStatus};

    const VENDOR: &str = "TalkStack AI";
    const LIFETIME: Duration = Duration::from_secs(2 * 60 * 60);

    #[derive(Serialize)]
    pub struct Login {
        pub email: String,
        #[serde(serialize_with = "expose")]
        pub password: Secret,
    }

    impl Login {
        pub fn write_body(&self) -> Result<Vec<u8>, Error> {
            serde_json::to_vec(self).map_err(|_| body_error(VENDOR))
        }

        pub fn headers(&self) -> HeaderMap {
            HeaderMap::new()
        }

        pub async fn login(
            &self,
            client: &reqwest::Client,
            base_url: &str,
        ) -> Result<Session<LoginResponse>, Error> {
            let body = self.write_body()?;
            let url = format!("{base_url}/auth/login");
            let (status, body) = post_json(
                client,
                VENDOR,
                url,
                "application/json",
                self.headers(),
                body,
            )
            .await?;
            interpret(status, &body)
        }
    }

    fn status_kind(login_status: Option<u8>) -> Option<ErrorKind> {
        LoginStatus::from_code(login_status?)?.error_kind()
    }

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {
        if !(200..300).contains(&status) {
            let kind = match status {
                400 => ErrorKind::InvalidRequest,
                401 | 404 => ErrorKind::InvalidCredentials,
                429 => ErrorKind::RateLimited,
                500..=599 => ErrorKind::ServerError,
                _ => ErrorKind::Rejected,
            };
            let mut error = Error::new(kind, VENDOR, Some(status));
            if let Ok(body) = serde_json::from_slice::<ErrorBody>(body) {
                error.kind = status_kind(body.login_status).unwrap_or(kind);
                error.code = body.login_status.map(|c| VendorCode::Number(i64::from(c)));
                error.message = body.message;
            }
            return Err(error);
        }
        let response: LoginResponse =
            serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        // `loginStatus` other than 7 is a failure even in a 2xx body.
        if response.login_status != Some(7) {
            let mut error = Error::new(
                status_kind(response.login_status).unwrap_or(ErrorKind::Rejected),
                VENDOR,
                Some(status),
            );
            error.code = response
                .login_status
                .map(|c| VendorCode::Number(i64::from(c)));
            error.message = response.message.clone();
            return Err(error);
        }
        let token = match &response.token {
            Some(token) if !token.is_empty() => token.clone(),
            _ => return Err(decode_error(VENDOR, status)),
        };
        let issued_at = SystemTime::now();
        let expires_at = match &response.expiration_time {
            Some(text) => {
                let at: jiff::Timestamp = text.parse().map_err(|_| decode_error(VENDOR, status))?;
                SystemTime::try_from(at).map_err(|_| decode_error(VENDOR, status))?
            }
            None => issued_at + LIFETIME,
        };
        Ok(Session {
            token,
            refresh_token: response.refresh_token.clone(),
            issued_at,
            expires_at: Some(expires_at),
            idle_timeout: None,
            response,
        })
    }
}
