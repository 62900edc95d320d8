//! Peak memory of many concurrent logins: generated, hand-written, and a bare reqwest post (the
//! HTTP stack's own cost), each in a fresh process so one's heap does not carry into another's.
//!
//! Without arguments this binary orchestrates: it starts itself as a server process and then as
//! one client process per side and round, and prints the table. The server holds every login of
//! a batch until the whole batch has arrived, so all of them are in flight at once; each client
//! reads its resident set before (`VmRSS`, after one warm-up login) and its peak after
//! (`VmHWM`, from `/proc/self/status`). Client and server live in separate processes so that
//! each stays within the open-file limit (one socket per login in flight on each side).
//!
//! `cargo bench -p vendors --bench memory [-- --logins N --rounds R]`

#[path = "support/handwritten.rs"]
mod handwritten;
#[path = "support/samples.rs"]
mod samples;
#[path = "support/server.rs"]
mod server;

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use auth_core::{LoginClient, Secret};
use axum::Router;
use axum::extract::State;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use axum::routing::post;
use samples::{EMAIL, ORGANIZATION_ID, PASSWORD, Vendor};
use tokio::sync::watch;

const VENDOR: Vendor = Vendor::Hypernative;
/// How long the server holds a login waiting for the rest of its batch, so a client that never
/// sends them all still finishes.
const HOLD_LIMIT: Duration = Duration::from_secs(120);

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| arg != "--bench")
        .collect();
    match args.first().map(String::as_str) {
        Some("server") => serve(parse(&args[1], "batch size")),
        Some("client") => client(&args[1], &args[2], parse(&args[3], "login count")),
        _ => orchestrate(&args),
    }
}

fn parse(text: &str, what: &str) -> usize {
    text.parse()
        .unwrap_or_else(|_| panic!("{what} must be a number, got {text:?}"))
}

fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{field} in /proc/self/status"))
}

fn orchestrate(args: &[String]) {
    let mut logins = 10_000;
    let mut rounds = 2;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--logins" => logins = parse(rest.next().expect("--logins N"), "--logins"),
            "--rounds" => rounds = parse(rest.next().expect("--rounds R"), "--rounds"),
            other => panic!("unknown argument {other:?}"),
        }
    }
    let exe = std::env::current_exe().expect("the path of this binary");
    let mut server = Command::new(&exe)
        .args(["server", &logins.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the server process");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("piped stdout"))
        .read_line(&mut line)
        .expect("the server's address");
    let addr = line.trim().to_owned();

    println!(
        "{logins} concurrent logins ({}), {rounds} rounds, one process per run; KiB\n",
        VENDOR.name()
    );
    println!(
        "| side | future bytes | RSS before | peak RSS | peak − before | per login in flight |"
    );
    println!("|---|---:|---:|---:|---:|---:|");
    for round in 0..rounds {
        let mut sides = ["generated", "handwritten", "bare"];
        // Alternate the order, so neither side always runs on a freshly warmed machine.
        if round % 2 == 1 {
            sides.reverse();
        }
        for side in sides {
            let output = Command::new(&exe)
                .args(["client", side, &addr, &logins.to_string()])
                .output()
                .expect("run a client process");
            assert!(
                output.status.success(),
                "{side} client failed: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            let text = String::from_utf8_lossy(&output.stdout);
            let numbers: Vec<u64> = text
                .split_whitespace()
                .map(|n| n.parse().expect("client output is numbers"))
                .collect();
            let [future, before, peak] = numbers[..] else {
                panic!("unexpected client output {text:?}");
            };
            let grown = peak.saturating_sub(before);
            println!(
                "| {side} | {future} | {before} | {peak} | {grown} | {:.2} |",
                grown as f64 / logins as f64
            );
        }
    }
    // Closing its stdin tells the server to stop.
    drop(server.stdin.take());
    server.wait().expect("the server stops");
}

/// Holds each login until `batch` of them have arrived, then answers them all.
fn serve(batch: usize) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async move {
        let arrived = Arc::new(AtomicUsize::new(0));
        let (done_tx, done_rx) = watch::channel(0usize);
        let done_tx = Arc::new(done_tx);
        let hold = post(
            move |State(state): State<(Arc<AtomicUsize>, Arc<watch::Sender<usize>>)>| async move {
                let (arrived, done) = state;
                let n = arrived.fetch_add(1, Ordering::SeqCst) + 1;
                let my_batch = (n - 1) / batch + 1;
                if n % batch == 0 {
                    done.send_replace(my_batch);
                }
                let mut done = done.subscribe();
                // Past the hold limit the login is answered anyway.
                let _ = tokio::time::timeout(HOLD_LIMIT, done.wait_for(|&b| b >= my_batch)).await;
                (
                    StatusCode::OK,
                    [(header::CONTENT_TYPE, "application/json")],
                    VENDOR.success_body(),
                )
                    .into_response()
            },
        );
        drop(done_rx);
        let router = Router::new()
            .route(&format!("/hold{}", VENDOR.path()), hold)
            .with_state((arrived, done_tx))
            .merge(server::samples_router());
        let listener = server::bind(8192).expect("bind 127.0.0.1");
        let addr = server::serve(listener, router);
        println!("{addr}");
        std::io::stdout().flush().expect("stdout");
        // Serve until the orchestrator closes stdin (or exits).
        tokio::task::spawn_blocking(|| std::io::stdin().lines().count())
            .await
            .expect("stdin reader");
    });
}

