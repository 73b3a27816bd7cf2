//! Offset conversions — the ONLY place in the crate that converts offsets.
//!
//! - [`Utf16Index`]: byte offsets ⇄ UTF-16 code-unit offsets (JavaScript strings), built
//!   once per text, lookups in O(log n + 64).
//! - [`OffsetMap`]: a piecewise map from a derived text (e.g. the normalised analysis
//!   text) back to the text it was derived from (e.g. the display text). Built with
//!   [`MapBuilder`] while the derived text is written; maps compose with
//!   [`OffsetMap::compose`].

use super::model::Span;

/// Checkpoint spacing (in chars) of [`Utf16Index`].
const STRIDE: usize = 64;

/// Byte ⇄ UTF-16 offset index for one text.
#[derive(Clone, Debug, Default)]
pub struct Utf16Index {
    /// (byte offset, utf16 offset) every [`STRIDE`] chars, starting with (0, 0).
    marks: Vec<(u32, u32)>,
    len_bytes: usize,
    len_utf16: usize,
}

impl Utf16Index {
    pub fn new(text: &str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut u16pos = 0usize;
        for (i, (b, c)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                marks.push((b as u32, u16pos as u32));
            }
            u16pos += c.len_utf16();
        }
        if marks.is_empty() {
            marks.push((0, 0));
        }
        Utf16Index { marks, len_bytes: text.len(), len_utf16: u16pos }
    }

    /// Length of the text in UTF-16 code units.
    pub fn len_utf16(&self) -> usize {
        self.len_utf16
    }

    /// UTF-16 offset of byte offset `byte` (rounded down to a char boundary; clamped).
    pub fn byte_to_utf16(&self, text: &str, byte: usize) -> usize {
        if byte >= self.len_bytes {
            return self.len_utf16;
        }
        let k = self.marks.partition_point(|m| m.0 as usize <= byte) - 1;
        let (b0, u0) = self.marks[k];
        let mut u = u0 as usize;
        for (b, c) in text[b0 as usize..].char_indices() {
            if b0 as usize + b + c.len_utf8() > byte {
                break;
            }
            u += c.len_utf16();
        }
        u
    }

    /// Byte offset of UTF-16 offset `u` (inside a surrogate pair → start of the char; clamped).
    pub fn utf16_to_byte(&self, text: &str, u: usize) -> usize {
        if u >= self.len_utf16 {
            return self.len_bytes;
        }
        let k = self.marks.partition_point(|m| m.1 as usize <= u) - 1;
        let (b0, u0) = self.marks[k];
        let mut cu = u0 as usize;
        for (b, c) in text[b0 as usize..].char_indices() {
            if cu + c.len_utf16() > u {
                return b0 as usize + b;
            }
            cu += c.len_utf16();
        }
        self.len_bytes
    }

    pub fn span_to_utf16(&self, text: &str, s: Span) -> (usize, usize) {
        (self.byte_to_utf16(text, s.start), self.byte_to_utf16(text, s.end))
    }
}

/// One piece of an [`OffsetMap`]: `dst..dst+dst_len` of the derived text came from
/// `src..src+src_len` of the source; `copy` pieces are byte-identical (`dst_len == src_len`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Seg {
    dst: usize,
    dst_len: usize,
    src: usize,
    src_len: usize,
    copy: bool,
}

/// Piecewise map from offsets in a derived text to offsets in its source text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OffsetMap {
    segs: Vec<Seg>,
    dst_len: usize,
    src_len: usize,
}

impl OffsetMap {
    /// The identity map for a text of `len` bytes.
    pub fn identity(len: usize) -> Self {
        let segs = if len > 0 {
            vec![Seg { dst: 0, dst_len: len, src: 0, src_len: len, copy: true }]
        } else {
            Vec::new()
        };
        OffsetMap { segs, dst_len: len, src_len: len }
    }

