use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    path = "/tenants/{tenant}/login",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    #[login(path)]
    tenant: std::net::IpAddr,
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
