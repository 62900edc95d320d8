//! The declarations that must compile: each file in `pass/` is a program whose `main` asserts
//! what its declaration generates. Each is compiled here as a module of one test crate and its
//! `main` run as a test named after the file (`case_every_key::compiles_and_runs`).
//!
//! They are not given to trybuild: a trybuild project with a case that must run is built in
//! full, dependencies included, where one whose cases must all fail only needs `cargo check`.
//! As modules here they share the dependencies the workspace has already built, and each is
//! still its own module, with its own items and privacy.

include!(concat!(env!("OUT_DIR"), "/pass_cases.rs"));
