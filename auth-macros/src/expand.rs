//! Stage 4: the validated model as tokens. Infallible: every user error was reported by the
//! earlier stages. Generated code is glue; the work happens in `::auth_core::__private`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, Lit, LitStr, Type};

use crate::ast::{
    BodyFailure, Constant, Credentials, Endpoint, Expiry, Field, Placement, Source, TimeFormat,
    TimeUnit, Value, last_segment_is,
};
use crate::attr::{BasicPart, BodyFormat, ConstantValue, FieldPath};

pub fn expand(endpoint: &Endpoint) -> TokenStream {
    let item = &endpoint.item;
    let builder = expand_builder(item, &endpoint.fields);
    let debug = expand_debug(item, &endpoint.constants, &endpoint.fields);
    let endpoint_impl = expand_endpoint_impl(endpoint);
    let start = expand_builder_fn(item, &endpoint.fields);
    let send = expand_send(
        item,
        &endpoint.response,
        SendTarget::of(endpoint),
        SendBody::Real,
    );
    let name = &item.ident;
    quote! {
        #item
        #debug
        impl #name {
            #start
            #send
        }
        #builder
        #endpoint_impl
    }
}

/// What goes next to the errors of a declaration with mistakes: the struct's `Debug`, builder
/// and `send`/`send_to` (with bodies that never run, since the crate does not compile), so code
/// that uses the struct is not reported as well. `fields` are the struct's fields, all read.
pub fn expand_fallback(
    item: &syn::ItemStruct,
    fields: &[Field],
    response: Option<&syn::Path>,
) -> TokenStream {
    let builder = expand_builder(item, fields);
    let debug = expand_debug(item, &[], fields);
    let start = expand_builder_fn(item, fields);
    let send = response
        .map(|response| expand_send(item, response, SendTarget::Fallback, SendBody::Unreachable));
    let name = &item.ident;
    quote! {
        #debug
        impl #name {
            #start
            #send
        }
        #builder
    }
}

