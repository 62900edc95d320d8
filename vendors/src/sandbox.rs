//! A loopback HTTP server that speaks the five vendors' documented login protocols, so examples
//! and tests can log in without internet access.
//!
//! [`Sandbox::start`] binds `127.0.0.1` on a free port and serves in a background tokio task until
//! the [`Sandbox`] is dropped. Each vendor lives under its own path prefix; the methods
//! [`Sandbox::hypernative`], [`Sandbox::project_thanos`], [`Sandbox::up2_money`],
//! [`Sandbox::hyper3d`] and [`Sandbox::talkstack`] return the base URL to hand to an endpoint, and
//! the vendor's documented login path is appended to it.
//!
//! The accepted credentials are in [`demo`]. Tokens are fresh on every successful login (a
//! process-wide counter), so a client cannot get away with a hard-coded token.
//!
//! # Common behaviour
//!
//! * Only `POST` logs in; any other method on a login path is answered `405 Method Not Allowed`
//!   with `Allow: POST` and an empty body (plain HTTP; no document describes it).
//! * The body is parsed as JSON by the sandbox itself, so a malformed body gets the vendor's own
//!   error shape. A body that is not a JSON object counts as malformed. Bodies over 64 KiB are
//!   answered `413 Payload Too Large` with an empty body.
//! * A credential field that is absent, `null`, not a string, or the empty string counts as missing.
//! * E-mail addresses and passwords are compared exactly (no case folding).
//! * Every request that reaches a login path is counted by [`Sandbox::login_requests`], whatever
//!   the outcome. Requests to other paths get a plain `404` and are not counted.
//!
//! # Hypernative — `POST {base}/auth/login`
//!
//! * `accept` must list `application/json` and `Content-Type` must be `application/json`
//!   (parameters such as `charset` allowed); otherwise `400` with error code `1000`.
//! * Every error uses the documented body
//!   `{"success":false,"data":null,"error":"<message>","errorCode":<n>,"version":"2.2.0","service":"hypernative-webapp-server"}`.
//!   Only code `1002` ("organizationId is mandatory") comes from the document; the others are the
//!   sandbox's own: `1000` malformed request (headers, body, or a non-numeric `organizationId`),
//!   `1001` "`<field>` is mandatory", `1003` "organization not found", `1004` "invalid credentials".
//! * Wrong e-mail or password: `401` with code `1004` (the document only shows a `400`; `401` is
//!   plain HTTP).
//! * The demo user belongs to organizations `1` and `2`, so, as the document describes for such
//!   users, `organizationId` is mandatory for it (`400`, `1002`); any other number is `400`, `1003`.
//! * Success: `200 {"data":{"token":"…","refreshToken":"…"}}`.
//!
//! # Project Thanos — `POST {base}/api/organizations/user-login/`
//!
//! * `Content-Type` missing or not `application/json` (parameters such as `charset=utf-8` are
//!   fine): `415`.
//! * Malformed body, missing `username` or `password`: `400`. Wrong credentials: `401`.
//!   [`demo::RESTRICTED_USERNAME`] with the demo password: `403`.
//! * The document shows no error body; the sandbox sends its own `{"detail":"<short message>"}`.
//! * Success: `200` with `auth_token` (40 hex digits, fresh), `org_uuid`, `user_uuid`,
//!   `retailer_uuid` (the document's sample values), `supplier_uuid` `""` and `org_type`
//!   `"RETAILER"`.
//!
//! # Up2 Money — `POST {base}/auth/login`
//!
//! * Header `x-secret` must equal [`demo::API_SECRET`], else `403`
//!   `{"message":"The authentication credentials are not found or are incorrect."}`. It is checked
//!   before the body.
//! * Body `{"email": "…", "password": {"value": "…"}}`. Missing fields: `400` with the documented
//!   `syntaxErrors.invalidFields` list, one `REQUIRED` entry per missing field (`email`,
//!   `password.value`). A malformed body is the same `400` with an empty list.
//! * `password.value` equal to [`demo::EXPIRED_PASSWORD_TOKEN`]: `400`
//!   `{"response":{"errorCode":"TOKEN_EXPIRED"},"message":"Login failed."}` (the document's sample);
//!   it is not counted as a failed attempt.
//! * Wrong e-mail or password: `401 {"message":"Login failed."}`, counted as a failed attempt for
//!   that e-mail. After 3 consecutive failures the e-mail is locked for 30 minutes: every login for
//!   it, even with the right password, is `423` with the documented message. The lock is measured
//!   with [`tokio::time::Instant`], so tests with a paused clock can skip over it. A success resets
//!   the count.
//! * Success: `200` with `credentials{id,type:"ROOT"}`, `identity{id,type:"CONSUMER"}`, `token`
//!   and `tokenType` `"ACCESS"`.
//! * `Content-Type` is not checked (the document gives no status for it).
//!
//! # Hyper3D — `POST {base}/user/login`, base ending in `/api`
//!
//! * Failures are signalled, as the document's client expects, by an `error` string in a `200`
//!   body: `{"error":"email and password are required"}`, `{"error":"invalid email or password"}`,
//!   or `{"error":"request body must be a JSON object"}`.
//! * The deprecated `username` field is ignored; only `email` identifies the user.
//! * Success: `200` with `token`, `user_uuid`, `username`, `avatar_url` and `email`.
//! * `Content-Type` is not checked (the document gives no status for it).
//!
//! # TalkStack AI — `POST {base}/auth/login`
//!
//! * Error bodies are the sandbox's own, `{"message":"…","status":"error","loginStatus":<n>}`,
//!   using the documented `loginStatus` enum: missing field or malformed body `400` (`0`), unknown
//!   e-mail `404` (`3`), wrong password `401` (`4`).
//! * [`demo::UNVERIFIED_EMAIL`] with the demo password: `200` with `status` `"error"` and
//!   `loginStatus` `2`, a failure inside a 2xx response.
//! * Success: `200` with `message`, `status` `"success"`, `token`, `refreshToken`,
//!   `expirationTime` (now plus the documented 2 hours, RFC 3339 UTC with milliseconds), `user`
//!   and `loginStatus` `7`.
//! * `Content-Type` is not checked (the document gives no status for it).
//!
//! # Demo API — `{base}/demo-api/me` (the sandbox's own; not part of any vendor's protocol)
//!
//! None of the five documents describes an API call after login, so this endpoint belongs to
//! no vendor: it is there so that examples and tests can make an authorized call, and see a
//! stale token refused, with [`Sandbox::demo_api`] as the base URL.
//!
//! * Any method. The token is read from `Authorization: Bearer <token>`.
//! * The token is accepted when it is the most recent one a login of any of the five routes
//!   issued for its vendor: a new login makes the vendor's previous token stale, as with
//!   vendors that allow one session per account. [`Sandbox::expire_tokens`] makes every token
//!   stale at once, as when a vendor ends its sessions early.
//! * Accepted: `200 {"vendor":"<vendor name>"}`. Missing, unknown or stale:
//!   `401` with `WWW-Authenticate: Bearer error="invalid_token"` and
//!   `{"error":"invalid_token"}` (RFC 6750's wording).
//! * Every request is counted by [`Sandbox::api_requests`], not by
//!   [`Sandbox::login_requests`].
//!
//! # Example
//!
//! ```no_run
//! # async fn example() -> std::io::Result<()> {
//! let sandbox = vendors::sandbox::Sandbox::start().await?;
//! let login_url = format!("{}/auth/login", sandbox.hypernative());
//! assert!(login_url.starts_with("http://127.0.0.1:"));
//! # Ok(())
//! # }
//! ```

