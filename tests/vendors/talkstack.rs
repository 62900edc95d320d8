//! TalkStack AI: `POST /auth/login` with `email` and `password`; the answer carries `token`,
//! `refreshToken`, `expirationTime`, `user` and `loginStatus` (7 is success, any other value a
//! failure even with `200`); the token is valid for 2 hours.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use auth_core::{AuthError, ErrorKind, LoginEndpoint, Session, VendorCode};
use serde_json::json;
use vendors::talkstack::{Login, LoginResponse, LoginStatus};
use wiremock::matchers::{body_json, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::bad_responses::{self, BadResponse};
use super::{assert_hidden, client, html_page, json_response, shown};

const VENDOR: &str = "TalkStack AI";
const LOGIN_PATH: &str = "/auth/login";
const EMAIL: &str = "example@host.com";
const PASSWORD: &str = "talkstack-password-e47b";
const TWO_HOURS: Duration = Duration::from_secs(2 * 60 * 60);

/// The document's success response body, verbatim.
const SAMPLE: &str = r#"{
      "message": "successfully logged in.",
      "status": "success",
      "token": "xxxxxxxxxxxxxxxxxxx",
      "refreshToken": "xxxxxxxxxxxxxxxxxx",
      "expirationTime": "2025-03-11T17:49:38.925Z",
      "user": {
          "email": "example@host.com",
          "name": "John",
          "active_project": null,
          "created_at": "2025-03-05T11:04:49.875Z",
          "updated_at": "2025-03-05T11:06:02.837Z",
          "company_name": null
      },
      "loginStatus": 7
  }"#;

/// 2025-03-11T17:49:38.925Z, the sample's `expirationTime`.
fn sample_expiry() -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(1_741_715_378_925)
}

fn login() -> Login {
    Login::builder().email(EMAIL).password(PASSWORD).build()
}

async fn login_at(base_url: &str) -> Result<Session<LoginResponse>, AuthError> {
    login().send_to(&client(), base_url).await
}

async fn server_answering(response: ResponseTemplate) -> MockServer {
    super::server_answering(LOGIN_PATH, response).await
}

#[test]
fn declares_the_documented_url() {
    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(
        format!(
            "{}{}",
            spec.base_url().expect("a documented base URL"),
            spec.path()
        ),
        "https://api.talkstackai.com/auth/login"
    );
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(LOGIN_PATH))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({"email": EMAIL, "password": PASSWORD})))
        .respond_with(json_response(200, SAMPLE))
        .expect(1)
        .mount(&server)
        .await;

    let session = login_at(&server.uri()).await.expect("the login succeeds");
    assert_eq!(session.token().expose_secret(), "xxxxxxxxxxxxxxxxxxx");
}

#[tokio::test]
async fn sample_success_gives_a_session_expiring_at_expiration_time() {
    let server = server_answering(json_response(200, SAMPLE)).await;
    let session = login_at(&server.uri()).await.expect("the login succeeds");

    assert_eq!(session.vendor(), VENDOR);
    assert_eq!(session.token().expose_secret(), "xxxxxxxxxxxxxxxxxxx");
    assert_eq!(
        session.refresh_token().map(|t| t.expose_secret()),
        Some("xxxxxxxxxxxxxxxxxx")
    );
    // The stated expiry wins over "2 hours from now".
    assert_eq!(session.expires_at(), Some(sample_expiry()));
    assert_eq!(session.idle_timeout(), None);

    let response = session.response();
    assert_eq!(response.message.as_deref(), Some("successfully logged in."));
    assert_eq!(response.status.as_deref(), Some("success"));
    assert_eq!(response.login_status, Some(7));
    assert_eq!(response.login_status(), Some(LoginStatus::Success));
    let user = response.user.as_ref().expect("the sample has a user");
    assert_eq!(user.email, "example@host.com");
    assert_eq!(user.name.as_deref(), Some("John"));
    assert_eq!(user.active_project, None);
    assert_eq!(user.created_at.as_deref(), Some("2025-03-05T11:04:49.875Z"));
    assert_eq!(user.updated_at.as_deref(), Some("2025-03-05T11:06:02.837Z"));
    assert_eq!(user.company_name, None);
}

#[tokio::test]
async fn without_expiration_time_the_session_lasts_two_hours() {
    let body = json!({
        "message": "successfully logged in.", "status": "success",
        "token": "ts-token-no-expiry", "refreshToken": "ts-refresh-no-expiry",
        "loginStatus": 7,
    })
    .to_string();
    let server = server_answering(json_response(200, &body)).await;
    let before = SystemTime::now();
    let session = login_at(&server.uri()).await.expect("the login succeeds");
    let after = SystemTime::now();

    let issued = session.issued_at();
    assert!(
        before <= issued && issued <= after,
        "issued_at is the login time"
    );
    assert_eq!(session.expires_at(), Some(issued + TWO_HOURS));
    assert_eq!(
        session.remaining_at(issued + Duration::from_secs(60 * 60), issued),
        Some(Duration::from_secs(60 * 60))
    );
}

