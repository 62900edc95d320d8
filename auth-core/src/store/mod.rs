//! Sessions shared between processes: the [`SessionStore`] trait behind an
//! [`Authenticator`](crate::Authenticator), its three stores, and how sessions are sealed.
//!
//! An [`Authenticator`](crate::Authenticator) keeps its session in memory, read without a lock.
//! Given a [`SharedStore`] with [`with_store`](crate::Authenticator::with_store), it also looks
//! in the store before logging in, and writes each new session there, so the processes of a
//! fleet (or the successive runs of a CLI) log in once between them:
//!
//! ```text
//! token() ──hit──▶ in-memory session (no lock)
//!    │miss
//!    ▼
//! one task per process ──▶ store.get ──fresh──▶ use it
//!                              │stale/absent
//!                              ▼
//!                    store.lease ──▶ store.get again ──▶ log in ──▶ store.put(generation) ──▶ release
//! ```
//!
//! | store | for | lease | shared by |
//! |---|---|---|---|
//! | none (the default) | one long-lived process | — | the tasks of one process |
//! | [`MemoryStore`] | several authenticators in one process | expires after its TTL | one process |
//! | [`FileStore`] | CLIs, cron jobs, processes on one host | an OS file lock, released when its holder ends | the processes of one host |
//! | `RedisStore` (feature `redis`) | replicas on many hosts | `SET NX PX` with an owner token | every process that reaches the server |
//!
//! # What is stored, and how it is sealed
//!
//! Only the session: its token, refresh token, issue and expiry times, and the vendor's success
//! body it was read from, so that [`Session::response`](crate::Session::response) is the same
//! typed response in every process. Never the credentials of the login: a success body that
//! contains one of them is not shared. The value is sealed with XChaCha20-Poly1305 under a
//! [`SealingKey`] the app provides: a random nonce per value, the key's id stored beside it,
//! and the store key and generation bound to it as associated data, so a value copied under
//! another key or generation does not open. A value that does not open or parse counts as
//! absent: the authenticator logs in and overwrites it.
//!
//! Store keys name the vendor and hide everything else: the base URL and the principal (the
//! account, an e-mail for instance) go through a keyed hash, so an e-mail never appears in a
//! key. See [`SharedStore::key_for`].
//!
//! # When the store is down
//!
//! Availability wins over sharing. A store operation that fails or outlasts
//! [`SharedStore::with_operation_timeout`] makes the authenticator log in on its own, without
//! writing, and logs one warning for the outage. The store is left alone for
//! [`SharedStore::with_retry_after`]; the first operation that succeeds after that logs that the
//! store is back, and logins go through it again.

mod file;
mod memory;
#[cfg(feature = "redis")]
mod redis;
mod seal;
mod shared;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

pub use file::FileStore;
pub use memory::MemoryStore;
#[cfg(feature = "redis")]
pub use redis::RedisStore;
pub use seal::SealingKey;
pub(crate) use seal::{RestoredSession, plaintext_body, session_from_plaintext, session_plaintext};
pub use shared::SharedStore;
pub(crate) use shared::{Leased, SharedSession};

/// The future a [`SessionStore`] operation returns.
pub type StoreFuture<'a, T> = Pin<Box<dyn Future<Output = Result<T, StoreError>> + Send + 'a>>;

