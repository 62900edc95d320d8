use auth_core::{login_endpoint, BodyFormat, LoginEndpoint, Secret};

#[derive(serde::Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
}

/// An OAuth 2.0 password grant: a form body with constants, renamed and optional fields.
#[login_endpoint(
    vendor = "Example IdP",
    base_url = "https://idp.example.com",
    path = "/oauth/token",
    body = form,
    content_type = "application/x-www-form-urlencoded;charset=UTF-8",
    constant(grant_type = "password", scope = ["openid", "profile"]),
    response = TokenResponse,
    token = access_token,
)]
pub struct Login {
    #[login(rename = "client_id")]
    client: String,
    #[login(secret)]
    client_secret: Option<Secret>,
    username: String,
    #[login(secret)]
    password: Secret,
    #[login(rename = "acr_values")]
    acr: Option<String>,
    attempt: Option<u32>,
}

fn main() {
    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(spec.body_format(), BodyFormat::Form);
    assert_eq!(
        spec.content_type(),
        Some("application/x-www-form-urlencoded;charset=UTF-8")
    );
    // An array repeats its key.
    assert_eq!(
        spec.form(),
        &[("grant_type", "password"), ("scope", "openid"), ("scope", "profile")]
    );
    let login = Login::builder()
        .client("app")
        .username("me")
        .password("hunter2")
        .maybe_client_secret(None)
        .attempt(2)
        .build();
    let debug = format!("{login:?}");
    assert!(debug.contains(r#"grant_type: "password""#), "{debug}");
    assert!(debug.contains(r#"scope: ["openid", "profile"]"#), "{debug}");
    assert!(!debug.contains("hunter2"), "{debug}");
}
