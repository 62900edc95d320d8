//! Where each request value goes, checked on the wire: for each placement a declaration can
//! give (JSON body, form body, query, path, header, cookie, HTTP Basic) and each kind of value
//! (fields, optional fields, constants), the exact request a loopback server receives.

use auth_core::{ErrorKind, LoginClient, RetryPolicy, Secret, login_endpoint};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Debug, serde::Deserialize)]
pub struct TokenResponse {
    pub token: Secret,
}

fn client() -> LoginClient {
    LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("the client builds")
}

/// A server that answers one request with a token.
async fn server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(r#"{"token":"t-1"}"#, "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;
    server
}

/// The one request `server` received.
async fn received(server: &MockServer) -> wiremock::Request {
    let mut requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 1, "{requests:?}");
    requests.remove(0)
}

fn header<'a>(request: &'a wiremock::Request, name: &str) -> Option<&'a str> {
    request
        .headers
        .get(name)
        .map(|value| value.to_str().expect("a text header"))
}

fn body(request: &wiremock::Request) -> &str {
    std::str::from_utf8(&request.body).expect("a text body")
}

/// JSON constants of every kind, nested beside nested fields.
#[login_endpoint(
    vendor = "JSON Constants",
    path = "/rpc",
    constant(
        jsonrpc = "2.0",
        params.methods = ["password", 2, -3, 1.5, true],
        params.remember = false,
        "not.nested" = 18446744073709551615,
    ),
    response = TokenResponse,
    token = token,
)]
struct JsonLogin {
    #[login(rename = "params.user")]
    user: String,
    #[login(secret, rename = "params.password")]
    password: Secret,
    #[login(rename = "params.device")]
    device: Option<u32>,
}

#[tokio::test]
async fn json_constants_are_written_with_the_fields() {
    let server = server().await;
    JsonLogin::builder()
        .user("me")
        .password("pw")
        .maybe_device(None)
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    let request = received(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    assert_eq!(header(&request, "content-type"), Some("application/json"));
    assert_eq!(
        body(&request),
        r#"{"jsonrpc":"2.0","params":{"methods":["password",2,-3,1.5,true],"remember":false,"user":"me","password":"pw"},"not.nested":18446744073709551615}"#
    );
}

/// A form body with constants, an array constant, renamed, optional and numeric fields.
#[login_endpoint(
    vendor = "Form",
    path = "/token",
    body = form,
    content_type = "application/x-www-form-urlencoded; charset=UTF-8",
    constant(grant_type = "password", scope = ["openid", "e-mail"]),
    response = TokenResponse,
    token = token,
)]
struct FormLogin {
    #[login(rename = "client_id")]
    client: String,
    #[login(secret)]
    password: Secret,
    attempt: Option<u8>,
    remember: bool,
}

#[tokio::test]
async fn a_form_body_has_constants_first_then_fields_encoded() {
    for (attempt, expected) in [
        (
            Some(3),
            "grant_type=password&scope=openid&scope=e-mail&client_id=a+b%2Fc&password=%C3%A9%26%3D%2B&attempt=3&remember=true",
        ),
        (
            None,
            "grant_type=password&scope=openid&scope=e-mail&client_id=a+b%2Fc&password=%C3%A9%26%3D%2B&remember=true",
        ),
    ] {
        let server = server().await;
        FormLogin::builder()
            .client("a b/c")
            .password("é&=+")
            .maybe_attempt(attempt)
            .remember(true)
            .build()
            .send_to(&client(), &server.uri())
            .await
            .expect("the login succeeds");
        let request = received(&server).await;
        assert_eq!(
            header(&request, "content-type"),
            Some("application/x-www-form-urlencoded; charset=UTF-8")
        );
        assert_eq!(body(&request), expected);
    }
}

/// Query constants and fields, path placeholders, a `GET` without a body.
#[login_endpoint(
    vendor = "Query",
    path = "/orgs/{org}/users/{user}/session",
    method = "GET",
    query(v = 2, flags = ["a", "b"]),
    response = TokenResponse,
    token = token,
)]
struct QueryLogin {
    #[login(path)]
    org: String,
    #[login(path = "user")]
    user_id: u64,
    #[login(secret, query = "key")]
    api_key: Secret,
    #[login(query)]
    lang: Option<String>,
}

fn query_login(org: &str, lang: Option<&str>) -> QueryLogin {
    QueryLogin::builder()
        .org(org)
        .user_id(42)
        .api_key("k&y=1")
        .maybe_lang(lang.map(str::to_owned))
        .build()
}

