//! Sealing sessions at rest: the app's [`SealingKey`], the keys derived from it, and the
//! format of a sealed value.
//!
//! A sealed value is `version (1) | key id length (1) | key id | nonce (24) | ciphertext | tag (16)`,
//! encrypted with XChaCha20-Poly1305 under a key derived from the app's key. The associated
//! data binds it to its place: the format version, the key id, the store key and the
//! generation that wrote it. Inside are a small JSON document with the session's token, refresh
//! token and times, and the vendor's success body.

use std::fmt;
use std::time::{Duration, SystemTime};

use chacha20poly1305::aead::AeadInOut;
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;
use zeroize::Zeroizing;

use super::{StoreError, StoreKey, from_unix_millis, unix_millis};
use crate::secret::Secret;
use crate::session::{Credentials, Session};

const FORMAT_VERSION: u8 = 1;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;
const MAX_KEY_ID_LEN: usize = 32;
/// Hex digits of the keyed hash in a store key: 128 bits.
const DIGEST_HEX_LEN: usize = 32;
const MAX_SLUG_LEN: usize = 32;

/// The app's key for sealing shared sessions: 32 random bytes and a short id.
///
/// Every process that shares sessions needs the same key (from a secret manager or an
/// environment variable, never from the repository). Two keys are derived from it, one that
/// encrypts and authenticates the values and one that hashes principals into store keys, so a
/// new key also means new store keys: processes on the old key and the new one keep separate
/// sessions while a rotation rolls out. The id is stored beside each value; a value sealed
/// under another id counts as absent.
///
/// `Debug` shows the id only, and the key bytes are zeroized on drop.
///
/// ```
/// use auth_core::store::SealingKey;
///
/// let key = SealingKey::from_hex("2024-06", &"ab".repeat(32))?;
/// assert_eq!(key.id(), "2024-06");
/// assert!(!format!("{key:?}").contains("abab"));
/// # Ok::<(), auth_core::store::StoreError>(())
/// ```
pub struct SealingKey {
    id: String,
    bytes: Zeroizing<[u8; 32]>,
}

impl SealingKey {
    /// A key from its 32 bytes. The id (1 to 32 ASCII letters, digits, `.`, `_` or `-`)
    /// names it in stored values, e.g. the date it was made.
    pub fn new(id: impl Into<String>, bytes: [u8; 32]) -> Result<Self, StoreError> {
        let id = id.into();
        let valid = !id.is_empty()
            && id.len() <= MAX_KEY_ID_LEN
            && id
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'));
        if !valid {
            return Err(StoreError::new(
                "a sealing key id must be 1 to 32 ASCII letters, digits, `.`, `_` or `-`",
            ));
        }
        Ok(SealingKey {
            id,
            bytes: Zeroizing::new(bytes),
        })
    }

    /// A key from 64 hexadecimal digits (as `openssl rand -hex 32` prints them).
    pub fn from_hex(id: impl Into<String>, hex: &str) -> Result<Self, StoreError> {
        let hex = hex.trim().as_bytes();
        let mut bytes = Zeroizing::new([0u8; 32]);
        if hex.len() != 64 {
            return Err(StoreError::new(
                "a sealing key must be 64 hexadecimal digits (32 bytes)",
            ));
        }
        for (byte, pair) in bytes.iter_mut().zip(hex.chunks_exact(2)) {
            match (hex_digit(pair[0]), hex_digit(pair[1])) {
                (Some(high), Some(low)) => *byte = high << 4 | low,
                _ => {
                    return Err(StoreError::new(
                        "a sealing key must be 64 hexadecimal digits (32 bytes)",
                    ));
                }
            }
        }
        SealingKey::new(id, *bytes)
    }

    /// The key's id.
    pub fn id(&self) -> &str {
        &self.id
    }
}

fn hex_digit(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

impl fmt::Debug for SealingKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SealingKey")
            .field("id", &self.id)
            .field("key", &"[REDACTED]")
            .finish()
    }
}

