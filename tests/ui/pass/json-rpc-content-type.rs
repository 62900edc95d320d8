use auth_core::{login_endpoint, LoginEndpoint, Secret};

#[derive(serde::Deserialize)]
pub struct RpcResponse {
    pub result: Option<Secret>,
    pub error: Option<serde_json::Value>,
}

/// A JSON type named otherwise than `application/json`.
#[login_endpoint(
    vendor = "JSON-RPC",
    base_url = "https://rpc.example.com",
    path = "/api",
    content_type = "application/json-rpc",
    constant(jsonrpc = "2.0", method = "login"),
    response = RpcResponse,
    token = result,
    body_failure(field = error),
)]
pub struct Login {
    #[login(rename = "params.user")]
    user: String,
    #[login(secret, rename = "params.password")]
    password: Secret,
}

fn main() {
    assert_eq!(
        <Login as LoginEndpoint>::SPEC.content_type(),
        Some("application/json-rpc")
    );
}
