//! Charts, natively: data built from a hand-made report and from the sample, each chart
//! rendered to SVG and checked as XML (title, unit, bar values, nothing outside the
//! canvas), hit boxes, helpers.

use baogao::chart::draw::{nice_ticks, text_width, Scale};
use baogao::chart::growth::growth_pairs;
use baogao::chart::{
    build, build_all, fmt_num, hit_at, money_in_yi, qualifier_symbol, render_svg, ChartData,
    ChartKind, ChartLang, Theme,
};
use baogao::report::{
    Direction, Indicator, Measure, Report, Section, SectionKind, Span, Status, Value,
};
use quick_xml::events::Event;

// ---------------------------------------------------------------------------------------
// A hand-built report.

struct Ind {
    key: Option<&'static str>,
    name: &'static str,
    measure: Measure,
    value: Value,
    unit: &'static str,
    qualifier: Option<&'static str>,
    status: Status,
    year: Option<i32>,
    period: Option<&'static str>,
    parts: Vec<f64>,
    section: &'static str,
    direction: Option<Direction>,
}

fn ind(
    key: Option<&'static str>,
    name: &'static str,
    measure: Measure,
    value: Value,
    unit: &'static str,
) -> Ind {
    Ind {
        key,
        name,
        measure,
        value,
        unit,
        qualifier: None,
        status: Status::Actual,
        year: Some(2016),
        period: None,
        parts: vec![],
        section: "s1",
        direction: None,
    }
}

impl Ind {
    fn target(mut self, year: i32) -> Self {
        self.status = Status::Target;
        self.year = Some(year);
        self.section = if year > 2017 { "s2" } else { "s3" };
        self
    }
    fn estimate(mut self) -> Self {
        self.status = Status::Estimate;
        self
    }
    fn q(mut self, q: &'static str) -> Self {
        self.qualifier = Some(q);
        self
    }
    fn period(mut self, p: &'static str) -> Self {
        self.period = Some(p);
        self
    }
    fn parts(mut self, p: &[f64]) -> Self {
        self.parts = p.to_vec();
        self
    }
    fn down(mut self) -> Self {
        self.direction = Some(Direction::Down);
        self
    }
}

fn sec(id: &str, kind: SectionKind, span: Span) -> Section {
    Section {
        id: id.into(),
        level: 1,
        number: String::new(),
        heading: id.into(),
        kind,
        span,
        heading_span: Span::new(span.start, span.start),
        children: vec![],
    }
}

fn make_report(items: Vec<Ind>) -> Report {
    let mut text = String::new();
    let mut indicators = Vec::new();
    for (i, it) in items.into_iter().enumerate() {
        let sentence = format!("{}{}{}。", it.name, fmt_num(it.value.low()), it.unit);
        let start = text.len();
        text.push_str(&sentence);
        indicators.push(Indicator {
            id: format!("i{}", i + 1),
            name: it.name.into(),
            indicator: it.key.map(str::to_string),
            measure: it.measure,
            value: it.value,
            unit: it.unit.into(),
            value_base: None,
            qualifier: it.qualifier.map(str::to_string),
            direction: it.direction,
            status: it.status,
            year: it.year,
            period: it.period.map(str::to_string),
            relative_to: None,
            parts: it.parts,
            section: Some(it.section.into()),
            sentence: sentence.clone(),
            span: Span::new(start, start + sentence.len()),
            sentence_span: Span::new(start, start + sentence.len()),
        });
    }
    let n = text.len();
    Report {
        file: "test-2017.txt".into(),
        encoding: "UTF-8".into(),
        copies: 1,
        removed: vec![],
        title: Some("政府工作报告".into()),
        date: None,
        meeting: None,
        speaker: None,
        region: Some("测试市".into()),
        level: None,
        report_year: Some(2017),
        review_year: Some(2016),
        looks_like_report: true,
        sections: vec![
            sec("s1", SectionKind::Review, Span::new(0, n)),
            sec("s2", SectionKind::FiveYear, Span::new(n, n)),
            sec("s3", SectionKind::Plan, Span::new(n, n)),
        ],
        indicators,
        diagnostics: vec![],
        text,
    }
}

