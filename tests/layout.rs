//! Layout of the report text: blocks, chunks for virtual rendering, outline helpers,
//! indicator readings.

use baogao::layout::{
    blocks, chunk_at, chunks, chunks_led, display_blocks, estimate_height, lead_len, reading, section_label,
    section_path, toc_entries, BlockKind,
};
use baogao::report::{Indicator, Measure, Report, Section, SectionKind, Span, Status, Value};

fn span_of(text: &str, needle: &str) -> Span {
    let s = text.find(needle).expect(needle);
    Span::new(s, s + needle.len())
}

fn section(
    id: &str,
    level: u8,
    number: &str,
    heading: &str,
    text: &str,
    whole: Span,
    children: Vec<Section>,
) -> Section {
    Section {
        id: id.into(),
        level,
        number: number.into(),
        heading: heading.into(),
        kind: SectionKind::Review,
        span: whole,
        heading_span: span_of(text, heading),
        children,
    }
}

fn indicator(id: &str, text: &str, num: &str, status: Status) -> Indicator {
    Indicator {
        id: id.into(),
        name: "地区生产总值".into(),
        indicator: Some("gdp".into()),
        measure: Measure::Growth,
        value: Value::Number(8.0),
        unit: "%".into(),
        value_base: None,
        qualifier: Some("以上".into()),
        direction: None,
        status,
        year: Some(2017),
        period: None,
        relative_to: None,
        parts: vec![],
        section: Some("s2".into()),
        sentence: "地区生产总值增长8%以上".into(),
        span: span_of(text, num),
        sentence_span: span_of(text, "地区生产总值增长8%以上"),
    }
}

fn report(looks: bool) -> Report {
    let text = "政府工作报告\n一、回顾\n（一）经济\n全市经济平稳。\n二、目标\n地区生产总值增长8%以上。\n谢谢。".to_string();
    let s1 = span_of(&text, "一、回顾");
    let s2 = span_of(&text, "二、目标");
    let sub = section(
        "s1.1",
        2,
        "（一）",
        "经济",
        &text,
        Span::new(span_of(&text, "（一）").start, s2.start),
        vec![],
    );
    let mut first = section(
        "s1",
        1,
        "一",
        "回顾",
        &text,
        Span::new(s1.start, s2.start),
        vec![sub],
    );
    first.heading_span = span_of(&text, "一、回顾");
    let mut second = section(
        "s2",
        1,
        "二",
        "目标",
        &text,
        Span::new(s2.start, text.len()),
        vec![],
    );
    second.heading_span = s2;
    first.children[0].heading_span = span_of(&text, "（一）经济");
    let ind = indicator("i1", &text, "8%", Status::Target);
    Report {
        file: "t.txt".into(),
        encoding: "UTF-8".into(),
        copies: 1,
        removed: vec![],
        title: None,
        date: None,
        meeting: None,
        speaker: None,
        region: None,
        level: None,
        report_year: Some(2017),
        review_year: Some(2016),
        looks_like_report: looks,
        sections: vec![first, second],
        indicators: vec![ind],
        diagnostics: vec![],
        text,
    }
}

#[test]
fn blocks_follow_headings_paragraphs_and_mark_numbers() {
    let r = report(true);
    let b = blocks(&r);
    let kinds: Vec<String> = b
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Heading { section, level } => format!("H{level}:{section}"),
            BlockKind::Para => format!("P:{}", b.section.clone().unwrap_or_default()),
        })
        .collect();
    assert_eq!(
        kinds,
        vec!["P:", "H1:s1", "H2:s1.1", "P:s1.1", "H1:s2", "P:s2", "P:s2"]
    );
    let para = &b[5];
    let marked: Vec<&str> = para
        .segments
        .iter()
        .filter(|s| s.indicator.is_some())
        .map(|s| &r.text[s.span.start..s.span.end])
        .collect();
    assert_eq!(marked, vec!["8%"]);
    // Segments tile the block exactly.
    for blk in &b {
        let mut pos = blk.span.start;
        for s in &blk.segments {
            assert_eq!(s.span.start, pos);
            pos = s.span.end;
        }
        assert_eq!(pos, blk.span.end);
    }
}

#[test]
fn non_reports_show_as_plain_paragraphs() {
    let r = report(false);
    assert!(display_blocks(&r).iter().all(|b| b.kind == BlockKind::Para));
    assert_eq!(display_blocks(&r).len(), blocks(&r).len());
    assert!(display_blocks(&report(true))
        .iter()
        .any(|b| matches!(b.kind, BlockKind::Heading { .. })));
}

