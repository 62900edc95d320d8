//! [`Authenticator`]: one session per endpoint and credentials, shared by every task that needs
//! a token, logged in again before it lapses.

use std::fmt;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use arc_swap::ArcSwapOption;
use tokio::sync::watch;
use tokio::time::Instant;

use crate::client::LoginClient;
use crate::endpoint::{DeclaredBaseUrl, LoginEndpoint};
use crate::error::{AuthError, ErrorKind};
use crate::refresh::{DeclaredRefresh, RefreshOf};
use crate::secret::{Secret, SecretRefusal};
use crate::session::Session;
use crate::store::{Leased, RestoredSession, SharedSession, SharedStore, StoreError, wall_now};
use zeroize::Zeroizing;

const DEFAULT_REFRESH_FRACTION: f64 = 0.1;
const DEFAULT_REFRESH_CAP: Duration = Duration::from_secs(60);
/// The wait before renewing again after a renewal ahead of expiry failed for a passing reason:
/// this much after the first failure, doubling with each further one up to the cap.
const RENEWAL_BACKOFF: Duration = Duration::from_secs(1);
const RENEWAL_BACKOFF_CAP: Duration = Duration::from_secs(60);
/// How often a waiter first looks for another process's login, then at most.
const FIRST_POLL: Duration = Duration::from_millis(10);
const MAX_POLL: Duration = Duration::from_millis(200);

/// Hands out a valid token for one endpoint and its credentials, logging in only when needed.
///
/// Build it from a [`LoginClient`] and a built login request (which holds the credentials), then
/// call [`token`](Authenticator::token) wherever a token is needed; share it between tasks in an
/// [`Arc`].
///
/// - **Logs in lazily**: on the first call, when the vendor's documented lifetime is about to
///   end, or after [`invalidate`](Authenticator::invalidate). "About to end" is
///   [`RefreshAhead`] before the end: by default a tenth of the lifetime, at most a minute.
/// - **Lifetimes as the vendor documents them**: an absolute expiry
///   ([`Session::expires_at`], e.g. TalkStack's `expirationTime` or its 2 hours); an idle timeout
///   ([`Session::idle_timeout`], e.g. Up2 Money's 5 minutes from last activity), renewed by each
///   token handed out; or none, in which case the session is used until the app reports the
///   token rejected with [`invalidate`](Authenticator::invalidate).
/// - **Single flight**: however many tasks ask while there is no valid session, one login is
///   sent and all of them get its result, a failure included. A failure is not kept: the next
///   call logs in again. A credential failure ([`InvalidCredentials`](crate::ErrorKind::InvalidCredentials),
///   [`Locked`](crate::ErrorKind::Locked), the latter with the vendor's documented wait as
///   [`retry_after`](AuthError::retry_after)) is never retried by the authenticator itself, so a
///   wrong password does not lock an account.
/// - **Cheap when cached**: a valid session is read without any lock and
///   [`token`](Authenticator::token) returns an [`AccessToken`], a reference-counted handle to
///   the session's token; no allocation, no copy of the secret.
/// - **Serving through a hiccup**: when the login ahead of expiry fails for a passing reason
///   (a timeout, a connection failure, a 5xx, a 429) and the current token has not yet
///   expired, that token keeps being handed out, and the login is tried again after a backoff
///   (1 s, doubling up to a minute, jittered; at least the `Retry-After` the vendor asked for),
///   as the AWS SDKs' identity cache does. Once the token has expired, the failure is the
///   caller's. A credential failure (`InvalidCredentials`, `Locked`, ...) is returned at once.
/// - **Waits the vendor asked for are kept**: after a failure that carries a
///   [`retry_after`](AuthError::retry_after) (a `Locked` account, a `Retry-After` longer than
///   the client waits out itself), no login is sent until it has passed; calls in between get
///   the same error with the wait that remains.
/// - **Refreshing instead of logging in**: when the login's declaration names its refresh
///   endpoint (`refresh = Refresh`, a [`RefreshEndpoint`](crate::RefreshEndpoint) declared
///   with `refreshes = Login`), or the app chose one with
///   [`with_refresh`](Authenticator::with_refresh), and the session has a refresh token, the
///   authenticator sends that refresh instead of the login, ahead of expiry and after
///   [`invalidate`](Authenticator::invalidate), shared by every caller like a login. A rotated
///   refresh token replaces the old one, which is never sent again. A refresh that fails for a
///   passing reason keeps the refresh token (and the valid token, as above); one the vendor
///   refuses (an unknown or spent refresh token: `InvalidCredentials`, `Expired`, any other
///   failure that is not passing) is dropped, and exactly one full login follows; a `Locked`
///   answer is returned as it is, with no login. A refresh token whose stated lifetime
///   ([`Session::refresh_expires_at`]) is over is not sent: a login follows at once. Without a
///   refresh endpoint (neither declared nor chosen), refresh tokens the vendor returns stay on
///   the session ([`Authenticator::session`]); none of the documented vendors has one, so for
///   them expiry means a new login.
///
/// Expiry is tracked on tokio's clock ([`tokio::time::Instant`]): the session's wall-clock
/// expiry is turned into a remaining duration once, at login.
///
/// **Many processes**: with [`with_store`](Authenticator::with_store), sessions are also kept
/// sealed in a [`SharedStore`] (a file per session, or Redis) so that the processes of a fleet
/// log in (or refresh) once between them; see [`crate::store`].
///
/// ```no_run
/// # #[auth_core::login_endpoint(vendor = "Example", base_url = "https://api.example.com",
/// #     path = "/login", response = Resp, token = token)]
/// # pub struct Login { email: String, #[login(secret)] password: auth_core::Secret }
/// # #[derive(serde::Deserialize)] pub struct Resp { token: auth_core::Secret }
/// # async fn run() -> Result<(), auth_core::AuthError> {
/// use std::sync::Arc;
/// use auth_core::{Authenticator, LoginClient};
///
/// let client = LoginClient::new()?;
/// let login = Login::builder().email("me@example.com").password("hunter2").build();
/// let auth = Arc::new(Authenticator::new(client, login));
///
/// let token = auth.token().await?; // logs in
/// let again = auth.token().await?; // cached: no request
/// // The API said 401 for this token: the next call logs in again.
/// auth.invalidate(&again);
/// # Ok(()) }
/// ```
// No bound on `E`: the state that depends on the endpoint's types (the session, the refresh) is
// held with those types erased, so that an `Authenticator::new` given something that is not a
// login (a builder, a reference) is one error, at the argument, and not a second one for the
// type.
pub struct Authenticator<E> {
    client: LoginClient,
    endpoint: E,
    base_url: Option<String>,
    refresh_ahead: RefreshAhead,
    /// The session in use; read without a lock on every call.
    current: ArcSwapOption<Cached>,
    /// The login in flight, if any: the channel its result will be published on.
    in_flight: Mutex<Option<FlightReceiver>>,
    /// A failure whose wait the vendor stated, until that wait is over.
    held: Mutex<Option<Held>>,
    /// How to refresh, if the login declares a refresh or the app chose one.
    refresh: Option<DeclaredRefresh<E>>,
    /// The refresh token to send next: the last one the vendor issued. Kept after
    /// `invalidate`, which drops only the access token.
    refresh_token: Mutex<Option<RefreshGrant>>,
    /// The store shared with other processes, if any.
    shared: Option<SharedSession>,
}

