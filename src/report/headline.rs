//! The headline table: for each headline indicator the report states, the review
//! year's actual(s) beside the coming year's target, plus five-year goals.
//! Rows are paired by canonical key ([`Indicator::indicator`]) and ordered by
//! [`HEADLINE_ORDER`]. The page shows it as a table; the chart module reads it.

use serde::{Deserialize, Serialize};

use super::indicators::names::HEADLINE_ORDER;
use super::model::{Direction, Indicator, Measure, Report, Status, Value};

/// The review year's figures for one indicator.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct HeadlineActual {
    pub year: Option<i32>,
    /// Level (e.g. 1230) and its unit (亿元).
    pub level: Option<f64>,
    pub level_unit: Option<String>,
    /// Qualifier of the level (约, 突破 …).
    pub level_qualifier: Option<String>,
    /// Growth (e.g. 7.6) and its unit (%); negative when it fell.
    pub growth: Option<f64>,
    pub growth_unit: Option<String>,
    /// Rate / share / index figure when the indicator is one (失业率 4.5%).
    pub rate: Option<f64>,
    pub rate_unit: Option<String>,
    /// Any of the figures is marked 预计.
    pub estimate: bool,
    /// The figures cover part of the year, as written (`前三季度`, `1—11月`): a report
    /// given before the year's figures are in. None for the whole year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<String>,
    /// Indicator ids the figures come from.
    pub ids: Vec<String>,
}

/// A target (coming year, or a five-year goal).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadlineTarget {
    pub measure: Measure,
    pub value: Value,
    pub unit: String,
    pub qualifier: Option<String>,
    pub direction: Option<Direction>,
    pub relative_to: Option<String>,
    pub year: Option<i32>,
    pub period: Option<String>,
    pub id: String,
}

/// One row of the table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadlineRow {
    /// Canonical key (`gdp`, `retail_sales` …).
    pub indicator: String,
    /// Subject as the report names it (from the first figure used).
    pub name: String,
    pub actual: Option<HeadlineActual>,
    pub target: Option<HeadlineTarget>,
    pub five_year: Vec<HeadlineTarget>,
}

/// The headline table of a report.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Headline {
    pub review_year: Option<i32>,
    pub report_year: Option<i32>,
    pub rows: Vec<HeadlineRow>,
}

fn target_of(i: &Indicator) -> HeadlineTarget {
    HeadlineTarget {
        measure: i.measure,
        value: i.value.clone(),
        unit: i.unit.clone(),
        qualifier: i.qualifier.clone(),
        direction: i.direction,
        relative_to: i.relative_to.clone(),
        year: i.year,
        period: i.period.clone(),
        id: i.id.clone(),
    }
}

fn signed(i: &Indicator) -> f64 {
    let v = i.value.low();
    if i.direction == Some(Direction::Down) && v > 0.0 {
        -v
    } else {
        v
    }
}

/// A period that is part of a year (`前三季度`, `上半年`, `1—11月`), not a span of years.
pub fn is_part_of_year(p: &str) -> bool {
    p.contains('月') || p.contains('季') || p.contains("半年")
}