fn sample_items() -> Vec<Ind> {
    use Measure::*;
    vec![
        ind(
            Some("gdp"),
            "地区生产总值",
            Level,
            Value::Number(1230.0),
            "亿元",
        )
        .estimate(),
        ind(Some("gdp"), "地区生产总值", Growth, Value::Number(7.6), "%").estimate(),
        ind(
            Some("general_budget_revenue"),
            "地方一般公共预算收入",
            Level,
            Value::Number(487000.0),
            "万元",
        ),
        ind(
            Some("general_budget_revenue"),
            "地方一般公共预算收入",
            Growth,
            Value::Number(8.6),
            "%",
        ),
        ind(
            Some("retail_sales"),
            "社会消费品零售总额",
            Growth,
            Value::Number(10.5),
            "%",
        ),
        ind(
            Some("energy_intensity"),
            "单位地区生产总值能耗",
            Growth,
            Value::Number(3.0),
            "%",
        )
        .down(),
        ind(
            Some("urban_disposable_income"),
            "城镇居民人均可支配收入",
            Level,
            Value::Number(28578.0),
            "元",
        ),
        ind(
            Some("fixed_asset_investment"),
            "全社会固定资产投资",
            Growth,
            Value::Number(9.7),
            "%",
        )
        .period("2012-2016"),
        ind(
            Some("industry_structure"),
            "三次产业结构由",
            Ratio,
            Value::Number(12.7),
            "",
        )
        .parts(&[12.7, 58.8, 28.5]),
        ind(None, "调整为", Ratio, Value::Number(11.4), "").parts(&[11.4, 57.1, 31.5]),
        ind(
            Some("gdp"),
            "地区生产总值",
            Level,
            Value::Number(2000.0),
            "亿元",
        )
        .target(2021)
        .period("2021")
        .q("突破"),
        ind(
            Some("urbanization_rate"),
            "城镇化率",
            Share,
            Value::Number(48.8),
            "%",
        ),
        ind(
            Some("urbanization_rate"),
            "城镇化率",
            Share,
            Value::Number(55.0),
            "%",
        )
        .target(2021)
        .period("2021"),
        ind(Some("gdp"), "地区生产总值", Growth, Value::Number(8.0), "%")
            .target(2017)
            .q("以上"),
        ind(
            Some("industrial_value_added"),
            "规模以上工业增加值",
            Growth,
            Value::Range([7.0, 8.0]),
            "%",
        )
        .target(2017),
        ind(
            Some("retail_sales"),
            "社会消费品零售总额",
            Growth,
            Value::Number(13.0),
            "%",
        )
        .target(2017),
        ind(
            Some("energy_intensity"),
            "单位地区生产总值能耗",
            Growth,
            Value::Number(3.0),
            "%",
        )
        .target(2017)
        .down(),
    ]
}

// ---------------------------------------------------------------------------------------
// SVG checks.

struct SvgText {
    x: f64,
    y: f64,
    anchor: String,
    size: f64,
    content: String,
}