/// A refresh token, and until when the vendor says it can be used.
#[derive(Clone)]
struct RefreshGrant {
    token: Secret,
    /// The body of the last login's answer, when a refresh needs it (zeroized on drop: it
    /// holds that login's tokens).
    login_body: Option<Arc<Zeroizing<Vec<u8>>>>,
    /// The stated expiry, as the vendor wrote it (kept for a refresh answer without a new
    /// refresh token) and on tokio's clock.
    expires_at: Option<SystemTime>,
    valid_until: Option<Instant>,
}

impl RefreshGrant {
    fn of(
        session: &dyn SessionSlot,
        login_body: Option<&[u8]>,
        now: Instant,
    ) -> Option<RefreshGrant> {
        let token = session.refresh_token()?.clone();
        let login_body = login_body.map(|body| Arc::new(Zeroizing::new(body.to_vec())));
        let expires_at = session.refresh_expires_at();
        let valid_until = expires_at.and_then(|at| {
            now.checked_add(
                at.duration_since(SystemTime::now())
                    .unwrap_or(Duration::ZERO),
            )
        });
        Some(RefreshGrant {
            token,
            login_body,
            expires_at,
            valid_until,
        })
    }

    fn is_usable(&self, now: Instant) -> bool {
        self.valid_until.is_none_or(|until| now < until)
    }
}

/// A failure with a stated wait, and when the wait ends.
struct Held {
    until: Instant,
    error: AuthError,
}

type FlightResult = Option<Result<AccessToken, AuthError>>;
type FlightReceiver = watch::Receiver<FlightResult>;

impl<E: LoginEndpoint> Authenticator<E> {
    /// An authenticator that logs in with `endpoint` (a built login request, credentials
    /// included) at the endpoint's declared base URL, refreshing with the default
    /// [`RefreshAhead`].
    ///
    /// For an endpoint declared without a `base_url` (a self-hosted product), use
    /// [`new_at`](Authenticator::new_at): this one does not compile for it.
    pub fn new(client: LoginClient, endpoint: E) -> Self
    where
        E: DeclaredBaseUrl,
    {
        Authenticator::with_base(client, endpoint, None)
    }

    /// An authenticator that logs in with `endpoint` at `base_url` (the host of a self-hosted
    /// product, staging, a test server), as `send_to` does.
    pub fn new_at(client: LoginClient, endpoint: E, base_url: impl Into<String>) -> Self {
        Authenticator::with_base(client, endpoint, Some(base_url.into()))
    }

    fn with_base(client: LoginClient, endpoint: E, base_url: Option<String>) -> Self {
        Authenticator {
            client,
            endpoint,
            base_url,
            refresh_ahead: RefreshAhead::default(),
            current: ArcSwapOption::empty(),
            in_flight: Mutex::new(None),
            held: Mutex::new(None),
            refresh: E::__declared_refresh(),
            refresh_token: Mutex::new(None),
            shared: None,
        }
    }

    /// Shares sessions through `store` with every process that uses the same store and
    /// [`SealingKey`](crate::store::SealingKey) for the same `principal`: before logging in, the
    /// authenticator takes a valid session from the store, and a session it logs in is written
    /// there, sealed, for the others.
    ///
    /// `principal` names the account the login is for (the e-mail or user name of the login,
    /// an account id): logins for different accounts must have different principals, or they
    /// would share one session. It is hashed with a key derived from the sealing key, so it does
    /// not appear in the store.
    ///
    /// The in-memory path stays as it is: a valid session is read without a lock and without
    /// asking the store. Only when there is none does the store come in: read, then a lease
    /// among the processes so one logs in (or refreshes), then a read again, the login, a
    /// fenced write, the release. If the store fails or is slow, the authenticator logs in on its own (one
    /// warning per outage) and uses the store again once it answers.
    ///
    /// With an idle timeout (Up2 Money), use in one process counts for all: a process records
    /// its use in the store at most every tenth of the timeout, and another process whose own
    /// copy looks idle reads the store before logging in.
    #[must_use]
    pub fn with_store(mut self, store: &SharedStore, principal: impl Into<String>) -> Self {
        self.shared = Some(SharedSession::new(store.clone(), principal.into()));
        self
    }

    /// Logs in at `base_url` instead of the declared one (an on-premises host, staging, a test
    /// server), as `send_to` does.
    #[must_use]
    pub fn with_base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Renews sessions that have a refresh token with `R`, the vendor's refresh endpoint
    /// (declared with `#[login_endpoint(refreshes = ...)]`), instead of logging in again; see
    /// [`RefreshEndpoint`](crate::RefreshEndpoint). A login that names its refresh (`refresh =
    /// Refresh`) needs no call: every authenticator of it refreshes with that one, and this
    /// replaces it. It is sent to the same base URL as the login when one is given
    /// ([`new_at`](Authenticator::new_at), [`with_base_url`](Authenticator::with_base_url)),
    /// else to `R`'s declared base URL, else to the login's.
    #[must_use]
    pub fn with_refresh<R>(mut self) -> Self
    where
        R: RefreshOf<E>,
    {
        self.refresh = Some(R::__refresh());
        self
    }

