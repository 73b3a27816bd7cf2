//! CSV and JSON exports (`baogao::export`): what the page downloads and the CLI writes.

use baogao::export::{self, CSV_HEADER};
use baogao::report::{
    CleanStep, Direction, Indicator, Level, Measure, Report, Section, SectionKind, Span, Speaker,
    Status, Value,
};
use proptest::prelude::*;

fn ind(id: &str, name: &str, sentence: &str) -> Indicator {
    Indicator {
        id: id.into(),
        name: name.into(),
        indicator: None,
        measure: Measure::Growth,
        value: Value::Number(8.0),
        unit: "%".into(),
        value_base: None,
        qualifier: None,
        direction: None,
        status: Status::Target,
        year: Some(2017),
        period: None,
        relative_to: None,
        parts: Vec::new(),
        section: Some("s2.1".into()),
        sentence: sentence.into(),
        span: Span::new(10, 12),
        sentence_span: Span::new(0, 40),
    }
}

fn report(file: &str, indicators: Vec<Indicator>) -> Report {
    Report {
        file: file.into(),
        encoding: "UTF-8".into(),
        copies: 8,
        removed: vec![CleanStep {
            kind: "duplicate_copies".into(),
            count: 7,
            detail: "删除重复副本 7 份".into(),
        }],
        title: Some("政府工作报告".into()),
        date: None,
        meeting: Some("在市第十七届人民代表大会第一次会议上".into()),
        speaker: Some(Speaker {
            name: Some("刘永湘".into()),
            title: Some("市长".into()),
        }),
        region: Some("自贡".into()),
        level: Some(Level::City),
        report_year: Some(2017),
        review_year: Some(2016),
        looks_like_report: true,
        sections: vec![Section {
            id: "s1".into(),
            level: 1,
            number: "一".into(),
            heading: "2016年工作回顾".into(),
            kind: SectionKind::Review,
            span: Span::new(0, 100),
            heading_span: Span::new(0, 20),
            children: Vec::new(),
        }],
        indicators,
        diagnostics: Vec::new(),
        text: "display text that must not be exported".into(),
    }
}

/// Indicators whose text fields exercise every quoting rule.
fn tricky() -> Vec<Indicator> {
    let mut a = ind("i1", "地区生产总值", "地区生产总值增长8%以上");
    a.indicator = Some("gdp".into());
    a.qualifier = Some("以上".into());

    let mut b = ind(
        "i2",
        "城镇登记失业率",
        "城镇登记失业率控制在4.4%以内，城乡居民可支配收入增长10%和11%, \"quoted\"",
    );
    b.measure = Measure::Rate;
    b.value = Value::Number(4.4);
    b.qualifier = Some("以内".into());

    let mut c = ind(
        "i3",
        "全社会固定资产投资",
        "第一行\n第二行\r\n第三行，“引号”\"x\"",
    );
    c.value = Value::Range([8.0, 8.5]);
    c.qualifier = Some("左右".into());
    c.status = Status::Estimate;

    let mut d = ind("i4", " leading, trailing ", "单位地区生产总值能耗下降3.2%");
    d.measure = Measure::Growth;
    d.value = Value::Number(3.2);
    d.direction = Some(Direction::Down);
    d.status = Status::Actual;
    d.year = None;
    d.period = Some("2012-2016".into());
    d.relative_to = Some("全省".into());

    let mut e = ind("i5", "地区生产总值", "全市地区生产总值实现1230亿元");
    e.measure = Measure::Level;
    e.value = Value::Number(1230.0);
    e.unit = "亿元".into();
    e.value_base = Some(1230.0);
    e.status = Status::Estimate;
    e.year = Some(2016);
    e.section = None;

    let mut f = ind("i6", "经济总量", "经济总量突破1.2万亿元");
    f.measure = Measure::Level;
    f.value = Value::Number(1.2);
    f.unit = "万亿元".into();
    f.value_base = Some(12000.0);
    f.qualifier = Some("突破".into());
    vec![a, b, c, d, e, f]
}

