//! Chart 1: growth targets vs actuals. Per headline indicator (GDP, industry, services,
//! investment, retail sales, budget revenue, incomes …) the review year's actual growth
//! beside the coming year's target; ranges as a bar to the low end plus a whisker to the
//! high end, qualifiers as symbols (`≥8%`), estimates (预计) faded.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::draw::{draw_grouped_hbars, BarGroup, BarSpec, HBarChart};
use super::{
    flip_symbol, fmt_num, headline_rank, is_headline, is_review_actual, is_year_target, pair_key,
    qualifier_symbol, section_kinds, sentence_excerpt, signed, source_note, ChartLang, DrawResult,
    Hit, Theme,
};
use crate::report::{Indicator, Measure, Report, Status};

/// At most this many indicators are charted.
pub const MAX_ROWS: usize = 12;

/// One figure of a row.
#[derive(Clone, Debug, PartialEq)]
pub struct GrowthValue {
    pub indicator_id: String,
    /// Growth in % (negative for 下降), low end of a range.
    pub low: f64,
    pub high: Option<f64>,
    pub qualifier: Option<String>,
    /// Stated as 预计 (an estimate).
    pub estimate: bool,
    /// Stated as a fall (下降3.4%以上): the value was negated, so the qualifier's
    /// direction flips (≥ 3.4 decline → ≤ -3.4).
    pub falls: bool,
}

/// One headline indicator: its review-year actual and coming-year target growth.
#[derive(Clone, Debug, PartialEq)]
pub struct GrowthRow {
    /// Pairing key: the canonical `indicator` key (or `name:<name>`).
    pub key: String,
    /// Name as the report writes it.
    pub label: String,
    pub actual: Option<GrowthValue>,
    pub target: Option<GrowthValue>,
}

/// The chart's data and its drawable form.
#[derive(Clone, Debug, PartialEq)]
pub struct GrowthChart {
    pub review_year: Option<i32>,
    pub target_year: Option<i32>,
    pub rows: Vec<GrowthRow>,
    pub bars: HBarChart,
}

fn is_growth_pct(ind: &Indicator) -> bool {
    ind.measure == Measure::Growth && ind.unit.trim() == "%" && ind.indicator.is_some()
}

fn value_of(ind: &Indicator) -> GrowthValue {
    let (low, high) = signed(ind);
    GrowthValue {
        indicator_id: ind.id.clone(),
        low,
        high,
        qualifier: ind.qualifier.clone(),
        estimate: ind.status == Status::Estimate,
        falls: low < 0.0 && ind.value.low() > 0.0,
    }
}

/// Pair review-year actual growth with coming-year target growth per canonical indicator
/// key (first mention of each in text order), headline indicators first.
pub fn growth_pairs(report: &Report) -> Vec<GrowthRow> {
    let kinds = section_kinds(report);
    let mut rows: Vec<(usize, GrowthRow)> = Vec::new();
    for (pos, ind) in report.indicators.iter().enumerate() {
        if !is_growth_pct(ind) {
            continue;
        }
        let actual = is_review_actual(ind, report, &kinds);
        let target = is_year_target(ind, report, &kinds);
        if !actual && !target {
            continue;
        }
        let key = pair_key(ind);
        let i = match rows.iter().position(|(_, r)| r.key == key) {
            Some(i) => i,
            None => {
                rows.push((
                    pos,
                    GrowthRow {
                        key: key.clone(),
                        label: ind.name.clone(),
                        actual: None,
                        target: None,
                    },
                ));
                rows.len() - 1
            }
        };
        let row = &mut rows[i].1;
        if actual && row.actual.is_none() {
            row.actual = Some(value_of(ind));
        } else if target && row.target.is_none() {
            row.target = Some(value_of(ind));
            // Target clauses name the indicator plainly (规模以上工业增加值); prefer them,
            // unless the name is the goal's own (经济增长目标定为6.5%左右).
            if !ind.name.is_empty() && !["目标", "预期"].iter().any(|w| ind.name.contains(w)) {
                row.label = ind.name.clone();
            }
        }
    }
    crate::sort::sort_by_key(&mut rows, |(pos, r)| (headline_rank(&r.key), *pos));
    // Headline indicators only, when there are any (the growth of PM2.5 or of a product line
    // is not a headline figure).
    if rows.iter().any(|(_, r)| is_headline(&r.key)) {
        rows.retain(|(_, r)| is_headline(&r.key));
    }
    rows.into_iter().map(|(_, r)| r).take(MAX_ROWS).collect()
}

