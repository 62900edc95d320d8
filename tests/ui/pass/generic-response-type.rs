use auth_core::{login_endpoint, LoginEndpoint, Secret};

#[derive(serde::Deserialize)]
pub struct Envelope<T> {
    pub data: T,
}

#[derive(serde::Deserialize)]
pub struct Data {
    pub token: Secret,
}

/// A response type with generic arguments is named as it is written, without an alias.
#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = Envelope<Data>,
    token = data.token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    scope: Option<String>,
}

fn main() {
    assert_eq!(<Login as LoginEndpoint>::SPEC.vendor(), "Example");
    // An optional setter may be called again: the last call wins.
    let login = Login::builder()
        .scope("read")
        .email("me@example.com")
        .scope("write")
        .password("hunter2")
        .build();
    assert!(format!("{login:?}").contains("write"));
}