/// The builder: one type parameter per required field, `Unset` until its setter is called, so
/// `build()` exists only once every required field is set.
fn expand_builder(item: &syn::ItemStruct, fields: &[Field]) -> TokenStream {
    let name = &item.ident;
    let vis = &item.vis;
    let builder = builder_ident(name);
    let required: Vec<&Field> = fields.iter().filter(|f| f.is_required()).collect();
    let optional: Vec<&Field> = fields.iter().filter(|f| !f.is_required()).collect();
    let params: Vec<Ident> = (0..required.len())
        .map(|i| format_ident!("__S{}", i))
        .collect();
    let req_idents: Vec<&Ident> = required.iter().map(|f| &f.ident).collect();
    let opt_idents: Vec<&Ident> = optional.iter().map(|f| &f.ident).collect();
    let opt_types: Vec<&Type> = optional.iter().map(|f| &f.ty).collect();
    let unset = quote!(::auth_core::__private::Unset);

    let builder_doc = if required.is_empty() {
        format!(
            " Builds a [`{name}`]: every field is optional; call the setters you need, then [`build`]({builder}::build)."
        )
    } else {
        format!(
            " Builds a [`{name}`]: call the setter of every required field ({}), then [`build`]({builder}::build).",
            required
                .iter()
                .map(|f| format!("`{}`", f.ident))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let mut builder_doc = vec![builder_doc];
    if let Some(example) = optional.first() {
        let ident = &example.ident;
        builder_doc.push(String::new());
        builder_doc.push(format!(
            " An optional field has two setters, as in `bon`: `{ident}(value)` sets it, and `maybe_{ident}(option)` takes an `Option`, where `None` leaves it unset."
        ));
    }

    let setters_required = required.iter().enumerate().map(|(i, field)| {
        let ident = &field.ident;
        let ty = &field.ty;
        let others: Vec<&Ident> = params
            .iter()
            .enumerate()
            .filter(|(j, _)| *j != i)
            .map(|(_, p)| p)
            .collect();
        let before = params
            .iter()
            .enumerate()
            .map(|(j, p)| if j == i { unset.clone() } else { quote!(#p) });
        let after = params.iter().enumerate().map(|(j, p)| {
            if j == i {
                quote!(::auth_core::__private::Set<#ty>)
            } else {
                quote!(#p)
            }
        });
        let (arg_ty, convert) = setter_argument(ty);
        let moved = req_idents.iter().enumerate().map(|(j, other)| {
            if j == i {
                quote!(#other: ::auth_core::__private::Set(#convert))
            } else {
                quote!(#other: self.#other)
            }
        });
        let doc = format!(" Sets `{ident}` (required).");
        quote! {
            impl<#(#others),*> #builder<#(#before),*> {
                #[doc = #doc]
                #vis fn #ident(self, value: #arg_ty) -> #builder<#(#after),*> {
                    #builder {
                        #(#moved,)*
                        #(#opt_idents: self.#opt_idents,)*
                    }
                }
            }
        }
    });

    let setters_optional = optional.iter().map(|field| {
        let ident = &field.ident;
        let maybe = format_ident!("maybe_{}", ident);
        let inner = field.optional.as_ref().unwrap_or(&field.ty);
        let (arg_ty, convert) = setter_argument(inner);
        let doc = format!(" Sets `{ident}` (optional; left out of the request when not set).");
        let maybe_doc = format!(
            " Sets `{ident}` from an `Option`: `None` leaves it out of the request, as if [`{ident}`](Self::{ident}) were not called."
        );
        quote! {
            #[doc = #doc]
            #vis fn #ident(mut self, value: #arg_ty) -> Self {
                self.#ident = ::core::option::Option::Some(#convert);
                self
            }

            #[doc = #maybe_doc]
            #vis fn #maybe(mut self, value: ::core::option::Option<#inner>) -> Self {
                self.#ident = value;
                self
            }
        }
    });

    let state_traits = required.iter().map(|field| {
        let ident = &field.ident;
        let message =
            format!("`{name}` cannot be built yet: the required field `{ident}` is not set");
        let label = format!("`{ident}` is not set");
        let note = format!("call `.{ident}(...)` on the builder before `.build()`");
        // The trait is named after the field, so rustc's own line reads "the trait `email` is
        // not implemented for `Unset`". It names no user type (`build` pins `Value`), so it can
        // sit in a module of its own, where it shadows no name a field type uses.
        quote! {
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
            #[allow(non_camel_case_types)]
            pub trait #ident {
                #[doc(hidden)]
                type Value;
                #[doc(hidden)]
                fn __value(self) -> Self::Value;
            }
            impl<__T> #ident for ::auth_core::__private::Set<__T> {
                type Value = __T;
                fn __value(self) -> __T {
                    self.0
                }
            }
        }
    });
    let build_bounds = params.iter().zip(&required).map(|(p, field)| {
        let ident = &field.ident;
        let ty = &field.ty;
        // Spanned at the field, so "required by this bound" points at it.
        quote_spanned!(ident.span()=> #p: __state::#ident<Value = #ty>)
    });
    let build_values = params
        .iter()
        .zip(&req_idents)
        .map(|(p, ident)| quote!(#ident: <#p as __state::#ident>::__value(self.#ident)));

    // Everything but the builder type itself goes in an unnamed const, so the state traits take
    // no names in the user's module; the const sees the same names as the struct, so field types
    // resolve even when the endpoint is declared inside a function.
    quote! {
        #(#[doc = #builder_doc])*
        #[must_use = "a builder does nothing until `build()` is called"]
        #vis struct #builder<#(#params = #unset),*> {
            #(#req_idents: #params,)*
            #(#opt_idents: #opt_types,)*
        }

        const _: () = {
            pub mod __state {
                #(#state_traits)*
            }

            #(#setters_required)*

            impl<#(#params),*> #builder<#(#params),*> {
                #(#setters_optional)*

                /// Builds the request. Available once every required field is set.
                // The bounds are on the method, not the impl: an unmet bound on a method that
                // exists is reported with the state trait's `on_unimplemented` message.
                #vis fn build(self) -> #name
                where
                    #(#build_bounds,)*
                {
                    #name {
                        #(#build_values,)*
                        #(#opt_idents: self.#opt_idents,)*
                    }
                }
            }

            #[automatically_derived]
            impl<#(#params: ::core::fmt::Debug),*> ::core::fmt::Debug for #builder<#(#params),*> {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __f.debug_struct(::core::stringify!(#builder))
                        #(.field(::core::stringify!(#req_idents), &self.#req_idents))*
                        #(.field(::core::stringify!(#opt_idents), &self.#opt_idents))*
                        .finish()
                }
            }
        };
    }
}

