//! [`AuthError`] and [`ErrorKind`]: one error vocabulary for every vendor.

use std::error::Error as StdError;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

/// What went wrong, in terms that are the same across vendors.
///
/// Match on the kind to decide what to do; the vendor's own words stay available on
/// [`AuthError`] ([`vendor_code`](AuthError::vendor_code), [`message`](AuthError::message),
/// [`field_errors`](AuthError::field_errors)).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The vendor rejected the request as malformed or incomplete: a missing field, a bad
    /// content type (HTTP 400, 415).
    InvalidRequest,
    /// Wrong email, username or password, or an unknown user (HTTP 401).
    InvalidCredentials,
    /// The credentials are known but not allowed to log in here (HTTP 403).
    Forbidden,
    /// The vendor says what was asked for does not exist (HTTP 404).
    NotFound,
    /// A token or tokenized credential the request relies on has expired (HTTP 410).
    Expired,
    /// The account is locked, typically after repeated failed attempts (HTTP 423).
    Locked,
    /// Too many requests (HTTP 429); see [`AuthError::retry_after`].
    RateLimited,
    /// The vendor's server failed (HTTP 500, 502, 504).
    ServerError,
    /// The vendor is temporarily offline (HTTP 503); see [`AuthError::retry_after`].
    Unavailable,
    /// The vendor refused the login for a reason this vocabulary has no better word for: an
    /// unexpected status code, or a failure stated in a success body.
    Rejected,
    /// The vendor answered something other than what its protocol documents: HTML, an empty
    /// or truncated body, JSON of the wrong shape, a missing token.
    Decode,
    /// The response body was larger than the client's cap.
    BodyTooLarge,
    /// The vendor answered with a redirect; a login is never resent elsewhere.
    Redirect,
    /// The connect or total deadline passed.
    Timeout,
    /// No connection could be made, or it broke before a response arrived.
    Connect,
    /// TLS failed: an untrusted certificate, a handshake error.
    Tls,
    /// The request would have sent credentials over plain `http://` to a host that is not
    /// loopback, and the client was not told to allow that.
    InsecureTransport,
    /// The base URL cannot be used: not absolute, not http(s), or not a valid URL.
    InvalidUrl,
}

impl ErrorKind {
    /// Whether trying the same request again later can succeed without changing it.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            ErrorKind::RateLimited
                | ErrorKind::ServerError
                | ErrorKind::Unavailable
                | ErrorKind::Timeout
                | ErrorKind::Connect
        )
    }

    /// The kind an HTTP error status means when an endpoint declares nothing for it.
    pub fn from_status(status: u16) -> ErrorKind {
        match status {
            400 | 415 | 422 => ErrorKind::InvalidRequest,
            401 => ErrorKind::InvalidCredentials,
            403 => ErrorKind::Forbidden,
            404 => ErrorKind::NotFound,
            410 => ErrorKind::Expired,
            423 => ErrorKind::Locked,
            429 => ErrorKind::RateLimited,
            503 => ErrorKind::Unavailable,
            500..=599 => ErrorKind::ServerError,
            300..=399 => ErrorKind::Redirect,
            _ => ErrorKind::Rejected,
        }
    }

    /// The variant's name, as in `ErrorKind::Locked`: the `outcome` of tracing spans.
    pub(crate) fn name(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest => "InvalidRequest",
            ErrorKind::InvalidCredentials => "InvalidCredentials",
            ErrorKind::Forbidden => "Forbidden",
            ErrorKind::NotFound => "NotFound",
            ErrorKind::Expired => "Expired",
            ErrorKind::Locked => "Locked",
            ErrorKind::RateLimited => "RateLimited",
            ErrorKind::ServerError => "ServerError",
            ErrorKind::Unavailable => "Unavailable",
            ErrorKind::Rejected => "Rejected",
            ErrorKind::Decode => "Decode",
            ErrorKind::BodyTooLarge => "BodyTooLarge",
            ErrorKind::Redirect => "Redirect",
            ErrorKind::Timeout => "Timeout",
            ErrorKind::Connect => "Connect",
            ErrorKind::Tls => "Tls",
            ErrorKind::InsecureTransport => "InsecureTransport",
            ErrorKind::InvalidUrl => "InvalidUrl",
        }
    }

    fn describe(self) -> &'static str {
        match self {
            ErrorKind::InvalidRequest => "invalid request",
            ErrorKind::InvalidCredentials => "invalid credentials",
            ErrorKind::Forbidden => "forbidden",
            ErrorKind::NotFound => "not found",
            ErrorKind::Expired => "expired",
            ErrorKind::Locked => "account locked",
            ErrorKind::RateLimited => "rate limited",
            ErrorKind::ServerError => "server error",
            ErrorKind::Unavailable => "service unavailable",
            ErrorKind::Rejected => "rejected",
            ErrorKind::Decode => "unexpected response",
            ErrorKind::BodyTooLarge => "response body too large",
            ErrorKind::Redirect => "redirect refused",
            ErrorKind::Timeout => "timed out",
            ErrorKind::Connect => "connection failed",
            ErrorKind::Tls => "TLS error",
            ErrorKind::InsecureTransport => "refused to send credentials over plain http",
            ErrorKind::InvalidUrl => "invalid URL",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe())
    }
}

