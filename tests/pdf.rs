//! Reading a report from a PDF (`baogao::pdf`): the synthetic city report printed to PDF
//! by a browser (`tests/fixtures/synthetic/make-pdf.sh`) reads as its text does.

mod common;

use baogao::report::{self, Report};
use common::outline;

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

/// Every heading, at every depth, with its kind.
type Block = (Option<String>, Option<String>, Option<report::Speaker>, Option<String>, Option<String>, Option<i32>);

/// The title block and what the report is of.
fn block(r: &Report) -> Block {
    (r.title.clone(), r.meeting.clone(), r.speaker.clone(), r.date.clone(), r.region.clone(), r.report_year)
}

/// A fixture's bytes and the text of a PDF fixture.
fn fixture_pdf(pdf: &str, source: &str) -> (String, Vec<u8>) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/");
    let text = baogao::pdf::read_guarded(&std::fs::read(format!("{dir}{pdf}")).unwrap()).unwrap();
    (text, std::fs::read(format!("{dir}{source}")).unwrap())
}

#[test]
fn a_word_report_printed_by_an_office_suite_reads_as_the_word_file() {
    // A real report's .docx printed to PDF by LibreOffice (`make-office.sh pdf`): font
    // subsets of 256 glyphs with ToUnicode maps, paragraphs with no first-line indent (a
    // new one shows only by the line before stopping short), a line filled to the margin
    // that ends with 。 inside a paragraph, spacing set between Chinese and digits.
    let (text, docx) = fixture_pdf("qiandongnan-2024-office.pdf", "qiandongnan-2024.docx");
    // a sentence ending at the margin does not end its paragraph
    assert!(text.contains("推动经济复苏。“桥头堡”建设初步成势见效。"), "{text}");
    // no space between a digit and a Chinese character
    assert!(text.contains("（2024年1月31日在黔东南州"), "{text}");
    let from_pdf = report::parse_text("q.pdf", &text, report::PDF_ENCODING);
    let from_docx = report::parse("q.docx", &docx).unwrap();
    assert_eq!(block(&from_pdf), block(&from_docx));
    assert_eq!(outline(&from_pdf), outline(&from_docx));
    assert!(outline(&from_pdf).len() > 40);
    // The same figures with the same readings, but where the office suite dropped a comma
    // it hung past the margin (`…党政同责` / `新建…`: in neither the PDF's text nor its
    // drawing), which joins two clauses into one subject.
    let (p, d) = (brief(&from_pdf), brief(&from_docx));
    assert_eq!(p.len(), d.len());
    let same = p.iter().zip(&d).filter(|(a, b)| a == b).count();
    assert!(same + 2 >= d.len(), "{} of {} differ", d.len() - same, d.len());
    assert!(p.iter().zip(&d).all(|(a, b)| a.2 == b.2 && a.4 == b.4 && a.5 == b.5));
}

#[test]
fn a_report_in_the_official_layout_reads_as_its_text() {
    // A real national report set as official documents are (first-line indents, lines
    // 28 pt apart, `— 2 —` page numbers, bold part headings; `make-gov-pdf.py`) and
    // printed to PDF by LibreOffice: the same title block, parts and figures as its text.
    let (text, txt) = fixture_pdf("national-2017-gov.pdf", "national-2017-gbk.txt");
    assert!(!text.contains("— 2 —") && !text.lines().any(|l| l.trim() == "2"), "page numbers are dropped");
    // a paragraph broken across lines and pages is one again, its indent kept
    assert!(text.contains("\u{3000}\u{3000}——就业增长超出预期。全年城镇新增就业1314万人。高校毕业生就业创业人数再创新高。"), "{text}");
    let from_pdf = report::parse_text("n.pdf", &text, report::PDF_ENCODING);
    let from_txt = report::parse("n.txt", &txt).unwrap();
    assert_eq!(block(&from_pdf), block(&from_txt));
    assert_eq!(outline(&from_pdf), outline(&from_txt));
    assert_eq!(brief(&from_pdf), brief(&from_txt));
    assert!(from_pdf.indicators.len() > 100);
}

#[test]
fn a_pdf_whose_fonts_name_no_characters_is_an_error_that_says_so() {
    // 2025-city.pdf with its font's ToUnicode map removed: glyphs drawn, no characters
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/synthetic/");
    let pdf = std::fs::read(format!("{dir}2025-city-nomap.pdf")).unwrap();
    assert_eq!(baogao::pdf::read_guarded(&pdf), Err(baogao::pdf::PdfError::NoCharMap));
    assert!(baogao::pdf::PdfError::NoCharMap.to_string().contains("ToUnicode"));
}

#[test]
fn a_web_page_printed_by_a_browser_loses_its_running_header_and_footer() {
    // A report's web page saved with the browser's "print to PDF" (`make-pdf.sh
    // --as-saved-page`): each page starts with the print date and the page's title and
    // ends with its address and `2/3`, in the middle of a paragraph that goes on.
    let (text, txt) = fixture_pdf("synthetic/2025-city-printed.pdf", "synthetic/2025-city.txt");
    for junk in ["file://", "政府工作报告_海澜市人民政府", "/3"] {
        assert!(!text.contains(junk), "{junk} in {text}");
    }
    let from_pdf = report::parse_text("p.pdf", &text, report::PDF_ENCODING);
    let from_txt = report::parse("t.txt", &txt).unwrap();
    assert_eq!(block(&from_pdf), block(&from_txt));
    assert_eq!(outline(&from_pdf), outline(&from_txt));
    assert_eq!(brief(&from_pdf), brief(&from_txt));
    let sentences = |r: &Report| r.indicators.iter().map(|i| i.sentence.clone()).collect::<Vec<_>>();
    assert_eq!(sentences(&from_pdf), sentences(&from_txt));
}
