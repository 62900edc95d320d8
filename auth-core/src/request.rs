//! Where each value of a login request goes. A value declared with `#[login_endpoint]` has one
//! placement: the JSON body, the form body, the query, the path, a header, a cookie or the HTTP
//! Basic credentials. Each placement has one function here, and the generated code only says which
//! value goes where ([`RequestParts`]); none of this is compiled again for each endpoint.

use std::borrow::Cow;

use base64::Engine as _;
use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::{
    AUTHORIZATION, CONTENT_LENGTH, CONTENT_TYPE, COOKIE, HeaderMap, HeaderName, HeaderValue,
};
use url::Url;

use crate::endpoint::{BodyFormat, CommonContentType, EndpointSpec, LoginRequest, Method};
use crate::error::{AuthError, ErrorKind};
use crate::secret::{Secret, sensitive_header_value};

/// What replaces a secret value in a URL shown in logs.
const REDACTED: &str = "[REDACTED]";

/// The values of one login request that come from its fields and go outside a JSON body,
/// collected by the generated code (`__describe`) in declaration order. One list for every
/// placement, so a request that puts nothing outside its body costs one empty `Vec`.
#[derive(Default)]
pub struct RequestParts<'a> {
    values: Vec<Part<'a>>,
}

/// One value and where it goes.
struct Part<'a> {
    place: Place,
    /// The form or query key, the path placeholder, the header or cookie name; empty for Basic
    /// credentials.
    key: &'static str,
    value: PartText<'a>,
    secret: bool,
}

/// A part's text: borrowed from its field, or written out (an integer, a header template). Secret
/// text written out here, such as a header template with a secret in it, is zeroized when
/// dropped.
enum PartText<'a> {
    Borrowed(&'a str),
    Owned(String),
    Wiped(zeroize::Zeroizing<String>),
}

impl<'a> PartText<'a> {
    fn new(text: Cow<'a, str>, secret: bool) -> Self {
        match text {
            Cow::Borrowed(text) => PartText::Borrowed(text),
            Cow::Owned(text) if secret => PartText::Wiped(zeroize::Zeroizing::new(text)),
            Cow::Owned(text) => PartText::Owned(text),
        }
    }
}

impl std::ops::Deref for PartText<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            PartText::Borrowed(text) => text,
            PartText::Owned(text) => text,
            PartText::Wiped(text) => text,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Place {
    Form,
    Query,
    Path,
    Header,
    Cookie,
    BasicUser,
    BasicPassword,
}

impl<'a> RequestParts<'a> {
    fn push(&mut self, place: Place, key: &'static str, value: &'a dyn TextValue, secret: bool) {
        if let Some(value) = value.text() {
            self.values.push(Part {
                place,
                key,
                value: PartText::new(value, secret),
                secret,
            });
        }
    }

    /// A pair of the form body (`body = form`); left out when the value is absent.
    pub fn form(&mut self, key: &'static str, value: &'a dyn TextValue, secret: bool) {
        self.push(Place::Form, key, value, secret);
    }

    /// A query parameter; left out when the value is absent. A `secret` one is redacted from
    /// the URL that logs show.
    pub fn query(&mut self, key: &'static str, value: &'a dyn TextValue, secret: bool) {
        self.push(Place::Query, key, value, secret);
    }

    /// The value of the path's `{placeholder}`.
    pub fn path(&mut self, placeholder: &'static str, value: &'a dyn TextValue, secret: bool) {
        self.push(Place::Path, placeholder, value, secret);
    }

    /// A header; left out when the value is absent. A `secret` one is marked sensitive.
    pub fn header(&mut self, name: &'static str, value: &'a dyn TextValue, secret: bool) {
        self.push(Place::Header, name, value, secret);
    }

    /// A cookie of the `Cookie` header; left out when the value is absent. A `secret` one
    /// makes the header sensitive.
    pub fn cookie(&mut self, name: &'static str, value: &'a dyn TextValue, secret: bool) {
        self.push(Place::Cookie, name, value, secret);
    }

