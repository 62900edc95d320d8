//! Where a session's values come from, over loopback HTTP: tokens in headers and cookies, a
//! cookie's `Max-Age` or `Expires` as the expiry, expiries in every declared format (numbers and
//! numeric strings), the documented lifetime when the response states none, the refresh
//! token's own expiry, plain-text answers told apart by their text, and values read through
//! lists (`data.sessions[0].token`) and maps of field errors.

use std::time::{Duration, SystemTime};

use auth_core::{
    ErrorKind, LoginClient, RetryPolicy, Secret, TextBody, VendorCode, VendorError, login_endpoint,
};
use serde::Deserialize;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn client() -> LoginClient {
    LoginClient::builder()
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("the client builds")
}

async fn server_answering(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(response)
        .expect(1)
        .mount(&server)
        .await;
    server
}

fn json(status: u16, body: &str) -> ResponseTemplate {
    ResponseTemplate::new(status).set_body_raw(body.to_owned(), "application/json")
}

fn at(seconds: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
}

/// An appliance: `Ok.` or `Fails.` as text, the session in the `SID` cookie, which states its
/// own lifetime; one hour when it does not.
#[login_endpoint(
    vendor = "Appliance",
    base_url = "https://appliance.invalid",
    path = "/api/v2/auth/login",
    response = TextBody,
    token = cookie("SID"),
    expires_at = cookie("SID"),
    lifetime = "1h",
    error_body = TextBody,
    body_failure(field = text, success = "Ok.", kind = InvalidCredentials),
    status(403 => Locked),
)]
struct ApplianceLogin {
    username: String,
    #[login(secret)]
    password: Secret,
}

fn appliance() -> ApplianceLogin {
    ApplianceLogin::builder()
        .username("admin")
        .password("adminadmin")
        .build()
}

#[tokio::test]
async fn a_cookie_session_with_a_max_age() {
    let answer = ResponseTemplate::new(200)
        .insert_header(
            "Set-Cookie",
            "SID=s3ss10nId; HttpOnly; path=/; Max-Age=3600",
        )
        .set_body_raw("Ok.", "text/plain; charset=UTF-8");
    let server = server_answering(answer).await;
    let session = appliance()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(session.token().expose_secret(), "s3ss10nId");
    assert_eq!(session.response().as_str(), "Ok.");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(3600))
    );
}

#[tokio::test]
async fn a_cookie_session_with_an_expires_date() {
    let answer = ResponseTemplate::new(200)
        .insert_header(
            "Set-Cookie",
            "SID=s3ss10nId; Expires=Wed, 21 Oct 2099 07:28:00 GMT",
        )
        .set_body_raw("Ok.", "text/plain");
    let server = server_answering(answer).await;
    let session = appliance()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(session.expires_at(), Some(at(4_096_250_880)));
}

#[tokio::test]
async fn a_browser_session_cookie_lasts_the_documented_lifetime() {
    let answer = ResponseTemplate::new(200)
        .insert_header("Set-Cookie", "SID=s3ss10nId; HttpOnly")
        .set_body_raw("Ok.", "text/plain");
    let server = server_answering(answer).await;
    let session = appliance()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(3600))
    );
}

#[tokio::test]
async fn a_failure_stated_in_text_has_the_declared_kind_and_the_text_as_message() {
    let server =
        server_answering(ResponseTemplate::new(200).set_body_raw("Fails.", "text/plain")).await;
    let error = appliance()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("`Fails.` is not a session");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(200));
    assert_eq!(error.message(), Some("Fails."));
}

#[tokio::test]
async fn an_ok_without_the_cookie_is_a_decode_error_naming_it() {
    let answer = ResponseTemplate::new(200)
        .insert_header("Set-Cookie", "sid=lowercase; path=/")
        .set_body_raw("Ok.", "text/plain");
    let server = server_answering(answer).await;
    let error = appliance()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("no `SID`, no session");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(
        error.detail(),
        Some("expected a non-empty token in the cookie `SID`, which the response did not set")
    );
}

