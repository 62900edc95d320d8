//! Credentials never show: for every vendor, with distinctive passwords, API secrets and
//! tokens, through a success and each failure path, none appears in the `Debug` of the builder
//! or the request, the `Debug` of the session, the `Display` or `Debug` of the error (and its
//! sources), or anything logged through `tracing` or `log` at TRACE level, dependencies
//! included, nor in any tracing span (`login`, `refresh`, `authorized_resend`) or its fields.
//!
//! Servers are wiremock instances on 127.0.0.1, so the values can be anything; each test
//! checks that they did go over the wire, so a test that never sent them cannot pass.

mod directus;

use std::error::Error as StdError;
use std::io::Write;
use std::sync::{Arc, Mutex, Once, PoisonError};

use auth_core::middleware::AuthMiddleware;
use auth_core::{AuthError, Authenticator, LoginClient, RetryPolicy, Secret};
use tracing_subscriber::fmt::format::FmtSpan;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// Everything written by the test thread's `tracing` subscriber.
#[derive(Clone, Default)]
struct CapturedLogs(Arc<Mutex<Vec<u8>>>);

impl CapturedLogs {
    fn text(&self) -> String {
        let bytes = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        String::from_utf8_lossy(&bytes).into_owned()
    }
}

impl Write for CapturedLogs {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Captures every TRACE-level event of this thread, `log` records of dependencies included,
/// and every span as it closes, with all its fields, until the guard is dropped. The tests run on tokio's current-thread runtime, so the client
/// and its connection tasks log on this thread; wiremock serves from its own thread, so what
/// the server side logs about the request it received is not mistaken for the client's.
fn capture_logs() -> (CapturedLogs, tracing::subscriber::DefaultGuard) {
    static LOG_BRIDGE: Once = Once::new();
    // reqwest and rustls log through `log`; forward it into `tracing`, once per process.
    LOG_BRIDGE.call_once(|| tracing_log::LogTracer::init().unwrap());
    let logs = CapturedLogs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_span_events(FmtSpan::CLOSE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    (logs, tracing::subscriber::set_default(subscriber))
}

/// Distinctive values for one vendor: long and random-looking, as real credentials are.
struct Credentials {
    password: &'static str,
    /// Up2 Money's `x-secret`; the other vendors have none.
    api_secret: Option<&'static str>,
    token: &'static str,
    refresh_token: &'static str,
}

impl Credentials {
    fn all(&self) -> Vec<&'static str> {
        let mut all = vec![self.password, self.token, self.refresh_token];
        all.extend(self.api_secret);
        all
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Vendor {
    Hypernative,
    ProjectThanos,
    Up2Money,
    Hyper3d,
    TalkStack,
}

impl Vendor {
    /// The vendor's name, as spans and errors show it.
    fn name(self) -> &'static str {
        match self {
            Vendor::Hypernative => "Hypernative",
            Vendor::ProjectThanos => "Project Thanos",
            Vendor::Up2Money => "Up2 Money",
            Vendor::Hyper3d => "Hyper3D",
            Vendor::TalkStack => "TalkStack AI",
        }
    }

    fn login_path(self) -> &'static str {
        match self {
            Vendor::ProjectThanos => "/api/organizations/user-login/",
            Vendor::Hyper3d => "/user/login",
            _ => "/auth/login",
        }
    }

    fn credentials(self) -> Credentials {
        match self {
            Vendor::Hypernative => Credentials {
                password: "pw-Hn-8f3kQz71Lm",
                api_secret: None,
                token: "tok-Hn-Zr5Wb0Pj6y",
                refresh_token: "rt-Hn-Qe3Ls8Dd1k",
            },
            Vendor::ProjectThanos => Credentials {
                password: "pw-Pt-2bN7cX4vRs",
                api_secret: None,
                token: "tok-Pt-Hy6Uo3Gg8e",
                refresh_token: "rt-Pt-Vc0Jn4Wq7s",
            },
            Vendor::Up2Money => Credentials {
                password: "pw-U2-6tY1hB9eWa",
                api_secret: Some("sk-U2-Ns4Fd7Lp2x"),
                token: "tok-U2-Cm8Rk5Tz0q",
                refresh_token: "rt-U2-Ab2Ek9Ow6r",
            },
            Vendor::Hyper3d => Credentials {
                password: "pw-H3-3gP8mS5dKo",
                api_secret: None,
                token: "tok-H3-Ex1Yi4Nu9c",
                refresh_token: "rt-H3-Lf6Pt3Mh8a",
            },
            Vendor::TalkStack => Credentials {
                password: "pw-Ts-5dW2jR8nUq",
                api_secret: None,
                token: "tok-Ts-Kw7Gv2Ib5m",
                refresh_token: "rt-Ts-Oy4Cs1Fe9t",
            },
        }
    }

    /// A success body carrying the token (and refresh token, where the vendor has one).
    fn success(self, c: &Credentials) -> String {
        let (token, refresh) = (c.token, c.refresh_token);
        match self {
            Vendor::Hypernative => {
                format!(r#"{{"data":{{"token":"{token}","refreshToken":"{refresh}"}}}}"#)
            }
            Vendor::ProjectThanos => format!(
                r#"{{"auth_token":"{token}","org_uuid":"o","user_uuid":"u","retailer_uuid":"r","supplier_uuid":"","org_type":"RETAILER"}}"#
            ),
            Vendor::Up2Money => format!(
                r#"{{"credentials":{{"id":"c","type":"ROOT"}},"identity":{{"id":"i","type":"CONSUMER"}},"token":"{token}","tokenType":"ACCESS"}}"#
            ),
            Vendor::Hyper3d => format!(
                r#"{{"token":"{token}","user_uuid":"u","username":"n","avatar_url":"a","email":"e"}}"#
            ),
            Vendor::TalkStack => format!(
                r#"{{"message":"ok","status":"success","token":"{token}","refreshToken":"{refresh}","expirationTime":"2030-01-01T00:00:00.000Z","user":{{"email":"e"}},"loginStatus":7}}"#
            ),
        }
    }

    /// The success body with one other field of the wrong type: a decode error whose detail
    /// quotes the body that holds the token.
    fn success_with_a_wrong_type(self, c: &Credentials) -> String {
        let success = self.success(c);
        let (from, to) = match self {
            Vendor::Hypernative => (format!(r#""{}""#, c.refresh_token), "5".to_owned()),
            Vendor::ProjectThanos => (r#""RETAILER""#.to_owned(), "[1]".to_owned()),
            Vendor::Up2Money => (r#""ACCESS""#.to_owned(), "5".to_owned()),
            Vendor::Hyper3d => (r#""e""#.to_owned(), "5".to_owned()),
            Vendor::TalkStack => (
                r#""loginStatus":7"#.to_owned(),
                r#""loginStatus":"7""#.to_owned(),
            ),
        };
        let body = success.replacen(&from, &to, 1);
        assert_ne!(body, success);
        body
    }

    /// An error body that echoes the password and API secret back, in the field the vendor
    /// puts its message in.
    fn echoing_error(self, c: &Credentials) -> String {
        let secret = c.api_secret.unwrap_or("none");
        let echo = format!("no user with password {} and secret {secret}", c.password);
        match self {
            Vendor::Hypernative => {
                format!(r#"{{"success":false,"data":null,"error":"{echo}","errorCode":1004}}"#)
            }
            Vendor::ProjectThanos => format!(r#"{{"detail":"{echo}"}}"#),
            Vendor::Up2Money => format!(
                r#"{{"message":"{echo}","response":{{"errorCode":"{}"}},"syntaxErrors":{{"invalidFields":[{{"fieldName":"password.value","error":"{}","params":["{}","{}"]}}]}}}}"#,
                secret, c.password, c.password, secret
            ),
            Vendor::Hyper3d => format!(r#"{{"error":"{echo}"}}"#),
            Vendor::TalkStack => {
                format!(r#"{{"message":"{echo}","status":"error","loginStatus":4}}"#)
            }
        }
    }

    /// A 2xx that states a failure and still carries a token, where the vendor has such a
    /// marker.
    fn failure_marked_success(self, c: &Credentials) -> Option<String> {
        let token = c.token;
        match self {
            Vendor::Hyper3d => Some(format!(
                r#"{{"error":"invalid email or password","token":"{token}"}}"#
            )),
            Vendor::TalkStack => Some(format!(
                r#"{{"message":"not verified","status":"error","token":"{token}","loginStatus":2}}"#
            )),
            _ => None,
        }
    }

    /// Every answer to try: each failure path, then a success.
    fn answers(self) -> Vec<(u16, String)> {
        let c = self.credentials();
        let (password, token) = (c.password, c.token);
        let secret = c.api_secret.unwrap_or("none");
        let success = self.success(&c);
        let mut answers = vec![
            (401, self.echoing_error(&c)),
            (400, self.echoing_error(&c)),
            (423, self.echoing_error(&c)),
            (503, self.echoing_error(&c)),
            // Error bodies that are not the documented shape: shown as excerpts.
            (
                500,
                format!("<html><pre>password={password}\nx-secret: {secret}</pre></html>"),
            ),
            (401, format!(r#"{{"message":"bad {password}"#)),
            (403, format!(r#"{{"message":{password}}}"#)),
            // Success bodies that do not decode, holding the token.
            (200, self.success_with_a_wrong_type(&c)),
            (200, success[..success.len() - 3].to_owned()),
            (200, token.to_owned()),
            (200, format!("access_token={token}&token_type=bearer")),
            (200, success.replacen(&format!("\"{token}\""), token, 1)),
            (200, format!("{success} {token}")),
            (200, format!(r#"{{"{token}":{{"nested":1}}}}"#)),
            // A token that is answered with a redirect.
            (302, success.clone()),
        ];
        if let Some(body) = self.failure_marked_success(&c) {
            answers.push((200, body));
        }
        answers.push((200, success));
        answers
    }
}

/// One login: its builder's and request's `Debug`, and the outcome's renderings.
async fn login_and_render(vendor: Vendor, client: &LoginClient, base: &str) -> (String, bool) {
    let c = vendor.credentials();
    let email = "secrets@example.com";
    let mut shown = String::new();
    // Builders are shown half-filled and full; the request is shown before it is sent.
    macro_rules! render {
        ($builder:expr, $($setter:ident($value:expr)),*) => {{
            let builder = $builder;
            shown.push_str(&format!("{builder:?}\n{builder:#?}\n"));
            let builder = builder$(.$setter($value))*;
            shown.push_str(&format!("{builder:?}\n"));
            let login = builder.build();
            shown.push_str(&format!("{login:?}\n{login:#?}\n"));
            login.send_to(client, base).await.map(|session| {
                shown.push_str(&format!("{session:?}\n{session:#?}\n"));
                session.token().expose_secret().to_owned()
            })
        }};
    }
    let outcome: Result<String, AuthError> = match vendor {
        Vendor::Hypernative => render!(
            vendors::hypernative::Login::builder().password(c.password),
            email(email),
            organization_id(7)
        ),
        Vendor::ProjectThanos => render!(
            vendors::project_thanos::Login::builder().password(c.password),
            username(email)
        ),
        Vendor::Up2Money => render!(
            vendors::up2_money::Login::builder()
                .password(c.password)
                .api_secret(c.api_secret.unwrap()),
            email(email)
        ),
        Vendor::Hyper3d => render!(
            vendors::hyper3d::Login::builder().password(c.password),
            email(email)
        ),
        Vendor::TalkStack => render!(
            vendors::talkstack::Login::builder().password(c.password),
            email(email)
        ),
    };
    let succeeded = match outcome {
        Ok(token) => {
            assert_eq!(
                token, c.token,
                "{vendor:?}: the session holds another token"
            );
            true
        }
        Err(error) => {
            shown.push_str(&format!("{error}\n{error:?}\n{error:#?}\n"));
            let mut source: Option<&dyn StdError> = error.source();
            while let Some(cause) = source {
                shown.push_str(&format!("{cause}\n{cause:?}\n"));
                source = cause.source();
            }
            false
        }
    };
    (shown, succeeded)
}

async fn assert_no_secret_shows(vendor: Vendor) {
    let c = vendor.credentials();
    let server = MockServer::start().await;
    let answers = vendor.answers();
    for (i, (status, body)) in answers.iter().enumerate() {
        Mock::given(method("POST"))
            .and(path(format!("/{i}{}", vendor.login_path())))
            .respond_with(
                ResponseTemplate::new(*status)
                    .set_body_raw(body.clone(), "application/json")
                    .insert_header("location", format!("http://127.0.0.1:9/?t={}", c.token)),
            )
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();

    let (logs, guard) = capture_logs();
    let mut successes = 0;
    for (i, (status, body)) in answers.iter().enumerate() {
        let (shown, succeeded) =
            login_and_render(vendor, &client, &format!("{}/{i}", server.uri())).await;
        successes += usize::from(succeeded);
        for secret in c.all() {
            assert!(
                !shown.contains(secret),
                "{vendor:?} answer {i} ({status} {body}) shows `{secret}`:\n{shown}"
            );
        }
    }
    drop(client);
    drop(guard);
    assert_eq!(
        successes, 1,
        "{vendor:?}: only the last answer is a success"
    );

    let logs = logs.text();
    for secret in c.all() {
        assert!(
            !logs.contains(secret),
            "{vendor:?}: the logs show `{secret}`:\n{logs}"
        );
    }
    // The capture worked: this crate's events and spans, and a dependency's `log` records, are
    // in it.
    assert!(logs.contains("sending login request"), "{logs}");
    assert_spans_closed(&logs, "login", &[vendor.name()]);
    assert!(
        logs.contains("TRACE"),
        "no TRACE-level record was captured:\n{logs}"
    );
    assert!(
        logs.contains("reqwest") || logs.contains("hyper"),
        "nothing from the HTTP stack was captured:\n{logs}"
    );

    // The values did reach the server, so not showing them was not for want of sending them.
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), answers.len());
    for request in &requests {
        let body = String::from_utf8_lossy(&request.body);
        assert!(body.contains(c.password), "{vendor:?}: {body}");
        if let Some(secret) = c.api_secret {
            assert_eq!(request.headers.get("x-secret").unwrap(), secret);
        }
    }
}

#[tokio::test]
async fn hypernative_never_shows_a_credential() {
    assert_no_secret_shows(Vendor::Hypernative).await;
}

#[tokio::test]
async fn project_thanos_never_shows_a_credential() {
    assert_no_secret_shows(Vendor::ProjectThanos).await;
}

#[tokio::test]
async fn up2_money_never_shows_a_credential() {
    assert_no_secret_shows(Vendor::Up2Money).await;
}

#[tokio::test]
async fn hyper3d_never_shows_a_credential() {
    assert_no_secret_shows(Vendor::Hyper3d).await;
}

#[tokio::test]
async fn talkstack_never_shows_a_credential() {
    assert_no_secret_shows(Vendor::TalkStack).await;
}

#[tokio::test]
async fn transport_failures_never_show_a_credential() {
    // A port nothing listens on, a plain-http host that is refused, and a URL with user info.
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let password = "pw-Transport-5sK9eQ2w";
    let api_secret = "sk-Transport-7hV3nM8r";
    let url_password = "pw-InTheUrl-3Jd8sQ1z";
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let (logs, guard) = capture_logs();
    for base in [
        format!("http://{closed}"),
        "http://192.0.2.1".to_owned(),
        format!("http://user:{password}@127.0.0.1:1"),
        // User info that is not the request's own secret, so scrubbing those cannot hide it,
        // with a scheme that is refused as well: the refusal must not quote it.
        format!("http://user:{url_password}@127.0.0.1:1"),
        format!("ftp://user:{url_password}@127.0.0.1:1"),
    ] {
        let error = vendors::up2_money::Login::builder()
            .api_secret(api_secret)
            .email("secrets@example.com")
            .password(password)
            .build()
            .send_to(&client, &base)
            .await
            .unwrap_err();
        let mut shown = format!("{error}\n{error:?}\n");
        let mut source: Option<&dyn StdError> = error.source();
        while let Some(cause) = source {
            shown.push_str(&format!("{cause}\n{cause:?}\n"));
            source = cause.source();
        }
        assert!(
            !shown.contains(password) && !shown.contains(api_secret),
            "{base}: {shown}"
        );
        assert!(!shown.contains(url_password), "{shown}");
    }
    drop(guard);
    let logs = logs.text();
    assert!(
        !logs.contains(password) && !logs.contains(api_secret) && !logs.contains(url_password),
        "{logs}"
    );
}

/// A vendor that quotes the JSON request body in its message sends the password JSON-escaped,
/// and an HTML error page sends it HTML-escaped: neither form shows, nor the value itself.
#[tokio::test(flavor = "current_thread")]
async fn a_password_echoed_escaped_or_encoded_never_shows() {
    // Every character that JSON or HTML escaping changes, and one that only an ASCII-only
    // JSON encoder does.
    const PASSWORD: &str = "hun\"ter\\2x-p\u{e9}ss/w<3&'q";
    // The request body as serde_json writes it, as PHP's `json_encode` does (`\u00e9`, `\/`)
    // and as .NET's does (`\u00E9`), and the password HTML-escaped in two common styles.
    const SERDE_JSON: &str = r#"hun\"ter\\2x-péss/w<3&'q"#;
    const PHP_JSON: &str = r#"hun\"ter\\2x-p\u00e9ss\/w<3&'q"#;
    const UPPER_HEX_JSON: &str = r#"hun\"ter\\2x-p\u00E9ss/w<3&'q"#;
    const HTML_ENTITIES: &str = "hun&quot;ter\\2x-péss/w&lt;3&amp;&#39;q";
    const HTML_NUMERIC: &str = "hun&#34;ter\\2x-péss/w&lt;3&amp;&#x27;q";
    // Percent-encoded as a form writes it, every byte but letters and digits with lowercase
    // hex, base64-encoded, and in capitals.
    const FORM_ENCODED: &str = "hun%22ter%5C2x-p%C3%A9ss%2Fw%3C3%26%27q";
    const PERCENT_LOWER_HEX: &str = "hun%22ter%5c2x%2dp%c3%a9ss%2fw%3c3%26%27q";
    const BASE64: &str = "aHVuInRlclwyeC1ww6lzcy93PDMmJ3E=";
    const CAPITALS: &str = "HUN\"TER\\2X-PéSS/W<3&'Q";
    let email = "escapes@example.com";
    // What Hypernative answers with: its documented error body, the message quoting the
    // request; and an undocumented HTML page, shown as an excerpt.
    let echo_in_message = |echoed: &str| {
        let message = format!(r#"invalid body {{"email":"{email}","password":"{echoed}"}}"#);
        let body = serde_json::json!({
            "success": false,
            "data": null,
            "error": message,
            "errorCode": 1004,
        });
        (400, body.to_string(), "application/json")
    };
    let echo_in_page = |echoed: &str| {
        (
            500,
            format!("<html><p>Wrong password {echoed} for {email}</p></html>"),
            "text/html",
        )
    };
    let cases = [
        (echo_in_message(SERDE_JSON), SERDE_JSON),
        (echo_in_message(PHP_JSON), PHP_JSON),
        (echo_in_message(UPPER_HEX_JSON), UPPER_HEX_JSON),
        (echo_in_page(HTML_ENTITIES), HTML_ENTITIES),
        (echo_in_page(HTML_NUMERIC), HTML_NUMERIC),
        (echo_in_message(FORM_ENCODED), FORM_ENCODED),
        (echo_in_message(PERCENT_LOWER_HEX), PERCENT_LOWER_HEX),
        (echo_in_message(BASE64), BASE64),
        (echo_in_page(CAPITALS), CAPITALS),
    ];
    let server = MockServer::start().await;
    for (i, ((status, body, content_type), _)) in cases.iter().enumerate() {
        Mock::given(method("POST"))
            .and(path(format!("/{i}/auth/login")))
            .respond_with(ResponseTemplate::new(*status).set_body_raw(body.clone(), content_type))
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = vendors::hypernative::Login::builder()
        .email(email)
        .password(PASSWORD)
        .organization_id(7)
        .build();

    let (logs, guard) = capture_logs();
    for (i, ((status, _, _), echoed)) in cases.iter().enumerate() {
        let error = login
            .send_to(&client, &format!("{}/{i}", server.uri()))
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(*status));
        let shown = format!("{error}\n{error:?}\n{error:#?}");
        for rendering in [error.to_string(), format!("{error:?}")] {
            assert!(rendering.contains("[REDACTED]"), "case {i}: {rendering}");
        }
        for secret in [PASSWORD, echoed] {
            assert!(
                !shown.contains(secret),
                "case {i} shows `{secret}`:\n{shown}"
            );
        }
        // The vendor's text is left as it was around the redaction, so the whole form was
        // there and is gone.
        if *status == 400 {
            assert_eq!(
                error.message(),
                Some(r#"invalid body {"email":"escapes@example.com","password":"[REDACTED]"}"#),
                "case {i}"
            );
        } else {
            assert!(
                error
                    .detail()
                    .is_some_and(|detail| detail.contains("Wrong password [REDACTED] for")),
                "case {i}: {error:?}"
            );
        }
    }
    drop(client);
    drop(guard);
    let logs = logs.text();
    assert!(logs.contains("TRACE"), "nothing was captured:\n{logs}");
    for (_, echoed) in &cases {
        for secret in [PASSWORD, echoed] {
            assert!(!logs.contains(secret), "the logs show `{secret}`:\n{logs}");
        }
    }

    // The password did go over the wire, JSON-escaped by serde_json.
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), cases.len());
    for request in &requests {
        let body = String::from_utf8_lossy(&request.body);
        assert!(
            body.contains(&format!(r#""password":"{SERDE_JSON}""#)),
            "{body}"
        );
    }
}

/// A login whose secrets go in the query and the path, where a URL could carry them into a log.
#[auth_core::login_endpoint(
    vendor = "Query Secrets",
    path = "/tenants/{tenant}/login",
    method = "GET",
    query(api = "auth"),
    response = TokenBody,
    token = token,
)]
struct QueryLogin {
    #[login(secret, path)]
    tenant: Secret,
    #[login(query)]
    account: String,
    #[login(secret, query = "passwd")]
    password: Secret,
}

/// A login with HTTP Basic credentials and a form body.
#[auth_core::login_endpoint(
    vendor = "Basic Secrets",
    path = "/token",
    body = form,
    constant(grant_type = "client_credentials"),
    response = TokenBody,
    token = token,
)]
struct BasicLogin {
    #[login(basic_auth = user)]
    client_id: String,
    #[login(secret, basic_auth = password)]
    client_secret: Secret,
    #[login(secret)]
    assertion: Secret,
}

#[derive(Debug, serde::Deserialize)]
struct TokenBody {
    token: Secret,
}

#[tokio::test]
async fn secrets_in_the_query_path_and_basic_credentials_never_show() {
    // Each with characters that encoding changes, so the forms on the wire differ from them.
    const TENANT: &str = "tenant Qs/4hG7kL2p";
    const TENANT_IN_PATH: &str = "tenant%20Qs%2F4hG7kL2p";
    const PASSWORD: &str = "pw-Qs 9m&B3=vX6t";
    const PASSWORD_IN_QUERY: &str = "pw-Qs+9m%26B3%3DvX6t";
    const CLIENT_SECRET: &str = "cs-Bs-2wE8rT5y";
    // base64("client-7:cs-Bs-2wE8rT5y")
    const BASIC: &str = "Y2xpZW50LTc6Y3MtQnMtMndFOHJUNXk=";
    const ASSERTION: &str = "as-Bs 7uI1+oP4a";
    const ASSERTION_IN_FORM: &str = "as-Bs+7uI1%2BoP4a";
    const TOKEN: &str = "tok-Qs-3sD6fG9h";
    let secrets = [
        TENANT,
        TENANT_IN_PATH,
        PASSWORD,
        PASSWORD_IN_QUERY,
        CLIENT_SECRET,
        BASIC,
        ASSERTION,
        ASSERTION_IN_FORM,
        TOKEN,
    ];
    // Each login's answers echo that login's own secrets: those are the ones it can scrub.
    let answers = |echo: &str| {
        [
            (401, format!(r#"{{"message":"{echo}"}}"#)),
            (500, format!("<html>{echo}</html>")),
            (200, format!(r#"{{"token":5,"echo":"{echo}"}}"#)),
            (302, String::new()),
            (200, format!(r#"{{"token":"{TOKEN}"}}"#)),
        ]
    };
    // As given and as sent: a server that echoes the request quotes the encoded forms.
    let query_answers = answers(&format!(
        "{TENANT} {PASSWORD} /tenants/{TENANT_IN_PATH}/login?passwd={PASSWORD_IN_QUERY}"
    ));
    let basic_answers = answers(&format!(
        "{CLIENT_SECRET} {ASSERTION} Basic {BASIC} assertion={ASSERTION_IN_FORM}"
    ));
    let server = MockServer::start().await;
    for (i, ((status, query_body), (_, basic_body))) in
        query_answers.iter().zip(&basic_answers).enumerate()
    {
        let response = |body: &str| {
            ResponseTemplate::new(*status)
                .set_body_raw(body.to_owned(), "application/json")
                .insert_header(
                    "location",
                    format!("http://127.0.0.1:9/tenants/{TENANT}/login?passwd={PASSWORD}"),
                )
        };
        Mock::given(path(format!("/{i}/tenants/{TENANT_IN_PATH}/login")))
            .respond_with(response(query_body))
            .expect(1)
            .mount(&server)
            .await;
        Mock::given(path(format!("/{i}/token")))
            .respond_with(response(basic_body))
            .expect(1)
            .mount(&server)
            .await;
    }
    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap()
    };
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let query_login = QueryLogin::builder()
        .tenant(TENANT)
        .account("admin")
        .password(PASSWORD)
        .build();
    let basic_login = BasicLogin::builder()
        .client_id("client-7")
        .client_secret(CLIENT_SECRET)
        .assertion(ASSERTION)
        .build();

    let (logs, guard) = capture_logs();
    let mut shown = format!("{query_login:?}\n{query_login:#?}\n{basic_login:?}\n");
    let bases = (0..query_answers.len())
        .map(|i| format!("{}/{i}", server.uri()))
        .chain([format!("http://{closed}")]);
    let mut successes = 0;
    for base in bases {
        for outcome in [
            query_login.send_to(&client, &base).await,
            basic_login.send_to(&client, &base).await,
        ] {
            match outcome {
                Ok(session) => {
                    assert_eq!(session.token().expose_secret(), TOKEN);
                    successes += 1;
                    shown.push_str(&format!("{session:?}\n"));
                }
                Err(error) => {
                    shown.push_str(&format!("{error}\n{error:?}\n"));
                    let mut source: Option<&dyn StdError> = error.source();
                    while let Some(cause) = source {
                        shown.push_str(&format!("{cause}\n{cause:?}\n"));
                        source = cause.source();
                    }
                }
            }
        }
    }
    drop(guard);
    assert_eq!(successes, 2, "only the last answer is a success");
    let logs = logs.text();
    for secret in secrets {
        assert!(!shown.contains(secret), "`{secret}` shows in:\n{shown}");
        assert!(!logs.contains(secret), "`{secret}` is logged:\n{logs}");
    }
    // The URL is logged, with the secret values redacted and the others as they are.
    assert!(
        logs.contains("/tenants/[REDACTED]/login?api=auth&account=admin&passwd=%5BREDACTED%5D"),
        "{logs}"
    );

    // The values did reach the server, so not showing them was not for want of sending them.
    let requests = server.received_requests().await.unwrap();
    assert_eq!(requests.len(), 2 * query_answers.len());
    for request in &requests {
        if request.url.path().ends_with("/token") {
            let authorization = request.headers.get("authorization").unwrap();
            assert!(authorization.to_str().unwrap().starts_with("Basic "));
            let body = String::from_utf8_lossy(&request.body);
            assert_eq!(authorization, &format!("Basic {BASIC}"));
            assert_eq!(
                body,
                format!("grant_type=client_credentials&assertion={ASSERTION_IN_FORM}")
            );
        } else {
            assert_eq!(
                request.url.query(),
                Some(format!("api=auth&account=admin&passwd={PASSWORD_IN_QUERY}").as_str())
            );
        }
    }
}

#[test]
fn secrets_are_redacted_and_zeroized_on_drop() {
    fn assert_zeroize_on_drop<T: zeroize::ZeroizeOnDrop>() {}
    assert_zeroize_on_drop::<Secret>();

    let secret = Secret::from("pw-Zeroize-3vB8xN1q");
    let shown = format!("{secret:?} {secret:#?} {:?}", Some(&secret));
    assert!(!shown.contains("pw-Zeroize"), "{shown}");
    assert_eq!(secret.expose_secret(), "pw-Zeroize-3vB8xN1q");
}

/// A login whose token is a response header and whose refresh token is a cookie.
#[auth_core::login_endpoint(
    vendor = "Header And Cookie",
    base_url = "https://header-and-cookie.invalid",
    path = "/login",
    response = HeaderLoginResponse,
    token = header("X-Subject-Token"),
    refresh_token = cookie("refresh"),
    expires_at = expires_at,
    error_body = EchoingError,
)]
struct HeaderAndCookieLogin {
    user: String,
    #[login(secret)]
    password: Secret,
}

#[derive(Debug, serde::Deserialize)]
struct HeaderLoginResponse {
    expires_at: Option<String>,
}

#[derive(Debug, serde::Deserialize, auth_core::VendorError)]
struct EchoingError {
    #[vendor_error(message)]
    message: Option<String>,
}

/// Values from response headers and cookies are as radioactive as the request's: a server that
/// echoes them in an error body, an excerpt or a message cannot get them shown, and the HTTP
/// stack's TRACE logs never carry them. The values are lowercase words, which the excerpt's
/// token heuristics would not hide by themselves.
#[tokio::test(flavor = "current_thread")]
async fn tokens_from_response_headers_and_cookies_never_show() {
    let token = "subjecttokenvalue-correcthorse";
    let refresh = "refreshcookievalue-batterystaple";
    let password = "pw-HeaderCookie-4nR8tW2k";
    let server = MockServer::start().await;
    let with_credentials = |response: ResponseTemplate| {
        response
            .insert_header("X-Subject-Token", token)
            .insert_header(
                "Set-Cookie",
                format!("refresh={refresh}; HttpOnly; Max-Age=60").as_str(),
            )
    };
    let answers = [
        // An error that echoes both in its message.
        with_credentials(ResponseTemplate::new(401).set_body_raw(
            format!(r#"{{"message":"token {token} and {refresh} rejected"}}"#),
            "application/json",
        )),
        // An error body that is not the documented shape, echoing both: shown as an excerpt.
        with_credentials(ResponseTemplate::new(500).set_body_raw(
            format!("<html><p>upstream said {token} then {refresh}</p></html>"),
            "text/html",
        )),
        // A success whose expiry cannot be read, with both in the body.
        with_credentials(ResponseTemplate::new(201).set_body_raw(
            format!(r#"{{"expires_at":"soon","{token}":"{refresh}"}}"#),
            "application/json",
        )),
        // A success.
        with_credentials(ResponseTemplate::new(201).set_body_raw(
            r#"{"expires_at":"2030-01-01T00:00:00Z"}"#,
            "application/json",
        )),
    ];
    for (i, answer) in answers.into_iter().enumerate() {
        Mock::given(method("POST"))
            .and(path(format!("/{i}/login")))
            .respond_with(answer)
            .expect(1)
            .mount(&server)
            .await;
    }
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = HeaderAndCookieLogin::builder()
        .user("someone")
        .password(password)
        .build();

    let (logs, guard) = capture_logs();
    let mut shown = format!("{login:?}\n");
    let mut sessions = 0;
    for i in 0..4 {
        match login
            .send_to(&client, &format!("{}/{i}", server.uri()))
            .await
        {
            Ok(session) => {
                sessions += 1;
                assert_eq!(session.token().expose_secret(), token);
                assert_eq!(session.refresh_token().unwrap().expose_secret(), refresh);
                shown.push_str(&format!("{session:?}\n"));
            }
            Err(error) => {
                match i {
                    0 => assert_eq!(
                        error.message(),
                        Some("token [REDACTED] and [REDACTED] rejected")
                    ),
                    1 => {
                        assert!(
                            error.detail().is_some_and(
                                |d| d.contains("upstream said [REDACTED] then [REDACTED]")
                            ),
                            "{error:?}"
                        )
                    }
                    _ => assert!(
                        error.detail().is_some_and(|d| d.contains("RFC 3339")),
                        "{error:?}"
                    ),
                }
                shown.push_str(&format!("{error}\n{error:?}\n"));
            }
        }
    }
    drop(client);
    drop(guard);
    assert_eq!(sessions, 1, "only the last answer is a session:\n{shown}");
    for secret in [token, refresh, password] {
        assert!(!shown.contains(secret), "`{secret}` shows in:\n{shown}");
    }
    let logs = logs.text();
    assert!(logs.contains("TRACE"), "nothing was captured:\n{logs}");
    for secret in [token, refresh, password] {
        assert!(!logs.contains(secret), "the logs show `{secret}`:\n{logs}");
    }
}

/// Asserts that `logs` hold a closed span `name` for `vendor` with every field a span of this
/// library records: the attempt, the status, the outcome and the duration.
fn assert_spans_closed(logs: &str, name: &str, vendors: &[&str]) {
    for vendor in vendors {
        let closed = logs
            .lines()
            .filter(|line| line.contains(&format!("{name}{{vendor=\"{vendor}\"")))
            .filter(|line| line.ends_with("close") || line.contains(": close "))
            .collect::<Vec<_>>();
        assert!(
            !closed.is_empty(),
            "no closed `{name}` span for {vendor}:\n{logs}"
        );
        for field in ["attempt=", "status=", "outcome=", "duration_ms="] {
            assert!(
                closed.iter().any(|line| line.contains(field)),
                "no `{field}` on the `{name}` spans of {vendor}:\n{closed:#?}"
            );
        }
    }
}

/// Distinctive values for the refresh and authorized-call paths.
const DIRECTUS_PASSWORD: &str = "pw-Dx-4nQ8rT2vLs";
const FIRST_TOKEN: &str = "tok-Dx-Ja7Ue3Xo1p";
const FIRST_REFRESH: &str = "rt-Dx-Mw2Hc9Zk5b";
const REFRESHED_TOKEN: &str = "tok-Dx-Rb5Ny8Ti0g";
const SECOND_REFRESH: &str = "rt-Dx-Pf1Kq6Wd3u";
const LOGGED_IN_AGAIN: &str = "tok-Dx-Vs9Lg4Ae7c";
const THIRD_REFRESH: &str = "rt-Dx-Ce6Ob2Yj8n";

fn directus_secrets() -> [&'static str; 7] {
    [
        DIRECTUS_PASSWORD,
        FIRST_TOKEN,
        FIRST_REFRESH,
        REFRESHED_TOKEN,
        SECOND_REFRESH,
        LOGGED_IN_AGAIN,
        THIRD_REFRESH,
    ]
}

fn directus_tokens(access: &str, refresh: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(
        format!(
            r#"{{"data":{{"access_token":"{access}","expires":900000,"refresh_token":"{refresh}"}}}}"#
        ),
        "application/json",
    )
}

/// Answers `/me` with 401, echoing the token, unless the request carries `accepted`.
async fn mount_api(server: &MockServer, accepted: &str) {
    Mock::given(method("GET"))
        .and(path("/me"))
        .and(header("authorization", format!("Bearer {accepted}")))
        .respond_with(ResponseTemplate::new(200).set_body_string("{}"))
        .with_priority(1)
        .mount(server)
        .await;
    Mock::given(method("GET"))
        .and(path("/me"))
        .respond_with(ResponseTemplate::new(401).set_body_raw(
            format!(r#"{{"errors":[{{"message":"token {FIRST_TOKEN} expired"}}]}}"#),
            "application/json",
        ))
        .with_priority(2)
        .mount(server)
        .await;
}

/// An API call that is refused, leads to a refresh (or a refused refresh and a login), and is
/// sent again: everything shown and logged on the way, and the status of the call.
async fn call_and_render(server: &MockServer) -> (String, u16) {
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = directus::Login::builder()
        .email("secrets@example.com")
        .password(DIRECTUS_PASSWORD)
        .build();
    let auth = Arc::new(
        Authenticator::new(client.clone(), login)
            .with_base_url(server.uri())
            .with_refresh::<directus::Refresh>(),
    );
    let middleware =
        AuthMiddleware::new(Arc::clone(&auth)).presenting(directus::TOKEN_PRESENTATION);
    let mut shown = format!("{middleware:?}\n{auth:?}\n");
    let api = reqwest_middleware::ClientBuilder::new(client.http_client())
        .with(middleware)
        .build();
    let response = api
        .get(format!("{}/me", server.uri()))
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    shown.push_str(&format!("{response:?}\n{auth:?}\n"));
    let session = auth.session().await.unwrap();
    shown.push_str(&format!("{session:?}\n{session:#?}\n"));
    (shown, status)
}

#[tokio::test]
async fn refreshes_and_authorized_resends_never_show_a_credential() {
    let (logs, guard) = capture_logs();

    // A refresh that works.
    let refreshing = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/login"))
        .respond_with(directus_tokens(FIRST_TOKEN, FIRST_REFRESH))
        .expect(1)
        .mount(&refreshing)
        .await;
    Mock::given(method("POST"))
        .and(path("/auth/refresh"))
        .and(body_string_contains(FIRST_REFRESH))
        .respond_with(directus_tokens(REFRESHED_TOKEN, SECOND_REFRESH))
        .expect(1)
        .mount(&refreshing)
        .await;
    mount_api(&refreshing, REFRESHED_TOKEN).await;
    let (mut shown, status) = call_and_render(&refreshing).await;
    assert_eq!(status, 200);

    // A refresh that is refused, with a message that echoes the refresh token, then a login.
    let refusing = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/login"))
        .respond_with(directus_tokens(FIRST_TOKEN, FIRST_REFRESH))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&refusing)
        .await;
    Mock::given(method("POST"))
        .and(path("/auth/login"))
        .respond_with(directus_tokens(LOGGED_IN_AGAIN, THIRD_REFRESH))
        .with_priority(2)
        .expect(1)
        .mount(&refusing)
        .await;
    Mock::given(method("POST"))
        .and(path("/auth/refresh"))
        .respond_with(ResponseTemplate::new(401).set_body_raw(
            format!(
                r#"{{"errors":[{{"message":"refresh token {FIRST_REFRESH} is spent","extensions":{{"code":"INVALID_CREDENTIALS"}}}}]}}"#
            ),
            "application/json",
        ))
        .expect(1)
        .mount(&refusing)
        .await;
    mount_api(&refusing, LOGGED_IN_AGAIN).await;
    let (refused, status) = call_and_render(&refusing).await;
    assert_eq!(status, 200);
    shown.push_str(&refused);
    drop(guard);

    let logs = logs.text();
    for secret in directus_secrets() {
        assert!(!shown.contains(secret), "shows `{secret}`:\n{shown}");
        assert!(!logs.contains(secret), "the logs show `{secret}`:\n{logs}");
    }
    // Each path ran in its spans, which were captured with their fields.
    assert_spans_closed(&logs, "login", &["Directus"]);
    assert_spans_closed(&logs, "refresh", &["Directus"]);
    assert_spans_closed(&logs, "authorized_resend", &["Directus"]);
    assert!(
        logs.contains("authorized_resend{vendor=\"Directus\" attempt=2"),
        "{logs}"
    );
    assert!(logs.contains("outcome=\"InvalidCredentials\""), "{logs}");
    assert!(
        logs.contains("reqwest") || logs.contains("hyper"),
        "nothing from the HTTP stack was captured:\n{logs}"
    );

    // The values did go over the wire.
    for (server, presented) in [(&refreshing, REFRESHED_TOKEN), (&refusing, LOGGED_IN_AGAIN)] {
        let requests = server.received_requests().await.unwrap();
        assert!(
            requests.iter().any(|request| {
                String::from_utf8_lossy(&request.body).contains(DIRECTUS_PASSWORD)
            })
        );
        assert!(
            requests
                .iter()
                .any(|request| { String::from_utf8_lossy(&request.body).contains(FIRST_REFRESH) })
        );
        assert!(requests.iter().any(|request| {
            request
                .headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                == Some(&format!("Bearer {presented}"))
        }));
    }
}

/// A refresh token sent in a cookie (Directus's `cookie` mode) is as radioactive as any other
/// credential: redacted in the refresh request's `Debug`, sent in a `Cookie` header marked
/// sensitive, scrubbed from a refusal that echoes it, and never in a span or a log line, the
/// HTTP stack's TRACE included. The values are lowercase words, which the excerpt's token
/// heuristics would not hide by themselves.
#[tokio::test(flavor = "current_thread")]
async fn a_refresh_token_sent_in_a_cookie_never_shows() {
    const PASSWORD: &str = "pw-CookieMode-7hG2kQ9d";
    const FIRST_TOKEN: &str = "firstaccesstoken-cookiemode-amber";
    const FIRST_REFRESH: &str = "firstrefreshcookie-cookiemode-willow";
    const SECOND_TOKEN: &str = "secondaccesstoken-cookiemode-harbor";
    const SECOND_REFRESH: &str = "secondrefreshcookie-cookiemode-meadow";
    const THIRD_TOKEN: &str = "thirdaccesstoken-cookiemode-lantern";
    const THIRD_REFRESH: &str = "thirdrefreshcookie-cookiemode-pebble";
    let secrets = [
        PASSWORD,
        FIRST_TOKEN,
        FIRST_REFRESH,
        SECOND_TOKEN,
        SECOND_REFRESH,
        THIRD_TOKEN,
        THIRD_REFRESH,
    ];
    let tokens = |access: &str, refresh: &str| {
        ResponseTemplate::new(200)
            .insert_header(
                "Set-Cookie",
                format!("directus_refresh_token={refresh}; Max-Age=604800; Path=/; HttpOnly")
                    .as_str(),
            )
            .set_body_raw(
                format!(r#"{{"data":{{"access_token":"{access}","expires":900000}}}}"#),
                "application/json",
            )
    };
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/auth/login"))
        .respond_with(tokens(FIRST_TOKEN, FIRST_REFRESH))
        .up_to_n_times(1)
        .with_priority(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/auth/login"))
        .respond_with(tokens(THIRD_TOKEN, THIRD_REFRESH))
        .with_priority(2)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/auth/refresh"))
        .and(header(
            "cookie",
            format!("directus_refresh_token={FIRST_REFRESH}").as_str(),
        ))
        .respond_with(tokens(SECOND_TOKEN, SECOND_REFRESH))
        .expect(1)
        .mount(&server)
        .await;
    // The second refresh is refused with a message that echoes the cookie it was sent.
    Mock::given(method("POST"))
        .and(path("/auth/refresh"))
        .and(header(
            "cookie",
            format!("directus_refresh_token={SECOND_REFRESH}").as_str(),
        ))
        .respond_with(ResponseTemplate::new(401).set_body_raw(
            format!(
                r#"{{"errors":[{{"message":"refresh cookie {SECOND_REFRESH} is spent","extensions":{{"code":"INVALID_CREDENTIALS"}}}}]}}"#
            ),
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;

    // The request the authenticator makes, built by hand: redacted, its cookie sensitive.
    let refresh = directus::CookieRefresh::builder()
        .refresh_token(FIRST_REFRESH)
        .build();
    let mut shown = format!("{refresh:?}\n{refresh:#?}\n");
    let headers = auth_core::__private::request_headers(&refresh).unwrap();
    let cookie = headers.get("cookie").expect("a Cookie header");
    assert!(cookie.is_sensitive(), "{headers:?}");
    shown.push_str(&format!("{headers:?}\n"));

    let (logs, guard) = capture_logs();
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .unwrap();
    let login = directus::CookieLogin::builder()
        .email("secrets@example.com")
        .password(PASSWORD)
        .build();
    let auth = Authenticator::new(client, login)
        .with_base_url(server.uri())
        .with_refresh::<directus::CookieRefresh>();
    shown.push_str(&format!("{auth:?}\n"));
    // Login, refresh, then a refused refresh and the login that follows it.
    for expected in [FIRST_TOKEN, SECOND_TOKEN, THIRD_TOKEN] {
        let token = auth.token().await.unwrap();
        assert_eq!(token.expose_secret(), expected);
        let session = auth.session().await.unwrap();
        shown.push_str(&format!("{token:?}\n{session:?}\n{session:#?}\n{auth:?}\n"));
        auth.invalidate(&token);
    }
    drop(auth);
    drop(guard);

    for secret in secrets {
        assert!(!shown.contains(secret), "shows `{secret}`:\n{shown}");
    }
    let logs = logs.text();
    assert!(logs.contains("TRACE"), "nothing was captured:\n{logs}");
    for secret in secrets {
        assert!(!logs.contains(secret), "the logs show `{secret}`:\n{logs}");
    }
    assert_spans_closed(&logs, "refresh", &["Directus"]);
    assert!(logs.contains("outcome=\"InvalidCredentials\""), "{logs}");
    // The refresh tokens did go over the wire, in the cookie alone.
    let requests = server.received_requests().await.unwrap();
    let refreshes: Vec<_> = requests
        .iter()
        .filter(|request| request.url.path() == "/auth/refresh")
        .collect();
    assert_eq!(refreshes.len(), 2);
    for request in refreshes {
        assert_eq!(
            String::from_utf8_lossy(&request.body),
            r#"{"mode":"cookie"}"#
        );
    }
}
