//! The words between two figures ("the gap"): who the subject is, which verb
//! and qualifier lead to the number, and adverbs like 分别 / 均 / 年均 / 预计.
//!
//! The gap is read from both ends: function words (verbs, qualifiers, adverbs,
//! base phrases like 比上年) are peeled off its tail, scope words (全市, 全年,
//! 其中, a leading year) off its head; what remains is the subject as written.

mod words;
#[cfg(test)]
mod tests;

pub use words::T;
use words::T::*;
pub(super) use words::SPANS;
use words::{head_index, tail_index, NAME_ENDS};

/// Region words after 高于/低于 that make a relative target (高于全省0.5个百分点), the
/// economy's own growth (收入分别高于经济增速0.2和2.0个百分点), or the other group of
/// residents (农村居民收入增长6.8%，高于城镇居民1.9个百分点), or the year's own goal
/// (增长6.2%，高于预期目标0.2个百分点; 比年度目标高1.1个百分点).
fn region_phrase(s: &str) -> Option<&str> {
    if matches!(s, "预期目标" | "年度目标" | "全年目标" | "目标" | "预期" | "年初目标" | "年度预期目标") {
        return Some(s);
    }
    let t = s
        .trim_end_matches("水平")
        .trim_end_matches("平均")
        .trim_end_matches("的");
    let n = t.chars().count();
    if (1..=6).contains(&n)
        && (t.starts_with('全') || t.ends_with('省') || t.ends_with('国') || t.ends_with("全市")
            || ["经济增速", "经济增长", "GDP增速", "生产总值增速", "居民"].iter().any(|w| t.ends_with(w)))
    {
        Some(t)
    } else {
        None
    }
}

/// Verbs of adding or doing after a leading 年均 (年均新增, 年均完成): the figure is a yearly
/// average over the years spoken of.
const AVG_OF_VERBS: [&str; 12] = ["新增", "新建", "新开工", "增加", "减少", "完成", "实施", "建成", "引进", "改造", "培育", "转移"];

/// What may follow a comparison word in `COMPARISONS`.
#[derive(Clone, Copy, PartialEq)]
enum Against {
    /// A region or the year's goal (`region_phrase`): 高于全省, 高出全省平均水平,
    /// 高于预期目标.
    Region,
    /// Only the year's goal: 超过年度目标 (超过 before a region is not said so).
    Goal,
}

/// The words that measure a figure against a region's or a goal's, whether the figure
/// is above (`true`) or below, and what may follow them. The first word, in this order,
/// whose last place in the gap is followed by what it may name is the one read.
/// (`增速比全省高`, with 比, is read apart: it names the region before the word.)
const COMPARISONS: [(&str, bool, Against); 8] = [
    ("高于", true, Against::Region),
    ("低于", false, Against::Region),
    ("快于", true, Against::Region),
    ("慢于", false, Against::Region),
    // 增幅8.1%，高出全省平均水平0.7个百分点
    ("高出", true, Against::Region),
    // 城镇新增就业8.2万人，超过年度目标1.2万人: by how much the year's goal was passed
    ("超过", true, Against::Goal),
    ("超出", true, Against::Goal),
    ("超", true, Against::Goal),
];

fn first_char(r: &str) -> char {
    r.chars().next().unwrap_or(' ')
}

/// `r` after a cause at its start (`受疫情影响`, `因灾影响`, `由于国际市场价格下跌影响`):
/// up to 12 chars between the word of cause and 影响.
fn cause_head(r: &str) -> Option<&str> {
    let t = ["受到", "受", "因", "由于"].iter().find_map(|w| r.strip_prefix(w))?;
    let k = t.char_indices().take(13).find(|(k, _)| t[*k..].starts_with("影响")).map(|(k, _)| k)?;
    Some(&t[k + "影响".len()..])
}

/// `r` after a basis of comparison at its start (`剔除留抵退税因素后`, `扣除疫情影响`,
/// `剔除一次性因素`): up to 12 chars between the word of removal and 因素 / 影响.
fn basis_head(r: &str) -> Option<&str> {
    let t = ["剔除", "扣除"].iter().find_map(|w| r.strip_prefix(w))?;
    let (k, w) = t.char_indices().take(13).find_map(|(k, _)| ["因素", "影响"].into_iter().find(|w| t[k..].starts_with(w)).map(|w| (k, w)))?;
    let rest = &t[k + w.len()..];
    Some(rest.strip_prefix('后').unwrap_or(rest))
}