#[tokio::test]
async fn a_text_error_body_is_the_message() {
    let answer = ResponseTemplate::new(403).set_body_raw(
        "Your IP address has been banned for too many failed attempts\n",
        "text/plain",
    );
    let server = server_answering(answer).await;
    let error = appliance()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("banned");
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(
        error.message(),
        Some("Your IP address has been banned for too many failed attempts")
    );
}

#[derive(Debug, Deserialize)]
struct OAuthTokens {
    access_token: Secret,
    refresh_token: Option<Secret>,
    expires_in: Option<u64>,
    refresh_expires_in: Option<u64>,
}

#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(kind(code = "invalid_grant" => InvalidCredentials))]
struct OAuthError {
    #[vendor_error(code)]
    error: String,
    #[vendor_error(message)]
    error_description: Option<String>,
}

/// An OAuth-style token answer: seconds from now for both tokens; 5 minutes when it says
/// nothing.
#[login_endpoint(
    vendor = "Identity Provider",
    base_url = "https://idp.invalid",
    path = "/token",
    response = OAuthTokens,
    token = access_token,
    refresh_token = refresh_token,
    expires_in = expires_in,
    refresh_expires_in = refresh_expires_in,
    lifetime = "5m",
    error_body = OAuthError,
)]
struct OAuthLogin {
    username: String,
    #[login(secret)]
    password: Secret,
}

fn oauth() -> OAuthLogin {
    OAuthLogin::builder()
        .username("u")
        .password("p-ss-word")
        .build()
}

#[tokio::test]
async fn the_refresh_token_has_its_own_expiry() {
    let body =
        r#"{"access_token":"at","refresh_token":"rt","expires_in":300,"refresh_expires_in":1800}"#;
    let server = server_answering(json(200, body)).await;
    let session = oauth()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    let issued = session.issued_at();
    assert_eq!(
        session.expires_at(),
        Some(issued + Duration::from_secs(300))
    );
    assert_eq!(
        session.refresh_expires_at(),
        Some(issued + Duration::from_secs(1800))
    );
}

#[tokio::test]
async fn zero_or_missing_expiries_state_nothing() {
    // `refresh_expires_in: 0` (an offline token) and no `expires_in`: the documented lifetime,
    // and no refresh expiry.
    let body = r#"{"access_token":"at","refresh_token":"rt","refresh_expires_in":0}"#;
    let server = server_answering(json(200, body)).await;
    let session = oauth()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(300))
    );
    assert_eq!(session.refresh_expires_at(), None);

    let body = r#"{"access_token":"at","expires_in":0}"#;
    let server = server_answering(json(200, body)).await;
    let session = oauth()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(300))
    );
}

#[tokio::test]
async fn a_code_decides_the_kind_whatever_the_status() {
    let body = r#"{"error":"invalid_grant","error_description":"Invalid user credentials"}"#;
    let server = server_answering(json(400, body)).await;
    let error = oauth()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(400));
    assert_eq!(
        error.vendor_code(),
        Some(&VendorCode::from("invalid_grant"))
    );
    assert_eq!(error.message(), Some("Invalid user credentials"));
}

#[derive(Debug, Deserialize)]
struct StringSeconds {
    #[serde(rename = "idToken")]
    id_token: Secret,
    /// Seconds, as a string.
    #[serde(rename = "expiresIn")]
    expires_in: String,
}

/// Seconds from now, sent as a numeric string.
#[login_endpoint(
    vendor = "String Seconds",
    base_url = "https://string-seconds.invalid",
    path = "/signin",
    response = StringSeconds,
    token = id_token,
    expires_in = expires_in,
)]
struct StringSecondsLogin {
    email: String,
}

