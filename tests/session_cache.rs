//! `Authenticator` over loopback HTTP: one login however many tasks ask, a new one when the
//! vendor's documented lifetime runs out or the app reports the token rejected, and failures
//! shared but never kept. Expiry runs on tokio's paused clock.

use crate::scripted_server;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

use auth_core::{
    AccessToken, AuthError, Authenticator, ErrorKind, LoginClient, LoginEndpoint, RefreshAhead,
    RetryPolicy, Secret, login_endpoint,
};
use scripted_server::{Reply, ScriptedServer};
use tokio::task::JoinSet;
use vendors::sandbox::{Sandbox, demo};
use vendors::{project_thanos, talkstack, up2_money};

/// Counts the allocations made on the current thread, so a test can check that a code path
/// makes none.
struct CountingAllocator;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: every call is forwarded to the system allocator unchanged; the counter is a
// thread-local `Cell` with a const initializer, which neither allocates nor registers a
// destructor.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|count| count.set(count.get() + 1));
        // SAFETY: the caller's contract is passed on as is.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

fn allocations() -> usize {
    ALLOCATIONS.with(Cell::get)
}

fn client() -> LoginClient {
    LoginClient::new().unwrap()
}

/// Calls `token()` from `callers` tasks at once and returns what each got.
async fn concurrent_tokens<E: LoginEndpoint + 'static>(
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

fn talkstack_login(password: &str) -> talkstack::Login {
    talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(password)
        .build()
}

fn up2_login(password: &str) -> up2_money::Login {
    up2_money::Login::builder()
        .api_secret(demo::API_SECRET)
        .email(demo::EMAIL)
        .password(password)
        .build()
}

#[tokio::test(start_paused = true)]
async fn a_thousand_callers_on_an_empty_cache_cause_one_login() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = Arc::new(
        Authenticator::new(client(), talkstack_login(demo::PASSWORD))
            .with_base_url(sandbox.talkstack()),
    );
    let tokens = concurrent_tokens(&auth, 1000).await;
    assert_eq!(sandbox.login_requests(), 1);
    let first = tokens[0].as_ref().unwrap();
    assert!(!first.expose_secret().is_empty());
    for token in &tokens {
        let token = token.as_ref().unwrap();
        assert!(token.same_session(first));
        assert_eq!(token.expose_secret(), first.expose_secret());
    }
    // And once cached, more calls send nothing.
    auth.token().await.unwrap();
    assert_eq!(sandbox.login_requests(), 1);
}

#[tokio::test(start_paused = true)]
async fn an_expired_session_causes_exactly_one_new_login() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = Arc::new(
        Authenticator::new(client(), talkstack_login(demo::PASSWORD))
            .with_base_url(sandbox.talkstack()),
    );
    let old = auth.token().await.unwrap();
    let session = auth.session().await.unwrap();
    assert!(session.expires_at().is_some());
    assert!(session.refresh_token().is_some());

    // TalkStack: 2 hours; the default buffer renews it a minute before the end.
    tokio::time::advance(Duration::from_secs(2 * 3600 - 61)).await;
    assert!(auth.token().await.unwrap().same_session(&old));
    assert_eq!(sandbox.login_requests(), 1);

    tokio::time::advance(Duration::from_secs(2)).await;
    let tokens = concurrent_tokens(&auth, 1000).await;
    assert_eq!(sandbox.login_requests(), 2);
    let new = tokens[0].as_ref().unwrap();
    assert!(!new.same_session(&old));
    assert_ne!(new.expose_secret(), old.expose_secret());
    assert!(tokens.iter().all(|t| t.as_ref().unwrap().same_session(new)));
}

#[tokio::test(start_paused = true)]
async fn the_refresh_buffer_is_configurable() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = Authenticator::new(client(), talkstack_login(demo::PASSWORD))
        .with_base_url(sandbox.talkstack())
        .with_refresh_ahead(RefreshAhead::fixed(Duration::from_secs(600)));
    auth.token().await.unwrap();
    tokio::time::advance(Duration::from_secs(2 * 3600 - 601)).await;
    auth.token().await.unwrap();
    assert_eq!(sandbox.login_requests(), 1);
    tokio::time::advance(Duration::from_secs(2)).await;
    auth.token().await.unwrap();
    assert_eq!(sandbox.login_requests(), 2);
}

