//! Short, token-free descriptions of response bodies for error messages.

/// Removes the request's secrets from a text (see `__private::send`).
pub(crate) type Scrub<'a> = &'a dyn Fn(&mut String);

/// A [`Scrub`] for callers that hold no secrets.
#[cfg(test)]
pub(crate) fn scrub_nothing(_: &mut String) {}

/// How many bytes of a body an error shows at most.
const EXCERPT_BYTES: usize = 120;

/// How many characters of a body are looked at before the excerpt is cut: enough to fill the
/// excerpt after redaction, without walking a whole 1 MiB body.
const SCANNED_CHARS: usize = 4 * EXCERPT_BYTES;

/// Runs of token characters at least this long are hidden when they look random.
const TOKEN_LIKE_CHARS: usize = 16;

/// A short excerpt of a body, safe to show: in JSON (or what looks like it), every string value
/// becomes `"…"` while keys, numbers and punctuation stay, so the shape is visible but a token
/// is not. Other text (an HTML error page) is shown as is, cut short, with control characters
/// escaped. In both, a long run of token characters that looks random (a bare token in a
/// `text/plain` body, an unquoted value in broken JSON) becomes `…` too.
///
/// `scrub` removes the request's own secrets from the whole body before it is cut, so a server
/// that echoes a password cannot leave a prefix of it at the end of the excerpt.
pub(crate) fn body_excerpt(body: &[u8], scrub: Scrub<'_>) -> String {
    let mut text = String::from_utf8_lossy(body).into_owned();
    scrub(&mut text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return "an empty body".to_owned();
    }
    let (shown, cut) = if trimmed.starts_with(['{', '[', '"']) {
        redact_json_strings(trimmed)
    } else {
        let prefix = prefix_ending_between_runs(trimmed, SCANNED_CHARS);
        (prefix.to_owned(), prefix.len() < trimmed.len())
    };
    let shown = redact_token_like_runs(&shown);
    let mut excerpt: String = shown
        .chars()
        .flat_map(|c| {
            if c.is_control() {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .take(EXCERPT_BYTES)
        .collect();
    if cut || shown.chars().count() > EXCERPT_BYTES {
        excerpt.push('…');
    }
    format!("`{excerpt}`")
}

/// Replaces the contents of every JSON string that is not an object key with `…`; says whether
/// it stopped before the end of `text`.
fn redact_json_strings(text: &str) -> (String, bool) {
    let mut out = String::with_capacity(text.len().min(SCANNED_CHARS + 64));
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        // Stop only between runs of token characters, so no run is cut short of its length.
        if out.len() > SCANNED_CHARS && !is_token_char(c) {
            return (out, true);
        }
        if c != '"' {
            out.push(c);
            continue;
        }
        // Find the closing quote, honouring escapes; an unterminated string runs to the end.
        let mut end = text.len();
        let mut escaped = false;
        for (i, c) in chars.by_ref() {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => {
                    end = i;
                    break;
                }
                _ => {}
            }
        }
        let is_key = text[(end + 1).min(text.len())..]
            .trim_start()
            .starts_with(':');
        if is_key {
            out.push_str(&text[start..(end + 1).min(text.len())]);
        } else {
            out.push_str("\"…\"");
        }
    }
    (out, false)
}

/// The first `limit` characters of `text`, extended to the end of the run of token characters
/// in progress there.
fn prefix_ending_between_runs(text: &str, limit: usize) -> &str {
    let end = text
        .char_indices()
        .skip(limit)
        .find(|(_, c)| !is_token_char(*c))
        .map_or(text.len(), |(i, _)| i);
    &text[..end]
}

/// Characters that tokens are made of: base64, base64url, hex, JWT dots.
fn is_token_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | '~' | '+' | '/' | '=')
}

/// A run long enough to be a credential, with a digit or mixed case, the way random strings
/// have them and words do not.
fn looks_like_a_token(run: &str) -> bool {
    let upper = run.bytes().filter(u8::is_ascii_uppercase).count();
    let lower = run.bytes().filter(u8::is_ascii_lowercase).count();
    run.len() >= TOKEN_LIKE_CHARS
        && (run.bytes().any(|b| b.is_ascii_digit()) || (upper >= 2 && lower >= 2))
}

/// Replaces every run of token characters that looks like a token with `…`.
pub(crate) fn redact_token_like_runs(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run_start = None;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        match (run_start, is_token_char(c) && i < text.len()) {
            (None, true) => run_start = Some(i),
            (Some(start), false) => {
                let run = &text[start..i];
                out.push_str(if looks_like_a_token(run) { "…" } else { run });
                run_start = None;
                if i < text.len() {
                    out.push(c);
                }
            }
            (None, false) => {
                if i < text.len() {
                    out.push(c);
                }
            }
            (Some(_), true) => {}
        }
    }
    out
}

/// serde_json's description of a decode failure with every value from the body removed:
/// serde quotes the offending value (`invalid type: string "…"`), and that value may be a
/// token. Field names (`missing field `token``) stay.
pub(crate) fn describe_json_error(error: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match error.classify() {
        Category::Eof => "the body ends before the JSON is complete".to_owned(),
        Category::Syntax => format!(
            "the body is not valid JSON (line {}, column {})",
            error.line(),
            error.column()
        ),
        Category::Io => "the body could not be read".to_owned(),
        Category::Data => {
            let message = error.to_string();
            let message = message
                .rsplit_once(" at line ")
                .map_or(message.as_str(), |(m, _)| m);
            // Field names are kept, but `unknown field` names come from the body.
            format!(
                "{} (line {}, column {})",
                redact_token_like_runs(&redact_quoted_values(message)),
                error.line(),
                error.column()
            )
        }
    }
}

