//! Decoded text → display text: unify line ends, drop HTML comments and web page
//! furniture, turn literal escapes (`<U+00A0>`) and lost-space `?` back into
//! spaces, keep one of several duplicate copies, collapse blank lines.
//!
//! Original characters are kept otherwise (full-width digits stay). Every step is
//! logged as a [`CleanStep`]; the result carries an [`OffsetMap`] display → decoded.
//! Everything is linear in the input size.

use std::collections::HashMap;
use std::hash::Hasher;

use super::lanes::{self, plain_until, special_ascii, CHUNK};
use super::model::CleanStep;
use super::span::{MapBuilder, OffsetMap};

/// The display text and how it was obtained.
#[derive(Clone, Debug)]
pub struct Cleaned {
    pub text: String,
    /// Display text → decoded original text.
    pub map: OffsetMap,
    pub steps: Vec<CleanStep>,
    pub copies: usize,
}

/// Whitespace as it appears in these reports (ASCII, NBSP, ideographic, EN/EM spaces…), not `\n`.
pub fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

/// Invisible characters dropped in analysis text (ZWSP, ZWNJ, ZWJ, word joiner, BOM).
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

fn is_cjkish(c: char) -> bool {
    !c.is_ascii() && !is_space(c) && !is_invisible(c)
}

#[derive(Default)]
struct Counts {
    line_endings: usize,
    comments: usize,
    escapes: usize,
    lost_spaces: usize,
    controls: usize,
    furniture: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.line_endings += o.line_endings;
        self.comments += o.comments;
        self.escapes += o.escapes;
        self.lost_spaces += o.lost_spaces;
        self.controls += o.controls;
        self.furniture += o.furniture;
    }
}

/// Parses `<U+XXXX>` at the start of `s`; returns (len, char).
fn scan_escape(s: &str) -> Option<(usize, char)> {
    let b = s.as_bytes();
    if !s.starts_with("<U+") && !s.starts_with("<u+") {
        return None;
    }
    let mut i = 3;
    while i < b.len() && i < 9 && b[i].is_ascii_hexdigit() {
        i += 1;
    }
    if i < 7 || i >= b.len() || b[i] != b'>' {
        return None;
    }
    let v = u32::from_str_radix(&s[3..i], 16).ok()?;
    let c = char::from_u32(v)?;
    Some((i + 1, c))
}

/// Bytes stage A acts on (everything else is copied as it is).
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    while k < 256 {
        t[k] = matches!(k as u8, b'\r' | b'<' | b'?' | 0..=8 | 0x0E..=0x1F | 0x7F | 0xEF);
        k += 1;
    }
    t
};

/// Whether stage A would leave `s` exactly as it is: it acts only at the bytes of
/// [`SPECIAL`], and at an EF byte only when it starts U+FEFF; with none of those every
/// byte is copied verbatim, no count moves and the map is the identity.
fn stage_a_is_identity(s: &str) -> bool {
    let b = s.as_bytes();
    let whole = b.len() - b.len() % CHUNK;
    plain_until(b, 0, whole) == whole
        && !b[whole..].iter().any(|&x| special_ascii(x))
        && memchr::memmem::find(b, "\u{FEFF}".as_bytes()).is_none()
}

