//! The outline: parts, sections and lead sentences.
//!
//! Two layers, pulldown-cmark style:
//! - **scanners** ([`scan_number`], [`scan_unnumbered`], [`scan_lead`]) look at the text
//!   at one position and return a length (or nothing);
//! - the **builder** ([`build`]) walks paragraph starts (and, in run-on text without line
//!   breaks, sentence ends), checks numbering sequences (一→二→三) with a stack of
//!   numbering schemes, and builds the tree with spans.
//!
//! Levels are depths in the tree: an unnumbered part heading (`2023年工作回顾`) is
//! level 1 and the `一、` under it level 2; in reports numbered `一、` at the top,
//! `一、` is level 1. Lead sentences (`加快重大项目建设。`) are the lowest level.
//! Text before the first part (`各位代表：…`) is not a section. A glossary after the
//! report (`名词解释`, [`is_back_matter`]) is one last part with nothing inside; the
//! pipeline extracts no indicators from it ([`body_end`]).
//!
//! `heading` is the normalised analysis text of the heading without its number and
//! final punctuation (or leading `——`); `heading_span` covers number + heading.
//!
//! Everything here runs on the analysis text; the pipeline maps spans to display text.


mod kinds;
mod scan;
#[cfg(test)]
mod tests;

pub use kinds::{kind_of, tense_cues};
pub use scan::{cn_numeral, is_back_matter, scan_lead, scan_number, scan_unnumbered, Scheme};
use scan::{split_run_on_heading, states_figure, TERMINATORS};

use super::model::{Report, Section, SectionKind, Span};

/// A heading found in the analysis text (flat, in order).
#[derive(Clone, Debug)]
struct Node {
    depth: u8,
    scheme: Scheme,
    number: String,
    heading: String,
    start: usize,
    head_end: usize,
}

struct StackEntry {
    scheme: Scheme,
    value: u32,
}

#[derive(Default)]
struct Builder {
    stack: Vec<StackEntry>,
    nodes: Vec<Node>,
    root: Option<Scheme>,
}

impl Builder {
    fn has_numbered(&self) -> bool {
        self.stack.iter().any(|e| !matches!(e.scheme, Scheme::Unnumbered | Scheme::Lead))
    }

    /// Checks the numbering sequence; returns the depth (1-based) if accepted.
    fn accept(&mut self, scheme: Scheme, value: u32) -> Option<u8> {
        match scheme {
            Scheme::Unnumbered => {
                if self.root.is_some_and(|r| r != Scheme::Unnumbered) {
                    return None;
                }
                self.root = Some(Scheme::Unnumbered);
                self.stack.clear();
                self.stack.push(StackEntry { scheme, value });
            }
            Scheme::Lead => {
                if !self.has_numbered() {
                    return None;
                }
                if self.stack.last().is_some_and(|e| e.scheme == Scheme::Lead) {
                    self.stack.pop();
                }
                if self.stack.len() >= 8 {
                    return None;
                }
                self.stack.push(StackEntry { scheme, value });
            }
            _ => {
                if let Some(k) = self.stack.iter().position(|e| e.scheme == scheme) {
                    if value != self.stack[k].value + 1 {
                        return None;
                    }
                    self.stack.truncate(k);
                } else {
                    if value != 1 {
                        return None;
                    }
                    while self.stack.last().is_some_and(|e| e.scheme == Scheme::Lead) {
                        self.stack.pop();
                    }
                    if self.stack.len() >= 7 {
                        return None;
                    }
                }
                if self.root.is_none() {
                    self.root = Some(scheme);
                }
                self.stack.push(StackEntry { scheme, value });
            }
        }
        Some(self.stack.len() as u8)
    }

    fn add(&mut self, scheme: Scheme, value: u32, number: &str, heading: &str, start: usize, head_end: usize) -> bool {
        let heading = heading.trim_start_matches(['—', '-', ' ']).trim();
        if heading.is_empty() {
            return false;
        }
        if self.nodes.last().is_some_and(|n| n.start >= start) {
            return false;
        }
        match self.accept(scheme, value) {
            Some(depth) => {
                self.nodes.push(Node { depth, scheme, number: number.to_string(), heading: heading.to_string(), start, head_end });
                true
            }
            None => false,
        }
    }
}

/// Inputs besides the text.
#[derive(Clone, Copy, Debug, Default)]
pub struct OutlineOptions<'a> {
    /// Analysis offsets where whitespace was removed (see `normalize`).
    pub soft_breaks: &'a [usize],
    pub report_year: Option<i32>,
    pub review_year: Option<i32>,
}

