//! Keycloak: a user's login at a realm's token endpoint, the OAuth 2.0 resource-owner password
//! grant.
//!
//! Sources: the Keycloak Admin REST API documentation, "Obtain access token"
//! (https://www.keycloak.org/docs-api/latest/rest-api/index.html), for the request:
//! `POST /realms/{realm}/protocol/openid-connect/token` with the form fields `client_id`,
//! `username`, `password` and `grant_type=password` (its sample: realm `master`, client
//! `admin-cli`, user `admin`, password `password`). RFC 6749, "The OAuth 2.0 Authorization
//! Framework", §4.3 and §5, which the token endpoint implements, for the rest: the optional
//! `client_secret` of a confidential client (§2.3.1) and `scope` (§4.3.2), the success sample
//! of §4.3.3/§5.1 and the error codes of §5.2.
//!
//! The answer's `expires_in` (seconds, §5.1) is the session's expiry.
//!
//! The refresh is RFC 6749 §6's `refresh_token` grant at the same token endpoint:
//! `grant_type=refresh_token` and `refresh_token`, with the client identified as at login
//! (`client_id`, §3.2.1, and a confidential client's `client_secret`, §2.3.1). The answer is
//! §5.1's again; "the authorization server MAY issue a new refresh token, in which case the
//! client MUST discard the old refresh token". A refresh token that is "invalid, expired,
//! revoked" is §5.2's `invalid_grant`, status 400.
//!
//! Uncertain: `refresh_expires_in`, the refresh token's lifetime in seconds, is a field Keycloak
//! adds to RFC 6749's answer; neither document above shows it. It is declared, and optional.
//!
//! Keycloak is self-hosted, so the declaration has no `base_url`: each caller gives the host.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use auth_core::{Authenticator, ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Keycloak";

/// A user's login with the password grant, whose sessions are renewed with [`Refresh`].
#[login_endpoint(
    vendor = "Keycloak",
    refresh = Refresh,
    path = "/realms/{realm}/protocol/openid-connect/token",
    body = form,
    constant(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
    expires_in = expires_in,
    refresh_expires_in = refresh_expires_in,
    error_body = OAuthError,
    status(400 => InvalidRequest, 401 => InvalidCredentials),
)]
pub struct Login {
    /// The realm, in the path.
    #[login(path)]
    realm: String,
    client_id: String,
    /// Only for a confidential client.
    #[login(secret)]
    client_secret: Option<Secret>,
    username: String,
    #[login(secret)]
    password: Secret,
    scope: Option<String>,
}

/// RFC 6749 §6: a new access token for a refresh token, at the same token endpoint.
#[login_endpoint(
    refreshes = Login,
    vendor = "Keycloak",
    path = "/realms/{realm}/protocol/openid-connect/token",
    body = form,
    constant(grant_type = "refresh_token"),
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
    expires_in = expires_in,
    refresh_expires_in = refresh_expires_in,
    error_body = OAuthError,
    status(400 => InvalidRequest, 401 => InvalidCredentials),
)]
pub struct Refresh {
    #[login(path, from_login)]
    realm: String,
    #[login(secret, refresh_token)]
    refresh_token: Secret,
    #[login(from_login)]
    client_id: String,
    #[login(secret, from_login)]
    client_secret: Option<Secret>,
}

/// RFC 6749 §5.1: the successful response.
#[derive(Debug, Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub token_type: String,
    /// Seconds the access token lives.
    pub expires_in: Option<u64>,
    pub refresh_token: Option<Secret>,
    /// Seconds the refresh token lives; Keycloak adds it to RFC 6749's fields.
    pub refresh_expires_in: Option<u64>,
    pub scope: Option<String>,
}

/// RFC 6749 §5.2: the error response. `invalid_grant` is "the provided authorization grant
/// (... resource owner credentials) is invalid", whatever the status.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = error,
    message = error_description,
    kind(
        code = "invalid_grant" | "invalid_client" => InvalidCredentials,
        code = "unauthorized_client" => Forbidden,
        code = "invalid_request" | "unsupported_grant_type" | "invalid_scope" => InvalidRequest,
    ),
)]
pub struct OAuthError {
    pub error: String,
    pub error_description: Option<String>,
    pub error_uri: Option<String>,
}

/// RFC 6749 §4.3.3's sample, verbatim.
const SUCCESS_SAMPLE: &str = r#"{
  "access_token":"2YotnFZFEjr1zCsicMWpAA",
  "token_type":"example",
  "expires_in":3600,
  "refresh_token":"tGzv3JO3F0XkW0IM4JIbq4",
  "example_parameter":"example_value"
}"#;

