//! `Authenticator::token()` on a valid cached session, from 1, 16, 256 and 4,096 concurrent
//! tasks, against a hand-written cache of the usual kind (an `RwLock` around the current
//! session).
//!
//! Each task times batches of calls and the table gives the median and 99th percentile of the
//! per-call time of those batches (one clock read per batch, not per call, so the clock does
//! not dominate what is measured). The runtime has the machine's two worker threads; tasks
//! yield between batches so all of them take turns.
//!
//! Up2 Money is the vendor: its sessions lapse when idle, so every token handed out also
//! records the use (the most work a cache hit does). Hypernative, whose sessions state no
//! lifetime, is the lightest case.
//!
//! `cargo bench -p vendors --bench session_cache [-- --secs S] [--tsv FILE]`
//!
//! With `--tsv`, the medians are also written as a table that `plot.py` draws:
//! `python3 vendors/benches/plot.py FILE vendors/benches/session_cache.svg --log-x --log-y`.

#[path = "support/samples.rs"]
mod samples;
#[path = "support/server.rs"]
mod server;

use std::hint::black_box;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use auth_core::{Authenticator, LoginClient, LoginEndpoint, Secret};
use samples::{API_SECRET, EMAIL, ORGANIZATION_ID, PASSWORD, Vendor};

const BATCH: u32 = 1_000;
const TASKS: [usize; 4] = [1, 16, 256, 4_096];

/// A cache lookup, measured per call.
trait Lookup: Send + Sync + 'static {
    fn lookup(&self) -> impl Future<Output = usize> + Send;
}

impl<E: LoginEndpoint + 'static> Lookup for Authenticator<E> {
    async fn lookup(&self) -> usize {
        let token = self.token().await.expect("the cached session is valid");
        token.expose_secret().len()
    }
}

/// The hand-written baseline: the current session behind a read-write lock, checked for
/// freshness and its token handed out as a shared handle.
struct RwLockCache {
    current: RwLock<Option<Arc<Entry>>>,
}

struct Entry {
    token: Secret,
    refresh_at: Instant,
}

impl Lookup for RwLockCache {
    async fn lookup(&self) -> usize {
        let guard = self
            .current
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let entry = match guard.as_ref() {
            Some(entry) if Instant::now() < entry.refresh_at => Arc::clone(entry),
            _ => unreachable!("the benchmark keeps the session valid"),
        };
        drop(guard);
        entry.token.expose_secret().len()
    }
}

/// Per-call nanoseconds of every batch run by `tasks` tasks for `duration`.
async fn measure<L: Lookup>(cache: &Arc<L>, tasks: usize, duration: Duration) -> Vec<f64> {
    let deadline = Instant::now() + duration;
    let handles: Vec<_> = (0..tasks)
        .map(|_| {
            let cache = Arc::clone(cache);
            tokio::spawn(async move {
                let mut batches = Vec::new();
                while Instant::now() < deadline {
                    let started = Instant::now();
                    for _ in 0..BATCH {
                        black_box(cache.lookup().await);
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
        all.extend(handle.await.expect("a lookup task does not panic"));
    }
    all.sort_by(f64::total_cmp);
    all
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// Prints one table row per task count; returns the medians, in the order of [`TASKS`].
async fn row<L: Lookup>(name: &str, cache: L, secs: f64) -> Vec<f64> {
    let cache = Arc::new(cache);
    let duration = Duration::from_secs_f64(secs);
    // Warm-up: caches, the allocator, the runtime's threads.
    measure(&cache, 16, duration / 4).await;
    let mut medians = Vec::new();
    for tasks in TASKS {
        let batches = measure(&cache, tasks, duration).await;
        let median = percentile(&batches, 0.5);
        println!(
            "| {name} | {tasks} | {median:.1} | {:.1} | {} |",
            percentile(&batches, 0.99),
            batches.len() as u64 * u64::from(BATCH),
        );
        medians.push(median);
    }
    medians
}

fn main() {
    let mut secs = 2.0;
    let mut tsv = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--secs" {
            secs = args
                .next()
                .and_then(|s| s.parse().ok())
                .expect("--secs takes a number");
        } else if arg == "--tsv" {
            tsv = Some(args.next().expect("--tsv takes a file name"));
        }
    }
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

        let up2 = Authenticator::new(
            client.clone(),
            vendors::up2_money::Login::builder()
                .api_secret(API_SECRET)
                .email(EMAIL)
                .password(PASSWORD)
                .build(),
        )
        .with_base_url(server::base_url(addr, Vendor::Up2Money));
        let hypernative = Authenticator::new(
            client,
            vendors::hypernative::Login::builder()
                .email(EMAIL)
                .password(PASSWORD)
                .organization_id(ORGANIZATION_ID)
                .build(),
        )
        .with_base_url(server::base_url(addr, Vendor::Hypernative));
        // Log in once; every call measured below is a cache hit.
        let first = up2.token().await.expect("the first login succeeds");
        let again = up2.token().await.expect("the cached token");
        assert!(first.same_session(&again), "the second call is a cache hit");
        hypernative.token().await.expect("the first login succeeds");
        let rwlock = RwLockCache {
            current: RwLock::new(Some(Arc::new(Entry {
                token: first.secret().clone(),
                refresh_at: Instant::now() + Duration::from_secs(3600),
            }))),
        };

        println!("per-call time of batches of {BATCH} calls, ns; 2 worker threads\n");
        println!("| cache | tasks | median | p99 | calls |");
        println!("|---|---:|---:|---:|---:|");
        let columns = [
            (
                "Authenticator, Up2 Money",
                row("Authenticator, Up2 Money (idle timeout)", up2, secs).await,
            ),
            (
                "Authenticator, Hypernative",
                row(
                    "Authenticator, Hypernative (no lifetime)",
                    hypernative,
                    secs,
                )
                .await,
            ),
            (
                "RwLock, hand-written",
                row("hand-written RwLock<Option<Arc<_>>>", rwlock, secs).await,
            ),
        ];
        if let Some(path) = tsv {
            write_tsv(&path, &columns).expect("the TSV file is writable");
        }
    });
}

/// Median ns per call by task count, one column per cache, for `plot.py`.
fn write_tsv(path: &str, columns: &[(&str, Vec<f64>)]) -> std::io::Result<()> {
    let mut text = String::from("tasks");
    for (name, _) in columns {
        text.push('\t');
        text.push_str(name);
    }
    text.push('\n');
    for (index, tasks) in TASKS.iter().enumerate() {
        text.push_str(&tasks.to_string());
        for (_, medians) in columns {
            text.push_str(&format!("\t{:.1}", medians[index]));
        }
        text.push('\n');
    }
    std::fs::write(path, text)
}
