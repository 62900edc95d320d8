//! The app's own API calls through `AuthMiddleware` (reqwest-middleware) and `AuthLayer`
//! (tower), over loopback HTTP: the token is presented as configured, a 401 leads to one new
//! login and one resend, a cooldown stops a broken credential from looping, and a body that
//! cannot be replayed is never sent twice. Time runs on tokio's paused clock.

use crate::scripted_server;

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use auth_core::middleware::{AuthLayer, AuthMiddleware};
use auth_core::{
    AuthError, Authenticator, ErrorKind, LoginClient, RetryPolicy, Secret, TokenPresentation,
    login_endpoint,
};
use axum::http::{HeaderMap, StatusCode};
use reqwest::header::{AUTHORIZATION, COOKIE, HeaderName};
use reqwest_middleware::ClientWithMiddleware;
use scripted_server::{Reply, ScriptedServer};
use tokio::task::JoinSet;
use tower_layer::Layer;
use tower_service::Service;
use vendors::sandbox::{Sandbox, demo};
use vendors::talkstack;

fn talkstack_auth(sandbox: &Sandbox) -> Arc<Authenticator<talkstack::Login>> {
    let login = talkstack::Login::builder()
        .email(demo::EMAIL)
        .password(demo::PASSWORD)
        .build();
    Arc::new(
        Authenticator::new(LoginClient::new().unwrap(), login).with_base_url(sandbox.talkstack()),
    )
}

fn api_client(middleware: AuthMiddleware) -> ClientWithMiddleware {
    let http = LoginClient::new().unwrap().http_client();
    reqwest_middleware::ClientBuilder::new(http)
        .with(middleware)
        .build()
}

/// A loopback API that answers every request with one status and records its headers.
struct ApiServer {
    base_url: String,
    seen: Arc<Mutex<Vec<HeaderMap>>>,
    task: tokio::task::JoinHandle<()>,
}

impl ApiServer {
    async fn start(status: StatusCode) -> ApiServer {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        let app = axum::Router::new().fallback(move |headers: HeaderMap| {
            let record = Arc::clone(&record);
            async move {
                record
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(headers);
                (status, "{}")
            }
        });
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base_url = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app).await;
        });
        ApiServer {
            base_url,
            seen,
            task,
        }
    }

    fn requests(&self) -> usize {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .len()
    }

    /// The value of `name` on each request received, in order.
    fn header(&self, name: &HeaderName) -> Vec<Option<String>> {
        self.seen
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .iter()
            .map(|headers| {
                headers
                    .get(name)
                    .map(|value| value.to_str().unwrap().to_owned())
            })
            .collect()
    }
}

impl Drop for ApiServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

#[tokio::test(start_paused = true)]
async fn a_stale_token_leads_to_one_login_and_one_resend() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = talkstack_auth(&sandbox);
    let api = api_client(AuthMiddleware::new(Arc::clone(&auth)));
    let me = format!("{}/me", sandbox.demo_api());

    let first = api.get(&me).send().await.unwrap();
    assert_eq!(first.status(), 200);
    assert_eq!(sandbox.login_requests(), 1);
    assert_eq!(sandbox.api_requests(), 1);
    let old = auth.token().await.unwrap();

    // The vendor ends its sessions: the next call is refused, logs in once, and is sent once
    // more with the new token, which the API accepts.
    sandbox.expire_tokens();
    let second = api.get(&me).send().await.unwrap();
    assert_eq!(second.status(), 200);
    assert_eq!(second.text().await.unwrap(), r#"{"vendor":"TalkStack AI"}"#);
    assert_eq!(sandbox.login_requests(), 2);
    assert_eq!(sandbox.api_requests(), 3);
    let new = auth.token().await.unwrap();
    assert!(!new.same_session(&old));

    // And the new token stays in use.
    assert_eq!(api.get(&me).send().await.unwrap().status(), 200);
    assert_eq!(sandbox.login_requests(), 2);
    assert_eq!(sandbox.api_requests(), 4);
}

