//! What the command prints: the session or the error, as text for people or as one JSON object
//! for scripts. Tokens are redacted unless asked for; nothing here ever holds a password.

use std::fmt::Debug;
use std::io::Write;
use std::time::{Duration, SystemTime};

use auth_core::{AuthError, Session, VendorCode};
use serde::Serialize;
use serde_json::{Value, json};
use vendors::{hyper3d, hypernative, project_thanos, talkstack, up2_money};

/// How to print.
#[derive(Clone, Copy, Debug)]
pub struct Format {
    /// One JSON object on stdout instead of text.
    pub json: bool,
    /// The access token itself instead of `[REDACTED]`.
    pub show_token: bool,
}

/// Writes a line to stdout, ignoring a closed pipe (`... | head`) instead of panicking.
fn out(line: &str) {
    let _ = writeln!(std::io::stdout(), "{line}");
}

/// Writes a line to stderr, ignoring a closed pipe.
fn err(line: &str) {
    let _ = writeln!(std::io::stderr(), "{line}");
}

/// The parts of a vendor's success body worth showing besides its tokens: identifiers, types,
/// the user. Tokens are left out.
pub trait ResponseDetails: Debug {
    /// Those parts as a JSON object, keyed by the Rust field names of the `vendors` crate.
    fn details(&self) -> Value;
}

impl ResponseDetails for hypernative::LoginResponse {
    fn details(&self) -> Value {
        // The body holds nothing but its two tokens.
        json!({})
    }
}

impl ResponseDetails for project_thanos::LoginResponse {
    fn details(&self) -> Value {
        let org_type = match self.org_type {
            project_thanos::OrgType::Retailer => "RETAILER",
            project_thanos::OrgType::Supplier => "SUPPLIER",
            _ => "other",
        };
        json!({
            "org_uuid": self.org_uuid,
            "user_uuid": self.user_uuid,
            "retailer_uuid": self.retailer_uuid,
            "supplier_uuid": self.supplier_uuid,
            "org_type": org_type,
        })
    }
}

impl ResponseDetails for up2_money::LoginResponse {
    fn details(&self) -> Value {
        let identity_type = match self.identity.kind {
            up2_money::IdentityType::Consumer => "CONSUMER",
            up2_money::IdentityType::Corporate => "CORPORATE",
            _ => "other",
        };
        json!({
            "credentials": { "id": self.credentials.id, "type": self.credentials.kind },
            "identity": { "id": self.identity.id, "type": identity_type },
            "token_type": self.token_type,
        })
    }
}

impl ResponseDetails for hyper3d::LoginResponse {
    fn details(&self) -> Value {
        json!({
            "user_uuid": self.user_uuid,
            "username": self.username,
            "email": self.email,
            "avatar_url": self.avatar_url,
        })
    }
}

impl ResponseDetails for talkstack::LoginResponse {
    fn details(&self) -> Value {
        let user = self.user.as_ref().map(|user| {
            json!({
                "email": user.email,
                "name": user.name,
                "company_name": user.company_name,
                "created_at": user.created_at,
                "updated_at": user.updated_at,
            })
        });
        json!({
            "message": self.message,
            "status": self.status,
            "login_status": self.login_status,
            "user": user,
        })
    }
}

/// `{"ok": true, "session": {...}}`.
#[derive(Serialize)]
struct SessionOutput<'a> {
    ok: bool,
    session: SessionJson<'a>,
}

#[derive(Serialize)]
struct SessionJson<'a> {
    vendor: &'static str,
    /// The token, or `[REDACTED]`.
    token: &'a str,
    token_length: usize,
    token_shown: bool,
    has_refresh_token: bool,
    issued_at: String,
    expires_at: Option<String>,
    idle_timeout_seconds: Option<u64>,
    response: Value,
}

/// `{"ok": false, "error": {...}}`.
#[derive(Serialize)]
struct ErrorOutput<'a> {
    ok: bool,
    error: ErrorJson<'a>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    /// An `auth_core::ErrorKind` name, or `Usage`.
    kind: String,
    vendor: Option<&'static str>,
    status: Option<u16>,
    /// A number or a string, as the vendor sent it.
    vendor_code: Option<Value>,
    message: Option<&'a str>,
    field_errors: Vec<FieldErrorJson<'a>>,
    retry_after_seconds: Option<u64>,
    retryable: bool,
    detail: Option<&'a str>,
    /// The whole error in one sentence, as the text output shows it.
    description: String,
}

#[derive(Serialize)]
struct FieldErrorJson<'a> {
    field: &'a str,
    error: &'a str,
    params: &'a [String],
}

const REDACTED: &str = "[REDACTED]";

/// Says where the login goes, on stderr, and only in text: stdout stays the session alone, and
/// JSON output stays one object. Only the origin and path are shown, never user info or a
/// query someone put in the URL.
pub fn announce(format: Format, vendor: &str, method: &str, base_url: &str, path: &str) {
    if format.json {
        return;
    }
    match url::Url::parse(base_url) {
        Ok(url) if url.host_str().is_some() => {
            let base_path = url.path().trim_end_matches('/');
            let origin = url.origin().ascii_serialization();
            err(&format!(
                "Logging in to {vendor} at {method} {origin}{base_path}{path}"
            ));
        }
        _ => err(&format!("Logging in to {vendor}")),
    }
}

