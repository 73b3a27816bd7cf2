//! Charts over several reports, generic over [`DrawingBackend`] (canvas in the page, SVG
//! natively):
//!
//! - [`OutcomeChart`]: one indicator's headline target of each year against the outcome the
//!   next report gives for that year, missed targets marked ([`outcome_chart`], [`draw_outcomes`]).
//! - [`targets_across_chart`]: one year's targets (and the review-year outcomes) across
//!   regions/reports, as grouped horizontal bars ([`super::draw::draw_grouped_hbars`]).
//! - [`LineChart`]: values per category for several series (keyword counts over years).
//!
//! Built on the primitives of [`super::draw`]; every draw function returns [`CompareHit`]s
//! that name the report (index into the compared slice) and the indicator.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};

use super::draw::{
    draw_frame, draw_grouped_hbars, ellipsize, fill_rect, line, nice_ticks, stroke_rect, text, text_width, BarGroup,
    BarSpec, Frame, HBarChart, LegendItem, Scale, LABEL_PX, SMALL_PX, VALUE_PX,
};
use super::{fmt_num, qualifier_symbol, ChartLang, DrawResult, Rect, Theme};
use crate::panel::{about_tolerance, Figure, Met, Outcome, Sense};

/// Something drawn that stands for one figure of one of the compared reports.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareHit {
    pub rect: Rect,
    /// Index of the report in the compared slice.
    pub report: usize,
    pub indicator_id: String,
    /// Tooltip text.
    pub label: String,
}

/// The hit under a point (smallest box wins).
pub fn hit_at(hits: &[CompareHit], x: f64, y: f64) -> Option<&CompareHit> {
    hits.iter().filter(|h| h.rect.contains(x, y)).min_by_key(|h| (h.rect.width() as i64) * (h.rect.height() as i64))
}

/// One drawn figure.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Signed (下降 = negative); the low end of a range.
    pub low: f64,
    pub high: Option<f64>,
    /// Label, e.g. `≈7.5%`, `6.5–7%`, `7.4%`.
    pub text: String,
    pub report: usize,
    pub indicator_id: String,
    pub tooltip: String,
    /// Stated as 预计.
    pub estimate: bool,
}

/// One year of an [`OutcomeChart`].
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomePoint {
    pub year: i32,
    pub target: Option<Mark>,
    /// Half-width of the "about" band drawn around a 左右/约 target (0 for others).
    pub tolerance: f64,
    pub sense: Option<Sense>,
    pub actual: Option<Mark>,
    pub met: Met,
}

/// One indicator's targets against outcomes, year by year.
#[derive(Clone, Debug, PartialEq)]
pub struct OutcomeChart {
    pub title: String,
    pub unit_line: String,
    pub points: Vec<OutcomePoint>,
    pub legend_target: String,
    pub legend_actual: String,
    pub legend_missed: String,
    /// How "missed" is decided, drawn under the chart.
    pub note: String,
}

fn signed(f: &Figure) -> (f64, Option<f64>) {
    // 下降3.2% is stored as 3.2 (down), 增长-3.2% as −3.2 (down): negate only the first.
    if f.direction == Some("down") && f.value >= 0.0 {
        match f.value_high {
            Some(h) => (-h, Some(-f.value)),
            None => (-f.value, None),
        }
    } else {
        (f.value, f.value_high)
    }
}

fn value_text(f: &Figure, with_qualifier: bool) -> String {
    let (lo, hi) = signed(f);
    let mut s = String::new();
    if with_qualifier {
        s.push_str(qualifier_symbol(f.qualifier.as_deref()));
    }
    s.push_str(&fmt_num(lo));
    if let Some(h) = hi {
        s.push('–');
        s.push_str(&fmt_num(h));
    }
    s.push_str(&f.unit);
    s
}

fn excerpt(s: &str, n: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= n {
        s.to_string()
    } else {
        s.chars().take(n).chain(['…']).collect()
    }
}

