//! Sessions shared through a store, within one test process: every store keeps the protocol
//! (leases, fenced writes, compare-and-delete, use records, TTLs), values are sealed at rest and
//! a value that does not open counts as absent, the typed response comes back, idle-timeout use
//! counts across authenticators, a rejected token is removed only while it is the stored one,
//! and a store that never answers costs one timeout and one warning.
//!
//! Redis is a real `redis-server` each test starts on a free loopback port. The processes of
//! a fleet, as real child processes, are in `shared_processes.rs`.

use crate::directus;
use crate::redis_server;
use crate::scratch_dir;

use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

use auth_core::store::{
    FileStore, MemoryStore, RedisStore, SealingKey, SessionStore, SharedStore, StoreKey,
};
use auth_core::{Authenticator, LoginClient, LoginEndpoint, RetryPolicy};
use redis_server::RedisServer;
use scratch_dir::ScratchDir;
use tokio::task::JoinSet;
use vendors::sandbox::{Sandbox, demo};
use vendors::{project_thanos, talkstack, up2_money};

fn key() -> SealingKey {
    SealingKey::new("test-1", [0x5e; 32]).unwrap()
}

fn client() -> LoginClient {
    LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap()
}

fn talkstack_login() -> talkstack::Login {
    talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build()
}

fn up2_login() -> up2_money::Login {
    up2_money::Login::builder()
        .api_secret(demo::API_SECRET)
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build()
}

fn thanos_login() -> project_thanos::Login {
    project_thanos::Login::builder()
        .username(demo::USERNAME)
        .password(demo::PASSWORD)
        .build()
}

fn redis_store(server: &RedisServer) -> RedisStore {
    RedisStore::new(&server.url()).unwrap()
}

async fn raw_redis(server: &RedisServer) -> redis::aio::MultiplexedConnection {
    redis::Client::open(server.url())
        .unwrap()
        .get_multiplexed_async_connection()
        .await
        .unwrap()
}

fn at(seconds: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000 + seconds)
}

fn a_key(shared: &SharedStore, principal: &str) -> StoreKey {
    shared.key_for("Protocol", "https://api.example.com", principal)
}

/// What every store must do, seen through two handles on the same storage (two processes).
async fn keeps_the_protocol(first: &dyn SessionStore, second: &dyn SessionStore, key: &StoreKey) {
    let lease = Duration::from_secs(30);
    assert!(first.get(key).await.unwrap().is_none());

    let g1 = first.lease(key, "owner-a", lease).await.unwrap().unwrap();
    assert_eq!(second.lease(key, "owner-b", lease).await.unwrap(), None);
    // Only the owner releases a lease.
    second.release(key, "owner-b").await.unwrap();
    assert_eq!(second.lease(key, "owner-b", lease).await.unwrap(), None);
    assert!(first.put(key, g1, b"one", at(100), None).await.unwrap());
    first.release(key, "owner-a").await.unwrap();

    let g2 = second.lease(key, "owner-b", lease).await.unwrap().unwrap();
    assert!(g2 > g1, "generations grow: {g1} then {g2}");
    // The write of a holder whose lease was taken over is fenced off.
    assert!(!first.put(key, g1, b"late", at(150), None).await.unwrap());
    let record = second.get(key).await.unwrap().unwrap();
    assert_eq!(
        (record.generation, &record.sealed[..], record.used_at),
        (g1, &b"one"[..], at(100))
    );
    assert!(second.put(key, g2, b"two", at(200), None).await.unwrap());
    second.release(key, "owner-b").await.unwrap();

    // Compare-and-delete: an older generation removes nothing.
    assert!(!first.remove(key, g1).await.unwrap());
    assert_eq!(first.get(key).await.unwrap().unwrap().sealed, b"two");

    // Uses are recorded for the stored generation only, and only forwards.
    assert!(first.touch(key, g2, at(300), None).await.unwrap());
    assert_eq!(second.get(key).await.unwrap().unwrap().used_at, at(300));
    assert!(first.touch(key, g2, at(250), None).await.unwrap());
    assert_eq!(second.get(key).await.unwrap().unwrap().used_at, at(300));
    assert!(!first.touch(key, g1, at(400), None).await.unwrap());
    assert_eq!(second.get(key).await.unwrap().unwrap().used_at, at(300));

    assert!(second.remove(key, g2).await.unwrap());
    assert!(first.get(key).await.unwrap().is_none());
    assert!(!second.remove(key, g2).await.unwrap());
}

