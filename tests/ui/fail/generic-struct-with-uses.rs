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
pub struct Login<T> {
    email: T,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let login: Login<String> = Login::builder().email("me@example.com").password("hunter2").build();
    let client = auth_core::LoginClient::new().unwrap();
    let _ = login.send(&client);
    let _ = format!("{login:?}");
}
