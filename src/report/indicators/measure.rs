//! Which measure a figure is (`Measure`): a growth, a rate, a share, a level, a count …,
//! from its unit, the verb before it and the words of its name.

use super::gap;
use super::names;
use super::scan::{Item, Kind};
use super::units::Family;
use super::part_of_whole;
use crate::report::model::Measure;

/// What decides a figure's measure.
pub(super) struct Facts<'a> {
    /// The clause holding the figure.
    pub clause: &'a str,
    pub it: &'a Item,
    /// The words between the subject and the figure.
    pub g: &'a gap::Gap,
    /// The figure's name.
    pub name: &'a str,
    /// It is compared with another region (`高于全国1.2个百分点`).
    pub relative: bool,
    /// The subject is the clause's own, not carried.
    pub own_subject: bool,
    /// The subject's last figure in % was a growth (`增长8%，力争9%`).
    pub growth_pct: bool,
    /// The words after the figure named it (a bare 万/亿 counting people).
    pub named_after: bool,
}

/// The measure of the figure `f` describes.
pub(super) fn of(f: &Facts<'_>) -> Measure {
    let name = f.name;
    let ends = |w: &str| name.ends_with(w);
    // (a closure: only a figure in % asks, after the verb)
    let growth_name = || {
        ends("增速") || ends("增幅") || ends("涨幅") || ends("降幅") || ends("增长") || ends("增长速度") || ends("上涨幅度") || ends("增长幅度")
            || ((names::has(name, "增长") || names::has(name, "增速")) && !ends("率"))
    };
    let growth_verb = match f.g.verb {
        Some(gap::T::Up | gap::T::Down) => true,
        Some(gap::T::Qual) => f.g.up || f.g.down,
        _ => false,
    };
    // 保5%争8%: a growth target with a stretch; 与上年持平, 零增长: a growth of 0 %.
    let growth_verb = growth_verb || f.clause.get(f.it.start..f.it.end).is_some_and(|r| r.starts_with('保') || r.ends_with("持平") || r == "零增长");
    match (f.it.kind, f.it.unit.map(|u| u.family)) {
        (Kind::Ratio, _) => Measure::Ratio,
        (Kind::Index, _) => Measure::Index,
        // 增长1.5倍 is a growth of 150 % (×2.5); 增长到1.5倍, 是…的1.5倍, 翻一番 are multiples.
        (_, Some(Family::Multiple)) if f.it.unit_word.is_none() && matches!(f.g.verb, Some(gap::T::Up)) => Measure::Growth,
        (_, Some(Family::Multiple)) => Measure::Multiple,
        (_, Some(Family::PercentPoint)) => {
            if f.relative {
                Measure::Relative
            } else {
                Measure::Growth
            }
        }
        (_, Some(Family::Percent | Family::Permille)) => {
            if f.relative {
                Measure::Relative
            } else if growth_verb || growth_name() {
                Measure::Growth
            } else if f.g.share || names::has(name, "比重") || names::has(name, "占比") || names::has(name, "比例") || part_of_whole(name) {
                Measure::Share
            } else if !f.own_subject && f.growth_pct && matches!(f.g.verb, None | Some(gap::T::Level | gap::T::Qual)) {
                // 增长8%，力争9% / 增长8%的目标，实际完成7.6%: the same subject's growth.
                Measure::Growth
            } else {
                Measure::Rate
            }
        }
        // 人均地区生产总值…比全省平均水平高0.3万元: an amount above another region's
        (_, Some(_)) if f.relative => Measure::Relative,
        (_, Some(Family::Scale)) if f.named_after => Measure::Count,
        (_, Some(Family::People | Family::Count)) => {
            if matches!(f.g.verb, Some(gap::T::Up | gap::T::Down)) {
                Measure::Growth
            } else {
                Measure::Count
            }
        }
        _ => {
            if matches!(f.g.verb, Some(gap::T::Up | gap::T::Down)) {
                Measure::Growth
            } else {
                Measure::Level
            }
        }
    }
}
