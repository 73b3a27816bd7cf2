//! Chart 3: structure ratios before/after (e.g. 三次产业结构由12.7：58.8：28.5调整为
//! 11.4：57.1：31.5): one 100 % stacked bar per stated ratio (measure `ratio` with `parts`),
//! grouped by indicator, in text order.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::draw::{draw_stacked_hbars, StackRow, StackedChart};
use super::{fmt_num, pair_key, sentence_excerpt, source_note, ChartLang, DrawResult, Hit, Theme};
use crate::report::{Indicator, Measure, Report, Status};

/// At most this many ratios are charted.
pub const MAX_ROWS: usize = 8;

/// One stated ratio.
#[derive(Clone, Debug, PartialEq)]
pub struct StructureRow {
    pub key: String,
    pub indicator_id: String,
    pub name: String,
    /// Year or period the ratio describes, as a label (`2016年`, `目标`).
    pub when: String,
    pub parts: Vec<f64>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct StructureChart {
    pub rows: Vec<StructureRow>,
    pub stack: StackedChart,
}

fn is_sector_ratio(r: &StructureRow) -> bool {
    r.parts.len() == 3
        && (r.name.contains("产业") || r.key.contains("industr") || r.key.contains("sector"))
}

fn when_label(ind: &Indicator, lang: ChartLang) -> String {
    if let Some(y) = ind.year {
        return match lang {
            ChartLang::Zh => format!("{y}年"),
            ChartLang::En => y.to_string(),
        };
    }
    if let Some(p) = &ind.period {
        return p.clone();
    }
    match ind.status {
        Status::Actual => lang.pick("实际", "actual"),
        Status::Estimate => lang.pick("预计", "estimate"),
        Status::Target => lang.pick("目标", "target"),
    }
    .to_string()
}

/// A ratio's subject without the verb it was cut from (`三次产业结构由` → `三次产业结构`).
pub fn clean_name(name: &str) -> String {
    let mut n = name.trim();
    loop {
        let before = n;
        for suffix in [
            "调整为",
            "调整到",
            "优化为",
            "调整",
            "变为",
            "由",
            "从",
            "为",
            "是",
            "：",
            ":",
        ] {
            n = n.strip_suffix(suffix).unwrap_or(n).trim_end();
        }
        if n == before {
            break;
        }
    }
    n.to_string()
}

/// Every ratio with parts, grouped by indicator (groups in order of first mention). A ratio
/// without a key of its own that follows another in the same or the next clause (at most
/// a few characters apart: "由A调整为B") joins
/// that one's group; where two ratios of a group carry the same date they are labelled
/// before/after.
pub fn structure_rows(report: &Report, lang: ChartLang) -> Vec<StructureRow> {
    let mut rows: Vec<(usize, usize, StructureRow)> = Vec::new();
    let mut groups: Vec<(String, String)> = Vec::new(); // (key, display name)
    let mut prev: Option<(&Indicator, usize)> = None;
    for (pos, ind) in report.indicators.iter().enumerate() {
        if ind.measure != Measure::Ratio
            || ind.parts.len() < 2
            || ind.parts.iter().any(|p| !p.is_finite() || *p < 0.0)
        {
            continue;
        }
        let follows = prev.filter(|(p, _)| {
            ind.indicator.is_none()
                && p.parts.len() == ind.parts.len()
                && p.sentence_span.start < ind.sentence_span.end
                && ind.sentence_span.start <= p.sentence_span.end + 12
        });
        let g = match follows {
            Some((_, g)) => g,
            None => {
                let key = pair_key(ind);
                match groups.iter().position(|(k, _)| *k == key) {
                    Some(g) => g,
                    None => {
                        let name = clean_name(&ind.name);
                        groups.push((
                            key,
                            if name.is_empty() {
                                ind.name.clone()
                            } else {
                                name
                            },
                        ));
                        groups.len() - 1
                    }
                }
            }
        };
        prev = Some((ind, g));
        rows.push((
            g,
            pos,
            StructureRow {
                key: groups[g].0.clone(),
                indicator_id: ind.id.clone(),
                name: groups[g].1.clone(),
                when: when_label(ind, lang),
                parts: ind.parts.clone(),
            },
        ));
    }
    crate::sort::sort_by_key(&mut rows, |(g, pos, _)| (*g, *pos));
    // Same date twice within a group: before / after (or 1st, 2nd …).
    for g in 0..groups.len() {
        let idx: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].0 == g).collect();
        let clash = idx.iter().enumerate().any(|(a, &i)| {
            idx[a + 1..]
                .iter()
                .any(|&j| rows[i].2.when == rows[j].2.when)
        });
        if clash {
            let n = idx.len();
            for (k, &i) in idx.iter().enumerate() {
                rows[i].2.when = match (n, k, lang) {
                    (2, 0, ChartLang::Zh) => "调整前".into(),
                    (2, 1, ChartLang::Zh) => "调整后".into(),
                    (2, 0, ChartLang::En) => "before".into(),
                    (2, 1, ChartLang::En) => "after".into(),
                    (_, k, ChartLang::Zh) => format!("第{}处", k + 1),
                    (_, k, ChartLang::En) => format!("mention {}", k + 1),
                };
            }
        }
    }
    rows.into_iter().map(|(_, _, r)| r).take(MAX_ROWS).collect()
}

