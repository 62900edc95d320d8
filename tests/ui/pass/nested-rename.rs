use auth_core::{login_endpoint, Secret};

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
    #[login(rename = "user.email")]
    email: String,
    #[login(rename = "user.organizationId")]
    organization_id: Option<u64>,
    #[login(secret, rename = "password.value")]
    password: Secret,
}

fn main() {
    let login = Login::builder()
        .password("tokenized")
        .email("me@example.com")
        .organization_id(7)
        .build();
    let debug = format!("{login:?}");
    assert!(debug.contains("organization_id: Some(7)"), "{debug}");
    assert!(!debug.contains("tokenized"), "{debug}");
}