#[test]
fn chunks_cover_every_block_once_and_locate_offsets() {
    let r = report(true);
    let b = blocks(&r);
    let c = chunks(&b, 3);
    assert_eq!(c.len(), 3);
    assert_eq!(c.iter().map(|c| c.blocks.len()).sum::<usize>(), b.len());
    assert_eq!(c[0].blocks, 0..3);
    assert_eq!(c[2].blocks, 6..7);
    for (k, ch) in c.iter().enumerate() {
        for i in ch.blocks.clone() {
            assert_eq!(chunk_at(&c, b[i].span.start), Some(k));
            assert_eq!(chunk_at(&c, b[i].span.end - 1), Some(k));
        }
    }
    // The indicator lies in the chunk holding its paragraph.
    let at = r.indicators[0].span.start;
    let k = chunk_at(&c, at).unwrap();
    assert!(c[k].span.start <= at && at < c[k].span.end);
    // A line break between chunks belongs to the next; past the end to the last.
    assert_eq!(chunk_at(&c, c[0].span.end), Some(1));
    assert_eq!(chunk_at(&c, r.text.len() + 5), Some(2));
    assert_eq!(chunk_at(&[], 0), None);
    assert_eq!(chunks(&b, 0).len(), b.len());
}

#[test]
fn a_text_leads_with_a_short_chunk_and_a_short_text_stays_whole() {
    let r = report(true);
    let b = blocks(&r);
    assert_eq!(b.len(), 7);
    // Longer than one chunk: the first holds `lead` blocks, the rest `per`.
    let c = chunks_led(&b, 2, 3);
    let sizes: Vec<_> = c.iter().map(|c| c.blocks.clone()).collect();
    assert_eq!(sizes, vec![0..2, 2..5, 5..7]);
    for (k, ch) in c.iter().enumerate() {
        for i in ch.blocks.clone() {
            assert_eq!(chunk_at(&c, b[i].span.start), Some(k));
        }
    }
    // Fits in one chunk: the lead, then the rest in one; whole when it fits in the lead.
    assert_eq!(
        chunks_led(&b, 2, 7).iter().map(|c| c.blocks.clone()).collect::<Vec<_>>(),
        vec![0..2, 2..7]
    );
    assert_eq!(chunks_led(&b, 7, 7).len(), 1);
    assert_eq!(chunks_led(&b, 8, 9)[0].blocks, 0..7);
    // A lead of 0 or above `per` is kept within 1..=per.
    assert_eq!(chunks_led(&b, 0, 3)[0].blocks, 0..1);
    assert_eq!(chunks_led(&b, 9, 3)[0].blocks, 0..3);
    // With lead == per it is `chunks`.
    assert_eq!(
        chunks_led(&b, 3, 3).iter().map(|c| c.blocks.clone()).collect::<Vec<_>>(),
        chunks(&b, 3).iter().map(|c| c.blocks.clone()).collect::<Vec<_>>()
    );
    assert!(chunks_led(&[], 2, 3).is_empty());
}

#[test]
fn height_estimate_grows_with_text_and_narrow_columns() {
    let r = report(true);
    let b = blocks(&r);
    let wide = estimate_height(&b, &r.text, 40.0, 28.0, 8.0);
    let narrow = estimate_height(&b, &r.text, 4.0, 28.0, 8.0);
    assert!(wide >= b.len() as f64 * 36.0);
    assert!(narrow > wide);
    assert_eq!(estimate_height(&[], &r.text, 40.0, 28.0, 8.0), 0.0);
}

#[test]
fn toc_entries_and_paths_follow_the_outline() {
    let r = report(true);
    let ids: Vec<&str> = toc_entries(&r.sections, 4)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(ids, vec!["s1", "s1.1", "s2"]);
    let top: Vec<&str> = toc_entries(&r.sections, 1)
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(top, vec!["s1", "s2"]);
    let path: Vec<&str> = section_path(&r.sections, "s1.1")
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(path, vec!["s1", "s1.1"]);
    assert!(section_path(&r.sections, "s9").is_empty());
    assert_eq!(section_label(&r.sections[0]), "一、回顾");
    assert_eq!(section_label(&r.sections[0].children[0]), "（一）经济");
}

#[test]
fn reading_is_localised_and_carries_status_measure_value_year() {
    let r = report(true);
    let ind = &r.indicators[0];
    assert_eq!(
        reading(ind, false),
        "地区生产总值 — target · growth · ≥ 8 % · 2017"
    );
    assert_eq!(
        reading(ind, true),
        "地区生产总值 — 目标 · 增速 · ≥ 8 % · 2017年"
    );
    let mut range = ind.clone();
    range.value = Value::Range([7.5, 8.0]);
    range.qualifier = None;
    range.status = Status::Actual;
    range.year = None;
    range.period = Some("2012-2016".into());
    assert_eq!(
        reading(&range, false),
        "地区生产总值 — actual · growth · 7.5–8 % · 2012-2016"
    );
}

