//! The types a field may have when a declaration names it: a request field sent in a JSON body,
//! the token and expiry fields of a response (`#[login_endpoint(token = ..., expires_in =
//! ...)]`), the field that `body_failure(...)` reads, and the code, message and field errors of
//! an error body (`#[derive(VendorError)]`).
//!
//! Each trait lists the types it is implemented for; a field of another type is a compile error
//! at the path that names it, saying which types fit. They are not meant to be implemented by
//! hand.

use crate::error::VendorCode;
use crate::secret::Secret;

/// A request field written in a JSON body: any `serde::Serialize` type.
#[diagnostic::on_unimplemented(
    message = "a field of type `{Self}` cannot be written in a JSON body",
    label = "this field is sent in the JSON body, so its type must implement `serde::Serialize`",
    note = "derive `serde::Serialize` for the type, use one that has it (`String`, an integer, a `bool`, a `Vec` of them...), or send the field as text with `#[login(query)]` or `#[login(header = \"...\")]`"
)]
pub trait JsonValue {
    /// Writes the value under `key`. Called by its trait's name at the field's type, so a type
    /// that is not `Serialize` is reported there.
    #[doc(hidden)]
    fn __write(
        &self,
        object: &mut crate::__private::JsonObjectWriter<'_>,
        key: &str,
    ) -> Result<(), serde_json::Error>;
}

#[diagnostic::do_not_recommend]
impl<T: serde::Serialize + ?Sized> JsonValue for T {
    fn __write(
        &self,
        object: &mut crate::__private::JsonObjectWriter<'_>,
        key: &str,
    ) -> Result<(), serde_json::Error> {
        serde_json::to_writer(object.key(key)?, self)
    }
}

/// A response field named by `token = ...` or `refresh_token = ...`: [`Secret`] or
/// `Option<Secret>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a token: token fields must be `auth_core::Secret`",
    label = "this field is named by `token` or `refresh_token` in `#[login_endpoint]`",
    note = "declare the response field as `Secret` (or `Option<Secret>` when the vendor may leave it out) so the token is redacted and zeroized; an answer that is the token itself, as a JSON string, is `response = auth_core::Secret` with `token = self`; from a list, name one element, `token = data.tokens[0]`; a `serde_json::Value` is untyped, so the token's own field is the one to declare `Secret`; a `TextBody` holds no token, which is then read from a `header(...)` or `cookie(...)`"
)]
pub trait TokenField {
    /// The token, when present and not blank.
    fn token(&self) -> Option<&Secret>;
}

#[diagnostic::do_not_recommend]
impl TokenField for Secret {
    fn token(&self) -> Option<&Secret> {
        // Blank is absent, as in a header: `"   "` is no token to send.
        (!is_blank(self.expose_secret())).then_some(self)
    }
}

/// `text` without white space at its ends, as `str::trim` gives it. A value that starts and
/// ends with a visible ASCII character, as nearly every one does, is returned without decoding
/// it from both ends.
pub(crate) fn trimmed(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Whether `text` is empty or white space alone: [`trimmed`], so a token that starts and ends
/// with a visible ASCII character is settled without decoding it.
fn is_blank(text: &str) -> bool {
    trimmed(text).is_empty()
}

#[diagnostic::do_not_recommend]
impl TokenField for Option<Secret> {
    fn token(&self) -> Option<&Secret> {
        self.as_ref().and_then(TokenField::token)
    }
}

/// An expiry as a response field holds it, before it is read in the declared format.
#[doc(hidden)]
#[derive(Clone, Copy, Debug)]
pub enum ExpiryValue<'a> {
    /// The field is absent (`None`).
    Absent,
    /// A whole number.
    Integer(i128),
    /// A number with a fraction.
    Float(f64),
    /// Text: a timestamp, or a number in a string.
    Text(&'a str),
}

/// What generated code reads out of a success body: the values of the credentials declared in
/// it. Values declared in a header or a cookie are left empty here.
#[doc(hidden)]
pub struct BodyValues<'a> {
    pub token: Option<&'a Secret>,
    pub refresh_token: Option<&'a Secret>,
    pub expiry: ExpiryValue<'a>,
    pub refresh_expiry: ExpiryValue<'a>,
}

/// A response field holding an RFC 3339 timestamp, named by `expires_at = ...` (or
/// `expires_at(rfc3339 = ...)`): `String` or `Option<String>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold an RFC 3339 timestamp",
    label = "this field is named by `expires_at`, which reads RFC 3339 by default",
    note = "declare the field as `String` or `Option<String>`; for a number, say what it counts: `expires_at(unix_seconds = ...)`, `expires_at(unix_millis = ...)`, or `expires_in = ...` for seconds from now"
)]
pub trait TimestampField {
    #[doc(hidden)]
    fn expiry_value(&self) -> ExpiryValue<'_>;
}

