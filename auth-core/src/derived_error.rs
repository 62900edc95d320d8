//! What `#[derive(VendorError)]` generates calls: stepping along a declared path, and the kind
//! a code or message maps to. Non-generic, so every error body shares one copy.

use std::marker::PhantomData;

use crate::error::{ErrorKind, FieldError, VendorCode};

/// One arm of `#[vendor_error(kind(...))]`.
#[derive(Clone, Copy, Debug)]
pub enum KindRule {
    /// `code = "invalid_grant" => InvalidCredentials`: the code, compared as text.
    Code(&'static str, ErrorKind),
    /// `code = 4 => InvalidCredentials`: a code that is an integer, parsed when the derive
    /// expands, and its text as written, which a textual code is compared with.
    Number(i64, &'static str, ErrorKind),
    /// `message = "Invalid identifier or password" => InvalidCredentials`: the whole message.
    Message(&'static str, ErrorKind),
}

/// The kind of the first rule that the code or message matches. Inline: the rules are the
/// derive's constant, so each body's few comparisons are compiled against its own texts.
#[inline]
pub fn kind_for(
    rules: &[KindRule],
    code: Option<&VendorCode>,
    message: Option<&str>,
) -> Option<ErrorKind> {
    // The code's kind is matched once, not once per rule.
    let message_rule = |rule: &KindRule| match *rule {
        KindRule::Message(expected, kind) => (message == Some(expected)).then_some(kind),
        _ => None,
    };
    match code {
        Some(VendorCode::Number(n)) => rules.iter().find_map(|rule| match *rule {
            KindRule::Number(expected, _, kind) => (*n == expected).then_some(kind),
            KindRule::Code(expected, kind) => (expected.parse::<i64>() == Ok(*n)).then_some(kind),
            KindRule::Message(..) => message_rule(rule),
        }),
        Some(VendorCode::Text(code)) => rules.iter().find_map(|rule| match *rule {
            KindRule::Code(expected, kind) | KindRule::Number(_, expected, kind) => {
                (code == expected).then_some(kind)
            }
            KindRule::Message(..) => message_rule(rule),
        }),
        None => rules.iter().find_map(message_rule),
    }
}

/// One entry of `field_errors(...)`; an absent name or error is empty.
pub fn field_error(
    field: Option<&str>,
    error: Option<VendorCode>,
    params: Vec<String>,
) -> FieldError {
    FieldError {
        field: field.unwrap_or_default().to_owned(),
        error: error.map(|code| code.to_string()).unwrap_or_default(),
        params,
    }
}

/// A step along a declared path: `Step(&field).enter()` is the field, or what an `Option`
/// field holds. An inherent method for `Option` and a trait method for everything else, so
/// the generated code needs to know no field's type.
pub struct Step<'a, T: ?Sized>(pub &'a T);

impl<'a, T> Step<'a, Option<T>> {
    /// What the `Option` holds.
    pub fn enter(self) -> Option<&'a T> {
        self.0.as_ref()
    }
}

/// [`Step::enter`] for a field that is not an `Option`.
pub trait Present<'a, T: ?Sized> {
    /// The field itself.
    fn enter(self) -> Option<&'a T>;
}

impl<'a, T: ?Sized> Present<'a, T> for Step<'a, T> {
    fn enter(self) -> Option<&'a T> {
        Some(self.0)
    }
}

/// [`Step`] for a walk that moves the value out at its end: `StepMut(&mut field).enter()`.
pub struct StepMut<'a, T: ?Sized>(pub &'a mut T);

impl<'a, T> StepMut<'a, Option<T>> {
    /// What the `Option` holds.
    pub fn enter(self) -> Option<&'a mut T> {
        self.0.as_mut()
    }
}

/// [`StepMut::enter`] for a field that is not an `Option`.
pub trait PresentMut<'a, T: ?Sized> {
    /// The field itself.
    fn enter(self) -> Option<&'a mut T>;
}

impl<'a, T: ?Sized> PresentMut<'a, T> for StepMut<'a, T> {
    fn enter(self) -> Option<&'a mut T> {
        Some(self.0)
    }
}

/// The type of the value a shared step found (the value itself, or a list's first element),
/// with no borrow of it, for [`element_mut`].
#[inline]
pub fn element_type<T: ?Sized>(_: Option<&T>) -> PhantomData<*const T> {
    PhantomData
}

/// The value of type `E` that `value` leads to, as the shared step found it: `value` itself, or
/// its first element. Nothing else is reported here: a step through a map was, by the shared
/// step, and leaves `E` unknown (a map matches two ways), so the rest of the path adds none.
#[inline]
pub fn element_mut<E: ?Sized, W: ?Sized + ElementOf<E>>(
    _: PhantomData<*const E>,
    value: &mut W,
) -> Option<&mut E> {
    value.element_of()
}

/// What a value that a path steps through leads to; see [`element_mut`].
pub trait ElementOf<E: ?Sized> {
    /// The value itself, or the first element of a list.
    fn element_of(&mut self) -> Option<&mut E>;
}

impl<T: ?Sized> ElementOf<T> for T {
    fn element_of(&mut self) -> Option<&mut T> {
        Some(self)
    }
}

impl<T> ElementOf<T> for Vec<T> {
    fn element_of(&mut self) -> Option<&mut T> {
        self.first_mut()
    }
}

impl<T> ElementOf<T> for [T] {
    fn element_of(&mut self) -> Option<&mut T> {
        self.first_mut()
    }
}

impl<T, const N: usize> ElementOf<T> for [T; N] {
    fn element_of(&mut self) -> Option<&mut T> {
        self.first_mut()
    }
}

