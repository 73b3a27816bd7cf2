//! Display text → analysis text (what the outline and indicator scanners read):
//! full-width digits/letters/`％`/`．`/`：`/`∶` → half-width; `１，９９２` → `1,992`;
//! spaces inside words and numbers (PDF extraction) removed, real separators
//! between Latin words/numbers kept as one space; indentation dropped; page footers
//! (`— 1 —`, `－ 1 －`, `- 12 -`) and footnote markers (`[12]`, `⑷` after a word)
//! removed; a year written in Chinese numerals, as older reports write them
//! (`一九九五年三月五日`, `二〇二〇年`), → `1995年3月5日`, `2020年`. Line breaks are kept.
//! Carries an [`OffsetMap`] analysis → display.

use super::clean::{is_invisible, is_space};
use super::model::CleanStep;
use super::span::{MapBuilder, OffsetMap};

#[derive(Clone, Debug)]
pub struct Normalized {
    pub text: String,
    /// Analysis text → display text.
    pub map: OffsetMap,
    /// Analysis offsets where whitespace between two chars of a line was removed
    /// (PDF line breaks; a heading may end there). Sorted.
    pub soft_breaks: Vec<usize>,
    pub steps: Vec<CleanStep>,
}

/// A Chinese numeral digit of a year (`〇`/`零` … `九`).
fn cn_year_digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        _ => "一二三四五六七八九".chars().position(|d| d == c).map(|k| k as u32 + 1),
    }
}

/// A Chinese numeral from 1 to 31 at the start of `s` (`五`, `十二`, `三十一`): (value,
/// byte length), by the outline's numeral scanner.
fn cn_small(s: &str) -> Option<(u32, usize)> {
    super::outline::cn_numeral(s).filter(|&(v, _)| (1..=31).contains(&v))
}

/// A year in Chinese numerals at the start of `s`, with the month and day that may
/// follow it: `一九九五年三月五日` → (its byte length, `1995年3月5日`); `二〇二〇年` →
/// `2020年`. Years 1900–2100 only: four numerals then `年`.
pub fn scan_cn_date(s: &str) -> Option<(usize, String)> {
    let b = s.as_bytes();
    // four 3-byte numerals, then 年: one compare rejects almost everything
    if b.get(12..15) != Some("年".as_bytes()) {
        return None;
    }
    let mut y = 0;
    for c in s[..12].chars() {
        y = y * 10 + cn_year_digit(c)?;
    }
    if !(1900..=2100).contains(&y) || s[..12].chars().count() != 4 {
        return None;
    }
    let mut len = 15;
    let mut out = format!("{y}年");
    if let Some((m, ml)) = cn_small(&s[len..]).filter(|&(m, _)| m <= 12) {
        if s[len + ml..].starts_with('月') {
            len += ml + '月'.len_utf8();
            out.push_str(&format!("{m}月"));
            if let Some((d, dl)) = cn_small(&s[len..]) {
                if s[len + dl..].starts_with('日') {
                    len += dl + '日'.len_utf8();
                    out.push_str(&format!("{d}日"));
                }
            }
        }
    }
    Some((len, out))
}

/// Starts of the years in Chinese numerals in `s` ([`scan_cn_date`]), in order: found
/// from each `年` (most texts have none).
fn cn_date_starts(s: &str) -> Vec<usize> {
    memchr::memmem::find_iter(s.as_bytes(), "年".as_bytes())
        .filter_map(|p| p.checked_sub(12))
        .filter(|&st| s.is_char_boundary(st) && scan_cn_date(&s[st..]).is_some())
        // not the tail of a longer run of numerals (十二〇二〇年 is no year)
        .filter(|&st| s[..st].chars().next_back().is_none_or(|c| cn_year_digit(c).is_none() && c != '十'))
        .collect()
}

/// `s` with its years in Chinese numerals written in digits ([`scan_cn_date`]).
pub fn fold_cn_dates(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at = 0;
    for st in cn_date_starts(s) {
        if st < at {
            continue;
        }
        if let Some((len, ascii)) = scan_cn_date(&s[st..]) {
            out.push_str(&s[at..st]);
            out.push_str(&ascii);
            at = st + len;
        }
    }
    out.push_str(&s[at..]);
    out
}

/// Half-width form of a full-width char, if it is one we fold.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '０'..='９' | 'Ａ'..='Ｚ' | 'ａ'..='ｚ' => char::from_u32(c as u32 - 0xFEE0),
        '％' => Some('%'),
        '．' => Some('.'),
        '：' | '∶' => Some(':'),
        _ => None,
    }
}

