//! Removing a secret from a text: as given, and in the escaped forms a vendor can echo it in.
//!
//! A vendor that quotes the JSON request body in its error message sends the password
//! JSON-escaped (`hun"ter\2` as `hun\"ter\\2`, `péss` as `p\u00e9ss`); an HTML error page
//! sends it HTML-escaped (`hun&quot;ter&lt;3`); one that logs the request line or the form
//! sends it percent-encoded (`Pw%219%20hk`, `Pw%219+hk`), and some send it back base64-encoded
//! or in capitals. Those forms are replaced too, wherever they differ from the value itself.

use zeroize::Zeroizing;

/// What a secret is replaced with.
const REDACTED: &str = "[REDACTED]";

/// Values shorter than this are left in place: they would match ordinary text by chance.
const MIN_SECRET_BYTES: usize = 3;

/// Replaces every occurrence of `secret` in `text`, as given, JSON-escaped, HTML-escaped,
/// percent-encoded and base64-encoded, in any case of its ASCII letters, with `[REDACTED]`. A
/// secret shorter than 3 bytes is left.
///
/// The escaped and encoded forms are only written out when the text holds the character
/// every such form is told apart by (`\`, `&`, `%` or `+`), or, for base64, when the secret
/// is long enough to be told from ordinary words; the usual case costs a few searches.
pub(crate) fn redact(text: &mut String, secret: &str) {
    if secret.len() < MIN_SECRET_BYTES || text.len() < secret.len() {
        return;
    }
    // Escaped forms before the value itself: an escaped form can hold the value (`&amp;x`
    // escaped is `&amp;amp;x`), and redacting the value first would leave a piece of the
    // form around `[REDACTED]`.
    if secret.bytes().any(json_changes) && text.contains('\\') {
        for form in json_forms(secret) {
            replace(text, &form);
        }
    }
    if secret.bytes().any(html_changes) && text.contains('&') {
        for form in html_forms(secret) {
            replace(text, &form);
        }
    }
    if secret.bytes().any(percent_changes) && (text.contains('%') || text.contains('+')) {
        for form in percent_forms(secret) {
            replace(text, &form);
        }
    }
    // A page in Latin-1 echoing a secret with accented letters is shown decoded as UTF-8,
    // each of those letters as `\u{FFFD}`.
    if !secret.is_ascii() && text.contains('\u{FFFD}') {
        let lossy: String = secret
            .chars()
            .map(|c| if c.is_ascii() { c } else { '\u{FFFD}' })
            .collect();
        replace(text, &Zeroizing::new(lossy));
    }
    if secret.len() >= MIN_BASE64_SECRET_BYTES {
        for form in base64_forms(secret) {
            replace(text, &form);
        }
    }
    replace(text, secret);
}

/// Values shorter than this are not looked for base64-encoded: four to eight letters of
/// base64 turn up in ordinary text.
const MIN_BASE64_SECRET_BYTES: usize = 6;

/// Replaces each occurrence of `value` in `text`, whatever the case of its ASCII letters (a
/// server may echo a secret upper- or lowercased, hex escapes come in either case, and a URL's
/// host is lowercased). Lowercasing ASCII letters keeps every byte offset, so the matches
/// found in the lowercased text are the ranges to replace in `text`.
fn replace(text: &mut String, value: &str) {
    if value.is_empty() {
        return;
    }
    let haystack = Zeroizing::new(text.to_ascii_lowercase());
    let needle = Zeroizing::new(value.to_ascii_lowercase());
    if !haystack.contains(needle.as_str()) {
        return;
    }
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (start, _) in haystack.match_indices(needle.as_str()) {
        if start < last {
            continue;
        }
        out.push_str(&text[last..start]);
        out.push_str(REDACTED);
        last = start + needle.len();
    }
    out.push_str(&text[last..]);
    let mut old = std::mem::replace(text, out);
    zeroize::Zeroize::zeroize(&mut old);
}

/// Whether percent-encoding, in one of the forms of [`percent_forms`], changes this byte.
fn percent_changes(byte: u8) -> bool {
    !byte.is_ascii_alphanumeric() && !matches!(byte, b'-' | b'.' | b'_' | b'~')
}

