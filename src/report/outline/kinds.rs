//! What a part is about (review, plan, tasks, self-building…): from the heading's
//! language ([`kind_of`]) and, where the heading says nothing, from the tense of its
//! text ([`tense_cues`]).

use crate::report::model::SectionKind;
use super::scan::is_cn_digit;

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
    if (shiwu || names_old_plan(&cs)) && (top || h.contains("时期")) && !has(&["回顾", "总结"]) {
        // a plan that is over by the year reviewed (`“十三五”时期取得的重大成就` in 2021):
        // what it did, not what it sets
        let over = match (latest_plan_end(&cs), report_year) {
            (Some(end), Some(rep)) => end <= review_year.unwrap_or(rep - 1),
            _ => false,
        };
        return Some(if over { SectionKind::Review } else { SectionKind::FiveYear });
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

/// The last year of the latest five-year plan a heading names (`十三五` → 2020, `“九五”`
/// → 2000; the sixth, 六五, ran 1981–1985).
pub(super) fn latest_plan_end(cs: &[char]) -> Option<i32> {
    let digit = |c: char| "一二三四五六七八九".chars().position(|d| d == c).map(|k| k as i32 + 1);
    let mut latest = None;
    for (k, w) in cs.windows(3).enumerate() {
        let n = if w[0] == '十' && w[2] == '五' {
            digit(w[1]).map(|d| 10 + d)
        } else if w[1] == '五' && (k == 0 || !(is_cn_digit(cs[k - 1]) || cs[k - 1] == '十')) {
            match w[0] {
                '六' => Some(6),
                '七' => Some(7),
                '八' => Some(8),
                '九' => Some(9),
                '十' => Some(10),
                _ => None,
            }
        } else {
            None
        };
        latest = latest.max(n);
    }
    latest.map(|n| 1985 + 5 * (n - 6))
}

/// A five-year plan before 十一五 named by its own name, in quotes or before the
/// word for a plan or its years (`“十五”计划`, `九五时期`): 六五 … 十五. Without them
/// the name is a number (`第十五届`, `十五个`).
fn names_old_plan(cs: &[char]) -> bool {
    cs.iter().enumerate().any(|(k, &c)| {
        if c != '五' || k == 0 || !matches!(cs[k - 1], '六' | '七' | '八' | '九' | '十') {
            return false;
        }
        // not the tail of a longer numeral (二十五, 十四五 is the newer form)
        if k >= 2 && (is_cn_digit(cs[k - 2]) || cs[k - 2] == '十') {
            return false;
        }
        let quoted = k >= 2 && matches!(cs[k - 2], '“' | '"' | '‘') && matches!(cs.get(k + 1), Some('”' | '"' | '’'));
        let rest: String = cs[k + 1..].iter().skip_while(|c| matches!(c, '”' | '"' | '’')).take(2).collect();
        quoted || ["计划", "规划", "时期", "期间"].contains(&rest.as_str())
    })
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