#[tokio::test(start_paused = true)]
async fn the_memory_store_keeps_the_protocol_and_its_ttls() {
    let shared = SharedStore::new(MemoryStore::new(), key());
    let store = shared.store();
    keeps_the_protocol(store, store, &a_key(&shared, "protocol")).await;

    let key = a_key(&shared, "ttl");
    let generation = store
        .lease(&key, "a", Duration::from_secs(10))
        .await
        .unwrap()
        .unwrap();
    assert!(
        store
            .put(&key, generation, b"v", at(0), Some(Duration::from_secs(60)))
            .await
            .unwrap()
    );
    tokio::time::advance(Duration::from_secs(11)).await;
    // The lease lapsed; the record lives on until its own TTL.
    let next = store
        .lease(&key, "b", Duration::from_secs(10))
        .await
        .unwrap();
    assert_eq!(next, Some(generation + 1));
    // A use renews the TTL.
    assert!(
        store
            .touch(&key, generation, at(1), Some(Duration::from_secs(60)))
            .await
            .unwrap()
    );
    tokio::time::advance(Duration::from_secs(59)).await;
    assert!(store.get(&key).await.unwrap().is_some());
    tokio::time::advance(Duration::from_secs(2)).await;
    assert!(store.get(&key).await.unwrap().is_none());
}

#[tokio::test(start_paused = true)]
async fn the_file_store_keeps_the_protocol_and_its_ttls() {
    let dir = ScratchDir::new("file-protocol");
    // Two stores on one directory, as two processes would have.
    let first = SharedStore::new(FileStore::new(dir.path()).unwrap(), key());
    let second = SharedStore::new(FileStore::new(dir.path()).unwrap(), key());
    keeps_the_protocol(first.store(), second.store(), &a_key(&first, "protocol")).await;

    let key = a_key(&first, "ttl");
    let generation = first
        .store()
        .lease(&key, "a", Duration::from_secs(10))
        .await
        .unwrap()
        .unwrap();
    assert!(
        first
            .store()
            .put(&key, generation, b"v", at(0), Some(Duration::from_secs(60)))
            .await
            .unwrap()
    );
    first.store().release(&key, "a").await.unwrap();
    tokio::time::advance(Duration::from_secs(59)).await;
    assert!(second.store().get(&key).await.unwrap().is_some());
    tokio::time::advance(Duration::from_secs(2)).await;
    assert!(second.store().get(&key).await.unwrap().is_none());

    // One file per session, readable by its owner only, in a directory only its owner enters.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode();
        assert_eq!(mode(dir.path()) & 0o777, 0o700);
        let session = dir.path().join(format!("{}.session", key.as_str()));
        assert_eq!(mode(&session) & 0o777, 0o600);
        for entry in std::fs::read_dir(dir.path()).unwrap() {
            let path = entry.unwrap().path();
            assert_eq!(mode(&path) & 0o077, 0, "{} is private", path.display());
        }
    }
}

