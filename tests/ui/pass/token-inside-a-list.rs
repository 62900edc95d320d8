use std::time::Duration;

use auth_core::__private::interpret_response;
use auth_core::{login_endpoint, ErrorKind, Secret};

#[derive(Debug, serde::Deserialize)]
pub struct LoginResponse {
    pub data: Data,
    pub results: Vec<Result>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Data {
    pub sessions: Vec<Session>,
}

#[derive(Debug, serde::Deserialize)]
pub struct Session {
    pub token: Secret,
    pub refresh: Option<Secret>,
    pub expires_in: u64,
}

#[derive(Debug, serde::Deserialize)]
pub struct Result {
    pub status: String,
}

/// The session is the first of a list; so is the status that says whether the login passed.
#[login_endpoint(
    vendor = "Listed Sessions",
    base_url = "https://auth.example.com",
    path = "/login",
    response = LoginResponse,
    token = data.sessions[0].token,
    refresh_token = data.sessions[0].refresh,
    expires_in = data.sessions[0].expires_in,
    body_failure(field = results[0].status, success = "ok", kind = InvalidCredentials),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let session = interpret_response::<Login>(
        200,
        br#"{"data": {"sessions": [{"token": "t0k3n", "refresh": "r3fr3sh", "expires_in": 900}, {"token": "other", "expires_in": 1}]},
            "results": [{"status": "ok"}]}"#,
    )
    .expect("a session");
    assert_eq!(session.token().expose_secret(), "t0k3n");
    assert_eq!(session.refresh_token().unwrap().expose_secret(), "r3fr3sh");
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(900))
    );

    // No element: the token is absent, named as written.
    let error = interpret_response::<Login>(
        200,
        br#"{"data": {"sessions": []}, "results": [{"status": "ok"}]}"#,
    )
    .unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert!(error
        .detail()
        .unwrap()
        .contains("`data.sessions[0].token` of `LoginResponse`"));

    // A status other than "ok", or none at all, is a failure.
    for body in [
        br#"{"data": {"sessions": []}, "results": [{"status": "denied"}]}"#.as_slice(),
        br#"{"data": {"sessions": []}, "results": []}"#.as_slice(),
    ] {
        let error = interpret_response::<Login>(200, body).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    }
}