/// The secret percent-encoded as servers and their frameworks write it back: every byte but
/// letters and digits encoded, RFC 3986's unreserved characters kept, or JavaScript's
/// `encodeURIComponent` set kept; each with a space as `%20` and as `+` (forms). The hex is
/// matched in either case by [`replace`].
fn percent_forms(secret: &str) -> Vec<Zeroizing<String>> {
    use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
    const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
        .remove(b'-')
        .remove(b'.')
        .remove(b'_')
        .remove(b'~');
    const URI_COMPONENT: &AsciiSet = &UNRESERVED
        .remove(b'!')
        .remove(b'*')
        .remove(b'\'')
        .remove(b'(')
        .remove(b')');
    let mut forms = Vec::new();
    for set in [NON_ALPHANUMERIC, UNRESERVED, URI_COMPONENT] {
        let encoded = Zeroizing::new(utf8_percent_encode(secret, set).to_string());
        let plus = Zeroizing::new(encoded.replace("%20", "+"));
        push_new(&mut forms, secret, plus);
        push_new(&mut forms, secret, encoded);
    }
    forms
}

/// The secret base64-encoded on its own, in the standard and the URL-safe alphabets, with and
/// without padding (the Basic credentials' `user:password` pair is looked for as well, as the
/// request's encoded secret).
fn base64_forms(secret: &str) -> Vec<Zeroizing<String>> {
    use base64::Engine as _;
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    let mut forms = Vec::new();
    for engine in [STANDARD, URL_SAFE, STANDARD_NO_PAD, URL_SAFE_NO_PAD] {
        push_new(
            &mut forms,
            secret,
            Zeroizing::new(engine.encode(secret.as_bytes())),
        );
    }
    forms
}

/// Whether JSON escaping, in one of the forms of [`json_forms`], changes this byte.
fn json_changes(byte: u8) -> bool {
    matches!(byte, b'"' | b'\\' | b'/') || byte < 0x20 || !byte.is_ascii()
}

/// Whether HTML escaping, in one of the forms of [`html_forms`], changes this byte.
fn html_changes(byte: u8) -> bool {
    matches!(byte, b'"' | b'&' | b'<' | b'>' | b'\'')
}

/// How a JSON encoder writes a string's contents, beyond what every encoder escapes (`"`,
/// `\` and control characters).
#[derive(Clone, Copy)]
struct JsonStyle {
    /// Every non-ASCII character as `\uXXXX` (a surrogate pair above U+FFFF), as Python's
    /// `json.dumps` and PHP's `json_encode` write them, instead of as it is.
    ascii_only: bool,
    /// `\u00E9` rather than `\u00e9`, as Java's and .NET's encoders write it.
    upper_hex: bool,
    /// `/` as `\/`, as PHP's `json_encode` writes it.
    escaped_slash: bool,
}

/// The secret JSON-escaped in each style that gives a form other than the value itself:
/// serde_json's (lowercase `\u00XX` for control characters, the rest as it is) and the
/// variations of [`JsonStyle`].
fn json_forms(secret: &str) -> Vec<Zeroizing<String>> {
    let mut forms: Vec<Zeroizing<String>> = Vec::new();
    for ascii_only in [false, true] {
        for upper_hex in [false, true] {
            for escaped_slash in [false, true] {
                let style = JsonStyle {
                    ascii_only,
                    upper_hex,
                    escaped_slash,
                };
                push_new(&mut forms, secret, json_escaped(secret, style));
            }
        }
    }
    forms
}

/// `secret` as the contents of a JSON string written in `style`.
fn json_escaped(secret: &str, style: JsonStyle) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(secret.len() + 16));
    let unit = |out: &mut String, unit: u16| {
        out.push_str("\\u");
        for shift in [12, 8, 4, 0] {
            let digit = u32::from((unit >> shift) & 0xf);
            let hex = char::from_digit(digit, 16).unwrap_or('0');
            out.push(if style.upper_hex {
                hex.to_ascii_uppercase()
            } else {
                hex
            });
        }
    };
    for c in secret.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '/' if style.escaped_slash => out.push_str("\\/"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => unit(&mut out, c as u16),
            c if !c.is_ascii() && style.ascii_only => {
                let mut units = [0; 2];
                for &u in c.encode_utf16(&mut units).iter() {
                    unit(&mut out, u);
                }
            }
            c => out.push(c),
        }
    }
    out
}