#[tokio::test]
async fn a_get_carries_its_values_in_the_path_and_query_and_has_no_body() {
    let server = server().await;
    query_login("acme", Some("fr ca"))
        .send_to(&client(), &format!("{}/api/", server.uri()))
        .await
        .expect("the login succeeds");
    let request = received(&server).await;
    assert_eq!(request.method.as_str(), "GET");
    assert_eq!(request.url.path(), "/api/orgs/acme/users/42/session");
    assert_eq!(
        request.url.query(),
        Some("v=2&flags=a&flags=b&key=k%26y%3D1&lang=fr+ca")
    );
    assert_eq!(header(&request, "content-type"), None);
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn a_path_value_never_leaves_its_segment() {
    for (org, path) in [
        ("a/b", "/orgs/a%2Fb/users/42/session"),
        ("x?y=1#z", "/orgs/x%3Fy%3D1%23z/users/42/session"),
        ("100% sure", "/orgs/100%25%20sure/users/42/session"),
        ("..a", "/orgs/..a/users/42/session"),
        ("zürich", "/orgs/z%C3%BCrich/users/42/session"),
    ] {
        let server = server().await;
        query_login(org, None)
            .send_to(&client(), &server.uri())
            .await
            .expect("the login succeeds");
        let request = received(&server).await;
        assert_eq!(request.url.path(), path, "{org}");
        assert_eq!(
            request.url.query(),
            Some("v=2&flags=a&flags=b&key=k%26y%3D1")
        );
    }
}

#[tokio::test]
async fn a_base_url_with_its_own_query_is_still_refused() {
    let server = MockServer::start().await;
    let error = query_login("acme", None)
        .send_to(&client(), &format!("{}/?tenant=1", server.uri()))
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::InvalidUrl, "{error:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// Answers every request with a token, and expects `count` of them.
async fn server_expecting(count: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(r#"{"token":"t-1"}"#, "application/json"),
        )
        .expect(count)
        .mount(&server)
        .await;
    server
}

fn json_login() -> JsonLogin {
    JsonLogin::builder().user("ana").password("pw-1").build()
}

#[tokio::test]
async fn one_client_sends_each_login_to_the_base_url_it_is_given() {
    // More base URLs than a client keeps resolved, each given twice, in turn.
    let mut servers = Vec::new();
    for _ in 0..10 {
        servers.push(server_expecting(2).await);
    }
    let client = client();
    for round in 0..2 {
        for (i, server) in servers.iter().enumerate() {
            // Half under a path of their own, with and without a trailing slash by round.
            let base = match (i % 2, round) {
                (0, _) => server.uri(),
                (_, 0) => format!("{}/tenant-{i}", server.uri()),
                _ => format!("{}/tenant-{i}/", server.uri()),
            };
            json_login()
                .send_to(&client, &base)
                .await
                .expect("the login succeeds");
            // A refused base URL stays refused between good ones.
            let error = json_login()
                .send_to(&client, &format!("{base}?tenant={i}"))
                .await
                .expect_err("refused");
            assert_eq!(error.kind(), ErrorKind::InvalidUrl, "{error:?}");
        }
    }
    for (i, server) in servers.iter().enumerate() {
        let requests = server.received_requests().await.expect("recorded");
        let expected = if i % 2 == 0 {
            "/rpc".to_owned()
        } else {
            format!("/tenant-{i}/rpc")
        };
        assert_eq!(requests.len(), 2, "server {i}");
        for request in requests {
            assert_eq!(request.url.path(), expected, "server {i}");
        }
    }
}

#[tokio::test]
async fn a_path_is_filled_in_afresh_for_each_login() {
    let server = server_expecting(2).await;
    let client = client();
    for org in ["acme", "globex"] {
        query_login(org, None)
            .send_to(&client, &server.uri())
            .await
            .expect("the login succeeds");
    }
    let paths: Vec<String> = server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .map(|request| request.url.path().to_owned())
        .collect();
    assert_eq!(
        paths,
        [
            "/orgs/acme/users/42/session",
            "/orgs/globex/users/42/session"
        ]
    );
}

/// HTTP Basic credentials, a POST without a body, and header fields of several types.
#[login_endpoint(
    vendor = "Basic",
    path = "/sessions",
    body = none,
    header(name = "accept", value = "application/json"),
    response = TokenResponse,
    token = token,
)]
struct BasicLogin {
    #[login(basic_auth = user)]
    user: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
    #[login(header = "x-api-version")]
    version: u16,
    #[login(header = "x-trace")]
    trace: Option<bool>,
}

#[tokio::test]
async fn basic_credentials_go_in_the_authorization_header() {
    let server = server().await;
    BasicLogin::builder()
        .user("Aladdin")
        .password("open sesame")
        .version(3)
        .trace(true)
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    let request = received(&server).await;
    assert_eq!(request.method.as_str(), "POST");
    // RFC 7617 §2's example.
    assert_eq!(
        header(&request, "authorization"),
        Some("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==")
    );
    assert_eq!(header(&request, "accept"), Some("application/json"));
    assert_eq!(header(&request, "x-api-version"), Some("3"));
    assert_eq!(header(&request, "x-trace"), Some("true"));
    assert_eq!(header(&request, "content-type"), None);
    assert_eq!(header(&request, "content-length"), Some("0"));
    assert!(request.body.is_empty());
}

