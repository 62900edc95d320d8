//! Logging in from a program without an async runtime (cargo feature `blocking`).
//!
//! [`LoginClient`] here runs the same request, retries and response interpretation as the async
//! [`crate::LoginClient`], on a single-threaded tokio runtime of its own, and returns the same
//! [`Session`] and [`AuthError`]. It works on any thread, including one that is already inside an
//! async runtime (the login then runs on a short-lived thread of its own rather than panicking),
//! but an async program should use the async client.
//!
//! ```no_run
//! # #[auth_core::login_endpoint(vendor = "Example", base_url = "https://api.example.com",
//! #     path = "/login", response = Resp, token = token)]
//! # pub struct Login { email: String, #[login(secret)] password: auth_core::Secret }
//! # #[derive(serde::Deserialize)] pub struct Resp { token: auth_core::Secret }
//! let client = auth_core::blocking::LoginClient::new()?;
//! let login = Login::builder().email("me@example.com").password("hunter2").build();
//! let session = client.login(&login)?; // to the declared base URL
//! let staging = client.login_to(&login, "https://staging.example.com")?;
//! # Ok::<(), auth_core::AuthError>(())
//! ```

use std::fmt;

use crate::endpoint::{DeclaredBaseUrl, LoginEndpoint};
use crate::error::{AuthError, ErrorKind};
use crate::session::Session;
use crate::{LoginClientBuilder, client};

/// A login client for synchronous code. Built with the same defaults and options as the async
/// [`crate::LoginClient`]; see [`LoginClientBuilder::build_blocking`].
pub struct LoginClient {
    client: client::LoginClient,
    /// Always `Some` until dropped; taken in `drop` to shut it down without blocking.
    runtime: Option<tokio::runtime::Runtime>,
}

impl LoginClient {
    /// A client with the safe defaults.
    pub fn new() -> Result<LoginClient, AuthError> {
        LoginClientBuilder::default().build_blocking()
    }

    pub(crate) fn from_async(client: client::LoginClient) -> Result<LoginClient, AuthError> {
        // The async client has not sent anything yet, so its connection pool holds no
        // connection driven by another runtime.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| {
                AuthError::new(ErrorKind::Connect, "LoginClient")
                    .with_detail("the blocking client's runtime could not be started")
                    .with_source(e)
            })?;
        Ok(LoginClient {
            client,
            runtime: Some(runtime),
        })
    }

    /// Sends `endpoint` (a built login request) to its declared base URL and waits for the
    /// session; the blocking form of the generated `send`. An endpoint declared without a
    /// `base_url` is sent with [`login_to`](LoginClient::login_to).
    pub fn login<E: LoginEndpoint + DeclaredBaseUrl>(
        &self,
        endpoint: &E,
    ) -> Result<Session<E::Response>, AuthError> {
        self.run(endpoint, None)
    }

    /// Sends `endpoint` to `base_url` and waits for the session; the blocking form of the
    /// generated `send_to`.
    pub fn login_to<E: LoginEndpoint>(
        &self,
        endpoint: &E,
        base_url: &str,
    ) -> Result<Session<E::Response>, AuthError> {
        self.run(endpoint, Some(base_url))
    }

    fn run<E: LoginEndpoint>(
        &self,
        endpoint: &E,
        base_url: Option<&str>,
    ) -> Result<Session<E::Response>, AuthError> {
        let Some(runtime) = &self.runtime else {
            return Err(AuthError::new(ErrorKind::Connect, E::SPEC.vendor())
                .with_detail("the blocking client's runtime has been shut down"));
        };
        let login = crate::__private::send(&self.client, endpoint, base_url);
        if tokio::runtime::Handle::try_current().is_err() {
            return runtime.block_on(login);
        }
        // A runtime cannot be blocked on from inside another one; a scoped thread can.
        std::thread::scope(|scope| {
            scope
                .spawn(|| runtime.block_on(login))
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }
}

impl Drop for LoginClient {
    fn drop(&mut self) {
        // Dropping a runtime blocks, which tokio refuses inside another runtime; nothing is
        // running on this one between logins, so there is nothing to wait for.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}

impl fmt::Debug for LoginClient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("blocking::LoginClient")
            .field("client", &self.client)
            .finish_non_exhaustive()
    }
}
