//! Stage 1 of `#[derive(VendorError)]`: the `#[vendor_error(...)]` attributes as written, each
//! key read on its own. Unknown keys are reported in the same words as `#[login_endpoint]`'s.

use darling::Error;
use proc_macro2::Span;
use syn::parse::{Parse, ParseStream, Parser};
use syn::punctuated::Punctuated;
use syn::spanned::Spanned;
use syn::{Attribute, Expr, Ident, Lit, Member, Meta, Token};

use crate::attr::{KeyList, MAX_KEY_DISTANCE, closest, parse_recovering};

/// The keys of `#[vendor_error(...)]` on the struct.
pub const CONTAINER_KEYS: KeyList = KeyList {
    place: "`#[vendor_error(...)]` on the struct",
    keys: &["code", "message", "field_errors", "kind"],
    repeatable: &[],
    elsewhere: None,
    example: "#[vendor_error(code = error, message = error_description)]",
    guesses: &[
        (
            "retry_after",
            "a `Retry-After` header is read from every answer by itself (`AuthError::retry_after()`), and a documented wait after a lockout is `lockout = \"30m\"` in `#[login_endpoint(...)]`",
        ),
        (
            "status",
            "statuses are mapped in `#[login_endpoint(status(401 => InvalidCredentials))]`; here `kind(...)` maps codes and messages",
        ),
        (
            "description",
            "the vendor's words are the error's `message`: `message = $PATH`",
        ),
        (
            "error_description",
            "the vendor's words are the error's `message`: `message = $PATH`",
        ),
        (
            "rename_all",
            "paths name the struct's Rust fields, whatever their JSON names; a JSON naming convention is serde's, `#[serde(rename_all = \"camelCase\")]`",
        ),
        (
            "rename",
            "paths name the struct's Rust fields, whatever their JSON names; a field's JSON name is serde's, `#[serde(rename = \"...\")]` on it",
        ),
    ],
    pair: None,
    renames: &[],
};

/// The keys of `#[vendor_error(...)]` on a field.
pub const FIELD_KEYS: KeyList = KeyList {
    place: "`#[vendor_error(...)]` on a field",
    keys: &["code", "message", "field_errors"],
    repeatable: &[],
    elsewhere: Some((
        &["kind"],
        "`kind(...)` goes in `#[vendor_error(...)]` on the struct",
    )),
    example: "#[vendor_error(message)]",
    guesses: &[],
    pair: None,
    renames: &[],
};

/// The keys of `field_errors(...)`.
const FIELD_ERROR_KEYS: KeyList = KeyList {
    place: "`field_errors(...)`",
    keys: &["each", "by_field", "field", "error", "params"],
    repeatable: &[],
    elsewhere: None,
    example: "field_errors(each = errors, field = field, error = code)",
    guesses: &[
        (
            "message",
            "a field error's problem, its code or its text, is `error = ...`, and its details `params = ...`",
        ),
        (
            "code",
            "a field error's problem, its code or its text, is `error = ...`, and its details `params = ...`",
        ),
        ("name", "the name of the field at fault is `field = ...`"),
    ],
    pair: None,
    renames: &[],
};

pub use crate::field_path::FieldPath as ValuePath;

/// `key = path`, a path into the error type: `message`, `response.error_code`,
/// `errors[0].extensions.code`.
fn value_path(expr: &Expr, example: &str) -> darling::Result<ValuePath> {
    if let Expr::Lit(syn::ExprLit {
        lit: Lit::Str(text),
        ..
    }) = expr
    {
        let key = example.split(' ').next().unwrap_or("code");
        return Err(Error::custom(format!(
            "write the path of fields without quotes: `{key} = {}`",
            text.value().replace(['"', ' ', '{', '}'], "")
        ))
        .with_span(text));
    }
    if let Expr::Binary(binary) = expr
        && matches!(binary.op, syn::BinOp::BitOr(_))
    {
        return Err(Error::custom(
            "one path goes here; paths tried in turn (`code = error_code | status`) are for `code` and `message`",
        )
        .with_span(&binary.op));
    }
    if let Expr::MethodCall(call) = expr {
        let key = example.split(' ').next().unwrap_or("code");
        return Err(Error::custom(format!(
            "a path names fields, and calls no method: write the path alone, `{key} = {}`; the value there is read as its type says",
            quote::ToTokens::to_token_stream(&call.receiver)
                .to_string()
                .replace(' ', "")
        ))
        .with_span(&call.method));
    }
    ValuePath::parse(expr).map_err(|malformed| malformed.error("the error body", example))
}

