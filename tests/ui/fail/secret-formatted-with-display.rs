use auth_core::Secret;

fn main() {
    let token = Secret::from("tok");
    // Formatted, a `Secret` would be "[REDACTED]": this would send "Bearer [REDACTED]".
    let _header = format!("Bearer {}", token);
}
