//! Nextcloud: an app password for a client, from the user's login name and password over HTTP
//! Basic.
//!
//! Source: Nextcloud developer manual, "Login Flow", section "Converting to app passwords" /
//! "Obtaining an app password" (https://docs.nextcloud.com/server/latest/developer_manual/client_apis/LoginFlow/index.html):
//! `GET /ocs/v2.php/core/getapppassword` with the user's credentials in Basic authentication
//! and the `OCS-APIREQUEST: true` header, answering the app password in the OCS envelope
//! (`ocs.meta` with `status`, `statuscode`, `message`; `ocs.data.apppassword`). OCS answers in
//! JSON with `format=json` (the OCS API overview of the same manual).
//!
//! The samples are written from memory of those pages: the envelope's fields are the documented
//! ones, the values are placeholders. A refused login is a 401 whose envelope says `failure`
//! with status code 997, "Current user is not logged in", also from memory.
//!
//! Nextcloud is self-hosted, so the declaration has no `base_url`.

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
    the_request_header,
};

const VENDOR: &str = "Nextcloud";

/// An app password for this client.
#[login_endpoint(
    vendor = "Nextcloud",
    method = "GET",
    path = "/ocs/v2.php/core/getapppassword",
    query(format = "json"),
    header(name = "OCS-APIRequest", value = "true"),
    response = OcsResponse,
    token = ocs.data.apppassword,
    error_body = OcsError,
)]
pub struct Login {
    #[login(basic_auth = user)]
    login_name: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
}

/// The OCS envelope of a success.
#[derive(Debug, Deserialize)]
pub struct OcsResponse {
    pub ocs: Ocs,
}

#[derive(Debug, Deserialize)]
pub struct Ocs {
    pub meta: Meta,
    pub data: AppPassword,
}

#[derive(Debug, Deserialize)]
pub struct Meta {
    pub status: String,
    pub statuscode: u16,
    pub message: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct AppPassword {
    pub apppassword: Secret,
}

/// The OCS envelope of a failure; its `data` is an empty list.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(code = ocs.meta.statuscode, message = ocs.meta.message)]
pub struct OcsError {
    pub ocs: OcsFailure,
}

#[derive(Debug, Deserialize)]
pub struct OcsFailure {
    pub meta: Meta,
}

const SUCCESS_SAMPLE: &str = r#"{"ocs":{"meta":{"status":"ok","statuscode":200,"message":"OK"},
  "data":{"apppassword":"M1DqHwuZWwjEC3ku7gJsspR7bZXopwf01kj0XGppYVzEkGtbZBRaXlOUxFZdbgJ6ujn8uUxP"}}}"#;

const FAILURE_SAMPLE: &str = r#"{"ocs":{"meta":{"status":"failure","statuscode":997,"message":"Current user is not logged in","totalitems":"","itemsperpage":""},"data":[]}}"#;

fn login() -> Login {
    Login::builder()
        .login_name("alice")
        .password("correct horse")
        .build()
}

#[tokio::test]
async fn sends_a_get_with_basic_credentials_and_the_ocs_header() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request_header(&server, "ocs-apirequest")
            .await
            .as_deref(),
        Some("true")
    );
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "GET",
            "/ocs/v2.php/core/getapppassword",
            Some("format=json"),
            None,
            // base64("alice:correct horse")
            Some("Basic YWxpY2U6Y29ycmVjdCBob3JzZQ=="),
            "",
        )
    );
}

#[tokio::test]
async fn the_app_password_is_the_session() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert!(session.token().expose_secret().starts_with("M1DqHwuZ"));
    assert_eq!(session.response().ocs.meta.statuscode, 200);
}

#[tokio::test]
async fn a_refused_login_has_the_envelopes_code_and_message() {
    let server = server_answering(json_response(401, FAILURE_SAMPLE)).await;
    let error = login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("refused");
    assert_error(
        &error,
        VENDOR,
        ErrorKind::InvalidCredentials,
        401,
        Some(VendorCode::from(997)),
        Some("Current user is not logged in"),
    );
    assert_hidden(
        &format!("{error:?} {error}"),
        &["correct horse", "YWxpY2U6"],
    );
}
