//! Stage 3: checks that relate several keys or fields of one endpoint.

use darling::Error;

use crate::ast::{
    Endpoint, Expiry, Field, FieldSource, HeaderPiece, Placement, Source, Value,
    path_is_well_formed, plain_name,
};
use crate::attr::BasicPart;

/// Names the macro generates on the struct or its builder, which a field must not take.
pub const RESERVED_FIELD_NAMES: &[&str] = &["build", "builder", "send", "send_to"];

pub fn check(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    check_field_names(endpoint, errors);
    check_body_keys(endpoint, errors);
    check_flat_keys(endpoint, errors);
    check_headers(endpoint, errors);
    check_path_parameters(endpoint, errors);
    check_placeholder_sigils(endpoint, errors);
    check_header_templates(endpoint, errors);
    check_basic_auth(endpoint, errors);
    check_cookies(endpoint, errors);
    check_refresh(endpoint, errors);
    check_credential_paths(endpoint, errors);
    check_credential_constants(endpoint, errors);
    check_oauth_grant(endpoint, errors);
}

/// OAuth 2.0's `grant_type` (RFC 6749), sent as a constant, against what the struct is: a
/// refresh request (`refreshes = Login`) sends `refresh_token` (§6), and a login another grant
/// (`password`, `client_credentials`, ...). A refresh copied from its login with the login's
/// grant, or a login written with the refresh grant, is refused by every server; reported at
/// the value, with the grant to write.
fn check_oauth_grant(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    if endpoint.refreshes_unread {
        return;
    }
    let refresh = endpoint.refreshes.is_some();
    // A struct with a refresh's fields but no `refreshes` is reported as that, by
    // `check_refresh`.
    if !refresh
        && endpoint
            .fields
            .iter()
            .any(|field| !matches!(field.source, FieldSource::Builder))
    {
        return;
    }
    // Only the first `grant_type` is checked: another is reported as a key written twice.
    let mut seen = false;
    for constant in &endpoint.constants {
        let name = match &constant.placement {
            Placement::JsonBody(keys) => keys.join("."),
            Placement::FormBody(key) | Placement::Query(key) => key.as_str().to_owned(),
            _ => continue,
        };
        let crate::attr::ConstantValue::Str(grant, span) = &constant.value else {
            continue;
        };
        if name != "grant_type" || std::mem::replace(&mut seen, true) {
            continue;
        }
        let is_refresh_grant = grant == "refresh_token";
        let message = match (refresh, is_refresh_grant) {
            (true, false) => format!(
                "a refresh request sends OAuth 2.0's refresh grant (RFC 6749 §6), not the login's `{grant}`: write `grant_type = \"refresh_token\"`"
            ),
            (false, true) => "a login with OAuth 2.0's refresh grant is the refresh request of another login: declare it with `refreshes = Login`, naming that login, and its refresh token `#[login(secret, refresh_token)]`; a login itself sends its own grant, such as `grant_type = \"password\"`".to_owned(),
            _ => continue,
        };
        errors.push(Error::custom(message).with_span(span));
    }
}

/// A constant named as a credential (`constant(client_secret = "...")`, `query(api_key =
/// "...")`, `header(name = "authorization", value = "Basic ...")`): it would be shown in
/// `Debug` and kept in the program's text. A credential is a field, set by the app.
fn check_credential_constants(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    for constant in &endpoint.constants {
        let name = match &constant.placement {
            Placement::JsonBody(keys) => keys.last().cloned().unwrap_or_default(),
            other => other.name(),
        };
        // `key` alone is an API key in a query (`?key=...`); `Authorization` beside Basic
        // credentials is reported as their conflict.
        let basic = endpoint
            .fields
            .iter()
            .flat_map(Field::placements)
            .any(|placement| matches!(placement, Placement::BasicAuth(_)));
        let is_credential = crate::ast::is_credential_name(&name)
            || (matches!(constant.placement, Placement::Query(_))
                && name.eq_ignore_ascii_case("key"))
            || (matches!(constant.placement, Placement::Header(_))
                && name.eq_ignore_ascii_case("authorization")
                && !basic);
        // A header whose value has a `{placeholder}` is filled from a field, a secret one.
        if !is_credential || constant.header_template().is_some() {
            continue;
        }
        let field: String = name
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        let placement = match &constant.placement {
            Placement::JsonBody(keys) if keys.len() == 1 && field == keys[0] => String::new(),
            Placement::FormBody(_) if field == name => String::new(),
            Placement::JsonBody(_) | Placement::FormBody(_) => {
                format!(", rename = \"{}\"", constant.placement.name())
            }
            Placement::Query(_) => format!(", query = \"{name}\""),
            Placement::Header(_) => format!(", header = \"{name}\""),
            Placement::Cookie(_) => format!(", cookie = \"{name}\""),
            _ => String::new(),
        };
        errors.push(
            Error::custom(format!(
                "`{name}` is a credential, so it is not a constant: a constant is shown in `Debug` and kept in the program's text; declare a field the app sets, `#[login(secret{placement})] {field}: Secret`"
            ))
            .with_span(&constant.placement.span()),
        );
    }
}

