use auth_core::__private::interpret_response;
use auth_core::{login_endpoint, ErrorKind, Secret, VendorError};

/// Every answer has this shape; `error` is set when the login failed.
#[derive(Debug, serde::Deserialize, VendorError)]
pub struct LoginResponse {
    #[serde(default)]
    pub token: Option<Secret>,
    #[serde(default)]
    #[vendor_error(message)]
    pub error: Option<String>,
}

/// The response type is also the error body: a failure in a 200 is read from the response
/// already decoded, and a non-2xx body is read as the same type.
#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    error_body = LoginResponse,
    body_failure(field = error),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let session = interpret_response::<Login>(200, br#"{"token": "t0k3n"}"#).unwrap();
    assert_eq!(session.token().expose_secret(), "t0k3n");

    let failed = interpret_response::<Login>(200, br#"{"error": "bad password"}"#).unwrap_err();
    assert_eq!(failed.kind(), ErrorKind::Rejected);
    assert_eq!(failed.message(), Some("bad password"));

    let failed = interpret_response::<Login>(401, br#"{"error": "bad password"}"#).unwrap_err();
    assert_eq!(failed.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(failed.status(), Some(401));
    assert_eq!(failed.message(), Some("bad password"));
}
