//! [`RefreshEndpoint`]: a vendor's refresh-token grant, declared next to its login, which an
//! [`Authenticator`](crate::Authenticator) uses instead of logging in again.

use std::any::{Any, TypeId};
use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;

use crate::__private::Exchange;
use crate::client::LoginClient;
use crate::endpoint::LoginEndpoint;
use crate::error::{AuthError, ErrorKind};
use crate::secret::Secret;
use crate::session::Session;

/// A refresh endpoint: a request declared with `#[login_endpoint(refreshes = Login, ...)]` that
/// trades a refresh token for a new session of `Login`. Implemented by the macro, never by
/// hand.
///
/// The refresh request is declared with the keys of a login (its path, method, body, where the
/// new token, refresh token and expiry are read), plus `refreshes = Login`, the login whose
/// sessions it renews. Its fields are filled by the authenticator: the one marked
/// `#[login(secret, refresh_token)]` carries the session's refresh token (in the body, a form,
/// a header, a cookie or the query, as placed), and each one marked `#[login(from_login)]`
/// is copied from the login's field of the same name (or the one given: `from_login =
/// client_id`), for values both requests carry, such as a client id. OAuth 2.0's
/// `refresh_token` grant (RFC 6749 §6):
///
/// ```
/// use auth_core::{login_endpoint, Secret};
///
/// #[derive(Debug, serde::Deserialize)]
/// pub struct TokenResponse {
///     pub access_token: Secret,
///     pub refresh_token: Option<Secret>,
///     pub expires_in: Option<u64>,
/// }
///
/// #[login_endpoint(vendor = "Example", base_url = "https://sso.example.com",
///     path = "/oauth/token", body = form, constant(grant_type = "password"),
///     response = TokenResponse, token = access_token,
///     refresh_token = refresh_token, expires_in = expires_in)]
/// pub struct Login {
///     client_id: String,
///     username: String,
///     #[login(secret)]
///     password: Secret,
/// }
///
/// #[login_endpoint(refreshes = Login, vendor = "Example",
///     path = "/oauth/token", body = form, constant(grant_type = "refresh_token"),
///     response = TokenResponse, token = access_token,
///     refresh_token = refresh_token, expires_in = expires_in)]
/// pub struct Refresh {
///     #[login(secret, refresh_token)]
///     refresh_token: Secret,
///     #[login(from_login)]
///     client_id: String,
/// }
/// ```
///
/// and the login names it with `refresh = Refresh` in its own `#[login_endpoint(...)]`, so that
/// every [`Authenticator`](crate::Authenticator) of the login refreshes with it (see
/// [`RefreshOf`]); an app can also choose one with
/// [`Authenticator::with_refresh`](crate::Authenticator::with_refresh). A refresh without a
/// `base_url` is sent where the login is.
///
/// A refresh answer without a refresh token keeps the one that was sent (RFC 6749 §6: the
/// server *may* issue a new one); one with a new refresh token replaces it, and the old one is
/// never sent again.
///
/// The refresh's `response` type may differ from the login's. When it does, the session the
/// authenticator hands out after a refresh has the refresh's token, refresh token and expiry,
/// and keeps the last login's typed response (read again from the body that login answered),
/// so [`Authenticator::session`](crate::Authenticator::session) always has the login's type.
/// When it is the same type, the session is the refresh's own.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a refresh endpoint",
    label = "not declared with `refreshes = ...`",
    note = "declare the vendor's refresh request with `#[login_endpoint(refreshes = Login, ...)]` and a field marked `#[login(secret, refresh_token)]`"
)]
pub trait RefreshEndpoint: LoginEndpoint + Sized + 'static {
    /// The login whose sessions this endpoint refreshes.
    type Login: LoginEndpoint;

    /// The refresh request that sends `refresh_token`, with the values it takes from `login`.
    #[doc(hidden)]
    fn for_refresh_token(login: &Self::Login, refresh_token: &Secret) -> Self;
}

/// A refresh endpoint of the login `L`: a [`RefreshEndpoint`] declared with `refreshes = L`.
/// Implemented for every refresh endpoint of `L`, never by hand; it is what a login's
/// `refresh = Refresh` key and [`Authenticator::with_refresh`](crate::Authenticator::with_refresh)
/// ask of the refresh they are given.
///
/// ```
/// use auth_core::{login_endpoint, Secret};
///
/// #[derive(Debug, serde::Deserialize)]
/// pub struct TokenResponse {
///     pub access_token: Secret,
///     pub refresh_token: Option<Secret>,
///     pub expires_in: Option<u64>,
/// }
///
/// // `refresh = Refresh`: every `Authenticator` of `Login` refreshes with `Refresh`.
/// #[login_endpoint(vendor = "Example", base_url = "https://sso.example.com",
///     path = "/oauth/token", body = form, constant(grant_type = "password"),
///     response = TokenResponse, token = access_token,
///     refresh_token = refresh_token, expires_in = expires_in, refresh = Refresh)]
/// pub struct Login {
///     username: String,
///     #[login(secret)]
///     password: Secret,
/// }
///
/// #[login_endpoint(refreshes = Login, vendor = "Example",
///     path = "/oauth/token", body = form, constant(grant_type = "refresh_token"),
///     response = TokenResponse, token = access_token,
///     refresh_token = refresh_token, expires_in = expires_in)]
/// pub struct Refresh {
///     #[login(secret, refresh_token)]
///     refresh_token: Secret,
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a refresh endpoint of `{L}`",
    label = "not declared with `refreshes = {L}`",
    note = "name the request that refreshes `{L}`'s sessions: one declared with `#[login_endpoint(refreshes = {L}, ...)]` and a field marked `#[login(secret, refresh_token)]`"
)]
pub trait RefreshOf<L: LoginEndpoint> {
    /// How an authenticator of `L` sends this refresh.
    #[doc(hidden)]
    fn __refresh() -> DeclaredRefresh<L>;
}