impl<T> ElementOf<T> for Box<[T]> {
    fn element_of(&mut self) -> Option<&mut T> {
        self.first_mut()
    }
}

// Maps have no element a path steps to (the shared step reports them); these make `E`
// ambiguous for one rather than the map itself.
impl<K, V, S> ElementOf<V> for std::collections::HashMap<K, V, S> {
    fn element_of(&mut self) -> Option<&mut V> {
        None
    }
}

impl<K, V> ElementOf<V> for std::collections::BTreeMap<K, V> {
    fn element_of(&mut self) -> Option<&mut V> {
        None
    }
}

// Nor has untyped JSON: the same for a `serde_json::Value` and a `serde_json::Map`.
impl ElementOf<serde_json::Map<String, serde_json::Value>> for serde_json::Value {
    fn element_of(&mut self) -> Option<&mut serde_json::Map<String, serde_json::Value>> {
        None
    }
}

impl ElementOf<serde_json::Value> for serde_json::Map<String, serde_json::Value> {
    fn element_of(&mut self) -> Option<&mut serde_json::Value> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_match_as_text_and_messages_whole() {
        let rules = [
            KindRule::Code("TOKEN_EXPIRED", ErrorKind::Expired),
            KindRule::Code("4", ErrorKind::InvalidCredentials),
            KindRule::Number(7, "07", ErrorKind::Locked),
            KindRule::Message(
                "Invalid identifier or password",
                ErrorKind::InvalidCredentials,
            ),
        ];
        let kind = |code: Option<VendorCode>, message| kind_for(&rules, code.as_ref(), message);
        assert_eq!(
            kind(Some("TOKEN_EXPIRED".into()), None),
            Some(ErrorKind::Expired)
        );
        assert_eq!(
            kind(Some(VendorCode::Number(4)), None),
            Some(ErrorKind::InvalidCredentials)
        );
        assert_eq!(
            kind(Some("4".into()), None),
            Some(ErrorKind::InvalidCredentials)
        );
        assert_eq!(kind(Some(VendorCode::Number(3)), None), None);
        assert_eq!(kind(Some(VendorCode::Number(-4)), None), None);
        assert_eq!(
            kind(None, Some("Invalid identifier or password")),
            Some(ErrorKind::InvalidCredentials)
        );
        assert_eq!(kind(None, Some("Invalid identifier")), None);
        assert_eq!(kind(None, None), None);
        // A rule parsed when the derive expanded says what the same rule as text says.
        assert_eq!(
            kind(Some(VendorCode::Number(7)), None),
            Some(ErrorKind::Locked)
        );
        assert_eq!(kind(Some("07".into()), None), Some(ErrorKind::Locked));
        assert_eq!(kind(Some("7".into()), None), None);
    }

    #[test]
    fn numeric_codes_match_rules_that_parse_to_them() {
        let rule = |text| [KindRule::Code(text, ErrorKind::Locked)];
        let matches = |text, n| {
            kind_for(&rule(text), Some(&VendorCode::Number(n)), None) == Some(ErrorKind::Locked)
        };
        for (text, n) in [
            ("0", 0),
            ("4", 4),
            ("04", 4),
            ("+4", 4),
            ("-0", 0),
            ("-17", -17),
            ("9223372036854775807", i64::MAX),
            ("-9223372036854775808", i64::MIN),
            ("00000000000000000000004", 4),
        ] {
            assert!(matches(text, n), "{text} is {n}");
        }
        for (text, n) in [
            ("4", 40),
            ("40", 4),
            ("-4", 4),
            ("4", -4),
            ("4x", 4),
            ("", 0),
            ("-", 0),
            ("+-4", -4),
            ("9223372036854775808", i64::MIN),
        ] {
            assert!(!matches(text, n), "{text} is not {n}");
        }
    }

    #[test]
    fn mutable_steps_reach_the_value_the_shared_step_found() {
        struct Inner {
            code: Option<String>,
        }
        let mut some = Some(Inner {
            code: Some("x".to_owned()),
        });
        let inner = StepMut(&mut some).enter().unwrap();
        let code = StepMut(&mut inner.code).enter().unwrap();
        assert_eq!(std::mem::take(code), "x");
        assert_eq!(some.and_then(|inner| inner.code).as_deref(), Some(""));
        let mut none: Option<Inner> = None;
        assert!(StepMut(&mut none).enter().is_none());
        let mut plain = 7;
        *StepMut(&mut plain).enter().unwrap() += 1;
        assert_eq!(plain, 8);

        // A record is itself; a list, as the shared step reads it, is its first element.
        let mut record = Inner { code: None };
        let found = element_type(Some(&record));
        assert!(element_mut(found, &mut record).is_some_and(|inner| inner.code.is_none()));
        let mut list = vec![1, 2];
        let found = element_type(list.first());
        *element_mut(found, &mut list).unwrap() = 5;
        assert_eq!(list, [5, 2]);
        let mut empty: Vec<i32> = Vec::new();
        let found = element_type::<i32>(None);
        assert!(element_mut(found, &mut empty).is_none());
    }

    #[test]
    fn steps_enter_options_and_plain_values() {
        struct Inner {
            code: Option<String>,
        }
        let some = Some(Inner {
            code: Some("x".to_owned()),
        });
        let inner = Step(&some).enter().unwrap();
        assert_eq!(Step(&inner.code).enter().map(String::as_str), Some("x"));
        let plain = 7;
        assert_eq!(Step(&plain).enter(), Some(&7));
        let none: Option<Inner> = None;
        assert!(Step(&none).enter().is_none());
    }
}
