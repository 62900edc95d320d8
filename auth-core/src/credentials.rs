//! Where the token, the refresh token and their expiries come from: a path in the typed body, a
//! response header, or a cookie. Each [`Source`] and each [`Expiry`] is read by one function
//! here, shared by every endpoint; generated code only reads the body paths it declares.

use std::time::{Duration, SystemTime};

use reqwest::header::{HeaderMap, HeaderName, SET_COOKIE};

use crate::cookie::{SetCookie, parse_set_cookie};
use crate::error::ErrorKind;
use crate::fields::{BodyValues, ExpiryValue};
use crate::secret::Secret;
use crate::session::Credentials;

/// Where a value of a successful response comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// A path of fields in the typed response body, as declared: `data.token`.
    Body(&'static str),
    /// A response header; the name in lowercase: `x-subject-token`.
    Header(&'static str),
    /// A response header whose value starts with text that is not part of the value, such as
    /// an authentication scheme: `Authorization: Bearer <token>`. The name in lowercase, then
    /// the prefix, matched without regard to ASCII case (as schemes are, RFC 9110 §11.1); the
    /// value is what follows it, without surrounding spaces.
    HeaderWithPrefix(&'static str, &'static str),
    /// A cookie the response sets with `Set-Cookie`, by name: `SID`.
    Cookie(&'static str),
}

/// How an absolute expiry is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeFormat {
    /// An RFC 3339 timestamp: `2025-03-11T17:49:38.925Z`.
    Rfc3339,
    /// Seconds since the Unix epoch: `1733083200`.
    UnixSeconds,
    /// Milliseconds since the Unix epoch: `1733083200000`.
    UnixMillis,
    /// An HTTP date, as the `Expires` header and cookie attribute write it (RFC 9110):
    /// `Tue, 03 Dec 2026 10:00:00 GMT`.
    HttpDate,
}

/// The unit of a relative expiry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum TimeUnit {
    /// `expires_in: 300`.
    Seconds,
    /// `expires: 900000`.
    Millis,
}

/// Where a response states when a token expires, and how.
///
/// Numbers may be sent as JSON numbers or as numeric strings (`"3600"`). A value that is
/// missing, empty or zero states nothing: the session then lasts the declared `lifetime`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Expiry {
    /// An instant: `expires_at = token.expires_at`, `expires_at(unix_seconds = exp)`.
    At(Source, TimeFormat),
    /// A duration from the moment the response arrived: `expires_in = expires_in`,
    /// `expires_in(millis = expires)`.
    In(Source, TimeUnit),
    /// The `Max-Age` (or else `Expires`) attribute of the cookie with this name:
    /// `expires_at = cookie("SID")`.
    OfCookie(&'static str),
}

impl Expiry {
    fn source(self) -> Source {
        match self {
            Expiry::At(source, _) | Expiry::In(source, _) => source,
            Expiry::OfCookie(name) => Source::Cookie(name),
        }
    }
}

/// What a declaration says about its successful responses: where each credential comes from,
/// and the kind of a failure stated in a 2xx body.
#[derive(Debug)]
pub struct ResponseSpec {
    response_type: &'static str,
    token: Source,
    refresh_token: Option<Source>,
    expiry: Option<Expiry>,
    refresh_expiry: Option<Expiry>,
    body_failure_kind: ErrorKind,
    /// Whether any value comes from a header or a cookie, worked out when the constant is
    /// built, so a response read from its body alone captures nothing.
    reads_headers: bool,
}

/// Whether `source` is read from the response's headers (a header or a cookie).
const fn in_headers(source: Option<Source>) -> bool {
    matches!(
        source,
        Some(Source::Header(_) | Source::HeaderWithPrefix(..) | Source::Cookie(_))
    )
}

/// Whether `expiry` is read from the response's headers.
const fn expiry_in_headers(expiry: Option<Expiry>) -> bool {
    match expiry {
        Some(Expiry::At(source, _) | Expiry::In(source, _)) => in_headers(Some(source)),
        Some(Expiry::OfCookie(_)) => true,
        None => false,
    }
}

impl ResponseSpec {
    /// Whether a refresh token is read from a successful answer.
    pub(crate) const fn reads_refresh_token(&self) -> bool {
        self.refresh_token.is_some()
    }

    #[doc(hidden)]
    pub const fn __new(
        response_type: &'static str,
        token: Source,
        refresh_token: Option<Source>,
        expiry: Option<Expiry>,
        refresh_expiry: Option<Expiry>,
        body_failure_kind: ErrorKind,
    ) -> Self {
        ResponseSpec {
            response_type,
            token,
            refresh_token,
            expiry,
            refresh_expiry,
            body_failure_kind,
            reads_headers: in_headers(Some(token))
                || in_headers(refresh_token)
                || expiry_in_headers(expiry)
                || expiry_in_headers(refresh_expiry),
        }
    }

