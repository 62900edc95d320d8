//! Stage 3 of `#[derive(VendorError)]`: the model as an `impl auth_core::VendorError`.
//! Infallible. Each declared path becomes a chain of steps that stops at the first absent
//! value; the kind rules are a constant table read by `auth_core`.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::{Ident, LitStr};

use super::ast::{Entries, ErrorBody, FieldErrors};
use super::attr::ValuePath;
use crate::field_path::{Access, Segment, steps_with};

/// `fields` are the struct's named fields.
pub fn expand(body: &ErrorBody, fields: &[Ident]) -> TokenStream {
    let moved = moved_code_path(body);
    let code = read_first(
        &body.code,
        |path| quote_spanned!(path.span=> ::auth_core::fields::CodeField::vendor_code(__v)),
        if moved.is_some() {
            Access::SharedOfValue
        } else {
            Access::Shared
        },
    )
    .map(|read| {
        quote! {
            fn code(&self) -> ::core::option::Option<::auth_core::VendorCode> {
                #[allow(unused_imports)]
                use ::auth_core::__private::Present as _;
                #read
            }
        }
    });
    let message = read_first(
        &body.message,
        |path| quote_spanned!(path.span=> ::auth_core::fields::MessageField::message(__v)),
        Access::Shared,
    )
    .map(|read| {
        quote! {
            fn message(&self) -> ::core::option::Option<&str> {
                #[allow(unused_imports)]
                use ::auth_core::__private::Present as _;
                #read
            }
        }
    });
    let field_errors = body.field_errors.as_ref().map(expand_field_errors);
    let rules = (!body.kinds.is_empty()).then(|| {
        let rules = body.kinds.iter().map(|rule| {
            let value = LitStr::new(&rule.value, proc_macro2::Span::call_site());
            let kind = &rule.kind;
            if rule.on_code && let Ok(number) = rule.value.parse::<i64>() {
                // Parsed here rather than for every error the body maps.
                quote!(::auth_core::__private::KindRule::Number(#number, #value, ::auth_core::ErrorKind::#kind))
            } else if rule.on_code {
                quote!(::auth_core::__private::KindRule::Code(#value, ::auth_core::ErrorKind::#kind))
            } else {
                quote!(::auth_core::__private::KindRule::Message(#value, ::auth_core::ErrorKind::#kind))
            }
        });
        quote!(const __RULES: &[::auth_core::__private::KindRule] = &[#(#rules),*];)
    });
    let kind = rules.as_ref().map(|rules| {
        quote! {
            fn kind(&self) -> ::core::option::Option<::auth_core::ErrorKind> {
                #rules
                ::auth_core::__private::kind_for(
                    __RULES,
                    ::core::option::Option::as_ref(&::auth_core::VendorError::code(self)),
                    ::auth_core::VendorError::message(self),
                )
            }
        }
    });
    let fields = expand_fields(body, fields, rules.as_ref(), moved);
    let text_codes = expand_text_codes(body);
    let number_codes = expand_number_codes(body);
    let name = &body.ident;
    let (impl_generics, type_generics, where_clause) = body.generics.split_for_impl();
    quote! {
        #[automatically_derived]
        impl #impl_generics ::auth_core::VendorError for #name #type_generics #where_clause {
            #code
            #message
            #field_errors
            #kind
            #fields
        }

        #text_codes
        #number_codes
    }
}

/// With an arm that compares the code with text (`kind(code = "LOCKED" => Locked)`), a check
/// that the code's path leads to text (`TextCode`), spanned at that text: a number there never
/// equals it. In a function nothing calls, so it adds no compiled code.
fn expand_text_codes(body: &ErrorBody) -> Option<TokenStream> {
    // Alternatives (`code = errorCode | status`) may mix a text code with a number: the text
    // arms are for the one that is text.
    let [path] = body.code.as_slice() else {
        return None;
    };
    // One check per text arm, each at its text, as a code read from a field reports each.
    let checks: Vec<TokenStream> = body
        .kinds
        .iter()
        .filter(|rule| rule.on_code && rule.value.parse::<i64>().is_err())
        .map(|text| quote_spanned!(text.span=> ::auth_core::fields::TextCode::__is_text(__v);))
        .collect();
    if checks.is_empty() {
        return None;
    }
    Some(code_check(body, path, quote!(#(#checks)*)))
}

/// A function nothing calls, in which `checks` type-check the code at `path` (`__v`): a check
/// of the declaration that adds no compiled code.
fn code_check(body: &ErrorBody, path: &ValuePath, checks: TokenStream) -> TokenStream {
    let name = &body.ident;
    let walk = steps(quote!(__body), path);
    quote! {
        const _: () = {
            #[allow(dead_code, unused_imports)]
            fn __check_code(__body: &#name) -> ::core::option::Option<()> {
                use ::auth_core::__private::Present as _;
                use ::auth_core::fields::{HoldsAnyNumber as _, HoldsCodeNumber as _};
                #walk
                #checks
                ::core::option::Option::Some(())
            }
        };
    }
}

/// With arms that compare the code with numbers (`kind(code = 1000 => Locked)`), a check that
/// each number is one the code's field can hold, the number written in the field's own type and
/// spanned at it: `1000` for a `u8`, or `-1` for a `u32`, never matches. A field that holds no
/// code is reported by `CodeField` and not checked again. In a function nothing calls.
fn expand_number_codes(body: &ErrorBody) -> Option<TokenStream> {
    let [path] = body.code.as_slice() else {
        return None;
    };
    let checks: Vec<TokenStream> = body
        .kinds
        .iter()
        .filter(|rule| rule.on_code)
        .filter_map(|rule| {
            let number = rule.value.parse::<i64>().ok()?;
            let magnitude = syn::LitInt::new(&number.unsigned_abs().to_string(), rule.span);
            Some(if number < 0 {
                quote_spanned!(rule.span=>
                    ::auth_core::fields::NegativeCodeNumber::__holds_negated(__v, #magnitude);
                )
            } else {
                quote_spanned!(rule.span=>
                    (&::auth_core::fields::CodeCheck(__v)).__holds(#magnitude);
                )
            })
        })
        .collect();
    if checks.is_empty() {
        return None;
    }
    Some(code_check(body, path, quote!(#(#checks)*)))
}

/// The body of a method reading the first present of `paths`, each read by its `leaf` (a call on
/// `__v` returning an `Option`). One path is read straight in the method, leaving it with `?`
/// at the first absent step, its fields reached as `access` says; alternatives are tried in
/// order, each in a closure of its own.
fn read_first(
    paths: &[ValuePath],
    leaf: impl Fn(&ValuePath) -> TokenStream,
    access: Access,
) -> Option<TokenStream> {
    match paths {
        [] => None,
        [path] => {
            let leaf = leaf(path);
            Some(match path.segments.as_slice() {
                // One field, read as it is (an `Option` reads itself): the trait is then asked
                // of the field's own type, as `__take` asks it, so a field of the wrong type is
                // one error.
                [Segment::Field(member)] => quote!(let __v = &self.#member; #leaf),
                segments => {
                    let value = steps_with(quote!(self), segments, true, access);
                    quote!(#value #leaf)
                }
            })
        }
        _ => {
            let tries = paths.iter().map(|path| {
                let value = steps(quote!(self), path);
                let leaf = leaf(path);
                quote! {
                    if let ::core::option::Option::Some(__found) = (|| { #value #leaf })() {
                        return ::core::option::Option::Some(__found);
                    }
                }
            });
            Some(quote!(#(#tries)* ::core::option::Option::None))
        }
    }
}

/// The field a path starts at.
fn first_member(path: &ValuePath) -> Option<&syn::Member> {
    match path.segments.first() {
        Some(Segment::Field(member)) => Some(member),
        _ => None,
    }
}

/// The code's path when `__fields` moves the code out of the body along it: one path of two
/// fields or more, with no index, through a field no other declared path starts at (they read
/// after it). `code()` then walks it as [`Access::SharedOfValue`], so a mistake in it is
/// reported once for both walks.
fn moved_code_path(body: &ErrorBody) -> Option<&ValuePath> {
    let [path] = body.code.as_slice() else {
        return None;
    };
    let first = first_member(path)?;
    let fields_only = path
        .segments
        .iter()
        .all(|segment| matches!(segment, Segment::Field(_)));
    let others_start_elsewhere = body
        .message
        .iter()
        .all(|other| first_member(other) != Some(first))
        && body
            .field_errors
            .as_ref()
            .and_then(|errors| match &errors.entries {
                Entries::List { each, .. } => first_member(each),
                Entries::Map(map) => first_member(map),
            })
            != Some(first);
    (path.segments.len() >= 2 && fields_only && others_start_elsewhere).then_some(path)
}

/// `__fields`: the code read once (the kind rules compare it too), and a code or message
/// declared as one of the body's own fields moved out rather than copied, after everything that
/// may read it (a code only when no other declared path starts at its field), and so is a code
/// at a nested path of fields ([`moved_code_path`]). Any other is copied.
fn expand_fields(
    body: &ErrorBody,
    fields: &[Ident],
    rules: Option<&TokenStream>,
    moved: Option<&ValuePath>,
) -> TokenStream {
    // Only a field the struct has: a misspelt one is reported once, by `code()` or `message()`.
    let own =
        |member: &syn::Member| matches!(member, syn::Member::Named(name) if fields.contains(name));
    let single = |paths: &[ValuePath]| match paths {
        [path] => match path.segments.as_slice() {
            [Segment::Field(member)] if own(member) => Some(member.clone()),
            _ => None,
        },
        _ => None,
    };
    let code = match single(&body.code) {
        Some(member)
            if body
                .message
                .iter()
                .all(|path| first_member(path) != Some(&member))
                && body
                    .field_errors
                    .as_ref()
                    .and_then(|errors| match &errors.entries {
                        Entries::List { each, .. } => first_member(each),
                        Entries::Map(map) => first_member(map),
                    })
                    != Some(&member) =>
        {
            let span = syn::spanned::Spanned::span(&member);
            quote_spanned! {span=>
                ::auth_core::fields::CodeField::__take(&mut self.#member)
            }
        }
        _ => match moved {
            Some(path) => {
                let walk = steps_with(quote!(&mut self), &path.segments, true, Access::Mutable);
                let leaf = quote_spanned!(path.span=> ::auth_core::fields::CodeField::__take(__v));
                quote! {{
                    #[allow(unused_imports)]
                    use ::auth_core::__private::PresentMut as _;
                    (|| { #walk #leaf })()
                }}
            }
            None => quote!(::auth_core::VendorError::code(&self)),
        },
    };
    let message = match single(&body.message) {
        Some(member) => {
            let span = syn::spanned::Spanned::span(&member);
            quote_spanned! {span=>
                ::auth_core::fields::MessageField::__take(&mut self.#member)
            }
        }
        None if !body.message.is_empty() => quote! {
            ::core::option::Option::map(
                ::auth_core::VendorError::message(&self),
                ::std::borrow::ToOwned::to_owned,
            )
        },
        None => quote!(::core::option::Option::None),
    };
    let kind = match rules {
        Some(rules) => quote! {{
            #rules
            ::auth_core::__private::kind_for(
                __RULES,
                ::core::option::Option::as_ref(&__code),
                ::auth_core::VendorError::message(&self),
            )
        }},
        None => quote!(::core::option::Option::None),
    };
    // Inline: its one caller, an endpoint's error-body decoder (`__ERROR_BODY`), then hands the decoded body
    // straight to it rather than moving it into a call.
    quote! {
        #[allow(unused_mut)]
        #[inline]
        fn __fields(mut self) -> ::auth_core::__private::ErrorBodyFields {
            let __code = #code;
            let __kind = #kind;
            let __field_errors = ::auth_core::VendorError::field_errors(&self);
            let __message = #message;
            ::auth_core::__private::ErrorBodyFields::__new(__kind, __code, __message, __field_errors)
        }
    }
}

/// What goes next to the errors of a declaration with mistakes: an implementation with every
/// default, so `error_body = ...` naming the type is not reported as well.
pub fn expand_fallback(ident: &Ident, generics: &syn::Generics) -> TokenStream {
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    // A generic body is reported; its stand-in holds where the trait's own bounds hold, so
    // they add no error of their own.
    let bounds = if generics.params.is_empty() {
        quote!(#where_clause)
    } else {
        let predicates = where_clause
            .into_iter()
            .flat_map(|clause| clause.predicates.iter());
        quote!(where #(#predicates,)* Self: ::core::marker::Send + 'static)
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::auth_core::VendorError for #ident #type_generics #bounds {}
    }
}

fn expand_field_errors(errors: &FieldErrors) -> TokenStream {
    let part = |path: &ValuePath, leaf: TokenStream| {
        let value = steps(quote!(__item), path);
        quote!((|| { #value #leaf })())
    };
    let error = part(
        &errors.error,
        quote_spanned!(errors.error.span=> ::auth_core::fields::CodeField::vendor_code(__v)),
    );
    let params = match &errors.params {
        Some(path) => {
            let leaf = quote_spanned!(path.span=> ::core::option::Option::Some(::auth_core::fields::ParamsField::params(__v)));
            let value = part(path, leaf);
            quote!(::core::option::Option::unwrap_or_default(#value))
        }
        None => quote!(::std::vec::Vec::new()),
    };
    // The container, read by the trait its kind needs at its path; then one entry per element,
    // named by its own field or by its key.
    let (container, path, entries) = match &errors.entries {
        Entries::List { each, field } => {
            let field = part(
                field,
                quote_spanned!(field.span=> ::auth_core::fields::MessageField::message(__v)),
            );
            let elements = quote_spanned!(each.span=> ::auth_core::fields::EachField::entries(__v));
            let entries = quote! {
                __container
                    .iter()
                    .map(|__item| ::auth_core::__private::field_error(#field, #error, #params))
                    .collect()
            };
            (elements, each, entries)
        }
        Entries::Map(map) => {
            let entries_of = quote_spanned!(map.span=> ::auth_core::fields::MapField::entries(__v));
            let entries = quote! {
                __container
                    .into_iter()
                    .map(|(__key, __item)| {
                        ::auth_core::__private::field_error(::core::option::Option::Some(__key), #error, #params)
                    })
                    .collect()
            };
            (entries_of, map, entries)
        }
    };
    let walk = steps(quote!(self), path);
    quote! {
        fn field_errors(&self) -> ::std::vec::Vec<::auth_core::FieldError> {
            #[allow(unused_imports)]
            use ::auth_core::__private::Present as _;
            let __container = (|| {
                #walk
                ::core::option::Option::Some(#container)
            })();
            let ::core::option::Option::Some(__container) = __container else {
                return ::std::vec::Vec::new();
            };
            #entries
        }
    }
}

/// `let __v = ...;` statements walking `path` from `root`, each entering an `Option` and
/// returning `None` from the enclosing function when it is absent.
fn steps(root: TokenStream, path: &ValuePath) -> TokenStream {
    crate::field_path::steps(root, &path.segments, true)
}
