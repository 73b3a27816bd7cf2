//! Figure scanner: finds every figure in a clause — a number (Arabic or
//! Chinese, ranges, ratios, 保8争9), its unit and the qualifiers written around
//! it — and rejects numbers that are not figures (years, dates, ordinals, 5G,
//! 十三五, 2000万元以上项目).

use super::numbers::{cn_digit, digit, is_cn_start, scan_arabic, scan_chinese, scan_percent_words, Num};
use super::units::{scan_unit, Family, Unit};

/// What kind of figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Normal,
    Ratio,
    Index,
}

/// A figure in a clause; offsets are relative to the clause.
#[derive(Clone, Debug)]
pub struct Item {
    /// The number (first to last digit; includes a leading minus).
    pub start: usize,
    pub end: usize,
    /// End of unit and suffix qualifiers: the next gap starts here.
    pub after: usize,
    pub low: f64,
    pub high: Option<f64>,
    pub parts: Vec<f64>,
    pub unit: Option<Unit>,
    /// Unit as written (empty for ratios and indices).
    pub unit_text: (usize, usize),
    pub kind: Kind,
    pub suffix: Option<&'static str>,
    /// 多 / 余 written after the number.
    pub many: Option<&'static str>,
    /// `text[start..end]` parses back to `low`.
    pub plain: bool,
    /// The unit when the text has no unit word for it (翻一番 → 倍).
    pub unit_word: Option<&'static str>,
}

const SUFFIXES: &[&str] = &["以上", "以内", "以下", "左右", "上下", "之内", "多", "余"];

fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..).and_then(|r| r.chars().next())
}

fn range_sep(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    let l = match c {
        '-' | '－' | '–' | '~' | '～' | '至' | '到' => c.len_utf8(),
        '—' => {
            if s[3..].starts_with('—') {
                6
            } else {
                3
            }
        }
        _ => return None,
    };
    let next = s.get(l..)?;
    if digit(next.as_bytes()).is_some() {
        Some(l)
    } else if (c == '至' || c == '到' || c == '-' || c == '—')
        && (next.chars().next().map(is_cn_start).unwrap_or(false) || next.starts_with("百分之") || next.starts_with("千分之"))
    {
        Some(l)
    } else {
        None
    }
}

fn ratio_sep(s: &str) -> Option<usize> {
    let c = s.chars().next()?;
    let l = match c {
        ':' | '：' | '∶' => c.len_utf8(),
        _ => return None,
    };
    if digit(s.get(l..)?.as_bytes()).is_some() {
        Some(l)
    } else {
        None
    }
}

fn parse_num(s: &str, chinese: bool) -> Option<Num> {
    if chinese {
        scan_chinese(s)
    } else {
        scan_arabic(s.as_bytes())
    }
}

/// Is `c` a CJK ideograph (a word character in Chinese text)?
pub(super) fn is_han(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c) || ('\u{3400}'..='\u{4DBF}').contains(&c)
}

/// The ideographs at the start of `after`: up to the first char that is not one, is in
/// `stop`, or would be the `max + 1`-th.
pub(super) fn han_words<'s>(after: &'s str, stop: &str, max: usize) -> &'s str {
    for (k, (i, c)) in after.char_indices().enumerate() {
        if k == max || !is_han(c) || stop.contains(c) {
            return &after[..i];
        }
    }
    after
}

/// Three-byte chars led by E4..E9 (U+4000..U+9FFF) that the scanner must stop at,
/// indexed by lead and second byte, one bit per third byte: the ideographs that may
/// start a figure (Chinese digits, 十, 百 of 百分之, 保 of 保8争9, 翻 of 翻一番, 千/万 of
/// 千亿元大关, 持 of 与上年持平) and every char below U+4E00 (not an ideograph: read the slow way).
static STOPS: [u64; 6 * 64] = {
    let mut t = [0u64; 6 * 64];
    // U+4000..U+4DFF: E4 80..B7 xx
    let mut k = 0;
    while k < 0x38 {
        t[k] = u64::MAX;
        k += 1;
    }
    let cs = ['零', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '保', '翻', '千', '万', '持'];
    k = 0;
    while k < cs.len() {
        let cp = cs[k] as u32;
        let (lead, mid, last) = (0xE0 | (cp >> 12), (cp >> 6) & 0x3F, cp & 0x3F);
        t[((lead - 0xE4) * 64 + mid) as usize] |= 1 << last;
        k += 1;
    }
    t
};

/// Whether the char `x y z` (lead byte E4..E9) is one of [`STOPS`].
#[inline]
fn stops_at(x: u8, y: u8, z: u8) -> bool {
    (STOPS[(usize::from(x - 0xE4) << 6) | usize::from(y & 0x3F)] >> (z & 0x3F)) & 1 != 0
}