/// Stage A: character-level fixes over the whole decoded text.
fn stage_a(src: &str, n: &mut Counts) -> (String, OffsetMap) {
    let mut b = MapBuilder::with_capacity(src.len());
    let bytes = src.as_bytes();
    let mut i = 0;
    let mut run_start = 0; // start of the pending verbatim run
    let mut no_closer = false; // no `-->` after some point: do not search again
    // Next U+FEFF at or after `i` (bytes.len() when none): chunk skipping stops there.
    let bom_finder = memchr::memmem::Finder::new("\u{FEFF}".as_bytes());
    let find_bom = |from: usize| bom_finder.find(&bytes[from..]).map_or(bytes.len(), |k| from + k);
    let mut bom = find_bom(0);
    macro_rules! flush {
        ($upto:expr) => {
            if run_start < $upto {
                b.copy(run_start, &src[run_start..$upto]);
            }
        };
    }
    while i < bytes.len() {
        let c = bytes[i];
        if !SPECIAL[c as usize] {
            i += 1;
            if bom < i {
                bom = find_bom(i);
            }
            i = plain_until(bytes, i, bom);
            continue;
        }
        match c {
            b'\r' => {
                flush!(i);
                let mut j = i;
                while j < bytes.len() && bytes[j] == b'\r' {
                    j += 1;
                }
                if j < bytes.len() && bytes[j] == b'\n' {
                    j += 1;
                    b.replace(i, j, "\n");
                    n.line_endings += 1;
                } else {
                    // lone CRs: each is a line break
                    for k in i..j {
                        b.replace(k, k + 1, "\n");
                        n.line_endings += 1;
                    }
                }
                i = j;
                run_start = i;
            }
            b'<' if src[i..].starts_with("<!--") => {
                flush!(i);
                let found = if no_closer { None } else { memchr::memmem::find(&bytes[i + 4..], b"-->") };
                no_closer = found.is_none();
                let end = match found {
                    Some(k) => i + 4 + k + 3,
                    None => memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |k| i + k),
                };
                b.replace(i, end, "");
                n.comments += 1;
                i = end;
                run_start = i;
            }
            b'<' => match scan_escape(&src[i..]) {
                Some((len, ch)) if (ch as u32) >= 0xA0 || is_space(ch) => {
                    flush!(i);
                    if ch == '\u{A0}' || is_space(ch) {
                        b.replace(i, i + len, " ");
                    } else if is_invisible(ch) {
                        b.replace(i, i + len, "");
                    } else {
                        b.replace_char(i, i + len, ch);
                    }
                    n.escapes += 1;
                    i += len;
                    run_start = i;
                }
                _ => i += 1,
            },
            b'?' => {
                let prev = {
                    flush!(i);
                    run_start = i;
                    b.text().chars().next_back()
                };
                // what follows once comments and escapes are resolved
                let skip_comment = |k: usize| -> Option<usize> {
                    if !no_closer && src[k..].starts_with("<!--") {
                        memchr::memmem::find(&bytes[k + 4..], b"-->").map(|e| k + 4 + e + 3)
                    } else {
                        None
                    }
                };
                let mut k = i + 1;
                while let Some(e) = skip_comment(k) {
                    k = e;
                }
                let mut next = src[k..].chars().next();
                if let Some((_, ch)) = scan_escape(&src[k..]).filter(|(_, ch)| (*ch as u32) >= 0xA0) {
                    next = Some(if is_space(ch) { ' ' } else { ch });
                }
                // end of line after spaces, space escapes and comments?
                let mut k2 = k;
                loop {
                    if let Some(e) = skip_comment(k2) {
                        k2 = e;
                    } else if let Some((len, ch)) = scan_escape(&src[k2..]).filter(|(_, ch)| is_space(*ch) || is_invisible(*ch) || *ch == '\u{A0}') {
                        let _ = ch;
                        k2 += len;
                    } else if let Some(c) = src[k2..].chars().next().filter(|&c| is_space(c) || is_invisible(c)) {
                        k2 += c.len_utf8();
                    } else {
                        break;
                    }
                }
                if src[k2..].is_empty() || src[k2..].starts_with(['\n', '\r']) {
                    next = Some('\n');
                }
                let prev_ok = prev.is_some_and(is_cjkish);
                match next {
                    Some(nc) if prev_ok && is_cjkish(nc) => {
                        b.replace(i, i + 1, " ");
                        n.lost_spaces += 1;
                        run_start = i + 1;
                    }
                    None | Some('\n') | Some('\r') if prev_ok => {
                        b.replace(i, i + 1, "");
                        n.lost_spaces += 1;
                        run_start = i + 1;
                    }
                    _ => {}
                }
                i += 1;
            }
            0..=8 | 0x0E..=0x1F | 0x7F => {
                flush!(i);
                b.replace(i, i + 1, "");
                n.controls += 1;
                i += 1;
                run_start = i;
            }
            0xEF if src[i..].starts_with('\u{FEFF}') => {
                flush!(i);
                b.replace(i, i + 3, "");
                i += 3;
                run_start = i;
            }
            _ => i += 1,
        }
    }
    flush!(bytes.len());
    b.finish(src.len())
}

/// Line ranges (without the `\n`).
fn lines(s: &str) -> Vec<(usize, usize)> {
    let mut v = Vec::with_capacity(s.len() / 40 + 1);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', s.as_bytes()) {
        v.push((start, i));
        start = i + 1;
    }
    v.push((start, s.len()));
    v
}

/// Line content without any whitespace: the key for duplicate detection.
fn visible(line: &str) -> impl Iterator<Item = char> + '_ {
    line.chars().filter(|&c| is_visible(c))
}

/// Neither [`is_space`] nor [`is_invisible`]; CJK text (from U+3001, not U+FEFF) at once.
#[inline]
fn is_visible(c: char) -> bool {
    if c > '\u{3000}' {
        c != '\u{FEFF}'
    } else {
        !is_space(c) && !is_invisible(c)
    }
}

/// Offsets of `【` (E3 80 90) in `s`, in order (a substring search: its lead byte E3
/// also leads `、。《》`, so a search for that byte alone stops at nearly every clause).
#[inline]
fn lenticulars(s: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memmem::find_iter(s.as_bytes(), "【".as_bytes())
}