/// A key as written, with the span of its name.
pub struct Key<T> {
    pub value: T,
    pub span: Span,
}

/// `#[vendor_error(...)]` on the struct, all such attributes together.
#[derive(Default)]
pub struct ContainerArgs {
    /// One path, or alternatives joined by `|`, the first present one read.
    pub code: Option<Key<Vec<ValuePath>>>,
    pub message: Option<Key<Vec<ValuePath>>>,
    pub field_errors: Option<Key<FieldErrorsArg>>,
    pub kind: Vec<KindArm>,
    /// The span of the first `kind(...)`, for a second one.
    kind_span: Option<Span>,
}

/// `#[vendor_error(...)]` on one field.
pub struct FieldArgs {
    pub member: Member,
    pub code: Option<Span>,
    pub message: Option<Span>,
    pub field_errors: Option<Key<FieldErrorsArg>>,
}

/// `field_errors(each = ..., field = ..., error = ..., params = ...)`, or `field_errors(by_field =
/// ..., error = ..., params = ...)` for a map keyed by field name.
#[derive(Default)]
pub struct FieldErrorsArg {
    pub each: Option<Key<ValuePath>>,
    /// `by_field = data` on the struct (the path of the map), `by_field` alone on a field (the
    /// field is the map).
    pub by_field: Option<Key<Option<ValuePath>>>,
    pub field: Option<Key<ValuePath>>,
    pub error: Option<Key<ValuePath>>,
    pub params: Option<Key<ValuePath>>,
}

/// One arm of `kind(...)`: `code = "A" | "B" => Kind` or `message = "..." => Kind`.
pub struct KindArm {
    pub on: Ident,
    pub values: Vec<KindValue>,
    pub kind: Ident,
}

/// A literal an arm compares with: the code as text, or the whole message.
pub struct KindValue {
    pub text: String,
    pub span: Span,
}

fn is_vendor_error(attr: &Attribute) -> bool {
    attr.path().is_ident("vendor_error")
}

/// A `|` with nothing after it (`code = code |`, `code = code |, message = ...`), in `tokens`
/// or a group inside them.
fn dangling_bar(tokens: proc_macro2::TokenStream) -> Option<Span> {
    use proc_macro2::TokenTree;
    let tokens: Vec<TokenTree> = tokens.into_iter().collect();
    for (position, token) in tokens.iter().enumerate() {
        match token {
            TokenTree::Punct(bar) if bar.as_char() == '|' => {
                let next = tokens.get(position + 1);
                let ends = match next {
                    None => true,
                    Some(TokenTree::Punct(next)) => matches!(next.as_char(), ',' | '=' | '|'),
                    Some(_) => false,
                };
                if ends {
                    return Some(bar.span());
                }
            }
            TokenTree::Group(group) => {
                if let Some(span) = dangling_bar(group.stream()) {
                    return Some(span);
                }
            }
            _ => {}
        }
    }
    None
}