#[diagnostic::do_not_recommend]
impl TimestampField for String {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        ExpiryValue::Text(self)
    }
}

#[diagnostic::do_not_recommend]
impl<T: TimestampField> TimestampField for Option<T> {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        self.as_ref()
            .map_or(ExpiryValue::Absent, TimestampField::expiry_value)
    }
}

/// A response field holding a time as a number, named by `expires_in`,
/// `expires_at(unix_seconds = ...)` or `expires_at(unix_millis = ...)`: an integer, a float, a
/// `String` holding a number, a `serde_json::Value`, or an `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a number of seconds or milliseconds",
    label = "this field is named by an `expires_in` or `expires_at(unix_...)` key",
    note = "declare the field as an integer (`u64`), a float, a `String` holding a number, or an `Option` of one"
)]
pub trait TimeNumberField {
    #[doc(hidden)]
    fn expiry_value(&self) -> ExpiryValue<'_>;
}

macro_rules! integer_time_numbers {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl TimeNumberField for $t {
            fn expiry_value(&self) -> ExpiryValue<'_> {
                ExpiryValue::Integer(i128::from(*self))
            }
        }
    )*};
}
integer_time_numbers!(u8, u16, u32, u64, i8, i16, i32, i64, i128);

#[diagnostic::do_not_recommend]
impl TimeNumberField for f64 {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        ExpiryValue::Float(*self)
    }
}

#[diagnostic::do_not_recommend]
impl TimeNumberField for f32 {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        ExpiryValue::Float(f64::from(*self))
    }
}

#[diagnostic::do_not_recommend]
impl TimeNumberField for String {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        ExpiryValue::Text(self)
    }
}

#[diagnostic::do_not_recommend]
impl TimeNumberField for serde_json::Value {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        match self {
            serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64(), n.as_f64()) {
                (Some(i), _, _) => ExpiryValue::Integer(i128::from(i)),
                (None, Some(u), _) => ExpiryValue::Integer(i128::from(u)),
                (None, None, Some(f)) => ExpiryValue::Float(f),
                (None, None, None) => ExpiryValue::Text("\u{fffd}"),
            },
            serde_json::Value::String(text) => ExpiryValue::Text(text),
            serde_json::Value::Null => ExpiryValue::Absent,
            // Neither a number nor a string: read as text that is not a number.
            _ => ExpiryValue::Text("\u{fffd}"),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T: TimeNumberField> TimeNumberField for Option<T> {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        self.as_ref()
            .map_or(ExpiryValue::Absent, TimeNumberField::expiry_value)
    }
}

/// A response field named by `refresh_expires_at = ...` (RFC 3339 or an HTTP date): what
/// [`TimestampField`] takes, reported with the refresh token's keys.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold an RFC 3339 timestamp",
    label = "this field is named by `refresh_expires_at`, which reads RFC 3339 by default",
    note = "declare the field as `String` or `Option<String>`; for a number, say what it counts: `refresh_expires_at(unix_seconds = ...)`, `refresh_expires_at(unix_millis = ...)`, or `refresh_expires_in = ...` for seconds from now"
)]
pub trait RefreshTimestampField {
    #[doc(hidden)]
    fn expiry_value(&self) -> ExpiryValue<'_>;
}

#[diagnostic::do_not_recommend]
impl<T: TimestampField + ?Sized> RefreshTimestampField for T {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        TimestampField::expiry_value(self)
    }
}

/// A response field named by `refresh_expires_in` or `refresh_expires_at(unix_...)`: what
/// [`TimeNumberField`] takes, reported with the refresh token's keys.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a number of seconds or milliseconds",
    label = "this field is named by a `refresh_expires_in` or `refresh_expires_at(unix_...)` key",
    note = "declare the field as an integer (`u64`), a float, a `String` holding a number, or an `Option` of one; for an RFC 3339 timestamp, write `refresh_expires_at = ...`"
)]
pub trait RefreshTimeNumberField {
    #[doc(hidden)]
    fn expiry_value(&self) -> ExpiryValue<'_>;
}

#[diagnostic::do_not_recommend]
impl<T: TimeNumberField + ?Sized> RefreshTimeNumberField for T {
    fn expiry_value(&self) -> ExpiryValue<'_> {
        TimeNumberField::expiry_value(self)
    }
}

/// A response field named by `body_failure(field = ...)` without `success`: its presence means
/// the login failed. An `Option` of any type; an empty list or map (`"errors": []`) states no
/// failure, while text does, even empty.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot mark a failure by being present",
    label = "this field is named by `body_failure(field = ...)`, which fails the login when the field is present",
    note = "declare the field as an `Option<...>`, or add `success = <value>` to compare it with the value that means success"
)]
pub trait PresenceField {
    /// Whether the field is present (not absent, not null).
    fn is_present(&self) -> bool;
}

