//! `#[derive(VendorError)]`: an error body declared, not implemented. The same stages as
//! `#[login_endpoint]`: `attr` reads the attributes, `ast` checks them and builds the model,
//! `expand` writes the impl. Every problem is reported, each at its token, in one build; a
//! declaration with mistakes still gets an impl of what could be read (every default when
//! nothing could), so the type can be named as an `error_body` without further errors, and the
//! paths that were read are type-checked in the same build.

mod ast;
mod attr;
mod expand;

use proc_macro2::TokenStream;
use syn::DeriveInput;

pub fn derive(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let mut errors = darling::Error::accumulator();
    let body = ast::ErrorBody::from_input(&input, &mut errors);
    let errors = errors.finish().err().map(darling::Error::write_errors);
    // With mistakes, the keys that were read are still expanded, so a path naming a missing
    // field is reported in the same build; what could not be read keeps its default.
    let implementation = match body {
        Some(body) => expand::expand(&body, &field_names(&input)),
        None => expand::expand_fallback(&input.ident, &input.generics),
    };
    quote::quote!(#errors #implementation)
}

/// The struct's named fields: a declared path that starts at one of them can be moved out of.
fn field_names(input: &DeriveInput) -> Vec<syn::Ident> {
    match &input.data {
        syn::Data::Struct(data) => data
            .fields
            .iter()
            .filter_map(|field| field.ident.clone())
            .collect(),
        _ => Vec::new(),
    }
}
