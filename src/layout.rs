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
}

#[derive(Clone, Debug, PartialEq)]
pub enum BlockKind {
    /// A section heading (`section` id, outline `level`).
    Heading { section: String, level: u8 },
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
    heads.sort_by_key(|(_, sp)| (sp.start, std::cmp::Reverse(sp.end)));

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
            out.push(Block {
                kind: BlockKind::Heading { section: sec.id.clone(), level: sec.level },
                span: Span::new(pos, end),
                section: Some(sec.id.clone()),
                segments: Vec::new(),
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
                });
            }
        }
        pos = if end == line_end { line_end + 1 } else { end };
    }

    assign_sections(&mut out, report);
    assign_segments(&mut out, report);
    out
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
            while stack.last().is_some_and(|(_, sp)| sp.end <= flat[fi].1.start) {
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
    ind.sort_by_key(|(_, sp)| (sp.start, sp.end));
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
                b.segments.push(Segment { span: Span::new(pos, sp.start), indicator: None });
            }
            b.segments.push(Segment { span: sp, indicator: Some(idx) });
            pos = sp.end;
            ii += 1;
        }
        if pos < b.span.end {
            b.segments.push(Segment { span: Span::new(pos, b.span.end), indicator: None });
        }
    }
}
