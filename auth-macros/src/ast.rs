//! Stage 2: the validated model of one endpoint. Each key is checked on its own here; checks
//! that relate several keys or fields live in `valid.rs`. Tokens are kept for their spans.

use darling::Error;
use darling::util::SpannedValue;
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Fields, Ident, ItemStruct, Lit, Type};

use crate::attr::{
    BasicPart, BodyFormat, ConstantList, ConstantValue, ENDPOINT_KEYS, EndpointArgs, ExpiryArg,
    FieldPath, KEYS, MAX_KEY_DISTANCE, SourceArg, StatusArms, closest,
};

/// The error kinds a status code may be mapped to: the kinds that describe an answer from the
/// vendor (`auth_core::ErrorKind` also has transport kinds such as `Timeout`).
pub const STATUS_KINDS: &[&str] = &[
    "InvalidRequest",
    "InvalidCredentials",
    "Forbidden",
    "NotFound",
    "Expired",
    "Locked",
    "RateLimited",
    "ServerError",
    "Unavailable",
    "Rejected",
];

/// `auth_core::ErrorKind` variants that no status code can mean.
const TRANSPORT_KINDS: &[&str] = &[
    "Decode",
    "BodyTooLarge",
    "Redirect",
    "Timeout",
    "Connect",
    "Tls",
    "InsecureTransport",
    "InvalidUrl",
];

pub struct Endpoint {
    pub item: ItemStruct,
    /// `refreshes = Login`: the login whose sessions this endpoint refreshes.
    pub refreshes: Option<syn::Path>,
    /// `refreshes` was written but could not be read (reported), so the fields' refresh keys
    /// are not reported as well.
    pub refreshes_unread: bool,
    /// `refresh = Refresh`: the refresh endpoint every authenticator of this login uses.
    pub refresh: Option<syn::Path>,
    pub vendor: String,
    pub base_url: Option<String>,
    pub path: SpannedValue<String>,
    pub method: Ident,
    pub body: BodyFormat,
    /// `None` when there is no body.
    pub content_type: Option<String>,
    /// The request values that are not fields: `constant(...)`, `query(...)`, `header(...)`,
    /// `cookie(...)`.
    pub constants: Vec<Constant>,
    pub response: syn::Path,
    pub error_body: Option<syn::Path>,
    pub credentials: Credentials,
    pub lifetime: Option<SpannedValue<u64>>,
    pub idle_timeout: Option<SpannedValue<u64>>,
    pub lockout: Option<u64>,
    pub statuses: Vec<Status>,
    pub body_failure: Option<BodyFailure>,
    pub fields: Vec<Field>,
}

pub struct Status {
    pub code: u16,
    pub kind: Ident,
}

#[derive(Clone)]
pub struct BodyFailure {
    pub field: FieldPath,
    pub success: Option<Lit>,
    /// The kind such a failure has when the error body says nothing more (`Rejected` if not
    /// given).
    pub kind: Option<Ident>,
}

#[derive(Clone)]
pub struct Field {
    pub ident: Ident,
    pub ty: Type,
    /// `Some(T)` for a field of type `Option<T>`: optional in the builder, left out when `None`.
    pub optional: Option<Type>,
    pub secret: Option<Span>,
    /// Where it goes: the first placement written (the body when none is).
    pub placement: Placement,
    /// The other places it is sent as well, in the order written (`#[login(path, basic_auth =
    /// user)]`).
    pub also: Vec<Placement>,
    /// Where a refresh request's value comes from.
    pub source: FieldSource,
    /// Its `#[login(...)]` could not be read (reported): its placement is a stand-in, so checks
    /// that relate placements leave it out rather than report a consequence of that mistake.
    pub unread: bool,
}

/// Where the authenticator takes a field's value from when it makes a refresh request.
#[derive(Clone)]
pub enum FieldSource {
    /// Nowhere: set with the builder.
    Builder,
    /// `#[login(refresh_token)]`: the session's refresh token.
    RefreshToken(Span),
    /// `#[login(from_login)]`: the login's field of this name.
    FromLogin { field: Ident, span: Span },
}

/// Where a request value goes. Each variant is written by one function of auth-core's request
/// module; a new placement is a variant here and a function there.
#[derive(Clone)]
pub enum Placement {
    /// In the JSON body under this path of keys (`["password", "value"]`).
    JsonBody(SpannedValue<Vec<String>>),
    /// A pair of the form body, under this key.
    FormBody(SpannedValue<String>),
    /// A query parameter, under this key.
    Query(SpannedValue<String>),
    /// The value of this `{placeholder}` of the path.
    Path(SpannedValue<String>),
    /// As this header (lowercase name).
    Header(SpannedValue<String>),
    /// As this cookie of the `Cookie` header.
    Cookie(SpannedValue<String>),
    /// In the value of this declared header (lowercase name), where its `{placeholder}` named
    /// like the field is.
    InHeader(SpannedValue<String>),
    /// One half of the HTTP Basic credentials.
    BasicAuth(SpannedValue<BasicPart>),
}

impl Placement {
    /// The key, name or placeholder, as written in errors and `Debug`.
    pub fn name(&self) -> String {
        match self {
            Placement::JsonBody(keys) => keys.join("."),
            Placement::FormBody(key)
            | Placement::Query(key)
            | Placement::Path(key)
            | Placement::Header(key)
            | Placement::Cookie(key)
            | Placement::InHeader(key) => key.to_string(),
            Placement::BasicAuth(part) => match **part {
                BasicPart::User => "basic_auth.user".to_owned(),
                BasicPart::Password => "basic_auth.password".to_owned(),
            },
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Placement::JsonBody(keys) => keys.span(),
            Placement::FormBody(key)
            | Placement::Query(key)
            | Placement::Path(key)
            | Placement::Header(key)
            | Placement::Cookie(key)
            | Placement::InHeader(key) => key.span(),
            Placement::BasicAuth(part) => part.span(),
        }
    }
}

/// A request value that is the same in every request: `constant(...)`, `query(...)`,
/// `header(...)`. No setter; shown in `Debug`.
pub struct Constant {
    pub placement: Placement,
    pub value: ConstantValue,
}

impl Constant {
    /// The name and pieces of a `header(...)` whose value has `{placeholders}`.
    pub fn header_template(&self) -> Option<(&SpannedValue<String>, Vec<HeaderPiece<'_>>)> {
        let (Placement::Header(name), ConstantValue::Str(value, _)) =
            (&self.placement, &self.value)
        else {
            return None;
        };
        let pieces = header_pieces(value);
        pieces
            .iter()
            .any(|piece| matches!(piece, HeaderPiece::Field(_)))
            .then_some((name, pieces))
    }
}

/// A request value, constant or taken from a field.
pub enum Value<'a> {
    Field(&'a Field),
    Constant(&'a ConstantValue),
}

impl Endpoint {
    /// Every request value with its placement: constants first, then fields, each in
    /// declaration order, as they are sent; a field sent in several places comes once for each.
    pub fn values(&self) -> impl Iterator<Item = (&Placement, Value<'_>)> {
        let constants = self
            .constants
            .iter()
            .map(|constant| (&constant.placement, Value::Constant(&constant.value)));
        let fields = self.fields.iter().flat_map(|field| {
            field
                .placements()
                .map(move |placement| (placement, Value::Field(field)))
        });
        constants.chain(fields)
    }

    /// The `{placeholders}` of the path, in order.
    pub fn placeholders(&self) -> Vec<&str> {
        placeholders_of(&self.path)
    }
}

/// Whether a path passes `check_path`, so its placeholders can be matched with fields.
pub fn path_is_well_formed(path: &SpannedValue<String>) -> bool {
    check_path(path).is_ok()
}

/// A declared header value split at its `{placeholders}`: text, and the names of fields. A
/// placeholder is an identifier in braces (`{device_id}`); other braces are text, so a value
/// holding JSON stays as written.
pub fn header_pieces(value: &str) -> Vec<HeaderPiece<'_>> {
    let mut pieces = Vec::new();
    let mut rest = value;
    let mut text_start = 0;
    let mut offset = 0;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        let name = &after[..name_len];
        let is_placeholder = after[name_len..].starts_with('}')
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
        if is_placeholder {
            let start = offset + open;
            if start > text_start {
                pieces.push(HeaderPiece::Text(&value[text_start..start]));
            }
            pieces.push(HeaderPiece::Field(name));
            text_start = start + name_len + 2;
            offset = text_start;
            rest = &value[text_start..];
        } else {
            offset += open + 1;
            rest = &value[offset..];
        }
    }
    if text_start < value.len() {
        pieces.push(HeaderPiece::Text(&value[text_start..]));
    }
    pieces
}

/// A piece of a declared header value.
#[derive(Debug, PartialEq, Eq)]
pub enum HeaderPiece<'a> {
    Text(&'a str),
    /// `{name}`: the value of the field `name`.
    Field(&'a str),
}

/// The names between `{` and `}` in a path `check_path` accepted.
pub fn placeholders_of(path: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        names.push(&after[..close]);
        rest = &after[close + 1..];
    }
    names
}

impl Field {
    pub fn is_required(&self) -> bool {
        self.optional.is_none()
    }

    /// Every place the field is sent, in the order written.
    pub fn placements(&self) -> impl Iterator<Item = &Placement> {
        std::iter::once(&self.placement).chain(&self.also)
    }

    /// A field whose `#[login(...)]` could not be read (reported): in the builder, redacted in
    /// `Debug`, and left out of every check that relates placements.
    pub fn stand_in(ident: &Ident, ty: &Type) -> Self {
        Field {
            ident: ident.clone(),
            ty: ty.clone(),
            optional: option_inner(ty).cloned(),
            secret: Some(ident.span()),
            placement: Placement::JsonBody(SpannedValue::new(
                vec![ident.to_string()],
                ident.span(),
            )),
            also: Vec::new(),
            source: FieldSource::Builder,
            unread: true,
        }
    }
}

