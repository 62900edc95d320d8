//! The compile-time behaviour of `#[login_endpoint]`: each file in `fail/` makes one mistake
//! and must fail with the error recorded beside it in a `.stderr` file; each file in `pass/`
//! must compile and run.
//!
//! This package depends on auth-core, serde and serde_json alone, so the project trybuild
//! builds for the cases compiles nothing else.
//!
//! After a deliberate change to a message, regenerate the `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p auth-ui-tests` and review every diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("fail/*.rs");
    cases.pass("pass/*.rs");
}