#[tokio::test]
async fn the_redis_store_keeps_the_protocol_and_its_ttls() {
    let server = RedisServer::start();
    let first = SharedStore::new(redis_store(&server), key());
    let second = SharedStore::new(redis_store(&server), key());
    keeps_the_protocol(first.store(), second.store(), &a_key(&first, "protocol")).await;

    // TTLs are Redis's own: the lease's and the record's, renewed by a use.
    let key = a_key(&first, "ttl");
    let generation = first
        .store()
        .lease(&key, "a", Duration::from_secs(10))
        .await
        .unwrap()
        .unwrap();
    let mut raw = raw_redis(&server).await;
    let pttl = |name: String| {
        let mut raw = raw.clone();
        async move {
            redis::cmd("PTTL")
                .arg(name)
                .query_async::<i64>(&mut raw)
                .await
                .unwrap()
        }
    };
    let lease_ttl = pttl(format!("login-endpoint:{{{key}}}:lease")).await;
    assert!((1..=10_000).contains(&lease_ttl), "{lease_ttl}");
    let now = SystemTime::now();
    assert!(
        first
            .store()
            .put(&key, generation, b"v", now, Some(Duration::from_secs(60)))
            .await
            .unwrap()
    );
    let session_key = format!("login-endpoint:{{{key}}}:session");
    let ttl = pttl(session_key.clone()).await;
    assert!((50_000..=60_000).contains(&ttl), "{ttl}");
    assert!(
        first
            .store()
            .touch(
                &key,
                generation,
                now + Duration::from_secs(1),
                Some(Duration::from_secs(300))
            )
            .await
            .unwrap()
    );
    let ttl = pttl(session_key.clone()).await;
    assert!((250_000..=300_000).contains(&ttl), "{ttl}");
    // Without a lifetime, no TTL.
    first.store().release(&key, "a").await.unwrap();
    let generation = first
        .store()
        .lease(&key, "a", Duration::from_secs(10))
        .await
        .unwrap()
        .unwrap();
    assert!(
        first
            .store()
            .put(&key, generation, b"w", now, None)
            .await
            .unwrap()
    );
    assert_eq!(pttl(session_key).await, -1);
    let _: () = redis::cmd("FLUSHALL").query_async(&mut raw).await.unwrap();
}

/// `callers` tasks on each of `authenticators` ask for a token at once.
async fn everyone_asks<E: LoginEndpoint + 'static>(
    authenticators: &[Arc<Authenticator<E>>],
    callers: usize,
) -> Vec<String> {
    let mut tasks = JoinSet::new();
    for auth in authenticators {
        for _ in 0..callers {
            let auth = Arc::clone(auth);
            tasks.spawn(async move { auth.token().await.unwrap().expose_secret().to_owned() });
        }
    }
    tasks.join_all().await
}

#[tokio::test(start_paused = true)]
async fn authenticators_sharing_a_memory_or_file_store_log_in_once() {
    let dir = ScratchDir::new("file-once");
    let stores = [
        SharedStore::new(MemoryStore::new(), key()),
        SharedStore::new(FileStore::new(dir.path()).unwrap(), key()),
    ];
    for shared in &stores {
        let sandbox = Sandbox::start().await.unwrap();
        let authenticators: Vec<_> = (0..4)
            .map(|_| {
                Arc::new(
                    Authenticator::new(client(), up2_login())
                        .with_base_url(sandbox.up2_money())
                        .with_store(shared, demo::EMAIL),
                )
            })
            .collect();
        let tokens = everyone_asks(&authenticators, 100).await;
        assert_eq!(sandbox.login_requests(), 1, "{shared:?}");
        assert!(tokens.iter().all(|token| *token == tokens[0]));
    }
}

#[tokio::test(start_paused = true)]
async fn idle_timeout_use_in_one_authenticator_counts_for_the_others() {
    let dir = ScratchDir::new("file-idle");
    let stores = [
        SharedStore::new(MemoryStore::new(), key()),
        SharedStore::new(FileStore::new(dir.path()).unwrap(), key()),
    ];
    for shared in &stores {
        let sandbox = Sandbox::start().await.unwrap();
        let authenticator = || {
            Authenticator::new(client(), up2_login())
                .with_base_url(sandbox.up2_money())
                .with_store(shared, demo::EMAIL)
        };
        let (busy, idle) = (authenticator(), authenticator());
        let first = busy.token().await.unwrap();
        assert_eq!(
            idle.token().await.unwrap().expose_secret(),
            first.expose_secret()
        );

        // Up2 Money: 5 minutes from last activity. `busy` uses the token every minute for
        // twelve minutes; `idle` does not, and its own copy is idle for that long.
        for _ in 0..12 {
            tokio::time::advance(Duration::from_secs(60)).await;
            busy.token().await.unwrap();
        }
        let later = idle.token().await.unwrap();
        assert_eq!(later.expose_secret(), first.expose_secret());
        assert_eq!(sandbox.login_requests(), 1, "{shared:?}");

        // Nobody uses it for longer than the timeout (less its 30 s buffer): one new login.
        tokio::time::advance(Duration::from_secs(271)).await;
        let renewed = everyone_asks(&[Arc::new(busy), Arc::new(idle)], 50).await;
        assert_eq!(sandbox.login_requests(), 2, "{shared:?}");
        assert!(renewed.iter().all(|token| *token == renewed[0]));
        assert_ne!(renewed[0], first.expose_secret());
    }
}

