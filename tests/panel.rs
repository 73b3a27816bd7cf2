//! Comparing reports: targets of year t (report t) against outcomes of year t (report t+1),
//! the long panel, the `baogao panel` command, and keyword counts.

use std::path::PathBuf;
use std::process::Command;

use baogao::keywords;
use baogao::panel::{self, Axis, Met, Outcome};
use baogao::report::{self, Report};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn national(year: i32) -> Report {
    let name = format!("national-{year}-gbk.txt");
    let bytes = std::fs::read(fixture(&name)).expect("fixture");
    report::parse(&name, &bytes).expect("parses")
}

fn nationals() -> Vec<Report> {
    (2014..=2017).map(national).collect()
}

fn gdp_growth(outs: &[Outcome], year: i32) -> &Outcome {
    outs.iter()
        .find(|o| o.indicator == "gdp" && o.measure == "growth" && o.year == year)
        .unwrap_or_else(|| panic!("no GDP growth outcome for {year}: {outs:#?}"))
}

/// (target low, target high, qualifier, target file) and (actual, actual file).
type Target = (f64, Option<f64>, Option<String>, String);

fn pair(o: &Outcome) -> (Target, Option<(f64, String)>) {
    let t = o.target.as_ref().expect("target");
    ((t.value, t.value_high, t.qualifier.clone(), t.file.clone()), o.actual.as_ref().map(|a| (a.value, a.file.clone())))
}

#[test]
fn national_gdp_targets_pair_with_next_year_outcomes() {
    let reports = nationals();
    // Any order of input: pairing does not depend on it.
    let refs: Vec<&Report> = reports.iter().rev().collect();
    let outs = panel::outcomes(&refs);

    let cases = [
        (2014, 7.5, None, Some("左右"), Some(7.4)),
        (2015, 7.0, None, Some("左右"), Some(6.9)),
        (2016, 6.5, Some(7.0), None, Some(6.7)),
        (2017, 6.5, None, Some("左右"), None),
    ];
    for (year, lo, hi, q, actual) in cases {
        let o = gdp_growth(&outs, year);
        let ((t_lo, t_hi, t_q, t_file), a) = pair(o);
        assert_eq!(t_lo, lo, "{year} target");
        assert_eq!(t_hi, hi, "{year} target high end");
        if let Some(q) = q {
            assert_eq!(t_q.as_deref(), Some(q), "{year} qualifier");
        }
        assert_eq!(t_file, format!("national-{year}-gbk.txt"), "{year} target from that year's report");
        match actual {
            Some(v) => {
                let (a, a_file) = a.unwrap_or_else(|| panic!("{year}: no outcome"));
                assert_eq!(a, v, "{year} outcome");
                assert_eq!(a_file, format!("national-{}-gbk.txt", year + 1), "{year} outcome from the next report");
                assert_eq!(o.met, Met::Yes, "{year}: {v} meets the target");
            }
            None => {
                assert!(a.is_none(), "{year}: no report reviews it");
                assert_eq!(o.met, Met::Unknown);
            }
        }
        // The sentences are the ones the figures come from.
        let t = o.target.as_ref().unwrap();
        assert!(t.sentence.contains(&panel::fmt_num(lo)), "{year}: {}", t.sentence);
        if let (Some(a), Some(v)) = (o.actual.as_ref(), actual) {
            assert!(a.sentence.contains(&format!("{}%", panel::fmt_num(v))), "{year}: {}", a.sentence);
        }
    }
}