    /// Number of pieces (for tests and statistics).
    pub fn pieces(&self) -> usize {
        self.segs.len()
    }

    /// Maps a start offset (a position before a char) of the derived text.
    pub fn map_start(&self, off: usize) -> usize {
        if self.segs.is_empty() {
            return 0;
        }
        if off >= self.dst_len {
            let last = self.segs.last().unwrap();
            return last.src + last.src_len;
        }
        let k = self.segs.partition_point(|s| s.dst <= off).saturating_sub(1);
        let s = self.segs[k];
        if s.copy {
            s.src + (off - s.dst).min(s.src_len)
        } else {
            s.src
        }
    }

    /// Maps an end offset (a position after a char) of the derived text.
    pub fn map_end(&self, off: usize) -> usize {
        if self.segs.is_empty() {
            return 0;
        }
        if off == 0 {
            return self.segs[0].src;
        }
        let off = off.min(self.dst_len);
        let k = self.segs.partition_point(|s| s.dst < off).saturating_sub(1);
        let s = self.segs[k];
        if s.copy {
            s.src + (off - s.dst).min(s.src_len)
        } else {
            s.src + s.src_len
        }
    }

    /// Maps a span of the derived text to the smallest span of the source that produced it.
    pub fn map_span(&self, sp: Span) -> Span {
        let start = self.map_start(sp.start);
        if sp.is_empty() {
            return Span::new(start, start);
        }
        let end = self.map_end(sp.end).max(start);
        Span::new(start, end)
    }

    /// [`OffsetMap::map_span`] for spans met in (roughly) increasing order: the pieces
    /// are looked up from `hint` (where the last lookup ended) a few steps forward
    /// before a binary search, with the same answers.
    pub fn map_span_near(&self, sp: Span, hint: &mut usize) -> Span {
        let start = self.map_start_near(sp.start, hint);
        if sp.is_empty() {
            return Span::new(start, start);
        }
        let end = self.map_end_near(sp.end, hint).max(start);
        Span::new(start, end)
    }

    /// `self.segs.partition_point(pred)` (`pred` true, then false along the pieces),
    /// looked for from `hint` first; `hint` becomes the answer.
    #[inline]
    fn partition_near(&self, hint: &mut usize, pred: impl Fn(&Seg) -> bool) -> usize {
        let segs = &self.segs;
        let mut h = (*hint).min(segs.len());
        let p = if h == 0 || pred(&segs[h - 1]) {
            let mut steps = 0;
            while h < segs.len() && pred(&segs[h]) && steps < 8 {
                h += 1;
                steps += 1;
            }
            if h < segs.len() && pred(&segs[h]) {
                h + segs[h..].partition_point(&pred)
            } else {
                h
            }
        } else {
            segs[..h].partition_point(&pred)
        };
        *hint = p;
        p
    }

    fn map_start_near(&self, off: usize, hint: &mut usize) -> usize {
        if self.segs.is_empty() {
            return 0;
        }
        if off >= self.dst_len {
            let last = self.segs.last().unwrap();
            return last.src + last.src_len;
        }
        let k = self.partition_near(hint, |s| s.dst <= off).saturating_sub(1);
        let s = self.segs[k];
        if s.copy {
            s.src + (off - s.dst).min(s.src_len)
        } else {
            s.src
        }
    }

    fn map_end_near(&self, off: usize, hint: &mut usize) -> usize {
        if self.segs.is_empty() {
            return 0;
        }
        if off == 0 {
            return self.segs[0].src;
        }
        let off = off.min(self.dst_len);
        let k = self.partition_near(hint, |s| s.dst < off).saturating_sub(1);
        let s = self.segs[k];
        if s.copy {
            s.src + (off - s.dst).min(s.src_len)
        } else {
            s.src + s.src_len
        }
    }

