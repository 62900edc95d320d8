//! Project Thanos: username/password login for Retailer and Supplier accounts.
//!
//! `POST https://stable.projectthanos.com/api/organizations/user-login/` with
//! `Content-Type: application/json; charset=utf-8` and a JSON body of `username` and
//! `password`. The answer carries `auth_token` and the account's identifiers: `org_uuid`,
//! `user_uuid`, `retailer_uuid` (Retailer accounts only), `supplier_uuid` (Supplier accounts
//! only; an empty string otherwise) and `org_type`.
//!
//! Status codes, as documented: 400 (something required is missing), 401 (wrong username or
//! password), 403 (no permission), 404 (wrong URL), 415 (a syntax problem). The document shows
//! no error body and no token lifetime, so errors carry only the status, and
//! [`Session::expires_at`](auth_core::Session::expires_at) is `None`.

use auth_core::{Secret, login_endpoint};
use serde::{Deserialize, Deserializer};

/// Username/password login. Build it with [`Login::builder`].
#[login_endpoint(
    vendor = "Project Thanos",
    base_url = "https://stable.projectthanos.com",
    path = "/api/organizations/user-login/",
    content_type = "application/json; charset=utf-8",
    response = LoginResponse,
    token = auth_token,
    status(
        400 => InvalidRequest,
        401 => InvalidCredentials,
        403 => Forbidden,
        404 => NotFound,
        415 => InvalidRequest,
    ),
)]
pub struct Login {
    /// The username of the Retailer or Supplier account.
    username: String,
    #[login(secret)]
    password: Secret,
}

/// The success body.
#[derive(Debug, Deserialize)]
#[non_exhaustive]
pub struct LoginResponse {
    /// The token for later API calls.
    pub auth_token: Secret,
    /// The organization's UUID.
    pub org_uuid: String,
    /// The user's UUID.
    pub user_uuid: String,
    /// The Retailer's UUID; `None` unless this is a Retailer account.
    #[serde(default, deserialize_with = "empty_as_none")]
    pub retailer_uuid: Option<String>,
    /// The Supplier's UUID; `None` unless this is a Supplier account (the vendor sends `""`).
    #[serde(default, deserialize_with = "empty_as_none")]
    pub supplier_uuid: Option<String>,
    /// Whether the credentials belong to a Retailer or a Supplier.
    pub org_type: OrgType,
}

/// The kind of organization the credentials belong to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[non_exhaustive]
pub enum OrgType {
    /// `RETAILER`.
    Retailer,
    /// `SUPPLIER`.
    Supplier,
    /// A value the document does not list.
    #[serde(other)]
    Other,
}

/// The document uses an empty string for "not this kind of account".
fn empty_as_none<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<String>, D::Error> {
    let value = Option::<String>::deserialize(deserializer)?;
    Ok(value.filter(|s| !s.is_empty()))
}
