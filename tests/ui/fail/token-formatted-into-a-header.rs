use auth_core::Secret;

fn authorization(token: &Secret) -> String {
    // A `Secret` has no `Display`: this would send "Bearer [REDACTED]".
    format!("Bearer {token}")
}

fn main() {
    let _ = authorization(&Secret::from("tok"));
}