#[tokio::test]
async fn the_typed_response_and_session_come_back_from_the_store() {
    let server = RedisServer::start();
    let sandbox = Sandbox::start().await.unwrap();
    let shared = SharedStore::new(redis_store(&server), key());
    let authenticator = || {
        Authenticator::new(client(), talkstack_login())
            .with_base_url(sandbox.talkstack())
            .with_store(&shared, demo::EMAIL)
    };
    let (logged_in, loaded) = (authenticator(), authenticator());
    let original = logged_in.session().await.unwrap();
    let restored = loaded.session().await.unwrap();
    assert_eq!(sandbox.login_requests(), 1);
    assert_eq!(restored.token(), original.token());
    assert_eq!(restored.refresh_token(), original.refresh_token());
    let millis = |time: SystemTime| {
        time.duration_since(SystemTime::UNIX_EPOCH)
            .unwrap()
            .as_millis()
    };
    assert_eq!(
        restored.expires_at().map(millis),
        original.expires_at().map(millis)
    );
    assert_eq!(millis(restored.issued_at()), millis(original.issued_at()));
    let (a, b) = (original.response(), restored.response());
    assert_eq!(
        b.user.as_ref().unwrap().email,
        a.user.as_ref().unwrap().email
    );
    assert_eq!(b.expiration_time, a.expiration_time);
    assert_eq!(b.login_status, Some(7));
}

/// An appliance whose session is a cookie and whose body is the text `Ok.`.
#[auth_core::login_endpoint(
    vendor = "Appliance",
    base_url = "https://appliance.invalid",
    path = "/api/v2/auth/login",
    response = auth_core::TextBody,
    token = cookie("SID"),
    expires_at = cookie("SID"),
    error_body = auth_core::TextBody,
    body_failure(field = text, success = "Ok.", kind = InvalidCredentials),
)]
struct ApplianceLogin {
    username: String,
    #[login(secret)]
    password: auth_core::Secret,
}