    /// How long before a session's end to log in again (default [`RefreshAhead::default`]).
    #[must_use]
    pub fn with_refresh_ahead(mut self, refresh_ahead: RefreshAhead) -> Self {
        self.refresh_ahead = refresh_ahead;
        self
    }

    /// A valid token: the cached one while it is valid, else the result of a new login (shared
    /// with every other caller waiting for it).
    ///
    /// Each token handed out counts as activity for vendors whose sessions lapse when idle.
    pub async fn token(&self) -> Result<AccessToken, AuthError> {
        let now = Instant::now();
        if let Some(token) = self.cached_token(now) {
            if let Some(shared) = &self.shared {
                self.share_use(shared, &token, now).await;
            }
            return Ok(token);
        }
        self.login_once().await
    }

    /// The session behind the current token, logging in first if there is no valid one. Like
    /// [`token`](Authenticator::token), this counts as activity.
    pub async fn session(&self) -> Result<Arc<Session<E::Response>>, AuthError> {
        let token = self.token().await?;
        // Every token this authenticator hands out points into a `Cached` of a
        // `Session<E::Response>`.
        token
            .source
            .as_any()
            .downcast_ref::<Cached>()
            .and_then(|cached| {
                Arc::clone(&cached.session)
                    .into_any()
                    .downcast::<Session<E::Response>>()
                    .ok()
            })
            .ok_or_else(|| {
                AuthError::new(ErrorKind::Rejected, E::SPEC.vendor())
                    .with_detail("the token did not come from this authenticator's sessions")
            })
    }

    /// Reports that the API rejected `token` (an HTTP 401 on a later call): the next
    /// [`token`](Authenticator::token) logs in again, or refreshes with the session's refresh
    /// token when there is a refresh endpoint (declared by the login, or
    /// [chosen](Authenticator::with_refresh)). The middleware in
    /// `auth_core::middleware` (features `middleware`, `tower`) calls this for you.
    ///
    /// Only the session `token` came from is dropped, so when many tasks report the same
    /// rejected token, one new login follows, and a report that arrives after a newer session
    /// was obtained leaves that session alone.
    ///
    /// With a shared store, the next renewal first removes the token's session from the store,
    /// if it is still the stored one (compare-and-delete): a newer session that another
    /// process wrote meanwhile is kept, and used instead of logging in.
    pub fn invalidate(&self, token: &AccessToken) {
        if let (Some(shared), Some(generation)) = (&self.shared, token.source.generation()) {
            shared.reject(generation);
        }
        let current = self.current.load();
        if let Some(cached) = current.as_ref()
            && (token.is_from(cached)
                || token
                    .source
                    .generation()
                    .is_some_and(|generation| cached.generation == Some(generation)))
        {
            self.current.compare_and_swap(&*current, None);
            tracing::debug!(
                vendor = E::SPEC.vendor(),
                "session invalidated; the next call logs in"
            );
        }
    }

    /// Drops the current session whatever token it has, and its refresh token: the next call
    /// logs in. With a shared store, only this process's copy is dropped, and the next call
    /// reads the store first; report a rejected token with
    /// [`invalidate`](Authenticator::invalidate) to drop it there.
    pub fn clear(&self) {
        *self
            .refresh_token
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = None;
        self.current.store(None);
    }

    /// The cached token if the session is to be used at `now` (fresh, or still valid while a
    /// failed renewal waits to be tried again), marking it used.
    pub(crate) fn cached_token(&self, now: Instant) -> Option<AccessToken> {
        let guard = self.current.load();
        let cached = guard.as_ref()?;
        if !cached.is_fresh(now) && !cached.is_serving_through(now) {
            return None;
        }
        cached.touch(now);
        let cached: Arc<dyn TokenSource> = Arc::<Cached>::clone(cached);
        Some(AccessToken { source: cached })
    }

