use auth_core::{login_endpoint, LoginClient, Secret};

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

fn main() {
    let _ = run();
}

async fn run() -> Result<(), auth_core::AuthError> {
    let client = LoginClient::new()?;
    let login = Login::builder().email("me@example.com").password("hunter2").build();
    let _session = login.send(&client)?;
    Ok(())
}