    /// `self` maps C → B and `inner` maps B → A: returns C → A.
    pub fn compose(&self, inner: &OffsetMap) -> OffsetMap {
        let mut segs: Vec<Seg> = Vec::with_capacity(self.segs.len() + inner.segs.len());
        let push = |segs: &mut Vec<Seg>, s: Seg| {
            if let Some(last) = segs.last_mut() {
                if last.copy
                    && s.copy
                    && last.dst + last.dst_len == s.dst
                    && last.src + last.src_len == s.src
                {
                    last.dst_len += s.dst_len;
                    last.src_len += s.src_len;
                    return;
                }
            }
            segs.push(s);
        };
        for s in &self.segs {
            if !s.copy {
                let a0 = inner.map_start(s.src);
                let a1 = if s.src_len == 0 { a0 } else { inner.map_end(s.src + s.src_len).max(a0) };
                push(&mut segs, Seg { dst: s.dst, dst_len: s.dst_len, src: a0, src_len: a1 - a0, copy: false });
                continue;
            }
            let (y0, y1) = (s.src, s.src + s.src_len);
            let mut k = inner.segs.partition_point(|t| t.dst <= y0).saturating_sub(1);
            while k < inner.segs.len() {
                let t = inner.segs[k];
                if t.dst >= y1 {
                    break;
                }
                let i0 = y0.max(t.dst);
                let i1 = y1.min(t.dst + t.dst_len);
                if i1 > i0 {
                    let dst = s.dst + (i0 - y0);
                    if t.copy {
                        push(&mut segs, Seg { dst, dst_len: i1 - i0, src: t.src + (i0 - t.dst), src_len: i1 - i0, copy: true });
                    } else {
                        push(&mut segs, Seg { dst, dst_len: i1 - i0, src: t.src, src_len: t.src_len, copy: false });
                    }
                }
                k += 1;
            }
        }
        OffsetMap { segs, dst_len: self.dst_len, src_len: inner.src_len }
    }
}

/// Writes a derived text while recording where each piece came from.
#[derive(Debug, Default)]
pub struct MapBuilder {
    out: String,
    segs: Vec<Seg>,
    src_len: usize,
}

impl MapBuilder {
    pub fn with_capacity(n: usize) -> Self {
        MapBuilder { out: String::with_capacity(n), segs: Vec::new(), src_len: 0 }
    }

    /// The derived text written so far.
    pub fn text(&self) -> &str {
        &self.out
    }

    /// Copies `src[range]` verbatim (`piece` must equal that slice).
    pub fn copy(&mut self, src_start: usize, piece: &str) {
        if piece.is_empty() {
            return;
        }
        let dst = self.out.len();
        self.out.push_str(piece);
        let n = piece.len();
        self.src_len = self.src_len.max(src_start + n);
        if let Some(last) = self.segs.last_mut() {
            if last.copy && last.dst + last.dst_len == dst && last.src + last.src_len == src_start {
                last.dst_len += n;
                last.src_len += n;
                return;
            }
        }
        self.segs.push(Seg { dst, dst_len: n, src: src_start, src_len: n, copy: true });
    }

    /// Writes `new` in place of `src_start..src_end` (empty `new` = deletion).
    pub fn replace(&mut self, src_start: usize, src_end: usize, new: &str) {
        self.src_len = self.src_len.max(src_end);
        if new.is_empty() {
            return;
        }
        let dst = self.out.len();
        self.out.push_str(new);
        self.segs.push(Seg { dst, dst_len: new.len(), src: src_start, src_len: src_end - src_start, copy: false });
    }

    /// Pushes one char that replaces `src_start..src_end`.
    pub fn replace_char(&mut self, src_start: usize, src_end: usize, c: char) {
        let mut buf = [0u8; 4];
        self.replace(src_start, src_end, c.encode_utf8(&mut buf));
    }