    /// The name of the response type, as errors show it: `LoginResponse`.
    pub fn response_type(&self) -> &'static str {
        self.response_type
    }

    /// Where the access token comes from (`token = ...`).
    pub fn token(&self) -> Source {
        self.token
    }

    /// Where the refresh token comes from (`refresh_token = ...`), if declared.
    pub fn refresh_token(&self) -> Option<Source> {
        self.refresh_token
    }

    /// Where the token's expiry comes from (`expires_at` or `expires_in`), if declared.
    pub fn expiry(&self) -> Option<Expiry> {
        self.expiry
    }

    /// Where the refresh token's expiry comes from (`refresh_expires_at` or
    /// `refresh_expires_in`), if declared.
    pub fn refresh_expiry(&self) -> Option<Expiry> {
        self.refresh_expiry
    }

    /// The kind of a failure stated in a 2xx body (`body_failure(..., kind = ...)`), unless
    /// the error body says more: [`ErrorKind::Rejected`] by default.
    pub fn body_failure_kind(&self) -> ErrorKind {
        self.body_failure_kind
    }

    /// Whether any value is read from the response's headers or cookies.
    pub(crate) fn reads_headers(&self) -> bool {
        self.reads_headers
    }

    fn sources(&self) -> impl Iterator<Item = Source> + '_ {
        [
            Some(self.token),
            self.refresh_token,
            self.expiry.map(Expiry::source),
            self.refresh_expiry.map(Expiry::source),
        ]
        .into_iter()
        .flatten()
    }
}

/// The declared headers and cookies of a response, taken out of it as soon as it arrives. Only
/// these are kept, as [`Secret`]s.
///
/// The first declared header is kept inline, so a response whose headers give only its token
/// (the usual case of a header source) allocates nothing but the token; further headers and
/// the cookies are boxed. Both are absent for a response that declares none (every value from
/// the body), and dropping it then costs a check.
#[derive(Default)]
pub(crate) struct Captured {
    first: Option<CapturedHeader>,
    more: Option<Box<CapturedValues>>,
}

// Dropping a response that captured nothing is one check where it is dropped, not a call.
impl Drop for Captured {
    #[inline]
    fn drop(&mut self) {
        if self.first.is_some() || self.more.is_some() {
            drop_captured(self.first.take(), self.more.take());
        }
    }
}

#[inline(never)]
fn drop_captured(first: Option<CapturedHeader>, more: Option<Box<CapturedValues>>) {
    drop((first, more));
}

#[derive(Default)]
struct CapturedValues {
    /// The declared headers after the first, in the order of the sources: a response declares
    /// at most four sources (token, refresh token and their expiries), so no list is allocated.
    headers: [Option<CapturedHeader>; 3],
    cookies: Vec<SetCookie>,
}

struct CapturedHeader {
    name: &'static str,
    /// `None` when the response did not carry it, or once the token has been moved out of it
    /// into the session.
    value: Option<Result<Secret, Unreadable>>,
}

impl CapturedHeader {
    /// Whether this is the header declared as `name`: the same constant of the same
    /// declaration, most often, and otherwise the same text.
    #[inline]
    fn is(&self, name: &str) -> bool {
        std::ptr::eq(self.name, name) || self.name == name
    }
}

/// Why a header the response carried gives no value.
#[derive(Clone, Copy)]
enum Unreadable {
    /// Its value is not visible ASCII.
    NotText,
    /// Its value does not start with the declared prefix.
    WithoutPrefix,
}

impl Captured {
    /// Marks the declared headers (and `Set-Cookie`, when a cookie is declared) sensitive and
    /// copies their values out of `headers`.
    pub(crate) fn take(spec: &ResponseSpec, headers: &mut HeaderMap) -> Captured {
        let mut captured = Captured::default();
        if !spec.reads_headers {
            return captured;
        }
        let mut wants_cookies = false;
        for source in spec.sources() {
            let (name, prefix) = match source {
                Source::Body(_) => continue,
                Source::Cookie(_) => {
                    wants_cookies = true;
                    continue;
                }
                Source::Header(name) => (name, None),
                Source::HeaderWithPrefix(name, prefix) => (name, Some(prefix)),
            };
            if captured.headers().any(|header| header.is(name)) {
                continue;
            }
            let header = CapturedHeader {
                name,
                value: take_header(headers, name, prefix),
            };
            if captured.first.is_none() {
                captured.first = Some(header);
            } else if let Some(slot) = captured
                .more
                .get_or_insert_with(Box::default)
                .headers
                .iter_mut()
                .find(|slot| slot.is_none())
            {
                *slot = Some(header);
            }
        }
        if wants_cookies {
            mark_sensitive(headers, &SET_COOKIE);
            let declared = |name: &str| {
                spec.sources()
                    .any(|source| matches!(source, Source::Cookie(declared) if declared == name))
            };
            let cookies = &mut captured.more.get_or_insert_with(Box::default).cookies;
            for value in headers.get_all(SET_COOKIE) {
                let Some(cookie) = value.to_str().ok().and_then(parse_set_cookie) else {
                    continue;
                };
                if declared(&cookie.name) {
                    // A later `Set-Cookie` for the same name replaces an earlier one.
                    cookies.retain(|c| c.name != cookie.name);
                    cookies.push(cookie);
                }
            }
        }
        captured
    }

