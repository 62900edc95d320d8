//! Stage 1: the attribute's arguments as darling reads them, before any checks.

use darling::FromMeta;
use darling::ast::NestedMeta;
use darling::util::SpannedValue;
use proc_macro2::{Span, TokenStream};
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Expr, Ident, LitInt, Token};

/// `#[login_endpoint(...)]`.
#[derive(Debug, FromMeta)]
pub struct EndpointArgs {
    #[darling(default, with = |meta| type_path(meta, "refreshes = Login"), map = Some)]
    pub refreshes: Option<syn::Path>,
    #[darling(default, with = |meta| type_path(meta, "refresh = LoginRefresh"), map = Some)]
    pub refresh: Option<syn::Path>,
    // The required keys are optional here so that `ast.rs` reports a missing one with an
    // example, and so a misspelt key (`vendr`) is not also reported as missing.
    #[darling(default, with = |meta| quoted(meta, "vendor = \"Hypernative\""), map = Some)]
    pub vendor: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| quoted(meta, "base_url = \"https://api.example.com\""), map = Some)]
    pub base_url: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| quoted(meta, "path = \"/auth/login\""), map = Some)]
    pub path: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| quoted(meta, "method = \"PUT\""), map = Some)]
    pub method: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| quoted(meta, "content_type = \"application/json; charset=utf-8\""), map = Some)]
    pub content_type: Option<SpannedValue<String>>,
    #[darling(default, with = BodyArg::parse, map = Some)]
    pub body: Option<BodyArg>,
    #[darling(multiple)]
    pub header: Vec<HeaderArg>,
    #[darling(multiple)]
    pub constant: Vec<ConstantList>,
    #[darling(multiple)]
    pub query: Vec<ConstantList>,
    #[darling(multiple)]
    pub cookie: Vec<ConstantList>,
    #[darling(default, with = |meta| type_path(meta, "response = LoginResponse"), map = Some)]
    pub response: Option<syn::Path>,
    #[darling(default)]
    pub token: Option<SourceArg>,
    #[darling(default)]
    pub refresh_token: Option<SourceArg>,
    #[darling(default)]
    pub expires_at: Option<ExpiryArg>,
    #[darling(default)]
    pub expires_in: Option<ExpiryArg>,
    #[darling(default)]
    pub refresh_expires_at: Option<ExpiryArg>,
    #[darling(default)]
    pub refresh_expires_in: Option<ExpiryArg>,
    #[darling(default, with = |meta| quoted(meta, "lifetime = \"2h\""), map = Some)]
    pub lifetime: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| quoted(meta, "idle_timeout = \"5m\""), map = Some)]
    pub idle_timeout: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| quoted(meta, "lockout = \"30m\""), map = Some)]
    pub lockout: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| type_path(meta, "error_body = ErrorBody"), map = Some)]
    pub error_body: Option<syn::Path>,
    #[darling(default)]
    pub status: Option<StatusArms>,
    #[darling(default)]
    pub body_failure: Option<BodyFailureArg>,
    /// Keys given that the macro does not know, already reported.
    #[darling(skip)]
    pub unknown_keys: Vec<String>,
    /// Keys given whose value could not be read, already reported.
    #[darling(skip)]
    pub invalid_keys: Vec<String>,
}

/// A string value, with the span of its literal. darling's own error for a value without
/// quotes ("Unexpected type `int`") does not say what to write; this one does.
fn quoted(meta: &syn::Meta, example: &str) -> darling::Result<SpannedValue<String>> {
    match meta {
        syn::Meta::NameValue(pair) => match &pair.value {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) => Ok(SpannedValue::new(text.value(), text.span())),
            // A bare name is most likely the text meant: `rename = orgId`.
            Expr::Path(path) if path.path.get_ident().is_some() && path.qself.is_none() => {
                Err(darling::Error::custom(format!(
                    "write the value in quotes: `{} = \"{}\"`",
                    path_name(meta.path()),
                    path_name(&path.path)
                ))
                .with_span(&pair.value))
            }
            Expr::Lit(syn::ExprLit {
                lit: lit @ (syn::Lit::Int(_) | syn::Lit::Float(_) | syn::Lit::Bool(_)),
                ..
            }) => {
                let key = path_name(meta.path());
                let written = quote::ToTokens::to_token_stream(lit).to_string();
                let unit = match lit {
                    syn::Lit::Int(int) if !int.suffix().is_empty() => {
                        Some((int.base10_digits(), int.suffix()))
                    }
                    _ => None,
                };
                let message = if let Some((digits, unit)) = unit
                    && matches!(key.as_str(), "lifetime" | "idle_timeout" | "lockout")
                {
                    // `lifetime = 2h`: the number and its unit, written without quotes.
                    format!("write the duration in quotes: `{key} = \"{digits}{unit}\"`")
                } else if matches!(key.as_str(), "lifetime" | "idle_timeout" | "lockout") {
                    format!(
                        "a duration is text with its unit: `{key} = \"{written}s\"` for seconds, `{key} = \"{written}m\"` for minutes"
                    )
                } else {
                    format!("write the value in quotes: `{key} = \"{written}\"`")
                };
                Err(darling::Error::custom(message).with_span(lit))
            }
            // `env!("API_KEY")`, `config::API_KEY`: values of the program, which the macro
            // cannot read.
            other @ (Expr::Macro(_) | Expr::Path(_)) => {
                let written = quote::ToTokens::to_token_stream(other)
                    .to_string()
                    .replace(" !", "!")
                    .replace(" (", "(")
                    .replace(" :: ", "::");
                let key = path_name(meta.path());
                let runtime = if key == "value" {
                    "; for a value known only when the program runs, send a field of the struct in it: `header(name = \"apikey\", value = \"{api_key}\")` with `#[login(secret, in_header = \"apikey\")] api_key: Secret`, or `#[login(secret, header = \"apikey\")] api_key: Secret` alone"
                } else {
                    ""
                };
                Err(darling::Error::custom(format!(
                    "`{written}` is a value of the program, which a declaration cannot read: write the text in quotes, e.g. `{example}`{runtime}"
                ))
                .with_span(other))
            }
            // `lifetime = Duration::from_secs(7200)`: a `std::time::Duration`, as code writes it.
            Expr::Call(call)
                if matches!(
                    path_name(meta.path()).as_str(),
                    "lifetime" | "idle_timeout" | "lockout"
                ) && let Some(seconds) = std_duration_seconds(call) =>
            {
                let key = path_name(meta.path());
                Err(darling::Error::custom(format!(
                    "a duration is written as text with its unit: `{key} = \"{}\"`",
                    compact_duration(seconds)
                ))
                .with_span(&pair.value))
            }
            other => Err(darling::Error::custom(format!(
                "write the value in quotes, e.g. `{example}`"
            ))
            .with_span(other)),
        },
        _ => Err(darling::Error::custom(format!("write `{example}`")).with_span(meta)),
    }
}

/// The seconds of `Duration::from_secs(7200)` (or `from_mins`, `from_hours`, `from_millis` of
/// whole seconds), as a `std::time::Duration` is made in code.
fn std_duration_seconds(call: &syn::ExprCall) -> Option<u64> {
    let Expr::Path(func) = &*call.func else {
        return None;
    };
    let constructor = func.path.segments.last()?.ident.to_string();
    let [
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(amount),
            ..
        }),
    ] = call.args.iter().collect::<Vec<_>>().as_slice()
    else {
        return None;
    };
    let amount: u64 = amount.base10_parse().ok()?;
    let seconds = match constructor.as_str() {
        "from_secs" => amount,
        "from_mins" => amount.checked_mul(60)?,
        "from_hours" => amount.checked_mul(3600)?,
        "from_millis" if amount.is_multiple_of(1000) => amount / 1000,
        _ => return None,
    };
    (seconds > 0).then_some(seconds)
}

/// Seconds in this macro's notation, largest units first: 5400 → `1h30m`.
fn compact_duration(mut seconds: u64) -> String {
    let mut out = String::new();
    for (size, unit) in [(86_400, 'd'), (3600, 'h'), (60, 'm'), (1, 's')] {
        if seconds >= size {
            out.push_str(&(seconds / size).to_string());
            out.push(unit);
            seconds %= size;
        }
    }
    out
}

/// A type, written as a path without quotes: the rule for every key that names a type or a
/// field (`response = LoginResponse`, `token = data.token`), where names and text are quoted
/// (`vendor = "Hypernative"`).
fn type_path(meta: &syn::Meta, example: &str) -> darling::Result<syn::Path> {
    let key = path_name(meta.path());
    match meta {
        syn::Meta::NameValue(pair) => match &pair.value {
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) => Err(darling::Error::custom(format!(
                "write the type without quotes: `{key} = {}`; types and fields are named bare, text such as `vendor = \"...\"` is quoted",
                text.value().trim()
            ))
            .with_span(text)),
            Expr::Path(path) if path.qself.is_none() && path.attrs.is_empty() => {
                wrapped_body_type(&key, &path.path).map_or_else(|| Ok(path.path.clone()), Err)
            }
            // `response = LoginResponse | ErrorBody`: a success and a failure as one key.
            Expr::Binary(binary)
                if matches!(binary.op, syn::BinOp::BitOr(_)) && key == "response" =>
            {
                Err(darling::Error::custom(format!(
                    "`response` is the type of a successful answer alone: write `response = {}`, and the type of an error's body as `error_body = {}`",
                    written_path(&binary.left),
                    written_path(&binary.right)
                ))
                .with_span(&binary.op))
            }
            // `response = ()`: an answer whose body holds nothing to read.
            Expr::Tuple(tuple) if tuple.elems.is_empty() && key == "response" => {
                Err(darling::Error::custom(
                    "an answer whose body is not read (its token in a header or a cookie) is `response = auth_core::TextBody`, which keeps the body as text",
                )
                .with_span(tuple))
            }
            other => Err(darling::Error::custom(format!(
                "`{key}` names a type: write `{example}`"
            ))
            .with_span(other)),
        },
        _ => Err(darling::Error::custom(format!("write `{example}`")).with_span(meta)),
    }
}

/// `response = LoginResponse<'a>`: a body is decoded into values of its own, from an answer
/// that is gone once it is read, so it can borrow nothing. Reported at the lifetime.
fn borrowed_body_type(key: &str, path: &syn::Path) -> Option<darling::Error> {
    path.segments.iter().find_map(|segment| {
        let syn::PathArguments::AngleBracketed(arguments) = &segment.arguments else {
            return None;
        };
        arguments.args.iter().find_map(|argument| {
            let syn::GenericArgument::Lifetime(lifetime) = argument else {
                return None;
            };
            Some(
                darling::Error::custom(format!(
                    "a `{key}` type cannot borrow: it is decoded into values of its own; declare `{}` without the lifetime `{lifetime}`, with owned fields (`String` for `&{lifetime} str`), and write `{key} = {}`",
                    segment.ident, segment.ident
                ))
                .with_span(lifetime),
            )
        })
    })
}

/// `response = Option<LoginResponse>`, `error_body = Box<ErrorBody>`: a body's type wrapped
/// as Rust code holds a value; the key names the body's own type. An answer without the
/// token is a `Decode` error already, and an error body that cannot be read is no body.
fn wrapped_body_type(key: &str, path: &syn::Path) -> Option<darling::Error> {
    if !matches!(key, "response" | "error_body") {
        return None;
    }
    if let Some(error) = borrowed_body_type(key, path) {
        return Some(error);
    }
    let last = path.segments.last()?;
    let wrapper = last.ident.to_string();
    if wrapper == "Result" {
        let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
            return None;
        };
        let mut types = arguments.args.iter().map(|argument| {
            quote::ToTokens::to_token_stream(argument)
                .to_string()
                .replace(' ', "")
        });
        let (Some(success), Some(failure)) = (types.next(), types.next()) else {
            return None;
        };
        return Some(
            darling::Error::custom(format!(
                "a success and an error are two keys: write `response = {success}` and `error_body = {failure}`"
            ))
            .with_span(&last.ident),
        );
    }
    if !matches!(wrapper.as_str(), "Option" | "Box" | "Arc" | "Rc") {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    let Some(syn::GenericArgument::Type(inner)) = arguments.args.first() else {
        return None;
    };
    let inner = quote::ToTokens::to_token_stream(inner)
        .to_string()
        .replace(' ', "");
    let why = match (key, wrapper.as_str()) {
        ("response", "Option") => {
            "; an answer without the token is a `Decode` error that names where it was expected"
        }
        ("error_body", "Option") => {
            "; an error whose body is empty or of another shape has no body, and keeps its status"
        }
        _ => "",
    };
    Some(
        darling::Error::custom(format!(
            "`{key}` names the body's own type: write `{key} = {inner}`{why}"
        ))
        .with_span(&last.ident),
    )
}

/// `response = Envelope<Data>` is not an expression, so syn leaves it unread; a key that names
/// a type takes it as a path.
fn generic_type_value(item: NestedMeta) -> NestedMeta {
    let NestedMeta::NameValueInvalidExpr(pair) = &item else {
        return item;
    };
    if !(pair.path.is_ident("response") || pair.path.is_ident("error_body")) {
        return item;
    }
    // The group `group_type_arguments` made of the type.
    let mut value = pair.value.clone().into_iter();
    let value = match (value.next(), value.next()) {
        (Some(proc_macro2::TokenTree::Group(group)), None)
            if group.delimiter() == proc_macro2::Delimiter::Parenthesis =>
        {
            group.stream()
        }
        _ => pair.value.clone(),
    };
    match syn::parse2::<syn::Path>(value) {
        Ok(path) => NestedMeta::Meta(syn::Meta::NameValue(syn::MetaNameValue {
            path: pair.path.clone(),
            eq_token: pair.eq_token,
            value: Expr::Path(syn::ExprPath {
                attrs: Vec::new(),
                qself: None,
                path,
            }),
        })),
        Err(_) => item,
    }
}

/// `response = Envelope<Data, Meta>`: the comma between a type's arguments would end the
/// key's value, as a list's items are split at commas; the type of `response` and
/// `error_body` is put in parentheses, and read whole.
pub fn group_type_arguments(args: TokenStream) -> TokenStream {
    use proc_macro2::{Delimiter, Group, TokenTree};
    let tokens: Vec<TokenTree> = args.into_iter().collect();
    let mut grouped = Vec::with_capacity(tokens.len());
    let mut at = 0;
    while at < tokens.len() {
        let names_a_type = at >= 2
            && matches!(&tokens[at - 1], TokenTree::Punct(p) if p.as_char() == '=')
            && matches!(&tokens[at - 2], TokenTree::Ident(key) if key == "response" || key == "error_body");
        if names_a_type {
            // The type runs to the first comma outside its `<...>`.
            let mut depth = 0usize;
            let mut end = at;
            let mut has_inner_comma = false;
            while end < tokens.len() {
                match &tokens[end] {
                    TokenTree::Punct(p) if p.as_char() == '<' => depth += 1,
                    TokenTree::Punct(p) if p.as_char() == '>' => depth = depth.saturating_sub(1),
                    TokenTree::Punct(p) if p.as_char() == ',' && depth == 0 => break,
                    TokenTree::Punct(p) if p.as_char() == ',' => has_inner_comma = true,
                    _ => {}
                }
                end += 1;
            }
            if has_inner_comma {
                let stream: TokenStream = tokens[at..end].iter().cloned().collect();
                // In parentheses, the type is an expression that cannot end (its last token
                // is `>`), which the list's parser keeps whole as a value it could not read.
                let mut group = Group::new(Delimiter::Parenthesis, stream);
                group.set_span(tokens[at].span());
                grouped.push(TokenTree::Group(group));
                at = end;
                continue;
            }
        }
        grouped.push(tokens[at].clone());
        at += 1;
    }
    grouped.into_iter().collect()
}