#[tokio::test(start_paused = true)]
async fn an_idle_session_is_renewed_by_use_and_replaced_when_idle() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth =
        Authenticator::new(client(), up2_login(demo::PASSWORD)).with_base_url(sandbox.up2_money());
    let first = auth.token().await.unwrap();
    assert_eq!(
        auth.session().await.unwrap().idle_timeout(),
        Some(Duration::from_secs(300))
    );

    // Up2 Money: 5 minutes from last activity; each token handed out is activity. Four
    // minutes at a time, three times over, is twelve minutes on one session.
    for _ in 0..3 {
        tokio::time::advance(Duration::from_secs(240)).await;
        assert!(auth.token().await.unwrap().same_session(&first));
    }
    assert_eq!(sandbox.login_requests(), 1);

    // Idle past the limit less its 30 s buffer.
    tokio::time::advance(Duration::from_secs(271)).await;
    let second = auth.token().await.unwrap();
    assert!(!second.same_session(&first));
    assert_eq!(sandbox.login_requests(), 2);
}

#[tokio::test(start_paused = true)]
async fn without_a_documented_lifetime_the_session_lasts_until_invalidated() {
    let sandbox = Sandbox::start().await.unwrap();
    let login = project_thanos::Login::builder()
        .username(demo::USERNAME)
        .password(demo::PASSWORD)
        .build();
    let auth =
        Arc::new(Authenticator::new(client(), login).with_base_url(sandbox.project_thanos()));
    let first = auth.token().await.unwrap();
    assert_eq!(auth.session().await.unwrap().expires_at(), None);
    tokio::time::advance(Duration::from_secs(90 * 24 * 3600)).await;
    assert!(auth.token().await.unwrap().same_session(&first));
    assert_eq!(sandbox.login_requests(), 1);

    // Many tasks report the same rejected token: one new login.
    for _ in 0..10 {
        auth.invalidate(&first);
    }
    let tokens = concurrent_tokens(&auth, 100).await;
    assert_eq!(sandbox.login_requests(), 2);
    let second = tokens[0].as_ref().unwrap();
    assert!(!second.same_session(&first));

    // A late report about the old token leaves the new session alone.
    auth.invalidate(&first);
    assert!(auth.token().await.unwrap().same_session(second));
    assert_eq!(sandbox.login_requests(), 2);

    auth.clear();
    auth.token().await.unwrap();
    assert_eq!(sandbox.login_requests(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_credential_failure_reaches_every_waiter_and_is_not_kept() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = Arc::new(
        Authenticator::new(client(), talkstack_login("wrong-password"))
            .with_base_url(sandbox.talkstack()),
    );
    let results = concurrent_tokens(&auth, 200).await;
    assert_eq!(sandbox.login_requests(), 1);
    for result in &results {
        let error = result.as_ref().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
        assert_eq!(error.status(), Some(401));
    }
    // Not cached, not retried in a loop: the next call is one more attempt.
    let error = auth.token().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(sandbox.login_requests(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_locked_account_reaches_every_waiter_with_the_documented_wait() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = Arc::new(
        Authenticator::new(client(), up2_login("wrong-password"))
            .with_base_url(sandbox.up2_money()),
    );
    // The sandbox locks the e-mail after three failures.
    for _ in 0..3 {
        let error = auth.token().await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    }
    assert_eq!(sandbox.login_requests(), 3);
    let results = concurrent_tokens(&auth, 50).await;
    assert_eq!(sandbox.login_requests(), 4);
    for result in &results {
        let error = result.as_ref().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Locked);
        assert_eq!(error.retry_after(), Some(Duration::from_secs(30 * 60)));
    }

    // The right password during the lock is still locked; after it, it logs in.
    let good =
        Authenticator::new(client(), up2_login(demo::PASSWORD)).with_base_url(sandbox.up2_money());
    assert_eq!(good.token().await.unwrap_err().kind(), ErrorKind::Locked);
    tokio::time::advance(Duration::from_secs(30 * 60 + 1)).await;
    good.token().await.unwrap();
}

#[derive(Debug, serde::Deserialize)]
pub struct ScriptedResponse {
    token: Secret,
}

/// A vendor that documents no lifetime, served by a scripted server.
#[login_endpoint(
    vendor = "Scripted",
    base_url = "https://api.example.com",
    path = "/login",
    response = ScriptedResponse,
    token = token,
)]
pub struct ScriptedLogin {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn scripted_authenticator(server: &ScriptedServer) -> Arc<Authenticator<ScriptedLogin>> {
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = ScriptedLogin::builder()
        .email("me@example.com")
        .password("cache-test-password")
        .build();
    Arc::new(Authenticator::new(client, login).with_base_url(server.base_url()))
}

#[tokio::test(start_paused = true)]
async fn a_failed_login_followed_by_a_good_one() {
    let server = ScriptedServer::start(vec![Reply::status(500), Reply::token("t-2")]).await;
    let auth = scripted_authenticator(&server);
    let failures = concurrent_tokens(&auth, 100).await;
    assert_eq!(server.requests(), 1);
    assert!(
        failures
            .iter()
            .all(|r| r.as_ref().unwrap_err().kind() == ErrorKind::ServerError)
    );
    let tokens = concurrent_tokens(&auth, 100).await;
    assert_eq!(server.requests(), 2);
    assert!(
        tokens
            .iter()
            .all(|t| t.as_ref().unwrap().expose_secret() == "t-2")
    );
}

#[tokio::test(start_paused = true)]
async fn a_cancelled_login_hands_over_to_a_waiter() {
    let server = ScriptedServer::start(vec![Reply::Stall, Reply::token("t-2")]).await;
    let auth = scripted_authenticator(&server);
    let leader = {
        let auth = Arc::clone(&auth);
        tokio::spawn(async move { auth.token().await })
    };
    // Busy-wait on the runtime (never idle, so the paused clock stays put) until the leader's
    // request has arrived and stalled.
    while server.requests() == 0 {
        tokio::task::yield_now().await;
    }
    let mut followers = JoinSet::new();
    for _ in 0..20 {
        let auth = Arc::clone(&auth);
        followers.spawn(async move { auth.token().await });
    }
    for _ in 0..10 {
        tokio::task::yield_now().await;
    }
    leader.abort();
    for token in followers.join_all().await {
        assert_eq!(token.unwrap().expose_secret(), "t-2");
    }
    assert_eq!(server.requests(), 2);
}

#[tokio::test(start_paused = true)]
async fn tokens_are_redacted() {
    let server = ScriptedServer::start(vec![Reply::token("very-secret-token")]).await;
    let auth = scripted_authenticator(&server);
    let token = auth.token().await.unwrap();
    let shown = format!("{token:?} {auth:?}");
    assert!(!shown.contains("very-secret-token"), "{shown}");
    assert!(!shown.contains("cache-test-password"), "{shown}");
    assert_eq!(token.expose_secret(), "very-secret-token");
}

#[tokio::test(start_paused = true)]
async fn a_cached_token_is_handed_out_without_allocating() {
    let sandbox = Sandbox::start().await.unwrap();
    // Up2 Money: the idle-timeout bookkeeping is on this path too.
    let auth =
        Authenticator::new(client(), up2_login(demo::PASSWORD)).with_base_url(sandbox.up2_money());
    let first = auth.token().await.unwrap();
    let before = allocations();
    for _ in 0..1000 {
        let token = auth.token().await.unwrap();
        assert!(token.same_session(&first));
    }
    assert_eq!(allocations() - before, 0);
    assert_eq!(sandbox.login_requests(), 1);
}

/// A vendor whose sessions last 10 minutes, served by a scripted server.
#[login_endpoint(
    vendor = "Scripted",
    base_url = "https://api.example.com",
    path = "/login",
    response = ScriptedResponse,
    token = token,
    lifetime = "10m",
)]
pub struct ExpiringLogin {
    email: String,
    #[login(secret)]
    password: Secret,
}

