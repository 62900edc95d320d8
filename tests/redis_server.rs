//! A real `redis-server` on a free loopback port, stopped when dropped: what the shared-store
//! tests, the shared-session example and its benchmark run against.
//!
//! The binary is `$REDIS_SERVER` if set, else `redis-server` on `PATH` (or in `/usr/bin`,
//! `/usr/local/bin`, `/opt/homebrew/bin`). It runs with persistence off, in a scratch
//! directory of its own, and is ready once it logs "Ready to accept connections".

#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

const READY: &str = "Ready to accept connections";
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// A running `redis-server`.
pub struct RedisServer {
    child: Option<Child>,
    port: u16,
    dir: PathBuf,
}

/// Where `redis-server` is, or why it cannot be run.
pub fn binary() -> Result<PathBuf, String> {
    if let Some(path) = std::env::var_os("REDIS_SERVER") {
        let path = PathBuf::from(path);
        return if path.is_file() {
            Ok(path)
        } else {
            Err(format!(
                "REDIS_SERVER is set to {}, which is not a file",
                path.display()
            ))
        };
    }
    let path_dirs = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    let fallbacks = ["/usr/bin", "/usr/local/bin", "/opt/homebrew/bin"].map(PathBuf::from);
    path_dirs
        .into_iter()
        .chain(fallbacks)
        .map(|dir| dir.join("redis-server"))
        .find(|path| path.is_file())
        .ok_or_else(|| {
            "redis-server was not found on PATH: install it (Debian/Ubuntu: \
             `apt-get install redis-server`; macOS: `brew install redis`) or set REDIS_SERVER \
             to its path"
                .to_owned()
        })
}

/// A free port on 127.0.0.1, as the OS hands them out.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}

impl RedisServer {
    /// Starts one on a free port; panics, saying how to install it, if there is no binary.
    pub fn start() -> RedisServer {
        match RedisServer::try_start() {
            Ok(server) => server,
            Err(message) => panic!("{message}"),
        }
    }

    /// Starts one on a free port.
    pub fn try_start() -> Result<RedisServer, String> {
        let mut last_error = String::new();
        // Another program may take the free port before redis-server binds it: try a few.
        for _ in 0..5 {
            match RedisServer::try_start_on(free_port()) {
                Ok(server) => return Ok(server),
                Err(error) => last_error = error,
            }
        }
        Err(last_error)
    }

    /// Starts one on `port`; panics if it cannot.
    pub fn start_on(port: u16) -> RedisServer {
        match RedisServer::try_start_on(port) {
            Ok(server) => server,
            Err(message) => panic!("{message}"),
        }
    }

    /// Starts one on `port`.
    pub fn try_start_on(port: u16) -> Result<RedisServer, String> {
        let binary = binary()?;
        let dir = std::env::temp_dir().join(format!(
            "login-endpoint-redis-{}-{port}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).map_err(|e| format!("scratch directory: {e}"))?;
        let mut child = Command::new(&binary)
            .args(["--port", &port.to_string()])
            .args(["--bind", "127.0.0.1"])
            .args(["--save", ""])
            .args(["--appendonly", "no"])
            .args(["--daemonize", "no"])
            .args(["--logfile", ""])
            .arg("--dir")
            .arg(&dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("{} could not be started: {e}", binary.display()))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let (lines, received) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { return };
                if lines.send(line).is_err() {
                    return;
                }
            }
        });
        let mut log = Vec::new();
        loop {
            match received.recv_timeout(START_TIMEOUT) {
                Ok(line) if line.contains(READY) => break,
                Ok(line) => log.push(line),
                Err(_) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    let _ = std::fs::remove_dir_all(&dir);
                    return Err(format!(
                        "redis-server on port {port} did not become ready:\n{}",
                        log.join("\n")
                    ));
                }
            }
        }
        // Keep reading its log so that it never blocks on a full pipe.
        std::thread::spawn(move || while received.recv().is_ok() {});
        Ok(RedisServer {
            child: Some(child),
            port,
            dir,
        })
    }

    /// Its port.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// `redis://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    /// Kills it and waits for it to end.
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for RedisServer {
    fn drop(&mut self) {
        self.stop();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
