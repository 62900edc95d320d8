use auth_core::{login_endpoint, Authenticator, LoginClient, LoginEndpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

/// A self-hosted product: no `base_url`, a path parameter, query constants and fields.
#[login_endpoint(
    vendor = "Self Hosted",
    path = "/realms/{realm}/users/{user}/login",
    query(version = 2, verbose = true),
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    #[login(path)]
    realm: String,
    #[login(path = "user")]
    user_name: String,
    #[login(secret, query = "key")]
    api_key: Secret,
    #[login(query)]
    locale: Option<String>,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(spec.base_url(), None);
    assert_eq!(spec.path(), "/realms/{realm}/users/{user}/login");
    assert_eq!(spec.query(), &[("version", "2"), ("verbose", "true")]);

    let login = Login::builder()
        .realm("master")
        .user_name("jane")
        .api_key("k-123")
        .password("hunter2")
        .maybe_locale(Some("en".to_owned()))
        .build();
    let debug = format!("{login:?}");
    assert!(debug.contains("version: 2"), "{debug}");
    assert!(!debug.contains("k-123"), "{debug}");

    // Without a declared base URL, the host is given wherever the login is sent.
    let client = LoginClient::new().unwrap();
    drop(login.send_to(&client, "https://sso.example.com"));
    let _auth = Authenticator::new_at(client, login, "https://sso.example.com");
}
