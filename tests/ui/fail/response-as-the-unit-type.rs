use auth_core::{login_endpoint, Secret};

#[login_endpoint(
    vendor = "OpenStack Keystone",
    base_url = "https://keystone.example.com",
    path = "/v3/auth/tokens",
    response = (),
    token = header("X-Subject-Token"),
)]
pub struct Login {
    #[login(rename = "auth.identity.password.user.name")]
    username: String,
    #[login(secret, rename = "auth.identity.password.user.password")]
    password: Secret,
}

fn main() {}
