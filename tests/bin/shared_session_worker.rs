//! One process of the shared-session tests: an `Authenticator` with a shared store, driven by
//! commands on stdin, one per line, each answered by one line on stdout:
//!
//! - `token N`: N concurrent tasks call `token()`; answers `ok <fingerprint> <distinct> <ms>`
//!   (the fingerprint of the first task's token, how many distinct tokens the N tasks got, the
//!   milliseconds it took) or `err <kind>`;
//! - `invalidate`: reports the last token rejected; answers `ok`;
//! - `quit`.
//!
//! It prints `ready` once it reads commands. Warnings go to stderr, one per line.
//!
//! Arguments: `--vendor talkstack|gated --url BASE_URL --store redis://…|file:DIR --key HEX
//! [--principal P] [--lease-ms N] [--op-timeout-ms N] [--retry-after-ms N] [--client-timeout-ms N]`.

#[path = "../fingerprint.rs"]
mod fingerprint;

use std::collections::HashSet;
use std::sync::Arc;
use std::time::{Duration, Instant};

use auth_core::store::{FileStore, RedisStore, SealingKey, SharedStore};
use auth_core::{AccessToken, Authenticator, LoginClient, LoginEndpoint, RetryPolicy, Secret};
use fingerprint::fingerprint;
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};

#[derive(Debug, serde::Deserialize)]
pub struct GatedResponse {
    token: Secret,
}

/// The login of `gated_server.rs`: a vendor without a documented lifetime.
#[auth_core::login_endpoint(
    vendor = "Gated",
    base_url = "https://gated.example",
    path = "/login",
    response = GatedResponse,
    token = token,
)]
pub struct GatedLogin {
    email: String,
    #[login(secret)]
    password: Secret,
}

struct Args {
    vendor: String,
    url: String,
    store: String,
    key: String,
    principal: String,
    lease: Duration,
    operation_timeout: Duration,
    retry_after: Duration,
    client_timeout: Duration,
}

fn millis(value: &str) -> Duration {
    Duration::from_millis(value.parse().expect("milliseconds"))
}

fn parse_args() -> Args {
    let mut args = Args {
        vendor: String::new(),
        url: String::new(),
        store: String::new(),
        key: String::new(),
        principal: vendors::sandbox::demo::EMAIL.to_owned(),
        lease: Duration::from_secs(30),
        operation_timeout: Duration::from_secs(1),
        retry_after: Duration::from_secs(5),
        client_timeout: Duration::from_secs(10),
    };
    let mut given = std::env::args().skip(1);
    while let (Some(name), Some(value)) = (given.next(), given.next()) {
        match name.as_str() {
            "--vendor" => args.vendor = value,
            "--url" => args.url = value,
            "--store" => args.store = value,
            "--key" => args.key = value,
            "--principal" => args.principal = value,
            "--lease-ms" => args.lease = millis(&value),
            "--op-timeout-ms" => args.operation_timeout = millis(&value),
            "--retry-after-ms" => args.retry_after = millis(&value),
            "--client-timeout-ms" => args.client_timeout = millis(&value),
            other => panic!("unknown argument {other}"),
        }
    }
    args
}

#[tokio::main]
async fn main() {
    tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_writer(std::io::stderr)
        .with_ansi(false)
        .init();
    let args = parse_args();
    let key = SealingKey::from_hex("test", &args.key).expect("a sealing key");
    let shared = if let Some(dir) = args.store.strip_prefix("file:") {
        SharedStore::new(FileStore::new(dir).expect("a session directory"), key)
    } else {
        let store = RedisStore::new(&args.store)
            .expect("a Redis URL")
            .with_timeout(args.operation_timeout);
        SharedStore::new(store, key)
    };
    let shared = shared
        .with_lease_ttl(args.lease)
        .with_operation_timeout(args.operation_timeout)
        .with_retry_after(args.retry_after);
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .timeout(args.client_timeout)
        .build()
        .expect("a login client");
    match args.vendor.as_str() {
        "talkstack" => {
            let login = vendors::talkstack::Login::builder()
                .email(vendors::sandbox::demo::EMAIL)
                .password(vendors::sandbox::demo::PASSWORD)
                .build();
            serve(authenticator(client, login, &args, &shared)).await;
        }
        "gated" => {
            let login = GatedLogin::builder()
                .email("worker@example.com")
                .password("gated-password")
                .build();
            serve(authenticator(client, login, &args, &shared)).await;
        }
        other => panic!("unknown vendor {other}"),
    }
}

fn authenticator<E: LoginEndpoint>(
    client: LoginClient,
    login: E,
    args: &Args,
    shared: &SharedStore,
) -> Arc<Authenticator<E>> {
    Arc::new(Authenticator::new_at(client, login, &args.url).with_store(shared, &args.principal))
}

async fn serve<E: LoginEndpoint + 'static>(auth: Arc<Authenticator<E>>) {
    let mut stdout = tokio::io::stdout();
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    let mut last: Option<AccessToken> = None;
    say(&mut stdout, "ready").await;
    while let Ok(Some(line)) = lines.next_line().await {
        let mut words = line.split_whitespace();
        match (words.next(), words.next()) {
            (Some("token"), Some(count)) => {
                let count: usize = count.parse().expect("a task count");
                let started = Instant::now();
                let tasks: Vec<_> = (0..count)
                    .map(|_| {
                        let auth = Arc::clone(&auth);
                        tokio::spawn(async move { auth.token().await })
                    })
                    .collect();
                let mut results = Vec::with_capacity(count);
                for task in tasks {
                    results.push(task.await.expect("a token task does not panic"));
                }
                let elapsed = started.elapsed().as_millis();
                let answer = match results.iter().find_map(|r| r.as_ref().err()) {
                    Some(error) => format!("err {}", error.kind()),
                    None => {
                        let tokens: Vec<AccessToken> =
                            results.into_iter().map(Result::unwrap).collect();
                        let distinct: HashSet<&str> =
                            tokens.iter().map(AccessToken::expose_secret).collect();
                        let first = fingerprint(tokens[0].expose_secret());
                        last = Some(tokens[0].clone());
                        format!("ok {first} {} {elapsed}", distinct.len())
                    }
                };
                say(&mut stdout, &answer).await;
            }
            (Some("invalidate"), None) => {
                if let Some(token) = &last {
                    auth.invalidate(token);
                }
                say(&mut stdout, "ok").await;
            }
            (Some("quit"), None) => return,
            _ => say(&mut stdout, "err unknown command").await,
        }
    }
}

async fn say(stdout: &mut tokio::io::Stdout, line: &str) {
    stdout
        .write_all(format!("{line}\n").as_bytes())
        .await
        .expect("stdout");
    stdout.flush().await.expect("stdout");
}