impl zeroize::ZeroizeOnDrop for SealingKey {}

/// The keys derived from a [`SealingKey`].
pub(crate) struct Keys {
    key_id: String,
    cipher: XChaCha20Poly1305,
    naming: Zeroizing<[u8; 32]>,
}

/// HMAC-SHA256 of the parts, each prefixed by its length so that no two lists of parts hash
/// alike.
fn keyed_hash(key: &[u8], parts: &[&[u8]]) -> Zeroizing<[u8; 32]> {
    // HMAC takes keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"));
    for part in parts {
        mac.update(&(part.len() as u64).to_be_bytes());
        mac.update(part);
    }
    let mut out = Zeroizing::new([0u8; 32]);
    out.copy_from_slice(&mac.finalize().into_bytes());
    out
}

impl Keys {
    pub(crate) fn derive(key: &SealingKey) -> Keys {
        let sealing = keyed_hash(&*key.bytes, &[b"login-endpoint session sealing v1"]);
        let naming = keyed_hash(&*key.bytes, &[b"login-endpoint session naming v1"]);
        Keys {
            key_id: key.id.clone(),
            cipher: XChaCha20Poly1305::new(&(*sealing).into()),
            naming,
        }
    }

    /// The store key of `principal`'s sessions with `vendor` at `base_url`.
    pub(crate) fn key_for(&self, vendor: &str, base_url: &str, principal: &str) -> StoreKey {
        let digest = keyed_hash(
            &*self.naming,
            &[
                vendor.as_bytes(),
                base_url.trim_end_matches('/').as_bytes(),
                principal.as_bytes(),
            ],
        );
        let mut key = vendor_slug(vendor);
        key.push('-');
        for byte in &digest[..DIGEST_HEX_LEN / 2] {
            key.push_str(&format!("{byte:02x}"));
        }
        StoreKey(key)
    }

    fn associated_data(&self, key: &StoreKey, generation: u64) -> Vec<u8> {
        let mut data = Vec::with_capacity(64 + key.as_str().len());
        data.extend_from_slice(b"login-endpoint session");
        data.push(FORMAT_VERSION);
        data.push(self.key_id.len() as u8);
        data.extend_from_slice(self.key_id.as_bytes());
        data.extend_from_slice(&(key.as_str().len() as u64).to_be_bytes());
        data.extend_from_slice(key.as_str().as_bytes());
        data.extend_from_slice(&generation.to_be_bytes());
        data
    }

    /// Encrypts `plaintext` for `key` and `generation`; `None` when no random nonce could be
    /// had.
    pub(crate) fn seal(
        &self,
        key: &StoreKey,
        generation: u64,
        plaintext: &[u8],
    ) -> Option<Vec<u8>> {
        let mut nonce = [0u8; NONCE_LEN];
        getrandom::fill(&mut nonce).ok()?;
        let mut buffer = Zeroizing::new(Vec::with_capacity(plaintext.len() + TAG_LEN));
        buffer.extend_from_slice(plaintext);
        self.cipher
            .encrypt_in_place(
                &XNonce::from(nonce),
                &self.associated_data(key, generation),
                &mut *buffer,
            )
            .ok()?;
        let mut sealed = Vec::with_capacity(2 + self.key_id.len() + NONCE_LEN + buffer.len());
        sealed.push(FORMAT_VERSION);
        sealed.push(self.key_id.len() as u8);
        sealed.extend_from_slice(self.key_id.as_bytes());
        sealed.extend_from_slice(&nonce);
        sealed.extend_from_slice(&buffer);
        Some(sealed)
    }

