#!/usr/bin/env python3
"""What `#[login_endpoint]` costs at compile time, against the same endpoints written by hand.

    python3 vendors/benches/compile_cost.py [--endpoints 10,100,300] [--runs 3] [--release] [--keep]
                                            [--svg vendors/benches/compile_cost.svg]

Writes two throwaway crates into a temporary directory, both path-depending on a snapshot of this
workspace's auth-core (and auth-macros) taken at the start, and pinned to its Cargo.lock:

- `fixture_generated`: N endpoints declared with `#[login_endpoint]`;
- `fixture_handwritten`: the same N endpoints written with reqwest and serde: a request struct
  with a redacting `Debug`, a constructor and setters (no compile-time check of required
  fields), a serde body, an async `send`/`send_to`, the status match, the error body mapped,
  the token taken out; plus, once per crate, a `Session`, an error type and one function that posts JSON.

The endpoints cycle through six shapes that cover the DSL's features: a plain email/password
login; a static header, an optional field, a nested token with a refresh token and an error
body; a secret header, a nested body key, an idle timeout and a lockout; a failure stated in a
2xx body, an expiry timestamp and a fixed lifetime; a token in a response header with an
expiry in the body; an OAuth 2.0 password grant with a form body, a constant, a relative
expiry and an error body whose code decides the kind (derived on the generated side). Each endpoint has its own response types,
the same in both crates, and a use site that boxes its `send_to` future, so the code the
compiler generates for a login (generic runtime code included) is built in the fixture crate,
as it would be in an application.

Each crate is built with every count of endpoints asked for and with zero, so the tables show
the cost per endpoint apart from what each crate pays once, and the slope shows how it grows.
Measured with the dependencies already built, the crate alone rebuilt on each run (its source
touched), CARGO_INCREMENTAL=0, the median of --runs. The runs interleave the two sides, so load
from other work on the machine falls on both alike:

- `cargo check` and `cargo build` (and `cargo build --release` with --release) wall seconds;
- macro expansion: rustc's `expand_crate` pass from `-Z time-passes` (on stable through
  RUSTC_BOOTSTRAP=1, for this measurement only, in a target directory of its own since it
  changes every crate's fingerprint);
- LLVM IR lines from `cargo llvm-lines` (installed with `cargo install cargo-llvm-lines` when
  missing).

Dependencies are built in $CARGO_TARGET_DIR/compile-cost when CARGO_TARGET_DIR is set (kept
between runs), else in the temporary directory.
"""

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHAPES = 6

PROFILES = """
[profile.dev.package."*"]
debug = false

[profile.dev]
debug = "line-tables-only"
"""


def snapshot(root: Path) -> Path:
    """Copies auth-core and auth-macros as they are now, so that edits made to the workspace
    while the script runs do not rebuild them in the middle of a measurement."""
    workspace = root / "workspace"
    for member in ("auth-core", "auth-macros"):
        shutil.copytree(REPO / member, workspace / member, ignore=shutil.ignore_patterns("target"))
    manifest_text = (REPO / "Cargo.toml").read_text()
    manifest_text = re.sub(r"members\s*=\s*\[[^\]]*\]", 'members = ["auth-core", "auth-macros"]', manifest_text)
    (workspace / "Cargo.toml").write_text(manifest_text)
    shutil.copy(REPO / "Cargo.lock", workspace / "Cargo.lock")
    return workspace


def manifest(name: str, handwritten: bool, workspace: Path) -> str:
    extra = ""
    if handwritten:
        extra = (
            'reqwest = { version = "0.13", default-features = false, '
            'features = ["rustls-no-provider", "http2"] }\n'
            'jiff = { version = "1", default-features = false, features = ["std"] }\n'
            'serde_urlencoded = "0.7"\n'
        )
    return f"""[package]
name = "{name}"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
auth-core = {{ path = "{workspace / 'auth-core'}" }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
{extra}
# Not part of any enclosing workspace.
[workspace]
{PROFILES}"""


