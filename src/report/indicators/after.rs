//! What the words right after a figure say it counts: the noun a classifier counts
//! (`建成4条高速公路`), the fund a sum makes up (`安排1000亿元专项奖补资金`), a group of
//! people and what is done for them (`5.2万人实现就业`, `解决3亿多农村人口饮水安全问题`).

use super::gap;
use super::scan::{self, Item, Kind};
use super::units::Family;

/// The name of figure `it` of `clause`, given `name` from the words before it (its own
/// `gap_subject` when `own_subject`, else a carried one), and whether the words after it
/// gave the name (a bare 万/亿 so named counts people), and the noun a classifier
/// counts when that named a count of things (`新增3家上市公司` → 上市公司).
pub(super) fn name<'c>(clause: &'c str, it: &Item, name: String, own_subject: bool, gap_subject: &str) -> (String, bool, Option<&'c str>) {
    let after_text = clause.get(it.after..).unwrap_or("");
    let fam = it.unit.map(|u| u.family);
    let mut counted = None;
    let name = match fam {
        // 建成4条高速公路: the classifier counts the noun after it.
        // (after a bound too: 新增10个以上省级园区)
        Some(Family::Count) => {
            counted = gap::classifier_noun(after_text);
            counted.map_or(name, str::to_string)
        }
        // 5名学者上榜…, 引进10位院士: 名 and 位 count people like a classifier
        Some(Family::People) if it.unit.is_some_and(|u| matches!(u.base, "名" | "位")) => {
            gap::classifier_noun(after_text).map_or(name, str::to_string)
        }
        // 安排1000亿元专项奖补资金: the sum is the fund named after it.
        Some(Family::Money) if it.suffix.is_none() && it.kind == Kind::Normal => {
            gap::fund_noun(after_text).map_or(name, str::to_string)
        }
        _ => name,
    };
    // A bare 万/亿 before a group of people (促进约1亿农业转移人口落户城镇) counts that
    // group whatever comes before it; 5.2万人实现就业, 12.6万贫困人口脱贫: no subject
    // before the figure in its clause (or only a verb that hands its people on), a short
    // predicate after it: the figure counts that.
    let people = if fam == Some(Family::Scale) { scan::people_noun_at(after_text) } else { None };
    let before_noun = if it.kind != Kind::Normal {
        None
    } else if let Some(noun) = people {
        match scan::following_phrase(after_text).filter(|p| *p != noun) {
            Some(p) => Some(p.to_string()),
            // 覆盖农村5亿人口: nothing but the group after the figure; it names
            // whom the clause's own subject counts (a subject carried from an
            // earlier clause is not this figure's).
            None if own_subject && !name.is_empty() && !name.ends_with(noun) => Some(format!("{name}{noun}")),
            None => Some(noun.to_string()),
        }
    } else if fam == Some(Family::People) && own_subject && scan::people_verb_only(gap_subject) {
        scan::following_phrase_within(after_text, 16).map(str::to_string)
    } else if fam == Some(Family::People) && !own_subject {
        scan::following_phrase(after_text).map(str::to_string)
    } else {
        None
    };
    let named_after = before_noun.is_some();
    (before_noun.unwrap_or(name), named_after, counted)
}
