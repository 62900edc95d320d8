//! Jellyfin: a user's login by name and password; the client says who it is in the
//! `Authorization` header's `MediaBrowser` scheme, whose parameters mix the client's constants
//! with the device's own values.
//!
//! Sources: the Jellyfin OpenAPI description (https://api.jellyfin.org/), operation
//! `AuthenticateUserByName`: `POST /Users/AuthenticateByName` with a JSON body of `Username`
//! and `Pw`, answering an `AuthenticationResult` (`User`, `SessionInfo`, `AccessToken`,
//! `ServerId`). The Jellyfin team's description of API authorization (the `MediaBrowser`
//! scheme with `Client`, `Device`, `DeviceId` and `Version`, all required, and its sample
//! header from Jellyfin Web in Firefox).
//!
//! Written from memory of those documents: the header's sample and the answer's shape; the
//! answer is trimmed to a few of its fields. Whether the server wants the parameters
//! URL-encoded is not checked here: the values are sent as given. A refused login is a 401; its
//! body is not documented, so it is not read.
//!
//! Jellyfin is self-hosted, so the declaration has no `base_url`.

use auth_core::{ErrorKind, Secret, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Jellyfin";

/// A user's login from one device. The client's name and version are this client's constants;
/// the device's name and id are the caller's.
#[login_endpoint(
    vendor = "Jellyfin",
    path = "/Users/AuthenticateByName",
    header(
        name = "authorization",
        value = "MediaBrowser Client=\"Jellyfin Web\", Device=\"{device}\", DeviceId=\"{device_id}\", Version=\"10.7.6\""
    ),
    response = AuthenticationResult,
    token = access_token,
)]
pub struct Login {
    /// The device's name, as users see it in the dashboard.
    #[login(in_header = "authorization")]
    device: String,
    /// An id unique to this device and client.
    #[login(in_header = "authorization")]
    device_id: String,
    #[login(rename = "Username")]
    username: String,
    #[login(secret, rename = "Pw")]
    password: Secret,
}

/// The 200 body.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthenticationResult {
    pub user: User,
    pub access_token: Secret,
    pub server_id: String,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct User {
    pub name: String,
    pub id: String,
    pub has_password: bool,
}

const SUCCESS_SAMPLE: &str = r#"{
  "User": {
    "Name": "jellyfin",
    "ServerId": "3ba1d8e1a7104aad9a7ad6b6c1e4b2a0",
    "Id": "4f2b9c8e1d3a4e5f8a6b7c9d0e1f2a3b",
    "HasPassword": true,
    "HasConfiguredPassword": true
  },
  "SessionInfo": { "Id": "8c0c3f7b5e1a4f2d9b6e", "Client": "Jellyfin Web", "DeviceName": "Firefox" },
  "AccessToken": "1c4a5b8e9f0d2a3b4c5d6e7f8a9b0c1d",
  "ServerId": "3ba1d8e1a7104aad9a7ad6b6c1e4b2a0"
}"#;

const DEVICE_ID: &str = "TW96aWxsYS81LjAgKFdpbmRvd3MgTlQgMTAuMDsgV2luNjQ7IHg2NDsgcnY6OTQuMCkgR2Vja28vMjAxMDAxMDEgRmlyZWZveC85NC4wfDE2MzgwNTM2OTI1Njc1";

fn login() -> Login {
    Login::builder()
        .device("Firefox")
        .device_id(DEVICE_ID)
        .username("jellyfin")
        .password("hunter2")
        .build()
}

#[tokio::test]
async fn sends_the_client_in_the_authorization_header_and_the_credentials_in_the_body() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    let expected_authorization = format!(
        r#"MediaBrowser Client="Jellyfin Web", Device="Firefox", DeviceId="{DEVICE_ID}", Version="10.7.6""#
    );
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/Users/AuthenticateByName",
            None,
            Some("application/json"),
            Some(&expected_authorization),
            r#"{"Username":"jellyfin","Pw":"hunter2"}"#,
        )
    );
}

#[tokio::test]
async fn the_access_token_is_the_session() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        session.token().expose_secret(),
        "1c4a5b8e9f0d2a3b4c5d6e7f8a9b0c1d"
    );
    assert_eq!(session.response().user.name, "jellyfin");
}

#[tokio::test]
async fn a_refused_login_is_invalid_credentials_and_debug_shows_the_device_not_the_password() {
    let server = server_answering(json_response(401, "")).await;
    let login = login();
    let error = login
        .send_to(&client(), &server.uri())
        .await
        .expect_err("refused");
    assert_error(
        &error,
        VENDOR,
        ErrorKind::InvalidCredentials,
        401,
        None,
        None,
    );
    let shown = format!("{login:?}");
    assert!(shown.contains("Firefox"), "{shown}");
    assert_hidden(&format!("{shown} {error:?} {error}"), &["hunter2"]);
}

#[tokio::test]
async fn a_device_value_that_cannot_be_in_a_header_is_refused_before_sending() {
    let server = wiremock::MockServer::start().await;
    let error = Login::builder()
        .device("Fire\nfox")
        .device_id(DEVICE_ID)
        .username("jellyfin")
        .password("hunter2")
        .build()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("not sent");
    assert_eq!(error.kind(), ErrorKind::InvalidRequest, "{error:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}