fn mark(f: &Figure, target: bool, lang: ChartLang) -> Mark {
    let (low, high) = signed(f);
    let estimate = f.status == "estimate";
    let mut text = value_text(f, target);
    if estimate {
        text.push_str(lang.pick("（预计）", " (est.)"));
    }
    Mark {
        low,
        high,
        tooltip: format!("{text}\n{}\n{}", excerpt(&f.sentence, 60), f.file),
        text,
        report: f.report,
        indicator_id: f.id.clone(),
        estimate,
    }
}

/// The explanation of "missed" shown with the chart.
pub fn missed_rule(lang: ChartLang) -> &'static str {
    lang.pick(
        "未完成：实际低于目标（区间取下限）；“左右/约”允许低 0.5 个百分点；“以内/控制在/低于”及物价、失业率为上限，超过即未完成。实际取自次年报告的回顾。",
        "Missed: outcome below the target (a range's low end); 左右/约 (about) allows 0.5 point below; 以内/控制在/低于 and price or unemployment targets are ceilings, missed when exceeded. Outcomes from the next year's review.",
    )
}

/// Build the chart of one (region, indicator, measure) from [`crate::panel::outcomes`].
/// `None` when there is no target for it. Outcomes in another unit than the target are
/// left out (they cannot share an axis).
pub fn outcome_chart(
    outs: &[Outcome],
    region: &str,
    indicator: &str,
    measure: &str,
    lang: ChartLang,
) -> Option<OutcomeChart> {
    let mine: Vec<&Outcome> =
        outs.iter().filter(|o| o.region == region && o.indicator == indicator && o.measure == measure).collect();
    let unit = mine.iter().find_map(|o| o.target.as_ref()).map(|t| t.unit.clone())?;
    let name = mine.iter().find_map(|o| o.target.as_ref().map(|t| t.name.clone())).unwrap_or_default();
    let mut points: Vec<OutcomePoint> = mine
        .iter()
        .map(|o| {
            let target = o.target.as_ref().map(|t| mark(t, true, lang));
            let actual = o.actual.as_ref().filter(|a| a.unit == unit).map(|a| mark(a, false, lang));
            let tolerance = match (o.sense, o.target.as_ref()) {
                (Some(Sense::About | Sense::AboutCeiling), Some(t)) => about_tolerance(&t.unit, t.value),
                _ => 0.0,
            };
            OutcomePoint { year: o.year, target, tolerance, sense: o.sense, actual, met: o.met }
        })
        .filter(|p| p.target.is_some() || p.actual.is_some())
        .collect();
    crate::sort::sort_by_key(&mut points, |p| p.year);
    let region_label = if region.starts_with("file:") { String::new() } else { format!("{region} · ") };
    let measure_label = match (lang, measure) {
        (ChartLang::Zh, "growth") => "增长",
        (ChartLang::Zh, "level") => "总量",
        (ChartLang::Zh, "rate") => "比率",
        (ChartLang::Zh, "share") => "比重",
        (ChartLang::Zh, _) => "",
        (ChartLang::En, m) => m,
    };
    Some(OutcomeChart {
        title: format!("{region_label}{name} {measure_label}{}", lang.pick("：目标与实际", ": target vs outcome")),
        unit_line: format!("{}{unit}", lang.pick("单位：", "Unit: ")),
        points,
        legend_target: lang.pick("目标（当年报告）", "Target (that year's report)").to_string(),
        legend_actual: lang.pick("实际（次年报告）", "Outcome (next year's report)").to_string(),
        legend_missed: lang.pick("未完成", "Missed").to_string(),
        note: lang
            .pick(
                "✗ 未完成（规则见图下）；“左右/约”允许 0.5 个百分点；实际取自次年报告",
                "✗ missed (rule below the chart); 左右/约 allows 0.5 point; outcomes from the next report",
            )
            .to_string(),
    })
}

/// Room left of the plot for the value ticks.
const TICK_W: i32 = 44;

