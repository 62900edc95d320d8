//! What a shared Redis store costs an `Authenticator`, measured against a real `redis-server`
//! that the bench starts on loopback (it stops with a message saying how to install one if
//! there is none):
//!
//! 1. `token()` on a valid cached session with the store attached, from 1 and 16 tasks, next
//!    to the same without a store: batches of 1,000 calls, one clock read per batch (as in
//!    `session_cache.rs`). Up2 Money (idle timeout: a hit also decides whether to record the
//!    use in the store) and Hypernative (no lifetime).
//! 2. The first `token()` of a new `Authenticator`, served from Redis (what a new process
//!    does), against its baseline: one `HMGET` of the same record on a raw connection plus an
//!    XChaCha20-Poly1305 decryption of a value of the same length. Samples alternate between
//!    the two, so both see the same machine. Twice: on a store whose connection is up, and on
//!    a new store that connects first (with the baseline connecting too).
//!
//! `cargo bench -p vendors --bench shared_session [-- --samples N --secs S]`

#[path = "../../tests/redis_server.rs"]
mod redis_server;
#[path = "support/samples.rs"]
mod samples;
#[path = "support/server.rs"]
mod server;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use auth_core::store::{RedisStore, SealingKey, SharedStore};
use auth_core::{Authenticator, LoginClient, LoginEndpoint};
use chacha20poly1305::aead::AeadInOut;
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use redis_server::RedisServer;
use samples::{API_SECRET, EMAIL, ORGANIZATION_ID, PASSWORD, Vendor};

const BATCH: u32 = 1_000;
/// Bytes of a sealed value before its ciphertext: version, key id length, the key id
/// (`bench`) and the nonce.
const SEAL_HEADER: usize = 1 + 1 + 5 + 24;
const TAG: usize = 16;

fn up2_login() -> vendors::up2_money::Login {
    vendors::up2_money::Login::builder()
        .api_secret(API_SECRET)
        .email(EMAIL)
        .password(PASSWORD)
        .build()
}

fn hypernative_login() -> vendors::hypernative::Login {
    vendors::hypernative::Login::builder()
        .email(EMAIL)
        .password(PASSWORD)
        .organization_id(ORGANIZATION_ID)
        .build()
}

/// Per-call nanoseconds of batches of `token()` from `tasks` tasks for `duration`.
async fn hits<E: LoginEndpoint + 'static>(
    auth: &Arc<Authenticator<E>>,
    tasks: usize,
    duration: Duration,
) -> Vec<f64> {
    let deadline = Instant::now() + duration;
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let auth = Arc::clone(auth);
            tokio::spawn(async move {
                let mut batches = Vec::new();
                while Instant::now() < deadline {
                    let started = Instant::now();
                    for _ in 0..BATCH {
                        let token = auth.token().await.expect("the cached session is valid");
                        black_box(token.expose_secret().len());
                    }
                    batches.push(started.elapsed().as_nanos() as f64 / f64::from(BATCH));
                    tokio::task::yield_now().await;
                }
                batches
            })
        })
        .collect();
    let mut all = Vec::new();
    for handle in handles {
        all.extend(handle.await.expect("a task does not panic"));
    }
    all.sort_by(f64::total_cmp);
    all
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

async fn hit_rows<E: LoginEndpoint + 'static>(name: &str, auth: Authenticator<E>, secs: f64) {
    let auth = Arc::new(auth);
    let first = auth.token().await.expect("a session");
    assert!(
        auth.token().await.expect("a session").same_session(&first),
        "{name}: the second call is a cache hit"
    );
    let duration = Duration::from_secs_f64(secs);
    hits(&auth, 16, duration / 4).await;
    for tasks in [1, 16] {
        let batches = hits(&auth, tasks, duration).await;
        println!(
            "| {name} | {tasks} | {:.1} | {:.1} |",
            percentile(&batches, 0.5),
            percentile(&batches, 0.99)
        );
    }
}

/// A decryption of a value of `sealed_len` bytes, as opening one costs.
struct Decryption {
    cipher: XChaCha20Poly1305,
    nonce: XNonce,
    ciphertext: Vec<u8>,
}

impl Decryption {
    fn of_sealed_len(sealed_len: usize) -> Decryption {
        let cipher = XChaCha20Poly1305::new(&[9u8; 32].into());
        let nonce = XNonce::from([3u8; 24]);
        let mut ciphertext = vec![0u8; sealed_len - SEAL_HEADER - TAG];
        cipher
            .encrypt_in_place(&nonce, b"associated data", &mut ciphertext)
            .expect("encrypts");
        Decryption {
            cipher,
            nonce,
            ciphertext,
        }
    }

    fn run(&self, sealed: &[u8]) -> usize {
        assert_eq!(sealed.len(), SEAL_HEADER + self.ciphertext.len());
        let mut buffer = self.ciphertext.clone();
        self.cipher
            .decrypt_in_place(&self.nonce, b"associated data", &mut buffer)
            .expect("decrypts");
        buffer.len()
    }
}

async fn raw_connection(url: &str) -> redis::aio::MultiplexedConnection {
    redis::Client::open(url)
        .expect("a Redis URL")
        .get_multiplexed_async_connection()
        .await
        .expect("a connection")
}

