//! `200 OK` answers that a vendor's protocol does not allow: HTML, an empty body, truncated JSON,
//! `null`, JSON of the wrong shape. Each must be an `ErrorKind::Decode` error that names the
//! vendor, says what was expected, shows a short excerpt of what arrived, and never shows a
//! token that was in the body.

use std::fmt::Debug;

use auth_core::{AuthError, ErrorKind, Session};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use super::{html_page, shown};

/// An error message longer than this does not show a "short" excerpt: the HTML page the cases
/// send is several kilobytes.
const MAX_SHOWN_CHARS: usize = 700;

/// One answer a vendor's protocol does not allow, sent with `200 OK`.
pub struct BadResponse {
    /// What is wrong with it, for failure messages.
    pub name: String,
    /// The `Content-Type` it is sent with.
    pub content_type: &'static str,
    /// The body, as sent.
    pub body: String,
    /// A token (or the part of one) inside the body, which the error must not show.
    pub hidden: Option<String>,
    /// Text the error's `Display` must contain: what was expected (the response type, a field)
    /// and a piece of the body excerpt.
    pub expects: Vec<String>,
}

impl BadResponse {
    /// A JSON body, labelled `application/json`.
    pub fn json(name: &str, body: &str, hidden: Option<&str>, expects: &[&str]) -> Self {
        BadResponse {
            name: name.to_owned(),
            content_type: "application/json",
            body: body.to_owned(),
            hidden: hidden.map(str::to_owned),
            expects: expects.iter().map(|&s| s.to_owned()).collect(),
        }
    }
}

/// The answers every vendor must refuse, built from a compact success body whose first string
/// value is `token`.
pub fn common(success: &str, token: &str) -> Vec<BadResponse> {
    let at = success
        .find(&format!("\"{token}\""))
        .expect("the success body carries the token")
        + 1;
    // What the excerpt shows of the body up to the token: keys and punctuation, the token
    // itself replaced.
    let before_token = format!("{}\"…\"", &success[..at - 1]);
    let half = &token[..token.len() / 2];
    vec![
        BadResponse {
            name: "an HTML page".to_owned(),
            content_type: "text/html; charset=utf-8",
            body: html_page("502 Bad Gateway"),
            hidden: None,
            expects: vec!["LoginResponse".to_owned(), "<!DOCTYPE html>".to_owned()],
        },
        BadResponse::json("an empty body", "", None, &["LoginResponse", "empty body"]),
        BadResponse::json(
            "JSON cut in the middle of the token",
            &success[..at + half.len()],
            Some(half),
            &["LoginResponse", &before_token],
        ),
        BadResponse::json(
            "JSON cut after the token",
            &success[..at + token.len() + 1],
            Some(token),
            &["LoginResponse", &before_token],
        ),
        BadResponse::json("null", "null", None, &["LoginResponse", "null"]),
        BadResponse::json(
            "a bare JSON string holding the token",
            &format!("\"{token}\""),
            Some(token),
            &["LoginResponse", "`\"…\"`"],
        ),
        BadResponse::json(
            "the success body inside an array",
            &format!("[{success}]"),
            Some(token),
            &["LoginResponse", &format!("[{before_token}")],
        ),
    ]
}

/// Sends `login` against a server answering each case in turn, and asserts every error. All
/// failing cases are reported together.
pub async fn assert_all_refused<R: Debug>(
    vendor: &str,
    cases: &[BadResponse],
    login: impl AsyncFn(&str) -> Result<Session<R>, AuthError>,
) {
    let server = MockServer::start().await;
    let mut failures = Vec::new();
    for case in cases {
        server.reset().await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(200).set_body_raw(case.body.clone(), case.content_type),
            )
            .mount(&server)
            .await;
        let problems = match login(&server.uri()).await {
            Ok(session) => vec![format!("gave a session: {session:?}")],
            Err(error) => problems_with(vendor, case, &error),
        };
        let requests = server.received_requests().await.map_or(0, |r| r.len());
        if requests != 1 {
            failures.push(format!("{}: sent {requests} requests, not 1", case.name));
        }
        failures.extend(problems.into_iter().map(|p| format!("{}: {p}", case.name)));
    }
    assert!(
        failures.is_empty(),
        "{vendor}: {} problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

fn problems_with(vendor: &str, case: &BadResponse, error: &AuthError) -> Vec<String> {
    let display = error.to_string();
    let both = shown(error);
    let mut problems = Vec::new();
    if error.kind() != ErrorKind::Decode {
        problems.push(format!("kind {:?}, not Decode ({display})", error.kind()));
    }
    if error.vendor() != vendor {
        problems.push(format!("vendor {:?}, not {vendor:?}", error.vendor()));
    }
    if error.status() != Some(200) {
        problems.push(format!("status {:?}, not 200", error.status()));
    }
    if !display.contains(vendor) {
        problems.push(format!("Display does not name {vendor}: {display}"));
    }
    for expected in &case.expects {
        if !display.contains(expected.as_str()) {
            problems.push(format!("Display lacks `{expected}`: {display}"));
        }
    }
    if display.chars().count() > MAX_SHOWN_CHARS {
        problems.push(format!(
            "Display is {} characters long, not a short excerpt",
            display.chars().count()
        ));
    }
    if let Some(hidden) = &case.hidden
        && both.contains(hidden.as_str())
    {
        problems.push(format!("shows the token `{hidden}`: {both}"));
    }
    problems
}