#[tokio::test]
async fn seconds_in_a_string() {
    let server = server_answering(json(200, r#"{"idToken":"id","expiresIn":"3600"}"#)).await;
    let session = StringSecondsLogin::builder()
        .email("e")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(3600))
    );
    assert_eq!(session.response().expires_in, "3600");

    let server = server_answering(json(200, r#"{"idToken":"id","expiresIn":"an hour"}"#)).await;
    let error = StringSecondsLogin::builder()
        .email("e")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("not a number");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(
        error
            .detail()
            .is_some_and(|d| d.contains("a number of seconds at `expires_in` of `StringSeconds`")),
        "{error:?}"
    );
}

#[derive(Debug, Deserialize)]
struct MillisInstant {
    token: Secret,
    #[serde(rename = "tokenExpirationInstant")]
    token_expiration_instant: serde_json::Value,
}

/// A Unix time in milliseconds, in a field typed as any JSON value.
#[login_endpoint(
    vendor = "Millis Instant",
    base_url = "https://millis.invalid",
    path = "/api/login",
    response = MillisInstant,
    token = token,
    expires_at(unix_millis = token_expiration_instant),
)]
struct MillisInstantLogin {
    #[login(rename = "loginId")]
    login_id: String,
}

#[tokio::test]
async fn a_unix_time_in_milliseconds_as_a_number_or_a_string() {
    for instant in ["1595361143101", r#""1595361143101""#] {
        let body = format!(r#"{{"token":"t","tokenExpirationInstant":{instant}}}"#);
        let server = server_answering(json(200, &body)).await;
        let session = MillisInstantLogin::builder()
            .login_id("l")
            .build()
            .send_to(&client(), &server.uri())
            .await
            .expect("a session");
        assert_eq!(
            session.expires_at(),
            Some(SystemTime::UNIX_EPOCH + Duration::from_millis(1_595_361_143_101)),
            "{instant}"
        );
    }
}

#[derive(Debug, Deserialize)]
struct Empty {}

/// The token and its lifetime both in headers (OpenStack Swift's `X-Auth-Token` and
/// `X-Auth-Token-Expires`).
#[login_endpoint(
    vendor = "Header Expiry",
    base_url = "https://header-expiry.invalid",
    path = "/auth",
    response = Empty,
    token = header("X-Auth-Token"),
    expires_in = header("X-Auth-Token-Expires"),
)]
struct HeaderExpiryLogin {
    user: String,
}

#[tokio::test]
async fn an_expiry_in_a_header() {
    let answer = json(200, "{}")
        .insert_header("X-Auth-Token", "AUTH_tk-header")
        .insert_header("X-Auth-Token-Expires", "86399");
    let server = server_answering(answer).await;
    let session = HeaderExpiryLogin::builder()
        .user("u")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(session.token().expose_secret(), "AUTH_tk-header");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(86_399))
    );
}

/// The token in a header and its expiry in the answer's `Expires` header, an HTTP date, read as
/// one without a format being named.
#[login_endpoint(
    vendor = "Expires Header",
    base_url = "https://expires-header.invalid",
    path = "/auth",
    response = Empty,
    token = header("X-Auth-Token"),
    expires_at = header("Expires"),
)]
struct ExpiresHeaderLogin {
    user: String,
}

/// An expiry in the body written as an HTTP date, with `http_date` named.
#[derive(Debug, Deserialize)]
struct DatedToken {
    token: Secret,
    #[serde(rename = "validUntil")]
    valid_until: Option<String>,
}

#[login_endpoint(
    vendor = "Dated Token",
    base_url = "https://dated-token.invalid",
    path = "/auth",
    response = DatedToken,
    token = token,
    expires_at(http_date = valid_until),
)]
struct DatedTokenLogin {
    user: String,
}

#[tokio::test]
async fn an_expires_header_is_read_as_an_http_date() {
    let answer = json(200, "{}")
        .insert_header("X-Auth-Token", "tk-expires")
        .insert_header("Expires", "Thu, 03 Dec 2026 10:00:00 GMT");
    let server = server_answering(answer).await;
    let session = ExpiresHeaderLogin::builder()
        .user("u")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(session.expires_at(), Some(at(1_796_292_000)));
}