/// Prints a session on stdout.
pub fn session<R: ResponseDetails>(format: Format, session: &Session<R>) {
    let token = session.token();
    let length = token.expose_secret().chars().count();
    if format.json {
        let output = SessionOutput {
            ok: true,
            session: SessionJson {
                vendor: session.vendor(),
                token: if format.show_token {
                    token.expose_secret()
                } else {
                    REDACTED
                },
                token_length: length,
                token_shown: format.show_token,
                has_refresh_token: session.refresh_token().is_some(),
                issued_at: utc(session.issued_at()),
                expires_at: session.expires_at().map(utc),
                idle_timeout_seconds: session.idle_timeout().map(|idle| idle.as_secs()),
                response: session.response().details(),
            },
        };
        json_line(&output);
        return;
    }
    out(&format!("vendor:        {}", session.vendor()));
    if format.show_token {
        out(&format!("token:         {}", token.expose_secret()));
    } else {
        out(&format!(
            "token:         {REDACTED} ({length} chars; --show-token prints it)"
        ));
    }
    if let Some(refresh) = session.refresh_token() {
        out(&format!(
            "refresh token: {REDACTED} ({} chars)",
            refresh.expose_secret().chars().count()
        ));
    }
    out(&format!("issued at:     {}", utc(session.issued_at())));
    match session.expires_at() {
        Some(at) => out(&format!("expires at:    {}", utc(at))),
        None if session.idle_timeout().is_none() => {
            out("expires at:    not documented by the vendor");
        }
        None => {}
    }
    if let Some(idle) = session.idle_timeout() {
        out(&format!("idle timeout:  {} after last use", human(idle)));
    }
    // Response types hold their tokens as `Secret`, so their Debug shows them redacted.
    out(&format!("response:      {:#?}", session.response()));
}

/// Prints a failed login: one JSON object on stdout, or text on stderr.
pub fn login_error(format: Format, error: &AuthError) {
    if format.json {
        let output = ErrorOutput {
            ok: false,
            error: ErrorJson {
                kind: format!("{:?}", error.kind()),
                vendor: Some(error.vendor()),
                status: error.status(),
                vendor_code: error.vendor_code().map(|code| match code {
                    VendorCode::Number(number) => json!(number),
                    VendorCode::Text(text) => json!(text),
                }),
                message: error.message(),
                field_errors: error
                    .field_errors()
                    .iter()
                    .map(|field| FieldErrorJson {
                        field: &field.field,
                        error: &field.error,
                        params: &field.params,
                    })
                    .collect(),
                retry_after_seconds: error.retry_after().map(whole_seconds),
                retryable: error.is_retryable(),
                detail: error.detail(),
                description: error.to_string(),
            },
        };
        json_line(&output);
        return;
    }
    err(&format!("error: {error}"));
    for field in error.field_errors() {
        let params = if field.params.is_empty() {
            String::new()
        } else {
            format!(" ({})", field.params.join(", "))
        };
        err(&format!(
            "  field `{}`: {}{params}",
            field.field, field.error
        ));
    }
    if let Some(wait) = error.retry_after() {
        err(&format!(
            "  the vendor asks to wait {} before trying again",
            human(wait)
        ));
    } else if error.is_retryable() {
        err("  this may pass: trying again later can succeed");
    }
}

/// Prints a problem found before any login was sent, of `kind` (`Usage`: no password, a secret
/// given on the command line): JSON on stdout with `--json`, else clap-style text on stderr.
pub fn problem(format: Format, kind: &str, reason: &str) {
    if format.json {
        let output = ErrorOutput {
            ok: false,
            error: ErrorJson {
                kind: kind.to_owned(),
                vendor: None,
                status: None,
                vendor_code: None,
                message: Some(reason),
                field_errors: Vec::new(),
                retry_after_seconds: None,
                retryable: false,
                detail: None,
                description: reason.to_owned(),
            },
        };
        json_line(&output);
        return;
    }
    if kind == "Usage" {
        err(&format!(
            "error: {reason}\n\nFor more information, try '--help'."
        ));
    } else {
        err(&format!("error: {reason}"));
    }
}

fn json_line<T: Serialize>(value: &T) {
    match serde_json::to_string(value) {
        Ok(text) => out(&text),
        // Only a map with non-string keys can fail to serialize; none is built here.
        Err(e) => err(&format!(
            "error: the output could not be written as JSON: {e}"
        )),
    }
}

/// Rounded up: waiting the number shown is always enough.
fn whole_seconds(duration: Duration) -> u64 {
    let seconds = duration.as_secs();
    if duration.subsec_nanos() > 0 {
        seconds.saturating_add(1)
    } else {
        seconds
    }
}

/// `30m`, `90s`, `2h`: the largest unit that divides the duration evenly.
fn human(duration: Duration) -> String {
    let seconds = whole_seconds(duration);
    match seconds {
        0 => "0s".to_owned(),
        s if s % 3600 == 0 => format!("{}h", s / 3600),
        s if s % 60 == 0 => format!("{}m", s / 60),
        s => format!("{s}s"),
    }
}

/// RFC 3339 in UTC to the second, or the raw value if the clock is out of jiff's range.
fn utc(time: SystemTime) -> String {
    match jiff::Timestamp::try_from(time) {
        Ok(timestamp) => timestamp.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        Err(_) => format!("{time:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_as_people_write_them() {
        assert_eq!(human(Duration::from_secs(30 * 60)), "30m");
        assert_eq!(human(Duration::from_secs(7200)), "2h");
        assert_eq!(human(Duration::from_secs(90)), "90s");
        assert_eq!(human(Duration::from_millis(1500)), "2s");
        assert_eq!(human(Duration::ZERO), "0s");
        assert_eq!(whole_seconds(Duration::from_millis(1)), 1);
    }

    #[test]
    fn times_are_utc_to_the_second() {
        let time = SystemTime::UNIX_EPOCH + Duration::from_millis(1_741_715_378_925);
        assert_eq!(utc(time), "2025-03-11T17:49:38Z");
    }
}