/// Byte offset of the first `【` in `s`.
#[inline]
fn find_lenticular(s: &str) -> Option<usize> {
    lenticulars(s).next()
}

/// Offset of the first invisible char (see [`lanes::starts_invisible`]) at or after
/// `from`, and its length in bytes.
fn next_invisible(line: &[u8], from: usize) -> Option<(usize, usize)> {
    let k = lanes::next_invisible_start(line, from)?;
    let len = match line[k] {
        x if x < 0x80 => 1,
        0xC2 => 2,
        _ => 3,
    };
    Some((k, len))
}

/// FxHash-style hash of a byte stream fed in pieces, 8 bytes (little-endian) to a
/// multiply: the pieces' boundaries do not change the result.
#[derive(Default)]
struct StreamHash {
    h: u64,
    /// Bytes not yet mixed in (fewer than 8), packed from the low end.
    pending: u64,
    npending: u32,
    len: u64,
}

impl StreamHash {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    #[inline]
    fn mix(&mut self, v: u64) {
        self.h = (self.h.rotate_left(5) ^ v).wrapping_mul(Self::K);
    }

    fn feed(&mut self, mut s: &[u8]) {
        self.len += s.len() as u64;
        while self.npending != 0 {
            let Some((&x, rest)) = s.split_first() else { return };
            self.pending |= u64::from(x) << (8 * self.npending);
            self.npending += 1;
            s = rest;
            if self.npending == 8 {
                let v = self.pending;
                self.mix(v);
                self.pending = 0;
                self.npending = 0;
            }
        }
        let mut words = s.chunks_exact(8);
        for w in &mut words {
            self.mix(u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]));
        }
        for (k, &x) in words.remainder().iter().enumerate() {
            self.pending |= u64::from(x) << (8 * k);
        }
        self.npending = words.remainder().len() as u32;
    }

    fn finish(mut self) -> u64 {
        let (v, len) = (self.pending, self.len);
        self.mix(v);
        // the length tells zero padding from bytes
        self.mix(len);
        self.h
    }
}

/// A fast 64-bit hash of a line's visible characters (FxHash-style: duplicate
/// detection needs speed, not resistance to crafted collisions) and their count.
///
/// The hash is of the UTF-8 bytes of the visible chars: the runs between invisible
/// chars are fed to a [`StreamHash`] as they are. Only equality of keys matters (which
/// lines repeat), never their values.
fn line_key(line: &str) -> (u64, usize) {
    let b = line.as_bytes();
    let mut hash = StreamHash::default();
    // chars: bytes that are not UTF-8 continuation bytes, less the invisible ones
    let mut n = lanes::count_chars(b);
    let mut from = 0;
    while let Some((k, len)) = next_invisible(b, from) {
        hash.feed(&b[from..k]);
        n -= 1;
        from = k + len;
    }
    hash.feed(&b[from..]);
    if n == 0 {
        return (0, 0);
    }
    (hash.finish() | 1, n)
}

/// [`line_key`] of every line `ls` of `s`: the hash for [`find_copies`], and the count
/// of visible chars that [`classify`] judges a line by.
fn line_keys(s: &str, ls: &[(usize, usize)]) -> Vec<(u64, usize)> {
    let pieces = super::par::pieces_for(s.len());
    if pieces <= 1 {
        return ls.iter().map(|&(a, b)| line_key(&s[a..b])).collect();
    }
    let mut keys = vec![(0, 0); ls.len()];
    super::par::for_parts(&mut keys, pieces, &|start, part| {
        for (key, &(a, b)) in part.iter_mut().zip(&ls[start..]) {
            *key = line_key(&s[a..b]);
        }
    });
    keys
}

/// Line ranges and their [`line_keys`].
type LinesAndKeys = (Vec<(usize, usize)>, Vec<(u64, usize)>);

/// The lines of `s` and their [`line_keys`]. A text that is one block written several
/// times over, byte for byte (a report saved again and again into one file), has the
/// block's keys hashed once and repeated: its lines are the block's, shifted.
fn lines_and_keys(s: &str) -> LinesAndKeys {
    let ls = lines(s);
    let Some(p) = exact_period(s.as_bytes()) else {
        let keys = line_keys(s, &ls);
        return (ls, keys);
    };
    // the block ends with a line break: its lines are those that start before `p`
    let m = ls.partition_point(|&(a, _)| a < p);
    let block = line_keys(s, &ls[..m]);
    let mut keys = Vec::with_capacity(ls.len());
    while keys.len() + m < ls.len() {
        keys.extend_from_slice(&block);
    }
    // what follows the last copy (the empty line after its final line break)
    keys.extend(ls[keys.len()..].iter().map(|&(a, b)| line_key(&s[a..b])));
    (ls, keys)
}

