use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[derive(serde::Serialize)]
pub struct Device {
    pub id: String,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
    header(name = "x-device", value = "id={device}"),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
    #[login(in_header = "x-device")]
    device: Device,
}

fn main() {}