/// Where sessions are kept between processes.
///
/// A store keeps one record per [`StoreKey`]: a sealed value (opaque bytes), the generation
/// that wrote it and when the session was last used. It also grants leases and hands out
/// generations. Implementations must make each operation atomic with respect to the others on
/// the same key, from any process that shares the store:
///
/// - [`lease`](SessionStore::lease) takes the key's lease for `owner` unless another owner
///   holds it, and returns a new generation, greater than every one handed out for the key
///   before;
/// - [`put`](SessionStore::put) writes only if `generation` is the latest handed out (so the
///   write of a holder whose lease lapsed, and which a newer holder has replaced, is fenced off);
/// - [`remove`](SessionStore::remove) and [`touch`](SessionStore::touch) act only on the record
///   of the given generation (compare-and-delete, compare-and-set);
/// - a record is gone once its TTL has passed.
///
/// The stores of this crate are [`MemoryStore`], [`FileStore`] and, with the `redis` feature,
/// `RedisStore`. A store never sees a credential or an unsealed token.
pub trait SessionStore: fmt::Debug + Send + Sync + 'static {
    /// The record under `key`, if there is one and its TTL has not passed.
    fn get<'a>(&'a self, key: &'a StoreKey) -> StoreFuture<'a, Option<StoredRecord>>;

    /// Takes the lease on `key` for `owner` for `ttl`: `Some(generation)` when taken, `None`
    /// when another owner holds it.
    fn lease<'a>(
        &'a self,
        key: &'a StoreKey,
        owner: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<u64>>;

    /// Writes the record of `generation`, last used at `used_at`, kept for `ttl` (`None`: until
    /// removed). Returns `false`, writing nothing, when `generation` is not the latest handed
    /// out for `key`.
    fn put<'a>(
        &'a self,
        key: &'a StoreKey,
        generation: u64,
        sealed: &'a [u8],
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> StoreFuture<'a, bool>;

    /// Gives up the lease on `key` if `owner` still holds it; a lease another owner took since
    /// is left alone.
    fn release<'a>(&'a self, key: &'a StoreKey, owner: &'a str) -> StoreFuture<'a, ()>;

    /// Removes the record under `key` if it is still the one `generation` wrote. Returns
    /// whether it was removed.
    fn remove<'a>(&'a self, key: &'a StoreKey, generation: u64) -> StoreFuture<'a, bool>;

    /// Records that the session of `generation` was used at `used_at` (a later time than the
    /// stored one only) and keeps it for `ttl` from now. Returns whether the record of that
    /// generation was there.
    fn touch<'a>(
        &'a self,
        key: &'a StoreKey,
        generation: u64,
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> StoreFuture<'a, bool>;
}

/// What a [`SessionStore`] keeps under a key.
#[derive(Clone, PartialEq, Eq)]
pub struct StoredRecord {
    /// The generation that wrote it.
    pub generation: u64,
    /// The sealed session: opaque to the store.
    pub sealed: Vec<u8>,
    /// When the session was last used, by any process.
    pub used_at: SystemTime,
}

impl fmt::Debug for StoredRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StoredRecord")
            .field("generation", &self.generation)
            .field("sealed_bytes", &self.sealed.len())
            .field("used_at", &self.used_at)
            .finish()
    }
}

/// The key of one session in a [`SessionStore`]: the vendor's name as a slug, then a keyed
/// hash of the base URL and the principal, e.g. `up2-money-3f9c…` (32 hex digits). Only
/// ASCII letters, digits and `-`, so it is a valid Redis key and file name alike.
///
/// Made by [`SharedStore::key_for`].
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StoreKey(String);

impl StoreKey {
    /// The key as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for StoreKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A store that failed, timed out, or was configured with something it cannot use.
///
/// Its text names what failed, never a credential, a token or a connection password.
#[derive(Debug)]
pub struct StoreError {
    message: String,
    timeout: bool,
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl StoreError {
    /// An error saying `message`.
    pub fn new(message: impl Into<String>) -> Self {
        StoreError {
            message: message.into(),
            timeout: false,
            source: None,
        }
    }

    /// An operation that took longer than `limit`.
    pub fn timeout(operation: &str, limit: Duration) -> Self {
        StoreError {
            message: format!("the store did not answer {operation} within {limit:?}"),
            timeout: true,
            source: None,
        }
    }

    /// The error that caused this one.
    #[must_use]
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.source = Some(Box::new(source));
        self
    }

    /// Whether the store did not answer in time.
    pub fn is_timeout(&self) -> bool {
        self.timeout
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(source) = &self.source {
            write!(f, ": {source}")?;
        }
        Ok(())
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}

/// The wall-clock time on tokio's clock: the wall clock read once, moved on by tokio's
/// [`Instant`](tokio::time::Instant) since. Stored times (expiry, last use) are compared with
/// it, so they follow the same clock as the in-memory session, paused clocks included.
pub(crate) fn wall_now() -> SystemTime {
    static ANCHOR: OnceLock<(SystemTime, std::time::Instant)> = OnceLock::new();
    let now = tokio::time::Instant::now().into_std();
    let (wall, anchor) = *ANCHOR.get_or_init(|| (SystemTime::now(), now));
    match now.checked_duration_since(anchor) {
        Some(since) => wall + since,
        None => wall - anchor.duration_since(now),
    }
}

/// Milliseconds since the Unix epoch (0 before it), as stores write times.
pub(crate) fn unix_millis(time: SystemTime) -> u64 {
    time.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |since| {
            u64::try_from(since.as_millis()).unwrap_or(u64::MAX)
        })
}

/// The time `millis` after the Unix epoch.
pub(crate) fn from_unix_millis(millis: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_millis(millis)
}