/// `r` after a named five-year plan at its start (`“十三五”时期`, `十四五期间`, `“八五”`).
fn plan_head(r: &str) -> Option<&str> {
    let t = r.trim_start_matches(['“', '"']);
    let n = t.chars().take(3).take_while(|c| "六七八九十一二三四五".contains(*c)).count();
    if !(2..=3).contains(&n) {
        return None;
    }
    let k: usize = t.chars().take(n).map(char::len_utf8).sum();
    if !t[..k].ends_with('五') {
        return None;
    }
    let quoted = t[k..].starts_with(['”', '"']);
    let u = t[k..].trim_start_matches(['”', '"']);
    let u2 = ["规划期间", "期间", "时期", "末", "以来"].iter().find_map(|w| u.strip_prefix(w));
    match u2 {
        Some(v) => Some(v),
        None if quoted => Some(u),
        None => None,
    }
}

/// What a gap says.
#[derive(Clone, Debug, Default)]
pub struct Gap {
    pub subject: String,
    /// Verb nearest the number (Up/Down/Level/Qual/Share), if any.
    pub verb: Option<T>,
    /// A prefix qualifier nearest the number (控制在, 突破, 约 …).
    pub qual: Option<&'static str>,
    pub relative_to: Option<String>,
    /// 高于 → true, 低于 → false.
    pub rel_up: Option<bool>,
    pub down: bool,
    pub up: bool,
    pub each: bool,
    pub all: bool,
    pub avg: bool,
    pub cum: bool,
    /// 新增 right before the figure (`…达到1000家，新增120家`): a count added.
    pub added: bool,
    pub est: bool,
    pub tgt: bool,
    /// 预期 / 年初目标 right before the verb (`地区生产总值预期增长6.5%，实际增长6.1%`):
    /// the goal set for the year, which a review quotes beside what was done.
    pub goal: bool,
    pub share: bool,
    /// A year stated in the gap (`1979年…`, `到2021年`), not a base (`比2011年`).
    pub year: Option<i32>,
    /// The figure is a starting level: `由每人每年380元提高到…`, `赤字率从去年的2.1%提高到2.3%`.
    pub from: bool,
    /// The starting figure is last year's: `由上年的9.8%下降到5.3%`.
    pub prior: bool,
    /// The gap is just a region (`、全省`): a second comparison after a relative figure.
    pub region: Option<String>,
    /// Years an average spans when the gap says (`两年平均` → 2); otherwise five.
    pub years: Option<i32>,
    /// The year of a base written with one (`比2015年增长32.1%` → 2015).
    pub base_year: Option<i32>,
}

/// `上年`, `1980年预计`, `2011年末`: the thing after 比/较 in a base phrase.
fn is_base(after: &str) -> bool {
    // 较“十三五”时期增长32%: a named plan's years are a base too
    if strip_plan_suffix(after) == Some("") {
        return true;
    }
    let t = after.trim_start_matches(|c: char| c.is_ascii_digit());
    let digits = after.len() - t.len();
    if digits > 0 && digits != 4 {
        return false;
    }
    // 比上年年初预算 / 比预算 / 较年初预算数: a budget (of a year) is a base too
    let budget = ["预算数", "预算", "决算数", "计划"].iter().find_map(|w| t.strip_suffix(w));
    let t = match budget {
        Some("") => return digits == 0,
        Some(rest) => rest,
        None => t,
    };
    matches!(
        t,
        "年" | "年预计" | "年末" | "年底" | "年同期" | "上年" | "去年" | "前年" | "上年同期" | "同期"
            | "上一年" | "上年末" | "上五年" | "年初" | "上年年初"
            // 降幅比上半年收窄: a part of the year is a base too
            | "上半年" | "前三季度" | "一季度" | "上季度" | "上月"
    )
}

/// A numeral of a count of years (`5`, `三`, `两`, `十多`).
fn is_span_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十两多".contains(c)
}

/// `r` without a trailing span of years or months that says how long, not what:
/// `连续5年`, `已连续三年`, `提前两年`, `连续6个月`; and a count of years in CJK numerals
/// right after a name (`全社会固定资产投资五年累计完成`, `…三年来`), which is when.
fn span_suffix(r: &str) -> Option<&str> {
    let t = r.strip_suffix("年来").or_else(|| r.strip_suffix('年'));
    let (t, years) = match t {
        Some(t) => (t, true),
        None => (r.strip_suffix("个月")?, false),
    };
    let head = t.trim_end_matches(is_span_numeral);
    if head.len() == t.len() {
        return None;
    }
    match head.strip_suffix("连续").or_else(|| head.strip_suffix("提前")) {
        Some(h) => Some(h.strip_suffix('已').unwrap_or(h)),
        // a bare count: CJK numerals only (2023年 is a year), and a name before it
        None if years
            && t[head.len()..].chars().all(|c| "两二三四五六七八九十".contains(c))
            && t.len() - head.len() <= 2 * '十'.len_utf8()
            && head.chars().count() >= 2 =>
        {
            Some(head)
        }
        None => None,
    }
}

