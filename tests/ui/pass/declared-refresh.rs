use auth_core::{login_endpoint, Secret};

#[derive(Debug, serde::Deserialize)]
pub struct TokenResponse {
    pub access_token: Secret,
    pub refresh_token: Option<Secret>,
}

/// Names its refresh, declared below and in another module.
#[login_endpoint(
    vendor = "Example",
    base_url = "https://sso.example.com",
    path = "/oauth/token",
    body = form,
    constant(grant_type = "password"),
    response = TokenResponse,
    token = access_token,
    refresh_token = refresh_token,
    refresh = tokens::Refresh,
)]
pub struct Login {
    client_id: String,
    username: String,
    #[login(secret)]
    password: Secret,
}

mod tokens {
    use auth_core::{login_endpoint, Secret};

    #[login_endpoint(
        refreshes = super::Login,
        vendor = "Example",
        path = "/oauth/token",
        body = form,
        constant(grant_type = "refresh_token"),
        response = super::TokenResponse,
        token = access_token,
        refresh_token = refresh_token,
    )]
    pub struct Refresh {
        #[login(secret, refresh_token)]
        refresh_token: Secret,
        #[login(from_login)]
        client_id: String,
    }
}

fn main() {
    let login = Login::builder()
        .client_id("app")
        .username("me")
        .password("hunter2")
        .build();
    // No app code names the refresh; `with_refresh` may still name it again.
    let auth = auth_core::Authenticator::new(auth_core::LoginClient::new().unwrap(), login);
    let _: &auth_core::Authenticator<Login> = &auth;
    let login = Login::builder()
        .client_id("app")
        .username("me")
        .password("hunter2")
        .build();
    let _ = auth_core::Authenticator::new(auth_core::LoginClient::new().unwrap(), login)
        .with_refresh::<tokens::Refresh>();
}