#[diagnostic::do_not_recommend]
impl<T> PresenceField for Option<T> {
    fn is_present(&self) -> bool {
        self.is_some()
    }
}

/// A field named by `body_failure(field = ...)` without `success`, as the generated code asks
/// whether its value states a failure: `(&Presence(field)).__states_a_failure()`. Method
/// resolution takes [`EmptyStatesNoFailure`] for a list or map, which an empty one does not
/// state (`"errors": []`), and [`AnyValueStatesAFailure`] for any other type. Text states a
/// failure even when empty: Hyper3D's `{"error": ""}` is one.
#[doc(hidden)]
pub struct Presence<'a, T: ?Sized>(pub &'a T);

/// A present value of a type that can be empty: it states a failure only when it is not.
#[doc(hidden)]
pub trait EmptyStatesNoFailure {
    fn __states_a_failure(&self) -> bool;
}

impl<T> EmptyStatesNoFailure for Presence<'_, Option<Vec<T>>> {
    fn __states_a_failure(&self) -> bool {
        self.0.as_ref().is_some_and(|list| !list.is_empty())
    }
}

impl<K, V, S> EmptyStatesNoFailure for Presence<'_, Option<std::collections::HashMap<K, V, S>>> {
    fn __states_a_failure(&self) -> bool {
        self.0.as_ref().is_some_and(|map| !map.is_empty())
    }
}

impl<K, V> EmptyStatesNoFailure for Presence<'_, Option<std::collections::BTreeMap<K, V>>> {
    fn __states_a_failure(&self) -> bool {
        self.0.as_ref().is_some_and(|map| !map.is_empty())
    }
}

impl EmptyStatesNoFailure for Presence<'_, Option<serde_json::Value>> {
    fn __states_a_failure(&self) -> bool {
        match self.0 {
            None | Some(serde_json::Value::Null) => false,
            Some(serde_json::Value::Array(list)) => !list.is_empty(),
            Some(serde_json::Value::Object(map)) => !map.is_empty(),
            Some(_) => true,
        }
    }
}

/// A present value of any other type states a failure.
#[doc(hidden)]
pub trait AnyValueStatesAFailure {
    fn __states_a_failure(&self) -> bool {
        true
    }
}

impl<T: ?Sized> AnyValueStatesAFailure for &Presence<'_, T> {}

/// A response field compared with an integer by `body_failure(field = ..., success = 7)`: an
/// integer, or an `Option` of one (`None` is a failure).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with the integer given as `success`",
    label = "this field is named by `body_failure(field = ..., success = <integer>)`",
    note = "declare the field as an integer (or an `Option` of one), or give `success` a value of the field's kind: a string (`success = \"ok\"`) for a `String`, `true` or `false` for a `bool`"
)]
pub trait IntegerSuccess {
    /// The integer type of the field: `success` is written as one, so a value it cannot hold
    /// (`-1` for a `u32`, `1000` for a `u8`) is a compile error at that value.
    type Value;

    /// Whether the field holds `success`.
    fn is_success(&self, success: Self::Value) -> bool;
}

macro_rules! integer_successes {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl IntegerSuccess for $t {
            type Value = $t;

            fn is_success(&self, success: $t) -> bool {
                *self == success
            }
        }
    )*};
}
integer_successes!(u8, u16, u32, u64, i8, i16, i32, i64);

#[diagnostic::do_not_recommend]
impl<T: IntegerSuccess> IntegerSuccess for Option<T> {
    type Value = T::Value;

    fn is_success(&self, success: T::Value) -> bool {
        self.as_ref().is_some_and(|value| value.is_success(success))
    }
}

/// A response field compared with a negative integer by `body_failure(field = ..., success =
/// -1)`: a signed integer, or an `Option` of one (`None` is a failure).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the negative value given as `success`",
    label = "this field is named by `body_failure(field = ..., success = -<integer>)`",
    note = "declare the field as a signed integer (`i32`, `i64`, or an `Option` of one), or give `success` a value the field can hold"
)]
pub trait NegativeSuccess {
    /// The integer type of the field, in which the value's magnitude is written.
    type Value;

    /// Whether the field holds the negative of `magnitude`.
    fn is_negated(&self, magnitude: Self::Value) -> bool;
}

macro_rules! negative_successes {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl NegativeSuccess for $t {
            type Value = $t;

            fn is_negated(&self, magnitude: $t) -> bool {
                *self == magnitude.wrapping_neg()
            }
        }
    )*};
}
negative_successes!(i8, i16, i32, i64);

#[diagnostic::do_not_recommend]
impl<T: NegativeSuccess> NegativeSuccess for Option<T> {
    type Value = T::Value;

