//! The CPU path of a login, per vendor, generated vs hand-written, without HTTP:
//!
//! - `build+serialize`: build the request value, write its JSON body, and put the headers taken
//!   from fields into a `HeaderMap` (Up2 Money's `x-secret`; the others have none);
//! - `decode success`: turn a 200 and the vendor's sample body into a session;
//! - `decode error`: turn the vendor's documented failure into an error with its kind, code and
//!   message.
//!
//! The generated side is reached through what `send` itself calls: the builder, the hidden
//! `LoginEndpoint::__write_body`, `auth_core::__private::request_headers` (which builds the
//! content type and declared headers as well as those from fields), and
//! `auth_core::__private::interpret_response`, which takes the body as a slice and copies it
//! into the `bytes::Bytes` that `send` would have read. The hand-written side is given the same
//! copy, made in the timed call as well: a `bytes::Bytes` of the body, which is what a
//! hand-written reqwest client has after `response.bytes().await`, so both start from the same
//! borrowed bytes and pay for the same buffer.
//!
//! Two more lines per decode split the generated side's time: the body decoded into the same
//! type with `serde_json::from_slice` alone (`serde_json`, what auth-core now does), and with the
//! path-tracking decoder auth-core used before, `serde_path_to_error` over a
//! `serde_json::Deserializer` (`path_to_error`), kept to show what that costs.
//!
//! `cargo bench -p vendors --bench cpu [-- <filter>]`; `python3 vendors/benches/cpu_table.py`
//! prints the table with ratios from the times the last run saved, and with `--instructions`
//! counts each case's instructions under valgrind, which the machine's load does not disturb.

#[path = "support/handwritten.rs"]
mod handwritten;
#[path = "support/samples.rs"]
mod samples;
#[path = "support/shapes.rs"]
mod shapes;

use std::hint::black_box;
use std::time::{Duration, Instant};

use auth_core::__private::interpret_response;
use auth_core::{LoginEndpoint, Secret};
use reqwest::header::HeaderMap;
use samples::{API_SECRET, EMAIL, ORGANIZATION_ID, PASSWORD, Vendor};
use serde::de::DeserializeOwned;

type Interpret<R> = fn(u16, &[u8]) -> Result<handwritten::Session<R>, handwritten::Error>;

/// What `send` prepares before the exchange: the body and every header of the request, the
/// path and query filled in as declared.
fn generated_request<E: LoginEndpoint>(build: impl Fn() -> E) -> (E, Vec<u8>, HeaderMap) {
    let endpoint = build();
    let (body, headers) =
        auth_core::__private::prepared_request(&endpoint).expect("the request is prepared");
    (endpoint, body, headers)
}

/// The hand-written side's headers for one request, with the content type `post_json` puts on
/// it, so both sides build the same headers.
fn with_content_type(mut headers: HeaderMap, content_type: &'static str) -> HeaderMap {
    headers.insert(
        reqwest::header::CONTENT_TYPE,
        reqwest::header::HeaderValue::from_static(content_type),
    );
    headers
}

/// Checks that both sides agree on every sample before timing them, so the benchmark compares
/// equivalent work.
fn check_equivalent<E: LoginEndpoint>(
    vendor: Vendor,
    generated: &[u8],
    hand: &[u8],
    interpret: Interpret<E::Response>,
) {
    let body = vendor.success_body().as_bytes();
    let session = interpret_response::<E>(200, body).expect("generated: sample is a session");
    let hand_session = interpret(200, body).expect("hand-written: sample is a session");
    assert_eq!(session.token(), &hand_session.token, "{vendor:?} token");
    assert_eq!(
        session.refresh_token(),
        hand_session.refresh_token.as_ref(),
        "{vendor:?} refresh token"
    );
    assert_eq!(
        session.expires_at().is_some(),
        hand_session.expires_at.is_some(),
        "{vendor:?} expiry"
    );

    let (status, body) = vendor.error_response();
    let error = interpret_response::<E>(status, body.as_bytes())
        .expect_err("generated: sample is an error");
    let hand_error = interpret(status, body.as_bytes())
        .err()
        .expect("hand-written: sample is an error");
    assert_eq!(error.kind(), hand_error.kind, "{vendor:?} kind");
    assert_eq!(error.status(), hand_error.status, "{vendor:?} status");
    assert_eq!(
        error.vendor_code(),
        hand_error.code.as_ref(),
        "{vendor:?} code"
    );
    assert_eq!(
        error.message(),
        hand_error.message.as_deref(),
        "{vendor:?} message"
    );

    let parse = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).expect("JSON");
    assert_eq!(parse(generated), parse(hand), "{vendor:?} request body");
}