/// A vertical value axis: horizontal gridlines and tick labels on the left.
fn draw_y_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Scale,
    plot: Rect,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for t in s.ticks() {
        let y = s.px(t);
        let zero = t.abs() < s.step * 1e-6;
        line(area, (plot.x0, y), (plot.x1, y), if zero { theme.muted } else { theme.grid }, 1)?;
        text(
            area,
            theme,
            &fmt_num(if zero { 0.0 } else { t }),
            (plot.x0 - 6, y),
            SMALL_PX,
            false,
            theme.muted,
            (HPos::Right, VPos::Center),
        )?;
    }
    Ok(())
}

/// A y scale over `[lo, hi]` (not forced to include zero: outcomes vary in a narrow band).
fn y_scale(lo: f64, hi: f64, bottom: i32, top: i32) -> Scale {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() { (lo, hi) } else { (0.0, 1.0) };
    let pad = ((hi - lo) * 0.15).max(hi.abs().max(lo.abs()) * 0.03).max(0.1);
    let (min, max, step) = nice_ticks(lo - pad, hi + pad, ((bottom - top) / 45).clamp(2, 8) as usize);
    Scale { min, max, px0: bottom, px1: top, step }
}

impl OutcomeChart {
    fn legend(&self, theme: &Theme) -> Vec<LegendItem> {
        vec![
            LegendItem { name: self.legend_target.clone(), color: theme.muted, faded: true },
            LegendItem { name: self.legend_actual.clone(), color: theme.color(0), faded: false },
            LegendItem { name: format!("✗ {}", self.legend_missed), color: theme.color(1), faded: false },
        ]
    }
    /// A good height for `width`.
    pub fn height_for(&self, width: u32) -> u32 {
        (width as f64 * 0.5).clamp(280.0, 420.0) as u32
    }
    /// Indicator ids drawn, with their report index.
    pub fn figures(&self) -> Vec<(usize, String)> {
        self.points
            .iter()
            .flat_map(|p| p.target.iter().chain(p.actual.iter()).map(|m| (m.report, m.indicator_id.clone())))
            .collect()
    }
}