# Response and error-body types: hand-written in both crates, as the DSL does not generate them.
RESPONSES = [
    """    #[derive(Debug, Deserialize)]
    pub struct LoginResponse {
        pub token: Secret,
        #[serde(default)]
        pub user_id: Option<String>,
    }
""",
    """    #[derive(Debug, Deserialize)]
    pub struct LoginResponse {
        pub data: LoginData,
    }

    #[derive(Debug, Deserialize)]
    pub struct LoginData {
        pub token: Secret,
        #[serde(rename = "refreshToken", default)]
        pub refresh_token: Option<Secret>,
    }

    #[derive(Debug, Deserialize)]
    pub struct ErrorBody {
        #[serde(default)]
        pub error: Option<String>,
        #[serde(rename = "errorCode", default)]
        pub error_code: Option<i64>,
    }
""",
    """    #[derive(Debug, Deserialize)]
    pub struct LoginResponse {
        pub token: Secret,
        #[serde(rename = "tokenType")]
        pub token_type: String,
    }
""",
    """    #[derive(Debug, Deserialize)]
    pub struct LoginResponse {
        #[serde(default)]
        pub error: Option<String>,
        #[serde(default)]
        pub token: Option<Secret>,
        #[serde(rename = "expirationTime", default)]
        pub expiration_time: Option<String>,
    }

    #[derive(Debug, Deserialize)]
    pub struct ErrorBody {
        #[serde(default)]
        pub error: Option<String>,
    }
""",
    """    #[derive(Debug, Deserialize)]
    pub struct LoginResponse {
        pub token: TokenInfo,
    }

    #[derive(Debug, Deserialize)]
    pub struct TokenInfo {
        pub expires_at: String,
    }
""",
    """    #[derive(Debug, Deserialize)]
    pub struct LoginResponse {
        pub access_token: Secret,
        #[serde(default)]
        pub refresh_token: Option<Secret>,
        pub expires_in: u64,
        pub token_type: String,
    }

    #[derive(Debug, Deserialize)]
    __ERROR_BODY_DERIVE__
    pub struct ErrorBody {
        pub error: String,
        #[serde(default)]
        pub error_description: Option<String>,
    }
""",
]


# Shape 5's error body: declared on the generated side, mapped by hand on the other.
GENERATED_ERROR_BODY_DERIVE = """#[derive(VendorError)]
    #[vendor_error(code = error, message = error_description,
        kind(code = "invalid_grant" => InvalidCredentials))]"""


# A use of each endpoint, as an application has: it makes the compiler generate the login's
# future (and everything generic it calls) in the fixture crate itself, where it is measured.
USE_SITE = """    pub type LoginFuture<'a> =
        Pin<Box<dyn Future<Output = Result<Session<LoginResponse>, {error}>> + Send + 'a>>;

    pub fn login_future<'a>(login: &'a Login, client: &'a {client}, base_url: &'a str) -> LoginFuture<'a> {{
        Box::pin(login.send_to(client, base_url))
    }}
"""


def generated_endpoint(i: int) -> str:
    shape = i % SHAPES
    common = f'vendor = "Vendor {i}", base_url = "https://api{i}.example.com"'
    if shape == 0:
        body = f"""    #[login_endpoint({common}, path = "/auth/login", response = LoginResponse, token = token,
        status(401 => InvalidCredentials, 403 => Forbidden))]
    pub struct Login {{
        email: String,
        #[login(secret)]
        password: Secret,
    }}
"""
    elif shape == 1:
        body = f"""    impl VendorError for ErrorBody {{
        fn code(&self) -> Option<VendorCode> {{
            self.error_code.map(VendorCode::Number)
        }}
        fn message(&self) -> Option<&str> {{
            self.error.as_deref()
        }}
    }}

    #[login_endpoint({common}, path = "/auth/login",
        header(name = "accept", value = "application/json"),
        response = LoginResponse, token = data.token, refresh_token = data.refresh_token,
        error_body = ErrorBody, status(400 => InvalidRequest))]
    pub struct Login {{
        username: String,
        #[login(secret)]
        password: Secret,
        #[login(rename = "organizationId")]
        organization_id: Option<u64>,
    }}
"""
    elif shape == 2:
        body = f"""    #[login_endpoint({common}, path = "/v1/login", response = LoginResponse, token = token,
        idle_timeout = "5m", lockout = "30m",
        status(401 => InvalidCredentials, 423 => Locked, 429 => RateLimited))]
    pub struct Login {{
        #[login(secret, header = "x-secret")]
        api_secret: Secret,
        email: String,
        #[login(secret, rename = "password.value")]
        password: Secret,
    }}
"""
    elif shape == 3:
        body = f"""    impl VendorError for ErrorBody {{
        fn message(&self) -> Option<&str> {{
            self.error.as_deref()
        }}
    }}

    #[login_endpoint({common}, path = "/user/login", response = LoginResponse, token = token,
        expires_at = expiration_time, lifetime = "2h", error_body = ErrorBody,
        body_failure(field = error))]
    pub struct Login {{
        email: String,
        #[login(secret)]
        password: Secret,
    }}
"""
    elif shape == 4:
        body = f"""    #[login_endpoint({common}, path = "/v3/auth/tokens", response = LoginResponse,
        token = header("X-Subject-Token"), expires_at = token.expires_at,
        status(401 => InvalidCredentials))]
    pub struct Login {{
        username: String,
        #[login(secret)]
        password: Secret,
    }}
"""
    else:
        body = f"""    #[login_endpoint({common}, path = "/oauth/token", body = form, constant(grant_type = "password"),
        response = LoginResponse, token = access_token, refresh_token = refresh_token,
        expires_in = expires_in, error_body = ErrorBody,
        status(400 => InvalidRequest, 401 => InvalidCredentials))]
    pub struct Login {{
        client_id: String,
        username: String,
        #[login(secret)]
        password: Secret,
    }}
"""
    return f"""pub mod e{i} {{
    #![allow(dead_code, unused_imports)]
    use std::future::Future;
    use std::pin::Pin;

    use auth_core::{{login_endpoint, AuthError, LoginClient, Secret, Session, VendorCode, VendorError}};
    use serde::Deserialize;

{RESPONSES[shape].replace("__ERROR_BODY_DERIVE__", GENERATED_ERROR_BODY_DERIVE)}
{body}
{USE_SITE.format(client="LoginClient", error="AuthError")}}}
"""