impl Endpoint {
    /// Builds the model, reporting every problem found into `errors`. When a problem leaves
    /// nothing sensible to expand, returns the keys of the response that could be read, whose
    /// types can still be checked.
    pub fn from_args(
        args: EndpointArgs,
        item: Option<ItemStruct>,
        fields: Option<Vec<Field>>,
        errors: &mut darling::error::Accumulator,
    ) -> Result<Self, Box<ResponseKeys>> {
        // A key reported as misspelt (`vendr`, "did you mean `vendor`?") or with a value that
        // could not be read is not also missing.
        // Nor is a key whose place another key took, reported with what to write: the path
        // written as `url = ...`, `post("/login")` or `route = ...`.
        let standing_in = |key: &String| -> Option<&'static str> {
            matches!(
                key.as_str(),
                "url" | "uri" | "endpoint" | "route" | "post" | "get" | "put" | "patch"
            )
            .then_some("path")
        };
        let reported: Vec<&str> = args
            .unknown_keys
            .iter()
            .filter_map(|key| closest(key, KEYS, MAX_KEY_DISTANCE).or_else(|| standing_in(key)))
            .chain(args.invalid_keys.iter().map(String::as_str))
            .collect();
        let mut absent: Vec<(&str, &str)> = Vec::new();
        let mut missing = |key: &'static str, example: &'static str| {
            if !reported.contains(&key) {
                absent.push((key, example));
            }
        };
        if args.vendor.is_none() {
            missing("vendor", "vendor = \"Hypernative\"");
        }
        if args.path.is_none() {
            missing("path", "path = \"/auth/login\"");
        }
        if args.response.is_none() {
            missing("response", "response = LoginResponse");
        }
        if args.token.is_none() {
            missing("token", "token = token");
        }
        // Several keys missing are one mistake (an attribute not yet written): one error.
        match absent.as_slice() {
            [] => {}
            [(key, example)] => errors.push(ENDPOINT_KEYS.missing(key, example)),
            _ => errors.push(ENDPOINT_KEYS.missing_all(&absent)),
        }
        if let Some(vendor) = &args.vendor
            && vendor.trim().is_empty()
        {
            errors.push(Error::custom("`vendor` is empty; name the vendor as its users know it, e.g. `vendor = \"Hypernative\"`").with_span(&vendor.span()));
        } else if let Some(vendor) = &args.vendor {
            // The name is printed in every error and log line of the endpoint, and compared
            // as written (a shared store keys sessions by it).
            let written: String = vendor
                .chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            if vendor.chars().any(char::is_control) {
                errors.push(Error::custom(format!(
                    "`vendor` is printed in every error of this endpoint, so it is one line of visible text: write `vendor = {written:?}`"
                )).with_span(&vendor.span()));
            } else if written != **vendor {
                errors.push(Error::custom(format!(
                    "`vendor` has spaces at its ends or doubled inside, which every error of this endpoint would print: write `vendor = {written:?}`"
                )).with_span(&vendor.span()));
            }
        }
        if let Some(base_url) = &args.base_url {
            errors.handle(check_base_url(base_url));
        }
        if let Some(path) = &args.path {
            if path.trim().is_empty() {
                errors.push(empty_path(path, args.base_url.as_ref()));
            } else if errors.handle(check_path(path)).is_some()
                && let Some(base_url) = &args.base_url
            {
                errors.handle(check_path_not_in_base_url(base_url, path));
            }
        }
        let method = errors
            .handle(check_method(args.method.as_ref()))
            .unwrap_or_else(|| Ident::new("Post", Span::call_site()));
        let body = BodyContext::of(Some(&args));
        if let Some(arg) = args.body
            && body.is_get
            && arg.format != BodyFormat::None
        {
            errors.push(
                Error::custom(format!(
                    "a `GET` request has no body; remove `body = {}` and send the fields in the query with `#[login(query)]`",
                    arg.format.keyword()
                ))
                .with_span(&arg.span),
            );
        }
        let content_type = check_content_type(args.content_type.as_ref(), body, errors);
        let mut constants = Vec::new();
        for header in args.header {
            if let Some(name) = errors.handle(check_header_name(&header.name)) {
                if name == "content-type" {
                    errors.push(Error::custom("set the content type with `content_type = \"...\"`, not with `header(...)`").with_span(&header.name.span()));
                    continue;
                }
                if errors.handle(check_header_value(&header.value)).is_some() {
                    constants.push(Constant {
                        placement: Placement::Header(SpannedValue::new(name, header.name.span())),
                        value: ConstantValue::Str(header.value.to_string(), header.value.span()),
                    });
                }
            }
        }
        for list in args.constant {
            body_constants(list, body, &mut constants, errors);
        }
        for list in args.query {
            query_constants(list, &mut constants, errors);
        }
        for list in args.cookie {
            cookie_constants(list, &mut constants, errors);
        }
        let lifetime = args.lifetime.as_ref().and_then(|d| {
            errors
                .handle(parse_duration(d))
                .map(|s| SpannedValue::new(s, d.span()))
        });
        let idle_timeout = args.idle_timeout.as_ref().and_then(|d| {
            errors
                .handle(parse_duration(d))
                .map(|s| SpannedValue::new(s, d.span()))
        });
        let lockout = args
            .lockout
            .as_ref()
            .and_then(|d| errors.handle(parse_duration(d)));
        let statuses = args
            .status
            .map(|arms| check_statuses(arms, errors))
            .unwrap_or_default();
        let body_failure = args.body_failure.and_then(|bf| {
            let success = match bf.success {
                None => None,
                Some(expr) => Some(errors.handle(check_success_literal(&expr))?),
            };
            let kind = match bf.kind {
                None => None,
                Some(expr) => Some(errors.handle(check_body_failure_kind(&expr))?),
            };
            Some(BodyFailure {
                field: bf.field,
                success,
                kind,
            })
        });
        // `refresh = Refresh` renews a session with its refresh token, which only
        // `refresh_token` reads; one written with a mistake is reported as such.
        if let Some(refresh) = &args.refresh
            && args.refreshes.is_none()
            && args.refresh_token.is_none()
            && !reported.contains(&"refresh_token")
        {
            let refresh_name = refresh
                .segments
                .last()
                .map(|segment| segment.ident.to_string())
                .unwrap_or_default();
            errors.push(
                Error::custom(format!(
                    "`refresh = {refresh_name}` renews a session with the refresh token of the login's answer, and this login reads none; add `refresh_token = ...` with where the answer has it (`refresh_token = refresh_token`, `header(\"...\")`, `cookie(\"...\")`), or remove `refresh`"
                ))
                .with_span(refresh),
            );
        }
        let credentials = Credentials::from_args(
            CredentialArgs {
                token: args.token,
                refresh_token: args.refresh_token,
                expires_at: args.expires_at,
                expires_in: args.expires_in,
                refresh_expires_at: args.refresh_expires_at,
                refresh_expires_in: args.refresh_expires_in,
            },
            args.response.as_ref(),
            errors,
        );
        let keys = ResponseKeys {
            response: args.response,
            error_body: args.error_body,
            credentials,
            body_failure,
        };

        let (Some(item), Some(vendor), Some(path), Some(response), Some(token), Some(fields)) = (
            item,
            args.vendor,
            args.path,
            keys.response.clone(),
            keys.credentials.token.clone(),
            fields,
        ) else {
            return Err(Box::new(keys));
        };
        let ResponseKeys {
            error_body,
            credentials,
            body_failure,
            ..
        } = keys;
        let refreshes_unread = args.refreshes.is_none() && reported.contains(&"refreshes");
        Ok(Endpoint {
            item,
            refreshes: args.refreshes,
            refreshes_unread,
            refresh: args.refresh,
            vendor: vendor.trim().to_owned(),
            base_url: args.base_url.map(|url| url.to_string()),
            path,
            method,
            body: body.format,
            content_type,
            constants,
            response,
            error_body,
            credentials: Credentials {
                token,
                refresh_token: credentials.refresh_token,
                expiry: credentials.expiry,
                refresh_expiry: credentials.refresh_expiry,
            },
            lifetime,
            idle_timeout,
            lockout,
            statuses,
            body_failure,
            fields,
        })
    }
}

fn check_base_url(url: &SpannedValue<String>) -> darling::Result<()> {
    let fail = |why: &str| {
        Err(Error::custom(format!(
            "`base_url` {why}; write an absolute URL such as `https://api.example.com`"
        ))
        .with_span(&url.span()))
    };
    let Some(rest) = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))
    else {
        return fail("must start with `https://` (or `http://`)");
    };
    if let Some(start) = url.find('{') {
        // `https://{tenant}.auth0.com`: a host per customer, which only the caller knows.
        let placeholder = url[start..].split_inclusive('}').next().unwrap_or_default();
        return Err(Error::custom(format!(
            "`base_url` cannot hold a placeholder (`{placeholder}`): placeholders are filled in `path`; a host that differs per customer or tenant is the caller's to give: leave `base_url` out, and send with `send_to(&client, \"https://acme.example.com\")` or `Authenticator::new_at(client, login, base_url)`"
        ))
        .with_span(&url.span()));
    }
    let authority = rest.split('/').next().unwrap_or_default();
    if authority.is_empty() {
        return fail("has no host");
    }
    if authority.contains('@') {
        return fail("must not carry user info; credentials belong in fields");
    }
    if url.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return fail("contains whitespace");
    }
    if url.contains('?') || url.contains('#') {
        return fail("must not have a query or fragment");
    }
    if let Some((_, port)) = authority
        .rsplit_once(':')
        .filter(|(host, _)| !host.ends_with(']') || host.starts_with('['))
        && !authority.ends_with(']')
        && port.parse::<u16>().is_err()
    {
        return fail("has an invalid port");
    }
    Ok(())
}

/// A `base_url` that already ends with the login `path` (`base_url =
/// "https://api.example.com/auth/login", path = "/auth/login"`): the path is appended to the
/// base URL, so the request would go to `/auth/login/auth/login`. Reported at `base_url`.
fn check_path_not_in_base_url(
    base_url: &SpannedValue<String>,
    path: &SpannedValue<String>,
) -> darling::Result<()> {
    let login_path = path.trim_end_matches('/');
    let Some(host) = base_url.trim_end_matches('/').strip_suffix(login_path) else {
        return Ok(());
    };
    // What is left must still hold a host.
    let after_scheme = host.split_once("://").map_or(host, |(_, rest)| rest);
    if login_path.is_empty() || after_scheme.is_empty() {
        return Ok(());
    }
    Err(Error::custom(format!(
        "`base_url` already ends with the login's `path`, which is appended to it: the request would go to `{}{}`; write `base_url = \"{host}\"`",
        base_url.trim_end_matches('/'),
        path.as_str()
    ))
    .with_span(&base_url.span()))
}

/// An empty `path`: the login path is often written at the end of `base_url` instead.
fn empty_path(path: &SpannedValue<String>, base_url: Option<&SpannedValue<String>>) -> Error {
    let split = base_url.and_then(|url| {
        let scheme = if url.starts_with("https://") {
            "https://"
        } else if url.starts_with("http://") {
            "http://"
        } else {
            return None;
        };
        let rest = &url[scheme.len()..];
        let slash = rest.find('/')?;
        let (host, login_path) = rest.split_at(slash);
        let login_path = login_path.trim_end_matches('/');
        (!login_path.is_empty()).then(|| (format!("{scheme}{host}"), login_path.to_owned()))
    });
    let message = match split {
        Some((host, login_path)) => format!(
            "`path` is empty, and the login path seems to be at the end of `base_url`; write `base_url = \"{host}\"` and `path = \"{login_path}\"`"
        ),
        None => "`path` is empty; write the login path, which is appended to the base URL, e.g. `path = \"/auth/login\"`".to_owned(),
    };
    Error::custom(message).with_span(&path.span())
}

fn check_path(path: &SpannedValue<String>) -> darling::Result<()> {
    let fail = |why: &str| Err(Error::custom(format!("`path` {why}")).with_span(&path.span()));
    if let Some(rest) = path
        .strip_prefix("https://")
        .or_else(|| path.strip_prefix("http://"))
    {
        // The whole URL, as a vendor's document shows it.
        let (host, login_path) = rest.split_once('/').unwrap_or((rest, ""));
        let scheme = &path[..path.len() - rest.len()];
        return fail(&format!(
            "is the part of the URL after the host; write the host as `base_url = \"{scheme}{host}\"` (or leave it out, for a host each caller gives) and `path = \"/{login_path}\"`"
        ));
    }
    if !path.starts_with('/') {
        return fail(&format!(
            "must start with `/`: write `path = \"/{}\"`",
            path.as_str()
        ));
    }
    if path.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return fail("contains whitespace; percent-encode it");
    }
    if path.contains('?') || path.contains('#') {
        return fail(
            "must not have a query or fragment; declare query parameters with `query(...)` or `#[login(query)]`",
        );
    }
    let mut rest = path.as_str();
    loop {
        let open = rest.find('{');
        let close = rest.find('}');
        match (open, close) {
            (None, None) => break,
            (Some(open), Some(close)) if open < close => {
                let name = &rest[open + 1..close];
                let is_name = name
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
                    && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
                if let Some(inner) = name.strip_prefix('{') {
                    return fail(&format!(
                        "writes a placeholder in two pairs of braces; a placeholder has one: `{{{inner}}}`"
                    ));
                }
                if !is_name {
                    let fixed: String = name
                        .chars()
                        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                        .collect();
                    let fixed =
                        if fixed.is_empty() || fixed.starts_with(|c: char| c.is_ascii_digit()) {
                            format!("_{fixed}")
                        } else {
                            fixed
                        };
                    return fail(&format!(
                        "has the placeholder `{{{name}}}`, which is not a name; a placeholder is named like the field that fills it, such as `{{{fixed}}}`"
                    ));
                }
                rest = &rest[close + 1..];
            }
            (Some(_), _) => {
                return fail("has a `{` without its `}`; a placeholder is written `{realm}`");
            }
            (None, Some(_)) => {
                return fail("has a `}` without its `{`; a placeholder is written `{realm}`");
            }
        }
    }
    Ok(())
}

fn check_method(method: Option<&SpannedValue<String>>) -> darling::Result<Ident> {
    let Some(method) = method else {
        return Ok(Ident::new("Post", Span::call_site()));
    };
    let variant = match method.to_ascii_uppercase().as_str() {
        "POST" => "Post",
        "PUT" => "Put",
        "PATCH" => "Patch",
        "GET" => "Get",
        "HEAD" | "DELETE" | "OPTIONS" => {
            return Err(Error::custom(format!(
                "a login is not sent with `{}`; use `method = \"POST\"` (the default), `\"PUT\"`, `\"PATCH\"`, or `\"GET\"` for a login whose values go in the query",
                method.as_str()
            ))
            .with_span(&method.span()));
        }
        // `method = "user.login"`: a JSON-RPC method, which is a value of the body.
        _ if method.contains('.') || method.contains('/') => {
            return Err(Error::custom(format!(
                "`method` is the HTTP method (`\"POST\"`, the default); a JSON-RPC method such as `{}` is a value of the body: `constant(method = \"{}\")`",
                method.as_str(),
                method.as_str()
            ))
            .with_span(&method.span()));
        }
        other => {
            let suggestion = closest(other, &["POST", "PUT", "PATCH", "GET"], 2)
                .map(|m| format!("did you mean `\"{m}\"`? "))
                .unwrap_or_default();
            return Err(Error::custom(format!(
                "unknown HTTP method `{}`; {suggestion}use `\"POST\"` (the default), `\"PUT\"`, `\"PATCH\"` or `\"GET\"`",
                method.as_str()
            ))
            .with_span(&method.span()));
        }
    };
    Ok(Ident::new(variant, method.span()))
}

