//! A catalogue of real login protocols beyond the five vendors of `vendors`, each declared with
//! `#[login_endpoint]` and serde types alone, as a library author would declare it from the
//! vendor's public document, and checked over real loopback HTTP against that document's
//! samples: the exact request on the wire (method, path, query, headers, body bytes), the
//! success, and each documented error with its kind, status, code and message.
//!
//! One module per protocol; each module's documentation names the document it follows.

// The serde types model each document's bodies in full, as a library author would write them;
// the tests read the fields they check, not every one.
#![allow(dead_code)]

#[path = "catalogue/aws_cognito.rs"]
mod aws_cognito;
#[path = "catalogue/directus.rs"]
mod directus;
#[path = "catalogue/firebase_auth.rs"]
mod firebase_auth;
#[path = "catalogue/gitea.rs"]
mod gitea;
#[path = "catalogue/jellyfin.rs"]
mod jellyfin;
#[path = "catalogue/keycloak.rs"]
mod keycloak;
#[path = "catalogue/mattermost.rs"]
mod mattermost;
#[path = "catalogue/nextcloud.rs"]
mod nextcloud;
#[path = "catalogue/nhost.rs"]
mod nhost;
#[path = "catalogue/okta.rs"]
mod okta;
#[path = "catalogue/openstack_keystone.rs"]
mod openstack_keystone;
#[path = "catalogue/oracle_sd_wan_edge.rs"]
mod oracle_sd_wan_edge;
#[path = "catalogue/oracle_session_delivery_manager.rs"]
mod oracle_session_delivery_manager;
#[path = "catalogue/payload_cms.rs"]
mod payload_cms;
#[path = "catalogue/pocketbase.rs"]
mod pocketbase;
#[path = "catalogue/proxmox_ve.rs"]
mod proxmox_ve;
#[path = "catalogue/spotify.rs"]
mod spotify;
#[path = "catalogue/strapi.rs"]
mod strapi;
#[path = "catalogue/supabase_auth.rs"]
mod supabase_auth;
#[path = "catalogue/synology_dsm.rs"]
mod synology_dsm;
#[path = "catalogue/truenas.rs"]
mod truenas;
#[path = "catalogue/zabbix.rs"]
mod zabbix;

use auth_core::{AuthError, ErrorKind, LoginClient, RetryPolicy, VendorCode};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A client that sends each login once, so the answer a test serves is the one it checks.
fn client() -> LoginClient {
    LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("the client builds")
}

/// A server that answers any one request with `response`, and fails the test when dropped if
/// it did not receive exactly one. What it received is read back with [`the_request`].
async fn server_answering(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
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

/// A request as it arrived, reduced to what a vendor's document specifies.
#[derive(Debug, PartialEq, Eq)]
struct OnTheWire {
    method: String,
    /// The path, percent-encoded as sent.
    path: String,
    /// The raw query string, if any.
    query: Option<String>,
    content_type: Option<String>,
    authorization: Option<String>,
    /// The body's bytes, as text.
    body: String,
}

impl OnTheWire {
    /// The expected request, written out as a document shows it.
    fn new(
        method: &str,
        path: &str,
        query: Option<&str>,
        content_type: Option<&str>,
        authorization: Option<&str>,
        body: &str,
    ) -> Self {
        OnTheWire {
            method: method.to_owned(),
            path: path.to_owned(),
            query: query.map(str::to_owned),
            content_type: content_type.map(str::to_owned),
            authorization: authorization.map(str::to_owned),
            body: body.to_owned(),
        }
    }
}

/// The one request `server` received.
async fn the_request(server: &MockServer) -> OnTheWire {
    let mut requests = server
        .received_requests()
        .await
        .expect("the server records requests");
    assert_eq!(requests.len(), 1, "expected one request: {requests:?}");
    let request = requests.remove(0);
    let header = |name: &str| {
        request
            .headers
            .get(name)
            .map(|value| value.to_str().expect("a text header").to_owned())
    };
    OnTheWire {
        method: request.method.to_string(),
        path: request.url.path().to_owned(),
        query: request.url.query().map(str::to_owned),
        content_type: header("content-type"),
        authorization: header("authorization"),
        body: String::from_utf8(request.body.clone()).expect("a text body"),
    }
}

/// A header of the one request `server` received, beyond those [`OnTheWire`] keeps.
async fn the_request_header(server: &MockServer, name: &str) -> Option<String> {
    let requests = server
        .received_requests()
        .await
        .expect("the server records requests");
    assert_eq!(requests.len(), 1, "expected one request: {requests:?}");
    requests[0]
        .headers
        .get(name)
        .map(|value| value.to_str().expect("a text header").to_owned())
}

/// What an error from a documented failure must carry.
#[track_caller]
fn assert_error(
    error: &AuthError,
    vendor: &str,
    kind: ErrorKind,
    status: u16,
    code: Option<VendorCode>,
    message: Option<&str>,
) {
    assert_eq!(error.vendor(), vendor, "{error:?}");
    assert_eq!(error.kind(), kind, "{error:?}");
    assert_eq!(error.status(), Some(status), "{error:?}");
    assert_eq!(error.vendor_code(), code.as_ref(), "{error:?}");
    assert_eq!(error.message(), message, "{error:?}");
}

/// Asserts that none of `secrets` appears in `text`.
#[track_caller]
fn assert_hidden(text: &str, secrets: &[&str]) {
    for secret in secrets {
        assert!(!text.contains(secret), "`{secret}` is visible in:\n{text}");
    }
}
