use auth_core::{login_endpoint, Secret};

#[derive(serde::Deserialize)]
pub struct Envelope<T, M> {
    pub data: T,
    pub meta: M,
}

#[derive(serde::Deserialize)]
pub struct Data {
    pub token: Secret,
}

#[login_endpoint(
    vendor = "Example",
    base_url = "https://api.example.com",
    path = "/auth/login",
    response = Envelope<Data, ()>,
    token = data.token,
)]
pub struct Login {
    email: String,
    #[login(secret)]
    password: Secret,
}

fn main() {
    let login = Login::builder()
        .email("me@example.com")
        .password("hunter2")
        .build();
    assert!(format!("{login:?}").contains("me@example.com"));
}
