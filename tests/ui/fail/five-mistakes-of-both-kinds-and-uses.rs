use auth_core::{login_endpoint, LoginClient, Secret};

#[derive(serde::Deserialize)]
pub struct Data {
    pub token: String,
    pub expires_in: bool,
    pub refresh: Option<Secret>,
}

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub data: Data,
}

#[derive(serde::Deserialize)]
pub struct ErrorBody {
    pub message: String,
}

#[login_endpoint(
    vendr = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = data.token,
    expires_in = data.expires_in,
    error_body = ErrorBody,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: String,
    #[login(query)]
    scopes: Vec<String>,
}

async fn log_in(client: &LoginClient) {
    let login = Login::builder()
        .email("me@example.com")
        .password("hunter2")
        .scopes(vec!["read".to_owned()])
        .build();
    let session = login.send(client).await.unwrap();
    let _ = session.token();
}

fn main() {}
