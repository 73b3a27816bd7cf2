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

use super::model::{Report, Section, SectionKind, Span};

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

fn is_cn_digit(c: char) -> bool {
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

const TERMINATORS: [char; 6] = ['。', '！', '？', '；', ':', '!'];

const UNNUMBERED_KEYS: [&str; 16] = [
    "工作回顾", "工作总结", "工作安排", "安排建议", "工作建议", "目标任务", "主要任务", "总体要求", "自身建设", "工作部署", "总体部署", "重点工作", "重点任务", "工作任务", "工作打算", "主要预期目标",
];

/// The last chars of [`UNNUMBERED_KEYS`]: a char not among them ends no key phrase.
const UNNUMBERED_KEY_ENDS: [char; 11] = ['顾', '结', '排', '议', '务', '求', '设', '署', '作', '算', '标'];

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
fn states_figure(s: &str) -> bool {
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
fn split_run_on_heading(h: &str) -> Option<usize> {
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

/// Kind from heading language; `top`: a level-1 part (weaker cues allowed).
pub fn kind_of(h: &str, top: bool, report_year: Option<i32>, review_year: Option<i32>) -> Option<SectionKind> {
    let has = |ws: &[&str]| ws.iter().any(|w| h.contains(w));
    if has(&["自身建设", "政风建设"]) {
        return Some(SectionKind::SelfBuild);
    }
    // 五年 after a numeral is a year (一九九五年的主要任务), not a span of five years.
    let five = |w: &str| {
        h.match_indices(w).any(|(k, _)| {
            !h[..k].ends_with(|c: char| "〇零一二三四五六七八九".contains(c) || c.is_ascii_digit())
        })
    };
    if has(&["今后五年", "未来五年", "规划纲要"]) || ["五年目标", "五年主要", "五年的主要"].iter().any(|w| five(w)) {
        return Some(SectionKind::FiveYear);
    }
    let cs: Vec<char> = h.chars().collect();
    let shiwu = cs.windows(3).any(|w| w[0] == '十' && is_cn_digit(w[1]) && w[2] == '五');
    if shiwu && (top || h.contains("时期")) && !has(&["回顾", "总结"]) {
        return Some(SectionKind::FiveYear);
    }
    if has(&["回顾", "总结", "过去一年", "过去五年", "一年来", "五年来"]) {
        return Some(SectionKind::Review);
    }
    if !top {
        return None;
    }
    // a year in the heading
    let year = cs.windows(5).find_map(|w| {
        if w[..4].iter().all(|c| c.is_ascii_digit()) && w[4] == '年' {
            w[..4].iter().collect::<String>().parse::<i32>().ok()
        } else {
            None
        }
    });
    if let (Some(y), Some(rep)) = (year, report_year) {
        let rev = review_year.unwrap_or(rep - 1);
        if y <= rev {
            return Some(SectionKind::Review);
        }
        if y >= rep + 3 {
            return Some(SectionKind::FiveYear);
        }
        return Some(SectionKind::Plan);
    }
    if has(&["工作安排", "预期目标", "总体要求", "总体部署", "重点工作", "重点任务", "今年", "主要任务", "工作建议", "目标任务", "工作任务"]) {
        return Some(SectionKind::Plan);
    }
    if has(&["取得", "成就", "成绩", "进展"]) {
        return Some(SectionKind::Review);
    }
    if has(&["计划", "任务", "措施"]) {
        return Some(SectionKind::Plan);
    }
    None
}

/// Tense cues in a part's text: (past-year review cues, coming-year plan cues).
///
/// Review: 去年, 过去一年/五年, 一年来, 五年来, the review year (`2001年`), the
/// aspect particle 了 (not 为了/除了/了解/…), 已. Plan: 今年, the report year
/// (`2002年`), modal 要 (not 主要/重要/需要/要求/…), 必须, 力争, 确保, 拟.
pub fn tense_cues(t: &str, report_year: Option<i32>, review_year: Option<i32>) -> (usize, usize) {
    let count = |w: &str| memchr::memmem::find_iter(t.as_bytes(), w.as_bytes()).count();
    // The cues with 年 (each has one, and none can overlap itself, so counting the
    // places where one occurs counts its occurrences): one search for 年, then the
    // words around each.
    let (mut review, mut plan) = (0, 0);
    let review_y = review_year.map(|y| y.to_string());
    let report_y = report_year.map(|y| y.to_string());
    for k in memchr::memmem::find_iter(t.as_bytes(), "年".as_bytes()) {
        let (before, after) = (&t[..k], &t[k + "年".len()..]);
        let ends = |w: &str| before.ends_with(w);
        review += usize::from(ends("去")) + usize::from(ends("过去一")) + usize::from(ends("过去五"));
        review += usize::from((ends("一") || ends("五")) && after.starts_with('来'));
        review += usize::from(review_y.as_deref().is_some_and(ends));
        plan += usize::from(ends("今")) + usize::from(report_y.as_deref().is_some_and(ends));
    }
    plan += count("必须") + count("力争") + count("确保");
    // the single-character cues, found with a byte search; neighbours decoded around them
    let around = |k: usize, len: usize| (t[..k].chars().next_back().unwrap_or('\0'), t[k + len..].chars().next().unwrap_or('\0'));
    for (c, counter) in [('了', 0u8), ('已', 0), ('要', 1), ('拟', 1)] {
        let mut buf = [0u8; 4];
        let pat = c.encode_utf8(&mut buf).as_bytes();
        for k in memchr::memmem::find_iter(t.as_bytes(), pat) {
            let (prev, next) = around(k, pat.len());
            let hit = match c {
                '了' => !matches!(prev, '为' | '除' | '不' | '得' | '罢') && !matches!(next, '解' | '结' | '然' | '如'),
                '已' => !matches!(next, '知' | '有'),
                '要' => !"主重需纲摘只必首紧提概简扼险将想".contains(prev) && !"求素点害闻务".contains(next),
                _ => !matches!(next, '定' | '订'),
            };
            if hit {
                if counter == 0 {
                    review += 1;
                } else {
                    plan += 1;
                }
            }
        }
    }
    (review, plan)
}

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
            lead_at(a, after, pe, b);
        }
        return;
    }
    if let Some(len) = scan_unnumbered(p, true) {
        if b.add(Scheme::Unnumbered, 0, "", &p[..len], ps, ps + len) {
            return;
        }
    }
    lead_at(a, ps, pe, b);
}