/// Paragraphs longer than this are scanned for headings running inline.
const RUN_ON_BYTES: usize = 5000;
/// Longest heading (chars).
const MAX_HEADING: usize = 60;

fn first_soft_break(soft: &[usize], from: usize, to: usize) -> Option<usize> {
    let k = soft.partition_point(|&p| p < from);
    soft.get(k).copied().filter(|&p| p < to)
}

/// End of the heading text starting at `from` in paragraph `[from, pe)`:
/// (heading end, position after the terminator).
fn heading_end(a: &str, from: usize, pe: usize) -> Option<(usize, usize)> {
    let mut n = 0;
    for (k, c) in a[from..pe].char_indices() {
        if TERMINATORS.contains(&c) {
            return Some((from + k, from + k + c.len_utf8()));
        }
        n += 1;
        if n > MAX_HEADING {
            return None;
        }
    }
    Some((pe, pe))
}

/// Builds the outline of the analysis text `a`. Spans are in `a`.
pub fn build(a: &str, opt: &OutlineOptions<'_>) -> Vec<Section> {
    let mut b = Builder::default();
    let mut ps = 0;
    while ps <= a.len() {
        let pe = memchr::memchr(b'\n', &a.as_bytes()[ps..]).map_or(a.len(), |k| ps + k);
        if pe > ps {
            // 名词解释 after the report: one part to the end, no sections inside it
            if !b.nodes.is_empty() && pe - ps <= 3 * 24 && is_back_matter(&a[ps..pe]) {
                let heading = a[ps..pe].trim().trim_end_matches([':', '：']);
                b.nodes.push(Node { depth: 1, scheme: Scheme::BackMatter, number: String::new(), heading: heading.to_string(), start: ps, head_end: pe });
                break;
            }
            if pe - ps > RUN_ON_BYTES {
                scan_run_on(a, ps, pe, opt, &mut b);
            } else {
                scan_paragraph(a, ps, pe, &mut b);
            }
        }
        ps = pe + 1;
    }
    to_tree(a, &b.nodes, opt)
}

/// One ordinary paragraph: a numbered heading, an unnumbered part heading, or a lead sentence.
fn scan_paragraph(a: &str, ps: usize, pe: usize, b: &mut Builder) {
    let p = &a[ps..pe];
    if let Some((nl, scheme, val)) = scan_number(p) {
        let hs = ps + nl;
        let Some((mut he, mut after)) = heading_end(a, hs, pe) else {
            // a long numbered sentence: keep its first clause as the heading
            if let Some(c) = a[hs..pe].find('，').filter(|&c| a[hs..hs + c].chars().count() <= 30) {
                let number = number_text(&p[..nl], scheme);
                b.add(scheme, val, &number, &a[hs..hs + c], ps, hs + c);
            }
            return;
        };
        if a[hs..he].chars().count() > MAX_HEADING {
            he = hs;
            after = hs;
        }
        // 1.地区生产总值增长6%左右；: an item of a list of figures, not a heading.
        if !matches!(scheme, Scheme::Part | Scheme::Chapter) && states_figure(&a[hs..he]) {
            return;
        }
        let number = number_text(&p[..nl], scheme);
        if b.add(scheme, val, &number, &a[hs..he], ps, he) {
            lead_at(a, after, pe, true, b);
        }
        return;
    }
    if let Some(len) = scan_unnumbered(p, true) {
        if b.add(Scheme::Unnumbered, 0, "", &p[..len], ps, ps + len) {
            return;
        }
    }
    lead_at(a, ps, pe, false, b);
}

fn lead_at(a: &str, at: usize, pe: usize, after_number: bool, b: &mut Builder) {
    if at >= pe || !b.has_numbered() {
        return;
    }
    // A lead sentence leads a paragraph: a paragraph that is one short sentence
    // (`坚决守住安全底线。`) is content. After a numbered heading (`（一）加快发展。推进项目
    // 建设。`) it may stand alone.
    if let Some((sl, full)) = scan_lead(&a[at..pe]) {
        if after_number || a[at + full..pe].trim().chars().nth(7).is_some() {
            b.add(Scheme::Lead, 0, "", &a[at..at + sl], at, at + sl);
        }
    }
}

fn number_text(raw: &str, scheme: Scheme) -> String {
    match scheme {
        Scheme::Part => raw.trim_end_matches('、').to_string(),
        Scheme::Chapter => raw.trim_end_matches([' ', '\u{3000}', '、', '：', ':', '—']).to_string(),
        _ => raw.to_string(),
    }
}