HANDWRITTEN_RUNTIME = """//! What a hand-written crate writes once: the session, the error, the post.
#![allow(dead_code)]

use std::fmt;
use std::time::{Duration, SystemTime};

use auth_core::{ErrorKind, Secret, VendorCode};
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderValue};
use serde::Serializer;

pub struct Session<R> {
    pub token: Secret,
    pub refresh_token: Option<Secret>,
    pub issued_at: SystemTime,
    pub expires_at: Option<SystemTime>,
    pub idle_timeout: Option<Duration>,
    pub response: R,
}

impl<R> Session<R> {
    pub fn new(token: Secret, refresh_token: Option<Secret>, expires_at: Option<SystemTime>,
               idle_timeout: Option<Duration>, response: R) -> Self {
        Session { token, refresh_token, issued_at: SystemTime::now(), expires_at, idle_timeout, response }
    }
}

#[derive(Debug)]
pub struct Error {
    pub kind: ErrorKind,
    pub vendor: &'static str,
    pub status: Option<u16>,
    pub code: Option<VendorCode>,
    pub message: Option<String>,
    pub retry_after: Option<Duration>,
}

impl Error {
    pub fn new(kind: ErrorKind, vendor: &'static str, status: Option<u16>) -> Self {
        Error { kind, vendor, status, code: None, message: None, retry_after: None }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} login failed: {}", self.vendor, self.kind)?;
        if let Some(status) = self.status {
            write!(f, " (HTTP {status})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

pub fn expose<S: Serializer>(secret: &Secret, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(secret.expose_secret())
}

pub fn decode_error(vendor: &'static str, status: u16) -> Error {
    Error::new(ErrorKind::Decode, vendor, Some(status))
}

pub async fn post_json(
    client: &reqwest::Client,
    vendor: &'static str,
    url: String,
    content_type: &'static str,
    headers: HeaderMap,
    body: Vec<u8>,
) -> Result<(u16, Vec<u8>), Error> {
    let (status, _, body) = post(client, vendor, url, content_type, headers, body).await?;
    Ok((status, body))
}

pub async fn post(
    client: &reqwest::Client,
    vendor: &'static str,
    url: String,
    content_type: &'static str,
    headers: HeaderMap,
    body: Vec<u8>,
) -> Result<(u16, HeaderMap, Vec<u8>), Error> {
    let transport = |e: reqwest::Error| {
        let kind = if e.is_timeout() { ErrorKind::Timeout } else { ErrorKind::Connect };
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
    if response.content_length().is_some_and(|n| n > 1024 * 1024) {
        return Err(Error::new(ErrorKind::BodyTooLarge, vendor, Some(status)));
    }
    let headers = response.headers().clone();
    let body = response.bytes().await.map_err(transport)?;
    Ok((status, headers, body.to_vec()))
}
"""


