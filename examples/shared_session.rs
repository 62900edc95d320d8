//! One login for a fleet: several processes, each with its own `Authenticator` and many tasks,
//! share one TalkStack session through a local Redis, and the sandbox counts the logins.
//!
//! ```sh
//! cargo run --example shared_session            # 4 processes × 50 tasks
//! cargo run --example shared_session -- 8 100   # 8 processes × 100 tasks
//! ```
//!
//! The program starts the sandbox and a `redis-server` on free loopback ports (the binary from
//! `$REDIS_SERVER` or `PATH`), then starts the processes, copies of itself, all at once. Without
//! `redis-server` it says so and shares the session through a file store in a temporary
//! directory instead. Each process prints what it got; the program then prints how many
//! logins the sandbox saw, and exits non-zero unless it was one.

#[path = "../tests/redis_server.rs"]
mod redis_server;

use std::error::Error;
use std::process::{ExitCode, Stdio};
use std::sync::Arc;
use std::time::SystemTime;

use auth_core::store::{FileStore, RedisStore, SealingKey, SharedStore};
use auth_core::{Authenticator, LoginClient};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;
use tokio::task::JoinSet;
use vendors::sandbox::{Sandbox, demo};
use vendors::talkstack;

/// The environment variable that hands the sealing key to the processes (an argument would
/// show in `ps`).
const KEY_VARIABLE: &str = "SHARED_SESSION_KEY";

#[tokio::main]
async fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("--process") => run_process(&args[1..]).await,
        _ => run_fleet(&args).await,
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("shared_session: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The parent: sandbox, store, processes, and the count.
async fn run_fleet(args: &[String]) -> Result<ExitCode, Box<dyn Error>> {
    let processes: usize = args.first().map_or(Ok(4), |n| n.parse())?;
    let tasks: usize = args.get(1).map_or(Ok(50), |n| n.parse())?;
    let sandbox = Sandbox::start().await?;
    let scratch = std::env::temp_dir().join(format!("shared-session-{}", std::process::id()));
    let (store, _redis) = match redis_server::RedisServer::try_start() {
        Ok(redis) => {
            println!("redis-server is on {}", redis.url());
            (redis.url(), Some(redis))
        }
        Err(reason) => {
            println!("No Redis: {reason}.");
            println!(
                "Sharing through a file store in {} instead.",
                scratch.display()
            );
            (format!("file:{}", scratch.display()), None)
        }
    };
    // A fresh key for this run; a real fleet reads one from its secret manager.
    let key = random_key_hex()?;
    println!("{processes} processes × {tasks} tasks ask for a TalkStack token at once\n");

    let mut children = JoinSet::new();
    for number in 1..=processes {
        let mut child = Command::new(std::env::current_exe()?)
            .args(["--process", &number.to_string(), &tasks.to_string()])
            .args([&sandbox.talkstack(), &store])
            .env(KEY_VARIABLE, &key)
            .stdout(Stdio::piped())
            .kill_on_drop(true)
            .spawn()?;
        let stdout = child.stdout.take().ok_or("no stdout")?;
        children.spawn(async move {
            let mut lines = BufReader::new(stdout).lines();
            let mut said = Vec::new();
            while let Ok(Some(line)) = lines.next_line().await {
                said.push(line);
            }
            (child.wait().await, said)
        });
    }
    let mut failed = false;
    while let Some(joined) = children.join_next().await {
        let (status, said) = joined?;
        for line in said {
            println!("{line}");
        }
        failed |= !status?.success();
    }
    let _ = std::fs::remove_dir_all(&scratch);

    let logins = sandbox.login_requests();
    println!("\nThe sandbox saw {logins} login(s) for {processes} processes.");
    Ok(if logins == 1 && !failed {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// One process of the fleet: `--process <number> <tasks> <base URL> <store>`.
async fn run_process(args: &[String]) -> Result<ExitCode, Box<dyn Error>> {
    let [number, tasks, base_url, store] = args else {
        return Err("usage: --process <number> <tasks> <base URL> <store>".into());
    };
    let tasks: usize = tasks.parse()?;
    let key = SealingKey::from_hex("example", &std::env::var(KEY_VARIABLE)?)?;
    let shared = match store.strip_prefix("file:") {
        Some(dir) => SharedStore::new(FileStore::new(dir)?, key),
        None => SharedStore::new(RedisStore::new(store)?, key),
    };
    let login = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build();
    let auth = Arc::new(
        Authenticator::new(LoginClient::new()?, login)
            .with_base_url(base_url)
            .with_store(&shared, demo::EMAIL),
    );
    let mut callers = JoinSet::new();
    for _ in 0..tasks {
        let auth = Arc::clone(&auth);
        callers.spawn(async move { auth.token().await });
    }
    let tokens = callers.join_all().await;
    let tokens = tokens.into_iter().collect::<Result<Vec<_>, _>>()?;
    let same = tokens
        .iter()
        .all(|token| token.expose_secret() == tokens[0].expose_secret());
    let session = auth.session().await?;
    let issued = session
        .issued_at()
        .duration_since(SystemTime::UNIX_EPOCH)?
        .as_millis();
    let user = session
        .response()
        .user
        .as_ref()
        .map_or("?", |user| user.email.as_str());
    println!(
        "process {number} (pid {}): {tasks} tasks, {} token, session of {user} issued at {issued} ms",
        std::process::id(),
        if same { "one" } else { "more than one" }
    );
    Ok(if same {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// 32 random bytes in hex.
fn random_key_hex() -> Result<String, Box<dyn Error>> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| format!("no random key: {e}"))?;
    Ok(bytes.iter().map(|byte| format!("{byte:02x}")).collect())
}