/// The content type: the declared one if it fits the body, else the body's default.
fn check_content_type(
    declared: Option<&SpannedValue<String>>,
    body: BodyContext,
    errors: &mut darling::error::Accumulator,
) -> Option<String> {
    let default = match body.format {
        BodyFormat::Json => "application/json",
        BodyFormat::Form => "application/x-www-form-urlencoded",
        BodyFormat::None => {
            if let Some(ct) = declared {
                errors.push(
                    Error::custom(format!(
                        "{}, so it has no content type; remove `content_type`",
                        body.without_body()
                    ))
                    .with_span(&ct.span()),
                );
            }
            return None;
        }
    };
    let Some(ct) = declared else {
        return Some(default.to_owned());
    };
    let essence = ct
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    let fits = match body.format {
        // `application/json`, `+json` types, and the JSON types some APIs name instead
        // (`application/json-rpc`, `application/jsonrequest`).
        BodyFormat::Json => essence
            .split('/')
            .nth(1)
            .is_some_and(|subtype| subtype.contains("json")),
        _ => essence == default,
    };
    if !fits {
        let message = match body.format {
            BodyFormat::Json => format!(
                "the body is JSON, so `content_type` must be a JSON type: `application/json`, a `+json` type or another with `json` in its name such as `application/json-rpc` (parameters such as `; charset=utf-8` are fine), not `{}`; for a form body write `body = form`",
                ct.as_str()
            ),
            _ => format!(
                "the body is a form (`body = form`), so `content_type` must be `application/x-www-form-urlencoded` (parameters such as `;charset=UTF-8` are fine), not `{}`",
                ct.as_str()
            ),
        };
        errors.push(Error::custom(message).with_span(&ct.span()));
    } else {
        errors.handle(check_header_value(ct));
    }
    Some(ct.to_string())
}

/// Where the fields and `constant(...)` of an endpoint go when nothing else is said: its body,
/// if it has one.
#[derive(Clone, Copy)]
pub struct BodyContext {
    pub format: BodyFormat,
    pub is_get: bool,
    /// The token that leaves the request without a body: `"GET"` or `none`.
    pub span: Option<Span>,
}

impl BodyContext {
    /// The body format the declaration asks for: `body = ...`, else none for `GET` and JSON
    /// for the rest. Read before the rest of the declaration is checked, since each field's
    /// default placement depends on it.
    pub fn of(args: Option<&EndpointArgs>) -> Self {
        let get = args
            .and_then(|args| args.method.as_ref())
            .filter(|method| method.eq_ignore_ascii_case("GET"));
        let declared = args.and_then(|args| args.body);
        let (format, span) = match (get, declared) {
            (Some(get), _) => (BodyFormat::None, Some(get.span())),
            (None, Some(body)) => (body.format, Some(body.span)),
            (None, None) => (BodyFormat::Json, None),
        };
        BodyContext {
            format,
            is_get: get.is_some(),
            span,
        }
    }

    /// "a `GET` request has no body" or "`body = none` leaves this request without a body".
    pub fn without_body(self) -> &'static str {
        if self.is_get {
            "a `GET` request has no body"
        } else {
            "`body = none` leaves this request without a body"
        }
    }
}

/// `constant(...)`: values of the body, nested by dotted keys in JSON, flat in a form.
fn body_constants(
    list: ConstantList,
    body: BodyContext,
    constants: &mut Vec<Constant>,
    errors: &mut darling::error::Accumulator,
) {
    for entry in list.entries {
        let span = entry.key_span;
        let placement = match body.format {
            BodyFormat::Json => {
                if entry.keys.iter().any(String::is_empty) {
                    errors.push(Error::custom("a key cannot be empty").with_span(&span));
                    continue;
                }
                if errors.handle(check_json_constant(&entry.value)).is_none() {
                    continue;
                }
                Placement::JsonBody(SpannedValue::new(entry.keys, span))
            }
            BodyFormat::Form => {
                let Some(key) = errors.handle(flat_key(&entry.keys, span, FlatKind::Form)) else {
                    continue;
                };
                if errors.handle(check_text_constant(&entry.value)).is_none() {
                    continue;
                }
                Placement::FormBody(SpannedValue::new(key, span))
            }
            BodyFormat::None => {
                errors.push(
                    Error::custom(format!(
                        "{}, so `constant(...)` has nowhere to go; send `{}` in the query with `query({} = ...)`",
                        body.without_body(),
                        entry.keys.join("."),
                        entry.keys.join(".")
                    ))
                    .with_span(&span),
                );
                continue;
            }
        };
        constants.push(Constant {
            placement,
            value: entry.value,
        });
    }
}

/// `query(...)`: parameters added to the URL, each flat.
fn query_constants(
    list: ConstantList,
    constants: &mut Vec<Constant>,
    errors: &mut darling::error::Accumulator,
) {
    for entry in list.entries {
        let span = entry.key_span;
        let Some(key) = errors.handle(flat_key(&entry.keys, span, FlatKind::Query)) else {
            continue;
        };
        if errors.handle(check_text_constant(&entry.value)).is_none() {
            continue;
        }
        constants.push(Constant {
            placement: Placement::Query(SpannedValue::new(key, span)),
            value: entry.value,
        });
    }
}

/// `cookie(...)`: cookies sent with every request, each flat, a literal's text.
fn cookie_constants(
    list: ConstantList,
    constants: &mut Vec<Constant>,
    errors: &mut darling::error::Accumulator,
) {
    for entry in list.entries {
        let span = entry.key_span;
        let Some(key) = errors.handle(flat_key(&entry.keys, span, FlatKind::Cookie)) else {
            continue;
        };
        let name = SpannedValue::new(key, span);
        if errors.handle(check_cookie_name(name.clone())).is_none()
            || errors.handle(check_cookie_constant(&entry.value)).is_none()
        {
            continue;
        }
        constants.push(Constant {
            placement: Placement::Cookie(name),
            value: entry.value,
        });
    }
}

/// A cookie's constant value: one literal whose text is made of RFC 6265 `cookie-octet`s.
fn check_cookie_constant(value: &ConstantValue) -> darling::Result<()> {
    let text = match value {
        ConstantValue::Str(text, _) => text.clone(),
        ConstantValue::Int(digits, _) | ConstantValue::Float(digits, _) => digits.clone(),
        ConstantValue::Bool(value, _) => value.to_string(),
        ConstantValue::Array(_, span) => {
            return Err(Error::custom(
                "a cookie has one value; write a literal, e.g. `cookie(lang = \"en\")`",
            )
            .with_span(span));
        }
    };
    let octet = |c: char| c.is_ascii_graphic() && !matches!(c, '"' | ',' | ';' | '\\');
    if !text.chars().all(octet) {
        return Err(Error::custom(
            "a cookie value cannot hold a space, `\"`, `,`, `;`, `\\` or a character that is not visible ASCII (RFC 6265 §4.1.1); encode it as the vendor documents",
        )
        .with_span(&value.span()));
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum FlatKind {
    Form,
    Query,
    Cookie,
}

/// A form or query key: one segment. A dotted key is refused, since neither can nest.
fn flat_key(keys: &[String], span: Span, kind: FlatKind) -> darling::Result<String> {
    match keys {
        [key] if key.is_empty() => Err(Error::custom("a key cannot be empty").with_span(&span)),
        [key] => Ok(key.clone()),
        _ => {
            let dotted = keys.join(".");
            let flat = keys.join("_");
            let (what, alternative) = match kind {
                FlatKind::Form => ("a form body is flat", "or `body = json` to nest it"),
                FlatKind::Query => ("a query is flat", "or send it in a JSON body to nest it"),
                FlatKind::Cookie => (
                    "a cookie's name is flat",
                    "or send it in a JSON body to nest it",
                ),
            };
            Err(Error::custom(format!(
                "`{dotted}` is a nested key, but {what}; write one key such as `{flat}`, quote it as `\"{dotted}\"` if the vendor's key has a dot, {alternative}"
            ))
            .with_span(&span))
        }
    }
}

/// A JSON constant's numbers fit what JSON numbers are read into.
fn check_json_constant(value: &ConstantValue) -> darling::Result<()> {
    match value {
        ConstantValue::Int(digits, span)
            if digits.parse::<i64>().is_err() && digits.parse::<u64>().is_err() =>
        {
            Err(Error::custom(format!(
                "`{digits}` does not fit a 64-bit integer; write it as a string if the vendor wants this number"
            ))
            .with_span(span))
        }
        ConstantValue::Float(digits, span)
            if !digits.parse::<f64>().is_ok_and(f64::is_finite) =>
        {
            Err(Error::custom(format!("`{digits}` is not a finite number")).with_span(span))
        }
        ConstantValue::Array(values, _) => values.iter().try_for_each(check_json_constant),
        _ => Ok(()),
    }
}

/// A constant sent as text (form, query): a literal, or a flat array of them (the key is then
/// repeated).
fn check_text_constant(value: &ConstantValue) -> darling::Result<()> {
    if let ConstantValue::Array(values, _) = value
        && let Some(nested) = values
            .iter()
            .find(|value| matches!(value, ConstantValue::Array(..)))
    {
        return Err(Error::custom(
            "an array here repeats its key once per value, so it holds literals, not arrays",
        )
        .with_span(&nested.span()));
    }
    Ok(())
}

/// The name in a header written whole (`Authorization: Bearer`, `X-Subject-Token:`): the part
/// before the `:`, as a "did you mean".
fn header_name_hint(written: &str) -> String {
    let Some((before, _)) = written.split_once(':') else {
        return String::new();
    };
    let before = before.trim();
    if before.is_empty()
        || !before
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
    {
        return String::new();
    }
    format!("did you mean `{before}`? a header's name ends before its `:`; ")
}

/// Checks a header name and returns it in lowercase.
pub fn check_header_name(name: &SpannedValue<String>) -> darling::Result<String> {
    const TCHAR_SYMBOLS: &str = "!#$%&'*+-.^_`|~";
    if name.trim().is_empty() {
        return Err(Error::custom(
            "a header name cannot be empty; write the header the vendor's answer carries the value in, e.g. `header(\"X-Subject-Token\")`",
        )
        .with_span(&name.span()));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || TCHAR_SYMBOLS.contains(c))
    {
        return Err(Error::custom(format!(
            "`{}` is not a valid header name; {}header names are ASCII letters, digits and `-` (e.g. `x-api-key`)",
            name.as_str(),
            header_name_hint(name.as_str()),
        ))
        .with_span(&name.span()));
    }
    let lower = name.to_ascii_lowercase();
    if matches!(
        lower.as_str(),
        "content-length" | "host" | "transfer-encoding" | "connection"
    ) {
        return Err(Error::custom(format!(
            "`{}` is set by the HTTP client; remove this header",
            name.as_str()
        ))
        .with_span(&name.span()));
    }
    Ok(lower)
}

fn check_header_value(value: &SpannedValue<String>) -> darling::Result<()> {
    if value
        .chars()
        .any(|c| !(c == ' ' || c == '\t' || c.is_ascii_graphic()))
    {
        return Err(Error::custom(
            "a header value must be visible ASCII: no line breaks, control or non-ASCII characters",
        )
        .with_span(&value.span()));
    }
    if value.trim().is_empty() {
        return Err(Error::custom(
            "a header value must not be empty; write the value the vendor documents, or leave the header out",
        ).with_span(&value.span()));
    }
    Ok(())
}

/// A duration written with spelt-out units (`5min`, `2 hours`, `1 day 12 hours`) in the
/// one-letter units: `5m`, `2h`, `1d12h`. `None` when a word is not a unit.
fn short_units(text: &str) -> Option<String> {
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| -> Option<()> {
        if word.is_empty() {
            return Some(());
        }
        let unit = match word.to_ascii_lowercase().as_str() {
            "s" | "sec" | "secs" | "second" | "seconds" => "s",
            "m" | "min" | "mins" | "minute" | "minutes" => "m",
            "h" | "hr" | "hrs" | "hour" | "hours" => "h",
            "d" | "day" | "days" => "d",
            _ => return None,
        };
        out.push_str(unit);
        word.clear();
        Some(())
    };
    for c in text.chars() {
        if c.is_ascii_digit() {
            flush(&mut word, &mut out)?;
            out.push(c);
        } else if c.is_alphabetic() {
            word.push(c);
        } else if !(c.is_whitespace() || c == ',') {
            return None;
        }
    }
    flush(&mut word, &mut out)?;
    Some(out)
}

/// A duration written as vendors' documents write it, in this macro's notation: a bare number
/// of seconds (`3600` → `3600s`), ISO 8601 (`PT1H30M` → `1h30m`, `P1D` → `1d`).
fn other_duration_notation(text: &str) -> Option<String> {
    let text = text.trim();
    if !text.is_empty() && text.chars().all(|c| c.is_ascii_digit()) {
        return Some(format!("{text}s"));
    }
    let iso = text.strip_prefix(['P', 'p'])?;
    let (days, time) = match iso.split_once(['T', 't']) {
        Some((days, time)) => (days, time),
        None => (iso, ""),
    };
    // Before `T`, ISO 8601's `M` is months, which have no fixed length.
    if days
        .chars()
        .any(|c| !c.is_ascii_digit() && !matches!(c, 'D' | 'd'))
    {
        return None;
    }
    let out = format!("{days}{time}").to_lowercase();
    (!out.is_empty()).then_some(out)
}

/// A fraction of a unit (`1.5h`, `0.5d`) in whole smaller units: `1h30m`, `12h`. `None`
/// unless the text is one decimal number and a unit, and it comes out in whole seconds.
fn whole_units(text: &str) -> Option<String> {
    let text = text.trim();
    let unit = text.chars().last()?;
    let seconds_per_unit: u64 = match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => return None,
    };
    let (whole, fraction) = text[..text.len() - 1].split_once('.')?;
    if whole.is_empty() && fraction.is_empty()
        || !whole
            .chars()
            .chain(fraction.chars())
            .all(|c| c.is_ascii_digit())
        || fraction.len() > 6
    {
        return None;
    }
    let scale = 10u64.pow(u32::try_from(fraction.len()).ok()?);
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: u64 = if fraction.is_empty() {
        0
    } else {
        fraction.parse().ok()?
    };
    let scaled =
        (whole.checked_mul(scale)?.checked_add(fraction)?).checked_mul(seconds_per_unit)?;
    if scaled % scale != 0 {
        return None;
    }
    let mut seconds = scaled / scale;
    if seconds == 0 {
        return None;
    }
    let mut out = String::new();
    for (size, name) in [(86_400, 'd'), (3600, 'h'), (60, 'm'), (1, 's')] {
        if seconds >= size {
            out.push_str(&format!("{}{name}", seconds / size));
            seconds %= size;
        }
    }
    Some(out)
}

/// Parses `30s`, `5m`, `2h`, `1d` and sums such as `1h30m` into seconds.
pub fn parse_duration(text: &SpannedValue<String>) -> darling::Result<u64> {
    let fail = || {
        let parses = |short: &String| {
            *short != text.as_str()
                && parse_duration(&SpannedValue::new(short.clone(), text.span())).is_ok()
        };
        let suggestion = short_units(text.as_str())
            .filter(parses)
            .or_else(|| other_duration_notation(text.as_str()).filter(parses))
            .or_else(|| whole_units(text.as_str()).filter(parses))
            .map(|short| format!("did you mean `{short}`? "))
            .unwrap_or_default();
        Error::custom(format!(
            "`{}` is not a duration; {suggestion}write a number with a unit: `30s`, `5m`, `2h`, `1d` (or a sum such as `1h30m`)",
            text.as_str()
        ))
        .with_span(&text.span())
    };
    let mut total: u64 = 0;
    let mut digits = String::new();
    let mut parts = 0;
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            _ => return Err(fail()),
        };
        let n: u64 = digits.parse().map_err(|_| fail())?;
        total = n
            .checked_mul(unit)
            .and_then(|s| total.checked_add(s))
            .ok_or_else(fail)?;
        digits.clear();
        parts += 1;
    }
    if !digits.is_empty() || parts == 0 {
        return Err(fail());
    }
    if total == 0 {
        return Err(
            Error::custom("a duration cannot be zero; write the documented one, such as `\"5m\"`, or leave the key out")
                .with_span(&text.span()),
        );
    }
    Ok(total)
}

