use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub expires_in: Option<bool>,
}

#[login_endpoint(
    vendor = "Example IdP",
    base_url = "https://idp.example.com",
    path = "/oauth/token",
    body = form,
    constant(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
    expires_in = expires_in,
)]
pub struct Login {
    #[login(rename = "client.id")]
    client_id: String,
    #[login(header = "x-tags")]
    tags: Vec<String>,
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let _login = Login::builder()
        .client_id("app")
        .tags(vec![])
        .username("me")
        .password("hunter2")
        .build();
}