#[test]
fn panel_table_is_by_year_with_the_gdp_row() {
    let reports = nationals();
    let refs: Vec<&Report> = reports.iter().collect();
    assert_eq!(panel::choose_axis(&refs), Axis::Years);
    let t = panel::table(&refs);
    assert_eq!(t.axis, Axis::Years);
    let row =
        t.rows.iter().find(|r| r.indicator == "gdp" && r.measure == report::Measure::Growth).expect("GDP growth row");
    let col = |y: i32| t.columns.iter().position(|c| c.year == Some(y)).expect("column");
    let c14 = &row.cells[col(2014)];
    assert_eq!(c14.target.as_ref().unwrap().value, 7.5);
    assert_eq!(c14.actual.as_ref().unwrap().value, 7.4);
    assert_eq!(c14.met, Some(Met::Yes));
    let c16 = &row.cells[col(2016)];
    assert_eq!((c16.target.as_ref().unwrap().value, c16.target.as_ref().unwrap().value_high), (6.5, Some(7.0)));
    assert_eq!(c16.actual.as_ref().unwrap().value, 6.7);
    assert!(row.cells[col(2017)].actual.is_none());
    // Every figure points at a real indicator of its report.
    for cell in &row.cells {
        for f in cell.target.iter().chain(cell.actual.iter()) {
            assert!(refs[f.report].indicators.iter().any(|i| i.id == f.id && i.sentence == f.sentence));
        }
    }
}

#[test]
fn headline_is_one_figure_per_report_indicator_year() {
    for r in nationals() {
        let rows = panel::rows(&r);
        let mut seen = std::collections::HashSet::new();
        for row in rows.iter().filter(|r| r.headline) {
            let key = (
                row.indicator.clone(),
                row.measure,
                row.status == "target",
                row.year,
                row.period.clone(),
                row.relative_to.is_some(),
            );
            assert!(seen.insert(key.clone()), "{}: two headline figures for {key:?}", r.file);
        }
        // The GDP growth target headline of report t is the one in the targets passage.
        let t = rows
            .iter()
            .find(|x| {
                x.headline
                    && x.indicator.as_deref() == Some("gdp")
                    && x.measure == "growth"
                    && x.status == "target"
                    && x.year == r.report_year
            })
            .unwrap_or_else(|| panic!("{}: no GDP target headline", r.file));
        assert!(t.sentence.contains("国内生产总值"), "{}: {}", r.file, t.sentence);
    }
}

#[test]
fn region_unknown_to_the_parser_is_inferred_only_from_a_single_known_region() {
    let mut reports = nationals();
    reports[3].region = None;
    reports[3].level = None;
    let refs: Vec<&Report> = reports.iter().collect();
    let keys = panel::region_keys(&refs);
    assert_eq!(keys[3], ("全国".to_string(), true));
    assert_eq!(gdp_growth(&panel::outcomes(&refs), 2016).actual.as_ref().map(|a| a.value), Some(6.7));

    // With two different known regions, an unknown one stays on its own.
    let mut other = national(2015);
    other.region = Some("北京".into());
    other.level = Some(report::Level::Provincial);
    let refs: Vec<&Report> = vec![&reports[0], &other, &reports[3]];
    let keys = panel::region_keys(&refs);
    assert!(keys[2].0.starts_with("file:"));
    // 北京's figures never pair with the national 2014 target.
    let outs = panel::outcomes(&refs);
    let o = gdp_growth(&outs, 2014);
    assert!(o.actual.is_none(), "{o:#?}");
}

fn run_cli(args: &[&str]) -> (String, String, i32) {
    let out = Command::new(env!("CARGO_BIN_EXE_baogao")).args(args).output().expect("runs");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        String::from_utf8_lossy(&out.stderr).to_string(),
        out.status.code().unwrap_or(-1),
    )
}

fn parse_csv(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rdr = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let head = rdr.headers().expect("header").iter().map(str::to_string).collect();
    let rows = rdr.records().map(|r| r.expect("record").iter().map(str::to_string).collect()).collect();
    (head, rows)
}

