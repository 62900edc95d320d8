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
    #[login(rename = "organizationId")]
    organization_id: String,
    #[login(secret, query = "key")]
    api_key: Secret,
    email: String,
}

// The login's own methods named like the stand-ins written for mistakes (`build`, `unwrap`,
// `expect` on a built login) keep their meaning.
impl Login {
    fn build(&self) -> String {
        format!("{}/{}", self.organization_id, self.email)
    }
}

trait Checked {
    fn expect(&self, email: &str) -> bool;
}

impl Checked for Login {
    fn expect(&self, email: &str) -> bool {
        self.email == email
    }
}

fn main() {
    // The setters are the fields' names; where a field is sent is not a setter.
    let login = Login::builder()
        .organization_id("acme")
        .api_key("AIza")
        .email("me@example.com")
        .build();
    assert_eq!(login.build(), "acme/me@example.com");
    assert!(login.expect("me@example.com"));
    assert_eq!(login.api_key.expose_secret(), "AIza");
}
