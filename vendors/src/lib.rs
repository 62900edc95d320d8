//! Login endpoints of five vendors, each declared with `#[login_endpoint]` from its public
//! documentation.
//!
//! | module | vendor | endpoint |
//! |---|---|---|
//! | [`hypernative`] | Hypernative | `POST https://api.hypernative.xyz/auth/login` |
//!
//! ```no_run
//! # async fn run() -> Result<(), auth_core::AuthError> {
//! let client = auth_core::LoginClient::new()?;
//! let session = vendors::hypernative::Login::builder()
//!     .email("some@mail.com")
//!     .password("password")
//!     .organization_id(1)
//!     .build()
//!     .send(&client)
//!     .await?;
//! println!("token expires at {:?}", session.expires_at());
//! # Ok(()) }
//! ```

#![warn(missing_docs)]

pub mod hypernative;

#[cfg(feature = "sandbox")]
pub mod sandbox;
