use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct RpcResponse {
    pub result: Option<Secret>,
    pub error: Option<serde_json::Value>,
}

#[login_endpoint(
    vendor = "Zabbix",
    path = "/api_jsonrpc.php",
    method = "user.login",
    constant(jsonrpc = "2.0", id = 1),
    response = RpcResponse,
    token = result,
    body_failure(field = error),
)]
pub struct Login {
    #[login(rename = "params.username")]
    username: String,
    #[login(secret, rename = "params.password")]
    password: Secret,
}

fn main() {}
