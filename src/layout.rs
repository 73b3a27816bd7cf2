//! How the report text is laid out on the page: blocks (headings and paragraphs) cut
//! at line breaks and at section headings (which run inline in one-line and
//! PDF-extracted text), each split into segments at indicator numbers.
//!
//! Pure Rust (no web crates) so it is tested natively; `ui::report_text` renders it.

use crate::report::{Report, Section, Span};

/// A heading or a paragraph of the display text.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    /// Byte range in `Report::text`.
    pub span: Span,
    /// Innermost section containing the block.
    pub section: Option<String>,
    pub segments: Vec<Segment>,
    /// A run-in heading at the start of a paragraph (`（一）某某。正文…`, `加快重大项目建设。继续…`):
    /// the paragraph starts with the heading, whose segments end at `lead.span.end`.
    pub lead: Option<Lead>,
}

/// A heading that runs into its paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Lead {
    pub section: String,
    pub level: u8,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    /// A section heading (`section` id, outline `level`).
    Heading {
        section: String,
        level: u8,
    },
    Para,
}

/// A run of text, or an indicator's number.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub span: Span,
    /// Index into `Report::indicators` when this segment is an indicator's number.
    pub indicator: Option<usize>,
}

/// Cut the report into blocks. Linear in text length + sections + indicators.
pub fn blocks(report: &Report) -> Vec<Block> {
    let text = report.text.as_str();
    // Headings in document order (parents before children; flattened).
    let mut heads: Vec<(&Section, Span)> = Vec::new();
    fn walk<'a>(s: &'a [Section], out: &mut Vec<(&'a Section, Span)>) {
        for sec in s {
            out.push((sec, sec.heading_span));
            walk(&sec.children, out);
        }
    }
    walk(&report.sections, &mut heads);
    heads.retain(|(_, sp)| sp.end > sp.start && sp.end <= text.len());
    crate::sort::sort_by_key(&mut heads, |(_, sp)| (sp.start, std::cmp::Reverse(sp.end)));

    // Cut points: line breaks and heading edges.
    let mut out: Vec<Block> = Vec::new();
    let mut hi = 0usize;
    let mut pos = 0usize;
    let bytes = text.as_bytes();
    while pos < text.len() {
        // Skip heading entries already passed (overlapping or nested at same start).
        while hi < heads.len() && heads[hi].1.start < pos {
            hi += 1;
        }
        if hi < heads.len() && heads[hi].1.start == pos {
            let (sec, sp) = heads[hi];
            let end = sp.end.min(text.len());
            let line_end = memchr::memchr(b'\n', &bytes[end..]).map_or(text.len(), |i| end + i);
            let rest = text[end..line_end].trim_start();
            let runs_in = !rest.is_empty()
                && (sec.level >= 3
                    || rest.starts_with(['。', '；', '：', '，', '.', ';', ':', ',']));
            if runs_in {
                // The heading opens a paragraph that runs to the line end or the next heading.
                let mut nh = hi + 1;
                while nh < heads.len() && heads[nh].1.start < end {
                    nh += 1;
                }
                let pend = line_end.min(heads.get(nh).map_or(usize::MAX, |(_, sp)| sp.start));
                out.push(Block {
                    kind: BlockKind::Para,
                    span: Span::new(pos, pend),
                    section: Some(sec.id.clone()),
                    segments: Vec::new(),
                    lead: Some(Lead {
                        section: sec.id.clone(),
                        level: sec.level,
                        span: Span::new(pos, end),
                    }),
                });
                pos = if pend == line_end { line_end + 1 } else { pend };
                hi = nh;
                continue;
            }
            out.push(Block {
                kind: BlockKind::Heading {
                    section: sec.id.clone(),
                    level: sec.level,
                },
                span: Span::new(pos, end),
                section: Some(sec.id.clone()),
                segments: Vec::new(),
                lead: None,
            });
            pos = end;
            hi += 1;
            continue;
        }
        let line_end = memchr::memchr(b'\n', &bytes[pos..]).map_or(text.len(), |i| pos + i);
        let next_head = heads.get(hi).map_or(usize::MAX, |(_, sp)| sp.start);
        let end = line_end.min(next_head);
        if end > pos {
            let seg = &text[pos..end];
            if !seg.trim().is_empty() {
                out.push(Block {
                    kind: BlockKind::Para,
                    span: Span::new(pos, end),
                    section: None,
                    segments: Vec::new(),
                    lead: None,
                });
            }
        }
        pos = if end == line_end { line_end + 1 } else { end };
    }

    assign_sections(&mut out, report);
    assign_segments(&mut out, report);
    split_at_leads(&mut out);
    out
}

