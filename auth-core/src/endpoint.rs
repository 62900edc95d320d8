//! The [`LoginEndpoint`] trait that `#[login_endpoint]` implements, and its static description.

use std::time::Duration;

use crate::credentials::ResponseSpec;
use crate::error::ErrorKind;
use crate::fields::BodyValues;

/// The HTTP method of a login request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// `POST`, the default.
    Post,
    /// `PUT`.
    Put,
    /// `PATCH`.
    Patch,
    /// `GET`: a login without a body, whose values go in the query (some appliance and NAS
    /// APIs).
    Get,
}

impl Method {
    /// The method's name as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Get => "GET",
        }
    }
}

/// How the body of a login request is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum BodyFormat {
    /// A JSON object (`body = json`, the default).
    Json,
    /// `application/x-www-form-urlencoded` pairs (`body = form`), as OAuth 2.0 token endpoints
    /// take them.
    Form,
    /// No body (`body = none`, and every `GET`): the values go in the query, the path or
    /// headers.
    None,
}

/// How long a session lasts, as the vendor's document states it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LifetimePolicy {
    /// A fixed validity from the moment of login (TalkStack: 2 hours).
    pub fixed: Option<Duration>,
    /// Validity renewed by each use (Up2 Money: 5 minutes from last activity).
    pub idle: Option<Duration>,
}

/// Everything about a login endpoint that is known at compile time: written by
/// `#[login_endpoint]` as a constant, read by [`LoginClient`](crate::LoginClient).
#[derive(Debug)]
pub struct EndpointSpec {
    vendor: &'static str,
    method: Method,
    base_url: Option<&'static str>,
    path: &'static str,
    body: BodyFormat,
    content_type: Option<&'static str>,
    headers: &'static [(&'static str, &'static str)],
    query: &'static [(&'static str, &'static str)],
    form: &'static [(&'static str, &'static str)],
    cookies: &'static [(&'static str, &'static str)],
    statuses: &'static [(u16, ErrorKind)],
    lifetime: LifetimePolicy,
    lockout: Option<Duration>,
    response: ResponseSpec,
    /// Whether the path has a `{placeholder}`, worked out when the constant is built.
    path_has_placeholders: bool,
    /// Whether the content type and every declared header can be taken as they are (names of
    /// lowercase token characters, values of visible ASCII and spaces), worked out when the
    /// constant is built; otherwise each is checked as it is sent.
    plain_headers: bool,
    /// The content type when it is one of the common ones, recognised when the constant is
    /// built, so its header value is a literal rather than checked byte by byte per request.
    common_content_type: Option<CommonContentType>,
    /// Whether the only header the spec itself adds is its content type (no declared headers
    /// or cookies, and not an empty POST's length), worked out when the constant is built.
    only_content_type: bool,
    /// Whether a request is its JSON body and the content type alone: every field is in the
    /// body, and the path has no placeholder and the query nothing. Set by the macro, which
    /// knows where each field goes, through [`__fields_only_in_body`](Self::__fields_only_in_body).
    plain_json: bool,
}

/// A content type most logins send, recognised in the spec's constant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CommonContentType {
    /// `application/json`, the default of a JSON body.
    Json,
    /// `application/json; charset=utf-8`.
    JsonUtf8,
    /// `application/x-www-form-urlencoded`, the default of a form body.
    Form,
}

impl CommonContentType {
    const fn of(content_type: Option<&str>) -> Option<CommonContentType> {
        match content_type {
            Some(text) if str_eq(text, "application/json") => Some(CommonContentType::Json),
            Some(text) if str_eq(text, "application/json; charset=utf-8") => {
                Some(CommonContentType::JsonUtf8)
            }
            Some(text) if str_eq(text, "application/x-www-form-urlencoded") => {
                Some(CommonContentType::Form)
            }
            _ => None,
        }
    }
}