    fn is_negated(&self, magnitude: T::Value) -> bool {
        self.as_ref()
            .is_some_and(|value| value.is_negated(magnitude))
    }
}

/// A response field compared with a string by `body_failure(field = ..., success = "ok")`: a
/// `String`, or an `Option<String>` (`None` is a failure).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with the string given as `success`",
    label = "this field is named by `body_failure(field = ..., success = \"...\")`",
    note = "declare the field as a `String` (or an `Option<String>`), or give `success` a value of the field's kind: an integer (`success = 0`) for a number, `true` or `false` for a `bool`"
)]
pub trait TextSuccess {
    /// Whether the field holds `success`.
    fn is_success(&self, success: &str) -> bool;
}

#[diagnostic::do_not_recommend]
impl TextSuccess for String {
    fn is_success(&self, success: &str) -> bool {
        self == success
    }
}

#[diagnostic::do_not_recommend]
impl<T: TextSuccess> TextSuccess for Option<T> {
    fn is_success(&self, success: &str) -> bool {
        self.as_ref().is_some_and(|value| value.is_success(success))
    }
}

/// A response field compared with `true` or `false` by `body_failure(field = ..., success =
/// true)`: a `bool`, or an `Option<bool>` (`None` is a failure).
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with the `bool` given as `success`",
    label = "this field is named by `body_failure(field = ..., success = true)`",
    note = "declare the field as a `bool` (or an `Option<bool>`), or give `success` a value of the field's kind: an integer (`success = 0`) for a number, a string (`success = \"ok\"`) for a `String`"
)]
pub trait BoolSuccess {
    /// Whether the field holds `success`.
    fn is_success(&self, success: bool) -> bool;
}

#[diagnostic::do_not_recommend]
impl BoolSuccess for bool {
    fn is_success(&self, success: bool) -> bool {
        *self == success
    }
}

#[diagnostic::do_not_recommend]
impl<T: BoolSuccess> BoolSuccess for Option<T> {
    fn is_success(&self, success: bool) -> bool {
        self.as_ref().is_some_and(|value| value.is_success(success))
    }
}

/// An error-body field named as `code` by `#[derive(VendorError)]`: a `String`, an integer, a
/// `serde_json::Value` holding either, or an `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a vendor's error code",
    label = "this path is named as a code in `#[vendor_error(...)]`: its `code`, or a field error's `error`",
    note = "declare the field as a `String`, an integer, or an `Option` of one; for a list, name one of its elements in the path on the struct: `#[vendor_error(code = codes[0])]`, `field_errors(..., error = self[0])`"
)]
pub trait CodeField {
    /// The code, when present.
    fn vendor_code(&self) -> Option<VendorCode>;

    /// The same code, its text moved out of the field: the body is dropped next.
    #[doc(hidden)]
    fn __take(&mut self) -> Option<VendorCode> {
        self.vendor_code()
    }
}

/// An error-body code that an arm comparing text (`kind(code = "LOCKED" => Locked)`) can equal:
/// text, or a `serde_json::Value`, which may hold text. A number never equals such an arm, so
/// `#[derive(VendorError)]` asks this of the code's type when an arm compares text.
#[diagnostic::on_unimplemented(
    message = "the code is a number, `{Self}`, and a `kind(code = \"...\")` arm compares text, which it never equals",
    label = "compared with this text",
    note = "compare with the number the vendor sends, `kind(code = 1002 => ...)`, or declare the code as a `String`"
)]
pub trait TextCode {
    /// Nothing: the bound is the check.
    #[doc(hidden)]
    fn __is_text(&self) {}
}

#[diagnostic::do_not_recommend]
impl TextCode for String {}

#[diagnostic::do_not_recommend]
impl TextCode for serde_json::Value {}

macro_rules! integer_codes {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl CodeField for $t {
            fn vendor_code(&self) -> Option<VendorCode> {
                Some(match i64::try_from(*self) {
                    Ok(n) => VendorCode::Number(n),
                    Err(_) => VendorCode::Text(self.to_string()),
                })
            }
        }
    )*};
}
integer_codes!(u8, u16, u32, u64, i8, i16, i32, i64);

#[diagnostic::do_not_recommend]
impl CodeField for String {
    fn vendor_code(&self) -> Option<VendorCode> {
        Some(VendorCode::Text(self.clone()))
    }

    fn __take(&mut self) -> Option<VendorCode> {
        Some(VendorCode::Text(std::mem::take(self)))
    }
}

#[diagnostic::do_not_recommend]
impl CodeField for serde_json::Value {
    fn vendor_code(&self) -> Option<VendorCode> {
        match self {
            serde_json::Value::Number(n) => Some(match n.as_i64() {
                Some(n) => VendorCode::Number(n),
                None => VendorCode::Text(n.to_string()),
            }),
            serde_json::Value::String(text) => Some(VendorCode::Text(text.clone())),
            _ => None,
        }
    }