/// A vendor's own error code: a number (Hypernative's `errorCode` 1002, TalkStack's
/// `loginStatus` 4) or a word (Up2 Money's `TOKEN_EXPIRED`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum VendorCode {
    /// A numeric code.
    Number(i64),
    /// A textual code.
    Text(String),
}

impl fmt::Display for VendorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VendorCode::Number(n) => write!(f, "{n}"),
            VendorCode::Text(s) => f.write_str(s),
        }
    }
}

impl From<i64> for VendorCode {
    fn from(value: i64) -> Self {
        VendorCode::Number(value)
    }
}

impl From<&str> for VendorCode {
    fn from(value: &str) -> Self {
        VendorCode::Text(value.to_owned())
    }
}

impl From<String> for VendorCode {
    fn from(value: String) -> Self {
        VendorCode::Text(value)
    }
}

impl PartialEq<i64> for VendorCode {
    fn eq(&self, other: &i64) -> bool {
        matches!(self, VendorCode::Number(n) if n == other)
    }
}

impl PartialEq<&str> for VendorCode {
    fn eq(&self, other: &&str) -> bool {
        matches!(self, VendorCode::Text(s) if s == other)
    }
}

/// One field the vendor found fault with (Up2 Money's `invalidFields`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    /// The field's name as the vendor spells it, e.g. `password.value`.
    pub field: String,
    /// The vendor's word for the problem, e.g. `REQUIRED`.
    pub error: String,
    /// Extra parameters the vendor gave.
    pub params: Vec<String>,
}

