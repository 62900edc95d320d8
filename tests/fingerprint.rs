//! A stable fingerprint of a token, so that test processes can compare tokens without
//! printing them.

use std::hash::{DefaultHasher, Hash, Hasher};

/// 16 hex digits of SipHash with fixed keys: the same in every process of one build.
pub fn fingerprint(token: &str) -> String {
    let mut hasher = DefaultHasher::new();
    token.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}