/// Parse an SVG document with quick-xml (fails the test on any XML error); returns the
/// root size, the texts and the number of `<rect>`s.
fn parse_svg(svg: &str) -> ((f64, f64), Vec<SvgText>, usize) {
    let mut reader = quick_xml::Reader::from_str(svg);
    let mut size = (0.0, 0.0);
    let mut texts = Vec::new();
    let mut rects = 0;
    let mut current: Option<SvgText> = None;
    let mut depth = 0i32;
    let mut saw_root = false;
    loop {
        let ev = reader.read_event().expect("valid XML");
        let (e, empty) = match &ev {
            Event::Start(e) => (e.clone(), false),
            Event::Empty(e) => (e.clone(), true),
            Event::Text(t) => {
                if let Some(c) = current.as_mut() {
                    c.content.push_str(t.unescape().unwrap().trim());
                }
                continue;
            }
            Event::End(e) => {
                depth -= 1;
                if e.name().as_ref() == b"text" {
                    texts.push(current.take().expect("open <text>"));
                }
                continue;
            }
            Event::Eof => break,
            _ => continue,
        };
        if !empty {
            depth += 1;
        }
        let get = |k: &[u8]| {
            e.attributes()
                .flatten()
                .find(|a| a.key.as_ref() == k)
                .map(|a| a.unescape_value().unwrap().to_string())
        };
        match e.name().as_ref() {
            b"svg" => {
                saw_root = true;
                size = (
                    get(b"width").unwrap().parse().unwrap(),
                    get(b"height").unwrap().parse().unwrap(),
                );
                assert_eq!(get(b"xmlns").as_deref(), Some("http://www.w3.org/2000/svg"));
            }
            b"text" => {
                let family = get(b"font-family").unwrap();
                assert!(
                    family.contains("WenQuanYi Micro Hei") && family.contains("sans-serif"),
                    "{family}"
                );
                current = Some(SvgText {
                    x: get(b"x").unwrap().parse().unwrap(),
                    y: get(b"y").unwrap().parse().unwrap(),
                    anchor: get(b"text-anchor").unwrap_or_default(),
                    size: get(b"font-size").unwrap().parse().unwrap(),
                    content: String::new(),
                });
            }
            b"rect" => rects += 1,
            _ => {}
        }
    }
    assert!(saw_root, "no <svg> root");
    assert_eq!(depth, 0, "unbalanced tags");
    (size, texts, rects)
}

