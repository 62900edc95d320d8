use auth_core::{login_endpoint, LoginEndpoint, Secret};

#[derive(serde::Deserialize)]
pub struct StatusResponse {
    pub token: Option<Secret>,
    pub status: String,
}

/// A string `success` value is compared as a string.
#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = StatusResponse,
    token = token,
    body_failure(field = status, success = "ok"),
)]
pub struct StatusLogin {
    #[login(secret)]
    key: Secret,
}

#[derive(serde::Deserialize)]
pub struct ErrorResponse {
    pub token: Option<Secret>,
    pub error: Option<String>,
}

/// Without `success`, the field's presence means failure.
#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = ErrorResponse,
    token = token,
    body_failure(field = error),
)]
pub struct ErrorLogin {
    #[login(secret)]
    key: Secret,
}

fn main() {
    let ok: StatusResponse = serde_json::from_str(r#"{"token": "t", "status": "ok"}"#).unwrap();
    let failed: StatusResponse = serde_json::from_str(r#"{"status": "denied"}"#).unwrap();
    assert!(!<StatusLogin as LoginEndpoint>::__body_failed(&ok));
    assert!(<StatusLogin as LoginEndpoint>::__body_failed(&failed));

    let ok: ErrorResponse = serde_json::from_str(r#"{"token": "t"}"#).unwrap();
    let failed: ErrorResponse = serde_json::from_str(r#"{"error": "bad password"}"#).unwrap();
    assert!(!<ErrorLogin as LoginEndpoint>::__body_failed(&ok));
    assert!(<ErrorLogin as LoginEndpoint>::__body_failed(&failed));
}