    /// The declared headers, in the order of the sources.
    fn headers(&self) -> impl Iterator<Item = &CapturedHeader> {
        let more = self.more.as_deref().into_iter();
        self.first
            .iter()
            .chain(more.flat_map(|values| values.headers.iter().flatten()))
    }

    /// The request's and the response's secrets: what error texts are scrubbed of.
    pub(crate) fn secrets(&self) -> impl Iterator<Item = &str> {
        let headers = self.headers().filter_map(|h| match &h.value {
            Some(Ok(value)) => Some(value.expose_secret()),
            _ => None,
        });
        let cookies = self
            .more
            .as_deref()
            .into_iter()
            .flat_map(|values| &values.cookies)
            .map(|c| c.value.expose_secret());
        headers.chain(cookies)
    }

    /// Whether the response declares headers or cookies to capture, whatever it carried.
    #[inline]
    pub(crate) fn has_values(&self) -> bool {
        self.first.is_some() || self.more.is_some()
    }

    /// Whether any declared header or cookie was captured with a value.
    #[inline]
    pub(crate) fn has_secrets(&self) -> bool {
        self.has_values() && self.secrets().next().is_some()
    }

    fn header(&self, name: &str) -> Option<&Result<Secret, Unreadable>> {
        self.headers()
            .find(|h| h.is(name))
            .and_then(|h| h.value.as_ref())
    }

    /// The value of the declared header `name`, moved out: the session takes its token.
    fn take_header_value(&mut self, name: &str) -> Option<Secret> {
        let more = self.more.as_deref_mut().into_iter();
        let header = self
            .first
            .iter_mut()
            .chain(more.flat_map(|values| values.headers.iter_mut().flatten()))
            .find(|h| h.is(name))?;
        match header.value.take() {
            Some(Ok(value)) => Some(value),
            other => {
                header.value = other;
                None
            }
        }
    }

    /// The value of the declared cookie `name`, moved out: the session takes its token.
    fn take_cookie_value(&mut self, name: &str) -> Option<Secret> {
        let cookie = self
            .more
            .as_deref_mut()?
            .cookies
            .iter_mut()
            .find(|c| c.name == name)?;
        Some(std::mem::take(&mut cookie.value))
    }

    fn cookie(&self, name: &str) -> Option<&SetCookie> {
        self.more
            .as_deref()?
            .cookies
            .iter()
            .find(|c| c.name == name)
    }
}

/// The first value of the header `name` (any case), every value of it marked sensitive. The
/// headers are walked rather than looked up: a lookup would parse the name, and a name that is
/// not a standard one into an allocation, which costs more than comparing the few names a
/// response carries. A name that is not a valid header name matches none. With a `prefix`, the
/// value is what follows it.
fn take_header(
    headers: &mut HeaderMap,
    name: &str,
    prefix: Option<&str>,
) -> Option<Result<Secret, Unreadable>> {
    let mut first = None;
    for (header, value) in headers.iter_mut() {
        // A header's name is lowercase, as a declared one is: compared as it is first.
        let header = header.as_str();
        if header.len() == name.len() && (header == name || header.eq_ignore_ascii_case(name)) {
            value.set_sensitive(true);
            if first.is_none() {
                first = Some(match (value.to_str(), prefix) {
                    // Visible ASCII: its whitespace is ASCII whitespace.
                    (Ok(text), None) => Ok(Secret::from(text.trim_ascii())),
                    (Ok(text), Some(prefix)) => after_prefix(text.trim_ascii(), prefix)
                        .map(|rest| Secret::from(rest.trim_ascii()))
                        .ok_or(Unreadable::WithoutPrefix),
                    (Err(_), _) => Err(Unreadable::NotText),
                });
            }
        }
    }
    first
}

