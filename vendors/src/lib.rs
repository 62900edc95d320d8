//! Login endpoints of five vendors, each declared with `#[login_endpoint]` from its public
//! documentation.
//!
//! | module | vendor | endpoint |
//! |---|---|---|
//! | [`hypernative`] | Hypernative | `POST https://api.hypernative.xyz/auth/login` |
//! | [`project_thanos`] | Project Thanos | `POST https://stable.projectthanos.com/api/organizations/user-login/` |
//! | [`up2_money`] | Up2 Money | `POST https://api.up2.money/auth/login` |
//! | [`hyper3d`] | Hyper3D (Deemos), also on premises | `POST https://hyperhuman.deemos.com/api/user/login` |
//! | [`talkstack`] | TalkStack AI | `POST https://api.talkstackai.com/auth/login` |
//!
//! Each module reads like the vendor's document: a `Login` request struct, its
//! `LoginResponse`, and its `ErrorBody` where the document shows one. What a document does not
//! say (a lifetime, an error body) is left out and said so in the module's docs.
//!
//! Two things none of the five documents describes, so no module declares them:
//!
//! - **A refresh endpoint.** Hypernative and TalkStack AI return a refresh token, but neither
//!   says where to send it, so no refresh endpoint (`#[login_endpoint(refreshes = ...)]`) is
//!   declared and an `Authenticator` logs in again when their sessions end.
//! - **How the API takes the token.** No document shows a call after login, so no module
//!   exports a `TokenPresentation`: an app calling a vendor's API through
//!   `auth_core::middleware` says how (`Authorization: Bearer` by default).
//!
//! With the `sandbox` feature, `sandbox::Sandbox` serves all five protocols on loopback for
//! examples and tests.
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

pub mod hyper3d;
pub mod hypernative;
pub mod project_thanos;
pub mod talkstack;
pub mod up2_money;

#[cfg(feature = "sandbox")]
pub mod sandbox;
