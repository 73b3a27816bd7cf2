//! Chart 4: five-year goals against the current level. Every target for a year four to
//! five years ahead (measure level, share or rate; three years ahead when stated in the
//! five-year part) beside the same indicator's latest actual, each row on its own scale
//! (units differ from row to row): the goal as an outlined bar, the current level as a
//! solid bar inside it.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{
    draw_category_label, draw_frame, draw_hbar, ellipsize, fill_rect, line, stroke_rect, text,
    text_width, BarFill, Frame, LegendItem, Scale, GROUP_GAP, LABEL_PX, VALUE_PX,
};
use super::{
    fmt_num, kind_of, money_in_yi, pair_key, qualifier_symbol, section_kinds, sentence_excerpt,
    source_note, ChartLang, DrawResult, Hit, Rect, Theme,
};
use crate::report::{Indicator, Measure, Report, SectionKind, Status};

/// At most this many goals are charted.
pub const MAX_ROWS: usize = 10;
const ROW_H: i32 = 22;

/// A figure of a goal row, in the row's unit.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalPoint {
    pub indicator_id: String,
    pub low: f64,
    pub high: Option<f64>,
    pub qualifier: Option<String>,
    pub year: Option<i32>,
    pub estimate: bool,
    /// The source clause (shortened) for the tooltip.
    pub sentence: String,
}

/// One goal and the current level of the same indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalRow {
    pub key: String,
    pub label: String,
    /// Unit of both figures (`亿元` when money was converted).
    pub unit: String,
    pub goal_year: i32,
    pub goal: GoalPoint,
    pub current: Option<GoalPoint>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GoalsChart {
    pub title: String,
    pub unit_line: String,
    /// Legend: current, goal.
    pub series: [String; 2],
    pub note: String,
    /// Text where no current level is given.
    pub missing_text: String,
    pub lang: ChartLang,
    pub rows: Vec<GoalRow>,
}

fn goal_year(ind: &Indicator) -> Option<i32> {
    match ind.period.as_deref() {
        Some(p) => {
            let p = p.trim().trim_end_matches('年');
            (p.len() == 4).then(|| p.parse().ok()).flatten()
        }
        None => ind.year,
    }
}

fn is_goal_measure(m: Measure) -> bool {
    matches!(m, Measure::Level | Measure::Share | Measure::Rate)
}

/// A value's low end and, for a range, its high end.
type LowHigh = (f64, Option<f64>);

/// Value in a common unit for goal and current: money → 亿元, else as written when the
/// units agree.
fn common(
    goal: &Indicator,
    cur: &Indicator,
) -> Option<(String, LowHigh, LowHigh)> {
    let conv = |i: &Indicator| -> Option<(f64, Option<f64>)> {
        let lo = money_in_yi(&i.unit, i.value.low(), i.value_base)?;
        let hi = match i.value.high() {
            Some(h) => Some(money_in_yi(&i.unit, h, None)?),
            None => None,
        };
        Some((lo, hi))
    };
    if let (Some(g), Some(c)) = (conv(goal), conv(cur)) {
        return Some(("亿元".into(), g, c));
    }
    (goal.unit.trim() == cur.unit.trim()).then(|| {
        (
            goal.unit.clone(),
            (goal.value.low(), goal.value.high()),
            (cur.value.low(), cur.value.high()),
        )
    })
}

fn point(ind: &Indicator, (low, high): LowHigh) -> GoalPoint {
    GoalPoint {
        indicator_id: ind.id.clone(),
        low,
        high,
        qualifier: ind.qualifier.clone(),
        year: ind.year,
        estimate: ind.status == Status::Estimate,
        sentence: sentence_excerpt(ind, 60),
    }
}

