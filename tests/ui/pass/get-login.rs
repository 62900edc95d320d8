use auth_core::{login_endpoint, BodyFormat, LoginEndpoint, Method, Secret};

#[derive(serde::Deserialize)]
pub struct AuthResponse {
    pub success: bool,
    pub sid: Option<Secret>,
}

/// A `GET` login: no body, every value in the query.
#[login_endpoint(
    vendor = "Appliance",
    base_url = "https://nas.example.com:5001",
    path = "/webapi/auth.cgi",
    method = "GET",
    query(api = "SYNO.API.Auth", method = "login"),
    response = AuthResponse,
    token = sid,
    body_failure(field = success, success = true),
)]
pub struct Login {
    #[login(query)]
    account: String,
    #[login(secret, query = "passwd")]
    password: Secret,
}

fn main() {
    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(spec.method(), Method::Get);
    assert_eq!(spec.body_format(), BodyFormat::None);
    assert_eq!(spec.content_type(), None);
    let login = Login::builder().account("admin").password("12345").build();
    assert!(!format!("{login:?}").contains("12345"));
}
