//! `auth_core::blocking::LoginClient`: the same logins and the same errors as the async client,
//! from code that has no runtime. The servers run on a runtime of their own, on its worker
//! threads.

mod scripted_server;

use std::time::Duration;

use auth_core::{ErrorKind, LoginClient, RetryPolicy, blocking};
use scripted_server::{Reply, ScriptedServer};
use vendors::sandbox::{Sandbox, demo};
use vendors::{hypernative, talkstack, up2_money};

fn server_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap()
}

fn up2_login(password: &str) -> up2_money::Login {
    up2_money::Login::builder()
        .api_secret(demo::API_SECRET)
        .email(demo::EMAIL)
        .password(password)
        .build()
}

#[test]
fn logs_in_without_a_runtime() {
    let runtime = server_runtime();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let client = blocking::LoginClient::new().unwrap();

    let login = hypernative::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .organization_id(demo::ORGANIZATION_ID)
        .build();
    let session = client.login_to(&login, &sandbox.hypernative()).unwrap();
    assert!(!session.token().expose_secret().is_empty());
    assert!(session.refresh_token().is_some());

    let login = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build();
    let session = client.login_to(&login, &sandbox.talkstack()).unwrap();
    assert!(session.expires_at().is_some());
    assert_eq!(sandbox.login_requests(), 2);
}

#[test]
fn returns_the_same_errors_as_the_async_client() {
    let runtime = server_runtime();
    let sandbox = runtime.block_on(Sandbox::start()).unwrap();
    let client = blocking::LoginClient::new().unwrap();

    let login = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password("wrong-password")
        .build();
    let error = client.login_to(&login, &sandbox.talkstack()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(401));
    assert!(!format!("{error:?} {error}").contains("wrong-password"));

    // Up2 Money locks an e-mail after three failures, with the documented 30-minute wait.
    let wrong = up2_login("wrong-password");
    for _ in 0..3 {
        let error = client.login_to(&wrong, &sandbox.up2_money()).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    }
    let error = client
        .login_to(&up2_login(demo::PASSWORD), &sandbox.up2_money())
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30 * 60)));

    // `login` goes to the declared base URL; a plain-http one to a remote host is refused
    // before anything is sent.
    let error = client
        .login_to(&up2_login(demo::PASSWORD), "http://login.example.invalid")
        .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InsecureTransport);
}

#[test]
fn retries_as_the_async_client_does() {
    let runtime = server_runtime();
    let server = runtime.block_on(ScriptedServer::start(vec![
        Reply::retry_after(503, "0"),
        Reply::status(200),
    ]));
    let login = up2_login(demo::PASSWORD);
    let client = blocking::LoginClient::new().unwrap();
    // The scripted 200 has no Up2 body: the retry happened, and its answer was interpreted.
    let error = client.login_to(&login, server.base_url()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(server.requests(), 2);

    let server = runtime.block_on(ScriptedServer::start(vec![
        Reply::retry_after(503, "0"),
        Reply::status(200),
    ]));
    let once = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build_blocking()
        .unwrap();
    let error = once.login_to(&login, server.base_url()).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Unavailable);
    assert_eq!(error.retry_after(), Some(Duration::ZERO));
    assert_eq!(server.requests(), 1);
}

#[test]
fn keeps_the_deadline_with_retries_on() {
    // Real time here: the blocking client runs its own runtime. A short deadline keeps it quick.
    let runtime = server_runtime();
    let server = runtime.block_on(ScriptedServer::start(vec![Reply::Stall]));
    let deadline = Duration::from_millis(300);
    let client = LoginClient::builder()
        .timeout(deadline)
        .build_blocking()
        .unwrap();
    let started = std::time::Instant::now();
    let error = client
        .login_to(&up2_login(demo::PASSWORD), server.base_url())
        .unwrap_err();
    let elapsed = started.elapsed();
    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(
        elapsed >= deadline && elapsed < deadline + Duration::from_secs(1),
        "{elapsed:?}"
    );
    assert_eq!(server.requests(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn works_and_drops_inside_an_async_runtime() {
    let sandbox = Sandbox::start().await.unwrap();
    let base_url = sandbox.up2_money();
    let client = blocking::LoginClient::new().unwrap();
    // Called from async code by mistake: it still logs in instead of panicking...
    let session = client
        .login_to(&up2_login(demo::PASSWORD), &base_url)
        .unwrap();
    assert!(!session.token().expose_secret().is_empty());
    // ...and dropping it here does not panic either.
    drop(client);
    assert_eq!(sandbox.login_requests(), 1);
}
