//! Oracle Communications Session Delivery Manager: a session cookie, with an answer body the
//! document does not describe.
//!
//! Source: "REST API for Session Delivery Manager", "Authenticate"
//! (https://docs.oracle.com/en/industries/communications/session-delivery-manager/9.0/rest/authenticate.html):
//! the client sends its credentials to `/rest/{versionId}/admin/login`, as XML or as JSON
//! (`{"userName", "password"}`), and "SDM responds with the Set-Cookie header",
//! `Set-Cookie: JSESSIONID=72B6313B8948356ED9D3F9B409B8FF0A.tomcat1; Path=/rest; HttpOnly`,
//! which later requests send back.
//!
//! The document says nothing of the answer's body, so it is read as text
//! (`auth_core::TextBody`) and not interpreted. Uncertain:
//! - The version is part of the path; this declaration uses `v1.3`, the document's example.
//! - The document's examples send `Accept: application/xml`; a JSON login is declared here with
//!   `Accept: application/json`.
//! - It lists no error answers, so failures carry their status only.
//! - `base_url` is the document's example host; each caller logs in with `send_to` at its own.

use auth_core::{ErrorKind, Secret, TextBody, login_endpoint};
use wiremock::ResponseTemplate;

use super::{OnTheWire, assert_hidden, client, server_answering, the_request};

/// Login to the SDM REST API with a JSON body.
#[login_endpoint(
    vendor = "Oracle Session Delivery Manager",
    base_url = "https://example.com:8443",
    path = "/rest/v1.3/admin/login",
    header(name = "accept", value = "application/json"),
    response = TextBody,
    token = cookie("JSESSIONID"),
)]
pub struct Login {
    #[login(rename = "userName")]
    user_name: String,
    #[login(secret)]
    password: Secret,
}

/// The document's session cookie.
const SESSION_ID: &str = "72B6313B8948356ED9D3F9B409B8FF0A.tomcat1";

fn documented_login() -> Login {
    Login::builder()
        .user_name("admin")
        .password("passphrase")
        .build()
}

fn success(body: &str) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .insert_header(
            "Set-Cookie",
            format!("JSESSIONID={SESSION_ID}; Path=/rest; HttpOnly").as_str(),
        )
        .set_body_raw(body.to_owned(), "text/plain")
}

#[tokio::test]
async fn sends_the_documented_request() {
    let server = server_answering(success("")).await;
    documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    let request = the_request(&server).await;
    assert_eq!(
        request,
        OnTheWire::new(
            "POST",
            "/rest/v1.3/admin/login",
            None,
            Some("application/json"),
            None,
            r#"{"userName":"admin","password":"passphrase"}"#,
        )
    );
}

#[tokio::test]
async fn the_session_is_the_jsessionid_cookie_whatever_the_body() {
    for body in [
        "",
        "OK",
        "<html><body>Welcome</body></html>",
        r#"{"ok":true}"#,
    ] {
        let server = server_answering(success(body)).await;
        let session = documented_login()
            .send_to(&client(), &server.uri())
            .await
            .expect("the login succeeds");
        assert_eq!(session.token().expose_secret(), SESSION_ID, "{body:?}");
        assert_eq!(session.response().as_str(), body);
        assert_hidden(&format!("{session:?}"), &[SESSION_ID, "passphrase"]);
    }
}

#[tokio::test]
async fn a_failure_carries_its_status() {
    let server = server_answering(
        ResponseTemplate::new(401).set_body_raw("<html>Unauthorized</html>", "text/html"),
    )
    .await;
    let error = documented_login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.status(), Some(401));
}
