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

/// Where one of the chars of [`is_sentence_delim`] starts in `w[..CHUNK]`: byte k of
/// the (little-endian) value is 1 when one starts at `w[k]`, so the first is at
/// `trailing_zeros / 8`. Exact byte compares (`。` E3 80 82, `！` EF BC 81, `？` EF BC
/// 9F), branch-free into byte lanes, so the test of a chunk vectorizes (a bit mask
/// built with shifts does not).
#[inline(always)]
fn sentence_delims(w: &[u8; CHUNK + 2]) -> u128 {
    let mut lanes = [0u8; CHUNK];
    for k in 0..CHUNK {
        let (x, y, z) = (w[k], w[k + 1], w[k + 2]);
        let hit = (x == b'!') | (x == b'?') | (x == b'\n') | (x == b'\r')
            | ((x == 0xE3) & (y == 0x80) & (z == 0x82))
            | ((x == 0xEF) & (y == 0xBC) & ((z == 0x81) | (z == 0x9F)));
        lanes[k] = u8::from(hit);
    }
    u128::from_le_bytes(lanes)
}

/// Where one of the chars of [`is_clause_delim`] starts in `w[..CHUNK]` (`，；：（）`
/// are EF BC 8C / 9B / 9A / 88 / 89, `∶` E2 88 B6), as in [`sentence_delims`].
#[inline(always)]
fn clause_delims(w: &[u8; CHUNK + 2]) -> u128 {
    let mut lanes = [0u8; CHUNK];
    for k in 0..CHUNK {
        let (x, y, z) = (w[k], w[k + 1], w[k + 2]);
        let hit = (x == b',') | (x == b';') | (x == b':') | (x == b'(') | (x == b')')
            | ((x == 0xEF) & (y == 0xBC) & ((z == 0x8C) | (z == 0x9B) | (z == 0x9A) | (z == 0x88) | (z == 0x89)))
            | ((x == 0xE2) & (y == 0x88) & (z == 0xB6));
        lanes[k] = u8::from(hit);
    }
    u128::from_le_bytes(lanes)
}

/// First char at or after byte `from` for which `is` holds, with its offset.
///
/// Whole windows are tested with `delims` (the same set of chars, as exact byte
/// compares: a lane can only be set at a char start, ASCII or a lead byte), and the
/// first set lane is the answer; the last bytes, too few for a window, are read one at a
/// time (only chars starting with a byte marked in `table` are decoded).
#[inline]
fn next_delim(
    text: &str,
    from: usize,
    table: &[bool; 256],
    is: fn(char) -> bool,
    delims: impl Fn(&[u8; CHUNK + 2]) -> u128,
) -> Option<(usize, char)> {
    let b = text.as_bytes();
    let mut i = from;
    while let Some(w) = b.get(i..i + CHUNK + 2).and_then(|w| <&[u8; CHUNK + 2]>::try_from(w).ok()) {
        let mask = delims(w);
        if mask != 0 {
            let k = i + (mask.trailing_zeros() / 8) as usize;
            let c = text.get(k..).and_then(|r| r.chars().next());
            debug_assert!(c.is_some_and(is));
            return c.map(|c| (k, c));
        }
        i += CHUNK;
    }
    while i < b.len() {
        if table[b[i] as usize] {
            if let Some(c) = text.get(i..).and_then(|r| r.chars().next()) {
                if is(c) {
                    return Some((i, c));
                }
            }
        }
        i += 1;
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
    next_delim(text, from, &SENT_BYTES, is_sentence_delim, sentence_delims)
}

/// Kinds in brackets after a noun, part of it rather than a note: `县（市、区）`,
/// `村（社区）`, `乡镇（街道）`. `at` is the `（` in `text`; the bracket's byte length when
/// it is one (a Han char before it, inside one to four words of one to three Han chars
/// split by `、`, or one of the few kinds written alone).
pub(super) fn kinds_bracket(text: &str, at: usize) -> Option<usize> {
    const ALONE: [&str; 5] = ["镇", "社区", "街道", "乡", "区"];
    let before = text[..at].chars().next_back()?;
    if !super::scan::is_han(before) {
        return None;
    }
    let inner = text.get(at + '（'.len_utf8()..)?;
    let close = inner.char_indices().take(16).find(|&(_, c)| c == '）')?.0;
    let kinds = &inner[..close];
    let words = kinds.split('、').count();
    let ok = if words == 1 {
        ALONE.contains(&kinds)
    } else {
        words <= 4 && kinds.split('、').all(|w| (1..=3).contains(&w.chars().count()) && w.chars().all(super::scan::is_han))
    };
    ok.then(|| '（'.len_utf8() + close + '）'.len_utf8())
}

/// A noun's short Latin name in brackets after it, part of it rather than a note:
/// `细颗粒物（PM2.5）`, `二氧化硫(SO2)`, `研究与试验发展（R&D）`. `at` is the `（` or `(` in
/// `text`; the bracket's byte length when it is one (a Han char before it, inside one to
/// ten ASCII letters, digits and `.&+-`, a letter among them).
pub(super) fn alias_bracket(text: &str, at: usize) -> Option<usize> {
    let before = text[..at].chars().next_back()?;
    if !super::scan::is_han(before) {
        return None;
    }
    let open = text[at..].chars().next()?;
    let inner = text.get(at + open.len_utf8()..)?;
    let len = inner.bytes().take(11).position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'.' | b'&' | b'+' | b'-')))?;
    let name = &inner[..len];
    let close = inner[len..].chars().next()?;
    let ok = (1..=10).contains(&len) && name.bytes().any(|b| b.is_ascii_alphabetic()) && matches!(close, '）' | ')');
    ok.then(|| open.len_utf8() + len + close.len_utf8())
}

/// The next clause delimiter (`，；：（）` …) at or after `from`: its offset and char.
#[inline]
pub(super) fn next_clause_end(text: &str, from: usize) -> Option<(usize, char)> {
    next_delim(text, from, &CLAUSE_BYTES, is_clause_delim, clause_delims)
}
