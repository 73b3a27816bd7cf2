#![no_main]
//! Any string: `parse_text` must not panic and cleaning must be idempotent.

use baogao::report;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let r = report::parse_text("fuzz", text, "UTF-8");
    for s in report::flatten(&r.sections) {
        assert!(r.text.is_char_boundary(s.span.start) && r.text.is_char_boundary(s.span.end));
    }
    let once = report::clean_text(text);
    assert_eq!(report::clean_text(&once), once);
});