    /// Joins the login in flight, or starts one.
    async fn login_once(&self) -> Result<AccessToken, AuthError> {
        loop {
            let role = {
                let mut slot = self
                    .in_flight
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner);
                match slot.as_ref() {
                    Some(receiver) => Role::Follower(receiver.clone()),
                    None => {
                        // A login may have finished between the lock-free check and this lock;
                        // the leader stores its session before it clears the slot.
                        if let Some(token) = self.cached_token(Instant::now()) {
                            return Ok(token);
                        }
                        let (sender, receiver) = watch::channel(None);
                        *slot = Some(receiver);
                        Role::Leader(sender)
                    }
                }
            };
            match role {
                Role::Leader(sender) => {
                    let flight = FlightGuard {
                        slot: &self.in_flight,
                        sender,
                    };
                    let result = self.renew().await;
                    flight.finish(result.clone());
                    return result;
                }
                Role::Follower(mut receiver) => {
                    match receiver.wait_for(Option::is_some).await {
                        Ok(result) => {
                            if let Some(result) = result.as_ref() {
                                return result.clone();
                            }
                        }
                        // The leader was cancelled before its login finished: try again, one
                        // of the waiters becoming the new leader.
                        Err(_) => continue,
                    }
                }
            }
        }
    }

    /// Obtains a new session, unless a wait the vendor stated is still running, and serves the
    /// current token through a passing failure while it is valid.
    async fn renew(&self) -> Result<AccessToken, AuthError> {
        if let Some(error) = self.held_error(Instant::now()) {
            return Err(error);
        }
        let error = match self.obtain().await {
            Ok(token) => return Ok(token),
            Err(error) => error,
        };
        let now = Instant::now();
        if let Some(wait) = error.retry_after() {
            self.hold(now, wait, &error);
        }
        if error.is_retryable()
            && let Some(token) = self.serve_through(now, error.retry_after())
        {
            return Ok(token);
        }
        Err(error)
    }

    /// The held failure, with the wait that remains, if its wait is not over at `now`.
    fn held_error(&self, now: Instant) -> Option<AuthError> {
        let mut held = self.held.lock().unwrap_or_else(PoisonError::into_inner);
        match held.as_ref() {
            Some(Held { until, error }) if now < *until => {
                tracing::debug!(
                    vendor = E::SPEC.vendor(),
                    wait_ms = (*until - now).as_millis() as u64,
                    "not logging in before the wait the vendor asked for is over"
                );
                Some(error.clone().with_retry_after(Some(*until - now)))
            }
            Some(_) => {
                *held = None;
                None
            }
            None => None,
        }
    }

    fn hold(&self, now: Instant, wait: Duration, error: &AuthError) {
        if let Some(until) = now.checked_add(wait) {
            *self.held.lock().unwrap_or_else(PoisonError::into_inner) = Some(Held {
                until,
                error: error.clone(),
            });
        }
    }

    /// After a renewal failed for a passing reason: the current token, if it is still valid,
    /// with the next renewal put off by the backoff (at least `retry_after`).
    fn serve_through(&self, now: Instant, retry_after: Option<Duration>) -> Option<AccessToken> {
        let guard = self.current.load();
        let cached = guard.as_ref()?;
        if !cached.is_valid(now) {
            return None;
        }
        let wait = cached.defer_renewal(now, retry_after);
        tracing::warn!(
            vendor = E::SPEC.vendor(),
            retry_in_ms = wait.as_millis() as u64,
            "renewing the session failed; the current token is still valid and stays in use"
        );
        cached.touch(now);
        let cached: Arc<dyn TokenSource> = Arc::<Cached>::clone(cached);
        Some(AccessToken { source: cached })
    }

    /// A new session, shared through the store when there is one and it answers.
    async fn obtain(&self) -> Result<AccessToken, AuthError> {
        match &self.shared {
            Some(shared) if shared.store().available() => self.obtain_shared(shared).await,
            _ => self.obtain_locally().await,
        }
    }

    /// A new session of this process's own, shared with no other.
    async fn obtain_locally(&self) -> Result<AccessToken, AuthError> {
        let (session, body) = self.refresh_or_log_in().await?;
        Ok(self.publish(
            Cached::new(session, self.refresh_ahead, Instant::now(), None),
            &body,
        ))
    }

    /// A refresh when there is a refresh endpoint and a refresh token, falling back to one
    /// login when the vendor refuses the refresh; otherwise a login. The session comes with
    /// the success body it was read from.
    async fn refresh_or_log_in(&self) -> Result<(Session<E::Response>, bytes::Bytes), AuthError> {
        let grant = self
            .refresh_token
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone();
        let vendor = E::SPEC.vendor();
        let (Some(DeclaredRefresh { send: refresh, .. }), Some(grant)) = (self.refresh, grant)
        else {
            return self.log_in().await;
        };
        if !grant.is_usable(Instant::now()) {
            tracing::debug!(
                vendor,
                "the refresh token's stated lifetime is over; logging in instead"
            );
            return self.log_in().await;
        }
        tracing::debug!(vendor, "refreshing the session");
        let refreshed = refresh(
            &self.client,
            &self.endpoint,
            self.base_url.as_deref(),
            &grant.token,
            grant.login_body.as_deref().map(|body| body.as_slice()),
        )
        .await;
        // `refresh_with::<E, _>` made it: a session of `E`'s response.
        let refreshed = refreshed.and_then(|(session, body)| {
            session
                .downcast::<Session<E::Response>>()
                .map(|session| (*session, body))
                .map_err(|_| {
                    AuthError::new(ErrorKind::Decode, vendor)
                        .with_detail("the refresh did not make a session of this login")
                })
        });
        match refreshed {
            Ok((mut session, body)) => {
                session.keep_refresh_token(&grant.token, grant.expires_at);
                Ok((session, body))
            }
            // A passing failure: the refresh token still holds, for the next attempt. A locked
            // account is not logged in to either: that would only prolong the lock.
            Err(error) if error.is_retryable() || error.kind() == ErrorKind::Locked => Err(error),
            Err(error) => {
                tracing::debug!(
                    vendor,
                    error = %error.kind(),
                    "the refresh was refused; logging in instead"
                );
                {
                    let mut kept = self
                        .refresh_token
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner);
                    if kept.as_ref().is_some_and(|kept| kept.token == grant.token) {
                        *kept = None;
                    }
                }
                self.log_in().await
            }
        }
    }

    /// Sends the login, returning its session and the body it was read from.
    async fn log_in(&self) -> Result<(Session<E::Response>, bytes::Bytes), AuthError> {
        let vendor = E::SPEC.vendor();
        tracing::debug!(vendor, "logging in");
        let login = crate::__private::send_keeping_body(
            crate::__private::Exchange::Login,
            &self.client,
            &self.endpoint,
            self.base_url.as_deref(),
        )
        .await;
        if let Err(error) = &login {
            tracing::debug!(vendor, error = %error.kind(), "login failed; not cached");
        }
        login
    }

    /// Makes `cached` the current session, and its refresh token the one to send next;
    /// `body` is the answer its response was read from.
    fn publish(&self, cached: Cached, body: &[u8]) -> AccessToken {
        if let Some(refresh) = self.refresh {
            let login_body = refresh.keeps_login_body.then_some(body);
            *self
                .refresh_token
                .lock()
                .unwrap_or_else(PoisonError::into_inner) =
                RefreshGrant::of(&*cached.session, login_body, Instant::now());
        }
        let cached = Arc::new(cached);
        let source: Arc<dyn TokenSource> = Arc::clone(&cached) as Arc<dyn TokenSource>;
        self.current.store(Some(cached));
        AccessToken { source }
    }

    /// Where the login is sent, as part of the store key. (An endpoint without a declared base
    /// URL is always given one, by `new_at`.)
    fn login_base_url(&self) -> &str {
        self.base_url
            .as_deref()
            .or(E::SPEC.base_url())
            .unwrap_or_default()
    }

    /// The shared path: the stored session if it is fresh, else a login (or refresh) under the
    /// store's lease, written back for the other processes. A store failure at any step means
    /// a session of this process's own (never a second login, if this one already logged in).
    async fn obtain_shared(&self, shared: &SharedSession) -> Result<AccessToken, AuthError> {
        let vendor = E::SPEC.vendor();
        let store = shared.store();
        let key = shared.key(vendor, self.login_base_url());
        // A token this process reported rejected goes, if it is still the stored one.
        if let Some(generation) = shared.take_pending_removal()
            && store.remove(vendor, key, generation).await.is_err()
        {
            // Tried again by the next login that reaches the store.
            shared.reject(generation);
            return self.obtain_locally().await;
        }
        match self.load(shared).await {
            Ok(Some(token)) => return Ok(token),
            Ok(None) => {}
            Err(_) => return self.obtain_locally().await,
        }
        let started = Instant::now();
        let mut poll = FIRST_POLL;
        loop {
            match store.lease(vendor, key).await {
                Ok(Some(lease)) => return self.log_in_holding(shared, lease).await,
                Ok(None) => {}
                Err(_) => return self.obtain_locally().await,
            }
            // Another process is logging in: wait for its session, or for its lease to lapse.
            if started.elapsed() >= store.lease_ttl().saturating_mul(2) {
                tracing::warn!(
                    vendor,
                    "another process has held the shared session's lease for twice its TTL; \
                     logging in without it"
                );
                return self.obtain_locally().await;
            }
            tokio::time::sleep(poll.mul_f64(0.75 + fastrand::f64() / 2.0)).await;
            poll = (poll * 2).min(MAX_POLL);
            match self.load(shared).await {
                Ok(Some(token)) => return Ok(token),
                Ok(None) => {}
                Err(_) => return self.obtain_locally().await,
            }
        }
    }

    /// Holding the lease: reads the store again (another process may have written since the
    /// first read), else logs in (or refreshes) and writes the session under the lease's
    /// generation.
    async fn log_in_holding(
        &self,
        shared: &SharedSession,
        lease: Leased,
    ) -> Result<AccessToken, AuthError> {
        let vendor = E::SPEC.vendor();
        let store = shared.store();
        let key = shared.key(vendor, self.login_base_url());
        match self.load(shared).await {
            Ok(Some(token)) => {
                lease.release().await;
                return Ok(token);
            }
            Ok(None) => {}
            Err(_) => {
                lease.release().await;
                return self.obtain_locally().await;
            }
        }
        let (session, body) = match self.refresh_or_log_in().await {
            Ok(obtained) => obtained,
            Err(error) => {
                lease.release().await;
                return Err(error);
            }
        };
        let generation = lease.generation();
        let used_at = wall_now();
        let expires_in = expiry_left(&session);
        let sealed = self.seal(shared, &session, &body, generation, used_at, expires_in);
        let ttl = store_ttl(expires_in, session.idle_timeout());
        let now = Instant::now();
        let Some(sealed) = sealed else {
            lease.release().await;
            return Ok(self.publish(Cached::new(session, self.refresh_ahead, now, None), &body));
        };
        match store
            .put(vendor, key, generation, &sealed, used_at, ttl)
            .await
        {
            Ok(true) => {
                lease.release().await;
                let cached = Cached::new(session, self.refresh_ahead, now, Some(generation));
                Ok(self.publish(cached, &body))
            }
            Ok(false) => {
                // Fenced off: this lease lapsed and a later holder owns the stored session.
                // Its session is the one to use, if it is there yet.
                tracing::debug!(
                    vendor,
                    "a later lease holder owns the shared session; this login is not stored"
                );
                lease.release().await;
                if let Ok(Some(token)) = self.load(shared).await {
                    return Ok(token);
                }
                Ok(self.publish(Cached::new(session, self.refresh_ahead, now, None), &body))
            }
            Err(_) => {
                lease.release().await;
                Ok(self.publish(Cached::new(session, self.refresh_ahead, now, None), &body))
            }
        }
    }

    /// The sealed value of a session just logged in; `None` if it must not be shared.
    fn seal(
        &self,
        shared: &SharedSession,
        session: &Session<E::Response>,
        body: &[u8],
        generation: u64,
        sealed_at: SystemTime,
        expires_in: Option<Duration>,
    ) -> Option<Vec<u8>> {
        let vendor = E::SPEC.vendor();
        // A vendor that echoes a credential in its success body would put it in the store.
        let mut echoed = false;
        self.endpoint.__secrets(&mut |secret| {
            echoed |= secret.len() >= 3
                && body
                    .windows(secret.len())
                    .any(|window| window == secret.as_bytes());
        });
        if echoed {
            tracing::warn!(
                vendor,
                "the success body repeats a credential of the login; the session is not shared"
            );
            return None;
        }
        let plaintext = crate::store::session_plaintext(session, body, sealed_at, expires_in)?;
        let key = shared.key(vendor, self.login_base_url());
        shared.store().keys().seal(key, generation, &plaintext)
    }

    /// The stored session, if it opens and is fresh: made the current one.
    async fn load(&self, shared: &SharedSession) -> Result<Option<AccessToken>, StoreError> {
        let vendor = E::SPEC.vendor();
        let key = shared.key(vendor, self.login_base_url());
        let Some(record) = shared.store().get(vendor, key).await? else {
            return Ok(None);
        };
        if shared.is_rejected(record.generation) {
            return Ok(None);
        }
        let plaintext = shared
            .store()
            .keys()
            .open(key, record.generation, &record.sealed);
        let session = plaintext.as_ref().and_then(|plaintext| {
            crate::store::session_from_plaintext(
                plaintext,
                vendor,
                E::SPEC.lifetime().idle,
                E::__decode,
            )
        });
        let (Some(restored), Some(plaintext)) = (session, plaintext.as_ref()) else {
            // Sealed under another key, damaged, or from another version: as if absent; the
            // login that follows overwrites it.
            tracing::debug!(vendor, "a stored session did not open; it counts as absent");
            return Ok(None);
        };
        let now = Instant::now();
        let since_use = wall_now()
            .duration_since(record.used_at)
            .unwrap_or(Duration::ZERO);
        let Some(cached) = Cached::restored(
            restored,
            self.refresh_ahead,
            now,
            since_use,
            record.generation,
        ) else {
            return Ok(None);
        };
        if !cached.is_fresh(now) {
            return Ok(None);
        }
        cached.touch(now);
        let body = crate::store::plaintext_body(plaintext).unwrap_or_default();
        Ok(Some(self.publish(cached, body)))
    }

    /// Records in the store that the session was used, at most every tenth of its idle
    /// timeout, so that other processes count this use. Failures only cost the record.
    async fn share_use(&self, shared: &SharedSession, token: &AccessToken, now: Instant) {
        let Some(cached) = token.source.as_any().downcast_ref::<Cached>() else {
            return;
        };
        let (Some(generation), Some(idle)) = (cached.generation, cached.session.idle_timeout())
        else {
            return;
        };
        if !cached.claim_shared_use(now, idle / 10) || !shared.store().available() {
            return;
        }
        let vendor = E::SPEC.vendor();
        let key = shared.key(vendor, self.login_base_url());
        let used_at = wall_now();
        let expires_in = cached
            .valid_until
            .map(|until| until.saturating_duration_since(now));
        let ttl = store_ttl(expires_in, Some(idle));
        let _ = shared
            .store()
            .touch(vendor, key, generation, used_at, ttl)
            .await;
    }
}