#[test]
fn cli_panel_csv_has_target_and_next_year_actual_rows() {
    let files: Vec<String> =
        (2014..=2017).map(|y| fixture(&format!("national-{y}-gbk.txt")).display().to_string()).collect();
    let mut args = vec!["panel", "--format", "csv"];
    args.extend(files.iter().map(String::as_str));
    let (out, err, code) = run_cli(&args);
    assert_eq!(code, 0, "{err}");
    let (head, rows) = parse_csv(&out);
    for c in [
        "file",
        "region",
        "level",
        "report_year",
        "year",
        "period",
        "indicator",
        "name",
        "measure",
        "status",
        "value",
        "value_high",
        "unit",
        "qualifier",
        "sentence",
    ] {
        assert!(head.iter().any(|h| h == c), "column {c} in {head:?}");
    }
    let col = |n: &str| head.iter().position(|h| h == n).unwrap();
    // Every row is one indicator of one report: as many rows as indicators.
    let total: usize = nationals().iter().map(|r| r.indicators.len()).sum();
    assert_eq!(rows.len(), total);
    let find = |year: &str, status: &str, file_year: i32| -> Vec<&Vec<String>> {
        rows.iter()
            .filter(|r| {
                r[col("indicator")] == "gdp"
                    && r[col("measure")] == "growth"
                    && r[col("year")] == year
                    && r[col("status")] == status
                    && r[col("headline")] == "yes"
                    && r[col("file")].ends_with(&format!("national-{file_year}-gbk.txt"))
            })
            .collect()
    };
    let expect = [
        ("2014", "target", 2014, "7.5", ""),
        ("2014", "actual", 2015, "7.4", ""),
        ("2015", "target", 2015, "7", ""),
        ("2015", "actual", 2016, "6.9", ""),
        ("2016", "target", 2016, "6.5", "7"),
        ("2016", "actual", 2017, "6.7", ""),
        ("2017", "target", 2017, "6.5", ""),
    ];
    for (year, status, file_year, value, high) in expect {
        let found = find(year, status, file_year);
        assert_eq!(found.len(), 1, "{year} {status}: {found:?}");
        let r = found[0];
        assert_eq!(r[col("value")], value, "{year} {status}");
        assert_eq!(r[col("value_high")], high, "{year} {status}");
        assert_eq!(r[col("unit")], "%");
        assert!(!r[col("sentence")].is_empty());
        assert_eq!(r[col("report_year")], file_year.to_string());
    }
}

#[test]
fn cli_panel_outcomes_and_json() {
    let files: Vec<String> =
        (2014..=2017).map(|y| fixture(&format!("national-{y}-gbk.txt")).display().to_string()).collect();
    let mut args = vec!["panel", "--outcomes"];
    args.extend(files.iter().map(String::as_str));
    let (out, err, code) = run_cli(&args);
    assert_eq!(code, 0, "{err}");
    let (head, rows) = parse_csv(&out);
    let col = |n: &str| head.iter().position(|h| h == n).unwrap();
    let gdp: Vec<_> = rows.iter().filter(|r| r[col("indicator")] == "gdp" && r[col("measure")] == "growth").collect();
    let get = |y: &str| gdp.iter().find(|r| r[col("year")] == y).unwrap_or_else(|| panic!("{y} in {gdp:?}"));
    assert_eq!(
        (
            get("2014")[col("target_value")].as_str(),
            get("2014")[col("actual_value")].as_str(),
            get("2014")[col("met")].as_str()
        ),
        ("7.5", "7.4", "yes")
    );
    assert_eq!((get("2015")[col("target_value")].as_str(), get("2015")[col("actual_value")].as_str()), ("7", "6.9"));
    assert_eq!(
        (
            get("2016")[col("target_value")].as_str(),
            get("2016")[col("target_value_high")].as_str(),
            get("2016")[col("actual_value")].as_str()
        ),
        ("6.5", "7", "6.7")
    );
    assert_eq!((get("2017")[col("target_value")].as_str(), get("2017")[col("met")].as_str()), ("6.5", "unknown"));

    let mut args = vec!["panel", "--format", "json"];
    args.extend(files.iter().map(String::as_str));
    let (out, err, code) = run_cli(&args);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    assert!(v["rows"].as_array().is_some_and(|r| !r.is_empty()));
    let outs = v["outcomes"].as_array().expect("outcomes");
    assert!(outs.iter().any(|o| o["indicator"] == "gdp"
        && o["year"] == 2015
        && o["target"]["value"] == 7.0
        && o["actual"]["value"] == 6.9
        && o["met"] == "yes"));

    // A file that cannot be read: a message and exit code 1, the others still processed.
    let mut args = vec!["panel", "/nonexistent/report.txt"];
    args.extend(files.iter().map(String::as_str));
    let (out, err, code) = run_cli(&args);
    assert_eq!(code, 1);
    assert!(err.contains("/nonexistent/report.txt"), "{err}");
    assert!(out.lines().count() > 10);
}

