//! [`AuthMiddleware`]: the authorized calls of [`super`] as a `reqwest-middleware` middleware.

use std::fmt;
use std::sync::Arc;

use reqwest::{Request, Response, StatusCode};
use reqwest_middleware::{Middleware, Next};
use tokio::time::Instant;
use tracing::Instrument;

use super::{Authorizer, authorizer_options, finish_resend, resend_span, transport_kind};
use crate::authenticator::Authenticator;
use crate::endpoint::LoginEndpoint;
use crate::error::AuthError;

/// A [`reqwest_middleware::Middleware`] that presents an [`Authenticator`]'s token on every
/// request and, on a 401, logs in again once and resends once (cargo feature `middleware`).
/// The behaviour is described in the [module](super) documentation.
///
/// ```no_run
/// # #[auth_core::login_endpoint(vendor = "Example", base_url = "https://api.example.com",
/// #     path = "/login", response = Resp, token = token)]
/// # pub struct Login { email: String, #[login(secret)] password: auth_core::Secret }
/// # #[derive(serde::Deserialize)] pub struct Resp { token: auth_core::Secret }
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use std::sync::Arc;
/// use auth_core::middleware::AuthMiddleware;
/// use auth_core::{Authenticator, LoginClient};
///
/// let login = Login::builder().email("me@example.com").password("hunter2").build();
/// let auth = Arc::new(Authenticator::new(LoginClient::new()?, login));
/// let api = reqwest_middleware::ClientBuilder::new(reqwest::Client::new())
///     .with(AuthMiddleware::new(auth))
///     .build();
/// let orders = api.get("https://api.example.com/orders").send().await?;
/// # Ok(()) }
/// ```
///
/// Errors of the login are returned as `reqwest_middleware::Error::Middleware` holding the
/// [`AuthError`]: `error.downcast_ref::<AuthError>()` on the `anyhow::Error` gives it back.
pub struct AuthMiddleware {
    authorizer: Authorizer,
}

impl AuthMiddleware {
    /// Presents `authenticator`'s token as `Authorization: Bearer`, with a 30 s cooldown.
    pub fn new<E: LoginEndpoint + 'static>(authenticator: Arc<Authenticator<E>>) -> Self {
        AuthMiddleware {
            authorizer: Authorizer::new(authenticator),
        }
    }

    fn authorizer(&self) -> &Authorizer {
        &self.authorizer
    }

    fn from_authorizer(authorizer: Authorizer) -> Self {
        AuthMiddleware { authorizer }
    }
}

authorizer_options!(AuthMiddleware);

impl fmt::Debug for AuthMiddleware {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthMiddleware")
            .field("vendor", &self.authorizer.vendor())
            .field("presentation", &self.authorizer.presentation)
            .field("cooldown", &self.authorizer.cooldown)
            .finish()
    }
}

fn middleware_error(error: AuthError) -> reqwest_middleware::Error {
    reqwest_middleware::Error::middleware(error)
}

#[async_trait::async_trait]
impl Middleware for AuthMiddleware {
    async fn handle(
        &self,
        mut request: Request,
        extensions: &mut http::Extensions,
        next: Next<'_>,
    ) -> reqwest_middleware::Result<Response> {
        let authorizer = &self.authorizer;
        // Taken before the token goes in, so the copy carries none; `None` for a stream.
        let replay = request.try_clone();
        let sent = authorizer
            .authorize(&mut request)
            .await
            .map_err(middleware_error)?;
        let response = next.clone().run(request, extensions).await?;
        if response.status() != StatusCode::UNAUTHORIZED {
            return Ok(response);
        }
        let Some(replay) = authorizer
            .recover(&sent, replay)
            .await
            .map_err(middleware_error)?
        else {
            return Ok(response);
        };
        // The first answer's connection is free for the resend once it is dropped.
        drop(response);
        let span = resend_span(authorizer.vendor());
        let started = Instant::now();
        let resent = next.run(replay, extensions).instrument(span.clone()).await;
        let status = match &resent {
            Ok(response) => Ok(response.status()),
            Err(reqwest_middleware::Error::Reqwest(error)) => Err(transport_kind(error)),
            Err(reqwest_middleware::Error::Middleware(_)) => Err(crate::error::ErrorKind::Rejected),
        };
        finish_resend(&span, started, status);
        resent
    }
}