fn all_text(texts: &[SvgText]) -> String {
    texts
        .iter()
        .map(|t| t.content.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every text's estimated box lies inside the canvas (nothing clipped).
fn assert_inside((w, h): (f64, f64), texts: &[SvgText]) {
    for t in texts {
        let tw = text_width(&t.content, t.size) as f64;
        let (x0, x1) = match t.anchor.as_str() {
            "end" => (t.x - tw, t.x),
            "middle" => (t.x - tw / 2.0, t.x + tw / 2.0),
            _ => (t.x, t.x + tw),
        };
        assert!(
            x0 >= -0.5 && x1 <= w + 0.5,
            "text {:?} spans {x0}..{x1}, canvas width {w}",
            t.content
        );
        assert!(
            t.y >= 0.0 && t.y <= h,
            "text {:?} at y {} outside 0..{h}",
            t.content,
            t.y
        );
    }
}

fn chart(kind: ChartKind) -> (Report, ChartData) {
    let r = make_report(sample_items());
    let c = build(kind, &r, ChartLang::Zh).unwrap_or_else(|| panic!("{kind:?} has data"));
    (r, c)
}

// ---------------------------------------------------------------------------------------

#[test]
fn growth_pairs_actuals_with_targets_by_key() {
    let r = make_report(sample_items());
    let rows = growth_pairs(&r);
    let keys: Vec<&str> = rows.iter().map(|r| r.key.as_str()).collect();
    // The headline table's order (GDP, industry, retail, budget … energy intensity).
    assert_eq!(
        keys,
        [
            "gdp",
            "industrial_value_added",
            "retail_sales",
            "general_budget_revenue",
            "energy_intensity"
        ]
    );
    let gdp = &rows[0];
    let a = gdp.actual.as_ref().unwrap();
    let t = gdp.target.as_ref().unwrap();
    assert_eq!(
        (a.indicator_id.as_str(), a.low, a.estimate),
        ("i2", 7.6, true)
    );
    assert_eq!(
        (t.indicator_id.as_str(), t.low, t.qualifier.as_deref()),
        ("i14", 8.0, Some("以上"))
    );
    let ind = &rows[1];
    assert!(ind.actual.is_none());
    assert_eq!(
        ind.target.as_ref().map(|t| (t.low, t.high)),
        Some((7.0, Some(8.0)))
    );
    // The 2012–2016 average is not the review year's growth.
    assert!(!keys.contains(&"fixed_asset_investment"));
    assert!(rows[3].target.is_none());
}

#[test]
fn a_goal_named_as_a_goal_keeps_the_indicator_label() {
    let items = vec![
        ind(Some("gdp"), "地区生产总值", Measure::Growth, Value::Number(6.8), "%"),
        ind(Some("gdp"), "经济增长目标", Measure::Growth, Value::Number(6.5), "%").target(2017),
        ind(Some("industrial_value_added"), "工业增加值", Measure::Growth, Value::Number(7.0), "%"),
        ind(Some("industrial_value_added"), "规模以上工业增加值", Measure::Growth, Value::Number(8.0), "%").target(2017),
    ];
    let rows = growth_pairs(&make_report(items));
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_str()).collect();
    assert_eq!(labels, ["地区生产总值", "规模以上工业增加值"]);
}

#[test]
fn growth_chart_svg_has_title_unit_values() {
    let (_, c) = chart(ChartKind::Growth);
    let (svg, hits) = render_svg(&c, 760, 0, &Theme::light());
    let (size, texts, rects) = parse_svg(&svg);
    assert_eq!(size.0, 760.0);
    assert_eq!(size.1, c.height_for(760) as f64);
    let all = all_text(&texts);
    for needle in [
        "主要指标增速：2016年实际与2017年目标",
        "单位：%（比上年增长）",
        "增长（%）",
        "地区生产总值",
        "规模以上工业增加值",
        "7.6%（预计）",
        "≥8%",
        "7–8%",
        "13%",
        "-3%",
        "未提及",
        "2016年实际增长",
        "2017年目标增长",
        "浅色：预计数",
        "来源：test-2017.txt · 第 1、3 节",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in\n{all}");
    }
    assert_inside(size, &texts);
    // One hit per bar, each a bar of the SVG.
    assert_eq!(hits.len(), 8);
    assert!(rects >= hits.len());
    let ids: Vec<&str> = hits.iter().map(|h| h.indicator_id.as_str()).collect();
    assert_eq!(ids, ["i2", "i14", "i15", "i5", "i16", "i4", "i6", "i17"]);
    for h in &hits {
        assert!(h.rect.x0 >= 0 && h.rect.x1 <= 760 && h.rect.y0 >= 0 && h.rect.y1 as f64 <= size.1);
        let (cx, cy) = (
            (h.rect.x0 + h.rect.x1) as f64 / 2.0,
            (h.rect.y0 + h.rect.y1) as f64 / 2.0,
        );
        assert_eq!(
            hit_at(&hits, cx, cy).map(|x| x.indicator_id.as_str()),
            Some(h.indicator_id.as_str())
        );
        assert!(
            h.label.contains('\n'),
            "tooltip has name and value: {:?}",
            h.label
        );
    }
    // The GDP target bar (≥8) is longer than the actual (7.6).
    // (Hit boxes take in the value label: subtract it to get the bar end.)
    let end = |i: usize, label: &str| {
        hits[i].rect.x1 - (text_width(label, baogao::chart::draw::VALUE_PX) + 4)
    };
    assert!(end(1, "≥8%") > end(0, "7.6%（预计）"));
    assert!(hit_at(&hits, 1.0, 1.0).is_none());
}

#[test]
fn growth_decline_is_drawn_left_of_zero() {
    // Only a falling figure: the chart still has room for it left of the axis.
    let r = make_report(vec![
        ind(
            Some("gdp"),
            "地区生产总值",
            Measure::Growth,
            Value::Number(2.5),
            "%",
        )
        .down(),
        ind(
            Some("gdp"),
            "地区生产总值",
            Measure::Growth,
            Value::Number(5.0),
            "%",
        )
        .target(2017)
        .q("左右"),
    ]);
    let c = build(ChartKind::Growth, &r, ChartLang::Zh).unwrap();
    let (svg, hits) = render_svg(&c, 600, 0, &Theme::dark());
    let (size, texts, _) = parse_svg(&svg);
    let all = all_text(&texts);
    assert!(all.contains("-2.5%") && all.contains("≈5%"), "{all}");
    assert_inside(size, &texts);
    assert_eq!(hits.len(), 2);
    // The decline ends left of where the target starts (zero).
    assert!(hits[0].rect.x0 < hits[1].rect.x0);
    // Dark theme: the background is the dark colour.
    assert!(
        svg.contains("#14171A") || svg.contains("#14171a"),
        "dark background"
    );
}

#[test]
fn amounts_in_yi_yuan_without_per_capita() {
    let (_, c) = chart(ChartKind::Amounts);
    let ChartData::Amounts(a) = &c else { panic!() };
    let rows: Vec<(&str, Option<f64>)> = a
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.actual.as_ref().map(|x| x.low)))
        .collect();
    // 487000万元 = 48.7亿元; per-capita income (元) is not an amount.
    assert_eq!(
        rows,
        [
            ("地区生产总值", Some(1230.0)),
            ("地方一般公共预算收入", Some(48.7))
        ]
    );
    let (svg, hits) = render_svg(&c, 640, 0, &Theme::light());
    let (size, texts, _) = parse_svg(&svg);
    let all = all_text(&texts);
    for needle in [
        "主要总量指标（2016年）",
        "单位：亿元",
        "1230（预计）",
        "48.7",
        "地区生产总值",
        "2016年实际",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in\n{all}");
    }
    assert!(!all.contains("人均"));
    assert_inside(size, &texts);
    assert_eq!(
        hits.iter()
            .map(|h| h.indicator_id.as_str())
            .collect::<Vec<_>>(),
        ["i1", "i3"]
    );
    assert!(hits[0].label.contains("1230亿元"));
}

