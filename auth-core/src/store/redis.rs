//! [`RedisStore`]: a [`SessionStore`] on a Redis server, shared by processes on many hosts.

use std::fmt;
use std::time::{Duration, SystemTime};

use redis::aio::MultiplexedConnection;
use redis::{AsyncConnectionConfig, Script};

use super::{
    SessionStore, StoreError, StoreFuture, StoreKey, StoredRecord, from_unix_millis, unix_millis,
};

const DEFAULT_PREFIX: &str = "login-endpoint";
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(1);

/// Takes the lease (`SET NX PX` with the owner's token) and, when it is taken, hands out the
/// next generation.
const LEASE: &str = r"
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
return false
";

/// Writes the record only if its generation is the latest handed out: the fence.
const PUT: &str = r"
if redis.call('GET', KEYS[2]) ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'gen', ARGV[1], 'value', ARGV[2], 'used', ARGV[3])
if ARGV[4] ~= '0' then
  redis.call('PEXPIRE', KEYS[1], ARGV[4])
end
return 1
";

/// Compare-and-delete of the lease: only its owner releases it.
const RELEASE: &str = r"
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

/// Compare-and-delete of the record: only the generation that is still stored.
const REMOVE: &str = r"
if redis.call('HGET', KEYS[1], 'gen') == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
";

/// Records a later use of the stored generation and renews its TTL.
const TOUCH: &str = r"
if redis.call('HGET', KEYS[1], 'gen') ~= ARGV[1] then
  return 0
end
local used = tonumber(redis.call('HGET', KEYS[1], 'used') or '0')
if tonumber(ARGV[2]) > used then
  redis.call('HSET', KEYS[1], 'used', ARGV[2])
  if ARGV[3] ~= '0' then
    redis.call('PEXPIRE', KEYS[1], ARGV[3])
  else
    redis.call('PERSIST', KEYS[1])
  end
end
return 1
";

/// Sessions on a Redis server (feature `redis`), for replicas on many hosts.
///
/// Three keys per session, in one hash slot (`{…}`) so a Redis Cluster keeps them together:
///
/// - `<prefix>:{<key>}:session`, a hash: `value` (the sealed session), `gen` (the generation
///   that wrote it), `used` (last use, Unix milliseconds); it expires with the session
///   (`PEXPIRE` to its remaining lifetime, renewed by use for idle timeouts);
/// - `<prefix>:{<key>}:lease`: the lease, `SET NX PX` with a random owner token, released by a
///   Lua compare-and-delete so that a lapsed holder never releases its successor's lease;
/// - `<prefix>:{<key>}:gen`: the latest generation, `INCR`ed with each lease. A write is made
///   (in Lua) only if its generation is still the latest, which fences off a holder whose lease
///   lapsed while it was logging in.
///
/// The connection is made on first use and made again after any failure, so a server that
/// comes back is used again without a restart. Each command is bounded by
/// [`with_timeout`](RedisStore::with_timeout), connecting included.
///
/// ```no_run
/// use auth_core::store::{RedisStore, SealingKey, SharedStore};
///
/// let store = RedisStore::new("redis://127.0.0.1:6379")?;
/// let key = SealingKey::from_hex("2024-06", &std::env::var("SESSION_KEY").unwrap_or_default())?;
/// let shared = SharedStore::new(store, key);
/// # Ok::<(), auth_core::store::StoreError>(())
/// ```
pub struct RedisStore {
    client: redis::Client,
    prefix: String,
    timeout: Duration,
    connection: tokio::sync::Mutex<Option<MultiplexedConnection>>,
    scripts: Scripts,
}

struct Scripts {
    lease: Script,
    put: Script,
    release: Script,
    remove: Script,
    touch: Script,
}

impl RedisStore {
    /// A store on the server at `url` (`redis://[user:password@]host[:port][/db]`, or
    /// `rediss://` with TLS where the `redis` crate's TLS features are enabled). Nothing is
    /// sent until the first operation.
    pub fn new(url: &str) -> Result<Self, StoreError> {
        // The URL may carry a password, so neither it nor the parser's message is repeated.
        let client = redis::Client::open(url).map_err(|_| {
            StoreError::new("the Redis URL is not valid (expected redis://host:port)")
        })?;
        Ok(RedisStore {
            client,
            prefix: DEFAULT_PREFIX.to_owned(),
            timeout: DEFAULT_TIMEOUT,
            connection: tokio::sync::Mutex::new(None),
            scripts: Scripts {
                lease: Script::new(LEASE),
                put: Script::new(PUT),
                release: Script::new(RELEASE),
                remove: Script::new(REMOVE),
                touch: Script::new(TOUCH),
            },
        })
    }