/// Scan the clause; push figures to `out`.
pub fn scan(clause: &str, out: &mut Vec<Item>) {
    let first = out.len();
    let b = clause.as_bytes();
    let mut i = 0usize;
    while i < b.len() {
        // Fast path: CJK ideographs (3 bytes led by E4..E9) that cannot start a figure
        // (read three bytes at a time: no bounds test per byte).
        for w in b[i..].chunks_exact(3) {
            let &[x, y, z] = w else { break };
            if !(0xE4..=0xE9).contains(&x) || stops_at(x, y, z) {
                break;
            }
            i += 3;
        }
        let Some(c) = char_at(clause, i) else { break };
        let clen = c.len_utf8();
        let is_d = digit(&b[i..]).is_some();
        let candidate = is_d
            || is_cn_start(c)
            || (c == '百' && clause[i..].starts_with("百分之"))
            || (c == '千' && clause[i..].starts_with("千分之"))
            || (c == '保' && clause.get(i + 3..).map(|r| digit(r.as_bytes()).is_some()).unwrap_or(false));
        if c == '翻' {
            let prev = clause.get(..i).and_then(|h| h.chars().next_back());
            if let Some(it) = doubling(clause, i, prev) {
                i = it.after;
                out.push(it);
            } else {
                i += clen;
            }
            continue;
        }
        if c == '零' && clause[i..].starts_with("零增长") {
            if let Some(it) = zero_growth(clause, i) {
                i = it.after;
                out.push(it);
                continue;
            }
        }
        if c == '持' {
            if let Some(it) = flat(clause, i) {
                i = it.after;
                out.push(it);
            } else {
                i += clen;
            }
            continue;
        }
        if matches!(c, '千' | '万' | '百') {
            if let Some(it) = magnitude(clause, i) {
                i = it.after;
                out.push(it);
                continue;
            }
        }
        if candidate {
            // The two chars before the figure (every step ends on a char boundary, and
            // after a figure on the last char it consumed).
            let mut back = clause.get(..i).unwrap_or("").chars().rev();
            let prev = back.next();
            let prev2 = back.next();
            let (item, consumed) = figure(clause, i, prev, prev2);
            if let Some(it) = item {
                out.push(it);
            }
            let consumed = consumed.max(clen);
            i = (i + consumed).min(b.len());
            // (the old scanner sliced `clause[..end]` here: `end` is a char boundary)
            if !clause.is_char_boundary(i) {
                break;
            }
            continue;
        }
        i += clen;
    }
    share_units(clause, out, first);
}

/// One unit for a list: `分别高4.2和0.7个百分点`, `分别增长6、7和8个百分点` — bare numbers
/// joined to a figure with a unit take its unit (only after 分别, where a list of values
/// is announced, or in points above or below a list of places: `高于全国、全省1.2和0.5个百分点`).
/// Items from `first` on are this clause's.
fn share_units(clause: &str, out: &mut Vec<Item>, first: usize) {
    if out.len() <= first {
        return;
    }
    let points_above = || {
        out[first..].iter().any(|it| it.unit.is_some_and(|u| u.family == Family::PercentPoint))
            && ["高于", "低于", "快于", "慢于"].iter().any(|w| clause.contains(w))
    };
    if !clause.contains("分别") && !points_above() {
        return;
    }
    // Rebuilt in one pass (inserting in place would move the tail once per list).
    let found = out.split_off(first);
    let mut prev_after = 0usize;
    for it in found {
        if it.unit.is_some() && it.kind == Kind::Normal {
            let mut start = it.start;
            let mut added = Vec::new();
            // Walk back over `N和` / `N、` / `N与` / `N及` (at most a few values).
            while added.len() < 8 {
                let before = &clause[..start];
                let Some(join) = ["和", "、", "与", "及"].iter().find(|j| before.ends_with(*j)) else { break };
                let head = &before[..before.len() - join.len()];
                // 分别高1.1个和0.5个百分点: 个 said with each value, 百分点 once; the value
                // before, read as a count of 个, is in points too (and then no count: each
                // value is taken once)
                if it.unit.is_some_and(|u| u.family == Family::PercentPoint) && added.is_empty() {
                    if let Some(prev) = out.last_mut().filter(|p| p.after == head.len() && p.kind == Kind::Normal && p.unit.is_some_and(|u| u.base == "个") && clause[p.end..p.after] == *"个") {
                        prev.unit = it.unit;
                        prev.unit_text = it.unit_text;
                        start = prev.start;
                        prev_after = prev.start;
                        continue;
                    }
                }
                let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit() || c == '.').len();
                if digits == 0 || digits > 12 {
                    break;
                }
                let ns = head.len() - digits;
                // Not the end of the figure before (items are in text order).
                if ns < prev_after {
                    break;
                }
                let Some(num) = scan_arabic(&clause.as_bytes()[ns..head.len()]) else { break };
                if num.len != digits {
                    break;
                }
                added.push(Item {
                    start: ns,
                    end: head.len(),
                    after: head.len(),
                    low: num.value,
                    high: None,
                    parts: Vec::new(),
                    unit: it.unit,
                    unit_text: it.unit_text,
                    kind: Kind::Normal,
                    suffix: None,
                    many: None,
                    plain: true,
                    unit_word: None,
                });
                start = ns;
            }
            out.extend(added.into_iter().rev());
        }
        prev_after = it.after;
        out.push(it);
    }
}