/// `text` after `prefix` (any ASCII case), or `None` when it does not start with it. A prefix
/// that ends in a space (`Bearer `) is followed by spaces or by nothing, so `Bearerabc` does not
/// match it, and a value of `Bearer` alone is an empty one.
fn after_prefix<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let word = prefix.trim_end();
    let rest = text
        .get(..word.len())
        .filter(|head| head.eq_ignore_ascii_case(word))
        .map(|_| &text[word.len()..])?;
    let spaced = word.len() < prefix.len();
    (!spaced || rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_whitespace()))
        .then_some(rest)
}

fn mark_sensitive(headers: &mut HeaderMap, name: &HeaderName) {
    if let reqwest::header::Entry::Occupied(mut entry) = headers.entry(name) {
        for value in entry.iter_mut() {
            value.set_sensitive(true);
        }
    }
}

/// What a success response lacked: the text after "expected", and whether the body is worth an
/// excerpt (it is not when the value was expected in a header or a cookie).
pub(crate) struct Missing {
    pub(crate) expected: String,
    pub(crate) in_body: bool,
}

/// The session's credentials, each from its declared source. `received` is when the response
/// arrived, which relative expiries count from. A token from a header or a cookie is moved out
/// of `captured`, once everything else has been read: until then an error is still scrubbed of
/// it.
pub(crate) fn collect(
    spec: &ResponseSpec,
    captured: &mut Captured,
    body: BodyValues<'_>,
    received: SystemTime,
) -> Result<Credentials, Missing> {
    let token = match spec.token {
        Source::Body(_) => match body.token {
            Some(token) => Some(token),
            None => return Err(missing_token(spec, spec.token, "token", Absence::Absent)),
        },
        source => match captured_credential(source, captured) {
            Ok(_) => None,
            Err(why) => return Err(missing_token(spec, source, "token", why)),
        },
    };
    let refresh_token = match spec.refresh_token {
        Some(source) => credential(source, body.refresh_token, captured).ok(),
        None => None,
    };
    let expires_at = match spec.expiry {
        Some(expiry) => stated_expiry(spec, expiry, body.expiry, captured, received)?,
        None => None,
    };
    let refresh_expires_at = match spec.refresh_expiry {
        Some(expiry) => stated_expiry(spec, expiry, body.refresh_expiry, captured, received)?,
        None => None,
    };
    let token = match token {
        Some(token) => token.clone(),
        // Found above, and not empty.
        None => match spec.token {
            Source::Header(name) | Source::HeaderWithPrefix(name, _) => {
                captured.take_header_value(name)
            }
            Source::Cookie(name) => captured.take_cookie_value(name),
            Source::Body(_) => None,
        }
        .ok_or_else(|| missing_token(spec, spec.token, "token", Absence::Absent))?,
    };
    Ok(Credentials {
        token,
        refresh_token,
        expires_at,
        refresh_expires_at,
    })
}

/// Why a credential was not found where declared.
enum Absence {
    Absent,
    Empty,
    NotText,
    WithoutPrefix,
}

/// The credential from its source. A value from the body, the common case, is taken inline;
/// the generated code has already read it.
#[inline]
fn credential(
    source: Source,
    from_body: Option<&Secret>,
    captured: &Captured,
) -> Result<Secret, Absence> {
    match source {
        Source::Body(_) => from_body.cloned().ok_or(Absence::Absent),
        _ => captured_credential(source, captured).cloned(),
    }
}

/// A credential from a captured header or cookie.
fn captured_credential(source: Source, captured: &Captured) -> Result<&Secret, Absence> {
    let value = match source {
        Source::Body(_) => return Err(Absence::Absent),
        Source::Header(name) | Source::HeaderWithPrefix(name, _) => match captured.header(name) {
            None => return Err(Absence::Absent),
            Some(Err(Unreadable::NotText)) => return Err(Absence::NotText),
            Some(Err(Unreadable::WithoutPrefix)) => return Err(Absence::WithoutPrefix),
            Some(Ok(value)) => value,
        },
        Source::Cookie(name) => match captured.cookie(name) {
            None => return Err(Absence::Absent),
            Some(cookie) => &cookie.value,
        },
    };
    if value.is_empty() {
        Err(Absence::Empty)
    } else {
        Ok(value)
    }
}

