//! `#[login_endpoint(...)]`: declare a vendor's login endpoint on a struct; get a typed builder,
//! the request, and the mapping of the vendor's answers to a session or an error.
//!
//! Use it through `auth_core`, which re-exports it (`auth_core::login_endpoint`); the generated
//! code calls `auth_core` and needs no other dependency. The full reference of the keys is in
//! the documentation of `auth_core::login_endpoint`.
//!
//! The macro works in four stages, one a file: `attr` reads the arguments (darling), `ast`
//! checks each key and builds the model, `valid` checks keys against each other, and `expand`
//! writes the tokens. Every problem found by the first three is reported, each at its own
//! token, in one build; the struct is still emitted, with its builder and methods when its
//! fields could be read, so one mistake does not cascade into errors where the struct is used.

mod ast;
mod attr;
mod expand;
mod fallback;
mod field_path;
mod valid;
mod vendor_error;

use proc_macro2::TokenStream;
use quote::quote;
use syn::ItemStruct;

/// Declares a vendor's login endpoint on a struct whose fields are the request's fields.
///
/// ```text
/// use auth_core::{login_endpoint, Secret};
///
/// #[login_endpoint(
///     vendor = "Up2 Money",
///     base_url = "https://api.up2.money",
///     path = "/auth/login",
///     header(name = "accept", value = "application/json"),
///     response = LoginResponse,
///     token = data.token,
///     refresh_token = data.refresh_token,
///     idle_timeout = "5m",
///     lockout = "30m",
///     error_body = ErrorBody,
///     status(401 | 404 => InvalidCredentials, 423 => Locked),
/// )]
/// pub struct Login {
///     #[login(secret, header = "x-secret")]
///     api_secret: Secret,
///     email: String,
///     #[login(secret, rename = "password.value")]
///     password: Secret,
///     #[login(rename = "organizationId")]
///     organization_id: Option<u64>,
/// }
///
/// let login = Login::builder()
///     .api_secret(app_secret)
///     .email("me@example.com")
///     .password(tokenized_password)
///     .build();
/// let session = login.send(&client).await?;
/// ```
///
/// A self-hosted product with an OAuth 2.0 password grant: no `base_url`, a path parameter, a
/// form body and a constant.
///
/// ```text
/// #[login_endpoint(
///     vendor = "Keycloak",
///     path = "/realms/{realm}/protocol/openid-connect/token",
///     body = form,
///     constant(grant_type = "password"),
///     response = TokenResponse,
///     token = access_token,
///     error_body = OAuthError,
/// )]
/// pub struct Login {
///     #[login(path)]
///     realm: String,
///     client_id: String,
///     username: String,
///     #[login(secret)]
///     password: Secret,
///     scope: Option<String>,
/// }
///
/// let session = login.send_to(&client, "https://sso.example.com").await?;
/// ```
///
/// A runnable example is in the `auth_core` crate documentation; `tests/catalogue` declares
/// real vendors' logins (query API keys, HTTP Basic, a `GET` login, JSON-RPC) with these keys.
///
/// # What it writes
///
/// - `Login::builder()`, returning a `LoginBuilder` with one setter per field. `build()` exists
///   once every required field is set: calling it earlier is a compile error that names the
///   missing field, and so is calling a required field's setter a second time. Setters of
///   `String` and `Secret` fields take anything that converts into them, such as `&str`. An optional field `x: Option<T>` has two setters, as in `bon`:
///   `x(T)`, and `maybe_x(Option<T>)`, where `None` leaves it unset.
/// - `Debug` for the struct, printing the constants as declared and `[REDACTED]` for secret
///   fields. Do not derive `Debug`.
/// - `async fn send_to(&self, client: &LoginClient, base_url: &str)`, to the host given (the
///   `path` is appended to it), and, when `base_url` is declared,
///   `async fn send(&self, client: &LoginClient)` to it. Both return
///   `Result<Session<Response>, AuthError>`.
/// - `impl auth_core::LoginEndpoint`, whose `SPEC` holds everything declared here, and, when
///   `base_url` is declared, `impl auth_core::DeclaredBaseUrl`. With `refreshes = Login`, also
///   `impl auth_core::RefreshEndpoint` (see *Refresh endpoints* below); with `refresh = Refresh`,
///   a login whose authenticators refresh with `Refresh`. Without a `base_url`, a login
///   can only be sent where a base URL is given (`send_to`, `Authenticator::new_at`,
///   `blocking::LoginClient::login_to`); `send`, `Authenticator::new` and
///   `blocking::LoginClient::login` do not compile for it.
///
/// The builder and the methods have the struct's visibility.
///
/// # Keys
///
/// | Key | Required | Value |
/// | --- | --- | --- |
/// | `vendor` | yes | The vendor's name, as it appears in errors: `vendor = "Hypernative"`. |
/// | `base_url` | no | The documented base URL: `https` (or `http`), a host, an optional port and path; no user info, query or fragment. Leave it out for a self-hosted product: each caller then gives the host (see above). |
/// | `path` | yes | The login path appended to the base URL; starts with `/`, no whitespace, query or fragment. `{name}` is a path parameter, filled by a `#[login(path)]` field: `"/realms/{realm}/token"`. |
/// | `method` | no | `"POST"` (the default), `"PUT"`, `"PATCH"`, or `"GET"` for a login whose values go in the query, path or headers (a `GET` has no body). `HEAD`, `DELETE` and `OPTIONS` are rejected. |
/// | `body` | no | How the body is written: `json` (the default), `form` (`application/x-www-form-urlencoded`, flat keys), or `none` (no body: every field goes in the query, path, headers or Basic credentials). A `GET` has no body whatever this says. |
/// | `content_type` | no | For a JSON body, `application/json` (the default), a `+json` type, or another JSON type such as `application/json-rpc`; for a form, `application/x-www-form-urlencoded` (the default); with parameters if the vendor wants them: `"application/json; charset=utf-8"`. Not with `body = none` or `GET`. |
/// | `constant(key = literal, ...)` | no, repeatable | Values sent in the body of every request, with no setter, shown in `Debug`: strings, integers, floats, `true`/`false`, or arrays of them (`methods = ["password"]`). In JSON, dotted keys nest (`params.userData = true`) and a quoted key is one key (`"a.b" = 1`); a form is flat, and an array repeats its key. Keys are identifiers or strings. |
/// | `query(key = literal, ...)` | no, repeatable | Query parameters sent with every request, before those from fields: `query(api = "SYNO.API.Auth", version = 3)`. Flat keys; an array repeats its key. |
/// | `cookie(name = literal, ...)` | no, repeatable | Cookies sent with every request, in one `Cookie` header (RFC 6265 §5.4), before those from fields: `cookie(lang = "en")`. Names are cookie names; each value is one literal without spaces, `"`, `,`, `;` or `\`. Each name once, fields and `cookie(...)` together; no `header(name = "cookie", ...)` beside them. |
/// | `header(name = "...", value = "...")` | no, repeatable | A header sent with every request. Names are case-insensitive and sent in lowercase; each once. The content type and the headers the HTTP client sets (`content-length`, `host`, `transfer-encoding`, `connection`) cannot be set here. Values are visible ASCII. A `{name}` in the value (an identifier in braces; other braces are text) is filled with the field `name` placed `#[login(in_header = "...")]`: `header(name = "authorization", value = "MediaBrowser Client=\"Acme\", DeviceId=\"{device_id}\"")`. |
/// | `response` | yes | The type of a successful (2xx) body: `serde::Deserialize`, `Send + Sync + 'static`; or `auth_core::TextBody` for a body that is not JSON (`Ok.`, empty, HTML), kept as text. |
/// | `token` | yes | Where the access token is (see below): a path of fields in `response` (`token`, `data.token`, `data.sessions[0].token`), a response header (`header("X-Subject-Token")`) or a cookie (`cookie("SID")`). A body field is `Secret` or `Option<Secret>`. An absent or empty token is a `Decode` error that names where it was expected. |
/// | `refresh_token` | no | The same, for a refresh token; not the same value as `token`. |
/// | `expires_at` | no | Where the response states the instant the token expires, and how: `expires_at = token.expires_at` (RFC 3339, a `String` field), `expires_at(unix_seconds = exp)`, `expires_at(unix_millis = ...)`, `expires_at(rfc3339 = ...)`, `expires_at(http_date = ...)` (`Thu, 03 Dec 2026 10:00:00 GMT`); or `expires_at = cookie("SID")` for that cookie's `Max-Age` (else `Expires`). The source can also be a `header(...)`; the `Expires` header is read as an HTTP date without a format being named. |
/// | `expires_in` | no | Where the response states how long the token lasts from now: `expires_in = expires_in` (seconds), `expires_in(seconds = ...)`, `expires_in(millis = data.expires)`. Not together with `expires_at`. A field whose name states the other unit (`expires_in_ms` read as seconds; a JWT's `exp` or OAuth 2.0's `expires_in` read as milliseconds) is an error, here and in `expires_at`. |
/// | `refresh_expires_at`, `refresh_expires_in` | no | The same, for the refresh token's own expiry (`Session::refresh_expires_at`); they need `refresh_token`. |
/// | `lifetime` | no | How long a session lasts from login, as the vendor documents it: `"2h"`. Also used when the stated expiry is missing, empty or zero. |
/// | `idle_timeout` | no | How long a session lasts from its last use: `"5m"`. Not longer than `lifetime`. |
/// | `lockout` | no | How long a locked account stays locked: `"30m"`. `Locked` errors carry it as their `retry_after` when the response says nothing. |
/// | `error_body` | no | The type of an error body, implementing `auth_core::VendorError` (derive it: `#[derive(VendorError)]`), or `auth_core::TextBody` for a text answer: its code, message and field errors are kept in the `AuthError`, and it may refine the kind. Without it, error bodies are not read. For a vendor whose failures come in the shape of its successes, name the `response` type itself (written as the same path, `error_body = LoginResponse`, the type deriving `VendorError` too): a failure found by `body_failure` is then read from the response already decoded, not decoded again. |
/// | `status(...)` | no | Status codes mapped to error kinds (below). |
/// | `body_failure(...)` | no | A failure stated inside a 2xx body (below). |
/// | `refreshes` | no | Makes the struct the refresh request for the sessions of a login declared with `#[login_endpoint]`: `refreshes = Login`. Its fields are then filled by the authenticator (see *Refresh endpoints* below). |
/// | `refresh` | no | On a login: the refresh endpoint its sessions are renewed with, `refresh = Refresh`, a struct declared with `refreshes = Login` (this login). Every `auth_core::Authenticator` of the login then refreshes with it, with no `with_refresh` (which still replaces it). A type that is not a refresh endpoint of this login is a compile error at the name. Needs `refresh_token` (a login that reads no refresh token has none to refresh with). Not on a refresh request itself. |
///
/// Durations are a number with a unit, `s`, `m`, `h` or `d`, or a sum such as `"1h30m"`; never
/// zero.
///
/// ## `status(...)`
///
/// `status(400 => InvalidRequest, 401 | 404 => InvalidCredentials, 423 => Locked)`: each arm
/// maps one or more codes, joined by `|`, to an `auth_core::ErrorKind`. Codes are error
/// statuses, 400 to 599, each mapped once (2xx are successes, see `body_failure`; redirects are
/// never followed and always fail as `Redirect`). The kinds are those an answer can mean:
/// `InvalidRequest`, `InvalidCredentials`, `Forbidden`, `NotFound`, `Expired`, `Locked`,
/// `RateLimited`, `ServerError`, `Unavailable` and `Rejected`. A code not listed gets the kind
/// of `ErrorKind::from_status`.
///
/// ## `body_failure(...)`
///
/// For vendors that answer 2xx and say in the body that the login failed; such a response
/// fails as `Rejected` (or the kind the `error_body` gives).
///
/// - `body_failure(field = error)`: the login failed when the field is present. The field is an
///   `Option`; an empty list or map in it (`"errors": []`), as GraphQL servers send on
///   success, states no failure (text does, even empty).
/// - `body_failure(field = login_status, success = 7)`: the login failed unless the field holds
///   this value. `success` is an integer (negative too), a string or a `bool` literal, compared
///   with an integer, `String` or `bool` field, or an `Option` of one (`None` is a failure).
///
/// `field` is a path of fields in `response`, like `token` (`results[0].status` too: a list too
/// short to hold the element counts as a `None`). Such a failure is `Rejected`, or
/// the kind given with `kind = ...` (`body_failure(field = text, success = "Ok.", kind =
/// InvalidCredentials)`), unless the error body says more.
///
/// The error body of such a failure is the 2xx body read as the `error_body` type. When that is
/// the `response` type, written as the same path (`response = LoginResponse, error_body =
/// LoginResponse`), it is read from the response already decoded: the body is decoded once,
/// and the error is the same as from a second decode. A non-2xx body is decoded once as that
/// type, as any error body. Another path, even one naming the same type, decodes the body again.
///
/// ## Where a response value comes from
///
/// `token`, `refresh_token` and the expiry keys each name a source:
///
/// - a path of fields in `response`: `token`, `data.token`, with `[n]` to pick the n-th element
///   of a list (`Vec`, array or slice): `data.sessions[0].token`. A step through an `Option`
///   field that is `None`, or past the end of a list, makes the value absent
///   (`session.access_token` with no `session`). `self` is the body itself: `response =
///   Secret, token = self` for an answer that is the token as a JSON string, `self[0].token`
///   for a bare list. Paths are written as in `#[vendor_error]`; a
///   malformed one (`sessions[i]`, `sessions[-1]`, `data::token`) is an error at the token that
///   is not a field name or a position.
/// - `header("X-Subject-Token")`: a response header (any case; read in lowercase).
/// - `header("Authorization", prefix = "Bearer ")`: a response header whose value starts with
///   text that is not part of it, such as a scheme (Rails' devise-jwt answers so). The prefix
///   is matched in any ASCII case; the value is what follows it, without spaces. A value
///   without the prefix is a `Decode` error that says so and does not show the value.
///   `Authorization` is read with a prefix only, since it holds a scheme before its credential;
///   `header("Authorization", prefix = "")` reads one that holds the token alone.
/// - `cookie("SID")`: a cookie the response sets with `Set-Cookie` (the last one of that name).
///
/// Tokens from headers and cookies go straight into `Secret`s: they are never in the typed
/// response, they are marked sensitive, and they are scrubbed from every error text like the
/// request's secrets. Expiries are read from JSON numbers or from numeric strings (`"3600"`);
/// a missing, empty or zero value states nothing, and the session then lasts `lifetime`. A value
/// that is present but not a time (`"soon"`, a negative number) is a `Decode` error naming
/// where it was. The typed response keeps every field as the vendor sent it.
///
/// # Fields
///
/// The struct has named fields and no generic parameters. Each field is a value of the request,
/// and goes in one place: by default the body, under a key named like the field (a JSON key,
/// or a form key with `body = form`). A field of type `Option<T>` is optional: it is left out
/// of the request when it is not set. Fields cannot be named `build`, `builder`, `send`,
/// `send_to`, or `maybe_x` next to an optional `x`, which the macro generates.
///
/// A field sent outside a JSON body (in a form, the query, the path, a header or Basic
/// credentials) is sent as text: a `String`, an `auth_core::Secret`, an integer, a `bool`, an
/// `Option` of one, or a type implementing `auth_core::TextValue`.
///
/// | Attribute | Meaning |
/// | --- | --- |
/// | `#[login(rename = "organizationId")]` | The body key to write instead of the field's name. In JSON, dotted keys nest: `rename = "password.value"` writes `{"password": {"value": ...}}`; a form cannot nest. Two values cannot write the same key, and a key cannot hold both a value and an object (`password` and `password.value`). |
/// | `#[login(secret)]` | The field is a credential. It must be `auth_core::Secret` (or `Option<Secret>`), and a `Secret` field must say `secret`: it is redacted in `Debug`, scrubbed from error messages, redacted from logged URLs, and sent as a sensitive header. |
/// | `#[login(header = "x-secret")]` | The field is sent as this header (and not in the body, unless `body` is written too). A header name is used once, by a field or a `header(...)`. |
/// | `#[login(query)]`, `#[login(query = "key")]` | The field is a query parameter, named like the field or as given. Each name once, fields and `query(...)` together. |
/// | `#[login(cookie)]`, `#[login(cookie = "sid")]` | The field is a cookie of the `Cookie` header, named like the field or as given, after the `cookie(...)` constants; with `secret`, the header is marked sensitive. A value that is not a cookie value (a space, `"`, `,`, `;`, `\`, non-ASCII) is refused before sending, with an `InvalidRequest` error that does not show it. |
/// | `#[login(path)]`, `#[login(path = "realm")]` | The field fills the path's `{name}` (like the field, or as given), percent-encoded so that it stays in its segment: a `/`, `?`, `#` or `%` in it is sent escaped, and a value that is empty, `.` or `..` is refused before sending. Not an `Option`. Every placeholder has one field, and every path field a placeholder. |
/// | `#[login(in_header = "authorization")]` | The field fills the `{placeholder}` named like it in the value of this declared `header(...)`, whose text stays around it; a header with a secret in it is sent marked sensitive. Not an `Option`. Every placeholder of a header has one field, and every such field a placeholder. A value that a header cannot carry (a line break) is refused before sending. |
/// | `#[login(basic_auth = user)]`, `#[login(secret, basic_auth = password)]` | The field is the user, or the password, of HTTP Basic credentials (RFC 7617), sent as an `Authorization` header marked sensitive. Both are needed, once each, neither an `Option`; the password is a secret; no other `authorization` header. |
/// | `#[login(body)]` | With another placement key: the field is sent in the body as well, under its name or its `rename`. |
///
/// | `#[login(secret, refresh_token)]` | With `refreshes`: the field carries the session's refresh token. A `Secret`, not an `Option`, marked `secret`; placed like any field (`rename = "refreshToken"`, `header = ...`, `cookie = ...`, `query = ...`). Exactly one field has it. |
/// | `#[login(from_login)]`, `#[login(from_login = client_id)]` | With `refreshes`: the field is copied (`Clone`) from the login's field of the same name, or the one named, for values both requests carry. A login field that does not exist, is not visible here, or has another type is reported at this key. |
///
/// A field is sent in each place its keys name, in the order written: `#[login(path,
/// basic_auth = user)]` fills the path's `{name}` and is the Basic user (Gitea's
/// `/users/{username}/tokens`), `#[login(secret, header = "x-api-key", query = "key")]` is both a
/// header and a query parameter. The body has the field when it has no placement key, or when
/// `body` is written beside them (`#[login(header = "x-user", body, rename = "user")]`); `rename`
/// names a body key, so beside other keys it needs `body`. Each key once per field (a field is one
/// half of the Basic credentials, not both), and each place keeps its own rules (a path field's
/// placeholder, a header used once, not an `Option` in the path, a header's value or Basic
/// credentials). A `secret` field is a secret in each place. Keys combine with `secret`:
/// `#[login(secret, header = "x-secret")]`, `#[login(secret, query = "key")]`,
/// `#[login(secret, rename = "password.value")]`.
///
/// # Refresh endpoints
///
/// A vendor's refresh-token grant is declared next to its login, with the same keys and
/// placements, plus `refreshes = Login`. The authenticator makes the request itself, so every
/// field says where its value comes from: one `#[login(secret, refresh_token)]`, and the others
/// `#[login(from_login)]`; fixed values are `constant(...)`, `query(...)`, `header(...)` or
/// `cookie(...)`. Its `response` type may differ from the login's. Without a `base_url`, it is
/// sent where the login is. OAuth 2.0's `refresh_token` grant (RFC 6749 §6):
///
/// ```text
/// #[login_endpoint(
///     refreshes = Login,
///     vendor = "Keycloak",
///     path = "/realms/{realm}/protocol/openid-connect/token",
///     body = form,
///     constant(grant_type = "refresh_token"),
///     response = TokenResponse,
///     token = access_token,
///     refresh_token = refresh_token,
///     expires_in = expires_in,
///     error_body = OAuthError,
/// )]
/// pub struct Refresh {
///     #[login(path, from_login)]
///     realm: String,
///     #[login(secret, refresh_token)]
///     refresh_token: Secret,
///     #[login(from_login)]
///     client_id: String,
/// }
///
/// ```
///
/// The login names it, and its authenticators refresh with it:
///
/// ```text
/// #[login_endpoint(
///     vendor = "Keycloak",
///     refresh = Refresh,
///     path = "/realms/{realm}/protocol/openid-connect/token",
///     // ...
/// )]
/// pub struct Login { /* ... */ }
///
/// let auth = Authenticator::new_at(client, login, "https://sso.example.com");
/// ```
///
/// Without `refresh = Refresh` on the login, the app chooses it:
/// `Authenticator::new_at(client, login, base_url).with_refresh::<Refresh>()`; with it,
/// `with_refresh` replaces it.
///
/// A refresh token sent in a cookie is `#[login(secret, refresh_token, cookie = "name")]`, and
/// one the vendor sets as a cookie is read with `refresh_token = cookie("name")`. How the
/// authenticator uses it (single flight, rotation, the fallback to one login) is described on
/// `auth_core::RefreshEndpoint` and `auth_core::Authenticator`. Such a struct still has its
/// builder, `send` and `send_to`, for sending it by hand.
///
/// # Errors
///
/// What the macro promises about a declaration with mistakes, and about code that uses its
/// builder:
///
/// - Each mistake is one error, at the token that makes it, saying what to write instead: a
///   misspelt key (with the key it is closest to), a key given twice or missing, a key written
///   in the wrong list (a field's `rename` among the endpoint's keys), a malformed URL, path,
///   header or duration, an unknown error kind, a status mapped twice, two fields writing one
///   key... Unknown, repeated and missing keys are worded alike in every list:
///   ``unknown key `vendr` in `#[login_endpoint(...)]`; did you mean `vendor`?``,
///   ``` `status(...)` is given twice ```, ``` `value` is missing from `header(...)` ```.
/// - All of them come in one build. A key with a mistake is set aside and the others are read;
///   what only the compiler can see is still checked: the `response` and `error_body` types
///   (`Deserialize`, `VendorError`), the token, expiry and `body_failure` paths (a field that
///   does not exist or has the wrong type is reported at the path in the attribute; a field of
///   a list named without `[n]`, `data.token` for a `data: Vec<...>`, is reported at `data`
///   with `data[0]` as the fix; a field of a map, `data.token` for a `data: HashMap<...>`,
///   is reported at `data` as a map, which has no fields, and so is one of a `data:
///   serde_json::Value` or `serde_json::Map`, whose fix is a `#[derive(Deserialize)]` struct
///   with the field), and the
///   types of fields sent as text or in a JSON body (reported at the field's type).
/// - Nothing cascades to the code that uses the struct: with mistakes, the struct is still
///   written (without its `#[login]` attributes) with its builder, `Debug`, `send` and
///   `send_to`, or stand-ins for them when its fields cannot be read (an enum, a generic or
///   tuple struct, a field named like a generated method). It also stands in as a login (and,
///   with `refreshes`, as that login's refresh) where another declaration or a call names it
///   (`refreshes = Login`, `refresh = Refresh`, `with_refresh::<Refresh>()`,
///   `Authenticator::new`), so those report nothing more. A field declared twice, a second
///   `#[login_endpoint]` on the struct, or a `#[login(...)]` written on the struct instead of a
///   field is one error, and left out of what is generated. A field's attribute written under
///   another name (`#[logins(secret)]`, `#[secret]`, `#[header = "x-api-key"]`) is one error
///   and read as the `#[login(...)]` it stands for.
/// - Errors name the user's struct, fields and keys, not the macro's internals. A builder's
///   type parameters are named after the required fields (`LoginBuilder<email, password>`);
///   `build()` before a required setter is ``the required field `password` is not set``, and
///   a required setter called twice is ``the required field `email` is already set``, each at
///   the call. `.send(...)` on a builder, before `build()`, is ``` `Login` is sent once built:
///   call `.build()` first ```, a setter called for a constant is
///   ``` `grant_type` is a constant of `Login`: it has no setter ```, and a setter called on
///   the built login, where the struct is declared, is
///   ``` `.email(...)` is a setter of `Login`'s builder, not of a built `Login` ```. A setter
///   named after where a field is sent (`.key(...)` for `#[login(query = "key")] api_key`) names
///   the field's setter, and `.build()`, `.unwrap()` or `.expect(..)` on a built login say to
///   remove the call.
/// - A value written as other formats write it is reported with this DSL's spelling: `key:
///   value` and a missing comma (read as meant afterwards, so the other keys are still
///   checked), `header(accept = "...")`, `"PT30M"`, `status(5xx => ...)`, `Unauthorized` for
///   `InvalidCredentials`, `Locked("30m")`, `retries`/`timeout` on the endpoint (the client's
///   settings), a full URL as `path`, a `{placeholder}` in `base_url`.
///
/// Types and paths of fields are written bare (`response = LoginResponse`, `token =
/// data.token`, `kind = InvalidCredentials`, `body = form`); names, text and durations in
/// quotes (`vendor = "Hypernative"`, `header = "x-api-key"`, `lifetime = "2h"`). A quoted
/// type or an unquoted name is reported with the other spelling.
#[proc_macro_attribute]
pub fn login_endpoint(
    args: proc_macro::TokenStream,
    input: proc_macro::TokenStream,
) -> proc_macro::TokenStream {
    login_endpoint_impl(args.into(), input.into()).into()
}