/// Draw an [`OutcomeChart`] filling `area`.
pub fn draw_outcomes<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &OutcomeChart,
    theme: &Theme,
) -> DrawResult<Vec<CompareHit>, DB> {
    let legend = chart.legend(theme);
    let frame =
        Frame { title: &chart.title, unit_line: &chart.unit_line, legend: &legend, note: &chart.note, axis_room: 26 };
    let plot = draw_frame(area, &frame, theme)?;
    let plot = Rect::new(plot.x0 + TICK_W, plot.y0, plot.x1, plot.y1);
    let mut hits = Vec::new();
    if chart.points.is_empty() || plot.width() < 40 || plot.height() < 40 {
        return Ok(hits);
    }
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for p in &chart.points {
        for m in p.target.iter().chain(p.actual.iter()) {
            let top = m.high.unwrap_or(m.low);
            lo = lo.min(m.low.min(top) - if p.target.as_ref() == Some(m) { p.tolerance } else { 0.0 });
            hi = hi.max(m.low.max(top) + if p.target.as_ref() == Some(m) { p.tolerance } else { 0.0 });
        }
    }
    let s = y_scale(lo, hi, plot.y1, plot.y0 + 6);
    draw_y_axis(area, &s, plot, theme)?;
    let n = chart.points.len() as i32;
    let cw = plot.width() / n;
    let half = (cw / 4).clamp(8, 40);
    let cx_of = |i: usize| plot.x0 + cw * i as i32 + cw / 2;
    // Pass 1: year labels and target bands.
    let mut target_rects: Vec<Option<Rect>> = Vec::new();
    for (i, p) in chart.points.iter().enumerate() {
        let cx = cx_of(i);
        text(
            area,
            theme,
            &p.year.to_string(),
            (cx, plot.y1 + 6),
            LABEL_PX,
            false,
            theme.fg,
            (HPos::Center, VPos::Top),
        )?;
        let Some(t) = &p.target else {
            target_rects.push(None);
            continue;
        };
        let band = theme.faded(theme.muted, 0.75);
        let (a, b) = (t.low - p.tolerance, t.high.unwrap_or(t.low) + p.tolerance);
        let mut r = Rect::new(cx - half, s.px(b), cx + half, s.px(a));
        if r.height() < 3 {
            r = Rect::new(r.x0, r.y0 - 1, r.x1, r.y1 + 2);
        }
        fill_rect(area, r, band)?;
        if let Some(h) = t.high {
            let rr = Rect::new(cx - half, s.px(h), cx + half, s.px(t.low));
            fill_rect(area, rr, theme.faded(theme.muted, 0.5))?;
            stroke_rect(area, rr, theme.muted)?;
        } else {
            let y = s.px(t.low);
            line(area, (cx - half, y), (cx + half, y), theme.muted, 3)?;
        }
        target_rects.push(Some(r));
    }
    // Pass 2: the line joining consecutive outcomes.
    let dots: Vec<Option<(i32, i32)>> =
        chart.points.iter().enumerate().map(|(i, p)| p.actual.as_ref().map(|a| (cx_of(i), s.px(a.low)))).collect();
    for w in dots.windows(2) {
        if let [Some(a), Some(b)] = w {
            line(area, *a, *b, theme.faded(theme.color(0), 0.4), 2)?;
        }
    }
    // Pass 3: labels, dots and hit boxes on top.
    for (i, p) in chart.points.iter().enumerate() {
        let cx = cx_of(i);
        if let (Some(t), Some(Some(r))) = (&p.target, target_rects.get(i)) {
            let ty = s.px(t.high.unwrap_or(t.low).max(t.low) + p.tolerance);
            text(area, theme, &t.text, (cx - half - 4, ty), VALUE_PX, false, theme.muted, (HPos::Right, VPos::Center))?;
            let tw = text_width(&t.text, VALUE_PX);
            hits.push(CompareHit {
                rect: Rect::new(cx - half - 6 - tw, r.y0.min(ty - 8), cx + half, r.y1.max(ty + 8)),
                report: t.report,
                indicator_id: t.indicator_id.clone(),
                label: t.tooltip.clone(),
            });
        }
        if let (Some(a), Some(Some((_, y)))) = (&p.actual, dots.get(i)) {
            let y = *y;
            let missed = p.met == Met::No;
            let color = if missed { theme.color(1) } else { theme.color(0) };
            if a.estimate {
                area.draw(&Circle::new((cx, y), 5, theme.bg.filled()))?;
                area.draw(&Circle::new((cx, y), 5, color.stroke_width(2)))?;
            } else {
                area.draw(&Circle::new((cx, y), 5, color.filled()))?;
            }
            let label = if missed { format!("{} ✗", a.text) } else { a.text.clone() };
            let lw = text_width(&label, VALUE_PX);
            // A background behind the label keeps it legible over the line and the band.
            fill_rect(area, Rect::new(cx + 8, y - 8, cx + 12 + lw, y + 8), theme.bg)?;
            text(area, theme, &label, (cx + 10, y), VALUE_PX, missed, color, (HPos::Left, VPos::Center))?;
            hits.push(CompareHit {
                rect: Rect::new(cx - 7, y - 8, cx + 12 + lw, y + 8),
                report: a.report,
                indicator_id: a.indicator_id.clone(),
                label: a.tooltip.clone(),
            });
        }
    }
    Ok(hits)
}

