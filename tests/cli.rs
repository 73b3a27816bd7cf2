//! The `baogao` binary on every fixture: JSON fields, CSV, exit codes, one-line errors.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_baogao");

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

const FIXTURES: [&str; 12] = [
    "beijing-2024.txt",
    "bozhou-2024.txt",
    "luzhou-2024-oneline.txt",
    "national-1980-gbk.txt",
    "national-2002-gbk-crcrlf.txt",
    "national-2014-gbk.txt",
    "national-2015-gbk.txt",
    "national-2016-gbk.txt",
    "national-2017-gbk.txt",
    "qiandongnan-2024.docx",
    "zaozhuang-2024-pdftext.txt",
    "zigong-2017-x8.txt",
];

fn tmp(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("baogao-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
fn extract_json_every_fixture() {
    for f in FIXTURES {
        let out = Command::new(BIN).args(["extract", &fixture(f)]).output().unwrap();
        assert!(out.status.success(), "{f}: {}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        for key in ["file", "encoding", "copies", "removed", "title", "date", "meeting", "speaker", "region", "level", "report_year", "review_year", "sections", "indicators"] {
            assert!(v.get(key).is_some(), "{f}: missing {key}");
        }
        assert!(v.get("text").is_none(), "{f}: text must not be serialised");
        let secs = v["sections"].as_array().unwrap();
        assert!(!secs.is_empty(), "{f}: no sections");
        for key in ["id", "level", "number", "heading", "kind", "span", "children"] {
            assert!(secs[0].get(key).is_some(), "{f}: section lacks {key}");
        }
        assert!(v["report_year"].is_i64(), "{f}: no report year");
    }
    let out = Command::new(BIN).args(["extract", &fixture("qiandongnan-2024.docx")]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["encoding"], "docx");
    assert_eq!(v["speaker"]["name"], "杨光杰");
    // a PDF with text is read to text, then parsed; a damaged one is a clear error
    let out = Command::new(BIN).args(["extract", "--format", "csv", &fixture("synthetic/2025-city.pdf")]).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let csv = String::from_utf8(out.stdout).unwrap();
    assert!(csv.lines().any(|l| l.contains(",地区生产总值,gdp,growth,target,5.5,")), "{csv}");
    let bad = std::env::temp_dir().join(format!("baogao-cli-test-{}.pdf", std::process::id()));
    std::fs::write(&bad, b"%PDF-1.7\n1 0 obj <<\n").unwrap();
    let out = Command::new(BIN).args(["extract", bad.to_str().unwrap()]).output().unwrap();
    let _ = std::fs::remove_file(&bad);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"), "{}", String::from_utf8_lossy(&out.stderr));
    let out = Command::new(BIN).args(["extract", &fixture("zigong-2017-x8.txt")]).output().unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["copies"], 8);
    assert_eq!(v["region"], "自贡");
}

#[test]
fn several_files_give_an_array_and_csv_has_a_header() {
    let a = fixture("bozhou-2024.txt");
    let b = fixture("national-2015-gbk.txt");
    let out = Command::new(BIN).args(["extract", &a, &b]).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);

    let out = Command::new(BIN).args(["extract", "--format", "csv", &a, &b]).output().unwrap();
    assert!(out.status.success());
    let s = String::from_utf8(out.stdout).unwrap();
    assert!(s.starts_with("\u{FEFF}file,id,name,indicator,measure,status,value,value_high,unit,value_base,qualifier,direction,year,period,relative_to,section,sentence,span_start,span_end,parts\r\n"), "{}", &s[..200]);
    // The same bytes as the page's CSV export of the same reports.
    let ra = baogao::report::parse(&a, &std::fs::read(&a).unwrap()).unwrap();
    let rb = baogao::report::parse(&b, &std::fs::read(&b).unwrap()).unwrap();
    assert!(!ra.indicators.is_empty() && !rb.indicators.is_empty());
    assert_eq!(s, baogao::export::indicators_csv(&[&ra, &rb]));
    let rows = s.matches("\r\n").count();
    assert!(rows > ra.indicators.len() + rb.indicators.len(), "one row per indicator");

    let o = std::env::temp_dir().join(format!("baogao-cli-out-{}.json", std::process::id()));
    let out = Command::new(BIN).args(["extract", &a, "--output", o.to_str().unwrap()]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&o).unwrap()).unwrap();
    assert_eq!(v["region"], "亳州");
    let _ = std::fs::remove_file(o);
}

fn one_line_error(args: &[&str]) -> String {
    let out = Command::new(BIN).args(args).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "{args:?}");
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.starts_with("baogao: "), "{err}");
    err
}

#[test]
fn unreadable_inputs_fail_with_one_line() {
    let empty = tmp("empty.txt", b"");
    let e = one_line_error(&["extract", empty.to_str().unwrap()]);
    assert!(e.contains("empty"), "{e}");
    let png = tmp("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01");
    let e = one_line_error(&["extract", png.to_str().unwrap()]);
    assert!(e.contains("PNG"), "{e}");
    let broken = tmp("broken.docx", b"PK\x03\x04\x14\0\0\0garbage");
    one_line_error(&["extract", broken.to_str().unwrap()]);
    one_line_error(&["extract", "/nonexistent/report.txt"]);
    // one bad file among good ones: the good ones are still printed
    let out = Command::new(BIN).args(["extract", &fixture("bozhou-2024.txt"), empty.to_str().unwrap()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 1);
}

#[test]
fn placeholders_and_usage() {
    let out = Command::new(BIN).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = Command::new(BIN).arg("--help").output().unwrap();
    assert!(out.status.success());
}
