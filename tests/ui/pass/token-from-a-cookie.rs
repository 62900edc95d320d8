use auth_core::__private::interpret_response_with_headers;
use auth_core::{login_endpoint, ErrorKind, Expiry, LoginEndpoint, Secret, Source, TextBody};

/// A plain-text answer, `Ok.` or `Fails.`; the session is the `SID` cookie, whose `Max-Age`
/// is the expiry.
#[login_endpoint(
    vendor = "Appliance",
    base_url = "https://appliance.example.com",
    path = "/api/login",
    response = TextBody,
    token = cookie("SID"),
    expires_at = cookie("SID"),
    lifetime = "1h",
    error_body = TextBody,
    body_failure(field = text, success = "Ok.", kind = InvalidCredentials),
)]
pub struct Login {
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let spec = <Login as LoginEndpoint>::SPEC.response();
    assert_eq!(spec.token(), Source::Cookie("SID"));
    assert_eq!(spec.expiry(), Some(Expiry::OfCookie("SID")));
    assert_eq!(spec.body_failure_kind(), ErrorKind::InvalidCredentials);

    let session = interpret_response_with_headers::<Login>(
        200,
        &[("set-cookie", "SID=s3ss10n-id; HttpOnly; path=/; Max-Age=3600")],
        b"Ok.",
    )
    .expect("a session");
    assert_eq!(session.token().expose_secret(), "s3ss10n-id");
    assert_eq!(session.response().text, "Ok.");

    let error = interpret_response_with_headers::<Login>(200, &[], b"Fails.").unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidCredentials);
    assert_eq!(error.message(), Some("Fails."));
}