/// A vendor's error body: what the vendor said when a login failed.
///
/// Name the type in `#[login_endpoint(error_body = ...)]`. Derive it with
/// `#[derive(VendorError)]`, naming where the code, message and field errors are and which
/// codes or messages mean which [`ErrorKind`]; the derive's documentation has the keys. The body
/// is decoded from every non-2xx response and from 2xx responses that the declaration marks as
/// failures; a body that does not decode leaves these details empty and the status code still
/// decides the kind.
///
/// ```
/// use auth_core::VendorError;
///
/// #[derive(serde::Deserialize, VendorError)]
/// #[vendor_error(kind(code = "invalid_grant" => InvalidCredentials))]
/// struct OAuthError {
///     #[vendor_error(code)]
///     error: String,
///     #[vendor_error(message)]
///     error_description: Option<String>,
/// }
/// ```
///
/// Every method has a default, so a hand-written implementation, where one is needed, implements
/// only what the vendor's document describes.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be used as `error_body`: it does not implement `auth_core::VendorError`",
    label = "this type is named in `error_body = ...`",
    note = "add `#[derive(auth_core::VendorError)]` to `{Self}` (with `#[vendor_error(code)]` and `#[vendor_error(message)]` on its fields); for a type of another crate, such as `serde_json::Value`, declare a struct of your own with the fields the vendor sends; or leave `error_body` out to ignore error bodies"
)]
pub trait VendorError: Send + 'static {
    /// The vendor's error code, if the body carries one.
    fn code(&self) -> Option<VendorCode> {
        None
    }

    /// The vendor's human-readable message, if any.
    fn message(&self) -> Option<&str> {
        None
    }

    /// Per-field problems, if the vendor lists them.
    fn field_errors(&self) -> Vec<FieldError> {
        Vec::new()
    }

    /// A more precise kind than the status code gives, when the body says more (TalkStack's
    /// `loginStatus` 4 is a wrong password whatever the status). `None` keeps the status's kind.
    fn kind(&self) -> Option<ErrorKind> {
        None
    }

    /// Everything the body says, for the generated code to hand to `auth_core`. Takes the
    /// body, so `#[derive(VendorError)]` can move the message out of it rather than copy it.
    #[doc(hidden)]
    fn __fields(self) -> crate::response::ErrorBodyFields
    where
        Self: Sized,
    {
        crate::response::ErrorBodyFields::of(&self)
    }
}

/// The error body of a vendor whose document describes none: nothing is read from it.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoErrorBody;

impl<'de> serde::Deserialize<'de> for NoErrorBody {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde::de::IgnoredAny::deserialize(deserializer).map(|_| NoErrorBody)
    }
}

#[diagnostic::do_not_recommend]
impl VendorError for NoErrorBody {}

/// Why a login did not produce a [`Session`](crate::Session).
///
/// The [`kind`](AuthError::kind) is the same across vendors; the vendor's status code, error
/// code, message and field errors are kept as the vendor sent them. Credentials never appear
/// in its `Debug` or `Display`: messages and body excerpts are scrubbed of the request's
/// secrets (as given, as encoded on the wire, JSON- or HTML-escaped, percent- or
/// base64-encoded and in any case of their letters, as a vendor quoting the request writes
/// them), and excerpts of JSON bodies show keys, never string values.
///
/// ```
/// use auth_core::{AuthError, ErrorKind};
///
/// fn advise(error: &AuthError) -> String {
///     match error.kind() {
///         ErrorKind::InvalidCredentials => "check the email and password".to_owned(),
///         ErrorKind::Locked => format!("locked; wait {:?}", error.retry_after()),
///         _ if error.is_retryable() => "try again later".to_owned(),
///         _ => error.to_string(),
///     }
/// }
/// ```
#[derive(Clone)]
pub struct AuthError {
    kind: ErrorKind,
    status: Option<u16>,
    vendor: &'static str,
    vendor_code: Option<VendorCode>,
    message: Option<String>,
    retry_after: Option<Duration>,
    /// What most failures lack, boxed so that an error without it allocates nothing for it.
    more: Option<Box<More>>,
}

// Clone, so that one failed login can be handed to every caller that waited on it: the source
// is shared behind an `Arc` rather than boxed.
#[derive(Clone, Default)]
struct More {
    field_errors: Vec<FieldError>,
    detail: Option<String>,
    source: Option<Arc<dyn StdError + Send + Sync + 'static>>,
}

impl AuthError {
    /// A new error of `kind` for `vendor`, with no further detail.
    #[inline]
    pub fn new(kind: ErrorKind, vendor: &'static str) -> Self {
        AuthError {
            kind,
            status: None,
            vendor,
            vendor_code: None,
            message: None,
            retry_after: None,
            more: None,
        }
    }