fn strip_year_suffix(r: &str) -> Option<&str> {
    // "是2011年的" → handled by caller stripping 的; here: trailing "2011年", "2011年末", "上五年".
    for suf in ["年末", "年底", "年同期", "年"] {
        if let Some(head) = r.strip_suffix(suf) {
            let h2 = head.trim_end_matches(|c: char| c.is_ascii_digit());
            if head.len() - h2.len() == 4 {
                return Some(h2);
            }
            // (去年同期 is a base after 比, read there; 2019年同期 is a year's level)
            if suf == "年同期" {
                continue;
            }
            // 上年, 去年, 上五年, 前五年 (是前五年的2.8倍), 上一个五年: a base; 提前三年 is a span
            let numerals = |c: char| "一二三四五六七八九十两".contains(c);
            let h2 = head.trim_end_matches(numerals);
            let h2 = h2.strip_suffix('个').map_or(h2, |h| h.trim_end_matches(numerals));
            if h2.len() < head.len() && h2.ends_with("提前") {
                return None;
            }
            for w in ["上", "去", "前"] {
                if let Some(h3) = h2.strip_suffix(w) {
                    return Some(h3);
                }
            }
        }
    }
    None
}

/// `r` before a named plan's years at its end (`是“十三五”时期`, `较十二五期间`): the plan
/// name ends in 五 (六五 … 十五五), the years are 时期 / 期间.
fn strip_plan_suffix(r: &str) -> Option<&str> {
    let h = ["时期", "期间"].iter().find_map(|w| r.strip_suffix(w))?;
    let h = h.trim_end_matches(['”', '"']);
    let name = h.strip_suffix('五')?;
    let head = name.trim_end_matches(|c: char| "一二三四五六七八九十".contains(c));
    let digits = name.len() - head.len();
    if digits == 0 || digits > 2 * '十'.len_utf8() {
        return None;
    }
    Some(head.trim_end_matches(['“', '"']))
}

/// The last year of the plan a base names in full (`“十三五”时期` → 2020, `九五期间` →
/// 2000, `“十五五”时期` → 2030): the plan read as [`super::years::plan_period`] reads it.
fn plan_end(base: &str) -> Option<i32> {
    if strip_plan_suffix(base) != Some("") {
        return None;
    }
    super::years::plan_period(base).map(|(_, (_, last), _)| last)
}

/// A year at the start of `s`, `2024年` or, as older reports write it, `一九八四年`:
/// (year, byte length with 年).
fn leading_year(s: &str) -> Option<(i32, usize)> {
    let b = s.as_bytes();
    if b.len() >= 7 && b[..4].iter().all(|c| c.is_ascii_digit()) && s.get(4..7) == Some("年") {
        let y: i32 = s.get(..4)?.parse().ok()?;
        if (1900..=2100).contains(&y) {
            return Some((y, 7));
        }
    }
    // 四 CJK numerals (3 bytes each) then 年: rejected by one compare on the hot path
    if b.get(12..15) != Some("年".as_bytes()) {
        return None;
    }
    let mut y = 0;
    let mut chars = s.char_indices();
    for _ in 0..4 {
        let (_, c) = chars.next()?;
        y = y * 10 + "〇一二三四五六七八九".chars().position(|d| d == c).or((c == '零').then_some(0))? as i32;
    }
    match chars.next() {
        Some((k, '年')) if (1900..=2100).contains(&y) => Some((y, k + '年'.len_utf8())),
        _ => None,
    }
}

/// A 3-byte char (U+0800..U+FFFF) as its UTF-8 bytes in one number.
const fn u3(c: char) -> u32 {
    let v = c as u32;
    ((0xE0 | (v >> 12)) << 16) | ((0x80 | ((v >> 6) & 0x3F)) << 8) | (0x80 | (v & 0x3F))
}

/// The chars `read` looks for in a gap, found in one pass over its chars (`str::rfind`
/// of a CJK char runs memrchr on its last byte, which most CJK chars share).
struct GapChars {
    yu: bool,
    /// 出 (of 高出).
    chu: bool,
    /// Last offsets of 比 / 较 / 由 / 从.
    bi: Option<usize>,
    jiao: Option<usize>,
    you: Option<usize>,
    cong: Option<usize>,
}

