use auth_core::{login_endpoint, LoginEndpoint, Secret};

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
    #[login(secret, header = "X-Secret")]
    api_secret: Secret,
    #[login(header = "x-tenant")]
    tenant: Option<String>,
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let login = Login::builder()
        .api_secret("application-secret")
        .email("me@example.com")
        .password("hunter2")
        .build();
    let debug = format!("{login:?}");
    assert!(!debug.contains("application-secret"), "{debug}");
    assert!(debug.contains("tenant: None"), "{debug}");
    // Header fields are not declared headers: they are taken from the request.
    assert!(<Login as LoginEndpoint>::SPEC.headers().is_empty());
}