/// `String` and `Secret` setters take anything that converts (`&str`); other types are taken
/// as they are, so integer literals infer the field's type.
fn setter_argument(ty: &Type) -> (TokenStream, TokenStream) {
    if last_segment_is(ty, "String") || last_segment_is(ty, "Secret") {
        (
            quote!(impl ::core::convert::Into<#ty>),
            quote!(::core::convert::Into::into(value)),
        )
    } else {
        (quote!(#ty), quote!(value))
    }
}

fn expand_debug(item: &syn::ItemStruct, constants: &[Constant], fields: &[Field]) -> TokenStream {
    let name = &item.ident;
    // Constants are the same in every request and never secret, so they are shown as written.
    let constants = constants.iter().map(|constant| {
        let key = constant.placement.name();
        let text = debug_text(&constant.value);
        quote!(.field(#key, &::core::format_args!("{}", #text)))
    });
    let fields = fields.iter().map(|field| {
        let ident = &field.ident;
        // Secrets are redacted here rather than trusting the field type's `Debug`.
        if field.secret.is_some() && field.optional.is_some() {
            quote! {
                .field(
                    ::core::stringify!(#ident),
                    &::core::option::Option::map(
                        ::core::option::Option::as_ref(&self.#ident),
                        |_| ::core::format_args!("[REDACTED]"),
                    ),
                )
            }
        } else if field.secret.is_some() {
            quote!(.field(::core::stringify!(#ident), &::core::format_args!("[REDACTED]")))
        } else {
            quote!(.field(::core::stringify!(#ident), &self.#ident))
        }
    });
    quote! {
        #[automatically_derived]
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                __f.debug_struct(::core::stringify!(#name))
                    #(#constants)*
                    #(#fields)*
                    .finish()
            }
        }
    }
}

/// A constant as `Debug` shows it: strings quoted, arrays in brackets.
fn debug_text(value: &ConstantValue) -> String {
    match value {
        ConstantValue::Str(text, _) => format!("{text:?}"),
        ConstantValue::Int(digits, _) | ConstantValue::Float(digits, _) => digits.clone(),
        ConstantValue::Bool(value, _) => value.to_string(),
        ConstantValue::Array(values, _) => format!(
            "[{}]",
            values.iter().map(debug_text).collect::<Vec<_>>().join(", ")
        ),
    }
}

/// A constant as a form or query value: each literal's text; an array repeats the key.
fn text_values(value: &ConstantValue) -> Vec<String> {
    match value {
        ConstantValue::Str(text, _) => vec![text.clone()],
        ConstantValue::Int(digits, _) | ConstantValue::Float(digits, _) => vec![digits.clone()],
        ConstantValue::Bool(value, _) => vec![value.to_string()],
        ConstantValue::Array(values, _) => values.iter().flat_map(text_values).collect(),
    }
}

/// A constant of the JSON body, as an `auth_core::__private::JsonConstant` expression.
fn json_constant(value: &ConstantValue) -> TokenStream {
    let constant = quote!(::auth_core::__private::JsonConstant);
    match value {
        ConstantValue::Str(text, _) => quote!(#constant::Str(#text)),
        ConstantValue::Int(digits, _) => match digits.parse::<i64>() {
            Ok(value) => quote!(#constant::Int(#value)),
            // `ast.rs` has checked that it fits one of the two.
            Err(_) => {
                let value = digits.parse::<u64>().unwrap_or(u64::MAX);
                quote!(#constant::UInt(#value))
            }
        },
        ConstantValue::Float(digits, _) => {
            let value = digits.parse::<f64>().unwrap_or_default();
            quote!(#constant::Float(#value))
        }
        ConstantValue::Bool(value, _) => quote!(#constant::Bool(#value)),
        ConstantValue::Array(values, _) => {
            let values = values.iter().map(json_constant);
            quote!(#constant::Array(&[#(#values),*]))
        }
    }
}

/// `fn builder()`, for the struct's inherent impl.
fn expand_builder_fn(item: &syn::ItemStruct, fields: &[Field]) -> TokenStream {
    let vis = &item.vis;
    let builder = builder_ident(&item.ident);
    let required = fields.iter().filter(|f| f.is_required()).map(|f| &f.ident);
    let optional = fields.iter().filter(|f| !f.is_required()).map(|f| &f.ident);
    quote! {
        /// Starts building this login request.
        #vis fn builder() -> #builder {
            #builder {
                #(#required: ::auth_core::__private::Unset,)*
                #(#optional: ::core::option::Option::None,)*
            }
        }
    }
}

enum SendBody {
    /// Calls `auth_core`.
    Real,
    /// For the fallback, which is only ever type-checked.
    Unreachable,
}

/// Where `send` logs in, which decides whether there is a `send` at all.
enum SendTarget<'a> {
    /// The declared base URL: `send` and `send_to`.
    Declared { vendor: &'a str, base_url: &'a str },
    /// No base URL declared: `send_to` only, so sending without one does not compile.
    Undeclared { vendor: &'a str },
    /// A declaration with mistakes: both, so code that uses either is not reported too.
    Fallback,
}

impl<'a> SendTarget<'a> {
    fn of(endpoint: &'a Endpoint) -> Self {
        match &endpoint.base_url {
            Some(base_url) => SendTarget::Declared {
                vendor: &endpoint.vendor,
                base_url,
            },
            None => SendTarget::Undeclared {
                vendor: &endpoint.vendor,
            },
        }
    }
}

/// `fn send` and `fn send_to`, for the struct's inherent impl.
fn expand_send(
    item: &syn::ItemStruct,
    response: &syn::Path,
    target: SendTarget<'_>,
    body: SendBody,
) -> TokenStream {
    let vis = &item.vis;
    let output = quote! {
        ::core::result::Result<::auth_core::Session<#response>, ::auth_core::AuthError>
    };
    let doc_returns = quote! {
        ///
        /// Returns the [`Session`](::auth_core::Session), or an
        /// [`AuthError`](::auth_core::AuthError) whose kind is the same across vendors.
    };
    let (send_doc, send_to_doc) = match target {
        SendTarget::Declared { vendor, base_url } => (
            Some(format!(
                " Logs in at {vendor}'s documented base URL, `{base_url}`."
            )),
            vec![
                " Logs in at another base URL: an on-premises host, staging, or a test server."
                    .to_owned(),
                " The endpoint's path is appended to it.".to_owned(),
            ],
        ),
        SendTarget::Undeclared { vendor } => (
            None,
            vec![
                format!(
                    " Logs in at `base_url`, the host of the {vendor} installation to log in to; the endpoint's path is appended to it."
                ),
                String::new(),
                format!(
                    " {vendor} has no single documented host, so a login is always sent with its base URL."
                ),
            ],
        ),
        SendTarget::Fallback => (
            Some(" Logs in (this declaration has mistakes, see the errors).".to_owned()),
            vec![" Logs in (this declaration has mistakes, see the errors).".to_owned()],
        ),
    };
    match body {
        // Plain functions returning auth-core's future: no async wrapper per endpoint.
        SendBody::Real => {
            let send = match send_doc {
                Some(send_doc) => quote! {
                    #[doc = #send_doc]
                    #doc_returns
                    #vis fn send<'__a>(
                        &'__a self,
                        client: &'__a ::auth_core::LoginClient,
                    ) -> impl ::core::future::Future<Output = #output> + ::core::marker::Send + '__a {
                        ::auth_core::__private::send(client, self, ::core::option::Option::None)
                    }
                },
                // Not callable: the bound is never met, so a call is one error with
                // `DeclaredBaseUrl`'s message (no base URL, give one) rather than a missing
                // method. The binder keeps the bound from being checked where it is declared,
                // and the result can be awaited, so the `.await` after the call adds no error
                // of its own.
                None => quote! {
                    #[doc(hidden)]
                    #vis fn send(
                        &self,
                        client: &::auth_core::LoginClient,
                    ) -> ::auth_core::__private::NoBaseUrl<#response>
                    where
                        for<'__any> Self: ::auth_core::DeclaredBaseUrl,
                    {
                        let _ = client;
                        ::auth_core::__private::NoBaseUrl::new(<Self as ::auth_core::LoginEndpoint>::SPEC)
                    }
                },
            };
            quote! {
                #send

                #(#[doc = #send_to_doc])*
                #doc_returns
                #vis fn send_to<'__a>(
                    &'__a self,
                    client: &'__a ::auth_core::LoginClient,
                    base_url: &'__a str,
                ) -> impl ::core::future::Future<Output = #output> + ::core::marker::Send + '__a {
                    ::auth_core::__private::send(client, self, ::core::option::Option::Some(base_url))
                }
            }
        }
        SendBody::Unreachable => {
            let send_doc = send_doc.unwrap_or_default();
            quote! {
                #[doc = #send_doc]
                #doc_returns
                #vis async fn send(&self, client: &::auth_core::LoginClient) -> #output {
                    let _ = client;
                    ::core::unreachable!()
                }

                #(#[doc = #send_to_doc])*
                #doc_returns
                #vis async fn send_to(&self, client: &::auth_core::LoginClient, base_url: &str) -> #output {
                    let _ = (client, base_url);
                    ::core::unreachable!()
                }
            }
        }
    }
}

fn expand_endpoint_impl(endpoint: &Endpoint) -> TokenStream {
    let name = &endpoint.item.ident;
    let response = &endpoint.response;
    let error_body = match &endpoint.error_body {
        Some(path) => quote!(#path),
        None => quote!(::auth_core::NoErrorBody),
    };
    let vendor = &endpoint.vendor;
    let request_spec = expand_request_spec(endpoint);
    let request_impl = expand_request_impl(endpoint);
    let declared_base_url = endpoint.base_url.is_some().then(|| {
        quote! {
            #[automatically_derived]
            impl ::auth_core::DeclaredBaseUrl for #name {}
        }
    });
    let codes = endpoint.statuses.iter().map(|s| s.code);
    let kinds = endpoint.statuses.iter().map(|s| &s.kind);
    let fixed = optional_duration(endpoint.lifetime.as_deref().copied());
    let idle = optional_duration(endpoint.idle_timeout.as_deref().copied());
    let lockout = optional_duration(endpoint.lockout);

    let body_failed = expand_body_failed(endpoint.body_failure.as_ref());
    let response_spec = expand_response_spec(endpoint);
    let credentials = expand_credentials(&endpoint.credentials);

    quote! {
        #request_impl

        #declared_base_url

        #[automatically_derived]
        impl ::auth_core::LoginEndpoint for #name {
            type Response = #response;
            type ErrorBody = #error_body;

            const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::EndpointSpec::__new(
                #vendor,
                #request_spec
                &[#((#codes, ::auth_core::ErrorKind::#kinds)),*],
                ::auth_core::LifetimePolicy { fixed: #fixed, idle: #idle },
                #lockout,
                #response_spec,
            );

            fn __body_failed(__response: &Self::Response) -> bool {
                #body_failed
            }

            #credentials
        }
    }
}

/// The request half of `SPEC`: method, base URL, path, body format, content type and the
/// constant headers, query parameters and form pairs, each a comma-terminated argument.
fn expand_request_spec(endpoint: &Endpoint) -> TokenStream {
    let method = &endpoint.method;
    let base_url = optional_str(endpoint.base_url.as_deref());
    let path = endpoint.path.as_str();
    let body = match endpoint.body {
        BodyFormat::Json => quote!(Json),
        BodyFormat::Form => quote!(Form),
        BodyFormat::None => quote!(None),
    };
    let content_type = optional_str(endpoint.content_type.as_deref());
    let pairs = |wanted: fn(&Placement) -> Option<String>| {
        let pairs = endpoint.constants.iter().flat_map(move |constant| {
            let key = wanted(&constant.placement);
            text_values(&constant.value)
                .into_iter()
                .filter_map(move |value| key.clone().map(|key| quote!((#key, #value))))
        });
        quote!(&[#(#pairs),*])
    };
    let headers = pairs(|placement| match placement {
        Placement::Header(name) => Some(name.to_string()),
        _ => None,
    });
    let query = pairs(|placement| match placement {
        Placement::Query(key) => Some(key.to_string()),
        _ => None,
    });
    let form = pairs(|placement| match placement {
        Placement::FormBody(key) => Some(key.to_string()),
        _ => None,
    });
    quote! {
        ::auth_core::Method::#method,
        #base_url,
        #path,
        ::auth_core::BodyFormat::#body,
        #content_type,
        #headers,
        #query,
        #form,
    }
}

fn optional_str(text: Option<&str>) -> TokenStream {
    match text {
        Some(text) => quote!(::core::option::Option::Some(#text)),
        None => quote!(::core::option::Option::None),
    }
}

/// `impl LoginRequest`: the JSON body, where each other field goes, and the secrets to scrub
/// from errors.
fn expand_request_impl(endpoint: &Endpoint) -> TokenStream {
    let name = &endpoint.item.ident;
    let write_body = (endpoint.body == BodyFormat::Json).then(|| expand_write_body(endpoint));
    let describe = endpoint.fields.iter().filter_map(|field| {
        let ident = &field.ident;
        let secret = field.secret.is_some();
        // Spanned at the field's type, so a type that cannot be sent as text is reported there.
        let value = quote_spanned!(field.ty_span()=> &self.#ident);
        let call = match &field.placement {
            Placement::JsonBody(_) => return None,
            Placement::FormBody(key) => {
                let key = key.as_str();
                quote!(form(#key, #value, #secret))
            }
            Placement::Query(key) => {
                let key = key.as_str();
                quote!(query(#key, #value, #secret))
            }
            Placement::Path(placeholder) => {
                let placeholder = placeholder.as_str();
                quote!(path(#placeholder, #value, #secret))
            }
            Placement::Header(name) => {
                let name = name.as_str();
                quote!(header(#name, #value, #secret))
            }
            Placement::BasicAuth(part) => match **part {
                BasicPart::User => quote!(basic_user(#value)),
                BasicPart::Password => quote!(basic_password(#value)),
            },
        };
        Some(quote!(__parts.#call;))
    });
    let secrets = endpoint
        .fields
        .iter()
        .filter(|f| f.secret.is_some())
        .map(|field| {
            let ident = &field.ident;
            if field.optional.is_some() {
                quote! {
                    if let ::core::option::Option::Some(__value) = &self.#ident {
                        __secret(::auth_core::Secret::expose_secret(__value));
                    }
                }
            } else {
                quote!(__secret(::auth_core::Secret::expose_secret(&self.#ident));)
            }
        });
    quote! {
        #[automatically_derived]
        impl ::auth_core::__private::LoginRequest for #name {
            #write_body

            fn __describe<'__a>(&'__a self, __parts: &mut ::auth_core::__private::RequestParts<'__a>) {
                #(#describe)*
            }

            fn __secrets(&self, __secret: &mut dyn ::core::ops::FnMut(&str)) {
                #(#secrets)*
            }
        }
    }
}

/// `__write_body`: a borrowed, serde-derived view of the body fields and constants, nested
/// where keys are dotted.
fn expand_write_body(endpoint: &Endpoint) -> TokenStream {
    let mut root = BodyObject::default();
    for (placement, value) in endpoint.values() {
        if let Placement::JsonBody(keys) = placement {
            root.insert(keys, value);
        }
    }
    let mut definitions = Vec::new();
    let mut counter = 0;
    let (_, root_init) = root.expand(&mut definitions, &mut counter);
    quote! {
        fn __write_body(
            &self,
            __out: &mut ::std::vec::Vec<u8>,
        ) -> ::core::result::Result<(), ::auth_core::__private::serde_json::Error> {
            #(#definitions)*
            ::auth_core::__private::serde_json::to_writer(__out, &#root_init)
        }
    }
}

#[derive(Default)]
struct BodyObject<'a> {
    entries: Vec<(String, BodyValue<'a>)>,
}

enum BodyValue<'a> {
    Field(&'a Field),
    Constant(&'a ConstantValue),
    Object(BodyObject<'a>),
}

impl<'a> BodyObject<'a> {
    /// Inserts a value under its keys; `valid.rs` has rejected duplicates and overlaps.
    fn insert(&mut self, keys: &[String], value: Value<'a>) {
        let Some((first, rest)) = keys.split_first() else {
            return;
        };
        if rest.is_empty() {
            let value = match value {
                Value::Field(field) => BodyValue::Field(field),
                Value::Constant(constant) => BodyValue::Constant(constant),
            };
            self.entries.push((first.clone(), value));
            return;
        }
        let position = self
            .entries
            .iter()
            .position(|(key, value)| key == first && matches!(value, BodyValue::Object(_)));
        let index = position.unwrap_or_else(|| {
            self.entries
                .push((first.clone(), BodyValue::Object(BodyObject::default())));
            self.entries.len() - 1
        });
        if let BodyValue::Object(object) = &mut self.entries[index].1 {
            object.insert(rest, value);
        }
    }

    /// Emits a struct for this object into `definitions`; returns its name and the expression
    /// that builds it from `self`.
    fn expand(
        &self,
        definitions: &mut Vec<TokenStream>,
        counter: &mut usize,
    ) -> (Ident, TokenStream) {
        let ident = format_ident!("__Body{}", *counter);
        *counter += 1;
        let mut members = Vec::new();
        let mut inits = Vec::new();
        let mut borrows = false;
        for (index, (key, value)) in self.entries.iter().enumerate() {
            let member = format_ident!("__f{}", index);
            let key = LitStr::new(key, Span::call_site());
            match value {
                BodyValue::Field(field) => {
                    borrows = true;
                    let ident = &field.ident;
                    let ty = &field.ty;
                    if field.secret.is_some() && field.optional.is_some() {
                        members.push(quote! {
                            #[serde(rename = #key, skip_serializing_if = "::core::option::Option::is_none")]
                            #member: ::core::option::Option<::auth_core::__private::SecretBody<'__a>>
                        });
                        inits.push(quote_spanned! {field.ty_span()=>
                            #member: ::core::option::Option::map(
                                ::core::option::Option::as_ref(&self.#ident),
                                ::auth_core::__private::secret_body,
                            )
                        });
                    } else if field.secret.is_some() {
                        members.push(quote!(#[serde(rename = #key)] #member: ::auth_core::__private::SecretBody<'__a>));
                        inits.push(quote_spanned!(field.ty_span()=> #member: ::auth_core::__private::secret_body(&self.#ident)));
                    } else if field.optional.is_some() {
                        members.push(quote! {
                            #[serde(rename = #key, skip_serializing_if = "::auth_core::__private::is_absent")]
                            #member: &'__a #ty
                        });
                        inits.push(quote!(#member: &self.#ident));
                    } else {
                        members.push(quote!(#[serde(rename = #key)] #member: &'__a #ty));
                        inits.push(quote!(#member: &self.#ident));
                    }
                }
                BodyValue::Constant(constant) => {
                    let constant = json_constant(constant);
                    members.push(quote! {
                        #[serde(rename = #key)]
                        #member: &'static ::auth_core::__private::JsonConstant
                    });
                    inits.push(quote!(#member: &#constant));
                }
                BodyValue::Object(object) => {
                    borrows = true;
                    let (nested, init) = object.expand(definitions, counter);
                    members.push(quote!(#[serde(rename = #key)] #member: #nested<'__a>));
                    inits.push(quote!(#member: #init));
                }
            }
        }
        // Members that borrow do so for `'__a`; an object that borrows nothing (no members, or
        // constants only) needs a marker to use the lifetime.
        if !borrows {
            members.push(quote! {
                #[serde(skip)]
                __lifetime: ::core::marker::PhantomData<&'__a ()>
            });
            inits.push(quote!(__lifetime: ::core::marker::PhantomData));
        }
        definitions.push(quote! {
            #[derive(::auth_core::__private::serde::Serialize)]
            #[serde(crate = "::auth_core::__private::serde")]
            struct #ident<'__a> {
                #(#members,)*
            }
        });
        let init = quote!(#ident { #(#inits,)* });
        (ident, init)
    }
}

fn expand_body_failed(body_failure: Option<&BodyFailure>) -> TokenStream {
    let Some(failure) = body_failure else {
        return quote!(false);
    };
    let access = response_field(&failure.field);
    let span = failure.field.span;
    match &failure.success {
        None => quote_spanned!(span=> ::auth_core::__private::PresenceField::is_present(#access)),
        Some(Lit::Int(int)) => {
            let digits = int.base10_digits();
            let (negative, digits) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, digits),
            };
            let value = syn::LitInt::new(&format!("{digits}i128"), int.span());
            let value = if negative {
                quote!(-#value)
            } else {
                quote!(#value)
            };
            quote_spanned!(span=> !::auth_core::__private::SuccessValue::is_success(#access, #value))
        }
        Some(literal) => {
            quote_spanned!(span=> !::auth_core::__private::SuccessValue::is_success(#access, #literal))
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Where a response value comes from: the `ResponseSpec` constant that auth-core reads headers
// and cookies with, and `__credentials`, which reads the values declared in the body.
// ---------------------------------------------------------------------------------------------

/// `ResponseSpec::__new(...)`: every source and expiry, for `auth_core` to read.
fn expand_response_spec(endpoint: &Endpoint) -> TokenStream {
    let response_name = endpoint
        .response
        .segments
        .last()
        .map(|s| s.ident.to_string())
        .unwrap_or_default();
    let credentials = &endpoint.credentials;
    let token = source_tokens(&credentials.token);
    let refresh_token = optional(credentials.refresh_token.as_ref().map(source_tokens));
    let expiry = optional(credentials.expiry.as_ref().map(expiry_tokens));
    let refresh_expiry = optional(credentials.refresh_expiry.as_ref().map(expiry_tokens));
    let failure_kind = endpoint
        .body_failure
        .as_ref()
        .and_then(|failure| failure.kind.clone())
        .unwrap_or_else(|| Ident::new("Rejected", Span::call_site()));
    quote! {
        ::auth_core::ResponseSpec::__new(
            #response_name,
            #token,
            #refresh_token,
            #expiry,
            #refresh_expiry,
            ::auth_core::ErrorKind::#failure_kind,
        )
    }
}

fn optional(tokens: Option<TokenStream>) -> TokenStream {
    match tokens {
        Some(tokens) => quote!(::core::option::Option::Some(#tokens)),
        None => quote!(::core::option::Option::None),
    }
}

fn source_tokens(source: &Source) -> TokenStream {
    match source {
        Source::Body(path) => {
            let dotted = path.dotted();
            quote!(::auth_core::Source::Body(#dotted))
        }
        Source::Header(name) => {
            let name = name.as_str();
            quote!(::auth_core::Source::Header(#name))
        }
        Source::Cookie(name) => {
            let name = name.as_str();
            quote!(::auth_core::Source::Cookie(#name))
        }
    }
}

fn expiry_tokens(expiry: &Expiry) -> TokenStream {
    match expiry {
        Expiry::At(source, format) => {
            let source = source_tokens(source);
            let format = match format {
                TimeFormat::Rfc3339 => quote!(Rfc3339),
                TimeFormat::UnixSeconds => quote!(UnixSeconds),
                TimeFormat::UnixMillis => quote!(UnixMillis),
            };
            quote!(::auth_core::Expiry::At(#source, ::auth_core::TimeFormat::#format))
        }
        Expiry::In(source, unit) => {
            let source = source_tokens(source);
            let unit = match unit {
                TimeUnit::Seconds => quote!(Seconds),
                TimeUnit::Millis => quote!(Millis),
            };
            quote!(::auth_core::Expiry::In(#source, ::auth_core::TimeUnit::#unit))
        }
        Expiry::OfCookie(name) => {
            let name = name.as_str();
            quote!(::auth_core::Expiry::OfCookie(#name))
        }
    }
}

/// `__credentials`: the values of the body paths, each read through the trait its key needs,
/// spanned at the path so a field of the wrong type is reported there.
fn expand_credentials(credentials: &Credentials) -> TokenStream {
    let none = quote!(::core::option::Option::None);
    let absent = quote!(::auth_core::__private::ExpiryValue::Absent);
    let token_value = |source: &Source| match source {
        Source::Body(path) => body_value(
            path,
            quote_spanned!(path.span=> ::auth_core::fields::TokenField::token(__v)),
            None,
        ),
        Source::Header(_) | Source::Cookie(_) => none.clone(),
    };
    let expiry_value = |expiry: &Expiry| match expiry {
        Expiry::At(Source::Body(path), TimeFormat::Rfc3339) => body_value(
            path,
            quote_spanned!(path.span=> ::auth_core::fields::TimestampField::expiry_value(__v)),
            Some(&absent),
        ),
        Expiry::At(Source::Body(path), _) | Expiry::In(Source::Body(path), _) => body_value(
            path,
            quote_spanned!(path.span=> ::auth_core::fields::TimeNumberField::expiry_value(__v)),
            Some(&absent),
        ),
        _ => absent.clone(),
    };
    let token = token_value(&credentials.token);
    let refresh_token = credentials
        .refresh_token
        .as_ref()
        .map_or_else(|| none.clone(), token_value);
    let expiry = credentials
        .expiry
        .as_ref()
        .map_or_else(|| absent.clone(), expiry_value);
    let refresh_expiry = credentials
        .refresh_expiry
        .as_ref()
        .map_or_else(|| absent.clone(), expiry_value);
    let reads_the_body = [Some(&credentials.token), credentials.refresh_token.as_ref()]
        .into_iter()
        .flatten()
        .any(|source| matches!(source, Source::Body(_)))
        || [&credentials.expiry, &credentials.refresh_expiry]
            .into_iter()
            .flatten()
            .any(|expiry| {
                matches!(
                    expiry,
                    Expiry::At(Source::Body(_), _) | Expiry::In(Source::Body(_), _)
                )
            });
    let allow_unused = (!reads_the_body).then(|| quote!(#[allow(unused_variables)]));
    quote! {
        #allow_unused
        fn __credentials(
            __response: &Self::Response,
        ) -> ::auth_core::__private::BodyValues<'_> {
            ::auth_core::__private::BodyValues {
                token: #token,
                refresh_token: #refresh_token,
                expiry: #expiry,
                refresh_expiry: #refresh_expiry,
            }
        }
    }
}

/// The value at a path of the response, read by `leaf` (a call on `__v`, the last field). A
/// path of one field is read directly; a longer one steps into each `Option` on the way, and is
/// absent when one is `None` (`session.access_token` with no `session`). `absent` is what an
/// absent value reads as; without it, `leaf` returns an `Option` itself.
fn body_value(path: &FieldPath, leaf: TokenStream, absent: Option<&TokenStream>) -> TokenStream {
    let Some((last, parents)) = path.segments.split_last() else {
        return quote!(::core::option::Option::None);
    };
    if parents.is_empty() {
        return quote_spanned! {last.span()=> {
            let __v = &__response.#last;
            #leaf
        }};
    }
    let steps = parents.iter().map(|segment| {
        quote_spanned! {segment.span()=>
            let __v = &__v.#segment;
            let __v = ::auth_core::__private::Step(__v).enter()?;
        }
    });
    let last_step = quote_spanned!(last.span()=> let __v = &__v.#last;);
    let read = match absent {
        Some(_) => quote!(::core::option::Option::Some(#leaf)),
        None => leaf,
    };
    let value = quote! {
        (move || {
            #[allow(unused_imports)]
            use ::auth_core::__private::Present as _;
            let __v = __response;
            #(#steps)*
            #last_step
            #read
        })()
    };
    match absent {
        Some(absent) => quote!(::core::option::Option::unwrap_or(#value, #absent)),
        None => value,
    }
}

/// `&__response.data.token`, with each segment keeping the user's span so a misspelt field is
/// reported at the attribute. Calls on it are spanned at the path too, so a field of the wrong
/// type is reported there rather than at the whole attribute.
fn response_field(path: &FieldPath) -> TokenStream {
    let segments = &path.segments;
    quote_spanned!(path.span=> &__response #(.#segments)*)
}

fn optional_duration(seconds: Option<u64>) -> TokenStream {
    match seconds {
        Some(seconds) => {
            quote!(::core::option::Option::Some(::core::time::Duration::from_secs(#seconds)))
        }
        None => quote!(::core::option::Option::None),
    }
}

fn builder_ident(name: &Ident) -> Ident {
    format_ident!("{}Builder", name)
}

impl Field {
    fn ty_span(&self) -> Span {
        syn::spanned::Spanned::span(&self.ty)
    }
}