fn is_digit_like(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

fn is_dash(c: char) -> bool {
    matches!(c, '—' | '－' | '–' | '-' | '―')
}

/// Page footer at the start of `s` (`— 1 —`, `－ 12 －`, `- 3 -`): its length.
pub fn scan_page_footer(s: &str) -> Option<usize> {
    let mut it = s.char_indices().peekable();
    let mut dashes = 0;
    let mut ascii_dash = false;
    while let Some(&(_, c)) = it.peek() {
        if is_dash(c) && dashes < 2 {
            ascii_dash |= c == '-';
            dashes += 1;
            it.next();
        } else {
            break;
        }
    }
    if dashes == 0 {
        return None;
    }
    let mut sp1 = 0;
    while let Some(&(_, c)) = it.peek() {
        if is_space(c) && sp1 < 3 {
            sp1 += 1;
            it.next();
        } else {
            break;
        }
    }
    let mut digits = 0;
    while let Some(&(_, c)) = it.peek() {
        if is_digit_like(c) && digits < 4 {
            digits += 1;
            it.next();
        } else {
            break;
        }
    }
    if digits == 0 || digits > 3 {
        return None;
    }
    let mut sp2 = 0;
    while let Some(&(_, c)) = it.peek() {
        if is_space(c) && sp2 < 3 {
            sp2 += 1;
            it.next();
        } else {
            break;
        }
    }
    if ascii_dash && (sp1 == 0 || sp2 == 0) {
        return None;
    }
    let mut d2 = 0;
    let mut end = 0;
    while let Some(&(i, c)) = it.peek() {
        if is_dash(c) && d2 < 2 {
            d2 += 1;
            end = i + c.len_utf8();
            it.next();
        } else {
            break;
        }
    }
    if d2 == 0 {
        return None;
    }
    // must not run on into a number ("—1—2")
    if let Some(&(_, c)) = it.peek() {
        if is_digit_like(c) {
            return None;
        }
    }
    Some(end)
}

/// Footnote marker `[12]` / `［12］` / `〔12〕` at the start of `s`: its length.
fn scan_bracket_note(s: &str) -> Option<usize> {
    let mut it = s.char_indices();
    let (_, open) = it.next()?;
    let close = match open {
        '[' => ']',
        '［' => '］',
        '〔' => '〕',
        _ => return None,
    };
    let mut digits = 0;
    for (i, c) in it {
        if is_digit_like(c) && digits < 3 {
            digits += 1;
        } else if c == close && digits > 0 {
            return Some(i + c.len_utf8());
        } else {
            return None;
        }
    }
    None
}

fn is_note_char(c: char) -> bool {
    ('\u{2460}'..='\u{2487}').contains(&c)
}

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// Line breaks of hard-wrapped text (`pdftotext` writes one line per printed line) that
/// fall inside a paragraph: byte offsets of those `\n`, sorted. Empty unless the text
/// looks wrapped: at least ten lines, and half of its lines, of nearly the same width.
/// A break is inside a paragraph when the line before it is full (a paragraph's last line
/// is short), does not end a sentence (`。！？；：`), and the line after it is text that
/// is not indented; a page footer between two such lines goes with them.
///
/// `printed`: the text is known to be a PDF's printed lines (read from the PDF itself):
/// three lines of the same width, a quarter of its lines, show the width.
fn wrapped_breaks(s: &str, printed: bool) -> Vec<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum L {
        Blank,
        Footer,
        /// [display width (CJK 2, ASCII 1), chars], indented, ends a sentence.
        Text([usize; 2], bool, bool),
    }
    const MAX_W: usize = 240;
    let b = s.as_bytes();
    // Wrapped lines are short: a text whose lines are long on average has none (one pass
    // of a fast byte count, then nothing else).
    let breaks = bytecount::count(b, b'\n');
    if breaks < if printed { 3 } else { 10 } || b.len() / breaks > MAX_W * 3 {
        return Vec::new();
    }
    let mut lines: Vec<(usize, L)> = Vec::new(); // (offset of the `\n` after it, kind)
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', b).chain(std::iter::once(b.len()));
    for end in ends {
        let line = &s[start..end];
        let t = line.trim_matches(|c: char| is_space(c) || is_invisible(c) || c == '\r');
        let kind = if t.is_empty() {
            L::Blank
        } else if scan_page_footer(t).is_some_and(|l| l == t.len()) {
            L::Footer
        } else {
            // Long lines are not wrapped lines: stop counting early.
            let (mut w, mut n) = (0, 0);
            for c in t.chars().take(MAX_W) {
                w += if c.is_ascii() { 1 } else { 2 };
                n += 1;
            }
            let indented = line.starts_with(|c: char| is_space(c));
            let stop = t.ends_with(['。', '！', '？', '；', '：', ':', '!', '?', ';']);
            L::Text([w, n], indented, stop)
        };
        lines.push((end, kind));
        start = end + 1;
    }
    // The wrap width, by display width (a PDF's printed lines) or by chars (text wrapped
    // at a char count): the w with the most lines in [w - slack, w].
    let mut texts = 0usize;
    let mut pick = (0usize, 0usize, 0usize, 0usize); // (metric, width, lines, slack)
    // Narrowest wrap considered: 16 chars (32 display units).
    for (m, slack, narrowest) in [(0usize, 4usize, 32usize), (1, 2, 16)] {
        let mut hist = [0usize; MAX_W * 2 + 1];
        texts = 0;
        for &(_, k) in &lines {
            if let L::Text(w, _, _) = k {
                texts += 1;
                hist[w[m].min(MAX_W * 2)] += 1;
            }
        }
        for w in narrowest..=MAX_W {
            let n: usize = hist[w - slack..=w].iter().sum();
            if n > pick.2 {
                pick = (m, w, n, slack);
            }
        }
    }
    let (metric, width, best, slack) = pick;
    let enough = if printed { best >= 3 && best * 4 >= texts } else { best >= 10 && best * 2 >= texts };
    if !enough {
        return Vec::new();
    }
    let full = |k: L| matches!(k, L::Text(w, _, stop) if w[metric] + slack >= width && !stop);
    let starts_text = |k: L| matches!(k, L::Text(_, indented, _) if !indented);
    let mut out = Vec::new();
    let mut joined = false;
    for i in 0..lines.len().saturating_sub(1) {
        let (at, kind) = lines[i];
        // The next line that is not a page footer (looking a few lines ahead only).
        let next = lines[i + 1..].iter().take(3).map(|&(_, k)| k).find(|&k| k != L::Footer);
        joined = match kind {
            L::Text(..) => full(kind) && next.is_some_and(starts_text),
            L::Footer => joined && next.is_some_and(starts_text),
            L::Blank => false,
        };
        if joined {
            out.push(at);
        }
    }
    out
}