#[test]
fn large_amounts_in_wan_yi_and_falls_flip_the_bound() {
    let r = make_report(vec![
        ind(
            Some("gdp"),
            "国内生产总值",
            Measure::Level,
            Value::Number(74.4),
            "万亿元",
        ),
        ind(
            Some("energy_intensity"),
            "单位国内生产总值能耗",
            Measure::Growth,
            Value::Number(3.4),
            "%",
        )
        .target(2017)
        .q("以上")
        .down(),
    ]);
    let a = build(ChartKind::Amounts, &r, ChartLang::Zh).unwrap();
    let (svg, _) = render_svg(&a, 600, 0, &Theme::light());
    let (size, texts, _) = parse_svg(&svg);
    let all = all_text(&texts);
    assert!(
        all.contains("单位：万亿元") && all.contains("74.4") && !all.contains("744000"),
        "{all}"
    );
    assert_inside(size, &texts);
    // 下降3.4%以上 = growth of at most -3.4%.
    let g = build(ChartKind::Growth, &r, ChartLang::Zh).unwrap();
    let (svg, _) = render_svg(&g, 600, 0, &Theme::light());
    let all = all_text(&parse_svg(&svg).1);
    assert!(all.contains("≤-3.4%"), "{all}");
}

#[test]
fn structure_before_after() {
    let (_, c) = chart(ChartKind::Structure);
    let ChartData::Structure(s) = &c else {
        panic!()
    };
    let labels: Vec<String> = s
        .rows
        .iter()
        .map(|r| format!("{}（{}）", r.name, r.when))
        .collect();
    // The keyless second ratio of the same sentence joins the first; same year twice → before/after.
    assert_eq!(labels, ["三次产业结构（调整前）", "三次产业结构（调整后）"]);
    let (svg, hits) = render_svg(&c, 700, 0, &Theme::light());
    let (size, texts, _) = parse_svg(&svg);
    let all = all_text(&texts);
    for needle in [
        "产业结构",
        "第一产业",
        "第二产业",
        "第三产业",
        "12.7",
        "58.8",
        "31.5",
        "占比（%）",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in\n{all}");
    }
    assert_inside(size, &texts);
    assert_eq!(hits.len(), 2);
    assert!(hits[0].label.contains("12.7：58.8：28.5"));
}

