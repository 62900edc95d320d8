use auth_core::Secret;

fn is_expected(token: &Secret, expected: &String) -> bool {
    token == expected
}

fn main() {
    let _ = is_expected(&Secret::from("tok"), &"tok".to_owned());
}