#[tokio::test]
async fn an_http_date_in_the_body_and_one_that_is_not_one() {
    let server = server_answering(json(
        200,
        r#"{"token":"tk-dated","validUntil":"Sun, 06 Nov 1994 08:49:37 GMT"}"#,
    ))
    .await;
    let session = DatedTokenLogin::builder()
        .user("u")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(session.expires_at(), Some(at(784_111_777)));

    // An RFC 3339 timestamp where an HTTP date is declared is a decode error that says which.
    let server = server_answering(json(
        200,
        r#"{"token":"tk-dated","validUntil":"2026-12-03T10:00:00Z"}"#,
    ))
    .await;
    let error = DatedTokenLogin::builder()
        .user("u")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("not an HTTP date");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(
        error.to_string().contains("an HTTP date"),
        "the error says what was expected: {error}"
    );
}

#[tokio::test]
async fn a_blank_token_in_the_body_is_no_session() {
    for blank in [r#""   ""#, r#""\n\t ""#] {
        let server = server_answering(json(200, &format!(r#"{{"token":{blank}}}"#))).await;
        let error = DatedTokenLogin::builder()
            .user("u")
            .build()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("a blank token is none");
        assert_eq!(error.kind(), ErrorKind::Decode, "{blank}: {error}");
    }
}

/// The token as a bearer credential in the `Authorization` header of the answer, as Rails'
/// devise-jwt sends it, with the user in the body.
#[derive(Debug, Deserialize)]
struct SignedInUser {
    #[allow(dead_code)]
    email: String,
}

#[login_endpoint(
    vendor = "Bearer Header",
    base_url = "https://bearer-header.invalid",
    path = "/users/sign_in",
    response = SignedInUser,
    token = header("Authorization", prefix = "Bearer "),
)]
struct BearerHeaderLogin {
    #[login(rename = "user.email")]
    email: String,
    #[login(secret, rename = "user.password")]
    password: Secret,
}

async fn bearer_header_answer(
    authorization: &str,
) -> Result<auth_core::Session<SignedInUser>, auth_core::AuthError> {
    let answer =
        json(200, r#"{"email":"me@example.com"}"#).insert_header("Authorization", authorization);
    let server = server_answering(answer).await;
    BearerHeaderLogin::builder()
        .email("me@example.com")
        .password("hunter2")
        .build()
        .send_to(&client(), &server.uri())
        .await
}

#[tokio::test]
async fn a_token_after_a_scheme_in_a_header_is_what_follows_the_scheme() {
    for authorization in ["Bearer eyJhbGciOi.J9.sig", "bearer  eyJhbGciOi.J9.sig"] {
        let session = bearer_header_answer(authorization)
            .await
            .expect("a session");
        assert_eq!(
            session.token().expose_secret(),
            "eyJhbGciOi.J9.sig",
            "{authorization}"
        );
        assert_eq!(session.response().email, "me@example.com");
    }
}

#[tokio::test]
async fn a_header_with_another_scheme_is_a_decode_error_that_shows_no_value() {
    let error = bearer_header_answer("Basic bWU6aHVudGVyMg==")
        .await
        .expect_err("not a bearer token");
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.vendor(), "Bearer Header");
    assert_eq!(
        error.detail(),
        Some(
            "expected a non-empty token after `Bearer` in the response header `authorization`, whose value did not start with it"
        )
    );
    assert!(!format!("{error:?} {error}").contains("bWU6aHVudGVyMg"));
}

#[login_endpoint(
    vendor = "Bare Header",
    base_url = "https://bare-header.invalid",
    path = "/users/sign_in",
    response = SignedInUser,
    token = header("Authorization", prefix = ""),
)]
struct BareHeaderLogin {
    #[login(rename = "user.email")]
    email: String,
    #[login(secret, rename = "user.password")]
    password: Secret,
}