impl GapChars {
    fn new(s: &str) -> Self {
        const YU: u32 = u3('于');
        const BI: u32 = u3('比');
        const JIAO: u32 = u3('较');
        const YOU: u32 = u3('由');
        const CONG: u32 = u3('从');
        const CHU: u32 = u3('出');
        let mut g = GapChars { yu: false, chu: false, bi: None, jiao: None, you: None, cong: None };
        let b = s.as_bytes();
        let mut i = 0;
        // The last bytes of the six chars (于 从 8E, 比 94, 较 83, 由 B1, 出 BA), one bit
        // each: a char ending otherwise is none of them.
        const LAST: u64 = (1 << (0x8E - 0x80)) | (1 << (0x94 - 0x80)) | (1 << (0x83 - 0x80)) | (1 << (0xB1 - 0x80)) | (1 << (0xBA - 0x80));
        while i + 3 <= b.len() {
            let x = b[i];
            if (0xE0..0xF0).contains(&x) {
                if (LAST >> (b[i + 2] & 0x3F)) & 1 == 0 {
                    i += 3;
                    continue;
                }
                match (u32::from(x) << 16) | (u32::from(b[i + 1]) << 8) | u32::from(b[i + 2]) {
                    YU => g.yu = true,
                    CHU => g.chu = true,
                    BI => g.bi = Some(i),
                    JIAO => g.jiao = Some(i),
                    YOU => g.you = Some(i),
                    CONG => g.cong = Some(i),
                    _ => {}
                }
                i += 3;
            } else {
                i += if x < 0x80 { 1 } else if x < 0xE0 { 2 } else { 4 };
            }
        }
        g
    }
}

/// `r.rfind(c)` for `r`, a slice of `r0`, given `last0`, the last `c` in `r0`.
fn last_in(r0: &str, r: &str, last0: Option<usize>, c: char) -> Option<usize> {
    let off = (r.as_ptr() as usize).wrapping_sub(r0.as_ptr() as usize);
    match last0 {
        None => None,
        Some(_) if off > r0.len() => r.rfind(c),
        Some(p) if p < off => None,
        Some(p) if p + c.len_utf8() <= off + r.len() => Some(p - off),
        Some(_) => r.rfind(c),
    }
}

/// Read a gap (the text between the previous figure or clause start and this number).
pub fn read(gap: &str) -> Gap {
    let (mut g, subject) = read_borrowed(gap);
    g.subject = subject.to_string();
    g
}

