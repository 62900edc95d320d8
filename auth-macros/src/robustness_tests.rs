//! Property tests: the macro returns tokens or a compile error for any input, never panics.
//!
//! Inputs are a valid declaration cut up by random edits (tokens deleted, duplicated, swapped,
//! replaced, inserted, across group boundaries too), and random token sequences. For each, the
//! expansion must not panic, and its output must either carry a `compile_error!` or parse as a
//! Rust file. The random seed is fixed so that every run checks the same cases;
//! `PROPTEST_RNG_SEED` and `PROPTEST_CASES` explore further.

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};
use quote::quote;

use crate::login_endpoint_impl;

/// Cases per property unless `PROPTEST_CASES` says otherwise: a few seconds in all.
const DEFAULT_CASES: u32 = 2000;

fn config() -> Config {
    let from_env = Config::default();
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        from_env.rng_seed
    } else {
        RngSeed::Fixed(0x03ac_50b0_d1e5)
    };
    Config {
        cases,
        rng_seed,
        failure_persistence: None,
        ..from_env
    }
}

/// A declaration that uses every key, so edits can reach every part of the parser.
fn declaration() -> (TokenStream, TokenStream) {
    let args = quote! {
        vendor = "Example",
        base_url = "https://api.example.com/v1",
        path = "/tenants/{tenant}/auth/login",
        method = "POST",
        body = json,
        content_type = "application/json; charset=utf-8",
        header(name = "accept", value = "application/json"),
        constant(grant_type = "password", params.methods = ["password", 2, -1.5, true]),
        query(version = 2, "flag" = ["a", "b"]),
        response = LoginResponse,
        token = data.token,
        refresh_token = data.refresh_token,
        expires_at = data.expires_at,
        lifetime = "2h",
        lockout = "30m",
        error_body = ErrorBody,
        body_failure(field = login_status, success = 7),
        status(400 => InvalidRequest, 401 | 404 => InvalidCredentials, 423 => Locked),
    };
    let item = quote! {
        /// A login.
        #[derive(Clone)]
        pub struct Login {
            email: String,
            #[login(secret)]
            password: Secret,
            #[login(secret, header = "x-secret")]
            api_secret: Secret,
            #[login(rename = "organizationId")]
            organization_id: Option<u64>,
            #[login(rename = "device.name")]
            device: Option<String>,
            #[login(path)]
            tenant: String,
            #[login(secret, query = "key")]
            api_key: Secret,
            #[login(basic_auth = user)]
            client_id: String,
            #[login(secret, basic_auth = password)]
            client_secret: Secret,
        }
    };
    (args, item)
}

/// Whether `tokens` invoke `compile_error!` anywhere.
fn has_compile_error(tokens: &TokenStream) -> bool {
    tokens.clone().into_iter().any(|tree| match tree {
        TokenTree::Ident(ident) => ident == "compile_error",
        TokenTree::Group(group) => has_compile_error(&group.stream()),
        _ => false,
    })
}

/// The expansion of `args` on `item`: it must not panic (proptest reports a panic as a
/// failure), and must be a compile error or valid Rust.
fn check(args: TokenStream, item: TokenStream) -> Result<(), TestCaseError> {
    let output = login_endpoint_impl(args.clone(), item.clone());
    if has_compile_error(&output) {
        return Ok(());
    }
    if let Err(error) = syn::parse2::<syn::File>(output.clone()) {
        return Err(TestCaseError::fail(format!(
            "no compile error, and not Rust ({error}):\nargs: {args}\nitem: {item}\noutput: {output}"
        )));
    }
    Ok(())
}

/// A token stream with its groups opened out, so an edit can drop or move one delimiter of a
/// pair; [`rebuild`] closes what is left open and drops closers without an opener.
#[derive(Clone, Debug)]
enum Flat {
    Open(Delimiter),
    Close,
    Leaf(TokenTree),
}

fn flatten(tokens: TokenStream, out: &mut Vec<Flat>) {
    for tree in tokens {
        match tree {
            TokenTree::Group(group) => {
                out.push(Flat::Open(group.delimiter()));
                flatten(group.stream(), out);
                out.push(Flat::Close);
            }
            leaf => out.push(Flat::Leaf(leaf)),
        }
    }
}

