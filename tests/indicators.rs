//! Indicator extraction over the real fixtures (insta snapshots), the answer key
//! (eval budgets), the headline table, and properties (spans, no panics, linear time).

use std::path::Path;
use std::time::{Duration, Instant};

use baogao::report::indicators::{extract, extract_in_chunks, Context, SectionInfo};
use baogao::report::{self, headline, Indicator, Report, SectionKind, Span, Status, Value};
use proptest::prelude::*;

const FIXTURES: &[&str] = &[
    "zigong-2017-x8.txt",
    "national-1980-gbk.txt",
    "national-2002-gbk-crcrlf.txt",
    "national-2014-gbk.txt",
    "national-2015-gbk.txt",
    "national-2016-gbk.txt",
    "national-2017-gbk.txt",
    "beijing-2024.txt",
    "luzhou-2024-oneline.txt",
    "zaozhuang-2024-pdftext.txt",
    "bozhou-2024.txt",
    "qiandongnan-2024.docx",
];

fn fixture(name: &str) -> Report {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name);
    let bytes = std::fs::read(&p).expect("fixture");
    report::parse(name, &bytes).expect("parse")
}

fn fmt_value(v: &Value) -> String {
    match v {
        Value::Number(x) => format!("{x}"),
        Value::Range([a, b]) => format!("[{a}, {b}]"),
    }
}

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

/// One compact line per indicator.
fn compact(inds: &[Indicator]) -> String {
    let mut out = String::new();
    for i in inds {
        out.push_str(&format!(
            "{} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {}\n",
            i.id,
            i.name,
            i.indicator.as_deref().unwrap_or("-"),
            enum_str(&i.measure),
            fmt_value(&i.value),
            if i.unit.is_empty() { "-" } else { &i.unit },
            i.qualifier.as_deref().unwrap_or("-"),
            enum_str(&i.status),
            i.year.map(|y| y.to_string()).unwrap_or_else(|| "-".into()),
            i.period.as_deref().unwrap_or("-"),
            i.sentence.replace('\n', " "),
        ));
    }
    out
}

#[test]
fn snapshots() {
    for name in FIXTURES {
        let r = fixture(name);
        for i in &r.indicators {
            assert!(i.sentence_span.contains(i.span), "{name}: {i:?}");
            assert!(r.text.get(i.span.start..i.span.end).is_some(), "{name}: {i:?}");
        }
        let snap = name.replace(['.', '-'], "_");
        insta::assert_snapshot!(snap, compact(&r.indicators));
    }
}

/// The headline table in one line per row: key | actual level, growth | target.
fn compact_headline(r: &Report) -> String {
    let h = headline::headline(r);
    let mut out = String::new();
    for row in &h.rows {
        let a = row.actual.as_ref();
        let num = |x: Option<f64>| x.map_or_else(|| "-".to_string(), |x| format!("{x}"));
        out.push_str(&format!(
            "{} | actual {} {} / growth {} | target {} {}\n",
            row.indicator,
            num(a.and_then(|a| a.level)),
            a.and_then(|a| a.level_unit.as_deref()).unwrap_or(""),
            num(a.and_then(|a| a.growth)),
            row.target.as_ref().map_or_else(|| "-".to_string(), |t| fmt_value(&t.value)),
            row.target.as_ref().and_then(|t| t.qualifier.as_deref()).unwrap_or(""),
        ));
    }
    out
}

#[test]
fn synthetic_snapshots() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/synthetic");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("synthetic dir")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".txt") || n.ends_with(".docx") || n.ends_with(".html") || n.ends_with(".mhtml"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        let bytes = std::fs::read(dir.join(&name)).expect("read");
        let r = report::parse(&name, &bytes).expect("parse");
        let snap = format!("synthetic_{}", name.replace(['.', '-'], "_"));
        insta::assert_snapshot!(snap, format!("{}\n{}", compact_headline(&r), compact(&r.indicators)));
    }
}