/// `翻一番` (×2), `翻两番` (×4), `翻三番` (×8), `翻了一番`, `实现翻番` (×2) at `i`: a multiple
/// of the base (unit 倍, not written). Not a slogan counting doublings (`两翻番`), nor a
/// bare `翻番` that names something (`翻番目标`, `翻番行动`).
fn doubling(clause: &str, i: usize, prev: Option<char>) -> Option<Item> {
    let rest = clause.get(i..)?;
    let body = rest.strip_prefix("翻了").or_else(|| rest.strip_prefix('翻'))?;
    let (value, n) = if body.starts_with('番') {
        if prev.is_some_and(|p| cn_digit(p).is_some() || p == '十') {
            return None;
        }
        (2.0, 0)
    } else {
        let c = body.chars().next()?;
        let times = match c {
            '一' => 1,
            '两' | '二' => 2,
            '三' => 3,
            _ => return None,
        };
        if !body[c.len_utf8()..].starts_with('番') {
            return None;
        }
        (f64::from(1u32 << times), c.len_utf8())
    };
    let end = i + (rest.len() - body.len()) + n + '番'.len_utf8();
    let mut after = end;
    let tail = clause.get(end..).unwrap_or("");
    let mut suffix = None;
    let mut many = None;
    for s in ["以上", "多", "左右"] {
        if tail.starts_with(s) {
            after += s.len();
            if s == "多" {
                many = Some("多");
            } else {
                suffix = Some(s);
            }
            break;
        }
    }
    // 翻番目标 / 翻番行动 / 翻一番以上的目标: a name or a goal's label, not a figure.
    let next = clause.get(after..).and_then(|r| r.chars().next());
    if next.is_some_and(|c| is_han(c) && !"的和与及、".contains(c)) {
        return None;
    }
    Some(Item {
        start: i,
        end,
        after,
        low: value,
        high: None,
        parts: Vec::new(),
        unit: Some(Unit { len: 0, family: Family::Multiple, scale: 1.0, base: "倍" }),
        unit_text: (end, end),
        kind: Kind::Normal,
        suffix,
        many,
        plain: false,
        unit_word: Some("倍"),
    })
}

/// `与上年持平`, `同比持平` at `i` (on 持): no change on the year before, a growth of 0 %
/// (unit not written). Not `基本持平` (about flat: no figure), nor 持平 naming something.
fn flat(clause: &str, i: usize) -> Option<Item> {
    let end = i + "持平".len();
    if !clause.get(i..)?.starts_with("持平") {
        return None;
    }
    let before = clause.get(..i)?;
    // (the words of comparison are the figure's: 固定资产投资与上年持平 names 固定资产投资)
    let base = ["与上年", "与去年", "与上年度", "同比", "较上年", "和上年", "比上年"].iter().find(|w| before.ends_with(*w))?;
    let next = clause.get(end..).and_then(|r| r.chars().next());
    if next.is_some_and(|c| is_han(c) && c != '的') {
        return None;
    }
    Some(no_change(i - base.len(), end))
}

/// A growth of 0 % written without a number or unit, over `start..end`.
fn no_change(start: usize, end: usize) -> Item {
    Item {
        start,
        end,
        after: end,
        low: 0.0,
        high: None,
        parts: Vec::new(),
        unit: Some(Unit { len: 0, family: Family::Percent, scale: 1.0, base: "%" }),
        unit_text: (end, end),
        kind: Kind::Normal,
        suffix: None,
        many: None,
        plain: false,
        unit_word: Some("%"),
    }
}

/// `零增长` (一般性支出零增长, 实现零增长): a growth of 0 %, as 与上年持平. Not inside a
/// word (负零增长 is none, 零增长率 is a name) nor after a digit.
fn zero_growth(clause: &str, i: usize) -> Option<Item> {
    let end = i + "零增长".len();
    let prev = clause.get(..i)?.chars().next_back();
    if prev.is_some_and(|p| p.is_ascii_digit() || is_cn_start(p) || p == '负') {
        return None;
    }
    let next = clause.get(end..).and_then(|r| r.chars().next());
    if next.is_some_and(|c| is_han(c) && c != '的') {
        return None;
    }
    Some(no_change(i, end))
}