#[tokio::test]
async fn a_cookie_session_with_a_text_body_comes_back_from_the_store() {
    use wiremock::matchers::method;
    use wiremock::{Mock, MockServer, ResponseTemplate};

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("Set-Cookie", "SID=s3ss10nId; HttpOnly; Max-Age=3600")
                .set_body_raw("Ok.", "text/plain; charset=UTF-8"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let dir = ScratchDir::new("file-cookie");
    let shared = SharedStore::new(FileStore::new(dir.path()).unwrap(), key());
    let authenticator = || {
        let login = ApplianceLogin::builder()
            .username("admin")
            .password("adminadmin")
            .build();
        Authenticator::new(client(), login)
            .with_base_url(server.uri())
            .with_store(&shared, "admin")
    };
    let original = authenticator().session().await.unwrap();
    let restored = authenticator().session().await.unwrap();
    assert_eq!(restored.token().expose_secret(), "s3ss10nId");
    assert_eq!(restored.response().as_str(), "Ok.");
    assert_eq!(
        restored.expires_at().is_some(),
        original.expires_at().is_some()
    );
    // `expect(1)`: the second authenticator sent nothing.
    server.verify().await;
}

#[tokio::test]
async fn sessions_are_sealed_at_rest_and_keys_hide_the_principal() {
    let server = RedisServer::start();
    let dir = ScratchDir::new("file-sealed");
    let sandbox = Sandbox::start().await.unwrap();
    let stores = [
        SharedStore::new(redis_store(&server), key()),
        SharedStore::new(FileStore::new(dir.path()).unwrap(), key()),
    ];
    let mut tokens = Vec::new();
    for shared in &stores {
        let auth = Authenticator::new(client(), up2_login())
            .with_base_url(sandbox.up2_money())
            .with_store(shared, demo::EMAIL);
        tokens.push(auth.token().await.unwrap().expose_secret().to_owned());
    }
    let mut raw = raw_redis(&server).await;
    let names: Vec<String> = redis::cmd("KEYS")
        .arg("*")
        .query_async(&mut raw)
        .await
        .unwrap();
    let mut at_rest: Vec<(String, Vec<u8>)> = Vec::new();
    for name in &names {
        let kind: String = redis::cmd("TYPE")
            .arg(name)
            .query_async(&mut raw)
            .await
            .unwrap();
        let bytes: Vec<u8> = if kind == "hash" {
            let fields: Vec<Vec<u8>> = redis::cmd("HGETALL")
                .arg(name)
                .query_async(&mut raw)
                .await
                .unwrap();
            fields.concat()
        } else {
            redis::cmd("GET")
                .arg(name)
                .query_async(&mut raw)
                .await
                .unwrap()
        };
        at_rest.push((name.clone(), bytes));
    }
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        at_rest.push((
            path.file_name().unwrap().to_string_lossy().into_owned(),
            std::fs::read(&path).unwrap(),
        ));
    }
    assert!(
        names.iter().any(|name| name.ends_with(":session")),
        "{names:?}"
    );
    assert!(at_rest.iter().any(|(name, _)| name.ends_with(".session")));
    let never = [
        demo::EMAIL,
        "demo",
        "example.com",
        demo::PASSWORD,
        demo::API_SECRET,
        &tokens[0],
        &tokens[1],
        "127.0.0.1",
    ];
    for (name, bytes) in &at_rest {
        for secret in never {
            assert!(!name.contains(secret), "`{secret}` in the key {name}");
            assert!(
                !bytes
                    .windows(secret.len())
                    .any(|window| window == secret.as_bytes()),
                "`{secret}` stored under {name}"
            );
        }
    }

    // Nothing the app can print shows the key or a Redis password.
    let with_password = RedisStore::new("redis://:hunter2@127.0.0.1:1").unwrap();
    let shared = SharedStore::new(
        with_password,
        SealingKey::from_hex("k", &"ab".repeat(32)).unwrap(),
    );
    let shown = format!("{shared:?} {:?} {:?}", shared.store(), key());
    assert!(
        !shown.contains("hunter2") && !shown.contains("abab"),
        "{shown}"
    );
    let error = RedisStore::new("redis://:hunter2@[not a url").unwrap_err();
    assert!(!error.to_string().contains("hunter2"), "{error}");
}

