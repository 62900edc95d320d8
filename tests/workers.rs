//! Child processes running `shared-session-worker` (tests/bin/shared_session_worker.rs): each
//! one an app process with its own `Authenticator` on a shared store, driven line by line.

#![allow(dead_code)]

use std::process::Stdio;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader, Lines};
use tokio::process::{Child, ChildStdin, ChildStdout, Command};
use tokio::sync::watch;

/// How long a worker may take to answer one command before the test fails.
const ANSWER_LIMIT: Duration = Duration::from_secs(60);

/// The sealing key every worker of a test shares.
pub const KEY_HEX: &str = "5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f5e1f";

/// What `token N` answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens {
    /// The fingerprint of the token the first task got.
    pub fingerprint: String,
    /// How many distinct tokens the tasks got.
    pub distinct: usize,
    /// How long it took.
    pub elapsed: Duration,
}

/// One worker process.
pub struct Worker {
    child: Child,
    stdin: ChildStdin,
    stdout: Lines<BufReader<ChildStdout>>,
    stderr: Arc<Mutex<String>>,
    stderr_lines: watch::Receiver<usize>,
}

impl Worker {
    /// Starts a worker with `args` and waits until it reads commands.
    pub async fn spawn(args: &[String]) -> Worker {
        let mut child = Command::new(env!("CARGO_BIN_EXE_shared-session-worker"))
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .kill_on_drop(true)
            .spawn()
            .expect("the worker binary starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut errors = BufReader::new(child.stderr.take().unwrap()).lines();
        let collected = Arc::clone(&stderr);
        let (lines, stderr_lines) = watch::channel(0);
        tokio::spawn(async move {
            while let Ok(Some(line)) = errors.next_line().await {
                {
                    let mut text = collected.lock().unwrap();
                    text.push_str(&line);
                    text.push('\n');
                }
                lines.send_modify(|count| *count += 1);
            }
        });
        let mut worker = Worker {
            child,
            stdin,
            stdout,
            stderr,
            stderr_lines,
        };
        assert_eq!(worker.answer().await, "ready");
        worker
    }

    /// Sends a command without waiting for its answer.
    pub async fn send(&mut self, command: &str) {
        self.stdin
            .write_all(format!("{command}\n").as_bytes())
            .await
            .expect("the worker reads its commands");
        self.stdin.flush().await.unwrap();
    }

    /// The next line the worker answers.
    pub async fn answer(&mut self) -> String {
        match tokio::time::timeout(ANSWER_LIMIT, self.stdout.next_line()).await {
            Ok(Ok(Some(line))) => line,
            Ok(_) => panic!("the worker ended; its stderr:\n{}", self.stderr()),
            Err(_) => panic!(
                "the worker did not answer within {ANSWER_LIMIT:?}; its stderr:\n{}",
                self.stderr()
            ),
        }
    }

    /// Sends `token N` and reads its answer.
    pub async fn tokens(&mut self, tasks: usize) -> Tokens {
        self.send(&format!("token {tasks}")).await;
        self.token_answer().await
    }

    /// Reads the answer to a `token N` sent before.
    pub async fn token_answer(&mut self) -> Tokens {
        let answer = self.answer().await;
        let words: Vec<&str> = answer.split_whitespace().collect();
        match words.as_slice() {
            ["ok", fingerprint, distinct, millis] => Tokens {
                fingerprint: (*fingerprint).to_owned(),
                distinct: distinct.parse().unwrap(),
                elapsed: Duration::from_millis(millis.parse().unwrap()),
            },
            _ => panic!(
                "the worker answered `{answer}`; its stderr:\n{}",
                self.stderr()
            ),
        }
    }

    /// Reports the last token rejected.
    pub async fn invalidate(&mut self) {
        self.send("invalidate").await;
        assert_eq!(self.answer().await, "ok");
    }

    /// Kills the process (SIGKILL: no cleanup of any kind) and waits for it to end.
    pub async fn kill(&mut self) {
        self.child.kill().await.expect("the worker can be killed");
    }

    /// Everything it wrote to stderr so far.
    pub fn stderr(&self) -> String {
        self.stderr.lock().unwrap().clone()
    }

    /// How many warnings it logged so far.
    pub fn warnings(&self) -> usize {
        self.stderr()
            .lines()
            .filter(|line| line.contains(" WARN "))
            .count()
    }

    /// Waits until it has logged at least `count` warnings; panics after a minute.
    pub async fn wait_for_warnings(&self, count: usize) {
        let mut lines = self.stderr_lines.clone();
        let waited = tokio::time::timeout(ANSWER_LIMIT, async {
            while self.warnings() < count {
                if lines.changed().await.is_err() {
                    return;
                }
            }
        })
        .await;
        assert!(
            waited.is_ok() && self.warnings() >= count,
            "{count} warnings expected; stderr:\n{}",
            self.stderr()
        );
    }

    /// Asks it to quit and waits for it to end.
    pub async fn quit(mut self) {
        self.send("quit").await;
        let _ = tokio::time::timeout(ANSWER_LIMIT, self.child.wait()).await;
    }
}

/// The arguments of a worker logging in to `vendor` at `url` with `store`.
pub fn args(vendor: &str, url: &str, store: &str) -> Vec<String> {
    [
        "--vendor", vendor, "--url", url, "--store", store, "--key", KEY_HEX,
    ]
    .map(str::to_owned)
    .to_vec()
}

/// `args` with `--name value` added.
pub fn with(mut args: Vec<String>, name: &str, value: impl ToString) -> Vec<String> {
    args.push(name.to_owned());
    args.push(value.to_string());
    args
}
