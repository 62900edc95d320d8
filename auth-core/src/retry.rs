//! [`RetryPolicy`]: which failed logins [`LoginClient`](crate::LoginClient) sends again, and
//! how long it waits first.

use std::time::Duration;

use tokio::time::Instant;

use crate::error::{AuthError, ErrorKind};

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
/// | 500, 502, 504; an [`attempt_timeout`](crate::LoginClientBuilder::attempt_timeout) that passed after the request was sent | yes | jittered exponential backoff |
/// | any of the above when the wait would end at or past the login's deadline | no: the answer is returned at once | — |
/// | 400, 401, 403, 404, 410, 415, 423, any other status, redirects, TLS, decode errors | never | — |
///
/// Every outcome counts against one budget of [`max_attempts`](RetryPolicy::max_attempts)
/// (default 3, the first one included); when it is spent, the last answer is returned as its
/// error. All attempts and the waits between them share the client's one deadline, its
/// [`timeout`](crate::LoginClientBuilder::timeout) (default 30 s): a wait that would end at or
/// past it is not taken, and the answer that asked for it is returned at once. Each attempt can
/// also have a limit of its own,
/// [`attempt_timeout`](crate::LoginClientBuilder::attempt_timeout). The backoff before retry *n*
/// is drawn uniformly from the upper half of `initial_backoff × 2ⁿ⁻¹`, capped at `max_backoff`
/// (defaults 250 ms and 4 s), so clients that failed together do not come back together.
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

/// The time one login may take: one deadline over every attempt and every wait between them,
/// and optionally a shorter limit for each attempt. Measured on tokio's clock, so tests with a
/// paused clock see exactly what a caller would.
#[derive(Debug)]
pub(crate) struct Budget {
    started: Instant,
    total: Duration,
    /// `None` when `total` reaches past what the clock can represent: no deadline then.
    deadline: Option<Instant>,
    per_attempt: Option<Duration>,
}

/// When the next attempt must be over, and what it is called when that time comes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct AttemptLimit {
    pub(crate) ends_at: Instant,
    cut: Cut,
}

#[derive(Clone, Copy, Debug)]
enum Cut {
    /// The login's deadline, of this total length, comes first.
    Deadline(Duration),
    /// The attempt's own timeout comes first.
    AttemptTimeout(Duration),
}

impl Budget {
    /// Starts the clock on a login that may take `total`, each attempt at most `per_attempt`.
    pub(crate) fn start(total: Duration, per_attempt: Option<Duration>) -> Budget {
        let started = Instant::now();
        Budget {
            started,
            total,
            deadline: started.checked_add(total),
            per_attempt,
        }
    }

    /// The limit for an attempt starting now: its own timeout, or the deadline if that comes
    /// first. `None`: no limit at all.
    pub(crate) fn for_attempt(&self) -> Option<AttemptLimit> {
        let own = self
            .per_attempt
            .and_then(|own| Some((Instant::now().checked_add(own)?, own)));
        match (self.deadline, own) {
            (Some(deadline), Some((ends_at, own))) if ends_at < deadline => Some(AttemptLimit {
                ends_at,
                cut: Cut::AttemptTimeout(own),
            }),
            (Some(deadline), _) => Some(AttemptLimit {
                ends_at: deadline,
                cut: Cut::Deadline(self.total),
            }),
            (None, Some((ends_at, own))) => Some(AttemptLimit {
                ends_at,
                cut: Cut::AttemptTimeout(own),
            }),
            (None, None) => None,
        }
    }

    /// Whether waiting `wait` from now still leaves time for another attempt: a wait that would
    /// end at or past the deadline is not worth sleeping through.
    pub(crate) fn allows_wait(&self, wait: Duration) -> bool {
        match self.deadline {
            None => true,
            Some(deadline) => Instant::now()
                .checked_add(wait)
                .is_some_and(|end| end < deadline),
        }
    }

    /// The error a login ends with after `attempts` sends, saying how many there were and how
    /// long they took in all, for timeouts and for anything that was retried.
    pub(crate) fn summarize(&self, error: AuthError, attempts: u32) -> AuthError {
        self.summarize_with(error, attempts, None)
    }

    /// [`summarize`](Self::summarize) for a login whose next retry was not made because its
    /// `wait` would have passed the deadline, which the error then says.
    pub(crate) fn summarize_unretried(
        &self,
        error: AuthError,
        attempts: u32,
        wait: Duration,
    ) -> AuthError {
        self.summarize_with(error, attempts, Some(wait))
    }

