//! The states of a generated builder's required fields.
//!
//! `#[login_endpoint]` writes a builder whose type says which required fields are set, so that
//! `build()` compiles only once all of them are, and a setter compiles only once: for
//! `struct Login { email: String, password: Secret }`, `Login::builder()` is a
//! `LoginBuilder<Unset, Unset>`, `.email(...)` makes it a `LoginBuilder<Set<String>, Unset>`,
//! and so on. The builder's type parameters are named after the fields (`LoginBuilder<email,
//! password>`), so that compile errors about them name the fields too.
//!
//! Neither type is meant to be named in code that uses a builder: chain the setters, or keep a
//! builder in a variable whose type is inferred.
//!
//! ```
//! use auth_core::{login_endpoint, Secret};
//!
//! # #[derive(serde::Deserialize)]
//! # pub struct LoginResponse { token: Secret }
//! #[login_endpoint(
//!     vendor = "Example",
//!     base_url = "https://api.example.com",
//!     path = "/auth/login",
//!     response = LoginResponse,
//!     token = token,
//! )]
//! pub struct Login {
//!     email: String,
//!     #[login(secret)]
//!     password: Secret,
//! }
//!
//! let half = Login::builder().email("me@example.com");
//! // `half.build()` would not compile yet: "the required field `password` is not set".
//! let login = half.password("hunter2").build();
//! # let _ = login;
//! ```

use std::fmt;

/// A required field whose setter has been called, holding its value.
pub struct Set<T>(#[doc(hidden)] pub T);

/// A required field whose setter has not been called yet.
pub struct Unset;

impl<T: fmt::Debug> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl fmt::Debug for Unset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<unset>")
    }
}

/// A value a setter of a `String` or [`Secret`](crate::Secret) field takes: anything that
/// converts into the field's type, such as a `&str`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be the value of a `{T}` field",
    label = "expected a `{T}`, or a value that converts into one",
    note = "a `String` field takes a `String` or a `&str`; a `Secret` field a `Secret`, a `String` or a `&str`; the setter of an optional field takes the value itself, and `maybe_<field>(...)` an `Option` of it"
)]
pub trait FieldValue<T> {
    /// The value, converted.
    fn into_field(self) -> T;
}

#[diagnostic::do_not_recommend]
impl<T, V: Into<T>> FieldValue<T> for V {
    fn into_field(self) -> T {
        self.into()
    }
}