/// A paragraph with no line breaks (one-line files, PDF text): headings start after
/// sentence ends.
fn scan_run_on(a: &str, ps: usize, pe: usize, opt: &OutlineOptions<'_>, b: &mut Builder) {
    let mut pos = ps;
    loop {
        try_inline(a, pos, pe, opt, b);
        // next sentence end
        let mut next = None;
        for (k, c) in a[pos..pe].char_indices() {
            if TERMINATORS.contains(&c) {
                next = Some(pos + k + c.len_utf8());
                break;
            }
        }
        match next {
            Some(n) if n < pe => pos = n,
            _ => break,
        }
    }
}

fn try_inline(a: &str, pos: usize, pe: usize, opt: &OutlineOptions<'_>, b: &mut Builder) {
    let s = &a[pos..pe];
    if let Some((nl, scheme, val)) = scan_number(s) {
        if matches!(scheme, Scheme::Part | Scheme::ParenCn) {
            let hs = pos + nl;
            let limit = a[hs..pe].char_indices().nth(MAX_HEADING).map_or(pe, |(k, _)| hs + k);
            let term = a[hs..limit].find(TERMINATORS).map(|k| hs + k);
            let soft = first_soft_break(opt.soft_breaks, hs + 6, limit);
            let mut he = match (scheme, term, soft) {
                (Scheme::Part, t, Some(sb)) if t.is_none_or(|t| sb < t) => sb,
                (Scheme::ParenCn, Some(t), sb) if a[hs..t].chars().count() <= 40 || sb.is_none() => t,
                (_, _, Some(sb)) => sb,
                (_, Some(t), None) => t,
                _ => return,
            };
            let n = a[hs..he].chars().count();
            if n > 24 && soft.is_none() {
                if let Some(cut) = split_run_on_heading(&a[hs..he]) {
                    he = hs + cut;
                } else if n > 40 {
                    return;
                }
            }
            if a[hs..he].contains('；') || n < 2 {
                return;
            }
            let number = number_text(&s[..nl], scheme);
            if b.add(scheme, val, &number, &a[hs..he], pos, he) {
                let after = if a[he..].starts_with(TERMINATORS) { he + a[he..].chars().next().map_or(0, |c| c.len_utf8()) } else { he };
                inline_lead(a, after, pe, b);
            }
        }
        return;
    }
    if let Some(len) = scan_unnumbered(s, false) {
        if b.add(Scheme::Unnumbered, 0, "", &s[..len], pos, pos + len) {
            return;
        }
    }
    inline_lead(a, pos, pe, b);
}

/// A lead sentence inside run-on text: short, comma-free, followed by a long sentence.
fn inline_lead(a: &str, at: usize, pe: usize, b: &mut Builder) {
    if at >= pe || !b.has_numbered() {
        return;
    }
    let Some((sl, full)) = scan_lead(&a[at..pe]) else { return };
    if a[at..at + sl].chars().count() > 16 {
        return;
    }
    let rest = &a[at + full..pe];
    let next_len = rest.chars().take_while(|c| !TERMINATORS.contains(c)).take(30).count();
    if next_len >= 25 {
        b.add(Scheme::Lead, 0, "", &a[at..at + sl], at, at + sl);
    }
}

fn trim_end_ws(a: &str, start: usize, end: usize) -> usize {
    start + a[start..end].trim_end().len()
}