fn check_statuses(arms: StatusArms, errors: &mut darling::error::Accumulator) -> Vec<Status> {
    let mut out: Vec<Status> = Vec::new();
    for arm in arms.arms {
        let kind_ok = errors.handle(check_kind(&arm.kind)).is_some();
        for lit in arm.codes {
            if matches!(lit.suffix(), "xx" | "XX") {
                // `5xx`: a class, which Rust reads as the number 5 with a suffix.
                errors.push(
                    Error::custom(format!(
                        "`{lit}` is a class of statuses; map each code of it (`{0}00 => ..., {0}03 => ...`); a status not mapped takes its usual kind (401 `InvalidCredentials`, 429 `RateLimited`, 503 `Unavailable`, any other 5xx `ServerError`)",
                        lit.base10_digits()
                    ))
                    .with_span(&lit),
                );
                continue;
            }
            let Some(code) = errors.handle(lit.base10_parse::<u16>().map_err(|_| {
                Error::custom(format!(
                    "`{lit}` is not an HTTP status code; map error statuses, 400 to 599"
                ))
                .with_span(&lit)
            })) else {
                continue;
            };
            let problem = match code {
                0..=99 | 600.. => Some(format!(
                    "`{code}` is not an HTTP status code; map error statuses, 400 to 599"
                )),
                100..=199 => Some(format!(
                    "`{code}` is an informational status, never the final answer to a request; map error statuses, 400 to 599"
                )),
                200..=299 => Some(format!(
                    "`{code}` is a success status; a failure reported inside a 2xx body is declared with `body_failure(field = ...)`"
                )),
                300..=399 => Some(format!(
                    "`{code}` is a redirect; redirects are never followed and always fail as `Redirect`, so there is nothing to map"
                )),
                _ => None,
            };
            if let Some(problem) = problem {
                errors.push(Error::custom(problem).with_span(&lit));
                continue;
            }
            if out.iter().any(|s| s.code == code) {
                errors.push(
                    Error::custom(format!(
                        "status {code} is mapped twice; keep one mapping for it"
                    ))
                    .with_span(&lit),
                );
                continue;
            }
            if kind_ok {
                out.push(Status {
                    code,
                    kind: arm.kind.clone(),
                });
            }
        }
    }
    out
}

/// The kind meant by a name written as HTTP's reason phrases or vendors' error codes have it
/// (`Unauthorized`, `TooManyRequests`, `AccountLocked`), which edit distance does not find.
fn kind_of_other_name(name: &str) -> Option<&'static str> {
    let name = name.to_ascii_lowercase().replace('_', "");
    Some(match name.as_str() {
        "unauthorized"
        | "unauthorised"
        | "unauthenticated"
        | "notauthorized"
        | "invalidpassword"
        | "wrongpassword"
        | "badcredentials"
        | "invalidlogin"
        | "authenticationfailed" => "InvalidCredentials",
        "badrequest"
        | "unprocessableentity"
        | "unprocessable"
        | "validation"
        | "validationerror"
        | "invalidinput"
        | "unsupportedmediatype" => "InvalidRequest",
        "permissiondenied" | "accessdenied" | "forbidden" => "Forbidden",
        "toomanyrequests" | "throttled" | "ratelimit" | "ratelimitexceeded" => "RateLimited",
        "serviceunavailable" | "maintenance" => "Unavailable",
        "internalservererror" | "internalerror" | "servererror" | "badgateway" => "ServerError",
        "gone" | "tokenexpired" | "passwordexpired" => "Expired",
        "accountlocked" | "lockedout" | "blocked" => "Locked",
        "notfound" | "usernotfound" | "unknownuser" => "NotFound",
        _ => return None,
    })
}

pub(crate) fn check_kind(kind: &Ident) -> darling::Result<()> {
    let name = kind.to_string();
    if STATUS_KINDS.contains(&name.as_str()) {
        return Ok(());
    }
    if TRANSPORT_KINDS.contains(&name.as_str()) {
        return Err(Error::custom(format!(
            "`{name}` describes a transport or decoding failure, not an answer a status code can give; use one of: {}",
            STATUS_KINDS.join(", ")
        ))
        .with_span(kind));
    }
    let suggestion = kind_of_other_name(&name)
        .or_else(|| closest(&name, STATUS_KINDS, 3))
        .map(|candidate| format!("did you mean `{candidate}`? "))
        .unwrap_or_default();
    Err(Error::custom(format!(
        "unknown error kind `{name}`; {suggestion}the kinds are: {}",
        STATUS_KINDS.join(", ")
    ))
    .with_span(kind))
}

fn check_body_failure_kind(expr: &Expr) -> darling::Result<Ident> {
    match expr {
        Expr::Path(path) if path.path.get_ident().is_some() => {
            let kind = path
                .path
                .get_ident()
                .cloned()
                .unwrap_or_else(|| Ident::new("Rejected", expr.span()));
            check_kind(&kind)?;
            Ok(kind)
        }
        Expr::Lit(syn::ExprLit {
            lit: Lit::Str(text),
            ..
        }) => Err(Error::custom(format!(
            "write the kind without quotes: `kind = {}`",
            text.value()
        ))
        .with_span(text)),
        // `kind = Locked("30m")`: a kind with the wait a lockout lasts, which is a key of its own.
        Expr::Call(call)
            if let Expr::Path(path) = &*call.func
                && let Some(kind) = path.path.get_ident() =>
        {
            check_kind(kind)?;
            let wait = call
                .args
                .first()
                .map(|arg| quote::ToTokens::to_token_stream(arg).to_string())
                .unwrap_or_else(|| "\"30m\"".to_owned());
            Err(Error::custom(format!(
                "a kind takes no value: write `kind = {kind}`; the documented wait after a lockout is `lockout = {wait}` in `#[login_endpoint(...)]`"
            ))
            .with_span(&call.paren_token.span.join()))
        }
        _ => Err(
            Error::custom("`kind` takes an error kind, e.g. `kind = InvalidCredentials`")
                .with_span(expr),
        ),
    }
}

fn check_success_literal(expr: &Expr) -> darling::Result<Lit> {
    let fail = || {
        Error::custom("`success` takes a literal: a number, a string or a bool, e.g. `success = 7`")
            .with_span(expr)
    };
    // `success = None`: a field whose presence marks a failure is written without `success`.
    if let Expr::Path(path) = expr
        && (path.path.is_ident("None") || path.path.is_ident("null"))
    {
        return Err(Error::custom(
            "a field that marks a failure by being there is written without `success`: `body_failure(field = ...)` fails the login when the field is present; remove `success`",
        )
        .with_span(expr));
    }
    match expr {
        Expr::Lit(lit) => match &lit.lit {
            Lit::Int(_) | Lit::Str(_) | Lit::Bool(_) => Ok(lit.lit.clone()),
            _ => Err(fail()),
        },
        Expr::Unary(unary) if matches!(unary.op, syn::UnOp::Neg(_)) => match &*unary.expr {
            Expr::Lit(syn::ExprLit {
                lit: Lit::Int(int), ..
            }) => {
                let negated = format!("-{}", int.base10_digits());
                Ok(Lit::Int(syn::LitInt::new(&negated, expr.span())))
            }
            _ => Err(fail()),
        },
        _ => Err(fail()),
    }
}

// ---------------------------------------------------------------------------------------------
// Where a response value comes from: the token, the refresh token and their expiries, each from
// a path in the body, a header or a cookie.
// ---------------------------------------------------------------------------------------------

/// Where a value of a successful response comes from.
#[derive(Clone)]
pub enum Source {
    /// A path of fields in the response type.
    Body(FieldPath),
    /// A response header, lowercase name, and the text before its value, if declared.
    Header(SpannedValue<String>, Option<String>),
    /// A cookie the response sets.
    Cookie(SpannedValue<String>),
}

impl Source {
    pub fn span(&self) -> Span {
        match self {
            Source::Body(path) => path.span,
            Source::Header(name, _) | Source::Cookie(name) => name.span(),
        }
    }