use std::collections::HashMap;
use std::fmt;
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use axum::Router;
use axum::body::Bytes;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::any;
use serde_json::{Map, Value, json};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// Demo credentials the sandbox accepts.
pub mod demo {
    /// E-mail of the demo user (Hypernative, Up2 Money, Hyper3D, TalkStack AI).
    pub const EMAIL: &str = "demo@example.com";
    /// Password of every demo account.
    pub const PASSWORD: &str = "demo-password";
    /// Username of the demo user; Project Thanos logs in with `username`.
    pub const USERNAME: &str = "demo@example.com";
    /// The Up2 Money `x-secret` header value (the example value in its document).
    pub const API_SECRET: &str = "YWJjMTIzIQ==";
    /// A Hypernative organization of the demo user, which belongs to organizations 1 and 2.
    pub const ORGANIZATION_ID: u64 = 1;
    /// TalkStack AI account whose e-mail is not verified: the demo password yields `loginStatus` 2.
    pub const UNVERIFIED_EMAIL: &str = "unverified@example.com";
    /// Project Thanos user whose password is valid but who is refused with `403`.
    pub const RESTRICTED_USERNAME: &str = "restricted@example.com";
    /// Up2 Money `password.value` that is answered with `TOKEN_EXPIRED`.
    pub const EXPIRED_PASSWORD_TOKEN: &str = "expired-password-token";
}