#[tokio::test(start_paused = true)]
async fn many_calls_refused_together_share_one_login() {
    const CALLS: usize = 50;
    let sandbox = Sandbox::start().await.unwrap();
    let auth = talkstack_auth(&sandbox);
    let api = api_client(AuthMiddleware::new(Arc::clone(&auth)));
    let me = format!("{}/me", sandbox.demo_api());
    assert_eq!(api.get(&me).send().await.unwrap().status(), 200);
    sandbox.expire_tokens();
    let before = sandbox.api_requests();

    let mut calls = JoinSet::new();
    for _ in 0..CALLS {
        let (api, me) = (api.clone(), me.clone());
        calls.spawn(async move { api.get(&me).send().await.unwrap().status() });
    }
    for status in calls.join_all().await {
        assert_eq!(status, 200);
    }
    assert_eq!(sandbox.login_requests(), 2, "one new login for all of them");
    // Each call was sent at most twice: once refused, once with the new token.
    let sent = sandbox.api_requests() - before;
    assert!((CALLS + 1..=2 * CALLS).contains(&sent), "{sent} requests");
}

#[tokio::test(start_paused = true)]
async fn a_second_401_within_the_cooldown_is_returned_without_a_login() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = talkstack_auth(&sandbox);
    // An API that refuses every token: a credential that logs in but is not allowed here.
    let server = ApiServer::start(StatusCode::UNAUTHORIZED).await;
    let api =
        api_client(AuthMiddleware::new(Arc::clone(&auth)).with_cooldown(Duration::from_secs(60)));
    let url = format!("{}/orders", server.base_url);

    // The first 401: one new login, one resend, and that resend's 401 is the answer.
    let response = api.get(&url).send().await.unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(sandbox.login_requests(), 2);
    assert_eq!(server.requests(), 2);
    let tokens = server.header(&AUTHORIZATION);
    assert_ne!(tokens[0], tokens[1], "the resend carries the new token");

    // Within the cooldown: the 401 is returned at once, no login, no resend.
    for _ in 0..5 {
        tokio::time::advance(Duration::from_secs(10)).await;
        let response = api.get(&url).send().await.unwrap();
        assert_eq!(response.status(), 401);
    }
    assert_eq!(sandbox.login_requests(), 2);
    assert_eq!(server.requests(), 7);

    // Once it has passed, a 401 may lead to one more login.
    tokio::time::advance(Duration::from_secs(11)).await;
    assert_eq!(api.get(&url).send().await.unwrap().status(), 401);
    assert_eq!(sandbox.login_requests(), 3);
    assert_eq!(server.requests(), 9);
}

#[tokio::test(start_paused = true)]
async fn a_body_that_cannot_be_replayed_is_not_sent_again() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = talkstack_auth(&sandbox);
    let server = ApiServer::start(StatusCode::UNAUTHORIZED).await;
    let api = api_client(AuthMiddleware::new(Arc::clone(&auth)));
    let url = format!("{}/upload", server.base_url);

    // A streamed body (`Body::wrap`) cannot be cloned.
    let streamed = reqwest::Body::wrap(String::from("one pass only"));
    let response = api.post(&url).body(streamed).send().await.unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(server.requests(), 1);
    assert_eq!(sandbox.login_requests(), 1);

    // The token was reported rejected all the same: the next call logs in first.
    let response = api.post(&url).body("again").send().await.unwrap();
    assert_eq!(response.status(), 401);
    assert_eq!(sandbox.login_requests(), 2);
}

