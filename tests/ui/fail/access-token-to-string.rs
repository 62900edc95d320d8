use auth_core::AccessToken;

fn authorization(token: &AccessToken) -> String {
    token.to_string()
}

fn main() {
    let _ = authorization;
}
