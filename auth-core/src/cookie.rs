//! `Set-Cookie` as a client reads it (RFC 6265 §5.2): the name, the value and when it expires.
//! Everything else a cookie says (domain, path, flags) is for browsers.

use std::time::{Duration, SystemTime};

use crate::secret::Secret;

/// One `Set-Cookie` header of a response.
pub(crate) struct SetCookie {
    pub(crate) name: String,
    pub(crate) value: Secret,
    pub(crate) expiry: CookieExpiry,
}

/// What a cookie's attributes say about its lifetime.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CookieExpiry {
    /// Neither `Max-Age` nor a readable `Expires`: a cookie for the browser's session.
    None,
    /// `Max-Age`, in seconds from when the response arrived. Zero or less deletes the cookie.
    MaxAge(i64),
    /// `Expires`.
    At(SystemTime),
}

impl CookieExpiry {
    /// When the cookie expires, for a response that arrived at `received`. `None` for a session
    /// cookie and for one the server deletes (`Max-Age` of zero or less, `Expires` not after
    /// `received`).
    pub(crate) fn at(self, received: SystemTime) -> Option<SystemTime> {
        match self {
            CookieExpiry::None => None,
            CookieExpiry::MaxAge(seconds) if seconds <= 0 => None,
            CookieExpiry::MaxAge(seconds) => {
                received.checked_add(Duration::from_secs(seconds.unsigned_abs()))
            }
            CookieExpiry::At(at) => (at > received).then_some(at),
        }
    }
}

/// Parses one `Set-Cookie` value; `None` when it sets no cookie (no `=` in its first part, or
/// an empty name).
pub(crate) fn parse_set_cookie(header: &str) -> Option<SetCookie> {
    let mut parts = header.split(';');
    let (name, value) = parts.next()?.split_once('=')?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mut max_age = None;
    let mut expires = None;
    for attribute in parts {
        let (key, value) = attribute.split_once('=').unwrap_or((attribute, ""));
        let (key, value) = (key.trim(), value.trim());
        if key.eq_ignore_ascii_case("max-age") {
            // RFC 6265 §5.2.2: a value that is not an optionally negative integer is ignored.
            let digits = value.strip_prefix('-').unwrap_or(value);
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                max_age = Some(value.parse::<i64>().unwrap_or(if value.starts_with('-') {
                    i64::MIN
                } else {
                    i64::MAX
                }));
            }
        } else if key.eq_ignore_ascii_case("expires") {
            expires = parse_cookie_date(value).or(expires);
        }
    }
    // `Max-Age` wins over `Expires` (§5.3, step 3).
    let expiry = match (max_age, expires) {
        (Some(seconds), _) => CookieExpiry::MaxAge(seconds),
        (None, Some(at)) => CookieExpiry::At(at),
        (None, None) => CookieExpiry::None,
    };
    Some(SetCookie {
        name: name.to_owned(),
        value: Secret::from(value.trim()),
        expiry,
    })
}

/// The cookie-date algorithm of RFC 6265 §5.1.1, which reads every date format servers send
/// (`Wed, 21 Oct 2015 07:28:00 GMT`, `Wednesday, 21-Oct-15 07:28:00 GMT`, asctime).
pub(crate) fn parse_cookie_date(text: &str) -> Option<SystemTime> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let is_delimiter = |c: char| matches!(c, '\t' | ' '..='/' | ';'..='@' | '['..='`' | '{'..='~');
    let (mut time, mut day, mut month, mut year) = (None, None, None, None);
    for token in text.split(is_delimiter).filter(|t| !t.is_empty()) {
        if time.is_none()
            && let Some(parsed) = parse_time(token)
        {
            time = Some(parsed);
        } else if day.is_none()
            && let Some(parsed) = leading_number(token, 1, 2)
        {
            day = Some(parsed);
        } else if month.is_none()
            && let Some(index) = token
                .get(..3)
                .and_then(|prefix| MONTHS.iter().position(|m| m.eq_ignore_ascii_case(prefix)))
        {
            month = Some(index as u32 + 1);
        } else if year.is_none()
            && let Some(parsed) = leading_number(token, 2, 4)
        {
            year = Some(parsed);
        }
    }
    let (hour, minute, second) = time?;
    let (day, month, mut year) = (day?, month?, year?);
    if (70..=99).contains(&year) {
        year += 1900;
    } else if year <= 69 {
        year += 2000;
    }
    if !(1..=31).contains(&day) || year < 1601 || hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let date = jiff::civil::Date::new(
        i16::try_from(year).ok()?,
        i8::try_from(month).ok()?,
        i8::try_from(day).ok()?,
    )
    .ok()?;
    let moment = jiff::tz::Offset::UTC
        .to_timestamp(date.at(hour as i8, minute as i8, second as i8, 0))
        .ok()?;
    SystemTime::try_from(moment).ok()
}