/// What is left of a session's stated lifetime, as `Cached::new` measures it.
fn expiry_left<R>(session: &Session<R>) -> Option<Duration> {
    session.expires_at().map(|expires_at| {
        expires_at
            .duration_since(SystemTime::now())
            .unwrap_or(Duration::ZERO)
    })
}

/// How long a store keeps a session: until its expiry, or its idle timeout from now, whichever
/// comes first; `None` (until removed) when the vendor states neither.
fn store_ttl(expires_in: Option<Duration>, idle_timeout: Option<Duration>) -> Option<Duration> {
    match (expires_in, idle_timeout) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

impl<E: LoginEndpoint> fmt::Debug for Authenticator<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let current = self.current.load();
        f.debug_struct("Authenticator")
            .field("vendor", &E::SPEC.vendor())
            .field(
                "base_url",
                &self
                    .base_url
                    .as_deref()
                    .map(crate::client::without_user_info),
            )
            .field("refresh_ahead", &self.refresh_ahead)
            .field("logged_in", &current.is_some())
            .field(
                "shared_store",
                &self.shared.as_ref().map(SharedSession::store),
            )
            .finish_non_exhaustive()
    }
}

enum Role {
    Leader(watch::Sender<FlightResult>),
    Follower(FlightReceiver),
}

