//! Fault injection: broken and hostile servers on loopback, and what the client makes of them.
//!
//! Each test starts its own server on 127.0.0.1 (raw `TcpListener`s that write bytes by hand,
//! a TLS server, or wiremock), and each fault must end in a typed [`AuthError`] within its
//! budget: no hang, no panic, no session. Clients here send each login once
//! ([`RetryPolicy::disabled`]), so what is measured is one exchange, not the retry policy,
//! except where a test says it keeps the default retries on.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use auth_core::{AuthError, ErrorKind, LoginClient, LoginClientBuilder, RetryPolicy, TrustedRoots};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;
use tokio::time::Instant;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A guard against a test that would otherwise hang, never reached when the client behaves. With
/// a paused clock it is virtual time, which passes only once nothing else can run.
const HANG_GUARD: Duration = Duration::from_secs(20);

fn client_builder() -> LoginClientBuilder {
    LoginClient::builder().retry_policy(RetryPolicy::disabled())
}

fn client() -> LoginClient {
    client_builder().build().unwrap()
}

fn talkstack_login() -> vendors::talkstack::Login {
    vendors::talkstack::Login::builder()
        .email("fault@example.com")
        .password("fault-password")
        .build()
}

/// Binds 127.0.0.1 on a free port and hands the first connection to `serve`, whose result the
/// returned handle yields. The base URL is `http://127.0.0.1:<port>`.
async fn serve_one<F, Fut, T>(serve: F) -> (String, JoinHandle<T>)
where
    F: FnOnce(TcpStream) -> Fut + Send + 'static,
    Fut: Future<Output = T> + Send + 'static,
    T: Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let handle = tokio::spawn(async move {
        let (stream, _) = listener.accept().await.unwrap();
        serve(stream).await
    });
    (base, handle)
}

/// Reads one HTTP/1.1 request (head and `Content-Length` body) and returns it.
async fn read_request<S: AsyncRead + Unpin>(stream: &mut S) -> std::io::Result<Vec<u8>> {
    let mut request = Vec::new();
    let mut buf = [0u8; 4096];
    let head_end = loop {
        if let Some(end) = request.windows(4).position(|w| w == b"\r\n\r\n") {
            break end + 4;
        }
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        request.extend_from_slice(&buf[..n]);
    };
    let head = String::from_utf8_lossy(&request[..head_end]).to_ascii_lowercase();
    let length: usize = head
        .lines()
        .find_map(|line| line.strip_prefix("content-length:"))
        .map_or(0, |value| value.trim().parse().unwrap());
    while request.len() < head_end + length {
        let n = stream.read(&mut buf).await?;
        if n == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        request.extend_from_slice(&buf[..n]);
    }
    Ok(request)
}

/// Writes `chunk` until the peer stops reading (a write fails) or `limit` bytes are written;
/// returns the bytes written and whether a write failed.
async fn write_until_refused<S: AsyncWrite + Unpin>(
    stream: &mut S,
    chunk: &[u8],
    limit: usize,
) -> (usize, bool) {
    let mut written = 0;
    while written < limit {
        match stream.write(chunk).await {
            Ok(0) | Err(_) => return (written, true),
            Ok(n) => written += n,
        }
    }
    (written, false)
}

// --- 1, 2: deadlines -------------------------------------------------------------------------

#[tokio::test(start_paused = true)]
async fn a_server_that_never_answers_hits_the_total_timeout() {
    let (base, server) = serve_one(|mut stream| async move {
        let request = read_request(&mut stream).await.unwrap();
        // Hold the connection, answering nothing, until the client gives up and closes it.
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest).await;
        request
    })
    .await;
    let timeout = Duration::from_secs(7);
    let client = client_builder().timeout(timeout).build().unwrap();

    let started = Instant::now();
    let error = talkstack_login().send_to(&client, &base).await.unwrap_err();
    let elapsed = started.elapsed();

    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert!(error.is_retryable());
    assert!(
        elapsed >= timeout && elapsed < timeout + Duration::from_millis(50),
        "gave up after {elapsed:?}, budget {timeout:?}"
    );
    drop(client);
    // The whole request arrived: it is the answer that was waited for, not the connection.
    let request = tokio::time::timeout(HANG_GUARD, server)
        .await
        .expect("the client kept the connection open after its deadline")
        .unwrap();
    assert!(request.starts_with(b"POST /auth/login HTTP/1.1\r\n"));
}

#[tokio::test(start_paused = true)]
async fn a_server_that_never_answers_is_cut_off_at_the_deadline_with_retries_on() {
    // Accepts every connection, reads what arrives and never answers, so however many attempts
    // the client makes, each one hangs.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let connections = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let accepted = Arc::clone(&connections);
    let server = tokio::spawn(async move {
        loop {
            let (mut stream, _) = listener.accept().await.unwrap();
            accepted.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            tokio::spawn(async move {
                let mut sink = Vec::new();
                let _ = stream.read_to_end(&mut sink).await;
            });
        }
    });
    // The defaults: retries on, a 30 s deadline for the whole login.
    let client = LoginClient::new().unwrap();
    let deadline = Duration::from_secs(30);

    let started = Instant::now();
    let error = talkstack_login().send_to(&client, &base).await.unwrap_err();
    let elapsed = started.elapsed();

    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert!(
        elapsed >= deadline && elapsed < deadline + Duration::from_secs(1),
        "gave up after {elapsed:?}, deadline {deadline:?}"
    );
    let attempts = connections.load(std::sync::atomic::Ordering::SeqCst);
    assert_eq!(attempts, 1, "the one attempt used the whole deadline");
    assert_eq!(
        error.detail(),
        Some("no complete response before the login's 30s deadline; 1 attempt, 30.0s in all")
    );
    server.abort();
}

