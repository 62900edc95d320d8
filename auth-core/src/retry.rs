//! [`RetryPolicy`]: which failed logins [`LoginClient`](crate::LoginClient) sends again, and
//! how long it waits first.

use std::time::Duration;

const DEFAULT_MAX_ATTEMPTS: u32 = 3;
const DEFAULT_INITIAL_BACKOFF: Duration = Duration::from_millis(250);
const DEFAULT_MAX_BACKOFF: Duration = Duration::from_secs(4);
const DEFAULT_MAX_RETRY_AFTER: Duration = Duration::from_secs(30);

/// Which failed logins a [`LoginClient`](crate::LoginClient) sends again, and how long it waits
/// first. On by default; set with
/// [`LoginClientBuilder::retry_policy`](crate::LoginClientBuilder::retry_policy).
///
/// | outcome | retried? | wait before the next attempt |
/// |---|---|---|
/// | could not connect (the request was never sent) | yes | jittered exponential backoff |
/// | 429, 503 with `Retry-After` ≤ [`max_retry_after`](RetryPolicy::max_retry_after) | yes | the `Retry-After` value (seconds or HTTP-date) |
/// | 429, 503 with `Retry-After` beyond it | no: `RateLimited`/`Unavailable` at once, with [`retry_after`](crate::AuthError::retry_after) set | — |
/// | 429, 503 without `Retry-After` | yes | jittered exponential backoff |
/// | 500, 502, 504; a timeout after the request was sent | yes | jittered exponential backoff |
/// | 400, 401, 403, 404, 410, 415, 423, any other status, redirects, TLS, decode errors | never | — |
///
/// Every outcome counts against one budget of [`max_attempts`](RetryPolicy::max_attempts)
/// (default 3, the first one included); when it is spent, the last answer is returned as its
/// error. The client's [`timeout`](crate::LoginClientBuilder::timeout) applies to each attempt,
/// not to all of them together. The backoff before retry *n* is drawn uniformly from the upper half of
/// `initial_backoff × 2ⁿ⁻¹`, capped at `max_backoff` (defaults 250 ms and 4 s), so clients that
/// failed together do not come back together.
///
/// A login is a `POST`, and sending one again is acceptable: logging in changes nothing the
/// caller holds. The worst case of a repeat whose first copy did reach the server is a second
/// token issued, and the first is simply never used; no vendor documented here counts a
/// *successful* login against anything. Failed attempts do count towards lockouts, which is why
/// 401 and 423 are never retried.
///
/// ```
/// use std::time::Duration;
/// use auth_core::{LoginClient, RetryPolicy};
///
/// let client = LoginClient::builder()
///     .retry_policy(
///         RetryPolicy::default()
///             .max_attempts(5)
///             .max_retry_after(Duration::from_secs(10)),
///     )
///     .build()?;
/// let no_retries = LoginClient::builder().retry_policy(RetryPolicy::disabled()).build()?;
/// # Ok::<(), auth_core::AuthError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[must_use]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
    max_retry_after: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        RetryPolicy {
            max_attempts: DEFAULT_MAX_ATTEMPTS,
            initial_backoff: DEFAULT_INITIAL_BACKOFF,
            max_backoff: DEFAULT_MAX_BACKOFF,
            max_retry_after: DEFAULT_MAX_RETRY_AFTER,
        }
    }
}

impl RetryPolicy {
    /// No retries: every login is sent exactly once, and its answer is returned as it is.
    pub fn disabled() -> Self {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// How many times one login may be sent in all, the first included (default 3). `0` is
    /// taken as `1`.
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff before the first retry of a server error, timeout or connect failure; it
    /// doubles with each further retry up to `max` (defaults 250 ms and 4 s). The wait actually
    /// taken is drawn from the upper half of that value.
    pub fn backoff(mut self, initial: Duration, max: Duration) -> Self {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// The longest `Retry-After` this client waits out by itself (default 30 s). A longer
    /// one is returned at once as a [`RateLimited`](crate::ErrorKind::RateLimited) or
    /// [`Unavailable`](crate::ErrorKind::Unavailable) error whose
    /// [`retry_after`](crate::AuthError::retry_after) says how long the server asked for.
    pub fn max_retry_after(mut self, cap: Duration) -> Self {
        self.max_retry_after = cap;
        self
    }

    /// How many times one login may be sent in all.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The longest `Retry-After` waited out by the client itself.
    pub fn retry_after_cap(&self) -> Duration {
        self.max_retry_after
    }

    /// The jittered wait before retry number `retry` (1 for the first retry).
    pub(crate) fn backoff_before(&self, retry: u32) -> Duration {
        let doublings = retry.saturating_sub(1).min(31);
        let ceiling = self
            .initial_backoff
            .saturating_mul(1u32 << doublings)
            .min(self.max_backoff);
        let half = ceiling / 2;
        let spread = u64::try_from((ceiling - half).as_nanos()).unwrap_or(u64::MAX);
        half + Duration::from_nanos(fastrand::u64(0..=spread))
    }
}

/// What to do about one answer, decided from what arrived before it is interpreted.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Return this answer.
    Done,
    /// Send the login again after this wait.
    RetryAfter(Duration),
}

/// Why an exchange failed without an HTTP answer, as far as retrying is concerned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TransportFailure {
    /// No connection: the request was never sent.
    NotSent,
    /// The deadline passed, possibly after the request reached the server.
    TimedOut,
    /// Anything else (TLS, a broken body): not retried.
    Other,
}

