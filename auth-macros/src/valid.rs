//! Stage 3: checks that relate several keys or fields of one endpoint.

use darling::Error;

use crate::ast::{Endpoint, Placement, Source};

/// Names the macro generates on the struct or its builder, which a field must not take.
pub const RESERVED_FIELD_NAMES: &[&str] = &["build", "builder", "send", "send_to"];

pub fn check(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    check_field_names(endpoint, errors);
    check_body_keys(endpoint, errors);
    check_headers(endpoint, errors);
    check_credential_paths(endpoint, errors);
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
    }
}

/// Two fields may not write the same JSON key, and a key may not be both a value and an object
/// (`password` and `password.value`).
fn check_body_keys(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let body: Vec<_> = endpoint
        .fields
        .iter()
        .filter_map(|field| match &field.placement {
            Placement::Body(keys) => Some((field, keys)),
            Placement::Header(_) => None,
        })
        .collect();
    for (i, (field, keys)) in body.iter().enumerate() {
        for (other, other_keys) in &body[..i] {
            let shorter = keys.len().min(other_keys.len());
            if keys[..shorter] != other_keys[..shorter] {
                continue;
            }
            let message = if keys.len() == other_keys.len() {
                format!(
                    "`{}` writes the JSON key `{}`, which `{}` already writes; give one of them another `#[login(rename = \"...\")]`",
                    field.ident,
                    keys.join("."),
                    other.ident
                )
            } else {
                format!(
                    "`{}` (JSON `{}`) and `{}` (JSON `{}`) overlap: a key cannot hold both a value and an object",
                    field.ident,
                    keys.join("."),
                    other.ident,
                    other_keys.join(".")
                )
            };
            errors.push(Error::custom(message).with_span(&keys.span()));
        }
    }
}

fn check_headers(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let mut seen: Vec<&str> = Vec::new();
    let declared = endpoint.headers.iter().map(|(name, _)| name);
    let from_fields = endpoint
        .fields
        .iter()
        .filter_map(|field| match &field.placement {
            Placement::Header(name) => Some(name),
            Placement::Body(_) => None,
        });
    for name in declared.chain(from_fields) {
        if name.as_str() == "content-type" {
            errors.push(Error::custom("the content type is set with `content_type = \"...\"`; a field cannot be sent as `content-type`").with_span(&name.span()));
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

fn check_credential_paths(endpoint: &Endpoint, errors: &mut darling::error::Accumulator) {
    let credentials = &endpoint.credentials;
    if let Some(refresh) = &credentials.refresh_token
        && refresh.same_as(&credentials.token)
    {
        let what = match refresh {
            Source::Body(_) => "field",
            Source::Header(_) => "header",
            Source::Cookie(_) => "cookie",
        };
        errors.push(
            Error::custom(format!("`refresh_token` names the same {what} as `token`; point it at the refresh token, or leave it out"))
                .with_span(&refresh.span()),
        );
    }
    if let (Some(fixed), Some(idle)) = (&endpoint.lifetime, &endpoint.idle_timeout)
        && **idle > **fixed
    {
        errors.push(
            Error::custom("`idle_timeout` is longer than `lifetime`, so it can never apply; check the vendor's document")
                .with_span(&idle.span()),
        );
    }
}
