//! Retries of `LoginClient` over loopback HTTP: which answers are sent again, after what wait,
//! what comes back when the client gives up, and how the login's one deadline bounds them all.
//! Time runs on tokio's paused clock, so waits of seconds or days cost nothing and are measured
//! exactly.

use crate::scripted_server;

use std::time::{Duration, SystemTime};

use auth_core::{AuthError, ErrorKind, LoginClient, RetryPolicy, Secret, Session, login_endpoint};
use scripted_server::{Reply, ScriptedServer};
use tokio::time::Instant;

#[derive(Debug, serde::Deserialize)]
pub struct LoginResponse {
    token: Secret,
}

/// An endpoint with no declared statuses: every status gets its default kind.
#[login_endpoint(
    vendor = "Scripted",
    base_url = "https://api.example.com",
    path = "/login",
    response = LoginResponse,
    token = token,
    lockout = "30m",
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn login() -> Login {
    Login::builder()
        .email("me@example.com")
        .password("retry-test-password")
        .build()
}

async fn send(
    client: &LoginClient,
    server: &ScriptedServer,
) -> Result<Session<LoginResponse>, AuthError> {
    login().send_to(client, server.base_url()).await
}

#[tokio::test(start_paused = true)]
async fn too_many_requests_with_retry_after_seconds_is_retried_after_the_wait() {
    let server =
        ScriptedServer::start(vec![Reply::retry_after(429, "2"), Reply::token("t-1")]).await;
    let client = LoginClient::new().unwrap();
    let started = Instant::now();
    let session = send(&client, &server).await.unwrap();
    assert_eq!(session.token().expose_secret(), "t-1");
    assert_eq!(server.requests(), 2);
    let waited = started.elapsed();
    assert!(waited >= Duration::from_secs(2), "{waited:?}");
    assert!(waited < Duration::from_secs(3), "{waited:?}");
}

#[tokio::test(start_paused = true)]
async fn unavailable_with_retry_after_date_is_retried_after_the_wait() {
    // An HTTP-date has whole seconds: three seconds from now is at least two seconds away.
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(3));
    let server =
        ScriptedServer::start(vec![Reply::retry_after(503, &date), Reply::token("t-1")]).await;
    let client = LoginClient::new().unwrap();
    let started = Instant::now();
    let session = send(&client, &server).await.unwrap();
    assert_eq!(session.token().expose_secret(), "t-1");
    assert_eq!(server.requests(), 2);
    let waited = started.elapsed();
    assert!(waited >= Duration::from_secs(2), "{waited:?}");
    assert!(waited <= Duration::from_secs(3), "{waited:?}");
}

#[tokio::test(start_paused = true)]
async fn too_many_requests_with_date_is_retried_too() {
    let date = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(6));
    let server =
        ScriptedServer::start(vec![Reply::retry_after(429, &date), Reply::token("t-1")]).await;
    let client = LoginClient::new().unwrap();
    let started = Instant::now();
    send(&client, &server).await.unwrap();
    assert_eq!(server.requests(), 2);
    assert!(started.elapsed() >= Duration::from_secs(5));
}

#[tokio::test(start_paused = true)]
async fn a_day_of_retry_after_fails_fast_with_the_wait() {
    for (status, kind) in [(429, ErrorKind::RateLimited), (503, ErrorKind::Unavailable)] {
        let server = ScriptedServer::start(vec![
            Reply::retry_after(status, "86400"),
            Reply::token("never"),
        ])
        .await;
        let client = LoginClient::new().unwrap();
        let started = Instant::now();
        let error = send(&client, &server).await.unwrap_err();
        assert_eq!(error.kind(), kind);
        assert_eq!(error.status(), Some(status));
        assert_eq!(error.retry_after(), Some(Duration::from_secs(86_400)));
        assert_eq!(server.requests(), 1);
        assert_eq!(started.elapsed(), Duration::ZERO);
    }
}

#[tokio::test(start_paused = true)]
async fn the_retry_after_cap_is_configurable() {
    let server =
        ScriptedServer::start(vec![Reply::retry_after(429, "10"), Reply::token("t-1")]).await;
    let capped = LoginClient::builder()
        .retry_policy(RetryPolicy::default().max_retry_after(Duration::from_secs(5)))
        .build()
        .unwrap();
    let error = send(&capped, &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(10)));
    assert_eq!(server.requests(), 1);

    // Exactly at the cap is still waited out.
    let server =
        ScriptedServer::start(vec![Reply::retry_after(429, "5"), Reply::token("t-1")]).await;
    let started = Instant::now();
    send(&capped, &server).await.unwrap();
    assert_eq!(server.requests(), 2);
    assert!(started.elapsed() >= Duration::from_secs(5));
}