/// Build the chart; `None` when the report states no ratio.
pub fn structure_chart(report: &Report, lang: ChartLang) -> Option<StructureChart> {
    let rows = structure_rows(report, lang);
    if rows.is_empty() {
        return None;
    }
    let by_id = |id: &str| report.indicators.iter().find(|i| i.id == id);
    let sectors = rows.iter().all(is_sector_ratio);
    let n = rows.iter().map(|r| r.parts.len()).max().unwrap_or(0);
    let part_names: Vec<String> = if sectors {
        match lang {
            ChartLang::Zh => vec!["第一产业".into(), "第二产业".into(), "第三产业".into()],
            ChartLang::En => vec!["primary".into(), "secondary".into(), "tertiary".into()],
        }
    } else {
        (1..=n)
            .map(|i| match lang {
                ChartLang::Zh => format!("第{i}项"),
                ChartLang::En => format!("part {i}"),
            })
            .collect()
    };
    let stack_rows = rows
        .iter()
        .map(|r| {
            let ratio = r
                .parts
                .iter()
                .map(|p| fmt_num(*p))
                .collect::<Vec<_>>()
                .join("：");
            let sentence = by_id(&r.indicator_id)
                .map(|i| sentence_excerpt(i, 60))
                .unwrap_or_default();
            StackRow {
                label: format!("{}（{}）", r.name, r.when),
                parts: r.parts.clone(),
                indicator_id: r.indicator_id.clone(),
                tooltip: format!("{}（{}）\n{}\n{}", r.name, r.when, ratio, sentence),
            }
        })
        .collect();
    let used: Vec<&Indicator> = rows.iter().filter_map(|r| by_id(&r.indicator_id)).collect();
    let title = if sectors {
        lang.pick("产业结构", "Structure of the economy (three sectors)")
    } else {
        lang.pick("结构比例", "Structure ratios")
    };
    let stack = StackedChart {
        title: title.into(),
        unit_line: lang
            .pick(
                "单位：各部分占合计的比重（%），条内数字为报告原值",
                "Unit: share of the total (%); numbers inside bars as stated",
            )
            .into(),
        part_names,
        rows: stack_rows,
        axis_label: lang.pick("占比（%）", "share (%)").into(),
        note: source_note(report, used, lang),
    };
    Some(StructureChart { rows, stack })
}

/// Draw the structure chart on `area`.
pub fn draw_structure<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &StructureChart,
    theme: &Theme,
) -> DrawResult<Vec<Hit>, DB> {
    draw_stacked_hbars(area, &data.stack, theme)
}

impl StructureChart {
    pub fn height_for(&self, width: u32) -> u32 {
        self.stack.height_for(width)
    }
}
