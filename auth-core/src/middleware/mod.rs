//! Authorized API calls: the app's own requests to a vendor's API carry the
//! [`Authenticator`]'s current token, and a 401 leads to one new login and one resend.
//!
//! Two adapters over the same behaviour:
//!
//! - [`AuthMiddleware`] (cargo feature `middleware`), a
//!   [`reqwest_middleware::Middleware`] for a `reqwest_middleware::ClientWithMiddleware`;
//! - [`AuthLayer`] (cargo feature `tower`), a tower `Layer` whose [`AuthService`] wraps any
//!   `Service<reqwest::Request>`, `reqwest::Client` included.
//!
//! What each does with a request:
//!
//! 1. Takes a token from the authenticator (a cached one, or the result of a login shared with
//!    every other caller) and presents it as the [`TokenPresentation`] says
//!    (`Authorization: Bearer` by default), the header marked sensitive.
//! 2. Sends the request. Any answer but `401 Unauthorized` is returned as it is.
//! 3. On a 401, reports exactly the token it sent as rejected
//!    ([`Authenticator::invalidate`]): if another task already replaced that token, the newer
//!    one is kept and used. It then takes a token (logging in if needed) and sends the request
//!    once more. The answer to that resend is returned, whatever it is: there is no second
//!    resend.
//! 4. A cooldown (default 30 s) stops a broken credential from looping: once a 401 has led to a
//!    new login, a 401 to the token in use within the cooldown is returned as it is, with no
//!    further login. A request that another task's recovery already covered (it was sent with
//!    the token that was just replaced) is still sent again, with the new token.
//! 5. A request whose body cannot be cloned (a stream) is never sent twice: its 401 is
//!    returned, and the token is reported rejected so that the next call logs in.
//!
//! A token is sent over `https`, or plain `http` to loopback hosts only, unless the adapter is
//! told `allow_plain_http(true)`. Use a client that follows no redirects, such as
//! [`LoginClient::http_client`](crate::LoginClient::http_client): reqwest drops `Authorization`
//! and `Cookie` on a redirect to another host, but a header of the vendor's own would follow.
//!
//! A failed login (a changed password, a locked account) ends the call with that
//! [`AuthError`]; the reqwest-middleware adapter wraps it in
//! `reqwest_middleware::Error::Middleware`, the tower one boxes it. Either can be downcast back.
//!
//! Each resend runs in a `tracing` span `authorized_resend` with the vendor, the attempt (2),
//! the HTTP status, the outcome and the duration; no span or event carries a token.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use reqwest::StatusCode;
use tokio::time::Instant;

use crate::authenticator::{AccessToken, Authenticator};
use crate::client::is_loopback;
use crate::endpoint::LoginEndpoint;
use crate::error::{AuthError, ErrorKind};
use crate::presentation::TokenPresentation;

#[cfg(feature = "middleware")]
mod reqwest_middleware_adapter;
#[cfg(feature = "tower")]
mod tower_adapter;

#[cfg(feature = "middleware")]
pub use reqwest_middleware_adapter::AuthMiddleware;
#[cfg(feature = "tower")]
pub use tower_adapter::{AuthLayer, AuthService};

/// The default cooldown after a 401 led to a new login.
pub const DEFAULT_COOLDOWN: Duration = Duration::from_secs(30);

type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What the adapters need of an [`Authenticator`], with its endpoint type erased so that the
/// adapters are compiled once.
trait TokenProvider: Send + Sync + 'static {
    fn vendor(&self) -> &'static str;
    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>>;
    /// The current token if there is a valid one, without logging in.
    fn current(&self) -> Option<AccessToken>;
    fn invalidate(&self, token: &AccessToken);
}

impl<E: LoginEndpoint + 'static> TokenProvider for Authenticator<E> {
    fn vendor(&self) -> &'static str {
        E::SPEC.vendor()
    }

    fn token(&self) -> BoxFuture<'_, Result<AccessToken, AuthError>> {
        Box::pin(Authenticator::token(self))
    }

    fn current(&self) -> Option<AccessToken> {
        self.cached_token(Instant::now())
    }

    fn invalidate(&self, token: &AccessToken) {
        Authenticator::invalidate(self, token);
    }
}

/// The behaviour both adapters share: attaching the token, and what to do about a 401.
pub(crate) struct Authorizer {
    provider: Arc<dyn TokenProvider>,
    presentation: TokenPresentation,
    cooldown: Duration,
    allow_plain_http: bool,
    /// When a 401 last led to a new login. Held while that login runs, so that 401s arriving
    /// together lead to one login, after which the others find the new token.
    recovered_at: tokio::sync::Mutex<Option<Instant>>,
}