#[tokio::test]
async fn documented_statuses_map_to_kinds() {
    let cases = [
        (
            400,
            ErrorKind::InvalidRequest,
            "email and password are required",
        ),
        (401, ErrorKind::InvalidCredentials, "invalid password"),
        (404, ErrorKind::InvalidCredentials, "user not found"),
        (500, ErrorKind::ServerError, "error in login"),
    ];
    for (status, kind, message) in cases {
        // No `loginStatus`: the status alone decides.
        let body = json!({"message": message, "status": "error"}).to_string();
        let server = server_answering(json_response(status, &body)).await;
        let error = login_at(&server.uri()).await.expect_err("the login fails");
        assert_eq!(error.kind(), kind, "HTTP {status}");
        assert_eq!(error.vendor(), VENDOR);
        assert_eq!(error.status(), Some(status));
        assert_eq!(error.message(), Some(message));
        assert_eq!(error.vendor_code(), None);
    }
}

#[tokio::test]
async fn a_failed_login_status_in_a_200_body_is_an_error_of_its_kind() {
    let cases = [
        (2, ErrorKind::Forbidden, "account not verified"),
        (4, ErrorKind::InvalidCredentials, "invalid password"),
        (3, ErrorKind::InvalidCredentials, "user not found"),
        (0, ErrorKind::InvalidRequest, "credentials missing"),
    ];
    for (login_status, kind, message) in cases {
        let body =
            json!({"message": message, "status": "error", "loginStatus": login_status}).to_string();
        let server = server_answering(json_response(200, &body)).await;
        let error = login_at(&server.uri())
            .await
            .expect_err("loginStatus other than 7 is never a session");
        assert_eq!(error.kind(), kind, "loginStatus {login_status}");
        assert_eq!(error.status(), Some(200));
        assert_eq!(error.vendor_code(), Some(&VendorCode::Number(login_status)));
        assert_eq!(error.message(), Some(message));
    }
}

#[tokio::test]
async fn html_error_page_keeps_the_kind_of_its_status() {
    let server = server_answering(
        ResponseTemplate::new(500)
            .set_body_raw(html_page("500 Internal Server Error"), "text/html"),
    )
    .await;
    let error = login_at(&server.uri()).await.expect_err("the login fails");

    assert_eq!(error.kind(), ErrorKind::ServerError);
    assert_eq!(error.status(), Some(500));
    assert_eq!(error.message(), None);
    assert_eq!(error.vendor_code(), None);
}

#[tokio::test]
async fn bad_success_bodies_are_decode_errors() {
    const TOKEN: &str = "ts-token-Vb38qN5fXe";
    const REFRESH: &str = "ts-refresh-Lm62dS9kHo";
    let success = format!(
        r#"{{"token":"{TOKEN}","refreshToken":"{REFRESH}","expirationTime":"2025-03-11T17:49:38.925Z","loginStatus":7}}"#
    );
    let mut cases = bad_responses::common(&success, TOKEN);
    cases.extend([
        BadResponse::json(
            "token as a number",
            &format!(r#"{{"token":8675309,"refreshToken":"{REFRESH}","loginStatus":7}}"#),
            Some(REFRESH),
            &["LoginResponse", "token", r#"{"token":"#],
        ),
        BadResponse::json(
            "no token",
            &format!(r#"{{"refreshToken":"{REFRESH}","loginStatus":7}}"#),
            Some(REFRESH),
            &["LoginResponse", "token", r#"{"refreshToken":"…","#],
        ),
        BadResponse::json(
            "an expirationTime that is not a timestamp",
            &format!(r#"{{"token":"{TOKEN}","expirationTime":"in two hours","loginStatus":7}}"#),
            Some(TOKEN),
            &["LoginResponse", "RFC 3339", r#"{"token":"…","#],
        ),
        BadResponse::json(
            "loginStatus as a string",
            &format!(r#"{{"token":"{TOKEN}","loginStatus":"SUCCESS"}}"#),
            Some(TOKEN),
            &["LoginResponse", "loginStatus", r#"{"token":"…","#],
        ),
        BadResponse::json(
            "a user without email",
            &format!(r#"{{"token":"{TOKEN}","user":{{"name":"John"}},"loginStatus":7}}"#),
            Some(TOKEN),
            &["LoginResponse", "email", r#"{"token":"…","#],
        ),
    ]);
    bad_responses::assert_all_refused(VENDOR, &cases, login_at).await;
}

#[tokio::test]
async fn secrets_stay_hidden() {
    const TOKEN: &str = "ts-token-Qw17zR4uNc";
    const REFRESH: &str = "ts-refresh-Ea82gY3iBm";
    let login = login();
    let debug = format!("{login:?}");
    assert!(debug.contains(EMAIL), "{debug}");
    assert_hidden(&debug, &[PASSWORD]);

    let success = json!({"token": TOKEN, "refreshToken": REFRESH, "loginStatus": 7}).to_string();
    let server = server_answering(json_response(200, &success)).await;
    let session = login.send_to(&client(), &server.uri()).await.unwrap();
    assert_eq!(session.token().expose_secret(), TOKEN);
    assert_hidden(&format!("{session:?}"), &[TOKEN, REFRESH, PASSWORD]);

    let echo = json!({
        "message": format!("invalid password {PASSWORD}"), "status": "error", "loginStatus": 4,
    })
    .to_string();
    let server = server_answering(json_response(401, &echo)).await;
    let error = login.send_to(&client(), &server.uri()).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.message(), Some("invalid password [REDACTED]"));
    assert_hidden(&shown(&error), &[PASSWORD]);
}
