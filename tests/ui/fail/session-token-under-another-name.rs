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

async fn login(client: &LoginClient) -> Result<(), auth_core::AuthError> {
    let session = Login::builder()
        .email("me@example.com")
        .password("hunter2")
        .build()
        .send(client)
        .await?;
    let _ = session.access_token();
    Ok(())
}

fn main() {}