    /// The plaintext of a value sealed for `key` and `generation` under this key; `None` for
    /// anything else (another key, another place, a damaged or forged value).
    pub(crate) fn open(
        &self,
        key: &StoreKey,
        generation: u64,
        sealed: &[u8],
    ) -> Option<Zeroizing<Vec<u8>>> {
        let (&version, rest) = sealed.split_first()?;
        let (&id_len, rest) = rest.split_first()?;
        if version != FORMAT_VERSION || rest.len() < usize::from(id_len) + NONCE_LEN + TAG_LEN {
            return None;
        }
        let (id, rest) = rest.split_at(usize::from(id_len));
        if id != self.key_id.as_bytes() {
            return None;
        }
        let (nonce, ciphertext) = rest.split_at(NONCE_LEN);
        let nonce: [u8; NONCE_LEN] = nonce.try_into().ok()?;
        let mut buffer = Zeroizing::new(ciphertext.to_vec());
        self.cipher
            .decrypt_in_place(
                &XNonce::from(nonce),
                &self.associated_data(key, generation),
                &mut *buffer,
            )
            .ok()?;
        Some(buffer)
    }
}

/// The vendor's name in lowercase ASCII, other characters as `-`: `Up2 Money` → `up2-money`.
fn vendor_slug(vendor: &str) -> String {
    let mut slug = String::with_capacity(vendor.len().min(MAX_SLUG_LEN));
    for c in vendor.chars() {
        if slug.len() == MAX_SLUG_LEN {
            break;
        }
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "vendor".to_owned()
    } else {
        slug.to_owned()
    }
}

/// The session's own fields, as sealed. The plaintext is this JSON document's length (4 bytes,
/// big-endian), the document, then the vendor's success body as it arrived.
#[derive(Serialize)]
struct SessionOut<'a> {
    token: &'a str,
    refresh_token: Option<&'a str>,
    issued_at_ms: u64,
    expires_at_ms: Option<u64>,
    refresh_expires_at_ms: Option<u64>,
    sealed_at_ms: u64,
    expires_in_ms: Option<u64>,
}

/// The same, as opened.
#[derive(Deserialize)]
struct SessionIn {
    token: Secret,
    refresh_token: Option<Secret>,
    issued_at_ms: u64,
    expires_at_ms: Option<u64>,
    refresh_expires_at_ms: Option<u64>,
    sealed_at_ms: u64,
    expires_in_ms: Option<u64>,
}

/// A session read back from the store, with how long its token had left when it was sealed.
pub(crate) struct RestoredSession<R> {
    pub(crate) session: Session<R>,
    /// What was left of the token's lifetime at `sealed_at` (the lifetime is carried as a
    /// duration, so that every process measures it on its own clock from there).
    pub(crate) expires_in: Option<Duration>,
    pub(crate) sealed_at: SystemTime,
}

/// The plaintext to seal for `session`, read from the success body `body` (JSON or, for a
/// `TextBody`, any bytes), at `sealed_at` with `expires_in` of its lifetime left; `None` when it
/// cannot be written.
pub(crate) fn session_plaintext<R>(
    session: &Session<R>,
    body: &[u8],
    sealed_at: SystemTime,
    expires_in: Option<Duration>,
) -> Option<Zeroizing<Vec<u8>>> {
    let out = SessionOut {
        token: session.token().expose_secret(),
        refresh_token: session.refresh_token().map(Secret::expose_secret),
        issued_at_ms: unix_millis(session.issued_at()),
        expires_at_ms: session.expires_at().map(unix_millis),
        refresh_expires_at_ms: session.refresh_expires_at().map(unix_millis),
        sealed_at_ms: unix_millis(sealed_at),
        expires_in_ms: expires_in.map(|left| u64::try_from(left.as_millis()).unwrap_or(u64::MAX)),
    };
    let mut plaintext = Zeroizing::new(Vec::with_capacity(body.len() + 512));
    plaintext.extend_from_slice(&[0; 4]);
    serde_json::to_writer(&mut *plaintext, &out).ok()?;
    let fields_len = u32::try_from(plaintext.len() - 4).ok()?;
    plaintext[..4].copy_from_slice(&fields_len.to_be_bytes());
    plaintext.extend_from_slice(body);
    Some(plaintext)
}

