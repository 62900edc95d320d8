//! [`RefreshEndpoint`]: a vendor's refresh-token grant, declared next to its login, which an
//! [`Authenticator`](crate::Authenticator) uses instead of logging in again.

use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;

use crate::__private::Exchange;
use crate::client::LoginClient;
use crate::endpoint::LoginEndpoint;
use crate::error::AuthError;
use crate::secret::Secret;
use crate::session::Session;

/// A refresh endpoint: a request declared with `#[login_endpoint]` that trades a refresh token
/// for a new session, and the login whose sessions it renews.
///
/// Declare the refresh request as a login endpoint of its own (its path, its body with the
/// refresh token as a `#[login(secret)]` field, where the new token, refresh token and expiry
/// are read), with the same response type as the login, as OAuth 2.0's `refresh_token` grant
/// answers with the same token response as the grant that logged in. Then say how a refresh
/// request is made from a refresh token; `login` is the app's login request, for values both
/// requests carry (a client id):
///
/// ```
/// use auth_core::{login_endpoint, RefreshEndpoint, Secret};
///
/// #[derive(Debug, serde::Deserialize)]
/// pub struct TokenResponse {
///     pub access_token: Secret,
///     pub refresh_token: Option<Secret>,
/// }
///
/// #[login_endpoint(vendor = "Example", base_url = "https://api.example.com",
///     path = "/auth/login", response = TokenResponse, token = access_token,
///     refresh_token = refresh_token, lifetime = "15m")]
/// pub struct Login {
///     email: String,
///     #[login(secret)]
///     password: Secret,
/// }
///
/// #[login_endpoint(vendor = "Example", base_url = "https://api.example.com",
///     path = "/auth/refresh", response = TokenResponse, token = access_token,
///     refresh_token = refresh_token, lifetime = "15m")]
/// pub struct Refresh {
///     #[login(secret)]
///     refresh_token: Secret,
/// }
///
/// impl RefreshEndpoint for Refresh {
///     type Login = Login;
///
///     fn for_refresh_token(_login: &Login, refresh_token: &Secret) -> Self {
///         Refresh::builder().refresh_token(refresh_token.clone()).build()
///     }
/// }
/// ```
///
/// and the app asks for it with
/// [`Authenticator::with_refresh`](crate::Authenticator::with_refresh).
///
/// A refresh answer without a refresh token keeps the one that was sent (RFC 6749 §6: the
/// server *may* issue a new one); one with a new refresh token replaces it, and the old one is
/// never sent again.
pub trait RefreshEndpoint: LoginEndpoint + Sized + 'static {
    /// The login whose sessions this endpoint refreshes.
    type Login: LoginEndpoint<Response = Self::Response>;

    /// The refresh request that sends `refresh_token`.
    fn for_refresh_token(login: &Self::Login, refresh_token: &Secret) -> Self;
}

/// A refresh in flight, as the authenticator awaits it.
pub(crate) type RefreshFuture<'a, R> =
    Pin<Box<dyn Future<Output = Result<(Session<R>, Bytes), AuthError>> + Send + 'a>>;

/// How an authenticator for login `E` refreshes: one function per [`RefreshEndpoint`], chosen
/// when the app asks for it.
pub(crate) type RefreshFn<E> = for<'a> fn(
    &'a LoginClient,
    &'a E,
    Option<&'a str>,
    &'a Secret,
) -> RefreshFuture<'a, <E as LoginEndpoint>::Response>;

/// Sends `R`'s refresh request for `refresh_token` to `base_url` (`R`'s declared one when
/// `None`), in a `refresh` span.
pub(crate) fn refresh_with<'a, E, R>(
    client: &'a LoginClient,
    login: &'a E,
    base_url: Option<&'a str>,
    refresh_token: &'a Secret,
) -> RefreshFuture<'a, E::Response>
where
    E: LoginEndpoint,
    R: RefreshEndpoint<Login = E> + LoginEndpoint<Response = E::Response>,
{
    let request = R::for_refresh_token(login, refresh_token);
    Box::pin(async move {
        // With its body, which a shared store keeps.
        crate::__private::send_keeping_body(Exchange::Refresh, client, &request, base_url).await
    })
}
