use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct User {
    pub login: String,
}

#[login_endpoint(
    vendor = "GitHub",
    base_url = "https://api.github.com",
    path = "/user",
    method = "GET",
    header(name = "authorization", value = "Bearer {pat}"),
    response = User,
    token = header("x-github-token"),
)]
pub struct Login {
    #[login(secret, in_header = "authorisation")]
    pat: Secret,
}

fn main() {}