#[tokio::test(start_paused = true)]
async fn a_connection_that_is_never_accepted_hits_the_connect_timeout() {
    // A listener that never accepts, with its accept queue filled: the kernel drops further
    // SYNs, so the client's connection attempt hangs in the handshake.
    let socket = tokio::net::TcpSocket::new_v4().unwrap();
    socket.bind("127.0.0.1:0".parse().unwrap()).unwrap();
    let listener = socket.listen(1).unwrap();
    let address = listener.local_addr().unwrap();
    let mut queued = Vec::new();
    while let Ok(Ok(stream)) =
        tokio::time::timeout(Duration::from_secs(1), TcpStream::connect(address)).await
    {
        queued.push(stream);
        assert!(queued.len() < 64, "the accept queue never filled");
    }

    let connect_timeout = Duration::from_secs(3);
    let client = client_builder()
        .connect_timeout(connect_timeout)
        .timeout(Duration::from_secs(60))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = talkstack_login()
        .send_to(&client, &format!("http://{address}"))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();

    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert!(
        elapsed >= connect_timeout && elapsed < connect_timeout + Duration::from_millis(50),
        "gave up after {elapsed:?}; connect budget {connect_timeout:?}, total 60s"
    );
    drop(listener);
}

#[tokio::test(start_paused = true)]
async fn a_body_dripping_one_byte_a_second_still_meets_the_deadline() {
    let (base, server) = serve_one(|mut stream| async move {
        read_request(&mut stream).await.unwrap();
        stream
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{")
            .await
            .unwrap();
        let mut dripped = 1;
        // Every read makes progress, so only a deadline on the whole exchange can stop this.
        loop {
            tokio::time::sleep(Duration::from_secs(1)).await;
            // The first write after the client has closed may still succeed (the peer answers
            // it with a reset); the next one fails.
            if dripped == 1000 || stream.write_all(b" ").await.is_err() {
                return dripped;
            }
            dripped += 1;
        }
    })
    .await;
    let timeout = Duration::from_secs(5);
    let client = client_builder().timeout(timeout).build().unwrap();

    let started = Instant::now();
    let error = talkstack_login().send_to(&client, &base).await.unwrap_err();
    let elapsed = started.elapsed();

    assert_eq!(error.kind(), ErrorKind::Timeout, "{error:?}");
    assert_eq!(error.status(), Some(200), "the headers had arrived");
    assert!(
        elapsed >= timeout && elapsed < timeout + Duration::from_millis(50),
        "gave up after {elapsed:?}, budget {timeout:?}"
    );
    drop(client);
    let dripped = tokio::time::timeout(HANG_GUARD, server)
        .await
        .expect("the client kept the connection open after its deadline")
        .unwrap();
    assert!(
        (4..10).contains(&dripped),
        "the server dripped {dripped} bytes; expected it to be cut off after about 5"
    );
}

// --- 3: truncated and broken responses -------------------------------------------------------

#[tokio::test]
async fn a_body_shorter_than_its_content_length_is_a_typed_error() {
    let (base, server) = serve_one(|mut stream| async move {
        read_request(&mut stream).await.unwrap();
        stream
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"token\":")
            .await
            .unwrap();
        // Dropping the stream closes it after 10 of the 100 promised bytes.
    })
    .await;
    let error = talkstack_login()
        .send_to(&client(), &base)
        .await
        .unwrap_err();
    server.await.unwrap();
    assert_eq!(error.kind(), ErrorKind::Connect, "{error:?}");
    assert_eq!(error.status(), Some(200));
    assert!(
        error.detail().unwrap().contains("broke"),
        "{:?}",
        error.detail()
    );
}

#[tokio::test]
async fn a_response_cut_off_in_its_status_line_is_a_typed_error() {
    // (bytes written, then: reset (true) or orderly close (false))
    let cases: [(&[u8], bool); 4] = [
        (b"HTTP/1.1", true),
        (b"HTTP/1.1", false),
        (b"", true),
        (b"HTTP/1.1 200 OK\r\ncontent-le", true),
    ];
    for (bytes, reset) in cases {
        let (base, server) = serve_one(move |mut stream| async move {
            read_request(&mut stream).await.unwrap();
            stream.write_all(bytes).await.unwrap();
            stream.flush().await.unwrap();
            if reset {
                // SO_LINGER 0: the close sends RST instead of FIN.
                stream.set_zero_linger().unwrap();
            }
        })
        .await;
        let error = talkstack_login()
            .send_to(&client(), &base)
            .await
            .unwrap_err();
        server.await.unwrap();
        let case = format!("{:?} reset={reset}", String::from_utf8_lossy(bytes));
        assert_eq!(error.kind(), ErrorKind::Connect, "{case}: {error:?}");
        assert_eq!(error.status(), None, "{case}: no status was received");
    }
}

#[tokio::test]
async fn a_response_that_is_not_http_is_a_typed_error() {
    for bytes in [
        &b"HTTP/1.1 abc Nope\r\n\r\n"[..],
        b"SSH-2.0-OpenSSH_9.6\r\n",
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",
        b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\ncontent-length: 6\r\n\r\nhello!",
        b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\n",
    ] {
        let (base, server) = serve_one(move |mut stream| async move {
            read_request(&mut stream).await.unwrap();
            stream.write_all(bytes).await.unwrap();
        })
        .await;
        let result = talkstack_login().send_to(&client(), &base).await;
        server.await.unwrap();
        let error = result.unwrap_err();
        let case = String::from_utf8_lossy(bytes);
        assert_eq!(error.kind(), ErrorKind::Connect, "{case:?}: {error:?}");
        // Display must work for whatever the transport said.
        assert!(error.to_string().starts_with("TalkStack AI login failed"));
    }
}

// --- 4: bodies over the cap ------------------------------------------------------------------

/// Counts the bytes allocated by each thread, so a test can see the peak its own exchange
/// needed. The tests below run client and server on one thread (tokio's current-thread
/// runtime), so the thread's count is the exchange's.
struct ThreadAllocationCounter;

thread_local! {
    static LIVE_BYTES: Cell<isize> = const { Cell::new(0) };
    static PEAK_BYTES: Cell<isize> = const { Cell::new(0) };
}

