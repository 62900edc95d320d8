use auth_core::{login_endpoint, BodyFormat, LoginEndpoint, Secret};

#[derive(serde::Deserialize)]
pub struct TokenResponse {
    pub token: Secret,
}

/// HTTP Basic credentials and no body.
#[login_endpoint(
    vendor = "Basic Vendor",
    base_url = "https://api.example.com",
    path = "/v1/sessions",
    body = none,
    response = TokenResponse,
    token = token,
)]
pub struct Login {
    #[login(basic_auth = user)]
    username: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
    #[login(header = "x-device")]
    device: Option<String>,
}

fn main() {
    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(spec.body_format(), BodyFormat::None);
    assert_eq!(spec.content_type(), None);
    let login = Login::builder().username("me").password("hunter2").build();
    let debug = format!("{login:?}");
    assert!(debug.contains(r#"username: "me""#), "{debug}");
    assert!(!debug.contains("hunter2"), "{debug}");
}