fn read_csv(s: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let body = s
        .strip_prefix('\u{FEFF}')
        .expect("CSV starts with a UTF-8 BOM");
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .from_reader(body.as_bytes());
    let header = rdr
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = rdr
        .records()
        .map(|r| {
            r.expect("well-formed record")
                .iter()
                .map(str::to_string)
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn csv_header_is_stable() {
    let csv = export::indicators_csv(&[&report("a.txt", tricky())]);
    let first_line = csv.split("\r\n").next().unwrap();
    assert_eq!(
        first_line,
        "\u{FEFF}file,id,name,indicator,measure,status,value,value_high,unit,value_base,qualifier,direction,year,period,relative_to,section,sentence,span_start,span_end,parts"
    );
    let (header, _) = read_csv(&csv);
    assert_eq!(header, CSV_HEADER.to_vec());
}

#[test]
fn csv_parts_column_carries_every_part_of_a_ratio() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/zigong-2017-x8.txt");
    let report = baogao::report::parse("zigong-2017-x8.txt", &std::fs::read(path).unwrap()).unwrap();
    let (header, rows) = read_csv(&export::indicators_csv(&[&report]));
    let col = |row: &[String], name: &str| row[header.iter().position(|h| h == name).unwrap()].clone();
    let with_parts: Vec<&Vec<String>> = rows.iter().filter(|r| !col(r, "parts").is_empty()).collect();
    let ratios = report.indicators.iter().filter(|i| i.parts.len() >= 2).count();
    assert!(ratios >= 1, "the sample states 三次产业结构");
    assert_eq!(with_parts.len(), ratios, "a parts cell for every ratio, none for other figures");
    let first = with_parts.iter().find(|r| col(r, "name") == "三次产业结构").unwrap();
    assert_eq!(col(first, "parts"), "12.7:58.8:28.5");
    assert_eq!(col(first, "value"), "12.7");
}

#[test]
fn csv_round_trips_through_a_csv_parser() {
    let inds = tricky();
    let r = report("corpus/zigong-2017.txt", inds.clone());
    let csv = export::indicators_csv(&[&r]);
    let (_, rows) = read_csv(&csv);
    assert_eq!(rows.len(), inds.len());
    for (row, ind) in rows.iter().zip(&inds) {
        assert_eq!(row.len(), CSV_HEADER.len());
        let col = |name: &str| row[CSV_HEADER.iter().position(|h| *h == name).unwrap()].as_str();
        assert_eq!(col("file"), "corpus/zigong-2017.txt");
        assert_eq!(col("id"), ind.id);
        assert_eq!(
            col("name"),
            ind.name,
            "names with commas and spaces survive"
        );
        assert_eq!(
            col("sentence"),
            ind.sentence,
            "sentences with commas, quotes, newlines survive"
        );
        assert_eq!(col("unit"), ind.unit);
        assert_eq!(col("qualifier"), ind.qualifier.as_deref().unwrap_or(""));
        assert_eq!(col("section"), ind.section.as_deref().unwrap_or(""));
        assert_eq!(col("span_start").parse::<usize>().unwrap(), ind.span.start);
        assert_eq!(col("span_end").parse::<usize>().unwrap(), ind.span.end);
        let value: f64 = col("value").parse().unwrap();
        assert_eq!(value, ind.value.low());
        match ind.value.high() {
            Some(h) => assert_eq!(col("value_high").parse::<f64>().unwrap(), h),
            None => assert_eq!(col("value_high"), ""),
        }
    }
    // Spot checks of the enum and optional columns.
    let by_id = |id: &str| rows.iter().find(|r| r[1] == id).unwrap();
    assert_eq!(by_id("i1")[3], "gdp");
    assert_eq!(by_id("i1")[4], "growth");
    assert_eq!(by_id("i1")[5], "target");
    assert_eq!(
        by_id("i1")[6],
        "8",
        "whole numbers are written without a decimal point"
    );
    assert_eq!(by_id("i2")[4], "rate");
    assert_eq!(by_id("i2")[6], "4.4");
    assert_eq!(by_id("i3")[5], "estimate");
    assert_eq!(
        (by_id("i3")[6].as_str(), by_id("i3")[7].as_str()),
        ("8", "8.5")
    );
    assert_eq!(by_id("i4")[11], "down");
    assert_eq!(by_id("i4")[12], "", "no year");
    assert_eq!(by_id("i4")[13], "2012-2016");
    assert_eq!(by_id("i4")[14], "全省");
    assert_eq!(by_id("i5")[9], "1230");
    assert_eq!(by_id("i6")[9], "12000");
    assert_eq!(by_id("i6")[8], "万亿元");
}

#[test]
fn csv_quotes_only_where_needed_and_uses_crlf() {
    let csv = export::indicators_csv(&[&report("a.txt", tricky())]);
    // A plain row is not quoted at all.
    assert!(csv.contains("\r\na.txt,i1,地区生产总值,gdp,growth,target,8,,%,,以上,,2017,,,s2.1,地区生产总值增长8%以上,10,12,\r\n"), "{csv}");
    // A field with a quote is quoted and the quote doubled.
    assert!(csv.contains("\"第一行\n第二行\r\n第三行，“引号”\"\"x\"\"\""));
    // Leading/trailing spaces are protected by quotes.
    assert!(csv.contains(",\" leading, trailing \","));
    assert!(csv.ends_with("\r\n"));
}

#[test]
fn csv_of_several_reports_keeps_each_file() {
    let a = report("2016.txt", tricky());
    let b = report("2017.txt", tricky()[..2].to_vec());
    let csv = export::indicators_csv(&[&a, &b]);
    let (_, rows) = read_csv(&csv);
    assert_eq!(rows.len(), 6 + 2);
    assert_eq!(rows.iter().filter(|r| r[0] == "2016.txt").count(), 6);
    assert_eq!(rows.iter().filter(|r| r[0] == "2017.txt").count(), 2);
}

#[test]
fn csv_of_no_indicators_is_just_the_header() {
    let csv = export::indicators_csv(&[&report("empty.txt", Vec::new())]);
    let (_, rows) = read_csv(&csv);
    assert!(rows.is_empty());
    assert_eq!(csv.matches("\r\n").count(), 1);
}

#[test]
fn numbers_are_written_plainly() {
    assert_eq!(export::number(8.0), "8");
    assert_eq!(export::number(7.6), "7.6");
    assert_eq!(export::number(-0.5), "-0.5");
    assert_eq!(export::number(-0.0), "0");
    assert_eq!(export::number(0.0000001), "0.0000001");
    assert_eq!(export::number(1.2e4), "12000");
    assert_eq!(export::number(f64::NAN), "");
}

#[test]
fn json_has_the_contract_fields() {
    let r = report("corpus/zigong-2017.txt", tricky());
    let s = export::report_json(&r);
    let v: serde_json::Value = serde_json::from_str(&s).expect("valid JSON");
    let obj = v.as_object().expect("one object");
    for key in [
        "file",
        "encoding",
        "copies",
        "removed",
        "title",
        "date",
        "meeting",
        "speaker",
        "region",
        "level",
        "report_year",
        "review_year",
        "sections",
        "indicators",
    ] {
        assert!(obj.contains_key(key), "missing {key}");
    }
    assert!(
        !obj.contains_key("text"),
        "the display text is not part of the JSON"
    );
    assert_eq!(obj["file"], "corpus/zigong-2017.txt");
    assert_eq!(obj["copies"], 8);
    assert_eq!(obj["level"], "city");
    assert_eq!(obj["report_year"], 2017);
    assert_eq!(obj["speaker"]["name"], "刘永湘");
    assert_eq!(obj["indicators"].as_array().unwrap().len(), 6);
    assert_eq!(obj["indicators"][2]["value"], serde_json::json!([8.0, 8.5]));
    assert_eq!(obj["indicators"][3]["direction"], "down");
    // And it reads back into the same report (minus the display text).
    let back: Report = serde_json::from_str(&s).unwrap();
    let mut expect = r.clone();
    expect.text = String::new();
    assert_eq!(back, expect);
}

#[test]
fn download_stem_is_safe() {
    let r = report("x/y/zigong.txt", Vec::new());
    assert_eq!(export::download_stem(&r), "baogao-自贡-2017");
    let mut r2 = report("C:\\docs\\报告:草稿?.docx", Vec::new());
    r2.region = None;
    assert_eq!(export::download_stem(&r2), "baogao-报告_草稿_");
    let mut r3 = report("", Vec::new());
    r3.region = None;
    assert_eq!(export::download_stem(&r3), "baogao-report");
}

/// Numbers are written as `Display` writes them (shortest round trip), -0 as 0.
fn display_number(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let s = format!("{v}");
    if s == "-0" { "0".into() } else { s }
}

#[test]
fn numbers_are_written_as_display_writes_them() {
    let mut vs = vec![0.0, -0.0, 1.0, -1.0, 7.6, 8.5, 0.05, 0.1 + 0.2, 1230.0, 2.675, 1e-5, 123.456, 999_999_999_999.9, 1e12, 1e15, 1e21, 5e-324, f64::MAX, f64::NAN, f64::INFINITY, -f64::INFINITY];
    for i in -20_000..20_000 {
        for d in [1.0, 10.0, 100.0, 1000.0, 7.0, 3.0] {
            vs.push(f64::from(i) / d);
        }
    }
    for v in vs {
        assert_eq!(export::number(v), display_number(v), "{v:?}");
        let mut s = String::from("x");
        export::push_f64(&mut s, v);
        assert_eq!(s, format!("x{v}"), "{v:?}");
    }
}

proptest! {
    /// Any f64 is written as `Display` writes it.
    #[test]
    fn any_number_is_written_as_display_writes_it(bits in any::<u64>(), small in -1e13f64..1e13, k in 0u32..5) {
        for v in [f64::from_bits(bits), small, (small * 10f64.powi(k as i32)).round() / 10f64.powi(k as i32)] {
            prop_assert_eq!(export::number(v), display_number(v));
            let mut s = String::new();
            export::push_f64(&mut s, v);
            prop_assert_eq!(s, format!("{v}"));
        }
    }

    /// Any text, written as one field between two others, reads back unchanged.
    #[test]
    fn any_field_round_trips(s in "\\PC*|[,\"\r\n a-z中文]{0,20}") {
        let mut out = String::new();
        export::write_record(&mut out, ["a", s.as_str(), "z"]);
        let mut rdr = csv::ReaderBuilder::new().has_headers(false).from_reader(out.as_bytes());
        let rec = rdr.records().next().unwrap().unwrap();
        prop_assert_eq!(rec.len(), 3);
        prop_assert_eq!(&rec[1], s.as_str());
        prop_assert_eq!(&rec[2], "z");
    }
}

mod table {
    use super::*;
    use baogao::export::table::{self, Query};

    fn r() -> Report {
        let mut inds = tricky();
        inds[0].section = Some("s2".into());
        inds[1].section = Some("s2.1".into());
        inds[2].section = Some("s10".into());
        inds[3].section = Some("s1.2".into());
        report("a.txt", inds)
    }

    fn ids(r: &Report, q: &Query) -> Vec<String> {
        table::rows(r, q)
            .into_iter()
            .map(|i| r.indicators[i].id.clone())
            .collect()
    }

    #[test]
    fn no_filter_is_text_order() {
        let r = r();
        assert_eq!(
            ids(&r, &Query::default()),
            ["i1", "i2", "i3", "i4", "i5", "i6"]
        );
        assert_eq!(
            ids(
                &r,
                &Query {
                    desc: true,
                    ..Default::default()
                }
            ),
            ["i6", "i5", "i4", "i3", "i2", "i1"]
        );
    }

    #[test]
    fn filters_combine() {
        let r = r();
        assert_eq!(
            ids(
                &r,
                &Query {
                    measure: "level",
                    ..Default::default()
                }
            ),
            ["i5", "i6"]
        );
        assert_eq!(
            ids(
                &r,
                &Query {
                    status: "estimate",
                    ..Default::default()
                }
            ),
            ["i3", "i5"]
        );
        assert_eq!(
            ids(
                &r,
                &Query {
                    section: "s2",
                    ..Default::default()
                }
            ),
            ["i1", "i2", "i6"],
            "s2 holds s2.1 but not s10 or s1.2"
        );
        assert_eq!(
            ids(
                &r,
                &Query {
                    section: "s1",
                    ..Default::default()
                }
            ),
            ["i4"]
        );
        assert_eq!(
            ids(
                &r,
                &Query {
                    text: "1230",
                    ..Default::default()
                }
            ),
            ["i5"]
        );
        assert_eq!(
            ids(
                &r,
                &Query {
                    text: "GDP",
                    ..Default::default()
                }
            ),
            ["i1"],
            "key matched case-insensitively"
        );
        assert_eq!(
            ids(
                &r,
                &Query {
                    text: "地区生产总值",
                    status: "target",
                    ..Default::default()
                }
            ),
            ["i1"]
        );
        assert!(ids(
            &r,
            &Query {
                measure: "share",
                ..Default::default()
            }
        )
        .is_empty());
    }

    #[test]
    fn sorting_by_value_uses_base_units() {
        let r = r();
        // i6 is 1.2 万亿元 = 12000 亿元: largest.
        assert_eq!(
            ids(
                &r,
                &Query {
                    sort: "value",
                    ..Default::default()
                }
            ),
            ["i4", "i2", "i1", "i3", "i5", "i6"]
        );
        assert_eq!(
            ids(
                &r,
                &Query {
                    sort: "value",
                    desc: true,
                    ..Default::default()
                }
            ),
            ["i6", "i5", "i1", "i3", "i2", "i4"],
            "ties (8 and 8–8.5) keep text order"
        );
    }

    #[test]
    fn sorting_puts_blanks_last_both_ways() {
        let r = r();
        let asc = ids(
            &r,
            &Query {
                sort: "qualifier",
                ..Default::default()
            },
        );
        let desc = ids(
            &r,
            &Query {
                sort: "qualifier",
                desc: true,
                ..Default::default()
            },
        );
        for order in [&asc, &desc] {
            assert_eq!(
                &order[4..],
                ["i4", "i5"],
                "no qualifier: last, in text order ({order:?})"
            );
        }
        assert_ne!(asc[..4], desc[..4]);
        // Sections sort naturally: s1.2 < s2 < s2.1 < s10.
        assert_eq!(
            ids(
                &r,
                &Query {
                    sort: "section",
                    ..Default::default()
                }
            ),
            ["i4", "i1", "i2", "i6", "i3", "i5"]
        );
        // Year: period 2012-2016 sorts by its first year.
        assert_eq!(
            ids(
                &r,
                &Query {
                    sort: "year",
                    ..Default::default()
                }
            )[0],
            "i4"
        );
    }

    #[test]
    fn section_prefix_matching() {
        assert!(table::in_section(Some("s1"), "s1"));
        assert!(table::in_section(Some("s1.2.3"), "s1"));
        assert!(table::in_section(Some("s1.2.3"), "s1.2"));
        assert!(!table::in_section(Some("s10"), "s1"));
        assert!(!table::in_section(Some("s1.20"), "s1.2"));
        assert!(!table::in_section(None, "s1"));
    }

    #[test]
    fn qualifier_symbols() {
        assert_eq!(table::qualifier_symbol("以上"), Some("≥"));
        assert_eq!(table::qualifier_symbol("以内"), Some("≤"));
        assert_eq!(table::qualifier_symbol("控制在…以内"), Some("≤"));
        assert_eq!(table::qualifier_symbol("左右"), Some("≈"));
        assert_eq!(table::qualifier_symbol("力争"), None);
    }

    #[test]
    fn value_and_when_text() {
        let r = r();
        assert_eq!(table::value_text(&r.indicators[2]), "8–8.5");
        assert_eq!(table::value_text(&r.indicators[4]), "1230");
        let mut ratio = r.indicators[0].clone();
        ratio.parts = vec![12.7, 58.8, 28.5];
        assert_eq!(table::value_text(&ratio), "12.7：58.8：28.5");
        assert_eq!(table::when_text(&r.indicators[3]), "2012-2016");
        assert_eq!(table::when_text(&r.indicators[0]), "2017");
    }

    #[test]
    fn section_options_list_two_levels() {
        let mut r = r();
        r.sections[0].children.push(Section {
            id: "s1.1".into(),
            level: 2,
            number: "（一）".into(),
            heading: "坚持稳增长".into(),
            kind: SectionKind::Review,
            span: Span::new(20, 50),
            heading_span: Span::new(20, 30),
            children: vec![Section {
                id: "s1.1.1".into(),
                level: 3,
                number: "1.".into(),
                heading: "deep".into(),
                kind: SectionKind::Review,
                span: Span::new(30, 40),
                heading_span: Span::new(30, 35),
                children: Vec::new(),
            }],
        });
        let opts = table::section_options(&r);
        assert_eq!(
            opts,
            vec![
                ("s1".into(), 1, "一、2016年工作回顾".into()),
                ("s1.1".into(), 2, "（一）坚持稳增长".into())
            ]
        );
    }
}