/// The success body in `plaintext`, which its response is read from.
pub(crate) fn plaintext_body(plaintext: &[u8]) -> Option<&[u8]> {
    let (fields_len, rest) = plaintext.split_first_chunk::<4>()?;
    let fields_len = usize::try_from(u32::from_be_bytes(*fields_len)).ok()?;
    rest.get(fields_len..)
}

/// The session in `plaintext`, its response read by `decode` (the endpoint's own, as
/// `LoginEndpoint::__decode`); `None` when anything does not parse.
pub(crate) fn session_from_plaintext<R>(
    plaintext: &[u8],
    vendor: &'static str,
    idle_timeout: Option<Duration>,
    decode: fn(&[u8]) -> Result<R, serde_json::Error>,
) -> Option<RestoredSession<R>> {
    let (fields_len, rest) = plaintext.split_first_chunk::<4>()?;
    let fields_len = usize::try_from(u32::from_be_bytes(*fields_len)).ok()?;
    if rest.len() < fields_len {
        return None;
    }
    let (fields, body) = rest.split_at(fields_len);
    let stored: SessionIn = serde_json::from_slice(fields).ok()?;
    if stored.token.is_empty() {
        return None;
    }
    let response = decode(body).ok()?;
    let issued_at: SystemTime = from_unix_millis(stored.issued_at_ms);
    let credentials = Credentials {
        token: stored.token,
        refresh_token: stored.refresh_token,
        expires_at: stored.expires_at_ms.map(from_unix_millis),
        refresh_expires_at: stored.refresh_expires_at_ms.map(from_unix_millis),
    };
    Some(RestoredSession {
        session: Session::restored(vendor, credentials, issued_at, idle_timeout, response),
        expires_in: stored.expires_in_ms.map(Duration::from_millis),
        sealed_at: from_unix_millis(stored.sealed_at_ms),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(id: &str, byte: u8) -> Keys {
        Keys::derive(&SealingKey::new(id, [byte; 32]).unwrap())
    }

    #[test]
    fn a_sealed_value_opens_only_in_its_place_under_its_key() {
        let keys = keys("k1", 1);
        let key = keys.key_for("Up2 Money", "https://api.up2.money", "me@example.com");
        let other = keys.key_for("Up2 Money", "https://api.up2.money", "you@example.com");
        let sealed = keys.seal(&key, 7, b"plaintext").unwrap();
        assert_eq!(&*keys.open(&key, 7, &sealed).unwrap(), b"plaintext");
        assert!(keys.open(&key, 8, &sealed).is_none(), "another generation");
        assert!(keys.open(&other, 7, &sealed).is_none(), "another key");
        assert!(
            self::keys("k2", 1).open(&key, 7, &sealed).is_none(),
            "another key id"
        );
        assert!(
            self::keys("k1", 2).open(&key, 7, &sealed).is_none(),
            "other key bytes under the same id"
        );
        for at in 0..sealed.len() {
            let mut damaged = sealed.clone();
            damaged[at] ^= 0x40;
            assert!(keys.open(&key, 7, &damaged).is_none(), "byte {at} flipped");
        }
        for len in 0..sealed.len() {
            assert!(keys.open(&key, 7, &sealed[..len]).is_none(), "cut to {len}");
        }
        // A random nonce each time: the same plaintext never seals alike.
        assert_ne!(sealed, keys.seal(&key, 7, b"plaintext").unwrap());
    }

    #[test]
    fn store_keys_name_the_vendor_and_hide_the_rest() {
        let keys = keys("k1", 1);
        let key = keys.key_for(
            "TalkStack AI",
            "https://api.talkstackai.com/",
            "me@example.com",
        );
        let text = key.as_str();
        assert!(text.starts_with("talkstack-ai-"), "{text}");
        assert_eq!(text.len(), "talkstack-ai-".len() + DIGEST_HEX_LEN);
        assert!(!text.contains("me") && !text.contains("example") && !text.contains("api"));
        assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'));
        // The trailing slash of a base URL does not make another key.
        assert_eq!(
            key,
            keys.key_for(
                "TalkStack AI",
                "https://api.talkstackai.com",
                "me@example.com"
            )
        );
        assert_ne!(
            key,
            keys.key_for(
                "TalkStack AI",
                "https://staging.talkstackai.com",
                "me@example.com"
            )
        );
        assert_ne!(
            key,
            self::keys("k1", 2).key_for(
                "TalkStack AI",
                "https://api.talkstackai.com",
                "me@example.com"
            ),
            "another sealing key, other store keys"
        );
        assert_eq!(vendor_slug("Up2 Money"), "up2-money");
        assert_eq!(vendor_slug("  --  "), "vendor");
        assert_eq!(vendor_slug("Hyper3D (Deemos)"), "hyper3d-deemos");
    }

    #[derive(Debug, serde::Deserialize, PartialEq)]
    struct Response {
        token: String,
        user: String,
    }

    fn decode(body: &[u8]) -> Result<Response, serde_json::Error> {
        serde_json::from_slice(body)
    }

    #[test]
    fn a_session_round_trips_and_any_cut_of_it_is_refused() {
        let body = br#"{"token":"tok-1","user":"me"}"#;
        let credentials = Credentials {
            token: Secret::from("tok-1"),
            refresh_token: Some(Secret::from("refresh-1")),
            expires_at: Some(from_unix_millis(9_000)),
            refresh_expires_at: Some(from_unix_millis(99_000)),
        };
        let session = Session::restored("V", credentials, from_unix_millis(1_000), None, ());
        let plaintext = session_plaintext(
            &session,
            body,
            from_unix_millis(2_000),
            Some(Duration::from_secs(7)),
        )
        .unwrap();
        let restored: RestoredSession<Response> =
            session_from_plaintext(&plaintext, "V", Some(Duration::from_secs(300)), decode)
                .unwrap();
        assert_eq!(restored.sealed_at, from_unix_millis(2_000));
        assert_eq!(restored.expires_in, Some(Duration::from_secs(7)));
        let back = restored.session;
        assert_eq!(back.token().expose_secret(), "tok-1");
        assert_eq!(back.refresh_token().unwrap().expose_secret(), "refresh-1");
        assert_eq!(back.issued_at(), from_unix_millis(1_000));
        assert_eq!(back.expires_at(), Some(from_unix_millis(9_000)));
        assert_eq!(back.refresh_expires_at(), Some(from_unix_millis(99_000)));
        assert_eq!(back.idle_timeout(), Some(Duration::from_secs(300)));
        assert_eq!(back.response().user, "me");
        for len in 0..plaintext.len() {
            assert!(
                session_from_plaintext(&plaintext[..len], "V", None, decode).is_none(),
                "cut to {len}"
            );
        }
        // A body of another shape is no session either.
        let other = session_plaintext(
            &session,
            br#"{"unexpected":true}"#,
            from_unix_millis(0),
            None,
        )
        .unwrap();
        assert!(session_from_plaintext(&other, "V", None, decode).is_none());
    }

    #[test]
    fn key_ids_and_hex_keys_are_checked() {
        assert!(SealingKey::new("", [0; 32]).is_err());
        assert!(SealingKey::new("a b", [0; 32]).is_err());
        assert!(SealingKey::new("x".repeat(33), [0; 32]).is_err());
        assert!(SealingKey::new("2024-06.a_b", [0; 32]).is_ok());
        assert!(SealingKey::from_hex("k", "00").is_err());
        assert!(SealingKey::from_hex("k", &"zz".repeat(32)).is_err());
        let key = SealingKey::from_hex("k", &"0f".repeat(32)).unwrap();
        assert_eq!(*key.bytes, [0x0f; 32]);
        assert_eq!(
            format!("{key:?}"),
            r#"SealingKey { id: "k", key: "[REDACTED]" }"#
        );
    }
}