/// The items of every `#[vendor_error(...)]` among `attrs`.
fn items(attrs: &[Attribute], errors: &mut darling::error::Accumulator) -> Vec<Meta> {
    let mut out = Vec::new();
    for attr in attrs.iter().filter(|attr| is_vendor_error(attr)) {
        let parsed = match &attr.meta {
            Meta::List(list) => parse_recovering(
                list.tokens.clone(),
                |tokens| Punctuated::<Meta, Token![,]>::parse_terminated.parse2(tokens),
                errors,
            )
            .map_err(|e| match dangling_bar(list.tokens.clone()) {
                    Some(bar) => Error::custom(
                        "`|` joins alternatives, and none follows it: write the next path after it (`code = error_code | status`), or remove it",
                    )
                    .with_span(&bar),
                    None => Error::custom(format!(
                        "{e}; write keys separated by commas, e.g. `#[vendor_error(code = error_code, message = error)]`"
                    ))
                    .with_span(&e.span()),
                }),
            other => Err(Error::custom(
                "write the keys in parentheses, e.g. `#[vendor_error(code = error_code, message = error)]`",
            )
            .with_span(other)),
        };
        if let Some(items) = errors.handle(parsed) {
            out.extend(items);
        }
    }
    out
}

/// The key's name if it is one of `keys`; an "unknown key" error otherwise.
fn key_name(meta: &Meta, keys: &KeyList) -> darling::Result<String> {
    let path = meta.path();
    match path.get_ident() {
        Some(ident) if keys.keys.contains(&ident.to_string().as_str()) => Ok(ident.to_string()),
        _ => Err(keys.unknown_with_value(
            path,
            match meta {
                Meta::NameValue(pair) => Some(&pair.value),
                _ => None,
            },
        )),
    }
}

/// `key = path`.
fn path_value(meta: &Meta, key: &str, example: &str) -> darling::Result<Key<ValuePath>> {
    match meta {
        Meta::NameValue(pair) => Ok(Key {
            value: value_path(&pair.value, example)?,
            span: pair.path.span(),
        }),
        _ => {
            Err(Error::custom(format!("write `{key} = <path>`, e.g. `{example}`")).with_span(meta))
        }
    }
}

/// `key = path`, or `key = path | path | ...`: paths tried in order, for a body that holds the
/// value in one place or another (an error's `errorCode`, or a 200's `status`).
fn path_alternatives(
    meta: &Meta,
    key: &str,
    example: &str,
) -> darling::Result<Key<Vec<ValuePath>>> {
    fn collect(expr: &Expr, example: &str, out: &mut Vec<ValuePath>) -> darling::Result<()> {
        match expr {
            Expr::Binary(binary) if matches!(binary.op, syn::BinOp::BitOr(_)) => {
                collect(&binary.left, example, out)?;
                if let Expr::Lit(literal) = &*binary.right {
                    // `code = code | "UNKNOWN"`: a default, where each alternative is a path.
                    return Err(Error::custom(
                        "each alternative after `|` is a path into the error body, not a default value; an error whose body has none of the paths has no code or message (`vendor_code()` and `message()` are `None`): remove this alternative",
                    )
                    .with_span(literal));
                }
                collect(&binary.right, example, out)
            }
            Expr::Binary(binary) if matches!(binary.op, syn::BinOp::Or(_)) => {
                // `code = error || status`: alternatives joined as Rust joins conditions.
                let written = quote::ToTokens::to_token_stream(expr)
                    .to_string()
                    .replace(" . ", ".")
                    .replace(" || ", " | ");
                Err(Error::custom(format!(
                    "alternatives are joined by one `|`: write `{written}`"
                ))
                .with_span(&binary.op))
            }
            // `message = [msg, error_description]`, as a list of places to look.
            Expr::Array(array) if array.elems.len() > 1 => {
                let key = example.split(' ').next().unwrap_or("code");
                let paths: Vec<String> = array
                    .elems
                    .iter()
                    .map(|elem| {
                        quote::ToTokens::to_token_stream(elem)
                            .to_string()
                            .replace(' ', "")
                    })
                    .collect();
                Err(Error::custom(format!(
                    "paths tried in turn are joined by `|`, and the first present one is read: `{key} = {}`",
                    paths.join(" | ")
                ))
                .with_span(&array.bracket_token.span.join()))
            }
            other => {
                out.push(value_path(other, example)?);
                Ok(())
            }
        }
    }
    match meta {
        Meta::NameValue(pair) => {
            let mut paths = Vec::new();
            collect(&pair.value, example, &mut paths)?;
            Ok(Key {
                value: paths,
                span: pair.path.span(),
            })
        }
        _ => {
            Err(Error::custom(format!("write `{key} = <path>`, e.g. `{example}`")).with_span(meta))
        }
    }
}

