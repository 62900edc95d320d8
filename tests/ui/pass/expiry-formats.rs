use std::time::{Duration, SystemTime};

use auth_core::__private::interpret_response;
use auth_core::{
    login_endpoint, Expiry, LoginEndpoint, Secret, Source, TimeFormat, TimeUnit,
};

#[derive(serde::Deserialize)]
pub struct Relative {
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
    pub expires_in: u64,
    pub refresh_expires_in: Option<u64>,
}

/// Seconds from now, for the token and for the refresh token.
#[login_endpoint(
    vendor = "Relative",
    base_url = "https://idp.example.com",
    path = "/token",
    response = Relative,
    token = access_token,
    refresh_token = refresh_token,
    expires_in = expires_in,
    refresh_expires_in = refresh_expires_in,
)]
pub struct RelativeLogin {
    username: String,
}

#[derive(serde::Deserialize)]
pub struct Millis {
    pub data: MillisData,
}

#[derive(serde::Deserialize)]
pub struct MillisData {
    pub access_token: Secret,
    pub expires: u64,
}

/// Milliseconds from now.
#[login_endpoint(
    vendor = "Millis",
    base_url = "https://cms.example.com",
    path = "/auth/login",
    response = Millis,
    token = data.access_token,
    expires_in(millis = data.expires),
)]
pub struct MillisLogin {
    email: String,
}

#[derive(serde::Deserialize)]
pub struct Unix {
    pub token: Secret,
    /// Seconds since the epoch, sent as a string.
    pub exp: String,
}

/// A Unix time, as a numeric string.
#[login_endpoint(
    vendor = "Unix",
    base_url = "https://cms.example.com",
    path = "/api/users/login",
    response = Unix,
    token = token,
    expires_at(unix_seconds = exp),
    lifetime = "2h",
)]
pub struct UnixLogin {
    email: String,
}

fn main() {
    let relative = <RelativeLogin as LoginEndpoint>::SPEC.response();
    assert_eq!(
        relative.expiry(),
        Some(Expiry::In(Source::Body("expires_in"), TimeUnit::Seconds))
    );
    assert_eq!(
        relative.refresh_expiry(),
        Some(Expiry::In(Source::Body("refresh_expires_in"), TimeUnit::Seconds))
    );
    let session = interpret_response::<RelativeLogin>(
        200,
        br#"{"access_token":"a","refresh_token":"r","expires_in":300,"refresh_expires_in":1800}"#,
    )
    .unwrap();
    let issued = session.issued_at();
    assert_eq!(session.expires_at(), Some(issued + Duration::from_secs(300)));
    assert_eq!(session.refresh_expires_at(), Some(issued + Duration::from_secs(1800)));
    // The typed response keeps the vendor's numbers.
    assert_eq!(session.response().expires_in, 300);

    assert_eq!(
        <MillisLogin as LoginEndpoint>::SPEC.response().expiry(),
        Some(Expiry::In(Source::Body("data.expires"), TimeUnit::Millis))
    );
    let session =
        interpret_response::<MillisLogin>(200, br#"{"data":{"access_token":"a","expires":900000}}"#)
            .unwrap();
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(900))
    );

    assert_eq!(
        <UnixLogin as LoginEndpoint>::SPEC.response().expiry(),
        Some(Expiry::At(Source::Body("exp"), TimeFormat::UnixSeconds))
    );
    let session = interpret_response::<UnixLogin>(200, br#"{"token":"t","exp":"1733083200"}"#).unwrap();
    assert_eq!(
        session.expires_at(),
        Some(SystemTime::UNIX_EPOCH + Duration::from_secs(1_733_083_200))
    );
    // Zero states nothing: the documented lifetime applies.
    let session = interpret_response::<UnixLogin>(200, br#"{"token":"t","exp":"0"}"#).unwrap();
    assert_eq!(
        session.expires_at(),
        Some(session.issued_at() + Duration::from_secs(7200))
    );
}