    fn __take(&mut self) -> Option<VendorCode> {
        match self {
            serde_json::Value::String(text) => Some(VendorCode::Text(std::mem::take(text))),
            _ => self.vendor_code(),
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T: CodeField> CodeField for Option<T> {
    fn vendor_code(&self) -> Option<VendorCode> {
        self.as_ref().and_then(CodeField::vendor_code)
    }

    fn __take(&mut self) -> Option<VendorCode> {
        self.as_mut().and_then(CodeField::__take)
    }
}

/// The code field of a `#[derive(VendorError)]` body, for the check that a `kind(code = <number>
/// => ...)` arm's number is one the field can hold: the number is written in the field's own
/// type (`1000` for a `u8` is rustc's "literal out of range" at the arm), and a negative one
/// asks for [`NegativeCodeNumber`]. Called in a function nothing calls.
#[doc(hidden)]
pub struct CodeCheck<'a, T>(pub &'a T);

/// The integer type a code field holds its numbers in (`i64` for text and JSON values, which
/// compare a number by its digits).
#[doc(hidden)]
pub trait CodeNumber {
    /// The type an arm's number is written in.
    type Value;
}

macro_rules! code_numbers {
    ($($t:ty),*) => {$(
        impl CodeNumber for $t {
            type Value = $t;
        }
    )*};
}
code_numbers!(u8, u16, u32, u64, i8, i16, i32, i64);

impl CodeNumber for String {
    type Value = i64;
}

impl CodeNumber for serde_json::Value {
    type Value = i64;
}

impl<T: CodeNumber> CodeNumber for Option<T> {
    type Value = T::Value;
}

/// A code field that can hold a negative number: a signed integer, text, a JSON value, or an
/// `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold the negative code of this `kind(code = -...)` arm",
    label = "this arm never matches: the code field is unsigned",
    note = "declare the code field as a signed integer (`i32`, `i64`) or a `String`, or remove the arm"
)]
pub trait NegativeCodeNumber: CodeNumber {
    /// Type-checks the magnitude of a negative arm's number.
    fn __holds_negated(&self, magnitude: Self::Value) {
        let _ = magnitude;
    }
}

macro_rules! negative_code_numbers {
    ($($t:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl NegativeCodeNumber for $t {}
    )*};
}
negative_code_numbers!(i8, i16, i32, i64, String, serde_json::Value);

#[diagnostic::do_not_recommend]
impl<T: NegativeCodeNumber> NegativeCodeNumber for Option<T> {}

/// [`CodeCheck`] of a code field: the arm's number in the field's own type.
#[doc(hidden)]
pub trait HoldsCodeNumber {
    /// The type the number is written in.
    type Value;

    /// Type-checks `value` as one the field holds.
    fn __holds(&self, value: Self::Value) {
        let _ = value;
    }
}

impl<T: CodeNumber> HoldsCodeNumber for CodeCheck<'_, T> {
    type Value = T::Value;
}

/// [`CodeCheck`] of a field that holds no code: reported by [`CodeField`] already, so the
/// arm's number is not checked again.
#[doc(hidden)]
pub trait HoldsAnyNumber {
    /// Accepts any number.
    fn __holds(&self, value: i128) {
        let _ = value;
    }
}

impl<T> HoldsAnyNumber for &CodeCheck<'_, T> {}

/// An error-body field named as `message` (or a field error's `field`) by
/// `#[derive(VendorError)]`: a `String` or an `Option<String>`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a message",
    label = "this path is named as text in `#[vendor_error(...)]`",
    note = "declare the field as a `String` or an `Option<String>`; for a list, name one of its elements in the path on the struct: `#[vendor_error(message = messages[0])]`, `field_errors(..., field = loc[0])`"
)]
pub trait MessageField {
    /// The text, when present.
    fn message(&self) -> Option<&str>;

    /// The same text, moved out of the field, which is left empty: the body is dropped next.
    #[doc(hidden)]
    fn __take(&mut self) -> Option<String> {
        self.message().map(str::to_owned)
    }
}

#[diagnostic::do_not_recommend]
impl MessageField for String {
    fn message(&self) -> Option<&str> {
        Some(self)
    }

    fn __take(&mut self) -> Option<String> {
        Some(std::mem::take(self))
    }
}

#[diagnostic::do_not_recommend]
impl MessageField for serde_json::Value {
    fn message(&self) -> Option<&str> {
        self.as_str()
    }

    fn __take(&mut self) -> Option<String> {
        match self {
            serde_json::Value::String(text) => Some(std::mem::take(text)),
            _ => None,
        }
    }
}

#[diagnostic::do_not_recommend]
impl<T: MessageField> MessageField for Option<T> {
    fn message(&self) -> Option<&str> {
        self.as_ref().and_then(MessageField::message)
    }

