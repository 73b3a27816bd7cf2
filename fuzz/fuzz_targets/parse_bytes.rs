#![no_main]
//! Any bytes: `parse` must not panic; when it succeeds, every span is in bounds and on
//! char boundaries, and children lie inside their parents.

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
    if let Ok(r) = report::parse("fuzz", data) {
        check(&r.text, &r.sections, None);
    }
});
