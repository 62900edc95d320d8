//! What logins do over loopback: the vendors and the catalogue of further vendors, requests on the
//! wire, response values, decoding properties, faults, secrets and the blocking client.
//!
//! Each module is one of these test files, gathered into one binary so that the
//! dependencies' generic code is compiled and linked once rather than once per file.

#[path = "blocking.rs"]
mod blocking;
#[path = "catalogue.rs"]
mod catalogue;
#[path = "decoding_properties.rs"]
mod decoding_properties;
#[path = "faults.rs"]
mod faults;
#[path = "requests.rs"]
mod requests;
#[path = "response_values.rs"]
mod response_values;
#[path = "secrets.rs"]
mod secrets;
#[path = "vendors.rs"]
mod vendors;