    /// A header declared with `{placeholders}` in its value
    /// (`header(name = "authorization", value = "MediaBrowser DeviceId=\"{device_id}\"")`):
    /// the declared text with each field's value where its placeholder is. Left out when a value
    /// is absent; a header with a `secret` value in it is marked sensitive.
    pub fn header_template(
        &mut self,
        name: &'static str,
        pieces: &[HeaderPiece<'a>],
        secret: bool,
    ) {
        let mut value = String::new();
        for piece in pieces {
            match piece {
                HeaderPiece::Text(text) => value.push_str(text),
                HeaderPiece::Value(field) => match field.text() {
                    Some(text) => value.push_str(&text),
                    None => return,
                },
            }
        }
        self.values.push(Part {
            place: Place::Header,
            key: name,
            value: PartText::new(Cow::Owned(value), secret),
            secret,
        });
    }

    /// The user of the HTTP Basic credentials.
    pub fn basic_user(&mut self, value: &'a dyn TextValue) {
        self.push(Place::BasicUser, "", value, true);
    }

    /// The password of the HTTP Basic credentials.
    pub fn basic_password(&mut self, value: &'a dyn TextValue) {
        self.push(Place::BasicPassword, "", value, true);
    }

    /// The values that go to `place`, in declaration order.
    fn at(&self, place: Place) -> impl Iterator<Item = &Part<'a>> {
        self.values.iter().filter(move |part| part.place == place)
    }

    /// The value of the Basic credentials' user or password.
    fn basic(&self, place: Place) -> Option<&str> {
        self.at(place).next().map(|part| &*part.value)
    }
}

/// A piece of a header value declared with `{placeholders}`, for
/// [`RequestParts::header_template`]: declared text, or a field's value.
pub enum HeaderPiece<'a> {
    /// Text as declared.
    Text(&'static str),
    /// The value of the field named by a placeholder.
    Value(&'a dyn TextValue),
}

/// A value sent as text: a field in a form body, the query, the path, a header or HTTP Basic
/// credentials.
///
/// Implemented for `String`, [`Secret`], the integer types, `bool`, and an `Option` of any of
/// them (`None` leaves the value out of the request). A type of your own, such as a newtype
/// around `String`, can implement it to be sent as text too.
///
/// ```
/// use std::borrow::Cow;
///
/// struct Realm(String);
///
/// impl auth_core::TextValue for Realm {
///     fn text(&self) -> Option<Cow<'_, str>> {
///         Some(Cow::Borrowed(&self.0))
///     }
/// }
/// ```
#[diagnostic::on_unimplemented(
    message = "a field of type `{Self}` cannot be sent as text",
    label = "sent in a form, the query, the path, a header, a cookie or Basic credentials, so it must be text",
    note = "use `String`, `auth_core::Secret` (with `#[login(secret)]`), an integer or `bool`, or an `Option` of one"
)]
pub trait TextValue: Sync {
    /// The value as text; `None` leaves it out of the request.
    fn text(&self) -> Option<Cow<'_, str>>;

    /// The value as the generated code hands it to `auth_core`. Called by its trait's name at
    /// the field's type, so a field that is not text is reported there, with no note about a
    /// cast.
    #[doc(hidden)]
    fn __as_dyn(&self) -> &dyn TextValue
    where
        Self: Sized,
    {
        self
    }
}

#[diagnostic::do_not_recommend]
impl TextValue for String {
    fn text(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self))
    }
}

#[diagnostic::do_not_recommend]
impl TextValue for Secret {
    fn text(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(self.expose_secret()))
    }
}

#[diagnostic::do_not_recommend]
impl TextValue for bool {
    fn text(&self) -> Option<Cow<'_, str>> {
        Some(Cow::Borrowed(if *self { "true" } else { "false" }))
    }
}

macro_rules! integer_text_values {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl TextValue for $t {
            fn text(&self) -> Option<Cow<'_, str>> {
                Some(Cow::Owned(self.to_string()))
            }
        }
    )*};
}
integer_text_values!(
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize
);

#[diagnostic::do_not_recommend]
impl<T: TextValue> TextValue for Option<T> {
    fn text(&self) -> Option<Cow<'_, str>> {
        self.as_ref().and_then(TextValue::text)
    }
}

