//! The exit statuses, so a script can tell a wrong password from a network problem.

use auth_core::ErrorKind;

/// Logged in.
pub const LOGGED_IN: u8 = 0;
/// The vendor answered, and did not log in: wrong credentials, locked, rate limited, a
/// server error, or any other failure the vendor stated.
pub const REFUSED: u8 = 1;
/// Bad usage: an argument clap refuses (clap's own status), no password, a secret given on
/// the command line, a base URL that cannot carry a login.
pub const USAGE: u8 = 2;
/// The vendor could not be reached: timeout, connection failure, TLS failure.
pub const TRANSPORT: u8 = 3;
/// The vendor answered something its protocol does not allow: a body of the wrong shape, a
/// body over the size cap, a redirect.
pub const UNEXPECTED_ANSWER: u8 = 4;

/// The exit status for a failed login of `kind`.
pub fn for_kind(kind: ErrorKind) -> u8 {
    match kind {
        ErrorKind::Timeout | ErrorKind::Connect | ErrorKind::Tls => TRANSPORT,
        ErrorKind::Decode | ErrorKind::BodyTooLarge | ErrorKind::Redirect => UNEXPECTED_ANSWER,
        ErrorKind::InvalidUrl | ErrorKind::InsecureTransport => USAGE,
        // The vendor's own answers, and any kind added later: the vendor said no.
        _ => REFUSED,
    }
}

/// clap's exit status as a process status (clap uses 0 and 2).
pub fn clamp(code: i32) -> u8 {
    u8::try_from(code).unwrap_or(USAGE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_documented_status() {
        for kind in [
            ErrorKind::InvalidRequest,
            ErrorKind::InvalidCredentials,
            ErrorKind::Forbidden,
            ErrorKind::NotFound,
            ErrorKind::Expired,
            ErrorKind::Locked,
            ErrorKind::RateLimited,
            ErrorKind::ServerError,
            ErrorKind::Unavailable,
            ErrorKind::Rejected,
        ] {
            assert_eq!(for_kind(kind), REFUSED, "{kind:?}");
        }
        for kind in [ErrorKind::Timeout, ErrorKind::Connect, ErrorKind::Tls] {
            assert_eq!(for_kind(kind), TRANSPORT, "{kind:?}");
        }
        for kind in [
            ErrorKind::Decode,
            ErrorKind::BodyTooLarge,
            ErrorKind::Redirect,
        ] {
            assert_eq!(for_kind(kind), UNEXPECTED_ANSWER, "{kind:?}");
        }
        for kind in [ErrorKind::InvalidUrl, ErrorKind::InsecureTransport] {
            assert_eq!(for_kind(kind), USAGE, "{kind:?}");
        }
    }
}