impl ContainerArgs {
    pub fn parse(attrs: &[Attribute], errors: &mut darling::error::Accumulator) -> Self {
        let mut args = ContainerArgs::default();
        for meta in items(attrs, errors) {
            let Some(key) = errors.handle(key_name(&meta, &CONTAINER_KEYS)) else {
                continue;
            };
            let span = meta.path().span();
            match key.as_str() {
                "code" | "message" => {
                    let example = if key == "code" {
                        "code = response.error_code"
                    } else {
                        "message = errors[0].message"
                    };
                    if matches!(meta, Meta::Path(_)) {
                        errors.push(Error::custom(format!(
                            "on the struct, `{key}` names a path: `{example}`; or write `#[vendor_error({key})]` on the field that holds it"
                        )).with_span(&span));
                        continue;
                    }
                    let Some(value) = errors.handle(path_alternatives(&meta, &key, example)) else {
                        continue;
                    };
                    let slot = if key == "code" {
                        &mut args.code
                    } else {
                        &mut args.message
                    };
                    if slot.is_some() {
                        errors.push(CONTAINER_KEYS.duplicate(&key, &span));
                    } else {
                        *slot = Some(value);
                    }
                }
                "field_errors" => {
                    let Some(value) = errors.handle(FieldErrorsArg::parse(&meta, true)) else {
                        continue;
                    };
                    if args.field_errors.is_some() {
                        errors.push(CONTAINER_KEYS.duplicate("field_errors", &span));
                    } else {
                        args.field_errors = Some(Key { value, span });
                    }
                }
                _ => {
                    if args.kind_span.is_some() {
                        errors.push(
                            Error::custom(format!(
                                "`kind(...)` is given twice in {}; write every arm in one `kind(...)`, e.g. `{KIND_EXAMPLE}`",
                                CONTAINER_KEYS.place
                            ))
                            .with_span(&span),
                        );
                        continue;
                    }
                    args.kind_span = Some(span);
                    if let Some(arms) = errors.handle(parse_kind_arms(&meta)) {
                        args.kind = arms;
                    }
                }
            }
        }
        args
    }
}

impl FieldArgs {
    pub fn parse(
        member: Member,
        attrs: &[Attribute],
        errors: &mut darling::error::Accumulator,
    ) -> Self {
        let mut args = FieldArgs {
            member,
            code: None,
            message: None,
            field_errors: None,
        };
        for meta in items(attrs, errors) {
            let Some(key) = errors.handle(key_name(&meta, &FIELD_KEYS)) else {
                continue;
            };
            let span = meta.path().span();
            match key.as_str() {
                "code" | "message" => {
                    if !matches!(meta, Meta::Path(_)) {
                        errors.push(Error::custom(format!(
                            "on a field, `{key}` takes no value: `#[vendor_error({key})]` says this field is the {key}; a path such as `{key} = a.b` goes in `#[vendor_error(...)]` on the struct"
                        )).with_span(&meta));
                        continue;
                    }
                    let slot = if key == "code" {
                        &mut args.code
                    } else {
                        &mut args.message
                    };
                    if slot.is_some() {
                        errors.push(FIELD_KEYS.duplicate(&key, &span));
                    } else {
                        *slot = Some(span);
                    }
                }
                _ => {
                    let Some(value) = errors.handle(FieldErrorsArg::parse(&meta, false)) else {
                        continue;
                    };
                    if args.field_errors.is_some() {
                        errors.push(FIELD_KEYS.duplicate("field_errors", &span));
                    } else {
                        args.field_errors = Some(Key { value, span });
                    }
                }
            }
        }
        args
    }
}