/// One measured operation: `group` is `<vendor>/<operation>`, `side` who does it.
struct Case {
    group: String,
    side: &'static str,
    run: Box<dyn FnMut()>,
}

impl Case {
    fn new<T>(group: &str, side: &'static str, mut run: impl FnMut() -> T + 'static) -> Case {
        Case {
            group: group.to_owned(),
            side,
            run: Box::new(move || {
                black_box(run());
            }),
        }
    }

    fn name(&self) -> String {
        format!("{}/{}", self.group, self.side)
    }
}

/// The decoding alone, plain and path-tracking, to split the generated side's time.
fn attribute<T: DeserializeOwned>(cases: &mut Vec<Case>, group: &str, body: &'static [u8]) {
    cases.push(Case::new(group, "serde_json", move || {
        serde_json::from_slice::<T>(black_box(body)).ok()
    }));
    cases.push(Case::new(group, "path_to_error", move || {
        let mut deserializer = serde_json::Deserializer::from_slice(black_box(body));
        let value: Option<T> = serde_path_to_error::deserialize(&mut deserializer).ok();
        deserializer.end().ok().and(value)
    }));
}

/// The body as a hand-written reqwest client holds it after `response.bytes().await`: the same
/// `bytes::Bytes` copy the generated entry point makes, so both sides pay for one buffer of the
/// same kind.
fn received(body: &[u8]) -> bytes::Bytes {
    bytes::Bytes::copy_from_slice(body)
}

fn vendor_cases<E: LoginEndpoint + 'static, H: 'static>(
    cases: &mut Vec<Case>,
    vendor: Vendor,
    build_generated: fn() -> E,
    build_handwritten: fn() -> (H, Vec<u8>, HeaderMap),
    interpret: Interpret<E::Response>,
) where
    E::Response: DeserializeOwned,
    E::ErrorBody: DeserializeOwned,
{
    let (_, generated_body, _) = generated_request(build_generated);
    let (_, hand_body, _) = build_handwritten();
    check_equivalent::<E>(vendor, &generated_body, &hand_body, interpret);

    let name = vendor.name();
    let group = format!("{name}/build+serialize");
    cases.push(Case::new(&group, "generated", move || {
        generated_request(build_generated)
    }));
    cases.push(Case::new(&group, "handwritten", build_handwritten));

    let success = vendor.success_body().as_bytes();
    let group = format!("{name}/decode success");
    cases.push(Case::new(&group, "generated", move || {
        interpret_response::<E>(200, black_box(success))
    }));
    cases.push(Case::new(&group, "handwritten", move || {
        interpret(200, &received(black_box(success)))
    }));
    attribute::<E::Response>(cases, &group, success);

    let (status, failure) = vendor.error_response();
    let failure = failure.as_bytes();
    let group = format!("{name}/decode error");
    cases.push(Case::new(&group, "generated", move || {
        interpret_response::<E>(black_box(status), black_box(failure))
    }));
    cases.push(Case::new(&group, "handwritten", move || {
        interpret(black_box(status), &received(black_box(failure)))
    }));
    if vendor == Vendor::Hyper3d {
        // Its failures arrive in a 2xx body, decoded once, as the response (its error body too).
        attribute::<E::Response>(cases, &group, failure);
    } else {
        attribute::<E::ErrorBody>(cases, &group, failure);
    }
}

fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let c = &mut cases;
    vendor_cases(
        c,
        Vendor::Hypernative,
        || {
            vendors::hypernative::Login::builder()
                .email(black_box(EMAIL))
                .password(black_box(PASSWORD))
                .organization_id(black_box(ORGANIZATION_ID))
                .build()
        },
        || {
            let login = handwritten::hypernative::Login {
                email: black_box(EMAIL).into(),
                password: Secret::from(black_box(PASSWORD)),
                organization_id: Some(black_box(ORGANIZATION_ID)),
            };
            let body = login.write_body().expect("the body serializes");
            let headers = with_content_type(login.headers(), "application/json");
            (login, body, headers)
        },
        handwritten::hypernative::interpret,
    );
    vendor_cases(
        c,
        Vendor::ProjectThanos,
        || {
            vendors::project_thanos::Login::builder()
                .username(black_box(EMAIL))
                .password(black_box(PASSWORD))
                .build()
        },
        || {
            let login = handwritten::project_thanos::Login {
                username: black_box(EMAIL).into(),
                password: Secret::from(black_box(PASSWORD)),
            };
            let body = login.write_body().expect("the body serializes");
            let headers = with_content_type(login.headers(), "application/json; charset=utf-8");
            (login, body, headers)
        },
        handwritten::project_thanos::interpret,
    );
    vendor_cases(
        c,
        Vendor::Up2Money,
        || {
            vendors::up2_money::Login::builder()
                .api_secret(black_box(API_SECRET))
                .email(black_box(EMAIL))
                .password(black_box(PASSWORD))
                .build()
        },
        || {
            let login = handwritten::up2_money::Login {
                api_secret: Secret::from(black_box(API_SECRET)),
                email: black_box(EMAIL).into(),
                password: Secret::from(black_box(PASSWORD)),
            };
            let body = login.write_body().expect("the body serializes");
            let headers = login.headers().expect("a valid header");
            let headers = with_content_type(headers, "application/json");
            (login, body, headers)
        },
        handwritten::up2_money::interpret,
    );
    vendor_cases(
        c,
        Vendor::Hyper3d,
        || {
            vendors::hyper3d::Login::builder()
                .email(black_box(EMAIL))
                .password(black_box(PASSWORD))
                .build()
        },
        || {
            let login = handwritten::hyper3d::Login {
                email: black_box(EMAIL).into(),
                password: Secret::from(black_box(PASSWORD)),
            };
            let body = login.write_body().expect("the body serializes");
            let headers = with_content_type(login.headers(), "application/json");
            (login, body, headers)
        },
        handwritten::hyper3d::interpret,
    );
    vendor_cases(
        c,
        Vendor::TalkStack,
        || {
            vendors::talkstack::Login::builder()
                .email(black_box(EMAIL))
                .password(black_box(PASSWORD))
                .build()
        },
        || {
            let login = handwritten::talkstack::Login {
                email: black_box(EMAIL).into(),
                password: Secret::from(black_box(PASSWORD)),
            };
            let body = login.write_body().expect("the body serializes");
            let headers = with_content_type(login.headers(), "application/json");
            (login, body, headers)
        },
        handwritten::talkstack::interpret,
    );
    shape_cases(c);
    cases
}