/// `/realms/${realm}`, as shell and JavaScript templates write a placeholder: the `{realm}` is
/// filled, and the `$` would be sent before it. Reported at the path, with the path to write.
fn check_placeholder_sigils(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let path = endpoint.path.as_str();
    for sigil in ['$', '#', '%'] {
        let written = format!("{sigil}{{");
        if !path.contains(&written) {
            continue;
        }
        errors.push(
            Error::custom(format!(
                "a placeholder is written `{{name}}` alone, without the `{sigil}` before it, which would be sent as part of the path; write `path = \"{}\"`",
                path.replace(&written, "{")
            ))
            .with_span(&endpoint.path.span()),
        );
        return;
    }
}

/// The values whose placement was read: a field whose `#[login(...)]` has a mistake is left
/// out of the checks that relate placements.
fn read_values(endpoint: &Endpoint) -> impl Iterator<Item = (&Placement, Value<'_>)> {
    endpoint
        .values()
        .filter(|(_, value)| !matches!(value, Value::Field(field) if field.unread))
}

/// Whether every field's placement was read, so a missing counterpart (a placeholder's field,
/// the other half of Basic credentials) is really missing.
fn all_read(endpoint: &Endpoint) -> bool {
    endpoint.fields.iter().all(|field| !field.unread)
}

/// How a value is named in errors: the field, or the key that declares the constant.
fn describe(placement: &Placement, value: &Value<'_>) -> String {
    match value {
        Value::Field(field) => format!("`{}`", field.ident),
        Value::Constant(_) => match placement {
            Placement::Query(key) => format!("`query({} = ...)`", key.as_str()),
            Placement::Header(name) => format!("`header(name = \"{}\", ...)`", name.as_str()),
            Placement::Cookie(name) => format!("`cookie({} = ...)`", name.as_str()),
            other => format!("`constant({} = ...)`", other.name()),
        },
    }
}

fn check_field_names(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    for field in &endpoint.fields {
        let name = field.ident.to_string();
        if RESERVED_FIELD_NAMES.contains(&name.as_str()) {
            errors.push(
                Error::custom(format!(
                    "a field named `{name}` would clash with the generated `{name}` method; rename the field and keep the JSON key with `#[login(rename = \"{name}\")]`"
                ))
                .with_span(&field.ident),
            );
        }
        // `maybe_x` is the generated setter of an optional `x` that takes an `Option`.
        if field.optional.is_some() {
            let maybe = format!("maybe_{name}");
            if let Some(other) = endpoint.fields.iter().find(|other| other.ident == maybe) {
                errors.push(
                    Error::custom(format!(
                        "a field named `{maybe}` would clash with the generated `{maybe}` setter of the optional field `{name}`; rename one of them"
                    ))
                    .with_span(&other.ident),
                );
            }
        }
    }
}

/// Two values may not write the same JSON key, and a key may not be both a value and an object
/// (`password` and `password.value`).
fn check_body_keys(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let body: Vec<_> = read_values(endpoint)
        .filter_map(|(placement, value)| match placement {
            Placement::JsonBody(keys) => Some((placement, value, keys)),
            _ => None,
        })
        .collect();
    // A constant that a field's dotted key nests under (`constant(params = "{}")` beside
    // `rename = "params.username"`) is one mistake however many fields nest there: reported
    // once, at the constant.
    let mut shadowed: Vec<&[String]> = Vec::new();
    for (i, (placement, value, keys)) in body.iter().enumerate() {
        for (other_placement, other, other_keys) in &body[..i] {
            let shorter = keys.len().min(other_keys.len());
            if keys[..shorter] != other_keys[..shorter] {
                continue;
            }
            let (this, that) = (describe(placement, value), describe(other_placement, other));
            let constant_under_fields = [(value, keys, other_keys), (other, other_keys, keys)]
                .into_iter()
                .find(|(value, keys, nested)| {
                    matches!(value, Value::Constant(_)) && keys.len() < nested.len()
                });
            if let Some((_, keys, nested)) = constant_under_fields {
                if shadowed.contains(&keys.as_slice()) {
                    continue;
                }
                shadowed.push(keys.as_slice());
                let key = keys.join(".");
                errors.push(
                    Error::custom(format!(
                        "`constant({key} = ...)` writes `{key}` as a value, but the fields renamed `{}` and the like write `{key}` as an object of their keys; remove the constant (the object is built from the fields), or nest the constant's own keys the same way, `constant({key}.version = ...)`",
                        nested.join("."),
                    ))
                    .with_span(&keys.span()),
                );
                continue;
            }
            let message = if keys.len() == other_keys.len() {
                format!(
                    "{this} writes the JSON key `{}`, which {that} already writes; give one of them another key",
                    keys.join("."),
                )
            } else {
                format!(
                    "{this} (JSON `{}`) and {that} (JSON `{}`) overlap: a key cannot hold both a value and an object",
                    keys.join("."),
                    other_keys.join(".")
                )
            };
            errors.push(Error::custom(message).with_span(&keys.span()));
        }
    }
}

