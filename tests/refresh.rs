//! Refresh-token grants declared next to a login, over loopback HTTP: an `Authenticator` of a
//! login that names its refresh (`refresh = Refresh`), or given one with `with_refresh`, renews
//! sessions with the refresh endpoint instead of logging in again, shares one refresh between
//! concurrent callers, sends each rotated refresh token once, falls back to exactly one login
//! when the vendor refuses a refresh, and serves the valid token through a refresh that fails
//! for a passing reason; one of a login that names none logs in again. Time runs on tokio's
//! paused clock.
//!
//! The endpoints are Directus's (see `directus.rs`), in its `json` mode (the refresh token in
//! the body) and its `cookie` mode (the refresh token in the `directus_refresh_token` cookie,
//! each way). The loopback server below keeps each refresh token valid for one use, and
//! answers a spent or unknown one with 401 in Directus's error shape
//! (`{"errors":[{"message","extensions":{"code"}}]}`).

use crate::directus;

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use auth_core::{AccessToken, AuthError, Authenticator, ErrorKind, LoginClient, RetryPolicy};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use serde_json::{Value, json};
use tokio::task::JoinSet;

use directus::{CookieLogin, CookieRefresh, Login};

const EMAIL: &str = "admin@example.com";
const PASSWORD: &str = "d1r3ctu5";

/// A loopback Directus: logins with the one account, refresh tokens valid once each.
struct Directus {
    logins: AtomicUsize,
    refreshes: AtomicUsize,
    serial: AtomicU64,
    live_refresh_tokens: Mutex<HashSet<String>>,
    /// Every refresh token presented to `/auth/refresh`, in order.
    presented: Mutex<Vec<String>>,
    /// For each of them, whether it came in the `directus_refresh_token` cookie rather than
    /// the body.
    presented_in_cookie: Mutex<Vec<bool>>,
    /// Statuses the next refreshes are answered with, before any is served.
    refresh_failures: Mutex<VecDeque<StatusCode>>,
    /// The account's password, `PASSWORD` until a test changes it.
    password: Mutex<String>,
    /// The refresh tokens' lifetime in seconds, stated in each answer when set.
    refresh_lifetime: Mutex<Option<u64>>,
}

impl Default for Directus {
    fn default() -> Self {
        Directus {
            logins: AtomicUsize::new(0),
            refreshes: AtomicUsize::new(0),
            serial: AtomicU64::new(0),
            live_refresh_tokens: Mutex::default(),
            presented: Mutex::default(),
            presented_in_cookie: Mutex::default(),
            refresh_failures: Mutex::default(),
            password: Mutex::new(PASSWORD.to_owned()),
            refresh_lifetime: Mutex::new(None),
        }
    }
}

impl Directus {
    /// New tokens; in `cookie` mode, the refresh token in its cookie instead of the body, as
    /// Directus sets it.
    fn issue(&self, mode: Mode) -> Response {
        let serial = self.serial.fetch_add(1, Ordering::SeqCst) + 1;
        let refresh_token = format!("refresh-{serial}");
        lock(&self.live_refresh_tokens).insert(refresh_token.clone());
        let mut data = json!({
            "access_token": format!("access-{serial}"),
            "expires": 900_000,
        });
        if let Some(lifetime) = *lock(&self.refresh_lifetime) {
            data["refresh_expires_in"] = json!(lifetime);
        }
        match mode {
            Mode::Json => {
                data["refresh_token"] = json!(refresh_token);
                Json(json!({ "data": data })).into_response()
            }
            Mode::Cookie => (
                [(
                    axum::http::header::SET_COOKIE,
                    format!(
                        "{REFRESH_COOKIE}={refresh_token}; Max-Age=604800; Path=/; HttpOnly; SameSite=Lax"
                    ),
                )],
                Json(json!({ "data": data })),
            )
                .into_response(),
        }
    }

    fn presented_in_cookie(&self) -> Vec<bool> {
        lock(&self.presented_in_cookie).clone()
    }

    fn logins(&self) -> usize {
        self.logins.load(Ordering::SeqCst)
    }