    fn summarize_with(
        &self,
        error: AuthError,
        attempts: u32,
        unretried: Option<Duration>,
    ) -> AuthError {
        // Once the deadline itself has passed, there is nothing to explain about a retry.
        let unretried = unretried.filter(|_| {
            self.deadline
                .is_some_and(|deadline| Instant::now() < deadline)
        });
        if error.kind() != ErrorKind::Timeout && attempts == 1 && unretried.is_none() {
            return error;
        }
        let elapsed = self.started.elapsed();
        let plural = if attempts == 1 { "" } else { "s" };
        let mut summary = format!("{attempts} attempt{plural}, {elapsed:.1?} in all");
        if let Some(wait) = unretried {
            summary.push_str(&format!(
                "; not retried, as waiting {wait:.1?} would pass the {:?} deadline",
                self.total
            ));
        }
        let detail = match error.detail() {
            Some(detail) => format!("{detail}; {summary}"),
            None => summary,
        };
        error.with_detail(detail)
    }
}

impl AttemptLimit {
    /// The failure of an attempt that ran out of this limit. It may have reached the server,
    /// so it counts as a timeout after sending; when the deadline cut it, no time is left for
    /// a retry anyway.
    pub(crate) fn expired(self, vendor: &'static str) -> (TransportFailure, AuthError) {
        let detail = match self.cut {
            Cut::Deadline(total) => {
                format!("no complete response before the login's {total:?} deadline")
            }
            Cut::AttemptTimeout(own) => {
                format!("no complete response within the {own:?} attempt timeout")
            }
        };
        (
            TransportFailure::TimedOut,
            AuthError::new(ErrorKind::Timeout, vendor).with_detail(detail),
        )
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

    #[tokio::test(start_paused = true)]
    async fn the_budget_takes_the_earlier_limit_and_refuses_waits_past_the_deadline() {
        let budget = Budget::start(Duration::from_secs(10), Some(Duration::from_secs(4)));
        let start = Instant::now();
        assert_eq!(
            budget.for_attempt().unwrap().ends_at,
            start + Duration::from_secs(4)
        );
        tokio::time::advance(Duration::from_secs(8)).await;
        let limit = budget.for_attempt().unwrap();
        assert_eq!(limit.ends_at, start + Duration::from_secs(10));
        let (failure, error) = limit.expired("V");
        assert_eq!(failure, TransportFailure::TimedOut);
        assert_eq!(error.kind(), ErrorKind::Timeout);
        assert!(budget.allows_wait(Duration::from_millis(1999)));
        assert!(!budget.allows_wait(Duration::from_secs(2)));
        assert!(!budget.allows_wait(Duration::MAX));
        let summarized = budget.summarize(error.clone(), 2);
        assert_eq!(
            summarized.detail(),
            Some("no complete response before the login's 10s deadline; 2 attempts, 8.0s in all")
        );
        let unretried = budget.summarize_unretried(error.clone(), 2, Duration::from_secs(3));
        assert_eq!(
            unretried.detail(),
            Some(
                "no complete response before the login's 10s deadline; 2 attempts, 8.0s in all; not retried, as waiting 3.0s would pass the 10s deadline"
            )
        );
        // Past the deadline, the deadline is the whole story.
        tokio::time::advance(Duration::from_secs(2)).await;
        let cut = budget.summarize_unretried(error, 2, Duration::from_secs(3));
        assert_eq!(
            cut.detail(),
            Some("no complete response before the login's 10s deadline; 2 attempts, 10.0s in all")
        );
    }

    #[test]
    fn a_timeout_too_large_for_the_clock_is_no_limit_and_no_panic() {
        let budget = Budget::start(Duration::MAX, Some(Duration::MAX));
        assert!(budget.for_attempt().is_none());
        assert!(budget.allows_wait(Duration::MAX));
        let own = Budget::start(Duration::MAX, Some(Duration::from_secs(1)));
        assert!(own.for_attempt().is_some());
    }

    #[test]
    fn only_timeouts_and_retried_failures_are_summarized() {
        let budget = Budget::start(Duration::from_secs(30), None);
        let once = AuthError::new(ErrorKind::Connect, "V").with_detail("could not connect");
        assert_eq!(
            budget.summarize(once.clone(), 1).detail(),
            Some("could not connect")
        );
        let retried = budget.summarize(once, 3).detail().unwrap().to_owned();
        assert!(
            retried.starts_with("could not connect; 3 attempts, "),
            "{retried}"
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