/// A request ready to send: everything but the base URL's own checks, which need the client.
#[derive(Default)]
pub(crate) struct PreparedRequest {
    /// The path with its placeholders filled in and percent-encoded.
    pub(crate) path: Cow<'static, str>,
    /// The same path with secret values replaced, for logs.
    pub(crate) shown_path: Cow<'static, str>,
    /// Query pairs, constants first: `(key, value, secret)`.
    pub(crate) query: Vec<(&'static str, String, bool)>,
    pub(crate) headers: HeaderMap,
    pub(crate) body: Vec<u8>,
}

/// The URL a login is sent to, and the same URL with secret values redacted, which is the only
/// one that may be logged or shown.
pub(crate) struct LoginUrl {
    pub(crate) url: Url,
    shown_path: Cow<'static, str>,
    query: Vec<(&'static str, String, bool)>,
}

impl LoginUrl {
    /// The URL with the declared query pairs appended.
    pub(crate) fn new(
        mut url: Url,
        shown_path: Cow<'static, str>,
        query: Vec<(&'static str, String, bool)>,
    ) -> LoginUrl {
        if !query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (key, value, _) in &query {
                pairs.append_pair(key, value);
            }
        }
        LoginUrl {
            url,
            shown_path,
            query,
        }
    }

    /// The URL as logs may show it, with secret path and query values redacted. Written only
    /// when displayed, so a login whose debug log is off builds no second URL.
    pub(crate) fn shown(&self) -> impl std::fmt::Display + '_ {
        ShownUrl(self)
    }
}

struct ShownUrl<'a>(&'a LoginUrl);

impl std::fmt::Display for ShownUrl<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let LoginUrl {
            url,
            shown_path,
            query,
        } = self.0;
        write!(f, "{}{shown_path}", url.origin().ascii_serialization())?;
        if !query.is_empty() {
            let mut shown = url::form_urlencoded::Serializer::new(String::new());
            for (key, value, secret) in query {
                shown.append_pair(key, if *secret { REDACTED } else { value });
            }
            write!(f, "?{}", shown.finish())?;
        }
        Ok(())
    }
}

/// Puts every value of `request` where its declaration says, into `prepared` (which starts
/// empty): filled where the caller keeps it rather than returned, as it is too large to move
/// cheaply.
pub(crate) fn prepare_into(
    spec: &'static EndpointSpec,
    request: &dyn LoginRequest,
    prepared: &mut PreparedRequest,
) -> Result<(), AuthError> {
    let mut parts = RequestParts::default();
    request.__describe(&mut parts);
    (prepared.path, prepared.shown_path) = if spec.path_has_placeholders() {
        fill_path(spec, &parts)?
    } else {
        (Cow::Borrowed(spec.path()), Cow::Borrowed(spec.path()))
    };
    all_headers(spec, &parts, &mut prepared.headers)?;
    prepared.body = match spec.body_format() {
        BodyFormat::Json => json_body(spec, request)?,
        BodyFormat::Form => form_body(spec.form(), &parts),
        BodyFormat::None => Vec::new(),
    };
    if !spec.query().is_empty() || parts.at(Place::Query).next().is_some() {
        prepared.query = spec
            .query()
            .iter()
            .map(|(key, value)| (*key, (*value).to_owned(), false))
            .chain(
                // Copied: the parts are only borrowed here.
                parts
                    .at(Place::Query)
                    .map(|part| (part.key, (*part.value).to_owned(), part.secret)),
            )
            .collect();
    }
    Ok(())
}

/// How many headers the HTTP stack adds to a login request after auth-core has written its
/// own: reqwest's `accept` and `user-agent`, hyper's `host` and `content-length`. A map made
/// with room for them is not grown, and its entries rehashed, on the way out: a map made for
/// the content type alone would be grown three times.
const ADDED_ON_THE_WAY_OUT: usize = 4;

/// The headers an empty `HeaderMap` makes room for at its first insertion (eight slots, six
/// of them usable), which is cheaper than asking for room in advance.
const ROOM_OF_A_NEW_MAP: usize = 6;