/// `#[login_endpoint = "https://api.example.com/auth/login"]` (rustc passes the value alone,
/// after its own "key-value macro attributes are not supported") or `#[login_endpoint("...")]`:
/// one text where the keys belong. One error, with the keys to write, in place of a missing
/// key's for each key.
pub fn keys_not_in_parentheses(args: &TokenStream) -> Option<darling::Error> {
    let mut tokens = args.clone().into_iter();
    let (Some(proc_macro2::TokenTree::Literal(literal)), None) = (tokens.next(), tokens.next())
    else {
        return None;
    };
    let text = match syn::Lit::new(literal.clone()) {
        syn::Lit::Str(text) => text.value(),
        _ => return None,
    };
    let (base_url, path) = match text.split_once("://") {
        Some((scheme, rest)) => match rest.find('/') {
            Some(slash) => (
                format!("{scheme}://{}", &rest[..slash]),
                rest[slash..].to_owned(),
            ),
            None => (text.clone(), "/auth/login".to_owned()),
        },
        None if text.starts_with('/') => ("https://api.example.com".to_owned(), text.clone()),
        None => (
            "https://api.example.com".to_owned(),
            "/auth/login".to_owned(),
        ),
    };
    Some(
        darling::Error::custom(format!(
            "the keys of `#[login_endpoint]` go in parentheses: write `#[login_endpoint(vendor = \"...\", base_url = \"{base_url}\", path = \"{path}\", response = LoginResponse, token = token)]`"
        ))
        .with_span(&literal.span()),
    )
}

/// `status = { 401: InvalidCredentials }`, a list written as another language's map: syn's
/// error names neither the key nor the form. Read as the key alone, whose error says how its
/// list is written.
fn list_key_given_a_value(item: NestedMeta) -> NestedMeta {
    match &item {
        NestedMeta::NameValueInvalidExpr(pair) if pair.path.is_ident("status") => {
            NestedMeta::Meta(syn::Meta::Path(pair.path.clone()))
        }
        _ => item,
    }
}

/// `refreshes(Login)`, `response(LoginResponse)`: a key that names a type, written as a list.
/// Reported at the parentheses, and read as `refreshes = Login`, so that the uses of the
/// declaration that need the type to be right report nothing more.
fn type_key_given_a_list(item: NestedMeta, errors: &mut darling::error::Accumulator) -> NestedMeta {
    let NestedMeta::Meta(syn::Meta::List(list)) = &item else {
        return item;
    };
    let key = path_name(&list.path);
    if !matches!(
        key.as_str(),
        "refreshes" | "refresh" | "response" | "error_body"
    ) {
        return item;
    }
    let Ok(path) = syn::parse2::<syn::Path>(list.tokens.clone()) else {
        return item;
    };
    let written = quote::ToTokens::to_token_stream(&path)
        .to_string()
        .replace(' ', "");
    errors.push(
        darling::Error::custom(format!(
            "a key that names a type takes it after `=`: write `{key} = {written}`"
        ))
        .with_span(&list.delimiter.span().join()),
    );
    NestedMeta::Meta(syn::Meta::NameValue(syn::MetaNameValue {
        path: list.path.clone(),
        eq_token: syn::Token![=](list.delimiter.span().open()),
        value: Expr::Path(syn::ExprPath {
            attrs: Vec::new(),
            qself: None,
            path,
        }),
    }))
}

/// `token = data.token.`: reported at the dot, and read without it.
pub fn without_trailing_dot(
    item: NestedMeta,
    errors: &mut darling::error::Accumulator,
) -> NestedMeta {
    let NestedMeta::NameValueInvalidExpr(pair) = &item else {
        return item;
    };
    let Some((error, fixed)) = trailing_dot(&pair.value) else {
        return item;
    };
    let Ok(value) = syn::parse2::<Expr>(fixed) else {
        return item;
    };
    errors.push(error);
    NestedMeta::Meta(syn::Meta::NameValue(syn::MetaNameValue {
        path: pair.path.clone(),
        eq_token: pair.eq_token,
        value,
    }))
}

/// Every key of `#[login_endpoint(...)]`.
pub const KEYS: &[&str] = &[
    "vendor",
    "base_url",
    "path",
    "method",
    "content_type",
    "body",
    "header",
    "constant",
    "query",
    "cookie",
    "response",
    "token",
    "refresh_token",
    "expires_at",
    "expires_in",
    "refresh_expires_at",
    "refresh_expires_in",
    "lifetime",
    "idle_timeout",
    "lockout",
    "error_body",
    "status",
    "body_failure",
    "refreshes",
    "refresh",
];

/// How far (in edits) a misspelt key may be from a key to be suggested for it.
pub const MAX_KEY_DISTANCE: usize = 2;

// ---------------------------------------------------------------------------------------------
// The one vocabulary of key errors, for every list of keys the macros read: unknown, given
// twice, missing. Each says where the key is written and what to write instead.
// ---------------------------------------------------------------------------------------------

/// A list of keys, as errors name it.
#[derive(Clone, Copy)]
pub struct KeyList {
    /// How errors name the list: "`#[login_endpoint(...)]`".
    pub place: &'static str,
    pub keys: &'static [&'static str],
    /// The keys that may be given more than once.
    pub repeatable: &'static [&'static str],
    /// Another list whose keys are often written here by mistake, and how to say where they
    /// go: a field's `rename` in `#[login_endpoint(...)]`.
    pub elsewhere: Option<(&'static [&'static str], &'static str)>,
    /// The list written right, for a value written without its key.
    pub example: &'static str,
    /// Keys often guessed that the list does not have, each with what to write instead.
    pub guesses: &'static [(&'static str, &'static str)],
    /// What an unknown `key = value` most likely meant when nothing closer is known, from the
    /// key and the value as written: a header's name written as a key.
    pub pair: Option<fn(&str, &str) -> String>,
    /// Keys other derives name a field's wire name with (`json = "orgId"`, serde's `alias`):
    /// given a string, the key to write is `rename`.
    pub renames: &'static [&'static str],
}

/// What to write for a status map under another name (`status_codes(...)`).
const STATUS_HINT: &str = "status codes are mapped to kinds in one `status(...)`: `status(401 => InvalidCredentials, 423 => Locked)`";

/// Whether a key written on the endpoint (`user_agent = "..."`) is the name of a request
/// header, so a value given to it is a `header(...)` rather than a constant: a header of
/// RFC 9110 a login sends, or one named `x-...`.
fn names_a_header(key: &str) -> bool {
    let key = key.to_ascii_lowercase().replace('-', "_");
    key.starts_with("x_")
        || matches!(
            key.as_str(),
            "user_agent"
                | "accept"
                | "accept_language"
                | "accept_encoding"
                | "origin"
                | "referer"
                | "referrer"
                | "authorization"
                | "cache_control"
        )
}

/// `#[login_endpoint(...)]`.
pub const ENDPOINT_KEYS: KeyList = KeyList {
    place: "`#[login_endpoint(...)]`",
    keys: KEYS,
    repeatable: &["header", "constant", "query", "cookie"],
    elsewhere: Some((
        &["secret", "rename", "basic_auth", "from_login"],
        "it is a key of a field's `#[login(...)]`",
    )),
    example: "#[login_endpoint(vendor = \"Hypernative\", path = \"/auth/login\", ...)]",
    guesses: &[
        (
            "prefix",
            "text before the token in a response header is that source's `prefix`: `token = header(\"authorization\", prefix = \"Bearer \")`; a token in the body is read whole",
        ),
        (
            "retries",
            "retries are the client's, the same for every vendor: `LoginClient::builder().retry_policy(RetryPolicy::default().max_attempts(3))`",
        ),
        (
            "retry",
            "retries are the client's, the same for every vendor: `LoginClient::builder().retry_policy(RetryPolicy::default().max_attempts(3))`",
        ),
        (
            "max_retries",
            "retries are the client's, the same for every vendor: `LoginClient::builder().retry_policy(RetryPolicy::default().max_attempts(3))`",
        ),
        (
            "timeout",
            "time limits are the client's: `LoginClient::builder().timeout(Duration::from_secs(10))`; a session's documented lifetime is `lifetime = \"2h\"`",
        ),
        (
            "retry_after",
            "a `Retry-After` header is read from every answer by itself (`AuthError::retry_after()`); a documented wait after a lockout is `lockout = \"30m\"`",
        ),
        (
            "ttl",
            "a documented lifetime is `lifetime = \"2h\"`; one the answer gives is `expires_in = expires_in` (seconds) or `expires_at = ...`",
        ),
        (
            "expiry",
            "a documented lifetime is `lifetime = \"2h\"`; one the answer gives is `expires_in = expires_in` (seconds) or `expires_at = ...`",
        ),
        (
            "expires",
            "a documented lifetime is `lifetime = \"2h\"`; one the answer gives is `expires_in = expires_in` (seconds) or `expires_at = ...`",
        ),
        (
            "headers",
            "each header is one `header(name = \"accept\", value = \"application/json\")`",
        ),
        (
            "url",
            "the host is `base_url = \"https://api.example.com\"` and the endpoint `path = \"/auth/login\"`",
        ),
        (
            "uri",
            "the host is `base_url = \"https://api.example.com\"` and the endpoint `path = \"/auth/login\"`",
        ),
        (
            "endpoint",
            "the host is `base_url = \"https://api.example.com\"` and the endpoint `path = \"/auth/login\"`",
        ),
        (
            "route",
            "the endpoint is `path = \"/auth/login\"`, and its method `method = \"POST\"` (the default)",
        ),
        (
            "post",
            "the endpoint is `path = \"/auth/login\"`; `POST` is the default method, and another is `method = \"PUT\"`",
        ),
        (
            "get",
            "the endpoint is `path = \"/auth/login\"` with `method = \"GET\"`",
        ),
        (
            "put",
            "the endpoint is `path = \"/auth/login\"` with `method = \"PUT\"`",
        ),
        (
            "patch",
            "the endpoint is `path = \"/auth/login\"` with `method = \"PATCH\"`",
        ),
        (
            "token_type",
            "the token's type is how the app presents it, not a key of the login: `session.token()` with `TokenPresentation::bearer()` (the default) or `TokenPresentation::header(HeaderName::from_static(\"x-api-key\"))`",
        ),
        (
            "csrf_token",
            "a second value the answer holds is read from the typed response, `session.response()`; `token` names the one the session keeps as its token",
        ),
        (
            "rename_all",
            "each field is sent under its own name; give a field another with `#[login(rename = \"organizationId\")]` on it",
        ),
        (
            "error",
            "the type an error answer is read into is `error_body = ErrorBody`",
        ),
        (
            "errors",
            "the type an error answer is read into is `error_body = ErrorBody`",
        ),
        (
            "form",
            "a form body is `body = form`, and the values it sends in every request are `constant(grant_type = \"password\")`",
        ),
        (
            "json",
            "a JSON body is the default (`body = json`), and the values it sends in every request are `constant(grant_type = \"password\")`",
        ),
        (
            "code",
            "a vendor's error code is read by the `error_body` type: `#[vendor_error(code = errorCode)]` on it, and `error_body = ErrorBody` here",
        ),
        (
            "error_code",
            "a vendor's error code is read by the `error_body` type: `#[vendor_error(code = errorCode)]` on it, and `error_body = ErrorBody` here",
        ),
        (
            "message",
            "a vendor's error message is read by the `error_body` type: `#[vendor_error(message = error)]` on it, and `error_body = ErrorBody` here",
        ),
        (
            "kind",
            "kinds are given to statuses by `status(423 => Locked)`, and to the error body's codes by `#[vendor_error(kind(code = \"LOCKED\" => Locked))]` on the `error_body` type",
        ),
        (
            "field_errors",
            "field errors are read by the `error_body` type: `#[vendor_error(field_errors(each = errors, field = field, error = code))]` on it, and `error_body = ErrorBody` here",
        ),
        (
            "basic_auth",
            "HTTP Basic credentials are two fields: `#[login(basic_auth = user)]` on the user's and `#[login(secret, basic_auth = password)]` on the password's",
        ),
        (
            "bearer_auth",
            "a token sent in every request's `Authorization` header is a field in a header's template: `header(name = \"authorization\", value = \"Bearer {api_token}\")` here, and `#[login(secret, in_header = \"authorization\")]` on the field",
        ),
        ("status_codes", STATUS_HINT),
        ("statuses", STATUS_HINT),
        ("status_code", STATUS_HINT),
        ("status_map", STATUS_HINT),
        ("error_status", STATUS_HINT),
    ],
    pair: Some(|key, value| {
        if names_a_header(key) {
            return format!(
                "a header sent with every request is `header(name = \"{}\", value = {value})`",
                key.replace('_', "-")
            );
        }
        format!(
            "a value sent in every request is a constant: `constant({key} = {value})` in the body, or `query({key} = {value})`, `cookie({key} = {value})`"
        )
    }),
    renames: &[],
};

/// What to write for a field sent as a bearer token (`#[login(bearer_auth)]`, as reqwest sends one).
const BEARER_HINT: &str = "a field sent as a bearer token is in a header's template: `header(name = \"authorization\", value = \"Bearer {api_token}\")` in `#[login_endpoint(...)]`, and `#[login(secret, in_header = \"authorization\")]` on the field";

/// `#[login(...)]` on a field.
pub const FIELD_KEYS: KeyList = KeyList {
    place: "`#[login(...)]`",
    keys: &[
        "secret",
        "rename",
        "header",
        "in_header",
        "query",
        "path",
        "cookie",
        "basic_auth",
        "body",
        "refresh_token",
        "from_login",
    ],
    repeatable: &[],
    elsewhere: Some((
        KEYS,
        "it is a key of `#[login_endpoint(...)]`, on the struct",
    )),
    example: "#[login(secret, rename = \"organizationId\")]",
    guesses: &[
        (
            "optional",
            "a field is optional when its type is an `Option`: write its type as `Option<...>`",
        ),
        (
            "skip_serializing_if",
            "an `Option` field that is not set is left out of the request by itself; remove `skip_serializing_if`",
        ),
        (
            "code",
            "a field is sent under its own name, with no key (a one-time code too: `otp: String`, or `rename = \"code\"`); a vendor's error code is read by the `error_body` type, `#[vendor_error(code)]` on its field",
        ),
        (
            "alias",
            "the name a field is sent under is its `rename = \"...\"`; a field is sent under one name",
        ),
        (
            "skip",
            "every field of the struct is sent; a value that is not sent is not a field",
        ),
        (
            "default",
            "a field without a value is an `Option<T>`, left out of the request when it is not set",
        ),
        (
            "constant",
            "a value sent in every request is a `constant(...)` of `#[login_endpoint(...)]`, not a field",
        ),
        (
            "form",
            "a field with no placement key is sent in the body, in the format of the endpoint's `body = form`; remove `form`",
        ),
        (
            "json",
            "a field with no placement key is sent in the body, in the format of the endpoint's `body = ...` (JSON unless it says otherwise); remove `json`",
        ),
        (
            "required",
            "a field is required unless its type is an `Option`; remove `required`",
        ),
        (
            "prefix",
            "text around a field in a header is the header's template: `header(name = \"authorization\", value = \"Bearer {api_token}\")` in `#[login_endpoint(...)]`, and `#[login(secret, in_header = \"authorization\")]` on the field",
        ),
        (
            "scheme",
            "text around a field in a header is the header's template: `header(name = \"authorization\", value = \"Bearer {api_token}\")` in `#[login_endpoint(...)]`, and `#[login(secret, in_header = \"authorization\")]` on the field",
        ),
        ("bearer_auth", BEARER_HINT),
        ("bearer", BEARER_HINT),
        (
            "query_param",
            "a query parameter is `#[login(query)]`, named like the field, or `#[login(query = \"key\")]`",
        ),
        (
            "query_parameter",
            "a query parameter is `#[login(query)]`, named like the field, or `#[login(query = \"key\")]`",
        ),
        (
            "param",
            "a query parameter is `#[login(query)]`, and a path's `{name}` is `#[login(path)]`",
        ),
        (
            "path_param",
            "a path's `{name}` is `#[login(path)]`, named like the field, or `#[login(path = \"name\")]`",
        ),
        (
            "env",
            "a field's value is given by the app, with its setter (`Login::builder().password(...)`); reading it from the environment is the app's, before the builder",
        ),
    ],
    pair: None,
    renames: &[
        "json",
        "alias",
        "name",
        "key",
        "field",
        "wire_name",
        "serialize",
        "as",
    ],
};

