//! A loopback HTTP server that answers requests from a script, one reply per request, so tests
//! can stage 429s, 5xxs, stalls and their recovery in a precise order.
//!
//! It runs as a task on the caller's runtime: with a paused clock on a current-thread runtime,
//! client and server then share one thread and the clock only moves when both wait on a timer.

#![allow(dead_code)]

use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// One scripted answer.
#[derive(Clone, Debug)]
pub enum Reply {
    /// A complete response.
    Status {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// Reads the request, then never answers and keeps the connection open.
    Stall,
}

impl Reply {
    /// `status` with an empty JSON object as its body.
    pub fn status(status: u16) -> Reply {
        Reply::Status {
            status,
            headers: Vec::new(),
            body: "{}".to_owned(),
        }
    }

    /// `status` with a `Retry-After` header.
    pub fn retry_after(status: u16, retry_after: &str) -> Reply {
        Reply::Status {
            status,
            headers: vec![("Retry-After".to_owned(), retry_after.to_owned())],
            body: "{}".to_owned(),
        }
    }

    /// `200` with a token in the body.
    pub fn token(token: &str) -> Reply {
        Reply::Status {
            status: 200,
            headers: Vec::new(),
            body: format!(r#"{{"token":"{token}"}}"#),
        }
    }
}

/// The server; stops when dropped.
pub struct ScriptedServer {
    base_url: String,
    requests: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl ScriptedServer {
    /// Serves `script` in order; once it is spent, the last reply is repeated.
    pub async fn start(script: Vec<Reply>) -> ScriptedServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        ScriptedServer::serve(listener, script)
    }

    /// Serves `script` on a listener the test bound itself.
    pub fn serve(listener: TcpListener, script: Vec<Reply>) -> ScriptedServer {
        assert!(!script.is_empty(), "a script needs at least one reply");
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let requests = Arc::new(AtomicUsize::new(0));
        let script = Arc::new(Mutex::new((script, 0usize)));
        let counter = Arc::clone(&requests);
        let task = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else {
                    return;
                };
                let counter = Arc::clone(&counter);
                let script = Arc::clone(&script);
                tokio::spawn(async move {
                    answer(stream, &counter, &script).await;
                });
            }
        });
        ScriptedServer {
            base_url,
            requests,
            task,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// How many complete requests arrived so far.
    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn answer(mut stream: TcpStream, counter: &AtomicUsize, script: &Mutex<(Vec<Reply>, usize)>) {
    // Each connection carries requests until the client closes it.
    let mut buffer = Vec::new();
    loop {
        let Some(request_len) = read_request(&mut stream, &mut buffer).await else {
            return;
        };
        buffer.drain(..request_len);
        counter.fetch_add(1, Ordering::SeqCst);
        let reply = {
            let mut script = script.lock().unwrap();
            let (replies, next) = &mut *script;
            let reply = replies[(*next).min(replies.len() - 1)].clone();
            *next += 1;
            reply
        };
        match reply {
            Reply::Stall => std::future::pending::<()>().await,
            Reply::Status {
                status,
                headers,
                body,
            } => {
                let mut response = format!(
                    "HTTP/1.1 {status} Scripted\r\ncontent-type: application/json\r\ncontent-length: {}\r\n",
                    body.len()
                );
                for (name, value) in headers {
                    response.push_str(&format!("{name}: {value}\r\n"));
                }
                response.push_str("\r\n");
                response.push_str(&body);
                if stream.write_all(response.as_bytes()).await.is_err() {
                    return;
                }
            }
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
