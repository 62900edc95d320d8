//! Stage 2 of `#[derive(VendorError)]`: the model of one error body, with the keys checked on
//! their own and against each other. Tokens are kept for their spans.

use darling::Error;
use proc_macro2::Span;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Member};

use super::attr::{ContainerArgs, FieldArgs, FieldErrorsArg, Key, KindArm, ValuePath};
use crate::ast::check_kind;
use crate::field_path::Segment;

pub struct ErrorBody {
    pub ident: Ident,
    pub generics: Generics,
    /// The paths of the code, tried in order; empty when the body names none.
    pub code: Vec<ValuePath>,
    /// The paths of the message, likewise.
    pub message: Vec<ValuePath>,
    pub field_errors: Option<FieldErrors>,
    pub kinds: Vec<KindRule>,
}

/// Where the field errors are, and where each entry keeps its parts.
pub struct FieldErrors {
    pub entries: Entries,
    pub error: ValuePath,
    pub params: Option<ValuePath>,
}

/// The field errors' container.
pub enum Entries {
    /// A list (`each`) whose entries name their field at this path.
    List { each: ValuePath, field: ValuePath },
    /// A map (`by_field`) whose keys are the field names.
    Map(ValuePath),
}

pub struct KindRule {
    pub on_code: bool,
    pub value: String,
    /// Where the value is written in the arm.
    pub span: Span,
    pub kind: Ident,
}

/// A role (code, message, field errors) and where it was first given.
struct Given<T> {
    value: T,
    span: Span,
}

impl ErrorBody {
    /// Builds the model from the item, reporting every problem into `errors`. `None` when the
    /// item has no shape an error body can have.
    pub fn from_input(
        input: &DeriveInput,
        errors: &mut darling::error::Accumulator,
    ) -> Option<Self> {
        let container = ContainerArgs::parse(&input.attrs, errors);
        // An error body is one JSON shape, decoded by auth-core into one type: a parameter
        // would leave the type of its fields to each use.
        if let Some(parameter) = input.generics.params.first() {
            let name = &input.ident;
            let (what, fix) = match parameter {
                syn::GenericParam::Lifetime(_) => (
                    "a lifetime",
                    "an error body owns what it reads: declare its text as `String`",
                ),
                _ => (
                    "a type parameter",
                    "an error body is one JSON shape: give each field its own type (`String`, `Option<String>`, `serde_json::Value`, ...)",
                ),
            };
            errors.push(
                Error::custom(format!(
                    "`#[derive(VendorError)]` needs `{name}` without {what}; {fix}"
                ))
                .with_span(parameter),
            );
            return None;
        }
        let fields = match &input.data {
            Data::Struct(data) => match &data.fields {
                Fields::Named(named) => named
                    .named
                    .iter()
                    .filter_map(|field| {
                        let ident = field.ident.clone()?;
                        let args = FieldArgs::parse(Member::Named(ident), &field.attrs, errors);
                        Some((args, integer_type(&field.ty)))
                    })
                    .collect(),
                Fields::Unit => Vec::new(),
                Fields::Unnamed(unnamed) => {
                    errors.push(Error::custom(
                        "`#[derive(VendorError)]` goes on a struct with named fields, as serde reads a JSON object: `struct ErrorBody { message: Option<String>, ... }`",
                    ).with_span(&unnamed));
                    return None;
                }
            },
            Data::Enum(_) => {
                let name = &input.ident;
                errors.push(Error::custom(
                    "`#[derive(VendorError)]` goes on a struct with named fields, as serde reads a JSON object, not on an enum; wrap the enum in a struct field",
                ).with_span(name));
                return None;
            }
            Data::Union(data) => {
                errors.push(Error::custom(
                    "`#[derive(VendorError)]` goes on a struct with named fields, not on a union",
                ).with_span(&data.union_token));
                return None;
            }
        };

        let mut code = container.code.map(given);
        let mut message = container.message.map(given);
        let mut field_errors = container.field_errors.map(|key| Given {
            value: (None, key.value),
            span: key.span,
        });
        // The struct's fields whose type is a whole number.
        let integer_fields: Vec<(Member, String)> = fields
            .iter()
            .filter_map(|(field, integer)| Some((field.member.clone(), integer.clone()?)))
            .collect();
        for (field, _) in fields {
            if let Some(span) = field.code {
                take_role(
                    &mut code,
                    ValuePath::of_field(field.member.clone()),
                    span,
                    "code",
                    errors,
                );
            }
            if let Some(span) = field.message {
                take_role(
                    &mut message,
                    ValuePath::of_field(field.member.clone()),
                    span,
                    "message",
                    errors,
                );
            }
            if let Some(key) = field.field_errors {
                let each = ValuePath::of_field(field.member.clone());
                if field_errors.is_some() {
                    errors.push(already("field_errors", key.span));
                } else {
                    field_errors = Some(Given {
                        value: (Some(each), key.value),
                        span: key.span,
                    });
                }
            }
        }

        let integer_code = code
            .as_ref()
            .and_then(|code| integer_code(&code.value, &integer_fields));
        let kinds = check_kind_arms(
            container.kind,
            code.as_ref().map(|c| c.span),
            message.as_ref().map(|m| m.span),
            integer_code.as_deref(),
            errors,
        );
        let field_errors = field_errors.and_then(|given| {
            let (each, arg) = given.value;
            let FieldErrorsArg {
                each: declared_each,
                by_field,
                field,
                error,
                params,
            } = arg;
            let entries = match by_field {
                // On a field, the field itself; on the struct, the path given.
                Some(map) => Entries::Map(each.or(map.value)?),
                None => Entries::List {
                    each: each.or(declared_each.map(|k| k.value))?,
                    field: field?.value,
                },
            };
            Some(FieldErrors {
                entries,
                error: error?.value,
                params: params.map(|k| k.value),
            })
        });
        Some(ErrorBody {
            ident: input.ident.clone(),
            generics: input.generics.clone(),
            code: code.map(|c| c.value).unwrap_or_default(),
            message: message.map(|m| m.value).unwrap_or_default(),
            field_errors,
            kinds,
        })
    }
}