fn documented_login() -> Login {
    Login::builder()
        .realm("master")
        .client_id("admin-cli")
        .username("admin")
        .password("password")
        .build()
}

#[tokio::test]
async fn sends_the_documented_form_to_the_realm() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/realms/master/protocol/openid-connect/token",
            None,
            Some("application/x-www-form-urlencoded"),
            None,
            "grant_type=password&client_id=admin-cli&username=admin&password=password",
        )
    );
}

#[tokio::test]
async fn optional_fields_are_sent_when_set_and_values_are_form_encoded() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    Login::builder()
        .realm("my realm/../admin?x#y")
        .client_id("app")
        .username("jane@example.com")
        .password("p&ss=w+rd %")
        .client_secret("s3cr&t")
        .maybe_scope(Some("openid profile".to_owned()))
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    let request = the_request(&server).await;
    // The realm stays in its segment: no `/`, `?` or `#` of it reaches the URL unencoded.
    assert_eq!(
        request.path,
        "/realms/my%20realm%2F..%2Fadmin%3Fx%23y/protocol/openid-connect/token"
    );
    assert_eq!(request.query, None);
    assert_eq!(
        request.body,
        "grant_type=password&client_id=app&client_secret=s3cr%26t&username=jane%40example.com&password=p%26ss%3Dw%2Brd+%25&scope=openid+profile"
    );
}

#[tokio::test]
async fn a_path_segment_of_dots_is_refused_before_sending() {
    let server = wiremock::MockServer::start().await;
    for realm in ["..", ".", ""] {
        let login = Login::builder()
            .realm(realm)
            .client_id("app")
            .username("u")
            .password("p")
            .build();
        let error = login
            .send_to(&client(), &server.uri())
            .await
            .expect_err("refused");
        assert_eq!(error.kind(), ErrorKind::InvalidRequest, "{error:?}");
        assert!(error.to_string().contains("realm"), "{error}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_documented_success_gives_a_session() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.vendor(), VENDOR);
    assert_eq!(session.token().expose_secret(), "2YotnFZFEjr1zCsicMWpAA");
    assert_eq!(
        session.refresh_token().map(Secret::expose_secret),
        Some("tGzv3JO3F0XkW0IM4JIbq4")
    );
    assert_eq!(session.response().token_type, "example");
    assert_eq!(session.response().expires_in, Some(3600));
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(3600))
    );
    // RFC 6749's sample has no `refresh_expires_in`.
    assert_eq!(session.refresh_expires_at(), None);
}

#[tokio::test]
async fn keycloak_s_refresh_expiry_is_on_the_session() {
    let body = SUCCESS_SAMPLE.replace(
        r#""expires_in":3600,"#,
        r#""expires_in":300,"refresh_expires_in":1800,"#,
    );
    let server = server_answering(json_response(200, &body)).await;
    let session = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(300))
    );
    assert_eq!(
        session.refresh_expires_at(),
        Some(session.issued_at() + Duration::from_secs(1800))
    );
}

