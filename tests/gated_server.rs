//! A loopback login server whose n-th request (from 1) is answered `{"token":"t-<n>"}`, at once
//! or, for the requests the test holds, only once the test releases them: a login stuck in
//! flight, on demand. It counts every request that arrives.
//!
//! It runs as a task on the caller's runtime and stops when dropped.

#![allow(dead_code)]

use std::collections::HashSet;
use std::sync::Arc;
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::watch;
use tokio::task::JoinHandle;

/// The server.
pub struct GatedServer {
    base_url: String,
    arrived: watch::Sender<usize>,
    held: Arc<watch::Sender<HashSet<usize>>>,
    task: JoinHandle<()>,
}

impl GatedServer {
    /// Serves, holding the requests numbered in `held` until [`release`](GatedServer::release).
    pub async fn start(held: &[usize]) -> GatedServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let arrived = watch::Sender::new(0usize);
        let held = Arc::new(watch::Sender::new(held.iter().copied().collect()));
        let task = {
            let arrived = arrived.clone();
            let held = Arc::clone(&held);
            tokio::spawn(async move {
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        return;
                    };
                    let arrived = arrived.clone();
                    let held = Arc::clone(&held);
                    tokio::spawn(async move { answer(stream, &arrived, &held).await });
                }
            })
        };
        GatedServer {
            base_url,
            arrived,
            held,
            task,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// How many requests arrived so far.
    pub fn requests(&self) -> usize {
        *self.arrived.borrow()
    }

    /// Waits until `count` requests have arrived; panics after `limit`.
    pub async fn wait_for_requests(&self, count: usize, limit: Duration) {
        let mut arrived = self.arrived.subscribe();
        tokio::time::timeout(limit, arrived.wait_for(|n| *n >= count))
            .await
            .unwrap_or_else(|_| {
                panic!(
                    "{count} login requests expected within {limit:?}, {} arrived",
                    self.requests()
                )
            })
            .unwrap();
    }

    /// Lets held request `number` be answered.
    pub fn release(&self, number: usize) {
        self.held.send_modify(|held| {
            held.remove(&number);
        });
    }
}

impl Drop for GatedServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer(
    mut stream: TcpStream,
    arrived: &watch::Sender<usize>,
    held: &watch::Sender<HashSet<usize>>,
) {
    let mut buffer = Vec::new();
    loop {
        let Some(request_len) = read_request(&mut stream, &mut buffer).await else {
            return;
        };
        buffer.drain(..request_len);
        let mut number = 0;
        arrived.send_modify(|count| {
            *count += 1;
            number = *count;
        });
        let mut gate = held.subscribe();
        if gate.wait_for(|held| !held.contains(&number)).await.is_err() {
            return;
        }
        let body = format!(r#"{{"token":"t-{number}"}}"#);
        let response = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        if stream.write_all(response.as_bytes()).await.is_err() {
            return;
        }
    }
}

/// Reads one request (headers and a `content-length` body) into `buffer`; returns its length,
/// or `None` when the connection closed first.
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<usize> {
    loop {
        if let Some(end) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&buffer[..end]).to_ascii_lowercase();
            let body_len = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .map_or(0, |value| value.trim().parse::<usize>().unwrap());
            let total = end + 4 + body_len;
            if buffer.len() >= total {
                return Some(total);
            }
        }
        let mut chunk = [0u8; 4096];
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return None,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
}