/// Label of a value: `≥8%`, `7–8%`, `7.6%（预计）`.
pub fn value_text(v: &GrowthValue, lang: ChartLang) -> String {
    let sym = qualifier_symbol(v.qualifier.as_deref());
    let sym = if v.falls { flip_symbol(sym) } else { sym };
    let mut s = match v.high {
        Some(h) => format!("{}–{}%", fmt_num(v.low), fmt_num(h)),
        None => format!("{}{}%", sym, fmt_num(v.low)),
    };
    if sym.is_empty() && v.high.is_none() {
        if let Some(q) = v
            .qualifier
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty() && q.chars().count() <= 3)
        {
            s = format!("{q}{s}");
        }
    }
    if v.estimate {
        s.push_str(lang.pick("（预计）", " (est.)"));
    }
    s
}

/// Build the chart; `None` when the report has no growth figure to chart.
pub fn growth_chart(report: &Report, lang: ChartLang) -> Option<GrowthChart> {
    let rows = growth_pairs(report);
    if rows.is_empty() {
        return None;
    }
    let review_year = report.review_year;
    let target_year = report.report_year;
    let year = |y: Option<i32>, zh: &str, en: &str| match (y, lang) {
        (Some(y), ChartLang::Zh) => format!("{y}年{zh}"),
        (Some(y), ChartLang::En) => format!("{y} {en}"),
        (None, _) => lang.pick(zh, en).to_string(),
    };
    let series = vec![
        year(review_year, "实际增长", "actual"),
        year(target_year, "目标增长", "target"),
    ];
    let by_id = |id: &str| report.indicators.iter().find(|i| i.id == id);
    let groups = rows
        .iter()
        .map(|r| {
            let bars = [(0usize, &r.actual), (1usize, &r.target)]
                .into_iter()
                .filter_map(|(s, v)| v.as_ref().map(|v| (s, v)))
                .map(|(s, v)| {
                    let text = value_text(v, lang);
                    let sentence = by_id(&v.indicator_id)
                        .map(|i| sentence_excerpt(i, 60))
                        .unwrap_or_default();
                    BarSpec {
                        series: s,
                        low: v.low,
                        high: v.high,
                        tooltip: format!("{}\n{}：{}\n{}", r.label, series[s], text, sentence),
                        text,
                        estimate: v.estimate,
                        indicator_id: v.indicator_id.clone(),
                    }
                })
                .collect();
            BarGroup {
                label: r.label.clone(),
                bars,
            }
        })
        .collect();
    let used: Vec<&Indicator> = rows
        .iter()
        .flat_map(|r| r.actual.iter().chain(r.target.iter()))
        .filter_map(|v| by_id(&v.indicator_id))
        .collect();
    let title = match (review_year, target_year, lang) {
        (Some(a), Some(b), ChartLang::Zh) => format!("主要指标增速：{a}年实际与{b}年目标"),
        (Some(a), Some(b), ChartLang::En) => format!("Growth: {a} actual vs {b} target"),
        _ => lang
            .pick("主要指标增速：实际与目标", "Growth: actual vs target")
            .to_string(),
    };
    let bars = HBarChart {
        title,
        unit_line: lang
            .pick("单位：%（比上年增长）", "Unit: % (year-on-year growth)")
            .into(),
        series,
        estimate_legend: Some(lang.pick("浅色：预计数", "faded: estimate").into()),
        groups,
        axis_label: lang.pick("增长（%）", "growth (%)").into(),
        missing_text: lang.pick("未提及", "not given").into(),
        note: source_note(report, used, lang),
    };
    Some(GrowthChart {
        review_year,
        target_year,
        rows,
        bars,
    })
}

/// Draw the growth chart on `area`.
pub fn draw_growth<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &GrowthChart,
    theme: &Theme,
) -> DrawResult<Vec<Hit>, DB> {
    draw_grouped_hbars(area, &data.bars, theme)
}