/// Build the headline table.
pub fn headline(report: &Report) -> Headline {
    let mut rows = Vec::new();
    // One pass over the indicators (a 20 MB report has ~90k), bucketed by headline key.
    let mut by_key: Vec<Vec<&Indicator>> = vec![Vec::new(); HEADLINE_ORDER.len()];
    for i in &report.indicators {
        if let Some(k) = i.indicator.as_deref().and_then(|k| HEADLINE_ORDER.iter().position(|h| *h == k)) {
            by_key[k].push(i);
        }
    }
    for (&key, of_key) in HEADLINE_ORDER.iter().zip(by_key) {
        if of_key.is_empty() {
            continue;
        }
        // Actuals: the review year's, not period (年均/累计) figures; first in text order,
        // the whole year's before part of it (前三季度, 1—11月).
        let is_review_year = |i: &&&Indicator| i.year.is_none() || i.year == report.review_year || report.review_year.is_none();
        let mut actuals: Vec<&&Indicator> = of_key
            .iter()
            .filter(|i| i.status != Status::Target && i.period.as_deref().is_none_or(is_part_of_year) && !matches!(i.value, Value::Range(_)))
            .filter(is_review_year)
            .collect();
        actuals.sort_by_key(|i| i.period.is_some());
        let mut actual = HeadlineActual { year: report.review_year, ..Default::default() };
        // A milestone passed (突破8000亿元) gives way to the exact figure (达到8126.4亿元).
        let milestone = |i: &&&Indicator| matches!(i.qualifier.as_deref(), Some("突破" | "超过" | "超" | "逾" | "接近" | "近" | "不到" | "迈上" | "跨上" | "跃上" | "站上" | "登上" | "迈入" | "跨入" | "跨越"));
        let is_level = |i: &&&Indicator| matches!(i.measure, Measure::Level | Measure::Count);
        let level = actuals.iter().find(|i| is_level(i) && !milestone(i)).or_else(|| actuals.iter().find(|i| is_level(i)));
        let growth = actuals.iter().find(|i| i.measure == Measure::Growth && i.unit == "%");
        let rate = actuals.iter().find(|i| matches!(i.measure, Measure::Rate | Measure::Share | Measure::Index));
        let mut first_name: Option<&str> = None;
        if let Some(l) = level {
            actual.level = Some(l.value.low());
            actual.level_unit = Some(l.unit.clone());
            actual.level_qualifier = l.qualifier.clone();
            actual.estimate |= l.status == Status::Estimate;
            actual.ids.push(l.id.clone());
            first_name.get_or_insert(&l.name);
        }
        if let Some(g) = growth {
            actual.growth = Some(signed(g));
            actual.growth_unit = Some(g.unit.clone());
            actual.estimate |= g.status == Status::Estimate;
            actual.ids.push(g.id.clone());
            first_name.get_or_insert(&g.name);
        }
        if let Some(r) = rate {
            actual.rate = Some(r.value.low());
            actual.rate_unit = Some(r.unit.clone());
            actual.estimate |= r.status == Status::Estimate;
            actual.ids.push(r.id.clone());
            first_name.get_or_insert(&r.name);
        }
        actual.period = [level, growth, rate].into_iter().flatten().find_map(|i| i.period.clone());
        let actual = if actual.ids.is_empty() { None } else { Some(actual) };
        // Target: the coming year's, first in text order, a headline measure.
        let target_year = report.report_year;
        let targets = || {
            of_key
                .iter()
                .filter(|i| i.status == Status::Target && i.period.is_none())
                .filter(|i| i.year.is_none() || i.year == target_year || target_year.is_none() || i.year > target_year)
                .filter(|i| {
                    matches!(
                        i.measure,
                        Measure::Growth | Measure::Rate | Measure::Level | Measure::Index | Measure::Relative | Measure::Count | Measure::Share
                    )
                })
        };
        // A growth in % (收入增长8%) before an amount added (增加150元) written first.
        let amount_added = |i: &&&Indicator| i.measure == Measure::Growth && !matches!(i.unit.as_str(), "%" | "个百分点");
        let target = targets().find(|i| !amount_added(i)).or_else(|| targets().next());
        if let Some(t) = target {
            first_name.get_or_insert(&t.name);
        }
        let five_year: Vec<HeadlineTarget> = of_key
            .iter()
            .filter(|i| i.status == Status::Target && i.period.is_some())
            .map(|i| target_of(i))
            .collect();
        if actual.is_none() && target.is_none() && five_year.is_empty() {
            continue;
        }
        let name = first_name.map(str::to_string).unwrap_or_else(|| of_key[0].name.clone());
        rows.push(HeadlineRow { indicator: key.to_string(), name, actual, target: target.map(|t| target_of(t)), five_year });
    }
    Headline { review_year: report.review_year, report_year: report.report_year, rows }
}