fn redact_quoted_values(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(open) = rest.find(['"', '`', '\'']) {
        let quote = rest[open..].chars().next().unwrap_or('"');
        let before = &rest[..open];
        let Some(close) = rest[open + 1..].find(quote) else {
            break;
        };
        let inner = &rest[open + 1..open + 1 + close];
        out.push_str(before);
        let names_a_field = before.ends_with("field ") || before.ends_with("fields ");
        let lists_expected = out.contains("expected one of");
        if names_a_field || lists_expected {
            out.push(quote);
            out.push_str(inner);
            out.push(quote);
        } else {
            out.push(quote);
            out.push('…');
            out.push(quote);
        }
        rest = &rest[open + 1 + close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_values_are_hidden_keys_are_kept() {
        let body = br#"{"data":{"token":"sekret-token","n":12},"list":["a\"b"]}"#;
        let excerpt = body_excerpt(body, &scrub_nothing);
        assert!(!excerpt.contains("sekret"), "{excerpt}");
        assert!(excerpt.contains(r#""token":"…""#), "{excerpt}");
        assert!(excerpt.contains(r#""n":12"#), "{excerpt}");
    }

    #[test]
    fn truncated_json_hides_an_unterminated_value() {
        let excerpt = body_excerpt(br#"{"token":"sekret-tok"#, &scrub_nothing);
        assert!(!excerpt.contains("sekret"), "{excerpt}");
    }

    #[test]
    fn html_is_shown_short() {
        let page = format!("<html><body>{}</body></html>", "x".repeat(500));
        let excerpt = body_excerpt(page.as_bytes(), &scrub_nothing);
        assert!(excerpt.starts_with("`<html><body>xxx"));
        assert!(excerpt.chars().count() < 130, "{excerpt}");
        assert_eq!(body_excerpt(b"  ", &scrub_nothing), "an empty body");
    }

    #[test]
    fn bare_and_unquoted_tokens_are_hidden() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl";
        for body in [
            jwt.to_owned(),
            format!("token={jwt}&x=1"),
            format!("{{\"token\":{jwt}}}"),
            format!("{{\"{jwt}\":1}}"),
            format!("<p>{jwt}</p>"),
            "tokenWithoutDigitsButMixedCase".to_owned(),
            "0123456789abcdef0123456789abcdef01234567".to_owned(),
        ] {
            let excerpt = body_excerpt(body.as_bytes(), &scrub_nothing);
            assert!(!excerpt.contains("eyJ"), "{excerpt}");
            assert!(
                !excerpt.contains("MixedCase") && !excerpt.contains("0123456789"),
                "{excerpt}"
            );
        }
        assert_eq!(body_excerpt(jwt.as_bytes(), &scrub_nothing), "`…`");
        // Words, status lines, short numbers and dates stay readable.
        let page = "<title>502 Bad Gateway</title> upstream-unavailable 2024-01-01T00:00:00Z";
        assert_eq!(
            body_excerpt(page.as_bytes(), &scrub_nothing),
            format!("`{page}`")
        );
        assert!(body_excerpt(br#"{"n":1700000000000}"#, &scrub_nothing).contains("1700000000000"));
    }

    #[test]
    fn the_scanned_part_ends_between_runs_not_inside_one() {
        assert_eq!(prefix_ending_between_runs("ab cdef gh", 4), "ab cdef");
        assert_eq!(prefix_ending_between_runs("ab cdef gh", 2), "ab");
        assert_eq!(prefix_ending_between_runs("abc", 10), "abc");
        let token = "Tok3nTok3nTok3nTok3n";
        for cut in 0..token.len() {
            let text = format!("{}{token} tail", "<".repeat(cut));
            let prefix = prefix_ending_between_runs(&text, cut + 3);
            assert!(
                !redact_token_like_runs(prefix).contains("Tok3n"),
                "{cut}: {prefix}"
            );
        }
    }

    #[test]
    fn a_huge_body_is_scanned_only_at_its_start() {
        let body = format!("<html>{}</html>", "word ".repeat(200_000));
        let excerpt = body_excerpt(body.as_bytes(), &scrub_nothing);
        assert!(excerpt.ends_with("…`"), "{excerpt}");
        let nested = "[".repeat(500_000);
        assert!(
            body_excerpt(nested.as_bytes(), &scrub_nothing)
                .chars()
                .count()
                < 130
        );
    }

    #[test]
    fn serde_messages_lose_values_but_keep_field_names() {
        let err = serde_json::from_str::<u64>(r#""sekret""#).unwrap_err();
        let described = describe_json_error(&err);
        assert!(!described.contains("sekret"), "{described}");
        assert!(described.contains("invalid type"), "{described}");

        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Wants {
            token: String,
        }
        let err = serde_json::from_str::<Wants>("{}").unwrap_err();
        assert_eq!(
            describe_json_error(&err),
            "missing field `token` (line 1, column 2)"
        );
        let err = serde_json::from_str::<Wants>(r#"{"token": 123456789}"#).unwrap_err();
        assert!(!describe_json_error(&err).contains("123456789"));
    }

    #[test]
    fn an_echoed_secret_is_scrubbed_before_the_cut() {
        // The password starts 107 characters in, so the 120-character excerpt would end inside
        // it; lowercase letters only, so the token-like-run rule does not hide it by itself.
        let page = format!("<p>{}pw: correcthorsebatterystaple</p>", "x ".repeat(50));
        let scrub = |text: &mut String| {
            *text = text.replace("correcthorsebatterystaple", "[REDACTED]");
        };
        let excerpt = body_excerpt(page.as_bytes(), &scrub);
        assert!(!excerpt.contains("correcthor"), "{excerpt}");
        assert!(body_excerpt(page.as_bytes(), &scrub_nothing).contains("correcthor"));
    }
}
