use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

#[login_endpoint(
    vendr = "Example",
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

fn main() {
    // The declaration is wrong, but code that uses it is not reported as well.
    let login = Login::builder().email("me@example.com").password("hunter2").build();
    let _future = async {
        let client = auth_core::LoginClient::new().unwrap();
        let session = login.send(&client).await.unwrap();
        let _: &Secret = &session.response().token;
    };
}