/// One year's targets of one indicator across reports (regions), beside each report's
/// review-year outcome. `items`: (label, target, outcome) per report.
pub fn targets_across_chart(
    title: &str,
    items: &[(String, Option<Figure>, Option<Figure>)],
    lang: ChartLang,
) -> Option<(HBarChart, Vec<(usize, String)>)> {
    let unit = items.iter().find_map(|(_, t, _)| t.as_ref().map(|t| t.unit.clone()))?;
    let mut refs = Vec::new();
    let mut groups = Vec::new();
    for (label, t, a) in items {
        let mut bars = Vec::new();
        // Slot 0 = outcome, slot 1 = target (the chart engineer's series order); hits come
        // back in group order, then slot order: keep `refs` in that order.
        for (slot, f) in [(0usize, a), (1usize, t)] {
            let Some(f) = f.as_ref().filter(|f| f.unit == unit) else { continue };
            let (low, high) = signed(f);
            let m = mark(f, slot == 1, lang);
            refs.push((f.report, f.id.clone()));
            bars.push(BarSpec {
                series: slot,
                low,
                high,
                text: m.text,
                estimate: m.estimate,
                indicator_id: f.id.clone(),
                tooltip: m.tooltip,
            });
        }
        if !bars.is_empty() {
            groups.push(BarGroup { label: label.clone(), bars });
        }
    }
    if groups.is_empty() {
        return None;
    }
    Some((
        HBarChart {
            title: title.to_string(),
            unit_line: format!("{}{unit}", lang.pick("单位：", "Unit: ")),
            series: vec![
                lang.pick("上年实际", "Previous year's outcome").to_string(),
                lang.pick("本年目标", "This year's target").to_string(),
            ],
            estimate_legend: Some(lang.pick("预计", "Estimate").to_string()),
            groups,
            axis_label: unit,
            missing_text: lang.pick("未提及", "not stated").to_string(),
            note: String::new(),
        },
        refs,
    ))
}

/// Draw a [`targets_across_chart`] and tie its hits to reports.
pub fn draw_targets_across<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &HBarChart,
    refs: &[(usize, String)],
    theme: &Theme,
) -> DrawResult<Vec<CompareHit>, DB> {
    let hits = draw_grouped_hbars(area, chart, theme)?;
    Ok(hits
        .into_iter()
        .zip(refs)
        .map(|(h, (report, id))| CompareHit { rect: h.rect, report: *report, indicator_id: id.clone(), label: h.label })
        .collect())
}

/// Values per category (x) for several series: lines with dots (categories in order,
/// e.g. years) or, with `bars`, grouped vertical bars (categories without order).
#[derive(Clone, Debug, PartialEq)]
pub struct LineChart {
    pub title: String,
    pub unit_line: String,
    pub categories: Vec<String>,
    /// (series name, one value per category; None = no data).
    pub series: Vec<(String, Vec<Option<f64>>)>,
    pub bars: bool,
    pub note: String,
}

impl LineChart {
    pub fn height_for(&self, width: u32) -> u32 {
        (width as f64 * 0.45).clamp(260.0, 380.0) as u32
    }
}