#[test]
fn gold_budgets() {
    let gold = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/gold.json");
    let res = baogao::cli::eval::evaluate(&gold, None).expect("eval");
    for f in &res.files {
        assert!(f.error.is_none(), "{}: {:?}", f.file, f.error);
    }
    let o = &res.overall;
    assert!(o.target_recall >= 0.98, "target recall {o:?}");
    assert!(o.target_precision >= 0.98, "target precision {o:?}");
    assert!(o.actual_recall >= 0.95, "actual recall {o:?}");
}

#[test]
fn headline_table() {
    let r = fixture("zigong-2017-x8.txt");
    let h = headline::headline(&r);
    let gdp = h.rows.iter().find(|r| r.indicator == "gdp").expect("gdp row");
    assert_eq!(h.rows[0].indicator, "gdp");
    let a = gdp.actual.as_ref().expect("gdp actual");
    assert_eq!((a.level, a.growth, a.estimate), (Some(1230.0), Some(7.6), true));
    let t = gdp.target.as_ref().expect("gdp target");
    assert_eq!((t.value.clone(), t.qualifier.as_deref()), (Value::Number(8.0), Some("以上")));
    assert!(!gdp.five_year.is_empty(), "five-year GDP goal (突破2000亿元)");
    let json = serde_json::to_string(&h).unwrap();
    assert!(json.contains("\"rows\""));

    let r = fixture("luzhou-2024-oneline.txt");
    let h = headline::headline(&r);
    let cpi = h.rows.iter().find(|r| r.indicator == "cpi").expect("cpi row");
    assert_eq!(cpi.target.as_ref().map(|t| t.value.clone()), Some(Value::Number(103.0)));
}

#[test]
fn headline_prefers_the_exact_figure_to_a_milestone_and_a_quoted_goal() {
    let text = "2019年测试市人民政府工作报告\n一、2018年工作回顾\n年初确定的地区生产总值增长8%的目标，实际完成7.6%。全市地区生产总值突破8000亿元，达到8126.4亿元。\n二、2019年主要目标\n今年的主要预期目标是：地区生产总值增长7%左右。\n";
    let r = report::parse_text("t.txt", text, "UTF-8");
    let h = headline::headline(&r);
    let gdp = h.rows.iter().find(|r| r.indicator == "gdp").expect("gdp row");
    let a = gdp.actual.as_ref().expect("gdp actual");
    assert_eq!((a.level, a.growth), (Some(8126.4), Some(7.6)), "{gdp:#?}");
    assert_eq!(gdp.target.as_ref().map(|t| t.value.clone()), Some(Value::Number(7.0)), "{gdp:#?}");
    // An amount added written before the growth in % does not take the target cell.
    let text = "2019年测试县人民政府工作报告\n一、2018年工作回顾\n农民人均纯收入8600元。\n二、2019年主要目标\n今年的主要预期目标是：农民人均纯收入增加500元以上，增长8%。\n";
    let r = report::parse_text("t.txt", text, "UTF-8");
    let h = headline::headline(&r);
    let row = h.rows.iter().find(|r| r.indicator == "rural_net_income").expect("row");
    assert_eq!(row.target.as_ref().map(|t| t.value.clone()), Some(Value::Number(8.0)), "{row:#?}");
}

#[test]
fn statuses_on_fixtures() {
    let r = fixture("national-2015-gbk.txt");
    let gdp_t: Vec<_> = r
        .indicators
        .iter()
        .filter(|i| i.indicator.as_deref() == Some("gdp") && i.status == Status::Target)
        .collect();
    assert!(gdp_t.iter().any(|i| i.value == Value::Number(7.0) && i.year == Some(2015)));
}

fn ctx_extract(text: &str) -> Vec<Indicator> {
    let ctx = Context { text, sections: &[], report_year: Some(2024), review_year: Some(2023) };
    extract(&ctx)
}

