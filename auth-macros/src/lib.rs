//! `#[login_endpoint(...)]`: declare a vendor's login endpoint on a struct; get a typed builder,
//! the request, and the mapping of the vendor's answers to a session or an error.
//!
//! Use it through `auth_core`, which re-exports it (`auth_core::login_endpoint`); the generated
//! code calls `auth_core` and needs no other dependency. The full reference of the keys is in
//! the documentation of `auth_core::login_endpoint`.
//!
//! The macro works in four stages, one a file: `attr` reads the arguments (darling), `ast`
//! checks each key and builds the model, `valid` checks keys against each other, and `expand`
//! writes the tokens. Every problem found by the first three is reported, each at its own
//! token, in one build; the struct is still emitted so one mistake does not cascade.

mod ast;
mod attr;
mod expand;
mod valid;

use proc_macro2::TokenStream;
use quote::quote;
use syn::ItemStruct;

/// Declares a vendor's login endpoint. See the `auth_core` crate for the reference and an
/// example.
#[proc_macro_attribute]
pub fn login_endpoint(
    args: proc_macro::TokenStream,
    input: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    login_endpoint_impl(args.into(), input.into()).into()
}

/// The macro on `proc_macro2` tokens, so it can be tested and fuzzed outside a compiler.
fn login_endpoint_impl(args: TokenStream, input: TokenStream) -> TokenStream {
    let item: ItemStruct = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(_) => {
            let error = syn::Error::new_spanned(
                &input,
                "#[login_endpoint] goes on a struct with named fields, one per request field: `struct Login { email: String, ... }`",
            );
            let error = error.to_compile_error();
            return quote!(#error #input);
        }
    };

    let mut errors = darling::Error::accumulator();
    let args = errors.handle(attr::EndpointArgs::parse(args));
    let mut stripped = item.clone();
    let fields = ast::fields_of(&mut stripped, &mut errors);
    let endpoint = match (args, fields) {
        (Some(args), Some(fields)) => {
            ast::Endpoint::from_args(args, stripped.clone(), fields, &mut errors)
        }
        _ => None,
    };
    if let Some(endpoint) = &endpoint {
        valid::check(endpoint, &mut errors);
    }
    match (errors.finish(), endpoint) {
        (Ok(()), Some(endpoint)) => expand::expand(&endpoint),
        (Err(errors), _) => fallback(errors, &stripped),
        (Ok(()), None) => fallback(
            darling::Error::custom("#[login_endpoint] could not read this declaration"),
            &stripped,
        ),
    }
}

/// The errors, and the struct without its `#[login]` attributes: code that names the struct
/// still compiles, so the user sees the declaration's mistakes and not a cascade.
fn fallback(errors: darling::Error, item: &ItemStruct) -> TokenStream {
    let errors = errors.write_errors();
    quote! {
        #errors
        #item
    }
}

#[cfg(test)]
mod robustness_tests;
#[cfg(test)]
mod tests;
