//! [`Session`]: what a successful login yields.

use std::fmt;
use std::time::{Duration, SystemTime};

use crate::endpoint::LifetimePolicy;
use crate::secret::Secret;

/// The credentials taken out of a success body by the generated code.
#[doc(hidden)]
pub struct Credentials {
    pub token: Secret,
    pub refresh_token: Option<Secret>,
    pub expires_at: Option<SystemTime>,
    pub refresh_expires_at: Option<SystemTime>,
}

/// A logged-in session: the token, what the vendor says about its lifetime, and the vendor's
/// typed response.
///
/// `Debug` shows the lifetime but never the token or refresh token, nor the response, in whose
/// ordinary fields a vendor may repeat a credential (print [`Session::response`] for its
/// fields).
///
/// Lifetimes come from the vendor's document: an absolute expiry in the response (TalkStack's
/// `expirationTime`), else a fixed validity from login (TalkStack: 2 hours), or an idle timeout
/// (Up2 Money: 5 minutes from last activity). Where the document states none,
/// [`expires_at`](Session::expires_at) is `None`.
pub struct Session<R> {
    vendor: &'static str,
    token: Secret,
    refresh_token: Option<Secret>,
    issued_at: SystemTime,
    expires_at: Option<SystemTime>,
    refresh_expires_at: Option<SystemTime>,
    idle_timeout: Option<Duration>,
    response: R,
}

/// When a session expires: as the answer says, else after the documented fixed lifetime.
/// Outside [`Session::new`], which is instantiated once per response type.
#[inline]
fn expiry(
    stated: Option<SystemTime>,
    lifetime: LifetimePolicy,
    issued_at: SystemTime,
) -> Option<SystemTime> {
    match stated {
        Some(at) => Some(at),
        None => match lifetime.fixed {
            Some(fixed) => issued_at.checked_add(fixed),
            None => None,
        },
    }
}

impl<R> Session<R> {
    pub(crate) fn new(
        vendor: &'static str,
        credentials: Credentials,
        lifetime: LifetimePolicy,
        issued_at: SystemTime,
        response: R,
    ) -> Self {
        let expires_at = expiry(credentials.expires_at, lifetime, issued_at);
        Session {
            vendor,
            token: credentials.token,
            refresh_token: credentials.refresh_token,
            issued_at,
            expires_at,
            refresh_expires_at: credentials.refresh_expires_at,
            idle_timeout: lifetime.idle,
            response,
        }
    }

    /// Keeps `previous` as the refresh token, with its stated expiry, when the vendor returned
    /// none: a refresh answer without one leaves the refresh token that was sent in force.
    pub(crate) fn keep_refresh_token(
        &mut self,
        previous: &Secret,
        previous_expires_at: Option<SystemTime>,
    ) {
        if self.refresh_token.is_none() {
            self.refresh_token = Some(previous.clone());
            self.refresh_expires_at = previous_expires_at;
        }
    }

    /// The same session with another response: a refresh's credentials with the login's
    /// response.
    pub(crate) fn with_response<T>(self, response: T) -> Session<T> {
        Session {
            vendor: self.vendor,
            token: self.token,
            refresh_token: self.refresh_token,
            issued_at: self.issued_at,
            expires_at: self.expires_at,
            refresh_expires_at: self.refresh_expires_at,
            idle_timeout: self.idle_timeout,
            response,
        }
    }

    /// A session put back together from what a shared store keeps of it: `credentials` as
    /// they were when it was made, the expiry included (not recomputed from a lifetime).
    pub(crate) fn restored(
        vendor: &'static str,
        credentials: Credentials,
        issued_at: SystemTime,
        idle_timeout: Option<Duration>,
        response: R,
    ) -> Self {
        Session {
            vendor,
            token: credentials.token,
            refresh_token: credentials.refresh_token,
            issued_at,
            expires_at: credentials.expires_at,
            refresh_expires_at: credentials.refresh_expires_at,
            idle_timeout,
            response,
        }
    }

