use auth_core::{login_endpoint, Secret, VendorError};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct RpcResponse {
    pub result: Option<Secret>,
    pub error: Option<RpcError>,
}

#[derive(Debug, Deserialize)]
pub struct RpcError {
    pub code: u32,
    pub message: String,
    pub data: Option<String>,
}

#[derive(Debug, Deserialize, VendorError)]
#[vendor_error(code = error.code, message = error.data,
    kind(code = -32602 => InvalidCredentials))]
pub struct RpcFailure {
    pub error: RpcError,
}

#[login_endpoint(
    vendor = "Zabbix",
    path = "/api_jsonrpc.php",
    content_type = "application/json-rpc",
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

fn main() {}
