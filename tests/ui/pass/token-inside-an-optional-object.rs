use std::time::Duration;

use auth_core::__private::interpret_response;
use auth_core::{login_endpoint, ErrorKind, Secret};

#[derive(Debug, serde::Deserialize)]
pub struct SignInResponse {
    pub session: Option<Session>,
    pub mfa: Option<serde_json::Value>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Session {
    pub access_token: Secret,
    pub expires_in: u64,
}

/// The token is inside an object that a challenge answer leaves out.
#[login_endpoint(
    vendor = "Optional Session",
    base_url = "https://auth.example.com",
    path = "/signin",
    response = SignInResponse,
    token = session.access_token,
    expires_in = session.expires_in,
    body_failure(field = mfa, kind = Forbidden),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let session = interpret_response::<Login>(
        200,
        br#"{"session": {"access_token": "t0k3n", "expires_in": 900}}"#,
    )
    .expect("a session");
    assert_eq!(session.token().expose_secret(), "t0k3n");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(900))
    );

    let error = interpret_response::<Login>(200, br#"{"mfa": {"ticket": "x"}}"#).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Forbidden);

    let error = interpret_response::<Login>(200, br#"{}"#).unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(error
        .detail()
        .unwrap()
        .contains("a non-empty token at `session.access_token` of `SignInResponse`"));
}