/// A report whose outline is the two numbered parts of `text` (no parser involved).
fn hand_made(text: &str) -> Report {
    use report::{Section, SectionKind, Span};
    let p1 = text.find("一、").unwrap();
    let p2 = text.find("二、").unwrap();
    let sec = |id: &str, heading: &str, start: usize, end: usize, kind| Section {
        id: id.into(),
        level: 1,
        number: String::new(),
        heading: heading.into(),
        kind,
        span: Span::new(start, end),
        heading_span: Span::new(start, start + text[start..].find('\n').unwrap()),
        children: vec![],
    };
    Report {
        file: "kw.txt".into(),
        encoding: "UTF-8".into(),
        copies: 1,
        removed: vec![],
        title: None,
        date: None,
        meeting: None,
        speaker: None,
        region: None,
        level: None,
        report_year: None,
        review_year: None,
        looks_like_report: true,
        sections: vec![
            sec("s1", "过去一年工作回顾", p1, p2, SectionKind::Review),
            sec("s2", "今年工作安排", p2, text.len(), SectionKind::Plan),
        ],
        indicators: vec![],
        diagnostics: vec![],
        text: text.to_string(),
    }
}

#[test]
fn keyword_counts_are_exact_and_non_overlapping() {
    let text = "政府工作报告\n\
        一、过去一年工作回顾\n\
        深化改革改革改革，改 革开放。创新创新驱动。\n\
        二、今年工作安排\n\
        全面深化改革；数字经济数字经济；高质量发展。ＧＤＰ与gdp。\n";
    let r = hand_made(text);
    let terms = keywords::parse_terms("改革, 改革改革，创新 数字经济、高质量发展;gdp 不存在");
    assert_eq!(terms, ["改革", "改革改革", "创新", "数字经济", "高质量发展", "gdp", "不存在"]);
    let c = keywords::count_report(&r, &terms);
    // 改革: 3 adjacent + 1 across a space (PDF-style) + 1 in part two = 5; 改革改革 once per run
    // of three (non-overlapping) = 1; 创新 twice adjacent; ＧＤＰ folds to gdp.
    assert_eq!(c.total, vec![5, 1, 2, 2, 1, 2, 0]);
    // The parts add up to the whole.
    for (ti, total) in c.total.iter().enumerate() {
        assert_eq!(c.parts.iter().map(|p| p.counts[ti]).sum::<usize>(), *total, "term {}", terms[ti]);
    }
    // Per section: the opening, part one, part two.
    let parts: Vec<(&str, &Vec<usize>)> = c.parts.iter().map(|p| (p.section.as_str(), &p.counts)).collect();
    assert_eq!(parts, vec![("", &vec![0; 7]), ("s1", &vec![4, 1, 2, 0, 0, 0, 0]), ("s2", &vec![1, 0, 0, 2, 1, 2, 0])]);
    // Counting never reads across a line break.
    assert_eq!(keywords::count(&keywords::normalise("改\n革"), "改革"), 0);
    assert_eq!(keywords::count("aaaa", "aa"), 2);
    assert_eq!(keywords::count("aaa", "aa"), 1);
}