/// Derives `auth_core::VendorError` for a vendor's error body: where its code, message and field
/// errors are, and which codes or messages mean which `auth_core::ErrorKind`.
///
/// ```text
/// use auth_core::VendorError;
/// use serde::Deserialize;
///
/// // {"errors": [{"message": "Invalid user credentials.", "extensions": {"code": "INVALID_CREDENTIALS"}}]}
/// #[derive(Deserialize, VendorError)]
/// #[vendor_error(
///     code = errors[0].extensions.code,
///     message = errors[0].message,
///     kind(code = "INVALID_CREDENTIALS" => InvalidCredentials, code = "USER_SUSPENDED" => Forbidden),
/// )]
/// pub struct ErrorBody {
///     errors: Vec<GraphQlError>,
/// }
///
/// #[derive(Deserialize)]
/// pub struct GraphQlError {
///     message: String,
///     extensions: Option<Extensions>,
/// }
///
/// #[derive(Deserialize)]
/// pub struct Extensions {
///     code: String,
/// }
/// ```
///
/// A runnable example is in the documentation of the `auth_core::VendorError` trait.
///
/// # Keys
///
/// On the struct, in `#[vendor_error(...)]`:
///
/// | Key | Value |
/// | --- | --- |
/// | `code = <path>` | Where the vendor's error code is: a `String`, an integer, a `serde_json::Value`, or an `Option` of one. Kept as the error's `vendor_code()`. Paths joined by `\|` are tried in turn and the first present one is the code: `code = errorCode \| status` for a body that holds an error's code or a transaction's state. |
/// | `message = <path>` | Where the vendor's message is: a `String` or `Option<String>`. Kept as the error's `message()`, scrubbed of the request's secrets. Alternatives as for `code`: `message = msg \| error_description`. |
/// | `field_errors(each = <path>, field = <path>, error = <path>, params = <path>)` | Where the per-field problems are: `each` names a list (`Vec`), and `field`, `error` and the optional `params` are paths into one of its entries. Kept as the error's `field_errors()`. |
/// | `field_errors(by_field = <path>, error = <path>, params = <path>)` | The per-field problems as a map from the field's name to its problem (`BTreeMap<String, T>` or `HashMap<String, T>`, or an `Option` of one), as in `{"data": {"identity": {"code": "validation_required", ...}}}`: each key is a field error's `field`, and `error` and `params` are paths into its value. In the map's order: a `BTreeMap` sorts by name. Not with `each` or `field`. |
/// | `kind(code = "A" \| "B" => Kind, message = "..." => Kind, ...)` | The `ErrorKind` a code (compared as text, so `4` matches `4` and `"4"`) or a whole message means, whatever the status; the first arm that matches wins. Without a match, the status decides. Kinds are those of `status(...)` in `#[login_endpoint]`. |
///
/// On a field, in `#[vendor_error(...)]`:
///
/// | Key | Meaning |
/// | --- | --- |
/// | `code` | This field is the code: the same as `code = <field>` on the struct. |
/// | `message` | This field is the message. |
/// | `field_errors(field = <path>, error = <path>, params = <path>)` | This field is the list of field errors; the paths are into one of its entries. |
/// | `field_errors(by_field, error = <path>, params = <path>)` | This field is the map of field errors, keyed by field name; the paths are into one of its values. |
///
/// Paths are field names joined by `.`, with `[n]` to pick the n-th element of a list:
/// `message`, `response.error_code`, `errors[0].extensions.code`; the same paths as the token
/// and expiry paths of `#[login_endpoint]`. A step through an `Option` that is `None`, or past
/// the end of a list, means the value is absent. `self` is the value a path starts from: in
/// `field_errors(...)`, the entry itself (`field_errors(by_field = errors, error = self[0],
/// params = self)` for `{"errors": {"email": ["The email field is required."]}}`). Each of
/// code, message and field errors is named once.
///
/// # Errors
///
/// As for `#[login_endpoint]`: each mistake is one error at its token, with the fix, all in one
/// build, worded as the endpoint's are (``unknown key `mesage` in `#[vendor_error(...)]` on a
/// field; did you mean `message`?``). An unknown or repeated key, a path that is not a path (or
/// is quoted), a kind that does not exist, a kind arm for a code or message the body does not
/// name, or a value mapped twice is reported by the macro; a path naming a field that does not
/// exist, or one of a type that cannot hold the value, is reported at the path by the
/// compiler, in the same build. With mistakes the type still implements `VendorError` with
/// what could be read, so naming it as an `error_body` adds no error.
#[proc_macro_derive(VendorError, attributes(vendor_error))]
pub fn derive_vendor_error(input: proc_macro::TokenStream) -> proc_macro::TokenStream {
    vendor_error::derive(input.into()).into()
}