/// Logs in with `ExpiringLogin` at `server`, each login sent once (no client retries), renewed
/// a minute before its end: at 9 minutes.
fn expiring_authenticator(server: &ScriptedServer) -> Arc<Authenticator<ExpiringLogin>> {
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = ExpiringLogin::builder()
        .email("me@example.com")
        .password("cache-test-password")
        .build();
    Arc::new(Authenticator::new(client, login).with_base_url(server.base_url()))
}

const RENEW_AT: Duration = Duration::from_secs(9 * 60);

#[tokio::test(start_paused = true)]
async fn a_5xx_ahead_of_expiry_keeps_the_valid_token_in_use_and_retries_with_backoff() {
    let server = ScriptedServer::start(vec![
        Reply::token("t-1"),
        Reply::status(500),
        Reply::status(502),
        Reply::status(503),
        Reply::token("t-2"),
    ])
    .await;
    let auth = expiring_authenticator(&server);
    assert_eq!(auth.token().await.unwrap().expose_secret(), "t-1");

    // The renewal a minute ahead of expiry fails: every caller still gets the valid token.
    tokio::time::advance(RENEW_AT + Duration::from_millis(1)).await;
    for result in concurrent_tokens(&auth, 100).await {
        assert_eq!(result.unwrap().expose_secret(), "t-1");
    }
    assert_eq!(server.requests(), 2, "one renewal for all the callers");

    // Within the backoff (1 s after the first failure, jittered within its upper half), no
    // request; after it, one more renewal, and so on, the backoff doubling.
    let mut requests = 2;
    for backoff in [1u64, 2] {
        tokio::time::advance(Duration::from_millis(backoff * 1000 / 2 - 10)).await;
        assert_eq!(auth.token().await.unwrap().expose_secret(), "t-1");
        assert_eq!(server.requests(), requests, "no renewal within the backoff");
        tokio::time::advance(Duration::from_millis(backoff * 1000 / 2 + 20)).await;
        assert_eq!(auth.token().await.unwrap().expose_secret(), "t-1");
        requests += 1;
        assert_eq!(server.requests(), requests, "one renewal once it passed");
    }

    // The vendor is back: the next renewal replaces the token.
    tokio::time::advance(Duration::from_secs(4)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "t-2");
    assert_eq!(server.requests(), 5);
    assert_eq!(auth.token().await.unwrap().expose_secret(), "t-2");
    assert_eq!(server.requests(), 5);
}