    fn __take(&mut self) -> Option<String> {
        self.as_mut().and_then(MessageField::__take)
    }
}

/// A field indexed with `[n]` in a path (`token = data.sessions[0].token`, `code =
/// errors[0].code`), or listed by `field_errors(each = ...)` in `#[vendor_error(...)]`: a
/// `Vec`, an array or a slice, or an `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list, so it cannot be indexed with `[n]`",
    label = "this path is indexed as a list",
    note = "declare the field as a `Vec<...>` (or `Option<Vec<...>>`), or remove the `[...]` index"
)]
pub trait ListField {
    /// The type of an element.
    type Element;
    /// The elements, in order; none when the list is absent.
    fn elements(&self) -> &[Self::Element];
}

#[diagnostic::do_not_recommend]
impl<T> ListField for Vec<T> {
    type Element = T;
    fn elements(&self) -> &[T] {
        self
    }
}

#[diagnostic::do_not_recommend]
impl<T, const N: usize> ListField for [T; N] {
    type Element = T;
    fn elements(&self) -> &[T] {
        self
    }
}

#[diagnostic::do_not_recommend]
impl<T> ListField for Box<[T]> {
    type Element = T;
    fn elements(&self) -> &[T] {
        self
    }
}

#[diagnostic::do_not_recommend]
impl<L: ListField> ListField for Option<L> {
    type Element = L::Element;
    fn elements(&self) -> &[L::Element] {
        self.as_ref().map_or(&[], ListField::elements)
    }
}

/// An error-body field named by `field_errors(by_field = ...)` in `#[vendor_error(...)]`: a map
/// from field name to that field's problem (`BTreeMap<String, T>`, `HashMap<String, T>`), or an
/// `Option` of one.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a map keyed by field name, so `by_field` cannot list it",
    label = "this path is named by `field_errors(by_field = ...)`, whose keys are the field names",
    note = "declare the field as a `BTreeMap<String, ...>` (or an `Option` of one); for a list whose entries name their field, write `field_errors(each = ..., field = ...)`"
)]
pub trait MapField {
    /// The type of a field's problem.
    type Value;
    /// Each field name with its problem, in the map's order: a `BTreeMap` sorts them by name,
    /// a `HashMap` has no order.
    fn entries(&self) -> Vec<(&str, &Self::Value)>;
}

#[diagnostic::do_not_recommend]
impl<T> MapField for std::collections::BTreeMap<String, T> {
    type Value = T;
    fn entries(&self) -> Vec<(&str, &T)> {
        self.iter()
            .map(|(key, value)| (key.as_str(), value))
            .collect()
    }
}

#[diagnostic::do_not_recommend]
impl<T, S> MapField for std::collections::HashMap<String, T, S> {
    type Value = T;
    fn entries(&self) -> Vec<(&str, &T)> {
        self.iter()
            .map(|(key, value)| (key.as_str(), value))
            .collect()
    }
}

#[diagnostic::do_not_recommend]
impl<M: MapField> MapField for Option<M> {
    type Value = M::Value;
    fn entries(&self) -> Vec<(&str, &M::Value)> {
        self.as_ref().map(MapField::entries).unwrap_or_default()
    }
}

/// The `params` of a field error, named by `field_errors(..., params = ...)`: a list of
/// strings, one string, or an `Option` of either.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot hold a field error's parameters",
    label = "this path is named as `params` in `#[vendor_error(field_errors(...))]`",
    note = "declare the field as a `Vec<String>`, a `String`, or an `Option` of one"
)]
pub trait ParamsField {
    /// The parameters, in order.
    fn params(&self) -> Vec<String>;
}

#[diagnostic::do_not_recommend]
impl ParamsField for Vec<String> {
    fn params(&self) -> Vec<String> {
        self.clone()
    }
}

#[diagnostic::do_not_recommend]
impl ParamsField for String {
    fn params(&self) -> Vec<String> {
        vec![self.clone()]
    }
}

#[diagnostic::do_not_recommend]
impl<T: ParamsField> ParamsField for Option<T> {
    fn params(&self) -> Vec<String> {
        self.as_ref().map(ParamsField::params).unwrap_or_default()
    }
}

/// A step of a path into the fields of a value, as the generated code takes it: a list
/// (`Vec`, array, slice) is seen as a slice, anything else as itself, so that naming a field of
/// a list without picking an element (`data.token` for a `data: Vec<...>`) is reported as
/// such, at the list, rather than as a field the list does not have.
#[doc(hidden)]
pub struct Probe<'a, T: ?Sized>(pub &'a T);

/// The step through a list: its elements as a slice. Found before [`RecordProbe`] by method
/// resolution, so it is the one taken for a list.
#[doc(hidden)]
pub trait ListProbe<'a> {
    /// A slice of the elements.
    type Step;
    /// The step.
    fn walk(&self) -> Self::Step;
}

