//! Display text → analysis text (what the outline and indicator scanners read):
//! full-width digits/letters/`％`/`．`/`：`/`∶` → half-width; `１，９９２` → `1,992`;
//! spaces inside words and numbers (PDF extraction) removed, real separators
//! between Latin words/numbers kept as one space; indentation dropped; page footers
//! (`— 1 —`, `－ 1 －`, `- 12 -`) and footnote markers (`[12]`, `⑷` after a word)
//! removed. Line breaks are kept. Carries an [`OffsetMap`] analysis → display.

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

#[derive(Default)]
struct Counts {
    fullwidth: usize,
    spaces: usize,
    footers: usize,
    notes: usize,
}

pub fn normalize(display: &str) -> Normalized {
    let mut b = MapBuilder::with_capacity(display.len());
    let mut soft = Vec::new();
    let mut n = Counts::default();
    let bytes = display.as_bytes();
    let mut i = 0;
    // pending whitespace run: (src start, contains a page footer)
    let mut ws: Option<usize> = None;
    let mut run = 0usize; // start of pending verbatim run
    let mut last: Option<char> = None; // last char written (after folding)
    while i < bytes.len() {
        // Fast path, most of the text: an ASCII letter or digit, or a CJK ideograph
        // (U+4E00..U+9FFF, 3 bytes led by E4..E9), with no whitespace pending. None of
        // the rules below applies to them: they are copied as they are.
        // A whole run of them is passed over at once; `last` is its last char.
        if ws.is_none() {
            let mut last_at = usize::MAX;
            while i < bytes.len() {
                let b0 = bytes[i];
                if b0.is_ascii_alphanumeric() {
                    last_at = i;
                    i += 1;
                    continue;
                }
                if (0xE4..=0xE9).contains(&b0) && i + 2 < bytes.len() {
                    let cp = (u32::from(b0 & 0x0F) << 12) | (u32::from(bytes[i + 1] & 0x3F) << 6) | u32::from(bytes[i + 2] & 0x3F);
                    if (0x4E00..=0x9FFF).contains(&cp) {
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
            if c == '\n' || at_line_start {
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