fn count_allocation(delta: isize) {
    // `try_with`: allocations also happen while a thread's locals are being torn down.
    let _ = LIVE_BYTES.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK_BYTES.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

// SAFETY: every call is forwarded to `System` unchanged; only thread-local counters are added.
unsafe impl GlobalAlloc for ThreadAllocationCounter {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            count_allocation(layout.size() as isize);
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        count_allocation(-(layout.size() as isize));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            count_allocation(new_size as isize - layout.size() as isize);
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: ThreadAllocationCounter = ThreadAllocationCounter;

/// Runs `future` and returns its output with the most memory this thread held at once during
/// it, beyond what it held before.
async fn with_peak_memory<F: Future>(future: F) -> (F::Output, usize) {
    let before = LIVE_BYTES.with(Cell::get);
    PEAK_BYTES.with(|peak| peak.set(before));
    let output = future.await;
    let peak = PEAK_BYTES.with(Cell::get);
    (output, usize::try_from(peak - before).unwrap_or(0))
}

/// What the reading side of an exchange may hold beyond the body cap: hyper's read buffer
/// (about 400 KiB at most) and the rest of one connection.
const MEMORY_SLACK: usize = 512 * 1024;

const FIFTY_MB: usize = 50 * 1024 * 1024;

/// What a server wrote before the client stopped reading; loopback socket buffers hold a few
/// MiB, so "stopped early" means well under the 50 MB offered.
const STOPPED_EARLY: usize = 16 * 1024 * 1024;

#[tokio::test]
async fn a_50_mb_body_with_a_length_is_refused_without_reading_it() {
    let (base, server) = serve_one(|mut stream| async move {
        read_request(&mut stream).await.unwrap();
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {FIFTY_MB}\r\n\r\n"
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        write_until_refused(&mut stream, &[b' '; 64 * 1024], FIFTY_MB).await
    })
    .await;
    let client = client();
    let login = talkstack_login();
    let (result, peak) = with_peak_memory(login.send_to(&client, &base)).await;
    let error = result.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BodyTooLarge, "{error:?}");
    assert_eq!(error.status(), Some(200));
    // The stated length alone refuses it: not even the cap's worth is read.
    assert!(
        peak < MEMORY_SLACK,
        "the exchange held {peak} bytes at once"
    );
    drop(client);

    assert_hung_up_early(server, "oversized").await;
}

/// Asserts that the client hung up on a `what` response well before the server finished
/// writing it, i.e. that it stopped reading at its cap.
async fn assert_hung_up_early(server: JoinHandle<(usize, bool)>, what: &str) {
    let (written, refused) = tokio::time::timeout(HANG_GUARD, server)
        .await
        .unwrap_or_else(|_| panic!("the client kept the {what} response open"))
        .unwrap();
    assert!(refused, "the client read all {written} bytes");
    assert!(
        written < STOPPED_EARLY,
        "the server got {written} bytes out before the client hung up"
    );
}

#[tokio::test]
async fn an_endless_chunked_body_is_cut_at_the_cap() {
    let cap = 64 * 1024;
    let (base, server) = serve_one(|mut stream| async move {
        read_request(&mut stream).await.unwrap();
        stream
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")
            .await
            .unwrap();
        let mut chunk = b"4000\r\n".to_vec();
        chunk.extend_from_slice(&[b' '; 0x4000]);
        chunk.extend_from_slice(b"\r\n");
        // Bounded so a client that reads forever fails the test instead of running it forever.
        write_until_refused(&mut stream, &chunk, 4 * FIFTY_MB).await
    })
    .await;
    let client = client_builder().max_response_bytes(cap).build().unwrap();
    let login = talkstack_login();
    let (result, peak) = with_peak_memory(login.send_to(&client, &base)).await;
    let error = result.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::BodyTooLarge, "{error:?}");
    assert!(
        peak < cap + MEMORY_SLACK,
        "the exchange held {peak} bytes at once"
    );
    assert!(
        error.detail().unwrap().contains(&cap.to_string()),
        "{error}"
    );
    drop(client);

    assert_hung_up_early(server, "endless").await;
}

#[tokio::test]
async fn a_body_exactly_at_the_cap_is_read() {
    let body = br#"{"token":"at-the-cap","loginStatus":7}"#;
    let (base, server) = serve_one(move |mut stream| async move {
        read_request(&mut stream).await.unwrap();
        let head = format!(
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n{:x}\r\n",
            body.len()
        );
        stream.write_all(head.as_bytes()).await.unwrap();
        stream.write_all(body).await.unwrap();
        stream.write_all(b"\r\n0\r\n\r\n").await.unwrap();
    })
    .await;
    let client = client_builder()
        .max_response_bytes(body.len())
        .build()
        .unwrap();
    let session = talkstack_login().send_to(&client, &base).await.unwrap();
    server.await.unwrap();
    assert_eq!(session.token().expose_secret(), "at-the-cap");
}

#[tokio::test(start_paused = true)]
async fn a_body_arriving_in_pieces_is_read_whole_with_or_without_a_stated_length() {
    let body: &'static [u8] = br#"{"token":"in-three-pieces","loginStatus":7}"#;
    let pieces = [&body[..9], &body[9..20], &body[20..]];
    for framing in ["content-length", "chunked"] {
        let (base, server) = serve_one(move |mut stream| async move {
            read_request(&mut stream).await.unwrap();
            let head = if framing == "chunked" {
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n".to_owned()
            } else {
                format!(
                    "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
                    body.len()
                )
            };
            stream.write_all(head.as_bytes()).await.unwrap();
            for piece in pieces {
                // A pause between pieces, so the client reads them one by one.
                tokio::time::sleep(Duration::from_millis(50)).await;
                if framing == "chunked" {
                    let chunk = format!("{:x}\r\n", piece.len());
                    stream.write_all(chunk.as_bytes()).await.unwrap();
                    stream.write_all(piece).await.unwrap();
                    stream.write_all(b"\r\n").await.unwrap();
                } else {
                    stream.write_all(piece).await.unwrap();
                }
                stream.flush().await.unwrap();
            }
            if framing == "chunked" {
                stream.write_all(b"0\r\n\r\n").await.unwrap();
            }
        })
        .await;
        // The whole body is exactly at the cap: the pieces together count against it once.
        let client = client_builder()
            .max_response_bytes(body.len())
            .build()
            .unwrap();
        let session = talkstack_login()
            .send_to(&client, &base)
            .await
            .unwrap_or_else(|error| panic!("{framing}: {error:?}"));
        server.await.unwrap();
        assert_eq!(
            session.token().expose_secret(),
            "in-three-pieces",
            "{framing}"
        );
    }
}

