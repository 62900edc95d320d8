//! What every fuzz target checks: one vendor's interpretation of an arbitrary status and body.
//!
//! An input's first byte picks the status (mostly the documented ones), the rest is the body.
//! A panic anywhere, or a broken invariant, is a crash the fuzzer reports.

use auth_core::__private::interpret_response;
use auth_core::LoginEndpoint;

/// Statuses the first byte of an input selects from.
const STATUSES: [u16; 24] = [
    200, 201, 204, 299, 100, 302, 307, 400, 401, 403, 404, 410, 415, 418, 422, 423, 429, 500, 502,
    503, 504, 599, 600, 999,
];

/// The longest detail this library may add to an error, whatever the body.
const MAX_DETAIL: usize = 1024;

/// Interprets `data` as endpoint `E` would interpret a response, and checks the outcome.
pub fn interpret<E>(data: &[u8])
where
    E: LoginEndpoint,
    E::Response: std::fmt::Debug,
{
    let Some((&selector, body)) = data.split_first() else {
        return;
    };
    let status = STATUSES[usize::from(selector) % STATUSES.len()];
    match interpret_response::<E>(status, body) {
        Ok(session) => {
            assert!((200..300).contains(&status), "a session from HTTP {status}");
            assert!(!session.token().is_empty(), "a session with an empty token");
            let _ = format!("{session:?}");
        }
        Err(error) => {
            assert_eq!(error.status(), Some(status));
            let detail = error.detail().unwrap_or_default();
            assert!(detail.len() < MAX_DETAIL, "a {}-byte detail", detail.len());
            let _ = format!("{error} {error:?}");
        }
    }
}