/// `header(name = "...", value = "...")`.
const HEADER_KEYS: KeyList = KeyList {
    place: "`header(...)`",
    keys: &["name", "value"],
    repeatable: &[],
    elsewhere: None,
    example: "header(name = \"accept\", value = \"application/json\")",
    guesses: &[],
    pair: Some(|key, value| {
        format!(
            "a header's name and value are keys of their own: `header(name = \"{}\", value = {value})`",
            key.replace('_', "-")
        )
    }),
    renames: &[],
};

/// `body_failure(field = ..., success = ..., kind = ...)`.
const BODY_FAILURE_KEYS: KeyList = KeyList {
    place: "`body_failure(...)`",
    keys: &["field", "success", "kind"],
    repeatable: &[],
    elsewhere: None,
    example: "body_failure(field = error)",
    guesses: &[
        (
            "failure",
            "`success = <value>` names the value that means success, and any other fails the login: for a flag that is `false` on failure, `success = true`",
        ),
        (
            "error",
            "`field = <path>` names the field; without `success`, its presence fails the login",
        ),
        (
            "value",
            "`success = <value>` names the value that means success, and any other fails the login",
        ),
        (
            "path",
            "the response's field is named by `field = <path>`: `body_failure(field = error)`",
        ),
        (
            "lockout",
            "the documented wait after a lockout is `lockout = \"30m\"` in `#[login_endpoint(...)]`, beside `body_failure(...)`, with `kind = Locked` here",
        ),
        (
            "message",
            "the failure's message is read by the `error_body` type, `#[vendor_error(message = message)]` on it; for a failure in the shape of a success, that type is the response's, `error_body = LoginResponse`",
        ),
    ],
    pair: None,
    renames: &[],
};

impl KeyList {
    /// "unknown key `vendr` in `#[login_endpoint(...)]`; did you mean `vendor`? ...", at the
    /// key.
    pub fn unknown(&self, path: &syn::Path) -> darling::Error {
        self.unknown_with_value(path, None)
    }

    /// [`KeyList::unknown`], told the value written after the key, if any.
    pub fn unknown_with_value(&self, path: &syn::Path, value: Option<&Expr>) -> darling::Error {
        let name = path_name(path);
        let elsewhere = self
            .elsewhere
            .filter(|(keys, _)| keys.contains(&name.as_str()))
            .map(|(_, hint)| format!("{hint}; "));
        // A hint may name the path written after the key, where it says `$PATH`.
        let written = match value {
            Some(value @ (Expr::Path(_) | Expr::Field(_))) => {
                quote::ToTokens::to_token_stream(value)
                    .to_string()
                    .replace(' ', "")
            }
            _ => "error_description".to_owned(),
        };
        let guess = self
            .guesses
            .iter()
            .find(|(key, _)| *key == name)
            .map(|(_, hint)| format!("{}; ", hint.replace("$PATH", &written)));
        let renamed = match value {
            Some(Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            })) if self.renames.contains(&name.as_str()) => Some(format!(
                "the name a field is sent under is its `rename`: write `rename = {:?}`; ",
                text.value()
            )),
            _ => None,
        };
        let suggestion = renamed
            .or(guess)
            .or(elsewhere)
            .or_else(|| {
                closest(&name, self.keys, MAX_KEY_DISTANCE)
                    .map(|key| format!("did you mean `{key}`? "))
            })
            .or_else(|| {
                let pair = self.pair?;
                let value = value?;
                matches!(value, Expr::Lit(_) | Expr::Array(_)).then(|| {
                    format!(
                        "{}; ",
                        pair(&name, &quote::ToTokens::to_token_stream(value).to_string())
                    )
                })
            })
            .unwrap_or_default();
        darling::Error::custom(format!(
            "unknown key `{name}` in {}; {suggestion}the keys are: {}",
            self.place,
            self.keys.join(", ")
        ))
        .with_span(path)
    }

    /// "`token` is given twice in `#[login_endpoint(...)]`; keep one", at the second.
    pub fn duplicate(&self, key: &str, span: &impl Spanned) -> darling::Error {
        darling::Error::custom(format!(
            "`{key}` is given twice in {}; keep one",
            self.place
        ))
        .with_span(span)
    }

    /// "`value` is missing from `header(...)`; add it, e.g. `...`"; the caller gives the span.
    pub fn missing(&self, key: &str, example: &str) -> darling::Error {
        darling::Error::custom(format!(
            "`{key}` is missing from {}; add it, e.g. `{example}`",
            self.place
        ))
    }

    /// "`vendor`, `path` and `token` are missing from ...; add them, e.g. `...`", for several
    /// keys at once; the caller gives the span.
    pub fn missing_all(&self, keys: &[(&str, &str)]) -> darling::Error {
        let names: Vec<String> = keys.iter().map(|(key, _)| format!("`{key}`")).collect();
        let names = match names.as_slice() {
            [rest @ .., last] if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
            _ => names.join(""),
        };
        let examples: Vec<&str> = keys.iter().map(|(_, example)| *example).collect();
        darling::Error::custom(format!(
            "{names} are missing from {}; add them, e.g. `{}`",
            self.place,
            examples.join(", ")
        ))
    }

    /// Reports each unknown key and each key given again, and leaves them out, so that a
    /// misspelt key does not keep the other keys from being read and checked. Returns the
    /// items left and the names of the unknown keys.
    pub fn screen(
        &self,
        items: Vec<NestedMeta>,
        errors: &mut darling::error::Accumulator,
    ) -> (Vec<NestedMeta>, Vec<String>) {
        let mut unknown = Vec::new();
        let mut seen: Vec<String> = Vec::new();
        let mut kept = Vec::new();
        let mut literal_reported = false;
        for item in items {
            let Some(path) = item_path(&item) else {
                // A value without its key: reported once for the list, with the list written
                // right.
                if let NestedMeta::Lit(lit) = &item
                    && !literal_reported
                {
                    literal_reported = true;
                    errors.push(
                        darling::Error::custom(format!(
                            "this value has no key; {} takes `key = value` pairs: `{}`",
                            self.place, self.example
                        ))
                        .with_span(lit),
                    );
                }
                continue;
            };
            let Some(key) = self.keys.iter().find(|key| path.is_ident(key)) else {
                let value = match &item {
                    NestedMeta::Meta(syn::Meta::NameValue(pair)) => Some(&pair.value),
                    _ => None,
                };
                errors.push(self.unknown_with_value(path, value));
                unknown.push(path_name(path));
                continue;
            };
            if seen.iter().any(|seen| seen == key) && !self.repeatable.contains(key) {
                errors.push(if *key == "status" {
                    darling::Error::custom(
                        "`status(...)` is given twice in `#[login_endpoint(...)]`; write every arm in one `status(...)`, e.g. `status(401 => InvalidCredentials, 423 => Locked)`",
                    )
                    .with_span(path)
                } else if *key == "basic_auth" {
                    darling::Error::custom(
                        "`basic_auth` is given twice in `#[login(...)]`; a field is one half of the Basic credentials: keep `basic_auth = user` or `basic_auth = password` here, and put the other half on its own field",
                    )
                    .with_span(path)
                } else {
                    self.duplicate(key, path)
                });
                continue;
            }
            seen.push((*key).to_owned());
            kept.push(item);
        }
        (kept, unknown)
    }

    /// Reads `list(...)` into `T` (whose keys are all optional), after screening its keys.
    fn read<T: FromMeta>(&self, meta: &syn::Meta, example: &str) -> darling::Result<T> {
        let syn::Meta::List(list) = meta else {
            return Err(darling::Error::custom(format!("write `{example}`")).with_span(meta));
        };
        let mut errors = darling::Error::accumulator();
        let items = parse_recovering(
            list.tokens.clone(),
            NestedMeta::parse_meta_list,
            &mut errors,
        );
        let Some(items) = errors.handle(items.map_err(darling::Error::from)) else {
            return Err(errors.finish().err().unwrap_or_else(|| {
                darling::Error::custom(format!("write `{example}`")).with_span(meta)
            }));
        };
        let (items, _) = self.screen(items, &mut errors);
        let read = errors.handle(T::from_list(&items));
        errors.finish()?;
        read.ok_or_else(|| darling::Error::custom(format!("write `{example}`")).with_span(meta))
    }
}

/// A key followed by `:` where `=` belongs (`header: "x-secret"`, as JSON and YAML write it),
/// at the top level of a list's tokens: syn's own error for it, "expected `,`", names neither
/// the key nor the fix. Returns the error and the tokens with that `:` read as `=`.
pub fn colon_for_equals(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::{Punct, Spacing, TokenTree};
    let tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let (at, error) = tokens.windows(2).enumerate().find_map(|(at, pair)| {
        let [TokenTree::Ident(key), TokenTree::Punct(colon)] = pair else {
            return None;
        };
        if colon.as_char() != ':' || colon.spacing() != Spacing::Alone {
            return None;
        }
        let value: TokenStream = tokens[at + 2..]
            .iter()
            .take_while(|token| !matches!(token, TokenTree::Punct(p) if p.as_char() == ','))
            .cloned()
            .collect();
        let error = darling::Error::custom(format!(
            "a key takes its value after `=`, not `:`: write `{key} = {value}`"
        ))
        .with_span(colon);
        Some((at + 1, error))
    })?;
    let mut fixed = tokens;
    let mut equals = Punct::new('=', Spacing::Alone);
    equals.set_span(fixed[at].span());
    fixed[at] = TokenTree::Punct(equals);
    Some((error, fixed.into_iter().collect()))
}

/// A path of fields that ends in a `.` (`token = data.token.`): syn's "expected identifier or
/// integer" points past it and names no fix. Returns the error, at the dot, and the tokens
/// without it.
pub fn trailing_dot(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::{Delimiter, TokenTree};
    let mut tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let at = (1..tokens.len()).find(|&i| {
        // Followed by `,`, the dot is `Joint`; alone at the end, `Alone`.
        let is_dot = matches!(&tokens[i], TokenTree::Punct(p) if p.as_char() == '.');
        let ends_a_field = match &tokens[i - 1] {
            TokenTree::Ident(_) | TokenTree::Literal(_) => true,
            TokenTree::Group(group) => group.delimiter() == Delimiter::Bracket,
            TokenTree::Punct(_) => false,
        };
        let ends_the_value = match tokens.get(i + 1) {
            None => true,
            Some(TokenTree::Punct(p)) => p.as_char() == ',',
            Some(_) => false,
        };
        is_dot && ends_a_field && ends_the_value
    })?;
    let start = tokens[..at]
        .iter()
        .rposition(|token| matches!(token, TokenTree::Punct(p) if matches!(p.as_char(), '=' | ',')))
        .map_or(0, |equals| equals + 1);
    let path: String = tokens[start..at]
        .iter()
        .map(ToString::to_string)
        .collect::<String>()
        .replace(' ', "");
    let error = darling::Error::custom(format!(
        "a path ends with a field, not a `.`: write `{path}`"
    ))
    .with_span(&tokens[at].span());
    tokens.remove(at);
    Some((error, tokens.into_iter().collect()))
}

