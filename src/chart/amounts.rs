//! Chart 2: amounts in 亿元. Headline level indicators stated in money (元, 万元, 亿元,
//! 万亿元), converted to 亿元 (shown in 万亿元 when the largest reaches 10 000 亿元): the review year's actual beside the coming year's target
//! where the report gives one. Per-capita figures (人均…, in 元 per person) are not
//! amounts and are left out.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::draw::{draw_grouped_hbars, BarGroup, BarSpec, HBarChart};
use super::{
    fmt_num, headline_rank, is_review_actual, is_year_target, money_in_yi, pair_key,
    qualifier_symbol, section_kinds, sentence_excerpt, source_note, ChartLang, DrawResult, Hit,
    Theme,
};
use crate::report::{Indicator, Measure, Report, Status};

/// At most this many indicators are charted.
pub const MAX_ROWS: usize = 10;

/// One amount, in 亿元.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub indicator_id: String,
    pub low: f64,
    pub high: Option<f64>,
    pub qualifier: Option<String>,
    pub estimate: bool,
    /// As written, e.g. `1230亿元`, `4.4万亿元`.
    pub as_written: String,
}

/// One indicator's amounts.
#[derive(Clone, Debug, PartialEq)]
pub struct AmountRow {
    pub key: String,
    pub label: String,
    pub actual: Option<Amount>,
    pub target: Option<Amount>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AmountsChart {
    pub rows: Vec<AmountRow>,
    pub bars: HBarChart,
}

fn amount_of(ind: &Indicator) -> Option<Amount> {
    if ind.measure != Measure::Level || ind.name.contains("人均") || ind.indicator.is_none() {
        return None;
    }
    let low = money_in_yi(&ind.unit, ind.value.low(), ind.value_base)?;
    let high = match ind.value.high() {
        Some(h) => Some(money_in_yi(&ind.unit, h, None)?),
        None => None,
    };
    let written = match ind.value.high() {
        Some(h) => format!("{}–{}{}", fmt_num(ind.value.low()), fmt_num(h), ind.unit),
        None => format!("{}{}", fmt_num(ind.value.low()), ind.unit),
    };
    Some(Amount {
        indicator_id: ind.id.clone(),
        low,
        high,
        qualifier: ind.qualifier.clone(),
        estimate: ind.status == Status::Estimate,
        as_written: written,
    })
}

/// Review-year money amounts and coming-year money targets per canonical key.
pub fn amount_rows(report: &Report) -> Vec<AmountRow> {
    let kinds = section_kinds(report);
    let mut rows: Vec<(usize, AmountRow)> = Vec::new();
    for (pos, ind) in report.indicators.iter().enumerate() {
        let actual = is_review_actual(ind, report, &kinds);
        let target = is_year_target(ind, report, &kinds);
        if !actual && !target {
            continue;
        }
        let Some(a) = amount_of(ind) else { continue };
        let key = pair_key(ind);
        let i = match rows.iter().position(|(_, r)| r.key == key) {
            Some(i) => i,
            None => {
                rows.push((
                    pos,
                    AmountRow {
                        key,
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
            row.actual = Some(a);
        } else if target && row.target.is_none() {
            row.target = Some(a);
        }
    }
    crate::sort::sort_by_key(&mut rows, |(pos, r)| (headline_rank(&r.key), *pos));
    rows.into_iter().map(|(_, r)| r).take(MAX_ROWS).collect()
}

/// Label of an amount in the chart's unit (亿元 ÷ `divisor`), with the qualifier symbol
/// and an estimate mark.
pub fn amount_text(a: &Amount, divisor: f64, lang: ChartLang) -> String {
    let mut s = match a.high {
        Some(h) => format!("{}–{}", fmt_num(a.low / divisor), fmt_num(h / divisor)),
        None => format!(
            "{}{}",
            qualifier_symbol(a.qualifier.as_deref()),
            fmt_num(a.low / divisor)
        ),
    };
    if a.estimate {
        s.push_str(lang.pick("（预计）", " (est.)"));
    }
    s
}

/// Build the chart; `None` when the report states no money amount for a headline indicator.
pub fn amounts_chart(report: &Report, lang: ChartLang) -> Option<AmountsChart> {
    let rows = amount_rows(report);
    if rows.is_empty() {
        return None;
    }
    let has_target = rows.iter().any(|r| r.target.is_some());
    // National and large provincial figures read better in 万亿元.
    let max = rows
        .iter()
        .flat_map(|r| r.actual.iter().chain(r.target.iter()))
        .map(|a| a.high.unwrap_or(a.low).max(a.low))
        .fold(0.0, f64::max);
    let (divisor, unit_zh, unit_en) = if max >= 1e4 {
        (1e4, "万亿元", "万亿元 (trillion yuan)")
    } else {
        (1.0, "亿元", "亿元 (100 million yuan)")
    };
    let year = |y: Option<i32>, zh: &str, en: &str| match (y, lang) {
        (Some(y), ChartLang::Zh) => format!("{y}年{zh}"),
        (Some(y), ChartLang::En) => format!("{y} {en}"),
        (None, _) => lang.pick(zh, en).to_string(),
    };
    let mut series = vec![year(report.review_year, "实际", "actual")];
    if has_target {
        series.push(year(report.report_year, "目标", "target"));
    }
    let by_id = |id: &str| report.indicators.iter().find(|i| i.id == id);
    let groups = rows
        .iter()
        .map(|r| {
            let bars = [(0usize, &r.actual), (1usize, &r.target)]
                .into_iter()
                .filter_map(|(s, v)| v.as_ref().map(|v| (s, v)))
                .map(|(s, a)| {
                    let text = amount_text(a, divisor, lang);
                    let sentence = by_id(&a.indicator_id)
                        .map(|i| sentence_excerpt(i, 60))
                        .unwrap_or_default();
                    BarSpec {
                        series: s,
                        low: a.low / divisor,
                        high: a.high.map(|h| h / divisor),
                        tooltip: format!(
                            "{}\n{}：{}（{}）\n{}",
                            r.label, series[s], a.as_written, text, sentence
                        ),
                        text,
                        estimate: a.estimate,
                        indicator_id: a.indicator_id.clone(),
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
        .filter_map(|a| by_id(&a.indicator_id))
        .collect();
    let title = match (report.review_year, lang) {
        (Some(y), ChartLang::Zh) => format!("主要总量指标（{y}年）"),
        (Some(y), ChartLang::En) => format!("Headline amounts ({y})"),
        (None, _) => lang.pick("主要总量指标", "Headline amounts").to_string(),
    };
    let bars = HBarChart {
        title,
        unit_line: match lang {
            ChartLang::Zh => format!("单位：{unit_zh}"),
            ChartLang::En => format!("Unit: {unit_en}"),
        },
        series,
        estimate_legend: Some(lang.pick("浅色：预计数", "faded: estimate").into()),
        groups,
        axis_label: lang.pick(unit_zh, unit_en).into(),
        missing_text: if has_target {
            lang.pick("未提及", "not given").into()
        } else {
            String::new()
        },
        note: source_note(report, used, lang),
    };
    Some(AmountsChart { rows, bars })
}

/// Draw the amounts chart on `area`.
pub fn draw_amounts<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &AmountsChart,
    theme: &Theme,
) -> DrawResult<Vec<Hit>, DB> {
    draw_grouped_hbars(area, &data.bars, theme)
}