#[tokio::test]
async fn an_authorization_header_declared_without_a_scheme_is_the_token_whole() {
    let answer = json(200, r#"{"email":"me@example.com"}"#)
        .insert_header("Authorization", "eyJhbGciOi.J9.sig");
    let server = server_answering(answer).await;
    let session = BareHeaderLogin::builder()
        .email("me@example.com")
        .password("hunter2")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(session.token().expose_secret(), "eyJhbGciOi.J9.sig");
}

/// Sessions listed in an array, the status of the login the first of a list of results, and
/// field errors keyed by field name.
#[derive(Debug, Deserialize)]
struct ListedResponse {
    data: ListedData,
    results: Option<Vec<ListedResult>>,
}

#[derive(Debug, Deserialize)]
struct ListedData {
    sessions: Vec<ListedSession>,
}

#[derive(Debug, Deserialize)]
struct ListedSession {
    token: Secret,
    refresh_token: Option<Secret>,
    expires_at: Option<u64>,
}

#[derive(Debug, Deserialize)]
struct ListedResult {
    status: String,
}

#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(
    code = errors[0].code,
    message = errors[0].detail,
    field_errors(by_field = fields, error = codes[0], params = codes),
    kind(code = "bad_password" => InvalidCredentials),
)]
struct ListedError {
    errors: Vec<ListedProblem>,
    fields: Option<std::collections::BTreeMap<String, ListedCodes>>,
}

#[derive(Debug, Deserialize)]
struct ListedProblem {
    code: String,
    detail: String,
}

#[derive(Debug, Deserialize)]
struct ListedCodes {
    codes: Vec<String>,
}

#[login_endpoint(
    vendor = "Listed",
    base_url = "https://listed.invalid",
    path = "/sessions",
    response = ListedResponse,
    token = data.sessions[0].token,
    refresh_token = data.sessions[0].refresh_token,
    expires_at(unix_seconds = data.sessions[0].expires_at),
    lifetime = "1h",
    body_failure(field = results[0].status, success = "ok", kind = Forbidden),
    error_body = ListedError,
)]
struct ListedLogin {
    user: String,
}

fn listed() -> ListedLogin {
    ListedLogin::builder().user("u").build()
}

#[tokio::test]
async fn a_session_from_the_first_element_of_a_list() {
    let server = server_answering(json(
        200,
        r#"{"data": {"sessions": [
              {"token": "first", "refresh_token": "first-refresh", "expires_at": 4102444800},
              {"token": "second", "expires_at": 1}]},
            "results": [{"status": "ok"}, {"status": "denied"}]}"#,
    ))
    .await;
    let session = listed()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(session.token().expose_secret(), "first");
    assert_eq!(
        session.refresh_token().map(Secret::expose_secret),
        Some("first-refresh")
    );
    assert_eq!(session.expires_at(), Some(at(4_102_444_800)));
}

#[tokio::test]
async fn an_empty_list_has_no_token_and_the_error_names_the_path() {
    let server = server_answering(json(
        200,
        r#"{"data": {"sessions": []}, "results": [{"status": "ok"}]}"#,
    ))
    .await;
    let error = listed()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("no session");
    assert_eq!(error.kind(), ErrorKind::Decode);
    let detail = error.detail().expect("a detail");
    assert!(
        detail.contains("`data.sessions[0].token` of `ListedResponse`"),
        "{detail}"
    );
}

#[tokio::test]
async fn a_failure_stated_in_the_first_element_of_a_list_or_no_status_at_all() {
    for body in [
        r#"{"data": {"sessions": [{"token": "t"}]}, "results": [{"status": "denied"}]}"#,
        r#"{"data": {"sessions": [{"token": "t"}]}, "results": []}"#,
        r#"{"data": {"sessions": [{"token": "t"}]}}"#,
    ] {
        let server = server_answering(json(200, body)).await;
        let error = listed()
            .send_to(&client(), &server.uri())
            .await
            .expect_err("a failure");
        assert_eq!(error.kind(), ErrorKind::Forbidden, "{body}");
    }
}

#[tokio::test]
async fn an_error_read_from_a_list_with_field_errors_from_a_map() {
    let server = server_answering(json(
        422,
        r#"{"errors": [{"code": "bad_password", "detail": "The password is wrong."}],
            "fields": {"password": {"codes": ["too_short", "common"]}, "email": {"codes": []}}}"#,
    ))
    .await;
    let error = listed()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("refused");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(422));
    assert_eq!(error.vendor_code(), Some(&VendorCode::from("bad_password")));
    assert_eq!(error.message(), Some("The password is wrong."));
    let fields: Vec<_> = error
        .field_errors()
        .iter()
        .map(|e| (e.field.as_str(), e.error.as_str(), e.params.len()))
        .collect();
    assert_eq!(fields, [("email", "", 0), ("password", "too_short", 2)]);
}

