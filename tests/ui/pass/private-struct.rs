mod vendor {
    use auth_core::{login_endpoint, Secret};

    #[derive(serde::Deserialize)]
    pub struct LoginResponse {
        pub token: Secret,
    }

    /// Visible to the parent module only.
    #[login_endpoint(
        vendor = "Example",
        base_url = "https://api.example.com",
        path = "/auth/login",
        response = LoginResponse,
        token = token,
    )]
    pub(crate) struct Login {
        email: String,
        #[login(secret)]
        password: Secret,
    }

    /// Private to this module: used here only.
    #[login_endpoint(
        vendor = "Example",
        base_url = "https://api.example.com",
        path = "/auth/admin/login",
        response = LoginResponse,
        token = token,
    )]
    struct AdminLogin {
        #[login(secret)]
        key: Secret,
    }

    pub(crate) fn admin_debug() -> String {
        format!("{:?}", AdminLogin::builder().key("admin-key").build())
    }
}

fn main() {
    let login = vendor::Login::builder()
        .email("me@example.com")
        .password("hunter2")
        .build();
    assert!(!format!("{login:?}").contains("hunter2"));
    let admin = vendor::admin_debug();
    assert!(!admin.contains("admin-key"), "{admin}");
    assert!(admin.starts_with("AdminLogin"), "{admin}");
}