/// Cut the text segment that straddles a run-in heading's end, so the heading's
/// segments can be wrapped on their own.
fn split_at_leads(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        let Some(cut) = b.lead.as_ref().map(|l| l.span.end) else {
            continue;
        };
        if let Some(k) = b
            .segments
            .iter()
            .position(|s| s.indicator.is_none() && s.span.start < cut && cut < s.span.end)
        {
            let seg = b.segments[k].clone();
            b.segments[k].span.end = cut;
            b.segments.insert(
                k + 1,
                Segment {
                    span: Span::new(cut, seg.span.end),
                    indicator: None,
                },
            );
        }
    }
}

/// Innermost section per paragraph, in one sweep.
fn assign_sections(blocks: &mut [Block], report: &Report) {
    // Flatten sections with their spans, sorted by start; a stack tracks nesting.
    let mut flat: Vec<(&str, Span)> = Vec::new();
    fn walk<'a>(s: &'a [Section], out: &mut Vec<(&'a str, Span)>) {
        for sec in s {
            out.push((sec.id.as_str(), sec.span));
            walk(&sec.children, out);
        }
    }
    walk(&report.sections, &mut flat);
    let mut stack: Vec<(&str, Span)> = Vec::new();
    let mut fi = 0;
    for b in blocks.iter_mut() {
        while fi < flat.len() && flat[fi].1.start <= b.span.start {
            while stack
                .last()
                .is_some_and(|(_, sp)| sp.end <= flat[fi].1.start)
            {
                stack.pop();
            }
            stack.push(flat[fi]);
            fi += 1;
        }
        while stack.last().is_some_and(|(_, sp)| sp.end <= b.span.start) {
            stack.pop();
        }
        if b.section.is_none() {
            b.section = stack.last().map(|(id, _)| id.to_string());
        }
    }
}

/// Split blocks at indicator numbers (indicators sorted by span; one sweep).
fn assign_segments(blocks: &mut [Block], report: &Report) {
    let mut ind: Vec<(usize, Span)> = report
        .indicators
        .iter()
        .enumerate()
        .map(|(i, x)| (i, x.span))
        .filter(|(_, sp)| sp.end > sp.start && sp.end <= report.text.len())
        .collect();
    crate::sort::sort_by_key(&mut ind, |(_, sp)| (sp.start, sp.end));
    // Several indicators may share one number span (e.g. a paired clause): keep the first.
    ind.dedup_by(|b, a| a.1.start < b.1.end && b.1.start < a.1.end);
    let mut ii = 0;
    for b in blocks.iter_mut() {
        let mut pos = b.span.start;
        while ii < ind.len() && ind[ii].1.start < b.span.start {
            ii += 1;
        }
        while ii < ind.len() && ind[ii].1.end <= b.span.end {
            let (idx, sp) = ind[ii];
            if sp.start > pos {
                b.segments.push(Segment {
                    span: Span::new(pos, sp.start),
                    indicator: None,
                });
            }
            b.segments.push(Segment {
                span: sp,
                indicator: Some(idx),
            });
            pos = sp.end;
            ii += 1;
        }
        if pos < b.span.end {
            b.segments.push(Segment {
                span: Span::new(pos, b.span.end),
                indicator: None,
            });
        }
    }
}

/// The blocks to show: [`blocks`] for a report; for text that does not look like a
/// report, the same cut but every block a plain paragraph (no headings).
pub fn display_blocks(report: &Report) -> Vec<Block> {
    let mut out = blocks(report);
    if !report.looks_like_report {
        for b in &mut out {
            b.kind = BlockKind::Para;
            b.lead = None;
        }
    }
    out
}

/// A run of consecutive blocks rendered (or left out) together on the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chunk {
    /// Indexes into the block list.
    pub blocks: std::ops::Range<usize>,
    /// From the first block's start to the last block's end, in `Report::text`.
    pub span: Span,
}

/// Group blocks into chunks of at most `per_chunk` blocks (at least 1), in order.
/// Every block is in exactly one chunk.
pub fn chunks(blocks: &[Block], per_chunk: usize) -> Vec<Chunk> {
    chunks_led(blocks, per_chunk, per_chunk)
}

/// Like [`chunks`], but the first chunk holds at most `lead` blocks (kept within
/// 1..=`per_chunk`): a text's first picture needs only its first screens. A text of at
/// most `per_chunk` blocks is then two chunks at most, the lead and the rest.
pub fn chunks_led(blocks: &[Block], lead: usize, per_chunk: usize) -> Vec<Chunk> {
    let per = per_chunk.max(1);
    let first = lead.clamp(1, per);
    let mut out = Vec::with_capacity(blocks.len() / per + 2);
    let mut a = 0;
    while a < blocks.len() {
        let b = (a + if a == 0 { first } else { per }).min(blocks.len());
        out.push(Chunk {
            blocks: a..b,
            span: Span::new(blocks[a].span.start, blocks[b - 1].span.end),
        });
        a = b;
    }
    out
}

