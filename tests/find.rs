//! Find: CJK text across line breaks, full/half width, offsets back into the text.

use baogao::find::{find, first_hit_from, normalise, pieces, FindIndex, Piece};
use baogao::report::Span;

fn texts<'a>(text: &'a str, spans: &[Span]) -> Vec<&'a str> {
    spans.iter().map(|s| &text[s.start..s.end]).collect()
}

#[test]
fn plain_match_gives_byte_spans() {
    let t = "地区生产总值增长7.6%，地区生产总值实现1230亿元";
    let hits = find(t, "地区生产总值");
    assert_eq!(texts(t, &hits), vec!["地区生产总值", "地区生产总值"]);
    assert_eq!(hits[0], Span::new(0, 18));
    assert_eq!(&t[hits[1].start..], "地区生产总值实现1230亿元");
}

#[test]
fn matches_across_line_breaks_and_pdf_spaces() {
    let t = "全市地区生产\n总值实现1230亿元。\n地 区 生 产 总 值 增长\r\n7.6%";
    let hits = find(t, "地区生产总值");
    assert_eq!(texts(t, &hits), vec!["地区生产\n总值", "地 区 生 产 总 值"]);
    // A query with spaces in it still matches text without them.
    let hits = find(t, "增长 7.6 %");
    assert_eq!(texts(t, &hits), vec!["增长\r\n7.6%"]);
}

#[test]
fn full_width_and_half_width_match_both_ways() {
    let t = "增长８％左右，城镇登记失业率4.5%以内，ＧＤＰ增长";
    assert_eq!(texts(t, &find(t, "8%")), vec!["８％"]);
    assert_eq!(texts(t, &find(t, "４．５％")), vec!["4.5%"]);
    assert_eq!(texts(t, &find(t, "gdp")), vec!["ＧＤＰ"]);
    // Ideographic space is whitespace.
    let t2 = "政\u{3000}府\u{3000}工\u{3000}作\u{3000}报\u{3000}告";
    assert_eq!(
        texts(t2, &find(t2, "工作报告")),
        vec!["工\u{3000}作\u{3000}报\u{3000}告"]
    );
}

#[test]
fn spans_lie_on_char_boundaries_and_skip_surrounding_space() {
    let t = "  \n　８％ \n";
    let hits = find(t, "8%");
    assert_eq!(hits.len(), 1);
    let s = hits[0];
    assert!(t.is_char_boundary(s.start) && t.is_char_boundary(s.end));
    assert_eq!(&t[s.start..s.end], "８％");
}

#[test]
fn empty_or_blank_query_finds_nothing_and_no_match_is_empty() {
    let t = "各位代表：";
    assert!(find(t, "").is_empty());
    assert!(find(t, " \n\u{3000}").is_empty());
    assert!(find(t, "政府").is_empty());
    assert!(find("", "政府").is_empty());
}

#[test]
fn matches_do_not_overlap_and_limit_applies() {
    let t = "啊啊啊啊啊";
    assert_eq!(find(t, "啊啊").len(), 2);
    let idx = FindIndex::new(t);
    assert_eq!(idx.find(t, "啊", 3).len(), 3);
    assert_eq!(idx.normalised(), t);
}

#[test]
fn normalise_folds_width_case_and_drops_space() {
    assert_eq!(normalise("ＡＢｃ １２％\n"), "abc12%");
}

#[test]
fn pieces_cut_segments_at_hits_and_keep_hit_index_across_blocks() {
    // Two paragraphs "ab|cd" (bytes 0..2, 3..5) and one hit spanning the break.
    let hits = vec![Span::new(1, 4)];
    assert_eq!(
        pieces(Span::new(0, 2), &hits),
        vec![
            Piece {
                span: Span::new(0, 1),
                hit: None
            },
            Piece {
                span: Span::new(1, 2),
                hit: Some(0)
            }
        ]
    );
    assert_eq!(
        pieces(Span::new(3, 5), &hits),
        vec![
            Piece {
                span: Span::new(3, 4),
                hit: Some(0)
            },
            Piece {
                span: Span::new(4, 5),
                hit: None
            }
        ]
    );
    assert_eq!(
        pieces(Span::new(6, 9), &hits),
        vec![Piece {
            span: Span::new(6, 9),
            hit: None
        }]
    );
    let many = vec![Span::new(0, 1), Span::new(2, 3), Span::new(8, 9)];
    let p = pieces(Span::new(0, 4), &many);
    assert_eq!(
        p.iter().filter_map(|p| p.hit).collect::<Vec<_>>(),
        vec![0, 1]
    );
    assert_eq!(p.last().unwrap().span, Span::new(3, 4));
}

#[test]
fn first_hit_from_wraps_around() {
    let hits = vec![Span::new(5, 6), Span::new(20, 22)];
    assert_eq!(first_hit_from(&hits, 0), Some(0));
    assert_eq!(first_hit_from(&hits, 10), Some(1));
    assert_eq!(first_hit_from(&hits, 30), Some(0));
    assert_eq!(first_hit_from(&[], 0), None);
}

#[test]
fn every_hit_normalises_to_the_query_on_the_sample() {
    let t = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/reports/zigong-2017.txt"
    ))
    .unwrap();
    let idx = FindIndex::new(&t);
    for q in ["增长", "亿元", "%", "全市", "自贡"] {
        let hits = idx.find(&t, q, usize::MAX);
        assert!(!hits.is_empty(), "{q}");
        for h in &hits {
            assert_eq!(normalise(&t[h.start..h.end]), normalise(q));
        }
        // Same count as a plain substring search over the normalised text.
        assert_eq!(hits.len(), idx.normalised().matches(&normalise(q)).count());
    }
}