/// `四成`, `近三成`, `两成以上`: tenths of a whole, a share in % (×10), written with one
/// Chinese digit and 成. Not an ordinal or a longer numeral (第三成, 十三成), nor the
/// idiom 一成不变, nor 成 starting a word (三成员).
fn tenths(rest: &str, i: usize, num: &Num, prev: Option<char>) -> Option<Item> {
    if !num.chinese || num.has_mult || !(1.0..=9.0).contains(&num.value) || num.len != 3 {
        return None;
    }
    if prev.is_some_and(|p| p == '第' || cn_digit(p).is_some() || p == '十') {
        return None;
    }
    let tail = rest.get(num.len..)?.strip_prefix('成')?;
    let end = num.len + '成'.len_utf8();
    let suffix = ["以上", "左右", "以下", "多"].into_iter().find(|s| tail.starts_with(s));
    let after = end + suffix.map_or(0, str::len);
    // what follows is the sentence going on, not a word that 成 starts
    let next = rest.get(after..).and_then(|r| r.chars().next());
    if next.is_some_and(|c| is_han(c) && !"的和与、是".contains(c)) {
        return None;
    }
    Some(Item {
        start: i,
        end: i + end,
        after: i + after,
        low: num.value * 10.0,
        high: None,
        parts: Vec::new(),
        unit: Some(Unit { len: 0, family: Family::Percent, scale: 1.0, base: "%" }),
        unit_text: (i + end, i + end),
        kind: Kind::Normal,
        suffix: suffix.filter(|s| *s != "多"),
        many: suffix.filter(|s| *s == "多"),
        plain: false,
        unit_word: Some("%"),
    })
}

/// Groups of people counted by a figure written before them (`12.6万贫困人口脱贫`).
const PEOPLE_NOUNS: &[&str] = &[
    "贫困人口", "农村贫困人口", "建档立卡贫困人口", "建档立卡", "贫困群众", "困难群众", "群众", "农民工", "农民", "农户",
    "贫困户", "居民", "城乡居民", "职工", "学生", "儿童", "劳动力", "高校毕业生", "退役军人", "人口", "农业转移人口",
];

/// `s` starts with a group of people counted by the figure before it, not a class of
/// places (`100万人口城市`, `百万人口大县`).
fn people_noun(s: &str) -> bool {
    people_noun_at(s).is_some()
}

/// Words that narrow a group of people before its noun: `农村人口`, `城镇困难群众`,
/// `农村留守儿童`.
const PEOPLE_MODIFIERS: &[&str] = &["农村", "城镇", "城市", "城乡", "山区", "低收入", "失业", "残疾", "留守", "困难", "贫困"];

/// The group of people at the start of `s` (see [`people_noun`]): the longest of
/// [`PEOPLE_NOUNS`], after at most two [`PEOPLE_MODIFIERS`].
pub fn people_noun_at(s: &str) -> Option<&str> {
    let noun_at = |t: &str| {
        PEOPLE_NOUNS
            .iter()
            .filter(|w| {
                t.strip_prefix(**w)
                    .is_some_and(|r| !["城市", "大县", "大市", "规模", "级", "以上", "以下"].iter().any(|x| r.starts_with(x)))
            })
            .map(|w| w.len())
            .max()
    };
    let mut best = noun_at(s);
    let mut from = 0;
    for _ in 0..2 {
        let Some(m) = PEOPLE_MODIFIERS.iter().find(|m| s[from..].starts_with(**m)) else { break };
        from += m.len();
        if let Some(len) = noun_at(&s[from..]) {
            best = best.max(Some(from + len));
        }
    }
    best.map(|len| &s[..len])
}

/// The predicate after a figure with no subject before it (`5.2万人实现就业`,
/// `12.6万贫困人口脱贫`): the clause's rest when it is a short run of ideographs, not a
/// comparison or a change of the figure itself (`比上年增长`).
pub fn following_phrase(after: &str) -> Option<&str> {
    following_phrase_within(after, 10)
}

/// [`following_phrase`] of at most `max` chars. After a verb that hands its people on
/// (`引导约1亿人在中西部地区就近城镇化`, [`people_verb_only`]) the predicate is the
/// figure's whole subject and may say where, so it may run longer.
pub fn following_phrase_within(after: &str, max: usize) -> Option<&str> {
    // The run of ideographs up to a list or clause mark (not 的: 13亿多人口的发展中大国).
    let t = han_words(after, "的", max + 1);
    let n = t.chars().count();
    let stop = after[t.len()..].chars().next();
    if !(2..=max).contains(&n) || stop.is_some_and(|c| !"、，。；：,;: \u{3000}".contains(c)) {
        return None;
    }
    const NOT: &[&str] = &["比", "较", "同比", "增", "减", "降", "下降", "提高", "占", "是", "为", "以", "左右", "多", "余"];
    if NOT.iter().any(|w| t.starts_with(w)) || scan_unit(t).is_some() {
        return None;
    }
    Some(t)
}