#[test]
fn goals_against_latest_actual() {
    let (_, c) = chart(ChartKind::Goals);
    let ChartData::Goals(g) = &c else { panic!() };
    assert_eq!(g.rows.len(), 2);
    let gdp = &g.rows[0];
    assert_eq!(
        (gdp.label.as_str(), gdp.goal_year, gdp.unit.as_str()),
        ("地区生产总值", 2021, "亿元")
    );
    assert_eq!(gdp.current.as_ref().map(|c| c.low), Some(1230.0));
    let urb = &g.rows[1];
    assert_eq!(
        (urb.goal.low, urb.current.as_ref().map(|c| c.low)),
        (55.0, Some(48.8))
    );
    let (svg, hits) = render_svg(&c, 720, 0, &Theme::light());
    let (size, texts, _) = parse_svg(&svg);
    let all = all_text(&texts);
    for needle in [
        "五年目标与当前水平（至2021年）",
        "当前水平",
        "五年目标",
        "1230亿元（预计） → 2021年 >2000亿元",
        "48.8% → 2021年 55%",
    ] {
        assert!(all.contains(needle), "missing {needle:?} in\n{all}");
    }
    assert_inside(size, &texts);
    // Current bar and goal row per goal; the current bar wins where they overlap.
    assert_eq!(hits.len(), 4);
    let cur = hits.iter().find(|h| h.indicator_id == "i1").unwrap();
    let (cx, cy) = (
        (cur.rect.x0 + cur.rect.x1) as f64 / 2.0,
        (cur.rect.y0 + cur.rect.y1) as f64 / 2.0,
    );
    assert_eq!(hit_at(&hits, cx, cy).unwrap().indicator_id, "i1");
}

#[test]
fn missing_data_hides_charts_with_a_note() {
    let r = make_report(vec![ind(
        None,
        "粮食产量",
        Measure::Level,
        Value::Number(100.0),
        "万吨",
    )]);
    let all = build_all(&r, ChartLang::Zh);
    assert_eq!(all.len(), 4);
    assert!(all.iter().all(|(_, c)| c.is_none()));
    assert!(ChartKind::Structure
        .missing_note(ChartLang::Zh)
        .starts_with("本报告未提供"));
    assert!(ChartKind::Goals
        .missing_note(ChartLang::En)
        .contains("five-year"));
}

#[test]
fn english_labels_and_narrow_width() {
    let r = make_report(sample_items());
    for (kind, c) in build_all(&r, ChartLang::En) {
        let c = c.unwrap_or_else(|| panic!("{kind:?}"));
        for w in [360, 1200] {
            let (svg, hits) = render_svg(&c, w, 0, &Theme::light());
            let (size, texts, _) = parse_svg(&svg);
            assert_inside(size, &texts);
            assert!(!hits.is_empty());
            assert!(
                all_text(&texts).contains("Source: test-2017.txt"),
                "{kind:?}"
            );
        }
    }
}

#[test]
fn helpers() {
    assert_eq!(money_in_yi("万元", 487000.0, None), Some(48.7));
    assert_eq!(money_in_yi("万亿元", 4.4, Some(44000.0)), Some(44000.0));
    assert_eq!(
        money_in_yi("元", 28578.0, None).map(|v| (v * 1e8).round()),
        Some(28578.0)
    );
    assert_eq!(money_in_yi("亿美元", 5.0, None), None);
    assert_eq!(fmt_num(7.60), "7.6");
    assert_eq!(fmt_num(1230.0), "1230");
    assert_eq!(fmt_num(-0.001), "0");
    assert_eq!(qualifier_symbol(Some("以上")), "≥");
    assert_eq!(qualifier_symbol(Some("左右")), "≈");
    assert_eq!(qualifier_symbol(Some("以内")), "≤");
    assert_eq!(qualifier_symbol(None), "");
    assert_eq!(nice_ticks(0.0, 13.0, 5), (0.0, 15.0, 5.0));
    assert_eq!(nice_ticks(0.0, 9.0, 5), (0.0, 10.0, 2.0));
    assert_eq!(nice_ticks(-3.0, 16.0, 4), (-5.0, 20.0, 5.0));
    let s = Scale::nice(-3.0, 16.0, 100, 500);
    assert_eq!(s.px(s.min), 100);
    assert_eq!(s.px(s.max), 500);
    assert!(s.ticks().contains(&0.0));
    // CJK is wider than Latin at the same size.
    assert!(text_width("地区生产总值", 13.0) > text_width("GDP 7.6%", 13.0));
    assert_eq!(text_width("地区", 10.0), 20);
}

// ---------------------------------------------------------------------------------------
// The built-in sample.

