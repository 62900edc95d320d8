use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct RpcResponse {
    pub result: Option<Secret>,
}

#[login_endpoint(
    vendor = "Zabbix",
    base_url = "https://zabbix.example.com",
    path = "/api_jsonrpc.php",
    content_type = "application/json-rpc",
    constant(jsonrpc = "2.0", method = "user.login", id = 1, params = "{}"),
    response = RpcResponse,
    token = result,
)]
pub struct Login {
    #[login(rename = "params.username")]
    username: String,
    #[login(secret, rename = "params.password")]
    password: Secret,
}

fn main() {}