fn given(key: Key<Vec<ValuePath>>) -> Given<Vec<ValuePath>> {
    Given {
        value: key.value,
        span: key.span,
    }
}

fn already(role: &str, span: Span) -> Error {
    Error::custom(format!(
        "`{role}` is already named elsewhere in this error body; keep one"
    ))
    .with_span(&span)
}

fn take_role(
    slot: &mut Option<Given<Vec<ValuePath>>>,
    path: ValuePath,
    span: Span,
    role: &str,
    errors: &mut darling::error::Accumulator,
) {
    if slot.is_some() {
        errors.push(already(role, span));
    } else {
        *slot = Some(Given {
            value: vec![path],
            span,
        });
    }
}

/// Where the code is read from, as a message names it (`` `error_code: i64` ``, or
/// `` `code: i64` or `status: u16` ``), when every path it is read from is a field of the struct
/// whose type is a whole number, so that no text ever matches it.
fn integer_code(paths: &[ValuePath], integer_fields: &[(Member, String)]) -> Option<String> {
    let mut named = Vec::new();
    for path in paths {
        let [Segment::Field(member)] = path.segments.as_slice() else {
            return None;
        };
        let (_, integer) = integer_fields.iter().find(|(field, _)| field == member)?;
        let field = match member {
            Member::Named(ident) => ident.to_string(),
            Member::Unnamed(index) => index.index.to_string(),
        };
        named.push(format!("`{field}: {integer}`"));
    }
    match named.as_slice() {
        [] => None,
        [one] => Some(format!("{one}, a number")),
        several => Some(format!("{}, numbers", several.join(" or "))),
    }
}

/// Each arm's kind must be one an answer can mean, its role must be declared, and no value may
/// be matched twice.
fn check_kind_arms(
    arms: Vec<KindArm>,
    code: Option<Span>,
    message: Option<Span>,
    integer_code: Option<&str>,
    errors: &mut darling::error::Accumulator,
) -> Vec<KindRule> {
    let mut rules: Vec<KindRule> = Vec::new();
    for arm in arms {
        let on_code = arm.on == "code";
        let kind_ok = errors.handle(check_kind(&arm.kind)).is_some();
        let role_declared = if on_code {
            code.is_some()
        } else {
            message.is_some()
        };
        if !role_declared {
            let role = arm.on.to_string();
            errors.push(Error::custom(format!(
                "`kind({role} = ...)` compares the {role}, but this error body names none; add `#[vendor_error({role})]` to the field that holds it, or `{role} = <path>` to the struct's `#[vendor_error(...)]`"
            )).with_span(&arm.on));
            continue;
        }
        for value in arm.values {
            if let (true, Some(read_from)) = (on_code, integer_code)
                && value.text.parse::<i128>().is_err()
            {
                // `code = "LOCKED"` for a `code: i64`: text that a number never reads as.
                errors.push(
                    Error::custom(format!(
                        "the code is read from {read_from}, so {:?} never matches it: compare with the number the vendor sends, `code = 1002 => ...`",
                        value.text
                    ))
                    .with_span(&value.span),
                );
                continue;
            }
            let duplicate = rules
                .iter()
                .any(|rule| rule.on_code == on_code && rule.value == value.text);
            if duplicate {
                errors.push(
                    Error::custom(format!(
                        "`{}` is already mapped to a kind; map each {} once",
                        value.text, arm.on
                    ))
                    .with_span(&value.span),
                );
                continue;
            }
            if kind_ok {
                rules.push(KindRule {
                    on_code,
                    value: value.text,
                    span: value.span,
                    kind: arm.kind.clone(),
                });
            }
        }
    }
    rules
}

/// The type's name when it is a whole number, bare or in an `Option` (`i64`, `Option<u32>`).
fn integer_type(ty: &syn::Type) -> Option<String> {
    const INTEGERS: &[&str] = &[
        "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize",
    ];
    let syn::Type::Path(path) = ty else {
        return None;
    };
    let last = path.path.segments.last()?;
    let name = last.ident.to_string();
    if INTEGERS.contains(&name.as_str()) && path.path.segments.len() == 1 {
        return Some(name);
    }
    if name == "Option"
        && let syn::PathArguments::AngleBracketed(arguments) = &last.arguments
        && let Some(syn::GenericArgument::Type(inner)) = arguments.args.first()
    {
        return integer_type(inner).map(|inner| format!("Option<{inner}>"));
    }
    None
}
