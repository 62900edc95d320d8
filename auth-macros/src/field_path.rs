//! A path of fields into a deserialized body, read the same way by `#[login_endpoint]` (`token =
//! data.sessions[0].token`, `body_failure(field = ...)`) and `#[derive(VendorError)]` (`code =
//! errors[0].extensions.code`): field names joined by `.`, with `[n]` picking an element of a
//! list, and `self` for the value the path starts from (a body that is a bare string or list). One parser, and one way of walking a path in generated code, so both macros accept and
//! read the same paths.

use proc_macro2::{Span, TokenStream};
use quote::{quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Expr, Lit, Member};

/// A path as written, each segment keeping its span so the compiler reports a misspelt field or
/// a field of the wrong type at its name.
#[derive(Clone, Debug)]
pub struct FieldPath {
    pub segments: Vec<Segment>,
    /// The whole path, for errors about the value it names.
    pub span: Span,
}

#[derive(Clone, Debug)]
pub enum Segment {
    /// `.name` (or `.0` for a tuple struct).
    Field(Member),
    /// `[0]`: the element at this position of a list.
    Index(usize, Span),
}

/// Why an expression is not a path, at the token that makes it so.
pub struct Malformed {
    pub span: Span,
    /// What to write instead, when the mistake is inside an index.
    pub index_hint: bool,
    /// The whole message, when the mistake is Rust code around a path that is itself right
    /// (`&data.token`, `data?.token`): it says what to write.
    pub fix: Option<String>,
}

impl Malformed {
    /// The error in the words of the list the path is in: `into` is what the path walks
    /// (`the response type`), `example` a path that would do.
    pub fn error(&self, into: &str, example: &str) -> darling::Error {
        let message = if let Some(fix) = &self.fix {
            fix.clone()
        } else if self.index_hint {
            "`[n]` picks an element of a list by its position: write the position as a whole number, `[0]` for the first".to_owned()
        } else {
            format!(
                "expected a path of fields into {into}, with `[n]` to pick an element of a list: `{example}`"
            )
        };
        darling::Error::custom(message).with_span(&self.span)
    }
}

impl FieldPath {
    /// The path of a field itself.
    pub fn of_field(member: Member) -> Self {
        let span = member.span();
        FieldPath {
            segments: vec![Segment::Field(member)],
            span,
        }
    }

    /// Reads `data.sessions[0].token`. A string is not a path: the caller says how to unquote it.
    pub fn parse(expr: &Expr) -> Result<Self, Malformed> {
        if let Some(mistake) = rust_around_a_path(expr) {
            return Err(mistake);
        }
        let mut segments = Vec::new();
        collect(expr, &mut segments)?;
        Ok(FieldPath {
            segments,
            span: expr.span(),
        })
    }

    /// The path as written, for messages: `data.sessions[0].token`, `self`, `self[0]`.
    pub fn dotted(&self) -> String {
        let mut out = String::new();
        if !matches!(self.segments.first(), Some(Segment::Field(_))) {
            out.push_str("self");
        }
        for segment in &self.segments {
            match segment {
                Segment::Field(member) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    match member {
                        Member::Named(ident) => out.push_str(&ident.to_string()),
                        Member::Unnamed(index) => out.push_str(&index.index.to_string()),
                    }
                }
                Segment::Index(index, _) => {
                    out.push('[');
                    out.push_str(&index.to_string());
                    out.push(']');
                }
            }
        }
        out
    }

    /// Whether a step of the path picks an element of a list.
    #[cfg(test)]
    pub fn has_index(&self) -> bool {
        self.segments
            .iter()
            .any(|segment| matches!(segment, Segment::Index(..)))
    }
}