fn check_spans(text: &str, v: &[Indicator]) -> Result<(), TestCaseError> {
    for i in v {
        prop_assert!(i.sentence_span.contains(i.span), "{:?}", i);
        prop_assert!(text.get(i.span.start..i.span.end).is_some());
        prop_assert!(text.get(i.sentence_span.start..i.sentence_span.end).is_some());
        let s = &text[i.span.start..i.span.end];
        let plain = !s.is_empty()
            && s.trim_start_matches('-').bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && s.trim_start_matches('-').bytes().next().map(|b| b.is_ascii_digit()).unwrap_or(false)
            && s.matches('.').count() <= 1
            && !s.ends_with('.');
        if plain {
            if let Value::Number(x) = i.value {
                let parsed: f64 = s.parse().unwrap();
                prop_assert!((parsed - x).abs() <= 1e-9 * (1.0 + x.abs()) || (parsed.is_infinite() && x.is_infinite()), "{} vs {}", s, x);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, .. ProptestConfig::default() })]

    #[test]
    fn spans_slice_their_sentence(s in "[0-9０-９一二三四十百千万亿两%％.,，、：:；。（）()\\-—～增长下降达到实现亿元万人个百分点倍左右以上以内约预计下同目标是力争地区生产总值城乡居民收入分别和均指数控制在高于全省第年月日 \n]{0,160}") {
        let v = ctx_extract(&s);
        check_spans(&s, &v)?;
    }

    #[test]
    fn never_panics(s in "\\PC{0,300}") {
        let v = ctx_extract(&s);
        check_spans(&s, &v)?;
    }

    /// Read in pieces, a text gives what one pass gives, whatever its state-changing
    /// phrases (下同, target passages, lists, five-year words) and wherever they fall.
    #[test]
    fn pieces_read_like_one_pass(
        parts in prop::collection::vec(prop::sample::select(vec![
            "（预计、下同）", "主要预期目标是：", "安排如下：", "过去五年，", "今年", "去年", "2025年", "“十四五”期间",
            "地区生产总值增长5.5%左右", "分别增长8%和9%以上", "城乡居民人均可支配收入", "一般公共预算收入1230亿元",
            "，", "。", "；", "、", "\n", "\n\n", "一是", "1.", "粮食播种面积120万亩", "总产量", "均增长6%",
        ]), 0..120),
        cut in 0usize..1000,
        pieces in 2usize..9,
    ) {
        let text = parts.concat();
        // a plan section over the text from `cut` on, a review section before it
        let at = (0..=cut.min(text.len())).rev().find(|&k| text.is_char_boundary(k)).unwrap_or(0);
        let sections = vec![
            SectionInfo { id: "s1".into(), level: 1, kind: SectionKind::Review, heading: "工作回顾".into(), span: Span::new(0, at) },
            SectionInfo { id: "s2".into(), level: 1, kind: SectionKind::Plan, heading: "今年安排".into(), span: Span::new(at, text.len()) },
        ];
        let ctx = Context { text: &text, sections: &sections, report_year: Some(2024), review_year: Some(2023) };
        let one = extract_in_chunks(&ctx, 1);
        prop_assert_eq!(extract_in_chunks(&ctx, pieces), one);
    }

    #[test]
    fn pipeline_never_panics(s in "[0-9一二十百%.,，、：:；。增长亿元万人—\\- \n]{0,200}") {
        let r = report::parse_text("p.txt", &s, "UTF-8");
        for i in &r.indicators {
            prop_assert!(r.text.get(i.span.start..i.span.end).is_some());
        }
    }
}

fn time_of(text: &str) -> Duration {
    let mut best = Duration::MAX;
    for _ in 0..3 {
        let t = Instant::now();
        let v = ctx_extract(text);
        std::hint::black_box(v);
        best = best.min(t.elapsed());
    }
    best
}

#[test]
fn linear_time_on_adversarial_strings() {
    let units: &[&str] = &[
        "1",
        "%",
        "、",
        "1、",
        "增长1%和",
        "1:",
        "1-",
        "一十",
        "亿元",
        "地区生产总值增长",
        "比",
        "（",
        "1年",
        "指数1",
        "分别1和2%、",
        "，",
    ];
    for u in units {
        let small = u.repeat(40_000 / u.len().max(1));
        let big = u.repeat(160_000 / u.len().max(1));
        let ts = time_of(&small);
        let tb = time_of(&big);
        // Linear: 4× the input ≈ 4× the time; allow noise, forbid quadratic (16×).
        let limit = ts.mul_f64(9.0) + Duration::from_millis(30);
        assert!(tb <= limit, "{u:?}: {ts:?} → {tb:?}");
    }
}