#[tokio::test]
async fn each_documented_error_has_its_kind_code_and_message() {
    // §5.2: 400 unless stated; `invalid_client` may be 401. Keycloak adds a description.
    let cases = [
        (400, "invalid_request", ErrorKind::InvalidRequest),
        (401, "invalid_client", ErrorKind::InvalidCredentials),
        (400, "invalid_grant", ErrorKind::InvalidCredentials),
        (401, "invalid_grant", ErrorKind::InvalidCredentials),
        (400, "unauthorized_client", ErrorKind::Forbidden),
        (400, "unsupported_grant_type", ErrorKind::InvalidRequest),
        (400, "invalid_scope", ErrorKind::InvalidRequest),
    ];
    for (status, code, kind) in cases {
        let body =
            format!(r#"{{"error":"{code}","error_description":"Invalid user credentials"}}"#);
        let server = server_answering(json_response(status, &body)).await;
        let error = documented_login()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("the login fails");
        assert_error(
            &error,
            VENDOR,
            kind,
            status,
            Some(VendorCode::from(code)),
            Some("Invalid user credentials"),
        );
    }
    // §5.2's own sample, with no description.
    let server = server_answering(json_response(400, r#"{"error":"invalid_request"}"#)).await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_error(
        &error,
        VENDOR,
        ErrorKind::InvalidRequest,
        400,
        Some(VendorCode::from("invalid_request")),
        None,
    );
}

#[tokio::test]
async fn an_authenticator_takes_the_host_it_logs_in_to() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let auth = Authenticator::new_at(client(), documented_login(), server.uri());
    let token = auth.token().await.expect("the login succeeds");
    assert_eq!(token.expose_secret(), "2YotnFZFEjr1zCsicMWpAA");
}

#[test]
fn debug_shows_the_constant_and_hides_the_secrets() {
    let login = Login::builder()
        .realm("master")
        .client_id("admin-cli")
        .username("admin")
        .password("kc-password-71x")
        .client_secret("kc-client-secret-9q")
        .build();
    let debug = format!("{login:?}");
    assert!(debug.contains(r#"grant_type: "password""#), "{debug}");
    assert!(debug.contains("admin-cli"), "{debug}");
    assert_hidden(&debug, &["kc-password-71x", "kc-client-secret-9q"]);
}

/// RFC 6749 §6's request, with §4.3.3's refresh token, on the wire: the constant, the refresh
/// token, then the client, form-encoded.
#[tokio::test]
async fn the_refresh_request_is_rfc_6749_s_form() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = Refresh::builder()
        .realm("master")
        .refresh_token("tGzv3JO3F0XkW0IM4JIbq4")
        .client_id("admin-cli")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("the refresh succeeds");
    assert_eq!(session.token().expose_secret(), "2YotnFZFEjr1zCsicMWpAA");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/realms/master/protocol/openid-connect/token",
            None,
            Some("application/x-www-form-urlencoded"),
            None,
            "grant_type=refresh_token&refresh_token=tGzv3JO3F0XkW0IM4JIbq4&client_id=admin-cli",
        )
    );
}

#[test]
fn the_refresh_request_s_debug_hides_the_refresh_token_and_the_client_secret() {
    let refresh = Refresh::builder()
        .realm("master")
        .refresh_token("kc-refresh-token-5d")
        .client_id("admin-cli")
        .client_secret("kc-client-secret-9q")
        .build();
    let debug = format!("{refresh:?}");
    assert!(debug.contains(r#"grant_type: "refresh_token""#), "{debug}");
    assert_hidden(&debug, &["kc-refresh-token-5d", "kc-client-secret-9q"]);
}

/// A loopback Keycloak realm `master` with a confidential client: the password grant for one
/// user, and refresh tokens that are single-use (each refresh rotates it), as RFC 6749 §6
/// permits.
#[derive(Default)]
struct Realm {
    logins: AtomicUsize,
    refreshes: AtomicUsize,
    issued: AtomicUsize,
    live: Mutex<HashSet<String>>,
    /// The refresh tokens presented, in order.
    presented: Mutex<Vec<String>>,
}

const CLIENT_ID: &str = "admin-cli";
const CLIENT_SECRET: &str = "kc-client-secret-9q";

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The pairs of a form body whose values need no decoding (those of these tests).
fn form_pairs(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(key, value)| (key.to_owned(), value.to_owned()))
        .collect()
}

impl Realm {
    fn issue(&self) -> axum::response::Response {
        use axum::response::IntoResponse;
        let serial = self.issued.fetch_add(1, Ordering::SeqCst) + 1;
        let refresh_token = format!("kc-refresh-{serial}");
        lock(&self.live).insert(refresh_token.clone());
        axum::Json(serde_json::json!({
            "access_token": format!("kc-access-{serial}"),
            "token_type": "Bearer",
            "expires_in": 300,
            "refresh_token": refresh_token,
            "refresh_expires_in": 1800,
        }))
        .into_response()
    }

    fn oauth_error(code: &str, description: &str) -> axum::response::Response {
        use axum::response::IntoResponse;
        (
            axum::http::StatusCode::BAD_REQUEST,
            axum::Json(serde_json::json!({ "error": code, "error_description": description })),
        )
            .into_response()
    }

    fn token(&self, body: &str) -> axum::response::Response {
        let pairs = form_pairs(body);
        let value = |key: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, value)| value.as_str())
        };
        if value("client_id") != Some(CLIENT_ID) || value("client_secret") != Some(CLIENT_SECRET) {
            return Realm::oauth_error("invalid_client", "Invalid client credentials");
        }
        match value("grant_type") {
            Some("password") => {
                self.logins.fetch_add(1, Ordering::SeqCst);
                if value("username") == Some("admin") && value("password") == Some("password") {
                    self.issue()
                } else {
                    Realm::oauth_error("invalid_grant", "Invalid user credentials")
                }
            }
            Some("refresh_token") => {
                self.refreshes.fetch_add(1, Ordering::SeqCst);
                let presented = value("refresh_token").unwrap_or_default().to_owned();
                lock(&self.presented).push(presented.clone());
                if lock(&self.live).remove(&presented) {
                    self.issue()
                } else {
                    Realm::oauth_error("invalid_grant", "Token is not active")
                }
            }
            _ => Realm::oauth_error("unsupported_grant_type", "Unsupported grant_type"),
        }
    }
}

