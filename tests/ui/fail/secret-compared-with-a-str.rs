use auth_core::Secret;

fn is_expected(token: &Secret) -> bool {
    token == "tok"
}

fn main() {
    let _ = is_expected(&Secret::from("tok"));
}