/// `status = { 401: InvalidCredentials }`, a list written as another language's map: syn's
/// "unexpected token" names neither the key nor the form. Returns the error, at the braces,
/// and the tokens without the key, so the list's other keys are still read.
pub fn braced_value(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::{Delimiter, TokenTree};
    let mut tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let at = (2..tokens.len()).find(|&i| {
        matches!(&tokens[i], TokenTree::Group(group) if group.delimiter() == Delimiter::Brace)
            && follows_a_key(&tokens, i)
    })?;
    let key = tokens[at - 2].to_string();
    // The map's `key: value` pairs, each as written.
    let pairs: Vec<(String, String)> = match &tokens[at] {
        TokenTree::Group(group) => {
            let mut pairs = Vec::new();
            let (mut left, mut right, mut after_colon) = (String::new(), String::new(), false);
            let mut flush = |left: &mut String, right: &mut String| {
                if !left.is_empty() || !right.is_empty() {
                    pairs.push((std::mem::take(left), std::mem::take(right)));
                }
            };
            for token in group.stream() {
                match &token {
                    TokenTree::Punct(p) if p.as_char() == ':' && !after_colon => after_colon = true,
                    TokenTree::Punct(p) if p.as_char() == ',' => {
                        flush(&mut left, &mut right);
                        after_colon = false;
                    }
                    other => {
                        let side = if after_colon { &mut right } else { &mut left };
                        side.push_str(&other.to_string());
                    }
                }
            }
            flush(&mut left, &mut right);
            pairs
        }
        _ => Vec::new(),
    };
    let arms = |prefix: &str, fallback: &str| {
        if pairs.is_empty() || pairs.iter().any(|(_, value)| value.is_empty()) {
            return fallback.to_owned();
        }
        pairs
            .iter()
            .map(|(code, kind)| format!("{prefix}{code} => {kind}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let message = if key == "status" {
        format!(
            "`status` is a list of arms in parentheses: write `status({})`",
            arms("", "401 => InvalidCredentials, 423 => Locked")
        )
    } else if key == "kind" {
        format!(
            "`kind` is a list of arms in parentheses, each matching the `code` or the `message`: write `kind({})`",
            arms("code = ", "code = \"LOCKED\" => Locked")
        )
    } else {
        let written = if pairs.is_empty() {
            "...".to_owned()
        } else {
            pairs
                .iter()
                .map(|(name, value)| format!("{name} = {value}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        format!("a list of keys is written in parentheses, each `key = value`: `{key}({written})`")
    };
    let error = darling::Error::custom(message).with_span(&tokens[at].span());
    let end = if matches!(tokens.get(at + 1), Some(TokenTree::Punct(p)) if p.as_char() == ',') {
        at + 2
    } else {
        at + 1
    };
    tokens.drain(at - 2..end);
    Some((error, tokens.into_iter().collect()))
}

/// A key written right after the previous value, its comma left out (`vendor = "Acme"
/// base_url = ...`): syn's "expected `,`" says nothing of where. Returns the error, at the key,
/// and the tokens with the comma put in.
pub fn missing_comma(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::{Delimiter, Punct, Spacing, TokenTree};
    let mut tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let at = (1..tokens.len().saturating_sub(1)).find(|&i| {
        let ends_a_value = matches!(
            &tokens[i - 1],
            TokenTree::Literal(_) | TokenTree::Ident(_) | TokenTree::Group(_)
        );
        let starts_a_key = matches!(&tokens[i], TokenTree::Ident(_))
            && match &tokens[i + 1] {
                TokenTree::Punct(p) => {
                    p.as_char() == '='
                        && p.spacing() == Spacing::Alone
                        && !matches!(tokens.get(i + 2), Some(TokenTree::Punct(next)) if next.as_char() == '>')
                }
                TokenTree::Group(group) => group.delimiter() == Delimiter::Parenthesis,
                _ => false,
            };
        ends_a_value && starts_a_key
    })?;
    let key = tokens[at].to_string();
    let before = match &tokens[at - 1] {
        TokenTree::Group(group) if group.delimiter() == Delimiter::Parenthesis => {
            "(...)".to_owned()
        }
        TokenTree::Group(_) => "...".to_owned(),
        other => other.to_string(),
    };
    let error = darling::Error::custom(format!(
        "a comma is missing before `{key}`: write `{before}, {key}`; keys are separated by commas"
    ))
    .with_span(&tokens[at]);
    let mut comma = Punct::new(',', Spacing::Alone);
    comma.set_span(tokens[at].span());
    tokens.insert(at, TokenTree::Punct(comma));
    Some((error, tokens.into_iter().collect()))
}

/// A fix of a list's tokens: the error for a mistake, and the tokens with it read as meant.
type TokenFix = fn(&TokenStream) -> Option<(darling::Error, TokenStream)>;

/// Whether `tokens[at]` starts an item of a list: it is first, or follows a `,`.
fn starts_an_item(tokens: &[proc_macro2::TokenTree], at: usize) -> bool {
    at == 0 || matches!(&tokens[at - 1], proc_macro2::TokenTree::Punct(p) if p.as_char() == ',')
}

/// The tokens from `from` up to the next `,` of the list (or its end).
fn value_end(tokens: &[proc_macro2::TokenTree], from: usize) -> usize {
    tokens[from..]
        .iter()
        .position(|token| matches!(token, proc_macro2::TokenTree::Punct(p) if p.as_char() == ','))
        .map_or(tokens.len(), |comma| from + comma)
}

/// The tokens as written, without the spaces they are printed with: `/auth/login`.
fn written_tokens(tokens: &[proc_macro2::TokenTree]) -> String {
    tokens
        .iter()
        .map(ToString::to_string)
        .collect::<String>()
        .replace(' ', "")
}

/// Whether `tokens[at]` is the first token of a value: it follows `key =`.
fn follows_a_key(tokens: &[proc_macro2::TokenTree], at: usize) -> bool {
    use proc_macro2::TokenTree;
    at >= 2
        && matches!(&tokens[at - 1], TokenTree::Punct(p) if p.as_char() == '=')
        && matches!(tokens[at - 2], TokenTree::Ident(_))
}

/// `vendor = "Acme"; base_url = ...`: keys separated as statements are. Returns one error, at
/// the first `;`, and the tokens with every `;` of the list read as `,`.
pub fn semicolon_separator(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::{Punct, Spacing, TokenTree};
    let mut tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let is_semicolon =
        |token: &TokenTree| matches!(token, TokenTree::Punct(p) if p.as_char() == ';');
    let first = tokens.iter().position(is_semicolon)?;
    let error = darling::Error::custom(
        "keys are separated by commas, not `;`: write `,` here and after each key",
    )
    .with_span(&tokens[first].span());
    for token in &mut tokens {
        if is_semicolon(token) {
            let mut comma = Punct::new(',', Spacing::Alone);
            comma.set_span(token.span());
            *token = TokenTree::Punct(comma);
        }
    }
    Some((error, tokens.into_iter().collect()))
}

/// `content-type = "..."`: a key written with `-`, as headers are. Returns the error, at the
/// key, and the tokens with the key written with `_`.
pub fn hyphenated_key(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::{Ident as Name, TokenTree};
    let tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let (at, end) = (0..tokens.len()).find_map(|at| {
        if !starts_an_item(&tokens, at) || !matches!(tokens[at], TokenTree::Ident(_)) {
            return None;
        }
        let mut end = at + 1;
        while matches!(tokens.get(end), Some(TokenTree::Punct(p)) if p.as_char() == '-')
            && matches!(tokens.get(end + 1), Some(TokenTree::Ident(_)))
        {
            end += 2;
        }
        let ends_the_key = match tokens.get(end) {
            None => true,
            Some(TokenTree::Punct(p)) => matches!(p.as_char(), '=' | ','),
            Some(TokenTree::Group(group)) => {
                group.delimiter() == proc_macro2::Delimiter::Parenthesis
            }
            Some(_) => false,
        };
        (end > at + 1 && ends_the_key).then_some((at, end))
    })?;
    let written = written_tokens(&tokens[at..end]);
    let key = written.replace('-', "_");
    // `r#type-x`: no key of any list, so left to the list's own reader.
    syn::parse_str::<Ident>(&key).ok()?;
    let error = darling::Error::custom(format!("a key is written with `_`, not `-`: `{key}`"))
        .with_span(&tokens[at].span());
    let mut fixed = tokens[..at].to_vec();
    fixed.push(TokenTree::Ident(Name::new(&key, tokens[at].span())));
    fixed.extend(tokens[end..].iter().cloned());
    Some((error, fixed.into_iter().collect()))
}

/// `path = /auth/login`, `base_url = https://api.example.com`: text written without its quotes.
/// Returns the error, at the value, and the tokens with the value as a string.
pub fn unquoted_text(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::{Literal, TokenTree};
    let tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let punct = |at: usize, c: char| matches!(tokens.get(at), Some(TokenTree::Punct(p)) if p.as_char() == c);
    // `base_url = https://api.example.com,`: the `//` begins a comment, so the scheme and its
    // `:` are all the list holds of the URL, and of the line.
    let scheme = (2..tokens.len()).find(|&at| {
        follows_a_key(&tokens, at)
            && matches!(&tokens[at], TokenTree::Ident(word) if matches!(word.to_string().as_str(), "http" | "https" | "ws" | "wss"))
            && punct(at + 1, ':')
            && !punct(at + 2, ':')
    });
    if let Some(at) = scheme {
        let key = tokens[at - 2].to_string();
        let error = darling::Error::custom(format!(
            "write the URL in quotes: `{key} = \"{}://...\"`; without them, its `//` begins a comment that hides the rest of the line",
            tokens[at]
        ))
        .with_span(&tokens[at].span());
        let mut literal = Literal::string(&format!("{}://example.com", tokens[at]));
        literal.set_span(tokens[at].span());
        let mut fixed = tokens[..at].to_vec();
        fixed.push(TokenTree::Literal(literal));
        // The comma went with the comment.
        let rest = &tokens[at + 2..];
        if !rest.is_empty() && !punct(at + 2, ',') {
            let mut comma = proc_macro2::Punct::new(',', proc_macro2::Spacing::Alone);
            comma.set_span(tokens[at + 1].span());
            fixed.push(TokenTree::Punct(comma));
        }
        fixed.extend(rest.iter().cloned());
        return Some((error, fixed.into_iter().collect()));
    }
    // `content_type = application/json`: a media type, `type/subtype`.
    let media_type = |at: usize| {
        matches!(&tokens[at - 2], TokenTree::Ident(key) if key == "content_type")
            && matches!(tokens[at], TokenTree::Ident(_))
            && punct(at + 1, '/')
    };
    let at = (2..tokens.len())
        .find(|&at| follows_a_key(&tokens, at) && (punct(at, '/') || media_type(at)))?;
    let end = value_end(&tokens, at);
    let key = tokens[at - 2].to_string();
    let text = written_tokens(&tokens[at..end]);
    let what = match key.as_str() {
        "base_url" => "URL",
        "path" => "path",
        "content_type" => "content type",
        _ => "text",
    };
    let error = darling::Error::custom(format!("write the {what} in quotes: `{key} = {text:?}`"))
        .with_span(&tokens[at].span());
    let mut literal = Literal::string(&text);
    literal.set_span(tokens[at].span());
    let mut fixed = tokens[..at].to_vec();
    fixed.push(TokenTree::Literal(literal));
    fixed.extend(tokens[end..].iter().cloned());
    Some((error, fixed.into_iter().collect()))
}

/// `response = &'static LoginResponse`, `token = &data.token`: a reference, where a key names a
/// type or a path as it is. Returns the error, at the `&`, and the tokens without the `&`, its
/// lifetime and `mut`.
pub fn reference_value(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = tokens.clone().into_iter().collect();
    let at = (2..tokens.len()).find(|&at| {
        matches!(&tokens[at], TokenTree::Punct(p) if p.as_char() == '&')
            && follows_a_key(&tokens, at)
    })?;
    let mut rest = at + 1;
    // `'static`: a `'` joined to the lifetime's name.
    if matches!(tokens.get(rest), Some(TokenTree::Punct(p)) if p.as_char() == '\'')
        && matches!(tokens.get(rest + 1), Some(TokenTree::Ident(_)))
    {
        rest += 2;
    }
    if matches!(tokens.get(rest), Some(TokenTree::Ident(word)) if word == "mut") {
        rest += 1;
    }
    let end = value_end(&tokens, rest);
    if rest == end {
        return None;
    }
    let key = tokens[at - 2].to_string();
    let value = written_tokens(&tokens[rest..end]);
    let why = if matches!(
        key.as_str(),
        "response" | "error_body" | "refreshes" | "refresh"
    ) {
        "a key names a type as it is, and a body is read into a value of its own"
    } else {
        "a key names a path as it is"
    };
    let error = darling::Error::custom(format!("write `{key} = {value}`, without `&`: {why}"))
        .with_span(&tokens[at].span());
    let mut fixed = tokens[..at].to_vec();
    fixed.extend(tokens[rest..].iter().cloned());
    Some((error, fixed.into_iter().collect()))
}

/// `#[login("secret, rename = \"orgId\"")]`: the whole list written as one string. Returns the
/// error, at the string, and the keys it holds, when they read as a list of keys.
pub fn quoted_list(tokens: &TokenStream) -> Option<(darling::Error, TokenStream)> {
    use proc_macro2::TokenTree;
    let mut all = tokens.clone().into_iter();
    let (Some(TokenTree::Literal(literal)), None) = (all.next(), all.next()) else {
        return None;
    };
    let syn::Lit::Str(text) = syn::Lit::new(literal.clone()) else {
        return None;
    };
    let inner: TokenStream = text.value().parse().ok()?;
    let items = NestedMeta::parse_meta_list(inner.clone()).ok()?;
    // One bare name (`#[login("orgId")]`) is as likely a value without its key, which the
    // list's own reader reports.
    let several_or_valued = items.len() > 1
        || matches!(
            items.first(),
            Some(NestedMeta::Meta(
                syn::Meta::NameValue(_) | syn::Meta::List(_)
            ))
        );
    if !several_or_valued || items.iter().any(|item| matches!(item, NestedMeta::Lit(_))) {
        return None;
    }
    let respanned: TokenStream = respan(inner, literal.span());
    let error = darling::Error::custom(format!(
        "the keys are written without quotes: `{}`",
        text.value().trim()
    ))
    .with_span(&literal.span());
    Some((error, respanned))
}

/// `tokens` with every span set to `span`, groups included.
fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    use proc_macro2::{Group, TokenTree};
    tokens
        .into_iter()
        .map(|mut token| {
            if let TokenTree::Group(group) = &token {
                let mut inner = Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                token = TokenTree::Group(inner);
            } else {
                token.set_span(span);
            }
            token
        })
        .collect()
}

/// Parses a list's tokens with `parse`, reading each `key: value` as `key = value`, and a key
/// whose comma is missing as if it were there, once each is reported into `errors`, so that
/// one wrong separator does not hide the list's other keys and their mistakes. Notations that
/// are never right (`;` between keys, `content-type`, unquoted text, `&` before a value, the
/// list in quotes) are reported and read as meant before the list is parsed.
pub fn parse_recovering<T>(
    tokens: TokenStream,
    parse: impl Fn(TokenStream) -> syn::Result<T>,
    errors: &mut darling::error::Accumulator,
) -> syn::Result<T> {
    let mut tokens = tokens;
    if let Some((error, fixed)) = quoted_list(&tokens) {
        errors.push(error);
        tokens = fixed;
    }
    if let Some((error, fixed)) = semicolon_separator(&tokens) {
        errors.push(error);
        tokens = fixed;
    }
    if let Some(comma) = doubled_comma(&tokens) {
        // `vendor = "Acme",, path = ...`: read without the empty item.
        errors.push(
            darling::Error::custom("two commas with nothing between them: remove one")
                .with_span(&comma),
        );
        tokens = without_empty_items(tokens);
    }
    // Each pass fixes one value; a list may hold several.
    let passes: [TokenFix; 3] = [hyphenated_key, unquoted_text, reference_value];
    for pass in passes {
        while let Some((error, fixed)) = pass(&tokens) {
            errors.push(error);
            tokens = fixed;
        }
    }
    loop {
        match parse(tokens.clone()) {
            Ok(value) => return Ok(value),
            Err(error) => match colon_for_equals(&tokens)
                .or_else(|| missing_comma(&tokens))
                .or_else(|| trailing_dot(&tokens))
                .or_else(|| braced_value(&tokens))
            {
                Some((colon, fixed)) => {
                    errors.push(colon);
                    tokens = fixed;
                }
                None => return Err(error),
            },
        }
    }
}

/// The key of an item: `vendor` in `vendor = "..."`, `status` in `status(...)`.
pub fn item_path(item: &NestedMeta) -> Option<&syn::Path> {
    match item {
        NestedMeta::Meta(meta) => Some(meta.path()),
        NestedMeta::NameValueInvalidExpr(pair) => Some(&pair.path),
        NestedMeta::Lit(_) => None,
    }
}

/// A key as written: `vendr`, or `a::b` for a path.
fn path_name(path: &syn::Path) -> String {
    path.segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

impl EndpointArgs {
    /// Reads the arguments. A key the macro does not know, or one given twice, is reported
    /// into `errors` and set aside, so a misspelt key does not keep the other keys from being
    /// read and checked.
    pub fn parse(args: TokenStream, errors: &mut darling::error::Accumulator) -> Option<Self> {
        let items = parse_recovering(args, NestedMeta::parse_meta_list, errors);
        let items = errors.handle(items.map_err(darling::Error::from))?;
        let items = items
            .into_iter()
            .map(generic_type_value)
            .map(list_key_given_a_value)
            .map(|item| {
                let item = type_key_given_a_list(item, errors);
                without_trailing_dot(item, errors)
            })
            .collect();
        let (known, unknown_keys) = ENDPOINT_KEYS.screen(items, errors);
        // Each key is read on its own first, so that a key whose value has a mistake is
        // reported and left out while the others are still read (and their types checked).
        let mut readable = Vec::new();
        let mut invalid_keys = Vec::new();
        for item in known {
            match EndpointArgs::from_list(std::slice::from_ref(&item)) {
                Ok(_) => readable.push(item),
                Err(error) => {
                    errors.push(error);
                    if let Some(path) = item_path(&item) {
                        invalid_keys.push(path_name(path));
                    }
                }
            }
        }
        let mut args = errors.handle(EndpointArgs::from_list(&readable))?;
        args.unknown_keys = unknown_keys;
        args.invalid_keys = invalid_keys;
        Some(args)
    }
}

/// The candidate nearest to `name` (case-insensitive Levenshtein distance), if it is at most
/// `max_distance` edits away: the "did you mean" of error messages.
pub fn closest<'a>(name: &str, candidates: &[&'a str], max_distance: usize) -> Option<&'a str> {
    candidates
        .iter()
        .map(|candidate| (edit_distance(name, candidate), *candidate))
        .min()
        .filter(|(distance, _)| *distance <= max_distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The `response = ...` key alone, read even when other keys have mistakes, so the fallback can
/// still write `send` with its real return type.
pub fn response_of(args: &TokenStream) -> Option<syn::Path> {
    let items = NestedMeta::parse_meta_list(args.clone()).ok()?;
    items
        .into_iter()
        .map(generic_type_value)
        .find_map(|item| match &item {
            NestedMeta::Meta(meta @ syn::Meta::NameValue(pair))
                if pair.path.is_ident("response") =>
            {
                type_path(meta, "").ok()
            }
            _ => None,
        })
}

/// What other declarations and calls may rely on a declaration for, read from its arguments
/// whatever their mistakes, for the stand-ins written next to its errors.
#[derive(Default)]
pub struct Links {
    /// `base_url` is written, so the login is one that can be sent without a base URL.
    pub base_url: bool,
    /// `refreshes = Login`: the login it refreshes.
    pub refreshes: Option<syn::Path>,
    /// `refresh = Refresh`: the refresh its sessions are renewed with.
    pub refresh: Option<syn::Path>,
}

/// The [`Links`] of a declaration's arguments. A quoted type (`refreshes = "Login"`, itself
/// reported) is read as the type it names.
pub fn links_of(args: &TokenStream) -> Links {
    let mut links = Links::default();
    let Ok(items) = NestedMeta::parse_meta_list(args.clone()) else {
        return links;
    };
    for item in items {
        if let NestedMeta::Meta(syn::Meta::List(list)) = &item {
            // `refreshes(Login)`: reported, and read as `refreshes = Login`.
            let path = syn::parse2::<syn::Path>(list.tokens.clone()).ok();
            if list.path.is_ident("refreshes") {
                links.refreshes = path;
            } else if list.path.is_ident("refresh") {
                links.refresh = path;
            }
            continue;
        }
        let NestedMeta::Meta(syn::Meta::NameValue(pair)) = &item else {
            continue;
        };
        let path = || match &pair.value {
            Expr::Path(path) if path.qself.is_none() => Some(path.path.clone()),
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) => text.parse::<syn::Path>().ok(),
            _ => None,
        };
        if pair.path.is_ident("base_url") {
            links.base_url = true;
        } else if pair.path.is_ident("refreshes") {
            links.refreshes = path();
        } else if pair.path.is_ident("refresh") {
            links.refresh = path();
        }
    }
    links
}

/// `header(name = "...", value = "...")`.
#[derive(Debug)]
pub struct HeaderArg {
    pub name: SpannedValue<String>,
    pub value: SpannedValue<String>,
}

/// The keys of `header(...)` as darling reads them, each optional so a missing one is reported
/// in the words of every other missing key.
#[derive(FromMeta)]
struct HeaderKeys {
    #[darling(default, with = |meta| quoted(meta, "name = \"accept\""), map = Some)]
    name: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| quoted(meta, "value = \"application/json\""), map = Some)]
    value: Option<SpannedValue<String>>,
}

impl FromMeta for HeaderArg {
    fn from_meta(meta: &syn::Meta) -> darling::Result<Self> {
        const EXAMPLE: &str = "header(name = \"accept\", value = \"application/json\")";
        if let syn::Meta::NameValue(pair) = meta {
            // `header = "x-api-key"`, as a field's key is written.
            let name = match &pair.value {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => text.value(),
                _ => "x-api-key".to_owned(),
            };
            return Err(darling::Error::custom(format!(
                "a header sent with every request is `header(name = {name:?}, value = \"...\")`; a field sent in this header is marked on the field, `#[login(header = {name:?})]`"
            ))
            .with_span(meta));
        }
        let keys: HeaderKeys = HEADER_KEYS.read(meta, EXAMPLE)?;
        match (keys.name, keys.value) {
            (Some(name), Some(value)) => Ok(HeaderArg { name, value }),
            (Some(name), None) => Err(HEADER_KEYS
                .missing(
                    "value",
                    &format!("header(name = \"{}\", value = \"...\")", name.as_str()),
                )
                .with_span(meta)),
            (None, Some(value)) => Err(HEADER_KEYS
                .missing(
                    "name",
                    &format!(
                        "header(name = \"x-client\", value = \"{}\")",
                        value.as_str()
                    ),
                )
                .with_span(meta)),
            (None, None) => Err(HEADER_KEYS
                .missing_all(&[
                    ("name", "name = \"accept\""),
                    ("value", "value = \"application/json\""),
                ])
                .with_span(meta)),
        }
    }
}

/// `body_failure(field = error)` or `body_failure(field = login_status, success = 7)`, with an
/// optional `kind = InvalidCredentials`.
#[derive(Debug)]
pub struct BodyFailureArg {
    pub field: FieldPath,
    pub success: Option<Expr>,
    pub kind: Option<Expr>,
}

#[derive(FromMeta)]
struct BodyFailureKeys {
    #[darling(default)]
    field: Option<FieldPath>,
    /// darling would read a string given for an `Expr` as the source of an expression (`"ok"`
    /// as the path `ok`); here a string stays a string.
    #[darling(default, with = darling::util::parse_expr::preserve_str_literal, map = Some)]
    success: Option<Expr>,
    #[darling(default, with = darling::util::parse_expr::preserve_str_literal, map = Some)]
    kind: Option<Expr>,
}

impl FromMeta for BodyFailureArg {
    fn from_meta(meta: &syn::Meta) -> darling::Result<Self> {
        let keys: BodyFailureKeys = BODY_FAILURE_KEYS.read(meta, "body_failure(field = error)")?;
        let Some(field) = keys.field else {
            let example = match &keys.success {
                Some(_) => "body_failure(field = status, success = 0)",
                None => "body_failure(field = error)",
            };
            return Err(BODY_FAILURE_KEYS.missing("field", example).with_span(meta));
        };
        Ok(BodyFailureArg {
            field,
            success: keys.success,
            kind: keys.kind,
        })
    }
}

pub use crate::field_path::FieldPath;

/// The example of a path into a response that errors about paths show.
const RESPONSE_PATH_EXAMPLE: &str = "token = data.sessions[0].token";

impl FromMeta for FieldPath {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        if let Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) = expr
        {
            return Err(darling::Error::custom(format!(
                "write the path of fields without quotes: `{}`",
                text.value().replace(['"', ' ', '{', '}'], "")
            ))
            .with_span(text));
        }
        if let Some(error) = path_mistake(expr) {
            return Err(error);
        }
        FieldPath::parse(expr)
            .map_err(|malformed| malformed.error("the response type", RESPONSE_PATH_EXAMPLE))
    }
}