fn missing_token(spec: &ResponseSpec, source: Source, what: &str, why: Absence) -> Missing {
    let expected = match source {
        Source::Body(path) => {
            return Missing {
                expected: format!("a non-empty {what} at `{path}` of `{}`", spec.response_type),
                in_body: true,
            };
        }
        Source::Header(name) | Source::HeaderWithPrefix(name, _) => {
            let prefix = match source {
                Source::HeaderWithPrefix(_, prefix) => format!(" after `{}`", prefix.trim_end()),
                _ => String::new(),
            };
            let why = match why {
                Absence::Absent => "which the response did not carry".to_owned(),
                Absence::Empty => "which was empty".to_owned(),
                Absence::NotText => "which was not text".to_owned(),
                Absence::WithoutPrefix => "whose value did not start with it".to_owned(),
            };
            format!("a non-empty {what}{prefix} in the response header `{name}`, {why}")
        }
        Source::Cookie(name) => {
            let why = match why {
                Absence::Empty => "which the response set to an empty value".to_owned(),
                Absence::Absent | Absence::NotText | Absence::WithoutPrefix => {
                    "which the response did not set".to_owned()
                }
            };
            format!("a non-empty {what} in the cookie `{name}`, {why}")
        }
    };
    Missing {
        expected,
        in_body: false,
    }
}

fn stated_expiry(
    spec: &ResponseSpec,
    expiry: Expiry,
    from_body: ExpiryValue<'_>,
    captured: &Captured,
    received: SystemTime,
) -> Result<Option<SystemTime>, Missing> {
    let (source, reading) = match expiry {
        Expiry::OfCookie(name) => {
            return Ok(captured
                .cookie(name)
                .and_then(|cookie| cookie.expiry.at(received)));
        }
        Expiry::At(source, format) => (source, Reading::At(format)),
        Expiry::In(source, unit) => (source, Reading::In(unit)),
    };
    let value = match source {
        Source::Body(_) => from_body,
        Source::Header(name) | Source::HeaderWithPrefix(name, _) => match captured.header(name) {
            Some(Ok(value)) => ExpiryValue::Text(value.expose_secret()),
            Some(Err(_)) => ExpiryValue::Text("\u{fffd}"),
            None => ExpiryValue::Absent,
        },
        Source::Cookie(name) => match captured.cookie(name) {
            Some(cookie) => ExpiryValue::Text(cookie.value.expose_secret()),
            None => ExpiryValue::Absent,
        },
    };
    reading.read(value, received).map_err(|()| {
        let what = reading.describe();
        match source {
            Source::Body(path) => Missing {
                expected: format!("{what} at `{path}` of `{}`", spec.response_type),
                in_body: true,
            },
            Source::Header(name) => Missing {
                expected: format!("{what} in the response header `{name}`"),
                in_body: false,
            },
            Source::HeaderWithPrefix(name, prefix) => Missing {
                expected: format!(
                    "{what} after `{}` in the response header `{name}`",
                    prefix.trim_end()
                ),
                in_body: false,
            },
            Source::Cookie(name) => Missing {
                expected: format!("{what} in the cookie `{name}`"),
                in_body: false,
            },
        }
    })
}

#[derive(Clone, Copy)]
enum Reading {
    At(TimeFormat),
    In(TimeUnit),
}

/// A number as a vendor sent it, either as a JSON number or inside a string.
#[derive(Clone, Copy)]
enum Number {
    Integer(i128),
    Float(f64),
}

impl Reading {
    fn describe(self) -> &'static str {
        match self {
            Reading::At(TimeFormat::Rfc3339) => "an RFC 3339 timestamp",
            Reading::At(TimeFormat::UnixSeconds) => "a Unix time in seconds",
            Reading::At(TimeFormat::UnixMillis) => "a Unix time in milliseconds",
            Reading::At(TimeFormat::HttpDate) => "an HTTP date",
            Reading::In(TimeUnit::Seconds) => "a number of seconds",
            Reading::In(TimeUnit::Millis) => "a number of milliseconds",
        }
    }

    /// The instant a value states; `None` when it states nothing (absent, empty or zero).
    fn read(self, value: ExpiryValue<'_>, received: SystemTime) -> Result<Option<SystemTime>, ()> {
        let number = match value {
            ExpiryValue::Absent => return Ok(None),
            ExpiryValue::Text(text) => {
                let text = crate::fields::trimmed(text);
                if text.is_empty() {
                    return Ok(None);
                }
                if let Reading::At(TimeFormat::Rfc3339) = self {
                    let timestamp: jiff::Timestamp = text.parse().map_err(|_| ())?;
                    return SystemTime::try_from(timestamp).map(Some).map_err(|_| ());
                }
                if let Reading::At(TimeFormat::HttpDate) = self {
                    return httpdate::parse_http_date(text).map(Some).map_err(|_| ());
                }
                parse_number(text).ok_or(())?
            }
            ExpiryValue::Integer(n) => Number::Integer(n),
            ExpiryValue::Float(f) => Number::Float(f),
        };
        let millis = match self {
            Reading::At(TimeFormat::Rfc3339 | TimeFormat::HttpDate) => return Err(()),
            Reading::At(TimeFormat::UnixSeconds) | Reading::In(TimeUnit::Seconds) => false,
            Reading::At(TimeFormat::UnixMillis) | Reading::In(TimeUnit::Millis) => true,
        };
        let Some(amount) = duration_of(number, millis)? else {
            return Ok(None);
        };
        let start = match self {
            Reading::At(_) => SystemTime::UNIX_EPOCH,
            Reading::In(_) => received,
        };
        start.checked_add(amount).map(Some).ok_or(())
    }
}