/// One field that is both the code and the message, and a rule on each: the error keeps both
/// whole, and the rules see them before they are taken out of the body.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(kind(message = "account_locked" => Locked, code = "bad_password" => InvalidCredentials))]
struct OneFieldError {
    #[vendor_error(code, message)]
    error: String,
    #[vendor_error(field_errors(field = name, error = problem))]
    fields: Option<Vec<OneFieldProblem>>,
}

#[derive(Debug, Deserialize)]
struct OneFieldProblem {
    name: String,
    problem: String,
}

#[login_endpoint(
    vendor = "One Field",
    base_url = "https://one-field.invalid",
    path = "/login",
    response = OAuthTokens,
    token = access_token,
    error_body = OneFieldError,
)]
struct OneFieldLogin {
    username: String,
    #[login(secret)]
    password: Secret,
}

#[tokio::test]
async fn a_field_that_is_both_code_and_message_gives_both() {
    let login = OneFieldLogin::builder()
        .username("u")
        .password("p-ss-word")
        .build();
    for (body, kind) in [
        (r#"{"error":"account_locked"}"#, ErrorKind::Locked),
        (
            r#"{"error":"bad_password","fields":[{"name":"password","problem":"WRONG"}]}"#,
            ErrorKind::InvalidCredentials,
        ),
    ] {
        let server = server_answering(json(400, body)).await;
        let error = login
            .send_to(&client(), &server.uri())
            .await
            .expect_err("a failure");
        let word = if kind == ErrorKind::Locked {
            "account_locked"
        } else {
            "bad_password"
        };
        assert_eq!(error.kind(), kind, "{body}");
        assert_eq!(error.vendor_code(), Some(&VendorCode::Text(word.into())));
        assert_eq!(error.message(), Some(word));
        if kind == ErrorKind::InvalidCredentials {
            assert_eq!(error.field_errors()[0].field, "password");
            assert_eq!(error.field_errors()[0].error, "WRONG");
        }
    }
}

thread_local! {
    /// How many times this thread has decoded an `Answer`.
    static ANSWERS_DECODED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn counted_status<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    ANSWERS_DECODED.with(|count| count.set(count.get() + 1));
    String::deserialize(deserializer)
}

/// A vendor whose every answer, success or failure, has one shape: `status` says which, and a
/// failure carries a code and a message.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(kind(code = "LOCKED" => Locked, code = "BAD_PASSWORD" => InvalidCredentials))]
struct Answer {
    #[serde(deserialize_with = "counted_status")]
    status: String,
    #[serde(default)]
    token: Option<Secret>,
    #[serde(default)]
    #[vendor_error(code)]
    code: Option<String>,
    #[serde(default)]
    #[vendor_error(message)]
    message: Option<String>,
}

#[login_endpoint(
    vendor = "One Shape",
    base_url = "https://one-shape.invalid",
    path = "/login",
    response = Answer,
    token = token,
    error_body = Answer,
    body_failure(field = status, success = "ok"),
)]
struct OneShapeLogin {
    username: String,
    #[login(secret)]
    password: Secret,
}

fn one_shape() -> OneShapeLogin {
    OneShapeLogin::builder()
        .username("u")
        .password("hunter2-secret")
        .build()
}

