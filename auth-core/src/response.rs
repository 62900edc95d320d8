//! Turning a response into a [`Session`] or an [`AuthError`].

use std::time::SystemTime;

use serde::de::DeserializeOwned;

use crate::client::RawResponse;
use crate::endpoint::{EndpointSpec, LoginEndpoint};
use crate::error::{AuthError, ErrorKind, VendorError};
use crate::excerpt::{Scrub, body_excerpt, describe_json_error};
use crate::session::Session;

/// Interprets a response: a session for a 2xx that states no failure and carries a token, an
/// error for everything else.
pub(crate) fn interpret<E: LoginEndpoint>(
    raw: RawResponse,
    scrub: Scrub<'_>,
) -> Result<Session<E::Response>, AuthError> {
    let spec = E::SPEC;
    if !(200..300).contains(&raw.status) {
        let kind = spec.kind_for_status(raw.status);
        return Err(vendor_failure::<E::ErrorBody>(spec, &raw, kind, scrub));
    }
    let response: E::Response = decode(spec, raw.status, &raw.body, scrub)?;
    if E::__body_failed(&response) {
        return Err(vendor_failure::<E::ErrorBody>(
            spec,
            &raw,
            ErrorKind::Rejected,
            scrub,
        ));
    }
    let credentials = E::__credentials(&response).map_err(|expected| {
        AuthError::new(ErrorKind::Decode, spec.vendor())
            .with_status(raw.status)
            .with_detail(format!(
                "expected {expected} in the success body; the body was {}",
                body_excerpt(&raw.body, scrub)
            ))
    })?;
    Ok(Session::new(
        spec.vendor(),
        credentials,
        spec.lifetime(),
        SystemTime::now(),
        response,
    ))
}

/// Decodes a JSON body, or says what was expected and shows a safe excerpt of what arrived.
///
/// Plain serde_json, so decoding costs what a hand-written client pays; the error names the
/// field and position serde reports, and the excerpt shows the body's shape.
pub(crate) fn decode<T: DeserializeOwned>(
    spec: &EndpointSpec,
    status: u16,
    body: &[u8],
    scrub: Scrub<'_>,
) -> Result<T, AuthError> {
    serde_json::from_slice(body).map_err(|error| {
        AuthError::new(ErrorKind::Decode, spec.vendor())
            .with_status(status)
            .with_detail(format!(
                "expected a JSON `{}`: {}; the body was {}",
                short_type_name::<T>(),
                describe_json_error(&error),
                body_excerpt(body, scrub)
            ))
    })
}

/// The error for a response the vendor marked as failed: the kind from the status (or the
/// body-failure default), refined by what the vendor's error body says.
fn vendor_failure<B: VendorError>(
    spec: &EndpointSpec,
    raw: &RawResponse,
    kind: ErrorKind,
    scrub: Scrub<'_>,
) -> AuthError {
    let has_body = !raw.body.iter().all(u8::is_ascii_whitespace);
    let body = has_body.then(|| serde_json::from_slice::<B>(&raw.body).ok());
    let kind = match &body {
        Some(Some(body)) => body.kind().unwrap_or(kind),
        _ => kind,
    };
    let retry_after = raw.retry_after.or_else(|| {
        (kind == ErrorKind::Locked)
            .then(|| spec.lockout())
            .flatten()
    });
    let error = AuthError::new(kind, spec.vendor())
        .with_status(raw.status)
        .with_retry_after(retry_after);
    match body {
        Some(Some(body)) => error
            .with_vendor_code(body.code())
            .with_message(body.message().map(str::to_owned))
            .with_field_errors(body.field_errors()),
        // The status still says what happened; the body is kept as a safe excerpt.
        Some(None) => error.with_detail(format!(
            "the error body was not the documented shape: {}",
            body_excerpt(&raw.body, scrub)
        )),
        None => error,
    }
}

fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    let without_generics = full.split('<').next().unwrap_or(full);
    without_generics.rsplit("::").next().unwrap_or(full)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names() {
        assert_eq!(
            short_type_name::<crate::error::NoErrorBody>(),
            "NoErrorBody"
        );
        assert_eq!(short_type_name::<Vec<u8>>(), "Vec");
    }
}