/// How `"` is written in HTML: as it is (in text, outside an attribute), or as one of its
/// references.
const HTML_QUOTE: [&str; 4] = ["\"", "&quot;", "&#34;", "&#x22;"];

/// How `'` is written in HTML: as it is, or as one of its references.
const HTML_APOSTROPHE: [&str; 5] = ["'", "&#39;", "&#039;", "&#x27;", "&apos;"];

/// The secret HTML-escaped in each style that gives a form other than the value itself: `&`,
/// `<` and `>` as `&amp;`, `&lt;` and `&gt;`, with `"` and `'` each as it is or as any of its
/// references. Only the characters the secret holds multiply the forms.
fn html_forms(secret: &str) -> Vec<Zeroizing<String>> {
    let quotes: &[&str] = if secret.contains('"') {
        &HTML_QUOTE
    } else {
        &HTML_QUOTE[..1]
    };
    let apostrophes: &[&str] = if secret.contains('\'') {
        &HTML_APOSTROPHE
    } else {
        &HTML_APOSTROPHE[..1]
    };
    let mut forms = Vec::new();
    for quote in quotes {
        for apostrophe in apostrophes {
            let mut out = Zeroizing::new(String::with_capacity(secret.len() + 16));
            for c in secret.chars() {
                match c {
                    '&' => out.push_str("&amp;"),
                    '<' => out.push_str("&lt;"),
                    '>' => out.push_str("&gt;"),
                    '"' => out.push_str(quote),
                    '\'' => out.push_str(apostrophe),
                    c => out.push(c),
                }
            }
            push_new(&mut forms, secret, out);
        }
    }
    forms
}

