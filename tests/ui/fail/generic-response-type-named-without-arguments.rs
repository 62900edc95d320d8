use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct Envelope<T> {
    pub data: T,
}

#[derive(serde::Deserialize)]
pub struct Data {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = Envelope,
    token = data.token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