/// The second Hypernative organization of the demo user; two make `organizationId` mandatory.
const SECOND_ORGANIZATION_ID: u64 = 2;

/// Large enough for any login body; keeps a misbehaving client from filling memory.
const MAX_BODY_BYTES: usize = 64 * 1024;

const HYPERNATIVE_VERSION: &str = "2.2.0";
const HYPERNATIVE_SERVICE: &str = "hypernative-webapp-server";

/// Fixed identifiers of the Project Thanos demo account, taken from the document's sample.
const THANOS_ORG_UUID: &str = "e7409ece-e923-4aa8-a41b-4aacb9e475be";
const THANOS_USER_UUID: &str = "3a7acb28-ab13-437e-8c35-46cf4f0bea49";
const THANOS_RETAILER_UUID: &str = "1d2e146c-a3df-4073-89c6-9ffc3061319c";

const UP2_FORBIDDEN: &str = "The authentication credentials are not found or are incorrect.";
const UP2_INVALID: &str = "Your request is invalid.";
const UP2_LOGIN_FAILED: &str = "Login failed.";
const UP2_LOCKED: &str = "Account is temporarily locked due to failed consecutive login attempts. Try again in 30 minutes.";
const UP2_MAX_FAILURES: u32 = 3;
const UP2_LOCK: Duration = Duration::from_secs(30 * 60);
const UP2_CREDENTIALS_ID: &str = "sandbox-up2-money-credentials-demo";
const UP2_IDENTITY_ID: &str = "sandbox-up2-money-identity-demo";

const HYPER3D_USER_UUID: &str = "5f0c8a2e-7b1d-4c3a-9e6f-2d4b8a1c0e53";
const HYPER3D_USERNAME: &str = "demo";
const HYPER3D_AVATAR_URL: &str = "https://example.com/avatar.png";

const TALKSTACK_TOKEN_LIFETIME: Duration = Duration::from_secs(2 * 60 * 60);
const TALKSTACK_USER_NAME: &str = "Demo";
const TALKSTACK_CREATED_AT: &str = "2025-03-05T11:04:49.875Z";
const TALKSTACK_UPDATED_AT: &str = "2025-03-05T11:06:02.837Z";
const TALKSTACK_CREDENTIALS_MISSING: u8 = 0;
const TALKSTACK_ACCOUNT_NOT_VERIFIED: u8 = 2;
const TALKSTACK_USER_NOT_FOUND: u8 = 3;
const TALKSTACK_INVALID_PASSWORD: u8 = 4;
const TALKSTACK_SUCCESS: u8 = 7;

/// Vendor names, as the demo API reports whose token it was given.
const HYPERNATIVE: &str = "Hypernative";
const PROJECT_THANOS: &str = "Project Thanos";
const UP2_MONEY: &str = "Up2 Money";
const HYPER3D: &str = "Hyper3D";
const TALKSTACK: &str = "TalkStack AI";

/// Process-wide, so two sandboxes in one test binary never hand out the same token.
static TOKEN_SERIAL: AtomicU64 = AtomicU64::new(1);

fn next_serial() -> u64 {
    TOKEN_SERIAL.fetch_add(1, Ordering::Relaxed)
}