/// The source a method call read a header or cookie with, as HTTP clients write it: reqwest's
/// `response.headers("X-Subject-Token")` for `header("X-Subject-Token")`, and a prefix cut
/// off by a method, `header("Authorization").prefix("Bearer ")`, for
/// `header("Authorization", prefix = "Bearer ")`.
fn source_written_as_a_call(call: &syn::ExprMethodCall) -> Option<String> {
    let method = call.method.to_string();
    let args: Vec<String> = call
        .args
        .iter()
        .map(|arg| quote::ToTokens::to_token_stream(arg).to_string())
        .collect();
    let [arg] = args.as_slice() else {
        return None;
    };
    if let Expr::Call(source) = &*call.receiver
        && let Expr::Path(func) = &*source.func
        && func.path.is_ident("header")
        && matches!(
            method.as_str(),
            "prefix" | "strip_prefix" | "trim_start_matches" | "with_prefix"
        )
    {
        let name = source
            .args
            .first()
            .map(|name| quote::ToTokens::to_token_stream(name).to_string())?;
        return Some(format!("header({name}, prefix = {arg})"));
    }
    match method.as_str() {
        "header" | "headers" => Some(format!("header({arg})")),
        "cookie" | "cookies" => Some(format!("cookie({arg})")),
        _ => None,
    }
}

/// A path written as Rust code that reads the value: a method called on it
/// (`token.expose_secret()`), or a comparison (`status != 7`) where the value it must hold is a
/// key of its own. Each is reported at the method or the operator, with the path alone.
fn path_mistake(expr: &Expr) -> Option<darling::Error> {
    match expr {
        Expr::MethodCall(call) if let Some(fix) = source_written_as_a_call(call) => Some(
            darling::Error::custom(if fix.contains("prefix = ") {
                format!("text before the token in a header is the header's `prefix`, not a method: write `{fix}`")
            } else {
                format!("a response header or cookie is a source of its own, and calls no method: write `{fix}`")
            })
            .with_span(&call.method),
        ),
        Expr::MethodCall(call) => Some(
            darling::Error::custom(format!(
                "a path names fields, and calls no method: write the path alone, `{}`; the macro reads the value there as its type says",
                written_path(&call.receiver)
            ))
            .with_span(&call.method),
        ),
        Expr::Binary(binary) if matches!(binary.op, syn::BinOp::Ne(_) | syn::BinOp::Eq(_)) => {
            let field = written_path(&binary.left);
            let value = written_path(&binary.right);
            let fix = if matches!(binary.op, syn::BinOp::Ne(_)) {
                format!("`field = {field}, success = {value}`")
            } else {
                format!("`field = {field}, success = ...` with the value of a success")
            };
            Some(
                darling::Error::custom(format!(
                    "a path names a field, and the value it holds is a key of its own: write {fix}"
                ))
                .with_span(&binary.op),
            )
        }
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------------
// Where a response value comes from: `token = data.token`, `token = header("X-Subject-Token")`,
// `token = cookie("SID")`, and the expiry keys that read one in a given format.
// ---------------------------------------------------------------------------------------------

/// The value of `token = ...`, `refresh_token = ...` and the expiry keys, as written.
#[derive(Clone, Debug)]
pub enum SourceArg {
    /// `data.token`: a path of fields into the response type.
    Body(FieldPath),
    /// `header("X-Subject-Token")`, or `header("authorization", prefix = "Bearer ")` with the
    /// text before the value.
    Header(SpannedValue<String>, Option<SpannedValue<String>>),
    /// `cookie("SID")`.
    Cookie(SpannedValue<String>),
}

/// The keys of a header source after its name: `header("authorization", prefix = "Bearer ")`.
const HEADER_SOURCE_KEYS: KeyList = KeyList {
    place: "`header(\"<name>\", ...)`",
    keys: &["prefix"],
    repeatable: &[],
    elsewhere: None,
    example: "header(\"authorization\", prefix = \"Bearer \")",
    guesses: &[
        (
            "scheme",
            "the text before the value, a scheme and its space included, is its `prefix`: `prefix = \"Bearer \"`",
        ),
        (
            "strip",
            "the text before the value is its `prefix`: `prefix = \"Bearer \"`",
        ),
    ],
    pair: None,
    renames: &[],
};

/// The functions a source can be written with.
const SOURCE_FUNCTIONS: &[&str] = &["header", "cookie"];

impl FromMeta for SourceArg {
    fn from_expr(expr: &Expr) -> darling::Result<Self> {
        match expr {
            Expr::Call(call) => {
                let name = match &*call.func {
                    Expr::Path(path) => path.path.get_ident().map(Ident::to_string),
                    _ => None,
                };
                let Some(name) = name.filter(|name| SOURCE_FUNCTIONS.contains(&name.as_str()))
                else {
                    let written = match &*call.func {
                        Expr::Path(path) => path
                            .path
                            .segments
                            .iter()
                            .map(|s| s.ident.to_string())
                            .collect::<Vec<_>>()
                            .join("::"),
                        _ => String::new(),
                    };
                    // `body(access_token)`, `json(data.token)`: a path into the body, which is
                    // written alone.
                    if let (Some(Expr::Path(_) | Expr::Field(_)), 1) =
                        (call.args.first(), call.args.len())
                        && matches!(written.as_str(), "body" | "json" | "field" | "path")
                    {
                        let path = written_path(&call.args[0]);
                        return Err(darling::Error::custom(format!(
                            "a path of fields in the response is written alone: `{path}`; `header(...)` and `cookie(...)` name the other sources"
                        ))
                        .with_span(&call.func));
                    }
                    let suggestion = closest(&written, SOURCE_FUNCTIONS, MAX_KEY_DISTANCE)
                        .map(|f| format!("did you mean `{f}(...)`? "))
                        .unwrap_or_default();
                    return Err(darling::Error::custom(format!(
                        "unknown source `{written}(...)`; {suggestion}a value comes from a path of fields in the response (`data.token`), `header(\"<name>\")` or `cookie(\"<name>\")`"
                    ))
                    .with_span(&call.func));
                };
                let example = if name == "header" {
                    "header(\"X-Subject-Token\")"
                } else {
                    "cookie(\"SID\")"
                };
                let mut args = call.args.iter();
                let Some(arg) = args.next() else {
                    return Err(darling::Error::custom(format!(
                        "`{name}(...)` takes one name, in quotes: `{example}`"
                    ))
                    .with_span(call));
                };
                let Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) = arg
                else {
                    // `header(name = "authorization")`, or the prefix before the name: the
                    // name comes first, without a key.
                    if let Expr::Assign(assign) = arg
                        && name == "header"
                    {
                        let key = written_path(&assign.left);
                        let quoted = match &*assign.right {
                            Expr::Lit(syn::ExprLit {
                                lit: syn::Lit::Str(text),
                                ..
                            }) => Some(text.value()),
                            _ => None,
                        };
                        let header = match (key.as_str(), &quoted) {
                            ("prefix", _) => call.args.iter().find_map(|arg| match arg {
                                Expr::Lit(syn::ExprLit {
                                    lit: syn::Lit::Str(text),
                                    ..
                                }) => Some(text.value()),
                                _ => None,
                            }),
                            (_, quoted) => quoted.clone(),
                        }
                        .unwrap_or_else(|| "X-Subject-Token".to_owned());
                        let prefix = call.args.iter().find_map(|arg| match arg {
                            Expr::Assign(assign) if written_path(&assign.left) == "prefix" => {
                                match &*assign.right {
                                    Expr::Lit(syn::ExprLit {
                                        lit: syn::Lit::Str(text),
                                        ..
                                    }) => Some(text.value()),
                                    _ => None,
                                }
                            }
                            _ => None,
                        });
                        let written = match prefix {
                            Some(prefix) => format!("header({header:?}, prefix = {prefix:?})"),
                            None => format!("header({header:?})"),
                        };
                        return Err(darling::Error::custom(format!(
                            "the header's name comes first, in quotes and without a key: write `{written}`"
                        ))
                        .with_span(&assign.left));
                    }
                    // A bare name is quoted as written; in a header's, an `_` stands for the
                    // `-` an identifier cannot hold.
                    let example = match arg {
                        Expr::Path(bare) => bare.path.get_ident().map_or_else(
                            || example.to_owned(),
                            |ident| {
                                let written = ident.to_string();
                                let written = if name == "header" {
                                    written.replace('_', "-")
                                } else {
                                    written
                                };
                                format!("{name}(\"{written}\")")
                            },
                        ),
                        _ => example.to_owned(),
                    };
                    return Err(darling::Error::custom(format!(
                        "write the {name} name in quotes: `{example}`"
                    ))
                    .with_span(arg));
                };
                let value = SpannedValue::new(text.value(), text.span());
                if name != "header" {
                    if let Some(extra) = args.next() {
                        return Err(darling::Error::custom(
                            "`cookie(...)` takes one name, in quotes: `cookie(\"SID\")`; a cookie's value is read whole",
                        )
                        .with_span(extra));
                    }
                    return Ok(SourceArg::Cookie(value));
                }
                let mut prefix = None;
                for extra in args {
                    let written = text.value();
                    prefix = Some(header_source_key(extra, &written, prefix)?);
                }
                Ok(SourceArg::Header(value, prefix))
            }
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) => Err(darling::Error::custom(format!(
                "write a path of fields without quotes, e.g. `{}`, or say where else the value is: `header(\"{}\")`, `cookie(\"{}\")`",
                text.value().replace(['"', ' '], ""),
                text.value(),
                text.value()
            ))
            .with_span(text)),
            // `cookie = "SID"`: the form of a field's placement keys, where a source is a call.
            Expr::Assign(assign)
                if matches!(&*assign.left, Expr::Path(path)
                    if path.path.get_ident().is_some_and(|ident| {
                        SOURCE_FUNCTIONS.contains(&ident.to_string().as_str())
                    })) =>
            {
                let function = written_path(&assign.left);
                let name = match &*assign.right {
                    Expr::Lit(syn::ExprLit {
                        lit: syn::Lit::Str(text),
                        ..
                    }) => text.value(),
                    other => written_path(other),
                };
                Err(darling::Error::custom(format!(
                    "a value read from a {function} names it in parentheses: write `{function}(\"{name}\")`"
                ))
                .with_span(&assign.eq_token))
            }
            // `access_token | token`: alternatives are a `#[vendor_error]` notion.
            Expr::Binary(binary) if matches!(binary.op, syn::BinOp::BitOr(_)) => {
                Err(darling::Error::custom(format!(
                    "a response value has one source: write one path, e.g. `{}`; alternatives joined by `|` are for the `code` and `message` of `#[vendor_error(...)]`",
                    written_path(&binary.left)
                ))
                .with_span(&binary.op))
            }
            // `data..token`: one dot too many.
            Expr::Range(range) => {
                let (Some(start), Some(end)) = (&range.start, &range.end) else {
                    return Err(darling::Error::custom(
                        "expected a path of fields into the response type (`token`, `data.token`, `data.sessions[0].token`)",
                    )
                    .with_span(&range.limits));
                };
                Err(darling::Error::custom(format!(
                    "the fields of a path are joined by one `.`: `{}.{}`",
                    written_path(start),
                    written_path(end)
                ))
                .with_span(&range.limits))
            }
            Expr::MethodCall(_) => Err(path_mistake(expr).unwrap_or_else(|| {
                darling::Error::custom("a path names fields, and calls no method")
            })),
            _ => FieldPath::parse(expr).map(SourceArg::Body).map_err(|malformed| {
                if malformed.index_hint || malformed.fix.is_some() {
                    malformed.error("the response type", RESPONSE_PATH_EXAMPLE)
                } else {
                    darling::Error::custom(
                        "expected a path of fields into the response type (`token`, `data.token`, `data.sessions[0].token`), `header(\"<name>\")` or `cookie(\"<name>\")`",
                    )
                    .with_span(&malformed.span)
                }
            }),
        }
    }
}

