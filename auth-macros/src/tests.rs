//! What the macro writes, as snapshots a reviewer can read, and what it does with malformed
//! declarations: errors as `compile_error!` tokens next to the struct, never a panic.
//!
//! `UPDATE_EXPECT=1 cargo test -p auth-macros` rewrites the snapshots in `expansions/`.

use expect_test::expect_file;
use proc_macro2::{TokenStream, TokenTree};
use quote::quote;

use crate::login_endpoint_impl;

/// The expansion, pretty-printed. Panics (failing the test) if it is not a valid Rust file.
fn expand(args: TokenStream, item: TokenStream) -> String {
    let output = login_endpoint_impl(args, item);
    let file = syn::parse2::<syn::File>(output).unwrap_or_else(|e| panic!("not Rust: {e}"));
    prettyplease::unparse(&file)
}

/// The messages of the `compile_error!` invocations in `tokens`, in order.
fn compile_errors(tokens: TokenStream) -> Vec<String> {
    let mut messages = Vec::new();
    let mut previous: Vec<TokenTree> = Vec::new();
    for tree in tokens {
        if let TokenTree::Group(group) = &tree {
            let is_invocation = matches!(
                previous.as_slice(),
                [.., TokenTree::Ident(name), TokenTree::Punct(bang)]
                    if name == "compile_error" && bang.as_char() == '!'
            );
            if is_invocation {
                let message: syn::LitStr = syn::parse2(group.stream())
                    .unwrap_or_else(|e| panic!("compile_error! without a message: {e}"));
                messages.push(message.value());
            } else {
                messages.extend(compile_errors(group.stream()));
            }
        }
        previous.push(tree);
    }
    messages
}

/// A declaration that expands without errors: Up2 Money's shape (a secret header, a nested
/// secret, an optional field, a status map, an idle timeout and a lockout).
fn up2_like() -> (TokenStream, TokenStream) {
    let args = quote! {
        vendor = "Up2 Money",
        base_url = "https://api.up2.money",
        path = "/auth/login",
        header(name = "Accept", value = "application/json"),
        response = LoginResponse,
        token = token,
        idle_timeout = "5m",
        lockout = "30m",
        error_body = ErrorBody,
        status(401 | 404 => InvalidCredentials, 423 => Locked),
    };
    let item = quote! {
        /// Email and tokenized-password login.
        pub struct Login {
            #[login(secret, header = "x-secret")]
            api_secret: Secret,
            email: String,
            #[login(secret, rename = "password.value")]
            password: Secret,
            #[login(rename = "password.kind")]
            password_kind: Option<String>,
        }
    };
    (args, item)
}

#[test]
fn expansion_of_an_up2_like_endpoint() {
    let (args, item) = up2_like();
    expect_file!["expansions/up2_like.rs"].assert_eq(&expand(args, item));
}

/// The keys that read the response: refresh token, expiry, a failure stated in a 2xx body.
#[test]
fn expansion_of_a_talkstack_like_endpoint() {
    let args = quote! {
        vendor = "TalkStack AI",
        base_url = "https://api.talkstackai.com",
        path = "/auth/login",
        method = "PUT",
        content_type = "application/json; charset=utf-8",
        response = LoginResponse,
        token = data.token,
        refresh_token = data.refresh_token,
        expires_at = expiration_time,
        lifetime = "2h",
        body_failure(field = login_status, success = -1),
    };
    let item = quote! {
        pub(crate) struct Login {
            email: String,
            #[login(secret)]
            password: Secret,
            #[login(secret)]
            otp: Option<Secret>,
        }
    };
    expect_file!["expansions/talkstack_like.rs"].assert_eq(&expand(args, item));
}

