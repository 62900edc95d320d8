use auth_core::{login_endpoint, AuthError, LoginClient, Secret};

#[derive(Debug, serde::Deserialize)]
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

async fn run(client: &LoginClient) -> Result<String, AuthError> {
    let session = Login::builder().email("a").password("b").build().send(client).await?;
    Ok(session.token().to_string())
}
fn main() {}
