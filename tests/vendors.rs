//! Every vendor's login over real loopback HTTP, checked against the vendor's document.
//!
//! One module per vendor: the request the server receives (method, path, headers, exact JSON
//! body), the document's sample bodies turned into a `Session` or an `AuthError`, every documented
//! status code, answers the protocol does not allow, and secrets kept out of `Debug` and
//! `Display`. The servers are wiremock instances on 127.0.0.1; `sandbox` logs in to
//! `vendors::sandbox` with its demo credentials.

#[path = "vendors/bad_responses.rs"]
mod bad_responses;
#[path = "vendors/hyper3d.rs"]
mod hyper3d;
#[path = "vendors/hypernative.rs"]
mod hypernative;
#[path = "vendors/project_thanos.rs"]
mod project_thanos;
#[path = "vendors/sandbox.rs"]
mod sandbox;
#[path = "vendors/talkstack.rs"]
mod talkstack;
#[path = "vendors/up2_money.rs"]
mod up2_money;

use auth_core::{AuthError, LoginClient, RetryPolicy};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A client that sends each login once, so every answer a test serves is the one it checks
/// (retries are the client's behaviour, not the vendor's). One per test, because a client's
/// pooled connections belong to the runtime of the test that opened them.
fn client() -> LoginClient {
    LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("the client builds")
}

/// A server that answers one login POST to `login_path` with `response`, and fails the test
/// when dropped if it did not receive exactly one.
async fn server_answering(login_path: &str, response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(login_path))
        .respond_with(response)
        .expect(1)
        .mount(&server)
        .await;
    server
}

/// A response with `body` sent as it is, labelled as JSON.
fn json_response(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json")
}

/// An HTML error page as a proxy or web server would send it, long enough that only a short
/// excerpt of it may appear in an error.
fn html_page(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html><head><title>{title}</title></head><body><h1>{title}</h1>{}</body></html>",
        "<p>The server could not complete your request.</p>".repeat(60)
    )
}

/// The error as a log would show it: its `Display` and its `Debug`.
fn shown(error: &AuthError) -> String {
    format!("{error}\n{error:?}")
}

/// Asserts that none of `secrets` appears in `text`.
#[track_caller]
fn assert_hidden(text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!text.contains(secret), "`{secret}` is visible in:\n{text}");
    }
}