impl<'a, T> ListProbe<'a> for Probe<'a, Vec<T>> {
    type Step = &'a [T];
    fn walk(&self) -> &'a [T] {
        self.0
    }
}

impl<'a, T, const N: usize> ListProbe<'a> for Probe<'a, [T; N]> {
    type Step = &'a [T];
    fn walk(&self) -> &'a [T] {
        self.0
    }
}

impl<'a, T> ListProbe<'a> for Probe<'a, [T]> {
    type Step = &'a [T];
    fn walk(&self) -> &'a [T] {
        self.0
    }
}

impl<'a, T> ListProbe<'a> for Probe<'a, Box<[T]>> {
    type Step = &'a [T];
    fn walk(&self) -> &'a [T] {
        self.0
    }
}

/// The step through a map (`HashMap`, `BTreeMap`): a map has no fields to name, so it leads
/// to a [`MapValue`], which has no [`HasFields`], reported with the fix.
impl<'a, K, V, S> ListProbe<'a> for Probe<'a, std::collections::HashMap<K, V, S>> {
    type Step = MapValue<'a, std::collections::HashMap<K, V, S>>;
    fn walk(&self) -> Self::Step {
        MapValue(self.0)
    }
}

impl<'a, K, V> ListProbe<'a> for Probe<'a, std::collections::BTreeMap<K, V>> {
    type Step = MapValue<'a, std::collections::BTreeMap<K, V>>;
    fn walk(&self) -> Self::Step {
        MapValue(self.0)
    }
}

/// The step through a `serde_json::Value`: untyped JSON has no fields to name, so it leads to
/// an [`UntypedJson`], which has no [`HasFields`], reported with the fix.
impl<'a> ListProbe<'a> for Probe<'a, serde_json::Value> {
    type Step = UntypedJson<'a, serde_json::Value>;
    fn walk(&self) -> Self::Step {
        UntypedJson(self.0)
    }
}

/// The step through a `serde_json::Map`, a JSON object whose keys are not fields: as through a
/// [`serde_json::Value`].
impl<'a> ListProbe<'a> for Probe<'a, serde_json::Map<String, serde_json::Value>> {
    type Step = UntypedJson<'a, serde_json::Map<String, serde_json::Value>>;
    fn walk(&self) -> Self::Step {
        UntypedJson(self.0)
    }
}

/// A map on a path, where a field of it is named. Not hidden from the docs, so that errors
/// name it by its name alone.
pub struct MapValue<'a, T>(#[allow(dead_code)] &'a T);

/// A `serde_json::Value` (or `serde_json::Map`) on a path, where a field of it is named. Not
/// hidden from the docs, so that errors name it by its name alone.
pub struct UntypedJson<'a, T>(#[allow(dead_code)] &'a T);

/// The step through anything that is not a list: the value itself.
#[doc(hidden)]
pub trait RecordProbe<'a> {
    /// The value.
    type Step;
    /// The step.
    fn walk(&self) -> Self::Step;
}

impl<'a, T: ?Sized> RecordProbe<'a> for &Probe<'a, T> {
    type Step = Record<'a, T>;
    fn walk(&self) -> Record<'a, T> {
        Record(self.0)
    }
}

/// A value that is not a list, on a path. A type of its own, so that no borrow or tuple of a
/// list would meet [`FieldStep`] and rustc suggests none.
#[doc(hidden)]
pub struct Record<'a, T: ?Sized>(&'a T);

// Copied into the check, then read: both take it by value.
impl<T: ?Sized> Clone for Record<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Record<'_, T> {}

/// A value a path names a field of: a struct, not a list. Called at the field before the one
/// named, so a list there is reported with the fix.
#[diagnostic::on_unimplemented(
    message = "this field is a list: pick one of its elements with `[n]` before naming a field in it",
    label = "a list: write `[0]` after this field for its first element",
    note = "a path steps into the n-th element of a `Vec`, array or slice with `[n]`: `data[0].token`; a list too short to hold it makes the value absent"
)]
pub trait FieldStep {
    /// Nothing: the check is the bound.
    #[doc(hidden)]
    fn __check(self)
    where
        Self: Sized,
    {
    }
}

#[diagnostic::do_not_recommend]
impl<T: ?Sized> FieldStep for Record<'_, T> {}

// A map is reported by its missing `HasFields`, not as a list.
#[diagnostic::do_not_recommend]
impl<T> FieldStep for MapValue<'_, T> {}

// Untyped JSON too.
#[diagnostic::do_not_recommend]
impl<T> FieldStep for UntypedJson<'_, T> {}