/// `hh:mm:ss` (one or two digits each) at the start of a token.
fn parse_time(token: &str) -> Option<(u32, u32, u32)> {
    let mut fields = token.splitn(3, ':');
    let hour = leading_number(fields.next()?, 1, 2)?;
    let minute = leading_number(fields.next()?, 1, 2)?;
    let second = leading_number(fields.next()?, 1, 2)?;
    Some((hour, minute, second))
}

/// A token that starts with `min` to `max` digits, not followed by another digit.
fn leading_number(token: &str, min: usize, max: usize) -> Option<u32> {
    let digits = token.bytes().take_while(u8::is_ascii_digit).count();
    if digits < min || digits > max {
        return None;
    }
    token[..digits].parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn name_value_and_attributes() {
        let cookie = parse_set_cookie(
            "grafana_session=abc123; Path=/; Max-Age=2592000; HttpOnly; SameSite=Lax",
        )
        .unwrap();
        assert_eq!(cookie.name, "grafana_session");
        assert_eq!(cookie.value.expose_secret(), "abc123");
        assert_eq!(cookie.expiry, CookieExpiry::MaxAge(2_592_000));
        assert_eq!(cookie.expiry.at(at(10)), Some(at(2_592_010)));

        let cookie = parse_set_cookie(" SID = x=y ; secure").unwrap();
        assert_eq!(
            (cookie.name.as_str(), cookie.value.expose_secret()),
            ("SID", "x=y")
        );
        assert_eq!(cookie.expiry, CookieExpiry::None);
        assert_eq!(cookie.expiry.at(at(10)), None);

        assert!(parse_set_cookie("no-equals-sign; Path=/").is_none());
        assert!(parse_set_cookie("=value").is_none());
        assert_eq!(
            parse_set_cookie("a=; Max-Age=0").unwrap().expiry.at(at(1)),
            None
        );
    }

    #[test]
    fn max_age_wins_over_expires_and_bad_values_are_ignored() {
        let cookie =
            parse_set_cookie("a=1; Expires=Wed, 21 Oct 2015 07:28:00 GMT; Max-Age=60").unwrap();
        assert_eq!(cookie.expiry, CookieExpiry::MaxAge(60));
        let cookie =
            parse_set_cookie("a=1; Max-Age=soon; expires=Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        assert_eq!(cookie.expiry, CookieExpiry::At(at(1_445_412_480)));
        let cookie = parse_set_cookie("a=1; Max-Age=-5").unwrap();
        assert_eq!(cookie.expiry.at(at(100)), None);
        let cookie = parse_set_cookie("a=1; Max-Age=99999999999999999999999").unwrap();
        assert_eq!(cookie.expiry, CookieExpiry::MaxAge(i64::MAX));
        assert_eq!(
            cookie.expiry.at(at(100)),
            at(100).checked_add(Duration::from_secs(i64::MAX as u64))
        );
    }

    #[test]
    fn cookie_dates_in_every_format_servers_use() {
        let expected = Some(at(1_445_412_480)); // 2015-10-21T07:28:00Z
        for text in [
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "Wednesday, 21-Oct-15 07:28:00 GMT",
            "Wed, 21-Oct-2015 07:28:00 GMT",
            "Wed Oct 21 07:28:00 2015",
            "21 October 2015 7:28:0",
        ] {
            assert_eq!(parse_cookie_date(text), expected, "{text}");
        }
        for bad in [
            "",
            "tomorrow",
            "Wed, 32 Oct 2015 07:28:00 GMT",
            "Wed, 21 Oct 2015 25:00:00",
            "Wed, 31 Feb 2015 07:28:00 GMT",
        ] {
            assert_eq!(parse_cookie_date(bad), None, "{bad}");
        }
    }
}
