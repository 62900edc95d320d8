//! [`AuthLayer`] and [`AuthService`]: the authorized calls of [`super`] as a tower layer over any
//! `Service<reqwest::Request>`.

use std::fmt;
use std::sync::Arc;
use std::task::{Context, Poll};

use reqwest::{Request, Response, StatusCode};
use tokio::time::Instant;
use tower_layer::Layer;
use tower_service::Service;
use tracing::Instrument;

use super::{Authorizer, BoxFuture, authorizer_options, finish_resend, resend_span};
use crate::authenticator::Authenticator;
use crate::endpoint::LoginEndpoint;
use crate::error::ErrorKind;

/// The error of an [`AuthService`]: the inner service's error, or the
/// [`AuthError`](crate::AuthError) of a failed login, boxed as tower does; downcast to tell
/// them apart.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// A tower [`Layer`] that presents an [`Authenticator`]'s token on every request and, on a 401,
/// logs in again once and resends once (cargo feature `tower`). The behaviour is described in
/// the [module](super) documentation.
///
/// Every service made by one layer (and its clones) shares one cooldown.
///
/// ```no_run
/// # #[auth_core::login_endpoint(vendor = "Example", base_url = "https://api.example.com",
/// #     path = "/login", response = Resp, token = token)]
/// # pub struct Login { email: String, #[login(secret)] password: auth_core::Secret }
/// # #[derive(serde::Deserialize)] pub struct Resp { token: auth_core::Secret }
/// # async fn run() -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
/// use std::sync::Arc;
/// use auth_core::middleware::AuthLayer;
/// use auth_core::{Authenticator, LoginClient};
/// use tower_layer::Layer;
/// use tower_service::Service;
///
/// let login = Login::builder().email("me@example.com").password("hunter2").build();
/// let auth = Arc::new(Authenticator::new(LoginClient::new()?, login));
/// let http = reqwest::Client::new();
/// let mut api = AuthLayer::new(auth).layer(http.clone());
/// let request = http.get("https://api.example.com/orders").build()?;
/// let orders = api.call(request).await?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct AuthLayer {
    authorizer: Arc<Authorizer>,
}

impl AuthLayer {
    /// Presents `authenticator`'s token as `Authorization: Bearer`, with a 30 s cooldown.
    pub fn new<E: LoginEndpoint + 'static>(authenticator: Arc<Authenticator<E>>) -> Self {
        AuthLayer {
            authorizer: Arc::new(Authorizer::new(authenticator)),
        }
    }

    fn authorizer(&self) -> &Authorizer {
        &self.authorizer
    }

    fn from_authorizer(authorizer: Authorizer) -> Self {
        AuthLayer {
            authorizer: Arc::new(authorizer),
        }
    }
}

authorizer_options!(AuthLayer);

impl<S> Layer<S> for AuthLayer {
    type Service = AuthService<S>;

    fn layer(&self, inner: S) -> AuthService<S> {
        AuthService {
            inner,
            authorizer: Arc::clone(&self.authorizer),
        }
    }
}

impl fmt::Debug for AuthLayer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthLayer")
            .field("authorizer", &self.authorizer)
            .finish()
    }
}

/// The service an [`AuthLayer`] makes around `S`.
#[derive(Clone)]
pub struct AuthService<S> {
    inner: S,
    authorizer: Arc<Authorizer>,
}

impl<S: fmt::Debug> fmt::Debug for AuthService<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthService")
            .field("inner", &self.inner)
            .field("authorizer", &self.authorizer)
            .finish()
    }
}

impl<S> Service<Request> for AuthService<S>
where
    S: Service<Request, Response = Response> + Clone + Send + 'static,
    S::Future: Send,
    S::Error: Into<BoxError>,
{
    type Response = Response;
    type Error = BoxError;
    type Future = BoxFuture<'static, Result<Response, BoxError>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), BoxError>> {
        self.inner.poll_ready(cx).map_err(Into::into)
    }

    fn call(&mut self, mut request: Request) -> Self::Future {
        // The service that was polled ready is the one to call; a clone stays behind for the
        // next call (tower's usual pattern).
        let clone = self.inner.clone();
        let mut inner = std::mem::replace(&mut self.inner, clone);
        let authorizer = Arc::clone(&self.authorizer);
        Box::pin(async move {
            let replay = request.try_clone();
            let sent = authorizer.authorize(&mut request).await?;
            let response = inner.call(request).await.map_err(Into::into)?;
            if response.status() != StatusCode::UNAUTHORIZED {
                return Ok(response);
            }
            let Some(replay) = authorizer.recover(&sent, replay).await? else {
                return Ok(response);
            };
            drop(response);
            let span = resend_span(authorizer.vendor());
            let started = Instant::now();
            let resent = async {
                std::future::poll_fn(|cx| inner.poll_ready(cx))
                    .await
                    .map_err(Into::into)?;
                inner.call(replay).await.map_err(Into::into)
            }
            .instrument(span.clone())
            .await;
            let status = match &resent {
                Ok(response) => Ok(response.status()),
                Err(error) => Err(match error.downcast_ref::<reqwest::Error>() {
                    Some(error) => super::transport_kind(error),
                    None => ErrorKind::Rejected,
                }),
            };
            finish_resend(&span, started, status);
            resent
        })
    }
}