    /// Whether two sources name the same value.
    pub fn same_as(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Body(a), Source::Body(b)) => a.dotted() == b.dotted(),
            (Source::Header(a, _), Source::Header(b, _))
            | (Source::Cookie(a), Source::Cookie(b)) => a.as_str() == b.as_str(),
            _ => false,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TimeFormat {
    Rfc3339,
    UnixSeconds,
    UnixMillis,
    HttpDate,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Seconds,
    Millis,
}

/// Where a response states an expiry, and how.
#[derive(Clone)]
pub enum Expiry {
    At(Source, TimeFormat),
    In(Source, TimeUnit),
    /// The `Max-Age`/`Expires` of a cookie.
    OfCookie(SpannedValue<String>),
}

/// The credentials of a successful response.
pub struct Credentials {
    pub token: Source,
    pub refresh_token: Option<Source>,
    pub expiry: Option<Expiry>,
    pub refresh_expiry: Option<Expiry>,
}

/// The response keys as read.
pub struct CredentialArgs {
    pub token: Option<SourceArg>,
    pub refresh_token: Option<SourceArg>,
    pub expires_at: Option<ExpiryArg>,
    pub expires_in: Option<ExpiryArg>,
    pub refresh_expires_at: Option<ExpiryArg>,
    pub refresh_expires_in: Option<ExpiryArg>,
}

/// The credentials whose keys could be read: each `None` when not declared or when its key has
/// a mistake (reported).
#[derive(Clone, Default)]
pub struct ReadCredentials {
    pub token: Option<Source>,
    pub refresh_token: Option<Source>,
    pub expiry: Option<Expiry>,
    pub refresh_expiry: Option<Expiry>,
}

/// The keys that name types and fields of the response, as far as they could be read: what the
/// compiler checks. A declaration with other mistakes still has these checked, in the same
/// build.
#[derive(Clone, Default)]
pub struct ResponseKeys {
    pub response: Option<syn::Path>,
    pub error_body: Option<syn::Path>,
    pub credentials: ReadCredentials,
    pub body_failure: Option<BodyFailure>,
}

impl Endpoint {
    /// The response keys of a complete model.
    pub fn response_keys(&self) -> ResponseKeys {
        let credentials = &self.credentials;
        ResponseKeys {
            response: Some(self.response.clone()),
            error_body: self.error_body.clone(),
            credentials: ReadCredentials {
                token: Some(credentials.token.clone()),
                refresh_token: credentials.refresh_token.clone(),
                expiry: credentials.expiry.clone(),
                refresh_expiry: credentials.refresh_expiry.clone(),
            },
            body_failure: self.body_failure.clone(),
        }
    }
}

impl Credentials {
    /// Checks each response key, reporting every problem into `errors`.
    fn from_args(
        args: CredentialArgs,
        response: Option<&syn::Path>,
        errors: &mut darling::error::Accumulator,
    ) -> ReadCredentials {
        let token = args
            .token
            .and_then(|token| errors.handle(check_source(token)))
            .map(|token| without_the_type_name(token, "token", response, errors));
        let refresh_declared = args.refresh_token.is_some();
        let refresh_token = args
            .refresh_token
            .and_then(|source| errors.handle(check_source(source)))
            .map(|source| without_the_type_name(source, "refresh_token", response, errors));
        let expiry = one_expiry(args.expires_at, args.expires_in, errors);
        if !refresh_declared
            && let Some(key) = args
                .refresh_expires_at
                .as_ref()
                .or(args.refresh_expires_in.as_ref())
                .map(|arg| &arg.key)
        {
            errors.push(
                Error::custom(format!(
                    "`{key}` is the refresh token's expiry, but no `refresh_token` is declared; add `refresh_token = ...`, or write `{}` for the token's own expiry",
                    key.to_string().trim_start_matches("refresh_")
                ))
                .with_span(key),
            );
        }
        let refresh_expiry = one_expiry(args.refresh_expires_at, args.refresh_expires_in, errors);
        ReadCredentials {
            token,
            refresh_token,
            expiry,
            refresh_expiry,
        }
    }
}

/// A path that starts with the response type's name (`token = LoginResponse.access_token`), as
/// a Rust expression names a value of that type: paths start at the type's fields. Reported at
/// the name, and read without it, so the rest of the path is still checked.
fn without_the_type_name(
    source: Source,
    key: &str,
    response: Option<&syn::Path>,
    errors: &mut darling::error::Accumulator,
) -> Source {
    let Source::Body(mut path) = source else {
        return source;
    };
    let type_name = response
        .and_then(|response| response.segments.last())
        .map(|segment| &segment.ident);
    let starts_with_it = matches!(
        (path.segments.first(), type_name),
        (Some(crate::field_path::Segment::Field(syn::Member::Named(first))), Some(name))
            if first == name && path.segments.len() > 1
    );
    if !starts_with_it {
        return Source::Body(path);
    }
    let name = path.segments.remove(0);
    let span = match &name {
        crate::field_path::Segment::Field(member) => member.span(),
        crate::field_path::Segment::Index(_, span) => *span,
    };
    errors.push(
        Error::custom(format!(
            "a path starts at the fields of `{}`, not at its name: write `{key} = {}`",
            type_name.map(ToString::to_string).unwrap_or_default(),
            path.dotted()
        ))
        .with_span(&span),
    );
    Source::Body(path)
}

fn check_source(source: SourceArg) -> darling::Result<Source> {
    match source {
        SourceArg::Body(path) => Ok(Source::Body(path)),
        SourceArg::Header(name, prefix) => {
            if name.eq_ignore_ascii_case("set-cookie") {
                return Err(Error::custom(
                    "a cookie is read with `cookie(\"<name>\")`, which parses `Set-Cookie` for you",
                )
                .with_span(&name.span()));
            }
            if name.eq_ignore_ascii_case("cookie") {
                return Err(Error::custom(
                    "`Cookie` is a header of requests, which no response sends; a cookie the response sets is read with `cookie(\"<name>\")`, from its `Set-Cookie`",
                )
                .with_span(&name.span()));
            }
            // An `Authorization` header holds a scheme before its credential (`Bearer eyJ...`),
            // which would be kept as part of the token; `prefix = ""` says the vendor's holds
            // the value alone.
            let authorization = name.eq_ignore_ascii_case("authorization");
            let prefix = match prefix {
                Some(prefix) if authorization && prefix.is_empty() => None,
                Some(prefix) => Some(check_header_prefix(prefix)?),
                None if authorization => {
                    return Err(Error::custom(format!(
                        "an `Authorization` header holds a scheme before the token (`Bearer eyJ...`), which would be kept as part of it; write `header({:?}, prefix = \"Bearer \")` with the scheme the vendor's answer has, or `prefix = \"\"` if it holds the token alone",
                        name.as_str()
                    ))
                    .with_span(&name.span()));
                }
                None => None,
            };
            Ok(Source::Header(
                SpannedValue::new(check_response_header_name(&name)?, name.span()),
                prefix,
            ))
        }
        SourceArg::Cookie(name) => Ok(Source::Cookie(check_cookie_name(name)?)),
    }
}

/// The text before a header's value, as `prefix = "Bearer "` declares it: what a header value
/// can start with, once its surrounding spaces are dropped.
fn check_header_prefix(prefix: SpannedValue<String>) -> darling::Result<String> {
    let span = prefix.span();
    if prefix.trim().is_empty() {
        return Err(Error::custom(
            "an empty `prefix` takes nothing off the value; remove it, or write the text the value starts with: `prefix = \"Bearer \"`",
        )
        .with_span(&span));
    }
    if let Some(c) = prefix
        .chars()
        .find(|c| !(c.is_ascii_graphic() || *c == ' '))
    {
        return Err(Error::custom(format!(
            "a header's value is visible ASCII and spaces, so a `prefix` holding {c:?} never matches; write the text as the vendor's header starts, e.g. `prefix = \"Bearer \"`"
        ))
        .with_span(&span));
    }
    if prefix.starts_with(' ') {
        return Err(Error::custom(format!(
            "a header's value is read without its leading spaces, so this `prefix` never matches; write `prefix = {:?}`",
            prefix.trim_start()
        ))
        .with_span(&span));
    }
    Ok(prefix.as_str().to_owned())
}

fn check_cookie_name(name: SpannedValue<String>) -> darling::Result<SpannedValue<String>> {
    let valid = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_graphic() && !"()<>@,;:\\\"/[]?={}".contains(c));
    if !valid {
        return Err(Error::custom(format!(
            "`{}` is not a cookie name; cookie names are ASCII letters, digits and `-_.!#$%&'*+^`|~`, as the vendor's `Set-Cookie` writes them (e.g. `SID`)",
            name.as_str()
        ))
        .with_span(&name.span()));
    }
    Ok(name)
}

/// A response header name in lowercase. Unlike a request header, any valid name may be read.
fn check_response_header_name(name: &SpannedValue<String>) -> darling::Result<String> {
    const TCHAR_SYMBOLS: &str = "!#$%&'*+-.^_`|~";
    if name.trim().is_empty() {
        return Err(Error::custom(
            "a header name cannot be empty; write the header the vendor's answer carries the value in, e.g. `header(\"X-Subject-Token\")`",
        )
        .with_span(&name.span()));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || TCHAR_SYMBOLS.contains(c))
    {
        return Err(Error::custom(format!(
            "`{}` is not a valid header name; {}header names are ASCII letters, digits and `-` (e.g. `X-Subject-Token`)",
            name.as_str(),
            header_name_hint(name.as_str()),
        ))
        .with_span(&name.span()));
    }
    Ok(name.to_ascii_lowercase())
}

/// The expiry of `expires_at` or `expires_in` (or their `refresh_` forms), of which at most one
/// may be given.
fn one_expiry(
    at: Option<ExpiryArg>,
    within: Option<ExpiryArg>,
    errors: &mut darling::error::Accumulator,
) -> Option<Expiry> {
    if let (Some(at), Some(within)) = (&at, &within) {
        errors.push(
            Error::custom(format!(
                "`{}` and `{}` both say when the token expires; keep the one the vendor's response carries",
                at.key, within.key
            ))
            .with_span(&within.key),
        );
        return None;
    }
    let arg = at.or(within)?;
    errors.handle(check_expiry(arg))
}

/// A response field named for a duration (`expires_in`, `expiresIn`, `ttl`) read as an
/// instant, or one named for an instant (`expires_at`, `exp`, `validUntil`) read as a
/// duration: the name says the key is the other one, and read this way every session would
/// have a wrong expiry (1970, or decades away). Reported at the path, with the key to write.
fn check_expiry_field_name(
    key: &str,
    relative: bool,
    format: Option<&Ident>,
    source: &Source,
) -> darling::Result<()> {
    let Source::Body(path) = source else {
        return Ok(());
    };
    let Some(crate::field_path::Segment::Field(syn::Member::Named(last))) = path.segments.last()
    else {
        return Ok(());
    };
    let name = plain_name(last.to_string().trim_start_matches("r#"));
    let names_a_duration = matches!(
        name.as_str(),
        "expiresin"
            | "expiresinseconds"
            | "ttl"
            | "maxage"
            | "validfor"
            | "lifetime"
            | "refreshexpiresin"
            | "refreshtokenexpiresin"
    );
    let names_an_instant = matches!(
        name.as_str(),
        "expiresat"
            | "exp"
            | "expiry"
            | "expiration"
            | "expirationtime"
            | "expirytime"
            | "validuntil"
            | "refreshexpiresat"
            | "refreshtokenexpiresat"
    );
    let written = quote::ToTokens::to_token_stream(last).to_string();
    let in_key = key.replace("_at", "_in");
    let at_key = key.replace("_in", "_at");
    if !relative && names_a_duration {
        let format =
            format.map_or_else(|| "an RFC 3339 timestamp".to_owned(), |f| format!("`{f}`"));
        return Err(Error::custom(format!(
            "`{written}` is named for a duration, but `{key}` reads it as an instant ({format}); for seconds from now write `{in_key} = {}`",
            path.dotted()
        ))
        .with_span(&path.span));
    }
    if relative && names_an_instant {
        return Err(Error::custom(format!(
            "`{written}` is named for an instant, but `{key}` reads it as a duration from now; write `{at_key} = {}` for an RFC 3339 timestamp, or `{at_key}(unix_seconds = {})` for a Unix time",
            path.dotted(),
            path.dotted()
        ))
        .with_span(&path.span));
    }
    Ok(())
}

/// A response field whose name states its unit (`expires_in_ms`, `ttlSeconds`; a JWT's `exp`,
/// `iat` and `nbf`, and OAuth 2.0's `expires_in`, which are seconds by their RFCs) read in the
/// other unit: every session would expire a thousand times too soon or too late. Reported at
/// the format (at the path when none is written), with the format the name asks for.
fn check_expiry_unit_name(
    key: &str,
    read_as_millis: bool,
    source: &Source,
    format: Option<(&str, Span)>,
) -> darling::Result<()> {
    let Source::Body(path) = source else {
        return Ok(());
    };
    let Some(crate::field_path::Segment::Field(syn::Member::Named(last))) = path.segments.last()
    else {
        return Ok(());
    };
    let written = last.to_string();
    let written = written.trim_start_matches("r#");
    let Some((named_millis, why)) = unit_of_name(written) else {
        return Ok(());
    };
    if named_millis == read_as_millis {
        return Ok(());
    }
    let relative = key.ends_with("_in");
    let dotted = path.dotted();
    let (fix, read_as) = match (relative, named_millis) {
        (true, true) => (format!("{key}(millis = {dotted})"), "seconds"),
        (true, false) => (format!("{key} = {dotted}"), "milliseconds"),
        (false, true) => (format!("{key}(unix_millis = {dotted})"), "seconds"),
        (false, false) => (format!("{key}(unix_seconds = {dotted})"), "milliseconds"),
    };
    let unit = if named_millis {
        "milliseconds"
    } else {
        "seconds"
    };
    let (keep, span) = match format {
        Some((format, span)) => (format!("`{format}`"), span),
        None => (format!("`{key} = ...`"), path.span),
    };
    Err(Error::custom(format!(
        "`{written}` is {why}{unit}, but {keep} reads it as {read_as}, and every session would {}; write `{fix}` (a field the vendor sends in {read_as} under this name is declared under another, keeping its JSON name with `#[serde(rename = \"{written}\")]`)",
        match (relative, named_millis) {
            (true, true) => "last a thousand times too long",
            (true, false) => "expire a thousand times too soon",
            (false, true) => "expire thousands of years from now",
            (false, false) => "have expired in January 1970",
        },
    ))
    .with_span(&span))
}

/// The unit a response field's name states, `true` for milliseconds, with how it states it:
/// its last word (`expires_in_ms`, `ttlSeconds`), or the RFC that defines it (`exp`,
/// `expires_in`).
fn unit_of_name(name: &str) -> Option<(bool, &'static str)> {
    match plain_name(name).as_str() {
        "exp" | "iat" | "nbf" => return Some((false, "a JWT's NumericDate, in ")),
        _ if name == "expires_in" => {
            return Some((false, "OAuth 2.0's `expires_in` (RFC 6749), in "));
        }
        _ => {}
    }
    // The last word, after a `_` or at a capital letter: `ms` of `expires_in_ms`, `Seconds`
    // of `ttlSeconds`.
    let last = name
        .rsplit('_')
        .next()
        .map(|word| {
            let start = word
                .char_indices()
                .filter(|(_, c)| c.is_ascii_uppercase())
                .map(|(at, _)| at)
                .next_back()
                .unwrap_or(0);
            word[start..].to_ascii_lowercase()
        })
        .unwrap_or_default();
    if name.len() == last.len() {
        return None;
    }
    match last.as_str() {
        "ms" | "msec" | "msecs" | "millis" | "milliseconds" => Some((true, "named for ")),
        "s" | "sec" | "secs" | "second" | "seconds" => Some((false, "named for ")),
        _ => None,
    }
}