#[tokio::test(start_paused = true)]
async fn the_token_is_presented_as_the_app_says() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = talkstack_auth(&sandbox);
    let server = ApiServer::start(StatusCode::OK).await;
    let url = format!("{}/resource", server.base_url);
    let token = auth.token().await.unwrap();
    let token = token.expose_secret();

    let bearer = api_client(AuthMiddleware::new(Arc::clone(&auth)));
    bearer.get(&url).send().await.unwrap();
    assert_eq!(
        server.header(&AUTHORIZATION)[0].as_deref(),
        Some(format!("Bearer {token}").as_str())
    );

    let scheme = api_client(
        AuthMiddleware::new(Arc::clone(&auth))
            .presenting(TokenPresentation::prefixed_header(AUTHORIZATION, "Token ")),
    );
    scheme.get(&url).send().await.unwrap();
    assert_eq!(
        server.header(&AUTHORIZATION)[1].as_deref(),
        Some(format!("Token {token}").as_str())
    );

    let x_auth = HeaderName::from_static("x-auth-token");
    let named = api_client(
        AuthMiddleware::new(Arc::clone(&auth))
            .presenting(TokenPresentation::header(x_auth.clone())),
    );
    named.get(&url).send().await.unwrap();
    assert_eq!(server.header(&x_auth)[2].as_deref(), Some(token));
    assert_eq!(server.header(&AUTHORIZATION)[2], None);

    // A cookie joins the ones the request already has, and replaces one of the same name.
    let cookie = api_client(
        AuthMiddleware::new(Arc::clone(&auth)).presenting(TokenPresentation::cookie("sid")),
    );
    cookie
        .get(&url)
        .header(COOKIE, "theme=dark; sid=stale")
        .send()
        .await
        .unwrap();
    assert_eq!(
        server.header(&COOKIE)[3].as_deref(),
        Some(format!("theme=dark; sid={token}").as_str())
    );
    assert_eq!(sandbox.login_requests(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_token_is_never_sent_over_plain_http_to_another_host() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = talkstack_auth(&sandbox);
    let api = api_client(AuthMiddleware::new(Arc::clone(&auth)));
    // 192.0.2.1 is TEST-NET-1: nothing answers there, and nothing is sent.
    let error = api.get("http://192.0.2.1/orders").send().await.unwrap_err();
    let reqwest_middleware::Error::Middleware(error) = error else {
        panic!("expected the middleware's refusal, got {error}");
    };
    let error = error.downcast_ref::<AuthError>().unwrap();
    assert_eq!(error.kind(), ErrorKind::InsecureTransport);
    assert_eq!(sandbox.login_requests(), 0, "no login either");
}

#[derive(Debug, serde::Deserialize)]
pub struct ScriptedResponse {
    token: Secret,
}

/// A vendor that documents no lifetime, served by a scripted server.
#[login_endpoint(
    vendor = "Scripted",
    base_url = "https://api.example.com",
    path = "/login",
    response = ScriptedResponse,
    token = token,
)]
pub struct ScriptedLogin {
    email: String,
    #[login(secret)]
    password: Secret,
}

#[tokio::test(start_paused = true)]
async fn a_login_that_fails_after_a_401_is_the_callers_error() {
    // The first login works; the password is then changed, so the one after the 401 fails.
    let logins = ScriptedServer::start(vec![Reply::token("t-1"), Reply::status(401)]).await;
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = ScriptedLogin::builder()
        .email("me@example.com")
        .password("old-password")
        .build();
    let auth = Arc::new(Authenticator::new(client, login).with_base_url(logins.base_url()));
    let server = ApiServer::start(StatusCode::UNAUTHORIZED).await;
    let api = api_client(AuthMiddleware::new(auth));

    let error = api
        .get(format!("{}/orders", server.base_url))
        .send()
        .await
        .unwrap_err();
    let reqwest_middleware::Error::Middleware(error) = error else {
        panic!("expected the login's error, got {error}");
    };
    let error = error.downcast_ref::<AuthError>().unwrap();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(logins.requests(), 2);
    assert_eq!(server.requests(), 1, "nothing resent without a token");
}

#[tokio::test(start_paused = true)]
async fn the_tower_layer_logs_in_once_and_resends_once() {
    let sandbox = Sandbox::start().await.unwrap();
    let auth = talkstack_auth(&sandbox);
    let http = LoginClient::new().unwrap().http_client();
    let layer = AuthLayer::new(Arc::clone(&auth)).presenting(TokenPresentation::bearer());
    let mut api = layer.layer(http.clone());
    let me = format!("{}/me", sandbox.demo_api());

    let request = http.get(&me).build().unwrap();
    std::future::poll_fn(|cx| api.poll_ready(cx)).await.unwrap();
    assert_eq!(api.call(request).await.unwrap().status(), 200);

    sandbox.expire_tokens();
    let request = http.get(&me).build().unwrap();
    std::future::poll_fn(|cx| api.poll_ready(cx)).await.unwrap();
    let response = api.call(request).await.unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(sandbox.login_requests(), 2);
    assert_eq!(sandbox.api_requests(), 3);

    // A clone of the service shares the layer's cooldown: past the cooldown of the login
    // above, an API that refuses every token gets one new login from the first 401, none from
    // the second.
    tokio::time::advance(Duration::from_secs(31)).await;
    let server = ApiServer::start(StatusCode::UNAUTHORIZED).await;
    let mut clone = api.clone();
    for service in [&mut api, &mut clone] {
        let request = http.get(format!("{}/x", server.base_url)).build().unwrap();
        std::future::poll_fn(|cx| service.poll_ready(cx))
            .await
            .unwrap();
        assert_eq!(service.call(request).await.unwrap().status(), 401);
    }
    assert_eq!(sandbox.login_requests(), 3);
    assert_eq!(server.requests(), 3);
}