/// The body and headers of a request that is its JSON body and the content type alone (see
/// [`EndpointSpec::plain_json`]): what [`prepare_into`] writes for it, without describing the
/// fields, as none of them goes anywhere else.
pub(crate) fn plain_json_request(
    spec: &'static EndpointSpec,
    request: &dyn LoginRequest,
) -> Result<(Vec<u8>, HeaderMap), AuthError> {
    let body = json_body(spec, request)?;
    // Made by the first insertion, with room for the content type and those added on the way
    // out (`ROOM_OF_A_NEW_MAP`).
    let mut headers = HeaderMap::new();
    if let Some(content_type) = content_type_value(spec) {
        headers.insert(CONTENT_TYPE, content_type);
    }
    Ok((body, headers))
}

/// The headers of `request` alone, for an attempt after the first: built again rather than
/// copied on every login for the rare retry.
pub(crate) fn request_headers(
    spec: &'static EndpointSpec,
    request: &dyn LoginRequest,
) -> Result<HeaderMap, AuthError> {
    let mut parts = RequestParts::default();
    request.__describe(&mut parts);
    let mut headers = HeaderMap::new();
    all_headers(spec, &parts, &mut headers)?;
    Ok(headers)
}

/// Every header: the content type, the declared ones, those from fields, the cookies, Basic
/// credentials, and the length of an empty POST.
fn all_headers(
    spec: &EndpointSpec,
    parts: &RequestParts<'_>,
    headers: &mut HeaderMap,
) -> Result<(), AuthError> {
    if spec.only_content_type()
        && parts
            .values
            .iter()
            .all(|part| matches!(part.place, Place::Form | Place::Query | Place::Path))
        && let Some(content_type) = content_type_value(spec)
    {
        // Most logins: the content type and nothing else, in a map its insertion sizes.
        headers.insert(CONTENT_TYPE, content_type);
        return Ok(());
    }
    headers_into(spec, parts, headers)?;
    if let Some(cookie) = cookie_header(spec, parts)? {
        headers.insert(COOKIE, cookie);
    }
    if let Some(authorization) = basic_authorization(spec, parts)? {
        headers.insert(AUTHORIZATION, authorization);
    }
    // An empty POST says so: some servers answer 411 to one without a length.
    if spec.body_format() == BodyFormat::None && spec.method() != Method::Get {
        headers.insert(CONTENT_LENGTH, HeaderValue::from_static("0"));
    }
    Ok(())
}

fn invalid_request(spec: &EndpointSpec, detail: String) -> AuthError {
    AuthError::new(ErrorKind::InvalidRequest, spec.vendor()).with_detail(detail)
}

/// JSON body: the generated, serde-derived view of the fields and constants.
#[inline]
fn json_body(spec: &EndpointSpec, request: &dyn LoginRequest) -> Result<Vec<u8>, AuthError> {
    let mut body = Vec::with_capacity(256);
    match request.__write_body(&mut body) {
        Ok(()) => Ok(body),
        Err(error) => Err(unwritable_body(spec, error)),
    }
}

/// The error of a JSON body that could not be written, built out of line as it is rare.
#[cold]
#[inline(never)]
fn unwritable_body(spec: &EndpointSpec, error: serde_json::Error) -> AuthError {
    AuthError::new(ErrorKind::InvalidRequest, spec.vendor())
        .with_detail("the request body could not be written as JSON")
        .with_source(error)
}

/// Form body: `application/x-www-form-urlencoded`, constants first, then fields.
fn form_body(constants: &[(&'static str, &'static str)], parts: &RequestParts<'_>) -> Vec<u8> {
    let mut form = url::form_urlencoded::Serializer::new(String::with_capacity(128));
    for (key, value) in constants {
        form.append_pair(key, value);
    }
    for part in parts.at(Place::Form) {
        form.append_pair(part.key, &part.value);
    }
    form.finish().into_bytes()
}