/// A form or query key is given once: a constant array repeats a key on purpose.
fn check_flat_keys(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let mut seen: Vec<(bool, &str, String)> = Vec::new();
    for (placement, value) in read_values(endpoint) {
        let (is_query, key) = match placement {
            Placement::FormBody(key) => (false, key),
            Placement::Query(key) => (true, key),
            _ => continue,
        };
        let this = describe(placement, &value);
        if let Some((_, _, that)) = seen
            .iter()
            .find(|(query, seen_key, _)| *query == is_query && *seen_key == key.as_str())
        {
            let hint = if matches!(value, Value::Constant(_)) {
                "keep one, or give the values as an array to repeat the key: `key = [\"a\", \"b\"]`"
            } else {
                "keep one"
            };
            errors.push(
                Error::custom(format!(
                    "{this} sends the {} `{}`, which {that} already sends; {hint}",
                    if is_query {
                        "query parameter"
                    } else {
                        "form key"
                    },
                    key.as_str()
                ))
                .with_span(&key.span()),
            );
        } else {
            seen.push((is_query, key.as_str(), this));
        }
    }
}

fn check_headers(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let mut seen: Vec<&str> = Vec::new();
    let has_basic = endpoint
        .fields
        .iter()
        .flat_map(Field::placements)
        .any(|placement| matches!(placement, Placement::BasicAuth(_)));
    for (placement, value) in read_values(endpoint) {
        let Placement::Header(name) = placement else {
            continue;
        };
        if name.as_str() == "content-type" {
            errors.push(Error::custom("the content type is set with `content_type = \"...\"`; a field cannot be sent as `content-type`").with_span(&name.span()));
        } else if name.as_str() == "authorization" && has_basic {
            errors.push(
                Error::custom(format!(
                    "{} sets `authorization`, which the `basic_auth` fields already set; remove one",
                    describe(placement, &value)
                ))
                .with_span(&name.span()),
            );
        } else if seen.contains(&name.as_str()) {
            errors.push(
                Error::custom(format!(
                    "header `{}` is declared twice; keep one",
                    name.as_str()
                ))
                .with_span(&name.span()),
            );
        } else {
            seen.push(name.as_str());
        }
    }
}

