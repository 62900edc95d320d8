use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/users/{username}/tokens",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    #[login(path, basic_auth = user, basic_auth = password)]
    username: String,
    #[login(secret, basic_auth = password)]
    password: Secret,
    name: String,
}

fn main() {}
