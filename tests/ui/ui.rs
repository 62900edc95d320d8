//! The compile-time behaviour of `#[login_endpoint]`: each file in `fail/` makes one mistake
//! and must fail with the error recorded beside it in a `.stderr` file. (Each file in `pass/`
//! must compile and run; `pass.rs` runs those.)
//!
//! This package depends on auth-core, serde and serde_json alone, so the project trybuild
//! builds for the cases compiles nothing else. Since every case here must fail, trybuild only
//! checks that project (`cargo check`), and this test builds it without debug information or
//! incremental caches, which nothing reads, unless the environment already says otherwise.
//!
//! After a deliberate change to a message, regenerate the `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p auth-ui-tests` and review every diff.

#[test]
fn ui() {
    for (name, value) in [
        ("CARGO_PROFILE_DEV_DEBUG", "false"),
        ("CARGO_INCREMENTAL", "0"),
    ] {
        if std::env::var_os(name).is_none() {
            // SAFETY: this binary has this one test, and nothing else runs while it sets the
            // environment the `cargo` that trybuild starts inherits.
            unsafe { std::env::set_var(name, value) };
        }
    }
    let cases = trybuild::TestCases::new();
    cases.compile_fail("fail/*.rs");
}
