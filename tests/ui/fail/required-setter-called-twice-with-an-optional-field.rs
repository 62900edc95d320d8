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
    email: String,
    #[login(secret)]
    password: Secret,
    scope: Option<String>,
}

fn main() {
    let _login = Login::builder()
        .password("hunter2")
        .scope("read")
        .email("me@example.com")
        .password("hunter3")
        .build();
}
