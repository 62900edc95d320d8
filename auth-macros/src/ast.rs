//! Stage 2: the validated model of one endpoint. Each key is checked on its own here; checks
//! that relate several keys or fields live in `valid.rs`. Tokens are kept for their spans.

use darling::util::SpannedValue;
use darling::{Error, FromField};
use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Expr, Fields, Ident, ItemStruct, Lit, Type};

use crate::attr::{
    EndpointArgs, ExpiryArg, FieldPath, KEYS, MAX_KEY_DISTANCE, SourceArg, StatusArms, closest,
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
    pub vendor: String,
    pub base_url: String,
    pub path: String,
    pub method: Ident,
    pub content_type: String,
    pub headers: Vec<(SpannedValue<String>, String)>,
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
    pub placement: Placement,
}

#[derive(Clone)]
pub enum Placement {
    /// In the JSON body under this path of keys (`["password", "value"]`).
    Body(SpannedValue<Vec<String>>),
    /// As this header (lowercase name).
    Header(SpannedValue<String>),
}

impl Field {
    pub fn is_required(&self) -> bool {
        self.optional.is_none()
    }
}

impl Endpoint {
    /// Builds the model, reporting every problem found into `errors`. Returns `None` when a
    /// problem leaves nothing sensible to expand.
    pub fn from_args(
        args: EndpointArgs,
        item: ItemStruct,
        fields: Vec<Field>,
        errors: &mut darling::error::Accumulator,
    ) -> Option<Self> {
        // A key reported as misspelt (`vendr`, "did you mean `vendor`?") is not also missing.
        let misspelt: Vec<&str> = args
            .unknown_keys
            .iter()
            .filter_map(|key| closest(key, KEYS, MAX_KEY_DISTANCE))
            .collect();
        let mut missing = |key: &str, example: &str| {
            if !misspelt.contains(&key) {
                errors.push(Error::custom(format!(
                    "`{key}` is missing; add it, e.g. `{example}`"
                )));
            }
        };
        if args.vendor.is_none() {
            missing("vendor", "vendor = \"Hypernative\"");
        }
        if args.base_url.is_none() {
            missing("base_url", "base_url = \"https://api.example.com\"");
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
        if let Some(vendor) = &args.vendor
            && vendor.trim().is_empty()
        {
            errors.push(Error::custom("`vendor` is empty; name the vendor as its users know it, e.g. `vendor = \"Hypernative\"`").with_span(&vendor.span()));
        }
        if let Some(base_url) = &args.base_url {
            errors.handle(check_base_url(base_url));
        }
        if let Some(path) = &args.path {
            errors.handle(check_path(path));
        }
        let method = errors
            .handle(check_method(args.method.as_ref()))
            .unwrap_or_else(|| Ident::new("Post", Span::call_site()));
        let content_type = match &args.content_type {
            None => "application/json".to_owned(),
            Some(ct) => {
                errors.handle(check_content_type(ct));
                ct.to_string()
            }
        };
        let mut headers = Vec::new();
        for header in args.header {
            if let Some(name) = errors.handle(check_header_name(&header.name)) {
                if name == "content-type" {
                    errors.push(Error::custom("set the content type with `content_type = \"...\"`, not with `header(...)`").with_span(&header.name.span()));
                    continue;
                }
                if errors.handle(check_header_value(&header.value)).is_some() {
                    headers.push((
                        SpannedValue::new(name, header.name.span()),
                        header.value.to_string(),
                    ));
                }
            }
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
        let credentials = args.token.and_then(|token| {
            Credentials::from_args(
                CredentialArgs {
                    token,
                    refresh_token: args.refresh_token,
                    expires_at: args.expires_at,
                    expires_in: args.expires_in,
                    refresh_expires_at: args.refresh_expires_at,
                    refresh_expires_in: args.refresh_expires_in,
                },
                errors,
            )
        });

        let (Some(vendor), Some(base_url), Some(path), Some(response), Some(credentials)) = (
            args.vendor,
            args.base_url,
            args.path,
            args.response,
            credentials,
        ) else {
            return None;
        };
        Some(Endpoint {
            item,
            vendor: vendor.trim().to_owned(),
            base_url: base_url.to_string(),
            path: path.to_string(),
            method,
            content_type,
            headers,
            response,
            error_body: args.error_body,
            credentials,
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

fn check_path(path: &SpannedValue<String>) -> darling::Result<()> {
    let fail = |why: &str| Err(Error::custom(format!("`path` {why}")).with_span(&path.span()));
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
        return fail("must not have a query or fragment");
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
        "GET" | "HEAD" | "DELETE" | "OPTIONS" => {
            return Err(Error::custom(format!(
                "a login sends its fields in a JSON body, which `{}` does not carry; use `method = \"POST\"` (the default), `\"PUT\"` or `\"PATCH\"`",
                method.as_str()
            ))
            .with_span(&method.span()));
        }
        _ => {
            return Err(Error::custom(format!(
                "unknown HTTP method `{}`; use `\"POST\"` (the default), `\"PUT\"` or `\"PATCH\"`",
                method.as_str()
            ))
            .with_span(&method.span()));
        }
    };
    Ok(Ident::new(variant, method.span()))
}

fn check_content_type(ct: &SpannedValue<String>) -> darling::Result<()> {
    let essence = ct
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence != "application/json" && !essence.ends_with("+json") {
        return Err(Error::custom(format!(
            "the body is JSON, so `content_type` must be `application/json` or a `+json` type (parameters such as `; charset=utf-8` are fine), not `{}`",
            ct.as_str()
        ))
        .with_span(&ct.span()));
    }
    check_header_value(ct)
}

/// Checks a header name and returns it in lowercase.
pub fn check_header_name(name: &SpannedValue<String>) -> darling::Result<String> {
    const TCHAR_SYMBOLS: &str = "!#$%&'*+-.^_`|~";
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || TCHAR_SYMBOLS.contains(c))
    {
        return Err(Error::custom(format!(
            "`{}` is not a valid header name; header names are ASCII letters, digits and `-` (e.g. `x-api-key`)",
            name.as_str()
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
        return Err(Error::custom("a header value must not be empty").with_span(&value.span()));
    }
    Ok(())
}

/// Parses `30s`, `5m`, `2h`, `1d` and sums such as `1h30m` into seconds.
pub fn parse_duration(text: &SpannedValue<String>) -> darling::Result<u64> {
    let fail = || {
        Error::custom(format!(
            "`{}` is not a duration; write a number with a unit: `30s`, `5m`, `2h`, `1d` (or a sum such as `1h30m`)",
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
    let suggestion = closest(&name, STATUS_KINDS, 3)
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
    /// A response header, lowercase name.
    Header(SpannedValue<String>),
    /// A cookie the response sets.
    Cookie(SpannedValue<String>),
}

impl Source {
    pub fn span(&self) -> Span {
        match self {
            Source::Body(path) => path.span,
            Source::Header(name) | Source::Cookie(name) => name.span(),
        }
    }

    /// Whether two sources name the same value.
    pub fn same_as(&self, other: &Source) -> bool {
        match (self, other) {
            (Source::Body(a), Source::Body(b)) => a.dotted() == b.dotted(),
            (Source::Header(a), Source::Header(b)) | (Source::Cookie(a), Source::Cookie(b)) => {
                a.as_str() == b.as_str()
            }
            _ => false,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TimeFormat {
    Rfc3339,
    UnixSeconds,
    UnixMillis,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TimeUnit {
    Seconds,
    Millis,
}

/// Where a response states an expiry, and how.
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
    pub token: SourceArg,
    pub refresh_token: Option<SourceArg>,
    pub expires_at: Option<ExpiryArg>,
    pub expires_in: Option<ExpiryArg>,
    pub refresh_expires_at: Option<ExpiryArg>,
    pub refresh_expires_in: Option<ExpiryArg>,
}

impl Credentials {
    /// Checks each response key, reporting every problem into `errors`. `None` when the token's
    /// source is unusable.
    fn from_args(args: CredentialArgs, errors: &mut darling::error::Accumulator) -> Option<Self> {
        let token = errors.handle(check_source(args.token));
        let refresh_declared = args.refresh_token.is_some();
        let refresh_token = args
            .refresh_token
            .and_then(|source| errors.handle(check_source(source)));
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
        Some(Credentials {
            token: token?,
            refresh_token,
            expiry,
            refresh_expiry,
        })
    }
}

fn check_source(source: SourceArg) -> darling::Result<Source> {
    match source {
        SourceArg::Body(path) => Ok(Source::Body(path)),
        SourceArg::Header(name) => {
            if name.eq_ignore_ascii_case("set-cookie") {
                return Err(Error::custom(
                    "a cookie is read with `cookie(\"<name>\")`, which parses `Set-Cookie` for you",
                )
                .with_span(&name.span()));
            }
            Ok(Source::Header(SpannedValue::new(
                check_response_header_name(&name)?,
                name.span(),
            )))
        }
        SourceArg::Cookie(name) => Ok(Source::Cookie(check_cookie_name(name)?)),
    }
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
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || TCHAR_SYMBOLS.contains(c))
    {
        return Err(Error::custom(format!(
            "`{}` is not a valid header name; header names are ASCII letters, digits and `-` (e.g. `X-Subject-Token`)",
            name.as_str()
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
    let Some(format) = arg.format else {
        return Ok(if relative {
            Expiry::In(source, TimeUnit::Seconds)
        } else {
            Expiry::At(source, TimeFormat::Rfc3339)
        });
    };
    let name = format.to_string();
    let at_key = key.replace("_in", "_at");
    let in_key = key.replace("_at", "_in");
    match (relative, name.as_str()) {
        (false, "rfc3339") => Ok(Expiry::At(source, TimeFormat::Rfc3339)),
        (false, "unix_seconds") => Ok(Expiry::At(source, TimeFormat::UnixSeconds)),
        (false, "unix_millis") => Ok(Expiry::At(source, TimeFormat::UnixMillis)),
        (true, "seconds") => Ok(Expiry::In(source, TimeUnit::Seconds)),
        (true, "millis") => Ok(Expiry::In(source, TimeUnit::Millis)),
        (false, "seconds" | "millis") => Err(Error::custom(format!(
            "`{key}` reads an instant; for {name} from now write `{in_key}({name} = ...)`, for a Unix time `{key}(unix_{name} = ...)`"
        ))
        .with_span(&format)),
        (true, "rfc3339" | "unix_seconds" | "unix_millis") => Err(Error::custom(format!(
            "`{name}` is an instant, not a duration; write `{at_key}({name} = ...)`"
        ))
        .with_span(&format)),
        _ => {
            let formats: &[&str] = if relative {
                &["seconds", "millis"]
            } else {
                &["rfc3339", "unix_seconds", "unix_millis"]
            };
            let suggestion = closest(&name, formats, MAX_KEY_DISTANCE)
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
        return Err(Error::custom(
            "a login endpoint cannot be generic; give its fields concrete types",
        )
        .with_span(&item.generics));
    }
    match &item.fields {
        Fields::Named(_) => Ok(()),
        Fields::Unnamed(_) => Err(Error::custom("a login endpoint needs named fields, one per request field: `struct Login { email: String, ... }`").with_span(&item.fields)),
        Fields::Unit => Err(Error::custom("a login endpoint needs named fields, one per request field: `struct Login { email: String, ... }`").with_span(&item.ident)),
    }
}

/// `#[derive(Debug)]` would print secrets and clash with the `Debug` the macro writes. It is
/// reported and taken out of the derive, so it does not clash with the fallback's `Debug` too.
fn check_derives(item: &mut ItemStruct, errors: &mut darling::error::Accumulator) {
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
        let (debug, others): (Vec<_>, Vec<_>) = paths.into_iter().partition(|path| {
            path.segments
                .last()
                .is_some_and(|segment| segment.ident == "Debug")
        });
        if debug.is_empty() {
            kept.push(attr);
            continue;
        }
        for path in &debug {
            errors.push(
                Error::custom(
                    "`#[login_endpoint]` writes a `Debug` that redacts secret fields; remove `Debug` from this derive",
                )
                .with_span(path),
            );
        }
        if !others.is_empty() {
            kept.push(syn::parse_quote_spanned!(attr.span()=> #[derive(#(#others),*)]));
        }
    }
    item.attrs = kept;
}

/// Checks the item's shape, reads each field's `#[login(...)]`, removes those attributes from
/// the item, and builds the field model.
pub fn fields_of(
    item: &mut ItemStruct,
    errors: &mut darling::error::Accumulator,
) -> Option<Vec<Field>> {
    check_derives(item, errors);
    if let Err(error) = check_item(item) {
        errors.push(error);
        for field in item.fields.iter_mut() {
            field.attrs.retain(|attr| !attr.path().is_ident("login"));
        }
        return None;
    }
    collect_fields(item, errors)
}

fn collect_fields(
    item: &mut ItemStruct,
    errors: &mut darling::error::Accumulator,
) -> Option<Vec<Field>> {
    let mut fields = Vec::new();
    for field in item.fields.iter_mut() {
        let parsed = errors.handle(FieldArgs::from_field(field));
        field.attrs.retain(|attr| !attr.path().is_ident("login"));
        let Some(args) = parsed else {
            // Its attribute's error is reported; the field is kept, redacted, so the fallback
            // still writes a complete builder.
            if let Some(ident) = &field.ident {
                fields.push(Field {
                    ident: ident.clone(),
                    ty: field.ty.clone(),
                    optional: option_inner(&field.ty).cloned(),
                    secret: Some(ident.span()),
                    placement: Placement::Body(SpannedValue::new(
                        vec![ident.to_string()],
                        ident.span(),
                    )),
                });
            }
            continue;
        };
        let Some(ident) = args.ident else { continue };
        let optional = option_inner(&args.ty).cloned();
        let is_secret_type = last_segment_is(optional.as_ref().unwrap_or(&args.ty), "Secret");
        let secret = args.secret.is_present().then(|| args.secret.span());
        match (secret, is_secret_type) {
            (Some(span), false) => errors.push(Error::custom(format!(
                "`#[login(secret)]` needs the field to be `auth_core::Secret` (or `Option<Secret>`), so it is redacted and zeroized; change the type of `{ident}` to `Secret`"
            )).with_span(&span).with_span(&args.ty)),
            (None, true) => errors.push(Error::custom(format!(
                "`{ident}` is a `Secret` but not marked as one; add `#[login(secret)]` so its redaction is visible in the declaration"
            )).with_span(&ident)),
            _ => {}
        }
        let placement = match (args.header, args.rename) {
            (Some(header), rename) => {
                if let Some(rename) = rename {
                    errors.push(Error::custom("`rename` names a JSON key, but this field is sent as a header; remove `rename`").with_span(&rename.span()));
                }
                // An invalid name is reported; the field is kept for the fallback's builder.
                let name = errors
                    .handle(check_header_name(&header))
                    .unwrap_or_else(|| header.to_ascii_lowercase());
                Placement::Header(SpannedValue::new(name, header.span()))
            }
            (None, Some(rename)) => {
                let keys: Vec<String> = rename.split('.').map(str::to_owned).collect();
                if keys.iter().any(|k| k.is_empty()) {
                    errors.push(Error::custom(format!(
                        "`{}` has an empty key; `rename` takes a JSON key, or dotted keys for nesting such as `password.value`",
                        rename.as_str()
                    )).with_span(&rename.span()));
                    continue;
                }
                Placement::Body(SpannedValue::new(keys, rename.span()))
            }
            (None, None) => {
                Placement::Body(SpannedValue::new(vec![ident.to_string()], ident.span()))
            }
        };
        fields.push(Field {
            ident,
            ty: args.ty,
            optional,
            secret,
            placement,
        });
    }
    Some(fields)
}

use crate::attr::FieldArgs;

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
