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
    password: Secret,
    remember_me: Option<bool>,
}

// The login's own methods, named like its setters, keep their meaning: an inherent method
// taking `&self`, one taking `&mut self`, and a method of a trait of the app's own.
impl Login {
    fn email(&self) -> &str {
        &self.email
    }

    fn remember_me(&mut self, remember: bool) {
        self.remember_me = Some(remember);
    }
}

trait Masked {
    fn password(&self) -> String;
    fn maybe_remember_me(&self) -> bool;
}

impl Masked for Login {
    fn password(&self) -> String {
        "*".repeat(self.password.expose_secret().len())
    }

    fn maybe_remember_me(&self) -> bool {
        self.remember_me.unwrap_or(false)
    }
}

fn main() {
    let mut login = Login::builder()
        .email("me@example.com")
        .password("hunter2")
        .build();
    assert_eq!(login.email(), "me@example.com");
    assert_eq!(login.password(), "*******");
    assert!(!login.maybe_remember_me());
    login.remember_me(true);
    assert!(login.maybe_remember_me());
}