impl RetryPolicy {
    /// The verdict on an HTTP answer with `status` and the server's `Retry-After`, after
    /// `attempt` sends (1 for the first).
    pub(crate) fn on_status(
        &self,
        status: u16,
        retry_after: Option<Duration>,
        attempt: u32,
    ) -> Verdict {
        if attempt >= self.max_attempts {
            return Verdict::Done;
        }
        match status {
            429 | 503 => match retry_after {
                Some(wait) if wait > self.max_retry_after => Verdict::Done,
                Some(wait) => Verdict::RetryAfter(wait),
                None => Verdict::RetryAfter(self.backoff_before(attempt)),
            },
            500 | 502 | 504 => Verdict::RetryAfter(self.backoff_before(attempt)),
            _ => Verdict::Done,
        }
    }

    /// The verdict on an exchange that failed without an answer, after `attempt` sends.
    pub(crate) fn on_transport(&self, failure: TransportFailure, attempt: u32) -> Verdict {
        if attempt >= self.max_attempts {
            return Verdict::Done;
        }
        match failure {
            TransportFailure::NotSent | TransportFailure::TimedOut => {
                Verdict::RetryAfter(self.backoff_before(attempt))
            }
            TransportFailure::Other => Verdict::Done,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_retried_statuses() {
        let policy = RetryPolicy::default();
        for status in [200, 400, 401, 403, 404, 410, 415, 418, 422, 423, 501] {
            assert_eq!(policy.on_status(status, None, 1), Verdict::Done, "{status}");
            assert_eq!(
                policy.on_status(status, Some(Duration::from_secs(1)), 1),
                Verdict::Done,
                "{status}"
            );
        }
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_cap() {
        let policy = RetryPolicy::default().max_retry_after(Duration::from_secs(30));
        for status in [429, 503] {
            assert_eq!(
                policy.on_status(status, Some(Duration::from_secs(2)), 1),
                Verdict::RetryAfter(Duration::from_secs(2))
            );
            assert_eq!(
                policy.on_status(status, Some(Duration::from_secs(30)), 1),
                Verdict::RetryAfter(Duration::from_secs(30))
            );
            assert_eq!(
                policy.on_status(status, Some(Duration::from_secs(31)), 1),
                Verdict::Done
            );
        }
    }

    #[test]
    fn attempts_are_bounded() {
        let policy = RetryPolicy::default().max_attempts(3);
        assert!(matches!(
            policy.on_status(500, None, 2),
            Verdict::RetryAfter(_)
        ));
        assert_eq!(policy.on_status(500, None, 3), Verdict::Done);
        assert_eq!(
            policy.on_transport(TransportFailure::NotSent, 3),
            Verdict::Done
        );
        let disabled = RetryPolicy::disabled();
        assert_eq!(disabled.on_status(503, None, 1), Verdict::Done);
        assert_eq!(
            disabled.on_transport(TransportFailure::TimedOut, 1),
            Verdict::Done
        );
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
    }

    #[test]
    fn transport_failures() {
        let policy = RetryPolicy::default();
        assert!(matches!(
            policy.on_transport(TransportFailure::NotSent, 1),
            Verdict::RetryAfter(_)
        ));
        assert!(matches!(
            policy.on_transport(TransportFailure::TimedOut, 1),
            Verdict::RetryAfter(_)
        ));
        assert_eq!(
            policy.on_transport(TransportFailure::Other, 1),
            Verdict::Done
        );
    }

    #[test]
    fn backoff_doubles_within_jitter_and_is_capped() {
        let policy =
            RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_millis(1000));
        for _ in 0..200 {
            let first = policy.backoff_before(1);
            assert!(
                (Duration::from_millis(50)..=Duration::from_millis(100)).contains(&first),
                "{first:?}"
            );
            let third = policy.backoff_before(3);
            assert!(
                (Duration::from_millis(200)..=Duration::from_millis(400)).contains(&third),
                "{third:?}"
            );
            let late = policy.backoff_before(40);
            assert!(
                (Duration::from_millis(500)..=Duration::from_millis(1000)).contains(&late),
                "{late:?}"
            );
        }
    }
}