    fn refreshes(&self) -> usize {
        self.refreshes.load(Ordering::SeqCst)
    }

    fn presented(&self) -> Vec<String> {
        lock(&self.presented).clone()
    }

    /// Ends every session: no refresh token issued so far is accepted any more.
    fn revoke_refresh_tokens(&self) {
        lock(&self.live_refresh_tokens).clear();
    }
}

/// Where Directus puts the refresh token: the body (`json`, the default) or a cookie.
#[derive(Clone, Copy)]
enum Mode {
    Json,
    Cookie,
}

impl Mode {
    /// The request's `mode`; without one, this server takes `json` when a refresh token is in
    /// the body and `cookie` when it is not.
    fn of(body: &Value, refresh_token_in_body: bool) -> Mode {
        match body["mode"].as_str() {
            Some("cookie") => Mode::Cookie,
            Some(_) => Mode::Json,
            None if refresh_token_in_body => Mode::Json,
            None => Mode::Cookie,
        }
    }
}

/// Directus's default `REFRESH_TOKEN_COOKIE_NAME`.
const REFRESH_COOKIE: &str = "directus_refresh_token";

/// The value of the refresh token's cookie in a `Cookie` header.
fn refresh_cookie(headers: &axum::http::HeaderMap) -> Option<String> {
    let cookies = headers.get(axum::http::header::COOKIE)?.to_str().ok()?;
    cookies.split("; ").find_map(|pair| {
        let (name, value) = pair.split_once('=')?;
        (name == REFRESH_COOKIE).then(|| value.to_owned())
    })
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

fn directus_error(status: StatusCode, message: &str, code: &str) -> Response {
    (
        status,
        Json(json!({ "errors": [{ "message": message, "extensions": { "code": code } }] })),
    )
        .into_response()
}

async fn login(State(directus): State<Arc<Directus>>, Json(body): Json<Value>) -> Response {
    directus.logins.fetch_add(1, Ordering::SeqCst);
    let password = lock(&directus.password).clone();
    if body["email"] == EMAIL && body["password"] == password.as_str() {
        let mode = if body["mode"] == "cookie" {
            Mode::Cookie
        } else {
            Mode::Json
        };
        directus.issue(mode)
    } else {
        directus_error(
            StatusCode::UNAUTHORIZED,
            "Invalid user credentials.",
            "INVALID_CREDENTIALS",
        )
    }
}

async fn refresh(
    State(directus): State<Arc<Directus>>,
    headers: axum::http::HeaderMap,
    Json(body): Json<Value>,
) -> Response {
    directus.refreshes.fetch_add(1, Ordering::SeqCst);
    let in_body = body["refresh_token"].as_str().map(str::to_owned);
    let mode = Mode::of(&body, in_body.is_some());
    let in_cookie = in_body.is_none();
    let presented = in_body
        .or_else(|| refresh_cookie(&headers))
        .unwrap_or_default();
    lock(&directus.presented).push(presented.clone());
    lock(&directus.presented_in_cookie).push(in_cookie);
    if let Some(status) = lock(&directus.refresh_failures).pop_front() {
        let reason = status.canonical_reason().unwrap_or("Refused.");
        return directus_error(status, reason, "STAGED_FAILURE");
    }
    // Single use: a refresh token is spent by the refresh that presents it.
    if lock(&directus.live_refresh_tokens).remove(&presented) {
        directus.issue(mode)
    } else {
        directus_error(
            StatusCode::UNAUTHORIZED,
            "Invalid user credentials.",
            "INVALID_CREDENTIALS",
        )
    }
}

struct Server {
    base_url: String,
    directus: Arc<Directus>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn start_directus() -> Server {
    let directus = Arc::new(Directus::default());
    let app = axum::Router::new()
        .route("/auth/login", post(login))
        .route("/auth/refresh", post(refresh))
        .with_state(Arc::clone(&directus));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Server {
        base_url,
        directus,
        task,
    }
}

fn authenticator(server: &Server) -> Arc<Authenticator<Login>> {
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = Login::builder().email(EMAIL).password(PASSWORD).build();
    // `Login` declares `refresh = Refresh`: the authenticator refreshes with it unasked.
    Arc::new(Authenticator::new(client, login).with_base_url(&server.base_url))
}

/// 15 minutes, renewed a minute ahead.
const RENEW_AT: Duration = Duration::from_secs(14 * 60);

#[tokio::test(start_paused = true)]
async fn concurrent_callers_on_an_expiring_session_share_one_refresh() {
    let server = start_directus().await;
    let auth = authenticator(&server);
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-1");

    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    let tokens = concurrent_tokens(&auth, 500).await;
    for token in &tokens {
        assert_eq!(token.as_ref().unwrap().expose_secret(), "access-2");
    }
    assert_eq!(
        server.directus.refreshes(),
        1,
        "one refresh for 500 callers"
    );
    assert_eq!(server.directus.logins(), 1, "no second login");
    assert_eq!(server.directus.presented(), ["refresh-1"]);
}

#[tokio::test(start_paused = true)]
async fn a_rotated_refresh_token_replaces_the_old_one_and_each_is_sent_once() {
    let server = start_directus().await;
    let auth = authenticator(&server);
    auth.token().await.unwrap();
    for round in 2..=5 {
        tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
        let token = auth.token().await.unwrap();
        assert_eq!(token.expose_secret(), format!("access-{round}"));
        let session = auth.session().await.unwrap();
        assert_eq!(
            session.refresh_token().unwrap().expose_secret(),
            format!("refresh-{round}")
        );
    }
    // Each refresh token the server issued was presented exactly once, in order, and none was
    // refused.
    assert_eq!(
        server.directus.presented(),
        ["refresh-1", "refresh-2", "refresh-3", "refresh-4"]
    );
    assert_eq!(server.directus.logins(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_refused_refresh_falls_back_to_exactly_one_login() {
    let server = start_directus().await;
    let auth = authenticator(&server);
    auth.token().await.unwrap();
    // The vendor ended the session: the refresh token is no longer accepted.
    server.directus.revoke_refresh_tokens();

    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    let tokens = concurrent_tokens(&auth, 200).await;
    for token in &tokens {
        assert_eq!(token.as_ref().unwrap().expose_secret(), "access-2");
    }
    assert_eq!(server.directus.refreshes(), 1);
    assert_eq!(
        server.directus.logins(),
        2,
        "exactly one login after the refusal"
    );

    // The login's refresh token is the one used next; the refused one is never sent again.
    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-3");
    assert_eq!(server.directus.presented(), ["refresh-1", "refresh-2"]);
    assert_eq!(server.directus.logins(), 2);
}

#[tokio::test(start_paused = true)]
async fn when_the_login_after_a_refused_refresh_fails_its_error_is_returned_once() {
    let server = start_directus().await;
    let auth = authenticator(&server);
    auth.token().await.unwrap();
    // The session is ended and the password changed.
    server.directus.revoke_refresh_tokens();
    *lock(&server.directus.password) = "changed".to_owned();

    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    for result in concurrent_tokens(&auth, 100).await {
        let error = result.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
        assert_eq!(error.status(), Some(401));
    }
    assert_eq!(server.directus.refreshes(), 1);
    assert_eq!(server.directus.logins(), 2, "one login, not one per caller");

    // The refused refresh token is gone: the next attempt is a login, never that refresh.
    assert!(auth.token().await.is_err());
    assert_eq!(server.directus.refreshes(), 1);
    assert_eq!(server.directus.logins(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_passing_refresh_failure_keeps_the_valid_token_and_the_refresh_token() {
    let server = start_directus().await;
    let auth = authenticator(&server);
    auth.token().await.unwrap();
    lock(&server.directus.refresh_failures)
        .extend([StatusCode::SERVICE_UNAVAILABLE, StatusCode::BAD_GATEWAY]);

    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-1");
    tokio::time::advance(Duration::from_millis(1100)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-1");
    tokio::time::advance(Duration::from_millis(2100)).await;
    // The vendor is back: the same refresh token, never refused, renews the session.
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-2");
    assert_eq!(
        server.directus.presented(),
        ["refresh-1", "refresh-1", "refresh-1"]
    );
    assert_eq!(
        server.directus.logins(),
        1,
        "a passing failure is no reason to log in"
    );
}

#[tokio::test(start_paused = true)]
async fn a_rejected_token_is_replaced_by_a_refresh_not_a_login() {
    let server = start_directus().await;
    let auth = authenticator(&server);
    let first = auth.token().await.unwrap();
    // The API answered 401 for it.
    auth.invalidate(&first);
    let tokens = concurrent_tokens(&auth, 50).await;
    for token in &tokens {
        assert_eq!(token.as_ref().unwrap().expose_secret(), "access-2");
    }
    assert_eq!(server.directus.refreshes(), 1);
    assert_eq!(server.directus.logins(), 1);

    // `clear` drops the refresh token too: the next call logs in.
    auth.clear();
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-3");
    assert_eq!(server.directus.logins(), 2);
    assert_eq!(server.directus.refreshes(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_locked_answer_to_a_refresh_is_returned_without_a_login() {
    let server = start_directus().await;
    let auth = authenticator(&server);
    auth.token().await.unwrap();
    lock(&server.directus.refresh_failures).push_back(StatusCode::LOCKED);

    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    let error = auth.token().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(
        server.directus.logins(),
        1,
        "a login would only prolong the lock"
    );

    // The refresh token was kept: the next attempt is the same refresh.
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-2");
    assert_eq!(server.directus.presented(), ["refresh-1", "refresh-1"]);
    assert_eq!(server.directus.logins(), 1);
}

/// The answer of a vendor that also states how long its refresh tokens last.
#[derive(Debug, serde::Deserialize)]
pub struct StatedResponse {
    data: StatedData,
}

#[derive(Debug, serde::Deserialize)]
struct StatedData {
    access_token: auth_core::Secret,
    expires: u64,
    refresh_token: Option<auth_core::Secret>,
    refresh_expires_in: Option<u64>,
}

/// Directus's protocol with a refresh token lifetime in each answer, as OAuth servers such as
/// Keycloak state it.
#[auth_core::login_endpoint(
    vendor = "Stated",
    base_url = "https://stated.invalid",
    path = "/auth/login",
    response = StatedResponse,
    token = data.access_token,
    refresh_token = data.refresh_token,
    expires_in(millis = data.expires),
    refresh_expires_in = data.refresh_expires_in,
)]
pub struct StatedLogin {
    email: String,
    #[login(secret)]
    password: auth_core::Secret,
}

#[auth_core::login_endpoint(
    refreshes = StatedLogin,
    vendor = "Stated",
    base_url = "https://stated.invalid",
    path = "/auth/refresh",
    response = StatedResponse,
    token = data.access_token,
    refresh_token = data.refresh_token,
    expires_in(millis = data.expires),
    refresh_expires_in = data.refresh_expires_in,
)]
pub struct StatedRefresh {
    #[login(secret, refresh_token)]
    refresh_token: auth_core::Secret,
}

#[tokio::test(start_paused = true)]
async fn a_refresh_token_past_its_stated_lifetime_is_not_sent() {
    for (refresh_lifetime, refreshes, logins) in [(20 * 60, 1, 1), (10 * 60, 0, 2)] {
        let server = start_directus().await;
        *lock(&server.directus.refresh_lifetime) = Some(refresh_lifetime);
        let login = StatedLogin::builder()
            .email(EMAIL)
            .password(PASSWORD)
            .build();
        let auth = Authenticator::new(LoginClient::new().unwrap(), login)
            .with_base_url(&server.base_url)
            .with_refresh::<StatedRefresh>();
        auth.token().await.unwrap();
        // The access token is renewed at 14 minutes: a refresh token that lasts 20 is sent,
        // one that lasted 10 is not, and a login takes its place.
        tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
        assert_eq!(auth.token().await.unwrap().expose_secret(), "access-2");
        assert_eq!(
            server.directus.refreshes(),
            refreshes,
            "{refresh_lifetime} s"
        );
        assert_eq!(server.directus.logins(), logins, "{refresh_lifetime} s");
    }
}

fn cookie_mode_authenticator(server: &Server) -> Arc<Authenticator<CookieLogin>> {
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = CookieLogin::builder()
        .email(EMAIL)
        .password(PASSWORD)
        .build();
    // `CookieLogin` names no refresh: the app chooses one.
    Arc::new(
        Authenticator::new(client, login)
            .with_base_url(&server.base_url)
            .with_refresh::<CookieRefresh>(),
    )
}

#[tokio::test(start_paused = true)]
async fn a_login_that_names_no_refresh_logs_in_again_though_its_session_has_a_refresh_token() {
    let server = start_directus().await;
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = CookieLogin::builder()
        .email(EMAIL)
        .password(PASSWORD)
        .build();
    let auth = Authenticator::new(client, login).with_base_url(&server.base_url);
    auth.token().await.unwrap();
    assert_eq!(
        auth.session()
            .await
            .unwrap()
            .refresh_token()
            .unwrap()
            .expose_secret(),
        "refresh-1"
    );

    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-2");
    let rejected = auth.token().await.unwrap();
    auth.invalidate(&rejected);
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-3");
    assert_eq!(server.directus.refreshes(), 0, "no refresh is sent");
    assert_eq!(server.directus.logins(), 3);
}

#[tokio::test(start_paused = true)]
async fn in_cookie_mode_the_refresh_token_goes_in_its_cookie_and_each_rotated_one_once() {
    let server = start_directus().await;
    let auth = cookie_mode_authenticator(&server);
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-1");
    // The login's refresh token came in `Set-Cookie`, not in the body.
    let session = auth.session().await.unwrap();
    assert!(session.response().data.refresh_token.is_none());
    assert_eq!(
        session.refresh_token().unwrap().expose_secret(),
        "refresh-1"
    );

    for round in 2..=4 {
        tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
        let tokens = concurrent_tokens(&auth, 100).await;
        for token in &tokens {
            assert_eq!(
                token.as_ref().unwrap().expose_secret(),
                format!("access-{round}")
            );
        }
        assert_eq!(
            auth.session()
                .await
                .unwrap()
                .refresh_token()
                .unwrap()
                .expose_secret(),
            format!("refresh-{round}"),
            "the rotated refresh token, from the refresh's `Set-Cookie`"
        );
    }
    // One refresh per round for 100 callers, each presenting the last refresh token once, in
    // its cookie.
    assert_eq!(
        server.directus.presented(),
        ["refresh-1", "refresh-2", "refresh-3"]
    );
    assert_eq!(server.directus.presented_in_cookie(), [true, true, true]);
    assert_eq!(server.directus.logins(), 1);
}

#[tokio::test(start_paused = true)]
async fn in_cookie_mode_a_refused_refresh_falls_back_to_exactly_one_login() {
    let server = start_directus().await;
    let auth = cookie_mode_authenticator(&server);
    auth.token().await.unwrap();
    server.directus.revoke_refresh_tokens();

    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    let tokens = concurrent_tokens(&auth, 50).await;
    for token in &tokens {
        assert_eq!(token.as_ref().unwrap().expose_secret(), "access-2");
    }
    assert_eq!(server.directus.refreshes(), 1);
    assert_eq!(
        server.directus.logins(),
        2,
        "exactly one login after the refusal"
    );
    // The new session's refresh token is the one sent next.
    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "access-3");
    assert_eq!(server.directus.presented(), ["refresh-1", "refresh-2"]);
    assert_eq!(server.directus.logins(), 2);
}

async fn concurrent_tokens<E: auth_core::LoginEndpoint + 'static>(
    auth: &Arc<Authenticator<E>>,
    callers: usize,
) -> Vec<Result<AccessToken, AuthError>> {
    let mut tasks = JoinSet::new();
    for _ in 0..callers {
        let auth = Arc::clone(auth);
        tasks.spawn(async move { auth.token().await });
    }
    tasks.join_all().await
}