/// Values from a header and a cookie, expiries in milliseconds and as a Unix time, a path
/// through an optional object.
#[test]
fn expansion_of_an_endpoint_with_header_and_cookie_sources() {
    let args = quote! {
        vendor = "Identity",
        base_url = "https://identity.example.com",
        path = "/v3/auth/tokens",
        response = TokenResponse,
        token = header("X-Subject-Token"),
        refresh_token = cookie("refresh"),
        expires_in(millis = session.expires),
        refresh_expires_at(unix_seconds = header("X-Refresh-Expires")),
        lifetime = "1h",
        body_failure(field = mfa, kind = Forbidden),
    };
    let item = quote! {
        pub struct Login {
            name: String,
            #[login(secret)]
            password: Secret,
        }
    };
    expect_file!["expansions/header_and_cookie_sources.rs"].assert_eq(&expand(args, item));
}

/// `#[derive(VendorError)]` with paths through lists, field errors and kinds.
#[test]
fn expansion_of_a_derived_error_body() {
    let input = quote! {
        #[derive(Deserialize, VendorError)]
        #[vendor_error(
            code = errors[0].extensions.code,
            field_errors(each = errors, field = extensions.field, error = extensions.code),
            kind(code = "INVALID_CREDENTIALS" => InvalidCredentials, message = "Locked" => Locked),
        )]
        pub struct ErrorBody {
            #[vendor_error(message)]
            message: Option<String>,
            errors: Vec<GraphQlError>,
        }
    };
    let output = crate::vendor_error::derive(input);
    let file = syn::parse2::<syn::File>(output).unwrap_or_else(|e| panic!("not Rust: {e}"));
    expect_file!["expansions/derived_error_body.rs"].assert_eq(&prettyplease::unparse(&file));
}

#[test]
fn expansion_of_a_derived_error_body_with_a_nested_code() {
    let input = quote! {
        #[derive(Deserialize, VendorError)]
        #[vendor_error(
            code = response.error_code,
            field_errors(each = syntax_errors.invalid_fields, field = field_name, error = error),
            kind(code = "TOKEN_EXPIRED" => Expired),
        )]
        pub struct ErrorBody {
            #[vendor_error(message)]
            message: Option<String>,
            response: Option<ErrorResponse>,
            syntax_errors: Option<SyntaxErrors>,
        }
    };
    let output = crate::vendor_error::derive(input);
    let file = syn::parse2::<syn::File>(output).unwrap_or_else(|e| panic!("not Rust: {e}"));
    expect_file!["expansions/derived_error_body_nested_code.rs"]
        .assert_eq(&prettyplease::unparse(&file));
}

/// Every request placement but the JSON body: no base URL, a path parameter, a form body with
/// constants, a secret query parameter and HTTP Basic credentials, and the refresh its
/// authenticators use.
#[test]
fn expansion_of_an_oauth_like_endpoint() {
    let args = quote! {
        vendor = "Example IdP",
        path = "/realms/{realm}/token",
        body = form,
        constant(grant_type = "password", scope = ["openid", "email"]),
        query(version = 2),
        response = TokenResponse,
        token = access_token,
        refresh_token = refresh_token,
        refresh = Refresh,
    };
    let item = quote! {
        pub struct Login {
            #[login(path)]
            realm: String,
            #[login(basic_auth = user)]
            client_id: String,
            #[login(secret, basic_auth = password)]
            client_secret: Secret,
            #[login(secret, query = "key")]
            api_key: Secret,
            username: String,
            #[login(secret)]
            password: Secret,
            #[login(rename = "acr_values")]
            acr: Option<String>,
        }
    };
    expect_file!["expansions/oauth_like.rs"].assert_eq(&expand(args, item));
}

/// A refresh request: OAuth 2.0's `refresh_token` grant, with the refresh token from the
/// session, the client copied from the login, and a cookie.
#[test]
fn expansion_of_a_refresh_endpoint() {
    let args = quote! {
        refreshes = Login,
        vendor = "Example IdP",
        path = "/realms/{realm}/token",
        body = form,
        constant(grant_type = "refresh_token"),
        cookie(lang = "en"),
        response = TokenResponse,
        token = access_token,
        refresh_token = refresh_token,
        expires_in = expires_in,
    };
    let item = quote! {
        pub struct Refresh {
            #[login(secret, refresh_token)]
            refresh_token: Secret,
            #[login(path, from_login)]
            realm: String,
            #[login(from_login = client)]
            client_id: String,
            #[login(secret, from_login, cookie = "sso_session")]
            session: Option<Secret>,
        }
    };
    expect_file!["expansions/refresh.rs"].assert_eq(&expand(args, item));
}