/// Draw a [`LineChart`] filling `area`.
pub fn draw_lines<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &LineChart,
    theme: &Theme,
) -> DrawResult<(), DB> {
    let legend: Vec<LegendItem> = chart
        .series
        .iter()
        .enumerate()
        .map(|(i, (n, _))| LegendItem { name: n.clone(), color: theme.color(i), faded: false })
        .collect();
    let frame =
        Frame { title: &chart.title, unit_line: &chart.unit_line, legend: &legend, note: &chart.note, axis_room: 26 };
    let plot = draw_frame(area, &frame, theme)?;
    let plot = Rect::new(plot.x0 + TICK_W, plot.y0, plot.x1, plot.y1);
    let n = chart.categories.len() as i32;
    if n == 0 || plot.width() < 40 || plot.height() < 40 {
        return Ok(());
    }
    let hi = chart.series.iter().flat_map(|(_, v)| v.iter().flatten().copied()).fold(0.0, f64::max);
    let (min, max, step) = nice_ticks(0.0, hi.max(1.0), ((plot.height()) / 45).clamp(2, 8) as usize);
    let s = Scale { min, max, px0: plot.y1, px1: plot.y0 + 6, step };
    draw_y_axis(area, &s, plot, theme)?;
    let cw = plot.width() / n;
    for (i, c) in chart.categories.iter().enumerate() {
        let cx = plot.x0 + cw * i as i32 + cw / 2;
        let label = ellipsize(c, LABEL_PX, cw - 4);
        text(area, theme, &label, (cx, plot.y1 + 6), LABEL_PX, false, theme.fg, (HPos::Center, VPos::Top))?;
    }
    let k = chart.series.len().max(1) as i32;
    for (si, (_, vals)) in chart.series.iter().enumerate() {
        let color = theme.color(si);
        if chart.bars {
            let group_w = (cw * 7 / 10).max(k * 3);
            let bw = (group_w / k).max(2);
            for (i, v) in vals.iter().enumerate() {
                let Some(v) = v else { continue };
                let x0 = plot.x0 + cw * i as i32 + (cw - group_w) / 2 + si as i32 * bw;
                let r = Rect::new(x0, s.px(*v), x0 + bw - 1, s.px(0.0));
                fill_rect(area, r, color)?;
                if bw >= 14 {
                    text(
                        area,
                        theme,
                        &fmt_num(*v),
                        ((r.x0 + r.x1) / 2, r.y0 - 2),
                        SMALL_PX,
                        false,
                        theme.fg,
                        (HPos::Center, VPos::Bottom),
                    )?;
                }
            }
        } else {
            let pts: Vec<Option<(i32, i32)>> =
                vals.iter().enumerate().map(|(i, v)| v.map(|v| (plot.x0 + cw * i as i32 + cw / 2, s.px(v)))).collect();
            for w in pts.windows(2) {
                if let [Some(a), Some(b)] = w {
                    line(area, *a, *b, color, 2)?;
                }
            }
            for (p, v) in pts.iter().zip(vals) {
                if let (Some(p), Some(v)) = (p, v) {
                    area.draw(&Circle::new(*p, 4, color.filled()))?;
                    text(
                        area,
                        theme,
                        &fmt_num(*v),
                        (p.0 + 6, p.1 - 4),
                        SMALL_PX,
                        false,
                        color,
                        (HPos::Left, VPos::Bottom),
                    )?;
                }
            }
        }
    }
    Ok(())
}

/// Any chart of the comparison view.
#[derive(Clone, Debug, PartialEq)]
pub enum CompareChart {
    Outcomes(OutcomeChart),
    /// A [`targets_across_chart`] and its (report, indicator id) per bar, in hit order.
    Across(HBarChart, Vec<(usize, String)>),
    Lines(LineChart),
}

impl CompareChart {
    /// A height that fits the chart at `width`.
    pub fn height_for(&self, width: u32) -> u32 {
        match self {
            CompareChart::Outcomes(c) => c.height_for(width),
            CompareChart::Across(c, _) => c.height_for(width),
            CompareChart::Lines(c) => c.height_for(width),
        }
    }
    /// Draw on `area`; returns what can be pointed at.
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> DrawResult<Vec<CompareHit>, DB> {
        match self {
            CompareChart::Outcomes(c) => draw_outcomes(area, c, theme),
            CompareChart::Across(c, refs) => draw_targets_across(area, c, refs, theme),
            CompareChart::Lines(c) => draw_lines(area, c, theme).map(|_| Vec::new()),
        }
    }
    /// The chart as a standalone SVG document `width` pixels wide.
    pub fn to_svg(&self, width: u32, theme: &Theme) -> String {
        let h = self.height_for(width);
        render_svg(width, h, theme, |a, t| {
            let _ = self.draw(a, t);
        })
    }
}

