use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct TokenResponse {
    pub sha1: Secret,
}

/// The username fills the path's `{username}` and is the Basic user; `name` and `scopes`, with
/// no placement key, are the body.
#[login_endpoint(
    vendor = "Gitea",
    base_url = "https://gitea.example.com",
    path = "/api/v1/users/{username}/tokens",
    response = TokenResponse,
    token = sha1,
)]
pub struct CreateToken {
    #[login(path, basic_auth = user)]
    username: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
    name: String,
    scopes: Vec<String>,
}

/// A secret key sent as a header and, because `body` is written, in the body under its
/// `rename`.
#[login_endpoint(
    vendor = "Header And Body",
    base_url = "https://api.example.com",
    path = "/login",
    response = TokenResponse,
    token = sha1,
)]
pub struct KeyLogin {
    #[login(secret, header = "x-api-key", body, rename = "apiKey")]
    api_key: Secret,
    #[login(query, header = "x-tenant")]
    tenant: String,
}

fn main() {
    let login = CreateToken::builder()
        .username("alice")
        .password("hunter2")
        .name("ci")
        .scopes(vec!["read:user".to_owned()])
        .build();
    let debug = format!("{login:?}");
    assert!(debug.contains(r#"username: "alice""#), "{debug}");
    assert!(!debug.contains("hunter2"), "{debug}");

    let login = KeyLogin::builder().api_key("k-123").tenant("acme").build();
    let debug = format!("{login:?}");
    assert!(debug.contains(r#"tenant: "acme""#), "{debug}");
    assert!(!debug.contains("k-123"), "{debug}");
}
