use auth_core::__private::interpret_response;
use auth_core::{login_endpoint, Secret};

#[derive(Debug, serde::Deserialize)]
pub struct Tokens {
    pub token: Secret,
}

/// A newtype around the body: its field is named by index, as rustc writes it (`0.token`).
#[derive(Debug, serde::Deserialize)]
pub struct LoginResponse(pub Tokens);

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = 0.token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

/// The same path written from the body itself.
#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = self.0.token,
)]
pub struct SelfLogin {
    email: String,
}

fn main() {
    let session = interpret_response::<Login>(200, br#"{"token": "t0k3n"}"#).expect("a session");
    assert_eq!(session.token().expose_secret(), "t0k3n");
    let session = interpret_response::<SelfLogin>(200, br#"{"token": "t0k3n"}"#).expect("a session");
    assert_eq!(session.token().expose_secret(), "t0k3n");
}
