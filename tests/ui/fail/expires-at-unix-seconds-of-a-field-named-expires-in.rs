use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInResponse {
    pub id_token: Secret,
    pub expires_in: String,
}

#[login_endpoint(
    vendor = "Firebase Authentication",
    base_url = "https://identitytoolkit.googleapis.com",
    path = "/v1/accounts:signInWithPassword",
    constant(returnSecureToken = true),
    response = SignInResponse,
    token = id_token,
    expires_at(unix_seconds = expires_in),
)]
pub struct Login {
    #[login(secret, query = "key")]
    api_key: Secret,
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
