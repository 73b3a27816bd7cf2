//! Fuzz the link decoders: whatever a page address holds (`?url=…`, `#doc=…&s=…`),
//! parsing it never panics, a `#doc=` never inflates past its cap, and packed text
//! always unpacks to itself.
#![no_main]

use baogao::share::{self, doc, link, view};
use libfuzzer_sys::fuzz_target;

/// Small cap so that a bomb found by the fuzzer costs 1 MB, not 60 MB, per run.
const CAP: usize = 1 << 20;

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        // Raw bytes through the deflate layer alone.
        if let Ok(out) = doc::inflate(data, CAP) {
            assert!(out.len() <= CAP);
        }
        return;
    };
    // The whole address: query and fragment.
    let (search, hash) = s.split_once('#').unwrap_or((s, ""));
    let req = link::LinkRequest::parse(search, hash);
    let _ = link::build_query(&req.openings);
    let _ = req.fragment.to_fragment();
    let _ = view::ViewState::from_fragment(hash);
    for o in &req.openings {
        if let link::Opening::Url(u) = o {
            let _ = link::check_http_url(u);
            let _ = link::file_name_from_url(u);
        }
    }
    // `#doc=` payloads: capped, and never more than the cap.
    match doc::decode_bytes_with_limit(s, CAP) {
        Ok(bytes) => assert!(bytes.len() <= CAP),
        Err(doc::DocLinkError::TooLarge { limit }) => assert_eq!(limit, CAP),
        Err(_) => {}
    }
    let _ = doc::decode_text_with_limit(s, CAP);
    // Packing is lossless for any text.
    if s.len() <= 64 * 1024 {
        let packed = share::encode_text(s);
        assert_eq!(doc::decode_text_with_limit(&packed, CAP).as_deref(), Ok(s));
    }
    let _ = link::parse_catalog(s);
    let _ = link::safe_relative_file(s);
    let _ = link::id_from_file(s);
});
