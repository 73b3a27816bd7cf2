//! Share links: view state in the URL, reports carried in `#doc=`.
//!
//! Pure Rust (no web crates), tested natively (`tests/share.rs`):
//! - [`doc`]: a report's text packed into a link (`#doc=`: deflate + base64url) and back,
//!   refusing damaged links and decompression bombs;
//! - [`view`]: the view (section, indicator, tab, filters) ⇄ URL fragment, plus the
//!   fragment's link parts (`doc=`, `sha256=`, `name=`);
//! - [`link`]: what a page address asks to open (`?url=`, `?report=`), which addresses may
//!   be fetched, building share links, how long a link may be in chat;
//! - [`store`]: what the page keeps in the browser (last session, recent reports).

pub mod doc;
pub mod link;
pub mod store;
pub mod view;

pub use doc::{decode_text, encode_text, DocLinkError};
pub use link::{ChatLimit, LinkRequest, CHAT_LIMITS};
pub use view::{Fragment, ViewState};

use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of `bytes` (64 characters).
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lower-case hex of a digest.
pub(crate) fn hex(digest: &[u8]) -> String {
    let mut out = String::with_capacity(digest.len() * 2);
    for b in digest {
        out.push(char::from_digit((b >> 4) as u32, 16).unwrap_or('0'));
        out.push(char::from_digit((b & 15) as u32, 16).unwrap_or('0'));
    }
    out
}

/// Whether `s` looks like a SHA-256 in hex (64 hex digits, either case).
pub fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_hexdigit())
}
