//! Years in the language: five-year words (五年, 十一五 …), named plan periods
//! (`“十三五”期间` → 2016-2020), parts of a year (`1—11月`, `前三季度`), the first
//! `YYYY年` in a text.

use super::numbers;

/// Whether `t` speaks of five years (五年, 十一五 … 十五五), given the offsets of its 五s:
/// every such word starts or ends with one.
pub(super) fn five_words(t: &str, fives: impl IntoIterator<Item = usize>) -> bool {
    fives.into_iter().any(|k| {
        t[k..].starts_with("五年") || ["十一五", "十二五", "十三五", "十四五", "十五五"].iter().any(|w| t[..k + "五".len()].ends_with(w))
    })
}

/// A part of a year at the start of `s` (`1—11月`, `1-10月份`, `前三季度`, `上半年`, `四季度`):
/// its length in bytes.
pub(super) fn partial_year(s: &str) -> Option<usize> {
    for w in [
        "前三季度", "前三个季度", "前两季度", "前二季度", "前两个季度", "上半年", "下半年", "第一季度", "一季度", "第二季度", "二季度", "第三季度",
        "三季度", "第四季度", "四季度", "前三季", "前10个月", "前11个月",
    ] {
        if s.starts_with(w) {
            return Some(w.len());
        }
    }
    // 1—11月, 1-11月份, 1至10月
    let d1 = s.bytes().take_while(u8::is_ascii_digit).count();
    if d1 == 0 || d1 > 2 {
        return None;
    }
    let rest = &s[d1..];
    let dash = ["—", "–", "-", "－", "~", "～", "至", "到"].iter().find(|w| rest.starts_with(**w))?;
    let rest = &rest[dash.len()..];
    let d2 = rest.bytes().take_while(u8::is_ascii_digit).count();
    if d2 == 0 || d2 > 2 || !rest[d2..].starts_with('月') {
        return None;
    }
    let month: u32 = rest[..d2].parse().ok()?;
    if !(2..=11).contains(&month) {
        return None;
    }
    let mut len = d1 + dash.len() + d2 + '月'.len_utf8();
    if s[len..].starts_with('份') {
        len += '份'.len_utf8();
    }
    Some(len)
}

/// A five-year plan named in `s` as a span (`“十三五”期间`, `“八五”时期`, `十四五规划期间`)
/// or as its end (`“十四五”末`): (offset, (first year, last year), is its end). Plans 六五
/// (1981-1985) to 十五五 (2026-2030); 十五 alone is the tenth (2001-2005).
pub(super) fn plan_period(s: &str) -> Option<(usize, (i32, i32), bool)> {
    for p in memchr::memmem::find_iter(s.as_bytes(), "五".as_bytes()) {
        let after = s.get(p + 3..)?.trim_start_matches(['”', '"', '’']);
        let end_mark = after.starts_with('末') || after.starts_with("期末");
        if !end_mark && !["期间", "时期", "规划期", "计划期", "的五年"].iter().any(|w| after.starts_with(w)) {
            continue;
        }
        let head = s.get(..p)?;
        let mut cs = head.chars().rev();
        let (n, used) = match (cs.next(), cs.next()) {
            (Some(d), Some('十')) if matches!(d, '一' | '二' | '三' | '四' | '五') => (10 + numbers::cn_digit(d).unwrap_or(0) as i32, 2),
            (Some(d), _) if matches!(d, '六' | '七' | '八' | '九') => (numbers::cn_digit(d).unwrap_or(0) as i32, 1),
            (Some('十'), _) => (10, 1),
            _ => continue,
        };
        // Not the tail of a longer numeral (二十五期间).
        let before = head.chars().rev().nth(used);
        if before.is_some_and(|c| numbers::cn_digit(c).is_some() || c == '十' || c == '百') {
            continue;
        }
        let first = 1981 + (n - 6) * 5;
        let start = p - head.chars().rev().take(used).map(char::len_utf8).sum::<usize>();
        // 是“十一五”时期的2.3倍, 比“十二五”期间: a base of comparison, not the span.
        let lead = s[..start].trim_end_matches(['“', '"']).chars().next_back();
        if lead.is_some_and(|c| "是比较于为的".contains(c)) {
            continue;
        }
        return Some((start, (first, first + 4), end_mark));
    }
    None
}

pub(super) fn year_before(s: &str) -> Option<i32> {
    // First "YYYY年" in s.
    let b = s.as_bytes();
    let mut i = 0;
    while i + 7 <= b.len() {
        if b[i].is_ascii_digit() {
            let mut j = i;
            while j < b.len() && b[j].is_ascii_digit() {
                j += 1;
            }
            if j - i == 4 && s.get(j..j + 3) == Some("年") && (i == 0 || !b[i - 1].is_ascii_digit()) {
                if let Some(y) = s.get(i..j).and_then(|t| t.parse::<i32>().ok()) {
                    if (1900..=2100).contains(&y) {
                        return Some(y);
                    }
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
    None
}
