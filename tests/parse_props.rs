//! Properties of parsing: spans, nesting, boundaries, idempotent cleaning, no panics,
//! offset round trips, and (roughly) linear time.

use baogao::report::{self, span::Utf16Index, Report, Section};
use proptest::prelude::*;

fn check_sections(r: &Report, secs: &[Section], parent: Option<&Section>) {
    let t = &r.text;
    let mut prev_end = parent.map_or(0, |p| p.heading_span.start);
    for s in secs {
        for off in [s.span.start, s.span.end, s.heading_span.start, s.heading_span.end] {
            assert!(off <= t.len() && t.is_char_boundary(off), "offset {off} not on a char boundary");
        }
        assert!(s.span.contains(s.heading_span), "{}: heading outside section", s.id);
        if let Some(p) = parent {
            assert!(p.span.contains(s.span), "{} not inside {}", s.id, p.id);
        }
        assert!(s.span.start >= prev_end, "{} overlaps its previous sibling", s.id);
        prev_end = s.span.end;
        // the heading is the normalised heading span minus its number; normalisation
        // of a slice can differ from in-context normalisation in digits and dashes
        // (page footers), so compare the Chinese characters
        let h = report::normalize::normalize(&t[s.heading_span.start..s.heading_span.end]).text;
        let han = |x: &str| x.chars().filter(|c| ('\u{4E00}'..='\u{9FFF}').contains(c)).collect::<String>();
        assert!(han(&h).contains(&han(&s.heading)), "{}: heading span {h:?} does not hold {:?}", s.id, s.heading);
        check_sections(r, &s.children, Some(s));
    }
}

fn check_report(r: &Report) {
    check_sections(r, &r.sections, None);
    for i in &r.indicators {
        assert!(r.text.is_char_boundary(i.span.start) && r.text.is_char_boundary(i.span.end));
    }
}

/// Text made of report-like pieces, so that headings and sentences appear often.
fn report_like() -> impl Strategy<Value = String> {
    let piece = prop::sample::select(vec![
        "一、", "二、", "三、", "（一）", "（二）", "(三)", "1.", "2、", "（1）", "①", "②", "⑷", "[1]", "。", "：", "，", "\n", "\r\n", "\r\r\n", " ", "　", "\u{A0}", "\u{2002}", "\u{200D}",
        "2023年工作回顾", "2024年工作安排", "今后五年", "加强政府自身建设", "加快重大项目建设。", "地区生产总值增长5.5%左右", "１９８０年", "１４．５％", "— 1 —", "- 12 -",
        "各位代表：", "政 府 工 作 报 告", "市长 刘永湘", "——2024年1月16日在亳州市第五届人民代表大会第三次会议上", "当前位置：首页", "【字体：大 中 小】", "<!-- x -->", "<U+00A0>", "国务院总理?李克强", "深 入", "2023 年", "😀", "a", "\t", "?",
    ]);
    prop::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, .. ProptestConfig::default() })]

    #[test]
    fn parse_never_panics_on_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(r) = report::parse("x", &bytes) {
            check_report(&r);
        }
    }

    #[test]
    fn parse_text_spans_hold(text in report_like()) {
        let r = report::parse_text("x", &text, "UTF-8");
        check_report(&r);
    }

    #[test]
    fn arbitrary_strings(text in "\\PC{0,300}") {
        let r = report::parse_text("x", &text, "UTF-8");
        check_report(&r);
    }

    #[test]
    fn hard_wrapped_paragraphs_read_like_one_line(
        pieces in prop::collection::vec(prop::sample::select(vec![
            "地区生产总值", "增长", "5.5%", "左右", "，", "、", "一般公共预算收入", "1230亿元", "分别增长", "8%和9%", "以上",
            "全年", "城镇新增就业", "5.8万人", "固定资产投资", "下降", "1.7%", "社会消费品零售总额", "达到", "286.5万吨", "控制在", "3%以内",
        ]), 60..160),
        width in 18usize..40,
    ) {
        let para = format!("一、2023年工作回顾\n{}。\n", pieces.concat());
        let body: Vec<char> = pieces.concat().chars().chain("。".chars()).collect();
        let wrapped = format!("一、2023年工作回顾\n{}\n", body.chunks(width).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join("\n"));
        let a = report::parse_text("x", &para, "UTF-8");
        let b = report::parse_text("x", &wrapped, "UTF-8");
        check_report(&b);
        // Unless cleaning took some lines for page furniture, the figures read are the same.
        if b.removed.iter().all(|s| s.kind == "line_endings") && body.len() >= 10 * width {
            let vals = |r: &report::Report| r.indicators.iter().map(|i| (format!("{:?}", i.value), i.unit.clone(), i.measure)).collect::<Vec<_>>();
            prop_assert_eq!(vals(&a), vals(&b));
        }
    }

    #[test]
    fn cleaning_is_idempotent(text in report_like()) {
        let once = report::clean_text(&text);
        prop_assert_eq!(report::clean_text(&once), once);
    }

    #[test]
    fn utf16_round_trip(text in "\\PC{0,200}") {
        let ix = Utf16Index::new(&text);
        prop_assert_eq!(ix.len_utf16(), text.encode_utf16().count());
        for (b, _) in text.char_indices() {
            let u = ix.byte_to_utf16(&text, b);
            prop_assert_eq!(u, text[..b].encode_utf16().count());
            prop_assert_eq!(ix.utf16_to_byte(&text, u), b);
        }
    }

    #[test]
    fn display_spans_map_to_original(text in report_like()) {
        let c = report::clean::clean(&text);
        // every display line maps to a range of the original with the same visible text
        let mut start = 0;
        for line in c.text.split('\n') {
            let sp = c.map.map_span(report::Span::new(start, start + line.len()));
            prop_assert!(sp.end <= text.len() && text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
            start += line.len() + 1;
        }
    }
}

