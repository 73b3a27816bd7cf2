//! Fuzz Word opening: zip-shaped bytes (a real zip around fuzzer-chosen
//! `word/document.xml` and list definitions, or raw bytes behind a zip signature) never
//! panic, inflate past the cap, or produce a report whose spans fall outside its text;
//! nor do raw bytes behind the signature of a Word 97–2003 `.doc`.
#![no_main]

use std::io::Write;

use baogao::report::{self, docx, OpenError};
use libfuzzer_sys::fuzz_target;

const CAP: usize = 1 << 20;

fn check(r: &report::Report) {
    let ok = |s: report::Span| {
        s.start <= s.end
            && s.end <= r.text.len()
            && r.text.is_char_boundary(s.start)
            && r.text.is_char_boundary(s.end)
    };
    for i in &r.indicators {
        assert!(
            ok(i.span) && ok(i.sentence_span),
            "indicator {} outside the text",
            i.id
        );
    }
    for s in report::flatten(&r.sections) {
        assert!(
            ok(s.span) && ok(s.heading_span),
            "section {} outside the text",
            s.id
        );
    }
}

/// A real .docx-shaped zip: `word/document.xml` holds `xml`, stored or deflated, and
/// `word/numbering.xml` and `word/styles.xml` hold `numbering` when there is one.
fn wrap(xml: &[u8], deflate: bool, numbering: Option<&[u8]>) -> Option<Vec<u8>> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let opts = zip::write::SimpleFileOptions::default().compression_method(method);
    w.start_file("[Content_Types].xml", opts).ok()?;
    w.write_all(b"<?xml version=\"1.0\"?><Types/>").ok()?;
    w.start_file("word/document.xml", opts).ok()?;
    w.write_all(xml).ok()?;
    if let Some(n) = numbering {
        w.start_file("word/numbering.xml", opts).ok()?;
        w.write_all(n).ok()?;
        w.start_file("word/styles.xml", opts).ok()?;
        w.write_all(n).ok()?;
    }
    Some(w.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    // Raw bytes behind an OLE signature: a Word 97–2003 `.doc` (or not).
    if mode % 5 == 4 {
        let bytes = [b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".as_slice(), rest].concat();
        if let Ok(text) = report::doc::doc_text(&bytes) {
            assert!(text.len() <= bytes.len() * 3, "text {} from {} bytes", text.len(), bytes.len());
        }
        return;
    }
    let bytes = match mode % 5 {
        // Fuzzer-chosen document.xml inside a well-formed zip.
        0 => wrap(rest, false, None),
        1 => wrap(rest, true, None),
        // …with fuzzer-chosen list and style definitions (the bytes before the first NUL)
        3 => {
            let k = rest.iter().position(|&b| b == 0).unwrap_or(rest.len());
            wrap(rest.get(k + 1..).unwrap_or_default(), false, Some(&rest[..k]))
        }
        // Raw bytes that claim to be a zip.
        _ => Some([b"PK\x03\x04".as_slice(), rest].concat()),
    };
    let Some(bytes) = bytes else { return };
    match docx::docx_text_limited(&bytes, CAP) {
        // (a paragraph of 60 bytes of XML may get a number of up to 64 bytes drawn)
        Ok(text) => assert!(
            text.len() <= CAP * 3,
            "text {} from a {CAP}-byte cap",
            text.len()
        ),
        Err(OpenError::ZipBomb { limit }) => assert_eq!(limit, CAP),
        Err(_) => {}
    }
    if bytes.len() <= 64 * 1024 {
        if let Ok(r) = report::parse("fuzz.docx", &bytes) {
            check(&r);
        }
    }
});