struct RealmServer {
    base_url: String,
    realm: Arc<Realm>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for RealmServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

async fn start_realm() -> RealmServer {
    let realm = Arc::new(Realm::default());
    let state = Arc::clone(&realm);
    let app = axum::Router::new().route(
        "/realms/master/protocol/openid-connect/token",
        axum::routing::post(move |body: String| {
            let realm = Arc::clone(&state);
            async move { realm.token(&body) }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base_url = format!("http://{}", listener.local_addr().unwrap());
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    RealmServer {
        base_url,
        realm,
        task,
    }
}

fn refreshing_authenticator(server: &RealmServer) -> Arc<Authenticator<Login>> {
    let login = Login::builder()
        .realm("master")
        .client_id(CLIENT_ID)
        .client_secret(CLIENT_SECRET)
        .username("admin")
        .password("password")
        .build();
    // The login declares its refresh: no app code asks for it.
    Arc::new(Authenticator::new_at(client(), login, &server.base_url))
}

/// Five minutes, renewed a tenth of them (30 s) ahead.
const RENEW_AT: Duration = Duration::from_secs(271);

async fn concurrent_tokens(
    auth: &Arc<Authenticator<Login>>,
    callers: usize,
) -> Vec<Result<auth_core::AccessToken, auth_core::AuthError>> {
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..callers {
        let auth = Arc::clone(auth);
        tasks.spawn(async move { auth.token().await });
    }
    tasks.join_all().await
}

#[tokio::test(start_paused = true)]
async fn an_authenticator_refreshes_with_the_refresh_token_grant_and_each_rotated_token_once() {
    let server = start_realm().await;
    let auth = refreshing_authenticator(&server);
    assert_eq!(auth.token().await.unwrap().expose_secret(), "kc-access-1");
    for round in 2..=4 {
        tokio::time::advance(RENEW_AT).await;
        let tokens = concurrent_tokens(&auth, 200).await;
        for token in &tokens {
            assert_eq!(
                token.as_ref().unwrap().expose_secret(),
                format!("kc-access-{round}")
            );
        }
        assert_eq!(
            server.realm.refreshes.load(Ordering::SeqCst),
            round - 1,
            "one refresh for 200 callers"
        );
    }
    // Each rotated refresh token was sent once, and the old one never again.
    assert_eq!(
        *lock(&server.realm.presented),
        ["kc-refresh-1", "kc-refresh-2", "kc-refresh-3"]
    );
    assert_eq!(server.realm.logins.load(Ordering::SeqCst), 1);
    let session = auth.session().await.unwrap();
    assert_eq!(
        session.refresh_token().unwrap().expose_secret(),
        "kc-refresh-4"
    );
    assert_eq!(
        session.refresh_expires_at(),
        Some(session.issued_at() + Duration::from_secs(1800))
    );
}

#[tokio::test(start_paused = true)]
async fn an_invalid_grant_answer_to_a_refresh_leads_to_exactly_one_login() {
    let server = start_realm().await;
    let auth = refreshing_authenticator(&server);
    auth.token().await.unwrap();
    // The realm's sessions ended (an admin logged the user out): no refresh token holds.
    lock(&server.realm.live).clear();

    tokio::time::advance(RENEW_AT).await;
    let tokens = concurrent_tokens(&auth, 100).await;
    for token in &tokens {
        assert_eq!(token.as_ref().unwrap().expose_secret(), "kc-access-2");
    }
    assert_eq!(server.realm.refreshes.load(Ordering::SeqCst), 1);
    assert_eq!(
        server.realm.logins.load(Ordering::SeqCst),
        2,
        "one login after the refusal, for 100 callers"
    );
    // The next renewal refreshes with the new login's refresh token.
    tokio::time::advance(RENEW_AT).await;
    assert_eq!(auth.token().await.unwrap().expose_secret(), "kc-access-3");
    assert_eq!(
        *lock(&server.realm.presented),
        ["kc-refresh-1", "kc-refresh-2"]
    );
    assert_eq!(server.realm.logins.load(Ordering::SeqCst), 2);
}