#[tokio::test]
async fn a_response_type_that_is_its_own_error_body_gives_a_session_on_success() {
    let server = server_answering(json(200, r#"{"status":"ok","token":"t0k3n"}"#)).await;
    let session = one_shape()
        .send_to(&client(), &server.uri())
        .await
        .expect("a session");
    assert_eq!(session.token().expose_secret(), "t0k3n");
    assert_eq!(session.response().status, "ok");
}

#[tokio::test]
async fn a_failure_in_a_200_is_read_from_the_response_already_decoded() {
    // The password is echoed back: it is scrubbed from the message all the same.
    let body = r#"{"status":"error","code":"BAD_PASSWORD","message":"hunter2-secret is wrong"}"#;
    let server = server_answering(json(200, body)).await;
    let before = ANSWERS_DECODED.with(std::cell::Cell::get);
    let error = one_shape()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("a failure");
    assert_eq!(
        ANSWERS_DECODED.with(std::cell::Cell::get) - before,
        1,
        "the body is decoded once"
    );
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(200));
    assert_eq!(error.vendor(), "One Shape");
    assert_eq!(
        error.vendor_code(),
        Some(&VendorCode::Text("BAD_PASSWORD".into()))
    );
    assert_eq!(error.message(), Some("[REDACTED] is wrong"));
    assert!(!format!("{error:?} {error}").contains("hunter2-secret"));

    // Without a code the kind is the body failure's own.
    let failure = auth_core::__private::interpret_response::<OneShapeLogin>(
        200,
        br#"{"status":"error","message":"try later"}"#,
    )
    .expect_err("a failure");
    assert_eq!(failure.kind(), ErrorKind::Rejected);
    assert_eq!(failure.message(), Some("try later"));
    assert_eq!(failure.vendor_code(), None);
}

#[tokio::test]
async fn a_non_2xx_answer_of_the_same_shape_is_decoded_once_as_the_error_body() {
    let body = r#"{"status":"error","code":"LOCKED","message":"locked for an hour"}"#;
    let server = server_answering(json(423, body)).await;
    let before = ANSWERS_DECODED.with(std::cell::Cell::get);
    let error = one_shape()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("a failure");
    assert_eq!(ANSWERS_DECODED.with(std::cell::Cell::get) - before, 1);
    assert_eq!(error.kind(), ErrorKind::Locked);
    assert_eq!(error.status(), Some(423));
    assert_eq!(
        error.vendor_code(),
        Some(&VendorCode::Text("LOCKED".into()))
    );
    assert_eq!(error.message(), Some("locked for an hour"));

    // A body that is not the shape is kept as an excerpt, as for any error body.
    let server = server_answering(json(500, r#"{"unexpected":true}"#)).await;
    let error = one_shape()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("a failure");
    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(error.message(), None);
    assert!(
        error
            .to_string()
            .contains("the error body was not the documented shape"),
        "{error}"
    );
}

/// A vendor that lists its failures in a 2xx body (`"errors": [...]`), as GraphQL servers do,
/// and sends the key empty when there are none.
#[derive(Debug, Deserialize)]
struct FailureList {
    token: Option<Secret>,
    errors: Option<Vec<StatedFailure>>,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code)]
struct StatedFailure {
    message: String,
}

#[login_endpoint(
    vendor = "Failure list",
    path = "/graphql",
    response = FailureList,
    token = token,
    body_failure(field = errors, kind = InvalidCredentials),
)]
struct FailureListLogin {
    email: String,
    #[login(secret)]
    password: Secret,
}

#[tokio::test]
async fn an_empty_list_of_failures_states_none() {
    for body in [
        r#"{"token":"t0k3n","errors":[]}"#,
        r#"{"token":"t0k3n","errors":null}"#,
        r#"{"token":"t0k3n"}"#,
    ] {
        let server = server_answering(json(200, body)).await;
        let login = FailureListLogin::builder()
            .email("a@example.com")
            .password("pw")
            .build();
        let session = login
            .send_to(&client(), &server.uri())
            .await
            .unwrap_or_else(|error| panic!("{body}: {error}"));
        assert_eq!(session.token().expose_secret(), "t0k3n", "{body}");
    }
}

#[tokio::test]
async fn a_listed_failure_fails_the_login() {
    let server = server_answering(json(
        200,
        r#"{"token":null,"errors":[{"message":"bad credentials"}]}"#,
    ))
    .await;
    let login = FailureListLogin::builder()
        .email("a@example.com")
        .password("pw")
        .build();
    let error = login.send_to(&client(), &server.uri()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
}
