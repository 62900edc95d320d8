use auth_core::Secret;

fn main() {
    let token = Secret::from("tok");
    let _header = String::from(token);
}