/// Five-year goals with the latest actual of the same indicator.
pub fn goal_rows(report: &Report) -> Vec<GoalRow> {
    let kinds = section_kinds(report);
    let Some(base) = report.report_year.or(report.review_year.map(|y| y + 1)) else {
        return Vec::new();
    };
    let mut rows: Vec<GoalRow> = Vec::new();
    for ind in &report.indicators {
        if ind.status != Status::Target
            || !is_goal_measure(ind.measure)
            || ind.name.trim().is_empty()
        {
            continue;
        }
        let Some(gy) = goal_year(ind) else { continue };
        let ahead = gy - base;
        let five_year_part = kind_of(ind, &kinds) == SectionKind::FiveYear;
        if !((4..=5).contains(&ahead) || (ahead == 3 && five_year_part)) {
            continue;
        }
        let key = pair_key(ind);
        if rows.iter().any(|r| r.key == key) {
            continue;
        }
        // Latest actual of the same indicator and measure, in a comparable unit.
        let cur = report
            .indicators
            .iter()
            .filter(|c| {
                matches!(c.status, Status::Actual | Status::Estimate)
                    && c.measure == ind.measure
                    && pair_key(c) == key
                    && c.period.is_none()
                    && common(ind, c).is_some()
            })
            .max_by_key(|c| c.year.or(report.review_year).unwrap_or(i32::MIN));
        let (unit, g, c) = match cur.and_then(|c| common(ind, c)) {
            Some((u, g, c)) => (u, g, Some(c)),
            None => {
                let g = money_in_yi(&ind.unit, ind.value.low(), ind.value_base)
                    .map(|lo| {
                        (
                            "亿元".to_string(),
                            (
                                lo,
                                ind.value
                                    .high()
                                    .and_then(|h| money_in_yi(&ind.unit, h, None)),
                            ),
                        )
                    })
                    .unwrap_or_else(|| (ind.unit.clone(), (ind.value.low(), ind.value.high())));
                (g.0, g.1, None)
            }
        };
        // Goals without a canonical key are many and loosely named (项目, 公里 …): keep those
        // that can be set against a current level, and share goals (…占比达到35%).
        if ind.indicator.is_none() && cur.is_none() && ind.measure != Measure::Share {
            continue;
        }
        rows.push(GoalRow {
            key,
            label: ind.name.clone(),
            unit,
            goal_year: gy,
            goal: point(ind, g),
            current: cur.zip(c).map(|(ci, cv)| point(ci, cv)),
        });
        if rows.len() == MAX_ROWS {
            break;
        }
    }
    rows
}

fn point_text(p: &GoalPoint, unit: &str, lang: ChartLang) -> String {
    let v = match p.high {
        Some(h) => format!("{}–{}", fmt_num(p.low), fmt_num(h)),
        None => format!(
            "{}{}",
            qualifier_symbol(p.qualifier.as_deref()),
            fmt_num(p.low)
        ),
    };
    let est = if p.estimate {
        lang.pick("（预计）", " (est.)")
    } else {
        ""
    };
    format!("{v}{unit}{est}")
}

impl GoalsChart {
    fn legend(&self, theme: &Theme) -> Vec<LegendItem> {
        vec![
            LegendItem {
                name: self.series[0].clone(),
                color: theme.color(0),
                faded: false,
            },
            LegendItem {
                name: self.series[1].clone(),
                color: theme.color(1),
                faded: true,
            },
        ]
    }
    fn frame<'a>(&'a self, legend: &'a [LegendItem]) -> Frame<'a> {
        Frame {
            title: &self.title,
            unit_line: &self.unit_line,
            legend,
            note: &self.note,
            axis_room: 4,
        }
    }
    /// Height that fits every row at `width`.
    pub fn height_for(&self, width: u32) -> u32 {
        let legend = self.legend(&Theme::light());
        let f = self.frame(&legend);
        (f.header_height(width as i32)
            + self.rows.len() as i32 * (ROW_H + GROUP_GAP)
            + f.footer_height())
        .max(140) as u32
    }
    /// The value text at the right of a row: `1230亿元 → 2021年 ≥2000亿元`.
    pub fn row_text(&self, r: &GoalRow) -> String {
        let goal = point_text(&r.goal, &r.unit, self.lang);
        let gy = match self.lang {
            ChartLang::Zh => format!("{}年", r.goal_year),
            ChartLang::En => r.goal_year.to_string(),
        };
        match &r.current {
            Some(c) => format!("{} → {gy} {goal}", point_text(c, &r.unit, self.lang)),
            None => format!("{} → {gy} {goal}", self.missing_text),
        }
    }
}

/// Build the chart; `None` when the report states no five-year goal.
pub fn goals_chart(report: &Report, lang: ChartLang) -> Option<GoalsChart> {
    let rows = goal_rows(report);
    if rows.is_empty() {
        return None;
    }
    let gy = rows.iter().map(|r| r.goal_year).max().unwrap_or(0);
    let by_id = |id: &str| report.indicators.iter().find(|i| i.id == id);
    let used: Vec<&Indicator> = rows
        .iter()
        .flat_map(|r| {
            r.current
                .iter()
                .map(|c| c.indicator_id.as_str())
                .chain([r.goal.indicator_id.as_str()])
        })
        .filter_map(by_id)
        .collect();
    Some(GoalsChart {
        title: match lang {
            ChartLang::Zh => format!("五年目标与当前水平（至{gy}年）"),
            ChartLang::En => format!("Five-year goals vs the current level (to {gy})"),
        },
        unit_line: lang
            .pick(
                "每行按各自单位绘制；条长为当前水平占目标的比例",
                "Each row in its own unit; bar length = current level relative to the goal",
            )
            .into(),
        series: [
            lang.pick("当前水平", "current level").into(),
            lang.pick("五年目标", "five-year goal").into(),
        ],
        note: source_note(report, used, lang),
        missing_text: lang.pick("当前未提及", "current not given").into(),
        lang,
        rows,
    })
}