/// The request's secrets as they appear on the wire when that differs from the value itself:
/// form- and URL-encoded, and the Basic credentials in base64. A server that echoes the
/// request in an error quotes these, so they are scrubbed too.
pub(crate) fn encoded_secrets(request: &dyn LoginRequest) -> Vec<Secret> {
    let mut parts = RequestParts::default();
    request.__describe(&mut parts);
    let mut encoded = Vec::new();
    let mut push = |value: &str, raw: &str| {
        if value != raw {
            encoded.push(Secret::from(value));
        }
    };
    for part in parts.at(Place::Form).chain(parts.at(Place::Query)) {
        if part.secret {
            let form: String =
                url::form_urlencoded::byte_serialize(part.value.as_bytes()).collect();
            push(&form, &part.value);
        }
    }
    for part in parts.at(Place::Path) {
        if part.secret {
            push(
                &utf8_percent_encode(&part.value, PATH_VALUE).to_string(),
                &part.value,
            );
        }
    }
    if let (Some(user), Some(password)) = (
        parts.basic(Place::BasicUser),
        parts.basic(Place::BasicPassword),
    ) {
        let credentials = Secret::from(format!("{user}:{password}"));
        let base64 = base64::engine::general_purpose::STANDARD.encode(credentials.expose_secret());
        push(&base64, credentials.expose_secret());
    }
    encoded
}

/// What a path value is encoded with: everything but RFC 3986's unreserved characters, so a
/// value cannot end its segment (`/`), start a query (`?`) or fragment (`#`), or smuggle an
/// escape (`%`).
const PATH_VALUE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Path: each `{placeholder}` replaced by its percent-encoded value. Returns the path sent and
/// the path shown in logs, where secret values are redacted.
fn fill_path(
    spec: &EndpointSpec,
    parts: &RequestParts<'_>,
) -> Result<(Cow<'static, str>, Cow<'static, str>), AuthError> {
    let template = spec.path();
    if !template.contains('{') {
        return Ok((Cow::Borrowed(template), Cow::Borrowed(template)));
    }
    let mut path = String::with_capacity(template.len() + 32);
    let mut shown = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, after) = rest.split_at(open);
        path.push_str(before);
        shown.push_str(before);
        let Some(close) = after.find('}') else {
            return Err(invalid_request(
                spec,
                format!("the path `{template}` has an unclosed `{{`"),
            ));
        };
        let name = &after[1..close];
        let Some(Part { value, secret, .. }) = parts.at(Place::Path).find(|part| part.key == name)
        else {
            return Err(invalid_request(
                spec,
                format!("the path parameter `{name}` has no value"),
            ));
        };
        // A segment of dots is resolved away by every URL parser, encoded or not, so it
        // would climb out of its place in the path.
        if value.is_empty() || value.chars().all(|c| c == '.') {
            return Err(invalid_request(
                spec,
                format!(
                    "the path parameter `{name}` is {}; a path segment cannot be empty, `.` or `..`",
                    if value.is_empty() {
                        "empty"
                    } else {
                        "only dots"
                    }
                ),
            ));
        }
        let encoded = utf8_percent_encode(value, PATH_VALUE).to_string();
        shown.push_str(if *secret { REDACTED } else { &encoded });
        path.push_str(&encoded);
        rest = &after[close + 1..];
    }
    path.push_str(rest);
    shown.push_str(rest);
    Ok((Cow::Owned(path), Cow::Owned(shown)))
}