/// JSON constants nested beside nested fields: a JSON-RPC envelope.
#[test]
fn expansion_of_a_json_rpc_endpoint() {
    let args = quote! {
        vendor = "Zabbix",
        base_url = "https://zabbix.example.com",
        path = "/api_jsonrpc.php",
        constant(jsonrpc = "2.0", method = "user.login", id = 1, params.methods = ["password", 2]),
        response = RpcResponse,
        token = result,
        body_failure(field = error),
    };
    let item = quote! {
        pub struct Login {
            #[login(rename = "params.username")]
            username: String,
            #[login(secret, rename = "params.password")]
            password: Secret,
        }
    };
    expect_file!["expansions/json_rpc_like.rs"].assert_eq(&expand(args, item));
}

/// A vendor whose failures come in the shape of its successes: the response type named as its
/// error body, so a failure in a 200 is read from the response already decoded.
#[test]
fn expansion_of_a_response_that_is_its_own_error_body() {
    let args = quote! {
        vendor = "Hyper3D",
        base_url = "https://hyperhuman.deemos.com/api",
        path = "/user/login",
        response = LoginResponse,
        token = token,
        error_body = LoginResponse,
        body_failure(field = error),
    };
    let item = quote! {
        pub struct Login {
            email: String,
            #[login(secret)]
            password: Secret,
        }
    };
    expect_file!["expansions/own_error_body.rs"].assert_eq(&expand(args, item));
}

/// Only a path written the same as the response's takes the single-decode route: another
/// spelling of what may be the same type, another type, or no `body_failure` decodes as before.
#[test]
fn only_the_same_path_reads_a_failure_from_the_response() {
    let item = || {
        quote! {
            pub struct Login {
                email: String,
                #[login(secret)]
                password: Secret,
            }
        }
    };
    let reads_from_response = |error_body: TokenStream, body_failure: TokenStream| {
        let args = quote! {
            vendor = "Example",
            base_url = "https://api.example.com",
            path = "/login",
            response = LoginResponse,
            token = token,
            error_body = #error_body,
            #body_failure
        };
        expand(args, item()).contains("const __FAILURE_FIELDS")
    };
    let failure = quote!(body_failure(field = error),);
    assert!(reads_from_response(quote!(LoginResponse), failure.clone()));
    assert!(!reads_from_response(
        quote!(self::LoginResponse),
        failure.clone()
    ));
    assert!(!reads_from_response(quote!(ErrorBody), failure));
    assert!(!reads_from_response(quote!(LoginResponse), quote!()));
}

/// A declaration with mistakes: the errors, the struct without its `#[login]` attributes, the
/// real builder and `Debug`, `send` stand-ins, and the checks the compiler still makes (the
/// token path, the response type, the query field's type) in functions nothing calls.
#[test]
fn expansion_of_a_declaration_with_mistakes() {
    let args = quote! {
        vendr = "Example",
        base_url = "https://api.example.com",
        path = "/auth/login",
        response = LoginResponse,
        token = data.token,
        lifetime = "2 hours",
    };
    let item = quote! {
        pub struct Login {
            #[login(query)]
            scopes: Vec<String>,
            #[login(secret)]
            password: Secret,
        }
    };
    expect_file!["expansions/with_mistakes.rs"].assert_eq(&expand(args, item));
}

/// A declaration whose fields cannot be read (a generic struct): stand-ins for the builder,
/// whose setters take anything, so code that uses the struct adds no errors.
#[test]
fn expansion_of_a_generic_struct() {
    let args = quote! {
        vendor = "Example",
        base_url = "https://api.example.com",
        path = "/auth/login",
        response = LoginResponse,
        token = token,
    };
    let item = quote! {
        pub struct Login<T> {
            email: T,
            #[login(secret)]
            password: Option<Secret>,
        }
    };
    expect_file!["expansions/generic_struct.rs"].assert_eq(&expand(args, item));
}