#[tokio::test]
async fn a_basic_user_with_a_colon_is_refused_before_sending() {
    let server = MockServer::start().await;
    let error = BasicLogin::builder()
        .user("a:b")
        .password("pw-Colon-71")
        .version(1)
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::InvalidRequest, "{error:?}");
    assert!(error.to_string().contains("Basic"), "{error}");
    assert!(!format!("{error:?}").contains("pw-Colon-71"));
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[test]
fn a_blocking_client_sends_an_endpoint_without_a_base_url_to_the_given_host() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let server = runtime.block_on(server());
    let client = LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build_blocking()
        .unwrap();
    let session = client
        .login_to(&query_login("acme", None), &server.uri())
        .expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), "t-1");
}

/// Cookies, constant and from fields, in one `Cookie` header.
#[login_endpoint(
    vendor = "Cookies",
    path = "/login",
    cookie(lang = "en", version = 2),
    response = TokenResponse,
    token = token,
)]
struct CookieLogin {
    user: String,
    #[login(secret, cookie = "sid")]
    session: Secret,
    #[login(cookie)]
    theme: Option<String>,
}

#[tokio::test]
async fn cookies_go_in_one_cookie_header_constants_first() {
    for (theme, expected) in [
        (None, "lang=en; version=2; sid=s3ss10n-Kq"),
        (
            Some("dark"),
            "lang=en; version=2; sid=s3ss10n-Kq; theme=dark",
        ),
    ] {
        let server = server().await;
        CookieLogin::builder()
            .user("me")
            .session("s3ss10n-Kq")
            .maybe_theme(theme.map(str::to_owned))
            .build()
            .send_to(&client(), &server.uri())
            .await
            .expect("the login succeeds");
        let request = received(&server).await;
        assert_eq!(request.headers.get_all("cookie").iter().count(), 1);
        assert_eq!(header(&request, "cookie"), Some(expected));
        assert_eq!(body(&request), r#"{"user":"me"}"#);
    }
}

#[tokio::test]
async fn a_cookie_value_a_cookie_cannot_carry_is_refused_before_sending() {
    let server = MockServer::start().await;
    for value in [
        "a;b=c",
        "two words",
        "quo\"te",
        "comma,",
        "back\\slash",
        "é",
    ] {
        let error = CookieLogin::builder()
            .user("me")
            .session(value)
            .build()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("refused");
        assert_eq!(error.kind(), ErrorKind::InvalidRequest, "{error:?}");
        let shown = format!("{error}\n{error:?}");
        assert!(shown.contains("`sid`"), "{shown}");
        assert!(!shown.contains(value), "the value shows: {shown}");
    }
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// One value sent in several places: the username in the path and as the Basic user, and a
/// secret key in a header, the query and the body. A field with no placement key is in the
/// body; one with a placement key is not, unless `body` is written.
#[login_endpoint(
    vendor = "Several Places",
    path = "/users/{user}/tokens",
    response = TokenResponse,
    token = token,
)]
struct SeveralPlaces {
    #[login(path, basic_auth = user)]
    user: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
    #[login(secret, header = "x-api-key", query = "key", body, rename = "apiKey")]
    api_key: Secret,
    #[login(header = "x-device")]
    device: String,
    name: String,
}

fn several_places() -> SeveralPlaces {
    SeveralPlaces::builder()
        .user("al ice")
        .password("pw-several-places")
        .api_key("key-several-places")
        .device("laptop")
        .name("ci")
        .build()
}

#[tokio::test]
async fn a_field_with_several_placements_is_sent_in_each() {
    let server = server().await;
    several_places()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    let request = received(&server).await;
    assert_eq!(request.url.path(), "/users/al%20ice/tokens");
    assert_eq!(request.url.query(), Some("key=key-several-places"));
    assert_eq!(
        header(&request, "authorization"),
        // base64("al ice:pw-several-places")
        Some("Basic YWwgaWNlOnB3LXNldmVyYWwtcGxhY2Vz")
    );
    assert_eq!(header(&request, "x-api-key"), Some("key-several-places"));
    assert_eq!(header(&request, "x-device"), Some("laptop"));
    assert_eq!(
        body(&request),
        r#"{"apiKey":"key-several-places","name":"ci"}"#
    );
}

#[tokio::test]
async fn a_secret_sent_in_several_places_is_hidden_in_each() {
    let login = several_places();
    let headers = auth_core::__private::request_headers(&login).expect("the headers are valid");
    for name in ["x-api-key", "authorization"] {
        let value = headers.get(name).expect("the header is sent");
        assert!(value.is_sensitive(), "{name}: {headers:?}");
    }
    assert!(!headers.get("x-device").expect("sent").is_sensitive());

    // A refusal that echoes the key, from wherever it read it, does not show it.
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(401).set_body_raw(
            r#"{"error":"key key-several-places is revoked"}"#,
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let error = login
        .send_to(&client(), &server.uri())
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    let shown = format!("{error:?} {error} {login:?} {headers:?}");
    for secret in ["key-several-places", "pw-several-places"] {
        assert!(!shown.contains(secret), "`{secret}` in {shown}");
    }
}