/// `prefix = "Bearer "` after a header source's name; `given` is a prefix already read.
fn header_source_key(
    expr: &Expr,
    header: &str,
    given: Option<SpannedValue<String>>,
) -> darling::Result<SpannedValue<String>> {
    match expr {
        Expr::Assign(assign) => {
            let Expr::Path(key) = &*assign.left else {
                return Err(darling::Error::custom(format!(
                    "expected a key: `header({header:?}, prefix = \"Bearer \")`"
                ))
                .with_span(&assign.left));
            };
            if !key.path.is_ident("prefix") {
                return Err(HEADER_SOURCE_KEYS.unknown(&key.path));
            }
            if given.is_some() {
                return Err(HEADER_SOURCE_KEYS.duplicate("prefix", &assign.left));
            }
            match &*assign.right {
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Ok(SpannedValue::new(text.value(), text.span())),
                other => Err(darling::Error::custom(format!(
                    "write the prefix in quotes, its space included: `header({header:?}, prefix = \"Bearer \")`"
                ))
                .with_span(other)),
            }
        }
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => Err(darling::Error::custom(format!(
            "a header source takes one name; text before the value is its `prefix`: write `header({header:?}, prefix = {:?})`",
            text.value()
        ))
        .with_span(text)),
        other => Err(darling::Error::custom(format!(
            "`header(...)` takes the header's name, in quotes, then `prefix = \"...\"` when text comes before the value: `header({header:?}, prefix = \"Bearer \")`"
        ))
        .with_span(other)),
    }
}

/// An expression as written, without the spaces tokens are printed with: `data.token`.
fn written_path(expr: &Expr) -> String {
    quote::ToTokens::to_token_stream(expr)
        .to_string()
        .replace(' ', "")
}

/// `expires_at = <source>` or `expires_at(unix_seconds = <source>)` (and the same for
/// `expires_in`, `refresh_expires_at`, `refresh_expires_in`).
#[derive(Clone, Debug)]
pub struct ExpiryArg {
    /// The key's name and span: `expires_at`.
    pub key: Ident,
    /// The format written in parentheses, if any: `unix_seconds`.
    pub format: Option<Ident>,
    pub source: SourceArg,
}

impl FromMeta for ExpiryArg {
    fn from_meta(meta: &syn::Meta) -> darling::Result<Self> {
        let key = meta
            .path()
            .get_ident()
            .cloned()
            .unwrap_or_else(|| Ident::new("expires_at", meta.span()));
        let relative = key.to_string().ends_with("_in");
        let example = if relative {
            format!("{key} = expires_in")
        } else {
            format!("{key} = expires_at")
        };
        match meta {
            syn::Meta::NameValue(pair) => {
                if let Some(error) = duration_instead_of_source(&key, &example, &pair.value) {
                    return Err(error);
                }
                Ok(ExpiryArg {
                    key,
                    format: None,
                    source: SourceArg::from_expr(&pair.value)?,
                })
            }
            syn::Meta::List(list) => {
                let formats = if relative {
                    "`seconds` or `millis`"
                } else {
                    "`rfc3339`, `unix_seconds`, `unix_millis` or `http_date`"
                };
                let pair: syn::MetaNameValue = list.parse_args().map_err(|e| {
                    several_expiry_pairs(&key, relative, list).unwrap_or_else(|| {
                        darling::Error::custom(format!(
                            "{e}; write `{key}(<format> = <source>)` with one format, {formats}"
                        ))
                        .with_span(&e.span())
                    })
                })?;
                if let Some(error) = duration_instead_of_source(&key, &example, &pair.value) {
                    return Err(error);
                }
                let Some(format) = pair.path.get_ident().cloned() else {
                    return Err(
                        darling::Error::custom(format!("expected a format, {formats}"))
                            .with_span(&pair.path),
                    );
                };
                Ok(ExpiryArg {
                    key,
                    format: Some(format),
                    source: SourceArg::from_expr(&pair.value)?,
                })
            }
            syn::Meta::Path(_) => Err(darling::Error::custom(format!(
                "write where the response states the expiry: `{example}`"
            ))
            .with_span(meta)),
        }
    }
}

/// `expires_in(unit = "ms", field = expires)`, `expires_at(format = "%Y-%m-%d", field = ...)`:
/// the unit and the source written as pairs of their own, where the key's one pair is
/// `<unit> = <source>`.
fn several_expiry_pairs(
    key: &Ident,
    relative: bool,
    list: &syn::MetaList,
) -> Option<darling::Error> {
    let pairs = list
        .parse_args_with(Punctuated::<syn::MetaNameValue, Token![,]>::parse_terminated)
        .ok()?;
    if pairs.len() < 2 {
        return None;
    }
    // `expires_in(seconds = ttl, lifetime = "1h")`: a key of the endpoint written inside.
    let is_endpoint_key = |pair: &&syn::MetaNameValue| {
        pair.path
            .get_ident()
            .is_some_and(|name| KEYS.contains(&name.to_string().as_str()))
    };
    if let Some(misplaced) = pairs.iter().find(is_endpoint_key) {
        let inner = match pairs.iter().find(|pair| !is_endpoint_key(pair)) {
            Some(pair) if relative && pair.path.is_ident("seconds") => {
                format!("{key} = {}", written_path(&pair.value))
            }
            Some(pair) => format!(
                "{key}({} = {})",
                quote::ToTokens::to_token_stream(&pair.path),
                written_path(&pair.value)
            ),
            None => format!("{key} = ..."),
        };
        let name = quote::ToTokens::to_token_stream(&misplaced.path);
        let value = quote::ToTokens::to_token_stream(&misplaced.value);
        return Some(
            darling::Error::custom(format!(
                "`{name}` is a key of `#[login_endpoint(...)]`, not of `{key}(...)`; write it beside: `{inner}, {name} = {value}`"
            ))
            .with_span(&misplaced.path),
        );
    }
    let known: &[&str] = if relative {
        &["seconds", "millis"]
    } else {
        &["rfc3339", "unix_seconds", "unix_millis", "http_date"]
    };
    if pairs
        .iter()
        .all(|pair| known.iter().any(|format| pair.path.is_ident(format)))
    {
        let written: Vec<String> = pairs
            .iter()
            .map(|pair| {
                quote::ToTokens::to_token_stream(pair)
                    .to_string()
                    .replace(" . ", ".")
            })
            .collect();
        return Some(
            darling::Error::custom(format!(
                "`{key}` reads one {}: keep one of `{}`",
                if relative { "unit" } else { "format" },
                written.join("`, `")
            ))
            .with_span(list),
        );
    }
    let source = pairs
        .iter()
        .find(|pair| !matches!(pair.value, Expr::Lit(_)))
        .map(|pair| {
            quote::ToTokens::to_token_stream(&pair.value)
                .to_string()
                .replace(" . ", ".")
        })
        .unwrap_or_else(|| "expires".to_owned());
    let unit = pairs.iter().find_map(|pair| match &pair.value {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) => Some(text.value()),
        _ => None,
    });
    let message = match (relative, unit.as_deref()) {
        (true, Some("ms" | "millis" | "milliseconds")) => {
            format!("the unit is the key of the one pair: write `{key}(millis = {source})`")
        }
        (true, Some("s" | "sec" | "secs" | "seconds")) | (true, None) => format!(
            "the unit is the key of the one pair: write `{key}(seconds = {source})`, or `{key} = {source}` for seconds"
        ),
        (true, Some(other)) => format!(
            "`{other}` is not a unit `{key}` reads; write `{key} = {source}` for seconds or `{key}(millis = {source})`"
        ),
        (false, Some(format)) if format.contains('%') => format!(
            "`{key}` reads RFC 3339 text (`{key} = {source}`) or a Unix time (`{key}(unix_seconds = {source})`, `{key}(unix_millis = {source})`); a pattern such as `{format}` is not read: for a vendor whose timestamps have another shape, declare `lifetime = \"...\"` instead"
        ),
        (false, _) => format!(
            "the format is the key of the one pair: write `{key}(unix_seconds = {source})`, `{key}(unix_millis = {source})`, or `{key} = {source}` for RFC 3339"
        ),
    };
    Some(darling::Error::custom(message).with_span(list))
}

/// A duration or a number written where an expiry key wants the place the response states it:
/// the documented duration belongs in `lifetime`.
fn duration_instead_of_source(key: &Ident, example: &str, value: &Expr) -> Option<darling::Error> {
    let (written, lifetime) = match value {
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Str(text),
            ..
        }) if text
            .value()
            .trim()
            .starts_with(|c: char| c.is_ascii_digit()) =>
        {
            (text.value(), text.value())
        }
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Int(int),
            ..
        }) => (int.to_string(), format!("{}s", int.base10_digits())),
        Expr::Lit(syn::ExprLit {
            lit: syn::Lit::Float(float),
            ..
        }) => (float.to_string(), "1h".to_owned()),
        _ => return None,
    };
    Some(
        darling::Error::custom(format!(
            "`{key}` names where the response states the expiry, such as `{example}`, not a duration; for a duration the vendor documents, write `lifetime = \"{lifetime}\"` instead (`{written}` is not read from the response)"
        ))
        .with_span(value),
    )
}

/// `status(400 => InvalidRequest, 401 | 404 => InvalidCredentials)`: darling's meta syntax
/// has no `=>`, so the list is parsed here.
#[derive(Debug)]
pub struct StatusArms {
    pub arms: Vec<StatusArm>,
}

#[derive(Debug)]
pub struct StatusArm {
    pub codes: Vec<LitInt>,
    pub kind: Ident,
}

impl Parse for StatusArm {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        fn code(input: ParseStream) -> syn::Result<LitInt> {
            if input.peek(Token![_]) {
                let wildcard: Token![_] = input.parse()?;
                return Err(syn::Error::new(
                    wildcard.span,
                    "`status(...)` has no `_` arm: a status no arm lists gets the kind its code means in HTTP (401 `InvalidCredentials`, 429 `RateLimited`, another 5xx `ServerError`, else `Rejected`); list the codes, `401 | 403 => InvalidCredentials`, or remove this arm",
                ));
            }
            if input.peek(syn::token::Bracket) {
                // `[401, 403] => InvalidCredentials`: several codes of one kind.
                return Err(listed_alternatives::<LitInt>(
                    input,
                    ToString::to_string,
                    "the codes of one arm",
                )?);
            }
            if input.peek(Ident) || input.peek(Token![::]) {
                // `UNAUTHORIZED => ...`, `StatusCode::UNAUTHORIZED => ...`: a code by its name.
                let path: syn::Path = input.parse()?;
                let written = quote::ToTokens::to_token_stream(&path)
                    .to_string()
                    .replace(" :: ", "::");
                // At the name, the token that should be a number.
                let Some(name) = path.segments.last().map(|segment| &segment.ident) else {
                    return Err(input.error("expected a status code"));
                };
                let at = name.span();
                // `status(423 => Locked, lockout = "30m")`: a key of the endpoint written
                // inside the list.
                if input.peek(Token![=]) && !input.peek(Token![=>]) && path.get_ident().is_some() {
                    let key = name.to_string();
                    let fork = input.fork();
                    let value = fork
                        .parse::<Token![=]>()
                        .and_then(|_| fork.parse::<Expr>())
                        .map(|value| quote::ToTokens::to_token_stream(&value).to_string())
                        .unwrap_or_else(|_| "...".to_owned());
                    let message = if KEYS.contains(&key.as_str()) {
                        format!(
                            "`{key}` is a key of `#[login_endpoint(...)]`, written beside `status(...)`, not in it: `status(...), {key} = {value}`"
                        )
                    } else if let Some((_, hint)) = ENDPOINT_KEYS
                        .guesses
                        .iter()
                        .find(|(guess, _)| *guess == key)
                    {
                        format!(
                            "`status(...)` holds arms, `401 | 403 => InvalidCredentials`, and `{key} = ...` is not one: {hint}"
                        )
                    } else {
                        format!(
                            "`status(...)` holds arms, `401 | 403 => InvalidCredentials`; `{key} = ...` is not one"
                        )
                    };
                    return Err(syn::Error::new(at, message));
                }
                let message = match status_code_named(&name.to_string()) {
                    Some(code) => format!(
                        "write the status code as a number: `{code}` (for `{written}`); `status(...)` reads codes, not their names"
                    ),
                    None => format!(
                        "`{written}` is not a status code; write the code as a number, joined by `|` with others of the same kind: `401 | 403 => InvalidCredentials`"
                    ),
                };
                return Err(syn::Error::new(at, message));
            }
            if input.peek(syn::LitStr) {
                let quoted: syn::LitStr = input.parse()?;
                return Err(syn::Error::new(
                    quoted.span(),
                    format!(
                        "write the status code without quotes: `{}`",
                        quoted.value().trim()
                    ),
                ));
            }
            input.parse()
        }
        let mut codes = vec![code(input)?];
        while input.peek(Token![|]) {
            input.parse::<Token![|]>()?;
            codes.push(code(input)?);
        }
        let written: Vec<String> = codes.iter().map(ToString::to_string).collect();
        if let Some(error) = separated_like_arms::<LitInt>(
            input,
            written,
            |input| input.peek2(LitInt),
            ToString::to_string,
            "the codes of one arm",
            "",
        )? {
            // `401, 403 => InvalidCredentials`: codes of one arm separated as arms are.
            return Err(error);
        }
        if input.peek(Token![..=]) || input.peek(Token![..]) {
            let first = &codes[0];
            return Err(syn::Error::new(
                first.span(),
                format!(
                    "a status arm lists its codes, joined by `|`: `{first} | ... => <ErrorKind>`; ranges are not read, and a code not listed gets the kind of its class"
                ),
            ));
        }
        input.parse::<Token![=>]>()?;
        let kind = parse_kind(input)?;
        Ok(StatusArm { codes, kind })
    }
}

/// The code of an error status written by its name, as the `http` crate's `StatusCode`
/// constants (`UNAUTHORIZED`) or reason phrases in other spellings (`Unauthorized`,
/// `TooManyRequests`) name it.
fn status_code_named(name: &str) -> Option<u16> {
    const NAMES: &[(&str, u16)] = &[
        ("BADREQUEST", 400),
        ("UNAUTHORIZED", 401),
        ("UNAUTHORISED", 401),
        ("PAYMENTREQUIRED", 402),
        ("FORBIDDEN", 403),
        ("NOTFOUND", 404),
        ("METHODNOTALLOWED", 405),
        ("NOTACCEPTABLE", 406),
        ("REQUESTTIMEOUT", 408),
        ("CONFLICT", 409),
        ("GONE", 410),
        ("PRECONDITIONFAILED", 412),
        ("PAYLOADTOOLARGE", 413),
        ("UNSUPPORTEDMEDIATYPE", 415),
        ("UNPROCESSABLEENTITY", 422),
        ("UNPROCESSABLECONTENT", 422),
        ("LOCKED", 423),
        ("PRECONDITIONREQUIRED", 428),
        ("TOOMANYREQUESTS", 429),
        ("INTERNALSERVERERROR", 500),
        ("NOTIMPLEMENTED", 501),
        ("BADGATEWAY", 502),
        ("SERVICEUNAVAILABLE", 503),
        ("GATEWAYTIMEOUT", 504),
    ];
    let key: String = name
        .chars()
        .filter(|c| *c != '_')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    NAMES
        .iter()
        .find(|(known, _)| *known == key)
        .map(|(_, code)| *code)
}

/// `[a, b] => ...`, alternatives of one arm written as a list: reads the list and returns the
/// error, over the brackets, with the alternatives joined by `|` as an arm joins them. `what`
/// names them: "the codes of one arm".
pub fn listed_alternatives<T: Parse>(
    input: ParseStream,
    written: impl Fn(&T) -> String,
    what: &str,
) -> syn::Result<syn::Error> {
    let content;
    let bracket = syn::bracketed!(content in input);
    let values = Punctuated::<T, Token![,]>::parse_terminated(&content)?;
    let joined = values.iter().map(written).collect::<Vec<_>>().join(" | ");
    Ok(syn::Error::new(
        bracket.span.join(),
        format!("{what} are joined with `|`, not written as a list: `{joined} => ...`"),
    ))
}