/// Whether two strings are equal, in a constant.
const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Whether `text` contains `byte`, in a constant.
const fn contains_byte(text: &str, byte: u8) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == byte {
            return true;
        }
        i += 1;
    }
    false
}

/// A header name `HeaderName::from_static` takes as it is: lowercase token characters.
pub(crate) const fn is_plain_header_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !(b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_') {
            return false;
        }
        i += 1;
    }
    !bytes.is_empty()
}

/// A header value `HeaderValue::from_static` takes as it is: visible ASCII and spaces.
pub(crate) const fn is_plain_header_value(value: &str) -> bool {
    let bytes = value.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] < b' ' || bytes[i] > b'~' {
            return false;
        }
        i += 1;
    }
    true
}

const fn all_plain(content_type: Option<&str>, headers: &[(&'static str, &'static str)]) -> bool {
    if let Some(content_type) = content_type
        && !is_plain_header_value(content_type)
    {
        return false;
    }
    let mut i = 0;
    while i < headers.len() {
        if !is_plain_header_name(headers[i].0) || !is_plain_header_value(headers[i].1) {
            return false;
        }
        i += 1;
    }
    true
}

impl EndpointSpec {
    #[doc(hidden)]
    #[allow(clippy::too_many_arguments)]
    pub const fn __new(
        vendor: &'static str,
        method: Method,
        base_url: Option<&'static str>,
        path: &'static str,
        body: BodyFormat,
        content_type: Option<&'static str>,
        headers: &'static [(&'static str, &'static str)],
        query: &'static [(&'static str, &'static str)],
        form: &'static [(&'static str, &'static str)],
        cookies: &'static [(&'static str, &'static str)],
        statuses: &'static [(u16, ErrorKind)],
        lifetime: LifetimePolicy,
        lockout: Option<Duration>,
        response: ResponseSpec,
    ) -> Self {
        EndpointSpec {
            vendor,
            method,
            base_url,
            path,
            body,
            content_type,
            headers,
            query,
            form,
            cookies,
            statuses,
            lifetime,
            lockout,
            response,
            path_has_placeholders: contains_byte(path, b'{'),
            plain_headers: all_plain(content_type, headers),
            common_content_type: CommonContentType::of(content_type),
            only_content_type: content_type.is_some()
                && headers.is_empty()
                && cookies.is_empty()
                && all_plain(content_type, headers)
                && !matches!(body, BodyFormat::None),
            plain_json: false,
        }
    }

    /// Says that every field of the request goes to its body: with a JSON body, a plain path,
    /// no query and no header but the content type, the request is then written without
    /// describing its fields. Called by the macro only when it is so.
    #[doc(hidden)]
    pub const fn __fields_only_in_body(mut self) -> Self {
        self.plain_json = matches!(self.body, BodyFormat::Json)
            && self.only_content_type
            && !self.path_has_placeholders
            && self.query.is_empty();
        self
    }

    /// Whether a successful answer is read for a refresh token (`refresh_token = ...`): what a
    /// refresh request declared with `refreshes = Login` checks of `Login` when it compiles.
    #[doc(hidden)]
    pub const fn __reads_refresh_token(&self) -> bool {
        self.response.reads_refresh_token()
    }

    /// Whether a request is its JSON body and the content type alone (see
    /// [`__fields_only_in_body`](Self::__fields_only_in_body)).
    #[inline]
    pub(crate) fn plain_json(&self) -> bool {
        self.plain_json
    }

    /// Whether the content type is the only header the spec adds, and needs no check.
    #[inline]
    pub(crate) fn only_content_type(&self) -> bool {
        self.only_content_type
    }

    /// The content type, when it is a common one.
    #[inline]
    pub(crate) fn common_content_type(&self) -> Option<CommonContentType> {
        self.common_content_type
    }

    /// Whether the path has a `{placeholder}` to fill in.
    pub(crate) fn path_has_placeholders(&self) -> bool {
        self.path_has_placeholders
    }