/// Adds `form` unless it is the secret itself or already listed.
fn push_new(forms: &mut Vec<Zeroizing<String>>, secret: &str, form: Zeroizing<String>) {
    if form.as_str() != secret && !forms.iter().any(|known| known.as_str() == form.as_str()) {
        forms.push(form);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn redacted(text: &str, secret: &str) -> String {
        let mut text = text.to_owned();
        redact(&mut text, secret);
        text
    }

    #[test]
    fn the_plain_style_is_serde_jsons() {
        let all_controls: String = (0u8..0x20).map(char::from).collect();
        for secret in [
            "hun\"ter\\2x",
            "péss-word",
            "a/b/c",
            "emoji 😀 tab\t",
            all_controls.as_str(),
            "\u{7f}\u{80}\u{2028}\u{fffd}",
        ] {
            let quoted = serde_json::to_string(secret).unwrap();
            let plain = json_escaped(
                secret,
                JsonStyle {
                    ascii_only: false,
                    upper_hex: false,
                    escaped_slash: false,
                },
            );
            assert_eq!(format!("\"{}\"", plain.as_str()), quoted);
        }
    }

    #[test]
    fn the_ascii_only_style_decodes_to_the_secret() {
        let secret = "p\u{e9}ss/\u{1f600}\u{7}\"";
        for upper_hex in [false, true] {
            for escaped_slash in [false, true] {
                let form = json_escaped(
                    secret,
                    JsonStyle {
                        ascii_only: true,
                        upper_hex,
                        escaped_slash,
                    },
                );
                assert!(form.is_ascii(), "{}", form.as_str());
                let decoded: String = serde_json::from_str(&format!("\"{}\"", form.as_str()))
                    .unwrap_or_else(|e| panic!("{}: {e}", form.as_str()));
                assert_eq!(decoded, secret);
            }
        }
        let form = |upper_hex| {
            json_escaped(
                "\u{1f600}",
                JsonStyle {
                    ascii_only: true,
                    upper_hex,
                    escaped_slash: false,
                },
            )
        };
        assert_eq!(form(false).as_str(), "\\ud83d\\ude00");
        assert_eq!(form(true).as_str(), "\\uD83D\\uDE00");
    }

    #[test]
    fn json_escaped_forms_are_redacted() {
        let secret = "hun\"ter\\2x";
        assert_eq!(
            redacted(r#"{"password":"hun\"ter\\2x"} rejected"#, secret),
            r#"{"password":"[REDACTED]"} rejected"#
        );
        let secret = "péss-word/1";
        for echoed in [
            r"p\u00e9ss-word/1",
            r"p\u00E9ss-word/1",
            r"p\u00e9ss-word\/1",
            r"péss-word\/1",
            "péss-word/1",
        ] {
            assert_eq!(
                redacted(&format!("got <{echoed}>"), secret),
                "got <[REDACTED]>"
            );
        }
        assert_eq!(
            redacted(r"tab\there", "tab\there"),
            "[REDACTED]",
            "a control character as its short escape"
        );
    }

    #[test]
    fn html_escaped_forms_are_redacted() {
        let secret = "hun\"ter<3 & 'x'";
        for echoed in [
            "hun&quot;ter&lt;3 &amp; &#39;x&#39;",
            "hun&#34;ter&lt;3 &amp; &#39;x&#39;",
            "hun&#x22;ter&lt;3 &amp; &apos;x&apos;",
            "hun&quot;ter&lt;3 &amp; &#x27;x&#x27;",
            "hun&quot;ter&lt;3 &amp; 'x'",
            "hun\"ter&lt;3 &amp; 'x'",
            "hun\"ter<3 & 'x'",
        ] {
            assert_eq!(
                redacted(&format!("<p>{echoed}</p>"), secret),
                "<p>[REDACTED]</p>",
                "{echoed}"
            );
        }
        assert_eq!(redacted("a&gt;b&gt;c", "a>b>c"), "[REDACTED]");
    }

    #[test]
    fn a_form_that_holds_the_value_leaves_nothing_of_it() {
        // `&amp;x1` escaped is `&amp;amp;x1`: redacting the value first would leave `&amp;`.
        assert_eq!(
            redacted("<b>&amp;amp;x1</b>", "&amp;x1"),
            "<b>[REDACTED]</b>"
        );
    }

    #[test]
    fn percent_encoded_forms_are_redacted_in_either_case_of_hex() {
        let secret = "Pw!9 hk#Qz/x";
        for echoed in [
            "Pw%219%20hk%23Qz%2Fx",
            "Pw%219+hk%23Qz%2Fx",
            "pw%219+hk%23qz%2fx",
            "Pw!9%20hk%23Qz%2Fx",
        ] {
            let text = format!("bad password {echoed} for me");
            assert_eq!(
                redacted(&text, secret),
                "bad password [REDACTED] for me",
                "{echoed}"
            );
        }
    }

    #[test]
    fn base64_and_recased_forms_are_redacted() {
        let secret = "Pw!9 hk#Qz/x";
        for echoed in ["UHchOSBoayNRei94", "PW!9 HK#QZ/X", "pw!9 hk#qz/x"] {
            let text = format!("got {echoed}.");
            assert_eq!(redacted(&text, secret), "got [REDACTED].", "{echoed}");
        }
        // A short value is not looked for in base64, whose short runs are ordinary words.
        assert_eq!(redacted("YWJj abc", "abc"), "YWJj [REDACTED]");
    }

    #[test]
    fn a_secret_echoed_in_latin_1_and_shown_lossily_is_redacted() {
        let page = b"<p>wrong password p\xe4ssw\xf6rd-zz</p>";
        let mut text = String::from_utf8_lossy(page).into_owned();
        redact(&mut text, "p\u{e4}ssw\u{f6}rd-zz");
        assert_eq!(text, "<p>wrong password [REDACTED]</p>");
    }

    #[test]
    fn text_around_a_match_is_kept_as_it_was() {
        let text = "Été: TOKEN-1 and token-1 and é";
        assert_eq!(
            redacted(text, "token-1"),
            "Été: [REDACTED] and [REDACTED] and é"
        );
    }

    #[test]
    fn short_secrets_and_forms_equal_to_the_value_are_left_alone() {
        assert_eq!(redacted(r#"a\"b"#, "\"b"), r#"a\"b"#);
        assert_eq!(redacted("ab", "abc"), "ab");
        assert!(json_forms("plain-secret").is_empty());
        assert!(html_forms("plain-secret").is_empty());
        // One form per distinct spelling: a secret with neither quote has one HTML form.
        assert_eq!(html_forms("a<b").len(), 1);
        assert_eq!(html_forms("a\"b'c").len(), 4 * 5 - 1);
    }
}
