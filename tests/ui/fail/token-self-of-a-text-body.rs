use auth_core::{login_endpoint, Secret, TextBody};

#[login_endpoint(
    vendor = "Appliance",
    base_url = "https://appliance.example.com",
    path = "/cgi-bin/login",
    body = form,
    response = TextBody,
    token = self,
)]
pub struct Login {
    username: String,
    #[login(secret)]
    password: Secret,
}

fn main() {}
