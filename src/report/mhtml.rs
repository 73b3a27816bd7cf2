//! Web archives: a page saved as one file (`.mhtml` from Chrome, Edge and other Blink
//! browsers' "Webpage, Single File", `.mht` from Internet Explorer and Word). The file
//! is a MIME message (RFC 2557): headers, then parts split by a boundary line, each with
//! its own headers and a body in quoted-printable, base64 or as is. The page itself is
//! the first `text/html` part; [`html_part`] returns its bytes, which are then read as a
//! saved HTML page is (its charset from the part's header, else its `<meta charset>`
//! or detection). Linear in the input: one pass to find the part, one to decode it.

use super::OpenError;
use base64::Engine as _;

/// How far into the file the message's own headers may reach.
const MAX_HEAD: usize = 16 * 1024;

/// The page of a web archive: its bytes, decoded from their transfer encoding, and the
/// charset its part names (`Content-Type: text/html; charset="gb2312"`), if any.
#[derive(Debug, PartialEq, Eq)]
pub struct HtmlPart {
    pub bytes: Vec<u8>,
    pub charset: Option<String>,
}

/// The header block at the start of `b` (up to its first empty line) and the offset
/// where the body after it begins; `None` when `b` does not start with a header line.
fn header_block(b: &[u8], limit: usize) -> Option<(&[u8], usize)> {
    let first = b.iter().take(limit).position(|&c| c == b'\n')?;
    let name_end = b[..first].iter().position(|&c| c == b':')?;
    if name_end == 0 || !b[..name_end].iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-') {
        return None;
    }
    let mut k = 0;
    while k < b.len().min(limit) {
        let end = memchr::memchr(b'\n', &b[k..]).map_or(b.len(), |p| k + p);
        let line = &b[k..end];
        if line.is_empty() || line == b"\r" {
            return Some((&b[..k], (end + 1).min(b.len())));
        }
        k = end + 1;
    }
    // no empty line: headers only (a body-less part), or not a message at all
    (b.len() <= limit).then_some((b, b.len()))
}

/// The value of header `name` (case-insensitive) in a header block, its folded lines
/// joined.
fn header(block: &[u8], name: &str) -> Option<String> {
    let text = String::from_utf8_lossy(block);
    let mut found: Option<String> = None;
    for line in text.split('\n').map(|l| l.trim_end_matches('\r')) {
        if line.starts_with([' ', '\t']) {
            if let Some(v) = found.as_mut() {
                v.push(' ');
                v.push_str(line.trim());
            }
            continue;
        }
        if found.is_some() {
            break;
        }
        if let Some((n, v)) = line.split_once(':') {
            if n.trim().eq_ignore_ascii_case(name) {
                found = Some(v.trim().to_string());
            }
        }
    }
    found
}

/// The media type of a `Content-Type` value, lower case (`multipart/related`).
fn media_type(v: &str) -> String {
    v.split(';').next().unwrap_or("").trim().to_ascii_lowercase()
}

/// Parameter `name` of a header value (`boundary="----x"`, `charset=gbk`), unquoted.
fn param(v: &str, name: &str) -> Option<String> {
    v.split(';').skip(1).find_map(|p| {
        let (n, val) = p.split_once('=')?;
        n.trim().eq_ignore_ascii_case(name).then(|| val.trim().trim_matches('"').to_string())
    })
}

/// Whether `bytes` are a web archive: a MIME message whose type is `multipart/related`
/// (or a single `text/html` page), with a `MIME-Version` header. A report's text never
/// starts so; the page's own wasm checks only this and leaves the reading to the worker.
pub fn is_mhtml(bytes: &[u8]) -> bool {
    message_head(bytes).is_some()
}

/// A web archive's own headers ([`is_mhtml`]): where its body starts and its
/// `Content-Type`.
fn message_head(bytes: &[u8]) -> Option<(usize, String)> {
    let (head, body_at) = header_block(bytes, MAX_HEAD)?;
    header(head, "MIME-Version")?;
    let ctype = header(head, "Content-Type")?;
    matches!(media_type(&ctype).as_str(), "multipart/related" | "text/html").then_some((body_at, ctype))
}

/// A part's body decoded from its `Content-Transfer-Encoding`.
fn decode_body(body: &[u8], encoding: Option<&str>) -> Result<Vec<u8>, OpenError> {
    match encoding.map(|e| e.trim().to_ascii_lowercase()).as_deref() {
        Some("quoted-printable") => quoted_printable::decode(body, quoted_printable::ParseMode::Robust)
            .map_err(|e| broken(&format!("its page is not valid quoted-printable ({e})"))),
        Some("base64") => {
            let clean: Vec<u8> = body.iter().copied().filter(|c| !c.is_ascii_whitespace()).collect();
            base64::engine::general_purpose::STANDARD
                .decode(&clean)
                .map_err(|e| broken(&format!("its page is not valid base64 ({e})")))
        }
        _ => Ok(body.to_vec()),
    }
}

fn broken(why: &str) -> OpenError {
    OpenError::Binary { what: format!("a web archive (.mhtml) whose page cannot be read: {why}") }
}

/// The page of a web archive ([`is_mhtml`]): the first `text/html` part, decoded.
/// `None` when `bytes` are no web archive; an error when the archive holds no page or
/// its page cannot be decoded.
pub fn html_part(bytes: &[u8]) -> Option<Result<HtmlPart, OpenError>> {
    let (body_at, ctype) = message_head(bytes)?;
    if media_type(&ctype) == "text/html" {
        let enc = header(&bytes[..body_at], "Content-Transfer-Encoding");
        return Some(decode_body(&bytes[body_at..], enc.as_deref()).map(|bytes| HtmlPart { bytes, charset: param(&ctype, "charset") }));
    }
    Some(first_html(bytes, body_at, &ctype))
}