impl FieldErrorsArg {
    /// `on_struct`: whether `each` is expected (on a field, the field is the list).
    fn parse(meta: &Meta, on_struct: bool) -> darling::Result<Self> {
        let example = if on_struct {
            "field_errors(each = errors, field = field, error = code)"
        } else {
            "field_errors(field = field_name, error = error)"
        };
        let Meta::List(list) = meta else {
            return Err(Error::custom(format!("write `{example}`")).with_span(meta));
        };
        let mut errors = Error::accumulator();
        let items = parse_recovering(
            list.tokens.clone(),
            |tokens| Punctuated::<Meta, Token![,]>::parse_terminated.parse2(tokens),
            &mut errors,
        );
        let Some(items) = errors
            .handle(items.map_err(|e| {
                Error::custom(format!("{e}; write `{example}`")).with_span(&e.span())
            }))
        else {
            return Err(errors
                .finish()
                .err()
                .unwrap_or_else(|| Error::custom(format!("write `{example}`")).with_span(meta)));
        };
        let mut args = FieldErrorsArg::default();
        // Keys written, even misspelt or with a mistake in their value (reported), are not
        // also reported missing.
        let mut written: Vec<String> = Vec::new();
        for item in &items {
            let Some(key) = errors.handle(key_name(item, &FIELD_ERROR_KEYS)) else {
                if let Some(ident) = item.path().get_ident()
                    && let Some(key) =
                        closest(&ident.to_string(), FIELD_ERROR_KEYS.keys, MAX_KEY_DISTANCE).or(
                            match ident.to_string().as_str() {
                                // The guesses above: each stands for the key it names.
                                "message" | "code" => Some("error"),
                                "name" => Some("field"),
                                _ => None,
                            },
                        )
                {
                    written.push(key.to_owned());
                }
                continue;
            };
            written.push(key.clone());
            if key == "each" && !on_struct {
                errors.push(Error::custom(
                    "on a field, the field itself is the list of field errors; remove `each`, or move `field_errors(...)` to the struct",
                ).with_span(item.path()));
                continue;
            }
            if key == "by_field" {
                let span = item.path().span();
                let value = match (item, on_struct) {
                    (Meta::Path(_), false) => Some(None),
                    (Meta::NameValue(_), true) => errors
                        .handle(path_value(item, &key, "by_field = data"))
                        .map(|key| Some(key.value)),
                    (_, false) => {
                        errors.push(Error::custom(
                            "on a field, the field itself is the map of field errors: write `by_field` alone, `field_errors(by_field, error = code)`",
                        ).with_span(item));
                        None
                    }
                    (_, true) => {
                        errors.push(Error::custom(
                            "`by_field` names the map whose keys are the fields: `field_errors(by_field = data, error = code)`",
                        ).with_span(item));
                        None
                    }
                };
                let Some(value) = value else { continue };
                if args.by_field.is_some() {
                    errors.push(FIELD_ERROR_KEYS.duplicate(&key, item.path()));
                } else {
                    args.by_field = Some(Key { value, span });
                }
                continue;
            }
            let example = match key.as_str() {
                "each" => "each = syntax_errors.invalid_fields",
                "field" => "field = field_name",
                "error" => "error = error",
                _ => "params = params",
            };
            let Some(value) = errors.handle(path_value(item, &key, example)) else {
                continue;
            };
            let slot = match key.as_str() {
                "each" => &mut args.each,
                "field" => &mut args.field,
                "error" => &mut args.error,
                _ => &mut args.params,
            };
            if slot.is_some() {
                errors.push(FIELD_ERROR_KEYS.duplicate(&key, item.path()));
            } else {
                *slot = Some(value);
            }
        }
        let by_field = args.by_field.is_some() || written.iter().any(|key| key == "by_field");
        if by_field {
            // The keys of the map are the field names: a list's keys do not apply.
            if let Some(each) = &args.each {
                errors.push(Error::custom(
                    "`each` names a list and `by_field` a map of field errors; keep the one the error body has",
                ).with_span(&each.span));
            }
            if let Some(field) = &args.field {
                errors.push(
                    Error::custom(
                        "with `by_field`, the map's keys are the field names; remove `field`",
                    )
                    .with_span(&field.span),
                );
            }
        }
        let example = if by_field {
            if on_struct {
                "field_errors(by_field = data, error = code)"
            } else {
                "field_errors(by_field, error = code)"
            }
        } else {
            example
        };
        let required: &[(&str, bool)] = &[
            ("each", !on_struct || by_field || args.each.is_some()),
            ("field", by_field || args.field.is_some()),
            ("error", args.error.is_some()),
        ];
        for (key, given) in required {
            if !given && !written.iter().any(|written| written == key) {
                errors.push(FIELD_ERROR_KEYS.missing(key, example).with_span(&list.path));
            }
        }
        errors.finish_with(args)
    }
}