#[tokio::test]
async fn a_stored_value_that_does_not_open_counts_as_absent() {
    let server = RedisServer::start();
    let sandbox = Sandbox::start().await.unwrap();
    let shared = SharedStore::new(redis_store(&server), key());
    let authenticator = |principal: &str| {
        Authenticator::new(client(), thanos_login())
            .with_base_url(sandbox.project_thanos())
            .with_store(&shared, principal)
    };
    let first = authenticator("alice").token().await.unwrap();
    assert_eq!(sandbox.login_requests(), 1);
    let session_of = |principal: &str| {
        format!(
            "login-endpoint:{{{}}}:session",
            shared.key_for(
                project_thanos::Login::SPEC.vendor(),
                &sandbox.project_thanos(),
                principal
            )
        )
    };
    let mut raw = raw_redis(&server).await;
    let sealed: Vec<u8> = redis::cmd("HGET")
        .arg(session_of("alice"))
        .arg("value")
        .query_async(&mut raw)
        .await
        .unwrap();

    // A flipped bit: the value no longer opens. A new login replaces it; no panic, no session.
    let mut damaged = sealed.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    let _: () = redis::cmd("HSET")
        .arg(session_of("alice"))
        .arg("value")
        .arg(&damaged)
        .query_async(&mut raw)
        .await
        .unwrap();
    let second = authenticator("alice").token().await.unwrap();
    assert_eq!(sandbox.login_requests(), 2);
    assert_ne!(second.expose_secret(), first.expose_secret());

    // Alice's sealed value copied under Bob's key, generation and all: it does not open there.
    let fields: Vec<Vec<u8>> = redis::cmd("HGETALL")
        .arg(session_of("alice"))
        .query_async(&mut raw)
        .await
        .unwrap();
    let _: () = redis::cmd("HSET")
        .arg(session_of("bob"))
        .arg(fields)
        .query_async(&mut raw)
        .await
        .unwrap();
    let bob = authenticator("bob").token().await.unwrap();
    assert_eq!(sandbox.login_requests(), 3);
    assert_ne!(bob.expose_secret(), second.expose_secret());

    // Garbage of every length.
    for len in [0, 1, 2, 30, 60, 200] {
        let _: () = redis::cmd("HSET")
            .arg(session_of("carol"))
            .arg("gen")
            .arg(1)
            .arg("value")
            .arg(vec![1u8; len])
            .arg("used")
            .arg(0)
            .query_async(&mut raw)
            .await
            .unwrap();
        let before = sandbox.login_requests();
        authenticator("carol").token().await.unwrap();
        assert_eq!(sandbox.login_requests(), before + 1);
        let _: () = redis::cmd("DEL")
            .arg(session_of("carol"))
            .query_async(&mut raw)
            .await
            .unwrap();
    }

    // A process with another sealing key keeps its sessions apart.
    let other = SharedStore::new(
        redis_store(&server),
        SealingKey::new("test-2", [0x77; 32]).unwrap(),
    );
    let before = sandbox.login_requests();
    Authenticator::new(client(), thanos_login())
        .with_base_url(sandbox.project_thanos())
        .with_store(&other, "alice")
        .token()
        .await
        .unwrap();
    assert_eq!(sandbox.login_requests(), before + 1);
}

#[tokio::test]
async fn a_rejected_token_is_removed_only_while_it_is_the_stored_one() {
    let server = RedisServer::start();
    let sandbox = Sandbox::start().await.unwrap();
    let shared = SharedStore::new(redis_store(&server), key());
    let authenticator = || {
        Authenticator::new(client(), thanos_login())
            .with_base_url(sandbox.project_thanos())
            .with_store(&shared, demo::USERNAME)
    };
    let (a, b) = (authenticator(), authenticator());
    let old = a.token().await.unwrap();
    let old_in_b = b.token().await.unwrap();
    assert_eq!(old_in_b.expose_secret(), old.expose_secret());
    assert_eq!(sandbox.login_requests(), 1);

    // The API rejects the token in `a`: it is removed from the store and `a` logs in again.
    a.invalidate(&old);
    let fresh = a.token().await.unwrap();
    assert_eq!(sandbox.login_requests(), 2);
    assert_ne!(fresh.expose_secret(), old.expose_secret());

    // `b` reports the same old token later: the fresher one `a` stored is not deleted, and `b`
    // uses it.
    b.invalidate(&old_in_b);
    let in_b = b.token().await.unwrap();
    assert_eq!(in_b.expose_secret(), fresh.expose_secret());
    assert_eq!(sandbox.login_requests(), 2);
    let newcomer = authenticator().token().await.unwrap();
    assert_eq!(newcomer.expose_secret(), fresh.expose_secret());
    assert_eq!(sandbox.login_requests(), 2);

    // And a report about the old token again, once more, changes nothing.
    a.invalidate(&old);
    assert_eq!(
        a.token().await.unwrap().expose_secret(),
        fresh.expose_secret()
    );
    assert_eq!(sandbox.login_requests(), 2);
}

