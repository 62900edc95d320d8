use auth_core::Secret;

/// What reqwest's `RequestBuilder::bearer_auth` asks of its token.
fn bearer_auth<T: std::fmt::Display>(_token: T) {}

fn main() {
    let token = Secret::from("tok");
    bearer_auth(&token);
}
