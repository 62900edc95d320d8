//! The compile-time behaviour of `#[login_endpoint]`: each file in `ui/fail/` makes one mistake
//! and must fail with the error recorded beside it in a `.stderr` file; each file in `ui/pass/`
//! must compile and run.
//!
//! After a deliberate change to a message, regenerate the `.stderr` files with
//! `TRYBUILD=overwrite cargo test -p auth-tests --test ui` and review every diff.

#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("ui/fail/*.rs");
    cases.pass("ui/pass/*.rs");
}
