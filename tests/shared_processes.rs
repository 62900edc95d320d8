//! A fleet of real processes sharing one session: each child process
//! (`shared-session-worker`) has its own `Authenticator`, and they meet only in the store, a
//! real `redis-server` or a directory. Logins go to servers in this test process, which count
//! them: the sandbox, or a server that holds chosen logins in flight.
//!
//! The lease-lapse tests wait for Redis's own clock (a lease of about a second); everything
//! else waits for events, never for a fixed time.

mod fingerprint;
mod gated_server;
use crate::redis_server;
use crate::scratch_dir;
mod workers;

use std::time::Duration;

use fingerprint::fingerprint;
use gated_server::GatedServer;
use redis_server::{RedisServer, free_port};
use scratch_dir::ScratchDir;
use vendors::sandbox::Sandbox;
use workers::{Worker, args, with};

const ARRIVAL_LIMIT: Duration = Duration::from_secs(30);

async fn spawn_all(count: usize, args: &[String]) -> Vec<Worker> {
    let mut workers = Vec::with_capacity(count);
    for _ in 0..count {
        workers.push(Worker::spawn(args).await);
    }
    workers
}

/// Eight processes, a hundred tasks each, all asking at once on an empty store.
async fn eight_processes_log_in_once(store: &str) {
    let sandbox = Sandbox::start().await.unwrap();
    let args = args("talkstack", &sandbox.talkstack(), store);
    let mut workers = spawn_all(8, &args).await;
    for worker in &mut workers {
        worker.send("token 100").await;
    }
    let mut answers = Vec::new();
    for worker in &mut workers {
        answers.push(worker.token_answer().await);
    }
    assert_eq!(sandbox.login_requests(), 1, "{answers:?}");
    for answer in &answers {
        assert_eq!(answer.distinct, 1, "{answers:?}");
        assert_eq!(answer.fingerprint, answers[0].fingerprint, "{answers:?}");
    }
    // A process started afterwards (the next run of a CLI) reads the stored session.
    let mut late = Worker::spawn(&args).await;
    assert_eq!(late.tokens(1).await.fingerprint, answers[0].fingerprint);
    assert_eq!(sandbox.login_requests(), 1);
    for worker in workers {
        worker.quit().await;
    }
    late.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_processes_of_a_hundred_tasks_log_in_once_through_redis() {
    let redis = RedisServer::start();
    eight_processes_log_in_once(&redis.url()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_processes_of_a_hundred_tasks_log_in_once_through_files() {
    let dir = ScratchDir::new("fleet");
    eight_processes_log_in_once(&dir.store()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_lease_holder_is_replaced_once_its_redis_lease_lapses() {
    let redis = RedisServer::start();
    // The first login never gets an answer: its process is killed in the middle of it.
    let server = GatedServer::start(&[1]).await;
    let lease = Duration::from_millis(1500);
    let args = with(
        args("gated", server.base_url(), &redis.url()),
        "--lease-ms",
        lease.as_millis(),
    );
    let mut holder = Worker::spawn(&args).await;
    let mut waiter = Worker::spawn(&args).await;
    holder.send("token 10").await;
    server.wait_for_requests(1, ARRIVAL_LIMIT).await;
    let waiting_since = tokio::time::Instant::now();
    waiter.send("token 10").await;
    holder.kill().await;

    let answer = waiter.token_answer().await;
    assert_eq!(answer.fingerprint, fingerprint("t-2"));
    assert_eq!(server.requests(), 2);
    // It waited for the lease to lapse rather than logging in beside the holder.
    assert!(
        waiting_since.elapsed() >= lease / 2,
        "{:?}",
        waiting_since.elapsed()
    );
    // Its login is the stored one.
    let mut late = Worker::spawn(&args).await;
    assert_eq!(late.tokens(1).await.fingerprint, fingerprint("t-2"));
    assert_eq!(server.requests(), 2);
    waiter.quit().await;
    late.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_killed_lease_holder_frees_its_file_lease_at_once() {
    let dir = ScratchDir::new("killed");
    let server = GatedServer::start(&[1]).await;
    // A long lease: only the holder's death can free it in time.
    let args = with(
        args("gated", server.base_url(), &dir.store()),
        "--lease-ms",
        600_000,
    );
    let mut holder = Worker::spawn(&args).await;
    let mut waiter = Worker::spawn(&args).await;
    holder.send("token 10").await;
    server.wait_for_requests(1, ARRIVAL_LIMIT).await;
    waiter.send("token 10").await;
    holder.kill().await;

    let answer = waiter.token_answer().await;
    assert_eq!(answer.fingerprint, fingerprint("t-2"));
    assert_eq!(server.requests(), 2);
    let mut late = Worker::spawn(&args).await;
    assert_eq!(late.tokens(1).await.fingerprint, fingerprint("t-2"));
    assert_eq!(server.requests(), 2);
    waiter.quit().await;
    late.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_late_write_of_a_holder_whose_lease_lapsed_is_fenced_off() {
    let redis = RedisServer::start();
    // The first login is held until the second has been answered and stored.
    let server = GatedServer::start(&[1]).await;
    let args = with(
        args("gated", server.base_url(), &redis.url()),
        "--lease-ms",
        1500,
    );
    let mut stalled = Worker::spawn(&args).await;
    let mut other = Worker::spawn(&args).await;
    stalled.send("token 10").await;
    server.wait_for_requests(1, ARRIVAL_LIMIT).await;
    other.send("token 10").await;
    // `stalled`'s lease lapses; `other` takes it, logs in and stores `t-2`.
    assert_eq!(other.token_answer().await.fingerprint, fingerprint("t-2"));
    assert_eq!(server.requests(), 2);

    // Now `stalled` gets `t-1`. Its write under the old generation is refused, and it uses the
    // stored session instead.
    server.release(1);
    let answer = stalled.token_answer().await;
    assert_eq!(answer.fingerprint, fingerprint("t-2"));
    assert_eq!(answer.distinct, 1);
    let mut late = Worker::spawn(&args).await;
    assert_eq!(late.tokens(1).await.fingerprint, fingerprint("t-2"));
    assert_eq!(server.requests(), 2);
    for worker in [stalled, other, late] {
        worker.quit().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_redis_each_process_logs_in_alone_then_shares_again_when_it_returns() {
    let port = free_port();
    let sandbox = Sandbox::start().await.unwrap();
    let deadline = Duration::from_secs(5);
    let mut args = args(
        "talkstack",
        &sandbox.talkstack(),
        &format!("redis://127.0.0.1:{port}"),
    );
    args = with(args, "--op-timeout-ms", 500);
    args = with(args, "--retry-after-ms", 0);
    args = with(args, "--client-timeout-ms", deadline.as_millis());
    let mut workers = spawn_all(3, &args).await;

    // Nothing listens on the port: each process logs in on its own, within its deadline.
    let mut alone = Vec::new();
    for worker in &mut workers {
        let answer = worker.tokens(20).await;
        assert!(answer.elapsed < deadline, "{answer:?}");
        assert_eq!(answer.distinct, 1);
        alone.push(answer.fingerprint);
    }
    assert_eq!(sandbox.login_requests(), 3);
    // Again, still without the store: one more login, and still one warning per process.
    workers[0].invalidate().await;
    workers[0].tokens(20).await;
    assert_eq!(sandbox.login_requests(), 4);
    for worker in &workers {
        worker.wait_for_warnings(1).await;
        assert_eq!(worker.warnings(), 1, "{}", worker.stderr());
        assert!(worker.stderr().contains("shared session store failed"));
    }

    // Redis comes up on that port: the next login goes through it, and the others use it.
    let _redis = RedisServer::start_on(port);
    workers[0].invalidate().await;
    let shared = workers[0].tokens(20).await;
    assert_eq!(sandbox.login_requests(), 5);
    for worker in &mut workers[1..] {
        worker.invalidate().await;
        assert_eq!(worker.tokens(20).await.fingerprint, shared.fingerprint);
    }
    assert_eq!(sandbox.login_requests(), 5);
    for worker in workers {
        assert_eq!(worker.warnings(), 1, "{}", worker.stderr());
        worker.quit().await;
    }
}
