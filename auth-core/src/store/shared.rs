//! [`SharedStore`]: a [`SessionStore`] with its sealing key, timeouts and outage tracking, as
//! authenticators use it.

use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::{Duration, SystemTime};

use tokio::time::Instant;

use super::seal::Keys;
use super::{SealingKey, SessionStore, StoreError, StoreFuture, StoreKey, StoredRecord};

const DEFAULT_LEASE_TTL: Duration = Duration::from_secs(30);
const DEFAULT_OPERATION_TIMEOUT: Duration = Duration::from_secs(1);
const DEFAULT_RETRY_AFTER: Duration = Duration::from_secs(5);

/// A [`SessionStore`] as authenticators share it: the store, the app's [`SealingKey`], and how
/// long to wait for it. Give it to [`Authenticator::with_store`](crate::Authenticator::with_store)
/// with the principal the login is for.
///
/// Cloning is cheap and clones share the store and its outage state (one warning per outage,
/// whichever authenticator meets it).
///
/// ```no_run
/// # #[auth_core::login_endpoint(vendor = "Example", base_url = "https://api.example.com",
/// #     path = "/login", response = Resp, token = token)]
/// # pub struct Login { email: String, #[login(secret)] password: auth_core::Secret }
/// # #[derive(serde::Deserialize)] pub struct Resp { token: auth_core::Secret }
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use auth_core::store::{FileStore, SealingKey, SharedStore};
/// use auth_core::{Authenticator, LoginClient};
///
/// let key = SealingKey::from_hex("2024-06", &std::env::var("SESSION_KEY")?)?;
/// let shared = SharedStore::new(FileStore::new("/var/lib/my-app/sessions")?, key);
/// let login = Login::builder().email("me@example.com").password("hunter2").build();
/// let auth = Authenticator::new(LoginClient::new()?, login).with_store(&shared, "me@example.com");
/// // The first process to ask logs in; the others, now and in later runs, read its session.
/// let token = auth.token().await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct SharedStore {
    store: Arc<dyn SessionStore>,
    keys: Arc<Keys>,
    lease_ttl: Duration,
    operation_timeout: Duration,
    retry_after: Duration,
    health: Arc<Health>,
}

impl SharedStore {
    /// `store`, with values sealed under `key`.
    pub fn new(store: impl SessionStore, key: SealingKey) -> Self {
        SharedStore {
            store: Arc::new(store),
            keys: Arc::new(Keys::derive(&key)),
            lease_ttl: DEFAULT_LEASE_TTL,
            operation_timeout: DEFAULT_OPERATION_TIMEOUT,
            retry_after: DEFAULT_RETRY_AFTER,
            health: Arc::new(Health::default()),
        }
    }

    /// How long a login's lease lasts (default 30 s): longer than a login takes, including the
    /// client's retries, and short enough that others take over soon after a holder died.
    /// Waiting processes give up after twice this and log in on their own.
    #[must_use]
    pub fn with_lease_ttl(mut self, ttl: Duration) -> Self {
        self.lease_ttl = ttl.max(Duration::from_millis(1));
        self
    }

    /// How long one store operation may take (default 1 s) before the store counts as down.
    #[must_use]
    pub fn with_operation_timeout(mut self, timeout: Duration) -> Self {
        self.operation_timeout = timeout;
        self
    }

    /// How long to leave a store that failed alone before trying it again (default 5 s).
    /// Meanwhile authenticators log in on their own.
    #[must_use]
    pub fn with_retry_after(mut self, retry_after: Duration) -> Self {
        self.retry_after = retry_after;
        self
    }

    /// The key under which `principal`'s session with `vendor` at `base_url` is stored (the
    /// vendor as [`EndpointSpec::vendor`](crate::EndpointSpec::vendor) names it, the base URL
    /// the authenticator logs in at). Handy to look at or delete one session by hand.
    pub fn key_for(&self, vendor: &str, base_url: &str, principal: &str) -> StoreKey {
        self.keys.key_for(vendor, base_url, principal)
    }

    /// The store itself.
    pub fn store(&self) -> &dyn SessionStore {
        &*self.store
    }

    pub(crate) fn keys(&self) -> &Keys {
        &self.keys
    }

    pub(crate) fn lease_ttl(&self) -> Duration {
        self.lease_ttl
    }

    /// Whether the store may be asked: it is not in the pause after a failure.
    pub(crate) fn available(&self) -> bool {
        self.health.available()
    }

    /// Runs one operation within the operation timeout, recording the store's health.
    async fn run<T>(
        &self,
        vendor: &'static str,
        operation: &'static str,
        future: StoreFuture<'_, T>,
    ) -> Result<T, StoreError> {
        let result = match tokio::time::timeout(self.operation_timeout, future).await {
            Ok(result) => result,
            Err(_) => Err(StoreError::timeout(operation, self.operation_timeout)),
        };
        match &result {
            Ok(_) => self.health.succeeded(vendor),
            Err(error) => self
                .health
                .failed(vendor, operation, error, self.retry_after),
        }
        result
    }

    pub(crate) async fn get(
        &self,
        vendor: &'static str,
        key: &StoreKey,
    ) -> Result<Option<StoredRecord>, StoreError> {
        self.run(vendor, "a read", self.store.get(key)).await
    }