    /// The vendor's name.
    pub fn vendor(&self) -> &'static str {
        self.vendor
    }

    /// The access token to send on later calls.
    pub fn token(&self) -> &Secret {
        &self.token
    }

    /// The refresh token, when the vendor returned one.
    pub fn refresh_token(&self) -> Option<&Secret> {
        self.refresh_token.as_ref()
    }

    /// When the refresh token stops being valid, if the response states it
    /// (`refresh_expires_in = ...`, Keycloak's `refresh_expires_in`). `None` when the vendor
    /// states nothing, or zero.
    pub fn refresh_expires_at(&self) -> Option<SystemTime> {
        self.refresh_expires_at
    }

    /// When the login response arrived.
    pub fn issued_at(&self) -> SystemTime {
        self.issued_at
    }

    /// When the token stops being valid, if the vendor documents it: the expiry the response
    /// states, else login time plus the documented fixed validity. For an idle timeout alone
    /// this is `None`; see [`idle_timeout`](Session::idle_timeout).
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.expires_at
    }

    /// How long the token stays valid after its last use, if the vendor documents it.
    pub fn idle_timeout(&self) -> Option<Duration> {
        self.idle_timeout
    }

    /// How long from `now` until the token is no longer valid, assuming it was last used at
    /// `last_used` (pass [`issued_at`](Session::issued_at) if it was not used since login).
    /// `None` when the vendor documents no lifetime; zero when it has already expired.
    pub fn remaining_at(&self, now: SystemTime, last_used: SystemTime) -> Option<Duration> {
        let idle_end = self
            .idle_timeout
            .and_then(|idle| last_used.checked_add(idle));
        let end = match (self.expires_at, idle_end) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }?;
        Some(end.duration_since(now).unwrap_or(Duration::ZERO))
    }

    /// The vendor's typed response.
    pub fn response(&self) -> &R {
        &self.response
    }

    /// The vendor's typed response, by value.
    pub fn into_response(self) -> R {
        self.response
    }
}

/// The tokens are shown as `[REDACTED]`, and the response as `..`: a vendor may repeat the
/// token or the request's password in an ordinary field of its answer (`message`, `username`),
/// which no redaction of the session's own could find. Print [`Session::response`] where its
/// fields are wanted.
impl<R> fmt::Debug for Session<R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("vendor", &self.vendor)
            .field("token", &self.token)
            .field("refresh_token", &self.refresh_token)
            .field("issued_at", &self.issued_at)
            .field("expires_at", &self.expires_at)
            .field("refresh_expires_at", &self.refresh_expires_at)
            .field("idle_timeout", &self.idle_timeout)
            .field("response", &format_args!(".."))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_neither_the_tokens_nor_the_response() {
        #[derive(Debug)]
        struct Echoing {
            #[allow(dead_code)]
            message: String,
        }
        let credentials = Credentials {
            token: Secret::from("tok-secret"),
            refresh_token: Some(Secret::from("refresh-secret")),
            expires_at: None,
            refresh_expires_at: None,
        };
        let session = Session::new(
            "Vendor",
            credentials,
            LifetimePolicy::default(),
            SystemTime::UNIX_EPOCH,
            Echoing {
                message: "logged in with hunter2, token tok-secret".to_owned(),
            },
        );
        let shown = format!("{session:?}");
        for hidden in ["tok-secret", "refresh-secret", "hunter2"] {
            assert!(!shown.contains(hidden), "{hidden} in {shown}");
        }
        assert!(shown.contains("response: .."), "{shown}");
    }

    fn session(expires_at: Option<SystemTime>, lifetime: LifetimePolicy) -> Session<()> {
        let credentials = Credentials {
            token: Secret::from("tok-secret"),
            refresh_token: Some(Secret::from("refresh-secret")),
            expires_at,
            refresh_expires_at: None,
        };
        Session::new("V", credentials, lifetime, SystemTime::UNIX_EPOCH, ())
    }

    #[test]
    fn stated_expiry_wins_over_fixed_lifetime() {
        let stated = SystemTime::UNIX_EPOCH + Duration::from_secs(60);
        let fixed = LifetimePolicy {
            fixed: Some(Duration::from_secs(7200)),
            idle: None,
        };
        assert_eq!(session(Some(stated), fixed).expires_at(), Some(stated));
        assert_eq!(
            session(None, fixed).expires_at(),
            Some(SystemTime::UNIX_EPOCH + Duration::from_secs(7200))
        );
        assert_eq!(session(None, LifetimePolicy::default()).expires_at(), None);
    }

    #[test]
    fn idle_timeout_counts_from_last_use() {
        let idle = LifetimePolicy {
            fixed: None,
            idle: Some(Duration::from_secs(300)),
        };
        let s = session(None, idle);
        let at = |secs| SystemTime::UNIX_EPOCH + Duration::from_secs(secs);
        assert_eq!(
            s.remaining_at(at(100), at(0)),
            Some(Duration::from_secs(200))
        );
        assert_eq!(
            s.remaining_at(at(400), at(200)),
            Some(Duration::from_secs(100))
        );
        assert_eq!(s.remaining_at(at(900), at(200)), Some(Duration::ZERO));
        assert_eq!(
            session(None, LifetimePolicy::default()).remaining_at(at(1), at(0)),
            None
        );
    }

    #[test]
    fn debug_hides_tokens() {
        let shown = format!("{:?}", session(None, LifetimePolicy::default()));
        assert!(
            !shown.contains("tok-secret") && !shown.contains("refresh-secret"),
            "{shown}"
        );
    }
}