#[test]
fn a_valid_declaration_has_no_errors() {
    let (args, item) = up2_like();
    assert_eq!(
        compile_errors(login_endpoint_impl(args, item)),
        Vec::<String>::new()
    );
}

/// Malformed declarations: `(what is wrong, attribute arguments, item, a part of each expected
/// message)`. Each must give exactly these errors, and no panic.
fn malformed() -> Vec<(&'static str, TokenStream, TokenStream, Vec<&'static str>)> {
    let struct_ok = quote! {
        pub struct Login {
            email: String,
            #[login(secret)]
            password: Secret,
        }
    };
    let args_ok = quote! {
        vendor = "Example",
        base_url = "https://api.example.com",
        path = "/auth/login",
        response = LoginResponse,
        token = token,
    };
    vec![
        (
            "no arguments",
            quote!(),
            struct_ok.clone(),
            vec!["`vendor`, `path`, `response` and `token` are missing"],
        ),
        (
            "arguments that are not a list",
            quote!(= "Example"),
            struct_ok.clone(),
            vec!["expected"],
        ),
        (
            "a key without a value",
            quote!(vendor =, base_url = "https://x", path = "/", response = R, token = t),
            struct_ok.clone(),
            vec!["expected"],
        ),
        (
            "a status arm without a kind",
            quote!(vendor = "V", base_url = "https://x", path = "/", response = R, token = t, status(401 =>)),
            struct_ok.clone(),
            vec!["write `status(<code> => <ErrorKind>, ...)`"],
        ),
        (
            "an informational status and a redirect",
            quote!(vendor = "V", base_url = "https://x", path = "/", response = R, token = t, status(101 | 302 => Rejected)),
            struct_ok.clone(),
            vec!["`101` is an informational status", "`302` is a redirect"],
        ),
        (
            "a token that is not a field path",
            quote!(
                vendor = "V",
                base_url = "https://x",
                path = "/",
                response = R,
                token = "token"
            ),
            struct_ok.clone(),
            vec!["write a path of fields without quotes"],
        ),
        (
            "three independent mistakes",
            quote!(
                vendor = "",
                base_url = "https://x",
                path = "login",
                response = R,
                token = t,
                lockout = "soon"
            ),
            struct_ok.clone(),
            vec![
                "`vendor` is empty",
                "`path` must start with `/`",
                "`soon` is not a duration",
            ],
        ),
        (
            "a misspelt key, and a mistake in another key",
            quote!(
                vendr = "V",
                base_url = "https://x",
                path = "login",
                response = R,
                token = t
            ),
            struct_ok.clone(),
            vec![
                "unknown key `vendr` in `#[login_endpoint(...)]`; did you mean `vendor`?",
                "`path` must start with `/`",
            ],
        ),
        (
            "a key in camel case, with a required key missing",
            quote!(
                vendor = "V",
                baseUrl = "https://x",
                path = "/",
                response = R
            ),
            struct_ok.clone(),
            vec![
                "unknown key `baseUrl` in `#[login_endpoint(...)]`; did you mean `base_url`?",
                "`token` is missing",
            ],
        ),
        (
            "a key far from every key",
            quote!(
                vendor = "V",
                base_url = "https://x",
                path = "/",
                response = R,
                token = t,
                colour = blue
            ),
            struct_ok.clone(),
            vec![
                "unknown key `colour` in `#[login_endpoint(...)]`; the keys are: vendor, base_url,",
            ],
        ),
        (
            "a key of the client's written on the endpoint",
            quote!(
                vendor = "V",
                base_url = "https://x",
                path = "/",
                response = R,
                token = t,
                retries = 3
            ),
            struct_ok.clone(),
            vec![
                "unknown key `retries` in `#[login_endpoint(...)]`; retries are the client's, the same for every vendor: `LoginClient::builder().retry_policy(",
            ],
        ),
        (
            "a key written with a colon",
            quote!(
                vendor: "V",
                base_url = "https://x",
                path = "/",
                response = R,
                token = t
            ),
            struct_ok.clone(),
            vec!["a key takes its value after `=`, not `:`: write `vendor = \"V\"`"],
        ),
        (
            "an enum",
            args_ok.clone(),
            quote!(
                pub enum Login {
                    A,
                }
            ),
            vec!["goes on a struct with named fields"],
        ),
        (
            "a function",
            args_ok.clone(),
            quote!(
                fn login() {}
            ),
            vec!["goes on a struct with named fields"],
        ),
        (
            "a union",
            args_ok.clone(),
            quote!(
                pub union Login {
                    a: u32,
                }
            ),
            vec!["goes on a struct with named fields"],
        ),
        (
            "a tuple struct",
            args_ok.clone(),
            quote!(
                pub struct Login(String);
            ),
            vec!["needs named fields"],
        ),
        (
            "a field attribute that is not a list",
            args_ok.clone(),
            quote!(
                pub struct Login {
                    #[login = "secret"]
                    password: Secret,
                }
            ),
            vec!["write the keys in parentheses"],
        ),
        (
            "an empty JSON key",
            args_ok.clone(),
            quote!(
                pub struct Login {
                    #[login(rename = "")]
                    email: String,
                }
            ),
            vec!["`rename` cannot be empty"],
        ),
        (
            "a second attribute on the struct",
            args_ok.clone(),
            quote!(
                #[login_endpoint(vendor = "Example")]
                pub struct Login {
                    email: String,
                }
            ),
            vec!["`#[login_endpoint]` is written twice on `Login`"],
        ),
        (
            "a field's attribute on the struct",
            args_ok.clone(),
            quote!(
                #[login(secret)]
                pub struct Login {
                    email: String,
                }
            ),
            vec!["`#[login(...)]` goes on a field"],
        ),
        (
            "a field declared twice",
            args_ok.clone(),
            quote!(
                pub struct Login {
                    email: String,
                    email: String,
                }
            ),
            vec!["the field `email` is declared twice"],
        ),
        (
            "a header's values without keys",
            quote!(
                vendor = "Example",
                path = "/login",
                response = R,
                token = t,
                header("accept", "text/plain")
            ),
            struct_ok.clone(),
            vec!["this value has no key; `header(...)` takes `key = value` pairs"],
        ),
        (
            "a hyphenated constant key",
            quote!(vendor = "Example", path = "/login", response = R, token = t, constant(grant-type = "password")),
            struct_ok.clone(),
            vec!["`grant-type` is not an identifier"],
        ),
    ]
}