// --- 5: redirects ----------------------------------------------------------------------------

#[tokio::test]
async fn a_redirected_login_is_never_resent_anywhere() {
    let first = MockServer::start().await;
    let second = MockServer::start().await;
    let second_port = second.address().port();
    let locations = [
        format!("{}/auth/login", second.uri()),
        format!("http://localhost:{second_port}/auth/login"),
        format!("https://127.0.0.1:{second_port}/auth/login"),
        format!("//127.0.0.1:{second_port}/auth/login"),
        "/auth/login-elsewhere".to_owned(),
    ];
    let client = client();
    let mut expected_requests = 0;
    for status in [301, 302, 303, 307, 308] {
        for (i, location) in locations.iter().enumerate() {
            let prefix = format!("/{status}-{i}");
            Mock::given(method("POST"))
                .and(path(format!("{prefix}/auth/login")))
                .respond_with(ResponseTemplate::new(status).insert_header("location", location))
                .expect(1)
                .mount(&first)
                .await;
            let error = talkstack_login()
                .send_to(&client, &format!("{}{prefix}", first.uri()))
                .await
                .unwrap_err();
            expected_requests += 1;
            assert_eq!(error.kind(), ErrorKind::Redirect, "{status} {location}");
            assert_eq!(error.status(), Some(status));
            assert!(!error.is_retryable());
        }
    }
    assert_eq!(
        first.received_requests().await.unwrap().len(),
        expected_requests
    );
    assert!(
        second.received_requests().await.unwrap().is_empty(),
        "the redirect target received a request"
    );
}

#[tokio::test]
async fn a_redirect_error_names_the_target_origin_but_not_its_path_or_query() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(307).insert_header(
            "location",
            "http://127.0.0.1:9/steal/path-part?token=query-part-kept-out",
        ))
        .mount(&server)
        .await;
    let error = talkstack_login()
        .send_to(&client(), &server.uri())
        .await
        .unwrap_err();
    let shown = format!("{error} {error:?}");
    assert!(shown.contains("http://127.0.0.1:9"), "{shown}");
    assert!(
        !shown.contains("path-part") && !shown.contains("query-part-kept-out"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_redirect_without_a_location_is_still_refused() {
    let server = MockServer::start().await;
    for status in [300, 304, 307] {
        Mock::given(method("POST"))
            .and(path(format!("/{status}/auth/login")))
            .respond_with(ResponseTemplate::new(status))
            .mount(&server)
            .await;
        let error = talkstack_login()
            .send_to(&client(), &format!("{}/{status}", server.uri()))
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Redirect, "{status}: {error:?}");
    }
}

// --- 6: transport security -------------------------------------------------------------------

/// A self-signed certificate for `localhost` and 127.0.0.1 (PEM), and a server config using it.
fn self_signed_localhost() -> (String, Arc<rustls::ServerConfig>) {
    let rcgen::CertifiedKey { cert, signing_key } =
        rcgen::generate_simple_self_signed(vec!["localhost".to_owned(), "127.0.0.1".to_owned()])
            .unwrap();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(signing_key.serialize_der().into());
    // The provider is chosen here, not looked up process-wide, so no default needs installing.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![cert.der().clone()], key)
        .unwrap();
    (cert.pem(), Arc::new(config))
}

/// What the TLS server saw.
#[derive(Debug, Default, PartialEq)]
struct TlsLog {
    failed_handshakes: usize,
    requests: usize,
}

/// Serves `connections` TLS connections on 127.0.0.1, answering each request with a Hyper3D
/// success body, then stops.
async fn serve_tls(
    config: Arc<rustls::ServerConfig>,
    connections: usize,
) -> (String, JoinHandle<TlsLog>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("https://{}/api", listener.local_addr().unwrap());
    let acceptor = tokio_rustls::TlsAcceptor::from(config);
    let handle = tokio::spawn(async move {
        let mut log = TlsLog::default();
        for _ in 0..connections {
            let (tcp, _) = listener.accept().await.unwrap();
            let mut tls = match acceptor.accept(tcp).await {
                Ok(tls) => tls,
                Err(_) => {
                    log.failed_handshakes += 1;
                    continue;
                }
            };
            read_request(&mut tls).await.unwrap();
            log.requests += 1;
            let body = br#"{"token":"over-tls","email":"fault@example.com"}"#;
            let head = format!(
                "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n",
                body.len()
            );
            tls.write_all(head.as_bytes()).await.unwrap();
            tls.write_all(body).await.unwrap();
            tls.shutdown().await.unwrap();
        }
        log
    });
    (base, handle)
}

fn hyper3d_login() -> vendors::hyper3d::Login {
    vendors::hyper3d::Login::builder()
        .email("fault@example.com")
        .password("fault-password")
        .build()
}

#[tokio::test]
async fn an_untrusted_certificate_is_a_tls_error_and_trusting_it_succeeds() {
    let (pem, config) = self_signed_localhost();
    let (base, server) = serve_tls(config, 2).await;

    let error = hyper3d_login().send_to(&client(), &base).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Tls, "{error:?}");
    assert!(!error.is_retryable());

    let trusting = client_builder()
        .add_root_certificate_pem(pem.as_bytes())
        .unwrap()
        .build()
        .unwrap();
    let session = hyper3d_login().send_to(&trusting, &base).await.unwrap();
    assert_eq!(session.token().expose_secret(), "over-tls");

    let log = tokio::time::timeout(HANG_GUARD, server)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        log,
        TlsLog {
            failed_handshakes: 1,
            requests: 1
        },
        "the untrusted server must not have received the login"
    );
}