    /// Whether the content type and declared headers need no check as they are sent.
    pub(crate) fn plain_headers(&self) -> bool {
        self.plain_headers
    }

    /// The vendor's name, as it appears in errors.
    pub fn vendor(&self) -> &'static str {
        self.vendor
    }

    /// The HTTP method.
    pub fn method(&self) -> Method {
        self.method
    }

    /// The documented base URL, used by `send`; `send_to` replaces it. `None` for a
    /// self-hosted product, whose base URL each caller gives.
    pub fn base_url(&self) -> Option<&'static str> {
        self.base_url
    }

    /// The path appended to the base URL, with its `{placeholders}` as declared.
    pub fn path(&self) -> &'static str {
        self.path
    }

    /// How the body is written.
    pub fn body_format(&self) -> BodyFormat {
        self.body
    }

    /// The `Content-Type` of the body; `None` when there is no body.
    pub fn content_type(&self) -> Option<&'static str> {
        self.content_type
    }

    /// Headers sent with every request, lowercase names.
    pub fn headers(&self) -> &'static [(&'static str, &'static str)] {
        self.headers
    }

    /// Query parameters sent with every request, before those taken from fields.
    pub fn query(&self) -> &'static [(&'static str, &'static str)] {
        self.query
    }

    /// Form pairs sent with every request (`body = form`), before those taken from fields.
    pub fn form(&self) -> &'static [(&'static str, &'static str)] {
        self.form
    }

    /// Cookies sent with every request (`cookie(...)`), before those taken from fields; all
    /// of them go in one `Cookie` header.
    pub fn cookies(&self) -> &'static [(&'static str, &'static str)] {
        self.cookies
    }

    /// The declared status code → kind mapping.
    pub fn statuses(&self) -> &'static [(u16, ErrorKind)] {
        self.statuses
    }

    /// The documented session lifetime.
    pub fn lifetime(&self) -> LifetimePolicy {
        self.lifetime
    }

    /// How long the vendor documents an account stays locked, carried by
    /// [`ErrorKind::Locked`] errors as their [`retry_after`](crate::AuthError::retry_after) when
    /// the response itself says nothing (Up2 Money: 30 minutes).
    pub fn lockout(&self) -> Option<Duration> {
        self.lockout
    }

    /// Where the token, the refresh token and their expiries come from in a successful
    /// response.
    pub fn response(&self) -> &ResponseSpec {
        &self.response
    }

    /// The kind a non-2xx status means for this endpoint: the declared one, else
    /// [`ErrorKind::from_status`].
    #[inline]
    pub fn kind_for_status(&self, status: u16) -> ErrorKind {
        self.statuses
            .iter()
            .find(|(code, _)| *code == status)
            .map_or_else(|| ErrorKind::from_status(status), |(_, kind)| *kind)
    }
}

/// A vendor's login endpoint: implemented by `#[login_endpoint]`, never by hand.
///
/// The generated inherent methods `send` and `send_to` are the way to use it; this trait is what
/// generic code (such as a session cache) takes.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a login endpoint",
    label = "not declared with `#[login_endpoint]`, or not built",
    note = "declare the vendor's login request on a struct with `#[login_endpoint(...)]`; a builder becomes the request with `.build()` after its setters"
)]
pub trait LoginEndpoint: LoginRequest {
    /// The typed body of a successful response: a [`ResponseBody`](crate::ResponseBody) (a
    /// `serde::Deserialize` type, or [`TextBody`](crate::TextBody)).
    type Response: Send + Sync + 'static;
    /// The typed body of an error response: a [`VendorError`](crate::VendorError) that is
    /// also a [`ResponseBody`](crate::ResponseBody), or [`NoErrorBody`](crate::NoErrorBody).
    type ErrorBody: 'static;
    /// The endpoint itself. `refreshes = Login` names its login as `<Login as
    /// LoginEndpoint>::Itself`, so a type that is not a login is one error at its name.
    #[doc(hidden)]
    type Itself;