/// Verbs that hand the people a figure counts to the predicate after it: in
/// `引导约1亿人在城镇落户` or `支持300万人就地就业` the figure counts who settles or finds
/// work, and the verb before it is no name.
/// `解决15万人出行难问题`: the figure counts whose problem is solved.
const PEOPLE_VERBS: &[&str] = &["引导", "帮助", "支持", "推动", "促进", "带动", "吸引", "扶持", "鼓励", "动员", "组织", "使", "让", "解决"];

/// Whether a figure's subject `gap` is only one of [`PEOPLE_VERBS`], after at most two
/// chars (`再带动`, `累计帮助`) and before at most a 了 (`解决了`).
pub fn people_verb_only(gap: &str) -> bool {
    verb_only(gap, PEOPLE_VERBS)
}

/// Verbs that say how many people something reached: `惠及200多万人`, `覆盖1200万人`.
const REACH_VERBS: &[&str] = &["惠及", "覆盖", "涉及", "受益"];

/// Whether a figure's subject `gap` is only one of [`REACH_VERBS`] (as in
/// [`people_verb_only`]): alone, it names no figure; the sentence's figure before says
/// what reached the people (`改造棚户区住房58万套，惠及200多万人`).
pub fn reach_verb_only(gap: &str) -> bool {
    verb_only(gap, REACH_VERBS)
}

fn verb_only(gap: &str, verbs: &[&str]) -> bool {
    let gap = gap.strip_suffix('了').unwrap_or(gap);
    verbs.iter().any(|v| gap.strip_suffix(v).is_some_and(|head| head.chars().count() <= 2))
}

/// Verbs of passing a milestone.
const MILESTONE_VERBS: &[&str] = &["突破", "迈上", "跨上", "跃上", "站上", "登上", "迈入", "跨入", "跨越", "冲破", "越过", "超过", "达到"];

/// Words after a figure that make it a milestone passed (突破千亿元大关, 迈上千亿台阶).
fn milestone_word(s: &str) -> bool {
    ["大关", "台阶", "关口"].iter().any(|w| s.starts_with(w))
}

/// A magnitude written as a word before a milestone: `千亿元大关` (1000 亿元), `百亿元台阶`
/// (100 亿元), `万亿元台阶` (1 万亿元), `万人大关` (1 万人). Only with 大关/台阶/关口 right
/// after the unit (千亿市州, 百亿级企业 are names), or with the unit ending the clause
/// (`社会消费品零售总额突破千亿元，达到1008亿元`), and not inside a number (五千亿 is read
/// by the numeral scanner).
fn magnitude(clause: &str, i: usize) -> Option<Item> {
    let rest = clause.get(i..)?;
    let c = rest.chars().next()?;
    // (cheap first: the milestone word within a few chars)
    let mut k = rest.len().min(24);
    while !rest.is_char_boundary(k) {
        k -= 1;
    }
    let window = &rest[..k];
    // (大关 / 关口 / 台阶: one pass over ≤ 8 chars for 关 or 阶 first; else the clause ends
    // within a magnitude and a unit: 千亿元, 千万人次)
    let stepped = window.contains(['关', '阶']) && (window.contains("大关") || window.contains("台阶") || window.contains("关口"));
    if !stepped && rest.trim_end().len() > "千万人次".len() {
        return None;
    }
    // Right after a verb of passing (not 两个千亿元台阶, a count of steps).
    let head = clause.get(..i)?.trim_end_matches('了');
    if !MILESTONE_VERBS.iter().any(|v| head.ends_with(v)) {
        return None;
    }
    let (value, ustart, end) = match c {
        '万' => (1.0, i, i + c.len_utf8()),
        '千' => (1000.0, i + c.len_utf8(), i + c.len_utf8()),
        '百' => (100.0, i + c.len_utf8(), i + c.len_utf8()),
        _ => return None,
    };
    let unit = scan_unit(clause.get(ustart..)?)?;
    if unit.is_percent() || matches!(unit.family, Family::PercentPoint | Family::Multiple) {
        return None;
    }
    // 千 / 百 take a unit of their own size or larger (千亿元, 百万人), 万 is the unit's own prefix.
    if c == '万' && unit.scale < 1e4 {
        return None;
    }
    let uend = ustart + unit.len;
    if !milestone_word(clause.get(uend..)?) && !(clause.get(uend..)?.trim().is_empty() && !stepped) {
        return None;
    }
    Some(Item {
        start: i,
        end: if c == '万' { uend } else { end },
        after: uend,
        low: value,
        high: None,
        parts: Vec::new(),
        unit: Some(unit),
        unit_text: (ustart, uend),
        kind: Kind::Normal,
        suffix: None,
        many: None,
        plain: false,
        unit_word: None,
    })
}