const KIND_EXAMPLE: &str =
    "kind(code = \"invalid_grant\" => InvalidCredentials, message = \"Account locked\" => Locked)";

fn parse_kind_arms(meta: &Meta) -> darling::Result<Vec<KindArm>> {
    let list = match meta {
        Meta::List(list) => list,
        Meta::NameValue(pair) => {
            // `kind = InvalidCredentials`: one kind for every error.
            let kind = quote::ToTokens::to_token_stream(&pair.value).to_string();
            return Err(Error::custom(format!(
                "`kind(...)` maps codes and messages to kinds, one arm each: `kind(code = \"...\" => {kind})`; a kind for every error of a status is `#[login_endpoint(status(401 => {kind}))]`"
            ))
            .with_span(meta));
        }
        Meta::Path(_) => {
            return Err(Error::custom(format!("write `{KIND_EXAMPLE}`")).with_span(meta));
        }
    };
    if list.tokens.is_empty() {
        return Err(Error::custom(format!(
            "`kind()` has nothing in it; write `{KIND_EXAMPLE}`, or remove it"
        ))
        .with_span(&list.delimiter.span().join()));
    }
    if let Some(comma) = crate::attr::doubled_comma(&list.tokens) {
        return Err(
            Error::custom("two commas with no arm between them: remove one").with_span(&comma),
        );
    }
    list.parse_args_with(Punctuated::<KindArm, Token![,]>::parse_terminated)
        .map(|arms| arms.into_iter().collect())
        .map_err(|e| {
            // syn's own messages ("expected `=>`") get the example; ours already say the fix.
            let message = e.to_string();
            let message = if message == "expected `,`" {
                format!("a comma is missing before this arm: arms are separated by commas, `{KIND_EXAMPLE}`")
            } else if message.starts_with("expected") || message.starts_with("unexpected") {
                format!("{message}; write `{KIND_EXAMPLE}`")
            } else {
                message
            };
            Error::custom(message).with_span(&e.span())
        })
}

