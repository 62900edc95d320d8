use auth_core::{login_endpoint, Secret};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub struct InitiateAuthResponse {
    #[serde(rename = "AuthenticationResult")]
    pub authentication_result: Option<AuthenticationResult>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "PascalCase")]
pub struct AuthenticationResult {
    pub access_token: Secret,
}

#[login_endpoint(
    vendor = "Amazon Cognito",
    path = "/",
    content_type = "application/x-amz-json-1.1",
    header(name = "x-amz-target", value = "AWSCognitoIdentityProviderService.InitiateAuth"),
    constant(AuthFlow = "USER_PASSWORD_AUTH"),
    response = InitiateAuthResponse,
    token = authentication_result.access_token,
)]
pub struct Login {
    #[login(rename = "ClientId")]
    client_id: String,
    #[login(rename = "AuthParameters.USERNAME")]
    username: String,
    #[login(secret, rename = "AuthParameters.PASSWORD")]
    password: Secret,
    #[login(rename = "AuthParameters.SECRET_HASH")]
    secret_hash: Option<String>,
}

fn main() {}