/// Headers: the content type, the declared constants, then those from fields (secret ones
/// marked sensitive, so no HTTP layer logs them).
fn headers_into(
    spec: &EndpointSpec,
    parts: &RequestParts<'_>,
    headers: &mut HeaderMap,
) -> Result<(), AuthError> {
    let from_fields = parts.at(Place::Header).count();
    // Room for every header: the declared ones, the content type and those added on the way
    // out; a cookie or Basic credentials may grow it once. The map's first insertion makes
    // room for six, the most logins need; a larger map is made at once.
    let needed = spec.headers().len() + from_fields + 1 + ADDED_ON_THE_WAY_OUT;
    if needed > ROOM_OF_A_NEW_MAP {
        headers.reserve(needed);
    }
    if spec.plain_headers() {
        // Checked when the spec was built: `from_static` takes every one of them.
        if let Some(content_type) = content_type_value(spec) {
            headers.insert(CONTENT_TYPE, content_type);
        }
        for (name, value) in spec.headers().iter().copied() {
            headers.insert(
                HeaderName::from_static(name),
                HeaderValue::from_static(value),
            );
        }
    } else {
        declared_headers(spec, headers)?;
    }
    for part in parts.at(Place::Header) {
        let value = if part.secret {
            sensitive_header_value(String::from(&*part.value))
        } else {
            HeaderValue::from_str(&part.value)
        };
        match (static_header_name(part.key), value) {
            (Ok(name), Ok(value)) => {
                headers.insert(name, value);
            }
            _ => {
                return Err(invalid_request(
                    spec,
                    format!(
                        "header `{}` has a name or value a header cannot carry",
                        part.key
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// The content type of a spec whose headers need no check. A common one is a literal, which
/// `from_static` checks at compile time rather than byte by byte per request.
fn content_type_value(spec: &EndpointSpec) -> Option<HeaderValue> {
    match spec.common_content_type() {
        Some(CommonContentType::Json) => Some(HeaderValue::from_static("application/json")),
        Some(CommonContentType::JsonUtf8) => {
            Some(HeaderValue::from_static("application/json; charset=utf-8"))
        }
        Some(CommonContentType::Form) => Some(HeaderValue::from_static(
            "application/x-www-form-urlencoded",
        )),
        None => spec.content_type().map(HeaderValue::from_static),
    }
}

/// The content type and declared headers of a spec that has one `from_static` would refuse,
/// each checked: the macro validates declared headers, and this keeps a hand-built spec from
/// panicking.
fn declared_headers(spec: &EndpointSpec, headers: &mut HeaderMap) -> Result<(), AuthError> {
    if let Some(content_type) = spec.content_type() {
        match static_header_value(content_type) {
            Ok(value) => {
                headers.insert(CONTENT_TYPE, value);
            }
            Err(_) => {
                return Err(invalid_request(
                    spec,
                    format!("the declared content type `{content_type}` is not a valid header"),
                ));
            }
        }
    }
    for (name, value) in spec.headers().iter().copied() {
        match (static_header_name(name), static_header_value(value)) {
            (Ok(name), Ok(value)) => {
                headers.insert(name, value);
            }
            _ => {
                return Err(invalid_request(
                    spec,
                    format!("the declared header `{name}` is not a valid header"),
                ));
            }
        }
    }
    Ok(())
}

/// A declared header name, without copying it. `from_static` is only reached for names made of
/// lowercase token characters, which it accepts, so it cannot panic; anything else goes through
/// the checked (copying) parser, which refuses what is not a header name.
fn static_header_name(
    name: &'static str,
) -> Result<HeaderName, reqwest::header::InvalidHeaderName> {
    if crate::endpoint::is_plain_header_name(name) {
        Ok(HeaderName::from_static(name))
    } else {
        HeaderName::from_bytes(name.as_bytes())
    }
}

/// A declared header value, without copying it; `from_static` is only reached for visible
/// ASCII and spaces, which it accepts.
fn static_header_value(
    value: &'static str,
) -> Result<HeaderValue, reqwest::header::InvalidHeaderValue> {
    if crate::endpoint::is_plain_header_value(value) {
        Ok(HeaderValue::from_static(value))
    } else {
        HeaderValue::from_str(value)
    }
}

/// The `Cookie` header (RFC 6265 §5.4): the declared cookies, then those from fields, as
/// `name=value` pairs joined by `; `. Sensitive when any value is a secret.
fn cookie_header(
    spec: &EndpointSpec,
    parts: &RequestParts<'_>,
) -> Result<Option<HeaderValue>, AuthError> {
    if spec.cookies().is_empty() && parts.at(Place::Cookie).next().is_none() {
        return Ok(None);
    }
    let declared = spec
        .cookies()
        .iter()
        .map(|(name, value)| (*name, *value, false));
    let taken = parts
        .at(Place::Cookie)
        .map(|part| (part.key, &*part.value, part.secret));
    let mut text = String::with_capacity(64);
    let mut sensitive = false;
    for (name, value, secret) in declared.chain(taken) {
        // The value is never quoted in the error: it may be a secret.
        if !value.bytes().all(is_cookie_octet) {
            return Err(invalid_request(
                spec,
                format!(
                    "the cookie `{name}` has a value a cookie cannot carry (a space, `\"`, `,`, `;`, `\\` or a character that is not visible ASCII)"
                ),
            ));
        }
        if !text.is_empty() {
            text.push_str("; ");
        }
        text.push_str(name);
        text.push('=');
        text.push_str(value);
        sensitive |= secret;
    }
    let value = if sensitive {
        // Zeroized on drop: a secret cookie's value is in it.
        sensitive_header_value(text)
    } else {
        HeaderValue::try_from(text)
    };
    let value = value
        .map_err(|_| invalid_request(spec, "the cookies cannot be sent as a header".to_owned()))?;
    Ok(Some(value))
}

/// RFC 6265 §4.1.1's `cookie-octet`: visible ASCII but `"`, `,`, `;` and `\`.
fn is_cookie_octet(byte: u8) -> bool {
    matches!(byte, 0x21 | 0x23..=0x2B | 0x2D..=0x3A | 0x3C..=0x5B | 0x5D..=0x7E)
}

/// HTTP Basic credentials (RFC 7617), marked sensitive.
fn basic_authorization(
    spec: &EndpointSpec,
    parts: &RequestParts<'_>,
) -> Result<Option<HeaderValue>, AuthError> {
    let (user, password) = match (
        parts.basic(Place::BasicUser),
        parts.basic(Place::BasicPassword),
    ) {
        (None, None) => return Ok(None),
        (Some(user), Some(password)) => (user, password),
        _ => {
            return Err(invalid_request(
                spec,
                "HTTP Basic credentials need both a user and a password".to_owned(),
            ));
        }
    };
    if user.contains(':') {
        return Err(invalid_request(
            spec,
            "the HTTP Basic user contains `:`, which Basic credentials cannot carry".to_owned(),
        ));
    }
    let credentials = Secret::from(format!("{user}:{password}"));
    // Sized up front so the encoding never moves: no copy of the credentials is left behind,
    // and the header's buffer is zeroized when dropped.
    let plain = credentials.expose_secret().as_bytes();
    let mut encoded = String::with_capacity("Basic ".len() + plain.len().div_ceil(3) * 4);
    encoded.push_str("Basic ");
    base64::engine::general_purpose::STANDARD.encode_string(plain, &mut encoded);
    let value = sensitive_header_value(encoded).map_err(|_| {
        invalid_request(
            spec,
            "the HTTP Basic credentials cannot be sent as a header".to_owned(),
        )
    })?;
    Ok(Some(value))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::credentials::{ResponseSpec, Source};
    use crate::endpoint::LifetimePolicy;

    /// A request whose only field goes to its JSON body.
    struct BodyOnly;

    impl LoginRequest for BodyOnly {
        fn __write_body(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
            out.extend_from_slice(br#"{"username":"ada"}"#);
            Ok(())
        }

        fn __describe<'a>(&'a self, _: &mut RequestParts<'a>) {}

        fn __secrets(&self, _: &mut dyn FnMut(&str)) {}
    }

    const fn spec(
        path: &'static str,
        content_type: Option<&'static str>,
        headers: &'static [(&'static str, &'static str)],
        query: &'static [(&'static str, &'static str)],
    ) -> EndpointSpec {
        EndpointSpec::__new(
            "Vendor",
            Method::Post,
            None,
            path,
            BodyFormat::Json,
            content_type,
            headers,
            query,
            &[],
            &[],
            &[],
            LifetimePolicy {
                fixed: None,
                idle: None,
            },
            None,
            ResponseSpec::__new(
                "",
                Source::Body("token"),
                None,
                None,
                None,
                ErrorKind::Rejected,
            ),
        )
    }

    const PLAIN: EndpointSpec =
        spec("/login", Some("application/json"), &[], &[]).__fields_only_in_body();
    const UNCOMMON_TYPE: EndpointSpec =
        spec("/login", Some("application/vnd.api+json"), &[], &[]).__fields_only_in_body();

    #[test]
    fn a_body_only_request_is_what_the_general_path_writes() {
        for spec in [&PLAIN, &UNCOMMON_TYPE] {
            assert!(spec.plain_json());
            let (body, headers) = plain_json_request(spec, &BodyOnly).unwrap();
            let mut general = PreparedRequest::default();
            prepare_into(spec, &BodyOnly, &mut general).unwrap();
            assert_eq!(body, general.body);
            assert_eq!(headers, general.headers);
            assert_eq!(headers.len(), 1);
            assert_eq!(headers[CONTENT_TYPE], spec.content_type().unwrap());
        }
    }

    #[test]
    fn header_maps_have_room_for_the_headers_added_on_the_way_out() {
        // reqwest adds `accept` and `user-agent`, hyper `host` and `content-length`: a map
        // without room for them would be grown and rehashed on every login.
        const DECLARED: EndpointSpec = spec(
            "/login",
            Some("application/json"),
            &[("accept", "application/json"), ("x-client", "acme")],
            &[],
        );
        const MANY: EndpointSpec = spec(
            "/login",
            Some("application/json"),
            &[
                ("accept", "application/json"),
                ("x-a", "1"),
                ("x-b", "2"),
                ("x-c", "3"),
            ],
            &[],
        );
        let (_, plain) = plain_json_request(&PLAIN, &BodyOnly).unwrap();
        for spec in [&PLAIN, &DECLARED, &MANY] {
            let mut prepared = PreparedRequest::default();
            prepare_into(spec, &BodyOnly, &mut prepared).unwrap();
            let written = prepared.headers.len();
            assert_eq!(written, spec.headers().len() + 1);
            assert!(
                prepared.headers.capacity() >= written + ADDED_ON_THE_WAY_OUT,
                "{written} headers in a map with room for {}",
                prepared.headers.capacity()
            );
        }
        assert!(plain.capacity() >= plain.len() + ADDED_ON_THE_WAY_OUT);
    }

    #[test]
    fn only_a_plain_path_query_and_headers_take_the_body_only_path() {
        const PLACEHOLDER: EndpointSpec =
            spec("/{tenant}/login", Some("application/json"), &[], &[]).__fields_only_in_body();
        const QUERY: EndpointSpec =
            spec("/login", Some("application/json"), &[], &[("v", "2")]).__fields_only_in_body();
        const HEADER: EndpointSpec = spec(
            "/login",
            Some("application/json"),
            &[("x-client", "cli")],
            &[],
        )
        .__fields_only_in_body();
        const NO_CONTENT_TYPE: EndpointSpec =
            spec("/login", None, &[], &[]).__fields_only_in_body();
        const NOT_SAID: EndpointSpec = spec("/login", Some("application/json"), &[], &[]);
        for spec in [&PLACEHOLDER, &QUERY, &HEADER, &NO_CONTENT_TYPE, &NOT_SAID] {
            assert!(!spec.plain_json(), "{}", spec.path());
        }
    }

    #[test]
    fn basic_credentials_follow_rfc_7617() {
        // RFC 7617 §2's example.
        let value = base64::engine::general_purpose::STANDARD.encode("Aladdin:open sesame");
        assert_eq!(value, "QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    #[test]
    fn path_values_stay_in_their_segment() {
        for (value, encoded) in [
            ("master", "master"),
            ("a/b", "a%2Fb"),
            ("a?b#c", "a%3Fb%23c"),
            ("100%", "100%25"),
            ("two words", "two%20words"),
            ("%2e%2e", "%252e%252e"),
            ("é", "%C3%A9"),
            ("a.b-c_d~e", "a.b-c_d~e"),
        ] {
            assert_eq!(
                utf8_percent_encode(value, PATH_VALUE).to_string(),
                encoded,
                "{value}"
            );
        }
    }
}