    /// The prefix of every key (default `login-endpoint`), to keep apps apart on one server.
    #[must_use]
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = prefix.into();
        self
    }

    /// How long connecting, and then each command, may take (default 1 s).
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    fn key(&self, key: &StoreKey, part: &str) -> String {
        format!("{}:{{{}}}:{part}", self.prefix, key.as_str())
    }

    async fn connection(&self) -> Result<MultiplexedConnection, StoreError> {
        let mut slot = self.connection.lock().await;
        if let Some(connection) = slot.as_ref() {
            return Ok(connection.clone());
        }
        let config = AsyncConnectionConfig::new()
            .set_connection_timeout(Some(self.timeout))
            .set_response_timeout(Some(self.timeout));
        let connection = self
            .client
            .get_multiplexed_async_connection_with_config(&config)
            .await
            .map_err(|e| redis_error("connecting", e))?;
        *slot = Some(connection.clone());
        Ok(connection)
    }

    /// Runs `command` on the connection, dropping the connection after a failure so that the
    /// next operation connects again.
    async fn run<T>(
        &self,
        what: &'static str,
        command: impl AsyncFnOnce(&mut MultiplexedConnection) -> redis::RedisResult<T>,
    ) -> Result<T, StoreError> {
        let mut connection = self.connection().await?;
        match command(&mut connection).await {
            Ok(value) => Ok(value),
            Err(error) => {
                if !matches!(error.kind(), redis::ErrorKind::Server(_)) {
                    *self.connection.lock().await = None;
                }
                Err(redis_error(what, error))
            }
        }
    }
}

fn redis_error(what: &str, error: redis::RedisError) -> StoreError {
    if error.is_timeout() {
        StoreError::new(format!("Redis did not answer {what} in time")).with_source(error)
    } else {
        StoreError::new(format!("Redis failed {what}")).with_source(error)
    }
}

/// A TTL in whole milliseconds, at least 1 (0 would mean "no expiry" to the scripts).
fn ttl_millis(ttl: Duration) -> u64 {
    u64::try_from(ttl.as_millis()).unwrap_or(u64::MAX).max(1)
}

fn ttl_arg(ttl: Option<Duration>) -> u64 {
    ttl.map_or(0, ttl_millis)
}

impl SessionStore for RedisStore {
    fn get<'a>(&'a self, key: &'a StoreKey) -> StoreFuture<'a, Option<StoredRecord>> {
        Box::pin(self.run("reading a session", async move |connection| {
            let (generation, sealed, used): (Option<u64>, Option<Vec<u8>>, Option<u64>) =
                redis::cmd("HMGET")
                    .arg(self.key(key, "session"))
                    .arg("gen")
                    .arg("value")
                    .arg("used")
                    .query_async(connection)
                    .await?;
            Ok(match (generation, sealed) {
                (Some(generation), Some(sealed)) => Some(StoredRecord {
                    generation,
                    sealed,
                    used_at: from_unix_millis(used.unwrap_or(0)),
                }),
                _ => None,
            })
        }))
    }

    fn lease<'a>(
        &'a self,
        key: &'a StoreKey,
        owner: &'a str,
        ttl: Duration,
    ) -> StoreFuture<'a, Option<u64>> {
        Box::pin(self.run("taking a lease", async move |connection| {
            self.scripts
                .lease
                .key(self.key(key, "lease"))
                .key(self.key(key, "gen"))
                .arg(owner)
                .arg(ttl_millis(ttl))
                .invoke_async(connection)
                .await
        }))
    }

    fn put<'a>(
        &'a self,
        key: &'a StoreKey,
        generation: u64,
        sealed: &'a [u8],
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> StoreFuture<'a, bool> {
        Box::pin(self.run("writing a session", async move |connection| {
            let written: u8 = self
                .scripts
                .put
                .key(self.key(key, "session"))
                .key(self.key(key, "gen"))
                .arg(generation)
                .arg(sealed)
                .arg(unix_millis(used_at))
                .arg(ttl_arg(ttl))
                .invoke_async(connection)
                .await?;
            Ok(written == 1)
        }))
    }

    fn release<'a>(&'a self, key: &'a StoreKey, owner: &'a str) -> StoreFuture<'a, ()> {
        Box::pin(self.run("releasing a lease", async move |connection| {
            let _: u8 = self
                .scripts
                .release
                .key(self.key(key, "lease"))
                .arg(owner)
                .invoke_async(connection)
                .await?;
            Ok(())
        }))
    }

    fn remove<'a>(&'a self, key: &'a StoreKey, generation: u64) -> StoreFuture<'a, bool> {
        Box::pin(self.run("removing a session", async move |connection| {
            let removed: u8 = self
                .scripts
                .remove
                .key(self.key(key, "session"))
                .arg(generation)
                .invoke_async(connection)
                .await?;
            Ok(removed == 1)
        }))
    }

    fn touch<'a>(
        &'a self,
        key: &'a StoreKey,
        generation: u64,
        used_at: SystemTime,
        ttl: Option<Duration>,
    ) -> StoreFuture<'a, bool> {
        Box::pin(self.run("recording a use", async move |connection| {
            let touched: u8 = self
                .scripts
                .touch
                .key(self.key(key, "session"))
                .arg(generation)
                .arg(unix_millis(used_at))
                .arg(ttl_arg(ttl))
                .invoke_async(connection)
                .await?;
            Ok(touched == 1)
        }))
    }
}

impl fmt::Debug for RedisStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Not the URL: it may carry a password.
        f.debug_struct("RedisStore")
            .field("prefix", &self.prefix)
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}