/// Best of `runs` runs: other work on a shared machine only ever adds time.
fn time_parse(text: &str, runs: usize) -> f64 {
    (0..runs)
        .map(|_| {
            let t = std::time::Instant::now();
            let r = report::parse_text("x", text, "UTF-8");
            std::hint::black_box(&r);
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

fn ratio_ok(name: &str, small: &str, big: &str) {
    // below a millisecond the small run's time is mostly noise
    let mut a = time_parse(small, 1).max(1e-3);
    let mut b = time_parse(big, 1);
    if b / a >= 30.0 {
        // measure again before blaming the parser for a busy machine
        a = time_parse(small, 3).max(1e-3);
        b = time_parse(big, 3);
    }
    let ratio = b / a;
    eprintln!("{name}: {:.1} MB {:.3}s, {:.1} MB {:.3}s, ratio {ratio:.1}", small.len() as f64 / 1e6, a, big.len() as f64 / 1e6, b);
    assert!(ratio < 30.0, "{name}: 10x input took {ratio:.1}x time (quadratic?)");
}

fn repeat_to(s: &str, bytes: usize) -> String {
    s.repeat(bytes / s.len().max(1) + 1)
}

#[test]
fn roughly_linear_time() {
    let fixture = std::fs::read(format!("{}/tests/fixtures/bozhou-2024.txt", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let fixture = String::from_utf8(fixture).unwrap();
    let cases: Vec<(&str, String)> = vec![
        ("report text", fixture.clone()),
        ("digits", "1234567890".into()),
        ("（一）", "（一）".into()),
        ("、", "、".into()),
        ("separators", "——— - — 1 —".into()),
        ("one long line", fixture.replace('\n', "")),
        ("NUL", "\0a".into()),
        ("spaces", "深 入 2 0 2 3 年 ".into()),
    ];
    for (name, unit) in cases {
        let small = repeat_to(&unit, 200_000);
        let big = repeat_to(&unit, 2_000_000);
        ratio_ok(name, &small, &big);
    }
}

#[test]
fn adversarial_markup_is_linear() {
    for unit in ["<!--", "?<!--", "【字体", "<U+00A", "— 1 —", "\r\r", "[1", "一、二"] {
        let small = repeat_to(unit, 100_000);
        let big = repeat_to(unit, 1_000_000);
        ratio_ok(unit, &small, &big);
    }
}