/// Each `{placeholder}` in a declared header's value has a field placed `in_header` of it, and
/// each such field a placeholder.
fn check_header_templates(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let templates: Vec<_> = endpoint
        .constants
        .iter()
        .filter_map(|constant| {
            let (name, pieces) = constant.header_template()?;
            Some((name, pieces, constant.value.span()))
        })
        .collect();
    // `${key}` and `{{key}}`, placeholders as shells and Postman write them: the `$` or the
    // outer braces would be sent around the value.
    for (name, pieces, span) in &templates {
        for window in pieces.windows(2) {
            let [HeaderPiece::Text(before), HeaderPiece::Field(placeholder)] = window else {
                continue;
            };
            let (written, sent) = if before.ends_with('$') {
                (format!("${{{placeholder}}}"), "after a `$`")
            } else if before.ends_with('{') {
                (format!("{{{{{placeholder}}}}}"), "in braces")
            } else {
                continue;
            };
            errors.push(
                Error::custom(format!(
                    "the value of header `{}` writes `{written}`, which would send the field's value {sent}; a placeholder is `{{{placeholder}}}`",
                    name.as_str()
                ))
                .with_span(span),
            );
        }
    }
    // `value = "Bearer{api_token}"`: an `Authorization` scheme and its credentials are
    // separated by a space (RFC 9110 §11.4), and without it no server reads the scheme.
    for (name, pieces, span) in &templates {
        if !matches!(name.as_str(), "authorization" | "proxy-authorization") {
            continue;
        }
        if let [
            HeaderPiece::Text(scheme),
            HeaderPiece::Field(placeholder),
            ..,
        ] = pieces.as_slice()
            && !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            errors.push(
                Error::custom(format!(
                    "the value of header `{}` sends the scheme `{scheme}` and the field with no space between them; write `\"{scheme} {{{placeholder}}}\"`",
                    name.as_str()
                ))
                .with_span(span),
            );
        }
    }
    let mut reported: Vec<(&str, &str)> = Vec::new();
    // The fields whose placeholder was reported spelt another way, by header.
    let mut paired: Vec<(&str, String)> = Vec::new();
    for (name, pieces, span) in &templates {
        for piece in pieces {
            let HeaderPiece::Field(placeholder) = piece else {
                continue;
            };
            let filled = endpoint.fields.iter().any(|field| {
                field.ident == placeholder
                    && field.placements().any(|placement| matches!(placement, Placement::InHeader(header) if header.as_str() == name.as_str()))
            });
            if filled || !all_read(endpoint) || reported.contains(&(name.as_str(), placeholder)) {
                continue;
            }
            reported.push((name.as_str(), placeholder));
            let field = endpoint
                .fields
                .iter()
                .find(|field| field.ident == placeholder);
            // The field is there, sent `in_header` of a header that is not declared: that
            // name is the mistake, reported below with this one's.
            let misnamed = field.is_some_and(|field| {
                field.placements().any(|placement| {
                    matches!(placement, Placement::InHeader(header)
                        if !templates.iter().any(|(name, _, _)| name.as_str() == header.as_str()))
                })
            });
            if misnamed {
                continue;
            }
            // `{deviceId}` for the field `device_id`: the field meant, sent in this header,
            // whose own placeholder is missing; one error, here, for both.
            let spelt_otherwise = endpoint.fields.iter().find(|field| {
                plain_name(&field.ident.to_string()) == plain_name(placeholder)
                    && field.placements().any(|placement| matches!(placement, Placement::InHeader(header) if header.as_str() == name.as_str()))
                    && !pieces.iter().any(|piece| matches!(piece, HeaderPiece::Field(other) if field.ident == other))
            });
            if let Some(field) = spelt_otherwise {
                let ident = &field.ident;
                paired.push((name.as_str(), ident.to_string()));
                errors.push(
                    Error::custom(format!(
                        "`{{{placeholder}}}` in the value of header `{}` is named like no field; a placeholder is named like the field that fills it: write `{{{ident}}}`",
                        name.as_str()
                    ))
                    .with_span(span),
                );
                continue;
            }
            let message = match field {
                Some(_) => format!(
                    "`{{{placeholder}}}` in the value of header `{0}` has no field sent in it; add `in_header = \"{0}\"` to the `#[login(...)]` of `{placeholder}`, or take it out of the value",
                    name.as_str(),
                ),
                None => format!(
                    "`{{{placeholder}}}` in the value of header `{0}` has no field; add `#[login(in_header = \"{0}\")] {placeholder}: String` to the struct (`#[login(secret, in_header = \"{0}\")] {placeholder}: Secret` for a credential), or take it out of the value",
                    name.as_str(),
                ),
            };
            errors.push(Error::custom(message).with_span(span));
        }
    }
    for (field, placement) in endpoint
        .fields
        .iter()
        .flat_map(|field| field.placements().map(move |placement| (field, placement)))
    {
        let Placement::InHeader(header) = placement else {
            continue;
        };
        let declared = templates
            .iter()
            .find(|(name, _, _)| name.as_str() == header.as_str());
        let ident = &field.ident;
        match declared {
            Some((_, pieces, _))
                if pieces
                    .iter()
                    .any(|piece| matches!(piece, HeaderPiece::Field(name) if ident == name)) => {}
            Some(_)
                if paired
                    .iter()
                    .any(|(name, paired)| *name == header.as_str() && ident == paired) => {}
            Some(_) => errors.push(
                Error::custom(format!(
                    "the value of header `{}` has no `{{{ident}}}`; write `{{{ident}}}` in it where `{ident}` goes",
                    header.as_str()
                ))
                .with_span(&header.span()),
            ),
            None => {
                // A declared header whose value has this field's placeholder is the one meant.
                let meant = templates.iter().find(|(_, pieces, _)| {
                    pieces
                        .iter()
                        .any(|piece| matches!(piece, HeaderPiece::Field(name) if ident == name))
                });
                let message = match meant {
                    Some((name, _, _)) => format!(
                        "`in_header = \"{}\"` names no declared header; the header whose value has `{{{ident}}}` is `{}`: write `in_header = \"{}\"`",
                        header.as_str(),
                        name.as_str(),
                        name.as_str()
                    ),
                    None => format!(
                        "`in_header = \"{0}\"` names a header that is not declared with placeholders; declare it with `{{{ident}}}` where the value goes, e.g. `header(name = \"{0}\", value = \"Scheme {ident}=\\\"{{{ident}}}\\\"\")`",
                        header.as_str()
                    ),
                };
                errors.push(Error::custom(message).with_span(&header.span()));
            }
        }
    }
}