/// `a, b => Kind`: alternatives of one arm separated by commas, as arms are. When the values
/// after `written` (those already read) are followed by `=>`, returns the error, at the first
/// comma, with the arm written as it is meant (`{before}a | b => Kind`); otherwise reads
/// nothing. `next_is_value` tells, at a comma, whether a value follows it.
pub fn separated_like_arms<T: Parse>(
    input: ParseStream,
    mut written: Vec<String>,
    next_is_value: fn(ParseStream) -> bool,
    write: impl Fn(&T) -> String,
    what: &str,
    before: &str,
) -> syn::Result<Option<syn::Error>> {
    if !(input.peek(Token![,]) && next_is_value(input)) {
        return Ok(None);
    }
    let ahead = input.fork();
    while ahead.peek(Token![,]) && next_is_value(&ahead) {
        ahead.parse::<Token![,]>()?;
        written.push(write(&ahead.parse::<T>()?));
    }
    if !ahead.peek(Token![=>]) {
        return Ok(None);
    }
    let comma: Token![,] = input.parse()?;
    let kind = ahead
        .parse::<Token![=>]>()
        .and_then(|_| parse_kind(&ahead))
        .map_or_else(|_| "...".to_owned(), |kind| kind.to_string());
    Ok(Some(syn::Error::new(
        comma.span,
        format!(
            "{what} are joined with `|`, not `,`: `{before}{} => {kind}`",
            written.join(" | ")
        ),
    )))
}

/// The second of two commas with nothing between them (`401 => A,, 423 => B`), or one that
/// begins the list.
pub fn doubled_comma(tokens: &TokenStream) -> Option<Span> {
    use proc_macro2::TokenTree;
    let mut previous_is_comma = true;
    for token in tokens.clone() {
        let is_comma = matches!(&token, TokenTree::Punct(p) if p.as_char() == ',');
        if is_comma && previous_is_comma {
            return Some(token.span());
        }
        previous_is_comma = is_comma;
    }
    None
}

/// `tokens` without the commas that end nothing (`a,, b` is `a, b`; a leading `,` is dropped).
fn without_empty_items(tokens: TokenStream) -> TokenStream {
    use proc_macro2::TokenTree;
    let mut previous_is_comma = true;
    tokens
        .into_iter()
        .filter(|token| {
            let is_comma = matches!(token, TokenTree::Punct(p) if p.as_char() == ',');
            let keep = !(is_comma && previous_is_comma);
            previous_is_comma = is_comma;
            keep
        })
        .collect()
}

/// The error kind of an arm (`=> InvalidCredentials`), written bare: a quoted kind or one
/// written as a path (`ErrorKind::Locked`) is reported with the bare spelling.
pub fn parse_kind(input: ParseStream) -> syn::Result<Ident> {
    if input.peek(syn::LitStr) {
        let quoted: syn::LitStr = input.parse()?;
        return Err(syn::Error::new(
            quoted.span(),
            format!("write the kind without quotes: `{}`", quoted.value()),
        ));
    }
    let path: syn::Path = input.parse()?;
    if let (Some(ident), true) = (
        path.get_ident(),
        input.peek(syn::token::Paren) || input.peek(syn::token::Brace),
    ) {
        // `Locked("30m")`, `RateLimited { retry_after: 60 }`: a kind carries no value.
        let group: proc_macro2::Group = input.parse()?;
        let wait = if ident == "Locked" {
            "; the documented wait after a lockout is `lockout = \"30m\"` in `#[login_endpoint(...)]`"
        } else if ident == "RateLimited" || ident == "Unavailable" {
            "; the wait is read from the answer's `Retry-After` (`AuthError::retry_after()`)"
        } else {
            ""
        };
        return Err(syn::Error::new(
            group.span(),
            format!("a kind takes no value: write `{ident}` alone{wait}"),
        ));
    }
    if let (Some(ident), true) = (path.get_ident(), input.peek(Token![|])) {
        // `401 => InvalidCredentials | Forbidden`: one answer is one kind.
        let bar: Token![|] = input.parse()?;
        return Err(syn::Error::new(
            bar.span,
            format!(
                "an arm gives one kind: keep `{ident}` or the kind after `|`; several codes share a kind as `401 | 403 => {ident}`"
            ),
        ));
    }
    match (path.get_ident(), path.segments.last()) {
        (Some(ident), _) => Ok(ident.clone()),
        (None, Some(last)) => Err(syn::Error::new_spanned(
            &path,
            format!("write the kind alone, without its type: `{}`", last.ident),
        )),
        (None, None) => Err(syn::Error::new_spanned(&path, "expected an error kind")),
    }
}

impl FromMeta for StatusArms {
    fn from_meta(item: &syn::Meta) -> darling::Result<Self> {
        match item {
            syn::Meta::List(list) => {
                if let Some(comma) = doubled_comma(&list.tokens) {
                    return Err(darling::Error::custom(
                        "two commas with no arm between them: remove one",
                    )
                    .with_span(&comma));
                }
                let arms = list
                    .parse_args_with(Punctuated::<StatusArm, Token![,]>::parse_terminated)
                    .map_err(|e| {
                        // syn's own messages ("expected `=>`") get the example; ours already say
                        // the fix.
                        let message = e.to_string();
                        let message = if message == "expected `,`" {
                            "a comma is missing before this arm: arms are separated by commas, `status(401 => InvalidCredentials, 423 => Locked)`".to_owned()
                        } else if message.starts_with("expected") || message.starts_with("unexpected") {
                            format!("{message}; write `status(<code> => <ErrorKind>, ...)`, e.g. `status(401 => InvalidCredentials, 423 => Locked)`")
                        } else {
                            message
                        };
                        darling::Error::custom(message).with_span(&e.span())
                    })?;
                if arms.is_empty() {
                    return Err(darling::Error::custom(
                        "`status()` has nothing in it; write `status(<code> => <ErrorKind>, ...)`, e.g. `status(401 => InvalidCredentials, 423 => Locked)`, or remove it",
                    )
                    .with_span(&list.delimiter.span().join()));
                }
                Ok(StatusArms { arms: arms.into_iter().collect() })
            }
            _ => Err(darling::Error::custom(
                "write `status(<code> => <ErrorKind>, ...)`, e.g. `status(401 => InvalidCredentials, 423 => Locked)`",
            )
            .with_span(item)),
        }
    }
}

/// `#[login(...)]` on a field: every such attribute of the field, read together.
#[derive(Debug, Default, FromMeta)]
pub struct FieldArgs {
    /// The span of `secret`.
    #[darling(default, with = secret_flag, map = Some)]
    pub secret: Option<Span>,
    #[darling(default, with = |meta| quoted(meta, "rename = \"organizationId\""), map = Some)]
    pub rename: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| quoted(meta, "header = \"x-api-key\""), map = Some)]
    pub header: Option<SpannedValue<String>>,
    /// The header whose declared value has this field's `{placeholder}`.
    #[darling(default, with = |meta| quoted(meta, "in_header = \"authorization\""), map = Some)]
    pub in_header: Option<SpannedValue<String>>,
    #[darling(default, with = |meta| PlacementName::parse(meta, "query"), map = Some)]
    pub query: Option<PlacementName>,
    #[darling(default, with = |meta| PlacementName::parse(meta, "path"), map = Some)]
    pub path: Option<PlacementName>,
    #[darling(default, with = |meta| PlacementName::parse(meta, "cookie"), map = Some)]
    pub cookie: Option<PlacementName>,
    #[darling(default, with = BasicAuthArg::parse, map = Some)]
    pub basic_auth: Option<BasicAuthArg>,
    /// The span of `body`: the field goes in the body as well as its other placements.
    #[darling(default, with = body_flag, map = Some)]
    pub body: Option<Span>,
    /// The span of `refresh_token`: the field carries the session's refresh token.
    #[darling(default, with = refresh_token_flag, map = Some)]
    pub refresh_token: Option<Span>,
    #[darling(default, with = FromLoginArg::parse, map = Some)]
    pub from_login: Option<FromLoginArg>,
    /// The placement keys (`header`, `in_header`, `query`, `path`, `cookie`, `basic_auth`,
    /// `body`) in the order written.
    #[darling(skip)]
    pub written: Vec<(String, Span)>,
}

fn body_flag(meta: &syn::Meta) -> darling::Result<Span> {
    match meta {
        syn::Meta::Path(path) => Ok(path.span()),
        _ => Err(darling::Error::custom(
            "`body` on a field takes no value: write `#[login(body)]` to send the field in the body as well, and `rename = \"...\"` to name its key",
        )
        .with_span(meta)),
    }
}

fn refresh_token_flag(meta: &syn::Meta) -> darling::Result<Span> {
    match meta {
        syn::Meta::Path(path) => Ok(path.span()),
        _ => Err(darling::Error::custom(
            "`refresh_token` takes no value: write `#[login(secret, refresh_token)]` on the field that carries the session's refresh token",
        )
        .with_span(meta)),
    }
}

/// `#[login(from_login)]` or `#[login(from_login = client_id)]`: a field of a refresh request
/// copied from the login's field of that name.
#[derive(Clone, Debug)]
pub struct FromLoginArg {
    /// The login's field, when it is named otherwise.
    pub field: Option<Ident>,
    pub span: Span,
}

impl FromLoginArg {
    const HINT: &str = "write `#[login(from_login)]` to copy the login's field of the same name, or `#[login(from_login = client_id)]` to name it";

    fn parse(meta: &syn::Meta) -> darling::Result<Self> {
        match meta {
            syn::Meta::Path(path) => Ok(FromLoginArg {
                field: None,
                span: path.span(),
            }),
            syn::Meta::NameValue(pair) => match &pair.value {
                Expr::Path(path) if path.qself.is_none() && path.path.get_ident().is_some() => {
                    Ok(FromLoginArg {
                        field: path.path.get_ident().cloned(),
                        span: pair.path.span(),
                    })
                }
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Err(darling::Error::custom(format!(
                    "write the login's field without quotes: `from_login = {}`; fields are named bare",
                    text.value().trim()
                ))
                .with_span(text)),
                other => Err(darling::Error::custom(Self::HINT).with_span(other)),
            },
            syn::Meta::List(list) => Err(darling::Error::custom(Self::HINT).with_span(list)),
        }
    }
}

fn secret_flag(meta: &syn::Meta) -> darling::Result<Span> {
    match meta {
        syn::Meta::Path(path) => Ok(path.span()),
        _ => Err(darling::Error::custom(
            "`secret` takes no value: write `#[login(secret)]` to mark the field as a credential",
        )
        .with_span(meta)),
    }
}

impl FieldArgs {
    /// Reads the `#[login(...)]` attributes of a field, reporting every mistake into `errors`.
    /// `None` when a key is unknown or its value cannot be read: the field's placement is then
    /// unknown.
    pub fn parse(field: &syn::Field, errors: &mut darling::error::Accumulator) -> Option<Self> {
        let mut items = Vec::new();
        let mut readable = true;
        for attr in field
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("login"))
        {
            let syn::Meta::List(list) = &attr.meta else {
                errors.push(
                    darling::Error::custom(
                        "write the keys in parentheses, e.g. `#[login(secret)]` or `#[login(rename = \"organizationId\")]`",
                    )
                    .with_span(&attr.meta),
                );
                readable = false;
                continue;
            };
            match parse_recovering(list.tokens.clone(), NestedMeta::parse_meta_list, errors) {
                Ok(list) => items.extend(list),
                Err(error) => {
                    errors.push(darling::Error::from(error));
                    readable = false;
                }
            }
        }
        let (items, unknown) = FIELD_KEYS.screen(items, errors);
        let written = items
            .iter()
            .filter_map(|item| {
                let path = item_path(item)?;
                let name = path_name(path);
                matches!(
                    name.as_str(),
                    "header" | "in_header" | "query" | "path" | "cookie" | "basic_auth" | "body"
                )
                .then(|| (name, path.span()))
            })
            .collect();
        let args = errors.handle(FieldArgs::from_list(&items));
        let mut args = args.filter(|_| readable && unknown.is_empty())?;
        args.written = written;
        Some(args)
    }
}

/// `body = json | form | none`.
#[derive(Clone, Copy, Debug)]
pub struct BodyArg {
    pub format: BodyFormat,
    pub span: Span,
}

/// How a request's body is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BodyFormat {
    Json,
    Form,
    None,
}

impl BodyFormat {
    pub fn keyword(self) -> &'static str {
        match self {
            BodyFormat::Json => "json",
            BodyFormat::Form => "form",
            BodyFormat::None => "none",
        }
    }
}

impl BodyArg {
    const HINT: &str = "write `body = json` (the default), `body = form` (`application/x-www-form-urlencoded`) or `body = none`";

    fn parse(meta: &syn::Meta) -> darling::Result<Self> {
        let syn::Meta::NameValue(pair) = meta else {
            return Err(darling::Error::custom(Self::HINT).with_span(meta));
        };
        let (name, span) = match &pair.value {
            Expr::Path(path) if path.path.get_ident().is_some() => {
                let ident = path
                    .path
                    .get_ident()
                    .map(Ident::to_string)
                    .unwrap_or_default();
                (ident, path.span())
            }
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) => {
                return Err(darling::Error::custom(format!(
                    "write the body format without quotes: `body = {}`",
                    text.value()
                ))
                .with_span(text));
            }
            other => return Err(darling::Error::custom(Self::HINT).with_span(other)),
        };
        let format = match name.as_str() {
            "json" => BodyFormat::Json,
            "form" => BodyFormat::Form,
            "none" => BodyFormat::None,
            _ => {
                // The names other libraries give a form body (reqwest's `.form(..)` sends one).
                let alias = matches!(
                    name.as_str(),
                    "urlencoded"
                        | "url_encoded"
                        | "form_urlencoded"
                        | "x_www_form_urlencoded"
                        | "www_form"
                        | "form_data"
                        | "forms"
                )
                .then_some("form");
                let suggestion = alias
                    .or_else(|| closest(&name, &["json", "form", "none"], 2))
                    .map(|format| format!("did you mean `{format}`? "))
                    .unwrap_or_default();
                return Err(darling::Error::custom(format!(
                    "unknown body format `{name}`; {suggestion}{}",
                    Self::HINT
                ))
                .with_span(&span));
            }
        };
        Ok(BodyArg { format, span })
    }
}

/// `#[login(query)]` or `#[login(query = "key")]`, and the same for `path`: where a field goes,
/// under its own name or another.
#[derive(Clone, Debug)]
pub struct PlacementName {
    pub name: Option<SpannedValue<String>>,
    pub span: Span,
}

impl PlacementName {
    fn parse(meta: &syn::Meta, key: &str) -> darling::Result<Self> {
        let example = match key {
            "path" => {
                "`#[login(path)]` for the placeholder named like the field, or `#[login(path = \"realm\")]`"
            }
            "cookie" => {
                "`#[login(cookie)]` for a cookie named like the field, or `#[login(cookie = \"refresh_token\")]`"
            }
            _ => {
                "`#[login(query)]` for a parameter named like the field, or `#[login(query = \"api_key\")]`"
            }
        };
        match meta {
            syn::Meta::Path(path) => Ok(PlacementName {
                name: None,
                span: path.span(),
            }),
            syn::Meta::NameValue(pair) => match &pair.value {
                // `path = "/"` beside `cookie = "sid"`: a `Set-Cookie` attribute copied over,
                // where `path` names a placeholder of the endpoint's path.
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) if key == "path"
                    && text.value().starts_with('/') =>
                {
                    Err(darling::Error::custom(format!(
                        "`path` on a field names the `{{placeholder}}` of the endpoint's `path` that the field fills, so `{}` is no name for it; a cookie is sent as its name and value alone (its `Path` and `Domain` are the server's to set): remove `path = ...`, or name the placeholder, `#[login(path = \"realm\")]`",
                        text.value()
                    ))
                    .with_span(text))
                }
                Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Ok(PlacementName {
                    name: Some(SpannedValue::new(text.value(), text.span())),
                    span: pair.path.span(),
                }),
                // A bare name is quoted as written: `cookie = sid` → `cookie = "sid"`.
                Expr::Path(bare) if bare.path.get_ident().is_some() => {
                    let written = bare
                        .path
                        .get_ident()
                        .map(Ident::to_string)
                        .unwrap_or_default();
                    Err(darling::Error::custom(format!(
                        "write the name in quotes: `#[login({key} = \"{written}\")]`, or `#[login({key})]` for the name of the field"
                    ))
                    .with_span(bare))
                }
                other => Err(darling::Error::custom(format!(
                    "write the name in quotes: {example}"
                ))
                .with_span(other)),
            },
            syn::Meta::List(list) => {
                Err(darling::Error::custom(format!("write {example}")).with_span(list))
            }
        }
    }
}