/// The length `p` of a block that `b` is written out of, whole, two or more times
/// (`b[i] == b[i + p]` throughout), when the block ends with a line break. Found from
/// where the first line starts again; a text too short to gain from it has none.
fn exact_period(b: &[u8]) -> Option<usize> {
    const MIN: usize = 16 * 1024;
    if b.len() < MIN {
        return None;
    }
    let first = &b[..memchr::memchr(b'\n', b)? + 1];
    let finder = memchr::memmem::Finder::new(first);
    let mut from = first.len();
    // a first line that recurs inside the block: try the next few places it starts a line
    for _ in 0..4 {
        let q = from + finder.find(&b[from..])?;
        if b[q - 1] == b'\n' && b.len() % q == 0 && b[q..] == b[..b.len() - q] {
            return Some(q);
        }
        from = q + 1;
    }
    None
}

/// Keys are already hashes: the map uses them as they are.
#[derive(Default, Clone, Copy)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) | u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

impl std::hash::BuildHasher for KeyHasher {
    type Hasher = KeyHasher;
    fn build_hasher(&self) -> KeyHasher {
        KeyHasher(0)
    }
}

/// Finds whether the text is N copies of one report; returns (N, byte offset where copy 2 starts).
///
/// `keys` are the lines' [`line_keys`].
fn find_copies(ls: &[(usize, usize)], keys: &[(u64, usize)]) -> Option<(usize, usize)> {
    const LONG: usize = 12;
    let mut counts: HashMap<u64, u32, KeyHasher> = HashMap::default();
    for &(k, n) in keys {
        if n >= LONG {
            *counts.entry(k).or_default() += 1;
        }
    }
    let mut weight: super::fxhash::FxHashMap<u32, usize> = Default::default();
    let mut total = 0usize;
    for &(k, n) in keys {
        if n >= LONG {
            *weight.entry(counts[&k]).or_default() += n;
            total += n;
        }
    }
    let (&copies, &w) = weight.iter().max_by_key(|(c, w)| (**w, std::cmp::Reverse(**c)))?;
    if copies < 2 || w * 10 < total * 6 {
        return None;
    }
    // most distinct long lines must be repeated that often, and there must be a few
    let distinct = counts.len();
    let repeated = counts.values().filter(|&&c| c == copies).count();
    if repeated < 3 || repeated * 2 < distinct {
        return None;
    }
    // Lines of the repeated block (count == copies): need a few of them.
    let l0 = keys.iter().position(|&(k, n)| n >= LONG && counts[&k] == copies as u32)?;
    let key0 = keys[l0].0;
    let o2 = (l0 + 1..keys.len()).find(|&j| keys[j].0 == key0)?;
    let (mut i, mut j) = (l0, o2);
    loop {
        let pi = (0..i).rev().find(|&x| keys[x].0 != 0);
        let pj = (l0 + 1..j).rev().find(|&x| keys[x].0 != 0);
        match (pi, pj) {
            (Some(a), Some(b)) if keys[a].0 == keys[b].0 => {
                i = a;
                j = b;
            }
            _ => break,
        }
    }
    Some((copies as usize, ls[j].0))
}

const FURNITURE_WORDS: [&str; 12] = [
    "字体", "打印", "关闭", "E-mail", "e-mail", "推荐", "收藏", "大中小", "返回顶部", "分享", "纠错", "保存",
];

fn is_furniture_token(content: &str) -> bool {
    let v: String = visible(content).collect();
    v.chars().count() <= 16 && FURNITURE_WORDS.iter().any(|w| v.contains(w))
}

/// Byte ranges of `【…】` furniture tokens in a line.
fn furniture_tokens(line: &str) -> Vec<(usize, usize)> {
    let mut v = Vec::new();
    let mut from = 0;
    while let Some(k) = find_lenticular(&line[from..]) {
        let a = from + k;
        let after = a + '【'.len_utf8();
        let close = line[after..].char_indices().take(20).find(|&(_, c)| c == '】' || c == '【');
        match close {
            Some((e, '】')) if is_furniture_token(&line[after..after + e]) => {
                let end = after + e + '】'.len_utf8();
                v.push((a, end));
                from = end;
            }
            _ => from = after,
        }
    }
    v
}

/// What a line is, for stage B.
#[derive(PartialEq, Eq, Debug)]
enum LineKind {
    Blank,
    /// Furniture; `true` when it leaves a bracket open (the next line may be `）`/`】`).
    Furniture(bool),
    Text,
}

