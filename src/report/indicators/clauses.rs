//! Where sentences and clauses end in the analysis text (a scanner over bytes, 16 at a
//! time), and how much of a run-on sentence is quoted with a figure.

use crate::report::model::Span;

fn is_clause_delim(c: char) -> bool {
    matches!(c, '，' | ',' | '；' | ';' | '：' | ':' | '（' | '）' | '(' | ')' | '∶')
}

fn is_sentence_delim(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?' | '\n' | '\r')
}

/// Bytes that may start a delimiter of [`is_sentence_delim`] / [`is_clause_delim`]
/// (ASCII ones, and the lead bytes of `。` E3, `！？，；：（）` EF, `∶` E2).
const fn delim_table(ascii: &[u8], leads: &[u8]) -> [bool; 256] {
    let mut t = [false; 256];
    let mut k = 0;
    while k < ascii.len() {
        t[ascii[k] as usize] = true;
        k += 1;
    }
    k = 0;
    while k < leads.len() {
        t[leads[k] as usize] = true;
        k += 1;
    }
    t
}
static SENT_BYTES: [bool; 256] = delim_table(b"!?\n\r", &[0xE3, 0xEF]);
static CLAUSE_BYTES: [bool; 256] = delim_table(b",;:()", &[0xE2, 0xEF]);

/// Bytes of a chunk that [`next_delim`] tests at once (a window reads 2 bytes more).
const CHUNK: usize = 16;

/// Whether one of the chars of [`is_sentence_delim`] starts in `w[..CHUNK]`: exact
/// byte compares (`。` E3 80 82, `！` EF BC 81, `？` EF BC 9F), branch-free so the test
/// of a chunk vectorizes.
#[inline(always)]
fn chunk_has_sentence_delim(w: &[u8; CHUNK + 2]) -> bool {
    let mut hit = false;
    for k in 0..CHUNK {
        let (x, y, z) = (w[k], w[k + 1], w[k + 2]);
        hit |= (x == b'!') | (x == b'?') | (x == b'\n') | (x == b'\r')
            | ((x == 0xE3) & (y == 0x80) & (z == 0x82))
            | ((x == 0xEF) & (y == 0xBC) & ((z == 0x81) | (z == 0x9F)));
    }
    hit
}

/// Whether one of the chars of [`is_clause_delim`] starts in `w[..CHUNK]` (`，；：（）`
/// are EF BC 8C / 9B / 9A / 88 / 89, `∶` E2 88 B6).
#[inline(always)]
fn chunk_has_clause_delim(w: &[u8; CHUNK + 2]) -> bool {
    let mut hit = false;
    for k in 0..CHUNK {
        let (x, y, z) = (w[k], w[k + 1], w[k + 2]);
        hit |= (x == b',') | (x == b';') | (x == b':') | (x == b'(') | (x == b')')
            | ((x == 0xEF) & (y == 0xBC) & ((z == 0x8C) | (z == 0x9B) | (z == 0x9A) | (z == 0x88) | (z == 0x89)))
            | ((x == 0xE2) & (y == 0x88) & (z == 0xB6));
    }
    hit
}

/// First char at or after byte `from` for which `is` holds, with its offset: only
/// chars starting with a byte marked in `table` are decoded (every such byte is a char start).
///
/// Chunks of [`CHUNK`] bytes in which `chunk_has` (the same set of chars, as byte
/// compares) finds none are skipped whole; the chunk that holds one is read byte by byte.
#[inline]
fn next_delim(
    text: &str,
    from: usize,
    table: &[bool; 256],
    is: fn(char) -> bool,
    chunk_has: impl Fn(&[u8; CHUNK + 2]) -> bool,
) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let mut i = from;
    while i < b.len() {
        while let Some(w) = b.get(i..i + CHUNK + 2).and_then(|w| <&[u8; CHUNK + 2]>::try_from(w).ok()) {
            if chunk_has(w) {
                break;
            }
            i += CHUNK;
        }
        let stop = (i + CHUNK).min(b.len());
        while i < stop {
            if table[b[i] as usize] {
                if let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
                    if is(c) {
                        return Some((i, c));
                    }
                }
            }
            i += 1;
        }
    }
    None
}

/// Longest sentence quoted whole with each of its figures (bytes). Run-on text (a PDF
/// without 。, a list of thousands of figures) is quoted as the clauses around the figure
/// instead: every indicator keeps a readable source, and copying it stays linear.
const MAX_QUOTE: usize = 3_000;

/// The part of sentence `s` quoted for the figure at `item`: all of it when short,
/// else up to ~1,200 bytes either side, cut after / before a clause delimiter.
pub(super) fn quoted_window(text: &str, s: Span, item: Span) -> Span {
    if s.end - s.start <= MAX_QUOTE || !s.contains(item) {
        return s;
    }
    const SIDE: usize = 1_200;
    let mut a = item.start.saturating_sub(SIDE).max(s.start);
    while a < item.start && !text.is_char_boundary(a) {
        a += 1;
    }
    let mut b = (item.end + SIDE).min(s.end);
    while b > item.end && !text.is_char_boundary(b) {
        b -= 1;
    }
    let delim = |c: char| matches!(c, '，' | '；' | '、' | ',' | ';' | '\n');
    if a > s.start {
        if let Some((p, c)) = text[a..item.start].char_indices().find(|&(_, c)| delim(c)) {
            a += p + c.len_utf8();
        }
    }
    if b < s.end {
        if let Some((p, _)) = text[item.end..b].char_indices().rev().find(|&(_, c)| delim(c)) {
            b = item.end + p;
        }
    }
    Span::new(a, b)
}

/// The next sentence end (`。！？`, a line end) at or after `from`: its offset and char.
#[inline]
pub(super) fn next_sentence_end(text: &str, from: usize) -> Option<(usize, char)> {
    next_delim(text, from, &SENT_BYTES, is_sentence_delim, chunk_has_sentence_delim)
}

/// The next clause delimiter (`，；：（）` …) at or after `from`: its offset and char.
#[inline]
pub(super) fn next_clause_end(text: &str, from: usize) -> Option<(usize, char)> {
    next_delim(text, from, &CLAUSE_BYTES, is_clause_delim, chunk_has_clause_delim)
}