/// A loopback server speaking the five vendors' login protocols; see the [module docs](self).
///
/// Dropping it stops the server.
pub struct Sandbox {
    addr: SocketAddr,
    shared: Arc<Shared>,
    shutdown: Option<oneshot::Sender<()>>,
    server: JoinHandle<()>,
}

impl Sandbox {
    /// Binds 127.0.0.1:0 and serves in a background tokio task until dropped.
    ///
    /// Must be called inside a tokio runtime.
    ///
    /// # Errors
    ///
    /// Returns the error from binding the loopback socket or reading its address.
    pub async fn start() -> std::io::Result<Self> {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared::default());
        let app = router(Arc::clone(&shared));
        let (shutdown, signal) = oneshot::channel::<()>();
        let server = tokio::spawn(async move {
            // The only errors left once bound are accept failures, and nobody is there to hear
            // them; the sandbox simply stops answering.
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    // Dropping the sender counts as a shutdown request too.
                    let _ = signal.await;
                })
                .await;
        });
        Ok(Self {
            addr,
            shared,
            shutdown: Some(shutdown),
            server,
        })
    }

    /// The loopback address the sandbox listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Hypernative base URL, `http://127.0.0.1:PORT/hypernative`; the login path is `/auth/login`.
    pub fn hypernative(&self) -> String {
        format!("http://{}/hypernative", self.addr)
    }

    /// Project Thanos base URL, `http://127.0.0.1:PORT/project-thanos`; the login path is
    /// `/api/organizations/user-login/`.
    pub fn project_thanos(&self) -> String {
        format!("http://{}/project-thanos", self.addr)
    }

    /// Up2 Money base URL, `http://127.0.0.1:PORT/up2-money`; the login path is `/auth/login`.
    pub fn up2_money(&self) -> String {
        format!("http://{}/up2-money", self.addr)
    }

    /// Hyper3D base URL, `http://127.0.0.1:PORT/hyper3d/api`; the login path is `/user/login`.
    pub fn hyper3d(&self) -> String {
        format!("http://{}/hyper3d/api", self.addr)
    }

    /// TalkStack AI base URL, `http://127.0.0.1:PORT/talkstack`; the login path is `/auth/login`.
    pub fn talkstack(&self) -> String {
        format!("http://{}/talkstack", self.addr)
    }

    /// Number of login requests each route received so far (any outcome), summed over all five
    /// vendors.
    pub fn login_requests(&self) -> usize {
        self.shared.login_requests.load(Ordering::SeqCst)
    }

    /// Base URL of the sandbox's demo API, `http://127.0.0.1:PORT/demo-api`; its one resource
    /// is `/me`. Not part of any vendor's protocol: see the
    /// [module docs](self).
    pub fn demo_api(&self) -> String {
        format!("http://{}/demo-api", self.addr)
    }

    /// Number of requests the demo API received so far (any outcome).
    pub fn api_requests(&self) -> usize {
        self.shared.api_requests.load(Ordering::SeqCst)
    }

    /// Makes every token issued so far stale: the demo API answers `401` to each of them until
    /// the vendor's next login.
    pub fn expire_tokens(&self) {
        self.shared
            .api_tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clear();
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        // The signal makes open keep-alive connections close after their current request; the
        // abort releases the port at once instead of waiting for those connections.
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        self.server.abort();
    }
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sandbox")
            .field("addr", &self.addr)
            .field("login_requests", &self.login_requests())
            .finish_non_exhaustive()
    }
}

/// State shared between the handle and the server task.
#[derive(Default)]
struct Shared {
    login_requests: AtomicUsize,
    /// Up2 Money failed-attempt bookkeeping, keyed by e-mail.
    up2_failures: Mutex<HashMap<String, Up2Failures>>,
    /// The token the demo API accepts for each vendor: the one its last login issued.
    api_tokens: Mutex<HashMap<&'static str, String>>,
    api_requests: AtomicUsize,
}

impl Shared {
    /// Records `token` as `vendor`'s current one for the demo API, and returns it.
    fn issue(&self, vendor: &'static str, token: String) -> String {
        self.api_tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(vendor, token.clone());
        token
    }
}