impl Parse for KindArm {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Token![_]) {
            let wildcard: Token![_] = input.parse()?;
            return Err(syn::Error::new(
                wildcard.span,
                "`kind(...)` has no `_` arm: an error that no arm matches takes the kind of its status, as mapped in `#[login_endpoint(status(401 => InvalidCredentials))]`; map that status instead, or remove this arm",
            ));
        }
        let on: Ident = input.parse()?;
        if on != "code" && on != "message" {
            let written = on.to_string();
            let hint = if written == "status" {
                "; a status code is mapped in `#[login_endpoint(status(401 => InvalidCredentials))]`".to_owned()
            } else {
                closest(&written, &["code", "message"], MAX_KEY_DISTANCE)
                    .map(|key| format!("; did you mean `{key}`?"))
                    .unwrap_or_default()
            };
            return Err(syn::Error::new(
                on.span(),
                format!(
                    "a `kind` arm matches `code` or `message`, not `{on}`{hint}: `{KIND_EXAMPLE}`"
                ),
            ));
        }
        if input.peek(Token![:]) && !input.peek(Token![::]) {
            let colon: Token![:] = input.parse()?;
            let rest = crate::attr::tokens_to_comma(input)?;
            return Err(syn::Error::new(
                colon.span,
                format!("a key takes its value after `=`, not `:`: write `{on} = {rest}`"),
            ));
        }
        input.parse::<Token![=]>()?;
        // A message is text: a number there would never equal one (a code is compared as
        // text too, so `code = 4` is the code `"4"`).
        let value = |input: ParseStream| -> syn::Result<KindValue> {
            if on == "message" && !input.peek(syn::LitStr) {
                let span = input.span();
                let written = input.fork().parse::<KindValue>()?.text;
                return Err(syn::Error::new(
                    span,
                    format!(
                        "a message is compared as text: write it in quotes, `message = \"{written}\" => ...`"
                    ),
                ));
            }
            // `code = AADSTS50126`: a vendor's code written as a name.
            if input.peek(Ident) {
                let name: Ident = input.fork().parse()?;
                let written = name.to_string();
                let digits: String = written
                    .chars()
                    .skip_while(|c| !c.is_ascii_digit())
                    .collect();
                let number = if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
                    format!("`{on} = {digits}` for the number a numeric code holds, or ")
                } else {
                    String::new()
                };
                return Err(syn::Error::new(
                    name.span(),
                    format!(
                        "a code is written as the vendor sends it: {number}`{on} = \"{written}\"` for text"
                    ),
                ));
            }
            input.parse::<KindValue>()
        };
        let mut values = vec![value(input)?];
        while input.peek(Token![|]) {
            input.parse::<Token![|]>()?;
            values.push(value(input)?);
        }
        let written: Vec<String> = values.iter().map(KindValue::written).collect();
        if let Some(error) = crate::attr::separated_like_arms::<KindValue>(
            input,
            written,
            |input| input.peek2(Lit) || input.peek2(Token![-]),
            KindValue::written,
            "the values of one arm",
            &format!("{on} = "),
        )? {
            // `code = "A", "B" => Locked`: values of one arm separated as arms are.
            return Err(error);
        }
        if !input.peek(Token![=>]) {
            return Err(syn::Error::new(
                on.span(),
                format!(
                    "this `{on}` arm maps to no kind; write the kind after `=>`: `{on} = ... => InvalidCredentials`"
                ),
            ));
        }
        input.parse::<Token![=>]>()?;
        let kind = crate::attr::parse_kind(input)?;
        Ok(KindArm { on, values, kind })
    }
}

impl KindValue {
    /// The value as an arm writes it: `4`, `"LOCKED"`.
    fn written(&self) -> String {
        match self.text.parse::<i64>() {
            Ok(_) => self.text.clone(),
            Err(_) => format!("{:?}", self.text),
        }
    }
}

impl Parse for KindValue {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(syn::token::Bracket) {
            // `code = ["LOCKED", "BLOCKED"]`: several values of one kind.
            return Err(crate::attr::listed_alternatives::<KindValue>(
                input,
                KindValue::written,
                "values of one kind",
            )?);
        }
        let negative = input.peek(Token![-]);
        if negative {
            input.parse::<Token![-]>()?;
        }
        let lit: Lit = input.parse()?;
        let text = match &lit {
            Lit::Str(text) if !negative => text.value(),
            Lit::Int(int) => {
                let digits = int.base10_digits();
                if negative {
                    format!("-{digits}")
                } else {
                    digits.to_owned()
                }
            }
            _ => {
                return Err(syn::Error::new(
                    lit.span(),
                    "compare with a string or an integer: `\"invalid_grant\"`, `4`",
                ));
            }
        };
        Ok(KindValue {
            text,
            span: lit.span(),
        })
    }
}
