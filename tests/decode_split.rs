//! The page reads UTF-8 itself and leaves every other input to its worker:
//! `report::parse_utf8` must either decline (`None`) or give exactly what
//! `report::parse` gives, and decline only what needs the decoding tables.

use baogao::report::{self, decode};
use proptest::prelude::*;

/// `parse_utf8` agrees with `parse` wherever it answers; returns whether it answered.
fn agrees(name: &str, bytes: &[u8]) -> bool {
    let full = report::parse(name, bytes);
    let Some(light) = report::parse_utf8(name, bytes) else {
        return false;
    };
    assert_eq!(light, full, "{name}: parse_utf8 and parse differ");
    let legacy = report::decode_input(bytes).map(|d| d.legacy);
    assert_ne!(legacy, Ok(true), "{name}: read by the page, yet marked as needing the tables");
    true
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn utf8_fixtures_are_read_by_the_page_and_the_others_by_the_worker() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt") || n.ends_with(".docx"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "fixtures found: {names:?}");
    for name in names {
        let bytes = fixture(&name);
        let answered = agrees(&name, &bytes);
        let needs_tables = name.contains("gbk") || name.ends_with(".docx");
        assert_eq!(answered, !needs_tables, "{name}");
        if needs_tables {
            assert_eq!(report::decode_input(&bytes).map(|d| d.legacy), Ok(true), "{name}");
        }
    }
}

#[test]
fn edge_inputs_agree_or_go_to_the_worker() {
    let report = "政府工作报告\n一、过去一年的工作\n地区生产总值增长8%。\n".as_bytes();
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), report].concat();
    assert!(agrees("bom.txt", &with_bom));
    // a BOM before broken UTF-8: read lossily, by the tables
    let broken_bom = [b"\xEF\xBB\xBF".as_slice(), report, b"\xFF\xFE\xFD"].concat();
    assert!(!agrees("broken-bom.txt", &broken_bom));
    // text with a literal U+FFFD after a BOM counts it, as the tables do
    let fffd = [b"\xEF\xBB\xBF".as_slice(), report, "�".as_bytes()].concat();
    assert!(agrees("fffd.txt", &fffd));
    // ASCII as UTF-16LE is valid UTF-8, yet read as UTF-16
    let utf16: Vec<u8> = "Government work report, 2024: growth 5 percent.".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
    assert!(!agrees("utf16.txt", &utf16));
    assert_eq!(decode::decode(&utf16).encoding, "UTF-16LE");
    // UTF-16 with a BOM
    let bom16 = [b"\xFF\xFE".as_slice(), &utf16].concat();
    assert!(!agrees("bom16.txt", &bom16));
    // UTF-8 HTML, and HTML whose bytes are GBK
    let html = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><p>政府工作报告</p><p>地区生产总值增长8%。</p></body></html>";
    assert!(agrees("a.html", html.as_bytes()));
    let gbk_html = fixture("national-2015-gbk.txt");
    let gbk_html = [b"<html><head><meta charset=\"gbk\"></head><body><p>".as_slice(), &gbk_html[..4000], b"</p></body></html>"].concat();
    assert!(!agrees("gbk.html", &gbk_html));
    // errors the page gives itself
    for (name, bytes) in [
        ("empty.txt", b"".to_vec()),
        ("blank.txt", b"  \n\r\n ".to_vec()),
        ("x.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        ("x.pdf", b"%PDF-1.4 ...".to_vec()),
        ("controls.txt", vec![1u8; 400]),
    ] {
        assert!(agrees(name, &bytes), "{name}");
        assert!(report::parse(name, &bytes).is_err(), "{name}");
    }
    // a zip that is not Word: the worker says so
    assert!(!agrees("x.zip", b"PK\x03\x04\x14\0\0\0broken"));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    #[test]
    fn parse_utf8_agrees_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        agrees("random", &bytes);
    }

    #[test]
    fn parse_utf8_agrees_on_any_text(text in "\\PC{0,300}") {
        prop_assert!(agrees("text", text.as_bytes()) || decode::decode(text.as_bytes()).encoding != "UTF-8");
    }
}