/// The value a step leads to: the value itself, or, for a list (already reported), its first
/// element, so that the rest of the path is checked as if `[0]` were written. A map and a
/// `serde_json::Value` have none: they are reported here, and the rest of the path with them.
#[diagnostic::on_unimplemented(
    message = "this field is a map or a `serde_json::Value`, which has no typed fields a path can name",
    label = "a map or untyped JSON: a path names fields of structs",
    note = "give this field a struct type with the field the path names, a `#[derive(Deserialize)]` struct, which reads the keys it declares and skips the others; for a map of errors by field, read it with `#[vendor_error(field_errors(by_field = ...))]`"
)]
pub trait HasFields {
    /// A reference to the value.
    type Ref;
    /// The value, if any.
    fn element(self) -> Option<Self::Ref>;
}

#[diagnostic::do_not_recommend]
impl<'a, T: ?Sized> HasFields for Record<'a, T> {
    type Ref = &'a T;
    fn element(self) -> Option<&'a T> {
        Some(self.0)
    }
}

#[diagnostic::do_not_recommend]
impl<'a, T> HasFields for &'a [T] {
    type Ref = &'a T;
    fn element(self) -> Option<&'a T> {
        self.first()
    }
}

/// An error-body field named by `field_errors(each = ...)` in `#[vendor_error(...)]`: a list
/// (`Vec`, array, slice, or an `Option` of one) whose entries each name their field.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list, so `field_errors(each = ...)` cannot list its entries",
    label = "this path is named by `each`, a list whose entries each name their field",
    note = "declare the field as a `Vec<...>` (or an `Option` of one); for a map keyed by field name, write `field_errors(by_field = ..., error = ...)`, without `field`"
)]
pub trait EachField {
    /// The type of an entry.
    type Element;
    /// The entries, in order; none when the list is absent.
    fn entries(&self) -> &[Self::Element];
}

#[diagnostic::do_not_recommend]
impl<T: ListField + ?Sized> EachField for T {
    type Element = T::Element;
    fn entries(&self) -> &[T::Element] {
        self.elements()
    }
}

/// A login's field as its `Debug` shows it: through its type's `Debug` when it has one
/// ([`ShownWithDebug`]), else as `..` ([`ShownWithoutDebug`]), so a field needs no `Debug` to be
/// sent. The generated `Debug` calls `(&ShownField(&field)).__shown()`: method resolution
/// takes the first trait whose receiver matches, which is the one that uses `Debug` when the
/// type has it.
#[doc(hidden)]
pub struct ShownField<'a, T>(pub &'a T);

/// [`ShownField`] of a type with `Debug`: shown by it.
#[doc(hidden)]
pub trait ShownWithDebug {
    /// The field, as `Debug` shows it.
    fn __shown(&self) -> &dyn core::fmt::Debug;
}

impl<T: core::fmt::Debug> ShownWithDebug for ShownField<'_, T> {
    fn __shown(&self) -> &dyn core::fmt::Debug {
        self.0
    }
}

/// [`ShownField`] of a type without `Debug`: shown as `..`.
#[doc(hidden)]
pub trait ShownWithoutDebug {
    /// The field, as `..`.
    fn __shown(&self) -> &dyn core::fmt::Debug;
}

impl<T> ShownWithoutDebug for &ShownField<'_, T> {
    fn __shown(&self) -> &dyn core::fmt::Debug {
        &NotShown
    }
}

/// What a field of a type without `Debug` is shown as.
struct NotShown;

impl core::fmt::Debug for NotShown {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("..")
    }
}

/// Implemented by no type: the bound of the `Default` a login has, so that
/// `Login::default()` (or a `#[derive(Default)]` the macro does not see) is refused, since it
/// would make a login without its required fields.
#[diagnostic::on_unimplemented(
    message = "a login is made by its builder, which checks that every required field is set",
    label = "`{Self}` has no `Default`",
    note = "write `{Self}::builder()` and its setters, then `.build()`; a field that may be left unset is an `Option`"
)]
pub trait LoginHasNoDefault {
    /// Never called: no type implements this trait.
    fn __never() -> Self;
}

#[cfg(test)]
mod tests {
    use super::{is_blank, trimmed};

    #[test]
    fn trimmed_is_what_trim_gives() {
        for text in [
            "",
            " ",
            "2024-01-01T00:00:00Z",
            " 2024 ",
            "\u{a0}300\u{a0}",
            "3\t",
            "\u{3000}",
            "a b",
            "\u{e9}t\u{e9}",
        ] {
            assert_eq!(trimmed(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn blank_is_empty_or_white_space_of_any_kind() {
        for blank in ["", " ", "\t\r\n", "\u{a0}", " \u{3000} "] {
            assert!(is_blank(blank), "{blank:?}");
        }
        for text in ["t", " t", "\u{a0}t", "eyJhbGciOi", "\u{e9}", "t "] {
            assert!(!is_blank(text), "{text:?}");
        }
    }
}