#[test]
fn malformed_declarations_give_their_errors_and_keep_the_struct() {
    for (what, args, item, expected) in malformed() {
        let output = login_endpoint_impl(args, item);
        let errors = compile_errors(output.clone());
        assert_eq!(errors.len(), expected.len(), "{what}: {errors:#?}");
        for (error, part) in errors.iter().zip(&expected) {
            assert!(error.contains(part), "{what}: `{error}` lacks `{part}`");
        }
        // The item is still emitted, so code naming it compiles.
        let file = syn::parse2::<syn::File>(output)
            .unwrap_or_else(|e| panic!("{what}: the output is not Rust: {e}"));
        let items: Vec<&syn::Item> = file
            .items
            .iter()
            .filter(|item| !matches!(item, syn::Item::Macro(_)))
            .collect();
        assert!(!items.is_empty(), "{what}: no item");
    }
}

/// The structs, impls (by trait and type), inherent methods and unnamed consts of an expansion.
fn outline(tokens: TokenStream) -> Vec<String> {
    let file: syn::File = syn::parse2(tokens).unwrap_or_else(|e| panic!("{e}"));
    let mut names = Vec::new();
    for item in &file.items {
        match item {
            syn::Item::Struct(item) => names.push(format!("struct {}", item.ident)),
            syn::Item::Impl(item) => {
                let ty = &item.self_ty;
                match &item.trait_ {
                    Some((path, _)) => {
                        let name = path.segments.last().map(|s| s.ident.to_string());
                        names.push(format!(
                            "impl {} for {}",
                            name.unwrap_or_default(),
                            quote!(#ty)
                        ));
                    }
                    None => {
                        names.push(format!("impl {}", quote!(#ty)));
                        for inner in &item.items {
                            if let syn::ImplItem::Fn(function) = inner {
                                names.push(format!("fn {}", function.sig.ident));
                            }
                        }
                    }
                }
            }
            syn::Item::Const(_) => names.push("const _".to_owned()),
            _ => {}
        }
    }
    names
}

/// A mistake in the attribute's keys: the builder, `Debug` and `send` are still written, so
/// code that uses the struct compiles up to the declaration's own error.
#[test]
fn the_fallback_keeps_the_generated_api_when_the_fields_are_read() {
    let item = quote! {
        pub struct Login {
            email: String,
            #[login(secert)]
            password: Secret,
        }
    };
    let output = login_endpoint_impl(
        quote!(
            vendor = "V",
            base_url = "https://x",
            path = "login",
            response = R,
            token = t
        ),
        item,
    );
    assert_eq!(compile_errors(output.clone()).len(), 2);
    assert_eq!(
        outline(output),
        [
            "struct Login",
            "impl Default for Login",
            "impl Debug for Login",
            "impl Login",
            "fn builder",
            "fn send",
            "fn send_to",
            "struct LoginBuilder",
            "impl LoginSetters for Login",
            "impl LoginBuilder < email , password >",
            "fn email",
            "fn password",
            "fn build",
            "fn send",
            "fn send_to",
            "impl DeclaredBaseUrl for LoginBuilder < email , password >",
            "impl Debug for LoginBuilder < email , password >",
            "impl LoginRequest for Login",
            "impl LoginEndpoint for Login",
            "impl DeclaredBaseUrl for Login",
            "const _",
        ]
    );
}

/// Without a readable `response`, `send` cannot be written; the builder still is.
#[test]
fn the_fallback_without_a_response_has_no_send() {
    let output = login_endpoint_impl(
        quote!(vendor = "V", base_url = "https://x", path = "/", token = t),
        quote!(
            pub struct Login {
                email: String,
            }
        ),
    );
    let outline = outline(output);
    assert!(outline.contains(&"fn builder".to_owned()), "{outline:?}");
    assert!(!outline.contains(&"fn send".to_owned()), "{outline:?}");
}

/// A field named `build` would clash in the builder, so the fallback is a stand-in builder
/// without that setter, and `build()` stays.
#[test]
fn the_fallback_is_a_stand_in_builder_when_a_field_clashes() {
    let output = login_endpoint_impl(
        quote!(
            vendor = "V",
            base_url = "https://x",
            path = "/",
            response = R,
            token = t
        ),
        quote!(
            pub struct Login {
                build: String,
            }
        ),
    );
    assert_eq!(
        outline(output),
        [
            "struct Login",
            "impl Debug for Login",
            "impl Login",
            "fn builder",
            "fn send",
            "fn send_to",
            "struct LoginBuilder",
            "impl LoginBuilder",
            "fn build",
            "impl LoginRequest for Login",
            "impl LoginEndpoint for Login",
            "impl DeclaredBaseUrl for Login",
            "const _",
        ]
    );
}

#[test]
fn the_fallback_struct_loses_its_login_attributes() {
    let output = login_endpoint_impl(
        quote!(vendor = "Example"),
        quote! {
            pub struct Login {
                #[login(rename = "user")]
                email: String,
                #[login(secret)]
                password: Secret,
            }
        },
    );
    assert!(!compile_errors(output.clone()).is_empty());
    let file: syn::File = syn::parse2(output).unwrap_or_else(|e| panic!("{e}"));
    let Some(syn::Item::Struct(item)) = file
        .items
        .iter()
        .find(|i| matches!(i, syn::Item::Struct(_)))
    else {
        panic!("no struct in the output");
    };
    let attributes: Vec<_> = item.fields.iter().flat_map(|f| &f.attrs).collect();
    assert!(attributes.is_empty(), "{attributes:#?}");
    assert_eq!(item.ident, "Login");
}

/// `#[derive(Debug)]` is reported, and taken out of the derive so the fallback's `Debug` does
/// not clash with it; the other derives stay.
#[test]
fn a_derived_debug_is_reported_and_removed() {
    let output = login_endpoint_impl(
        quote!(
            vendor = "V",
            base_url = "https://x",
            path = "/",
            response = R,
            token = t
        ),
        quote! {
            #[derive(Clone, Debug)]
            pub struct Login { email: String }
        },
    );
    let errors = compile_errors(output.clone());
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("remove `Debug` from this derive"),
        "{errors:#?}"
    );
    let file: syn::File = syn::parse2(output).unwrap_or_else(|e| panic!("{e}"));
    let Some(syn::Item::Struct(item)) = file
        .items
        .iter()
        .find(|i| matches!(i, syn::Item::Struct(_)))
    else {
        panic!("no struct in the output");
    };
    let derives: Vec<String> = item
        .attrs
        .iter()
        .map(|attr| quote!(#attr).to_string().replace(' ', ""))
        .collect();
    assert_eq!(derives, ["#[derive(Clone)]"]);
}

/// A key with one letter dropped, as a typo: `vendr` for `vendor`.
fn typo(key: &str) -> String {
    let middle = key.len() / 2;
    format!("{}{}", &key[..middle], &key[middle + 1..])
}

/// Every key of every list, misspelt, is reported once, in the one vocabulary, with the key it
/// was meant to be.
#[test]
fn a_misspelt_key_of_any_list_is_reported_with_the_key_it_is_closest_to() {
    use crate::attr::{ENDPOINT_KEYS, FIELD_KEYS};
    let struct_ok = quote! {
        pub struct Login {
            email: String,
        }
    };
    let mut checked = 0;
    for key in ENDPOINT_KEYS.keys {
        let misspelt = proc_macro2::Ident::new(&typo(key), proc_macro2::Span::call_site());
        let args = quote!(vendor = "V", path = "/", response = R, token = t, #misspelt = 1);
        let errors = compile_errors(login_endpoint_impl(args, struct_ok.clone()));
        let expected =
            format!("unknown key `{misspelt}` in `#[login_endpoint(...)]`; did you mean `{key}`?");
        assert!(
            errors.iter().filter(|e| e.starts_with(&expected)).count() == 1,
            "{key}: {errors:#?}"
        );
        checked += 1;
    }
    for key in FIELD_KEYS.keys {
        let misspelt = proc_macro2::Ident::new(&typo(key), proc_macro2::Span::call_site());
        let item = quote! {
            pub struct Login {
                #[login(#misspelt)]
                email: String,
            }
        };
        let args = quote!(vendor = "V", path = "/", response = R, token = t);
        let errors = compile_errors(login_endpoint_impl(args, item));
        let expected =
            format!("unknown key `{misspelt}` in `#[login(...)]`; did you mean `{key}`?");
        assert_eq!(errors.len(), 1, "{key}: {errors:#?}");
        assert!(errors[0].starts_with(&expected), "{key}: {errors:#?}");
        checked += 1;
    }
    for (list, keys, write) in [
        ("`header(...)`", &["name", "value"][..], "header"),
        (
            "`body_failure(...)`",
            &["field", "success", "kind"][..],
            "body_failure",
        ),
    ] {
        let function = proc_macro2::Ident::new(write, proc_macro2::Span::call_site());
        for key in keys {
            let misspelt = proc_macro2::Ident::new(&typo(key), proc_macro2::Span::call_site());
            let args =
                quote!(vendor = "V", path = "/", response = R, token = t, #function(#misspelt = x));
            let errors = compile_errors(login_endpoint_impl(args, struct_ok.clone()));
            let expected = format!("unknown key `{misspelt}` in {list}; did you mean `{key}`?");
            assert_eq!(errors.len(), 1, "{key}: {errors:#?}");
            assert!(errors[0].starts_with(&expected), "{key}: {errors:#?}");
            checked += 1;
        }
    }
    for (place, keys) in [
        (
            "on the struct",
            &["code", "message", "field_errors", "kind"][..],
        ),
        ("on a field", &["code", "message", "field_errors"][..]),
    ] {
        for key in keys {
            let misspelt = proc_macro2::Ident::new(&typo(key), proc_macro2::Span::call_site());
            let input = if place == "on the struct" {
                quote! {
                    #[vendor_error(#misspelt = x)]
                    pub struct ErrorBody { x: String }
                }
            } else {
                quote! {
                    pub struct ErrorBody {
                        #[vendor_error(#misspelt)]
                        x: String,
                    }
                }
            };
            let errors = compile_errors(crate::vendor_error::derive(input));
            let expected = format!(
                "unknown key `{misspelt}` in `#[vendor_error(...)]` {place}; did you mean `{key}`?"
            );
            assert_eq!(errors.len(), 1, "{key}: {errors:#?}");
            assert!(errors[0].starts_with(&expected), "{key}: {errors:#?}");
            checked += 1;
        }
    }
    assert_eq!(checked, 25 + 11 + 2 + 3 + 4 + 3);
}

/// A key of the other list, written in the wrong one, says where it goes.
#[test]
fn a_key_of_the_other_list_says_where_it_goes() {
    let errors = compile_errors(login_endpoint_impl(
        quote!(
            vendor = "V",
            path = "/",
            response = R,
            token = t,
            rename = "user"
        ),
        quote!(
            pub struct Login {
                email: String,
            }
        ),
    ));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("it is a key of a field's `#[login(...)]`"),
        "{errors:#?}"
    );
    let errors = compile_errors(login_endpoint_impl(
        quote!(vendor = "V", path = "/", response = R, token = t),
        quote!(
            pub struct Login {
                #[login(lifetime = "2h")]
                email: String,
            }
        ),
    ));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].contains("it is a key of `#[login_endpoint(...)]`"),
        "{errors:#?}"
    );
}

/// A field's placements are written in the order of its keys, `body` where it is written; the
/// body has it only beside another key when `body` is written.
#[test]
fn a_field_in_several_places_is_described_once_per_place_in_the_order_written() {
    let expanded = expand(
        quote!(
            vendor = "V",
            path = "/users/{user}",
            response = R,
            token = t
        ),
        quote! {
            pub struct Login {
                #[login(path, basic_auth = user)]
                user: String,
                #[login(secret, basic_auth = password)]
                password: auth_core::Secret,
                #[login(query = "k", body, header = "x-k")]
                key: String,
                #[login(header = "x-device")]
                device: String,
            }
        },
    );
    // Compared without the pretty-printer's whitespace.
    let flat: String = expanded.split_whitespace().collect();
    let at = |needle: &str| {
        flat.find(needle)
            .unwrap_or_else(|| panic!("`{needle}` is not in:\n{expanded}"))
    };
    assert!(at("__parts.path(\"user\"") < at("__parts.basic_user("));
    assert!(at("__parts.query(\"k\"") < at("__parts.header(\"x-k\""));
    // `key` is in the body (`body` is written); `device` is not.
    let body = &flat[at("fn__write_body")..at("fn__describe")];
    assert!(body.contains("&self.key"), "{body}");
    assert!(!body.contains("device"), "{body}");
    let errors = compile_errors(login_endpoint_impl(
        quote!(vendor = "V", path = "/", response = R, token = t),
        quote! {
            pub struct Login {
                #[login(header = "x-k", body = json)]
                key: String,
            }
        },
    ));
    assert_eq!(errors.len(), 1, "{errors:#?}");
    assert!(
        errors[0].starts_with("`body` on a field takes no value"),
        "{errors:#?}"
    );
}