#[test]
fn run_in_headings_open_their_paragraph() {
    let text = "一、目标\n（一）稳增长。继续实施项目年。\n加快重大项目建设。投资增长10%。\n（二）惠民生\n就业。".to_string();
    let head = |id: &str, level: u8, h: &str, children| {
        let hs = span_of(&text, h);
        Section {
            id: id.into(),
            level,
            number: String::new(),
            heading: h.into(),
            kind: SectionKind::Plan,
            span: Span::new(hs.start, text.len()),
            heading_span: hs,
            children,
        }
    };
    let lead = head("s1.1.1", 3, "加快重大项目建设", vec![]);
    let sub1 = head("s1.1", 2, "（一）稳增长", vec![lead]);
    let sub2 = head("s1.2", 2, "（二）惠民生", vec![]);
    let top = head("s1", 1, "一、目标", vec![sub1, sub2]);
    let mut r = report(true);
    r.sections = vec![top];
    r.indicators[0].span = span_of(&text, "10%");
    r.indicators[0].sentence_span = span_of(&text, "投资增长10%");
    r.text = text;
    let b = blocks(&r);
    let desc: Vec<String> = b
        .iter()
        .map(|b| match (&b.kind, &b.lead) {
            (BlockKind::Heading { section, .. }, _) => format!("H:{section}"),
            (BlockKind::Para, Some(l)) => {
                format!("R:{}:{}", l.section, &r.text[l.span.start..l.span.end])
            }
            (BlockKind::Para, None) => format!("P:{}", b.section.clone().unwrap_or_default()),
        })
        .collect();
    // Level 2 followed by 。 runs in; level 3 runs in; level 2 alone on its line stays a heading.
    assert_eq!(
        desc,
        vec![
            "H:s1",
            "R:s1.1:（一）稳增长",
            "R:s1.1.1:加快重大项目建设",
            "H:s1.2",
            "P:s1.2"
        ]
    );
    // The run-in paragraph keeps its whole line, and a segment ends exactly at the heading.
    let p = &b[2];
    assert_eq!(
        &r.text[p.span.start..p.span.end],
        "加快重大项目建设。投资增长10%。"
    );
    assert!(p
        .segments
        .iter()
        .any(|s| s.span.end == p.lead.as_ref().unwrap().span.end));
    assert_eq!(
        p.segments.iter().filter(|s| s.indicator.is_some()).count(),
        1
    );
}

/// Every indicator of every fixture leads to a marked number that overlaps its figure
/// (its own mark, or the one it shares with its neighbours in `分别增长8%和9%`).
#[test]
fn every_indicator_has_a_mark_over_its_figure() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut checked = 0;
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.extension().and_then(|x| x.to_str()) != Some("txt") {
            continue;
        }
        let bytes = std::fs::read(&p).unwrap();
        let Ok(r) = baogao::report::parse(&p.to_string_lossy(), &bytes) else { continue };
        let bl = display_blocks(&r);
        let marked: std::collections::HashSet<usize> = bl
            .iter()
            .flat_map(|b| b.segments.iter().filter_map(|s| s.indicator))
            .collect();
        for (i, x) in r.indicators.iter().enumerate() {
            let m = baogao::layout::mark_for(&bl, x.span)
                .unwrap_or_else(|| panic!("{}: no mark for {}", p.display(), x.id));
            assert!(marked.contains(&m));
            if marked.contains(&i) {
                assert_eq!(m, i, "{}: {} has its own mark", p.display(), x.id);
            }
            let ms = r.indicators[m].span;
            assert!(ms.start < x.span.end && x.span.start < ms.end, "{}: mark overlaps", x.id);
            checked += 1;
        }
    }
    assert!(checked > 500, "checked {checked}");
}

/// The fast 字数 count equals the obvious one on every fixture and on text full of
/// whitespace of every kind (ASCII, NBSP, U+2000…, U+3000, NEL) and near-misses.
#[test]
fn visible_chars_counts_non_whitespace_chars() {
    use baogao::layout::visible_chars;
    let slow = |s: &str| s.chars().filter(|c| !c.is_whitespace()).count();
    let tricky = "a b\tc\r\nd\u{0B}\u{0C}e\u{85}f\u{A0}g\u{A9}h\u{1680}i\u{1681}\u{2000}\u{200A}\u{200B}\u{2028}\u{2029}\u{202F}\u{205F}\u{2060}\u{3000}\u{3001}　。“”…—℃";
    assert_eq!(visible_chars(tricky), slow(tricky));
    assert_eq!(visible_chars(""), 0);
    for e in std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")).unwrap().flatten() {
        let p = e.path();
        if p.extension().is_some_and(|x| x == "txt") {
            let bytes = std::fs::read(&p).unwrap();
            if let Ok(r) = baogao::report::parse("x.txt", &bytes) {
                assert_eq!(visible_chars(&r.text), slow(&r.text), "{}", p.display());
            }
        }
    }
}

