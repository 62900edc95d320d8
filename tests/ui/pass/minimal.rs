use auth_core::{login_endpoint, LoginClient, LoginEndpoint, Method, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
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
}

fn main() {
    let login = Login::builder()
        .email("me@example.com")
        .password("hunter2")
        .build();
    let debug = format!("{login:?}");
    assert!(debug.contains("me@example.com"), "{debug}");
    assert!(!debug.contains("hunter2"), "{debug}");

    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(spec.vendor(), "Example");
    assert_eq!(spec.method(), Method::Post);
    assert_eq!(spec.content_type(), Some("application/json"));
    assert!(spec.statuses().is_empty());

    // The futures of `send` and `send_to` can be spawned on a multi-threaded runtime.
    let client = LoginClient::new().unwrap();
    assert_send(login.send(&client));
    assert_send(login.send_to(&client, "http://127.0.0.1:1"));
}

fn assert_send<T: Send>(_: T) {}
