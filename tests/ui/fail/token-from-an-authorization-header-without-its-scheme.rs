use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct SignedInUser {
    pub email: String,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/users/sign_in",
    response = SignedInUser,
    token = header("Authorization"),
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