/// The leader's hold on the in-flight slot: publishes the result, and clears the slot even
/// when the leader is cancelled, so its followers do not wait forever.
struct FlightGuard<'a> {
    slot: &'a Mutex<Option<FlightReceiver>>,
    sender: watch::Sender<FlightResult>,
}

impl FlightGuard<'_> {
    fn finish(self, result: Result<AccessToken, AuthError>) {
        // The slot is cleared before the result is published: a caller arriving from now on
        // finds the stored session, or after a failure starts a new login rather than being
        // handed this one's error.
        self.clear_slot();
        self.sender.send_replace(Some(result));
    }

    fn clear_slot(&self) {
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        // Another flight may already hold the slot once this one has cleared it.
        if slot
            .as_ref()
            .is_some_and(|receiver| receiver.same_channel(&self.sender.subscribe()))
        {
            *slot = None;
        }
    }
}

impl Drop for FlightGuard<'_> {
    fn drop(&mut self) {
        self.clear_slot();
    }
}

/// A session with its expiry on tokio's clock. The session's response type is erased, so that
/// the authenticator holding it needs no bound on its endpoint.
struct Cached {
    session: Arc<dyn SessionSlot>,
    /// The session's last use as of its creation here: the login, or the last use the shared
    /// store recorded.
    logged_in_at: Instant,
    /// When to log in again regardless of use (expiry minus the refresh buffer).
    refresh_at: Option<Instant>,
    /// The idle timeout minus its refresh buffer.
    idle_limit: Option<Duration>,
    /// When the token stops being valid, without any buffer.
    valid_until: Option<Instant>,
    /// Nanoseconds from `logged_in_at` to the last token handed out.
    last_used: AtomicU64,
    /// Nanoseconds from `logged_in_at` until which the token is served after a renewal failed
    /// for a passing reason; 0 while no renewal has failed.
    serve_until: AtomicU64,
    /// How many renewals have failed in a row, for the backoff.
    failed_renewals: AtomicU32,
    /// The generation of the shared store's record of this session; `None` when it is this
    /// process's alone.
    generation: Option<u64>,
    /// Nanoseconds from `logged_in_at` to the last use recorded in the shared store.
    last_shared_use: AtomicU64,
}

