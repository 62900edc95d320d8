use std::time::{Duration, SystemTime};

use auth_core::__private::interpret_response_with_headers;
use auth_core::{login_endpoint, Expiry, LoginEndpoint, Secret, Source, TimeFormat};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Token,
}

#[derive(serde::Deserialize)]
pub struct Token {
    pub expires_at: String,
}

/// The token arrives in a header; the body states when it expires.
#[login_endpoint(
    vendor = "Identity",
    base_url = "https://identity.example.com",
    path = "/v3/auth/tokens",
    response = LoginResponse,
    token = header("X-Subject-Token"),
    expires_at = token.expires_at,
)]
pub struct Login {
    name: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let spec = <Login as LoginEndpoint>::SPEC.response();
    // Header names are read in lowercase.
    assert_eq!(spec.token(), Source::Header("x-subject-token"));
    assert_eq!(
        spec.expiry(),
        Some(Expiry::At(Source::Body("token.expires_at"), TimeFormat::Rfc3339))
    );
    let session = interpret_response_with_headers::<Login>(
        201,
        &[("X-Subject-Token", "gAAAAABf-subject-token")],
        br#"{"token": {"expires_at": "2030-01-01T00:00:00Z"}}"#,
    )
    .expect("a session");
    assert_eq!(session.token().expose_secret(), "gAAAAABf-subject-token");
    assert_eq!(
        session.expires_at(),
        Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_893_456_000))
    );
    assert_eq!(session.response().token.expires_at, "2030-01-01T00:00:00Z");
}