    /// A failure the vendor answered with: built in one step, as every failed login is.
    #[inline]
    pub(crate) fn answered(
        kind: ErrorKind,
        vendor: &'static str,
        status: u16,
        retry_after: Option<Duration>,
        vendor_code: Option<VendorCode>,
        message: Option<String>,
    ) -> Self {
        AuthError {
            kind,
            status: Some(status),
            vendor,
            vendor_code,
            message,
            retry_after,
            more: None,
        }
    }

    fn more(&mut self) -> &mut More {
        self.more.get_or_insert_with(Box::default)
    }

    /// What went wrong, the same across vendors.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The vendor's name as declared in `#[login_endpoint(vendor = ...)]`.
    pub fn vendor(&self) -> &'static str {
        self.vendor
    }

    /// The HTTP status code, when the vendor answered.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The vendor's own error code, when its error body carries one.
    pub fn vendor_code(&self) -> Option<&VendorCode> {
        self.vendor_code.as_ref()
    }

    /// The vendor's message, when its error body carries one.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Per-field problems the vendor listed.
    pub fn field_errors(&self) -> &[FieldError] {
        self.more.as_ref().map_or(&[], |more| &more.field_errors)
    }

    /// How long the vendor asked the caller to wait (`Retry-After`), or the wait its document
    /// states for this failure.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// What this library found wrong with the response or the request, for decode, transport
    /// and URL errors: what was expected and a short excerpt of what arrived.
    pub fn detail(&self) -> Option<&str> {
        self.more.as_ref().and_then(|more| more.detail.as_deref())
    }

    /// Whether trying again later, unchanged, can succeed. See [`ErrorKind::is_retryable`].
    pub fn is_retryable(&self) -> bool {
        self.kind.is_retryable()
    }

    #[inline]
    pub(crate) fn with_status(mut self, status: u16) -> Self {
        self.status = Some(status);
        self
    }

    /// Sets the field errors in place; an error without any allocates nothing for them.
    #[inline]
    pub(crate) fn set_field_errors(&mut self, errors: Vec<FieldError>) {
        if !errors.is_empty() {
            self.more().field_errors = errors;
        }
    }

    #[inline]
    pub(crate) fn with_retry_after(mut self, retry_after: Option<Duration>) -> Self {
        self.retry_after = retry_after;
        self
    }

    pub(crate) fn with_detail(mut self, detail: impl Into<String>) -> Self {
        self.more().detail = Some(detail.into());
        self
    }

    pub(crate) fn with_source(mut self, source: impl StdError + Send + Sync + 'static) -> Self {
        self.more().source = Some(Arc::new(source));
        self
    }

    /// Whether the error carries any text that could quote a secret: a message, a textual
    /// code, field errors or a detail.
    #[inline]
    pub(crate) fn has_text(&self) -> bool {
        self.message.is_some()
            || matches!(self.vendor_code, Some(VendorCode::Text(_)))
            || self.more.is_some()
    }

    /// Replaces every occurrence of each secret (3 characters or more) in the vendor's message,
    /// code, the field errors and the detail, as given and in the escaped and encoded forms a
    /// vendor can quote it in, so a server that echoes a password cannot make it show up in
    /// a log.
    pub(crate) fn scrub(&mut self, secrets: &[&str]) {
        let scrub_one = |text: &mut String| {
            for secret in secrets {
                crate::scrub::redact(text, secret);
            }
        };
        if let Some(message) = &mut self.message {
            scrub_one(message);
        }
        if let Some(VendorCode::Text(code)) = &mut self.vendor_code {
            scrub_one(code);
        }
        if let Some(more) = &mut self.more {
            if let Some(detail) = &mut more.detail {
                scrub_one(detail);
            }
            for field in &mut more.field_errors {
                scrub_one(&mut field.field);
                scrub_one(&mut field.error);
                field.params.iter_mut().for_each(scrub_one);
            }
        }
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} login failed: {}", self.vendor, self.kind)?;
        match (self.status, &self.vendor_code) {
            (Some(status), Some(code)) => write!(f, " (HTTP {status}, vendor code {code})")?,
            (Some(status), None) => write!(f, " (HTTP {status})")?,
            (None, Some(code)) => write!(f, " (vendor code {code})")?,
            (None, None) => {}
        }
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        if let Some(detail) = self.detail() {
            write!(f, ": {detail}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = f.debug_struct("AuthError");
        s.field("kind", &self.kind).field("vendor", &self.vendor);
        if let Some(status) = self.status {
            s.field("status", &status);
        }
        if let Some(code) = &self.vendor_code {
            s.field("vendor_code", code);
        }
        if let Some(message) = &self.message {
            s.field("message", message);
        }
        if !self.field_errors().is_empty() {
            s.field("field_errors", &self.field_errors());
        }
        if let Some(retry_after) = self.retry_after {
            s.field("retry_after", &retry_after);
        }
        if let Some(detail) = self.detail() {
            s.field("detail", &detail);
        }
        if let Some(source) = self.more.as_ref().and_then(|more| more.source.as_ref()) {
            // The source's Display, not its Debug: reqwest's Debug can include request details.
            s.field("source", &format_args!("{source}"));
        }
        s.finish()
    }
}

