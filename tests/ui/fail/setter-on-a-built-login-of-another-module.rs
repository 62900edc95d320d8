mod auth {
    use auth_core::{login_endpoint, Secret};

    #[derive(serde::Deserialize)]
    pub struct LoginResponse {
        pub token: Secret,
    }

    #[login_endpoint(
        vendor = "Example",
        base_url = "https://api.example.com",
        path = "/auth/login",
        response = LoginResponse,
        token = token,
    )]
    pub struct Login {
        email: String,
        #[login(secret)]
        password: auth_core::Secret,
    }
}

fn main() {
    let _login = auth::Login::builder()
        .email("me@example.com")
        .password("hunter2")
        .build()
        .email("other@example.com");
}