fn rebuild(flat: &[Flat]) -> TokenStream {
    let mut stack: Vec<(Delimiter, Vec<TokenTree>)> = vec![(Delimiter::None, Vec::new())];
    let close = |stack: &mut Vec<(Delimiter, Vec<TokenTree>)>| {
        if let Some((delimiter, trees)) = stack.pop() {
            let group = Group::new(delimiter, trees.into_iter().collect());
            if let Some((_, parent)) = stack.last_mut() {
                parent.push(TokenTree::Group(group));
            }
        }
    };
    for token in flat {
        match token {
            Flat::Open(delimiter) => stack.push((*delimiter, Vec::new())),
            Flat::Close if stack.len() > 1 => close(&mut stack),
            Flat::Close => {}
            Flat::Leaf(tree) => {
                if let Some((_, trees)) = stack.last_mut() {
                    trees.push(tree.clone());
                }
            }
        }
    }
    while stack.len() > 1 {
        close(&mut stack);
    }
    stack
        .pop()
        .map(|(_, trees)| trees.into_iter().collect())
        .unwrap_or_default()
}

/// A token to put somewhere, as plain data (proc-macro2 tokens are made when applied).
#[derive(Clone, Debug)]
enum RandomToken {
    Ident(&'static str),
    RawIdent(&'static str),
    Punct(char, bool),
    Literal(&'static str),
    Open(u8),
    Close,
}

/// Words the parser knows, and some it must refuse.
const IDENTS: &[&str] = &[
    "https",
    "True",
    "null",
    "name",
    "value",
    "vendor",
    "base_url",
    "path",
    "method",
    "content_type",
    "body",
    "json",
    "form",
    "none",
    "constant",
    "query",
    "basic_auth",
    "user",
    "password",
    "header",
    "name",
    "value",
    "response",
    "token",
    "refresh_token",
    "expires_at",
    "lifetime",
    "idle_timeout",
    "lockout",
    "error_body",
    "status",
    "body_failure",
    "field",
    "success",
    "login",
    "secret",
    "rename",
    "pub",
    "crate",
    "struct",
    "enum",
    "union",
    "fn",
    "where",
    "impl",
    "self",
    "Self",
    "super",
    "Option",
    "Secret",
    "String",
    "Vec",
    "u64",
    "i8",
    "Box",
    "dyn",
    "data",
    "InvalidRequest",
    "InvalidCredentials",
    "Locked",
    "Rejected",
    "NotAKind",
    "true",
    "false",
    "derive",
    "doc",
    "T",
    "a",
    "Z9",
    "_",
];

const PUNCTS: &[char] = &[
    '=', ',', ':', ';', '#', '.', '-', '!', '?', '<', '>', '&', '\'', '@', '*', '/', '+', '|', '$',
    '%', '^', '~',
];

/// Literals of every kind, in and out of the ranges the keys accept.
const LITERALS: &[&str] = &[
    r#""secret, rename = \"x\"""#,
    r#""vendor = \"A\", path = \"/x\"""#,
    r#""""#,
    r#""https://""#,
    r#""http://[::1""#,
    r#""ftp://x""#,
    r#""https://a.example/ x""#,
    r#""/path""#,
    r#""no-slash""#,
    r#""POST""#,
    r#""GET""#,
    r#""PATCH""#,
    r#""2h""#,
    r#""0s""#,
    r#""5m""#,
    r#""18446744073709551616h""#,
    r#""-1s""#,
    r#""1.5h""#,
    r#""x-secret""#,
    r#""bad header\n""#,
    r#""é""#,
    r#""a.b.c""#,
    r#""..""#,
    r#""token""#,
    r#""\0""#,
    r#"r"raw""#,
    r#"b"bytes""#,
    r#"c"cstr""#,
    "'x'",
    "b'x'",
    "0",
    "1",
    "7",
    "99",
    "100",
    "200",
    "299",
    "300",
    "399",
    "400",
    "599",
    "600",
    "65536",
    "18446744073709551615",
    "340282366920938463463374607431768211456",
    "1u8",
    "2e3",
    "1.5",
    "0x1F",
    "1_000",
];

fn random_token() -> impl Strategy<Value = RandomToken> {
    prop_oneof![
        4 => proptest::sample::select(IDENTS).prop_map(RandomToken::Ident),
        1 => proptest::sample::select(vec!["type", "match", "login"]).prop_map(RandomToken::RawIdent),
        3 => (proptest::sample::select(PUNCTS), any::<bool>())
            .prop_map(|(c, joint)| RandomToken::Punct(c, joint)),
        3 => proptest::sample::select(LITERALS).prop_map(RandomToken::Literal),
        1 => (0u8..4).prop_map(RandomToken::Open),
        1 => Just(RandomToken::Close),
    ]
}

impl RandomToken {
    fn to_flat(&self) -> Flat {
        let span = Span::call_site();
        match self {
            RandomToken::Ident(name) => Flat::Leaf(Ident::new(name, span).into()),
            RandomToken::RawIdent(name) => Flat::Leaf(Ident::new_raw(name, span).into()),
            RandomToken::Punct(c, joint) => {
                let spacing = if *joint {
                    Spacing::Joint
                } else {
                    Spacing::Alone
                };
                Flat::Leaf(Punct::new(*c, spacing).into())
            }
            RandomToken::Literal(text) => Flat::Leaf(
                text.parse::<Literal>()
                    .unwrap_or_else(|_| Literal::string(text))
                    .into(),
            ),
            RandomToken::Open(kind) => Flat::Open(match kind {
                0 => Delimiter::Parenthesis,
                1 => Delimiter::Brace,
                2 => Delimiter::Bracket,
                _ => Delimiter::None,
            }),
            RandomToken::Close => Flat::Close,
        }
    }
}

/// One edit of a flattened token stream; positions are taken modulo its length.
#[derive(Clone, Debug)]
enum Edit {
    Delete { at: usize, len: usize },
    Duplicate { at: usize, len: usize },
    Swap { a: usize, b: usize },
    Replace { at: usize, token: RandomToken },
    ReplaceLiteral { nth: usize, literal: &'static str },
    Insert { at: usize, token: RandomToken },
}

impl Edit {
    fn apply(&self, flat: &mut Vec<Flat>) {
        let pos = |at: usize, flat: &Vec<Flat>| at % (flat.len() + 1);
        match self {
            Edit::Delete { at, len } => {
                let start = pos(*at, flat);
                let end = (start + len).min(flat.len());
                flat.drain(start..end);
            }
            Edit::Duplicate { at, len } => {
                let start = pos(*at, flat);
                let end = (start + len).min(flat.len());
                let copy = flat[start..end].to_vec();
                flat.splice(end..end, copy);
            }
            Edit::Swap { a, b } => {
                if !flat.is_empty() {
                    let len = flat.len();
                    flat.swap(a % len, b % len);
                }
            }
            Edit::Replace { at, token } => {
                if !flat.is_empty() {
                    let at = at % flat.len();
                    flat[at] = token.to_flat();
                }
            }
            Edit::ReplaceLiteral { nth, literal } => {
                let literals: Vec<usize> = flat
                    .iter()
                    .enumerate()
                    .filter(|(_, token)| matches!(token, Flat::Leaf(TokenTree::Literal(_))))
                    .map(|(i, _)| i)
                    .collect();
                if !literals.is_empty() {
                    let at = literals[nth % literals.len()];
                    flat[at] = RandomToken::Literal(literal).to_flat();
                }
            }
            Edit::Insert { at, token } => {
                let at = pos(*at, flat);
                flat.insert(at, token.to_flat());
            }
        }
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    let at = any::<usize>();
    prop_oneof![
        1 => (at, 1..6usize).prop_map(|(at, len)| Edit::Delete { at, len }),
        1 => (at, 1..6usize).prop_map(|(at, len)| Edit::Duplicate { at, len }),
        1 => (at, any::<usize>()).prop_map(|(a, b)| Edit::Swap { a, b }),
        1 => (at, random_token()).prop_map(|(at, token)| Edit::Replace { at, token }),
        2 => (at, proptest::sample::select(LITERALS))
            .prop_map(|(nth, literal)| Edit::ReplaceLiteral { nth, literal }),
        1 => (at, random_token()).prop_map(|(at, token)| Edit::Insert { at, token }),
    ]
}

fn edited(tokens: TokenStream, edits: &[Edit]) -> TokenStream {
    let mut flat = Vec::new();
    flatten(tokens, &mut flat);
    for edit in edits {
        edit.apply(&mut flat);
    }
    rebuild(&flat)
}

fn random_stream(tokens: &[RandomToken]) -> TokenStream {
    rebuild(&tokens.iter().map(RandomToken::to_flat).collect::<Vec<_>>())
}

#[test]
fn the_unedited_declaration_expands_to_rust() {
    let (args, item) = declaration();
    let output = login_endpoint_impl(args, item);
    assert!(!has_compile_error(&output), "{output}");
    syn::parse2::<syn::File>(output).unwrap();
}

#[test]
fn flattening_and_rebuilding_keeps_a_stream() {
    let (args, item) = declaration();
    for tokens in [args, item] {
        let mut flat = Vec::new();
        flatten(tokens.clone(), &mut flat);
        assert_eq!(rebuild(&flat).to_string(), tokens.to_string());
    }
    // Unbalanced edits still give a stream: an orphan closer is dropped, an opener closed.
    let flat = [
        Flat::Close,
        Flat::Open(Delimiter::Brace),
        Flat::Leaf(Ident::new("x", Span::call_site()).into()),
    ];
    assert_eq!(rebuild(&flat).to_string(), "{ x }");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn edited_declarations_expand_or_fail_cleanly(
        arg_edits in proptest::collection::vec(edit(), 0..5),
        item_edits in proptest::collection::vec(edit(), 0..5),
    ) {
        let (args, item) = declaration();
        check(edited(args, &arg_edits), edited(item, &item_edits))?;
    }

    #[test]
    fn random_arguments_expand_or_fail_cleanly(
        tokens in proptest::collection::vec(random_token(), 0..40),
    ) {
        let (_, item) = declaration();
        check(random_stream(&tokens), item)?;
    }

    #[test]
    fn random_items_expand_or_fail_cleanly(
        tokens in proptest::collection::vec(random_token(), 0..40),
        args_too in any::<bool>(),
        arg_tokens in proptest::collection::vec(random_token(), 0..20),
    ) {
        let (args, _) = declaration();
        let args = if args_too { random_stream(&arg_tokens) } else { args };
        check(args, random_stream(&tokens))?;
    }
}

/// A declaration that takes its values from headers and cookies, in every expiry form.
fn response_sources_declaration() -> (TokenStream, TokenStream) {
    let args = quote! {
        vendor = "Example",
        base_url = "https://api.example.com",
        // The item's `tenant` fills this placeholder.
        path = "/tenants/{tenant}/auth/login",
        response = TextBody,
        token = header("X-Subject-Token"),
        refresh_token = cookie("refresh"),
        expires_in(millis = data.expires),
        refresh_expires_at(unix_seconds = header("x-refresh-expires")),
        lifetime = "1h",
        body_failure(field = text, success = "Ok.", kind = InvalidCredentials),
    };
    let (_, item) = declaration();
    (args, item)
}

/// An error body that names every key of `#[derive(VendorError)]`.
fn vendor_error_declaration() -> TokenStream {
    quote! {
        #[derive(Deserialize, VendorError)]
        #[vendor_error(
            code = errors[0].extensions.code,
            field_errors(each = errors, field = extensions.field, error = extensions.code, params = params),
            kind(code = "A" | "B" => InvalidCredentials, code = -1 => Locked, message = "m" => Forbidden),
        )]
        pub struct ErrorBody {
            #[vendor_error(message)]
            message: Option<String>,
            errors: Vec<GraphQlError>,
        }
    }
}

/// The derive on `input`: no panic, and a compile error or valid Rust.
fn check_vendor_error(input: TokenStream) -> Result<(), TestCaseError> {
    let output = crate::vendor_error::derive(input.clone());
    if has_compile_error(&output) {
        return Ok(());
    }
    syn::parse2::<syn::File>(output.clone())
        .map(|_| ())
        .map_err(|error| {
            TestCaseError::fail(format!(
                "no compile error, and not Rust ({error}):\ninput: {input}\noutput: {output}"
            ))
        })
}

#[test]
fn the_unedited_response_and_error_declarations_expand_to_rust() {
    let (args, item) = response_sources_declaration();
    let output = login_endpoint_impl(args, item);
    assert!(!has_compile_error(&output), "{output}");
    syn::parse2::<syn::File>(output).unwrap();
    let output = crate::vendor_error::derive(vendor_error_declaration());
    assert!(!has_compile_error(&output), "{output}");
    syn::parse2::<syn::File>(output).unwrap();
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn edited_response_sources_expand_or_fail_cleanly(
        arg_edits in proptest::collection::vec(edit(), 0..5),
    ) {
        let (args, item) = response_sources_declaration();
        check(edited(args, &arg_edits), item)?;
    }

    #[test]
    fn edited_error_bodies_derive_or_fail_cleanly(
        edits in proptest::collection::vec(edit(), 0..6),
    ) {
        check_vendor_error(edited(vendor_error_declaration(), &edits))?;
    }

    #[test]
    fn random_error_bodies_derive_or_fail_cleanly(
        tokens in proptest::collection::vec(random_token(), 0..40),
    ) {
        check_vendor_error(random_stream(&tokens))?;
    }
}