    /// What is known about the endpoint at compile time.
    const SPEC: &'static EndpointSpec;

    /// Reads a success body. The generated code calls `ResponseBody` for the declared type
    /// at the type's name in the declaration, so a type that is not one is reported there
    /// rather than at a bound of this trait.
    #[doc(hidden)]
    fn __decode(body: &[u8]) -> Result<Self::Response, serde_json::Error>;

    /// How an error body is read, the same way with `VendorError` (`None` from the decoder when
    /// the body is not the declared shape), when the declaration names an `error_body`; `None`,
    /// and no decoder compiled for the endpoint, when it names none.
    #[doc(hidden)]
    const __ERROR_BODY: Option<crate::response::ErrorBodyDecoder> = None;

    /// Whether a 2xx body states a failure.
    #[doc(hidden)]
    fn __body_failed(response: &Self::Response) -> bool;

    /// How a 2xx response that states a failure says what an error body says, read from the
    /// decoded response itself, when the declaration names the response type as its
    /// `error_body` (so the body is not decoded a second time); `None` otherwise, when the body
    /// is decoded again as the error body.
    #[doc(hidden)]
    const __FAILURE_FIELDS: Option<fn(Self::Response) -> crate::response::ErrorBodyFields> = None;

    /// Reads the credentials declared in the body of a successful response; those declared
    /// in headers or cookies are read by `auth_core` itself.
    #[doc(hidden)]
    fn __credentials(response: &Self::Response) -> BodyValues<'_>;

    /// The refresh the declaration names (`refresh = Refresh`), which every
    /// [`Authenticator`](crate::Authenticator) of this login uses; `None` when it names none.
    #[doc(hidden)]
    fn __declared_refresh() -> Option<crate::refresh::DeclaredRefresh<Self>>
    where
        Self: Sized,
    {
        None
    }
}

/// A [`LoginEndpoint`] whose declaration names its vendor's base URL, so it can be sent without
/// one: the generated `send`, [`Authenticator::new`](crate::Authenticator::new) and
/// `blocking::LoginClient::login`. Implemented by `#[login_endpoint]` when it has a `base_url`.
///
/// The generated builders implement it too, and so does a reference to a login that does:
/// given where a login is expected, they are reported as not being a built login (the
/// [`LoginEndpoint`] bound), not as a login without a base URL.
#[diagnostic::on_unimplemented(
    message = "`{Self}` declares no `base_url`, so the base URL must be given where it is sent",
    label = "this login has no documented host",
    note = "give the host: `login.send_to(&client, base_url)`, `Authenticator::new_at(client, login, base_url)` or `blocking::LoginClient::login_to(&login, base_url)`; or, if the vendor has one host, add `base_url = \"https://...\"` to `#[login_endpoint]`"
)]
pub trait DeclaredBaseUrl {}

#[diagnostic::do_not_recommend]
impl<T: DeclaredBaseUrl + ?Sized> DeclaredBaseUrl for &T {}

/// The request half of a [`LoginEndpoint`], read through a trait object so that the request
/// path (HTTP, headers, retries, error scrubbing) is compiled once for every endpoint, not once
/// per endpoint. Implemented by `#[login_endpoint]`.
#[doc(hidden)]
pub trait LoginRequest: Send + Sync {
    /// Writes the JSON body; endpoints whose body is not JSON write nothing.
    fn __write_body(&self, out: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        let _ = out;
        Ok(())
    }

    /// Gives every value taken from a field that goes outside a JSON body (form pairs, query
    /// parameters, path values, headers, Basic credentials) to `parts`.
    fn __describe<'a>(&'a self, parts: &mut crate::request::RequestParts<'a>);

    /// Calls `secret(value)` for every secret field, so error text can be scrubbed of them.
    fn __secrets(&self, secret: &mut dyn FnMut(&str));
}