/// Flat nodes with depths → tree with ids, spans and kinds.
fn to_tree(a: &str, nodes: &[Node], opt: &OutlineOptions<'_>) -> Vec<Section> {
    // end of each node: start of the next node with depth <= its depth
    let mut ends = vec![a.len(); nodes.len()];
    let mut open: Vec<usize> = Vec::new();
    for (i, n) in nodes.iter().enumerate() {
        while let Some(&j) = open.last() {
            if nodes[j].depth >= n.depth {
                ends[j] = n.start;
                open.pop();
            } else {
                break;
            }
        }
        open.push(i);
    }
    fn build_level(a: &str, nodes: &[Node], ends: &[usize], i: &mut usize, depth: u8, prefix: &str, parent_kind: Option<SectionKind>, opt: &OutlineOptions<'_>) -> Vec<Section> {
        let mut out = Vec::new();
        while *i < nodes.len() && nodes[*i].depth >= depth {
            let n = &nodes[*i];
            let idx = *i;
            *i += 1;
            let id = if prefix.is_empty() { format!("s{}", out.len() + 1) } else { format!("{prefix}.{}", out.len() + 1) };
            let top = depth == 1 || matches!(n.scheme, Scheme::Part | Scheme::Chapter) || parent_kind.is_none();
            let mut own = if n.scheme == Scheme::Lead { None } else { kind_of(&n.heading, top, opt.report_year, opt.review_year) };
            // last year's work on the government itself is still review
            if parent_kind == Some(SectionKind::Review) && own == Some(SectionKind::SelfBuild) {
                own = None;
            }
            // a top-level part whose heading has no cue: what its text is about (the
            // review comes before the coming year's work, never after it)
            let after_plan = out.iter().any(|p: &Section| matches!(p.kind, SectionKind::Plan | SectionKind::FiveYear | SectionKind::SelfBuild));
            let by_content = if depth == 1 && own.is_none() && parent_kind.is_none() {
                let (review, plan) = tense_cues(&a[n.start..ends[idx].max(n.head_end)], opt.report_year, opt.review_year);
                if review >= 3 && review >= 2 * plan && !after_plan {
                    Some(SectionKind::Review)
                } else if plan >= 3 && plan >= 2 * review {
                    Some(SectionKind::Plan)
                } else {
                    None
                }
            } else {
                None
            };
            // a top-level part with no cue after a plan part continues the plan (tasks)
            let prev_plan = depth == 1 && out.last().is_some_and(|p: &Section| p.kind == SectionKind::Plan);
            let kind = if n.scheme == Scheme::BackMatter {
                SectionKind::Other
            } else {
                own.or(parent_kind).or(by_content).or(if prev_plan { Some(SectionKind::Plan) } else { None }).unwrap_or(SectionKind::Other)
            };
            let children = build_level(a, nodes, ends, i, n.depth + 1, &id, Some(kind), opt);
            let end = trim_end_ws(a, n.start, ends[idx].max(n.head_end));
            out.push(Section {
                id,
                level: depth,
                number: n.number.clone(),
                heading: n.heading.clone(),
                kind,
                span: Span::new(n.start, end.max(n.head_end)),
                heading_span: Span::new(n.start, n.head_end),
                children,
            });
        }
        out
    }
    let mut i = 0;
    build_level(a, nodes, &ends, &mut i, 1, "", None, opt)
}

/// Where the report itself ends in the analysis text `a`: the start of its back matter
/// (`名词解释`, the last part when [`build`] found one), else the end of `a`.
pub fn body_end(sections: &[Section], a: &str) -> usize {
    sections.last().filter(|s| s.number.is_empty() && s.kind == SectionKind::Other && is_back_matter(&s.heading)).map_or(a.len(), |s| s.span.start)
}

/// Depth-first list of all sections (parents before children).
pub fn flatten(sections: &[Section]) -> Vec<&Section> {
    let mut out = Vec::new();
    fn go<'a>(s: &'a [Section], out: &mut Vec<&'a Section>) {
        for x in s {
            out.push(x);
            go(&x.children, out);
        }
    }
    go(sections, &mut out);
    out
}

/// Section id → its kind; a section of kind `Other` takes its nearest classified
/// ancestor's kind (an unnumbered part inside 2024年工作安排 is plan).
pub fn section_kinds(report: &Report) -> std::collections::HashMap<String, SectionKind> {
    fn walk(secs: &[Section], inherited: SectionKind, out: &mut std::collections::HashMap<String, SectionKind>) {
        for s in secs {
            let kind = if s.kind == SectionKind::Other { inherited } else { s.kind };
            out.insert(s.id.clone(), kind);
            walk(&s.children, kind, out);
        }
    }
    let mut out = std::collections::HashMap::new();
    walk(&report.sections, SectionKind::Other, &mut out);
    out
}

/// The innermost section containing `byte_offset` of [`Report::text`].
pub fn section_at(report: &Report, byte_offset: usize) -> Option<&Section> {
    let mut level = &report.sections[..];
    let mut found = None;
    loop {
        let k = level.partition_point(|s| s.span.end <= byte_offset);
        match level.get(k) {
            Some(s) if s.span.start <= byte_offset && byte_offset < s.span.end => {
                found = Some(s);
                level = &s.children;
            }
            _ => return found,
        }
    }
}

/// Applies `f` to every span of every section (used to map analysis → display).
pub fn map_spans(sections: &mut [Section], f: &dyn Fn(Span) -> Span) {
    for s in sections {
        s.span = f(s.span);
        s.heading_span = f(s.heading_span);
        map_spans(&mut s.children, f);
    }
}
