//! Word files: headings Word numbers itself (`一、`, `（一）` from the list definitions,
//! not in the paragraphs' text) read with their numbers, as Word shows them; the Word
//! 97–2003 format (`.doc`) read as the same document saved as `.docx` is.

mod common;

use baogao::report::{self, Report};
use common::{outline, reading};

#[test]
fn headings_numbered_by_word_read_as_numbered_headings() {
    // 2025-city.txt as a Word file (make-autonumber-docx.py): 一、 from the heading style's
    // list, （一） from each paragraph's own list level
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/synthetic/");
    let docx = std::fs::read(format!("{dir}2025-city-autonumber.docx")).unwrap();
    let txt = std::fs::read(format!("{dir}2025-city.txt")).unwrap();
    let text = report::docx::docx_text(&docx).unwrap();
    assert!(text.contains("\n一、2024年工作回顾\n") && text.contains("\n（二）着力扩大有效需求。"), "{text}");
    let from_docx = report::parse("a.docx", &docx).unwrap();
    let from_txt = report::parse("a.txt", &txt).unwrap();
    assert_eq!(outline(&from_docx), outline(&from_txt));
    assert!(outline(&from_docx).iter().any(|(_, h, _)| h.starts_with("（二）")), "{:?}", outline(&from_docx));
    let figures = |r: &Report| r.indicators.iter().map(|i| (i.name.clone(), i.value.clone(), i.status, i.year)).collect::<Vec<_>>();
    assert_eq!(figures(&from_docx), figures(&from_txt));
}

#[test]
fn a_doc_file_reads_as_the_same_document_saved_as_docx() {
    // a real report, and a report with a table of results and targets, each saved by
    // LibreOffice as .doc (`make-office.sh doc`): the same text, parts, tables and figures
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    for name in ["qiandongnan-2024", "synthetic/2024-district-table"] {
        let doc = std::fs::read(format!("{dir}{name}.doc")).unwrap();
        let docx = std::fs::read(format!("{dir}{name}.docx")).unwrap();
        assert!(report::doc::is_cfb(&doc));
        assert_eq!(report::doc::doc_text(&doc).unwrap(), report::docx::docx_text(&docx).unwrap(), "{name}");
        let (a, b) = (report::parse("r.doc", &doc).unwrap(), report::parse("r.docx", &docx).unwrap());
        assert_eq!(a.encoding, "doc");
        assert_eq!(reading(&a), reading(&b), "{name}");
        assert!(a.indicators.len() >= 20, "{name}");
    }
}

#[test]
fn other_office_files_and_broken_doc_files_are_errors_not_panics() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let doc = std::fs::read(format!("{dir}qiandongnan-2024.doc")).unwrap();
    // cut short at many places, and with bytes flipped: an error or some text, never a panic
    for cut in [8, 512, 1024, doc.len() / 3, doc.len() / 2, doc.len() - 100] {
        let _ = report::parse("cut.doc", &doc[..cut]);
    }
    let mut noise = doc.clone();
    for (k, b) in noise.iter_mut().enumerate().skip(512) {
        if k % 97 == 0 {
            *b ^= 0xA5;
        }
    }
    let _ = report::parse("noise.doc", &noise);
    assert!(matches!(report::parse("x.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 not really"), Err(report::OpenError::BrokenDocx { .. })));
}