/// Each `{placeholder}` of the path has exactly one field, and each path field a placeholder.
fn check_path_parameters(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    // A malformed path is reported on its own; its placeholders mean nothing.
    if !path_is_well_formed(&endpoint.path) {
        return;
    }
    let placeholders = endpoint.placeholders();
    let path_fields: Vec<_> = endpoint
        .fields
        .iter()
        .flat_map(|field| field.placements().map(move |placement| (field, placement)))
        .filter_map(|(field, placement)| match placement {
            // An empty name is reported where it is read.
            Placement::Path(name) if !name.is_empty() => Some((field, name)),
            _ => None,
        })
        .collect();
    // A path field whose name is a placeholder's, but for case or `_`/`-` (`tenantid` for
    // `{tenantId}`), is one mistake: reported once, at the field's name.
    let near = |placeholder: &str, name: &str| {
        let plain = |text: &str| text.replace(['_', '-'], "").to_ascii_lowercase();
        placeholder != name && plain(placeholder) == plain(name)
    };
    let misnamed = |placeholder: &str| {
        !path_fields
            .iter()
            .any(|(_, name)| name.as_str() == placeholder)
            && path_fields
                .iter()
                .any(|(_, name)| near(placeholder, name) && !placeholders.contains(&name.as_str()))
    };
    // One placeholder without a field and one path field naming no placeholder: the field's
    // name for it is the mistake (`path = "tenant_id"` for `{tenant}`), reported once, at it.
    let unfilled: Vec<&str> = placeholders
        .iter()
        .copied()
        .filter(|placeholder| {
            !path_fields
                .iter()
                .any(|(_, name)| name.as_str() == *placeholder)
        })
        .collect();
    let unmatched: Vec<_> = path_fields
        .iter()
        .filter(|(_, name)| {
            !placeholders.contains(&name.as_str())
                && !endpoint
                    .base_url
                    .as_deref()
                    .is_some_and(|url| url.contains(&format!("{{{}}}", name.as_str())))
        })
        .collect();
    let paired: Option<(&str, &syn::Ident)> = match (unfilled.as_slice(), unmatched.as_slice()) {
        ([placeholder], [(field, _)]) if all_read(endpoint) => Some((placeholder, &field.ident)),
        _ => None,
    };
    let mut reported: Vec<&str> = Vec::new();
    for placeholder in &placeholders {
        if path_fields
            .iter()
            .any(|(_, name)| name.as_str() == *placeholder)
            || reported.contains(placeholder)
            || misnamed(placeholder)
            || paired.is_some_and(|(paired, _)| paired == *placeholder)
            // A field whose attribute could not be read, or whose placeholder's name is empty
            // (reported), may be the one meant for it.
            || !all_read(endpoint)
            || endpoint.fields.iter().flat_map(Field::placements).any(|placement| {
                matches!(placement, Placement::Path(name) if name.is_empty())
            })
        {
            continue;
        }
        reported.push(placeholder);
        // A field of that name that goes elsewhere (the body, by default) was meant for it.
        if let Some(field) = endpoint
            .fields
            .iter()
            .find(|field| field.ident == placeholder && !field.unread)
        {
            errors.push(
                Error::custom(format!(
                    "`{{{placeholder}}}` in `path` has no field, and `{placeholder}` is sent {}; mark it `#[login(path)]` to fill the placeholder",
                    match &field.placement {
                        Placement::JsonBody(_) => "in the JSON body",
                        Placement::FormBody(_) => "in the form body",
                        Placement::Query(_) => "in the query",
                        Placement::Header(_) => "as a header",
                        Placement::InHeader(_) => "in a header's value",
                        Placement::BasicAuth(_) => "in the Basic credentials",
                        Placement::Cookie(_) => "as a cookie",
                        Placement::Path(_) => "in the path",
                    }
                ))
                .with_span(&field.ident),
            );
            continue;
        }
        errors.push(
            Error::custom(format!(
                "`{{{placeholder}}}` in `path` has no field; add `#[login(path)] {placeholder}: String` to the struct, or take it out of the path"
            ))
            .with_span(&endpoint.path.span()),
        );
    }
    for (i, (field, name)) in path_fields.iter().enumerate() {
        let in_base_url = endpoint
            .base_url
            .as_deref()
            .is_some_and(|url| url.contains(&format!("{{{}}}", name.as_str())));
        if !placeholders.contains(&name.as_str()) && in_base_url {
            // Its placeholder is in `base_url`, where it is reported.
            continue;
        }
        if !placeholders.contains(&name.as_str()) {
            // `/realms/:realm` and `/realms/<realm>` are how some documents write a parameter.
            let written_otherwise = [
                format!(":{}", name.as_str()),
                format!("<{}>", name.as_str()),
            ]
            .into_iter()
            .find(|written| endpoint.path.contains(written.as_str()));
            if let Some(written) = written_otherwise {
                errors.push(
                    Error::custom(format!(
                        "a placeholder is written `{{{}}}`, not `{written}`; write `path = \"{}\"`",
                        name.as_str(),
                        endpoint
                            .path
                            .replacen(&written, &format!("{{{}}}", name.as_str()), 1)
                    ))
                    .with_span(&endpoint.path.span()),
                );
                continue;
            }
            if let Some((placeholder, ident)) = paired.filter(|(_, ident)| *ident == &field.ident)
                && !placeholders.iter().any(|p| near(p, name.as_str()))
            {
                let bare = if ident == placeholder {
                    " (or `#[login(path)]`, which names it after the field)".to_owned()
                } else {
                    String::new()
                };
                errors.push(
                    Error::custom(format!(
                        "`{ident}` fills `{{{}}}`, which `path` does not have; the placeholder with no field is `{{{placeholder}}}`: write `#[login(path = \"{placeholder}\")]`{bare}",
                        name.as_str(),
                    ))
                    .with_span(&name.span()),
                );
                continue;
            }
            if let Some(placeholder) = placeholders
                .iter()
                .find(|placeholder| near(placeholder, name.as_str()))
            {
                errors.push(
                    Error::custom(format!(
                        "`{}` fills `{{{}}}`, but the path's placeholder is `{{{placeholder}}}`; names are matched exactly: write `#[login(path = \"{placeholder}\")]`",
                        field.ident,
                        name.as_str(),
                    ))
                    .with_span(&name.span()),
                );
                continue;
            }
            let known = if placeholders.is_empty() {
                "it has no placeholder".to_owned()
            } else {
                format!(
                    "its placeholders are {}",
                    placeholders
                        .iter()
                        .map(|p| format!("`{{{p}}}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            };
            errors.push(
                Error::custom(format!(
                    "`{}` is sent in the path as `{{{}}}`, but `path` does not use it ({known}); add `{{{}}}` to `path`, or send the field elsewhere",
                    field.ident,
                    name.as_str(),
                    name.as_str()
                ))
                .with_span(&name.span()),
            );
        } else if let Some((other, _)) = path_fields[..i]
            .iter()
            .find(|(_, other)| other.as_str() == name.as_str())
        {
            errors.push(
                Error::custom(format!(
                    "`{}` and `{}` both fill `{{{}}}`; keep one",
                    other.ident,
                    field.ident,
                    name.as_str()
                ))
                .with_span(&name.span()),
            );
        }
    }
}

/// HTTP Basic needs one user and one password, the password a secret.
fn check_basic_auth(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let mut user = None;
    let mut password = None;
    for (field, placement) in endpoint
        .fields
        .iter()
        .flat_map(|field| field.placements().map(move |placement| (field, placement)))
    {
        let Placement::BasicAuth(part) = placement else {
            continue;
        };
        let slot = match **part {
            BasicPart::User => &mut user,
            BasicPart::Password => &mut password,
        };
        let (which, written) = match **part {
            BasicPart::User => ("user", "basic_auth = user"),
            BasicPart::Password => ("password", "basic_auth = password"),
        };
        if let Some((first, _)) = slot.replace((field, part.span())) {
            errors.push(
                Error::custom(format!(
                    "`{}` and `{}` are both the Basic {which}; keep `{written}` on one",
                    first.ident, field.ident
                ))
                .with_span(&part.span()),
            );
        }
        if **part == BasicPart::Password && field.secret.is_none() {
            errors.push(
                Error::custom(format!(
                    "the Basic password is a credential; make `{}` a `Secret` marked `#[login(secret, basic_auth = password)]`",
                    field.ident
                ))
                .with_span(&part.span()),
            );
        }
    }
    if !all_read(endpoint) {
        return;
    }
    match (user, password) {
        (Some((field, span)), None) => errors.push(
            Error::custom(format!(
                "HTTP Basic credentials need a password too; add a field `#[login(secret, basic_auth = password)] password: Secret` next to `{}`",
                field.ident
            ))
            .with_span(&span),
        ),
        (None, Some((field, span))) => errors.push(
            Error::custom(format!(
                "HTTP Basic credentials need a user too; add a field `#[login(basic_auth = user)] username: String` next to `{}`",
                field.ident
            ))
            .with_span(&span),
        ),
        _ => {}
    }
}

/// A token or expiry path whose last field is named for the other token's (`token =
/// refresh_token`, `expires_in = refresh_expires_in`): the session would keep the refresh token
/// as its access token, or renew at the other token's time. Both of a pair written the other
/// way round are one mistake, reported once, at the first. A field named so that holds the
/// other value keeps its JSON name under another Rust name, with serde's `rename`.
fn check_swapped_names(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let credentials = &endpoint.credentials;
    let refresh_named = |name: &str| plain_name(name).starts_with("refresh");
    let token = last_field_name(&credentials.token).filter(|(name, ..)| refresh_named(name));
    let refresh = credentials
        .refresh_token
        .as_ref()
        .and_then(last_field_name)
        .filter(|(name, ..)| {
            matches!(
                plain_name(name).as_str(),
                "accesstoken" | "idtoken" | "sessiontoken"
            )
        });
    report_swap(
        ("token", token),
        ("refresh_token", refresh),
        (
            "the access token",
            "the access token, which every request after the login sends",
        ),
        (
            "the refresh token",
            "the refresh token, sent only to renew the session",
        ),
        errors,
    );
    let expiry_key = |expiry: &Expiry, refresh: bool| {
        let key = match expiry {
            Expiry::At(..) | Expiry::OfCookie(_) => "expires_at",
            Expiry::In(..) => "expires_in",
        };
        if refresh {
            format!("refresh_{key}")
        } else {
            key.to_owned()
        }
    };
    let expiry_path = |expiry: &Expiry| match expiry {
        Expiry::At(source, _) | Expiry::In(source, _) => last_field_name(source),
        Expiry::OfCookie(_) => None,
    };
    let access = credentials.expiry.as_ref().map(|expiry| {
        let found = expiry_path(expiry).filter(|(name, ..)| refresh_named(name));
        (expiry_key(expiry, false), found)
    });
    let renewal = credentials.refresh_expiry.as_ref().map(|expiry| {
        let found = expiry_path(expiry).filter(|(name, ..)| {
            matches!(
                plain_name(name).as_str(),
                "expiresin" | "expiresat" | "exp" | "accesstokenexpiresin" | "accesstokenexpiresat"
            )
        });
        (expiry_key(expiry, true), found)
    });
    let (access_key, access) = access.unwrap_or_else(|| ("expires_in".to_owned(), None));
    let (renewal_key, renewal) = renewal.unwrap_or_else(|| ("refresh_expires_in".to_owned(), None));
    report_swap(
        (&access_key, access),
        (&renewal_key, renewal),
        ("the access token's expiry", "the access token's expiry"),
        ("the refresh token's expiry", "the refresh token's expiry"),
        errors,
    );
}

/// The error of [`check_swapped_names`] for one pair of keys, each with the field it reads
/// when that field is named for the other key.
fn report_swap(
    (first_key, first): (&str, Option<(String, String, proc_macro2::Span)>),
    (second_key, second): (&str, Option<(String, String, proc_macro2::Span)>),
    (first_noun, first_reads): (&str, &str),
    (second_noun, second_reads): (&str, &str),
    errors: &mut darling::error::Accumulator,
) {
    let keep = |written: &str, noun: &str| {
        format!(
            " (a field so named that does hold {noun} is declared under another Rust name, keeping its JSON name with `#[serde(rename = \"{written}\")]`)"
        )
    };
    match (first, second) {
        (Some((first_name, first_path, span)), Some((_, second_path, _))) => errors.push(
            Error::custom(format!(
                "`{first_key}` and `{second_key}` are the other way round: `{first_key}` reads {first_reads}, and `{first_name}` is named for the other; write `{first_key} = {second_path}, {second_key} = {first_path}`"
            ))
            .with_span(&span),
        ),
        (Some((name, _, span)), None) => errors.push(
            Error::custom(format!(
                "`{name}` is named for {second_reads}, but `{first_key}` reads {first_reads}; point `{first_key}` at the field that holds {first_noun}, and read `{name}` with `{second_key} = ...`{}",
                keep(&name, first_noun)
            ))
            .with_span(&span),
        ),
        (None, Some((name, _, span))) => errors.push(
            Error::custom(format!(
                "`{name}` is named for {first_reads}, but `{second_key}` reads {second_reads}; point `{second_key}` at the field that holds {second_noun}, and read `{name}` with `{first_key} = ...`{}",
                keep(&name, second_noun)
            ))
            .with_span(&span),
        ),
        (None, None) => {}
    }
}

/// The last field a body path names, as written (`refresh_token` of `data.refresh_token`), with
/// the whole path and its span.
fn last_field_name(source: &Source) -> Option<(String, String, proc_macro2::Span)> {
    let Source::Body(path) = source else {
        return None;
    };
    let Some(crate::field_path::Segment::Field(syn::Member::Named(last))) = path.segments.last()
    else {
        return None;
    };
    Some((
        last.to_string().trim_start_matches("r#").to_owned(),
        path.dotted(),
        path.span,
    ))
}

fn check_credential_paths(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let credentials = &endpoint.credentials;
    if let Some(refresh) = &credentials.refresh_token
        && refresh.same_as(&credentials.token)
    {
        let what = match refresh {
            Source::Body(_) => "field",
            Source::Header(..) => "header",
            Source::Cookie(_) => "cookie",
        };
        errors.push(
            Error::custom(format!("`refresh_token` names the same {what} as `token`; point it at the refresh token, or leave it out"))
                .with_span(&refresh.span()),
        );
    }
    check_swapped_names(endpoint, errors);
    if let (Some(fixed), Some(idle)) = (&endpoint.lifetime, &endpoint.idle_timeout)
        && **idle > **fixed
    {
        errors.push(
            Error::custom("`idle_timeout` is longer than `lifetime`, so it can never apply; check the vendor's document")
                .with_span(&idle.span()),
        );
    }
}

/// Each cookie is sent once, and the `Cookie` header is written from the cookies alone.
fn check_cookies(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let mut seen: Vec<(&str, String)> = Vec::new();
    let mut has_cookies = false;
    for (placement, value) in read_values(endpoint) {
        let Placement::Cookie(name) = placement else {
            continue;
        };
        has_cookies = true;
        let this = describe(placement, &value);
        if let Some((_, that)) = seen.iter().find(|(seen, _)| *seen == name.as_str()) {
            errors.push(
                Error::custom(format!(
                    "{this} sends the cookie `{}`, which {that} already sends; keep one",
                    name.as_str()
                ))
                .with_span(&name.span()),
            );
        } else {
            seen.push((name.as_str(), this));
        }
    }
    if !has_cookies {
        return;
    }
    for (placement, value) in read_values(endpoint) {
        if let Placement::Header(name) = placement
            && name.as_str() == "cookie"
        {
            errors.push(
                Error::custom(format!(
                    "{} sets `cookie`, which the cookies of this request already set; send each cookie with `cookie(name = ...)` or `#[login(cookie = \"...\")]` instead",
                    describe(placement, &value)
                ))
                .with_span(&name.span()),
            );
        }
    }
}

/// A refresh request (`refreshes = Login`) is made by the authenticator alone: one field takes
/// the refresh token, a secret, and every other field is copied from the login. A login has
/// neither.
fn check_refresh(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let Some(login) = &endpoint.refreshes else {
        if endpoint.refreshes_unread {
            return;
        }
        for field in &endpoint.fields {
            let (key, span) = match &field.source {
                FieldSource::Builder => continue,
                FieldSource::RefreshToken(span) => ("refresh_token", span),
                FieldSource::FromLogin { span, .. } => ("from_login", span),
            };
            errors.push(
                Error::custom(format!(
                    "`#[login({key})]` is for a refresh request, whose fields the authenticator fills; add `refreshes = Login` to `#[login_endpoint(...)]`, naming the login it refreshes, or remove `{key}`"
                ))
                .with_span(span),
            );
        }
        return;
    };
    let login_name = login
        .segments
        .last()
        .map(|segment| segment.ident.to_string())
        .unwrap_or_default();
    if login.is_ident(&endpoint.item.ident) {
        // `refreshes = Refresh` on `Refresh`: its sessions come from the login it refreshes.
        errors.push(
            Error::custom(format!(
                "`refreshes` names the login whose sessions this request refreshes, and `{login_name}` is this request itself: write `refreshes = Login`, with the login's name"
            ))
            .with_span(login),
        );
        return;
    }
    if let Some(refresh) = &endpoint.refresh {
        // A refresh request is renewed by the login's own refresh, not by one of its own.
        errors.push(
            Error::custom(format!(
                "`refresh` names the request that refreshes a login's sessions, and this is a refresh request (`refreshes = {login_name}`); remove `refresh` here, and to have `{login_name}` refreshed by `{}`, write `refresh = {}` in `{login_name}`'s `#[login_endpoint(...)]`",
                endpoint.item.ident, endpoint.item.ident
            ))
            .with_span(refresh),
        );
    }
    let declares_refresh_token = endpoint
        .fields
        .iter()
        .any(|field| matches!(field.source, FieldSource::RefreshToken(_)));
    // Without one, the first secret field left to the builder is the refresh token whose
    // mark was forgotten: one error says so, rather than two.
    let forgotten = (!declares_refresh_token)
        .then(|| {
            endpoint.fields.iter().find(|field| {
                matches!(field.source, FieldSource::Builder)
                    && field.secret.is_some()
                    && !field.unread
            })
        })
        .flatten();
    let mut refresh_token: Option<&crate::ast::Field> = None;
    for field in &endpoint.fields {
        match &field.source {
            FieldSource::RefreshToken(span) => {
                if let Some(first) = refresh_token {
                    errors.push(
                        Error::custom(format!(
                            "`{}` and `{}` both carry the refresh token; keep `refresh_token` on one",
                            first.ident, field.ident
                        ))
                        .with_span(span),
                    );
                } else {
                    refresh_token = Some(field);
                }
                if field.optional.is_some() {
                    errors.push(
                        Error::custom(format!(
                            "a refresh request always sends the refresh token, so `{}` cannot be an `Option`; make it `Secret`",
                            field.ident
                        ))
                        .with_span(&field.ty),
                    );
                } else if field.secret.is_none() && !field.unread {
                    errors.push(
                        Error::custom(format!(
                            "the refresh token is a credential; make `{}` a `Secret` marked `#[login(secret, refresh_token)]`",
                            field.ident
                        ))
                        .with_span(span),
                    );
                }
            }
            FieldSource::FromLogin { .. } => {}
            FieldSource::Builder if field.unread => {}
            FieldSource::Builder if forgotten.is_some_and(|forgotten| forgotten.ident == field.ident) => {
                errors.push(
                    Error::custom(format!(
                        "`refreshes = {login_name}` needs the field that carries the session's refresh token; if `{}` is that field, mark it `#[login(secret, refresh_token)]`",
                        field.ident
                    ))
                    .with_span(&field.ident),
                );
            }
            FieldSource::Builder => errors.push(
                Error::custom(format!(
                    "`{}` has no value when the authenticator refreshes: mark it `#[login(from_login)]` to copy `{login_name}`'s field of that name (or `#[login(from_login = other_field)]`), or send a fixed value with `constant(...)`",
                    field.ident
                ))
                .with_span(&field.ident),
            ),
        }
    }
    if refresh_token.is_none() && forgotten.is_none() && all_read(endpoint) {
        errors.push(
            Error::custom(format!(
                "`refreshes = {login_name}` needs the field that carries the session's refresh token; add `#[login(secret, refresh_token)] refresh_token: Secret`, placed as the vendor documents (`rename`, `header`, `cookie`, `query`)"
            ))
            .with_span(login),
        );
    }
}