proptest::proptest! {
    #[test]
    fn visible_chars_matches_chars_filter(s in "[ \\t\\n\\r\\u{0B}\\u{0C}\\u{85}\\u{A0}\\u{1680}\\u{2000}-\\u{2030}\\u{205F}\\u{3000}-\\u{3003}a-z年增长%０-９]{0,80}") {
        let slow = s.chars().filter(|c| !c.is_whitespace()).count();
        proptest::prop_assert_eq!(baogao::layout::visible_chars(&s), slow);
    }
}

/// The reading as it was written before it was built in one string (`format!` and a
/// join): the same text for every indicator of every fixture, in both languages.
#[test]
fn reading_is_the_same_text_as_the_formatted_one() {
    fn formatted(ind: &Indicator, zh: bool) -> String {
        let status = match (ind.status, zh) {
            (Status::Actual, true) => "实际",
            (Status::Actual, false) => "actual",
            (Status::Estimate, true) => "预计",
            (Status::Estimate, false) => "estimate",
            (Status::Target, true) => "目标",
            (Status::Target, false) => "target",
        };
        let r = reading(ind, zh);
        let measure = r.split(" · ").nth(1).unwrap().to_string();
        let sym = match ind.qualifier.as_deref() {
            Some("以上" | "不低于" | "超过" | "突破" | "高于" | "至少") => "≥ ",
            Some("以内" | "低于" | "控制在" | "不超过" | "以下" | "下降到") => "≤ ",
            Some("左右" | "约" | "近" | "接近") => "≈ ",
            _ => "",
        };
        let value = if !ind.parts.is_empty() {
            ind.parts.iter().map(|p| p.to_string()).collect::<Vec<_>>().join(" : ")
        } else {
            match &ind.value {
                Value::Number(v) => v.to_string(),
                Value::Range([a, b]) => format!("{a}–{b}"),
            }
        };
        let mut parts = vec![status.to_string(), measure, format!("{sym}{value} {}", ind.unit).trim().to_string()];
        if let Some(rel) = &ind.relative_to {
            parts.push(if zh { format!("相对{rel}") } else { format!("vs {rel}") });
        }
        match (ind.year, &ind.period) {
            (_, Some(p)) => parts.push(if zh { format!("{p}年") } else { p.clone() }),
            (Some(y), None) => parts.push(if zh { format!("{y}年") } else { y.to_string() }),
            (None, None) => {}
        }
        format!("{} — {}", ind.name, parts.join(" · "))
    }
    let mut n = 0;
    for f in std::fs::read_dir("tests/fixtures").unwrap() {
        let path = f.unwrap().path();
        if !path.is_file() || path.extension().is_some_and(|e| e == "json" || e == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        let Ok(r) = baogao::report::parse(&path.to_string_lossy(), &bytes) else { continue };
        for ind in &r.indicators {
            for zh in [true, false] {
                assert_eq!(reading(ind, zh), formatted(ind, zh));
                n += 1;
            }
        }
    }
    assert!(n > 1000, "{n} readings compared");
}

#[test]
fn the_lead_holds_the_blocks_that_fill_the_height_asked() {
    let r = report(true);
    let b = blocks(&r);
    let est = |n: usize| estimate_height(&b[..n], &r.text, 10.0, 20.0, 5.0);
    // Exactly the first two blocks' height: two; a pixel more: three.
    assert_eq!(lead_len(&b, &r.text, 10.0, 20.0, 5.0, est(2), 40), 2);
    assert_eq!(lead_len(&b, &r.text, 10.0, 20.0, 5.0, est(2) + 1.0, 40), 3);
    // Nothing asked: one block; more than the text: all of it, within `max`.
    assert_eq!(lead_len(&b, &r.text, 10.0, 20.0, 5.0, 0.0, 40), 1);
    assert_eq!(lead_len(&b, &r.text, 10.0, 20.0, 5.0, 1e9, 40), b.len());
    assert_eq!(lead_len(&b, &r.text, 10.0, 20.0, 5.0, 1e9, 3), 3);
    assert_eq!(lead_len(&b, &r.text, 10.0, 20.0, 5.0, 1e9, 0), 1);
    assert_eq!(lead_len(&[], &r.text, 10.0, 20.0, 5.0, 100.0, 40), 1);
}