#[tokio::test(start_paused = true)]
async fn once_the_token_has_expired_a_failed_renewal_is_the_callers() {
    let server = ScriptedServer::start(vec![Reply::token("t-1"), Reply::status(500)]).await;
    let auth = expiring_authenticator(&server);
    auth.token().await.unwrap();
    tokio::time::advance(RENEW_AT + Duration::from_secs(1)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "t-1");
    // Past the 10 minutes: the token is no longer handed out.
    tokio::time::advance(Duration::from_secs(60)).await;
    let error = auth.token().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError);
}

#[tokio::test(start_paused = true)]
async fn a_credential_failure_ahead_of_expiry_is_returned_at_once() {
    let server = ScriptedServer::start(vec![Reply::token("t-1"), Reply::status(401)]).await;
    let auth = expiring_authenticator(&server);
    auth.token().await.unwrap();
    tokio::time::advance(RENEW_AT + Duration::from_secs(1)).await;
    // The old token is still valid for a minute, but a refused login is not a hiccup.
    let error = auth.token().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(server.requests(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_locked_account_is_not_tried_again_before_its_wait() {
    let server = ScriptedServer::start(vec![
        Reply::token("t-1"),
        Reply::retry_after(423, "1800"),
        Reply::token("t-2"),
    ])
    .await;
    let auth = expiring_authenticator(&server);
    auth.token().await.unwrap();
    tokio::time::advance(RENEW_AT + Duration::from_secs(1)).await;
    let error = auth.token().await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(1800)));

    // Every call during the lock gets the lock, with what is left of it, and sends nothing.
    let mut since_lock = Duration::ZERO;
    for step in [60, 540, 1140] {
        tokio::time::advance(Duration::from_secs(step)).await;
        since_lock += Duration::from_secs(step);
        let error = auth.token().await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Locked);
        let left = error.retry_after().unwrap();
        assert!(left <= Duration::from_secs(1800) - since_lock, "{left:?}");
        assert!(left > Duration::ZERO);
    }
    assert_eq!(server.requests(), 2);

    tokio::time::advance(Duration::from_secs(61)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "t-2");
    assert_eq!(server.requests(), 3);
}

#[tokio::test(start_paused = true)]
async fn a_long_retry_after_ahead_of_expiry_puts_the_renewal_off_that_long() {
    let server = ScriptedServer::start(vec![
        Reply::token("t-1"),
        Reply::retry_after(429, "40"),
        Reply::token("t-2"),
    ])
    .await;
    let auth = expiring_authenticator(&server);
    auth.token().await.unwrap();
    tokio::time::advance(RENEW_AT + Duration::from_secs(1)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "t-1");
    tokio::time::advance(Duration::from_secs(39)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "t-1");
    assert_eq!(
        server.requests(),
        2,
        "not before the 40 s the vendor asked for"
    );
    tokio::time::advance(Duration::from_secs(2)).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "t-2");
    assert_eq!(server.requests(), 3);
}
