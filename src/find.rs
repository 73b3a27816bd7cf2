//! Find in the report text, the way a reader of Chinese PDFs and web copies needs it:
//! a query matches across line breaks and stray spaces (`地区生产总值` finds
//! `地区生产\n总值` and `地 区 生 产 总 值`), and full-width and half-width forms
//! match each other (`8%` finds `８％`, `ｇｄｐ` finds `GDP`).
//!
//! Both the text and the query are normalised char by char — full-width ASCII
//! forms → ASCII, ASCII letters → lower case, whitespace (line breaks, ideographic
//! space, no-break space …) dropped — and the match is found in the normalised text.
//! A sparse offset map turns normalised positions back into byte [`Span`]s of the
//! display text, so hits can be highlighted where they are.
//!
//! Pure Rust, no web crates; tested natively (`tests/find.rs`).

use crate::report::Span;

/// The normalised form of one char, or `None` when it is dropped (whitespace).
pub fn normalise_char(c: char) -> Option<char> {
    if c.is_whitespace() || c == '\u{200b}' || c == '\u{feff}' {
        return None;
    }
    let c = match c as u32 {
        // Full-width ASCII variants ！…～ → ! … ~
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c),
        _ => c,
    };
    Some(c.to_ascii_lowercase())
}

/// Normalise a query (or any short string) the same way the text is.
pub fn normalise(s: &str) -> String {
    s.chars().filter_map(normalise_char).collect()
}

/// A text prepared for repeated finds: the normalised text plus the offset map.
///
/// Memory: the normalised text (at most the size of the original) plus 8 bytes
/// per place where normalisation changed the length (dropped whitespace runs,
/// full-width chars). Building it is one pass over the text.
#[derive(Clone, Debug)]
pub struct FindIndex {
    norm: String,
    /// `(normalised byte, original byte)` at every point where the difference
    /// between the two changes; between anchors bytes were copied verbatim.
    anchors: Vec<(u32, u32)>,
    /// Length of the original text in bytes.
    orig_len: usize,
}

impl FindIndex {
    pub fn new(text: &str) -> FindIndex {
        let mut norm = String::with_capacity(text.len());
        let mut anchors: Vec<(u32, u32)> = vec![(0, 0)];
        let mut delta: usize = 0; // original offset − normalised offset
        for (i, c) in text.char_indices() {
            let after = i + c.len_utf8();
            match normalise_char(c) {
                Some(n) => {
                    norm.push(n);
                    let d = after - norm.len();
                    if d != delta {
                        delta = d;
                        anchors.push((norm.len() as u32, after as u32));
                    }
                }
                None => {
                    let d = after - norm.len();
                    if d != delta {
                        delta = d;
                        anchors.push((norm.len() as u32, after as u32));
                    }
                }
            }
        }
        FindIndex {
            norm,
            anchors,
            orig_len: text.len(),
        }
    }

    /// The normalised text.
    pub fn normalised(&self) -> &str {
        &self.norm
    }

    /// Original byte offset of the char that produced the normalised char at `p`
    /// (for `p == normalised().len()`, the end of the last kept char's run).
    fn map_start(&self, p: usize) -> usize {
        let k = self.anchors.partition_point(|a| a.0 as usize <= p);
        let (n, o) = self.anchors[k.saturating_sub(1)];
        o as usize + (p - n as usize)
    }

    /// Every non-overlapping match of `query`, as byte spans of the original text,
    /// in text order. Each span starts at the first matched char and ends after the
    /// last (whitespace between matched chars is inside the span). At most `limit`.
    pub fn find(&self, text: &str, query: &str, limit: usize) -> Vec<Span> {
        debug_assert_eq!(text.len(), self.orig_len);
        let q = normalise(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let last_len = q.chars().next_back().map_or(0, char::len_utf8);
        let mut out = Vec::new();
        for m in memchr::memmem::find_iter(self.norm.as_bytes(), q.as_bytes()) {
            let start = self.map_start(m);
            let last = self.map_start(m + q.len() - last_len);
            let end = last + text[last..].chars().next().map_or(0, char::len_utf8);
            out.push(Span::new(start, end.min(self.orig_len)));
            if out.len() >= limit {
                break;
            }
        }
        out
    }
}

/// One-off find: every match of `query` in `text` (see [`FindIndex::find`]).
pub fn find(text: &str, query: &str) -> Vec<Span> {
    FindIndex::new(text).find(text, query, usize::MAX)
}

/// A piece of a segment for rendering: a byte range, and the find hit it belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Piece {
    pub span: Span,
    /// Index into the hits list when this piece is (part of) a find hit.
    pub hit: Option<usize>,
}

/// Cut `span` at the edges of `hits` (sorted, non-overlapping). A hit that runs past
/// the span (across a line break into the next paragraph) is cut, and each part
/// keeps the hit's index. Binary search + linear in the hits inside the span.
pub fn pieces(span: Span, hits: &[Span]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut k = hits.partition_point(|h| h.end <= span.start);
    let mut pos = span.start;
    while k < hits.len() && hits[k].start < span.end {
        let h = hits[k];
        let s = h.start.max(span.start);
        let e = h.end.min(span.end);
        if s > pos {
            out.push(Piece {
                span: Span::new(pos, s),
                hit: None,
            });
        }
        if e > s {
            out.push(Piece {
                span: Span::new(s, e),
                hit: Some(k),
            });
        }
        pos = pos.max(e);
        k += 1;
    }
    if pos < span.end {
        out.push(Piece {
            span: Span::new(pos, span.end),
            hit: None,
        });
    }
    out
}

/// The hit to show first for a new query: the first at or after `from`, else the first.
pub fn first_hit_from(hits: &[Span], from: usize) -> Option<usize> {
    if hits.is_empty() {
        return None;
    }
    let k = hits.partition_point(|h| h.start < from);
    Some(if k < hits.len() { k } else { 0 })
}