/// Starts of furniture lines (their visible chars), at most [`HEAD_CHARS`] chars each.
const FURNITURE_STARTS: [&str; 6] = ["当前位置", "来源：", "来源:", "（责任编辑", "(责任编辑", "责任编辑"];
const HEAD_CHARS: usize = 5;

/// What a line is; `lenticular`: whether it holds a `【` (found once for the whole text
/// by [`stage_b`]); `nvis`: its count of visible chars (from its [`line_key`]).
fn classify(line: &str, lenticular: bool, nvis: usize) -> LineKind {
    if nvis == 0 {
        return LineKind::Blank;
    }
    // Fast path for body text: no `【`, not starting like a furniture line (当前位置,
    // 来源, 责任编辑, （责任编辑), and either more than 80 visible chars or no `源` at all
    // (so no 来源 anywhere): none of the rules below can apply (with no `【` there is no
    // token to cut out, so the visible chars are what they judge).
    if !lenticular {
        let mut head = ['\0'; HEAD_CHARS];
        for (slot, c) in head.iter_mut().zip(visible(line)) {
            *slot = c;
        }
        let starts = |p: &str| p.chars().count() <= nvis.min(HEAD_CHARS) && p.chars().zip(head).all(|(a, b)| a == b);
        if !FURNITURE_STARTS.iter().any(|p| starts(p))
            && (nvis > 80 || memchr::memmem::find(line.as_bytes(), "源".as_bytes()).is_none())
        {
            return LineKind::Text;
        }
    }
    let v0: String = visible(line).collect();
    if v0.is_empty() {
        return LineKind::Blank;
    }
    // judge the line without its inline furniture tokens (with no `【`, there is none)
    let v: std::borrow::Cow<'_, str> = if lenticular {
        let mut v = String::with_capacity(v0.len());
        let mut from = 0;
        for (a, e) in furniture_tokens(&v0) {
            v.push_str(&v0[from..a]);
            from = e;
        }
        v.push_str(&v0[from..]);
        v.into()
    } else {
        v0.as_str().into()
    };
    if v.is_empty() {
        return LineKind::Furniture(false);
    }
    let nchars = v.chars().count();
    if v.starts_with("当前位置") {
        return LineKind::Furniture(false);
    }
    if v.starts_with("来源：") || v.starts_with("来源:") {
        return LineKind::Furniture(false);
    }
    if nchars <= 80 && (v.contains("来源：") || v.contains("来源:")) && (v.contains("www.") || v.contains("网") || v.contains("发布") || v.contains("时间")) {
        return LineKind::Furniture(false);
    }
    if v.starts_with("（责任编辑") || v.starts_with("(责任编辑") || v.starts_with("责任编辑") {
        let open = (v.contains('（') && !v.contains('）')) || (v.contains('(') && !v.contains(')'));
        return LineKind::Furniture(open);
    }
    if v.starts_with('【') && !v.contains('】') && nchars <= 16 && is_furniture_token(&v) {
        return LineKind::Furniture(true);
    }
    LineKind::Text
}

fn step(kind: &str, count: usize, detail: String) -> CleanStep {
    CleanStep { kind: kind.to_string(), count, detail }
}

/// Where stage B writes: a [`MapBuilder`] (the text and its map), or a [`SameCheck`]
/// that only tells whether the output would equal the input.
trait Sink {
    fn text(&self) -> &str;
    fn copy(&mut self, src_start: usize, piece: &str);
    fn replace(&mut self, src_start: usize, src_end: usize, new: &str);
    fn pop_char_if(&mut self, c: char) -> bool;
    /// The output can no longer be what the caller wants (stop early).
    fn done(&self) -> bool {
        false
    }
}

impl Sink for MapBuilder {
    #[inline]
    fn text(&self) -> &str {
        MapBuilder::text(self)
    }
    #[inline]
    fn copy(&mut self, src_start: usize, piece: &str) {
        MapBuilder::copy(self, src_start, piece)
    }
    #[inline]
    fn replace(&mut self, src_start: usize, src_end: usize, new: &str) {
        MapBuilder::replace(self, src_start, src_end, new)
    }
    #[inline]
    fn pop_char_if(&mut self, c: char) -> bool {
        MapBuilder::pop_char_if(self, c)
    }
}

/// A [`Sink`] that writes nothing: it follows the output as a prefix of the input
/// `src` (`src[..len]`) as long as every piece written matches, so stage B over a text
/// it leaves unchanged costs no copy of it.
struct SameCheck<'s> {
    src: &'s str,
    len: usize,
    same: bool,
}