/// The first `text/html` part of a `multipart/related` message whose body starts at
/// `at`.
fn first_html(bytes: &[u8], at: usize, ctype: &str) -> Result<HtmlPart, OpenError> {
    let boundary = param(ctype, "boundary").filter(|b| !b.is_empty()).ok_or_else(|| broken("it names no boundary between its parts"))?;
    let delim = format!("--{boundary}");
    let finder = memchr::memmem::Finder::new(delim.as_bytes());
    let mut k = at;
    // each delimiter line opens a part; the part ends where the next delimiter starts
    while let Some(p) = finder.find(&bytes[k..]) {
        let after = k + p + delim.len();
        if bytes[after..].starts_with(b"--") {
            break;
        }
        let start = memchr::memchr(b'\n', &bytes[after..]).map_or(bytes.len(), |q| after + q + 1);
        let end = finder.find(&bytes[start..]).map_or(bytes.len(), |q| start + q);
        let part = &bytes[start..end];
        if let Some((phead, body_at)) = header_block(part, part.len().min(MAX_HEAD)) {
            let pt = header(phead, "Content-Type").unwrap_or_default();
            if media_type(&pt) == "text/html" {
                // the line break before the next delimiter belongs to the delimiter
                let body = &part[body_at..];
                let body = body.strip_suffix(b"\n").map_or(body, |b| b.strip_suffix(b"\r").unwrap_or(b));
                let enc = header(phead, "Content-Transfer-Encoding");
                return decode_body(body, enc.as_deref()).map(|bytes| HtmlPart { bytes, charset: param(&pt, "charset") });
            }
        }
        k = end;
    }
    Err(broken("it holds no HTML page"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn archive(parts: &[(&str, &str)]) -> Vec<u8> {
        let mut s = String::from("From: <Saved by Blink>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----B--x\"\r\n\r\n\r\n");
        for (head, body) in parts {
            s += &format!("------B--x\r\n{head}\r\n\r\n{body}\r\n");
        }
        s += "------B--x--\r\n";
        s.into_bytes()
    }

    #[test]
    fn the_first_html_part_decoded_from_quoted_printable() {
        let a = archive(&[
            ("Content-Type: text/css\r\nContent-Transfer-Encoding: quoted-printable", "p {}"),
            ("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable", "<p>=E6=94=BF=E5=BA=9C=\r\n=E5=B7=A5=E4=BD=9C=E6=8A=A5=E5=91=8A a=3Db</p>"),
            ("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable", "<p>frame</p>"),
        ]);
        assert!(is_mhtml(&a));
        let p = html_part(&a).unwrap().unwrap();
        assert_eq!(String::from_utf8(p.bytes).unwrap(), "<p>政府工作报告 a=b</p>");
        assert_eq!(p.charset, None);
    }

    #[test]
    fn base64_with_a_charset_as_internet_explorer_writes_it() {
        let (gbk, _, _) = encoding_rs::GBK.encode("<p>政府工作报告</p>");
        let b64 = base64::engine::general_purpose::STANDARD.encode(&gbk);
        let wrapped: Vec<&str> = b64.as_bytes().chunks(8).map(|c| std::str::from_utf8(c).unwrap()).collect();
        let a = archive(&[("Content-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: base64", &wrapped.join("\r\n"))]);
        let p = html_part(&a).unwrap().unwrap();
        assert_eq!(p.bytes, gbk.into_owned());
        assert_eq!(p.charset.as_deref(), Some("gb2312"));
    }

    #[test]
    fn a_single_page_message_and_a_body_as_is() {
        let a = b"MIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n\n<h1>\xE6\x8A\xA5\xE5\x91\x8A</h1>\n";
        let p = html_part(a).unwrap().unwrap();
        assert_eq!(p.bytes, b"<h1>\xE6\x8A\xA5\xE5\x91\x8A</h1>\n");
        assert_eq!(p.charset.as_deref(), Some("utf-8"));
    }

    #[test]
    fn not_archives_and_broken_ones() {
        for t in [&b"\xE6\x94\xBF\xE5\xBA\x9C\xE5\xB7\xA5\xE4\xBD\x9C\xE6\x8A\xA5\xE5\x91\x8A\n"[..], b"Title: x\n\nbody", b"MIME-Version: 1.0\nContent-Type: text/plain\n\nx", b"", b":\n", b"<html>MIME-Version: 1.0"] {
            assert!(!is_mhtml(t), "{t:?}");
            assert!(html_part(t).is_none());
        }
        let no_page = archive(&[("Content-Type: image/png\r\nContent-Transfer-Encoding: base64", "iVBORw0KGgo=")]);
        assert!(matches!(html_part(&no_page), Some(Err(OpenError::Binary { .. }))));
        let bad = archive(&[("Content-Type: text/html\r\nContent-Transfer-Encoding: base64", "@@@@")]);
        assert!(matches!(html_part(&bad), Some(Err(OpenError::Binary { .. }))));
        let no_boundary = b"MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\nx";
        assert!(matches!(html_part(no_boundary), Some(Err(OpenError::Binary { .. }))));
        // cut short anywhere: an answer, never a panic
        let a = archive(&[("Content-Type: text/html\r\nContent-Transfer-Encoding: quoted-printable", "<p>=E6=94=BF</p>")]);
        for cut in 0..a.len() {
            let _ = html_part(&a[..cut]);
        }
    }
}