/// The two shapes none of the five vendors has: a form body, and a token in a header.
fn shape_cases(cases: &mut Vec<Case>) {
    use shapes::{header_token, oauth_password};

    let oauth = || {
        shapes::OAuthLogin::builder()
            .client_id(black_box(shapes::CLIENT_ID))
            .username(black_box(EMAIL))
            .password(black_box(PASSWORD))
            .build()
    };
    let oauth_by_hand = || {
        let login = oauth_password::Login {
            client_id: black_box(shapes::CLIENT_ID).into(),
            username: black_box(EMAIL).into(),
            password: Secret::from(black_box(PASSWORD)),
        };
        let body = login.write_body().expect("the body serializes");
        let headers = login.headers();
        (login, body, headers)
    };
    let header_token = || {
        shapes::HeaderTokenLogin::builder()
            .username(black_box(EMAIL))
            .password(black_box(PASSWORD))
            .build()
    };
    let header_token_by_hand = || {
        let login = header_token::Login {
            username: black_box(EMAIL).into(),
            password: Secret::from(black_box(PASSWORD)),
        };
        let body = login.write_body().expect("the body serializes");
        let headers = login.headers();
        (login, body, headers)
    };

    // Both sides agree before they are timed.
    let (_, generated_body, generated_headers) = generated_request(oauth);
    let (_, hand_body, hand_headers) = oauth_by_hand();
    assert_eq!(generated_body, hand_body, "form body");
    assert_eq!(generated_headers, hand_headers, "form headers");
    let session = interpret_response::<shapes::OAuthLogin>(200, shapes::OAUTH_SUCCESS.as_bytes())
        .expect("generated: a session");
    let by_hand = oauth_password::interpret(200, shapes::OAUTH_SUCCESS.as_bytes())
        .expect("hand-written: a session");
    assert_eq!(session.token(), &by_hand.token);
    assert_eq!(session.refresh_token(), by_hand.refresh_token.as_ref());
    assert!(session.expires_at().is_some() && by_hand.expires_at.is_some());
    let (status, failure) = shapes::OAUTH_ERROR;
    let error = interpret_response::<shapes::OAuthLogin>(status, failure.as_bytes()).unwrap_err();
    let by_hand = oauth_password::interpret(status, failure.as_bytes())
        .err()
        .expect("hand-written: an error");
    assert_eq!(error.kind(), by_hand.kind);
    assert_eq!(error.vendor_code(), by_hand.code.as_ref());
    assert_eq!(error.message(), by_hand.message.as_deref());

    let (_, generated_body, generated_headers) = generated_request(header_token);
    let (_, hand_body, hand_headers) = header_token_by_hand();
    let parse = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).expect("JSON");
    assert_eq!(
        parse(&generated_body),
        parse(&hand_body),
        "header-token body"
    );
    assert_eq!(generated_headers, hand_headers, "header-token headers");
    let answer = [("x-subject-token", shapes::TOKEN)];
    let success = shapes::HEADER_TOKEN_SUCCESS.as_bytes();
    let session =
        auth_core::__private::interpret_response_with_headers::<shapes::HeaderTokenLogin>(
            200, &answer, success,
        )
        .expect("generated: a session");
    let by_hand = header_token::interpret(200, &shapes::header_map(&answer), success)
        .expect("hand-written: a session");
    assert_eq!(session.token(), &by_hand.token);
    assert_eq!(session.expires_at(), by_hand.expires_at);
    let (status, failure) = shapes::HEADER_TOKEN_ERROR;
    let error =
        interpret_response::<shapes::HeaderTokenLogin>(status, failure.as_bytes()).unwrap_err();
    let by_hand = header_token::interpret(status, &HeaderMap::new(), failure.as_bytes())
        .err()
        .expect("hand-written: an error");
    assert_eq!(error.kind(), by_hand.kind);

    let group = "oauth_form/build+serialize";
    cases.push(Case::new(group, "generated", move || {
        generated_request(oauth)
    }));
    cases.push(Case::new(group, "handwritten", oauth_by_hand));
    let group = "oauth_form/decode success";
    let success = shapes::OAUTH_SUCCESS.as_bytes();
    cases.push(Case::new(group, "generated", move || {
        interpret_response::<shapes::OAuthLogin>(200, black_box(success))
    }));
    cases.push(Case::new(group, "handwritten", move || {
        oauth_password::interpret(200, &received(black_box(success)))
    }));
    attribute::<shapes::TokenResponse>(cases, group, success);
    let group = "oauth_form/decode error";
    let (status, failure) = shapes::OAUTH_ERROR;
    let failure = failure.as_bytes();
    cases.push(Case::new(group, "generated", move || {
        interpret_response::<shapes::OAuthLogin>(black_box(status), black_box(failure))
    }));
    cases.push(Case::new(group, "handwritten", move || {
        oauth_password::interpret(black_box(status), &received(black_box(failure)))
    }));
    attribute::<shapes::OAuthError>(cases, group, failure);

    let group = "header_token/build+serialize";
    cases.push(Case::new(group, "generated", move || {
        generated_request(header_token)
    }));
    cases.push(Case::new(group, "handwritten", header_token_by_hand));
    // The response's headers arrive as a map on both sides: each side is given the same pairs
    // and builds it.
    let group = "header_token/decode success";
    let success = shapes::HEADER_TOKEN_SUCCESS.as_bytes();
    cases.push(Case::new(group, "generated", move || {
        auth_core::__private::interpret_response_with_headers::<shapes::HeaderTokenLogin>(
            200,
            black_box(&answer),
            black_box(success),
        )
    }));
    cases.push(Case::new(group, "handwritten", move || {
        let headers = shapes::header_map(black_box(&answer));
        header_token::interpret(200, &headers, &received(black_box(success)))
    }));
    attribute::<shapes::KeystoneResponse>(cases, group, success);
}