#[tokio::test]
async fn a_certificate_for_another_name_is_a_tls_error_even_when_trusted() {
    let rcgen::CertifiedKey { cert, signing_key } =
        rcgen::generate_simple_self_signed(vec!["login.example.com".to_owned()]).unwrap();
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(signing_key.serialize_der().into());
    let config = rustls::ServerConfig::builder_with_provider(Arc::new(
        rustls::crypto::ring::default_provider(),
    ))
    .with_safe_default_protocol_versions()
    .unwrap()
    .with_no_client_auth()
    .with_single_cert(vec![cert.der().clone()], key)
    .unwrap();
    let (base, server) = serve_tls(Arc::new(config), 1).await;
    let trusting = client_builder()
        .add_root_certificate_pem(cert.pem().as_bytes())
        .unwrap()
        .build()
        .unwrap();
    let error = hyper3d_login().send_to(&trusting, &base).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Tls, "{error:?}");
    let log = tokio::time::timeout(HANG_GUARD, server)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(log.requests, 0);
}

#[test]
fn a_root_certificate_that_is_not_pem_is_refused() {
    // The PEM is parsed when the client is built.
    let error = client_builder()
        .add_root_certificate_pem(
            b"-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n",
        )
        .and_then(LoginClientBuilder::build)
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Tls, "{error:?}");
}

#[test]
fn bytes_that_hold_no_certificate_are_refused_where_they_are_given() {
    for pem in [&b"hello"[..], b""] {
        let error = client_builder().add_root_certificate_pem(pem).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Tls, "{error:?}");
    }
}

#[tokio::test]
async fn a_client_pinned_to_its_added_root_trusts_that_ca_alone() {
    let (pem, config) = self_signed_localhost();
    let (base, server) = serve_tls(config, 1).await;
    let pinned = client_builder()
        .trusted_roots(TrustedRoots::OnlyAdded)
        .add_root_certificate_pem(pem.as_bytes())
        .unwrap()
        .build()
        .unwrap();
    let session = hyper3d_login().send_to(&pinned, &base).await.unwrap();
    assert_eq!(session.token().expose_secret(), "over-tls");
    let log = tokio::time::timeout(HANG_GUARD, server)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(log.requests, 1);

    // Pinned to nothing at all is a mistake reported when the client is built.
    let error = client_builder()
        .trusted_roots(TrustedRoots::OnlyAdded)
        .build()
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Tls, "{error:?}");
    assert!(
        error.to_string().contains("add_root_certificate_pem"),
        "{error}"
    );
}

#[tokio::test]
async fn the_platform_store_refuses_an_unknown_ca_and_trusts_an_added_one() {
    let (pem, config) = self_signed_localhost();
    let (base, server) = serve_tls(config, 2).await;
    let platform = client_builder()
        .trusted_roots(TrustedRoots::Platform)
        .build()
        .unwrap();
    let error = hyper3d_login().send_to(&platform, &base).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Tls, "{error:?}");

    let platform_and_added = client_builder()
        .trusted_roots(TrustedRoots::Platform)
        .add_root_certificate_pem(pem.as_bytes())
        .unwrap()
        .build()
        .unwrap();
    let session = hyper3d_login()
        .send_to(&platform_and_added, &base)
        .await
        .unwrap();
    assert_eq!(session.token().expose_secret(), "over-tls");
    let log = tokio::time::timeout(HANG_GUARD, server)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        log,
        TlsLog {
            failed_handshakes: 1,
            requests: 1
        }
    );
}

#[test]
fn building_a_client_needs_no_process_wide_crypto_provider() {
    // A library must not install process-wide defaults, and must not panic for want of one.
    for roots in [TrustedRoots::Mozilla, TrustedRoots::Platform] {
        LoginClient::builder().trusted_roots(roots).build().unwrap();
    }
    assert!(
        rustls::crypto::CryptoProvider::get_default().is_none(),
        "building a client installed a process-wide crypto provider"
    );
}

/// Polls `future` once: a request refused before any I/O is ready on the first poll.
fn poll_once<F: Future>(future: F) -> Poll<F::Output> {
    let mut future = pin!(future);
    future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
}

#[test]
fn plain_http_to_a_host_that_is_not_loopback_is_refused_before_connecting() {
    let client = client();
    // 192.0.2.0/24 is TEST-NET-1: nothing answers there, and nothing is sent, since the
    // refusal comes before any connection is attempted (the first poll, outside any runtime).
    for base in [
        "http://192.0.2.1",
        "http://192.0.2.1:80/api",
        "http://login.example.com",
        "http://localhost.example.com",
        "http://127.0.0.1.example.com",
        "http://[2001:db8::1]",
    ] {
        let login = talkstack_login();
        let Poll::Ready(result) = poll_once(login.send_to(&client, base)) else {
            panic!("{base}: the request was not refused at once");
        };
        let error = result.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InsecureTransport, "{base}");
        assert!(error.detail().unwrap().contains("allow_plain_http"));
    }
}

#[test]
fn urls_that_cannot_carry_a_login_are_refused_before_connecting() {
    let client = client();
    for base in [
        "ftp://127.0.0.1",
        "file:///etc",
        "127.0.0.1:8080",
        "",
        "http://user:pw@127.0.0.1:1",
        "http://[::1",
        // No host: joined naively with the path, these would send the login to a host named
        // after the path's first segment.
        "https://",
        "http://",
        "http://127.0.0.1:1/api?x=1",
    ] {
        let login = talkstack_login();
        let Poll::Ready(result) = poll_once(login.send_to(&client, base)) else {
            panic!("{base}: the request was not refused at once");
        };
        let error = result.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidUrl, "{base:?}: {error:?}");
    }
}

