use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SignInResponse {
    pub id_token: Secret,
}

#[login_endpoint(
    vendor = "Firebase Authentication",
    base_url = "https://identitytoolkit.googleapis.com",
    path = "/v1/accounts:signInWithPassword",
    query(key = "AIzaSyD-example-key-1234567890"),
    constant(returnSecureToken = true),
    response = SignInResponse,
    token = id_token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
