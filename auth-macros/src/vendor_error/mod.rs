//! `#[derive(VendorError)]`: an error body declared, not implemented. The same stages as
//! `#[login_endpoint]`: `attr` reads the attributes, `ast` checks them and builds the model,
//! `expand` writes the impl. Every problem is reported, each at its token, in one build; a
//! declaration with mistakes still gets an impl with every default, so the type can be named
//! as an `error_body` without further errors.

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
    match (errors.finish(), body) {
        (Ok(()), Some(body)) => expand::expand(&body),
        (result, _) => {
            let errors = result.err().map(darling::Error::write_errors);
            let fallback = expand::expand_fallback(&input.ident, &input.generics);
            quote::quote!(#errors #fallback)
        }
    }
}