/// How long one case is timed, and in how many samples.
const WARM_UP: Duration = Duration::from_millis(500);
const MEASUREMENT: Duration = Duration::from_secs(2);
const SAMPLES: usize = 40;

/// Times one case: after a warm-up that also sizes the batches, `SAMPLES` batches of calls,
/// each about `MEASUREMENT / SAMPLES` long. Returns the median time per call, and the 2nd and
/// 38th of the sorted per-call times (a 90% band), in nanoseconds.
fn time_case(case: &mut Case) -> (f64, f64, f64) {
    let warm_up = Instant::now();
    let mut calls: u64 = 0;
    while warm_up.elapsed() < WARM_UP {
        (case.run)();
        calls += 1;
    }
    let per_call = WARM_UP.as_secs_f64() / calls.max(1) as f64;
    let batch = ((MEASUREMENT.as_secs_f64() / SAMPLES as f64) / per_call).max(1.0) as u64;
    let mut samples: Vec<f64> = (0..SAMPLES)
        .map(|_| {
            let start = Instant::now();
            for _ in 0..batch {
                (case.run)();
            }
            start.elapsed().as_secs_f64() * 1e9 / batch as f64
        })
        .collect();
    samples.sort_by(f64::total_cmp);
    let at = |fraction: f64| samples[((SAMPLES - 1) as f64 * fraction).round() as usize];
    (at(0.5), at(0.05), at(0.95))
}

/// Times every case whose name contains `filter`, prints each, and writes them all to
/// `cpu-bench.json` in the target's scratch directory, where `cpu_table.py` reads them.
fn measure(cases: Vec<Case>, filter: Option<&str>) {
    let mut estimates = serde_json::Map::new();
    for mut case in cases {
        let name = case.name();
        if filter.is_some_and(|filter| !name.contains(filter)) {
            continue;
        }
        let (median, low, high) = time_case(&mut case);
        println!("{name:<50} {median:>10.1} ns  ({low:.1}–{high:.1})");
        estimates.insert(name, serde_json::json!([median, low, high]));
    }
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cpu-bench.json");
    let written = serde_json::to_vec_pretty(&estimates).expect("estimates are JSON");
    if let Err(error) = std::fs::write(&path, written) {
        eprintln!("could not write {}: {error}", path.display());
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let cases = cases();
    match args.iter().position(|arg| arg == "--repeat") {
        // `--repeat <case> <n>`: runs one case n times and nothing else, for counting its
        // instructions under valgrind (see instructions.py).
        Some(at) => {
            let name = &args[at + 1];
            let times: u64 = args[at + 2].parse().expect("--repeat <case> <n>");
            let mut case = cases
                .into_iter()
                .find(|case| &case.name() == name)
                .unwrap_or_else(|| panic!("no case {name:?}"));
            for _ in 0..times {
                (case.run)();
            }
        }
        None if args.iter().any(|arg| arg == "--cases") => {
            for case in cases {
                println!("{}", case.name());
            }
        }
        // `cargo bench` passes `--bench`; the first other argument filters the cases.
        None => {
            let filter = args[1..].iter().find(|arg| !arg.starts_with("--"));
            measure(cases, filter.map(String::as_str));
        }
    }
}