/// The chunk that holds byte `at` of the text; an offset between two chunks (a line
/// break) belongs to the next one, one past the end to the last. `None` when empty.
pub fn chunk_at(chunks: &[Chunk], at: usize) -> Option<usize> {
    if chunks.is_empty() {
        return None;
    }
    let k = chunks.partition_point(|c| c.span.end <= at);
    Some(k.min(chunks.len() - 1))
}

/// The indicator (index into `Report::indicators`) whose marked number in the text
/// stands for a figure at `span`: several indicators can share one number
/// (`分别增长8%和9%以上`), and only one mark is drawn for it. `blocks` in text order.
pub fn mark_for(blocks: &[Block], span: Span) -> Option<usize> {
    let from = blocks.partition_point(|b| b.span.end <= span.start);
    blocks[from..]
        .iter()
        .take_while(|b| b.span.start < span.end.max(span.start + 1))
        .flat_map(|b| b.segments.iter())
        .filter(|seg| seg.span.end > span.start && seg.span.start < span.end)
        .find_map(|seg| seg.indicator)
}

/// Characters in `s` that are not whitespace (the 字数 shown in the title block). A few
/// word-at-a-time passes instead of decoding every char (a 20 MB report: ~5 ms, not ~70):
/// all chars, less ASCII whitespace, less the non-ASCII whitespace — every one of which
/// starts with byte C2, E1, E2 or E3 (U+3000).
pub fn visible_chars(s: &str) -> usize {
    let b = s.as_bytes();
    let all = bytecount::num_chars(b);
    let ascii = memchr::memchr3_iter(b' ', b'\n', b'\t', b).count()
        + memchr::memchr3_iter(b'\r', 0x0B, 0x0C, b).count();
    let other = memchr::memchr3_iter(0xC2, 0xE1, 0xE2, b)
        .filter(|&i| s.get(i..).and_then(|t| t.chars().next()).is_some_and(char::is_whitespace))
        .count()
        + memchr::memchr_iter(0xE3, b)
            .filter(|&i| b.get(i + 1..i + 3) == Some(&[0x80, 0x80][..]))
            .count();
    all - ascii - other
}

/// Estimated rendered height in px of some blocks, for placeholders of chunks not
/// rendered yet: each block takes ⌈(chars + 2 indent) / chars_per_line⌉ lines plus a gap.
pub fn estimate_height(
    blocks: &[Block],
    text: &str,
    chars_per_line: f64,
    line_px: f64,
    gap_px: f64,
) -> f64 {
    let cpl = chars_per_line.max(1.0);
    blocks
        .iter()
        .map(|b| {
            let chars = text
                .get(b.span.start..b.span.end)
                .map_or(0, |s| bytecount::num_chars(s.as_bytes())) as f64;
            let extra = match b.kind {
                BlockKind::Heading { .. } => 1.0,
                BlockKind::Para => 0.0,
            };
            (((chars + 2.0) / cpl).ceil() + extra) * line_px + gap_px
        })
        .sum()
}

/// How many blocks a text's first chunk needs to fill `height_px` (by
/// [`estimate_height`]'s measure): the fewest whose estimated height reaches it, at
/// least one, all of them when the text is shorter, and never more than `max`.
pub fn lead_len(
    blocks: &[Block],
    text: &str,
    chars_per_line: f64,
    line_px: f64,
    gap_px: f64,
    height_px: f64,
    max: usize,
) -> usize {
    let mut h = 0.0;
    for (i, b) in blocks.iter().enumerate().take(max.max(1)) {
        h += estimate_height(std::slice::from_ref(b), text, chars_per_line, line_px, gap_px);
        if h >= height_px {
            return i + 1;
        }
    }
    blocks.len().min(max.max(1)).max(1)
}

