//! Zabbix: `user.login` over the JSON-RPC 2.0 API, whose failures come inside a 200 answer.
//!
//! Sources: the Zabbix manual, "API" reference, method "user.login"
//! (https://www.zabbix.com/documentation/current/en/manual/api/reference/user/login): the
//! request `{"jsonrpc": "2.0", "method": "user.login", "params": {"username": "Admin",
//! "password": "zabbix"}, "id": 1}` sent to the frontend's `api_jsonrpc.php`, and the answer
//! `{"jsonrpc": "2.0", "result": "0424bd59b807674191e7d77572075f33", "id": 1}`. The manual's
//! "API" overview (https://www.zabbix.com/documentation/current/en/manual/api), section "Error
//! handling", for the failure: an `error` object with `code`, `message` and `data` in place of
//! `result`; its sample is `-32602`, `"Invalid params."`, `"No groups for host \"Linux
//! server\"."`. The overview lists `application/json` among the accepted content types.
//!
//! The codes are JSON-RPC's, and the manual does not say which ones a failed login gives, so a
//! failure keeps the kind `Rejected` with the vendor's code and message. Zabbix is self-hosted,
//! so the declaration has no `base_url`.

use auth_core::{ErrorKind, Secret, VendorCode, VendorError, login_endpoint};
use serde::Deserialize;

use super::{
    OnTheWire, assert_error, assert_hidden, client, json_response, server_answering, the_request,
};

const VENDOR: &str = "Zabbix";

/// `user.login`: the JSON-RPC envelope is constant; the credentials go under `params`.
#[login_endpoint(
    vendor = "Zabbix",
    path = "/api_jsonrpc.php",
    constant(jsonrpc = "2.0", method = "user.login", id = 1),
    response = RpcResponse,
    token = result,
    error_body = RpcFailure,
    body_failure(field = error),
)]
pub struct Login {
    #[login(rename = "params.username")]
    username: String,
    #[login(secret, rename = "params.password")]
    password: Secret,
}

/// A JSON-RPC answer: `result` or `error`.
#[derive(Debug, Deserialize)]
pub struct RpcResponse {
    pub jsonrpc: String,
    /// The authentication token.
    pub result: Option<Secret>,
    pub error: Option<RpcError>,
    pub id: i64,
}

/// A JSON-RPC failure: `data` says what happened; `message` is the JSON-RPC code's generic
/// name.
#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(code = error.code, message = error.data)]
pub struct RpcFailure {
    pub error: RpcError,
}

/// The `error` object.
#[derive(Debug, Deserialize)]
pub struct RpcError {
    pub code: i64,
    pub message: String,
    pub data: Option<String>,
}

/// The manual's answer to `user.login`, verbatim.
const SUCCESS_SAMPLE: &str = r#"{
    "jsonrpc": "2.0",
    "result": "0424bd59b807674191e7d77572075f33",
    "id": 1
}"#;

/// The overview's error sample, verbatim.
const ERROR_SAMPLE: &str = r#"{
    "jsonrpc": "2.0",
    "error": {
        "code": -32602,
        "message": "Invalid params.",
        "data": "No groups for host \"Linux server\"."
    },
    "id": 7
}"#;

fn login() -> Login {
    Login::builder()
        .username("Admin")
        .password("zabbix")
        .build()
}

#[tokio::test]
async fn sends_the_json_rpc_envelope_with_the_credentials_under_params() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    login()
        .send_to(&client(), &format!("{}/zabbix", server.uri()))
        .await
        .expect("the login succeeds");
    assert_eq!(
        the_request(&server).await,
        OnTheWire::new(
            "POST",
            "/zabbix/api_jsonrpc.php",
            None,
            Some("application/json"),
            None,
            r#"{"jsonrpc":"2.0","method":"user.login","id":1,"params":{"username":"Admin","password":"zabbix"}}"#,
        )
    );
}

#[tokio::test]
async fn the_documented_answer_gives_a_session() {
    let server = server_answering(json_response(200, SUCCESS_SAMPLE)).await;
    let session = login()
        .send_to(&client(), &server.uri())
        .await
        .expect("the login succeeds");
    assert_eq!(session.vendor(), VENDOR);
    assert_eq!(
        session.token().expose_secret(),
        "0424bd59b807674191e7d77572075f33"
    );
    assert_eq!(session.response().id, 1);
}

#[tokio::test]
async fn the_documented_error_in_a_200_is_rejected_with_code_and_message() {
    let server = server_answering(json_response(200, ERROR_SAMPLE)).await;
    let error = login()
        .send_to(&client(), &server.uri())
        .await
        .expect_err("the login fails");
    assert_error(
        &error,
        VENDOR,
        ErrorKind::Rejected,
        200,
        Some(VendorCode::from(-32602)),
        Some("No groups for host \"Linux server\"."),
    );
}

#[test]
fn debug_shows_the_envelope_and_hides_the_password() {
    let login = Login::builder()
        .username("Admin")
        .password("zbx-password-62c")
        .build();
    let debug = format!("{login:?}");
    for shown in [
        r#"jsonrpc: "2.0""#,
        r#"method: "user.login""#,
        "id: 1",
        "Admin",
    ] {
        assert!(debug.contains(shown), "{shown} in {debug}");
    }
    assert_hidden(&debug, &["zbx-password-62c"]);
}