#[derive(Default)]
struct Up2Failures {
    consecutive: u32,
    locked_since: Option<Instant>,
}

fn router(shared: Arc<Shared>) -> Router {
    // `any` rather than `post` so that every request to a login path is counted and answered by
    // the sandbox itself.
    Router::new()
        .route("/hypernative/auth/login", any(hypernative))
        .route(
            "/project-thanos/api/organizations/user-login/",
            any(project_thanos),
        )
        .route("/up2-money/auth/login", any(up2_money))
        .route("/hyper3d/api/user/login", any(hyper3d))
        .route("/talkstack/auth/login", any(talkstack))
        .route("/demo-api/me", any(demo_api))
        .with_state(shared)
}

/// What every login route does first: count the request, insist on `POST`, read the body.
async fn receive(shared: &Shared, request: Request) -> Result<(HeaderMap, Bytes), Response> {
    shared.login_requests.fetch_add(1, Ordering::SeqCst);
    if request.method() != Method::POST {
        return Err((StatusCode::METHOD_NOT_ALLOWED, [(header::ALLOW, "POST")]).into_response());
    }
    let (parts, body) = request.into_parts();
    match axum::body::to_bytes(body, MAX_BODY_BYTES).await {
        Ok(bytes) => Ok((parts.headers, bytes)),
        Err(_) => Err(StatusCode::PAYLOAD_TOO_LARGE.into_response()),
    }
}

fn reply(status: StatusCode, body: Value) -> Response {
    (status, axum::Json(body)).into_response()
}

/// The body as a JSON object, or `None` when it is not valid JSON or not an object.
fn json_object(body: &[u8]) -> Option<Map<String, Value>> {
    match serde_json::from_slice(body) {
        Ok(Value::Object(object)) => Some(object),
        _ => None,
    }
}

/// A non-empty string field; anything else counts as missing.
fn text<'a>(object: &'a Map<String, Value>, name: &str) -> Option<&'a str> {
    object
        .get(name)
        .and_then(Value::as_str)
        .filter(|value| !value.is_empty())
}

/// True when the media type (parameters ignored) is `application/json`.
fn is_json_media_type(value: &str) -> bool {
    value
        .split(';')
        .next()
        .is_some_and(|essence| essence.trim().eq_ignore_ascii_case("application/json"))
}

fn has_json_content_type(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(is_json_media_type)
}

/// True when some `accept` header lists `application/json`.
fn accepts_json(headers: &HeaderMap) -> bool {
    headers
        .get_all(header::ACCEPT)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(','))
        .any(is_json_media_type)
}

fn hypernative_error(status: StatusCode, error: &str, error_code: u32) -> Response {
    reply(
        status,
        json!({
            "success": false,
            "data": null,
            "error": error,
            "errorCode": error_code,
            "version": HYPERNATIVE_VERSION,
            "service": HYPERNATIVE_SERVICE,
        }),
    )
}

async fn hypernative(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (headers, body) = match receive(&shared, request).await {
        Ok(received) => received,
        Err(response) => return response,
    };
    let bad_request = |error: &str, code| hypernative_error(StatusCode::BAD_REQUEST, error, code);
    if !accepts_json(&headers) {
        return bad_request("accept header must be application/json", 1000);
    }
    if !has_json_content_type(&headers) {
        return bad_request("Content-Type header must be application/json", 1000);
    }
    let Some(body) = json_object(&body) else {
        return bad_request("request body must be a JSON object", 1000);
    };
    let Some(email) = text(&body, "email") else {
        return bad_request("email is mandatory", 1001);
    };
    let Some(password) = text(&body, "password") else {
        return bad_request("password is mandatory", 1001);
    };
    // Outer `None`: not sent. Inner `None`: a number that cannot name an organization.
    let organization = match body.get("organizationId") {
        None | Some(Value::Null) => None,
        Some(Value::Number(number)) => Some(number.as_u64()),
        Some(_) => return bad_request("organizationId must be a number", 1000),
    };
    if email != demo::EMAIL || password != demo::PASSWORD {
        return hypernative_error(StatusCode::UNAUTHORIZED, "invalid credentials", 1004);
    }
    match organization {
        None => return bad_request("organizationId is mandatory", 1002),
        Some(Some(demo::ORGANIZATION_ID | SECOND_ORGANIZATION_ID)) => {}
        Some(_) => return bad_request("organization not found", 1003),
    }
    let serial = next_serial();
    let token = shared.issue(HYPERNATIVE, format!("sandbox-hypernative-token-{serial}"));
    reply(
        StatusCode::OK,
        json!({
            "data": {
                "token": token,
                "refreshToken": format!("sandbox-hypernative-refresh-token-{serial}"),
            }
        }),
    )
}