/// [`read`] with the subject as a slice of `gap` (`Gap::subject` left empty): the
/// extractor copies it only where it keeps it.
pub(super) fn read_borrowed(gap: &str) -> (Gap, &str) {
    let mut g = Gap::default();
    let r0 = gap.trim();
    let mut r = r0;
    let gc = GapChars::new(r0);
    // 高于全省 / 低于全国平均水平 / 超过年度目标: a relative target (`COMPARISONS`).
    // Each word is cued by a char of the gap (于, 出) or by the goal it must end with.
    if gc.yu || gc.chu || r.ends_with("目标") {
        for &(kw, up, against) in &COMPARISONS {
            let Some(pos) = r.rfind(kw) else { continue };
            let rest = &r[pos + kw.len()..];
            if against == Against::Goal && !rest.ends_with("目标") {
                continue;
            }
            if let Some(reg) = region_phrase(rest) {
                g.relative_to = Some(reg.to_string());
                g.rel_up = Some(up);
                r = &r[..pos];
                break;
            }
        }
    }
    // 增速比全省高1.2个百分点: the same, written with 比.
    if g.relative_to.is_none() && (gc.bi.is_some() || gc.jiao.is_some()) && r.ends_with(['高', '快', '低', '慢', '出']) {
        for (kw, up) in [("高出", true), ("高", true), ("快", true), ("低", false), ("慢", false)] {
            let Some(head) = r.strip_suffix(kw) else { continue };
            if let Some(p) = head.rfind('比').or_else(|| head.rfind('较')) {
                // 比全国、全省分别高1.1和0.5个百分点: the regions of the figures in turn, as
                // in 分别高于全国、全省
                let regions = head.get(p + 3..).unwrap_or("");
                let (regions, each) = regions.strip_suffix("分别").map_or((regions, false), |t| (t, true));
                if let Some(reg) = region_phrase(regions) {
                    g.relative_to = Some(reg.to_string());
                    g.rel_up = Some(up);
                    g.each |= each;
                    r = &head[..p];
                }
            }
            break;
        }
    }
    // `高于全国1.2个百分点、全省0.5个百分点`: a second region alone (the caller decides).
    let bare = r0.trim_matches(|c: char| matches!(c, '、' | '，' | '和' | ' '));
    if g.relative_to.is_none() && bare.starts_with('全') {
        g.region = region_phrase(bare).map(str::to_string);
    }
    // Last 比 / 较 in `r`. The tail loop only ever shortens `r` from its end, so a
    // position stays the last one until `r` is cut before it; then it is searched again.
    let mut bi = last_in(r0, r, gc.bi, '比');
    let mut jiao = last_in(r0, r, gc.jiao, '较');
    let mut nearest = true;
    let mut based = false;
    for _ in 0..24 {
        if r.is_empty() {
            break;
        }
        if bi.is_some_and(|p| p + 3 > r.len()) {
            bi = r.rfind('比');
        }
        if jiao.is_some_and(|p| p + 3 > r.len()) {
            jiao = r.rfind('较');
        }
        // Base phrase: 比上年 / 较2011年 / 比1980年预计 (the later of 比 and 较 that starts one:
        // 占GDP比重较上年提高 has its 比 in 比重).
        let base_at = [bi.max(jiao), bi.min(jiao)].into_iter().flatten().find(|&p| r.get(p + 3..).is_some_and(is_base));
        if let Some(pos) = base_at {
            based = true;
            // 比2015年增长32.1%: the base year, when one is written
            let base = &r[pos + 3..];
            if g.base_year.is_none() && base.len() >= 7 && base.as_bytes()[..4].iter().all(u8::is_ascii_digit) && base[4..].starts_with('年') {
                g.base_year = base[..4].parse().ok();
            }
            // 较“十三五”时期增长32%: the base ends with that plan's last year
            if g.base_year.is_none() {
                g.base_year = plan_end(base);
            }
            r = &r[..pos];
            if r.ends_with('同') {
                r = &r[..r.len() - 3];
            }
            continue;
        }
        if let Some(h) = strip_year_suffix(r) {
            // 是2011年的 → 是; 到2021年 → target year; 由2013年的 → the starting figure's
            // year (由上年的 → the year before: `prior`).
            let tail = &r[h.len()..];
            let start = h.ends_with('由') || h.ends_with('从');
            // 恢复到2019年的105%: of that year's level (a base, as in 是2019年的), not a year
            let back = h.ends_with("恢复到") || h.ends_with("恢复至");
            match leading_year(tail) {
                Some(_) if back => {}
                Some((y, _)) if h.ends_with('到') || h.ends_with('至') || start => g.year = Some(y),
                None if start && matches!(tail, "上年" | "上一年") => g.prior = true,
                _ => {}
            }
            // 增加到2018年的 → 增加到 (a level); a bare 到2021年 → nothing.
            r = if h.ends_with('到') && !tail_index().get(&'到').is_some_and(|v| v.iter().any(|(w, _)| h.ends_with(w))) {
                h.trim_end_matches('到')
            } else {
                h
            };
            continue;
        }
        // 是“十三五”时期的1.6倍: the base a multiple is of, as 是2020年的 is.
        if let Some(h) = strip_plan_suffix(r) {
            r = h;
            continue;
        }
        // 粮食总产量连续5年稳定在…: how long, as at the head, not part of the name.
        if let Some(h) = span_suffix(r) {
            // 单位生产总值能耗五年累计降低16%: the years a sum or an average spans
            if (g.cum || g.avg) && g.years.is_none() {
                let mut cs = r[h.len()..].chars();
                if let (Some(c), Some('年'), None) = (cs.next(), cs.next(), cs.next()) {
                    g.years = "两三四五六七八九十".chars().position(|x| x == c).map(|k| if k == 0 { 2 } else { k as i32 + 2 });
                }
            }
            r = h;
            continue;
        }
        let last = r.chars().next_back().unwrap_or(' ');
        let best = tail_index()
            .get(&last)
            .and_then(|v| v.iter().filter(|(w, _)| r.ends_with(w)).max_by_key(|(w, _)| w.len()));
        let Some(&(w, t)) = best else { break };
        if NAME_ENDS.iter().any(|e| e.ends_with(w) && r.ends_with(e)) {
            break;
        }
        // 税收收入占比达到72.3%: 占比 names the share (税收收入占比), it is no verb.
        if w == "占比" && r.len() > w.len() {
            g.share = true;
            break;
        }
        // Do not eat the end of a name: 增加值, 增长率, 城镇化率 end differently,
        // so only guard words that end names: 的 before a noun is fine here.
        r = &r[..r.len() - w.len()];
        match t {
            Up => g.up = true,
            Down => g.down = true,
            Qual => {
                if g.qual.is_none() && nearest {
                    g.qual = Some(w);
                }
            }
            Share => g.share = true,
            Each => g.each = true,
            All => g.all = true,
            Avg => {
                g.avg = true;
                // 两年平均增长5.1%, 三年年均增长6%: the span is two (three) years, not a subject.
                let nian = if r.ends_with('年') { '年'.len_utf8() } else { 0 };
                if let Some(c) = r[..r.len() - nian].chars().next_back() {
                    if let Some(k) = "两二三四五六七八九十".chars().position(|x| x == c) {
                        g.years = Some(if k == 0 { 2 } else { k as i32 + 1 });
                        r = &r[..r.len() - nian - c.len_utf8()];
                    }
                }
            }
            Cum => g.cum = true,
            Est => g.est = true,
            Tgt => {
                g.tgt = true;
                g.goal |= matches!(w, "预期" | "年初目标" | "计划" | "原计划");
                // 确保7.5%，力争8.5%: the floor and the stretch of a 保…争… pair
                if matches!(w, "力争" | "确保") && g.qual.is_none() {
                    g.qual = Some(w);
                }
            }
            Level => {}
            Adv => {
                if matches!(w, "由" | "从") {
                    g.from = true;
                }
                g.added |= w == "新增";
            }
        }
        let verb_like = match t {
            Up | Down | Level | Share => true,
            Qual => matches!(w, "达到" | "控制在" | "稳定在" | "保持在" | "维持在"),
            _ => false,
        };
        if verb_like {
            if g.verb.is_none() {
                g.verb = Some(t);
            }
            nearest = false;
        }
    }
    // 税收收入扣除疫情影响增长3%: a basis after the subject, as at its head
    if r.ends_with(['素', '响', '后']) {
        if let Some(p) = r.rfind("扣除").or_else(|| r.rfind("剔除")) {
            if p > 0 && basis_head(&r[p..]) == Some("") {
                r = &r[..p];
            }
        }
    }
    // 财政总收入完成42.8亿元，增收9.3亿元: 增收 (减收) alone, or after a revenue
    // (非税收入减收1.2亿元), is a change of that revenue; after another subject it stays
    // a name (带动脱贫人口增收59万人次 counts people).
    if g.verb.is_none() && r.ends_with("收") {
        for (w, t) in [("增收", Up), ("减收", Down)] {
            if let Some(h) = r.strip_suffix(w) {
                let h = ["同比", "实现", "比上年", "较上年"].iter().find_map(|p| h.strip_suffix(p)).unwrap_or(h);
                if h.is_empty() || h.ends_with("收入") || h.ends_with("税收") {
                    r = h;
                    g.verb = Some(t);
                    g.up |= t == Up;
                    g.down |= t == Down;
                }
            }
        }
    }
    // 贷款余额…，比年初新增215亿元: 新增 on a base is an increase of what was said, not
    // a count of things added.
    if g.added && based && g.verb.is_none() {
        g.added = false;
        g.up = true;
        g.verb = Some(Up);
    }
    // Head: scope words, years, leading verbs, enumerations (一是 …).
    for _ in 0..24 {
        if let Some(c) = r.chars().next() {
            if (super::numbers::cn_digit(c).is_some() || c == '十') && r[c.len_utf8()..].starts_with('是') {
                r = &r[c.len_utf8() + 3..];
                continue;
            }
        }
        if let Some((y, l)) = leading_year(r) {
            g.year = g.year.or(Some(y));
            r = &r[l..];
            continue;
        }
        match first_char(r) {
            // “十三五”时期经济…: a named plan is when, not what.
            '“' | '"' | '六' | '七' | '八' | '九' | '十' => {
                if let Some(t) = plan_head(r) {
                    r = t;
                    continue;
                }
            }
            // 连续8年稳定在600亿斤以上 / 连续三年 / 提前五年实现 / 连续6个月: how long, not what.
            '连' | '提' => {
                if let Some(t) = r.strip_prefix("连续").or_else(|| r.strip_prefix("提前")) {
                    let rest = t.trim_start_matches(is_span_numeral);
                    let after = rest.strip_prefix('年').or_else(|| rest.strip_prefix("个月"));
                    if let (true, Some(after)) = (rest.len() < t.len(), after) {
                        r = after;
                        continue;
                    }
                }
            }
            // 受疫情影响下降5%: a cause, not what changed.
            '受' | '因' | '由' => {
                if let Some(t) = cause_head(r) {
                    r = t;
                    continue;
                }
            }
            // 剔除留抵退税因素后增长7.2%: on another basis, not what changed.
            '剔' | '扣' => {
                if let Some(t) = basis_head(r) {
                    r = t;
                    continue;
                }
            }
            // 年均新增城镇就业25万人: a yearly average of what is added or done, as in
            // 城镇新增就业年均25万人 (年均浓度 is a noun: the year's mean).
            '年' | '平' => {
                if let Some(t) = ["年均", "平均每年", "年平均"].iter().find_map(|w| r.strip_prefix(w)) {
                    if AVG_OF_VERBS.iter().any(|v| t.starts_with(v)) {
                        g.avg = true;
                        r = t;
                        continue;
                    }
                }
            }
            // 到2020年国内生产总值…: the goal year, not part of the subject.
            '到' => {
                if let Some((y, l)) = leading_year(&r['到'.len_utf8()..]) {
                    g.year = g.year.or(Some(y));
                    r = &r['到'.len_utf8() + l..];
                    continue;
                }
            }
            _ => {}
        }
        // A list number: 1.地区生产总值 / 2、 / (3) / （4） / ① / ⑴ / ⒈.
        if let Some(t) = r.strip_prefix(|c: char| ('\u{2460}'..='\u{249B}').contains(&c)) {
            r = t;
            continue;
        }
        let d = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if (1..=2).contains(&d) {
            if let Some(m) = ['.', '、', '）', ')'].iter().find(|m| r[d..].starts_with(**m)) {
                r = &r[d + m.len_utf8()..];
                continue;
            }
        }
        if let Some(inner) = r.strip_prefix('（').or_else(|| r.strip_prefix('(')) {
            let d = inner.len() - inner.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if (1..=2).contains(&d) && (inner[d..].starts_with('）') || inner[d..].starts_with(')')) {
                r = &inner[d + inner[d..].chars().next().map_or(1, char::len_utf8)..];
                continue;
            }
        }
        let first = r.chars().next().unwrap_or(' ');
        match head_index().get(&first).and_then(|v| v.iter().find(|w| r.starts_with(*w))) {
            Some(w) => {
                match *w {
                    // 全年有望突破200亿元: expected, as 预计
                    "预计" | "有望" => g.est = true,
                    // 力争地区生产总值增长7%，确保6.5%: the stretch and the floor, said first
                    "力争" | "确保" => {
                        g.tgt = true;
                        if g.qual.is_none() {
                            g.qual = Some(if *w == "力争" { "力争" } else { "确保" });
                        }
                    }
                    "累计" => g.cum = true,
                    _ => {
                        if let Some(&(_, n)) = SPANS.iter().find(|(s, _)| s == w) {
                            g.years.get_or_insert(n);
                        }
                    }
                }
                r = &r[w.len()..];
            }
            None => break,
        }
    }
    // 压减一般性支出10%: a cut written verb first; what follows the verb is the subject.
    if g.verb.is_none() {
        if let Some(w) = ["压减", "压缩", "削减", "缩减", "压降"].into_iter().find(|w| r.starts_with(w)) {
            if r.len() > w.len() {
                r = &r[w.len()..];
                g.down = true;
                g.verb = Some(Down);
            }
        }
    }
    // 由每人每年380元提高到… / 从人均8.7万元…: the subject ends before 由/从.
    let r = match last_in(r0, r, gc.you, '由').or_else(|| last_in(r0, r, gc.cong, '从')) {
        Some(p)
            if p > 0
                && r[p..].chars().count() <= 7
                && ["每", "人均", "上", "去", "原", "目前", "现", "年", "1", "2"].iter().any(|w| r[p + 3..].starts_with(w)) =>
        {
            g.from = true;
            &r[..p]
        }
        _ => r,
    };
    let mut r = r.trim_matches(|c: char| {
        matches!(c, '“' | '”' | '"' | '‘' | '’' | '《' | '》' | ' ' | '\u{3000}' | '、' | '的')
    });
    // “最多上一次网”事项占比: a quote that closes inside the name keeps its opening one.
    if r.contains('”') && !r.contains('“') {
        let at = r.as_ptr() as usize - r0.as_ptr() as usize;
        if r0[..at].ends_with('“') {
            r = &r0[at - '“'.len_utf8()..at + r.len()];
        }
    }
    // Very long subjects: keep what follows the last 的, unless that is only the word
    // of a share (…增加值占规模以上工业增加值的比重: the whole is its name).
    if r.chars().count() > 20 {
        if let Some(p) = r.rfind('的') {
            if p + 3 < r.len() && !["比重", "比例", "份额", "占比"].contains(&&r[p + 3..]) {
                r = &r[p + 3..];
            }
        }
    }
    if r.chars().count() > 40 {
        let skip = r.chars().count() - 40;
        let start = r.char_indices().nth(skip).map(|(i, _)| i).unwrap_or(0);
        r = &r[start..];
    }
    // 迈上5000亿元台阶、达到5012.3亿元: the step passed is no subject
    if matches!(r, "台阶" | "新台阶" | "大关" | "关口") {
        r = "";
    }
    (g, r)
}

