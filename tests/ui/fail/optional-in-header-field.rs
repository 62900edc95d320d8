use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/login",
    header(name = "authorization", value = "MediaBrowser DeviceId=\"{device_id}\""),
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    #[login(in_header = "authorization")]
    device_id: Option<String>,
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
