//! Word files whose part headings Word numbers itself (`一、`, `（一）` from the list
//! definitions, not in the paragraphs' text): read with their numbers, as Word shows them.

use baogao::report::{self, Report};

fn outline(r: &Report) -> Vec<(u8, String, String)> {
    fn walk(s: &[report::Section], out: &mut Vec<(u8, String, String)>) {
        for x in s {
            out.push((x.level, format!("{}{}", x.number, x.heading), format!("{:?}", x.kind)));
            walk(&x.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&r.sections, &mut out);
    out
}

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
