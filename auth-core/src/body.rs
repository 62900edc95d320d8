//! How a response body becomes the declared type: JSON through serde, or [`TextBody`] for
//! vendors whose answer is not JSON.

use std::fmt;

use serde::de::DeserializeOwned;

use crate::error::VendorError;
use crate::excerpt::redact_token_like_runs;

/// A type a response body can be read into: named by `response = ...` or `error_body = ...`.
///
/// Every `serde::Deserialize` type is one, read as JSON; so is [`TextBody`], for bodies that are
/// not JSON. Not meant to be implemented by hand.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be read from a response body: it does not implement `serde::Deserialize`",
    label = "this type is named in `#[login_endpoint]`",
    note = "add `#[derive(serde::Deserialize)]` to `{Self}`, or name `auth_core::TextBody` for a body that is not JSON"
)]
pub trait ResponseBody: Sized {
    /// Reads the body.
    #[doc(hidden)]
    fn __decode(body: &[u8]) -> Result<Self, serde_json::Error>;
}

// Hidden from diagnostics, so a type without `Deserialize` is reported with the message above
// rather than as a missing serde bound.
#[diagnostic::do_not_recommend]
impl<T: DeserializeOwned> ResponseBody for T {
    fn __decode(body: &[u8]) -> Result<Self, serde_json::Error> {
        serde_json::from_slice(body)
    }
}

/// A response body that is not JSON, kept as text: `Ok.`, an empty body, an HTML page.
///
/// Name it as the `response` of an endpoint whose session is a cookie or a header and whose
/// body says little (`response = auth_core::TextBody`), and compare its text to tell success
/// from failure: `body_failure(field = text, success = "Ok.")`. As an `error_body`, its text
/// (trimmed) is the error's [`message`](crate::AuthError::message).
///
/// Bytes that are not UTF-8 are replaced with `�`. `Debug` hides runs of characters that look
/// like a token.
///
/// ```
/// use auth_core::{login_endpoint, Secret, TextBody};
///
/// #[login_endpoint(
///     vendor = "Example appliance",
///     base_url = "https://appliance.example.com",
///     path = "/api/login",
///     response = TextBody,
///     token = cookie("SID"),
///     body_failure(field = text, success = "Ok."),
/// )]
/// pub struct Login {
///     username: String,
///     #[login(secret)]
///     password: Secret,
/// }
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct TextBody {
    /// The body, as sent.
    pub text: String,
}

impl TextBody {
    /// The body, as sent.
    pub fn as_str(&self) -> &str {
        &self.text
    }
}

#[diagnostic::do_not_recommend]
impl ResponseBody for TextBody {
    fn __decode(body: &[u8]) -> Result<Self, serde_json::Error> {
        Ok(TextBody {
            text: String::from_utf8_lossy(body).into_owned(),
        })
    }
}

#[diagnostic::do_not_recommend]
impl VendorError for TextBody {
    fn message(&self) -> Option<&str> {
        Some(self.text.trim()).filter(|text| !text.is_empty())
    }
}

impl fmt::Debug for TextBody {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TextBody")
            .field(&redact_token_like_runs(&self.text))
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_bytes_are_text() {
        assert_eq!(TextBody::__decode(b"Ok.").unwrap().as_str(), "Ok.");
        assert_eq!(TextBody::__decode(b"").unwrap().as_str(), "");
        assert_eq!(
            TextBody::__decode(b"a\xffb").unwrap().as_str(),
            "a\u{fffd}b"
        );
    }

    #[test]
    fn json_types_decode_as_json() {
        assert_eq!(<u32 as ResponseBody>::__decode(b"7").unwrap(), 7);
        assert!(<u32 as ResponseBody>::__decode(b"Ok.").is_err());
    }

    #[test]
    fn debug_hides_a_token_and_the_message_is_trimmed() {
        let body = TextBody::__decode(b"token eyJhbGciOiJIUzI1NiJ9.abc123def456\n").unwrap();
        assert!(!format!("{body:?}").contains("eyJ"), "{body:?}");
        let fails = TextBody::__decode(b"Fails.\n").unwrap();
        assert_eq!(fails.message(), Some("Fails."));
        assert_eq!(TextBody::default().message(), None);
    }
}
