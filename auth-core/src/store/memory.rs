//! [`MemoryStore`]: a [`SessionStore`] inside one process.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use tokio::time::Instant;

use super::{SessionStore, StoreFuture, StoreKey, StoredRecord};

/// Sessions kept in this process's memory, shared by the authenticators given the same
/// [`SharedStore`](super::SharedStore).
///
/// An authenticator without a store already keeps its session in memory; this store is for
/// several authenticators of the same account in one process (a plugin host, a test), and it
/// follows the same protocol as the stores that cross processes: leases that lapse after their
/// TTL, generations, fenced writes. Time is tokio's clock, so a paused clock moves it.
///
/// ```
/// use auth_core::store::{MemoryStore, SealingKey, SharedStore};
///
/// let key = SealingKey::new("k1", [7; 32])?;
/// let shared = SharedStore::new(MemoryStore::new(), key);
/// # Ok::<(), auth_core::store::StoreError>(())
/// ```
#[derive(Default)]
pub struct MemoryStore {
    entries: Mutex<HashMap<StoreKey, Entry>>,
}

#[derive(Default)]
struct Entry {
    /// The record and when its TTL ends.
    record: Option<(StoredRecord, Option<Instant>)>,
    /// The lease's owner and when it lapses.
    lease: Option<(String, Instant)>,
    /// The latest generation handed out.
    generation: u64,
}

impl Entry {
    fn live_record(&mut self, now: Instant) -> Option<&mut StoredRecord> {
        if self
            .record
            .as_ref()
            .is_some_and(|(_, until)| until.is_some_and(|until| now >= until))
        {
            self.record = None;
        }
        self.record.as_mut().map(|(record, _)| record)
    }

    fn lease_holder(&self, now: Instant) -> Option<&str> {
        self.lease
            .as_ref()
            .filter(|(_, until)| now < *until)
            .map(|(owner, _)| owner.as_str())
    }
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        MemoryStore::default()
    }

    fn with_entry<T>(&self, key: &StoreKey, f: impl FnOnce(&mut Entry, Instant) -> T) -> T {
        let mut entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        let entry = entries.entry(key.clone()).or_default();
        f(entry, Instant::now())
    }
}

fn until(now: Instant, ttl: Option<Duration>) -> Option<Instant> {
    ttl.and_then(|ttl| now.checked_add(ttl))
}

impl SessionStore for MemoryStore {
    fn get<'a>(&'a self, key: &'a StoreKey) -> StoreFuture<'a, Option<StoredRecord>> {
        let record = self.with_entry(key, |entry, now| entry.live_record(now).cloned());
        Box::pin(async move { Ok(record) })
    }

    fn lease<'a>(
        &'a self,
        key: &'a StoreKey,
        owner: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<u64>> {
        let generation = self.with_entry(key, |entry, now| {
            if entry.lease_holder(now).is_some() {
                return None;
            }
            entry.lease = Some((owner.to_owned(), now + ttl));
            entry.generation += 1;
            Some(entry.generation)
        });
        Box::pin(async move { Ok(generation) })
    }

    fn put<'a>(
        &'a self,
        key: &'a StoreKey,
        generation: u64,
        sealed: &'a [u8],
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> StoreFuture<'a, bool> {
        let written = self.with_entry(key, |entry, now| {
            if entry.generation != generation {
                return false;
            }
            let record = StoredRecord {
                generation,
                sealed: sealed.to_vec(),
                used_at,
            };
            entry.record = Some((record, until(now, ttl)));
            true
        });
        Box::pin(async move { Ok(written) })
    }

    fn release<'a>(&'a self, key: &'a StoreKey, owner: &'a str) -> StoreFuture<'a, ()> {
        self.with_entry(key, |entry, _| {
            if entry
                .lease
                .as_ref()
                .is_some_and(|(holder, _)| holder == owner)
            {
                entry.lease = None;
            }
        });
        Box::pin(async { Ok(()) })
    }

    fn remove<'a>(&'a self, key: &'a StoreKey, generation: u64) -> StoreFuture<'a, bool> {
        let removed = self.with_entry(key, |entry, now| {
            let matches = entry
                .live_record(now)
                .is_some_and(|record| record.generation == generation);
            if matches {
                entry.record = None;
            }
            matches
        });
        Box::pin(async move { Ok(removed) })
    }

    fn touch<'a>(
        &'a self,
        key: &'a StoreKey,
        generation: u64,
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> StoreFuture<'a, bool> {
        let touched = self.with_entry(key, |entry, now| {
            let Some(record) = entry.live_record(now) else {
                return false;
            };
            if record.generation != generation {
                return false;
            }
            if used_at > record.used_at {
                record.used_at = used_at;
                if let Some((_, record_until)) = entry.record.as_mut() {
                    *record_until = until(now, ttl);
                }
            }
            true
        });
        Box::pin(async move { Ok(touched) })
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries = self.entries.lock().unwrap_or_else(PoisonError::into_inner);
        f.debug_struct("MemoryStore")
            .field("keys", &entries.len())
            .finish()
    }
}