// --- 7: hostile bodies, table-driven across the five vendors ---------------------------------

#[derive(Clone, Copy, Debug, PartialEq)]
enum Vendor {
    Hypernative,
    ProjectThanos,
    Up2Money,
    Hyper3d,
    TalkStack,
}

impl Vendor {
    const ALL: [Vendor; 5] = [
        Vendor::Hypernative,
        Vendor::ProjectThanos,
        Vendor::Up2Money,
        Vendor::Hyper3d,
        Vendor::TalkStack,
    ];

    fn login_path(self) -> &'static str {
        match self {
            Vendor::ProjectThanos => "/api/organizations/user-login/",
            Vendor::Hyper3d => "/user/login",
            _ => "/auth/login",
        }
    }

    /// A success body as the vendor documents it, with `"T"` as its token.
    fn success_sample(self) -> &'static str {
        match self {
            Vendor::Hypernative => r#"{"data":{"token":"T","refreshToken":"R"}}"#,
            Vendor::ProjectThanos => {
                r#"{"auth_token":"T","org_uuid":"o","user_uuid":"u","retailer_uuid":"r","supplier_uuid":"","org_type":"RETAILER"}"#
            }
            Vendor::Up2Money => {
                r#"{"credentials":{"id":"c","type":"ROOT"},"identity":{"id":"i","type":"CONSUMER"},"token":"T","tokenType":"ACCESS"}"#
            }
            Vendor::Hyper3d => {
                r#"{"token":"T","user_uuid":"u","username":"n","avatar_url":"a","email":"e"}"#
            }
            Vendor::TalkStack => {
                r#"{"message":"ok","status":"success","token":"T","refreshToken":"R","expirationTime":"2030-01-01T00:00:00.000Z","user":{"email":"e"},"loginStatus":7}"#
            }
        }
    }

    /// The key holding the token in [`success_sample`](Vendor::success_sample).
    fn token_key(self) -> &'static str {
        match self {
            Vendor::ProjectThanos => "\"auth_token\"",
            _ => "\"token\"",
        }
    }

    /// Logs in at `base`; the token on success.
    async fn login(self, client: &LoginClient, base: &str) -> Result<String, AuthError> {
        let (email, password) = ("hostile@example.com", "hostile-password");
        let token = match self {
            Vendor::Hypernative => vendors::hypernative::Login::builder()
                .email(email)
                .password(password)
                .organization_id(1)
                .build()
                .send_to(client, base)
                .await?
                .token()
                .clone(),
            Vendor::ProjectThanos => vendors::project_thanos::Login::builder()
                .username(email)
                .password(password)
                .build()
                .send_to(client, base)
                .await?
                .token()
                .clone(),
            Vendor::Up2Money => vendors::up2_money::Login::builder()
                .api_secret("hostile-api-secret")
                .email(email)
                .password(password)
                .build()
                .send_to(client, base)
                .await?
                .token()
                .clone(),
            Vendor::Hyper3d => vendors::hyper3d::Login::builder()
                .email(email)
                .password(password)
                .build()
                .send_to(client, base)
                .await?
                .token()
                .clone(),
            Vendor::TalkStack => vendors::talkstack::Login::builder()
                .email(email)
                .password(password)
                .build()
                .send_to(client, base)
                .await?
                .token()
                .clone(),
        };
        Ok(token.expose_secret().to_owned())
    }
}

/// One hostile answer and the outcome it must have.
struct Case {
    vendor: Vendor,
    status: u16,
    body: Vec<u8>,
    /// `Ok(token)` or the error kind.
    expected: Result<&'static str, ErrorKind>,
    /// What must show in the error's vendor message, when the body states one.
    message: Option<&'static str>,
}

impl Case {
    fn new(
        vendor: Vendor,
        status: u16,
        body: impl Into<Vec<u8>>,
        expected: Result<&'static str, ErrorKind>,
    ) -> Case {
        Case {
            vendor,
            status,
            body: body.into(),
            expected,
            message: None,
        }
    }

    fn with_message(mut self, message: &'static str) -> Case {
        self.message = Some(message);
        self
    }
}

/// Bodies no vendor documents, each with whether it is a JSON object without a documented field
/// (which TalkStack reads as a body lacking its success marker). Each is a decode error in a
/// 2xx, or TalkStack's stated failure.
fn garbage_bodies() -> Vec<(Vec<u8>, bool)> {
    let deep_array = format!("{}{}", "[".repeat(50_000), "]".repeat(50_000));
    // Nested inside a field nobody declared: skipped without recursion, so it decodes.
    let deep_object = format!("{}1{}", "{\"a\":".repeat(20_000), "}".repeat(20_000));
    let mut bodies: Vec<(Vec<u8>, bool)> = [
        &b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"[..],
        b"",
        b"   \r\n\t ",
        b"null",
        b"true",
        b"0",
        b"-1e999999",
        b"\"a string\"",
        b"{",
        b"}",
        b"{\"token\":",
        b"{\"token\":\"T\"",
        b"\xef\xbb\xbf{\"token\":\"T\"}",
        b"{\"token\":\"\xff\xfe\"}",
        b"{\"token\":\"\\ud800\"}",
        b"\0\0\0\0",
        deep_array.as_bytes(),
    ]
    .into_iter()
    .map(|body| (body.to_vec(), false))
    .collect();
    bodies.push((b"{}".to_vec(), true));
    bodies.push((deep_object.into_bytes(), true));
    bodies
}

