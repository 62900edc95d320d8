use auth_core::{blocking, login_endpoint, Secret};

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

fn login(client: &blocking::LoginClient) {
    let login = Login::builder().email("me@example.com").password("hunter2").build();
    let _ = client.login(login);
}

fn main() {}