fn thanos_error(status: StatusCode, detail: &str) -> Response {
    reply(status, json!({ "detail": detail }))
}

async fn project_thanos(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (headers, body) = match receive(&shared, request).await {
        Ok(received) => received,
        Err(response) => return response,
    };
    if !has_json_content_type(&headers) {
        return thanos_error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "Content-Type must be application/json",
        );
    }
    let Some(body) = json_object(&body) else {
        return thanos_error(
            StatusCode::BAD_REQUEST,
            "request body must be a JSON object",
        );
    };
    let Some(username) = text(&body, "username") else {
        return thanos_error(StatusCode::BAD_REQUEST, "username is required");
    };
    let Some(password) = text(&body, "password") else {
        return thanos_error(StatusCode::BAD_REQUEST, "password is required");
    };
    let known = username == demo::USERNAME || username == demo::RESTRICTED_USERNAME;
    if !known || password != demo::PASSWORD {
        return thanos_error(StatusCode::UNAUTHORIZED, "invalid username or password");
    }
    if username == demo::RESTRICTED_USERNAME {
        return thanos_error(
            StatusCode::FORBIDDEN,
            "user does not have permission to log in",
        );
    }
    reply(
        StatusCode::OK,
        json!({
            "auth_token": shared.issue(PROJECT_THANOS, hex_token(next_serial())),
            "org_uuid": THANOS_ORG_UUID,
            "user_uuid": THANOS_USER_UUID,
            "retailer_uuid": THANOS_RETAILER_UUID,
            "supplier_uuid": "",
            "org_type": "RETAILER",
        }),
    )
}

/// 40 hex digits like the document's sample token. The first 16 are a bijection of the serial,
/// so tokens never repeat within a process; the mixing only makes them look less sequential.
fn hex_token(serial: u64) -> String {
    let high = splitmix64(serial);
    let middle = splitmix64(high);
    let low = splitmix64(middle) >> 32;
    format!("{high:016x}{middle:016x}{low:08x}")
}