/// Render any of these charts to an SVG document (for export and native tests).
pub fn render_svg<F>(width: u32, height: u32, theme: &Theme, draw: F) -> String
where
    F: FnOnce(&DrawingArea<SVGBackend<'_>, Shift>, &Theme),
{
    let theme = theme.clone().for_svg();
    let mut buf = String::new();
    {
        let area = SVGBackend::with_string(&mut buf, (width, height)).into_drawing_area();
        draw(&area, &theme);
        let _ = area.present();
    }
    buf
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fig(report: usize, id: &str, v: f64, hi: Option<f64>, q: Option<&str>, status: &'static str) -> Figure {
        Figure {
            report,
            file: format!("f{report}"),
            id: id.into(),
            section: None,
            name: "国内生产总值".into(),
            status,
            value: v,
            value_high: hi,
            unit: "%".into(),
            qualifier: q.map(Into::into),
            direction: None,
            sentence: "国内生产总值增长".into(),
        }
    }

    fn outcome(year: i32, t: Option<Figure>, a: Option<Figure>, met: Met) -> Outcome {
        Outcome {
            region: "全国".into(),
            indicator: "gdp".into(),
            name: "国内生产总值".into(),
            measure: "growth",
            year,
            sense: t.as_ref().map(|_| Sense::About),
            target: t,
            actual: a,
            met,
        }
    }

    #[test]
    fn negative_growth_is_negated_once() {
        let mut f = fig(0, "i1", -3.2, None, None, "actual");
        f.direction = Some("down");
        assert_eq!(signed(&f), (-3.2, None));
        assert_eq!(f.display(), "−3.2%");
        f.value = 3.2;
        assert_eq!(signed(&f), (-3.2, None));
        assert_eq!(f.display(), "−3.2%");
    }

    #[test]
    fn outcome_chart_draws_targets_and_missed() {
        let outs = vec![
            outcome(
                2014,
                Some(fig(0, "i2", 7.5, None, Some("左右"), "target")),
                Some(fig(1, "i1", 7.4, None, None, "actual")),
                Met::Yes,
            ),
            outcome(
                2015,
                Some(fig(1, "i3", 7.0, None, Some("左右"), "target")),
                Some(fig(2, "i1", 6.0, None, None, "actual")),
                Met::No,
            ),
            outcome(2016, Some(fig(2, "i3", 6.5, Some(7.0), None, "target")), None, Met::Unknown),
        ];
        let c = outcome_chart(&outs, "全国", "gdp", "growth", ChartLang::Zh).expect("chart");
        assert_eq!(c.points.len(), 3);
        assert_eq!(c.points[0].tolerance, 0.5);
        assert_eq!(c.points[0].target.as_ref().unwrap().text, "≈7.5%");
        assert_eq!(c.points[2].target.as_ref().unwrap().text, "6.5–7%");
        let mut hits = Vec::new();
        let svg = render_svg(640, 360, &Theme::light(), |a, t| hits = draw_outcomes(a, &c, t).unwrap());
        assert!(svg.contains("7.4%"), "{svg}");
        assert!(svg.contains("6% ✗"));
        assert!(svg.contains("2016"));
        assert_eq!(hits.len(), 5);
        assert!(hits.iter().any(|h| h.report == 1 && h.indicator_id == "i1"));
        assert!(outcome_chart(&outs, "全国", "cpi", "growth", ChartLang::Zh).is_none());
    }

    #[test]
    fn lines_and_bars_render() {
        let c = LineChart {
            title: "关键词".into(),
            unit_line: String::new(),
            categories: vec!["2014".into(), "2015".into()],
            series: vec![("改革".into(), vec![Some(70.0), Some(80.0)]), ("创新".into(), vec![None, Some(40.0)])],
            bars: false,
            note: String::new(),
        };
        let svg = render_svg(500, 300, &Theme::light(), |a, t| draw_lines(a, &c, t).unwrap());
        assert!(svg.contains("80") && svg.contains("改革"));
        let c = LineChart { bars: true, ..c };
        let svg = render_svg(500, 300, &Theme::dark(), |a, t| draw_lines(a, &c, t).unwrap());
        assert!(svg.contains("<rect"));
    }
}
