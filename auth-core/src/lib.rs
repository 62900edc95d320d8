//! Runtime of `#[login_endpoint]`: a login client with safe defaults, sessions, secrets, and
//! one error vocabulary for every vendor.
//!
//! A vendor's login endpoint is declared once with [`login_endpoint`]; the macro writes a
//! builder, the request, and the mapping of the vendor's answers to a [`Session`] or an
//! [`AuthError`]. Everything that runs (HTTP, JSON, status mapping, redaction) lives here and
//! is compiled once.
//!
//! ```
//! use auth_core::{login_endpoint, Secret};
//!
//! #[derive(Debug, serde::Deserialize)]
//! pub struct LoginResponse {
//!     pub token: Secret,
//! }
//!
//! /// Email/password login of an example vendor.
//! #[login_endpoint(
//!     vendor = "Example",
//!     base_url = "https://api.example.com",
//!     path = "/auth/login",
//!     response = LoginResponse,
//!     token = token,
//!     status(401 => InvalidCredentials),
//! )]
//! pub struct Login {
//!     email: String,
//!     #[login(secret)]
//!     password: Secret,
//! }
//!
//! let login = Login::builder().email("me@example.com").password("hunter2").build();
//! // The password is redacted wherever the request is printed.
//! assert!(!format!("{login:?}").contains("hunter2"));
//! ```
//!
//! Sending it: `login.send(&client).await` (to the declared base URL) or
//! `login.send_to(&client, base_url).await`, with a [`LoginClient`].
//!
//! An [`Authenticator`] keeps one valid token for many tasks; with a [`store::SharedStore`]
//! (files, or Redis with the `redis` feature), for many processes too. With the vendor's
//! refresh endpoint declared next to the login (`#[login_endpoint(refreshes = Login, ...)]`,
//! see [`RefreshEndpoint`]), it refreshes instead of logging in again.

#![warn(missing_docs)]

mod authenticator;
#[cfg(feature = "blocking")]
pub mod blocking;
mod body;
pub mod builder;
mod client;
mod cookie;
mod credentials;
mod derived_error;
mod endpoint;
mod error;
mod excerpt;
pub mod fields;
#[cfg(any(feature = "middleware", feature = "tower"))]
pub mod middleware;
mod presentation;
mod refresh;
mod request;
mod response;
mod retry;
mod scrub;
mod secret;
mod session;
pub mod store;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use auth_macros::{VendorError, login_endpoint};
#[doc(hidden)]
pub use authenticator::AccessTokenHasNoDisplay;
pub use authenticator::{AccessToken, Authenticator, RefreshAhead};
pub use body::{ResponseBody, TextBody};
pub use client::{LoginClient, LoginClientBuilder, TrustedRoots};
pub use credentials::{Expiry, ResponseSpec, Source, TimeFormat, TimeUnit};
pub use endpoint::{
    BodyFormat, DeclaredBaseUrl, EndpointSpec, LifetimePolicy, LoginEndpoint, Method,
};
pub use error::{AuthError, ErrorKind, FieldError, NoErrorBody, VendorCode, VendorError};
pub use presentation::TokenPresentation;
pub use refresh::{RefreshEndpoint, RefreshOf};
pub use request::TextValue;
pub use retry::RetryPolicy;
pub use secret::Secret;
#[doc(hidden)]
pub use secret::{
    SecretHasNoDisplay, SecretHasNoText, SecretIsNotAString, SecretIsNotComparedWithText,
    SecretRefusal,
};
pub use session::Session;
