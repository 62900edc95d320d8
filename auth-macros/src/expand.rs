//! Stage 4: the validated model as tokens. Infallible: every user error was reported by the
//! earlier stages. Generated code is glue; the work happens in `::auth_core::__private`.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::{Ident, Lit, LitStr, Type};

use crate::ast::HeaderPiece;
use crate::ast::{
    BodyFailure, Constant, Credentials, Endpoint, Expiry, Field, FieldSource, Placement,
    ResponseKeys, Source, TimeFormat, TimeUnit, Value, last_segment_is,
};
use crate::attr::{BasicPart, BodyFormat, ConstantValue, FieldPath, Links};
use crate::field_path::{self, Segment};
use crate::valid;

pub fn expand(endpoint: &Endpoint) -> TokenStream {
    let item = &endpoint.item;
    let builder = expand_builder(
        item,
        &endpoint.fields,
        Some(&endpoint.response),
        &endpoint.constants,
    );
    let debug = expand_debug(item, &endpoint.constants, &endpoint.fields);
    let endpoint_impl = expand_endpoint_impl(endpoint);
    let start = expand_builder_fn(item, &endpoint.fields);
    let send = expand_send(
        &item.vis,
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
    let builder = expand_builder(item, fields, response, &[]);
    let debug = expand_debug(item, &[], fields);
    let start = expand_builder_fn(item, fields);
    let send = response.map(|response| {
        expand_send(
            &item.vis,
            response,
            SendTarget::Fallback,
            SendBody::Unreachable,
        )
    });
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

/// The builder: one type parameter per required field, named after it, `Unset` until its
/// setter is called, so that `build()` compiles only once every required field is set and a
/// required setter only once. The bounds that say so are traits named after the fields, with
/// messages that name them: "the required field `password` is not set", "`email` is already
/// set".
fn expand_builder(
    item: &syn::ItemStruct,
    fields: &[Field],
    response: Option<&syn::Path>,
    constants: &[Constant],
) -> TokenStream {
    let name = &item.ident;
    let vis = &item.vis;
    let builder = builder_ident(name);
    let states = format_ident!("__{}_states", builder);
    let required: Vec<&Field> = fields.iter().filter(|f| f.is_required()).collect();
    let optional: Vec<&Field> = fields.iter().filter(|f| !f.is_required()).collect();
    let params = state_params(item, fields, &required);
    let req_idents: Vec<&Ident> = required.iter().map(|f| &f.ident).collect();
    let opt_idents: Vec<&Ident> = optional.iter().map(|f| &f.ident).collect();
    let opt_types: Vec<&Type> = optional.iter().map(|f| &f.ty).collect();
    let set = quote!(::auth_core::builder::Set);
    let unset = quote!(::auth_core::builder::Unset);

    let builder_doc = if required.is_empty() {
        format!(
            " Builds a [`{name}`]: every field is optional; call the setters you need, then [`build`]({builder}::build)."
        )
    } else {
        format!(
            " Builds a [`{name}`]: call the setter of every required field ({}) once, then [`build`]({builder}::build).",
            required
                .iter()
                .map(|f| format!("`{}`", f.ident))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    let mut builder_doc = vec![builder_doc];
    if !required.is_empty() {
        builder_doc.push(String::new());
        builder_doc.push(
            " Each type parameter, named after a required field, is [`Unset`](::auth_core::builder::Unset) until its setter is called and [`Set`](::auth_core::builder::Set) after."
                .to_owned(),
        );
    }
    if let Some(example) = optional.first() {
        let ident = &example.ident;
        builder_doc.push(String::new());
        builder_doc.push(format!(
            " An optional field has two setters, as in `bon`: `{ident}(value)` sets it, and `maybe_{ident}(option)` takes an `Option`, where `None` leaves it unset. They may be called again; the last call wins."
        ));
    }

    let setters_required = required.iter().enumerate().map(|(i, field)| {
        let ident = &field.ident;
        let ty = &field.ty;
        let param = &params[i];
        let unset_trait = format_ident!("{}_is_unset", ident);
        let after = params.iter().enumerate().map(|(j, p)| {
            if j == i {
                quote!(#set<#ty>)
            } else {
                quote!(#p)
            }
        });
        let (arg_ty, convert) = setter_argument(ty);
        let moved = req_idents.iter().enumerate().map(|(j, other)| {
            if j == i {
                quote!(#other: #set(#convert))
            } else {
                quote!(#other: self.#other)
            }
        });
        let doc = format!(" Sets `{ident}` (required; once).");
        // Spanned at the field, so "required by this bound" points at it.
        let states = Ident::new(&states.to_string(), ident.span());
        let bound = quote_spanned!(ident.span()=> #param: #states::#unset_trait);
        quote! {
            #[doc = #doc]
            #vis fn #ident(self, value: #arg_ty) -> #builder<#(#after),*>
            where
                #bound,
            {
                #builder {
                    #(#moved,)*
                    #(#opt_idents: self.#opt_idents,)*
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
        let is_set = format_ident!("{}_is_set", ident);
        let is_unset = format_ident!("{}_is_unset", ident);
        let message =
            format!("`{name}` cannot be built yet: the required field `{ident}` is not set");
        let label = format!("`{ident}` is not set");
        let note = format!("call `.{ident}(...)` on the builder before `.build()`");
        let twice_message = format!("the required field `{ident}` is already set");
        let twice_label = format!("`{ident}` was set by an earlier `.{ident}(...)`");
        let twice_note = format!("a setter is called once; remove one of the `.{ident}(...)` calls");
        // Traits named after the field, so rustc's own line reads "the trait `email_is_set` is
        // not implemented for `Unset`". They name no user type (`build` pins `Value`), so they
        // sit in a module of their own.
        quote! {
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
            pub trait #is_set {
                #[doc(hidden)]
                type Value;
                #[doc(hidden)]
                fn __value(self) -> Self::Value;
            }
            #[diagnostic::do_not_recommend]
            impl<__T> #is_set for ::auth_core::builder::Set<__T> {
                type Value = __T;
                fn __value(self) -> __T {
                    self.0
                }
            }
            #[diagnostic::on_unimplemented(message = #twice_message, label = #twice_label, note = #twice_note)]
            pub trait #is_unset {}
            #[diagnostic::do_not_recommend]
            impl #is_unset for ::auth_core::builder::Unset {}
        }
    });
    let build_bounds = params.iter().zip(&required).map(|(p, field)| {
        let ident = &field.ident;
        let is_set = format_ident!("{}_is_set", ident);
        let ty = &field.ty;
        let states = Ident::new(&states.to_string(), ident.span());
        quote_spanned!(ident.span()=> #p: #states::#is_set<Value = #ty>)
    });
    let build_values = params.iter().zip(&req_idents).map(|(p, ident)| {
        let is_set = format_ident!("{}_is_set", ident);
        quote!(#ident: <#p as #states::#is_set>::__value(self.#ident))
    });
    // A setter called on the built login (`...build().email(...)`): one error saying to call it
    // before `.build()`. The methods are on a trait declared beside the struct, so in scope
    // where the struct is declared, and take `&mut self`: inherent methods of the
    // struct, and trait methods taking `self` or `&self`, are found first, so none of the
    // struct's own methods change meaning.
    let built_setters: Vec<(Ident, Ident)> = fields
        .iter()
        .flat_map(|field| {
            let maybe = field
                .optional
                .as_ref()
                .map(|_| format_ident!("maybe_{}", field.ident, span = field.ident.span()));
            std::iter::once(field.ident.clone())
                .chain(maybe)
                .map(|setter| (setter, field.ident.clone()))
        })
        .collect();
    let built_traits = built_setters.iter().map(|(setter, _)| {
        let before_build = format_ident!("{}_is_set_before_build", setter);
        let message =
            format!("`.{setter}(...)` is a setter of `{name}`'s builder, not of a built `{name}`");
        let label = format!("`{name}` is already built here");
        let note = format!(
            "call `.{setter}(...)` before `.build()`: `{name}::builder()...{setter}(...)...build()`"
        );
        quote! {
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
            pub trait #before_build {}
            #[diagnostic::do_not_recommend]
            impl #before_build for __Never {}
        }
    });
    let built_methods = built_setters.iter().map(|(setter, field)| {
        let before_build = format_ident!("{}_is_set_before_build", setter);
        // Spanned at the field, so "required by this bound" points at it.
        let before_build = Ident::new(&before_build.to_string(), field.span());
        let states_at_field = Ident::new(&states.to_string(), field.span());
        let bound =
            quote_spanned!(field.span()=> for<'__any> Self: #states_at_field::#before_build);
        quote! {
            #[doc(hidden)]
            fn #setter<__V>(&mut self, value: __V) -> &mut Self
            where
                #bound,
            {
                let _ = value;
                self
            }
        }
    });
    // `.build()` called again on the built login: one error saying it is built, by the same
    // means as the setters above. (A field cannot be named `build`.)
    let built_message = format!("`{name}` is already built: `.build()` is a method of its builder");
    let built_label = format!("this is a `{name}`, made by `.build()`");
    let built_note = format!(
        "remove this `.build()`; a `{name}` is sent with `.send(&client)` or `.send_to(&client, base_url)`"
    );
    let already_built = quote! {
        #[diagnostic::on_unimplemented(message = #built_message, label = #built_label, note = #built_note)]
        pub trait already_built {}
        #[diagnostic::do_not_recommend]
        impl already_built for __Never {}
    };
    let states_at_name = Ident::new(&states.to_string(), name.span());
    let already_built_at_name = Ident::new("already_built", name.span());
    // Spanned at the struct's name, so "required by this bound" points at it.
    let build_at_name = Ident::new("build", name.span());
    let build_bound =
        quote_spanned!(name.span()=> for<'__any> Self: #states_at_name::#already_built_at_name);
    // `.build().unwrap()` / `.expect(..)`: `build` returns the login itself. (Left out when a
    // field has the name, so its setter keeps it.)
    let not_a_result_message = format!(
        "`.build()` returns the `{name}` itself, not a `Result`: there is nothing to unwrap"
    );
    let not_a_result_label = format!("this is a `{name}`");
    let not_a_result_note = "remove this call: `.build()` compiles only once every required field is set, so it cannot fail";
    let not_a_result = quote! {
        #[diagnostic::on_unimplemented(message = #not_a_result_message, label = #not_a_result_label, note = #not_a_result_note)]
        pub trait build_cannot_fail {}
        #[diagnostic::do_not_recommend]
        impl build_cannot_fail for __Never {}
    };
    let build_cannot_fail_at_name = Ident::new("build_cannot_fail", name.span());
    let unwrap_methods = ["unwrap", "expect"]
        .into_iter()
        .filter(|method| !built_setters.iter().any(|(setter, _)| setter == method))
        .map(|method| {
            let method = Ident::new(method, name.span());
            let argument = (method == "expect").then(|| quote!(, message: &str));
            let ignore = (method == "expect").then(|| quote!(let _ = message;));
            quote! {
                #[doc(hidden)]
                fn #method(&mut self #argument) -> &mut Self
                where
                    for<'__any> Self: #states_at_name::#build_cannot_fail_at_name,
                {
                    #ignore
                    self
                }
            }
        });
    // Named after the struct, like the builder, so that where it is not in scope rustc's
    // suggestion to import it reads well, and leads to the error above.
    let built_trait = format_ident!("{}Setters", name);
    let built_impl = quote! {
        #[doc(hidden)]
        #vis trait #built_trait {
            #(#built_methods)*

            #[doc(hidden)]
            fn #build_at_name(&mut self) -> &mut Self
            where
                #build_bound,
            {
                self
            }

            #(#unwrap_methods)*
        }
        impl #built_trait for #name {}
    };
    let states_doc = format!(" The states of [`{builder}`]'s required fields.");
    // `.send(...)` on a builder, `.build()` forgotten: one error that says to call it. The
    // methods exist only for that; their bound is never met.
    let unbuilt_message = format!("`{name}` is sent once built: call `.build()` first");
    let unbuilt_label = format!("this is `{name}`'s builder, not a `{name}`");
    let unbuilt_note =
        format!("call `.build()` after the setters: `{name}::builder()...build().send(&client)`");
    let unbuilt_trait = quote! {
        #[diagnostic::on_unimplemented(message = #unbuilt_message, label = #unbuilt_label, note = #unbuilt_note)]
        pub trait call_build_first {}
        // One implementation, for a type that has no values, so rustc does not suggest
        // adding one.
        #[doc(hidden)]
        pub enum __Never {}
        #[diagnostic::do_not_recommend]
        impl call_build_first for __Never {}
    };
    // A setter called for a constant (`.grant_type(...)` for `constant(grant_type = ...)`): one
    // error saying it is a constant, and the chain goes on.
    let mut taken: Vec<String> = fields
        .iter()
        .flat_map(|field| {
            let name = field.ident.to_string();
            let maybe = field.optional.as_ref().map(|_| format!("maybe_{name}"));
            std::iter::once(name).chain(maybe)
        })
        .chain(
            valid::RESERVED_FIELD_NAMES
                .iter()
                .map(|name| (*name).to_owned()),
        )
        .collect();
    let mut constant_setters = Vec::new();
    let mut constant_traits = Vec::new();
    for constant in constants {
        let key = match &constant.placement {
            Placement::JsonBody(keys) if keys.len() == 1 => keys[0].clone(),
            Placement::FormBody(key) | Placement::Query(key) => key.to_string(),
            _ => continue,
        };
        // Only keys that are identifiers could have been written as a setter.
        let Ok(setter) = syn::parse_str::<Ident>(&key) else {
            continue;
        };
        if taken.contains(&key) {
            continue;
        }
        taken.push(key.clone());
        let is_constant = format_ident!("{}_is_a_constant", setter);
        let message = format!("`{key}` is a constant of `{name}`: it has no setter");
        let label = format!("`{key}` is sent as declared in `#[login_endpoint(...)]`");
        let note = format!(
            "remove this call; for a value each caller gives, declare `{key}` as a field instead of a constant"
        );
        constant_traits.push(quote! {
            #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
            pub trait #is_constant {}
            #[diagnostic::do_not_recommend]
            impl #is_constant for __Never {}
        });
        // The bound at the constant's key, so rustc's note points at the declaration.
        let span = constant.placement.span();
        let states_at_key = Ident::new(&states.to_string(), span);
        let is_constant_at_key = Ident::new(&is_constant.to_string(), span);
        let bound = quote_spanned!(span=> for<'__any> Self: #states_at_key::#is_constant_at_key);
        constant_setters.push(quote! {
            #[doc(hidden)]
            #vis fn #setter<__V>(self, value: __V) -> Self
            where
                #bound,
            {
                let _ = value;
                self
            }
        });
    }
    // A setter named after where a field is sent rather than after the field (`.key(...)` for
    // `#[login(query = "key")] api_key`, `.organizationId(...)` for `rename = "organizationId"`):
    // one error naming the field's setter.
    for field in fields {
        for placement in std::iter::once(&field.placement).chain(&field.also) {
            let key = match placement {
                Placement::JsonBody(keys) if keys.len() == 1 => keys[0].clone(),
                Placement::FormBody(key)
                | Placement::Query(key)
                | Placement::Path(key)
                | Placement::Cookie(key) => key.to_string(),
                Placement::Header(name) => name.replace('-', "_"),
                _ => continue,
            };
            let Ok(setter) = syn::parse_str::<Ident>(&key) else {
                continue;
            };
            if taken.contains(&key) {
                continue;
            }
            taken.push(key.clone());
            let field_name = &field.ident;
            let wire_name = format_ident!("{}_is_where_a_field_is_sent", setter);
            let message = format!(
                "`{name}`'s builder has no setter `.{key}(...)`: `{key}` is where the field `{field_name}` is sent"
            );
            let label = format!("call the setter named after the field: `.{field_name}(...)`");
            let note = "setters are named after the struct's fields; `#[login(...)]` says where each is sent";
            constant_traits.push(quote! {
                #[diagnostic::on_unimplemented(message = #message, label = #label, note = #note)]
                pub trait #wire_name {}
                #[diagnostic::do_not_recommend]
                impl #wire_name for __Never {}
            });
            let span = placement.span();
            // Spanned at the key, so "required by this bound" points at it alone.
            let setter = Ident::new(&setter.to_string(), span);
            let states_at_key = Ident::new(&states.to_string(), span);
            let wire_name_at_key = Ident::new(&wire_name.to_string(), span);
            let bound = quote_spanned!(span=> for<'__any> Self: #states_at_key::#wire_name_at_key);
            // It sets the field as its setter does, so the rest of the chain (`.build()`)
            // reports nothing more.
            let signature = match required.iter().position(|r| r.ident == *field_name) {
                Some(i) => {
                    let ty = &field.ty;
                    let param = &params[i];
                    let unset_trait = format_ident!("{}_is_unset", field_name);
                    let after = params.iter().enumerate().map(|(j, p)| {
                        if j == i {
                            quote!(#set<#ty>)
                        } else {
                            quote!(#p)
                        }
                    });
                    let (arg_ty, _) = setter_argument(ty);
                    quote! {
                        (self, value: #arg_ty) -> #builder<#(#after),*>
                        where
                            #param: #states::#unset_trait,
                            #bound,
                    }
                }
                None => {
                    let inner = field.optional.as_ref().unwrap_or(&field.ty);
                    let (arg_ty, _) = setter_argument(inner);
                    quote! {
                        (self, value: #arg_ty) -> Self
                        where
                            #bound,
                    }
                }
            };
            constant_setters.push(quote! {
                #[doc(hidden)]
                #[allow(non_snake_case)]
                #vis fn #setter #signature
                {
                    self.#field_name(value)
                }
            });
        }
    }
    let unbuilt_send = response.map(|response| {
        let name_text = name.to_string();
        let output = quote!(::auth_core::__private::NotBuilt<#response>);
        quote! {
            #[doc(hidden)]
            #vis fn send(self, client: &::auth_core::LoginClient) -> #output
            where
                for<'__any> Self: #states::call_build_first,
            {
                let _ = client;
                ::auth_core::__private::NotBuilt::new(#name_text)
            }

            #[doc(hidden)]
            #vis fn send_to(self, client: &::auth_core::LoginClient, base_url: &str) -> #output
            where
                for<'__any> Self: #states::call_build_first,
            {
                let _ = (client, base_url);
                ::auth_core::__private::NotBuilt::new(#name_text)
            }
        }
    });

    // The impl is at the level of the struct (not in an unnamed const), so errors name its
    // methods as `LoginBuilder::<email, password>::build`; it sees the same names as the
    // struct, so field types resolve even when the endpoint is declared inside a function.
    quote! {
        #(#[doc = #builder_doc])*
        #[must_use = "a builder does nothing until `build()` is called"]
        #[allow(non_camel_case_types)]
        #vis struct #builder<#(#params = #unset),*> {
            #(#req_idents: #params,)*
            #(#opt_idents: #opt_types,)*
        }

        #[doc = #states_doc]
        #[doc(hidden)]
        #[allow(non_snake_case, non_camel_case_types)]
        #vis mod #states {
            #(#state_traits)*
            #unbuilt_trait
            #already_built
            #not_a_result
            #(#constant_traits)*
            #(#built_traits)*
        }

        #built_impl

        #[allow(non_camel_case_types)]
        impl<#(#params),*> #builder<#(#params),*> {
            #(#setters_required)*

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

            #unbuilt_send

            #(#constant_setters)*
        }

        // A builder given where a login is expected is reported as not built (its missing
        // `LoginEndpoint`), not as a login without a base URL.
        #[diagnostic::do_not_recommend]
        #[allow(non_camel_case_types)]
        impl<#(#params),*> ::auth_core::DeclaredBaseUrl for #builder<#(#params),*> {}

        #[automatically_derived]
        #[allow(non_camel_case_types)]
        impl<#(#params: ::core::fmt::Debug),*> ::core::fmt::Debug for #builder<#(#params),*> {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #[allow(unused_imports)]
                use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
                __f.debug_struct(::core::stringify!(#builder))
                    #(.field(::core::stringify!(#req_idents), &self.#req_idents))*
                    #(.field(
                        ::core::stringify!(#opt_idents),
                        (&::auth_core::fields::ShownField(&self.#opt_idents)).__shown(),
                    ))*
                    .finish()
            }
        }
    }
}

/// The builder's type parameters, one per required field, named after it (`email`) unless the
/// name is used in a field's type (`email: email::Address`), where the parameter would hide it:
/// then with a `_` after it.
fn state_params(item: &syn::ItemStruct, fields: &[Field], required: &[&Field]) -> Vec<Ident> {
    fn idents_in(tokens: TokenStream, out: &mut Vec<String>) {
        for tree in tokens {
            match tree {
                proc_macro2::TokenTree::Ident(ident) => out.push(ident.to_string()),
                proc_macro2::TokenTree::Group(group) => idents_in(group.stream(), out),
                _ => {}
            }
        }
    }
    let mut taken = vec![
        item.ident.to_string(),
        builder_ident(&item.ident).to_string(),
    ];
    for field in fields {
        let ty = &field.ty;
        idents_in(quote!(#ty), &mut taken);
    }
    required
        .iter()
        .map(|field| {
            let written = field.ident.to_string();
            let raw = written.starts_with("r#");
            let mut param = written.trim_start_matches("r#").to_owned();
            while taken.contains(&param) {
                param.push('_');
            }
            taken.push(param.clone());
            // `r#type` stays raw: `type` is a keyword.
            if raw && !param.ends_with('_') {
                Ident::new_raw(&param, field.ident.span())
            } else {
                Ident::new(&param, field.ident.span())
            }
        })
        .collect()
}

/// `String` and `Secret` setters take anything that converts (`&str`); other types are taken
/// as they are, so integer literals infer the field's type.
fn setter_argument(ty: &Type) -> (TokenStream, TokenStream) {
    if last_segment_is(ty, "String") || last_segment_is(ty, "Secret") {
        // Spanned at the field's type, so "required by this bound" points at it.
        let span = syn::spanned::Spanned::span(ty);
        (
            quote_spanned!(span=> impl ::auth_core::builder::FieldValue<#ty>),
            quote!(::auth_core::builder::FieldValue::into_field(value)),
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
            quote!(.field(
                ::core::stringify!(#ident),
                (&::auth_core::fields::ShownField(&self.#ident)).__shown(),
            ))
        }
    });
    quote! {
        // A login is made by its builder, which checks its required fields: `Default` is
        // refused with that fix (and a derived one conflicts with this).
        #[automatically_derived]
        impl ::core::default::Default for #name
        where
            for<'__a> #name: ::auth_core::fields::LoginHasNoDefault,
        {
            fn default() -> Self {
                <#name as ::auth_core::fields::LoginHasNoDefault>::__never()
            }
        }

        #[automatically_derived]
        impl ::core::fmt::Debug for #name {
            fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                // A field of a type without `Debug` is shown as `..`: it needs none to be sent.
                #[allow(unused_imports)]
                use ::auth_core::fields::{ShownWithDebug as _, ShownWithoutDebug as _};
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
                #(#required: ::auth_core::builder::Unset,)*
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
    vis: &syn::Visibility,
    response: &syn::Path,
    target: SendTarget<'_>,
    body: SendBody,
) -> TokenStream {
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
    let decode = expand_decode(
        response,
        endpoint.error_body.as_ref(),
        endpoint.body_failure.is_some(),
    );
    let vendor = &endpoint.vendor;
    let request_spec = expand_request_spec(endpoint);
    let request_impl = expand_request_impl(endpoint);
    let declared_base_url = endpoint.base_url.is_some().then(|| {
        quote! {
            // Not offered as the one login with a base URL when another lacks one.
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
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
    let refresh_impl = expand_refresh_impl(endpoint);
    let declared_refresh = expand_declared_refresh(endpoint);
    // A JSON body that holds every field: the request is then written without describing them.
    let fields_only_in_body = (endpoint.body == BodyFormat::Json
        && endpoint.fields.iter().all(|field| {
            field
                .placements()
                .all(|placement| matches!(placement, Placement::JsonBody(_)))
        })
        && endpoint
            .constants
            .iter()
            .all(|constant| constant.header_template().is_none()))
    .then(|| quote!(.__fields_only_in_body()));

    // Spanned at the types as written, so a type that is not `pub` (a private type in the
    // login's public interface) is reported at `response = ...` or `error_body = ...`.
    let response_type = quote_spanned!(syn::spanned::Spanned::span(&response)=>
        type Response = #response;
    );
    let error_body_type = quote_spanned!(syn::spanned::Spanned::span(&error_body)=>
        type ErrorBody = #error_body;
    );
    quote! {
        #request_impl

        #declared_base_url

        #refresh_impl

        // Not listed among "the other types that implement `LoginEndpoint`" when a type that
        // is not one is named where a login is expected (`refreshes = ...`).
        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl ::auth_core::LoginEndpoint for #name {
            #response_type
            #error_body_type
            type Itself = Self;

            const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::EndpointSpec::__new(
                #vendor,
                #request_spec
                &[#((#codes, ::auth_core::ErrorKind::#kinds)),*],
                ::auth_core::LifetimePolicy { fixed: #fixed, idle: #idle },
                #lockout,
                #response_spec,
            )#fields_only_in_body;

            #decode

            fn __body_failed(__response: &Self::Response) -> bool {
                #body_failed
            }

            #credentials

            #declared_refresh
        }
    }
}

/// `__declared_refresh` for `refresh = Refresh`: the refresh every authenticator of the login
/// uses. `Refresh` is named at its token in the declaration, so a type that is not a refresh
/// endpoint of this login is reported there.
fn expand_declared_refresh(endpoint: &Endpoint) -> Option<TokenStream> {
    let refresh = endpoint.refresh.as_ref()?;
    let name = &endpoint.item.ident;
    let span = syn::spanned::Spanned::span(refresh);
    let declared = quote_spanned!(span=>
        <#refresh as ::auth_core::RefreshOf<#name>>::__refresh()
    );
    Some(quote! {
        fn __declared_refresh() -> ::core::option::Option<::auth_core::__private::DeclaredRefresh<Self>> {
            ::core::option::Option::Some(#declared)
        }
    })
}

/// `let __from = &__login.<from>;`, the login's field a refresh's field is copied from. It is
/// taken by a reference of the refresh field's type, spanned at `from_login`, so a field the
/// login lacks, or one of another type, is reported there (with no note into `Clone`).
fn taken_from_login(field: &Field, from: &Ident, span: proc_macro2::Span) -> TokenStream {
    let ty = &field.ty;
    let of_this_type = quote_spanned!(syn::spanned::Spanned::span(ty)=> &#ty);
    let taken = quote_spanned!(span=> &__login.#from);
    quote!(let __from: #of_this_type = #taken;)
}

/// `impl RefreshEndpoint` for `refreshes = Login`: the refresh request made from the session's
/// refresh token and the login's fields. The login's type and each field copied from it are
/// spanned at the declaration, so a login that is not one, or a field it does not have (or of
/// another type), is reported there.
fn expand_refresh_impl(endpoint: &Endpoint) -> Option<TokenStream> {
    let login = endpoint.refreshes.as_ref()?;
    let name = &endpoint.item.ident;
    let login_span = syn::spanned::Spanned::span(login);
    let values = endpoint.fields.iter().map(|field| {
        let ident = &field.ident;
        match &field.source {
            FieldSource::RefreshToken(_) => {
                quote!(#ident: ::core::clone::Clone::clone(__refresh_token))
            }
            FieldSource::FromLogin { field: from, span } => {
                let taken = taken_from_login(field, from, *span);
                quote! {
                    #ident: {
                        #taken
                        ::core::clone::Clone::clone(__from)
                    }
                }
            }
            // `valid` has reported it; this is never expanded.
            FieldSource::Builder => quote!(#ident: ::core::unreachable!()),
        }
    });
    let login_type = quote_spanned!(login_span=>
        type Login = <#login as ::auth_core::LoginEndpoint>::Itself;
    );
    // A login whose answer is read for no refresh token never gets one to refresh with.
    let login_name = quote::ToTokens::to_token_stream(login)
        .to_string()
        .replace(' ', "");
    let no_refresh_token = format!(
        "`{login_name}` reads no refresh token from its answer, so `{name}` is never sent: declare where the answer holds it, `refresh_token = refresh_token` (a path, `header(\"...\")` or `cookie(\"...\")`) in `{login_name}`'s `#[login_endpoint(...)]`"
    );
    let reads_refresh_token = quote_spanned! {login_span=>
        const _: () = ::core::assert!(
            <<#name as ::auth_core::RefreshEndpoint>::Login as ::auth_core::LoginEndpoint>::SPEC
                .__reads_refresh_token(),
            #no_refresh_token,
        );
    };
    // The whole impl is spanned at the login: a login that is not one is then one error, at
    // its name, however many items of the impl need it.
    Some(quote_spanned! {login_span=>
        #reads_refresh_token

        #[automatically_derived]
        impl ::auth_core::RefreshEndpoint for #name {
            #login_type

            fn for_refresh_token(
                __login: &Self::Login,
                __refresh_token: &::auth_core::Secret,
            ) -> Self {
                #name {
                    #(#values,)*
                }
            }
        }
    })
}

/// `__decode` and `__ERROR_BODY`: the declared types read as bodies. Each trait is named
/// once, at the type's name in the declaration, so a type that is not a body (no
/// `Deserialize`) or not an error body (no `VendorError`) is reported there, with the trait's
/// own message and no bound of auth-core's.
///
/// With a `body_failure`, an `error_body` written as the same path as the `response` (the
/// vendor's failures come in the shape of its successes) also gets `__FAILURE_FIELDS`, which
/// reads a 2xx failure from the response already decoded rather than decoding it again. Only
/// identical paths are taken as the same type; any other pair decodes twice, as before.
fn expand_decode(
    response: &syn::Path,
    error_body: Option<&syn::Path>,
    body_failure: bool,
) -> TokenStream {
    let read_response = read_body(response);
    let decode_error = error_body.map(|error_body| {
        let (read_error, fields) = read_error_body(error_body);
        quote! {
            const __ERROR_BODY: ::core::option::Option<::auth_core::__private::ErrorBodyDecoder> = {
                fn __decode_error(
                    __body: &[u8],
                ) -> ::core::option::Option<::auth_core::__private::ErrorBodyFields> {
                    let __error = ::core::result::Result::ok(#read_error(__body))?;
                    ::core::option::Option::Some(#fields(__error))
                }
                ::core::option::Option::Some(__decode_error)
            };
        }
    });
    let failure_fields = error_body
        .filter(|error_body| body_failure && same_path(response, error_body))
        .map(|error_body| {
            let (_, fields) = read_error_body(error_body);
            quote! {
                const __FAILURE_FIELDS: ::core::option::Option<
                    fn(Self::Response) -> ::auth_core::__private::ErrorBodyFields,
                > = ::core::option::Option::Some(#fields);
            }
        });
    quote! {
        fn __decode(
            __body: &[u8],
        ) -> ::core::result::Result<Self::Response, ::auth_core::__private::serde_json::Error> {
            #read_response(__body)
        }

        #decode_error
        #failure_fields
    }
}

/// Whether two type paths are written the same, token for token.
fn same_path(a: &syn::Path, b: &syn::Path) -> bool {
    quote!(#a).to_string() == quote!(#b).to_string()
}

/// `<Response as ResponseBody>::__decode`, spanned at the type's name in the declaration.
fn read_body(response: &syn::Path) -> TokenStream {
    let span = syn::spanned::Spanned::span(response);
    quote_spanned!(span=> <#response as ::auth_core::ResponseBody>::__decode)
}

/// `<ErrorBody as ResponseBody>::__decode` and `<ErrorBody as VendorError>::__fields`,
/// spanned at the type's name in the declaration.
fn read_error_body(error_body: &syn::Path) -> (TokenStream, TokenStream) {
    let span = syn::spanned::Spanned::span(error_body);
    (
        quote_spanned!(span=> <#error_body as ::auth_core::ResponseBody>::__decode),
        quote_spanned!(span=> <#error_body as ::auth_core::VendorError>::__fields),
    )
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
        // A header with placeholders is written by `__describe`, with the fields' values.
        let fixed = endpoint
            .constants
            .iter()
            .filter(|constant| constant.header_template().is_none());
        let pairs = fixed.flat_map(move |constant| {
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
    let cookies = pairs(|placement| match placement {
        Placement::Cookie(name) => Some(name.to_string()),
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
        #cookies,
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
    let placed = endpoint
        .fields
        .iter()
        .flat_map(|field| field.placements().map(move |placement| (field, placement)));
    let describe = placed.filter_map(|(field, placement)| {
        let secret = field.secret.is_some();
        // Spanned at the field's type, so a type that cannot be sent as text is reported there.
        let value = text_value(field, "self");
        let call = match placement {
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
            Placement::Cookie(name) => {
                let name = name.as_str();
                quote!(cookie(#name, #value, #secret))
            }
            // Written with its header's template, below.
            Placement::InHeader(_) => return None,
            Placement::BasicAuth(part) => match **part {
                BasicPart::User => quote!(basic_user(#value)),
                BasicPart::Password => quote!(basic_password(#value)),
            },
        };
        Some(quote!(__parts.#call;))
    });
    let templates = endpoint.constants.iter().filter_map(|constant| {
        let (name, pieces) = constant.header_template()?;
        let mut secret = false;
        let pieces = pieces.iter().map(|piece| match piece {
            HeaderPiece::Text(text) => quote!(::auth_core::__private::HeaderPiece::Text(#text)),
            HeaderPiece::Field(placeholder) => {
                // `valid.rs` has checked that each placeholder has its field.
                let field = endpoint.fields.iter().find(|field| {
                    field.ident == placeholder
                        && field.placements().any(|placement| matches!(placement, Placement::InHeader(header) if header.as_str() == name.as_str()))
                });
                match field {
                    Some(field) => {
                        secret |= field.secret.is_some();
                        let value = text_value(field, "self");
                        quote!(::auth_core::__private::HeaderPiece::Value(#value))
                    }
                    None => quote!(::auth_core::__private::HeaderPiece::Text("")),
                }
            }
        });
        let pieces: Vec<TokenStream> = pieces.collect();
        let name = name.as_str();
        Some(quote!(__parts.header_template(#name, &[#(#pieces),*], #secret);))
    });
    let describe = describe.chain(templates);
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

/// A field sent as text, as `&dyn TextValue`: the whole expression is spanned at the field's
/// type, so a type that is not text is reported there, once.
fn text_value(field: &Field, receiver: &str) -> TokenStream {
    let span = field.ty_span();
    let ty = &field.ty;
    let receiver = Ident::new(receiver, span);
    let member = respanned(&field.ident, span);
    // The trait is named with the field's type, so the error spans the whole type.
    quote_spanned!(span=> <#ty as ::auth_core::TextValue>::__as_dyn(&#receiver.#member))
}

/// `<T as JsonValue>::__write`, spanned at the field's type.
fn json_value(ty: &Type) -> TokenStream {
    let span = syn::spanned::Spanned::span(ty);
    quote_spanned!(span=> <#ty as ::auth_core::fields::JsonValue>::__write)
}

/// `ident` with another span (a raw identifier stays as it is).
fn respanned(ident: &Ident, span: Span) -> Ident {
    let name = ident.to_string();
    if name.starts_with("r#") {
        ident.clone()
    } else {
        Ident::new(&name, span)
    }
}

/// `__write_body`: the body's fields and constants written key by key through auth-core's
/// `JsonObjectWriter`, nested where keys are dotted.
fn expand_write_body(endpoint: &Endpoint) -> TokenStream {
    let mut root = BodyObject::default();
    for (placement, value) in endpoint.values() {
        if let Placement::JsonBody(keys) = placement {
            root.insert(keys, value);
        }
    }
    let mut writes = Vec::new();
    root.expand(&mut writes);
    quote! {
        fn __write_body(
            &self,
            __out: &mut ::std::vec::Vec<u8>,
        ) -> ::core::result::Result<(), ::auth_core::__private::serde_json::Error> {
            let mut __object = ::auth_core::__private::JsonObjectWriter::new(__out);
            #(#writes)*
            __object.finish();
            ::core::result::Result::Ok(())
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

    /// Pushes the statements that write this object's entries onto `writes`.
    fn expand(&self, writes: &mut Vec<TokenStream>) {
        for (key, value) in &self.entries {
            let key = LitStr::new(key, Span::call_site());
            match value {
                BodyValue::Field(field) => {
                    let ident = &field.ident;
                    if field.secret.is_some() && field.optional.is_some() {
                        let secret = quote_spanned! {field.ty_span()=>
                            ::core::option::Option::map(
                                ::core::option::Option::as_ref(&self.#ident),
                                ::auth_core::__private::secret_body,
                            )
                        };
                        writes.push(quote!(__object.optional_secret(#key, #secret)?;));
                    } else if field.secret.is_some() {
                        let secret = quote_spanned!(field.ty_span()=> ::auth_core::__private::secret_body(&self.#ident));
                        writes.push(quote!(__object.secret(#key, #secret)?;));
                    } else {
                        // Written through `JsonValue`, named at the field's type, so a type
                        // that is not `Serialize` is reported there rather than inside serde.
                        let write = json_value(&field.ty);
                        let write = quote!(#write(&self.#ident, &mut __object, #key)?;);
                        if field.optional.is_some() {
                            writes.push(quote! {
                                if ::core::option::Option::is_some(&self.#ident) {
                                    #write
                                }
                            });
                        } else {
                            writes.push(write);
                        }
                    }
                }
                BodyValue::Constant(constant) => {
                    let constant = json_constant(constant);
                    writes.push(quote!(__object.constant(#key, &#constant)?;));
                }
                BodyValue::Object(object) => {
                    writes.push(quote!(__object.begin_object(#key)?;));
                    object.expand(writes);
                    writes.push(quote!(__object.end_object();));
                }
            }
        }
    }
}

fn expand_body_failed(body_failure: Option<&BodyFailure>) -> TokenStream {
    let Some(failure) = body_failure else {
        return quote!(false);
    };
    let span = failure.field.span;
    // Whether the value at `__v` says the login failed.
    let failed = match &failure.success {
        // Present, and not an empty list or map (`"errors": []`).
        None => quote_spanned!(span=> (::auth_core::fields::PresenceField::is_present(__v) && {
            #[allow(unused_imports)]
            use ::auth_core::fields::{AnyValueStatesAFailure as _, EmptyStatesNoFailure as _};
            (&::auth_core::fields::Presence(__v)).__states_a_failure()
        })),
        Some(Lit::Int(int)) => {
            // Written as given, in the field's own integer type: a value the field cannot hold
            // is rustc's error at it (out of range, or a negative value for an unsigned field).
            let digits = int.base10_digits();
            let (negative, digits) = match digits.strip_prefix('-') {
                Some(rest) => (true, rest),
                None => (false, digits),
            };
            let value = syn::LitInt::new(&format!("{digits}{}", int.suffix()), int.span());
            if negative {
                // Compared as the negative of its magnitude by a trait only signed integers
                // have, so an unsigned field is one error saying so.
                quote_spanned!(span=> !::auth_core::fields::NegativeSuccess::is_negated(__v, #value))
            } else {
                quote_spanned!(span=> !::auth_core::fields::IntegerSuccess::is_success(__v, #value))
            }
        }
        Some(literal @ Lit::Str(_)) => {
            quote_spanned!(span=> !::auth_core::fields::TextSuccess::is_success(__v, #literal))
        }
        Some(literal) => {
            quote_spanned!(span=> !::auth_core::fields::BoolSuccess::is_success(__v, #literal))
        }
    };
    if let [Segment::Field(_)] = failure.field.segments.as_slice() {
        let access = response_field(&failure.field);
        return quote!({ let __v = #access; #failed });
    }
    // Through a list the value can be absent, as an `Option` field's is: absent, a field that
    // marks failure by its presence is not there, and a value compared with `success` is not it.
    let absent_means_failure = failure.success.is_some();
    let walk = walk_in_block(&failure.field.segments);
    quote! {
        match '__walk: {
            #[allow(unused_imports)]
            use ::auth_core::__private::Present as _;
            #walk
            ::core::option::Option::Some(__v)
        } {
            ::core::option::Option::Some(__v) => #failed,
            ::core::option::Option::None => #absent_means_failure,
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
        Source::Header(name, None) => {
            let name = name.as_str();
            quote!(::auth_core::Source::Header(#name))
        }
        Source::Header(name, Some(prefix)) => {
            let name = name.as_str();
            quote!(::auth_core::Source::HeaderWithPrefix(#name, #prefix))
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
                TimeFormat::HttpDate => quote!(HttpDate),
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
    let values = CredentialValues::of(
        Some(&credentials.token),
        credentials.refresh_token.as_ref(),
        credentials.expiry.as_ref(),
        credentials.refresh_expiry.as_ref(),
    );
    let CredentialValues {
        token,
        refresh_token,
        expiry,
        refresh_expiry,
        reads_the_body,
    } = values;
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

/// The expressions that read each credential declared in the body, from `__response`.
struct CredentialValues {
    token: TokenStream,
    refresh_token: TokenStream,
    expiry: TokenStream,
    refresh_expiry: TokenStream,
    /// Whether any of them reads `__response`.
    reads_the_body: bool,
}

impl CredentialValues {
    fn of(
        token: Option<&Source>,
        refresh_token: Option<&Source>,
        expiry: Option<&Expiry>,
        refresh_expiry: Option<&Expiry>,
    ) -> Self {
        let none = quote!(::core::option::Option::None);
        let absent = quote!(::auth_core::__private::ExpiryValue::Absent);
        let token_value = |source: &Source| match source {
            Source::Body(path) => body_value(
                path,
                quote_spanned!(path.span=> ::auth_core::fields::TokenField::token(__v)),
                None,
            ),
            Source::Header(..) | Source::Cookie(_) => none.clone(),
        };
        // The refresh token's expiry is read by traits of its own, whose errors name its keys.
        let expiry_value = |expiry: &Expiry, of_refresh: bool| match expiry {
            Expiry::At(Source::Body(path), TimeFormat::Rfc3339 | TimeFormat::HttpDate) => {
                let read = if of_refresh {
                    quote_spanned!(path.span=> ::auth_core::fields::RefreshTimestampField::expiry_value(__v))
                } else {
                    quote_spanned!(path.span=> ::auth_core::fields::TimestampField::expiry_value(__v))
                };
                body_value(path, read, Some(&absent))
            }
            Expiry::At(Source::Body(path), _) | Expiry::In(Source::Body(path), _) => {
                let read = if of_refresh {
                    quote_spanned!(path.span=> ::auth_core::fields::RefreshTimeNumberField::expiry_value(__v))
                } else {
                    quote_spanned!(path.span=> ::auth_core::fields::TimeNumberField::expiry_value(__v))
                };
                body_value(path, read, Some(&absent))
            }
            _ => absent.clone(),
        };
        let reads_the_body = [token, refresh_token]
            .into_iter()
            .flatten()
            .any(|source| matches!(source, Source::Body(_)))
            || [expiry, refresh_expiry]
                .into_iter()
                .flatten()
                .any(|expiry| {
                    matches!(
                        expiry,
                        Expiry::At(Source::Body(_), _) | Expiry::In(Source::Body(_), _)
                    )
                });
        CredentialValues {
            token: token.map_or_else(|| none.clone(), token_value),
            refresh_token: refresh_token.map_or_else(|| none.clone(), token_value),
            expiry: expiry.map_or_else(|| absent.clone(), |expiry| expiry_value(expiry, false)),
            refresh_expiry: refresh_expiry
                .map_or_else(|| absent.clone(), |expiry| expiry_value(expiry, true)),
            reads_the_body,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A declaration with mistakes: the checks the compiler makes, and stand-ins for what code that
// uses the struct calls.
// ---------------------------------------------------------------------------------------------

/// What goes next to the errors of a declaration with mistakes, so that the mistakes only type
/// checking finds come in the same build: the keys that name types and fields, read as the real
/// expansion reads them, in functions nothing calls. Only what was read is checked, each at
/// its token, so none of these errors is a consequence of another mistake.
pub fn expand_checks(
    item: Option<&syn::ItemStruct>,
    keys: &ResponseKeys,
    fields: Option<&[Field]>,
) -> TokenStream {
    let mut checks = Vec::new();
    if let Some(response) = &keys.response {
        let credentials = &keys.credentials;
        let CredentialValues {
            token,
            refresh_token,
            expiry,
            refresh_expiry,
            ..
        } = CredentialValues::of(
            credentials.token.as_ref(),
            credentials.refresh_token.as_ref(),
            credentials.expiry.as_ref(),
            credentials.refresh_expiry.as_ref(),
        );
        let body_failed = expand_body_failed(keys.body_failure.as_ref());
        let read_response = read_body(response);
        checks.push(quote! {
            fn __response(__response: &#response) {
                let _: ::auth_core::__private::BodyValues<'_> = ::auth_core::__private::BodyValues {
                    token: #token,
                    refresh_token: #refresh_token,
                    expiry: #expiry,
                    refresh_expiry: #refresh_expiry,
                };
                let _: bool = #body_failed;
            }

            fn __decode(__body: &[u8]) {
                let _ = #read_response(__body);
            }
        });
    }
    if let Some(error_body) = &keys.error_body {
        let (read_error, fields) = read_error_body(error_body);
        checks.push(quote! {
            fn __decode_error(__body: &[u8]) -> ::core::option::Option<()> {
                let __error = ::core::result::Result::ok(#read_error(__body))?;
                let _ = #fields(__error);
                ::core::option::Option::None
            }
        });
    }
    if let (Some(item), Some(fields)) = (item, fields) {
        let name = &item.ident;
        let text_fields = fields
            .iter()
            .filter(|field| {
                !field.unread
                    && field
                        .placements()
                        .any(|placement| !matches!(placement, Placement::JsonBody(_)))
            })
            .map(|field| {
                let value = text_value(field, "__self");
                quote!(let _ = #value;)
            });
        let json_fields = fields
            .iter()
            .filter(|field| {
                // A `Secret` is written through `SecretBody`; one not marked `secret` is
                // reported as such, not as a type that cannot be written.
                let inner = field.optional.as_ref().unwrap_or(&field.ty);
                !field.unread
                    && field.secret.is_none()
                    && !last_segment_is(inner, "Secret")
                    && field
                        .placements()
                        .any(|placement| matches!(placement, Placement::JsonBody(_)))
            })
            .map(|field| {
                let serialize = json_value(&field.ty);
                quote!(let _ = #serialize;)
            });
        checks.push(quote! {
            fn __request(__self: &#name) {
                #(#text_fields)*
                #(#json_fields)*
            }
        });
    }
    quote! {
        #[allow(dead_code, unused_variables, unreachable_code, non_snake_case)]
        const _: () = {
            #(#checks)*
        };
    }
}

/// A stand-in for the generated API, next to the errors of a declaration whose fields could not
/// be read (an enum, a tuple struct, a generic struct, a field named like a generated method):
/// `builder()`, a builder whose setters take anything, `build()`, `send` and `send_to`, with
/// bodies that never run. Code that uses the struct is then not reported as well.
pub fn expand_stub(
    name: &Ident,
    vis: &syn::Visibility,
    generics: &syn::Generics,
    fields: &[(Ident, bool)],
    response: Option<&syn::Path>,
    with_debug: bool,
) -> TokenStream {
    let builder = builder_ident(name);
    let (impl_generics, type_generics, where_clause) = generics.split_for_impl();
    let params = &generics.params;
    // Only `build` is a method of the stand-in builder: a field named `send` or `builder`
    // (reported at the field) keeps its setter, so a use of it is not reported as well.
    let mut names: Vec<String> = vec!["build".to_owned()];
    let mut setters = Vec::new();
    for (ident, optional) in fields {
        let mut setter = |ident: Ident| {
            let written = ident.to_string();
            if names.contains(&written) {
                return;
            }
            names.push(written);
            setters.push(quote! {
                #[doc(hidden)]
                #vis fn #ident<__V>(self, value: __V) -> Self {
                    let _ = value;
                    self
                }
            });
        };
        setter(ident.clone());
        if *optional {
            setter(format_ident!("maybe_{}", ident));
        }
    }
    let send = response
        .map(|response| expand_send(vis, response, SendTarget::Fallback, SendBody::Unreachable));
    let debug = with_debug.then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Debug for #name #type_generics #where_clause {
                fn fmt(&self, __f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    __f.write_str(::core::stringify!(#name))
                }
            }
        }
    });
    quote! {
        #debug

        impl #impl_generics #name #type_generics #where_clause {
            /// Starts building this login request (this declaration has mistakes, see the
            /// errors).
            #vis fn builder() -> #builder #type_generics {
                #builder {
                    __declaration: ::core::marker::PhantomData,
                }
            }

            #send
        }

        /// A stand-in builder: this declaration has mistakes, see the errors.
        #vis struct #builder <#params> #where_clause {
            __declaration: ::core::marker::PhantomData<fn() -> #name #type_generics>,
        }

        impl #impl_generics #builder #type_generics #where_clause {
            #(#setters)*

            /// Builds the request (this declaration has mistakes, see the errors).
            #vis fn build(self) -> #name #type_generics {
                ::core::unreachable!()
            }
        }
    }
}

/// A stand-in `LoginEndpoint` (and `DeclaredBaseUrl`, `RefreshEndpoint`, as the declaration
/// says) for a declaration with mistakes, so that the declarations and calls that name it
/// (`refreshes = Login`, `refresh = Refresh`, `with_refresh::<Refresh>()`,
/// `Authenticator::new(client, login)`) add no errors of their own. Its bodies never run: the
/// crate does not compile. The types it names (`refreshes = Login`, `refresh = Refresh`) are
/// named at their tokens, as the real expansion names them, so a type that is not a login or
/// not its refresh is still reported there, in the same build. None for a generic item, whose
/// generics are its mistake.
pub fn expand_stand_in_endpoint(
    name: &Ident,
    generics: &syn::Generics,
    response: Option<&syn::Path>,
    links: &Links,
    fields: &[Field],
) -> TokenStream {
    if !generics.params.is_empty() || generics.where_clause.is_some() {
        return TokenStream::new();
    }
    let response = match response {
        Some(response) => quote!(#response),
        None => quote!(::auth_core::TextBody),
    };
    let declared_base_url = links.base_url.then(|| {
        quote! {
            // Not offered as the one login with a base URL when another lacks one.
            #[automatically_derived]
            #[diagnostic::do_not_recommend]
            impl ::auth_core::DeclaredBaseUrl for #name {}
        }
    });
    // `refresh` on a refresh request is itself the mistake, reported by the macro.
    let refresh = links.refresh.as_ref().filter(|_| links.refreshes.is_none());
    let declared_refresh = refresh.map(|refresh| {
        let span = syn::spanned::Spanned::span(refresh);
        let declared = quote_spanned!(span=>
            <#refresh as ::auth_core::RefreshOf<#name>>::__refresh()
        );
        quote! {
            fn __declared_refresh() -> ::core::option::Option<::auth_core::__private::DeclaredRefresh<Self>> {
                ::core::option::Option::Some(#declared)
            }
        }
    });
    let refresh_impl = links.refreshes.as_ref().map(|login| {
        let span = syn::spanned::Spanned::span(login);
        if login.is_ident(name) {
            // `refreshes = Refresh` on `Refresh` itself, reported by the macro: the login it
            // meant is unknown, so it stands in as a refresh of any.
            return quote! {
                #[automatically_derived]
                impl<__L: ::auth_core::LoginEndpoint> ::auth_core::RefreshOf<__L> for #name {
                    fn __refresh() -> ::auth_core::__private::DeclaredRefresh<__L> {
                        ::core::unreachable!()
                    }
                }
            };
        }
        let login_type = quote_spanned!(span=>
            type Login = <#login as ::auth_core::LoginEndpoint>::Itself;
        );
        // Each field copied from the login is checked as the real expansion checks it, so a
        // field the login lacks (or of another type) is reported in the same build as the
        // declaration's other mistakes.
        let from_login_checks = fields.iter().filter_map(|field| match &field.source {
            FieldSource::FromLogin { field: from, span } => {
                Some(taken_from_login(field, from, *span))
            }
            _ => None,
        });
        quote_spanned! {span=>
            #[automatically_derived]
            impl ::auth_core::RefreshEndpoint for #name {
                #login_type

                fn for_refresh_token(
                    __login: &Self::Login,
                    __refresh_token: &::auth_core::Secret,
                ) -> Self {
                    let _ = (__login, __refresh_token);
                    #(#from_login_checks)*
                    ::core::unreachable!()
                }
            }
        }
    });
    quote! {
        #[automatically_derived]
        impl ::auth_core::__private::LoginRequest for #name {
            fn __describe<'__a>(&'__a self, __parts: &mut ::auth_core::__private::RequestParts<'__a>) {
                let _ = __parts;
            }

            fn __secrets(&self, __secret: &mut dyn ::core::ops::FnMut(&str)) {
                let _ = __secret;
            }
        }

        #[automatically_derived]
        #[diagnostic::do_not_recommend]
        impl ::auth_core::LoginEndpoint for #name {
            type Response = #response;
            type ErrorBody = ::auth_core::NoErrorBody;
            type Itself = Self;

            const SPEC: &'static ::auth_core::EndpointSpec = &::auth_core::__private::STAND_IN_SPEC;

            fn __decode(
                __body: &[u8],
            ) -> ::core::result::Result<Self::Response, ::auth_core::__private::serde_json::Error> {
                let _ = __body;
                ::core::unreachable!()
            }

            fn __body_failed(__response: &Self::Response) -> bool {
                let _ = __response;
                ::core::unreachable!()
            }

            fn __credentials(__response: &Self::Response) -> ::auth_core::__private::BodyValues<'_> {
                let _ = __response;
                ::core::unreachable!()
            }

            #declared_refresh
        }

        #declared_base_url

        #refresh_impl
    }
}

/// The value at a path of the response, read by `leaf` (a call on `__v`, the last field). A
/// path of one field is read directly; a longer one steps into each `Option` on the way, and is
/// absent when one is `None` (`session.access_token` with no `session`). `absent` is what an
/// absent value reads as; without it, `leaf` returns an `Option` itself.
fn body_value(path: &FieldPath, leaf: TokenStream, absent: Option<&TokenStream>) -> TokenStream {
    if let [Segment::Field(only)] = path.segments.as_slice() {
        let span = syn::spanned::Spanned::span(only);
        return quote_spanned! {span=> {
            let __v = &__response.#only;
            #leaf
        }};
    }
    if path.segments.is_empty() {
        // `self`: the body itself.
        return quote_spanned! {path.span=> {
            let __v = __response;
            #leaf
        }};
    }
    let walk = walk_in_block(&path.segments);
    let read = match absent {
        Some(_) => quote!(::core::option::Option::Some(#leaf)),
        None => leaf,
    };
    let value = quote! {
        '__walk: {
            #[allow(unused_imports)]
            use ::auth_core::__private::Present as _;
            #walk
            #read
        }
    };
    match absent {
        Some(absent) => quote!(::core::option::Option::unwrap_or(#value, #absent)),
        None => value,
    }
}

/// The walk of a path from `__response` inside a block labelled `'__walk`, which it leaves
/// with `None` when a value on the way is absent: no closure and no `?`, so no function is
/// compiled per path.
fn walk_in_block(segments: &[Segment]) -> TokenStream {
    field_path::steps_leaving(
        quote!(__response),
        segments,
        false,
        field_path::Access::Shared,
        &quote!(break '__walk ::core::option::Option::None),
    )
}

/// `&__response.data.token`, with each segment keeping the user's span so a misspelt field is
/// reported at the attribute. Calls on it are spanned at the path too, so a field of the wrong
/// type is reported there rather than at the whole attribute. For a path without `[n]`.
fn response_field(path: &FieldPath) -> TokenStream {
    let members = path.segments.iter().filter_map(|segment| match segment {
        Segment::Field(member) => Some(member),
        Segment::Index(..) => None,
    });
    quote_spanned!(path.span=> &__response #(.#members)*)
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
