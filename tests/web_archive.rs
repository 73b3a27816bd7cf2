//! Web archives: a report's web page saved as one file (`.mhtml` from Chromium-based
//! browsers, `.mht` from Internet Explorer) reads as the page saved as `.html` does.

mod common;

use base64::Engine as _;
use baogao::report;
use common::{outline, reading};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/synthetic/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

#[test]
fn a_page_saved_by_a_browser_as_one_file_reads_as_the_page() {
    // saved by Chromium (`make-mhtml.mjs`): quoted-printable, the page in UTF-8 and in GBK
    let html = report::parse("page.html", &fixture("2024-city-webpage.html")).unwrap();
    assert!(html.indicators.len() >= 10);
    for (name, encoding) in [("2024-city-webpage.mhtml", "MHTML (UTF-8)"), ("2024-city-webpage-gbk.mhtml", "MHTML (GBK)")] {
        let bytes = fixture(name);
        assert!(report::mhtml::is_mhtml(&bytes), "{name}");
        // the page's wasm leaves it to the worker, which reads it
        assert!(report::decode_input_utf8(&bytes).is_none(), "{name}");
        let r = report::parse(name, &bytes).unwrap();
        assert_eq!(r.encoding, encoding);
        assert_eq!(reading(&r), reading(&html), "{name}");
    }
}

#[test]
fn an_internet_explorer_archive_in_base64_with_its_charset() {
    // .mht as Internet Explorer and Word write it: the page in base64, its charset in
    // the part's header (gb2312), lines of 76 chars
    let page = String::from_utf8(fixture("2024-city-webpage.html")).unwrap().replace("charset=\"utf-8\"", "charset=\"gb2312\"");
    let (gbk, _, bad) = encoding_rs::GBK.encode(&page);
    assert!(!bad);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&gbk);
    let lines: Vec<&str> = b64.as_bytes().chunks(76).map(|c| std::str::from_utf8(c).unwrap()).collect();
    let mht = format!(
        "From: <Saved by Windows Internet Explorer 11>\r\nSubject: page\r\nMIME-Version: 1.0\r\nContent-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----=_NextPart_000_0000_01DA0000.00000000\"\r\n\r\nThis is a multi-part message in MIME format.\r\n\r\n------=_NextPart_000_0000_01DA0000.00000000\r\nContent-Type: text/html;\r\n\tcharset=\"gb2312\"\r\nContent-Transfer-Encoding: base64\r\nContent-Location: http://www.example.gov.cn/zwgk/2024.htm\r\n\r\n{}\r\n\r\n------=_NextPart_000_0000_01DA0000.00000000\r\nContent-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAAAAACw=\r\n\r\n------=_NextPart_000_0000_01DA0000.00000000--\r\n",
        lines.join("\r\n")
    );
    let r = report::parse("page.mht", mht.as_bytes()).unwrap();
    assert_eq!(r.encoding, "MHTML (GBK)");
    let html = report::parse("page.html", &fixture("2024-city-webpage.html")).unwrap();
    assert_eq!(reading(&r), reading(&html));
}

#[test]
fn broken_archives_are_messages_not_panics() {
    let bytes = fixture("2024-city-webpage-gbk.mhtml");
    for cut in (0..bytes.len()).step_by(37) {
        let _ = report::parse("cut.mhtml", &bytes[..cut]);
    }
    // an archive with no page in it
    let no_page = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nx\r\n--b--\r\n";
    let e = report::parse("x.mhtml", no_page).unwrap_err();
    assert!(e.to_string().contains("no HTML page"), "{e}");
}

#[test]
fn a_word_single_file_web_page_named_doc_reads_as_its_page() {
    // Word's "单个文件网页" (Web archive) as governments sometimes post it, named .doc: a
    // preamble in GBK, the page quoted-printable in gb2312, list numbers (一、) in Word's
    // conditional comments, every number in a span of its own, a file list after the page
    let page = String::from_utf8(fixture("2024-city-word-webpage.html")).unwrap();
    assert!(page.contains("<![if !supportLists]>"));
    let gb_page = page.replace("charset=utf-8", "charset=gb2312");
    let (gbk, _, bad) = encoding_rs::GBK.encode(&gb_page);
    assert!(!bad);
    let body = quoted_printable::encode_to_str(&gbk);
    let mut mht = b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01DA4B2C.5E8F3A70\"\r\n\r\n".to_vec();
    mht.extend_from_slice(&encoding_rs::GBK.encode("此文档为“单个文件网页”，也称为“Web 档案”文件。\r\n\r\n").0);
    mht.extend_from_slice(format!("------=_NextPart_01DA4B2C.5E8F3A70\r\nContent-Location: file:///C:/4B2C5E8F/report.htm\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n{body}\r\n\r\n------=_NextPart_01DA4B2C.5E8F3A70\r\nContent-Location: file:///C:/4B2C5E8F/report.files/filelist.xml\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Type: text/xml; charset=\"utf-8\"\r\n\r\n<xml xmlns:o=3D\"urn:schemas-microsoft-com:office:office\">\r\n</xml>\r\n------=_NextPart_01DA4B2C.5E8F3A70--\r\n").as_bytes());
    let r = report::parse("report.doc", &mht).unwrap();
    assert_eq!(r.encoding, "MHTML (GBK)");
    let html = report::parse("page.html", page.as_bytes()).unwrap();
    assert_eq!(reading(&r), reading(&html));
    let parts: Vec<_> = outline(&r).into_iter().map(|(level, heading, _)| (level, heading)).collect();
    assert_eq!(parts, [(1, "一2023年工作回顾".to_string()), (1, "二2024年工作安排".to_string())]);
    assert_eq!(r.indicators.len(), 7);
}
