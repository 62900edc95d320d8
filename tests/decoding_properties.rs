//! Property tests of response interpretation: for every vendor, whatever status and body a
//! server sends — random bytes, random JSON, or a documented sample mutated — the answer is a
//! session or a typed error, never a panic, and the error's own text never shows a token.
//!
//! The pipeline is driven from the status and body on, through the entry point the fuzz
//! targets use (`auth_core::__private::interpret_response`), so each case costs microseconds;
//! the HTTP around it is covered by `faults.rs`. The random seed is fixed so that CI runs the
//! same cases every time; `PROPTEST_RNG_SEED` and `PROPTEST_CASES` explore further, and the
//! fuzz targets in `fuzz/` run for as long as one likes.

use auth_core::__private::interpret_response;
use auth_core::{AuthError, ErrorKind, LoginEndpoint};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed};

/// The token in every seed: long and random-looking, as real tokens are.
const TOKEN: &str = "Tok3nMarker0123456789abcdef";

/// Cases per property unless `PROPTEST_CASES` says otherwise: a few seconds for all of them in
/// a debug build.
const DEFAULT_CASES: u32 = 4000;

fn config() -> Config {
    let from_env = Config::default();
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(DEFAULT_CASES);
    let rng_seed = if std::env::var_os("PROPTEST_RNG_SEED").is_some() {
        from_env.rng_seed
    } else {
        RngSeed::Fixed(0x05ee_d1e5_50b0_d1e5)
    };
    Config {
        cases,
        rng_seed,
        // The fixed seed reproduces a failure; no regression files are written into the tree.
        failure_persistence: None,
        ..from_env
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Vendor {
    Hypernative,
    ProjectThanos,
    Up2Money,
    Hyper3d,
    TalkStack,
}

impl Vendor {
    const ALL: [Vendor; 5] = [
        Vendor::Hypernative,
        Vendor::ProjectThanos,
        Vendor::Up2Money,
        Vendor::Hyper3d,
        Vendor::TalkStack,
    ];

    /// Interprets a status and body as this vendor's endpoint; the token on success.
    fn interpret(self, status: u16, body: &[u8]) -> Result<String, AuthError> {
        fn run<E: LoginEndpoint>(status: u16, body: &[u8]) -> Result<String, AuthError>
        where
            E::Response: std::fmt::Debug,
        {
            let session = interpret_response::<E>(status, body)?;
            // Rendering must not panic either.
            let _ = format!("{session:?}");
            Ok(session.token().expose_secret().to_owned())
        }
        match self {
            Vendor::Hypernative => run::<vendors::hypernative::Login>(status, body),
            Vendor::ProjectThanos => run::<vendors::project_thanos::Login>(status, body),
            Vendor::Up2Money => run::<vendors::up2_money::Login>(status, body),
            Vendor::Hyper3d => run::<vendors::hyper3d::Login>(status, body),
            Vendor::TalkStack => run::<vendors::talkstack::Login>(status, body),
        }
    }

    /// Whether a 2xx body can state a failure for this vendor.
    fn has_body_failure(self) -> bool {
        matches!(self, Vendor::Hyper3d | Vendor::TalkStack)
    }

    /// Documented bodies, success and error, with [`TOKEN`] as the token.
    fn seeds(self) -> Vec<String> {
        let seeds: &[&str] = match self {
            Vendor::Hypernative => &[
                r#"{"data":{"token":"TOKEN","refreshToken":"TOKEN"}}"#,
                r#"{"data":{"token":"TOKEN"}}"#,
                r#"{"success":false,"data":null,"error":"organizationId is mandatory","errorCode":1002,"version":"2.2.0","service":"hypernative-webapp-server"}"#,
            ],
            Vendor::ProjectThanos => &[
                r#"{"auth_token":"TOKEN","org_uuid":"e7409ece-e923-4aa8-a41b-4aacb9e475be","user_uuid":"3a7acb28-ab13-437e-8c35-46cf4f0bea49","retailer_uuid":"1d2e146c-a3df-4073-89c6-9ffc3061319c","supplier_uuid":"","org_type":"RETAILER"}"#,
                r#"{"detail":"Invalid credentials."}"#,
            ],
            Vendor::Up2Money => &[
                r#"{"credentials":{"id":"c1","type":"ROOT"},"identity":{"id":"i1","type":"CONSUMER"},"token":"TOKEN","tokenType":"ACCESS"}"#,
                r#"{"response":{"errorCode":"TOKEN_EXPIRED"},"message":"Login failed."}"#,
                r#"{"message":"Your request is invalid.","syntaxErrors":{"invalidFields":[{"params":[],"fieldName":"password.value","error":"REQUIRED"}]}}"#,
            ],
            Vendor::Hyper3d => &[
                r#"{"token":"TOKEN","user_uuid":"u","username":"demo","avatar_url":"https://example.com/a.png","email":"demo@example.com"}"#,
                r#"{"error":"invalid email or password"}"#,
            ],
            Vendor::TalkStack => &[
                r#"{"message":"successfully logged in.","status":"success","token":"TOKEN","refreshToken":"TOKEN","expirationTime":"2025-03-05T13:06:02.837Z","user":{"email":"demo@example.com","name":"Demo","active_project":null,"created_at":"2025-03-05T11:04:49.875Z","updated_at":"2025-03-05T11:06:02.837Z","company_name":null},"loginStatus":7}"#,
                r#"{"message":"Invalid password","status":"error","loginStatus":4}"#,
            ],
        };
        seeds
            .iter()
            .map(|seed| seed.replace("TOKEN", TOKEN))
            .collect()
    }
}

/// What must hold for any status and body.
fn check(vendor: Vendor, status: u16, body: &[u8]) -> Result<(), TestCaseError> {
    let success_status = (200..300).contains(&status);
    match vendor.interpret(status, body) {
        Ok(token) => {
            prop_assert!(success_status, "a session from HTTP {}", status);
            prop_assert!(!token.is_empty(), "a session with an empty token");
        }
        Err(error) => {
            let kind = error.kind();
            let transport = matches!(
                kind,
                ErrorKind::BodyTooLarge
                    | ErrorKind::Timeout
                    | ErrorKind::Connect
                    | ErrorKind::Tls
                    | ErrorKind::InsecureTransport
                    | ErrorKind::InvalidUrl
            );
            prop_assert!(!transport, "a transport kind from a body: {:?}", error);
            prop_assert!(
                kind != ErrorKind::Redirect || (300..400).contains(&status),
                "a redirect from HTTP {}",
                status
            );
            prop_assert_eq!(error.status(), Some(status));
            if success_status {
                prop_assert!(
                    kind == ErrorKind::Decode || vendor.has_body_failure(),
                    "{:?} from a 2xx of a vendor without body failures: {:?}",
                    kind,
                    error
                );
            } else {
                prop_assert_ne!(kind, ErrorKind::Decode, "{:?}", error);
            }
            // What this library adds is short and never quotes a token.
            let detail = error.detail().unwrap_or_default();
            prop_assert!(detail.len() < 1024, "a {}-byte detail", detail.len());
            prop_assert!(
                !detail.contains(TOKEN),
                "the detail shows the token: {}",
                detail
            );
            // Whatever else shows the token must be the vendor's own words, kept as sent.
            let shown = format!("{error} {error:?} {error:#?}");
            if shown.contains(TOKEN) {
                let in_vendor_words = error.message().is_some_and(|m| m.contains(TOKEN))
                    || error
                        .vendor_code()
                        .is_some_and(|c| c.to_string().contains(TOKEN))
                    || error.field_errors().iter().any(|f| {
                        f.field.contains(TOKEN)
                            || f.error.contains(TOKEN)
                            || f.params.iter().any(|p| p.contains(TOKEN))
                    });
                prop_assert!(in_vendor_words, "the error shows the token: {}", shown);
            }
        }
    }
    Ok(())
}

/// One edit of a body.
#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: usize, len: usize },
    Insert { at: usize, bytes: Vec<u8> },
    Replace { at: usize, byte: u8 },
    Duplicate { at: usize, len: usize },
    Swap { a: usize, b: usize, len: usize },
    Truncate { at: usize },
}

impl Mutation {
    fn apply(&self, body: &mut Vec<u8>) {
        // Positions are taken modulo the current length, so any mutation applies to any body.
        let pos = |at: usize, body: &Vec<u8>| at % (body.len() + 1);
        match self {
            Mutation::Delete { at, len } => {
                let start = pos(*at, body);
                let end = (start + len).min(body.len());
                body.drain(start..end);
            }
            Mutation::Insert { at, bytes } => {
                let at = pos(*at, body);
                body.splice(at..at, bytes.iter().copied());
            }
            Mutation::Replace { at, byte } => {
                if !body.is_empty() {
                    let at = at % body.len();
                    body[at] = *byte;
                }
            }
            Mutation::Duplicate { at, len } => {
                let start = pos(*at, body);
                let end = (start + len).min(body.len());
                let copy = body[start..end].to_vec();
                body.splice(end..end, copy);
            }
            Mutation::Swap { a, b, len } => {
                let (a, b) = (pos(*a, body), pos(*b, body));
                let (low, high) = (a.min(b), a.max(b));
                let len = (*len).min(high - low).min(body.len() - high);
                for i in 0..len {
                    body.swap(low + i, high + i);
                }
            }
            Mutation::Truncate { at } => {
                let at = pos(*at, body);
                body.truncate(at);
            }
        }
    }
}

/// Fragments that change JSON's meaning more than random bytes do.
const FRAGMENTS: &[&str] = &[
    "\"",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "\\",
    "\\u",
    "\\ud800",
    "null",
    "true",
    "0",
    "-1",
    "1e999",
    "18446744073709551616",
    "\"token\":",
    "\"error\":\"x\",",
    "\"loginStatus\":4,",
    "\"data\":",
    "\u{0}",
    "\u{feff}",
    "é",
    TOKEN,
];

fn mutation() -> impl Strategy<Value = Mutation> {
    let at = any::<usize>();
    let bytes = prop_oneof![
        proptest::collection::vec(any::<u8>(), 1..4),
        proptest::sample::select(FRAGMENTS).prop_map(|f| f.as_bytes().to_vec()),
    ];
    prop_oneof![
        (at, 1..16usize).prop_map(|(at, len)| Mutation::Delete { at, len }),
        (at, bytes).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
        (at, any::<u8>()).prop_map(|(at, byte)| Mutation::Replace { at, byte }),
        (at, 1..32usize).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        (at, any::<usize>(), 1..16usize).prop_map(|(a, b, len)| Mutation::Swap { a, b, len }),
        at.prop_map(|at| Mutation::Truncate { at }),
    ]
}

/// Statuses a server may send: the documented ones more often, any other now and then.
fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        3 => Just(200u16),
        3 => proptest::sample::select(vec![
            201u16, 204, 299, 400, 401, 403, 404, 410, 415, 418, 422, 423, 429, 500, 502, 503,
            504, 599,
        ]),
        1 => 100u16..1000,
    ]
}

