use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

/// Serialized into the body, with no `Debug` of its own.
#[derive(serde::Serialize)]
pub struct Device {
    pub id: String,
    pub platform: String,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    device: Device,
    previous: Option<Device>,
}

fn main() {
    // A field needs `Serialize` to be sent, not `Debug`: without one it is shown as `..`.
    let device = || Device {
        id: "d-1".to_owned(),
        platform: "ios".to_owned(),
    };
    let builder = Login::builder()
        .email("me@example.com")
        .maybe_previous(Some(device()));
    assert_eq!(
        format!("{builder:?}"),
        "LoginBuilder { email: \"me@example.com\", password: <unset>, device: <unset>, previous: .. }"
    );
    let login = builder.password("hunter2").device(device()).build();
    assert_eq!(
        format!("{login:?}"),
        "Login { email: \"me@example.com\", password: [REDACTED], device: .., previous: .. }"
    );
}