impl SameCheck<'_> {
    #[inline]
    fn push(&mut self, piece: &str) {
        if self.same && self.src.as_bytes().get(self.len..).is_some_and(|r| r.starts_with(piece.as_bytes())) {
            self.len += piece.len();
        } else {
            self.same = false;
        }
    }
}

impl Sink for SameCheck<'_> {
    #[inline]
    fn text(&self) -> &str {
        self.src.get(..self.len).unwrap_or("")
    }
    #[inline]
    fn copy(&mut self, src_start: usize, piece: &str) {
        if src_start == self.len && self.same {
            // `piece` is `src[src_start..]`'s start: the output stays the input's prefix
            self.len += piece.len();
        } else if !piece.is_empty() {
            self.push(piece);
        }
    }
    #[inline]
    fn replace(&mut self, _src_start: usize, _src_end: usize, new: &str) {
        if !new.is_empty() {
            self.push(new);
        }
    }
    #[inline]
    fn pop_char_if(&mut self, c: char) -> bool {
        if !self.same || !self.text().ends_with(c) {
            return false;
        }
        self.len -= c.len_utf8();
        true
    }
    fn done(&self) -> bool {
        !self.same
    }
}

/// Stage B: line-level fixes over the stage-A text.
fn stage_b(s: &str, n: &mut Counts) -> (String, OffsetMap, usize) {
    let (ls, keys) = lines_and_keys(s);
    let (copies, cut) = find_copies(&ls, &keys).unwrap_or((1, s.len()));
    let mut b = MapBuilder::with_capacity(cut);
    stage_b_into(s, &ls, &keys, cut, &mut b, n);
    let (t, m) = b.finish(s.len());
    (t, m, copies)
}

/// Whether [`stage_b`] would give `s` back unchanged (`stage_b(s).0 == s`), without
/// writing its output.
fn stage_b_keeps(s: &str) -> bool {
    let (ls, keys) = lines_and_keys(s);
    let cut = find_copies(&ls, &keys).map_or(s.len(), |(_, cut)| cut);
    let mut b = SameCheck { src: s, len: 0, same: true };
    stage_b_into(s, &ls, &keys, cut, &mut b, &mut Counts::default());
    b.same && b.len == s.len()
}

/// The line loop of stage B over `s` (lines `ls` with their [`line_keys`], cut at
/// `cut`), written to `b`.
fn stage_b_into<B: Sink>(s: &str, ls: &[(usize, usize)], keys: &[(u64, usize)], cut: usize, b: &mut B, n: &mut Counts) {
    let mut pending_blank = false;
    let mut open_bracket = false;
    // Every `【` of the text, met in order (a line without one has no furniture token).
    let mut lenticulars = lenticulars(s).peekable();
    for (&(a, e), &(_, nvis)) in ls.iter().zip(keys) {
        if a > cut || (a == cut && cut < s.len()) || b.done() {
            break;
        }
        let e = e.min(cut);
        let line = &s[a..e];
        while lenticulars.next_if(|&k| k < a).is_some() {}
        let lenticular = lenticulars.peek().is_some_and(|&k| k + '【'.len_utf8() <= e);
        let kind = classify(line, lenticular, nvis);
        if open_bracket {
            open_bracket = false;
            let v: String = visible(line).collect();
            if v == "）" || v == ")" || v == "】" {
                n.furniture += 1;
                continue;
            }
        }
        match kind {
            LineKind::Blank => {
                pending_blank = true;
                continue;
            }
            LineKind::Furniture(open) => {
                n.furniture += 1;
                open_bracket = open;
                continue;
            }
            LineKind::Text => {}
        }
        if !b.text().is_empty() {
            b.replace(a, a, if pending_blank { "\n\n" } else { "\n" });
        }
        pending_blank = false;
        let mut from = 0;
        let tokens = if lenticular { furniture_tokens(line) } else { Vec::new() };
        for (ta, te) in tokens {
            b.copy(a + from, &line[from..ta]);
            b.replace(a + ta, a + te, "");
            n.furniture += 1;
            from = te;
        }
        // trailing whitespace of a line is dropped
        let rest = &line[from..];
        let trimmed = rest.trim_end_matches(is_space);
        b.copy(a + from, trimmed);
        if trimmed.len() < rest.len() {
            b.replace(a + from + trimmed.len(), a + from + rest.len(), "");
        }
        // spaces left before a removed token at the end of the line
        while let Some(c) = b.text().chars().next_back() {
            if is_space(c) && b.pop_char_if(c) {
                continue;
            }
            break;
        }
    }
}

/// Passes of [`clean`] at most (the first does nearly all the work).
const MAX_PASSES: usize = 4;