/// The kind each vendor's declaration gives an error status.
fn kind_for(vendor: Vendor, status: u16) -> ErrorKind {
    match (vendor, status) {
        (Vendor::TalkStack, 404) => ErrorKind::InvalidCredentials,
        (_, 400 | 415) => ErrorKind::InvalidRequest,
        (_, 401) => ErrorKind::InvalidCredentials,
        (_, 403) => ErrorKind::Forbidden,
        (_, 404) => ErrorKind::NotFound,
        (_, 410) => ErrorKind::Expired,
        (_, 423) => ErrorKind::Locked,
        (_, 429) => ErrorKind::RateLimited,
        (_, 503) => ErrorKind::Unavailable,
        (_, 500..=599) => ErrorKind::ServerError,
        _ => ErrorKind::Rejected,
    }
}

fn hostile_cases() -> Vec<Case> {
    use ErrorKind::*;
    let mut cases = Vec::new();
    for vendor in Vendor::ALL {
        let sample = vendor.success_sample();
        let key = vendor.token_key();
        // Controls: the documented shape logs in, also with fields nobody documented.
        cases.push(Case::new(vendor, 200, sample, Ok("T")));
        cases.push(Case::new(vendor, 201, sample, Ok("T")));
        let extended = format!("{{\"unexpected\":[1,{{}}],{}", &sample[1..]);
        cases.push(Case::new(vendor, 200, extended, Ok("T")));

        for (body, object_without_fields) in garbage_bodies() {
            let kind = if vendor == Vendor::TalkStack && object_without_fields {
                Rejected
            } else {
                Decode
            };
            cases.push(Case::new(vendor, 200, body.clone(), Err(kind)));
            // The same garbage as an error body: the status still decides the kind.
            for status in [400, 401, 403, 404, 418, 423, 429, 500, 502, 503] {
                cases.push(Case::new(
                    vendor,
                    status,
                    body.clone(),
                    Err(kind_for(vendor, status)),
                ));
            }
        }
        // The token of the wrong type, empty, or absent.
        for token in ["12345", "null", "\"\"", "{}", "[\"T\"]", "true", "1e400"] {
            let body = sample.replacen(&format!("{key}:\"T\""), &format!("{key}:{token}"), 1);
            assert_ne!(body, sample);
            cases.push(Case::new(vendor, 200, body, Err(Decode)));
        }
        let without_token = sample.replacen(&format!("{key}:\"T\","), "", 1);
        assert_ne!(without_token, sample);
        cases.push(Case::new(vendor, 200, without_token, Err(Decode)));
        // A second token, and a body that goes on after the JSON.
        let duplicated = sample.replacen(
            &format!("{key}:\"T\""),
            &format!("{key}:\"T\",{key}:\"U\""),
            1,
        );
        cases.push(Case::new(vendor, 200, duplicated, Err(Decode)));
        cases.push(Case::new(
            vendor,
            200,
            format!("{sample}{sample}"),
            Err(Decode),
        ));
        cases.push(Case::new(
            vendor,
            200,
            format!("{sample} trailing"),
            Err(Decode),
        ));
        // A success body where an error was announced: the status wins.
        cases.push(Case::new(vendor, 401, sample, Err(InvalidCredentials)));
        cases.push(Case::new(vendor, 500, sample, Err(ServerError)));
        // A 204 has no body.
        cases.push(Case::new(vendor, 204, "", Err(Decode)));
    }

    // Failures stated inside a 2xx.
    let h3 = Vendor::Hyper3d;
    cases.push(
        Case::new(
            h3,
            200,
            r#"{"error":"invalid email or password","token":"T"}"#,
            Err(Rejected),
        )
        .with_message("invalid email or password"),
    );
    cases.push(Case::new(h3, 200, r#"{"error":""}"#, Err(Rejected)));
    cases.push(Case::new(
        h3,
        200,
        r#"{"error":5,"token":"T"}"#,
        Err(Decode),
    ));
    cases.push(Case::new(h3, 200, r#"{"error":null,"token":"T"}"#, Ok("T")));
    cases.push(
        Case::new(h3, 401, r#"{"error":"expired"}"#, Err(InvalidCredentials))
            .with_message("expired"),
    );

    let ts = Vendor::TalkStack;
    let with_status = |status: &str| {
        Vendor::TalkStack.success_sample().replacen(
            "\"loginStatus\":7",
            &format!("\"loginStatus\":{status}"),
            1,
        )
    };
    cases.push(Case::new(
        ts,
        200,
        with_status("4"),
        Err(InvalidCredentials),
    ));
    cases.push(Case::new(
        ts,
        200,
        with_status("3"),
        Err(InvalidCredentials),
    ));
    cases.push(Case::new(ts, 200, with_status("2"), Err(Forbidden)));
    cases.push(Case::new(ts, 200, with_status("0"), Err(InvalidRequest)));
    cases.push(Case::new(ts, 200, with_status("8"), Err(Rejected)));
    cases.push(Case::new(ts, 200, with_status("99"), Err(Rejected)));
    cases.push(Case::new(ts, 200, with_status("null"), Err(Rejected)));
    cases.push(Case::new(ts, 200, with_status("\"7\""), Err(Decode)));
    cases.push(Case::new(ts, 200, with_status("-1"), Err(Decode)));
    cases.push(Case::new(ts, 200, with_status("256"), Err(Decode)));
    cases.push(Case::new(ts, 200, with_status("7.0"), Err(Decode)));
    cases.push(Case::new(
        ts,
        200,
        r#"{"token":"T","loginStatus":7}"#,
        Ok("T"),
    ));
    cases.push(Case::new(ts, 200, r#"{"token":"T"}"#, Err(Rejected)));
    let bad_expiry =
        Vendor::TalkStack
            .success_sample()
            .replacen("2030-01-01T00:00:00.000Z", "in two hours", 1);
    cases.push(Case::new(ts, 200, bad_expiry, Err(Decode)));
    cases.push(
        Case::new(
            ts,
            500,
            r#"{"message":"wrong password","loginStatus":4}"#,
            Err(InvalidCredentials),
        )
        .with_message("wrong password"),
    );
    cases.push(Case::new(
        ts,
        401,
        r#"{"loginStatus":255}"#,
        Err(InvalidCredentials),
    ));
    cases.push(Case::new(
        ts,
        401,
        r#"{"loginStatus":"4"}"#,
        Err(InvalidCredentials),
    ));

    let up2 = Vendor::Up2Money;
    cases.push(
        Case::new(
            up2,
            400,
            r#"{"response":{"errorCode":"TOKEN_EXPIRED"},"message":"Login failed."}"#,
            Err(Expired),
        )
        .with_message("Login failed."),
    );
    cases.push(Case::new(
        up2,
        400,
        r#"{"response":{"errorCode":12}}"#,
        Err(InvalidRequest),
    ));
    cases.push(Case::new(
        up2,
        400,
        r#"{"syntaxErrors":{"invalidFields":[{"fieldName":"email"}]}}"#,
        Err(InvalidRequest),
    ));
    cases.push(Case::new(
        up2,
        400,
        r#"{"syntaxErrors":{"invalidFields":null}}"#,
        Err(InvalidRequest),
    ));
    cases.push(Case::new(up2, 200, r#"{"credentials":{"id":"c","type":"ROOT"},"identity":{"id":"i","type":"ALIEN"},"token":"T","tokenType":"ACCESS"}"#, Ok("T")));

    let hn = Vendor::Hypernative;
    cases.push(Case::new(
        hn,
        400,
        r#"{"success":false,"error":"organizationId is mandatory","errorCode":"1002"}"#,
        Err(InvalidRequest),
    ));
    cases.push(Case::new(
        hn,
        400,
        r#"{"success":"no","errorCode":1e3}"#,
        Err(InvalidRequest),
    ));
    cases.push(Case::new(hn, 200, r#"{"data":null}"#, Err(Decode)));
    cases.push(Case::new(hn, 200, r#"{"data":[]}"#, Err(Decode)));

    let pt = Vendor::ProjectThanos;
    cases.push(Case::new(
        pt,
        200,
        Vendor::ProjectThanos
            .success_sample()
            .replacen("RETAILER", "retailer", 1),
        Ok("T"),
    ));
    cases.push(Case::new(
        pt,
        200,
        Vendor::ProjectThanos
            .success_sample()
            .replacen("\"RETAILER\"", "7", 1),
        Err(Decode),
    ));
    cases
}

#[tokio::test]
async fn hostile_bodies_give_the_right_kind_for_every_vendor() {
    let server = MockServer::start().await;
    let client = client();
    let cases = hostile_cases();
    for (i, case) in cases.iter().enumerate() {
        Mock::given(method("POST"))
            .and(path(format!("/case-{i}{}", case.vendor.login_path())))
            .respond_with(
                ResponseTemplate::new(case.status)
                    .set_body_raw(case.body.clone(), "application/json"),
            )
            .mount(&server)
            .await;
    }
    let mut mismatches = Vec::new();
    for (i, case) in cases.iter().enumerate() {
        let base = format!("{}/case-{i}", server.uri());
        let outcome = case.vendor.login(&client, &base).await;
        let shown_body: String = String::from_utf8_lossy(&case.body)
            .chars()
            .take(160)
            .collect();
        let what = format!("case {i}: {:?} {} {shown_body:?}", case.vendor, case.status);
        let problem = match (&outcome, case.expected) {
            (Ok(token), Ok(expected)) if token == expected => None,
            (Err(error), Err(kind)) if error.kind() != kind => {
                Some(format!("expected {kind:?}, got {error:?}"))
            }
            (Err(error), Err(_)) if error.message() != case.message && case.message.is_some() => {
                Some(format!(
                    "expected message {:?}, got {error:?}",
                    case.message
                ))
            }
            (Err(error), Err(_))
                if !(200..300).contains(&case.status) && error.status() != Some(case.status) =>
            {
                Some(format!("the status is missing from {error:?}"))
            }
            (Err(error), Err(_)) => {
                // Both renderings work for anything a server sent, and stay short.
                let shown = format!("{error} {error:?}");
                (shown.len() > 2048).then(|| format!("{} bytes of error text", shown.len()))
            }
            _ => Some(format!("got {outcome:?}, expected {:?}", case.expected)),
        };
        if let Some(problem) = problem {
            mismatches.push(format!("{what}: {problem}"));
        }
    }
    assert!(
        mismatches.is_empty(),
        "{} of {} cases:\n{}",
        mismatches.len(),
        cases.len(),
        mismatches.join("\n")
    );
}

#[tokio::test]
async fn up2_money_lockout_carries_the_documented_wait_whatever_the_body() {
    let server = MockServer::start().await;
    let bodies: [&[u8]; 4] = [b"", b"<html>locked</html>", b"null", br#"{"message":7}"#];
    for (i, body) in bodies.iter().enumerate() {
        Mock::given(method("POST"))
            .and(path(format!("/{i}/auth/login")))
            .respond_with(
                ResponseTemplate::new(423).set_body_raw(body.to_vec(), "application/json"),
            )
            .mount(&server)
            .await;
        let error = Vendor::Up2Money
            .login(&client(), &format!("{}/{i}", server.uri()))
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Locked);
        assert_eq!(
            error.retry_after(),
            Some(Duration::from_secs(30 * 60)),
            "{body:?}"
        );
    }
}

#[tokio::test]
async fn an_unparsable_retry_after_is_ignored() {
    let server = MockServer::start().await;
    for (i, value) in ["soon", "-5", "99999999999999999999999", "Mon, 99 Foo 2024"]
        .iter()
        .enumerate()
    {
        Mock::given(method("POST"))
            .and(path(format!("/{i}/auth/login")))
            .respond_with(ResponseTemplate::new(429).insert_header("retry-after", *value))
            .mount(&server)
            .await;
        let error = Vendor::TalkStack
            .login(&client(), &format!("{}/{i}", server.uri()))
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::RateLimited, "{value}");
        assert_eq!(error.retry_after(), None, "{value}");
    }
}