/// Outline entries shown in the table of contents (levels `1..=max_level`), in
/// document order, with their depth.
pub fn toc_entries(sections: &[Section], max_level: u8) -> Vec<&Section> {
    fn walk<'a>(s: &'a [Section], max: u8, out: &mut Vec<&'a Section>) {
        for sec in s {
            if sec.level <= max {
                out.push(sec);
                walk(&sec.children, max, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(sections, max_level, &mut out);
    out
}

/// The chain of sections from a top-level part down to the section `id` (empty when
/// no section has that id).
pub fn section_path<'a>(sections: &'a [Section], id: &str) -> Vec<&'a Section> {
    fn walk<'a>(s: &'a [Section], id: &str, path: &mut Vec<&'a Section>) -> bool {
        for sec in s {
            path.push(sec);
            if sec.id == id || walk(&sec.children, id, path) {
                return true;
            }
            path.pop();
        }
        false
    }
    let mut path = Vec::new();
    walk(sections, id, &mut path);
    path
}

/// A section's label as the outline writes it: `一、 heading` / `（二） heading`.
pub fn section_label(sec: &Section) -> String {
    if sec.number.is_empty() {
        sec.heading.clone()
    } else {
        let sep = if sec.number.ends_with(['、', '）', ')', '.', '．'])
            || sec.number.chars().all(|c| ('①'..='⑳').contains(&c))
        {
            ""
        } else {
            "、"
        };
        format!("{}{sep}{}", sec.number, sec.heading)
    }
}

/// A one-line reading of an indicator for its tooltip, e.g.
/// `地区生产总值 — target · growth · ≥ 8 % · 2017` (English) or
/// `地区生产总值 — 目标 · 增速 · ≥ 8 % · 2017年` (Chinese).
pub fn reading(ind: &crate::report::Indicator, zh: bool) -> String {
    use crate::report::{Measure, Status, Value};
    let status = match (ind.status, zh) {
        (Status::Actual, true) => "实际",
        (Status::Actual, false) => "actual",
        (Status::Estimate, true) => "预计",
        (Status::Estimate, false) => "estimate",
        (Status::Target, true) => "目标",
        (Status::Target, false) => "target",
    };
    let measure = match ind.measure {
        Measure::Level => {
            if zh {
                "总量"
            } else {
                "level"
            }
        }
        Measure::Growth => {
            if zh {
                "增速"
            } else {
                "growth"
            }
        }
        Measure::Share => {
            if zh {
                "占比"
            } else {
                "share"
            }
        }
        Measure::Rate => {
            if zh {
                "比率"
            } else {
                "rate"
            }
        }
        Measure::Ratio => {
            if zh {
                "比例"
            } else {
                "ratio"
            }
        }
        Measure::Multiple => {
            if zh {
                "倍数"
            } else {
                "multiple"
            }
        }
        Measure::Count => {
            if zh {
                "数量"
            } else {
                "count"
            }
        }
        Measure::Index => {
            if zh {
                "指数"
            } else {
                "index"
            }
        }
        Measure::Relative => {
            if zh {
                "相对"
            } else {
                "relative"
            }
        }
    };
    let sym = match ind.qualifier.as_deref() {
        Some("以上" | "不低于" | "超过" | "突破" | "高于" | "至少") => "≥ ",
        Some("以内" | "低于" | "控制在" | "不超过" | "以下" | "下降到") => "≤ ",
        Some("左右" | "约" | "近" | "接近") => "≈ ",
        _ => "",
    };
    // `name — status · measure · ≥ value unit · vs … · year`, in one string (a page
    // writes one reading per number it marks)
    use crate::export::push_f64;
    let mut out = String::with_capacity(ind.name.len() + ind.unit.len() + 48);
    out.push_str(&ind.name);
    out.push_str(" — ");
    out.push_str(status);
    out.push_str(" · ");
    out.push_str(measure);
    out.push_str(" · ");
    let from = out.len();
    out.push_str(sym);
    if !ind.parts.is_empty() {
        for (k, p) in ind.parts.iter().enumerate() {
            if k > 0 {
                out.push_str(" : ");
            }
            push_f64(&mut out, *p);
        }
    } else {
        match &ind.value {
            Value::Number(v) => push_f64(&mut out, *v),
            Value::Range([a, b]) => {
                push_f64(&mut out, *a);
                out.push('–');
                push_f64(&mut out, *b);
            }
        }
    }
    out.push(' ');
    out.push_str(&ind.unit);
    // (the value and unit read as one trimmed piece)
    let end = from + out[from..].trim_end().len();
    out.truncate(end);
    if let Some(rel) = &ind.relative_to {
        out.push_str(if zh { " · 相对" } else { " · vs " });
        out.push_str(rel);
    }
    match (ind.year, &ind.period) {
        (_, Some(p)) => {
            out.push_str(" · ");
            out.push_str(p);
            if zh {
                out.push('年');
            }
        }
        (Some(y), None) => {
            out.push_str(" · ");
            push_f64(&mut out, f64::from(y));
            if zh {
                out.push('年');
            }
        }
        (None, None) => {}
    }
    out
}
