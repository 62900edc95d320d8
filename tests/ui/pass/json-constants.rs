use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct RpcResponse {
    pub result: Option<Secret>,
    pub error: Option<serde_json::Value>,
}

/// Constants of every kind in a JSON body, nested by dotted keys, next to nested fields.
#[login_endpoint(
    vendor = "JSON-RPC",
    base_url = "https://rpc.example.com",
    path = "/api",
    constant(
        jsonrpc = "2.0",
        method = "user.login",
        id = 1,
        params.userData = false,
        params.methods = ["password", 2, -3, 1.5, true],
        "key.with.dots" = -7,
    ),
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

fn main() {
    let login = Login::builder().username("Admin").password("zabbix").build();
    let debug = format!("{login:?}");
    for shown in [
        r#"jsonrpc: "2.0""#,
        "id: 1",
        "params.userData: false",
        r#"params.methods: ["password", 2, -3, 1.5, true]"#,
        "key.with.dots: -7",
    ] {
        assert!(debug.contains(shown), "{shown} in {debug}");
    }
    assert!(!debug.contains("zabbix"), "{debug}");
}