async fn hmget(connection: &mut redis::aio::MultiplexedConnection, key: &str) -> Vec<u8> {
    let (_, sealed, _): (Option<u64>, Option<Vec<u8>>, Option<u64>) = redis::cmd("HMGET")
        .arg(key)
        .arg("gen")
        .arg("value")
        .arg("used")
        .query_async(connection)
        .await
        .expect("HMGET");
    sealed.expect("the stored session")
}

fn summary(name: &str, times: &mut [f64]) -> f64 {
    times.sort_by(f64::total_cmp);
    let median = percentile(times, 0.5);
    println!(
        "| {name} | {:.1} | {:.1} | {} |",
        median / 1000.0,
        percentile(times, 0.99) / 1000.0,
        times.len()
    );
    median
}

fn main() {
    let mut samples = 3_000usize;
    let mut secs = 2.0;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--samples" => {
                samples = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--samples takes a number");
            }
            "--secs" => {
                secs = args
                    .next()
                    .and_then(|s| s.parse().ok())
                    .expect("--secs takes a number");
            }
            _ => {}
        }
    }
    let redis = match RedisServer::try_start() {
        Ok(redis) => redis,
        Err(message) => {
            eprintln!("shared_session needs a redis-server: {message}");
            std::process::exit(1);
        }
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        let addr = server::serve(
            server::bind(1024).expect("bind 127.0.0.1"),
            server::samples_router(),
        );
        let client = LoginClient::new().expect("a login client");
        let key = || SealingKey::new("bench", [7; 32]).expect("a sealing key");
        let store = || RedisStore::new(&redis.url()).expect("a Redis URL");
        let shared = SharedStore::new(store(), key());
        let up2_url = server::base_url(addr, Vendor::Up2Money);
        let hypernative_url = server::base_url(addr, Vendor::Hypernative);

        println!("1. token() on a cached session: per-call time of batches of {BATCH}, ns; 2 worker threads\n");
        println!("| authenticator | tasks | median | p99 |");
        println!("|---|---:|---:|---:|");
        hit_rows(
            "Up2 Money, Redis store",
            Authenticator::new(client.clone(), up2_login())
                .with_base_url(&up2_url)
                .with_store(&shared, EMAIL),
            secs,
        )
        .await;
        hit_rows(
            "Up2 Money, no store",
            Authenticator::new(client.clone(), up2_login()).with_base_url(&up2_url),
            secs,
        )
        .await;
        hit_rows(
            "Hypernative, Redis store",
            Authenticator::new(client.clone(), hypernative_login())
                .with_base_url(&hypernative_url)
                .with_store(&shared, EMAIL),
            secs,
        )
        .await;
        hit_rows(
            "Hypernative, no store",
            Authenticator::new(client.clone(), hypernative_login()).with_base_url(&hypernative_url),
            secs,
        )
        .await;

        // The session every new authenticator below reads: Hypernative's, stored above.
        let fresh = |shared: &SharedStore| {
            Authenticator::new(client.clone(), hypernative_login())
                .with_base_url(&hypernative_url)
                .with_store(shared, EMAIL)
        };
        let record = format!(
            "login-endpoint:{{{}}}:session",
            shared.key_for(
                vendors::hypernative::Login::SPEC.vendor(),
                &hypernative_url,
                EMAIL
            )
        );
        let mut raw = raw_connection(&redis.url()).await;
        let decryption = Decryption::of_sealed_len(hmget(&mut raw, &record).await.len());
        let logins_before = {
            let auth = fresh(&shared);
            auth.token().await.expect("a stored session");
            auth.session().await.expect("a session").issued_at()
        };

        println!("\n2. The first token() of a new Authenticator, from Redis, µs\n");
        println!("| operation | median | p99 | samples |");
        println!("|---|---:|---:|---:|");
        let (mut first, mut baseline) = (Vec::new(), Vec::new());
        for _ in 0..samples {
            let auth = fresh(&shared);
            let started = Instant::now();
            let token = auth.token().await.expect("the stored session");
            first.push(started.elapsed().as_nanos() as f64);
            black_box(token.expose_secret().len());
            let started = Instant::now();
            let sealed = hmget(&mut raw, &record).await;
            black_box(decryption.run(&sealed));
            baseline.push(started.elapsed().as_nanos() as f64);
        }
        let a = summary("first `token()`, store connected", &mut first);
        let b = summary("baseline: `HMGET` + decryption", &mut baseline);
        println!("| ratio of medians | {:.2} | | |", a / b);

        let (mut first, mut baseline) = (Vec::new(), Vec::new());
        for _ in 0..samples / 4 {
            let cold = SharedStore::new(store(), key());
            let auth = fresh(&cold);
            let started = Instant::now();
            let token = auth.token().await.expect("the stored session");
            first.push(started.elapsed().as_nanos() as f64);
            black_box(token.expose_secret().len());
            let started = Instant::now();
            let mut connection = raw_connection(&redis.url()).await;
            let sealed = hmget(&mut connection, &record).await;
            black_box(decryption.run(&sealed));
            baseline.push(started.elapsed().as_nanos() as f64);
        }
        let a = summary("first `token()`, new store (connects first)", &mut first);
        let b = summary("baseline: connect + `HMGET` + decryption", &mut baseline);
        println!("| ratio of medians | {:.2} | | |", a / b);

        // Every token above came from the one stored session: no login was made for them.
        let auth = fresh(&shared);
        auth.token().await.expect("the stored session");
        assert_eq!(
            auth.session().await.expect("a session").issued_at(),
            logins_before,
            "the new authenticators read the stored session rather than logging in"
        );
    });
}