/// A path written with Rust's operators around it, which a path of this DSL has no use for: a
/// reference (`&data.token`) or `?` on a step (`data?.token`,
/// where a path enters an `Option` by itself). The error, at the first such operator, with the
/// path written without them, if the rest is a path.
fn rust_around_a_path(expr: &Expr) -> Option<Malformed> {
    /// The expression without its references and `?`s, and the first operator removed.
    fn strip(expr: &Expr, first: &mut Option<(Span, &'static str)>) -> Expr {
        match expr {
            Expr::Reference(reference) => {
                first.get_or_insert((reference.and_token.span, "&"));
                strip(&reference.expr, first)
            }
            Expr::Try(question) => {
                first.get_or_insert((question.question_token.span, "?"));
                strip(&question.expr, first)
            }
            Expr::Field(field) => {
                let mut field = field.clone();
                *field.base = strip(&field.base, first);
                Expr::Field(field)
            }
            Expr::Index(index) => {
                let mut index = index.clone();
                *index.expr = strip(&index.expr, first);
                Expr::Index(index)
            }
            other => other.clone(),
        }
    }
    let mut first = None;
    let stripped = strip(expr, &mut first);
    let (span, operator) = first?;
    let mut segments = Vec::new();
    collect(&stripped, &mut segments).ok()?;
    let written = quote::ToTokens::to_token_stream(&stripped)
        .to_string()
        .replace(' ', "");
    let fix = if operator == "&" {
        format!("a path names the value, and takes no `&`: write `{written}`")
    } else {
        format!(
            "a path takes no `?`: write `{written}`; a step that is an `Option` is entered by itself, and a value missing from the body is reported as missing"
        )
    };
    Some(Malformed {
        span,
        index_hint: false,
        fix: Some(fix),
    })
}

fn collect(expr: &Expr, out: &mut Vec<Segment>) -> Result<(), Malformed> {
    let malformed = |span: Span| Malformed {
        span,
        index_hint: false,
        fix: None,
    };
    match expr {
        Expr::Path(path) if path.qself.is_none() => match path.path.get_ident() {
            // `self`, first: the value the path starts from (the body, or a field error's
            // entry), for a body that is the value itself.
            Some(ident) if ident == "self" && out.is_empty() => Ok(()),
            Some(ident) => {
                out.push(Segment::Field(Member::Named(ident.clone())));
                Ok(())
            }
            None => Err(malformed(path.span())),
        },
        // `0.token`, first: a field of a tuple struct, as rustc's own suggestion writes it
        // (`self.0.token`).
        Expr::Lit(syn::ExprLit {
            lit: Lit::Int(int), ..
        }) if out.is_empty() && int.suffix().is_empty() => match int.base10_parse::<u32>() {
            Ok(index) => {
                out.push(Segment::Field(Member::Unnamed(syn::Index {
                    index,
                    span: int.span(),
                })));
                Ok(())
            }
            Err(_) => Err(malformed(int.span())),
        },
        Expr::Field(field) => {
            collect(&field.base, out)?;
            out.push(Segment::Field(field.member.clone()));
            Ok(())
        }
        Expr::Index(index) => {
            collect(&index.expr, out)?;
            match &*index.index {
                Expr::Lit(syn::ExprLit {
                    lit: Lit::Int(int), ..
                }) if int.suffix().is_empty() => match int.base10_parse::<usize>() {
                    Ok(n) => {
                        out.push(Segment::Index(n, index.index.span()));
                        Ok(())
                    }
                    Err(_) => Err(Malformed {
                        span: int.span(),
                        index_hint: true,
                        fix: None,
                    }),
                },
                other => Err(Malformed {
                    span: other.span(),
                    index_hint: true,
                    fix: None,
                }),
            }
        }
        Expr::Group(group) => collect(&group.expr, out),
        other => Err(malformed(other.span())),
    }
}

/// How a walk reaches each field.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// `&__v.field`.
    Shared,
    /// `&(*__v).field`: for a path also walked [`Access::Mutable`], so that a field the value
    /// lacks is one error, `no field ... on type T`, the same from both walks.
    SharedOfValue,
    /// `&mut (*__v).field`, entering `Option`s with `as_mut`; each check of a step is made on a
    /// shared reborrow, as [`Access::SharedOfValue`] makes it, and the value stepped to has the
    /// type that check found, so a mistake in the path is reported once, by the shared walk's
    /// twin diagnostics. Fields only: a path with an index is not walked this way.
    Mutable,
}

/// `let __v = ...;` statements walking `path` from `root` (an expression of a reference), each
/// step entering an `Option` and leaving the enclosing closure or function with `None` when
/// the value is absent: a `None` on the way, or an index past the end of a list. Each step
/// keeps the span of its segment. With `enter_last` false, the last value is left as it is, for
/// a reader that takes an `Option` itself. The code runs with `auth_core::__private::Present` in
/// scope (`PresentMut` for a mutable walk).
pub fn steps(root: TokenStream, segments: &[Segment], enter_last: bool) -> TokenStream {
    steps_with(root, segments, enter_last, Access::Shared)
}

/// [`steps`], reaching fields as `access` says.
pub fn steps_with(
    root: TokenStream,
    segments: &[Segment],
    enter_last: bool,
    access: Access,
) -> TokenStream {
    steps_leaving(
        root,
        segments,
        enter_last,
        access,
        &quote!(return ::core::option::Option::None),
    )
}

