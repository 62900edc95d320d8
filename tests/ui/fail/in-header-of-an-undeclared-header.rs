use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/login",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    #[login(in_header = "x-emby-authorization")]
    device_id: String,
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
