//! Proxmox VE: a ticket for the web API, from a user's name, realm and password.
//!
//! Sources: the Proxmox VE API viewer, `/access/ticket`, method `POST` "Create or verify
//! authentication ticket" (https://pve.proxmox.com/pve-docs/api-viewer/#/access/ticket): form
//! parameters `username` (required), `password` (required), the optional `realm` and `otp`;
//! the answer's `data` holds `username`, `ticket` and `CSRFPreventionToken`. The Proxmox VE
//! wiki, "Proxmox VE API", section "Authentication" (https://pve.proxmox.com/wiki/Proxmox_VE_API):
//! its `curl` sample posting `username=root@pam` and the password to
//! `/api2/json/access/ticket`, the sample answer, and that a ticket is valid for two hours.
//!
//! The sample answer is the wiki's, written from memory (the ticket is cut short there too). A
//! refused login is `401 authentication failure`, the reason in the status line and a body of
//! `{"data":null}`; that answer is written from memory of the server's behaviour. The CSRF
//! token, needed for writes, stays in the typed response as a `Secret`.
//!
//! Proxmox VE is self-hosted (port 8006), so the declaration has no `base_url`.

use std::time::Duration;

use auth_core::{ErrorKind, Secret, login_endpoint};
use serde::Deserialize;

use super::{OnTheWire, assert_error, client, json_response, server_answering, the_request};

const VENDOR: &str = "Proxmox VE";

/// A ticket for a user of a realm.
#[login_endpoint(
    vendor = "Proxmox VE",
    path = "/api2/json/access/ticket",
    body = form,
    response = TicketResponse,
    token = data.ticket,
    lifetime = "2h",
)]
pub struct Login {
    /// `root@pam`, or a name without the realm when `realm` is given.
    username: String,
    #[login(secret)]
    password: Secret,
    realm: Option<String>,
    /// A one-time password, for a user with two factors.
    #[login(secret)]
    otp: Option<Secret>,
}

/// The 200 body.
#[derive(Debug, Deserialize)]
pub struct TicketResponse {
    pub data: Ticket,
}

#[derive(Debug, Deserialize)]
pub struct Ticket {
    pub username: String,
    pub ticket: Secret,
    #[serde(rename = "CSRFPreventionToken")]
    pub csrf_prevention_token: Secret,
    pub clustername: Option<String>,
}

const SUCCESS_SAMPLE: &str = r#"{ "data": {
  "CSRFPreventionToken":"4EEC61E2:lwk7od06fa1+DcPUwBTXCcndyAY",
  "ticket":"PVE:root@pam:4EEC61E2::rsKoApxDTLYPn6H3NNT6iP2mv...",
  "username":"root@pam"}}"#;

fn login() -> Login {
    Login::builder()
        .username("root@pam")
        .password("xxxxxxxxx")
        .build()
}

#[tokio::test]
async fn sends_the_documented_form() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/api2/json/access/ticket",
            None,
            Some("application/x-www-form-urlencoded"),
            None,
            "username=root%40pam&password=xxxxxxxxx",
        )
    );
}

#[tokio::test]
async fn the_ticket_lasts_the_documented_two_hours_and_the_csrf_token_is_kept() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(
        session.token().expose_secret(),
        "PVE:root@pam:4EEC61E2::rsKoApxDTLYPn6H3NNT6iP2mv..."
    );
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(2 * 60 * 60))
    );
    let data = &session.response().data;
    assert_eq!(
        data.csrf_prevention_token.expose_secret(),
        "4EEC61E2:lwk7od06fa1+DcPUwBTXCcndyAY"
    );
    assert_eq!(data.username, "root@pam");
}

#[tokio::test]
async fn a_refused_login_is_invalid_credentials() {
    let server = server_answering(json_response(401, r#"{"data":null}"#)).await;
    let error = login()
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
}