/// Collects what the test's tracing subscriber writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Captured {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test]
async fn a_store_that_never_answers_costs_one_timeout_and_one_warning() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    // It accepts connections and never says a word.
    let black_hole = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("redis://{}", black_hole.local_addr().unwrap());
    let _holder = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = black_hole.accept().await {
            held.push(stream);
        }
    });
    let sandbox = Sandbox::start().await.unwrap();
    let deadline = Duration::from_secs(5);
    let shared = SharedStore::new(
        RedisStore::new(&url)
            .unwrap()
            .with_timeout(Duration::from_millis(300)),
        key(),
    )
    .with_operation_timeout(Duration::from_millis(300))
    .with_retry_after(Duration::from_secs(600));
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .timeout(deadline)
        .build()
        .unwrap();
    for expected_logins in 1..=3 {
        let auth = Authenticator::new(client.clone(), talkstack_login())
            .with_base_url(sandbox.talkstack())
            .with_store(&shared, demo::EMAIL);
        let started = tokio::time::Instant::now();
        let token = auth.token().await.unwrap();
        assert!(!token.expose_secret().is_empty());
        // Within the client's deadline: one store timeout at most, then a login.
        assert!(started.elapsed() < deadline, "{:?}", started.elapsed());
        assert_eq!(sandbox.login_requests(), expected_logins);
    }
    let text = captured.text();
    assert_eq!(text.matches(" WARN ").count(), 1, "{text}");
    assert!(text.contains("shared session store failed"), "{text}");
    assert!(text.contains("TalkStack AI"), "{text}");
}

/// A loopback Directus: one account, each refresh token valid for one refresh.
#[derive(Default)]
struct Directus {
    logins: std::sync::atomic::AtomicUsize,
    refreshes: std::sync::atomic::AtomicUsize,
    serial: std::sync::atomic::AtomicU64,
    live_refresh_tokens: Mutex<std::collections::HashSet<String>>,
}

impl Directus {
    fn issue(&self) -> axum::response::Response {
        use axum::response::IntoResponse;
        use std::sync::atomic::Ordering;
        let serial = self.serial.fetch_add(1, Ordering::SeqCst) + 1;
        let refresh_token = format!("refresh-{serial}");
        self.live_refresh_tokens
            .lock()
            .unwrap()
            .insert(refresh_token.clone());
        axum::Json(serde_json::json!({ "data": {
            "access_token": format!("access-{serial}"),
            "expires": 900_000,
            "refresh_token": refresh_token,
        }}))
        .into_response()
    }
}

async fn directus_server() -> (String, Arc<Directus>) {
    use axum::extract::State;
    use axum::http::StatusCode;
    use axum::response::IntoResponse;
    use std::sync::atomic::Ordering;

    let directus = Arc::new(Directus::default());
    let app = axum::Router::new()
        .route(
            "/auth/login",
            axum::routing::post(|State(directus): State<Arc<Directus>>| async move {
                directus.logins.fetch_add(1, Ordering::SeqCst);
                directus.issue()
            }),
        )
        .route(
            "/auth/refresh",
            axum::routing::post(
                |State(directus): State<Arc<Directus>>,
                 axum::Json(body): axum::Json<serde_json::Value>| async move {
                    directus.refreshes.fetch_add(1, Ordering::SeqCst);
                    let presented = body["refresh_token"].as_str().unwrap_or_default();
                    if directus
                        .live_refresh_tokens
                        .lock()
                        .unwrap()
                        .remove(presented)
                    {
                        directus.issue()
                    } else {
                        let errors = serde_json::json!({ "errors": [{
                            "message": "Invalid user credentials.",
                            "extensions": { "code": "INVALID_CREDENTIALS" },
                        }]});
                        (StatusCode::UNAUTHORIZED, axum::Json(errors)).into_response()
                    }
                },
            ),
        )
        .with_state(Arc::clone(&directus));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    (base_url, directus)
}

