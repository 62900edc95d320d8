use auth_core::__private::request_headers;
use auth_core::{login_endpoint, LoginEndpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    #[serde(rename = "AccessToken")]
    pub access_token: Secret,
}

/// A header whose value mixes declared text with fields' values; braces around what is not a
/// name stay as written.
#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/Users/AuthenticateByName",
    header(
        name = "Authorization",
        value = "MediaBrowser Client=\"Acme\", Device=\"{device}\", DeviceId=\"{device_id}\", Version=\"1.0\""
    ),
    header(name = "x-signed", value = "key={api_key}; {\"v\": 1}"),
    header(name = "accept", value = "application/json"),
    response = LoginResponse,
    token = access_token,
)]
pub struct Login {
    #[login(in_header = "authorization")]
    device: String,
    #[login(in_header = "authorization")]
    device_id: u32,
    #[login(secret, in_header = "x-signed")]
    api_key: Secret,
    #[login(rename = "Username")]
    username: String,
    #[login(secret, rename = "Pw")]
    password: Secret,
}

fn main() {
    let login = Login::builder()
        .device("Firefox")
        .device_id(42)
        .api_key("k3y")
        .username("me")
        .password("hunter2")
        .build();
    let headers = request_headers(&login).expect("the headers");
    assert_eq!(
        headers["authorization"],
        r#"MediaBrowser Client="Acme", Device="Firefox", DeviceId="42", Version="1.0""#
    );
    assert_eq!(headers["x-signed"], r#"key=k3y; {"v": 1}"#);
    assert!(headers["x-signed"].is_sensitive());
    assert!(!headers["authorization"].is_sensitive());
    // Only the header without placeholders is declared as it is.
    assert_eq!(<Login as LoginEndpoint>::SPEC.headers(), &[("accept", "application/json")]);
    let debug = format!("{login:?}");
    assert!(debug.contains("Firefox") && !debug.contains("k3y"), "{debug}");
}
