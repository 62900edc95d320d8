//! [`TokenPresentation`]: how an access token is shown to a vendor's API on the app's own calls.

use std::borrow::Cow;
use std::fmt;

use reqwest::header::{AUTHORIZATION, COOKIE, HeaderMap, HeaderName};

use crate::error::{AuthError, ErrorKind};
use crate::secret::{Secret, sensitive_header_value};

/// How an access token is presented on the app's API calls: `Authorization: Bearer <token>`
/// (the default), a header of the vendor's own with or without a prefix, or a cookie.
///
/// None of the documented vendors states how its API expects the token, so the app says. A
/// library that knows a vendor's convention can export it as a constant for apps to pass:
///
/// ```
/// use auth_core::TokenPresentation;
/// use reqwest::header::{AUTHORIZATION, HeaderName};
///
/// /// `X-Auth-Token: <token>`.
/// pub const API_TOKEN: TokenPresentation =
///     TokenPresentation::header(HeaderName::from_static("x-auth-token"));
/// /// `Authorization: Token <token>`.
/// pub const TOKEN_SCHEME: TokenPresentation =
///     TokenPresentation::prefixed_header(AUTHORIZATION, "Token ");
/// /// `Cookie: session=<token>`.
/// pub const SESSION_COOKIE: TokenPresentation = TokenPresentation::cookie("session");
///
/// assert_eq!(TokenPresentation::default(), TokenPresentation::bearer());
/// ```
///
/// Every header it writes is marked sensitive, so the HTTP stack does not log it, and `Debug`
/// shows where the token goes, never the token.
#[derive(Clone, PartialEq, Eq)]
pub struct TokenPresentation {
    place: Place,
}

#[derive(Clone, PartialEq, Eq)]
enum Place {
    Header {
        name: HeaderName,
        prefix: &'static str,
    },
    Cookie {
        name: Cow<'static, str>,
    },
}

impl Default for TokenPresentation {
    fn default() -> Self {
        TokenPresentation::bearer()
    }
}

impl TokenPresentation {
    /// `Authorization: Bearer <token>` (RFC 6750), the default.
    pub const fn bearer() -> Self {
        TokenPresentation {
            place: Place::Header {
                name: AUTHORIZATION,
                prefix: "Bearer ",
            },
        }
    }

    /// The token alone as the value of header `name`.
    pub const fn header(name: HeaderName) -> Self {
        TokenPresentation::prefixed_header(name, "")
    }

    /// `prefix` and the token as the value of header `name`, such as
    /// `Authorization: Token <token>` (the separating space is part of the prefix).
    pub const fn prefixed_header(name: HeaderName, prefix: &'static str) -> Self {
        TokenPresentation {
            place: Place::Header { name, prefix },
        }
    }

    /// The token as the value of the cookie `name`, added to any `Cookie` header the request
    /// already has.
    pub const fn cookie(name: &'static str) -> Self {
        TokenPresentation {
            place: Place::Cookie {
                name: Cow::Borrowed(name),
            },
        }
    }

    /// A cookie whose name is known only at run time; see [`cookie`](TokenPresentation::cookie).
    pub fn cookie_named(name: impl Into<String>) -> Self {
        TokenPresentation {
            place: Place::Cookie {
                name: Cow::Owned(name.into()),
            },
        }
    }

    /// Puts `token` into `headers` as this presentation says, replacing a header of the same
    /// name (for a cookie: adding to the `Cookie` header, after replacing a cookie of the same
    /// name). `vendor` names the vendor in the error.
    ///
    /// Fails with [`ErrorKind::InvalidRequest`] when the cookie name is not a valid cookie name,
    /// or when the prefix and token cannot be carried in a header; the error never quotes the
    /// token.
    pub fn apply(
        &self,
        headers: &mut HeaderMap,
        token: &Secret,
        vendor: &'static str,
    ) -> Result<(), AuthError> {
        let token = token.expose_secret();
        let unusable = |what: &str| {
            AuthError::new(ErrorKind::InvalidRequest, vendor)
                .with_detail(format!("the token cannot be presented: {what}"))
        };
        match &self.place {
            Place::Header { name, prefix } => {
                let value = sensitive_header_value(format!("{prefix}{token}"))
                    .map_err(|_| unusable(&format!("`{name}` cannot carry its value")))?;
                headers.insert(name.clone(), value);
            }
            Place::Cookie { name } => {
                if !is_cookie_name(name) {
                    return Err(unusable(&format!("`{name}` is not a valid cookie name")));
                }
                if !token.bytes().all(is_cookie_octet) {
                    return Err(unusable("a cookie cannot carry its value"));
                }
                let mut cookies: Vec<String> = headers
                    .get_all(COOKIE)
                    .iter()
                    .filter_map(|value| value.to_str().ok())
                    .flat_map(|value| value.split(';'))
                    .map(str::trim)
                    .filter(|pair| !pair.is_empty())
                    .filter(|pair| pair.split('=').next() != Some(name.as_ref()))
                    .map(str::to_owned)
                    .collect();
                cookies.push(format!("{name}={token}"));
                let value = sensitive_header_value(cookies.join("; "))
                    .map_err(|_| unusable("the `Cookie` header cannot carry it"))?;
                headers.insert(COOKIE, value);
            }
        }
        Ok(())
    }
}

impl fmt::Debug for TokenPresentation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Header { name, prefix } => write!(f, "{name}: {prefix}<token>"),
            Place::Cookie { name } => write!(f, "cookie {name}=<token>"),
        }
    }
}

/// A cookie name is an RFC 9110 token: visible ASCII except separators.
fn is_cookie_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|byte| byte.is_ascii_graphic() && !b"()<>@,;:\\\"/[]?={}".contains(&byte))
}

/// RFC 6265 `cookie-octet`: visible ASCII except `"`, `,`, `;` and `\`.
fn is_cookie_octet(byte: u8) -> bool {
    byte.is_ascii_graphic() && !b"\",;\\".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_shows_the_place_not_a_token() {
        assert_eq!(
            format!("{:?}", TokenPresentation::bearer()),
            "authorization: Bearer <token>"
        );
        assert_eq!(
            format!("{:?}", TokenPresentation::cookie("sid")),
            "cookie sid=<token>"
        );
        assert_eq!(
            format!(
                "{:?}",
                TokenPresentation::header(HeaderName::from_static("x-auth-token"))
            ),
            "x-auth-token: <token>"
        );
    }

    #[test]
    fn cookie_names_and_values() {
        assert!(is_cookie_name("session_id"));
        assert!(!is_cookie_name(""));
        assert!(!is_cookie_name("a=b"));
        assert!(!is_cookie_name("a b"));
        assert!(b"abc.-_~+/=".iter().all(|byte| is_cookie_octet(*byte)));
        assert!(!is_cookie_octet(b';'));
        assert!(!is_cookie_octet(b' '));
    }
}