fn vendor() -> impl Strategy<Value = Vendor> {
    proptest::sample::select(Vendor::ALL.to_vec())
}

/// JSON built from the vendors' own vocabulary, so decoding gets past the first field.
fn json_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::Value;
    let keys = proptest::sample::select(vec![
        "token",
        "refreshToken",
        "data",
        "error",
        "errorCode",
        "loginStatus",
        "message",
        "status",
        "expirationTime",
        "user",
        "email",
        "auth_token",
        "org_uuid",
        "user_uuid",
        "retailer_uuid",
        "supplier_uuid",
        "org_type",
        "credentials",
        "identity",
        "id",
        "type",
        "tokenType",
        "response",
        "syntaxErrors",
        "invalidFields",
        "fieldName",
        "params",
        "success",
        "other",
    ]);
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        (0u64..12).prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        proptest::sample::select(vec![
            TOKEN,
            "",
            "RETAILER",
            "SUPPLIER",
            "CONSUMER",
            "ROOT",
            "ACCESS",
            "TOKEN_EXPIRED",
            "2025-03-05T13:06:02.837Z",
            "not a date",
            "x",
        ])
        .prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            proptest::collection::vec((keys.clone(), inner), 0..6).prop_map(|entries| {
                Value::Object(
                    entries
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect(),
                )
            }),
        ]
    })
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_bytes_never_panic(
        vendor in vendor(),
        status in status(),
        body in proptest::collection::vec(any::<u8>(), 0..256),
    ) {
        check(vendor, status, &body)?;
    }

    #[test]
    fn mutated_samples_never_panic_nor_show_the_token(
        vendor in vendor(),
        status in status(),
        seed in any::<proptest::sample::Index>(),
        mutations in proptest::collection::vec(mutation(), 0..8),
    ) {
        let seeds = vendor.seeds();
        let mut body = seed.get(&seeds).clone().into_bytes();
        for mutation in &mutations {
            mutation.apply(&mut body);
        }
        check(vendor, status, &body)?;
    }

    #[test]
    fn random_json_in_the_vendors_vocabulary_never_panics(
        vendor in vendor(),
        status in status(),
        value in json_value(),
    ) {
        check(vendor, status, &serde_json::to_vec(&value).unwrap())?;
    }

    #[test]
    fn documented_success_bodies_log_in_at_every_2xx(vendor in vendor(), status in 200u16..300) {
        let body = vendor.seeds().remove(0);
        prop_assert_eq!(vendor.interpret(status, body.as_bytes()).unwrap(), TOKEN);
    }

    #[test]
    fn a_hyper3d_error_string_is_never_a_session(message in ".*") {
        let body = serde_json::json!({ "error": message, "token": TOKEN }).to_string();
        let error = Vendor::Hyper3d.interpret(200, body.as_bytes()).unwrap_err();
        prop_assert_eq!(error.kind(), ErrorKind::Rejected);
        prop_assert_eq!(error.message(), Some(message.as_str()));
    }

    #[test]
    fn a_talkstack_login_status_other_than_7_is_never_a_session(code in any::<u8>()) {
        prop_assume!(code != 7);
        let body = serde_json::json!({ "token": TOKEN, "loginStatus": code }).to_string();
        let error = Vendor::TalkStack.interpret(200, body.as_bytes()).unwrap_err();
        let expected = match code {
            0 | 9 => ErrorKind::InvalidRequest,
            2 => ErrorKind::Forbidden,
            3 | 4 => ErrorKind::InvalidCredentials,
            5 => ErrorKind::ServerError,
            _ => ErrorKind::Rejected,
        };
        prop_assert_eq!(error.kind(), expected);
        prop_assert_eq!(error.vendor_code().map(ToString::to_string), Some(code.to_string()));
    }
}