impl StdError for AuthError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        self.more
            .as_ref()
            .and_then(|more| more.source.as_deref())
            .map(|source| source as &(dyn StdError + 'static))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_traits<T: Send + Sync + 'static + StdError + Clone>() {}

    #[test]
    fn auth_error_is_send_sync_static_error() {
        assert_traits::<AuthError>();
    }

    #[test]
    fn an_error_with_a_kind_status_code_and_message_fits_without_a_box() {
        // Small enough to return by value (under clippy's `result_large_err`), with what most
        // failures carry inline.
        assert!(std::mem::size_of::<AuthError>() <= 96);
        let mut error = AuthError::answered(
            ErrorKind::InvalidCredentials,
            "V",
            401,
            None,
            Some(VendorCode::Text("E".into())),
            Some("wrong".into()),
        );
        error.set_field_errors(Vec::new());
        assert!(error.more.is_none());
        assert!(error.with_detail("d").more.is_some());
    }

    #[test]
    fn display_names_vendor_kind_status_code_and_message() {
        let error = AuthError::answered(
            ErrorKind::InvalidRequest,
            "Hypernative",
            400,
            None,
            Some(VendorCode::Number(1002)),
            Some("organizationId is mandatory".into()),
        );
        assert_eq!(
            error.to_string(),
            "Hypernative login failed: invalid request (HTTP 400, vendor code 1002): organizationId is mandatory"
        );
    }

    #[test]
    fn scrub_removes_echoed_secrets() {
        let mut error = AuthError::answered(
            ErrorKind::InvalidCredentials,
            "V",
            401,
            None,
            None,
            Some("bad password hunter2!".into()),
        );
        error.set_field_errors(vec![FieldError {
            field: "password".into(),
            error: "hunter2".into(),
            params: vec!["x hunter2".into()],
        }]);
        error.scrub(&["hunter2"]);
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("hunter2"), "{shown}");
        assert!(shown.contains("[REDACTED]"));
    }

    #[test]
    fn kinds_from_status_and_retryability() {
        assert_eq!(ErrorKind::from_status(423), ErrorKind::Locked);
        assert_eq!(ErrorKind::from_status(502), ErrorKind::ServerError);
        assert_eq!(ErrorKind::from_status(418), ErrorKind::Rejected);
        assert!(ErrorKind::RateLimited.is_retryable());
        assert!(!ErrorKind::InvalidCredentials.is_retryable());
        assert!(!ErrorKind::Locked.is_retryable());
    }

    #[test]
    fn names_are_the_variants() {
        for kind in [
            ErrorKind::InvalidCredentials,
            ErrorKind::Locked,
            ErrorKind::InvalidUrl,
        ] {
            assert_eq!(kind.name(), format!("{kind:?}"));
        }
    }
}
