//! Scanners: each looks at the analysis text at one position and returns a length (or
//! nothing) — numbers (`一、`, `（二）`, `3.`), unnumbered part headings, back-matter
//! headings, lead sentences. No tree building here (that is [`super::build`]).

/// A numbering scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// `第一部分`
    Chapter,
    /// `一、`
    Part,
    /// `（一）` / `(一)`
    ParenCn,
    /// `1.` / `1、`
    Arabic,
    /// `（1）` / `(1)`
    ParenArabic,
    /// `①`
    Circled,
    /// A part heading without a number (`2016年工作总结及本届政府工作回顾`).
    Unnumbered,
    /// The first short sentence of a paragraph under a numbered section.
    Lead,
    /// What follows the report itself (`名词解释`, `附件`): one part, kind
    /// [`SectionKind::Other`], with no sections inside; its text states no indicators.
    BackMatter,
}

/// Value of a Chinese numeral 一…九十九 at the start of `s`: (value, byte length).
pub fn cn_numeral(s: &str) -> Option<(u32, usize)> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c).map(|i| i as u32);
    // the first four chars with their offsets (no allocation: this runs at every line)
    let mut first4 = [(0usize, '\0'); 4];
    let mut n = 0;
    for (slot, ic) in first4.iter_mut().zip(s.char_indices()) {
        *slot = ic;
        n += 1;
    }
    let cs = &first4[..n];
    let mut i = 0;
    let mut val = 0u32;
    let mut seen = false;
    // tens
    if let Some(&(_, c)) = cs.first() {
        if c == '十' {
            val = 10;
            i = 1;
            seen = true;
        } else if let Some(d) = digit(c) {
            if d > 0 {
                if cs.get(1).map(|p| p.1) == Some('十') {
                    val = d * 10;
                    i = 2;
                } else {
                    val = d;
                    i = 1;
                }
                seen = true;
            }
        }
    }
    if !seen {
        return None;
    }
    if val >= 10 {
        if let Some(&(_, c)) = cs.get(i) {
            if let Some(d) = digit(c) {
                if d > 0 {
                    val += d;
                    i += 1;
                }
            }
        }
    }
    let len = cs.get(i).map_or(s.len(), |p| p.0);
    Some((val, len))
}

pub(super) fn is_cn_digit(c: char) -> bool {
    "一二三四五六七八九十".contains(c)
}

/// A heading number at the start of `s`: (length, scheme, value, number as written).
pub fn scan_number(s: &str) -> Option<(usize, Scheme, u32)> {
    let c0 = s.chars().next()?;
    match c0 {
        '（' | '(' => {
            let open = c0.len_utf8();
            let rest = &s[open..];
            let (val, len, scheme) = if let Some((v, l)) = cn_numeral(rest) {
                (v, l, Scheme::ParenCn)
            } else {
                let l = rest.bytes().take_while(|b| b.is_ascii_digit()).count();
                if l == 0 || l > 2 {
                    return None;
                }
                (rest[..l].parse().ok()?, l, Scheme::ParenArabic)
            };
            let close = rest[len..].chars().next()?;
            if close != '）' && close != ')' {
                return None;
            }
            Some((open + len + close.len_utf8(), scheme, val))
        }
        '①'..='⑳' => Some((c0.len_utf8(), Scheme::Circled, c0 as u32 - '①' as u32 + 1)),
        // 第一部分　2018年工作回顾
        '第' => {
            let (v, l) = cn_numeral(&s[3..])?;
            let rest = s[3 + l..].strip_prefix("部分")?;
            let sep = rest.len() - rest.trim_start_matches([' ', '\u{3000}', '、', '：', ':', '—']).len();
            Some((3 + l + "部分".len() + sep, Scheme::Chapter, v))
        }
        '0'..='9' => {
            let l = s.bytes().take_while(|b| b.is_ascii_digit()).count();
            if l > 2 {
                return None;
            }
            let sep = s[l..].chars().next()?;
            if sep != '.' && sep != '、' {
                return None;
            }
            let after = s[l + sep.len_utf8()..].chars().next();
            if after.is_none_or(|c| c.is_ascii_digit() || c == '%' || c == '\n' || c == ' ') {
                return None;
            }
            Some((l + sep.len_utf8(), Scheme::Arabic, s[..l].parse().ok()?))
        }
        _ => {
            let (v, l) = cn_numeral(s)?;
            if !s[l..].starts_with('、') {
                return None;
            }
            let after = s[l + '、'.len_utf8()..].chars().next();
            // 一、二季度 / 一、二、三产业 are not headings; 一、二〇二四年工作回顾 is
            let rest = &s[l + '、'.len_utf8()..];
            let cn_year = rest.chars().take(4).all(|c| "〇零一二三四五六七八九".contains(c)) && rest.chars().nth(4) == Some('年');
            if after.is_none_or(|c| (is_cn_digit(c) && !cn_year) || c == '\n') {
                return None;
            }
            Some((l + '、'.len_utf8(), Scheme::Part, v))
        }
    }
}

pub(super) const TERMINATORS: [char; 6] = ['。', '！', '？', '；', ':', '!'];

pub(super) const UNNUMBERED_KEYS: [&str; 16] = [
    "工作回顾", "工作总结", "工作安排", "安排建议", "工作建议", "目标任务", "主要任务", "总体要求", "自身建设", "工作部署", "总体部署", "重点工作", "重点任务", "工作任务", "工作打算", "主要预期目标",
];

/// The last chars of [`UNNUMBERED_KEYS`]: a char not among them ends no key phrase.
pub(super) const UNNUMBERED_KEY_ENDS: [char; 11] = ['顾', '结', '排', '议', '务', '求', '设', '署', '作', '算', '标'];

fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// An unnumbered part heading at the start of `s`. `whole_line`: `s` is one paragraph
/// (the heading must be all of it); otherwise the heading runs into the following text
/// and ends right after its key phrase. Returns the heading length.
pub fn scan_unnumbered(s: &str, whole_line: bool) -> Option<usize> {
    // 一是… / 六是自身建设持续加强: an item of an enumeration, not a part heading
    if cn_numeral(s).is_some_and(|(_, l)| s[l..].starts_with('是')) {
        return None;
    }
    let mut i = 0;
    // optional year
    let d = s.bytes().take_while(|b| b.is_ascii_digit()).count();
    if d == 4 && s[4..].starts_with('年') {
        i = 4 + '年'.len_utf8();
    } else if d > 0 {
        return None;
    }
    let mut last_key_end = None;
    let mut n = 0;
    for (k, c) in s[i..].char_indices() {
        let pos = i + k;
        if !(is_han(c) || (whole_line && matches!(c, '“' | '”' | '、' | '，'))) {
            if whole_line && c != '\n' {
                return None;
            }
            break;
        }
        n += 1;
        if n > 26 {
            return None;
        }
        let end = pos + c.len_utf8();
        if UNNUMBERED_KEY_ENDS.contains(&c) && UNNUMBERED_KEYS.iter().any(|key| s[..end].ends_with(key)) {
            last_key_end = Some(end);
        }
    }
    let end = last_key_end?;
    if whole_line {
        let line_end = s.find('\n').unwrap_or(s.len());
        if s[..line_end].chars().count() > 30 || s[..line_end].contains('，') {
            return None;
        }
        // the key phrase must close the heading, or be followed by 和/及 + more heading
        return Some(line_end);
    }
    if end - i < 4 * 3 {
        return None;
    }
    Some(end)
}

/// A back-matter heading: the whole paragraph `p` is `名词解释`, `附：名词解释`,
/// `本报告有关名词解释`, `注释：`, `附件：名词解释`, `【名词解释】` and the like (a bare
/// `附件` is not: it may hold the year's tasks).
pub fn is_back_matter(p: &str) -> bool {
    let mut h = p.trim().trim_matches(['【', '】', '[', ']', '〔', '〕']).trim_end_matches([':', '：']).trim();
    if h.chars().count() > 20 {
        return false;
    }
    for lead in ["附件", "附录", "附"] {
        if let Some(rest) = h.strip_prefix(lead) {
            let rest = rest.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, ':' | '：' | ' ' | '\u{3000}'));
            // a bare 附件 may hold a list of the year's tasks, with their figures
            if rest.is_empty() {
                return false;
            }
            h = rest;
            break;
        }
    }
    for lead in ["《政府工作报告》", "政府工作报告", "本报告", "报告"] {
        if let Some(rest) = h.strip_prefix(lead) {
            h = rest;
            break;
        }
    }
    h = h.trim_start_matches('中');
    for lead in ["有关", "相关", "部分", "涉及的", "涉及"] {
        if let Some(rest) = h.strip_prefix(lead) {
            h = rest;
            break;
        }
    }
    ["名词解释", "名词注释", "名词说明", "用语说明", "用语解释", "词语解释", "术语解释", "注释", "注解"].contains(&h)
}

/// A lead sentence at the start of `s`: a short sentence ending in `。` with no comma.
/// Returns (sentence length without `。`, length including it).
pub fn scan_lead(s: &str) -> Option<(usize, usize)> {
    let mut n = 0;
    for (k, c) in s.char_indices() {
        match c {
            '。' => {
                // A sentence that states a figure (城镇化率达到76.8%。) or says what a year
                // is (2025年是“十四五”规划收官之年。) is content, not a heading.
                let what_a_year_is = s[..k].ends_with('年') && s[..k].contains('是');
                if n < 4 || states_figure(&s[..k]) || what_a_year_is {
                    return None;
                }
                return Some((k, k + c.len_utf8()));
            }
            '，' | ':' | '；' | '\n' | '！' | '？' | ',' | '(' | '（' => return None,
            _ => {}
        }
        n += 1;
        if n > 20 {
            return None;
        }
    }
    None
}

/// A number followed by a unit or `%` (`76.8%`, `3500亿元`, `12个`).
pub(super) fn states_figure(s: &str) -> bool {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_digit() || b[i] == b'.') {
                i += 1;
            }
            if s[i..].starts_with(['%', '‰', '亿', '万', '千', '个', '元', '吨', '人', '家', '所', '项', '倍', '公', '平', '台', '辆', '户', '套']) {
                return true;
            }
        } else {
            i += 1;
        }
    }
    false
}

const LEAD_VERBS: [&str; 24] = [
    "大力", "坚定", "着力", "不断", "深入", "提升", "加快", "推动", "强化", "持续", "全面", "高水平", "扎实", "积极", "严格", "切实", "优化", "健全", "完善", "坚持", "促进", "推进", "加强", "聚焦",
];

/// In run-on text a heading like `聚焦抓项目增效益，持续巩固经济回升势头大力实施项目投资攻坚行动`
/// runs into its lead sentence; cut where the second clause is as long as a heading
/// clause and a verb starts a new sentence.
pub(super) fn split_run_on_heading(h: &str) -> Option<usize> {
    let comma = h.find('，')?;
    let after = comma + '，'.len_utf8();
    for (k, (pos, _)) in h[after..].char_indices().enumerate() {
        if k < 6 {
            continue;
        }
        if h[after + pos..].chars().count() < 4 {
            break;
        }
        if LEAD_VERBS.iter().any(|v| h[after + pos..].starts_with(v)) {
            return Some(after + pos);
        }
    }
    None
}