// Reported as "not a refresh endpoint of `L`", for a type that is not a refresh endpoint and
// for one of another login alike, rather than through `RefreshEndpoint`'s own message or an
// associated-type mismatch.
#[diagnostic::do_not_recommend]
impl<L: LoginEndpoint, R: RefreshEndpoint<Login = L>> RefreshOf<L> for R {
    fn __refresh() -> DeclaredRefresh<L> {
        DeclaredRefresh {
            send: refresh_with::<L, R>,
            keeps_login_body: keeps_login_body::<L, R>(),
        }
    }
}

/// How an authenticator of login `E` refreshes, with the refresh endpoint's type erased: what
/// a login's `refresh = Refresh` key declares, and what
/// [`Authenticator::with_refresh`](crate::Authenticator::with_refresh) chooses.
#[doc(hidden)]
// No bound on `E`, so that the `Authenticator` holding one needs none either.
pub struct DeclaredRefresh<E> {
    pub(crate) send: RefreshFn<E>,
    /// Whether the refresh's response type is not the login's, so that the last login's body
    /// is kept to read its response again.
    pub(crate) keeps_login_body: bool,
}

impl<E> Clone for DeclaredRefresh<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for DeclaredRefresh<E> {}

/// A refresh in flight, as the authenticator awaits it: a `Session` of the login's response
/// type, erased so that the function's type names none of `E`'s associated types.
pub(crate) type RefreshFuture<'a> =
    Pin<Box<dyn Future<Output = Result<(Box<dyn Any + Send>, Bytes), AuthError>> + Send + 'a>>;

/// How an authenticator for login `E` refreshes: one function per [`RefreshEndpoint`], chosen
/// when the app asks for it. Its last argument is the body of the last login's answer, kept
/// when the refresh's response type is not the login's.
pub(crate) type RefreshFn<E> = for<'a> fn(
    &'a LoginClient,
    &'a E,
    Option<&'a str>,
    &'a Secret,
    Option<&'a [u8]>,
) -> RefreshFuture<'a>;

/// Whether a session refreshed by `R` needs the last login's body to be a session of `E`.
pub(crate) fn keeps_login_body<E: LoginEndpoint, R: RefreshEndpoint>() -> bool {
    TypeId::of::<E::Response>() != TypeId::of::<R::Response>()
}

/// Sends `R`'s refresh request for `refresh_token` to `base_url` (else `R`'s declared one, else
/// the login's), in a `refresh` span.
pub(crate) fn refresh_with<'a, E, R>(
    client: &'a LoginClient,
    login: &'a E,
    base_url: Option<&'a str>,
    refresh_token: &'a Secret,
    login_body: Option<&'a [u8]>,
) -> RefreshFuture<'a>
where
    E: LoginEndpoint,
    R: RefreshEndpoint<Login = E>,
{
    let request = R::for_refresh_token(login, refresh_token);
    let base_url = base_url.or(R::SPEC.base_url()).or(E::SPEC.base_url());
    Box::pin(async move {
        // With its body, which a shared store keeps.
        let (session, body) =
            crate::__private::send_keeping_body(Exchange::Refresh, client, &request, base_url)
                .await?;
        let (session, body) = as_login_session::<E, R::Response>(session, body, login_body)?;
        Ok((Box::new(session) as Box<dyn Any + Send>, body))
    })
}

/// A refreshed session as a session of login `E`: itself when its response has `E`'s type,
/// else its credentials with the response of the last login, read again from `login_body`
/// (which is then the body the session is kept with).
fn as_login_session<E: LoginEndpoint, R: Send + Sync + 'static>(
    session: Session<R>,
    body: Bytes,
    login_body: Option<&[u8]>,
) -> Result<(Session<E::Response>, Bytes), AuthError> {
    let mut session = Some(session);
    if let Some(same) =
        (&mut session as &mut dyn Any).downcast_mut::<Option<Session<E::Response>>>()
        && let Some(session) = same.take()
    {
        return Ok((session, body));
    }
    let vendor = E::SPEC.vendor();
    let missing = || {
        AuthError::new(ErrorKind::Decode, vendor)
            .with_detail("the last login's answer, which a refresh of another response type keeps, could not be read again")
    };
    let (Some(session), Some(login_body)) = (session, login_body) else {
        return Err(missing());
    };
    let response = E::__decode(login_body).map_err(|_| missing())?;
    Ok((
        session.with_response(response),
        Bytes::copy_from_slice(login_body),
    ))
}