/// The macro on `proc_macro2` tokens, so it can be tested and fuzzed outside a compiler.
fn login_endpoint_impl(args: TokenStream, input: TokenStream) -> TokenStream {
    let args = attr::group_type_arguments(args);
    let mut errors = darling::Error::accumulator();
    let response = attr::response_of(&args);
    let links = attr::links_of(&args);
    let item: ItemStruct = match syn::parse2(input.clone()) {
        Ok(item) => item,
        Err(_) => {
            errors.push(not_a_struct(&input));
            // The attribute's own mistakes, and the types it names, are reported too.
            let keys = attr::EndpointArgs::parse(args, &mut errors)
                .map(|args| ast::Endpoint::from_args(args, None, None, &mut errors))
                .and_then(Result::err)
                .map(|keys| *keys)
                .unwrap_or_default();
            let errors = errors.finish().err().map(darling::Error::write_errors);
            let item = fallback::other_item(input, response.as_ref(), &links);
            let checks = expand::expand_checks(None, &keys, None);
            return quote!(#errors #item #checks);
        }
    };

    let args = match attr::keys_not_in_parentheses(&args) {
        Some(error) => {
            errors.push(error);
            None
        }
        None => attr::EndpointArgs::parse(args, &mut errors),
    };
    let mut stripped = item.clone();
    let body = ast::BodyContext::of(args.as_ref());
    let fields = ast::fields_of(&mut stripped, body, &mut errors);
    let model = match args {
        Some(args) => {
            ast::Endpoint::from_args(args, Some(stripped.clone()), fields.clone(), &mut errors)
        }
        None => Err(Box::default()),
    };
    if let Ok(endpoint) = &model {
        valid::check(endpoint, &mut errors);
    }
    let (errors, keys) = match (errors.finish(), model) {
        (Ok(()), Ok(endpoint)) => return expand::expand(&endpoint),
        (Err(errors), Ok(endpoint)) => (errors, endpoint.response_keys()),
        (Err(errors), Err(keys)) => (errors, *keys),
        (Ok(()), Err(keys)) => (
            darling::Error::custom("#[login_endpoint] could not read this declaration"),
            *keys,
        ),
    };
    let response = keys.response.as_ref().or(response.as_ref());
    let errors = errors.write_errors();
    let generated = fallback::of_struct(&stripped, fields.as_deref(), response, &links);
    let checks = expand::expand_checks(Some(&stripped), &keys, fields.as_deref());
    quote! {
        #errors
        #stripped
        #generated
        #checks
    }
}

/// The error for an item that is not a struct, at its keyword and name when it has them.
fn not_a_struct(input: &TokenStream) -> darling::Error {
    const MESSAGE: &str = "#[login_endpoint] goes on a struct with named fields, one per request value: `struct Login { email: String, ... }`";
    match syn::parse2::<syn::Item>(input.clone()) {
        Ok(syn::Item::Enum(item)) => darling::Error::custom(format!(
            "{MESSAGE}, not an enum; for a vendor with several ways to log in, declare one struct for each"
        ))
        .with_span(&item.ident),
        Ok(syn::Item::Union(item)) => {
            darling::Error::custom(format!("{MESSAGE}, not a union")).with_span(&item.ident)
        }
        _ => syn::Error::new_spanned(input, MESSAGE).into(),
    }
}

#[cfg(test)]
mod robustness_tests;
#[cfg(test)]
mod tests;