#[tokio::test(start_paused = true)]
async fn client_errors_are_sent_exactly_once() {
    let client = LoginClient::new().unwrap();
    for (status, kind) in [
        (400, ErrorKind::InvalidRequest),
        (401, ErrorKind::InvalidCredentials),
        (403, ErrorKind::Forbidden),
        (404, ErrorKind::NotFound),
        (410, ErrorKind::Expired),
        (415, ErrorKind::InvalidRequest),
        (423, ErrorKind::Locked),
    ] {
        // Even a Retry-After does not make these worth sending again.
        let server =
            ScriptedServer::start(vec![Reply::retry_after(status, "1"), Reply::token("never")])
                .await;
        let error = send(&client, &server).await.unwrap_err();
        assert_eq!(error.kind(), kind, "{status}");
        assert_eq!(server.requests(), 1, "{status}");
    }
}

#[tokio::test(start_paused = true)]
async fn locked_carries_the_documented_lockout() {
    let server = ScriptedServer::start(vec![Reply::status(423), Reply::token("never")]).await;
    let client = LoginClient::new().unwrap();
    let error = send(&client, &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30 * 60)));
    assert_eq!(server.requests(), 1);
}

#[tokio::test(start_paused = true)]
async fn server_errors_are_retried_a_limited_number_of_times_with_backoff() {
    let server = ScriptedServer::start(vec![Reply::status(500)]).await;
    let client = LoginClient::new().unwrap();
    let started = Instant::now();
    let error = send(&client, &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(error.status(), Some(500));
    assert_eq!(server.requests(), 3);
    // Defaults: 125–250 ms before the second attempt, 250–500 ms before the third.
    let waited = started.elapsed();
    assert!(
        (Duration::from_millis(375)..=Duration::from_millis(750)).contains(&waited),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn bad_gateway_and_gateway_timeout_recover() {
    let server = ScriptedServer::start(vec![
        Reply::status(502),
        Reply::status(504),
        Reply::token("t-3"),
    ])
    .await;
    let client = LoginClient::new().unwrap();
    let session = send(&client, &server).await.unwrap();
    assert_eq!(session.token().expose_secret(), "t-3");
    assert_eq!(server.requests(), 3);
}

#[tokio::test(start_paused = true)]
async fn attempts_and_backoff_are_configurable() {
    let server = ScriptedServer::start(vec![Reply::status(500)]).await;
    let client = LoginClient::builder()
        .retry_policy(
            RetryPolicy::default()
                .max_attempts(5)
                .backoff(Duration::from_secs(1), Duration::from_secs(2)),
        )
        .build()
        .unwrap();
    let started = Instant::now();
    let error = send(&client, &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(server.requests(), 5);
    // Ceilings 1, 2, 2, 2 s; each wait is at least half its ceiling.
    let waited = started.elapsed();
    assert!(
        (Duration::from_millis(3500)..=Duration::from_secs(7)).contains(&waited),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn rate_limit_without_retry_after_backs_off() {
    let server = ScriptedServer::start(vec![Reply::status(429), Reply::token("t-2")]).await;
    let client = LoginClient::new().unwrap();
    let started = Instant::now();
    send(&client, &server).await.unwrap();
    assert_eq!(server.requests(), 2);
    assert!(started.elapsed() >= Duration::from_millis(125));
}

#[tokio::test(start_paused = true)]
async fn disabled_retries_send_once() {
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let server =
        ScriptedServer::start(vec![Reply::retry_after(503, "1"), Reply::token("never")]).await;
    let error = send(&client, &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unavailable);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(1)));
    assert_eq!(server.requests(), 1);

    let server = ScriptedServer::start(vec![Reply::status(500), Reply::token("never")]).await;
    let error = send(&client, &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(server.requests(), 1);
}

#[tokio::test(start_paused = true)]
async fn an_attempt_timeout_after_the_request_was_sent_is_retried() {
    let server = ScriptedServer::start(vec![Reply::Stall, Reply::token("t-2")]).await;
    let client = LoginClient::builder()
        .attempt_timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let started = Instant::now();
    let session = send(&client, &server).await.unwrap();
    assert_eq!(session.token().expose_secret(), "t-2");
    assert_eq!(server.requests(), 2);
    assert!(started.elapsed() >= Duration::from_secs(5));

    // Three attempts of 5 s and two backoffs fit in the default 30 s.
    let server = ScriptedServer::start(vec![Reply::Stall]).await;
    let started = Instant::now();
    let error = send(&client, &server).await.unwrap_err();
    let waited = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert_eq!(server.requests(), 3);
    assert!(
        (Duration::from_millis(15_375)..=Duration::from_millis(15_750)).contains(&waited),
        "{waited:?}"
    );
    let detail = error.detail().unwrap();
    assert!(
        detail.starts_with("no complete response within the 5s attempt timeout; 3 attempts, "),
        "{detail}"
    );
    assert!(
        detail.ends_with(&format!("{waited:.1?} in all")),
        "{detail}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_hanging_server_is_cut_off_at_the_deadline_whatever_the_attempts() {
    // Ten attempts of 2 s each would take over 20 s; the deadline is 7 s.
    let server = ScriptedServer::start(vec![Reply::Stall]).await;
    let deadline = Duration::from_secs(7);
    let client = LoginClient::builder()
        .timeout(deadline)
        .attempt_timeout(Duration::from_secs(2))
        .retry_policy(RetryPolicy::default().max_attempts(10))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = send(&client, &server).await.unwrap_err();
    let waited = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(waited <= deadline, "{waited:?}");
    // 2 s, then at least 125 ms of backoff, 2 s, 250 ms, 2 s: the fourth attempt starts too late
    // to finish, or its backoff would already pass the deadline.
    let attempts = server.requests();
    assert!((3..=4).contains(&attempts), "{attempts} attempts");
    let detail = error.detail().unwrap();
    assert!(
        detail.contains(&format!("; {attempts} attempts, {waited:.1?} in all")),
        "{detail}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_that_would_pass_the_deadline_is_not_waited_for() {
    // 20 s is within the policy's 30 s cap, but not within the login's 10 s.
    let server =
        ScriptedServer::start(vec![Reply::retry_after(429, "20"), Reply::token("never")]).await;
    let client = LoginClient::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = send(&client, &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::RateLimited);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(20)));
    assert_eq!(server.requests(), 1);
    assert_eq!(started.elapsed(), Duration::ZERO);

    // One that ends before the deadline is waited out.
    let server =
        ScriptedServer::start(vec![Reply::retry_after(429, "9"), Reply::token("t-2")]).await;
    let started = Instant::now();
    send(&client, &server).await.unwrap();
    assert_eq!(server.requests(), 2);
    assert_eq!(started.elapsed(), Duration::from_secs(9));
}

#[tokio::test(start_paused = true)]
async fn a_backoff_that_would_pass_the_deadline_is_not_waited_for() {
    let server = ScriptedServer::start(vec![Reply::status(500), Reply::token("never")]).await;
    // The first backoff is drawn from 1–2 s; the deadline is 1 s away.
    let client = LoginClient::builder()
        .timeout(Duration::from_secs(1))
        .retry_policy(
            RetryPolicy::default().backoff(Duration::from_secs(2), Duration::from_secs(4)),
        )
        .build()
        .unwrap();
    let started = Instant::now();
    let error = send(&client, &server).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(error.status(), Some(500));
    assert_eq!(server.requests(), 1);
    assert_eq!(started.elapsed(), Duration::ZERO);
}

#[tokio::test(start_paused = true)]
async fn a_refused_connection_is_retried() {
    // A port that nothing listens on until the first attempt has been refused.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = LoginClient::builder()
        .retry_policy(
            RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_millis(100)),
        )
        .build()
        .unwrap();
    let binder = tokio::spawn(async move {
        // The first retry waits at least 50 ms; the server is up by then.
        tokio::time::sleep(Duration::from_millis(10)).await;
        let listener = tokio::net::TcpListener::bind(addr).await.unwrap();
        ScriptedServer::serve(listener, vec![Reply::token("t-1")])
    });
    let session = login()
        .send_to(&client, &format!("http://{addr}"))
        .await
        .unwrap();
    assert_eq!(session.token().expose_secret(), "t-1");
    let server = binder.await.unwrap();
    assert_eq!(server.requests(), 1);
}

// On the real clock: a paused clock would move to the connect deadline whenever the runtime
// polls before the kernel has delivered the refusal, which happens on a loaded machine.
#[tokio::test]
async fn a_refused_connection_without_retries_is_a_connect_error() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    drop(listener);
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let started = Instant::now();
    let error = login()
        .send_to(&client, &format!("http://{addr}"))
        .await
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Connect);
    // Refused at once, and not retried: nowhere near the connect timeout.
    assert!(started.elapsed() < Duration::from_secs(5));
}