fn parse_number(text: &str) -> Option<Number> {
    if let Ok(n) = text.parse::<i128>() {
        return Some(Number::Integer(n));
    }
    text.parse::<f64>()
        .ok()
        .filter(|f| f.is_finite())
        .map(Number::Float)
}

/// The duration a number of seconds (or milliseconds) states; `None` for zero, an error for a
/// negative number or one too large for a time.
fn duration_of(number: Number, millis: bool) -> Result<Option<Duration>, ()> {
    let duration = match number {
        Number::Integer(0) => return Ok(None),
        Number::Integer(n) if n < 0 => return Err(()),
        Number::Integer(n) => {
            let n = u64::try_from(n).map_err(|_| ())?;
            if millis {
                Duration::from_millis(n)
            } else {
                Duration::from_secs(n)
            }
        }
        Number::Float(0.0) => return Ok(None),
        Number::Float(f) => {
            let seconds = if millis { f / 1000.0 } else { f };
            Duration::try_from_secs_f64(seconds).map_err(|_| ())?
        }
    };
    Ok(Some(duration))
}

#[cfg(test)]
mod tests {
    use super::*;
    use reqwest::header::HeaderValue;

    fn at(seconds: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
    }

    const RECEIVED: u64 = 1_700_000_000;

    fn read(reading: Reading, value: ExpiryValue<'_>) -> Result<Option<SystemTime>, ()> {
        reading.read(value, at(RECEIVED))
    }

    #[test]
    fn relative_expiries_in_numbers_and_numeric_strings() {
        let seconds = Reading::In(TimeUnit::Seconds);
        let millis = Reading::In(TimeUnit::Millis);
        let in_300 = Ok(Some(at(RECEIVED + 300)));
        assert_eq!(read(seconds, ExpiryValue::Integer(300)), in_300);
        assert_eq!(read(seconds, ExpiryValue::Text(" 300 ")), in_300);
        assert_eq!(read(seconds, ExpiryValue::Float(300.0)), in_300);
        assert_eq!(read(millis, ExpiryValue::Integer(300_000)), in_300);
        assert_eq!(read(millis, ExpiryValue::Text("300000")), in_300);
        assert_eq!(
            read(millis, ExpiryValue::Integer(1_500)),
            Ok(Some(at(RECEIVED) + Duration::from_millis(1_500)))
        );
    }

    #[test]
    fn absolute_expiries() {
        let expected = Ok(Some(at(1_733_083_200)));
        let unix = Reading::At(TimeFormat::UnixSeconds);
        let unix_ms = Reading::At(TimeFormat::UnixMillis);
        let rfc = Reading::At(TimeFormat::Rfc3339);
        assert_eq!(read(unix, ExpiryValue::Integer(1_733_083_200)), expected);
        assert_eq!(read(unix, ExpiryValue::Text("1733083200")), expected);
        assert_eq!(
            read(unix_ms, ExpiryValue::Integer(1_733_083_200_000)),
            expected
        );
        assert_eq!(read(unix_ms, ExpiryValue::Text("1733083200000")), expected);
        assert_eq!(
            read(rfc, ExpiryValue::Text("2024-12-01T20:00:00Z")),
            expected
        );
        assert_eq!(
            read(rfc, ExpiryValue::Text("2024-12-01T20:00:00.000000Z")),
            expected
        );
    }

    #[test]
    fn missing_empty_and_zero_state_nothing() {
        for reading in [
            Reading::In(TimeUnit::Seconds),
            Reading::In(TimeUnit::Millis),
            Reading::At(TimeFormat::UnixSeconds),
            Reading::At(TimeFormat::UnixMillis),
        ] {
            for value in [
                ExpiryValue::Absent,
                ExpiryValue::Text(""),
                ExpiryValue::Text("0"),
                ExpiryValue::Integer(0),
                ExpiryValue::Float(0.0),
            ] {
                assert_eq!(read(reading, value), Ok(None));
            }
        }
        let rfc = Reading::At(TimeFormat::Rfc3339);
        assert_eq!(read(rfc, ExpiryValue::Absent), Ok(None));
        assert_eq!(read(rfc, ExpiryValue::Text(" ")), Ok(None));
    }