#[derive(Default)]
struct Counts {
    fullwidth: usize,
    wraps: usize,
    spaces: usize,
    footers: usize,
    notes: usize,
    cn_dates: usize,
}

/// Whether the 3-byte char `x y z` is punctuation that [`normalize`] copies as it is
/// wherever it stands: `、。《》` (E3 80 81 / 82 / 8A / 8B), `“”` (E2 80 9C / 9D),
/// `（）；！？` (EF BC 88 / 89 / 9B / 81 / 9F). None is a space, a dash, a bracket that
/// opens a note (`［〔`), a note mark or a char [`fold_char`] folds.
#[inline]
fn plain_punct(x: u8, y: u8, z: u8) -> bool {
    match (x, y) {
        (0xE3, 0x80) => matches!(z, 0x81 | 0x82 | 0x8A | 0x8B),
        (0xE2, 0x80) => matches!(z, 0x9C | 0x9D),
        (0xEF, 0xBC) => matches!(z, 0x88 | 0x89 | 0x9B | 0x81 | 0x9F),
        _ => false,
    }
}

pub fn normalize(display: &str) -> Normalized {
    normalize_lines(display, false)
}

/// [`normalize`] of text whose lines are known to be a PDF's printed lines
/// (`printed`: see [`wrapped_breaks`]).
pub fn normalize_lines(display: &str, printed: bool) -> Normalized {
    let mut b = MapBuilder::with_capacity(display.len());
    let mut soft = Vec::new();
    let mut n = Counts::default();
    let bytes = display.as_bytes();
    let mut i = 0;
    // pending whitespace run: (src start, contains a page footer)
    let mut ws: Option<usize> = None;
    let mut run = 0usize; // start of pending verbatim run
    let mut last: Option<char> = None; // last char written (after folding)
    // Hard-wrapped text: line breaks inside paragraphs are read as soft breaks.
    let wraps = wrapped_breaks(display, printed);
    let mut next_wrap = 0usize;
    let mut wrap_pending = false;
    // Years in Chinese numerals: the fast path stops at each, the slow path writes it.
    let cn_dates = cn_date_starts(display);
    let mut next_cn = 0usize;
    while i < bytes.len() {
        while cn_dates.get(next_cn).is_some_and(|&p| p < i) {
            next_cn += 1;
        }
        let fast_end = cn_dates.get(next_cn).copied().unwrap_or(bytes.len());
        // Fast path, most of the text: an ASCII letter, digit or other printable char
        // but `-` and `[`, a CJK ideograph (U+4E00..U+9FFF, 3 bytes led by E4..E9), or
        // punctuation of [`plain_punct`] (`，` unless after a digit), with no whitespace
        // pending. None of the rules below applies to them: they are copied as they are.
        // A whole run of them is passed over at once; `last` is its last char.
        if ws.is_none() {
            let mut last_at = usize::MAX;
            while i < fast_end {
                let b0 = bytes[i];
                if b0.is_ascii_graphic() && b0 != b'-' && b0 != b'[' {
                    last_at = i;
                    i += 1;
                    continue;
                }
                // (the text is UTF-8: a lead byte E5..E9 starts U+5000..U+9FFF, and E4
                // starts U+4E00..U+4FFF when its next byte is B8..BF)
                if (0xE5..=0xE9).contains(&b0) || (b0 == 0xE4 && bytes.get(i + 1).is_some_and(|&x| x >= 0xB8)) {
                    last_at = i;
                    i += 3;
                    continue;
                }
                if let [x @ (0xE2 | 0xE3 | 0xEF), y, z, ..] = bytes[i..] {
                    // `，` after a digit may be a thousands separator (the slow path decides)
                    let after_digit = if last_at == usize::MAX { last.is_some_and(|p| p.is_ascii_digit()) } else { bytes[last_at].is_ascii_digit() };
                    if plain_punct(x, y, z) || ((x, y, z) == (0xEF, 0xBC, 0x8C) && !after_digit) {
                        last_at = i;
                        i += 3;
                        continue;
                    }
                }
                break;
            }
            if last_at != usize::MAX {
                last = display.get(last_at..).and_then(|r| r.chars().next());
                continue;
            }
        }
        let c = display[i..].chars().next().unwrap();
        let cl = c.len_utf8();
        if c == '\n' && !wraps.is_empty() {
            while wraps.get(next_wrap).is_some_and(|&w| w < i) {
                next_wrap += 1;
            }
            if wraps.get(next_wrap) == Some(&i) {
                if run < i {
                    b.copy(run, &display[run..i]);
                }
                ws.get_or_insert(i);
                wrap_pending = true;
                i += 1;
                run = i;
                continue;
            }
        }
        // whitespace and page footers accumulate into a pending run
        if is_space(c) || is_invisible(c) {
            if run < i {
                b.copy(run, &display[run..i]);
            }
            ws.get_or_insert(i);
            i += cl;
            run = i;
            continue;
        }
        if is_dash(c) && (ws.is_some() || last.is_none() || last == Some('\n') || last.is_some_and(|p| !is_digit_like(p))) {
            if let Some(len) = scan_page_footer(&display[i..]) {
                let after = display[i + len..].chars().next();
                let before_ok = ws.is_some() || last.is_none() || last == Some('\n');
                let after_ok = after.is_none_or(|a| is_space(a) || a == '\n');
                if before_ok && after_ok {
                    if run < i {
                        b.copy(run, &display[run..i]);
                    }
                    ws.get_or_insert(i);
                    n.footers += 1;
                    i += len;
                    run = i;
                    continue;
                }
            }
        }
        // resolve a pending whitespace run before this char
        if let Some(ws_start) = ws.take() {
            let at_line_start = last.is_none() || last == Some('\n');
            let next = fold_char(c).unwrap_or(c);
            if std::mem::take(&mut wrap_pending) && c != '\n' {
                // a wrapped line goes on: no space, even between digits (1⏎86.5亿元)
                b.replace(ws_start, i, "");
                soft.push(b.text().len());
                n.wraps += 1;
            } else if c == '\n' || at_line_start {
                b.replace(ws_start, i, "");
            } else if last.is_some_and(|p| p.is_ascii_alphanumeric()) && next.is_ascii_alphanumeric() {
                b.replace(ws_start, i, " ");
            } else {
                b.replace(ws_start, i, "");
                soft.push(b.text().len());
                n.spaces += 1;
            }
            run = i;
        }
        // footnote markers after a word
        let after_word = last.is_some_and(|p| p != '\n' && !is_space(p));
        if after_word && matches!(c, '[' | '［' | '〔') {
            if let Some(len) = scan_bracket_note(&display[i..]) {
                if run < i {
                    b.copy(run, &display[run..i]);
                }
                b.replace(i, i + len, "");
                n.notes += 1;
                i += len;
                run = i;
                continue;
            }
        }
        if is_note_char(c) && last.is_some_and(|p| is_han(p) || matches!(p, '”' | '’' | '」' | '』' | '）' | ')')) {
            if run < i {
                b.copy(run, &display[run..i]);
            }
            b.replace(i, i + cl, "");
            n.notes += 1;
            i += cl;
            run = i;
            continue;
        }
        if cn_dates.get(next_cn) == Some(&i) {
            if let Some((len, ascii)) = scan_cn_date(&display[i..]) {
                if run < i {
                    b.copy(run, &display[run..i]);
                }
                b.replace(i, i + len, &ascii);
                n.cn_dates += 1;
                last = ascii.chars().next_back();
                i += len;
                run = i;
                continue;
            }
        }
        let folded = if c == '，' && last.is_some_and(|p| p.is_ascii_digit()) {
            // thousands separator: exactly three digits follow
            let rest = &display[i + cl..];
            let mut k = 0;
            let mut it = rest.chars();
            for ch in it.by_ref() {
                if is_digit_like(ch) {
                    k += 1;
                    if k > 3 {
                        break;
                    }
                } else {
                    break;
                }
            }
            let next_after = rest.chars().nth(3);
            if k == 3 && next_after.is_none_or(|x| !is_digit_like(x)) {
                Some(',')
            } else {
                None
            }
        } else {
            fold_char(c)
        };
        if let Some(f) = folded {
            if run < i {
                b.copy(run, &display[run..i]);
            }
            b.replace_char(i, i + cl, f);
            n.fullwidth += 1;
            last = Some(f);
            i += cl;
            run = i;
            continue;
        }
        last = Some(c);
        i += cl;
    }
    if run < bytes.len() {
        b.copy(run, &display[run..]);
    }
    if let Some(ws_start) = ws {
        b.replace(ws_start, bytes.len(), "");
    }
    let (text, map) = b.finish(display.len());
    let mut steps = Vec::new();
    let mut push = |kind: &str, count: usize, detail: String| {
        if count > 0 {
            steps.push(CleanStep { kind: kind.into(), count, detail });
        }
    };
    push("fullwidth", n.fullwidth, format!("分析时将全角数字、字母和符号转为半角 {} 处", n.fullwidth));
    push("cn_dates", n.cn_dates, format!("分析时将汉字数字写的年份（如一九九五年）读作阿拉伯数字 {} 处", n.cn_dates));
    push("wrapped_lines", n.wraps, format!("分析时将折行的 {} 处换行接回原段落", n.wraps));
    push("pdf_spaces", n.spaces, format!("分析时忽略词语、数字中间的空格 {} 处", n.spaces));
    push("page_footers", n.footers, format!("分析时忽略夹在句中的页码 {} 处", n.footers));
    push("footnote_markers", n.notes, format!("分析时忽略注释标记 {} 处（如 [1]、⑷）", n.notes));
    Normalized { text, map, soft_breaks: soft, steps }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Span;

    #[test]
    fn years_in_chinese_numerals() {
        assert_eq!(scan_cn_date("一九九五年三月五日在"), Some(("一九九五年三月五日".len(), "1995年3月5日".into())));
        assert_eq!(scan_cn_date("二〇二〇年全面建成"), Some(("二〇二〇年".len(), "2020年".into())));
        assert_eq!(scan_cn_date("二零二三年十二月三十一日"), Some(("二零二三年十二月三十一日".len(), "2023年12月31日".into())));
        assert_eq!(scan_cn_date("一九八四年十月"), Some(("一九八四年十月".len(), "1984年10月".into())));
        // a month that is no month, a numeral run that is no year, a year out of range
        assert_eq!(scan_cn_date("一九九五年十三月"), Some(("一九九五年".len(), "1995年".into())));
        assert_eq!(scan_cn_date("三四五六年"), None);
        assert_eq!(scan_cn_date("一二三年"), None);
        let n = normalize("一九九四年国内生产总值比一九九三年增长11.8%，十二〇二〇年不是年份。");
        assert_eq!(n.text, "1994年国内生产总值比1993年增长11.8%，十二〇二〇年不是年份。");
        // spans map back to the numerals as written
        let k = n.text.find("1993").unwrap();
        let d = n.map.map_span(Span::new(k, k + "1993年".len()));
        assert_eq!(&"一九九四年国内生产总值比一九九三年增长11.8%，十二〇二〇年不是年份。"[d.start..d.end], "一九九三年");
        assert_eq!(fold_cn_dates("——一九九五年三月五日在"), "——1995年3月5日在");
    }

    #[test]
    fn folds_and_spaces() {
        let d = "　　１９８０年增长１４．５％，收购１，９９２亿元";
        let n = normalize(d);
        assert_eq!(n.text, "1980年增长14.5%,收购1,992亿元".replacen(",收", "，收", 1));
        let s = n.map.map_span(Span::new(0, 4));
        assert_eq!(&d[s.start..s.end], "１９８０");
    }

    #[test]
    fn pdf_text() {
        let d = "在全市深 入开展 2023 年增长 8% 左右，一 — 1 — 般公共预算 Made in China";
        let n = normalize(d);
        assert_eq!(n.text, "在全市深入开展2023年增长8%左右，一般公共预算Made in China");
        assert!(!n.soft_breaks.is_empty());
        assert_eq!(normalize("收入 － 12 － 增长").text, "收入增长");
        assert_eq!(normalize("a - 12 - b").text, "a b");
        assert_eq!(normalize("2—3个，1-11月").text, "2—3个，1-11月");
    }

    #[test]
    fn hard_wrapped_lines_rejoin() {
        // 36 chars a line, as pdftotext writes a narrow page; a paragraph's last line is
        // short, headings stand alone, a page footer sits between two lines.
        let body = "全年地区生产总值预计完成2856.3亿元，同比增长7.2%，增速高于全省0.6个百分点；一般公共预算收入完成186.5亿元，增长5.3%，规模以上工业增加值增长8.1%，固定资产投资增长10.6%，社会消费品零售总额完成1325.6亿元，增长9.8%，进出口总额完成468.2亿元，增长12.5%，城镇、农村常住居民人均可支配收入分别达到38650元和19860元，分别增长8.5%和9.6%，全年粮食总产量达到286.5万吨，城镇新增就业5.8万人，城镇登记失业率2.9%，居民消费价格涨幅控制在3%以内，各项事业全面进步，人民生活持续改善，社会大局和谐稳定。";
        let body = body.repeat(3);
        let body = body.as_str();
        let chars: Vec<char> = body.chars().collect();
        let mut wrapped: Vec<String> = chars.chunks(36).map(|c| c.iter().collect()).collect();
        wrapped.insert(3, "— 1 —".into());
        let d = format!("一、2019年工作回顾\n{}\n二、2020年主要目标\n今年的目标是：增长7%。\n", wrapped.join("\n"));
        let n = normalize(&d);
        let norm_body = normalize(body).text;
        assert!(n.text.contains(&norm_body), "{}", n.text);
        assert!(n.text.starts_with("一、2019年工作回顾\n"), "{}", n.text);
        assert!(n.text.contains("\n二、2020年主要目标\n今年"), "{}", n.text);
        assert!(n.steps.iter().any(|s| s.kind == "wrapped_lines"));
        // Spans still map back to the display text.
        let at = n.text.find("186.5").unwrap();
        let s = n.map.map_span(Span::new(at, at + 5));
        assert_eq!(d[s.start..s.end].replace('\n', ""), "186.5");
        // Text with one paragraph a line is left alone.
        let plain = "一、回顾\n".to_string() + &"去年经济运行总体平稳，全市地区生产总值增长7.6%。\n".repeat(30);
        assert_eq!(normalize(&plain).text, plain);
    }

    #[test]
    fn notes() {
        let n = normalize("并联极速审批[1]，“八个一批”⑷脱贫\n[2] 注释；①第一");
        assert_eq!(n.text, "并联极速审批，“八个一批”脱贫\n[2]注释；①第一");
        assert_eq!(n.steps.iter().find(|s| s.kind == "footnote_markers").unwrap().count, 2);
    }

    #[test]
    fn colon() {
        assert_eq!(normalize("各位代表：").text, "各位代表:");
    }
}