/// `#[login(basic_auth = user)]` or `#[login(basic_auth = password)]`.
#[derive(Clone, Copy, Debug)]
pub struct BasicAuthArg {
    pub part: BasicPart,
    pub span: Span,
}

/// Which half of HTTP Basic credentials a field is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BasicPart {
    User,
    Password,
}

impl BasicAuthArg {
    const HINT: &str = "write `#[login(basic_auth = user)]` on the user's field and `#[login(secret, basic_auth = password)]` on the password's";

    fn parse(meta: &syn::Meta) -> darling::Result<Self> {
        let syn::Meta::NameValue(pair) = meta else {
            return Err(darling::Error::custom(Self::HINT).with_span(meta));
        };
        let name = match &pair.value {
            Expr::Path(path) => path.path.get_ident().map(Ident::to_string),
            Expr::Lit(syn::ExprLit {
                lit: syn::Lit::Str(text),
                ..
            }) => {
                return Err(darling::Error::custom(format!(
                    "write it without quotes: `basic_auth = {}`",
                    text.value()
                ))
                .with_span(text));
            }
            _ => None,
        };
        let part = match name.as_deref() {
            Some("user" | "username") => BasicPart::User,
            Some("password") => BasicPart::Password,
            _ => return Err(darling::Error::custom(Self::HINT).with_span(&pair.value)),
        };
        Ok(BasicAuthArg {
            part,
            span: pair.value.span(),
        })
    }
}

/// `constant(grant_type = "password", returnSecureToken = true, params.userData = true)` and
/// `query(api = "SYNO.API.Auth", version = 6)`: keys with literal values. darling's meta
/// syntax has no dotted keys nor arrays, so the list is parsed here.
#[derive(Debug)]
pub struct ConstantList {
    pub entries: Vec<ConstantEntry>,
}

/// `key = value`, or `a.b = value` for a nested key.
#[derive(Debug)]
pub struct ConstantEntry {
    /// The key's segments (`["params", "userData"]`).
    pub keys: Vec<String>,
    pub key_span: Span,
    pub value: ConstantValue,
}

/// A literal, or an array of them.
#[derive(Clone, Debug)]
pub enum ConstantValue {
    Str(String, Span),
    /// The digits, with a leading `-` when negative.
    Int(String, Span),
    Float(String, Span),
    Bool(bool, Span),
    Array(Vec<ConstantValue>, Span),
}

impl ConstantValue {
    pub fn span(&self) -> Span {
        match self {
            ConstantValue::Str(_, span)
            | ConstantValue::Int(_, span)
            | ConstantValue::Float(_, span)
            | ConstantValue::Bool(_, span)
            | ConstantValue::Array(_, span) => *span,
        }
    }
}

const CONSTANT_HINT: &str = "a constant is a literal (`\"password\"`, `1`, `true`) or an array of literals (`[\"password\"]`)";

impl Parse for ConstantValue {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(syn::token::Bracket) {
            let content;
            let bracket = syn::bracketed!(content in input);
            let values = Punctuated::<ConstantValue, Token![,]>::parse_terminated(&content)?;
            return Ok(ConstantValue::Array(
                values.into_iter().collect(),
                bracket.span.join(),
            ));
        }
        if input.peek(syn::token::Brace) {
            let content;
            let brace = syn::braced!(content in input);
            let _ = content;
            return Err(syn::Error::new(
                brace.span.join(),
                "a constant is a literal or an array of literals, not an object; write the object's keys dotted: `params.methods = [\"password\"]`",
            ));
        }
        let negative = if input.peek(Token![-]) {
            Some(input.parse::<Token![-]>()?)
        } else {
            None
        };
        let lit: syn::Lit = input
            .parse()
            .map_err(|e| syn::Error::new(e.span(), CONSTANT_HINT))?;
        let span = lit.span();
        let sign = if negative.is_some() { "-" } else { "" };
        Ok(match lit {
            syn::Lit::Str(text) if negative.is_none() => ConstantValue::Str(text.value(), span),
            syn::Lit::Bool(value) if negative.is_none() => ConstantValue::Bool(value.value, span),
            syn::Lit::Int(int) if int.suffix().is_empty() => {
                ConstantValue::Int(format!("{sign}{}", int.base10_digits()), span)
            }
            syn::Lit::Float(float) if float.suffix().is_empty() => {
                ConstantValue::Float(format!("{sign}{}", float.base10_digits()), span)
            }
            // `3u32`, `0.5f64`: the number is sent as JSON writes it, without a Rust type.
            syn::Lit::Int(int) => {
                return Err(syn::Error::new(
                    span,
                    format!(
                        "write the number without its type suffix: `{sign}{}`; the request carries the number alone",
                        int.base10_digits()
                    ),
                ));
            }
            syn::Lit::Float(float) => {
                return Err(syn::Error::new(
                    span,
                    format!(
                        "write the number without its type suffix: `{sign}{}`; the request carries the number alone",
                        float.base10_digits()
                    ),
                ));
            }
            // `'c'`: text is written in double quotes.
            syn::Lit::Char(c) if negative.is_none() => {
                return Err(syn::Error::new(
                    span,
                    format!("write text in double quotes: `{:?}`", c.value().to_string()),
                ));
            }
            _ => return Err(syn::Error::new(span, CONSTANT_HINT)),
        })
    }
}

/// `cookie(name = "lang", value = "en")`, as `header(...)` is written: a cookie or query
/// parameter is its own key, so this sends two items named `name` and `value`. The error, at
/// `name`, with the item written as this list writes it.
fn name_and_value_as_keys(list: &str, entries: &[ConstantEntry]) -> Option<darling::Error> {
    if !matches!(list, "cookie" | "query") {
        return None;
    }
    let key_of = |wanted: &str| {
        entries
            .iter()
            .find(|entry| entry.keys.len() == 1 && entry.keys[0] == wanted)
    };
    let (Some(name), Some(value), 2) = (key_of("name"), key_of("value"), entries.len()) else {
        return None;
    };
    let ConstantValue::Str(named, _) = &name.value else {
        return None;
    };
    let key = if syn::parse_str::<Ident>(named).is_ok() {
        named.clone()
    } else {
        format!("{named:?}")
    };
    let written = match &value.value {
        ConstantValue::Str(text, _) => format!("{text:?}"),
        ConstantValue::Int(digits, _) | ConstantValue::Float(digits, _) => digits.clone(),
        ConstantValue::Bool(flag, _) => flag.to_string(),
        ConstantValue::Array(..) => "[...]".to_owned(),
    };
    let what = if list == "cookie" {
        "a cookie"
    } else {
        "a query parameter"
    };
    Some(
        darling::Error::custom(format!(
            "{what} is written with its name as the key: `{list}({key} = {written})`; as written, this sends two, named `name` and `value`"
        ))
        .with_span(&name.key_span),
    )
}

/// The tokens of `input` up to the next `,`, as written, for an error's "write ...".
pub(crate) fn tokens_to_comma(input: ParseStream) -> syn::Result<TokenStream> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut out = TokenStream::new();
        while let Some((token, next)) = rest.token_tree() {
            if matches!(&token, proc_macro2::TokenTree::Punct(p) if p.as_char() == ',') {
                break;
            }
            out.extend([token]);
            rest = next;
        }
        Ok((out, rest))
    })
}

impl Parse for ConstantEntry {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let mut keys = Vec::new();
        let mut key_span = None;
        loop {
            let (key, span) = if input.peek(syn::LitStr) {
                let text: syn::LitStr = input.parse()?;
                (text.value(), text.span())
            } else {
                let ident = input.call(<Ident as syn::ext::IdentExt>::parse_any)?;
                (ident.to_string(), ident.span())
            };
            key_span.get_or_insert(span);
            keys.push(key);
            if !input.peek(Token![.]) {
                break;
            }
            input.parse::<Token![.]>()?;
        }
        if input.peek(Token![-]) && keys.len() == 1 {
            let mut written = keys.join(".");
            while input.peek(Token![-]) {
                input.parse::<Token![-]>()?;
                let part = input.call(<Ident as syn::ext::IdentExt>::parse_any)?;
                written.push('-');
                written.push_str(&part.to_string());
            }
            return Err(syn::Error::new(
                key_span.unwrap_or_else(Span::call_site),
                format!(
                    "`{written}` is not an identifier; write the key in quotes: `\"{written}\" = ...`"
                ),
            ));
        }
        if input.peek(Token![:]) && !input.peek(Token![::]) {
            let key = keys.join(".");
            let colon: Token![:] = input.parse()?;
            let value = tokens_to_comma(input)?;
            return Err(syn::Error::new(
                colon.span,
                format!("a key takes its value after `=`, not `:`: write `{key} = {value}`"),
            ));
        }
        if input.peek(Token![=>]) {
            // `grant_type => "password"`, as a status arm is written.
            let key = keys.join(".");
            let arrow: Token![=>] = input.parse()?;
            let value = tokens_to_comma(input)?;
            return Err(syn::Error::new(
                arrow.spans[0],
                format!("a constant takes its value after `=`, not `=>`: write `{key} = {value}`"),
            ));
        }
        if !input.peek(Token![=]) {
            let key = keys.join(".");
            return Err(syn::Error::new(
                key_span.unwrap_or_else(Span::call_site),
                format!(
                    "`{key}` has no value; write `{key} = <literal>`: text in quotes (`{key} = \"...\"`), a number, `true` or `false`"
                ),
            ));
        }
        input.parse::<Token![=]>()?;
        if input.peek(Ident) {
            let key = keys.join(".");
            let value = input.fork().parse::<syn::Path>()?;
            let mut written = quote::ToTokens::to_token_stream(&value)
                .to_string()
                .replace(" :: ", "::");
            if input.peek2(Token![!]) {
                written.push_str("!(...)");
            }
            let bare = value.get_ident().map(Ident::to_string);
            let message = if let Some(boolean) =
                bare.as_deref()
                    .and_then(|name| match name.to_ascii_lowercase().as_str() {
                        "true" => Some("true"),
                        "false" => Some("false"),
                        _ => None,
                    }) {
                // `True`, `FALSE`: another language's booleans.
                format!("write the boolean in lowercase, without quotes: `{key} = {boolean}`")
            } else if bare.as_deref().is_some_and(|name| {
                matches!(
                    name.to_ascii_lowercase().as_str(),
                    "null" | "none" | "nil" | "undefined"
                )
            }) {
                // `null`, `None`: a constant that holds nothing.
                format!(
                    "`{written}` is no value for a constant; remove `{key}` to leave it out of the request, or, for a value set only sometimes, declare `{key}` as an `Option` field of the struct"
                )
            } else if input.peek2(Token![!]) || input.peek2(Token![::]) {
                // `env!("CLIENT_ID")`, `config::CLIENT_ID`: values of the program, which the
                // macro cannot read.
                format!(
                    "`{written}` is a value of the program, which a declaration cannot read; write a literal, `{key} = \"...\"`, or, for a value known only when the program runs, declare `{key}` as a field of the struct and set it with the builder"
                )
            } else if let Some(name) = value.get_ident().filter(|name| {
                let name = name.to_string();
                name.len() > 1 && !name.chars().any(|c| c.is_ascii_lowercase())
            }) {
                // `GRANT_TYPE`: a `const` of the program, by Rust's naming.
                format!(
                    "`{name}` is a value of the program, which a declaration cannot read; write its value here, e.g. `{key} = \"password\"`: a constant is a literal (`\"password\"`, `1`, `true`) or an array of literals (`[\"password\"]`)"
                )
            } else if let Some(name) = value.get_ident() {
                format!(
                    "write the value in quotes: `{key} = \"{name}\"`; a constant is a literal (`\"password\"`, `1`, `true`) or an array of literals (`[\"password\"]`)"
                )
            } else {
                CONSTANT_HINT.to_owned()
            };
            return Err(syn::Error::new(
                syn::spanned::Spanned::span(&value),
                message,
            ));
        }
        let value = input.parse()?;
        Ok(ConstantEntry {
            keys,
            key_span: key_span.unwrap_or_else(Span::call_site),
            value,
        })
    }
}

impl FromMeta for ConstantList {
    fn from_meta(item: &syn::Meta) -> darling::Result<Self> {
        let name = item
            .path()
            .get_ident()
            .map(Ident::to_string)
            .unwrap_or_default();
        let example = if name == "query" {
            "`query(api = \"SYNO.API.Auth\", version = 6)`"
        } else if name == "cookie" {
            "`cookie(lang = \"en\")`"
        } else {
            "`constant(grant_type = \"password\", returnSecureToken = true)`"
        };
        match item {
            syn::Meta::List(list) => {
                let entries = list
                    .parse_args_with(Punctuated::<ConstantEntry, Token![,]>::parse_terminated)
                    .map_err(|e| {
                        let message = e.to_string();
                        let message = if message.contains("; write")
                            || message.contains("; remove")
                            || message.starts_with("write ")
                            || message.contains(": write")
                        {
                            message
                        } else {
                            format!(
                                "{message}; write `{name}(<key> = <literal>, ...)`, e.g. {example}"
                            )
                        };
                        darling::Error::custom(message).with_span(&e.span())
                    })?;
                if entries.is_empty() {
                    return Err(darling::Error::custom(format!(
                        "`{name}()` has nothing in it; write `{name}(<key> = <literal>, ...)`, e.g. {example}, or remove it"
                    ))
                    .with_span(&list.delimiter.span().join()));
                }
                let entries: Vec<ConstantEntry> = entries.into_iter().collect();
                if let Some(error) = name_and_value_as_keys(&name, &entries) {
                    return Err(error);
                }
                Ok(ConstantList { entries })
            }
            syn::Meta::NameValue(pair)
                if let Some(list) = pairs_written_as_text(&name, &pair.value) =>
            {
                Err(darling::Error::custom(format!(
                    "each value is a key of its own: write `{name}({list})`"
                ))
                .with_span(&pair.value))
            }
            _ => Err(darling::Error::custom(format!(
                "write `{name}(<key> = <literal>, ...)`, e.g. {example}"
            ))
            .with_span(item)),
        }
    }
}

/// The keys of a list written as one string, the way a URL or a `Cookie` header writes them:
/// `query = "api=SYNO.API.Auth&version=3"` for `query(api = "SYNO.API.Auth", version = 3)`.
/// `None` unless every part is a `key=value` whose key could be written bare.
fn pairs_written_as_text(list: &str, value: &Expr) -> Option<String> {
    let Expr::Lit(syn::ExprLit {
        lit: syn::Lit::Str(text),
        ..
    }) = value
    else {
        return None;
    };
    let text = text.value();
    let separator = if list == "cookie" { ';' } else { '&' };
    let pairs: Vec<String> = text
        .trim_start_matches('?')
        .split(separator)
        .map(|part| {
            let (key, value) = part.trim().split_once('=')?;
            let bare = !key.is_empty()
                && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                && !key.starts_with(|c: char| c.is_ascii_digit());
            bare.then(|| {
                if !value.is_empty() && value.chars().all(|c| c.is_ascii_digit()) {
                    format!("{key} = {value}")
                } else {
                    format!("{key} = {value:?}")
                }
            })
        })
        .collect::<Option<_>>()?;
    Some(pairs.join(", "))
}