fn client(side: &str, addr: &str, logins: usize) {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    let warm: Arc<str> = format!("http://{addr}/{}", VENDOR.name()).into();
    let hold: Arc<str> = format!("http://{addr}/hold").into();
    let (future_bytes, before, ok) = runtime.block_on(async move {
        match side {
            "generated" => {
                let client = LoginClient::new().expect("a login client");
                let login = generated_login();
                let future_bytes = size_of_val(&login.send_to(&client, &warm));
                login.send_to(&client, &warm).await.expect("warm-up login");
                let before = status_kib("VmRSS:");
                let ok = in_flight(logins, move || {
                    let (client, hold) = (client.clone(), Arc::clone(&hold));
                    async move {
                        generated_login()
                            .send_to(&client, &hold)
                            .await
                            .is_ok_and(|s| !s.token().is_empty())
                    }
                })
                .await;
                (future_bytes, before, ok)
            }
            "handwritten" => {
                let client = handwritten::client();
                let login = handwritten_login();
                let future_bytes = size_of_val(&login.login(&client, &warm));
                login.login(&client, &warm).await.expect("warm-up login");
                let before = status_kib("VmRSS:");
                let ok = in_flight(logins, move || {
                    let (client, hold) = (client.clone(), Arc::clone(&hold));
                    async move {
                        handwritten_login()
                            .login(&client, &hold)
                            .await
                            .is_ok_and(|s| !s.token.is_empty())
                    }
                })
                .await;
                (future_bytes, before, ok)
            }
            "bare" => {
                let client = handwritten::client();
                let future_bytes = size_of_val(&bare_login(&client, &warm));
                assert!(bare_login(&client, &warm).await, "warm-up login");
                let before = status_kib("VmRSS:");
                let ok = in_flight(logins, move || {
                    let (client, hold) = (client.clone(), Arc::clone(&hold));
                    async move { bare_login(&client, &hold).await }
                })
                .await;
                (future_bytes, before, ok)
            }
            other => panic!("unknown side {other:?}"),
        }
    });
    assert_eq!(ok, logins, "{side}: every login succeeds");
    println!("{future_bytes} {before} {}", status_kib("VmHWM:"));
}

fn generated_login() -> vendors::hypernative::Login {
    vendors::hypernative::Login::builder()
        .email(EMAIL)
        .password(PASSWORD)
        .organization_id(ORGANIZATION_ID)
        .build()
}

fn handwritten_login() -> handwritten::hypernative::Login {
    handwritten::hypernative::Login {
        email: EMAIL.into(),
        password: Secret::from(PASSWORD),
        organization_id: Some(ORGANIZATION_ID),
    }
}

/// The HTTP stack alone: a fixed body posted, the answer read, nothing decoded.
async fn bare_login(client: &reqwest::Client, base_url: &str) -> bool {
    const BODY: &str = r#"{"email":"some.user@example.com","password":"correct horse battery staple","organizationId":1}"#;
    let Ok(response) = client
        .post(format!("{base_url}{}", VENDOR.path()))
        .header(header::CONTENT_TYPE, "application/json")
        .body(BODY)
        .send()
        .await
    else {
        return false;
    };
    response.status().is_success() && response.bytes().await.is_ok_and(|b| !b.is_empty())
}

/// Starts `logins` logins as tasks at once and counts those that succeed.
async fn in_flight<F, Fut>(logins: usize, login: F) -> usize
where
    F: Fn() -> Fut,
    Fut: Future<Output = bool> + Send + 'static,
{
    let tasks: Vec<_> = (0..logins).map(|_| tokio::spawn(login())).collect();
    let mut ok = 0;
    for task in tasks {
        ok += usize::from(task.await.expect("a login task does not panic"));
    }
    ok
}
