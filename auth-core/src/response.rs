//! Turning a response into a [`Session`] or an [`AuthError`].

use std::time::{Duration, SystemTime};

use crate::client::RawResponse;
use crate::credentials::{self, Missing};
use crate::endpoint::{EndpointSpec, LoginEndpoint, LoginRequest};
use crate::error::{AuthError, ErrorKind, FieldError, VendorCode, VendorError};
use crate::excerpt::{Scrub, body_excerpt, describe_json_error};
use crate::session::Session;

/// Interprets a response: a session for a 2xx that states no failure and carries a token, an
/// error for everything else. Only the serde calls and the response's own accessors are
/// generic; credentials are collected and errors built by the non-generic functions below.
/// `request`, when given, is scrubbed out of every error text, and so are the response's own
/// declared headers and cookies.
pub(crate) fn interpret<E: LoginEndpoint>(
    mut raw: RawResponse,
    request: Option<&dyn LoginRequest>,
) -> Result<Session<E::Response>, AuthError> {
    let spec = E::SPEC;
    // A vendor that documents no error body has nothing to decode in one.
    let error_body: Option<ErrorBodyDecoder> = E::__ERROR_BODY;
    if !(200..300).contains(&raw.status) {
        let kind = spec.kind_for_status(raw.status);
        if nothing_to_read(&raw.body, error_body.is_some()) {
            // No text, so nothing to scrub: the status says it all. Built here, in the result,
            // rather than returned through `vendor_failure`.
            let retry_after = retry_after(spec, &raw, kind);
            return Err(AuthError::answered(
                kind,
                spec.vendor(),
                raw.status,
                retry_after,
                None,
                None,
            ));
        }
        // The documented shape, the common case, goes straight into the error.
        let fields = match error_body {
            Some(decode) => decode(&raw.body),
            None => None,
        };
        return Err(match fields {
            // Inline here, the common failure, so the error is built in the result.
            Some(fields) => answered(spec, &raw, kind, request, fields),
            None => vendor_failure(spec, &raw, kind, request, Some(None)),
        });
    }
    let response = match E::__decode(&raw.body) {
        Ok(response) => response,
        Err(error) => {
            return Err(undecodable(
                spec,
                &raw,
                spec.response().response_type(),
                &error,
                request,
            ));
        }
    };
    if E::__body_failed(&response) {
        let kind = spec.response().body_failure_kind();
        // A response type that is also the error body has said it already: the same bytes
        // decoded again as the same type would give the same value.
        let body = match E::__FAILURE_FIELDS {
            Some(fields) => {
                let fields = fields(response);
                return Err(answered_failure(spec, &raw, kind, request, fields));
            }
            None => read_error_body(&raw, error_body),
        };
        return Err(vendor_failure(spec, &raw, kind, request, body));
    }
    let received = SystemTime::now();
    let credentials = match credentials::collect(
        spec.response(),
        &mut raw.captured,
        E::__credentials(&response),
        received,
    ) {
        Ok(credentials) => credentials,
        Err(missing) => return Err(missing_credentials(spec, &raw, missing, request)),
    };
    Ok(Session::new(
        spec.vendor(),
        credentials,
        spec.lifetime(),
        received,
        response,
    ))
}

/// What an error body says, read out of the vendor's type by
/// [`VendorError::__fields`](crate::VendorError).
#[doc(hidden)]
pub struct ErrorBodyFields {
    pub(crate) kind: Option<ErrorKind>,
    pub(crate) code: Option<VendorCode>,
    pub(crate) message: Option<String>,
    pub(crate) field_errors: Vec<FieldError>,
}

impl ErrorBodyFields {
    /// What `#[derive(VendorError)]` read, the message moved out of the body.
    #[doc(hidden)]
    #[inline]
    pub fn __new(
        kind: Option<ErrorKind>,
        code: Option<VendorCode>,
        message: Option<String>,
        field_errors: Vec<FieldError>,
    ) -> Self {
        ErrorBodyFields {
            kind,
            code,
            message,
            field_errors,
        }
    }

    /// Reads what `body` says. Generic once per error body type, not per endpoint.
    pub(crate) fn of<B: VendorError>(body: &B) -> Self {
        ErrorBodyFields {
            kind: body.kind(),
            code: body.code(),
            message: body.message().map(str::to_owned),
            field_errors: body.field_errors(),
        }
    }
}