/// Draw the goals chart on `area`.
pub fn draw_goals<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    data: &GoalsChart,
    theme: &Theme,
) -> DrawResult<Vec<Hit>, DB> {
    let legend = data.legend(theme);
    let frame = data.frame(&legend);
    let plot = draw_frame(area, &frame, theme)?;
    let label_w = data
        .rows
        .iter()
        .map(|r| text_width(&r.label, LABEL_PX))
        .max()
        .unwrap_or(0)
        .min((plot.width() as f64 * 0.3) as i32)
        .max(40);
    let texts: Vec<String> = data.rows.iter().map(|r| data.row_text(r)).collect();
    let value_w = texts
        .iter()
        .map(|t| text_width(t, VALUE_PX))
        .max()
        .unwrap_or(0)
        .min((plot.width() as f64 * 0.45) as i32)
        + 10;
    let x0 = plot.x0 + label_w + 10;
    let x1 = (plot.x1 - value_w).max(x0 + 60);
    let mut hits = Vec::new();
    let mut y = plot.y0 + GROUP_GAP / 2;
    for (r, t) in data.rows.iter().zip(&texts) {
        draw_category_label(area, &r.label, (x0 - 10, y + ROW_H / 2), label_w, theme)?;
        let goal_hi = r.goal.high.unwrap_or(r.goal.low);
        let cur = r.current.as_ref().map(|c| c.high.unwrap_or(c.low));
        let max = goal_hi.max(cur.unwrap_or(0.0)).max(f64::MIN_POSITIVE);
        let scale = Scale {
            min: 0.0,
            max,
            px0: x0,
            px1: x1,
            step: max,
        };
        // Track, then the goal as an outlined bar (whisker-less ranges: faded to the high end).
        fill_rect(area, Rect::new(x0, y + 2, x1, y + ROW_H - 2), theme.grid)?;
        let g = draw_hbar(
            area,
            &scale,
            (y, y + ROW_H),
            (0.0, goal_hi),
            BarFill::Faded(theme.color(1)),
            theme,
        )?;
        if r.goal.high.is_some() {
            let lx = scale.px(r.goal.low);
            line(area, (lx, y), (lx, y + ROW_H), theme.color(1), 2)?;
        }
        stroke_rect(area, g, theme.color(1))?;
        let mut row_rect = g;
        if let (Some(c), Some(v)) = (&r.current, cur) {
            let fill = if c.estimate {
                BarFill::Faded(theme.color(0))
            } else {
                BarFill::Solid(theme.color(0))
            };
            let cr = draw_hbar(area, &scale, (y + 6, y + ROW_H - 6), (0.0, v), fill, theme)?;
            let label = format!(
                "{}\n{}：{}\n{}",
                r.label,
                data.series[0],
                point_text(c, &r.unit, data.lang),
                c.sentence
            );
            hits.push(Hit {
                rect: cr,
                indicator_id: c.indicator_id.clone(),
                label,
            });
            row_rect = Rect::new(
                row_rect.x0,
                row_rect.y0,
                row_rect.x1.max(cr.x1),
                row_rect.y1,
            );
        }
        let t = &ellipsize(t, VALUE_PX, plot.x1 - x1 - 8);
        text(
            area,
            theme,
            t,
            (x1 + 8, y + ROW_H / 2),
            VALUE_PX,
            false,
            theme.fg,
            (HPos::Left, VPos::Center),
        )?;
        let label = format!(
            "{}\n{}（{}）：{}\n{}",
            r.label,
            data.series[1],
            r.goal_year,
            point_text(&r.goal, &r.unit, data.lang),
            r.goal.sentence
        );
        // The goal's hit covers the row and its text; the current bar (smaller) wins inside it.
        hits.push(Hit {
            rect: Rect::new(row_rect.x0, y, x1 + 8 + text_width(t, VALUE_PX), y + ROW_H),
            indicator_id: r.goal.indicator_id.clone(),
            label,
        });
        y += ROW_H + GROUP_GAP;
    }
    Ok(hits)
}