impl Cached {
    fn new<R: Send + Sync + 'static>(
        session: Session<R>,
        refresh_ahead: RefreshAhead,
        now: Instant,
        generation: Option<u64>,
    ) -> Self {
        let lifetime = session.expires_at().map(|expires_at| {
            expires_at
                .duration_since(SystemTime::now())
                .unwrap_or(Duration::ZERO)
        });
        // An expiry too far away to represent is no expiry at all.
        let refresh_at = lifetime
            .and_then(|lifetime| now.checked_add(lifetime - refresh_ahead.buffer_for(lifetime)));
        let valid_until = lifetime.and_then(|lifetime| now.checked_add(lifetime));
        Cached::with_ends(
            session,
            refresh_ahead,
            now,
            (refresh_at, valid_until),
            generation,
        )
    }

    /// A session read from the shared store, last used `since_use` ago (by any process).
    /// `None` when that lies before what tokio's clock can represent.
    fn restored<R: Send + Sync + 'static>(
        restored: RestoredSession<R>,
        refresh_ahead: RefreshAhead,
        now: Instant,
        since_use: Duration,
        generation: u64,
    ) -> Option<Self> {
        let RestoredSession {
            session,
            expires_in,
            sealed_at,
        } = restored;
        let last_use = now.checked_sub(since_use)?;
        let ends = match (session.expires_at(), expires_in) {
            (Some(expires_at), Some(expires_in)) => {
                // The buffer is a share of the whole lifetime, as for a session logged in here.
                let lifetime = expires_at
                    .duration_since(session.issued_at())
                    .unwrap_or(Duration::ZERO);
                let since_sealed = wall_now()
                    .duration_since(sealed_at)
                    .unwrap_or(Duration::ZERO);
                let left = expires_in.saturating_sub(since_sealed);
                (
                    Some(now.checked_add(left.saturating_sub(refresh_ahead.buffer_for(lifetime)))?),
                    Some(now.checked_add(left)?),
                )
            }
            _ => (None, None),
        };
        Some(Cached::with_ends(
            session,
            refresh_ahead,
            last_use,
            ends,
            Some(generation),
        ))
    }

    /// `ends`: when to renew regardless of use, and when the token stops being valid.
    fn with_ends<R: Send + Sync + 'static>(
        session: Session<R>,
        refresh_ahead: RefreshAhead,
        logged_in_at: Instant,
        (refresh_at, valid_until): (Option<Instant>, Option<Instant>),
        generation: Option<u64>,
    ) -> Self {
        let idle_limit = session
            .idle_timeout()
            .map(|idle| idle - refresh_ahead.buffer_for(idle));
        Cached {
            session: Arc::new(session),
            logged_in_at,
            refresh_at,
            idle_limit,
            valid_until,
            last_used: AtomicU64::new(0),
            serve_until: AtomicU64::new(0),
            failed_renewals: AtomicU32::new(0),
            generation,
            last_shared_use: AtomicU64::new(0),
        }
    }

    fn is_fresh(&self, now: Instant) -> bool {
        if self.refresh_at.is_some_and(|at| now >= at) {
            return false;
        }
        match self.idle_limit {
            Some(limit) => {
                let last_used = self.logged_in_at
                    + Duration::from_nanos(self.last_used.load(Ordering::Relaxed));
                now.saturating_duration_since(last_used) < limit
            }
            None => true,
        }
    }

    /// Whether the token is still valid at `now`: before its expiry, and used within its idle
    /// timeout.
    fn is_valid(&self, now: Instant) -> bool {
        if self.valid_until.is_some_and(|until| now >= until) {
            return false;
        }
        match self.session.idle_timeout() {
            Some(idle) => now.saturating_duration_since(self.last_used_at()) < idle,
            None => true,
        }
    }

    /// Whether a failed renewal left the token to be served at `now`: the wait before the next
    /// renewal is running, and the token is still valid.
    fn is_serving_through(&self, now: Instant) -> bool {
        let until = self.serve_until.load(Ordering::Relaxed);
        until != 0 && self.nanos_since_login(now) < until && self.is_valid(now)
    }

    /// Puts off the next renewal after one more failure: the backoff for that many failures in
    /// a row, at least `retry_after`. Returns the wait.
    fn defer_renewal(&self, now: Instant, retry_after: Option<Duration>) -> Duration {
        let failures = self
            .failed_renewals
            .fetch_add(1, Ordering::Relaxed)
            .saturating_add(1);
        let ceiling = RENEWAL_BACKOFF
            .saturating_mul(1u32 << failures.saturating_sub(1).min(16))
            .min(RENEWAL_BACKOFF_CAP);
        // The upper half of the ceiling, so that authenticators that failed together do not
        // come back together.
        let wait = ceiling.mul_f64(0.5 + fastrand::f64() / 2.0);
        let wait = wait.max(retry_after.unwrap_or(Duration::ZERO));
        let until = self
            .nanos_since_login(now)
            .saturating_add(u64::try_from(wait.as_nanos()).unwrap_or(u64::MAX))
            .max(1);
        self.serve_until.store(until, Ordering::Relaxed);
        wait
    }

    fn last_used_at(&self) -> Instant {
        self.logged_in_at + Duration::from_nanos(self.last_used.load(Ordering::Relaxed))
    }

    fn nanos_since_login(&self, now: Instant) -> u64 {
        let since_login = now.saturating_duration_since(self.logged_in_at).as_nanos();
        u64::try_from(since_login).unwrap_or(u64::MAX)
    }

    fn touch(&self, now: Instant) {
        if self.idle_limit.is_some() {
            let since_login = now.saturating_duration_since(self.logged_in_at).as_nanos();
            self.last_used.fetch_max(
                u64::try_from(since_login).unwrap_or(u64::MAX),
                Ordering::Relaxed,
            );
        }
    }

    /// Whether the caller is the one to record a use at `now` in the shared store: the last
    /// recorded one is `interval` old or more, and no other caller claimed this one.
    fn claim_shared_use(&self, now: Instant, interval: Duration) -> bool {
        let now_nanos = self.nanos_since_login(now);
        let recorded = self.last_shared_use.load(Ordering::Relaxed);
        let interval = u64::try_from(interval.as_nanos()).unwrap_or(u64::MAX);
        now_nanos.saturating_sub(recorded) >= interval
            && self
                .last_shared_use
                .compare_exchange(recorded, now_nanos, Ordering::Relaxed, Ordering::Relaxed)
                .is_ok()
    }
}

/// A [`Session`] with its response type erased: what a [`Cached`] reads of it.
trait SessionSlot: Send + Sync + 'static {
    fn token(&self) -> &Secret;
    fn refresh_token(&self) -> Option<&Secret>;
    fn refresh_expires_at(&self) -> Option<SystemTime>;
    fn idle_timeout(&self) -> Option<Duration>;
    /// The session, to be downcast to its type.
    fn into_any(self: Arc<Self>) -> Arc<dyn std::any::Any + Send + Sync>;
}

impl<R: Send + Sync + 'static> SessionSlot for Session<R> {
    fn token(&self) -> &Secret {
        Session::token(self)
    }

    fn refresh_token(&self) -> Option<&Secret> {
        Session::refresh_token(self)
    }

    fn refresh_expires_at(&self) -> Option<SystemTime> {
        Session::refresh_expires_at(self)
    }

    fn idle_timeout(&self) -> Option<Duration> {
        Session::idle_timeout(self)
    }

    fn into_any(self: Arc<Self>) -> Arc<dyn std::any::Any + Send + Sync> {
        self
    }
}

