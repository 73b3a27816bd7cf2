#![no_main]
//! Any bytes: `parse` must not panic; when it succeeds, every span is in bounds and on
//! char boundaries, and children lie inside their parents; `decode_input` (what a
//! `#doc=` share link carries) fails exactly when `parse` does, and parsing its text
//! gives the same display text; `parse_utf8` (the page's own decoding) gives what
//! `parse` gives wherever it answers.

use baogao::report::{self, Section};
use libfuzzer_sys::fuzz_target;

fn check(text: &str, secs: &[Section], parent: Option<&Section>) {
    for s in secs {
        for off in [s.span.start, s.span.end, s.heading_span.start, s.heading_span.end] {
            assert!(text.is_char_boundary(off));
        }
        assert!(s.span.contains(s.heading_span));
        if let Some(p) = parent {
            assert!(p.span.contains(s.span));
        }
        check(text, &s.children, Some(s));
    }
}

fuzz_target!(|data: &[u8]| {
    let parsed = report::parse("fuzz", data);
    if let Some(light) = report::parse_utf8("fuzz", data) {
        assert_eq!(light, parsed);
    }
    let decoded = report::decode_input(data);
    assert_eq!(parsed.is_ok(), decoded.is_ok());
    if let (Ok(r), Ok(d)) = (parsed, decoded) {
        check(&r.text, &r.sections, None);
        assert_eq!(report::parse_text("fuzz", &d.text, &d.encoding).text, r.text);
    }
});