    /// Takes the lease on `key`: `Some` when taken, `None` when another owner holds it.
    pub(crate) async fn lease(
        &self,
        vendor: &'static str,
        key: &StoreKey,
    ) -> Result<Option<Leased>, StoreError> {
        let owner = owner_token()
            .ok_or_else(|| StoreError::new("no random owner token could be drawn for a lease"))?;
        let generation = self
            .run(
                vendor,
                "a lease",
                self.store.lease(key, &owner, self.lease_ttl),
            )
            .await?;
        Ok(generation.map(|generation| Leased {
            store: self.clone(),
            vendor,
            key: key.clone(),
            owner,
            generation,
            released: false,
        }))
    }

    pub(crate) async fn put(
        &self,
        vendor: &'static str,
        key: &StoreKey,
        generation: u64,
        sealed: &[u8],
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> Result<bool, StoreError> {
        self.run(
            vendor,
            "a write",
            self.store.put(key, generation, sealed, used_at, ttl),
        )
        .await
    }

    pub(crate) async fn remove(
        &self,
        vendor: &'static str,
        key: &StoreKey,
        generation: u64,
    ) -> Result<bool, StoreError> {
        self.run(vendor, "a removal", self.store.remove(key, generation))
            .await
    }

    pub(crate) async fn touch(
        &self,
        vendor: &'static str,
        key: &StoreKey,
        generation: u64,
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> Result<bool, StoreError> {
        self.run(
            vendor,
            "a use",
            self.store.touch(key, generation, used_at, ttl),
        )
        .await
    }
}

impl fmt::Debug for SharedStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SharedStore")
            .field("store", &self.store)
            .field("lease_ttl", &self.lease_ttl)
            .field("operation_timeout", &self.operation_timeout)
            .field("retry_after", &self.retry_after)
            .field("available", &self.available())
            .finish_non_exhaustive()
    }
}

/// 128 random bits in hex: whose lease it is.
fn owner_token() -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// Whether the store is down, so that an outage costs one timeout and one warning, not one
/// per call.
#[derive(Default)]
struct Health {
    /// Until when to leave the store alone; `Some` while it is down.
    down_until: Mutex<Option<Instant>>,
}

impl Health {
    fn available(&self) -> bool {
        let down_until = self
            .down_until
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        down_until.is_none_or(|until| Instant::now() >= until)
    }

    fn failed(
        &self,
        vendor: &'static str,
        operation: &'static str,
        error: &StoreError,
        retry_after: Duration,
    ) {
        let mut down_until = self
            .down_until
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if down_until.is_none() {
            tracing::warn!(
                vendor,
                operation,
                error = %error,
                "the shared session store failed; logging in without it until it answers again"
            );
        }
        *down_until = Some(Instant::now() + retry_after);
    }

    fn succeeded(&self, vendor: &'static str) {
        let mut down_until = self
            .down_until
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if down_until.take().is_some() {
            tracing::info!(
                vendor,
                "the shared session store answers again; sessions are shared again"
            );
        }
    }
}

/// A lease this process holds. Released explicitly; if dropped unreleased (the login was
/// cancelled), it is released in the background when a tokio runtime is at hand, else it
/// lapses after its TTL.
pub(crate) struct Leased {
    store: SharedStore,
    vendor: &'static str,
    key: StoreKey,
    owner: String,
    generation: u64,
    released: bool,
}

impl Leased {
    pub(crate) fn generation(&self) -> u64 {
        self.generation
    }

    pub(crate) async fn release(mut self) {
        self.released = true;
        // A failed release only means the lease lapses after its TTL.
        let _ = self
            .store
            .run(
                self.vendor,
                "a release",
                self.store.store.release(&self.key, &self.owner),
            )
            .await;
    }
}

impl Drop for Leased {
    fn drop(&mut self) {
        if self.released {
            return;
        }
        if let Ok(runtime) = tokio::runtime::Handle::try_current() {
            let store = Arc::clone(&self.store.store);
            let key = self.key.clone();
            let owner = std::mem::take(&mut self.owner);
            runtime.spawn(async move {
                let _ = store.release(&key, &owner).await;
            });
        }
    }
}

/// What an authenticator knows about its place in a [`SharedStore`].
pub(crate) struct SharedSession {
    store: SharedStore,
    principal: String,
    key: OnceLock<StoreKey>,
    /// The generation of a token this process reported rejected: a stored session of that
    /// generation is never used again. 0 for none (generations start at 1).
    rejected: AtomicU64,
    /// That generation again, until the next login removes it from the store.
    pending_removal: AtomicU64,
}

impl SharedSession {
    pub(crate) fn new(store: SharedStore, principal: String) -> Self {
        SharedSession {
            store,
            principal,
            key: OnceLock::new(),
            rejected: AtomicU64::new(0),
            pending_removal: AtomicU64::new(0),
        }
    }

    pub(crate) fn store(&self) -> &SharedStore {
        &self.store
    }

    /// The store key, derived on first use (after the base URL is final).
    pub(crate) fn key(&self, vendor: &str, base_url: &str) -> &StoreKey {
        self.key
            .get_or_init(|| self.store.key_for(vendor, base_url, &self.principal))
    }

    pub(crate) fn reject(&self, generation: u64) {
        self.rejected.store(generation, Ordering::Relaxed);
        self.pending_removal.store(generation, Ordering::Relaxed);
    }

    pub(crate) fn is_rejected(&self, generation: u64) -> bool {
        self.rejected.load(Ordering::Relaxed) == generation
    }

    pub(crate) fn take_pending_removal(&self) -> Option<u64> {
        match self.pending_removal.swap(0, Ordering::Relaxed) {
            0 => None,
            generation => Some(generation),
        }
    }
}