/// Decodes an error body into its fields; `None` when it is not the documented shape.
#[doc(hidden)]
pub type ErrorBodyDecoder = fn(&[u8]) -> Option<ErrorBodyFields>;

/// Runs `f` with a scrub that removes the request's secrets, if there is a request, and the
/// values of the response's declared headers and cookies.
fn with_scrub<T>(
    request: Option<&dyn LoginRequest>,
    raw: &RawResponse,
    f: impl FnOnce(Scrub<'_>) -> T,
) -> T {
    f(&|text: &mut String| {
        if let Some(request) = request {
            crate::__private::scrub_text(request, text);
        }
        scrub_values(raw.captured.secrets(), text);
    })
}

/// Replaces each value (3 characters or more) in `text`, as given and escaped.
fn scrub_values<'a>(values: impl Iterator<Item = &'a str>, text: &mut String) {
    for value in values {
        crate::scrub::redact(text, value);
    }
}

/// A 2xx body that is not the documented success type.
fn undecodable(
    spec: &EndpointSpec,
    raw: &RawResponse,
    type_name: &str,
    error: &serde_json::Error,
    request: Option<&dyn LoginRequest>,
) -> AuthError {
    let excerpt = with_scrub(request, raw, |scrub| body_excerpt(&raw.body, scrub));
    let error = AuthError::new(ErrorKind::Decode, spec.vendor())
        .with_status(raw.status)
        .with_detail(format!(
            "expected a JSON `{type_name}`: {}; the body was {excerpt}",
            describe_json_error(error),
        ));
    scrubbed(error, request, raw)
}

/// A success response without the token where declared (or with an unreadable expiry).
fn missing_credentials(
    spec: &EndpointSpec,
    raw: &RawResponse,
    missing: Missing,
    request: Option<&dyn LoginRequest>,
) -> AuthError {
    let Missing { expected, in_body } = missing;
    let detail = if in_body {
        let excerpt = with_scrub(request, raw, |scrub| body_excerpt(&raw.body, scrub));
        format!("expected {expected} in the success body; the body was {excerpt}")
    } else {
        format!("expected {expected}")
    };
    let error = AuthError::new(ErrorKind::Decode, spec.vendor())
        .with_status(raw.status)
        .with_detail(detail);
    scrubbed(error, request, raw)
}

/// What the error body of a failed response says: `None` when there is nothing to read (a
/// blank body, or a JSON body no type is declared for), `Some(None)` when it is not the
/// documented shape (or not JSON, with no type declared), to be shown as an excerpt.
fn read_error_body(
    raw: &RawResponse,
    decode: Option<ErrorBodyDecoder>,
) -> Option<Option<ErrorBodyFields>> {
    if nothing_to_read(&raw.body, decode.is_some()) {
        return None;
    }
    Some(decode.and_then(|decode| decode(&raw.body)))
}

/// Whether an error body has nothing to read or show: it is blank, or it is JSON and no type is
/// declared for it (the status says it all).
#[inline]
fn nothing_to_read(body: &[u8], declared: bool) -> bool {
    // The usual body, a JSON object with nothing around it, is told by its two ends.
    if let [b'{', .., b'}'] = body {
        return !declared;
    }
    let visible = body.trim_ascii_start();
    visible.is_empty() || (!declared && looks_like_json(visible.trim_ascii_end()))
}

/// How long to wait before trying again: what the response said, else the documented lockout
/// of a `Locked` account.
#[inline]
fn retry_after(spec: &EndpointSpec, raw: &RawResponse, kind: ErrorKind) -> Option<Duration> {
    raw.retry_after.or_else(|| {
        (kind == ErrorKind::Locked)
            .then(|| spec.lockout())
            .flatten()
    })
}

/// The error for a response the vendor marked as failed: the kind from the status (or the
/// body-failure default), refined by what the vendor's error body says (`body`, as
/// [`read_error_body`] gives it).
fn vendor_failure(
    spec: &EndpointSpec,
    raw: &RawResponse,
    kind: ErrorKind,
    request: Option<&dyn LoginRequest>,
    body: Option<Option<ErrorBodyFields>>,
) -> AuthError {
    let undocumented = match body {
        Some(Some(body)) => return answered_failure(spec, raw, kind, request, body),
        Some(None) => true,
        None => false,
    };
    let retry_after = retry_after(spec, raw, kind);
    let mut error = AuthError::answered(kind, spec.vendor(), raw.status, retry_after, None, None);
    if undocumented {
        // The status still says what happened; the body is kept as a safe excerpt.
        let excerpt = with_scrub(request, raw, |scrub| body_excerpt(&raw.body, scrub));
        error = error.with_detail(format!(
            "the error body was not the documented shape: {excerpt}"
        ));
    }
    scrub(&mut error, request, raw);
    error
}