    #[test]
    fn values_that_are_not_times_are_refused() {
        let seconds = Reading::In(TimeUnit::Seconds);
        for value in [
            ExpiryValue::Integer(-1),
            ExpiryValue::Float(-0.5),
            ExpiryValue::Text("soon"),
            ExpiryValue::Text("NaN"),
            ExpiryValue::Text("inf"),
            ExpiryValue::Integer(i128::MAX),
            ExpiryValue::Float(1e300),
        ] {
            assert_eq!(read(seconds, value), Err(()));
        }
        let rfc = Reading::At(TimeFormat::Rfc3339);
        assert_eq!(read(rfc, ExpiryValue::Text("in two hours")), Err(()));
        assert_eq!(read(rfc, ExpiryValue::Integer(1_733_083_200)), Err(()));
    }

    fn spec(token: Source, refresh: Option<Source>, expiry: Option<Expiry>) -> ResponseSpec {
        ResponseSpec::__new(
            "LoginResponse",
            token,
            refresh,
            expiry,
            None,
            ErrorKind::Rejected,
        )
    }

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(*name, HeaderValue::from_str(value).unwrap());
        }
        map
    }

    fn no_body() -> BodyValues<'static> {
        BodyValues {
            token: None,
            refresh_token: None,
            expiry: ExpiryValue::Absent,
            refresh_expiry: ExpiryValue::Absent,
        }
    }

    #[test]
    fn a_header_token_after_a_scheme_is_what_follows_it() {
        let spec = spec(
            Source::HeaderWithPrefix("authorization", "Bearer "),
            None,
            None,
        );
        for value in ["Bearer eyJ.a-b", "bearer   eyJ.a-b ", "BEARER eyJ.a-b"] {
            let mut map = headers(&[("Authorization", value)]);
            let mut captured = Captured::take(&spec, &mut map);
            assert!(map.get("authorization").unwrap().is_sensitive());
            let credentials = collect(&spec, &mut captured, no_body(), at(RECEIVED))
                .ok()
                .unwrap();
            assert_eq!(credentials.token.expose_secret(), "eyJ.a-b", "{value}");
        }
    }

    #[test]
    fn a_header_without_the_declared_prefix_gives_no_token() {
        let spec = spec(
            Source::HeaderWithPrefix("authorization", "Bearer "),
            None,
            None,
        );
        for (value, why) in [
            ("Basic dXNlcjpwdw==", "whose value did not start with it"),
            ("Bear", "whose value did not start with it"),
            ("Bearerabc", "whose value did not start with it"),
            ("Bearer ", "which was empty"),
        ] {
            let mut map = headers(&[("Authorization", value)]);
            let mut captured = Captured::take(&spec, &mut map);
            let Err(missing) = collect(&spec, &mut captured, no_body(), at(RECEIVED)) else {
                panic!("{value:?} gave a token");
            };
            assert_eq!(
                missing.expected,
                format!(
                    "a non-empty token after `Bearer` in the response header `authorization`, {why}"
                )
            );
            assert!(!missing.expected.contains("dXNlcjpwdw"));
        }
    }

    #[test]
    fn a_header_token_is_taken_and_marked_sensitive() {
        let spec = spec(Source::Header("x-subject-token"), None, None);
        let mut map = headers(&[("X-Subject-Token", "gAAAAAB-token"), ("x-other", "kept")]);
        let mut captured = Captured::take(&spec, &mut map);
        assert!(map.get("x-subject-token").unwrap().is_sensitive());
        assert!(!map.get("x-other").unwrap().is_sensitive());
        assert_eq!(captured.secrets().collect::<Vec<_>>(), ["gAAAAAB-token"]);
        let credentials = collect(&spec, &mut captured, no_body(), at(RECEIVED))
            .ok()
            .unwrap();
        assert_eq!(credentials.token.expose_secret(), "gAAAAAB-token");
    }

    #[test]
    fn every_value_of_a_declared_header_is_sensitive_and_the_first_is_the_token() {
        // Declared in another case than the response's (names are compared without case).
        let declared = spec(Source::Header("X-Auth-Token"), None, None);
        let mut map = headers(&[
            ("x-other", "kept"),
            ("x-auth-token", " first-token "),
            ("x-auth-token", "second-token"),
        ]);
        let mut captured = Captured::take(&declared, &mut map);
        assert!(map.get_all("x-auth-token").iter().all(|v| v.is_sensitive()));
        assert!(!map.get("x-other").unwrap().is_sensitive());
        let credentials = collect(&declared, &mut captured, no_body(), at(RECEIVED))
            .ok()
            .unwrap();
        assert_eq!(credentials.token.expose_secret(), "first-token");

        // A name that is no header name matches none: the token is missing.
        let malformed = spec(Source::Header("x auth token"), None, None);
        let mut captured = Captured::take(&malformed, &mut headers(&[("x-auth-token", "t")]));
        let missing = collect(&malformed, &mut captured, no_body(), at(RECEIVED))
            .err()
            .unwrap();
        assert!(
            missing
                .expected
                .ends_with("which the response did not carry")
        );
    }

    #[test]
    fn a_missing_header_or_cookie_names_where_the_token_was_expected() {
        let spec_header = spec(Source::Header("x-subject-token"), None, None);
        let mut captured = Captured::take(&spec_header, &mut headers(&[]));
        let missing = collect(&spec_header, &mut captured, no_body(), at(RECEIVED))
            .err()
            .unwrap();
        assert_eq!(
            missing.expected,
            "a non-empty token in the response header `x-subject-token`, which the response did not carry"
        );
        assert!(!missing.in_body);

        let spec_cookie = spec(Source::Cookie("SID"), None, None);
        let mut map = headers(&[
            ("set-cookie", "sid=lowercase; Path=/"),
            ("set-cookie", "SID=; Max-Age=0"),
        ]);
        let mut captured = Captured::take(&spec_cookie, &mut map);
        let missing = collect(&spec_cookie, &mut captured, no_body(), at(RECEIVED))
            .err()
            .unwrap();
        assert_eq!(
            missing.expected,
            "a non-empty token in the cookie `SID`, which the response set to an empty value"
        );

        let spec_body = spec(Source::Body("data.token"), None, None);
        let missing = collect(
            &spec_body,
            &mut Captured::default(),
            no_body(),
            at(RECEIVED),
        )
        .err()
        .unwrap();
        assert_eq!(
            missing.expected,
            "a non-empty token at `data.token` of `LoginResponse`"
        );
        assert!(missing.in_body);
    }

    #[test]
    fn a_cookie_token_with_its_max_age_as_the_expiry() {
        let spec = spec(
            Source::Cookie("grafana_session"),
            Some(Source::Cookie("refresh")),
            Some(Expiry::OfCookie("grafana_session")),
        );
        let mut map = headers(&[
            ("set-cookie", "grafana_session=old; Max-Age=0"),
            (
                "set-cookie",
                "grafana_session=s3ss10n; Path=/; Max-Age=2592000; HttpOnly",
            ),
            (
                "set-cookie",
                "refresh=r3fr3sh; Expires=Wed, 21 Oct 2099 07:28:00 GMT",
            ),
            ("set-cookie", "unrelated=value"),
        ]);
        let mut captured = Captured::take(&spec, &mut map);
        assert!(map.get_all("set-cookie").iter().all(|v| v.is_sensitive()));
        let mut secrets: Vec<&str> = captured.secrets().collect();
        secrets.sort_unstable();
        assert_eq!(secrets, ["r3fr3sh", "s3ss10n"]);
        let credentials = collect(&spec, &mut captured, no_body(), at(RECEIVED))
            .ok()
            .unwrap();
        assert_eq!(credentials.token.expose_secret(), "s3ss10n");
        assert_eq!(
            credentials.refresh_token.unwrap().expose_secret(),
            "r3fr3sh"
        );
        assert_eq!(credentials.expires_at, Some(at(RECEIVED + 2_592_000)));
    }

    #[test]
    fn an_expiry_in_a_header() {
        let spec = spec(
            Source::Header("x-auth-token"),
            None,
            Some(Expiry::In(
                Source::Header("x-auth-token-expires"),
                TimeUnit::Seconds,
            )),
        );
        let mut map = headers(&[("x-auth-token", "t0k3n"), ("x-auth-token-expires", "86399")]);
        let mut captured = Captured::take(&spec, &mut map);
        let credentials = collect(&spec, &mut captured, no_body(), at(RECEIVED))
            .ok()
            .unwrap();
        assert_eq!(credentials.expires_at, Some(at(RECEIVED + 86_399)));

        let mut map = headers(&[
            ("x-auth-token", "t0k3n"),
            ("x-auth-token-expires", "tomorrow"),
        ]);
        let mut captured = Captured::take(&spec, &mut map);
        let missing = collect(&spec, &mut captured, no_body(), at(RECEIVED))
            .err()
            .unwrap();
        assert_eq!(
            missing.expected,
            "a number of seconds in the response header `x-auth-token-expires`"
        );
        // The token is moved into a session only when there is one: the error is still
        // scrubbed of it.
        assert!(captured.secrets().any(|secret| secret == "t0k3n"));
    }
}