    /// Removes the last char written if it is `c` (its piece is dropped or shortened).
    pub fn pop_char_if(&mut self, c: char) -> bool {
        if !self.out.ends_with(c) {
            return false;
        }
        let n = c.len_utf8();
        self.out.truncate(self.out.len() - n);
        if let Some(last) = self.segs.last_mut() {
            if last.dst_len > n {
                last.dst_len -= n;
                if last.copy {
                    last.src_len -= n;
                }
            } else {
                self.segs.pop();
            }
        }
        true
    }

    pub fn finish(self, src_len: usize) -> (String, OffsetMap) {
        let dst_len = self.out.len();
        (self.out, OffsetMap { segs: self.segs, dst_len, src_len: src_len.max(self.src_len) })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_round_trip() {
        let t = "ab各位😀代表：2024年".repeat(50);
        let ix = Utf16Index::new(&t);
        assert_eq!(ix.len_utf16(), t.encode_utf16().count());
        for (b, _) in t.char_indices() {
            let u = ix.byte_to_utf16(&t, b);
            assert_eq!(u, t[..b].encode_utf16().count());
            assert_eq!(ix.utf16_to_byte(&t, u), b);
        }
        assert_eq!(ix.byte_to_utf16(&t, t.len()), ix.len_utf16());
    }

    #[test]
    fn near_lookups_agree() {
        // many pieces: copies, replacements, deletions
        let mut b = MapBuilder::default();
        let mut src = 0;
        for k in 0..300usize {
            match k % 4 {
                0 => b.copy(src, &"x".repeat(1 + k % 7)),
                1 => b.replace(src, src + 3, "y"),
                2 => b.replace(src, src + 2, ""),
                _ => b.replace(src, src + 1, "zz"),
            }
            src += [1 + k % 7, 3, 2, 1][k % 4];
        }
        let (out, m) = b.finish(src);
        let n = out.len();
        let mut hint = 0;
        let mut x = 12345usize;
        for k in 0..5000usize {
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            // mostly forward, sometimes back, sometimes far
            let a = match k % 5 {
                0 => (x >> 33) % (n + 3),
                _ => (k * n / 5000 + (x >> 40) % 9).min(n + 2),
            };
            let e = (a + (x >> 20) % 40).min(n + 5);
            let sp = Span::new(a, e);
            assert_eq!(m.map_span_near(sp, &mut hint), m.map_span(sp), "{a}..{e}");
        }
    }

    #[test]
    fn builder_and_compose() {
        let src = "a１b  c";
        let mut b = MapBuilder::default();
        b.copy(0, "a");
        b.replace_char(1, 4, '1');
        b.copy(4, "b");
        b.replace(5, 7, "");
        b.copy(7, "c");
        let (out, m) = b.finish(src.len());
        assert_eq!(out, "a1bc");
        assert_eq!(m.map_span(Span::new(1, 2)), Span::new(1, 4));
        assert_eq!(m.map_span(Span::new(3, 4)), Span::new(7, 8));
        assert_eq!(&src[m.map_span(Span::new(0, 4)).start..m.map_span(Span::new(0, 4)).end], src);
        // compose with a second stage: "a1bc" -> "1bc"
        let mut b2 = MapBuilder::default();
        b2.replace(0, 1, "");
        b2.copy(1, "1bc");
        let (out2, m2) = b2.finish(out.len());
        assert_eq!(out2, "1bc");
        // the hinted lookups agree with the plain ones, in any order
        let mut hint = 0;
        for (a, b) in [(0, 4), (1, 2), (3, 4), (0, 0), (2, 2), (4, 4), (0, 1), (9, 12), (1, 3)] {
            assert_eq!(m.map_span_near(Span::new(a, b), &mut hint), m.map_span(Span::new(a, b)), "{a}..{b}");
        }
        let c = m2.compose(&m);
        assert_eq!(c.map_span(Span::new(0, 1)), Span::new(1, 4));
        assert_eq!(c.map_span(Span::new(2, 3)), Span::new(7, 8));
    }
}
