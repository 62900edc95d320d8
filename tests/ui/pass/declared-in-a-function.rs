use auth_core::{login_endpoint, Secret};

fn main() {
    // Types local to a function are visible to everything the macro writes.
    #[derive(serde::Deserialize)]
    struct LoginResponse {
        token: Secret,
    }

    struct Email(String);

    impl std::fmt::Debug for Email {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            write!(f, "Email({})", self.0)
        }
    }

    impl serde::Serialize for Email {
        fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(&self.0)
        }
    }

    #[login_endpoint(
        vendor = "Example",
        base_url = "https://api.example.com",
        path = "/auth/login",
        response = LoginResponse,
        token = token,
    )]
    struct Login {
        email: Email,
        #[login(secret)]
        password: Secret,
    }

    let login = Login::builder()
        .email(Email("me@example.com".to_owned()))
        .password("hunter2")
        .build();
    let debug = format!("{login:?}");
    assert!(debug.contains("Email(me@example.com)"), "{debug}");
    assert!(!debug.contains("hunter2"), "{debug}");
}
