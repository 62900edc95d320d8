use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct LoginResponse {
    pub token: Secret,
}

/// A module named like a field: the field's type must still resolve to it.
mod email {
    pub type Address = String;
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = LoginResponse,
    token = token,
)]
pub struct Login {
    email: email::Address,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let login = Login::builder()
        .email(email::Address::from("me@example.com"))
        .password("hunter2")
        .build();
    assert!(format!("{login:?}").contains("me@example.com"));
}