def handwritten_endpoint(i: int) -> str:
    shape = i % SHAPES
    header = f"""pub mod e{i} {{
    #![allow(dead_code, unused_imports)]
    use std::fmt;
    use std::future::Future;
    use std::pin::Pin;
    use std::time::{{Duration, SystemTime}};

    use auth_core::{{ErrorKind, Secret, VendorCode}};
    use reqwest::header::{{HeaderMap, HeaderName, HeaderValue}};
    use serde::{{Deserialize, Serialize}};

    use crate::{{Error, Session, decode_error, expose, post, post_json}};

    const VENDOR: &str = "Vendor {i}";
    const BASE_URL: &str = "https://api{i}.example.com";

{RESPONSES[shape].replace("__ERROR_BODY_DERIVE__", "")}
"""
    send = """        pub async fn send(&self, client: &reqwest::Client) -> Result<Session<LoginResponse>, Error> {
            self.send_to(client, BASE_URL).await
        }
"""
    if shape == 0:
        body = f"""    #[derive(Serialize)]
    pub struct Login {{
        email: String,
        #[serde(serialize_with = "expose")]
        password: Secret,
    }}

    impl fmt::Debug for Login {{
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{
            f.debug_struct("Login").field("email", &self.email).field("password", &"[REDACTED]").finish()
        }}
    }}

    impl Login {{
        pub fn new(email: impl Into<String>, password: impl Into<Secret>) -> Self {{
            Login {{ email: email.into(), password: password.into() }}
        }}

{send}
        pub async fn send_to(&self, client: &reqwest::Client, base_url: &str) -> Result<Session<LoginResponse>, Error> {{
            let body = serde_json::to_vec(self).map_err(|_| Error::new(ErrorKind::InvalidRequest, VENDOR, None))?;
            let url = format!("{{}}/auth/login", base_url.trim_end_matches('/'));
            let (status, body) = post_json(client, VENDOR, url, "application/json", HeaderMap::new(), body).await?;
            interpret(status, &body)
        }}
    }}

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {{
        if !(200..300).contains(&status) {{
            let kind = match status {{
                401 => ErrorKind::InvalidCredentials,
                403 => ErrorKind::Forbidden,
                other => ErrorKind::from_status(other),
            }};
            return Err(Error::new(kind, VENDOR, Some(status)));
        }}
        let response: LoginResponse = serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        if response.token.is_empty() {{
            return Err(decode_error(VENDOR, status));
        }}
        Ok(Session::new(response.token.clone(), None, None, None, response))
    }}
"""
    elif shape == 1:
        body = f"""    #[derive(Serialize)]
    pub struct Login {{
        username: String,
        #[serde(serialize_with = "expose")]
        password: Secret,
        #[serde(rename = "organizationId", skip_serializing_if = "Option::is_none")]
        organization_id: Option<u64>,
    }}

    impl fmt::Debug for Login {{
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{
            f.debug_struct("Login")
                .field("username", &self.username)
                .field("password", &"[REDACTED]")
                .field("organization_id", &self.organization_id)
                .finish()
        }}
    }}

    impl Login {{
        pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Self {{
            Login {{ username: username.into(), password: password.into(), organization_id: None }}
        }}

        pub fn organization_id(mut self, organization_id: u64) -> Self {{
            self.organization_id = Some(organization_id);
            self
        }}

{send}
        pub async fn send_to(&self, client: &reqwest::Client, base_url: &str) -> Result<Session<LoginResponse>, Error> {{
            let body = serde_json::to_vec(self).map_err(|_| Error::new(ErrorKind::InvalidRequest, VENDOR, None))?;
            let mut headers = HeaderMap::with_capacity(1);
            headers.insert(reqwest::header::ACCEPT, HeaderValue::from_static("application/json"));
            let url = format!("{{}}/auth/login", base_url.trim_end_matches('/'));
            let (status, body) = post_json(client, VENDOR, url, "application/json", headers, body).await?;
            interpret(status, &body)
        }}
    }}

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {{
        if !(200..300).contains(&status) {{
            let kind = match status {{
                400 => ErrorKind::InvalidRequest,
                other => ErrorKind::from_status(other),
            }};
            let mut error = Error::new(kind, VENDOR, Some(status));
            if let Ok(body) = serde_json::from_slice::<ErrorBody>(body) {{
                error.code = body.error_code.map(VendorCode::Number);
                error.message = body.error;
            }}
            return Err(error);
        }}
        let response: LoginResponse = serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        if response.data.token.is_empty() {{
            return Err(decode_error(VENDOR, status));
        }}
        let token = response.data.token.clone();
        let refresh_token = response.data.refresh_token.clone().filter(|t| !t.is_empty());
        Ok(Session::new(token, refresh_token, None, None, response))
    }}
"""
    elif shape == 2:
        body = f"""    pub struct Login {{
        api_secret: Secret,
        email: String,
        password: Secret,
    }}

    #[derive(Serialize)]
    struct Body<'a> {{
        email: &'a str,
        password: Password<'a>,
    }}

    #[derive(Serialize)]
    struct Password<'a> {{
        value: &'a str,
    }}

    impl fmt::Debug for Login {{
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{
            f.debug_struct("Login")
                .field("api_secret", &"[REDACTED]")
                .field("email", &self.email)
                .field("password", &"[REDACTED]")
                .finish()
        }}
    }}

    impl Login {{
        pub fn new(api_secret: impl Into<Secret>, email: impl Into<String>, password: impl Into<Secret>) -> Self {{
            Login {{ api_secret: api_secret.into(), email: email.into(), password: password.into() }}
        }}

{send}
        pub async fn send_to(&self, client: &reqwest::Client, base_url: &str) -> Result<Session<LoginResponse>, Error> {{
            let invalid = || Error::new(ErrorKind::InvalidRequest, VENDOR, None);
            let body = Body {{ email: &self.email, password: Password {{ value: self.password.expose_secret() }} }};
            let body = serde_json::to_vec(&body).map_err(|_| invalid())?;
            let mut secret = HeaderValue::from_str(self.api_secret.expose_secret()).map_err(|_| invalid())?;
            secret.set_sensitive(true);
            let mut headers = HeaderMap::with_capacity(1);
            headers.insert(HeaderName::from_static("x-secret"), secret);
            let url = format!("{{}}/v1/login", base_url.trim_end_matches('/'));
            let (status, body) = post_json(client, VENDOR, url, "application/json", headers, body).await?;
            interpret(status, &body)
        }}
    }}

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {{
        if !(200..300).contains(&status) {{
            let kind = match status {{
                401 => ErrorKind::InvalidCredentials,
                423 => ErrorKind::Locked,
                429 => ErrorKind::RateLimited,
                other => ErrorKind::from_status(other),
            }};
            let mut error = Error::new(kind, VENDOR, Some(status));
            if kind == ErrorKind::Locked {{
                error.retry_after = Some(Duration::from_secs(30 * 60));
            }}
            return Err(error);
        }}
        let response: LoginResponse = serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        if response.token.is_empty() {{
            return Err(decode_error(VENDOR, status));
        }}
        let idle = Some(Duration::from_secs(5 * 60));
        Ok(Session::new(response.token.clone(), None, None, idle, response))
    }}
"""
    elif shape == 3:
        body = f"""    #[derive(Serialize)]
    pub struct Login {{
        email: String,
        #[serde(serialize_with = "expose")]
        password: Secret,
    }}

    impl fmt::Debug for Login {{
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{
            f.debug_struct("Login").field("email", &self.email).field("password", &"[REDACTED]").finish()
        }}
    }}

    impl Login {{
        pub fn new(email: impl Into<String>, password: impl Into<Secret>) -> Self {{
            Login {{ email: email.into(), password: password.into() }}
        }}

{send}
        pub async fn send_to(&self, client: &reqwest::Client, base_url: &str) -> Result<Session<LoginResponse>, Error> {{
            let body = serde_json::to_vec(self).map_err(|_| Error::new(ErrorKind::InvalidRequest, VENDOR, None))?;
            let url = format!("{{}}/user/login", base_url.trim_end_matches('/'));
            let (status, body) = post_json(client, VENDOR, url, "application/json", HeaderMap::new(), body).await?;
            interpret(status, &body)
        }}
    }}

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {{
        if !(200..300).contains(&status) {{
            let mut error = Error::new(ErrorKind::from_status(status), VENDOR, Some(status));
            if let Ok(body) = serde_json::from_slice::<ErrorBody>(body) {{
                error.message = body.error;
            }}
            return Err(error);
        }}
        let response: LoginResponse = serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        if let Some(message) = &response.error {{
            let mut error = Error::new(ErrorKind::Rejected, VENDOR, Some(status));
            error.message = Some(message.clone());
            return Err(error);
        }}
        let token = match &response.token {{
            Some(token) if !token.is_empty() => token.clone(),
            _ => return Err(decode_error(VENDOR, status)),
        }};
        let expires_at = match &response.expiration_time {{
            Some(text) => {{
                let at: jiff::Timestamp = text.parse().map_err(|_| decode_error(VENDOR, status))?;
                SystemTime::try_from(at).map_err(|_| decode_error(VENDOR, status))?
            }}
            None => SystemTime::now() + Duration::from_secs(2 * 60 * 60),
        }};
        Ok(Session::new(token, None, Some(expires_at), None, response))
    }}
"""
    elif shape == 4:
        body = f"""    #[derive(Serialize)]
    pub struct Login {{
        username: String,
        #[serde(serialize_with = "expose")]
        password: Secret,
    }}

    impl fmt::Debug for Login {{
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{
            f.debug_struct("Login").field("username", &self.username).field("password", &"[REDACTED]").finish()
        }}
    }}

    impl Login {{
        pub fn new(username: impl Into<String>, password: impl Into<Secret>) -> Self {{
            Login {{ username: username.into(), password: password.into() }}
        }}

{send}
        pub async fn send_to(&self, client: &reqwest::Client, base_url: &str) -> Result<Session<LoginResponse>, Error> {{
            let body = serde_json::to_vec(self).map_err(|_| Error::new(ErrorKind::InvalidRequest, VENDOR, None))?;
            let url = format!("{{}}/v3/auth/tokens", base_url.trim_end_matches('/'));
            let (status, headers, body) = post(client, VENDOR, url, "application/json", HeaderMap::new(), body).await?;
            interpret(status, &headers, &body)
        }}
    }}

    pub fn interpret(status: u16, headers: &HeaderMap, body: &[u8]) -> Result<Session<LoginResponse>, Error> {{
        if !(200..300).contains(&status) {{
            let kind = match status {{
                401 => ErrorKind::InvalidCredentials,
                other => ErrorKind::from_status(other),
            }};
            return Err(Error::new(kind, VENDOR, Some(status)));
        }}
        let response: LoginResponse = serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        let token = headers
            .get("x-subject-token")
            .and_then(|value| value.to_str().ok())
            .filter(|token| !token.is_empty())
            .map(Secret::from)
            .ok_or_else(|| decode_error(VENDOR, status))?;
        let at: jiff::Timestamp = response.token.expires_at.parse().map_err(|_| decode_error(VENDOR, status))?;
        let expires_at = SystemTime::try_from(at).map_err(|_| decode_error(VENDOR, status))?;
        Ok(Session::new(token, None, Some(expires_at), None, response))
    }}
"""
    else:
        body = f"""    pub struct Login {{
        client_id: String,
        username: String,
        password: Secret,
    }}

    #[derive(Serialize)]
    struct Form<'a> {{
        grant_type: &'static str,
        client_id: &'a str,
        username: &'a str,
        password: &'a str,
    }}

    impl fmt::Debug for Login {{
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {{
            f.debug_struct("Login")
                .field("grant_type", &"password")
                .field("client_id", &self.client_id)
                .field("username", &self.username)
                .field("password", &"[REDACTED]")
                .finish()
        }}
    }}

    impl Login {{
        pub fn new(client_id: impl Into<String>, username: impl Into<String>, password: impl Into<Secret>) -> Self {{
            Login {{ client_id: client_id.into(), username: username.into(), password: password.into() }}
        }}

{send}
        pub async fn send_to(&self, client: &reqwest::Client, base_url: &str) -> Result<Session<LoginResponse>, Error> {{
            let form = Form {{
                grant_type: "password",
                client_id: &self.client_id,
                username: &self.username,
                password: self.password.expose_secret(),
            }};
            let body = serde_urlencoded::to_string(&form).map_err(|_| Error::new(ErrorKind::InvalidRequest, VENDOR, None))?;
            let url = format!("{{}}/oauth/token", base_url.trim_end_matches('/'));
            let (status, _, body) =
                post(client, VENDOR, url, "application/x-www-form-urlencoded", HeaderMap::new(), body.into_bytes()).await?;
            interpret(status, &body)
        }}
    }}

    pub fn interpret(status: u16, body: &[u8]) -> Result<Session<LoginResponse>, Error> {{
        if !(200..300).contains(&status) {{
            let kind = match status {{
                400 => ErrorKind::InvalidRequest,
                401 => ErrorKind::InvalidCredentials,
                other => ErrorKind::from_status(other),
            }};
            let mut error = Error::new(kind, VENDOR, Some(status));
            if let Ok(body) = serde_json::from_slice::<ErrorBody>(body) {{
                if body.error == "invalid_grant" {{
                    error.kind = ErrorKind::InvalidCredentials;
                }}
                error.code = Some(VendorCode::from(body.error.as_str()));
                error.message = body.error_description;
            }}
            return Err(error);
        }}
        let response: LoginResponse = serde_json::from_slice(body).map_err(|_| decode_error(VENDOR, status))?;
        if response.access_token.is_empty() {{
            return Err(decode_error(VENDOR, status));
        }}
        let token = response.access_token.clone();
        let refresh_token = response.refresh_token.clone().filter(|t| !t.is_empty());
        let expires_at = Some(SystemTime::now() + Duration::from_secs(response.expires_in));
        Ok(Session::new(token, refresh_token, expires_at, None, response))
    }}
"""
    return header + body + "\n" + USE_SITE.format(client="reqwest::Client", error="Error") + "}\n"


