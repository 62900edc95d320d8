use auth_core::AccessToken;

fn authorization(token: &AccessToken) -> String {
    // An `AccessToken` has no `Display`: this would send "Bearer [REDACTED]".
    format!("Bearer {token}")
}

fn main() {
    let _ = authorization;
}