fn zigong() -> Report {
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/zigong-2017-x8.txt"
    ))
    .unwrap();
    baogao::report::parse("zigong-2017-x8.txt", &bytes).expect("sample parses")
}

/// Every headline growth figure of the answer key shows in the sample's growth chart.
#[test]
fn sample_growth_chart_matches_gold() {
    let r = zigong();
    let gold: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/gold.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let g = gold
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["file"].as_str().unwrap().ends_with("zigong-2017-x8.txt"))
        .unwrap();
    let rows = growth_pairs(&r);
    // Actuals: indicator key → growth.
    for a in g["actuals"].as_array().unwrap() {
        let (Some(key), Some(growth)) = (a["indicator"].as_str(), a["growth"].as_f64()) else {
            continue;
        };
        let row = rows
            .iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("no row for {key}"));
        let v = row
            .actual
            .as_ref()
            .unwrap_or_else(|| panic!("no actual for {key}"));
        assert_eq!(v.low, growth, "{key}");
        assert_eq!(
            v.estimate,
            a["estimate"].as_bool().unwrap_or(false),
            "{key} estimate"
        );
    }
    // Targets: the growth targets of the answer key, by value and qualifier, among the targets drawn.
    let drawn: Vec<(f64, Option<String>)> = rows
        .iter()
        .filter_map(|r| r.target.as_ref().map(|t| (t.low, t.qualifier.clone())))
        .collect();
    for t in g["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["measure"] == "growth" && t["unit"] == "%")
    {
        let want = (
            t["value"].as_f64().unwrap(),
            t["qualifier"].as_str().map(str::to_string),
        );
        assert!(
            drawn.contains(&want),
            "target {} {:?} not drawn; drawn {drawn:?}",
            t["name"],
            want
        );
    }
    // And the SVG carries GDP's name and values.
    let c = build(ChartKind::Growth, &r, ChartLang::Zh).unwrap();
    let (svg, _) = render_svg(&c, 880, 0, &Theme::light());
    let (size, texts, _) = parse_svg(&svg);
    let all = all_text(&texts);
    assert!(
        all.contains("地区生产总值") && all.contains("7.6%（预计）") && all.contains("≥8%"),
        "{all}"
    );
    assert!(all.contains("来源：zigong-2017-x8.txt"));
    assert_inside(size, &texts);
}

/// A compact snapshot of every chart's data for the sample (values, not ids).
#[test]
fn sample_chart_data_snapshot() {
    let r = zigong();
    let mut out = String::new();
    for (kind, c) in build_all(&r, ChartLang::Zh) {
        out.push_str(&format!("[{}]\n", kind.name()));
        match c {
            None => out.push_str("  (none)\n"),
            Some(ChartData::Growth(g)) => {
                for row in &g.rows {
                    let f = |v: &Option<baogao::chart::growth::GrowthValue>| {
                        v.as_ref().map_or("-".to_string(), |v| {
                            baogao::chart::growth::value_text(v, ChartLang::Zh)
                        })
                    };
                    out.push_str(&format!(
                        "  {} | {} | {}\n",
                        row.label,
                        f(&row.actual),
                        f(&row.target)
                    ));
                }
            }
            Some(ChartData::Amounts(a)) => {
                for row in &a.rows {
                    let f = |v: &Option<baogao::chart::amounts::Amount>| {
                        v.as_ref().map_or("-".to_string(), |v| v.as_written.clone())
                    };
                    out.push_str(&format!(
                        "  {} | {} | {}\n",
                        row.label,
                        f(&row.actual),
                        f(&row.target)
                    ));
                }
            }
            Some(ChartData::Structure(s)) => {
                for row in &s.rows {
                    let parts: Vec<String> = row.parts.iter().map(|p| fmt_num(*p)).collect();
                    out.push_str(&format!(
                        "  {}（{}） | {}\n",
                        row.name,
                        row.when,
                        parts.join("：")
                    ));
                }
            }
            Some(ChartData::Goals(g)) => {
                for row in &g.rows {
                    out.push_str(&format!("  {} | {}\n", row.label, g.row_text(row)));
                }
            }
        }
    }
    insta::assert_snapshot!(out);
}