def write_crate(root: Path, workspace: Path, name: str, handwritten: bool, endpoints: int) -> Path:
    crate = root / name
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(manifest(name, handwritten, workspace))
    shutil.copy(REPO / "Cargo.lock", crate / "Cargo.lock")
    parts = ["//! Compile-cost fixture; generated, thrown away.\n"]
    if handwritten:
        parts.append(HANDWRITTEN_RUNTIME)
    for i in range(endpoints):
        parts.append(handwritten_endpoint(i) if handwritten else generated_endpoint(i))
    (crate / "src" / "lib.rs").write_text("\n".join(parts))
    return crate


def cargo(crate: Path, target: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    full_env = dict(os.environ, CARGO_TARGET_DIR=str(target), CARGO_INCREMENTAL="0")
    full_env.update(env or {})
    run = subprocess.run(
        ["cargo", *args], cwd=crate, env=full_env, capture_output=True, text=True
    )
    if run.returncode != 0:
        sys.exit(f"cargo {' '.join(args)} failed in {crate}:\n{run.stderr[-4000:]}")
    return run


def touch(crate: Path) -> None:
    """Makes cargo rebuild the crate alone: its dependencies stay fresh."""
    os.utime(crate / "src" / "lib.rs")


def timed_build(crate: Path, target: Path, args: list[str]) -> float:
    touch(crate)
    started = time.perf_counter()
    cargo(crate, target, *args)
    return time.perf_counter() - started


def expansion_seconds(crate: Path, target: Path) -> float:
    touch(crate)
    run = cargo(
        crate,
        target,
        "rustc",
        "--lib",
        "--",
        "-Z",
        "time-passes",
        env={"RUSTC_BOOTSTRAP": "1"},
    )
    match = re.search(r"time:\s+([\d.]+);[^\n]*\sexpand_crate\s*$", run.stderr, re.MULTILINE)
    if not match:
        sys.exit(f"no expand_crate time in rustc's output for {crate.name}")
    return float(match.group(1))


def slope(xs: list[int], ys: list[float]) -> float:
    """Least-squares slope: the cost of one more endpoint."""
    mx, my = statistics.mean(xs), statistics.mean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def llvm_lines(crate: Path, target: Path) -> tuple[int, int]:
    if shutil.which("cargo-llvm-lines") is None:
        print("installing cargo-llvm-lines", file=sys.stderr)
        subprocess.run(["cargo", "install", "cargo-llvm-lines"], check=True)
    touch(crate)
    run = cargo(crate, target, "llvm-lines", "--lib")
    match = re.search(r"^\s*(\d+)\s+(\d+)\s+\(TOTAL\)", run.stdout, re.MULTILINE)
    if not match:
        sys.exit(f"no TOTAL line from cargo llvm-lines for {crate.name}:\n{run.stdout[:2000]}")
    return int(match.group(1)), int(match.group(2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--endpoints", default="10,100,300", help="comma-separated endpoint counts")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--release", action="store_true", help="also time release builds")
    parser.add_argument("--keep", action="store_true", help="keep the fixture crates")
    parser.add_argument("--svg", type=Path, help="write a chart of build time and LLVM lines here")
    options = parser.parse_args()
    counts = sorted({int(n) for n in options.endpoints.split(",") if int(n) > 0})
    all_counts = [0, *counts]

    root = Path(tempfile.mkdtemp(prefix="login-endpoint-compile-cost-"))
    if os.environ.get("CARGO_TARGET_DIR"):
        targets = Path(os.environ["CARGO_TARGET_DIR"]) / "compile-cost"
    else:
        targets = root / "target"
    sides = (("generated", False), ("handwritten", True))
    try:
        workspace = snapshot(root)
        crates = {}
        for side, handwritten in sides:
            for count in all_counts:
                crates[(side, count)] = write_crate(root, workspace, f"fixture_{side}_{count}", handwritten, count)

        builds = [("check", ["check", "--lib"]), ("build", ["build", "--lib"])]
        if options.release:
            builds.append(("build --release", ["build", "--lib", "--release"]))
        # One target directory per side (shared by its crates, which have the same
        # dependencies): crates with different dependency sets in one directory make cargo
        # rebuild shared dependencies back and forth.
        # RUSTC_BOOTSTRAP changes every crate's fingerprint, so `-Z time-passes` gets its own.
        def target_of(side: str, bootstrap: bool = False) -> Path:
            return targets / (f"{side}-time-passes" if bootstrap else side)

        for (side, _), crate in crates.items():
            print(f"building dependencies for {crate.name}", file=sys.stderr)
            for _, args in builds:
                cargo(crate, target_of(side), *args)
            expansion_seconds(crate, target_of(side, True))

        samples = {key: {} for key in crates}
        for run in range(options.runs):
            print(f"run {run + 1} of {options.runs}", file=sys.stderr)
            for count in all_counts:
                for side, _ in sides:
                    crate = crates[(side, count)]
                    row = samples[(side, count)]
                    for label, args in builds:
                        row.setdefault(label, []).append(timed_build(crate, target_of(side), args))
                    row.setdefault("expand_crate", []).append(expansion_seconds(crate, target_of(side, True)))
        results = {key: {metric: statistics.median(values) for metric, values in row.items()} for key, row in samples.items()}
        for key, crate in crates.items():
            results[key]["llvm lines"], results[key]["llvm copies"] = llvm_lines(crate, target_of(key[0]))

        metrics = [label for label, _ in builds] + ["expand_crate", "llvm lines", "llvm copies"]
        print(f"\ntimes in seconds (median of {options.runs}), dependencies prebuilt\n")
        for n in counts:
            print(f"\n{n} endpoints vs none\n")
            print("| measure | generated, total | hand-written, total | ratio | generated, per endpoint | hand-written, per endpoint | ratio per endpoint |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            for metric in metrics:
                g, h = results[("generated", n)][metric], results[("handwritten", n)][metric]
                g0, h0 = results[("generated", 0)][metric], results[("handwritten", 0)][metric]
                gp, hp = (g - g0) / n, (h - h0) / n
                if isinstance(g, int):
                    show_total, show_each = (lambda v: f"{v}"), (lambda v: f"{v:.0f}")
                else:
                    show_total, show_each = (lambda v: f"{v:.2f}"), (lambda v: f"{v * 1000:.1f} ms")
                print(
                    f"| {metric} | {show_total(g)} | {show_total(h)} | **{g / h:.2f}** "
                    f"| {show_each(gp)} | {show_each(hp)} | **{gp / hp:.2f}** |"
                )
        print(f"\nslope over {', '.join(map(str, all_counts))} endpoints (least squares: one more endpoint costs)\n")
        print("| measure | generated | hand-written | ratio |")
        print("|---|---:|---:|---:|")
        for metric in metrics:
            g = slope(all_counts, [results[("generated", n)][metric] for n in all_counts])
            h = slope(all_counts, [results[("handwritten", n)][metric] for n in all_counts])
            show = (lambda v: f"{v:.0f}") if metric.startswith("llvm") else (lambda v: f"{v * 1000:.1f} ms")
            print(f"| {metric} | {show(g)} | {show(h)} | **{g / h:.2f}** |")
        print("\nwith no endpoints (what each crate pays once):")
        for metric in metrics:
            print(f"  {metric}: generated {results[('generated', 0)][metric]}, hand-written {results[('handwritten', 0)][metric]}")
        if options.svg:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from plot import line_chart

            for metric, suffix, unit in (("build", "build", "cargo build, seconds"), ("llvm lines", "llvm-lines", "LLVM IR lines")):
                path = options.svg.with_name(f"{options.svg.stem}-{suffix}{options.svg.suffix}")
                line_chart(
                    all_counts,
                    {
                        "#[login_endpoint]": [results[("generated", n)][metric] for n in all_counts],
                        "hand-written": [results[("handwritten", n)][metric] for n in all_counts],
                    },
                    path,
                    f"Compile cost: {unit} by endpoint count",
                    "endpoints in the crate",
                    unit,
                )
                print(f"wrote {path}")
        if options.keep:
            print(f"\nfixtures kept in {root}")
    finally:
        if not options.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
