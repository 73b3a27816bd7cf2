//! Reading a report from a PDF (`baogao::pdf`): the synthetic city report printed to PDF
//! by a browser (`tests/fixtures/synthetic/make-pdf.sh`) reads as its text does.

use baogao::report::{self, Report};

fn brief(r: &Report) -> Vec<(String, Option<String>, String, String, String, Option<i32>)> {
    r.indicators
        .iter()
        .map(|i| {
            (
                i.name.clone(),
                i.indicator.clone(),
                format!("{:?}", i.measure),
                format!("{:?}", i.status),
                format!("{:?}", i.value),
                i.year,
            )
        })
        .collect()
}

#[test]
fn a_printed_report_reads_as_its_text() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/synthetic/");
    let pdf = std::fs::read(format!("{dir}2025-city.pdf")).unwrap();
    let txt = std::fs::read(format!("{dir}2025-city.txt")).unwrap();
    assert!(baogao::pdf::is_pdf(&pdf));
    let text = baogao::pdf::read_guarded(&pdf).unwrap();
    // printed lines joined back into paragraphs
    assert!(text.contains("一般公共预算收入486亿元，同口径增长3.2%，其中税收收入占比76.5%"), "{text}");
    let from_pdf = report::parse_text("2025-city.pdf", &text, report::PDF_ENCODING);
    let from_txt = report::parse("2025-city.txt", &txt).unwrap();
    assert_eq!(from_pdf.encoding, "PDF");
    assert_eq!((from_pdf.title.clone(), from_pdf.region.clone(), from_pdf.date.clone()), (from_txt.title.clone(), from_txt.region.clone(), from_txt.date.clone()));
    let heads = |r: &Report| r.sections.iter().map(|s| s.heading.clone()).collect::<Vec<_>>();
    assert_eq!(heads(&from_pdf), heads(&from_txt));
    assert_eq!(brief(&from_pdf), brief(&from_txt));
    assert!(from_pdf.indicators.len() > 30);
}

#[test]
fn a_damaged_pdf_is_an_error_not_a_panic() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/synthetic/");
    let pdf = std::fs::read(format!("{dir}2025-city.pdf")).unwrap();
    // cut short, and every byte after the header flipped: errors, never a panic or a hang
    for cut in [10, pdf.len() / 3, pdf.len() / 2, pdf.len() - 200] {
        let _ = baogao::pdf::read_guarded(&pdf[..cut]);
    }
    let mut noise = pdf.clone();
    for (k, b) in noise.iter_mut().enumerate().skip(16) {
        if k % 7 == 0 {
            *b ^= 0x5A;
        }
    }
    let _ = baogao::pdf::read_guarded(&noise);
    assert!(baogao::pdf::read_guarded(b"%PDF-1.7\n").is_err());
}
