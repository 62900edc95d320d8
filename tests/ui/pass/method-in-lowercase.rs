use auth_core::{login_endpoint, LoginEndpoint, Method, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub access_token: Secret,
}

/// A method written in lowercase is the method meant: HTTP's names are sent in capitals.
#[login_endpoint(
    vendor = "Acme",
    base_url = "https://api.acme.example/",
    path = "/auth/login",
    method = "put",
    response = LoginResponse,
    token = access_token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let spec = <Login as LoginEndpoint>::SPEC;
    assert_eq!(spec.method(), Method::Put);
    let _login = Login::builder().email("me@example.com").password("pw").build();
}