/// Short list items that take the head noun of the last item
/// (`城镇、农村常住居民…`, `一、二、三产增加值`).
const COMPLETABLE: &[&str] = &[
    "城镇", "农村", "城市", "乡村", "城乡", "一", "二", "三", "四", "五", "第一", "第二", "第三", "一产", "二产",
    "乡", "村", "省", "市", "县", "镇", "中", "小", "大", "高", "初", "男", "女", "国有", "民营", "外资",
    "出口", "进口", "本", "专", "中央", "地方", "公办", "民办", "普通", "重点",
];

/// Split a subject for `n` values: `城镇、农村常住居民人均可支配收入` → two names,
/// `一、二、三产增加值` → 一产增加值 / 二产增加值 / 三产增加值, `城乡居民…` → 城镇居民… / 农村居民….
/// `城镇居民` / `农村居民`: two heads of as many chars ending in the same noun of two
/// chars or more (`居民`, `投资`, `企业`).
fn same_head(a: &str, b: &str) -> bool {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count() >= 2
}

pub fn split_subject(s: &str, n: usize, all: bool) -> Vec<String> {
    if n <= 1 && !all {
        return vec![s.to_string()];
    }
    let mut parts: Vec<&str> = Vec::new();
    let mut start = 0;
    let mut quote = false;
    for (i, c) in s.char_indices() {
        match c {
            '“' => quote = true,
            '”' => quote = false,
            '、' | '和' | '与' | '及' if !quote => {
                parts.push(&s[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&s[start..]);
    parts.retain(|p| !p.is_empty());
    let want = if all && n == 1 { parts.len() } else { n };
    // 第一、二、三产业增加值 / 一、二、三产增加值: numerals that share the last item's noun.
    let numeral = |p: &str| {
        let mut cs = p.trim_start_matches('第').chars();
        matches!((cs.next(), cs.next()), (Some(c), None) if "一二三四五六七八九".contains(c))
    };
    if parts.len() > 1 && parts.len() == want && parts[..parts.len() - 1].iter().all(|p| numeral(p)) {
        let last = parts[parts.len() - 1].trim_start_matches('第');
        if let Some(c) = last.chars().next().filter(|c| "一二三四五六七八九".contains(*c)) {
            let noun = &last[c.len_utf8()..];
            if !noun.is_empty() {
                // 一、二、三产业 is said as 第一产业…; 一、二、三产 stays 一产…
                let prefix = if parts[0].starts_with('第') || noun.starts_with("产业") { "第" } else { "" };
                return parts
                    .iter()
                    .map(|p| {
                        let d = p.trim_start_matches('第').chars().next().unwrap_or(c);
                        format!("{prefix}{d}{noun}")
                    })
                    .collect();
            }
        }
    }
    if parts.len() > 1 && parts.len() == want {
        let last = parts[parts.len() - 1];
        let last_chars: Vec<(usize, char)> = last.char_indices().collect();
        return parts
            .iter()
            .map(|p| {
                let k = p.chars().count();
                if k <= 2 && last_chars.len() > k + 1 && COMPLETABLE.contains(p) {
                    let cut = last_chars[k].0;
                    format!("{}{}", p, &last[cut..])
                } else if k >= 3 && last_chars.len() > k + 1 && *p != last && same_head(p, &last[..last_chars[k].0]) {
                    // 城镇居民和农村居民人均可支配收入, 工业投资和民间投资增速: a part as long
                    // as the last one's head, with the same noun, shares its tail.
                    format!("{}{}", p, &last[last_chars[k].0..])
                } else {
                    p.to_string()
                }
            })
            .collect();
    }
    // 一二三产业增加值分别增长3.6%、6.1%和4.9%, 三次产业…: the first, second and third
    // sectors (一二三产 → 一产, 二产, 三产, as written).
    if (2..=3).contains(&n) {
        let numerals: String = s.chars().take_while(|c| "一二三".contains(*c)).collect();
        let k = numerals.chars().count();
        let rest = &s[numerals.len()..];
        if k == n && k >= 2 && "一二三".contains(numerals.as_str()) {
            if let Some(tail) = rest.strip_prefix("产业") {
                return numerals.chars().map(|c| format!("第{c}产业{tail}")).collect();
            }
            if rest.starts_with('产') {
                return numerals.chars().map(|c| format!("{c}{rest}")).collect();
            }
        }
        if n == 3 {
            if let Some(tail) = s.strip_prefix("三次产业") {
                return "一二三".chars().map(|c| format!("第{c}产业{tail}")).collect();
            }
        }
    }
    if n == 2 {
        if let Some(rest) = s.strip_prefix("城乡") {
            return vec![format!("城镇{rest}"), format!("农村{rest}")];
        }
        // 金融机构存贷款余额分别达到7200亿元、6800亿元: 存款 then 贷款 (进出口: 进口, 出口)
        for (both, first, second) in [("存贷款", "存款", "贷款"), ("进出口", "进口", "出口")] {
            if let Some(k) = s.find(both) {
                let (head, tail) = (&s[..k], &s[k + both.len()..]);
                return vec![format!("{head}{first}{tail}"), format!("{head}{second}{tail}")];
            }
        }
    }
    vec![s.to_string()]
}