fn check_expiry(arg: ExpiryArg) -> darling::Result<Expiry> {
    let relative = arg.key.to_string().ends_with("_in");
    let key = arg.key.to_string();
    if let SourceArg::Cookie(name) = &arg.source {
        if relative || arg.format.is_some() {
            let at_key = key.replace("_in", "_at");
            return Err(Error::custom(format!(
                "a cookie states its expiry with `Max-Age` or `Expires`, both read by `{at_key} = cookie(\"{}\")`",
                name.as_str()
            ))
            .with_span(&arg.key));
        }
        return Ok(Expiry::OfCookie(check_cookie_name(name.clone())?));
    }
    let source = check_source(arg.source)?;
    // `Date` and `Last-Modified` say when the answer was written, a time already past.
    if let Source::Header(name, _) = &source
        && matches!(name.as_str(), "date" | "last-modified")
    {
        return Err(Error::custom(format!(
            "the `{}` header says when the response was written, not when the token expires: every session would have expired on arrival; the token's expiry is a header such as `Expires` (`{key} = header(\"Expires\")`) or a field of the body, and one the vendor only documents is `lifetime = \"2h\"`",
            if name.as_str() == "date" { "Date" } else { "Last-Modified" }
        ))
        .with_span(&name.span()));
    }
    // A format of the other kind of key is reported as that, below.
    let format_fits = arg.format.as_ref().is_none_or(|format| {
        let format = format.to_string();
        relative == matches!(format.as_str(), "seconds" | "millis")
    });
    if format_fits {
        check_expiry_field_name(&key, relative, arg.format.as_ref(), &source)?;
    }
    // The `Expires` header is an HTTP date by its definition (RFC 9110), so that is how it is
    // read unless a format says otherwise.
    let expires_header = matches!(&source, Source::Header(name, _) if name.as_str() == "expires");
    let Some(format) = arg.format else {
        if relative {
            check_expiry_unit_name(&key, false, &source, None)?;
        }
        return Ok(if relative {
            Expiry::In(source, TimeUnit::Seconds)
        } else if expires_header {
            Expiry::At(source, TimeFormat::HttpDate)
        } else {
            Expiry::At(source, TimeFormat::Rfc3339)
        });
    };
    let name = format.to_string();
    if expires_header
        && !relative
        && matches!(name.as_str(), "rfc3339" | "unix_seconds" | "unix_millis")
    {
        return Err(Error::custom(format!(
            "the `Expires` header is an HTTP date (`Tue, 03 Dec 2026 10:00:00 GMT`), never `{name}`: write `{key} = header(\"Expires\")`, which reads it as one"
        ))
        .with_span(&format));
    }
    let at_key = key.replace("_in", "_at");
    let in_key = key.replace("_at", "_in");
    let read_as_millis = match (relative, name.as_str()) {
        (false, "unix_seconds") | (true, "seconds") => Some(false),
        (false, "unix_millis") | (true, "millis") => Some(true),
        _ => None,
    };
    if let Some(read_as_millis) = read_as_millis {
        check_expiry_unit_name(&key, read_as_millis, &source, Some((&name, format.span())))?;
    }
    match (relative, name.as_str()) {
        (false, "rfc3339") => Ok(Expiry::At(source, TimeFormat::Rfc3339)),
        (false, "unix_seconds") => Ok(Expiry::At(source, TimeFormat::UnixSeconds)),
        (false, "unix_millis") => Ok(Expiry::At(source, TimeFormat::UnixMillis)),
        (false, "http_date") => Ok(Expiry::At(source, TimeFormat::HttpDate)),
        (true, "seconds") => Ok(Expiry::In(source, TimeUnit::Seconds)),
        (true, "millis") => Ok(Expiry::In(source, TimeUnit::Millis)),
        (false, "seconds" | "millis") => Err(Error::custom(format!(
            "`{key}` reads an instant; for {name} from now write `{in_key}({name} = ...)`, for a Unix time `{key}(unix_{name} = ...)`"
        ))
        .with_span(&format)),
        (true, "rfc3339" | "unix_seconds" | "unix_millis" | "http_date") => Err(Error::custom(format!(
            "`{name}` is an instant, not a duration; write `{at_key}({name} = ...)`"
        ))
        .with_span(&format)),
        _ => {
            let formats: &[&str] = if relative {
                &["seconds", "millis"]
            } else {
                &["rfc3339", "unix_seconds", "unix_millis", "http_date"]
            };
            // Common short forms are suggested as well as near spellings.
            let alias = match name.to_ascii_lowercase().as_str() {
                "s" | "sec" | "secs" | "second" if relative => Some("seconds"),
                "ms" | "msec" | "msecs" | "milli" | "milliseconds" if relative => Some("millis"),
                "unix" | "epoch" | "unix_secs" | "timestamp" if !relative => Some("unix_seconds"),
                "unix_ms" | "epoch_millis" | "unix_milliseconds" if !relative => {
                    Some("unix_millis")
                }
                "iso8601" | "iso" | "rfc_3339" if !relative => Some("rfc3339"),
                "httpdate" | "http" | "rfc1123" | "rfc_1123" | "rfc7231" | "rfc9110" | "rfc2822"
                | "imf_fixdate"
                    if !relative =>
                {
                    Some("http_date")
                }
                _ => None,
            };
            let suggestion = alias
                .or_else(|| closest(&name, formats, MAX_KEY_DISTANCE))
                .map(|f| format!("did you mean `{f}`? "))
                .unwrap_or_default();
            Err(Error::custom(format!(
                "unknown format `{name}`; {suggestion}`{key}` takes {}",
                formats
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .with_span(&format))
        }
    }
}

fn check_item(item: &ItemStruct) -> darling::Result<()> {
    if !item.generics.params.is_empty() {
        let borrows = item
            .generics
            .params
            .iter()
            .all(|param| matches!(param, syn::GenericParam::Lifetime(_)));
        let message = if borrows {
            "a login endpoint cannot borrow, since a login is sent and kept after the call that builds it; give its fields owned types, such as `String` for `&str`"
        } else {
            "a login endpoint cannot be generic; give its fields concrete types"
        };
        return Err(Error::custom(message).with_span(&item.generics.params));
    }
    match &item.fields {
        Fields::Named(_) => Ok(()),
        Fields::Unnamed(_) => {
            let name = &item.ident;
            Err(Error::custom(format!(
                "a login endpoint needs named fields, one per request value, since each field's name is its key: write `struct {name} {{ email: String, ... }}`"
            ))
            .with_span(&item.fields))
        }
        Fields::Unit => {
            let name = &item.ident;
            Err(Error::custom(format!(
                "a login endpoint is a struct with named fields, one per request value: write `struct {name} {{ email: String, ... }}`, or `struct {name} {{}}` for a login whose values are all declared in the attribute"
            ))
            .with_span(&item.ident))
        }
    }
}

/// Whether a field's name says it holds a credential (`password`, `api_key`, `client_secret`,
/// `accessToken`, ...): such a field that is not a `Secret` would be printed by `Debug` and kept
/// unzeroized, so it is refused.
fn names_a_credential(ident: &Ident) -> bool {
    is_credential_name(ident.to_string().trim_start_matches("r#"))
}

/// A name without case, `_` or `-`, as names are compared when they say what a value is
/// (`client_secret`, `clientSecret` and `Client-Secret` alike).
pub fn plain_name(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '_' && *c != '-')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether a name (of a field, a body key, a header or a query parameter) is a credential's,
/// compared whole, without case, `_` or `-`.
pub fn is_credential_name(name: &str) -> bool {
    let name = plain_name(name);
    matches!(
        name.as_str(),
        "password"
            | "passwd"
            | "pwd"
            | "passphrase"
            | "passcode"
            | "pin"
            | "otp"
            | "totp"
            | "secret"
            | "clientsecret"
            | "apisecret"
            | "appsecret"
            | "secretkey"
            | "secrethash"
            | "sharedsecret"
            | "apikey"
            | "xapikey"
            | "accesskey"
            | "secretaccesskey"
            | "privatekey"
            | "token"
            | "accesstoken"
            | "refreshtoken"
            | "idtoken"
            | "authtoken"
            | "apitoken"
            | "bearertoken"
            | "sessiontoken"
            | "securitytoken"
    )
}

/// `#[derive(Debug)]` would print secrets and clash with the `Debug` the macro writes, and
/// `#[derive(Default)]` would make a login with every required field empty, past the builder's
/// checks. Each is reported and taken out of the derive, so it does not clash with the
/// fallback's items too.
fn check_derives(item: &mut ItemStruct, errors: &mut darling::error::Accumulator) {
    let item_name = item.ident.to_string();
    let mut kept = Vec::with_capacity(item.attrs.len());
    for attr in item.attrs.drain(..) {
        if !attr.path().is_ident("derive") {
            kept.push(attr);
            continue;
        }
        // An unparsable derive is left for rustc to report.
        let Ok(paths) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
        ) else {
            kept.push(attr);
            continue;
        };
        // `Serialize` would write the request a second way, one that cannot hold secrets.
        let (taken, others): (Vec<_>, Vec<_>) = paths.into_iter().partition(|path| {
            path.segments.last().is_some_and(|segment| {
                segment.ident == "Debug"
                    || segment.ident == "Serialize"
                    || segment.ident == "Default"
            })
        });
        if taken.is_empty() {
            kept.push(attr);
            continue;
        }
        for path in &taken {
            let last = path.segments.last().map(|s| s.ident.to_string());
            let message = if last.as_deref() == Some("Debug") {
                "`#[login_endpoint]` writes a `Debug` that redacts secret fields; remove `Debug` from this derive".to_owned()
            } else if last.as_deref() == Some("Default") {
                format!(
                    "a login is made by its builder, which checks that every required field is set; remove `Default` from this derive and write `{}::builder()...build()` (a field that may be left unset is an `Option`)",
                    item_name
                )
            } else {
                "`#[login_endpoint]` writes the request from each field's `#[login(...)]` keys, secrets included; remove `Serialize` from this derive".to_owned()
            };
            match path.segments.last() {
                Some(last) => errors.push(Error::custom(message).with_span(&last.ident)),
                None => errors.push(Error::custom(message).with_span(path)),
            }
        }
        if !others.is_empty() {
            kept.push(syn::parse_quote_spanned!(attr.span()=> #[derive(#(#others),*)]));
        }
    }
    item.attrs = kept;
}

/// `#[serde(...)]` on the struct or a field would be read by nothing (the struct does not derive
/// serde's traits; the macro writes the request) and rustc would report it as unknown. It is
/// reported with the `#[login(...)]` key that does what it meant, and removed.
fn check_serde_attributes(item: &mut ItemStruct, errors: &mut darling::error::Accumulator) {
    fn report(
        attrs: &mut Vec<syn::Attribute>,
        on_field: bool,
        errors: &mut darling::error::Accumulator,
    ) {
        attrs.retain(|attr| {
            if !attr.path().is_ident("serde") {
                return true;
            }
            let rename = attr
                .parse_args::<syn::MetaNameValue>()
                .ok()
                .filter(|pair| pair.path.is_ident("rename"))
                .and_then(|pair| match pair.value {
                    Expr::Lit(syn::ExprLit {
                        lit: Lit::Str(text), ..
                    }) => Some(text.value()),
                    _ => None,
                });
            let message = match (on_field, rename) {
                (true, Some(key)) => format!(
                    "`#[serde(...)]` is not read here: the macro writes the request; write `#[login(rename = \"{key}\")]`"
                ),
                (true, None) if quote::ToTokens::to_token_stream(&attr.meta).to_string().contains("skip_serializing_if") => "`#[serde(...)]` is not read here, and this one is not needed: an `Option` field that is not set is left out of the request already; remove it".to_owned(),
                (true, None) => "`#[serde(...)]` is not read here: the macro writes the request from each field's `#[login(...)]` (`rename`, `secret`, `query`, `header = ...`)".to_owned(),
                (false, _) => "`#[serde(...)]` is not read here: the macro writes the request; give each field its key with `#[login(rename = \"...\")]`".to_owned(),
            };
            errors.push(Error::custom(message).with_span(attr.path()));
            false
        });
    }
    report(&mut item.attrs, false, errors);
    for field in item.fields.iter_mut() {
        report(&mut field.attrs, true, errors);
    }
}

/// Checks the item's shape, reads each field's `#[login(...)]`, removes those attributes from
/// the item, and builds the field model.
pub fn fields_of(
    item: &mut ItemStruct,
    body: BodyContext,
    errors: &mut darling::error::Accumulator,
) -> Option<Vec<Field>> {
    check_derives(item, errors);
    check_serde_attributes(item, errors);
    check_struct_attributes(item, errors);
    check_field_attribute_names(item, errors);
    check_secret_type_arguments(item, errors);
    if let Err(error) = check_item(item) {
        errors.push(error);
        for field in item.fields.iter_mut() {
            field.attrs.retain(|attr| !attr.path().is_ident("login"));
        }
        return None;
    }
    remove_repeated_fields(item, errors);
    collect_fields(item, body, errors)
}

/// Attributes of rustc's own, or of derives, that a field may carry beside `#[login(...)]`.
const FOREIGN_FIELD_ATTRIBUTES: &[&str] = &[
    "doc",
    "allow",
    "warn",
    "deny",
    "forbid",
    "expect",
    "cfg",
    "cfg_attr",
    "deprecated",
    "serde",
];

/// A field's `#[login(...)]` written under another name: misspelt (`#[logins(secret)]`), or as
/// one of its keys alone (`#[secret]`, `#[header = "x-secret"]`, as other derive macros write
/// them). rustc would report each as an unknown attribute, saying nothing of `#[login(...)]`,
/// and the field would be read without it; each is reported once, with the attribute to
/// write, and read as that attribute.
fn check_field_attribute_names(item: &mut ItemStruct, errors: &mut darling::error::Accumulator) {
    for field in item.fields.iter_mut() {
        for attr in &mut field.attrs {
            let Some(name) = attr.path().get_ident().map(Ident::to_string) else {
                continue;
            };
            if name == "login" || FOREIGN_FIELD_ATTRIBUTES.contains(&name.as_str()) {
                continue;
            }
            let span = attr.path().span();
            if crate::attr::FIELD_KEYS.keys.contains(&name.as_str()) {
                let keys = match &attr.meta {
                    syn::Meta::Path(path) => quote::quote!(#path),
                    syn::Meta::NameValue(pair) => {
                        let (path, value) = (&pair.path, &pair.value);
                        quote::quote!(#path = #value)
                    }
                    syn::Meta::List(list) => {
                        let (path, tokens) = (&list.path, &list.tokens);
                        quote::quote!(#path = #tokens)
                    }
                };
                errors.push(
                    Error::custom(format!(
                        "`{name}` is a key of the field's `#[login(...)]`, not an attribute of its own: write `#[login({})]`",
                        keys
                    ))
                    .with_span(&span),
                );
                attr.meta = syn::parse_quote_spanned!(span=> login(#keys));
            } else if name == "login_endpoint" {
                // The field's keys, in the struct's attribute: read as the field's.
                let login = Ident::new("login", span);
                let fix = match &mut attr.meta {
                    syn::Meta::List(list) => {
                        list.path = login.into();
                        format!(": write `#[login({})]`", list.tokens)
                    }
                    _ => {
                        attr.meta = syn::parse_quote_spanned!(span=> doc = "");
                        String::new()
                    }
                };
                errors.push(
                    Error::custom(format!(
                        "`#[login_endpoint(...)]` goes on the struct, once; a field's keys go in `#[login(...)]`{fix}"
                    ))
                    .with_span(&span),
                );
            } else if crate::attr::closest(&name, &["login"], 2).is_some() {
                errors.push(
                    Error::custom(format!(
                        "unknown attribute `#[{name}(...)]` on a field; did you mean `#[login(...)]`?"
                    ))
                    .with_span(&span),
                );
                let login = Ident::new("login", span);
                match &mut attr.meta {
                    syn::Meta::Path(path) => *path = login.into(),
                    syn::Meta::List(list) => list.path = login.into(),
                    syn::Meta::NameValue(pair) => pair.path = login.into(),
                }
            }
        }
    }
}

/// `Secret<String>`, as `secrecy` writes its secrets: auth-core's `Secret` always holds text
/// and takes no type argument. Reported once, at the argument, which is removed, so rustc does
/// not report it again from the struct.
fn check_secret_type_arguments(item: &mut ItemStruct, errors: &mut darling::error::Accumulator) {
    fn strip(ty: &mut Type, errors: &mut darling::error::Accumulator) {
        let Type::Path(path) = ty else {
            return;
        };
        let Some(last) = path.path.segments.last_mut() else {
            return;
        };
        let syn::PathArguments::AngleBracketed(arguments) = &mut last.arguments else {
            return;
        };
        if last.ident == "Secret" {
            errors.push(
                Error::custom(
                    "`Secret` takes no type argument: it always holds text; write `Secret`",
                )
                .with_span(
                    &arguments
                        .args
                        .first()
                        .map_or_else(|| arguments.span(), Spanned::span),
                ),
            );
            last.arguments = syn::PathArguments::None;
        } else if last.ident == "Option" {
            for argument in arguments.args.iter_mut() {
                if let syn::GenericArgument::Type(inner) = argument {
                    strip(inner, errors);
                }
            }
        }
    }
    for field in item.fields.iter_mut() {
        strip(&mut field.ty, errors);
    }
}

/// A second `#[login_endpoint]`, or a field's `#[login(...)]` written on the struct, would be
/// expanded (or rejected by rustc) as something else; each is reported and removed.
fn check_struct_attributes(item: &mut ItemStruct, errors: &mut darling::error::Accumulator) {
    let name = item.ident.clone();
    item.attrs.retain(|attr| {
        let last = attr.path().segments.last().map(|s| s.ident.to_string());
        match last.as_deref() {
            Some("login_endpoint") => {
                errors.push(
                    Error::custom(format!(
                        "`#[login_endpoint]` is written twice on `{name}`; keep one, with every key in it"
                    ))
                    .with_span(attr.path()),
                );
                false
            }
            Some("login") if attr.path().is_ident("login") => {
                errors.push(
                    Error::custom(
                        "`#[login(...)]` goes on a field, to say where that field is sent; the struct's keys go in `#[login_endpoint(...)]`",
                    )
                    .with_span(attr.path()),
                );
                false
            }
            _ => true,
        }
    });
}

/// A field declared twice is reported once, here, and the second is left out of the struct, so
/// that neither rustc nor the builder reports it again; a `#[cfg]` on a field is reported and
/// removed, so the field is in the struct as it is in the builder.
fn remove_repeated_fields(item: &mut ItemStruct, errors: &mut darling::error::Accumulator) {
    let Fields::Named(named) = &mut item.fields else {
        return;
    };
    let mut seen: Vec<Ident> = Vec::new();
    let mut kept = syn::punctuated::Punctuated::new();
    for mut field in std::mem::take(&mut named.named) {
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        // A `#[cfg]` field would be in the builder and the request, but not in the struct.
        field.attrs.retain(|attr| {
            if !attr.path().is_ident("cfg") {
                return true;
            }
            errors.push(
                Error::custom(format!(
                    "a login's fields cannot be conditional: its builder and request are written for every field; make `{ident}` an `Option` that callers leave unset, or declare one struct for each case"
                ))
                .with_span(attr.path()),
            );
            false
        });
        unwrap_conditional_login(&mut field, errors);
        if seen.contains(&ident) {
            errors.push(
                Error::custom(format!("the field `{ident}` is declared twice; keep one"))
                    .with_span(&ident),
            );
            continue;
        }
        seen.push(ident);
        kept.push(field);
    }
    named.named = kept;
}

/// `#[cfg_attr(predicate, login(...))]` on a field: the request would differ between builds, and
/// the macro, which runs before `cfg_attr` is resolved, would not read the keys. It is reported
/// at `login`, and the `#[login(...)]` is read as if written alone, so its keys are still
/// checked and nothing else is reported for them; what else the `cfg_attr` holds is kept.
fn unwrap_conditional_login(field: &mut syn::Field, errors: &mut darling::error::Accumulator) {
    let mut attrs = Vec::with_capacity(field.attrs.len());
    for attr in std::mem::take(&mut field.attrs) {
        if !attr.path().is_ident("cfg_attr") {
            attrs.push(attr);
            continue;
        }
        let Ok(parts) = attr.parse_args_with(
            syn::punctuated::Punctuated::<syn::Meta, syn::Token![,]>::parse_terminated,
        ) else {
            attrs.push(attr);
            continue;
        };
        let mut parts = parts.into_iter();
        let Some(predicate) = parts.next() else {
            attrs.push(attr);
            continue;
        };
        let (logins, others): (Vec<_>, Vec<_>) =
            parts.partition(|meta| meta.path().is_ident("login"));
        if logins.is_empty() {
            attrs.push(attr);
            continue;
        }
        for login in logins {
            errors.push(
                Error::custom(
                    "`#[login(...)]` cannot be conditional: a login's request is the same in every build; write it on the field without `cfg_attr`, or declare one struct for each case",
                )
                .with_span(login.path()),
            );
            attrs.push(syn::parse_quote_spanned!(attr.span()=> #[#login]));
        }
        if !others.is_empty() {
            attrs.push(
                syn::parse_quote_spanned!(attr.span()=> #[cfg_attr(#predicate, #(#others),*)]),
            );
        }
    }
    field.attrs = attrs;
}

fn collect_fields(
    item: &mut ItemStruct,
    body: BodyContext,
    errors: &mut darling::error::Accumulator,
) -> Option<Vec<Field>> {
    let mut fields = Vec::new();
    // Fields that would go in a body the request does not have.
    let mut unplaced: Vec<Ident> = Vec::new();
    for field in item.fields.iter_mut() {
        let parsed = FieldArgs::parse(field, errors);
        field.attrs.retain(|attr| !attr.path().is_ident("login"));
        let Some(ident) = field.ident.clone() else {
            continue;
        };
        let Some(args) = parsed else {
            // Its attribute's error is reported; the field is kept, redacted, so the fallback
            // still writes a complete builder.
            fields.push(Field::stand_in(&ident, &field.ty));
            continue;
        };
        let ty = field.ty.clone();
        let optional = option_inner(&ty).cloned();
        let is_secret_type = last_segment_is(optional.as_ref().unwrap_or(&ty), "Secret");
        let secret = args.secret;
        match (secret, is_secret_type) {
            (Some(span), false) => {
                // A type the macro does not know may be an alias of `Secret`.
                let inner = optional.as_ref().unwrap_or(&ty);
                let maybe_alias = matches!(inner, Type::Path(path) if path.qself.is_none()
                    && path.path.segments.len() == 1
                    && path.path.segments[0].arguments.is_none()
                    && !matches!(path.path.segments[0].ident.to_string().as_str(),
                        "String" | "bool" | "char" | "u8" | "u16" | "u32" | "u64" | "u128"
                        | "usize" | "i8" | "i16" | "i32" | "i64" | "i128" | "isize" | "f32" | "f64"));
                let alias = if maybe_alias {
                    " (the type is read as written: an alias of `Secret` is not recognised)"
                } else {
                    ""
                };
                errors.push(Error::custom(format!(
                    "`#[login(secret)]` needs the field to be `auth_core::Secret` (or `Option<Secret>`), so it is redacted and zeroized; change the type of `{ident}` to `Secret`{alias}"
                )).with_span(&span).with_span(&ty));
            }
            (None, true) => errors.push(Error::custom(format!(
                "`{ident}` is a `Secret` but not marked as one; add `#[login(secret)]` so its redaction is visible in the declaration"
            )).with_span(&ident)),
            // Basic credentials' password and a refresh token have checks of their own.
            (None, false)
                if names_a_credential(&ident)
                    && args.refresh_token.is_none()
                    && !args.basic_auth.is_some_and(|arg| arg.part == BasicPart::Password) =>
            {
                let wire = ident.to_string();
                let wire = wire.strip_prefix("r#").unwrap_or(&wire);
                errors.push(Error::custom(format!(
                    "`{ident}` names a credential, but it would be kept and shown as plain text (its `Debug` prints it); declare it `#[login(secret)] {ident}: Secret` (`Option<Secret>` when it may be left unset), or, if it holds no secret, give the field another name and keep its name on the wire with `rename = \"{wire}\"`"
                )).with_span(&ident));
            }
            _ => {}
        }
        let source = match (args.refresh_token, args.from_login) {
            (Some(span), Some(from_login)) => {
                errors.push(
                    Error::custom(format!(
                        "`{ident}` is both the refresh token and a value of the login; keep `refresh_token` on the field that carries the session's refresh token, and `from_login` on those copied from the login"
                    ))
                    .with_span(&from_login.span),
                );
                FieldSource::RefreshToken(span)
            }
            (Some(span), None) => FieldSource::RefreshToken(span),
            (None, Some(from_login)) => FieldSource::FromLogin {
                // Spanned at `from_login`, so a login without that field is reported there.
                field: from_login.field.unwrap_or_else(|| {
                    let mut field = ident.clone();
                    field.set_span(from_login.span);
                    field
                }),
                span: from_login.span,
            },
            (None, None) => FieldSource::Builder,
        };
        let placement = FieldPlacement {
            header: args.header,
            in_header: args.in_header,
            query: args.query,
            path: args.path,
            cookie: args.cookie,
            basic_auth: args.basic_auth,
            body: args.body,
            rename: args.rename,
            written: args.written,
        };
        let Some((placement, also)) = placement
            .resolve(&ident, optional.is_some(), body, &mut unplaced, errors)
            .and_then(|placements| {
                let mut placements = placements.into_iter();
                Some((placements.next()?, placements.collect()))
            })
        else {
            // Its `rename` is reported; kept as a stand-in so the builder is complete.
            let mut stand_in = Field::stand_in(&ident, &ty);
            stand_in.secret = secret;
            fields.push(stand_in);
            continue;
        };
        fields.push(Field {
            ident,
            ty,
            optional,
            secret,
            placement,
            also,
            source,
            unread: false,
        });
    }
    if let Some(first) = unplaced.first() {
        let names = unplaced
            .iter()
            .map(|ident| format!("`{ident}`"))
            .collect::<Vec<_>>();
        let names = match names.as_slice() {
            [one] => one.clone(),
            [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
            [] => String::new(),
        };
        let (verb, each) = if unplaced.len() == 1 {
            ("has", "it")
        } else {
            ("have", "each")
        };
        errors.push(
            Error::custom(format!(
                "{}, so {names} {verb} nowhere to go; send {each} in the query with `#[login(query)]`, or as a header with `#[login(header = \"...\")]`",
                body.without_body()
            ))
            .with_span(&body.span.unwrap_or_else(|| first.span())),
        );
    }
    Some(fields)
}

use crate::attr::{BasicAuthArg, FieldArgs, PlacementName};

/// The keys of `#[login(...)]` that say where a field goes.
struct FieldPlacement {
    header: Option<SpannedValue<String>>,
    in_header: Option<SpannedValue<String>>,
    query: Option<PlacementName>,
    path: Option<PlacementName>,
    cookie: Option<PlacementName>,
    basic_auth: Option<BasicAuthArg>,
    /// `body`: in the body as well as its other placements.
    body: Option<Span>,
    rename: Option<SpannedValue<String>>,
    /// The placement keys in the order written (`body` among them), each once: a key given
    /// twice is reported and set aside when the attribute is read.
    written: Vec<(String, Span)>,
}

impl FieldPlacement {
    /// Where the field goes, in the order its keys are written: each placement key sends it
    /// there, and the body has it when no other key is written or when `body` is. Never
    /// empty; `None` when its `rename` cannot be read (reported).
    fn resolve(
        self,
        ident: &Ident,
        optional: bool,
        body: BodyContext,
        unplaced: &mut Vec<Ident>,
        errors: &mut darling::error::Accumulator,
    ) -> Option<Vec<Placement>> {
        let others: Vec<&str> = self
            .written
            .iter()
            .map(|(key, _)| key.as_str())
            .filter(|key| *key != "body")
            .collect();
        let in_body = others.is_empty() || self.body.is_some();
        if let (Some(rename), Some(chosen), false) = (&self.rename, others.first(), in_body) {
            let name = rename.as_str();
            let hint = match *chosen {
                "query" => {
                    format!("write the parameter's name in `#[login(query = \"{name}\")]` instead")
                }
                "path" => {
                    format!("write the placeholder's name in `#[login(path = \"{name}\")]` instead")
                }
                "cookie" => {
                    format!("write the cookie's name in `#[login(cookie = \"{name}\")]` instead")
                }
                "header" => "the header's name is already given; remove `rename`".to_owned(),
                "in_header" => {
                    "the placeholder is named like the field; rename the field instead".to_owned()
                }
                _ => "remove `rename`".to_owned(),
            };
            let chosen = match *chosen {
                "header" => "header = ...",
                "in_header" => "in_header = ...",
                "basic_auth" => "basic_auth = ...",
                other => other,
            };
            errors.push(
                Error::custom(format!(
                    "`rename` names a body key, but this field is sent by `{chosen}`; {hint}, or add `body` to send it in the body as well"
                ))
                .with_span(&rename.span()),
            );
        }
        // A `rename` refused above is read as the name it meant for the query parameter,
        // placeholder or cookie, so that name's own checks report nothing more.
        let meant = self.rename.clone().filter(|_| !in_body);
        let named = |name: &Option<SpannedValue<String>>, span: Span| {
            name.clone()
                .or_else(|| meant.clone())
                .unwrap_or_else(|| SpannedValue::new(ident.to_string(), span))
        };
        let mut placements = Vec::new();
        for (key, _) in &self.written {
            let placement = match key.as_str() {
                "header" => self.header.as_ref().map(|header| {
                    // An invalid name is reported; the field is kept for the fallback's builder.
                    let name = errors
                        .handle(check_header_name(header))
                        .unwrap_or_else(|| header.to_ascii_lowercase());
                    Placement::Header(SpannedValue::new(name, header.span()))
                }),
                "in_header" => self.in_header.as_ref().map(|header| {
                    if optional {
                        errors.push(Error::custom(format!(
                            "a header's placeholder is always filled, so `{ident}` cannot be an `Option`; give it the inner type"
                        )).with_span(&header.span()));
                    }
                    let name = errors
                        .handle(check_header_name(header))
                        .unwrap_or_else(|| header.to_ascii_lowercase());
                    Placement::InHeader(SpannedValue::new(name, header.span()))
                }),
                "query" => self.query.as_ref().map(|query| {
                    let key = named(&query.name, query.span);
                    if key.is_empty() {
                        errors.push(
                            Error::custom(format!(
                                "a query parameter's name cannot be empty; write the vendor's name, e.g. `#[login(query = \"api_key\")]`, or `#[login(query)]` for `{ident}`"
                            ))
                            .with_span(&key.span()),
                        );
                    }
                    Placement::Query(key)
                }),
                "path" => self.path.as_ref().map(|path| {
                    if optional {
                        errors.push(Error::custom(format!(
                            "a path parameter is always sent, so `{ident}` cannot be an `Option`; give it the inner type"
                        )).with_span(&path.span));
                    }
                    let mut name = named(&path.name, path.span);
                    // `path = "{realm}"`: the braces are `path`'s; the name is read without them.
                    if let Some(inner) = name
                        .strip_prefix('{')
                        .and_then(|rest| rest.strip_suffix('}'))
                        .filter(|inner| !inner.is_empty())
                    {
                        errors.push(
                            Error::custom(format!(
                                "write the placeholder's name without braces: `#[login(path = \"{inner}\")]`, or `#[login(path)]` for `{{{ident}}}`; the braces are written in `path`"
                            ))
                            .with_span(&name.span()),
                        );
                        name = SpannedValue::new(inner.to_owned(), name.span());
                    }
                    if name.is_empty() {
                        errors.push(
                            Error::custom(format!(
                                "a placeholder's name cannot be empty; write the name in `path`'s braces, e.g. `#[login(path = \"realm\")]`, or `#[login(path)]` for `{{{ident}}}`"
                            ))
                            .with_span(&name.span()),
                        );
                    }
                    Placement::Path(name)
                }),
                "cookie" => self.cookie.as_ref().map(|cookie| {
                    let name = named(&cookie.name, cookie.span);
                    // An invalid name is reported; the field is kept for the fallback's builder.
                    errors.handle(check_cookie_name(name.clone()));
                    Placement::Cookie(name)
                }),
                "basic_auth" => self.basic_auth.as_ref().map(|basic| {
                    if optional {
                        errors.push(Error::custom(format!(
                            "HTTP Basic credentials are always sent, so `{ident}` cannot be an `Option`; give it the inner type"
                        )).with_span(&basic.span));
                    }
                    Placement::BasicAuth(SpannedValue::new(basic.part, basic.span))
                }),
                // `body`: placed where it is written, below.
                _ => None,
            };
            placements.extend(placement);
        }
        // `body` beside other placements in a request without a body: the field is still sent
        // by those, so the mistake is `body` alone.
        if let (Some(span), BodyFormat::None, Some(chosen)) =
            (self.body, body.format, others.first())
        {
            errors.push(
                Error::custom(format!(
                    "{}, so `body` sends `{ident}` nowhere; remove `body`: `{ident}` is sent by `{chosen}`",
                    body.without_body()
                ))
                .with_span(&span),
            );
            return Some(placements);
        }
        if in_body {
            let body_placement = self.body_placement(ident, body, unplaced, errors)?;
            // Where `body` is written among the keys, so placements keep the order written.
            let at = self
                .written
                .iter()
                .take_while(|(key, _)| key != "body")
                .count();
            placements.insert(at.min(placements.len()), body_placement);
        }
        Some(placements)
    }

    /// The field's place in the body: under its name, or the key `rename` gives. `None` when
    /// its `rename` cannot be read (reported).
    fn body_placement(
        &self,
        ident: &Ident,
        body: BodyContext,
        unplaced: &mut Vec<Ident>,
        errors: &mut darling::error::Accumulator,
    ) -> Option<Placement> {
        let (keys, span) = match &self.rename {
            Some(rename) => {
                let keys: Vec<String> = rename.split('.').map(str::to_owned).collect();
                if keys.iter().any(|k| k.is_empty()) {
                    let kept: Vec<&str> = keys
                        .iter()
                        .map(String::as_str)
                        .filter(|k| !k.is_empty())
                        .collect();
                    let message = if rename.is_empty() {
                        format!(
                            "`rename` cannot be empty; write the key the vendor names, e.g. `rename = \"{ident}\"`, or remove `rename` to use the field's name"
                        )
                    } else if kept.is_empty() {
                        format!(
                            "`{}` has no key between its dots; write the key the vendor names, e.g. `rename = \"{ident}\"`",
                            rename.as_str()
                        )
                    } else {
                        format!(
                            "`{}` has an empty key between its dots; write `rename = \"{}\"` (dotted keys nest, as in `password.value`)",
                            rename.as_str(),
                            kept.join(".")
                        )
                    };
                    errors.push(Error::custom(message).with_span(&rename.span()));
                    return None;
                }
                (keys, rename.span())
            }
            None => (vec![ident.to_string()], ident.span()),
        };
        match body.format {
            BodyFormat::Json => Some(Placement::JsonBody(SpannedValue::new(keys, span))),
            BodyFormat::Form => match &self.rename {
                Some(rename) if keys.len() > 1 => {
                    let flat = keys.join("_");
                    errors.push(Error::custom(format!(
                        "`{}` is a nested key, but a form body is flat; write one key such as `rename = \"{flat}\"`, or `body = json` to nest it",
                        rename.as_str()
                    )).with_span(&rename.span()));
                    // Reported; kept so the struct's builder is still complete.
                    Some(Placement::JsonBody(SpannedValue::new(keys, span)))
                }
                _ => Some(Placement::FormBody(SpannedValue::new(keys.join("."), span))),
            },
            BodyFormat::None => {
                // Reported once for all such fields, by `collect_fields`; kept so the struct's
                // builder is still complete.
                unplaced.push(ident.clone());
                Some(Placement::JsonBody(SpannedValue::new(keys, span)))
            }
        }
    }
}

/// `T` for a type written `Option<T>` (or `core::option::Option<T>`).
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if last.ident != "Option" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(args) = &last.arguments else {
        return None;
    };
    match args.args.first() {
        Some(syn::GenericArgument::Type(inner)) if args.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// Whether a type is written as a path ending in `name`, e.g. `Secret` or `auth_core::Secret`.
pub fn last_segment_is(ty: &Type, name: &str) -> bool {
    matches!(ty, Type::Path(path) if path.qself.is_none() && path.path.segments.last().is_some_and(|s| s.ident == name && s.arguments.is_none()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spanned(text: &str) -> SpannedValue<String> {
        SpannedValue::new(text.to_owned(), Span::call_site())
    }

    #[test]
    fn durations() {
        assert_eq!(parse_duration(&spanned("30s")).unwrap(), 30);
        assert_eq!(parse_duration(&spanned("5m")).unwrap(), 300);
        assert_eq!(parse_duration(&spanned("1h30m")).unwrap(), 5400);
        assert_eq!(parse_duration(&spanned("2d")).unwrap(), 172_800);
        for bad in [
            "",
            "5",
            "m",
            "5 minutes",
            "-1s",
            "0s",
            "99999999999999999999d",
        ] {
            assert!(parse_duration(&spanned(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn urls() {
        for good in [
            "https://api.example.com",
            "http://127.0.0.1:8080/api",
            "https://[::1]:9/x",
        ] {
            assert!(check_base_url(&spanned(good)).is_ok(), "{good}");
        }
        for bad in [
            "api.example.com",
            "ftp://x",
            "https://",
            "https://u:p@x",
            "https://x/?q",
            "https://x y",
            "https://x:port",
        ] {
            assert!(check_base_url(&spanned(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn kind_suggestions() {
        let err = check_kind(&Ident::new("InvalidCredential", Span::call_site())).unwrap_err();
        assert!(
            err.to_string()
                .contains("did you mean `InvalidCredentials`?"),
            "{err}"
        );
        let err = check_kind(&Ident::new("Timeout", Span::call_site())).unwrap_err();
        assert!(err.to_string().contains("transport"), "{err}");
    }
}