fn lead_at(a: &str, at: usize, pe: usize, b: &mut Builder) {
    if at >= pe || !b.has_numbered() {
        return;
    }
    if let Some((sl, full)) = scan_lead(&a[at..pe]) {
        let _ = full;
        b.add(Scheme::Lead, 0, "", &a[at..at + sl], at, at + sl);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn outline(a: &str) -> Vec<(String, u8, String, String)> {
        let secs = build(a, &OutlineOptions { report_year: Some(2024), review_year: Some(2023), ..Default::default() });
        flatten(&secs).iter().map(|s| (s.id.clone(), s.level, s.number.clone(), s.heading.clone())).collect()
    }

    #[test]
    fn kinds_from_content() {
        let (rv, pl) = tense_cues("去年完成了任务，2001年增长7.3%，已经实现。", Some(2002), Some(2001));
        assert!(rv >= 3 && pl == 0, "{rv} {pl}");
        let (rv, pl) = tense_cues("今年要着重做好工作，主要任务是重要的，必须力争确保2002年增长7%。", Some(2002), Some(2001));
        assert!(pl >= 5 && rv == 0, "{rv} {pl}");
        // headings without kind wording: the text decides; review never follows the plan
        let past = "去年经济增长了7.3%，完成了全年任务，2001年财政收入增加了2400亿元。\n";
        let coming = "今年要扩大内需，必须增加收入，力争增长7%，要确保稳定。\n";
        let a = format!("各位代表:\n一、扩大内需促进增长\n{past}\n二、加快农业发展\n{coming}三、推进结构调整\n加强管理。\n四、做好外交工作\n{past}");
        let secs = build(&a, &OutlineOptions { report_year: Some(2002), review_year: Some(2001), ..Default::default() });
        let kinds: Vec<_> = secs.iter().map(|s| s.kind).collect();
        assert_eq!(kinds, vec![SectionKind::Review, SectionKind::Plan, SectionKind::Plan, SectionKind::Plan]);
        // a review item about the government itself stays review
        let a = "一、2023年工作回顾\n一是经济稳步增长。全市地区生产总值增长6.4%，一般公共预算收入增长7.2%，固定资产投资增长7.2%。\n六是自身建设持续加强。扎实开展主题教育，强化干部思想能力作风建设，行政服务效能不断提升。\n二、2024年工作安排\n";
        let secs = build(a, &OutlineOptions { report_year: Some(2024), review_year: Some(2023), ..Default::default() });
        let kids: Vec<_> = secs[0].children.iter().map(|s| (s.heading.as_str(), s.kind)).collect();
        assert_eq!(kids, vec![("一是经济稳步增长", SectionKind::Review), ("六是自身建设持续加强", SectionKind::Review)]);
        assert_eq!(scan_unnumbered("六是自身建设持续加强", true), None);
    }

    #[test]
    fn every_unnumbered_key_ends_in_a_listed_char() {
        for key in UNNUMBERED_KEYS {
            assert!(key.chars().next_back().is_some_and(|c| UNNUMBERED_KEY_ENDS.contains(&c)), "{key}");
        }
    }

    #[test]
    fn a_sentence_stating_a_figure_is_not_a_lead_heading() {
        let a = "一、2023年工作回顾\n（一）坚持项目为王。全年新开工亿元以上产业项目328个。\n常住人口城镇化率达到76.8%。\n（二）扩大有效投资。社会消费品零售总额力争突破3500亿元。全年新开工项目很多，建设进度很快。\n";
        let o = outline(a);
        let heads: Vec<_> = o.iter().map(|x| x.3.as_str()).collect();
        assert_eq!(heads, vec!["2023年工作回顾", "坚持项目为王", "扩大有效投资"]);
        assert!(states_figure("城镇化率达到76.8%") && states_figure("突破3500亿元") && !states_figure("坚持项目为王"));
    }

    #[test]
    fn parts_years_in_words_and_lists_of_figures() {
        // 第一部分/第二部分 above 一、 and （一）.
        let a = "第一部分　2018年工作回顾\n一、着力稳增长\n（一）工业经济提质增效。规模以上工业增加值增长9.1%。\n第二部分　2019年工作安排\n一、主要预期目标\n1.地区生产总值增长6%左右；\n2.一般公共预算收入增长5%；\n二、重点工作\n";
        let secs = build(a, &OutlineOptions { report_year: Some(2019), review_year: Some(2018), ..Default::default() });
        let flat: Vec<_> = flatten(&secs).iter().map(|s| (s.id.clone(), s.number.clone(), s.heading.clone(), s.kind)).collect();
        assert_eq!(
            flat,
            vec![
                ("s1".into(), "第一部分".into(), "2018年工作回顾".into(), SectionKind::Review),
                ("s1.1".into(), "一".into(), "着力稳增长".into(), SectionKind::Review),
                ("s1.1.1".into(), "（一）".into(), "工业经济提质增效".into(), SectionKind::Review),
                ("s2".into(), "第二部分".into(), "2019年工作安排".into(), SectionKind::Plan),
                ("s2.1".into(), "一".into(), "主要预期目标".into(), SectionKind::Plan),
                ("s2.2".into(), "二".into(), "重点工作".into(), SectionKind::Plan),
            ]
        );
        // A year in Chinese numerals after 一、 is a heading; 一九九五年的 is a year, not five years.
        assert_eq!(scan_number("一、二〇二四年工作回顾"), Some((6, Scheme::Part, 1)));
        assert_eq!(scan_number("一、二季度"), None);
        assert_eq!(kind_of("一九九五年的主要任务", true, Some(1995), Some(1994)), Some(SectionKind::Plan));
        assert_eq!(kind_of("今后五年的主要目标", true, Some(2021), Some(2020)), Some(SectionKind::FiveYear));
        // What a year is, said in one sentence, is not a lead heading.
        assert_eq!(scan_lead("2025年是“十四五”规划收官之年。今年要"), None);
        assert_eq!(scan_lead("人口自然增长率控制在5.8‰。"), None);
    }

    #[test]
    fn numerals() {
        assert_eq!(cn_numeral("十一、"), Some((11, 6)));
        assert_eq!(cn_numeral("二十"), Some((20, 6)));
        assert_eq!(cn_numeral("三"), Some((3, 3)));
        assert_eq!(scan_number("（十）加强"), Some(("（十）".len(), Scheme::ParenCn, 10)));
        assert_eq!(scan_number("(二)加强"), Some((5, Scheme::ParenCn, 2)));
        assert_eq!(scan_number("12.加强"), Some((3, Scheme::Arabic, 12)));
        assert_eq!(scan_number("1.5亿元"), None);
        assert_eq!(scan_number("一、二季度"), None);
        assert_eq!(scan_number("②加强"), Some((3, Scheme::Circled, 2)));
    }

    #[test]
    fn numbered_parts() {
        let a = "各位代表:\n一、2023年工作回顾\n过去一年，很好。\n（一）加快发展。推进项目建设。\n抓好重大项目建设。项目很多，很多。\n（二）深化改革\n二、2024年工作安排\n一、二季度增长很快，不是标题。\n三、加强政府自身建设\n";
        let o = outline(a);
        let ids: Vec<_> = o.iter().map(|x| format!("{} {} {}", x.0, x.2, x.3)).collect();
        assert_eq!(ids, vec!["s1 一 2023年工作回顾", "s1.1 （一） 加快发展", "s1.1.1  推进项目建设", "s1.1.2  抓好重大项目建设", "s1.2 （二） 深化改革", "s2 二 2024年工作安排", "s3 三 加强政府自身建设"]);
        let secs = build(a, &OutlineOptions { report_year: Some(2024), review_year: Some(2023), ..Default::default() });
        assert_eq!(secs[0].kind, SectionKind::Review);
        assert_eq!(secs[1].kind, SectionKind::Plan);
        assert_eq!(secs[2].kind, SectionKind::SelfBuild);
        assert_eq!(secs[0].children[0].kind, SectionKind::Review);
    }

    #[test]
    fn unnumbered_parts() {
        let a = "2016年工作总结及本届政府工作回顾\n正文。\n（一）坚持多措并举，经济保持平稳增长\n今后五年工作总体要求和主要任务\n（一）大力推进产业现代化，打造产业体系。围绕。\n2017年工作安排\n一、着力抓投资促消费\n";
        let o = outline(a);
        let v: Vec<_> = o.iter().map(|x| format!("{} {}", x.0, x.3)).collect();
        assert_eq!(v, vec!["s1 2016年工作总结及本届政府工作回顾", "s1.1 坚持多措并举，经济保持平稳增长", "s2 今后五年工作总体要求和主要任务", "s2.1 大力推进产业现代化，打造产业体系", "s3 2017年工作安排", "s3.1 着力抓投资促消费"]);
    }

    #[test]
    fn a_glossary_after_the_report_is_one_part_with_nothing_inside() {
        let a = "一、2023年工作回顾\n（一）稳增长。\n二、2024年工作安排\n1.扩大有效投资。\n各位代表！让我们奋力谱写新篇章！\n名词解释\n1.规上工业：指年主营业务收入2000万元及以上的工业企业。\n2.专精特新：指专业化、精细化。\n";
        let secs = build(a, &OutlineOptions { report_year: Some(2024), review_year: Some(2023), ..Default::default() });
        let v: Vec<_> = flatten(&secs).iter().map(|x| format!("{} {} {:?}", x.id, x.heading, x.kind)).collect();
        assert_eq!(v, vec!["s1 2023年工作回顾 Review", "s1.1 稳增长 Review", "s2 2024年工作安排 Plan", "s2.1 扩大有效投资 Plan", "s3 名词解释 Other"]);
        assert_eq!(body_end(&secs, a), a.find("名词解释").unwrap());
        assert_eq!(secs[2].span.end, a.trim_end().len());
        for h in ["名词解释", "名词解释:", "附:名词解释", "附件:名词解释", "【名词解释】", "本报告有关名词解释", "《政府工作报告》名词解释", "注释", "报告中有关用语说明"] {
            assert!(is_back_matter(h), "{h}");
        }
        // a bare 附件 may hold the year's tasks; a heading that mentions notes is not one
        for h in ["附件", "附件1", "注释工作", "加强名词解释工作", "2024年十件民生实事"] {
            assert!(!is_back_matter(h), "{h}");
        }
        // before any part: not back matter (nothing to end)
        assert!(outline("名词解释\n一、工作回顾\n").iter().any(|x| x.3 == "工作回顾"));
    }

    #[test]
    fn run_on() {
        let body = "这是很长的正文内容，用来填充段落长度，".repeat(300);
        let a = format!("各位代表:现在报告。2023年工作回顾2023年是开局之年。{body}。主要做了以下工作:（一）千方百计稳增长，经济发展质效稳中有升。项目投资拉动有力。分季度召开重大项目推进会，推动项目建设取得了明显的成效和进展。{body}。2024年工作安排建议2024年是关键一年。{body}。一、聚焦抓项目增效益，持续巩固经济回升势头大力实施项目投资攻坚行动。{body}。一、二季度很好。二、聚焦产业转型升级，加快建设现代化产业体系坚定不移推进工业兴市。{body}");
        let o = outline(&a);
        let v: Vec<_> = o.iter().map(|x| format!("{} {}", x.0, x.3)).collect();
        assert_eq!(v, vec!["s1 2023年工作回顾", "s1.1 千方百计稳增长，经济发展质效稳中有升", "s1.1.1 项目投资拉动有力", "s2 2024年工作安排建议", "s2.1 聚焦抓项目增效益，持续巩固经济回升势头", "s2.1.1 大力实施项目投资攻坚行动", "s2.1.2 一、二季度很好", "s2.2 聚焦产业转型升级，加快建设现代化产业体系", "s2.2.1 坚定不移推进工业兴市"]);
    }
}