/// A ratio at `i` whose number(s) take `q` bytes of `rest` (= `clause[i..]`), with the
/// bound written after it (收入比缩小到1.95:1以内), and the bytes it takes.
fn ratio_item(rest: &str, i: usize, q: usize, low: f64, parts: Vec<f64>, plain: bool) -> (Option<Item>, usize) {
    let suffix = ["以内", "以下", "左右"].into_iter().find(|s| rest[q..].starts_with(s));
    let after = q + suffix.map_or(0, str::len);
    let item = Item {
        start: i,
        end: i + q,
        after: i + after,
        low,
        high: None,
        parts,
        unit: None,
        unit_text: (i + q, i + q),
        kind: Kind::Ratio,
        suffix,
        many: None,
        plain,
        unit_word: None,
    };
    (Some(item), after)
}

/// Nouns of a ratio written as one number (收入比 2.23 = 2.23 : 1).
const RATIO_NOUNS: &[&str] = &["收入比", "收入之比", "倍差", "比值"];
/// What may stand between such a noun and its number.
const RATIO_VERBS: &[&str] = &[
    "缩小到", "缩小至", "缩小为", "缩减到", "缩减至", "降至", "降到", "降为", "下降到", "下降至", "下降为",
    "降低到", "降低至", "收窄到", "收窄至", "控制在", "保持在", "稳定在", "达到", "为", "是",
];

/// The words before a number (at most 10 characters) end in a ratio's noun and a verb
/// (收入比缩小到, 倍差为), or in a noun, 由 and an earlier value (倍差由2.30缩小到).
fn ratio_word_before(before: &str) -> bool {
    RATIO_NOUNS.iter().any(|noun| {
        let Some(k) = before.rfind(noun) else { return false };
        let mut between = &before[k + noun.len()..];
        if between.is_empty() || between == "由" || between == "从" {
            return true;
        }
        // 由2.30 / 由2.5∶1 then the verb.
        if let Some(r) = between.strip_prefix('由').or_else(|| between.strip_prefix('从')) {
            between = r.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | ':' | '：' | '∶'));
        }
        RATIO_VERBS.contains(&between)
    })
}