/// The SplitMix64 finaliser: a bijection on `u64` that scatters consecutive inputs.
fn splitmix64(value: u64) -> u64 {
    let mut z = value.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

fn up2_message(status: StatusCode, message: &str) -> Response {
    reply(status, json!({ "message": message }))
}

fn up2_invalid(missing: &[&str]) -> Response {
    let invalid_fields: Vec<Value> = missing
        .iter()
        .map(|field| json!({ "params": [], "fieldName": field, "error": "REQUIRED" }))
        .collect();
    reply(
        StatusCode::BAD_REQUEST,
        json!({
            "message": UP2_INVALID,
            "syntaxErrors": { "invalidFields": invalid_fields },
        }),
    )
}

async fn up2_money(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (headers, body) = match receive(&shared, request).await {
        Ok(received) => received,
        Err(response) => return response,
    };
    let secret_ok = headers
        .get("x-secret")
        .is_some_and(|value| value.as_bytes() == demo::API_SECRET.as_bytes());
    if !secret_ok {
        return up2_message(StatusCode::FORBIDDEN, UP2_FORBIDDEN);
    }
    let Some(body) = json_object(&body) else {
        return up2_invalid(&[]);
    };
    let email = text(&body, "email");
    let password = body
        .get("password")
        .and_then(Value::as_object)
        .and_then(|password| text(password, "value"));
    let (email, password) = match (email, password) {
        (Some(email), Some(password)) => (email, password),
        (email, password) => {
            let mut missing = Vec::with_capacity(2);
            if email.is_none() {
                missing.push("email");
            }
            if password.is_none() {
                missing.push("password.value");
            }
            return up2_invalid(&missing);
        }
    };
    // The tokenized password is rejected before any account is looked at, so it is not a
    // failed attempt.
    if password == demo::EXPIRED_PASSWORD_TOKEN {
        return reply(
            StatusCode::BAD_REQUEST,
            json!({ "response": { "errorCode": "TOKEN_EXPIRED" }, "message": UP2_LOGIN_FAILED }),
        );
    }

    let now = Instant::now();
    let mut failures = shared
        .up2_failures
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(record) = failures.get(email) {
        match record.locked_since {
            Some(since) if now.duration_since(since) < UP2_LOCK => {
                return up2_message(StatusCode::LOCKED, UP2_LOCKED);
            }
            // The lock ran out: the account starts over with a clean slate.
            Some(_) => {
                failures.remove(email);
            }
            None => {}
        }
    }
    if email != demo::EMAIL || password != demo::PASSWORD {
        let record = failures.entry(email.to_owned()).or_default();
        record.consecutive += 1;
        if record.consecutive >= UP2_MAX_FAILURES {
            record.locked_since = Some(now);
        }
        return up2_message(StatusCode::UNAUTHORIZED, UP2_LOGIN_FAILED);
    }
    failures.remove(email);
    drop(failures);

    reply(
        StatusCode::OK,
        json!({
            "credentials": { "id": UP2_CREDENTIALS_ID, "type": "ROOT" },
            "identity": { "id": UP2_IDENTITY_ID, "type": "CONSUMER" },
            "token": shared.issue(UP2_MONEY, format!("sandbox-up2-money-token-{}", next_serial())),
            "tokenType": "ACCESS",
        }),
    )
}

fn hyper3d_error(error: &str) -> Response {
    // The document's client reads `error` from the body and never looks at the status.
    reply(StatusCode::OK, json!({ "error": error }))
}

async fn hyper3d(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let body = match receive(&shared, request).await {
        Ok((_, body)) => body,
        Err(response) => return response,
    };
    let Some(body) = json_object(&body) else {
        return hyper3d_error("request body must be a JSON object");
    };
    let (Some(email), Some(password)) = (text(&body, "email"), text(&body, "password")) else {
        return hyper3d_error("email and password are required");
    };
    if email != demo::EMAIL || password != demo::PASSWORD {
        return hyper3d_error("invalid email or password");
    }
    reply(
        StatusCode::OK,
        json!({
            "token": shared.issue(HYPER3D, format!("sandbox-hyper3d-token-{}", next_serial())),
            "user_uuid": HYPER3D_USER_UUID,
            "username": HYPER3D_USERNAME,
            "avatar_url": HYPER3D_AVATAR_URL,
            "email": demo::EMAIL,
        }),
    )
}

fn talkstack_error(status: StatusCode, message: &str, login_status: u8) -> Response {
    reply(
        status,
        json!({ "message": message, "status": "error", "loginStatus": login_status }),
    )
}

async fn talkstack(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let body = match receive(&shared, request).await {
        Ok((_, body)) => body,
        Err(response) => return response,
    };
    let Some(body) = json_object(&body) else {
        return talkstack_error(
            StatusCode::BAD_REQUEST,
            "request body must be a JSON object",
            TALKSTACK_CREDENTIALS_MISSING,
        );
    };
    let (Some(email), Some(password)) = (text(&body, "email"), text(&body, "password")) else {
        return talkstack_error(
            StatusCode::BAD_REQUEST,
            "email and password are required",
            TALKSTACK_CREDENTIALS_MISSING,
        );
    };
    if email != demo::EMAIL && email != demo::UNVERIFIED_EMAIL {
        return talkstack_error(
            StatusCode::NOT_FOUND,
            "user not found",
            TALKSTACK_USER_NOT_FOUND,
        );
    }
    if password != demo::PASSWORD {
        return talkstack_error(
            StatusCode::UNAUTHORIZED,
            "invalid password",
            TALKSTACK_INVALID_PASSWORD,
        );
    }
    if email == demo::UNVERIFIED_EMAIL {
        return talkstack_error(
            StatusCode::OK,
            "account not verified",
            TALKSTACK_ACCOUNT_NOT_VERIFIED,
        );
    }
    let serial = next_serial();
    // Overflow is impossible for any real clock; falling back to "now" keeps this panic-free.
    let now = SystemTime::now();
    let expires = now.checked_add(TALKSTACK_TOKEN_LIFETIME).unwrap_or(now);
    reply(
        StatusCode::OK,
        json!({
            "message": "successfully logged in.",
            "status": "success",
            "token": shared.issue(TALKSTACK, format!("sandbox-talkstack-token-{serial}")),
            "refreshToken": format!("sandbox-talkstack-refresh-token-{serial}"),
            "expirationTime": rfc3339_millis(expires),
            "user": {
                "email": demo::EMAIL,
                "name": TALKSTACK_USER_NAME,
                "active_project": null,
                "created_at": TALKSTACK_CREATED_AT,
                "updated_at": TALKSTACK_UPDATED_AT,
                "company_name": null,
            },
            "loginStatus": TALKSTACK_SUCCESS,
        }),
    )
}

/// The demo API: `200` with the vendor of a current token, `401` to anything else.
async fn demo_api(State(shared): State<Arc<Shared>>, headers: HeaderMap) -> Response {
    shared.api_requests.fetch_add(1, Ordering::SeqCst);
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "));
    let vendor = presented.and_then(|presented| {
        let tokens = shared
            .api_tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        tokens
            .iter()
            .find(|(_, token)| token.as_str() == presented)
            .map(|(vendor, _)| *vendor)
    });
    match vendor {
        Some(vendor) => reply(StatusCode::OK, json!({ "vendor": vendor })),
        None => (
            StatusCode::UNAUTHORIZED,
            [(header::WWW_AUTHENTICATE, r#"Bearer error="invalid_token""#)],
            axum::Json(json!({ "error": "invalid_token" })),
        )
            .into_response(),
    }
}

/// `YYYY-MM-DDTHH:MM:SS.mmmZ` in UTC, the form of the TalkStack AI sample. Times before the Unix
/// epoch (a badly set clock) are written as the epoch.
fn rfc3339_millis(time: SystemTime) -> String {
    let since_epoch = time.duration_since(UNIX_EPOCH).unwrap_or_default();
    let seconds = since_epoch.as_secs();
    let (year, month, day) = civil_from_days(seconds / 86_400);
    let second_of_day = seconds % 86_400;
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        second_of_day / 3_600,
        second_of_day % 3_600 / 60,
        second_of_day % 60,
        since_epoch.subsec_millis(),
    )
}

/// Howard Hinnant's `civil_from_days`: proleptic Gregorian (year, month, day) of a day count since
/// 1970-01-01. Only non-negative counts reach it, so unsigned arithmetic suffices.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    // Shift the epoch to 0000-03-01 so leap days fall at the end of each cycle.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153; // 0 = March
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 {
        month_index + 3
    } else {
        month_index - 9
    };
    let year = era * 400 + year_of_era + u64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_from_days_matches_known_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(59), (1970, 3, 1));
        assert_eq!(civil_from_days(10_956), (1999, 12, 31));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(11_017), (2000, 3, 1));
        assert_eq!(civil_from_days(20_158), (2025, 3, 11));
        assert_eq!(civil_from_days(47_541), (2100, 3, 1));
    }

    #[test]
    fn rfc3339_millis_formats_like_the_talkstack_sample() {
        let time = UNIX_EPOCH + Duration::from_millis(1_741_715_378_925);
        assert_eq!(rfc3339_millis(time), "2025-03-11T17:49:38.925Z");
        assert_eq!(rfc3339_millis(UNIX_EPOCH), "1970-01-01T00:00:00.000Z");
    }

    #[test]
    fn hex_tokens_are_forty_hex_digits_and_distinct() {
        let first = hex_token(1);
        assert_eq!(first.len(), 40);
        assert!(first.bytes().all(|byte| byte.is_ascii_hexdigit()));
        assert_ne!(first, hex_token(2));
    }
}
