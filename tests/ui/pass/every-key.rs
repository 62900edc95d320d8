use std::time::Duration;

use auth_core::{login_endpoint, ErrorKind, LoginEndpoint, Method, Secret, VendorError};

#[derive(serde::Deserialize)]
pub struct Data {
    pub token: Secret,
    pub refresh_token: Option<Secret>,
}

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub data: Data,
    pub expires_at: Option<String>,
    pub status: i32,
}

#[derive(serde::Deserialize)]
pub struct ErrorBody {
    pub message: Option<String>,
}

impl VendorError for ErrorBody {
    fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }
}

/// Every key of the attribute at once.
#[login_endpoint(
    vendor = "Every Key",
    base_url = "https://api.example.com/v2",
    path = "/auth/login",
    method = "PUT",
    content_type = "application/vnd.example+json; charset=utf-8",
    header(name = "Accept", value = "application/json"),
    header(name = "x-client", value = "ui-test"),
    response = LoginResponse,
    token = data.token,
    refresh_token = data.refresh_token,
    expires_at = expires_at,
    lifetime = "1h30m",
    idle_timeout = "5m",
    lockout = "1d",
    error_body = ErrorBody,
    status(400 => InvalidRequest, 401 | 404 => InvalidCredentials, 423 => Locked),
    body_failure(field = status, success = -1),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(spec.vendor(), "Every Key");
    assert_eq!(spec.method(), Method::Put);
    assert_eq!(spec.base_url(), Some("https://api.example.com/v2"));
    assert_eq!(spec.path(), "/auth/login");
    assert_eq!(spec.content_type(), Some("application/vnd.example+json; charset=utf-8"));
    // Header names are sent in lowercase.
    assert_eq!(
        spec.headers(),
        &[("accept", "application/json"), ("x-client", "ui-test")]
    );
    assert_eq!(spec.kind_for_status(404), ErrorKind::InvalidCredentials);
    assert_eq!(spec.kind_for_status(423), ErrorKind::Locked);
    assert_eq!(spec.lifetime().fixed, Some(Duration::from_secs(5400)));
    assert_eq!(spec.lifetime().idle, Some(Duration::from_secs(300)));
    assert_eq!(spec.lockout(), Some(Duration::from_secs(86_400)));

    let login = Login::builder().password("pw").email("me@example.com").build();
    assert!(!format!("{login:?}").contains("pw\""));
}