#[tokio::test(start_paused = true)]
async fn a_refresh_is_shared_like_a_login_and_its_rotated_token_with_it() {
    use std::sync::atomic::Ordering;

    let (base_url, directus) = directus_server().await;
    let shared = SharedStore::new(MemoryStore::new(), key());
    let authenticator = || {
        let login = directus::Login::builder()
            .email("admin@example.com")
            .password("d1r3ctu5")
            .build();
        Arc::new(
            Authenticator::new_at(client(), login, &base_url)
                .with_store(&shared, "admin@example.com"),
        )
    };
    let fleet: Vec<_> = (0..3).map(|_| authenticator()).collect();
    let first = everyone_asks(&fleet, 20).await;
    assert!(first.iter().all(|token| token == "access-1"));
    assert_eq!(directus.logins.load(Ordering::SeqCst), 1);

    // 15 minutes, renewed a minute ahead: one refresh for all three, with the refresh token
    // the login issued; the others take the refreshed session from the store.
    tokio::time::advance(Duration::from_secs(14 * 60 + 1)).await;
    let second = everyone_asks(&fleet, 20).await;
    assert!(second.iter().all(|token| token == "access-2"), "{second:?}");
    assert_eq!(directus.refreshes.load(Ordering::SeqCst), 1);
    assert_eq!(directus.logins.load(Ordering::SeqCst), 1);

    // And again: the refresh token rotated by that refresh, which the store handed to whoever
    // refreshes next, is accepted; no authenticator sends a spent one.
    tokio::time::advance(Duration::from_secs(14 * 60 + 1)).await;
    let third = everyone_asks(&fleet, 20).await;
    assert!(third.iter().all(|token| token == "access-3"), "{third:?}");
    assert_eq!(directus.refreshes.load(Ordering::SeqCst), 2);
    assert_eq!(directus.logins.load(Ordering::SeqCst), 1);
}

/// Directus's `/auth/refresh`, read into a type of its own that holds only the new
/// credentials: a refresh whose response type is not the login's.
#[derive(Debug, serde::Deserialize)]
pub struct RefreshedTokens {
    pub data: RefreshedData,
}

#[derive(Debug, serde::Deserialize)]
pub struct RefreshedData {
    pub access_token: auth_core::Secret,
    pub refresh_token: Option<auth_core::Secret>,
    pub expires: u64,
}

#[auth_core::login_endpoint(
    refreshes = directus::Login,
    vendor = "Directus",
    path = "/auth/refresh",
    response = RefreshedTokens,
    token = data.access_token,
    refresh_token = data.refresh_token,
    expires_in(millis = data.expires),
    error_body = directus::ErrorBody,
)]
pub struct TypedRefresh {
    #[login(secret, refresh_token)]
    refresh_token: auth_core::Secret,
}

#[tokio::test(start_paused = true)]
async fn a_refresh_of_another_response_type_is_shared_with_the_login_s_response() {
    use std::sync::atomic::Ordering;

    let (base_url, directus) = directus_server().await;
    let shared = SharedStore::new(MemoryStore::new(), key());
    let authenticator = || {
        let login = directus::Login::builder()
            .email("admin@example.com")
            .password("d1r3ctu5")
            .build();
        Arc::new(
            // Replaces the refresh `directus::Login` declares.
            Authenticator::new_at(client(), login, &base_url)
                .with_refresh::<TypedRefresh>()
                .with_store(&shared, "admin@example.com"),
        )
    };
    let fleet: Vec<_> = (0..3).map(|_| authenticator()).collect();
    assert!(
        everyone_asks(&fleet, 10)
            .await
            .iter()
            .all(|t| t == "access-1")
    );
    for round in 2..=3 {
        tokio::time::advance(Duration::from_secs(14 * 60 + 1)).await;
        let tokens = everyone_asks(&fleet, 10).await;
        let expected = format!("access-{round}");
        assert!(tokens.iter().all(|token| *token == expected), "{tokens:?}");
        assert_eq!(directus.refreshes.load(Ordering::SeqCst), round - 1);
        assert_eq!(directus.logins.load(Ordering::SeqCst), 1);
        // Whichever process refreshed, and those that took the session from the store, hand
        // out the refresh's credentials with the login's typed answer.
        for auth in &fleet {
            let session = auth.session().await.unwrap();
            assert_eq!(session.token().expose_secret(), expected);
            assert_eq!(
                session.refresh_token().unwrap().expose_secret(),
                format!("refresh-{round}")
            );
            assert_eq!(
                session.response().data.access_token.expose_secret(),
                "access-1"
            );
        }
    }
}