/// The error for a failed response whose error body is the documented shape: the kind from
/// the status (or the body-failure default), unless the body says another.
fn answered_failure(
    spec: &EndpointSpec,
    raw: &RawResponse,
    kind: ErrorKind,
    request: Option<&dyn LoginRequest>,
    body: ErrorBodyFields,
) -> AuthError {
    answered(spec, raw, kind, request, body)
}

/// [`answered_failure`], compiled into the failure path of each endpoint's `interpret`.
#[inline(always)]
fn answered(
    spec: &EndpointSpec,
    raw: &RawResponse,
    kind: ErrorKind,
    request: Option<&dyn LoginRequest>,
    body: ErrorBodyFields,
) -> AuthError {
    let kind = body.kind.unwrap_or(kind);
    let mut error = AuthError::answered(
        kind,
        spec.vendor(),
        raw.status,
        retry_after(spec, raw, kind),
        body.code,
        body.message,
    );
    error.set_field_errors(body.field_errors);
    scrub(&mut error, request, raw);
    error
}

/// Whether a body that no type is declared for is JSON, as far as telling it from an HTML page
/// or text goes: an object, array or string from its first to its last visible character.
/// Nothing is read from it, so it is not parsed; anything else is shown as an excerpt. `body`
/// is trimmed of whitespace at both ends.
#[inline]
fn looks_like_json(body: &[u8]) -> bool {
    matches!(
        (body.first(), body.last()),
        (Some(b'{'), Some(b'}')) | (Some(b'['), Some(b']')) | (Some(b'"'), Some(b'"'))
    ) && body.len() >= 2
}

fn scrubbed(
    mut error: AuthError,
    request: Option<&dyn LoginRequest>,
    raw: &RawResponse,
) -> AuthError {
    scrub(&mut error, request, raw);
    error
}

/// Removes the request's secrets and the response's captured values from `error`'s text. An
/// error with no text of the vendor's or the response's has nothing to scrub, which is checked
/// here, inline, so that most failures make no call.
#[inline]
fn scrub(error: &mut AuthError, request: Option<&dyn LoginRequest>, raw: &RawResponse) {
    if error.has_text() && (request.is_some() || raw.captured.has_values()) {
        scrub_text_of(error, request, raw);
    }
}

fn scrub_text_of(error: &mut AuthError, request: Option<&dyn LoginRequest>, raw: &RawResponse) {
    if let Some(request) = request {
        crate::__private::scrub_error_in_place(error, request);
    }
    if raw.captured.has_secrets() {
        let values: Vec<&str> = raw.captured.secrets().collect();
        error.scrub(&values);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_undocumented_error_body_is_json_when_framed_as_json() {
        for json in [&b"{}"[..], b" {\"detail\":\"x\"}\n", b"[1]", b"\"oops\""] {
            assert!(
                looks_like_json(json.trim_ascii()),
                "{:?}",
                String::from_utf8_lossy(json)
            );
        }
        for other in [
            &b"<html><body>Login failed</body></html>"[..],
            b"{\"detail\":",
            b"Unauthorized",
            b"\"",
            b"",
        ] {
            assert!(
                !looks_like_json(other.trim_ascii()),
                "{:?}",
                String::from_utf8_lossy(other)
            );
        }
    }

    #[test]
    fn a_json_error_body_has_nothing_to_read_only_when_no_type_is_declared_for_it() {
        for json in [
            &b"{}"[..],
            b"{\"detail\":\"x\"}",
            b" {\"detail\":\"x\"}\n",
            b"[1]",
        ] {
            let shown = String::from_utf8_lossy(json);
            assert!(nothing_to_read(json, false), "{shown}");
            assert!(!nothing_to_read(json, true), "{shown}");
        }
        for blank in [&b""[..], b" \r\n\t"] {
            assert!(nothing_to_read(blank, false));
            assert!(nothing_to_read(blank, true));
        }
        for text in [&b"{\"detail\":"[..], b"<html>{}</html>", b"{", b"}"] {
            let shown = String::from_utf8_lossy(text);
            assert!(!nothing_to_read(text, false), "{shown}");
            assert!(!nothing_to_read(text, true), "{shown}");
        }
    }
}