/// Cleans a decoded text into the display text.
///
/// Idempotent: removing a copy or web furniture can leave text that a second look would
/// clean further (a copy that only matches once its neighbour is gone), so the passes
/// repeat until nothing changes — at most [`MAX_PASSES`], each linear in the text.
pub fn clean(decoded: &str) -> Cleaned {
    let mut n = Counts::default();
    // Stage A would copy a text with nothing to fix as it is (one verbatim piece: the
    // identity map, no count moved): then stage B reads the decoded text directly.
    let a_identity = stage_a_is_identity(decoded);
    let (s2, map_a) = if a_identity {
        (std::borrow::Cow::Borrowed(decoded), OffsetMap::identity(decoded.len()))
    } else {
        let (s2, map_a) = stage_a(decoded, &mut n);
        (std::borrow::Cow::Owned(s2), map_a)
    };
    let (mut text, map_b, mut copies) = stage_b(&s2, &mut n);
    // Stage A leaves its own output as it is, and stage B removed no copy and no
    // furniture: it only trimmed line ends and collapsed blank lines. Its output has
    // the same lines with the same visible chars (so the same kinds and line keys) and
    // one blank line where there were several, so a second pass would leave it as it
    // is (the check below would hold) and is skipped.
    let settled = copies == 1 && n.furniture == 0 && (a_identity || stage_a_is_identity(&s2));
    drop(s2);
    debug_assert!(!settled || (stage_a_is_identity(&text) && stage_b_keeps(&text)));
    let mut map = map_b.compose(&map_a);
    for _ in 1..MAX_PASSES {
        if settled {
            break;
        }
        let mut more = Counts::default();
        // Most texts need no character fix the second time: stage A would copy the
        // text as it is (and log nothing), so stage B reads it directly.
        if stage_a_is_identity(&text) && stage_b_keeps(&text) {
            break;
        }
        let (s2, map_a) = stage_a(&text, &mut more);
        let (again, map_b, c) = stage_b(&s2, &mut more);
        if again == text {
            break;
        }
        n.add(&more);
        copies += c.saturating_sub(1);
        map = map_b.compose(&map_a).compose(&map);
        text = again;
    }
    let mut steps = Vec::new();
    if copies > 1 {
        steps.push(step("duplicate_copies", copies - 1, format!("删除重复副本 {} 份（原文件含 {} 份相同报告）", copies - 1, copies)));
    }
    if n.comments + n.furniture > 0 {
        steps.push(step(
            "web_furniture",
            n.comments + n.furniture,
            format!("删除网页残留 {} 处（导航、字体/打印/关闭按钮、来源行、HTML 注释）", n.comments + n.furniture),
        ));
    }
    if n.escapes + n.lost_spaces > 0 {
        steps.push(step(
            "escape_text",
            n.escapes + n.lost_spaces,
            format!("还原转义文字 {} 处（如 <U+00A0>）、误作“?”的空格 {} 处", n.escapes, n.lost_spaces),
        ));
    }
    if n.controls > 0 {
        steps.push(step("control_chars", n.controls, format!("删除控制字符 {} 个", n.controls)));
    }
    if n.line_endings > 0 {
        steps.push(step("line_endings", n.line_endings, format!("统一换行符 {} 处（CR/CRLF → LF）", n.line_endings)));
    }
    Cleaned { text, map, steps, copies }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings_and_map() {
        let c = clean("a\r\r\nb\r\nc\rd");
        assert_eq!(c.text, "a\nb\nc\nd");
        assert_eq!(c.steps.iter().find(|s| s.kind == "line_endings").unwrap().count, 3);
        let sp = c.map.map_span(crate::report::Span::new(2, 3));
        assert_eq!(sp, crate::report::Span::new(4, 5));
    }

    #[test]
    fn furniture_and_escapes() {
        let src = "<!--\n  \n-->\n<U+00A0>\n当前位置： 首页>> 中国概况\n【字体：大 中 小】\n中央政府门户网站　www.gov.cn　　 2006年02月16日　　 来源：新华社\n政府工作报告\n国务院总理?李克强\n各位代表：?\n正文【打印本页】【关闭窗口】\n（责任编辑： 郭桢\n）\n【E-mail推荐\n】\n";
        let c = clean(src);
        assert_eq!(c.text, "政府工作报告\n国务院总理 李克强\n各位代表：\n正文");
    }

    #[test]
    fn duplicate_copies() {
        let one = "政府工作报告\n各位代表：\n一、2023年工作回顾\n过去一年，我们坚持稳中求进，经济运行持续回升向好。\n全年地区生产总值增长百分之六，居民收入稳步增加。\n二、2024年工作安排\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。\n各位代表！\n";
        let text = format!("当前位置：首页\n{one}\n\n当前位置：首页\n{one}当前位置：首页\n{one}");
        let c = clean(&text);
        assert_eq!(c.copies, 3);
        assert_eq!(c.text, one.trim_end());
        // partial repetition does not trigger
        let partial = format!("{one}过去一年，我们坚持稳中求进，经济运行持续回升向好。\n");
        assert_eq!(clean(&partial).copies, 1);
    }

    #[test]
    fn a_copy_revealed_by_removing_another_goes_too() {
        // Found by cargo-fuzz (parse_text): cleaning twice removed more than once.
        let bytes: &[u8] = include_bytes!("../../tests/fixtures/fuzz/clean-twice.txt");
        // The fuzzer's string is the input's longest UTF-8 prefix.
        let crash = std::str::from_utf8(bytes)
            .unwrap_or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""));
        assert!(crash.len() > 1000);
        let once = clean(crash).text;
        assert_eq!(clean(&once).text, once);
        // Also found by cargo-fuzz: control characters hid a `?` that stood for a lost space.
        let bytes: &[u8] = include_bytes!("../../tests/fixtures/fuzz/clean-controls.txt");
        let crash = std::str::from_utf8(bytes)
            .unwrap_or_else(|e| std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap_or(""));
        let once = clean(crash).text;
        assert_eq!(clean(&once).text, once);
    }

    #[test]
    fn a_block_written_over_and_over_has_the_keys_of_every_line() {
        let block = "政 府 工 作 报 告\n\n一、2016年工作回顾\n地区生产总值增长8%。\n地区生产总值增长8%。\n\u{200B}城镇新增就业5万人。\n\n";
        let many = |b: &str, n: usize| b.repeat(n);
        for s in [
            many(block, 600),
            // a blank first line; a first line that recurs inside the block
            many(&format!("\n{block}"), 500),
            many(&format!("第一行\n{block}第一行\n"), 400),
            // not whole copies, no closing line break, one copy: no shortcut, the same keys
            format!("{}多一行", many(block, 600)),
            many(block.trim_end(), 600),
            block.repeat(1),
        ] {
            let ls = lines(&s);
            assert_eq!(lines_and_keys(&s), (ls.clone(), line_keys(&s, &ls)));
        }
        assert_eq!(exact_period(many(block, 600).as_bytes()), Some(block.len()));
        assert_eq!(exact_period(format!("第一行\n{block}第一行\n").repeat(400).as_bytes()), Some(block.len() + 2 * "第一行\n".len()));
        assert_eq!(exact_period(format!("{}多一行", many(block, 600)).as_bytes()), None);
    }

    #[test]
    fn line_keys_ignore_invisible_chars() {
        let base = "各位代表：现在，我代表市人民政府向大会报告工作abc123";
        let spaced = "　　各位 代表：现在，\u{200B}我代表市人民政府\u{A0}向大会报告工作 abc123\t\u{FEFF}";
        assert_eq!(line_key(base), line_key(spaced));
        assert_eq!(line_key(base).1, base.chars().count());
        assert_ne!(line_key(base), line_key("各位代表"));
        assert_ne!(line_key("ab"), line_key("ab\0"));
        assert_eq!(line_key(" \u{3000}\u{2009}"), (0, 0));
    }

    #[test]
    fn lenticulars_found_in_order() {
        for n in [0usize, 1, 5, 15, 16, 17, 18, 40] {
            let t = format!("{}【字体】x【{}【【", "。".repeat(n), "a".repeat(n));
            let want: Vec<usize> = t.match_indices('【').map(|(k, _)| k).collect();
            assert_eq!(lenticulars(&t).collect::<Vec<_>>(), want);
        }
    }

    #[test]
    fn stage_a_identity_is_a_plain_copy() {
        for t in ["", "政府工作报告\n一、２０２３年\t工作回顾\n", "a\u{FFFE}b\u{EF}c", "各位代表：\u{3000}\n\n"] {
            assert!(stage_a_is_identity(t));
            let mut n = Counts::default();
            let (out, map) = stage_a(t, &mut n);
            assert_eq!(out, t);
            assert_eq!(map, OffsetMap::identity(t.len()));
            assert_eq!((n.line_endings, n.comments, n.escapes, n.lost_spaces, n.controls, n.furniture), (0, 0, 0, 0, 0, 0));
        }
        for t in ["a\r\nb", "a?b", "<!-- x -->", "\u{FEFF}a", "a\u{1}"] {
            assert!(!stage_a_is_identity(t));
        }
    }

    #[test]
    fn idempotent() {
        let src = "<!-- x -->\r\n\r\n  \n当前位置：x\n政府工作报告\n\n\n\n国务院总理?李克强\n";
        let once = clean(src).text;
        assert_eq!(clean(&once).text, once);
    }
}