/// [`steps_with`], leaving with `leave` (`break '__walk None` in a labelled block, `return
/// None` in a function) when a value is absent. A `match` on each step, not `?`: the walk then
/// instantiates no `Try` impl, which a crate of many endpoints would compile once per path.
pub fn steps_leaving(
    root: TokenStream,
    segments: &[Segment],
    enter_last: bool,
    access: Access,
    leave: &TokenStream,
) -> TokenStream {
    let enter = match access {
        Access::Mutable => present(quote!(::auth_core::__private::StepMut(__v).enter()), leave),
        _ => present(quote!(::auth_core::__private::Step(__v).enter()), leave),
    };
    let enter = quote!(let __v = #enter;);
    let mut out = quote!(let __v = #root;);
    for (position, segment) in segments.iter().enumerate() {
        // Not before a tuple field (`pair.0`): a list there (`errors.0` for `errors[0]`) is
        // left to rustc's "no field `0` on type `&Vec<...>`", which names the list.
        if let (Segment::Field(syn::Member::Named(_)), Some(previous)) =
            (segment, position.checked_sub(1))
        {
            out.extend(record_step(&segments[previous], access, leave));
        }
        out.extend(step(segment, access, leave));
        if enter_last || position + 1 < segments.len() {
            out.extend(enter.clone());
        }
    }
    out
}

/// Before a field is named on the value `segment` led to: a check, spanned at `segment`, that
/// the value is not a list (`data.token` for a `data: Vec<...>` is reported at `data`, saying
/// to write `data[0]`), then the value itself (for a list, its first element, so the rest of
/// the path adds no error). A mutable walk makes the same check on a shared reborrow and steps
/// to a value of the type it found.
fn record_step(segment: &Segment, access: Access, leave: &TokenStream) -> TokenStream {
    let span = match segment {
        Segment::Field(member) => member.span(),
        Segment::Index(_, span) => *span,
    };
    let check = quote_spanned!(span=> ::auth_core::fields::FieldStep::__check(__p));
    // Spanned at `segment` too, so a map there (which has no fields) is reported at it.
    let element = quote_spanned!(span=> ::auth_core::fields::HasFields::element(__p));
    let probe = |value: TokenStream, then: TokenStream| {
        quote! {
            #[allow(unused_imports)]
            use ::auth_core::fields::{ListProbe as _, RecordProbe as _};
            let __p = (&::auth_core::fields::Probe(#value)).walk();
            #check;
            #then
        }
    };
    match access {
        Access::Mutable => {
            let found = probe(
                quote!(&*__v),
                quote!(::auth_core::__private::element_type(#element)),
            );
            let element = present(quote!(::auth_core::__private::element_mut(__t, __v)), leave);
            quote! {
                let __t = { #found };
                let __v = #element;
            }
        }
        _ => {
            let found = probe(quote!(__v), quote!(__p));
            let element = present(element, leave);
            quote! {
                let __p = { #found };
                let __v = #element;
            }
        }
    }
}

/// `match option { Some(__s) => __s, None => leave }`.
fn present(option: TokenStream, leave: &TokenStream) -> TokenStream {
    quote! {
        match #option {
            ::core::option::Option::Some(__s) => __s,
            ::core::option::Option::None => #leave,
        }
    }
}

/// One step, without entering an `Option`.
fn step(segment: &Segment, access: Access, leave: &TokenStream) -> TokenStream {
    match segment {
        Segment::Field(member) => {
            let span = member.span();
            match access {
                Access::Shared => quote_spanned! {span=> let __v = &__v.#member; },
                Access::SharedOfValue => quote_spanned! {span=> let __v = &(*__v).#member; },
                Access::Mutable => quote_spanned! {span=> let __v = &mut (*__v).#member; },
            }
        }
        Segment::Index(index, span) => {
            let element = quote_spanned! {*span=>
                ::auth_core::fields::ListField::elements(__v).get(#index)
            };
            let element = present(element, leave);
            quote!(let __v = #element;)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(source: &str) -> Result<FieldPath, Malformed> {
        FieldPath::parse(&syn::parse_str::<Expr>(source).expect("an expression"))
    }

    #[test]
    fn paths_read_back_as_written() {
        for path in [
            "token",
            "data.token",
            "data.sessions[0].token",
            "errors[0].extensions.code",
            "matrix[1][2]",
            "pair.0",
            "0.token",
            "self",
            "self[0]",
        ] {
            let parsed = parse(path).unwrap_or_else(|_| panic!("`{path}` is a path"));
            assert_eq!(parsed.dotted(), path);
        }
        assert!(parse("data.sessions[0].token").is_ok_and(|p| p.has_index()));
        assert!(parse("data.token").is_ok_and(|p| !p.has_index()));
    }

    #[test]
    fn malformed_paths_say_whether_the_index_is_the_mistake() {
        for (source, index_hint) in [
            ("sessions[i].token", true),
            ("sessions[-1]", true),
            ("sessions[0u8]", true),
            ("sessions[\"a\"]", true),
            ("sessions[0..2]", true),
            ("data::token", false),
            ("token()", false),
            ("a + b", false),
            ("\"data.token\"", false),
        ] {
            match parse(source) {
                Ok(_) => panic!("`{source}` is not a path"),
                Err(malformed) => assert_eq!(malformed.index_hint, index_hint, "{source}"),
            }
        }
    }
}
