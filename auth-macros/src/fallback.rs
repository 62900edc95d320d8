//! A declaration with mistakes: next to its errors, the item (without its `#[login]`
//! attributes) and stand-ins for what code that uses it calls, so that each mistake is reported
//! once, at its token, and not again wherever the struct is used.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Fields, Ident, ItemStruct};

use crate::ast::Field;
use crate::attr::Links;
use crate::{expand, valid};

/// The generated API of a struct whose declaration has mistakes: the real builder, `Debug` and
/// `send` when every field was read, else stand-ins whose setters take anything.
pub fn of_struct(
    item: &ItemStruct,
    fields: Option<&[Field]>,
    response: Option<&syn::Path>,
    links: &Links,
) -> TokenStream {
    // A field named like a generated method or setter would clash with it in the builder.
    let clash = |fields: &[Field]| {
        fields.iter().any(|field| {
            let name = field.ident.to_string();
            valid::RESERVED_FIELD_NAMES.contains(&name.as_str())
                || fields.iter().any(|optional| {
                    optional.optional.is_some() && name == format!("maybe_{}", optional.ident)
                })
        })
    };
    let endpoint = expand::expand_stand_in_endpoint(
        &item.ident,
        &item.generics,
        response,
        links,
        fields.unwrap_or_default(),
    );
    let api = match fields {
        Some(fields) if fields.len() == item.fields.len() && !clash(fields) => {
            expand::expand_fallback(item, fields, response)
        }
        _ => expand::expand_stub(
            &item.ident,
            &item.vis,
            &item.generics,
            &named_fields(&item.fields),
            response,
            true,
        ),
    };
    quote!(#api #endpoint)
}

/// An item that is not a struct: an enum or a union keeps its name, loses its `#[login]`
/// attributes and gets the stand-ins; anything else is left as it is.
pub fn other_item(input: TokenStream, response: Option<&syn::Path>, links: &Links) -> TokenStream {
    match syn::parse2::<syn::Item>(input.clone()) {
        Ok(syn::Item::Enum(mut item)) => {
            let mut fields = Vec::new();
            for variant in &mut item.variants {
                strip_login_attributes(&mut variant.fields);
                for (ident, optional) in named_fields(&variant.fields) {
                    if !fields
                        .iter()
                        .any(|(seen, _): &(Ident, bool)| *seen == ident)
                    {
                        fields.push((ident, optional));
                    }
                }
            }
            let stub = expand::expand_stub(
                &item.ident,
                &item.vis,
                &item.generics,
                &fields,
                response,
                !derives_debug(&item.attrs),
            );
            let endpoint =
                expand::expand_stand_in_endpoint(&item.ident, &item.generics, response, links, &[]);
            quote!(#item #stub #endpoint)
        }
        Ok(syn::Item::Union(mut item)) => {
            let mut fields = Fields::Named(item.fields.clone());
            strip_login_attributes(&mut fields);
            if let Fields::Named(named) = &fields {
                item.fields = named.clone();
            }
            let stub = expand::expand_stub(
                &item.ident,
                &item.vis,
                &item.generics,
                &named_fields(&fields),
                response,
                !derives_debug(&item.attrs),
            );
            let endpoint =
                expand::expand_stand_in_endpoint(&item.ident, &item.generics, response, links, &[]);
            quote!(#item #stub #endpoint)
        }
        _ => input,
    }
}

/// The named fields, each with whether it is an `Option` (and so has a `maybe_` setter).
fn named_fields(fields: &Fields) -> Vec<(Ident, bool)> {
    fields
        .iter()
        .filter_map(|field| {
            let ident = field.ident.clone()?;
            let optional = matches!(&field.ty, syn::Type::Path(path)
                if path.path.segments.last().is_some_and(|s| s.ident == "Option"));
            Some((ident, optional))
        })
        .collect()
}

fn strip_login_attributes(fields: &mut Fields) {
    for field in fields.iter_mut() {
        field.attrs.retain(|attr| !attr.path().is_ident("login"));
    }
}

/// Whether `#[derive(Debug)]` is among the attributes, so a stand-in `Debug` would clash.
fn derives_debug(attrs: &[syn::Attribute]) -> bool {
    attrs.iter().any(|attr| {
        attr.path().is_ident("derive")
            && attr
                .parse_args_with(
                    syn::punctuated::Punctuated::<syn::Path, syn::Token![,]>::parse_terminated,
                )
                .is_ok_and(|paths| {
                    paths
                        .iter()
                        .any(|path| path.segments.last().is_some_and(|s| s.ident == "Debug"))
                })
    })
}
