//! A report's text carried in a link: `#doc=` + base64url(deflate(UTF-8 text)).
//!
//! The sender packs the DECODED text (so a GBK file travels as text, not as GBK bytes);
//! the receiver unpacks it and parses it the same way the sender's text was parsed, so
//! both see the same `Report::text`. Unpacking is capped at [`MAX_BYTES`]: a small link
//! that inflates to gigabytes (a "decompression bomb") is refused, not expanded.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use miniz_oxide::inflate::TINFLStatus;

use crate::report::MAX_BYTES;

/// Why a `#doc=` link could not be opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocLinkError {
    /// Nothing after `doc=`.
    Empty,
    /// Not base64url (cut off, or changed by a chat app or mail client).
    BadBase64,
    /// Base64 is fine but the data is not a deflate stream (truncated or altered).
    BadDeflate,
    /// Inflates to more than `limit` bytes: refused.
    TooLarge { limit: usize },
    /// Inflates, but not to UTF-8 text.
    BadUtf8,
}

impl std::fmt::Display for DocLinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DocLinkError::Empty => write!(f, "the link carries no report"),
            DocLinkError::BadBase64 => {
                write!(f, "the link is damaged (not base64url; was it cut off?)")
            }
            DocLinkError::BadDeflate => write!(
                f,
                "the link is damaged (its compressed data is broken or incomplete)"
            ),
            DocLinkError::TooLarge { limit } => write!(
                f,
                "the link unpacks to more than {} MB; refused",
                limit / 1_000_000
            ),
            DocLinkError::BadUtf8 => write!(f, "the link is damaged (it does not unpack to text)"),
        }
    }
}

impl std::error::Error for DocLinkError {}

/// Pack text for a `#doc=` link (raw deflate at the best level, base64url without padding).
pub fn encode_text(text: &str) -> String {
    URL_SAFE_NO_PAD.encode(deflate(text.as_bytes()))
}

/// Raw deflate at the best level (also used to keep reports in browser storage).
pub fn deflate(bytes: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(bytes, 9)
}

/// Raw inflate, refusing output over `limit` bytes.
pub fn inflate(packed: &[u8], limit: usize) -> Result<Vec<u8>, DocLinkError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(packed, limit).map_err(|e| match e.status {
        TINFLStatus::HasMoreOutput => DocLinkError::TooLarge { limit },
        _ => DocLinkError::BadDeflate,
    })
}

/// Unpack the value of `doc=` into the sender's text. Never panics; refuses more than
/// [`MAX_BYTES`] of output.
pub fn decode_text(s: &str) -> Result<String, DocLinkError> {
    decode_text_with_limit(s, MAX_BYTES)
}

/// [`decode_text`] with an explicit output cap.
pub fn decode_text_with_limit(s: &str, limit: usize) -> Result<String, DocLinkError> {
    let bytes = decode_bytes_with_limit(s, limit)?;
    String::from_utf8(bytes).map_err(|_| DocLinkError::BadUtf8)
}

/// Unpack base64url(deflate(bytes)) with an output cap.
pub fn decode_bytes_with_limit(s: &str, limit: usize) -> Result<Vec<u8>, DocLinkError> {
    // Tolerate what mail and chat clients add: surrounding whitespace, line breaks, padding.
    let cleaned: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let cleaned = cleaned.trim_end_matches('=');
    if cleaned.is_empty() {
        return Err(DocLinkError::Empty);
    }
    // Compressed data is never larger than the text it came from (plus a little):
    // a longer link cannot be a report within the limit.
    if cleaned.len() / 4 * 3 > limit.saturating_add(limit / 10).saturating_add(1024) {
        return Err(DocLinkError::TooLarge { limit });
    }
    let packed = URL_SAFE_NO_PAD
        .decode(cleaned.as_bytes())
        .map_err(|_| DocLinkError::BadBase64)?;
    inflate(&packed, limit)
}

/// Encode arbitrary bytes the same way (deflate + base64url): for browser storage.
pub fn encode_bytes(bytes: &[u8]) -> String {
    encode_deflated(&deflate(bytes))
}

/// base64url of bytes already deflated (raw deflate, by any deflater): what
/// [`decode_bytes_with_limit`] reads.
pub fn encode_deflated(packed: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(packed)
}

/// A file's text as the parser sees it, and the encoding it was read with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedInput {
    pub text: String,
    pub encoding: String,
}

/// Decode a file's bytes the way [`crate::report::parse`] does before it parses the
/// text (Word → paragraphs, HTML → text, otherwise detected encoding), so that
/// `parse_text(file, &d.text, &d.encoding).text == parse(file, bytes)?.text`.
/// `tests/share.rs` checks that equality for every fixture.
pub fn decoded_input(bytes: &[u8]) -> Result<DecodedInput, crate::report::OpenError> {
    let d = crate::report::decode_input(bytes)?;
    Ok(DecodedInput {
        text: d.text,
        encoding: d.encoding,
    })
}