impl Authorizer {
    fn new<E: LoginEndpoint + 'static>(authenticator: Arc<Authenticator<E>>) -> Self {
        Authorizer {
            provider: authenticator,
            presentation: TokenPresentation::default(),
            cooldown: DEFAULT_COOLDOWN,
            allow_plain_http: false,
            recovered_at: tokio::sync::Mutex::new(None),
        }
    }

    /// The same authenticator with `change` made to its options, and a cooldown not yet
    /// started.
    fn reconfigured(&self, change: impl FnOnce(&mut Options)) -> Self {
        let mut options = Options {
            presentation: self.presentation.clone(),
            cooldown: self.cooldown,
            allow_plain_http: self.allow_plain_http,
        };
        change(&mut options);
        Authorizer {
            provider: Arc::clone(&self.provider),
            presentation: options.presentation,
            cooldown: options.cooldown,
            allow_plain_http: options.allow_plain_http,
            recovered_at: tokio::sync::Mutex::new(None),
        }
    }

    fn vendor(&self) -> &'static str {
        self.provider.vendor()
    }

    /// Takes a token and presents it on `request`.
    async fn authorize(&self, request: &mut reqwest::Request) -> Result<AccessToken, AuthError> {
        let url = request.url();
        if url.scheme() == "http" && !self.allow_plain_http && !is_loopback(url) {
            return Err(
                AuthError::new(ErrorKind::InsecureTransport, self.vendor()).with_detail(format!(
                    "`{}` is plain http to a host that is not loopback; a token is only sent over https unless the middleware allows plain http",
                    url.origin().ascii_serialization()
                )),
            );
        }
        let token = self.provider.token().await?;
        self.present(request, &token)?;
        Ok(token)
    }

    fn present(
        &self,
        request: &mut reqwest::Request,
        token: &AccessToken,
    ) -> Result<(), AuthError> {
        self.presentation
            .apply(request.headers_mut(), token.secret(), self.vendor())
    }

    /// After `sent` was answered with a 401: the copy of the request to send again, authorized
    /// with a newer token, or `None` when the 401 is the answer (the cooldown is running, or
    /// the request cannot be replayed).
    async fn recover(
        &self,
        sent: &AccessToken,
        replay: Option<reqwest::Request>,
    ) -> Result<Option<reqwest::Request>, AuthError> {
        let vendor = self.vendor();
        let mut recovered_at = self.recovered_at.lock().await;
        let now = Instant::now();
        if let Some(current) = self.provider.current()
            && !current.same_session(sent)
        {
            // Another task's recovery (or an expiry) replaced the token already: no login.
            drop(recovered_at);
            let Some(mut replay) = replay else {
                tracing::debug!(
                    vendor,
                    "API answered 401; not sent again, as its body cannot be replayed"
                );
                return Ok(None);
            };
            self.present(&mut replay, &current)?;
            return Ok(Some(replay));
        }
        if let Some(at) = *recovered_at
            && now.saturating_duration_since(at) < self.cooldown
        {
            tracing::debug!(
                vendor,
                cooldown_ms = self.cooldown.as_millis() as u64,
                "API answered 401 again within the cooldown of the last new login; not logging in again"
            );
            return Ok(None);
        }
        self.provider.invalidate(sent);
        *recovered_at = Some(now);
        let Some(mut replay) = replay else {
            tracing::debug!(
                vendor,
                "API answered 401; token reported rejected, request not sent again as its body cannot be replayed"
            );
            return Ok(None);
        };
        tracing::debug!(vendor, "API answered 401; logging in again");
        let fresh = self.provider.token().await?;
        drop(recovered_at);
        self.present(&mut replay, &fresh)?;
        Ok(Some(replay))
    }
}

impl fmt::Debug for Authorizer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorizer")
            .field("vendor", &self.vendor())
            .field("presentation", &self.presentation)
            .field("cooldown", &self.cooldown)
            .finish_non_exhaustive()
    }
}

/// The options an [`Authorizer`] is built with.
struct Options {
    presentation: TokenPresentation,
    cooldown: Duration,
    allow_plain_http: bool,
}

/// The options both adapters take. Each gives a new [`Authorizer`], with the cooldown's state
/// fresh, so an adapter's clones made before an option was set keep the old one.
macro_rules! authorizer_options {
    ($ty:ident) => {
        impl $ty {
            /// How the token is presented (default [`TokenPresentation::bearer`]).
            #[must_use]
            pub fn presenting(self, presentation: $crate::TokenPresentation) -> Self {
                Self::from_authorizer(
                    self.authorizer()
                        .reconfigured(|options| options.presentation = presentation),
                )
            }

            /// How long after a 401 led to a new login a further 401 is returned as it is,
            /// without logging in again (default 30 s).
            #[must_use]
            pub fn with_cooldown(self, cooldown: ::std::time::Duration) -> Self {
                Self::from_authorizer(
                    self.authorizer()
                        .reconfigured(|options| options.cooldown = cooldown),
                )
            }

            /// Whether a token may be sent over plain `http://` to a host that is not loopback
            /// (default: no; such a request fails with `ErrorKind::InsecureTransport` before
            /// anything is sent).
            #[must_use]
            pub fn allow_plain_http(self, allow: bool) -> Self {
                Self::from_authorizer(
                    self.authorizer()
                        .reconfigured(|options| options.allow_plain_http = allow),
                )
            }
        }
    };
}
use authorizer_options;

/// The span of one resend, its status and outcome recorded when it ends.
fn resend_span(vendor: &'static str) -> tracing::Span {
    tracing::info_span!(
        "authorized_resend",
        vendor,
        attempt = 2u32,
        status = tracing::field::Empty,
        outcome = tracing::field::Empty,
        duration_ms = tracing::field::Empty,
    )
}

/// Records how a resend ended on its span.
fn finish_resend(span: &tracing::Span, started: Instant, status: Result<StatusCode, ErrorKind>) {
    let outcome = match status {
        Ok(status) => {
            span.record("status", status.as_u16());
            if status.is_success() || status.is_informational() || status.is_redirection() {
                "ok"
            } else {
                ErrorKind::from_status(status.as_u16()).name()
            }
        }
        Err(kind) => kind.name(),
    };
    span.record("outcome", outcome);
    span.record("duration_ms", started.elapsed().as_millis() as u64);
}

/// The kind a transport failure of the app's own request stands for.
fn transport_kind(error: &reqwest::Error) -> ErrorKind {
    if error.is_timeout() {
        ErrorKind::Timeout
    } else {
        ErrorKind::Connect
    }
}