/// What an [`AccessToken`] points into, with the session's response type erased.
trait TokenSource: Send + Sync + 'static {
    fn secret(&self) -> &Secret;
    fn as_any(&self) -> &dyn std::any::Any;
    /// The generation of the shared store's record of the session, if it has one.
    fn generation(&self) -> Option<u64>;
}

impl TokenSource for Cached {
    fn secret(&self) -> &Secret {
        self.session.token()
    }

    fn as_any(&self) -> &dyn std::any::Any {
        self
    }

    fn generation(&self) -> Option<u64> {
        self.generation
    }
}

/// A token handed out by an [`Authenticator`]: a reference-counted handle to the session's
/// token, so handing one out copies no secret and allocates nothing. Cloning it is cheap too.
///
/// `Debug` is redacted, and there is no `Display`, as for [`Secret`]: text made of a token
/// (`format!("Bearer {token}")`, reqwest's `bearer_auth(token)`) does not compile, where it
/// would send `[REDACTED]`. [`expose_secret`](AccessToken::expose_secret) gives the value to put
/// in an `Authorization` header.
#[derive(Clone)]
pub struct AccessToken {
    source: Arc<dyn TokenSource>,
}

impl AccessToken {
    /// The token's value.
    pub fn expose_secret(&self) -> &str {
        self.source.secret().expose_secret()
    }

    /// The token as a [`Secret`].
    pub fn secret(&self) -> &Secret {
        self.source.secret()
    }

    /// Not callable: an `AccessToken` has no `Display`, so it never turns into text by
    /// accident. Declared so that `.to_string()` is refused with the fix, `.expose_secret()`,
    /// rather than with the bounds of `ToString`.
    #[doc(hidden)]
    #[allow(clippy::inherent_to_string_shadow_display)]
    pub fn to_string(&self) -> String
    where
        for<'a> SecretRefusal: AccessTokenHasNoDisplay,
    {
        String::new()
    }

    /// Whether both handles point to the token of the same login.
    pub fn same_session(&self, other: &AccessToken) -> bool {
        std::ptr::addr_eq(Arc::as_ptr(&self.source), Arc::as_ptr(&other.source))
    }

    fn is_from(&self, cached: &Arc<Cached>) -> bool {
        std::ptr::addr_eq(Arc::as_ptr(&self.source), Arc::as_ptr(cached))
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken([REDACTED])")
    }
}

/// Implemented by no type: the bound that makes [`AccessToken`]'s `Display` unusable.
#[doc(hidden)]
#[diagnostic::on_unimplemented(
    message = "an `AccessToken` has no text to show: write `token.expose_secret()` where the text is needed, e.g. `format!(\"Bearer {{}}\", token.expose_secret())`",
    label = "an `AccessToken` used as text",
    note = "formatted, it would be `[REDACTED]`: a header `Bearer [REDACTED]` that the server refuses"
)]
pub trait AccessTokenHasNoDisplay {}

/// Refused with [`AccessTokenHasNoDisplay`]'s message: `format!("{token}")`,
/// `bearer_auth(token)`, `.to_string()` and any other use of an `AccessToken` as `Display`.
#[doc(hidden)]
impl fmt::Display for AccessToken
where
    for<'a> SecretRefusal: AccessTokenHasNoDisplay,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[REDACTED]")
    }
}

/// How long before a session's end an [`Authenticator`] logs in again: a fraction of the
/// lifetime, at most a cap. The default is a tenth, at most 60 s: a TalkStack session (2 hours)
/// is renewed a minute before it ends, an Up2 Money session (5 minutes idle) 30 s before.
///
/// The lifetime is the one left at login (expiry minus the time of login), or the idle timeout.
/// The buffer is never more than half the lifetime, so a short-lived session is still used.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RefreshAhead {
    fraction: f64,
    cap: Duration,
}

impl Default for RefreshAhead {
    fn default() -> Self {
        RefreshAhead {
            fraction: DEFAULT_REFRESH_FRACTION,
            cap: DEFAULT_REFRESH_CAP,
        }
    }
}

impl RefreshAhead {
    /// `fraction` of the lifetime (taken within `0.0..=0.5`), at most `cap`.
    pub fn fraction(fraction: f64, cap: Duration) -> Self {
        let fraction = if fraction.is_nan() {
            0.0
        } else {
            fraction.clamp(0.0, 0.5)
        };
        RefreshAhead { fraction, cap }
    }

    /// A fixed buffer, whatever the lifetime (still at most half of it).
    pub fn fixed(buffer: Duration) -> Self {
        RefreshAhead {
            fraction: 0.5,
            cap: buffer,
        }
    }

    /// No buffer: a session is used until the very end of its documented lifetime.
    pub fn none() -> Self {
        RefreshAhead::fixed(Duration::ZERO)
    }

    /// The buffer for a session that lasts `lifetime`.
    pub fn buffer_for(&self, lifetime: Duration) -> Duration {
        lifetime.mul_f64(self.fraction).min(self.cap)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refresh_buffer_is_a_capped_fraction() {
        let default = RefreshAhead::default();
        assert_eq!(
            default.buffer_for(Duration::from_secs(7200)),
            Duration::from_secs(60)
        );
        assert_eq!(
            default.buffer_for(Duration::from_secs(300)),
            Duration::from_secs(30)
        );
        assert_eq!(default.buffer_for(Duration::ZERO), Duration::ZERO);
        let fixed = RefreshAhead::fixed(Duration::from_secs(120));
        assert_eq!(
            fixed.buffer_for(Duration::from_secs(7200)),
            Duration::from_secs(120)
        );
        assert_eq!(
            fixed.buffer_for(Duration::from_secs(100)),
            Duration::from_secs(50)
        );
        assert_eq!(
            RefreshAhead::fraction(3.0, Duration::MAX).buffer_for(Duration::from_secs(10)),
            Duration::from_secs(5)
        );
        assert_eq!(
            RefreshAhead::none().buffer_for(Duration::from_secs(10)),
            Duration::ZERO
        );
    }
}