/// Try a figure at `i`. Returns the item (if it is one) and the bytes to skip.
fn figure(clause: &str, i: usize, prev: Option<char>, prev2: Option<char>) -> (Option<Item>, usize) {
    let rest = &clause[i..];
    let c = rest.chars().next().unwrap_or(' ');
    // 保8争9
    if c == '保' {
        if let Some(n1) = scan_arabic(&rest.as_bytes()[3..]) {
            // 保5%争8%: the first value may carry the unit too.
            let p = 3 + n1.len + rest.get(3 + n1.len..).and_then(|r| ["%", "％"].into_iter().find(|u| r.starts_with(u))).map_or(0, str::len);
            if rest.get(p..).map(|r| r.starts_with('争')).unwrap_or(false) {
                if let Some(n2) = scan_arabic(&rest.as_bytes()[p + 3..]) {
                    let mut e = p + 3 + n2.len;
                    let unit = scan_unit(&rest[e..]).filter(|u| u.is_percent());
                    let ustart = e;
                    if let Some(u) = unit {
                        e += u.len;
                    }
                    return (
                        Some(Item {
                            // 保 belongs to the figure, not to the name before it.
                            start: i,
                            end: i + p + 3 + n2.len,
                            after: i + e,
                            low: n1.value,
                            high: Some(n2.value),
                            parts: vec![],
                            unit: unit.or(Some(Unit { len: 0, family: Family::Percent, scale: 1.0, base: "%" })),
                            unit_text: (i + ustart, i + e),
                            kind: Kind::Normal,
                            suffix: None,
                            many: None,
                            plain: false,
                            unit_word: None,
                        }),
                        e,
                    );
                }
            }
        }
        return (None, 3);
    }
    // 百分之八 / 千分之十二: the unit is in the words
    let pct_words = rest.starts_with("百分之") || rest.starts_with("千分之");
    let mut permille = false;
    let num = if pct_words {
        scan_percent_words(rest).map(|(n, pm)| {
            permille = pm;
            n
        })
    } else if digit(rest.as_bytes()).is_some() {
        scan_arabic(rest.as_bytes())
    } else {
        scan_chinese(rest)
    };
    let Some(num) = num else { return (None, c.len_utf8()) };
    if let Some(it) = tenths(rest, i, &num, prev) {
        let after = it.after - i;
        return (Some(it), after);
    }
    let mut skip = num.len;
    // Swallow a whole run of digits/letters for codes (5G, A1, 3D): nothing here.
    let ordinal = matches!(prev, Some('第') | Some('.') | Some('．'))
        || prev.map(|p| p.is_ascii_alphabetic() || p == '_' || p == '/').unwrap_or(false);
    let next_after_num = char_at(rest, num.len);
    if ordinal
        || next_after_num.map(|n| n.is_ascii_alphabetic() && n != 'k' && n != 'K').unwrap_or(false)
    {
        // Skip the whole alnum run.
        let extra = rest[num.len..]
            .char_indices()
            .find(|(_, ch)| !(ch.is_ascii_alphanumeric()))
            .map(|(j, _)| j)
            .unwrap_or(rest.len() - num.len);
        return (None, num.len + extra);
    }
    // 全球前2%, 前10%的企业: a rank or a class of things, not a figure.
    if prev == Some('前') && !num.chinese && matches!(next_after_num, Some('%' | '％')) {
        return (None, num.len + next_after_num.map_or(0, char::len_utf8));
    }
    let mut low = num.value;
    let mut start = i;
    // Negative: 增长-3.8%.
    if !num.chinese && matches!(prev, Some('-') | Some('－') | Some('−')) {
        if prev2.map(is_han).unwrap_or(false) {
            low = -low;
            start = i - prev.map(|p| p.len_utf8()).unwrap_or(0);
        }
    }
    let mut p = num.len;
    let mut many = None;
    for m in ["多", "余"] {
        if rest[p..].starts_with(m) {
            many = Some(m);
            p += m.len();
            break;
        }
    }
    let mut unit = if pct_words && permille {
        Some(Unit { len: 0, family: Family::Permille, scale: 1.0, base: "‰" })
    } else if pct_words {
        Some(Unit { len: 0, family: Family::Percent, scale: 1.0, base: "%" })
    } else {
        scan_unit(&rest[p..])
    };
    // 4万多亿元, 3亿多人: 多 between the place word and the unit; the unit is read whole
    // (万亿元) and the figure is "more than".
    let mut unit_word = permille.then_some("‰");
    if let Some(u) = unit.filter(|u| u.family == Family::Scale && many.is_none()) {
        let q = p + u.len;
        if let Some(m) = ["多", "余"].into_iter().find(|m| rest[q..].starts_with(m)) {
            let r = q + m.len();
            if let Some(u2) = scan_unit(&rest[r..]) {
                let (place, written) = (&rest[p..q], &rest[r..r + u2.len]);
                if let Some(w) = PLACE_UNITS.iter().find(|w| w.strip_prefix(place) == Some(written)) {
                    many = Some(m);
                    unit = Some(Unit { len: r + u2.len - p, family: u2.family, scale: u.scale * u2.scale, base: u2.base });
                    unit_word = Some(*w);
                }
            }
        }
    }
    let mut ustart = p;
    let mut uend = p + unit.map(|u| u.len).unwrap_or(0);
    let mut end = num.len;
    let mut high = None;
    let mut kind = Kind::Normal;
    let mut parts = Vec::new();
    let mut plain = num.plain && start == i;
    let mut tail_pos = uend;
    // Range: 6.5%-7%, 6-6.5%, 6.5—7%, 8%至10%.
    if let Some(sl) = range_sep(&rest[uend..]) {
        let q = uend + sl;
        // (百分之五到百分之六: the second in words too, in the first's unit)
        let second = match scan_percent_words(&rest[q..]) {
            Some((n2, pm)) if pct_words && pm == permille => Some(n2),
            Some(_) => None,
            None => parse_num(&rest[q..], num.chinese && digit(rest[q..].as_bytes()).is_none()),
        };
        if let Some(n2) = second {
            let p2 = q + n2.len;
            let u2 = scan_unit(&rest[p2..]);
            // 1.2万—1.5万人: a bare 万 before a range whose end says 万人 is that unit
            if let (Some(a), Some(b)) = (unit, u2) {
                if a.family == Family::Scale && b.family != Family::Scale && a.scale == b.scale {
                    unit = u2;
                    ustart = p2;
                    uend = p2 + b.len;
                }
            }
            let compatible = match (unit, u2) {
                (Some(a), Some(b)) => a.family == b.family && a.scale == b.scale,
                (None, Some(_)) | (Some(_), None) => true,
                (None, None) => false,
            };
            if compatible && n2.value >= low {
                if unit.is_none() {
                    unit = u2;
                    ustart = p2;
                    uend = p2 + u2.map(|u| u.len).unwrap_or(0);
                }
                tail_pos = p2 + u2.map(|u| u.len).unwrap_or(0);
                high = Some(n2.value);
                end = p2;
                plain = false;
            } else if unit.is_none() && u2.is_none() {
                // 2012-2016年, 1—11月: no figure.
                skip = p2;
                return (None, skip);
            }
        }
    }
    if unit.is_none() {
        // Ratio: 12.7：58.8：28.5
        if !num.chinese {
            let mut q = num.len;
            let mut vals = vec![num.value];
            let mut any_dec = num.decimal;
            while let Some(sl) = ratio_sep(&rest[q..]) {
                match scan_arabic(rest[q + sl..].as_bytes()) {
                    Some(n) => {
                        vals.push(n.value);
                        any_dec |= n.decimal;
                        q += sl + n.len;
                    }
                    None => break,
                }
                if vals.len() > 8 {
                    break;
                }
            }
            if vals.len() >= 3 || (vals.len() == 2 && any_dec) {
                return ratio_item(rest, i, q, vals[0], vals, false);
            } else if vals.len() > 1 {
                return (None, q);
            }
        }
        // Index: 居民消费价格指数控制在103左右
        // Look back a few words only (keeps the scan linear).
        let mut from = i.saturating_sub(30);
        while from < i && !clause.is_char_boundary(from) {
            from += 1;
        }
        let before = &clause[from..i];
        // A ratio written as one number: 城乡居民收入比缩小到2.23, 收入倍差由2.30缩小至1.95以内.
        if !num.chinese && num.decimal && (1.0..=20.0).contains(&num.value) && ratio_word_before(before) {
            return ratio_item(rest, i, num.len, num.value, Vec::new(), num.plain);
        }
        let is_index = (50.0..=300.0).contains(&num.value)
            && !num.chinese
            && before
                .rfind("指数")
                .map(|k| {
                    let between = &before[k + 6..];
                    between.len() <= 12
                        && matches!(between, "" | "控制在" | "为" | "保持在" | "稳定在" | "达到" | "在" | "涨幅" | "达")
                })
                .unwrap_or(false)
            && !matches!(next_after_num, Some('年' | '月' | '日' | '号' | '点' | '.'));
        if !is_index {
            return (None, skip.max(p));
        }
        kind = Kind::Index;
        parts.clear();
    }
    // Chinese numerals: 三 alone (三个方面) is not a figure; 三十, 四百多, 两个百分点 are.
    if num.chinese && !pct_words {
        let strong = num.has_mult
            || unit.map(|u| u.scale > 1.0 || matches!(u.family, Family::PercentPoint | Family::Multiple)).unwrap_or(false);
        if !strong || num.value == 0.0 {
            return (None, skip.max(p.min(num.len)));
        }
    }
    if let Some(u) = unit {
        if u.family == Family::Scale {
            // 20万 followed by a word is part of a name (千亿市州, 百万人口…).
            let nc = char_at(rest, tail_pos);
            let ok = match nc {
                None => true,
                Some(ch) => {
                    !is_han(ch)
                        || "以左多余和、与及".contains(ch)
                        || rest.get(tail_pos..).is_some_and(milestone_word)
                        || (!num.chinese && rest.get(tail_pos..).is_some_and(people_noun))
                }
            };
            if !ok {
                return (None, uend);
            }
        }
    }
    // 连续跨越两个五千亿元台阶: the size of each step counted, not a level reached.
    if prev == Some('个') && prev2.is_some_and(|p| cn_digit(p).is_some() || p == '几' || p.is_ascii_digit()) && rest.get(tail_pos..).is_some_and(milestone_word) {
        return (None, tail_pos);
    }
    // 4个季度, 3个月: durations, not counts (3个工作日 is a unit of its own).
    if let Some(u) = unit {
        if u.base == "个" && ["季度", "月", "小时", "星期", "年度"].iter().any(|w| rest[uend..].starts_with(w)) {
            return (None, uend);
        }
    }
    // Suffix qualifiers.
    let mut after = tail_pos.max(uend);
    let mut suffix = None;
    for s in SUFFIXES {
        if rest[after..].starts_with(s) {
            suffix = Some(*s);
            after += s.len();
            break;
        }
    }
    if matches!(suffix, Some("多") | Some("余")) && many.is_none() {
        many = suffix;
    }
    // A figure that modifies a noun: 2000万元以上项目, 亿元级, 百亿级. A count of things
    // (5家以上企业, 新增10个以上省级园区, 30名以上人才) counts the noun instead.
    let nc = char_at(rest, after);
    let counts_things = unit.is_some_and(|u| matches!(u.base, "个" | "家" | "所" | "项" | "座" | "处" | "批" | "条" | "名"));
    if let Some(ch) = nc {
        let modifier = match suffix {
            Some("以上") if counts_things => false,
            Some("以上") | Some("以下") => is_han(ch) && !"和及与或、".contains(ch),
            _ => ch == '级' && unit.map(|u| !u.is_percent()).unwrap_or(false),
        };
        if modifier {
            return (None, after);
        }
    }
    let _ = cn_digit;
    (
        Some(Item {
            start,
            end: i + end,
            after: i + after,
            low,
            high,
            parts,
            unit,
            unit_text: (i + ustart, i + uend),
            kind,
            suffix,
            many,
            plain,
            unit_word,
        }),
        after,
    )
}

/// Units written with 多 after their place word (`4万多亿元`, `3亿多人`), as they read
/// without it.
const PLACE_UNITS: &[&str] = &[
    "万亿元", "万亿", "万元", "万人次", "万人", "万名", "万户", "万家", "万吨", "万亩", "万千瓦", "万公里", "万平方米", "万个",
    "万套", "万件", "万张", "万间", "万辆", "万台", "万株", "万头",
    "亿元", "亿人次", "亿人", "亿吨", "亿亩", "亿千瓦时", "亿斤",
];

#[cfg(test)]
#[path = "scan_tests.rs"]
mod tests;
