//! The CPU path of a login, per vendor, generated vs hand-written, without HTTP:
//!
//! - `build+serialize`: build the request value, write its JSON body, and put the headers taken
//!   from fields into a `HeaderMap` (Up2 Money's `x-secret`; the others have none);
//! - `decode success`: turn a 200 and the vendor's sample body into a session;
//! - `decode error`: turn the vendor's documented failure into an error with its kind, code and
//!   message.
//!
//! The generated side is reached through what `send` itself calls: the builder, the hidden
//! `LoginEndpoint::__write_body` and `__field_headers`, and
//! `auth_core::__private::interpret_response`, which takes the body as a slice and copies it
//! into the owned buffer `send` would have. The hand-written side is given the same copy, so
//! both start from the same borrowed bytes.
//!
//! `cargo bench -p vendors --bench cpu [-- <filter>]`; `python3 vendors/benches/criterion_table.py`
//! prints the table with ratios from criterion's saved estimates.

#[path = "support/handwritten.rs"]
mod handwritten;
#[path = "support/samples.rs"]
mod samples;

use std::hint::black_box;
use std::time::Duration;

use auth_core::__private::interpret_response;
use auth_core::{LoginEndpoint, Secret};
use criterion::{Criterion, criterion_group, criterion_main};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use samples::{API_SECRET, EMAIL, ORGANIZATION_ID, PASSWORD, Vendor};

type Interpret<R> = fn(u16, &[u8]) -> Result<handwritten::Session<R>, handwritten::Error>;

/// What `send` does with `__field_headers`: each header taken from a field, checked and marked
/// sensitive where the field is a secret.
fn generated_field_headers<E: LoginEndpoint>(endpoint: &E) -> HeaderMap {
    let mut headers = HeaderMap::new();
    endpoint.__field_headers(&mut |name, value, sensitive| {
        if let Ok(mut value) = HeaderValue::from_str(value) {
            value.set_sensitive(sensitive);
            headers.insert(HeaderName::from_static(name), value);
        }
    });
    headers
}

fn generated_request<E: LoginEndpoint>(build: impl Fn() -> E) -> (E, Vec<u8>, HeaderMap) {
    let endpoint = build();
    let mut body = Vec::with_capacity(256);
    endpoint
        .__write_body(&mut body)
        .expect("the body serializes");
    let headers = generated_field_headers(&endpoint);
    (endpoint, body, headers)
}

/// Checks that both sides agree on every sample before timing them, so the benchmark compares
/// equivalent work.
fn check_equivalent<E: LoginEndpoint>(vendor: Vendor, generated: &[u8], hand: &[u8], interpret: Interpret<E::Response>) {
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
        .err()
        .expect("generated: sample is an error");
    let hand_error = interpret(status, body.as_bytes())
        .err()
        .expect("hand-written: sample is an error");
    assert_eq!(error.kind(), hand_error.kind, "{vendor:?} kind");
    assert_eq!(error.status(), hand_error.status, "{vendor:?} status");
    assert_eq!(error.vendor_code(), hand_error.code.as_ref(), "{vendor:?} code");
    assert_eq!(error.message(), hand_error.message.as_deref(), "{vendor:?} message");

    let parse = |bytes: &[u8]| serde_json::from_slice::<serde_json::Value>(bytes).expect("JSON");
    assert_eq!(parse(generated), parse(hand), "{vendor:?} request body");
}

fn compare<E: LoginEndpoint, H>(
    c: &mut Criterion,
    vendor: Vendor,
    build_generated: impl Fn() -> E,
    build_handwritten: impl Fn() -> (H, Vec<u8>, HeaderMap),
    interpret: Interpret<E::Response>,
) {
    let (_, generated_body, _) = generated_request(&build_generated);
    let (_, hand_body, _) = build_handwritten();
    check_equivalent::<E>(vendor, &generated_body, &hand_body, interpret);

    let name = vendor.name();
    let mut group = c.benchmark_group(format!("{name}/build+serialize"));
    group.bench_function("generated", |b| {
        b.iter(|| generated_request(&build_generated))
    });
    group.bench_function("handwritten", |b| b.iter(&build_handwritten));
    group.finish();

    let success = vendor.success_body().as_bytes();
    let mut group = c.benchmark_group(format!("{name}/decode success"));
    group.bench_function("generated", |b| {
        b.iter(|| interpret_response::<E>(200, black_box(success)))
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| interpret(200, &black_box(success).to_vec()))
    });
    group.finish();

    let (status, failure) = vendor.error_response();
    let failure = failure.as_bytes();
    let mut group = c.benchmark_group(format!("{name}/decode error"));
    group.bench_function("generated", |b| {
        b.iter(|| interpret_response::<E>(black_box(status), black_box(failure)))
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| interpret(black_box(status), &black_box(failure).to_vec()))
    });
    group.finish();
}

fn cpu(c: &mut Criterion) {
    compare(
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
            (login, body, HeaderMap::new())
        },
        handwritten::hypernative::interpret,
    );
    compare(
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
            (login, body, HeaderMap::new())
        },
        handwritten::project_thanos::interpret,
    );
    compare(
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
            (login, body, headers)
        },
        handwritten::up2_money::interpret,
    );
    compare(
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
            (login, body, HeaderMap::new())
        },
        handwritten::hyper3d::interpret,
    );
    compare(
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
            (login, body, HeaderMap::new())
        },
        handwritten::talkstack::interpret,
    );
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(40);
    targets = cpu
}
criterion_main!(benches);
