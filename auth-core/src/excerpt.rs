//! Short, token-free descriptions of response bodies for error messages.

/// How many bytes of a body an error shows at most.
const EXCERPT_BYTES: usize = 120;

/// A short excerpt of a body, safe to show: in JSON (or what looks like it), every string value
/// becomes `"…"` while keys, numbers and punctuation stay, so the shape is visible but a token
/// is not. Other text (an HTML error page) is shown as is, cut short, with control characters
/// escaped.
pub(crate) fn body_excerpt(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return "an empty body".to_owned();
    }
    let shown = if trimmed.starts_with('{') || trimmed.starts_with('[') || trimmed.starts_with('"')
    {
        redact_json_strings(trimmed)
    } else {
        trimmed.to_owned()
    };
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
    if shown.chars().count() > EXCERPT_BYTES {
        excerpt.push('…');
    }
    format!("`{excerpt}`")
}

/// Replaces the contents of every JSON string that is not an object key with `…`.
fn redact_json_strings(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(4 * EXCERPT_BYTES));
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
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
        if out.len() > 4 * EXCERPT_BYTES {
            break;
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
            redact_quoted_values(message)
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
        let excerpt = body_excerpt(body);
        assert!(!excerpt.contains("sekret"), "{excerpt}");
        assert!(excerpt.contains(r#""token":"…""#), "{excerpt}");
        assert!(excerpt.contains(r#""n":12"#), "{excerpt}");
    }

    #[test]
    fn truncated_json_hides_an_unterminated_value() {
        let excerpt = body_excerpt(br#"{"token":"sekret-tok"#);
        assert!(!excerpt.contains("sekret"), "{excerpt}");
    }

    #[test]
    fn html_is_shown_short() {
        let page = format!("<html><body>{}</body></html>", "x".repeat(500));
        let excerpt = body_excerpt(page.as_bytes());
        assert!(excerpt.starts_with("`<html><body>xxx"));
        assert!(excerpt.chars().count() < 130, "{excerpt}");
        assert_eq!(body_excerpt(b"  "), "an empty body");
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
        assert_eq!(describe_json_error(&err), "missing field `token`");
        let err = serde_json::from_str::<Wants>(r#"{"token": 123456789}"#).unwrap_err();
        assert!(!describe_json_error(&err).contains("123456789"));
    }
}
