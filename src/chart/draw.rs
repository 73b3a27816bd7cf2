//! Reusable drawing primitives on a plotters [`DrawingArea`] (any backend): frame, scale,
//! value axis, horizontal bars, whiskers, labels, legends, and two whole charts built from
//! them ([`draw_grouped_hbars`], [`draw_stacked_hbars`]). All coordinates are pixels of the
//! area; every function that draws something selectable returns its [`Hit`]s.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{fmt_num, DrawResult, Hit, Rect, Theme};

/// Outer padding.
pub const PAD: i32 = 14;
/// Title font size (px).
pub const TITLE_PX: f64 = 16.0;
/// Category label font size.
pub const LABEL_PX: f64 = 13.0;
/// Value label font size.
pub const VALUE_PX: f64 = 12.0;
/// Tick labels, unit line and source note.
pub const SMALL_PX: f64 = 11.5;
/// One bar's thickness in a grouped chart.
pub const BAR_H: i32 = 15;
/// Space between bars of a group.
pub const BAR_GAP: i32 = 3;
/// Space between groups.
pub const GROUP_GAP: i32 = 14;
/// Height of one legend line.
pub const LEGEND_LINE: i32 = 20;

/// Estimated advance width of `text` at `size` px: CJK and full-width forms 1 em, digits and
/// Latin ≈ 0.56 em, narrow punctuation less. Good to a few percent for the page's fonts;
/// used only for layout (text is drawn anchored, so the renderer aligns it exactly).
pub fn text_width(text: &str, size: f64) -> i32 {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            ' ' => 0.3,
            '.' | ',' | ':' | ';' | '\'' | '|' | 'i' | 'l' | 'j' | '!' => 0.3,
            '(' | ')' | '[' | ']' | '-' | 'f' | 't' | 'r' => 0.38,
            'm' | 'w' | 'M' | 'W' | '%' | '@' => 0.85,
            '·' => 0.5,
            c if c.is_ascii_uppercase() => 0.66,
            c if c.is_ascii() => 0.56,
            '≥' | '≤' | '≈' | '–' | '→' | '…' => 0.7,
            _ => 1.0,
        })
        .sum();
    (em * size).ceil() as i32
}

/// `text` cut to fit `max_w` pixels at `size`, ending in `…` when cut.
pub fn ellipsize(text: &str, size: f64, max_w: i32) -> String {
    if text_width(text, size) <= max_w {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if text_width(&out, size) + text_width("…", size) > max_w {
            out.pop();
            break;
        }
    }
    out.push('…');
    out
}

/// A text style in the theme's font.
pub fn font<'a>(
    theme: &'a Theme,
    size: f64,
    bold: bool,
    color: RGBColor,
    h: HPos,
    v: VPos,
) -> TextStyle<'a> {
    let style = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    TextStyle {
        font: FontDesc::new(
            FontFamily::Name(theme.font),
            size * theme.font_factor,
            style,
        ),
        color: color.to_backend_color(),
        pos: Pos::new(h, v),
    }
}

/// Draw a text anchored at `(x, y)`.
#[allow(clippy::too_many_arguments)]
pub fn text<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    theme: &Theme,
    s: &str,
    (x, y): (i32, i32),
    size: f64,
    bold: bool,
    color: RGBColor,
    (h, v): (HPos, VPos),
) -> DrawResult<(), DB> {
    if s.is_empty() {
        return Ok(());
    }
    area.draw_text(s, &font(theme, size, bold, color, h, v), (x, y))
}

/// A filled rectangle.
pub fn fill_rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: Rect,
    color: RGBColor,
) -> DrawResult<(), DB> {
    area.draw(&Rectangle::new(
        [(r.x0, r.y0), (r.x1, r.y1)],
        color.filled(),
    ))
}

/// A rectangle outline.
pub fn stroke_rect<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: Rect,
    color: RGBColor,
) -> DrawResult<(), DB> {
    area.draw(&Rectangle::new(
        [(r.x0, r.y0), (r.x1, r.y1)],
        color.stroke_width(1),
    ))
}

/// A straight line.
pub fn line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    from: (i32, i32),
    to: (i32, i32),
    color: RGBColor,
    width: u32,
) -> DrawResult<(), DB> {
    area.draw(&PathElement::new(vec![from, to], color.stroke_width(width)))
}

/// One legend entry: a swatch and a name.
#[derive(Clone, Debug, PartialEq)]
pub struct LegendItem {
    pub name: String,
    pub color: RGBColor,
    /// Draw the swatch as the faded "estimate" fill.
    pub faded: bool,
}

/// Lines of a legend laid out in `width` pixels: item indices per line.
pub fn legend_lines(items: &[LegendItem], width: i32) -> Vec<Vec<usize>> {
    let mut lines: Vec<Vec<usize>> = Vec::new();
    let mut x = 0;
    for (i, it) in items.iter().enumerate() {
        let w = 18 + text_width(&it.name, SMALL_PX) + 16;
        if lines.is_empty() || (x + w > width && x > 0) {
            lines.push(Vec::new());
            x = 0;
        }
        lines.last_mut().expect("pushed").push(i);
        x += w;
    }
    lines
}

/// Draw a legend from `(x, y)` (top-left); returns its height.
pub fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[LegendItem],
    (x, y): (i32, i32),
    width: i32,
    theme: &Theme,
) -> DrawResult<i32, DB> {
    let lines = legend_lines(items, width);
    for (li, line_items) in lines.iter().enumerate() {
        let cy = y + li as i32 * LEGEND_LINE + LEGEND_LINE / 2;
        let mut cx = x;
        for &i in line_items {
            let it = &items[i];
            let sw = Rect::new(cx, cy - 6, cx + 12, cy + 6);
            if it.faded {
                fill_rect(area, sw, theme.faded(it.color, 0.55))?;
                stroke_rect(area, sw, it.color)?;
            } else {
                fill_rect(area, sw, it.color)?;
            }
            text(
                area,
                theme,
                &it.name,
                (cx + 17, cy),
                SMALL_PX,
                false,
                theme.fg,
                (HPos::Left, VPos::Center),
            )?;
            cx += 18 + text_width(&it.name, SMALL_PX) + 16;
        }
    }
    Ok(lines.len() as i32 * LEGEND_LINE)
}

/// Title, unit line, legend and source note around a plot.
#[derive(Clone, Debug, PartialEq)]
pub struct Frame<'a> {
    pub title: &'a str,
    /// e.g. `单位：%`; drawn under the title.
    pub unit_line: &'a str,
    pub legend: &'a [LegendItem],
    /// Source note, drawn bottom-left.
    pub note: &'a str,
    /// Room kept under the plot for tick labels and the axis label.
    pub axis_room: i32,
}

impl Frame<'_> {
    /// Height taken above the plot at `width`.
    pub fn header_height(&self, width: i32) -> i32 {
        let legend = if self.legend.is_empty() {
            0
        } else {
            legend_lines(self.legend, width - 2 * PAD).len() as i32 * LEGEND_LINE
        };
        PAD + 22 + if self.unit_line.is_empty() { 0 } else { 18 } + legend + 8
    }
    /// Height taken below the plot.
    pub fn footer_height(&self) -> i32 {
        self.axis_room + if self.note.is_empty() { 0 } else { 20 } + PAD
    }
}

/// Fill the background and draw the frame's texts; returns the plot rectangle (full width
/// between the paddings; callers keep their own label columns inside it).
pub fn draw_frame<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    frame: &Frame<'_>,
    theme: &Theme,
) -> DrawResult<Rect, DB> {
    let (w, h) = area.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    area.fill(&theme.bg)?;
    let title = ellipsize(frame.title, TITLE_PX, w - 2 * PAD);
    text(
        area,
        theme,
        &title,
        (PAD, PAD),
        TITLE_PX,
        true,
        theme.fg,
        (HPos::Left, VPos::Top),
    )?;
    let mut y = PAD + 22;
    if !frame.unit_line.is_empty() {
        let unit = ellipsize(frame.unit_line, SMALL_PX, w - 2 * PAD);
        text(
            area,
            theme,
            &unit,
            (PAD, y),
            SMALL_PX,
            false,
            theme.muted,
            (HPos::Left, VPos::Top),
        )?;
        y += 18;
    }
    if !frame.legend.is_empty() {
        y += draw_legend(area, frame.legend, (PAD, y), w - 2 * PAD, theme)?;
    }
    if !frame.note.is_empty() {
        let note = ellipsize(frame.note, SMALL_PX, w - 2 * PAD);
        text(
            area,
            theme,
            &note,
            (PAD, h - PAD),
            SMALL_PX,
            false,
            theme.muted,
            (HPos::Left, VPos::Bottom),
        )?;
    }
    Ok(Rect::new(PAD, y + 8, w - PAD, h - frame.footer_height()))
}

/// A linear map from values to pixels along x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub min: f64,
    pub max: f64,
    pub px0: i32,
    pub px1: i32,
    /// Tick spacing (from [`nice_ticks`]).
    pub step: f64,
}

impl Scale {
    /// A scale covering `[lo, hi]` (zero always included), widened to nice ticks.
    pub fn nice(lo: f64, hi: f64, px0: i32, px1: i32) -> Scale {
        let lo = lo.min(0.0);
        let hi = hi.max(0.0);
        let (min, max, step) = nice_ticks(lo, hi, ((px1 - px0) / 70).clamp(2, 8) as usize);
        Scale {
            min,
            max,
            px0,
            px1,
            step,
        }
    }
    /// Pixel of a value (clamped to the range).
    pub fn px(&self, v: f64) -> i32 {
        let span = self.max - self.min;
        let t = if span > 0.0 {
            ((v - self.min) / span).clamp(0.0, 1.0)
        } else {
            0.0
        };
        (self.px0 as f64 + t * (self.px1 - self.px0) as f64).round() as i32
    }
    /// Tick values from min to max.
    pub fn ticks(&self) -> Vec<f64> {
        if self.step <= 0.0 || !self.step.is_finite() {
            return vec![self.min, self.max];
        }
        let n = ((self.max - self.min) / self.step).round() as i64;
        (0..=n.clamp(0, 50))
            .map(|i| self.min + i as f64 * self.step)
            .collect()
    }
}

/// `[min, max]` widened to multiples of a 1-2-5 step giving about `target` intervals.
pub fn nice_ticks(lo: f64, hi: f64, target: usize) -> (f64, f64, f64) {
    let (lo, hi) = if lo.is_finite() && hi.is_finite() {
        (lo, hi)
    } else {
        (0.0, 1.0)
    };
    let span = if hi - lo > 0.0 {
        hi - lo
    } else {
        hi.abs().max(1.0)
    };
    let raw = span / target.max(1) as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let norm = raw / mag;
    let step = mag
        * if norm <= 1.0 {
            1.0
        } else if norm <= 2.0 {
            2.0
        } else if norm <= 5.0 {
            5.0
        } else {
            10.0
        };
    let min = (lo / step).floor() * step;
    let mut max = (hi / step).ceil() * step;
    if max <= min {
        max = min + step;
    }
    (min, max, step)
}

/// Vertical gridlines at the scale's ticks across `plot`, tick labels under it, the zero
/// line stronger, and `axis_label` centred below.
pub fn draw_value_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scale: &Scale,
    plot: Rect,
    axis_label: &str,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for t in scale.ticks() {
        let x = scale.px(t);
        let zero = t.abs() < scale.step * 1e-6;
        line(
            area,
            (x, plot.y0),
            (x, plot.y1),
            if zero { theme.muted } else { theme.grid },
            1,
        )?;
        let label = fmt_num(if zero { 0.0 } else { t });
        text(
            area,
            theme,
            &label,
            (x, plot.y1 + 4),
            SMALL_PX,
            false,
            theme.muted,
            (HPos::Center, VPos::Top),
        )?;
    }
    if !axis_label.is_empty() {
        let cx = (scale.px0 + scale.px1) / 2;
        text(
            area,
            theme,
            axis_label,
            (cx, plot.y1 + 22),
            SMALL_PX,
            false,
            theme.muted,
            (HPos::Center, VPos::Top),
        )?;
    }
    Ok(())
}

/// A category label right-aligned at `x_right`, vertically centred on `y`, cut to `max_w`.
pub fn draw_category_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    (x_right, y): (i32, i32),
    max_w: i32,
    theme: &Theme,
) -> DrawResult<(), DB> {
    let s = ellipsize(label, LABEL_PX, max_w);
    text(
        area,
        theme,
        &s,
        (x_right, y),
        LABEL_PX,
        false,
        theme.fg,
        (HPos::Right, VPos::Center),
    )
}

/// How a bar is filled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum BarFill {
    Solid(RGBColor),
    /// An estimate (预计): faded fill, solid outline.
    Faded(RGBColor),
}

/// A horizontal bar from value `from` to `to` between `y0` and `y1`; returns its rectangle.
pub fn draw_hbar<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scale: &Scale,
    (y0, y1): (i32, i32),
    (from, to): (f64, f64),
    fill: BarFill,
    theme: &Theme,
) -> DrawResult<Rect, DB> {
    let (a, b) = (scale.px(from), scale.px(to));
    let mut r = Rect::new(a, y0, b, y1);
    if r.width() < 2 {
        // Keep a visible sliver for zero and tiny values.
        r.x1 = r.x0 + 2;
    }
    match fill {
        BarFill::Solid(c) => fill_rect(area, r, c)?,
        BarFill::Faded(c) => {
            fill_rect(area, r, theme.faded(c, 0.55))?;
            stroke_rect(area, r, c)?;
        }
    }
    Ok(r)
}

/// A range whisker from `from` to `to` at height `y` (a line with end ticks).
pub fn draw_whisker<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    scale: &Scale,
    y: i32,
    (from, to): (f64, f64),
    color: RGBColor,
) -> DrawResult<Rect, DB> {
    let (a, b) = (scale.px(from), scale.px(to));
    line(area, (a, y), (b, y), color, 2)?;
    line(area, (b, y - 5), (b, y + 5), color, 2)?;
    Ok(Rect::new(a, y - 5, b, y + 5))
}

/// A value label just past a bar end at `x` (to the right, or to the left when `left`).
pub fn draw_value_label<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    label: &str,
    (x, y): (i32, i32),
    left: bool,
    color: RGBColor,
    theme: &Theme,
) -> DrawResult<(), DB> {
    let (x, h) = if left {
        (x - 4, HPos::Right)
    } else {
        (x + 4, HPos::Left)
    };
    text(
        area,
        theme,
        label,
        (x, y),
        VALUE_PX,
        false,
        color,
        (h, VPos::Center),
    )
}

/// One bar of a [`BarGroup`].
#[derive(Clone, Debug, PartialEq)]
pub struct BarSpec {
    /// Series index (legend entry, colour, slot in the group).
    pub series: usize,
    /// Bar end (the low end of a range).
    pub low: f64,
    /// High end of a range: drawn as a whisker past the bar.
    pub high: Option<f64>,
    /// The value label, e.g. `≥8%`, `7.6%（预计）`.
    pub text: String,
    /// Faded fill.
    pub estimate: bool,
    /// Indicator selected when the bar is clicked.
    pub indicator_id: String,
    /// Tooltip text.
    pub tooltip: String,
}

/// A category: a label and its bars (at most one per series).
#[derive(Clone, Debug, PartialEq)]
pub struct BarGroup {
    pub label: String,
    pub bars: Vec<BarSpec>,
}

/// A horizontal grouped bar chart: categories down the left, one slot per series.
#[derive(Clone, Debug, PartialEq)]
pub struct HBarChart {
    pub title: String,
    pub unit_line: String,
    /// Series names (legend), in slot order.
    pub series: Vec<String>,
    /// Legend entry for faded bars, shown when any bar is an estimate.
    pub estimate_legend: Option<String>,
    pub groups: Vec<BarGroup>,
    /// Axis label under the ticks.
    pub axis_label: String,
    /// Text in an empty slot, e.g. `未提及`.
    pub missing_text: String,
    pub note: String,
}

impl HBarChart {
    fn legend(&self, theme: &Theme) -> Vec<LegendItem> {
        let mut items: Vec<LegendItem> = self
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| LegendItem {
                name: s.clone(),
                color: theme.color(i),
                faded: false,
            })
            .collect();
        if let Some(e) = &self.estimate_legend {
            if self
                .groups
                .iter()
                .any(|g| g.bars.iter().any(|b| b.estimate))
            {
                items.push(LegendItem {
                    name: e.clone(),
                    color: theme.color(0),
                    faded: true,
                });
            }
        }
        items
    }
    fn frame<'a>(&'a self, legend: &'a [LegendItem]) -> Frame<'a> {
        Frame {
            title: &self.title,
            unit_line: &self.unit_line,
            legend,
            note: &self.note,
            axis_room: 42,
        }
    }
    fn slots(&self) -> i32 {
        self.series.len().max(1) as i32
    }
    fn group_height(&self) -> i32 {
        let n = self.slots();
        n * BAR_H + (n - 1) * BAR_GAP
    }
    /// Height that fits every group at `width`.
    pub fn height_for(&self, width: u32) -> u32 {
        let theme = Theme::light();
        let legend = self.legend(&theme);
        let f = self.frame(&legend);
        let body = self.groups.len() as i32 * (self.group_height() + GROUP_GAP) + GROUP_GAP / 2;
        (f.header_height(width as i32) + body + f.footer_height()).max(160) as u32
    }
    /// Every indicator id drawn.
    pub fn indicator_ids(&self) -> Vec<String> {
        self.groups
            .iter()
            .flat_map(|g| g.bars.iter().map(|b| b.indicator_id.clone()))
            .collect()
    }
}

/// Draw an [`HBarChart`] filling `area`.
pub fn draw_grouped_hbars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &HBarChart,
    theme: &Theme,
) -> DrawResult<Vec<Hit>, DB> {
    let legend = chart.legend(theme);
    let frame = chart.frame(&legend);
    let plot = draw_frame(area, &frame, theme)?;
    let mut hits = Vec::new();

    // Label column: as wide as the longest label, at most 38 % of the width.
    let label_w = chart
        .groups
        .iter()
        .map(|g| text_width(&g.label, LABEL_PX))
        .max()
        .unwrap_or(0)
        .min((plot.width() as f64 * 0.38) as i32)
        .max(40);
    let value_w = chart
        .groups
        .iter()
        .flat_map(|g| g.bars.iter().map(|b| text_width(&b.text, VALUE_PX)))
        .chain([text_width(&chart.missing_text, VALUE_PX)])
        .max()
        .unwrap_or(0)
        + 8;
    let lo = chart
        .groups
        .iter()
        .flat_map(|g| g.bars.iter().map(|b| b.low.min(b.high.unwrap_or(b.low))))
        .fold(0.0, f64::min);
    let hi = chart
        .groups
        .iter()
        .flat_map(|g| g.bars.iter().map(|b| b.high.unwrap_or(b.low).max(b.low)))
        .fold(0.0, f64::max);
    let x0 = plot.x0 + label_w + 10 + if lo < 0.0 { value_w } else { 0 };
    let x1 = (plot.x1 - value_w).max(x0 + 40);
    let scale = Scale::nice(lo, hi, x0, x1);
    draw_value_axis(area, &scale, plot, &chart.axis_label, theme)?;

    let zero = scale.px(0.0);
    let mut y = plot.y0 + GROUP_GAP / 2;
    for g in &chart.groups {
        let gh = chart.group_height();
        draw_category_label(
            area,
            &g.label,
            (x0 - 10 - if lo < 0.0 { value_w } else { 0 }, y + gh / 2),
            label_w,
            theme,
        )?;
        for slot in 0..chart.slots() as usize {
            let by0 = y + slot as i32 * (BAR_H + BAR_GAP);
            let cy = by0 + BAR_H / 2;
            let Some(b) = g.bars.iter().find(|b| b.series == slot) else {
                if !chart.missing_text.is_empty() {
                    draw_value_label(
                        area,
                        &chart.missing_text,
                        (zero, cy),
                        false,
                        theme.muted,
                        theme,
                    )?;
                }
                continue;
            };
            let color = theme.color(b.series);
            let fill = if b.estimate {
                BarFill::Faded(color)
            } else {
                BarFill::Solid(color)
            };
            let mut r = draw_hbar(area, &scale, (by0, by0 + BAR_H), (0.0, b.low), fill, theme)?;
            let mut end = if b.low < 0.0 { r.x0 } else { r.x1 };
            if let Some(h) = b.high {
                let w = draw_whisker(area, &scale, cy, (b.low, h), color)?;
                end = if h < 0.0 { w.x0 } else { w.x1 };
                r = Rect::new(r.x0.min(w.x0), r.y0, r.x1.max(w.x1), r.y1);
            }
            let left = b.low < 0.0 || b.high.is_some_and(|h| h < 0.0);
            draw_value_label(area, &b.text, (end, cy), left, theme.fg, theme)?;
            // The hit box covers the bar and its label, so small bars are easy to point at.
            let lw = text_width(&b.text, VALUE_PX) + 4;
            let hr = if left {
                Rect::new(r.x0 - lw, r.y0, r.x1, r.y1)
            } else {
                Rect::new(r.x0, r.y0, r.x1 + lw, r.y1)
            };
            hits.push(Hit {
                rect: hr,
                indicator_id: b.indicator_id.clone(),
                label: b.tooltip.clone(),
            });
        }
        y += gh + GROUP_GAP;
    }
    Ok(hits)
}

/// One row of a [`StackedChart`]: parts of a whole.
#[derive(Clone, Debug, PartialEq)]
pub struct StackRow {
    pub label: String,
    pub parts: Vec<f64>,
    pub indicator_id: String,
    pub tooltip: String,
}

/// Horizontal 100 % stacked bars, one per row.
#[derive(Clone, Debug, PartialEq)]
pub struct StackedChart {
    pub title: String,
    pub unit_line: String,
    /// Names of the parts (legend), in order.
    pub part_names: Vec<String>,
    pub rows: Vec<StackRow>,
    pub axis_label: String,
    pub note: String,
}

/// Row thickness of a stacked chart.
pub const STACK_H: i32 = 24;

impl StackedChart {
    fn legend(&self, theme: &Theme) -> Vec<LegendItem> {
        self.part_names
            .iter()
            .enumerate()
            .map(|(i, s)| LegendItem {
                name: s.clone(),
                color: theme.color(i),
                faded: false,
            })
            .collect()
    }
    fn frame<'a>(&'a self, legend: &'a [LegendItem]) -> Frame<'a> {
        Frame {
            title: &self.title,
            unit_line: &self.unit_line,
            legend,
            note: &self.note,
            axis_room: 42,
        }
    }
    /// Height that fits every row at `width`.
    pub fn height_for(&self, width: u32) -> u32 {
        let legend = self.legend(&Theme::light());
        let f = self.frame(&legend);
        let body = self.rows.len() as i32 * (STACK_H + GROUP_GAP) + GROUP_GAP / 2;
        (f.header_height(width as i32) + body + f.footer_height()).max(150) as u32
    }
}

/// Draw a [`StackedChart`] filling `area`. Parts are shown as shares of the row's sum, each
/// labelled with its value where it fits; the whole row is one hit.
pub fn draw_stacked_hbars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    chart: &StackedChart,
    theme: &Theme,
) -> DrawResult<Vec<Hit>, DB> {
    let legend = chart.legend(theme);
    let frame = chart.frame(&legend);
    let plot = draw_frame(area, &frame, theme)?;
    let label_w = chart
        .rows
        .iter()
        .map(|r| text_width(&r.label, LABEL_PX))
        .max()
        .unwrap_or(0)
        .min((plot.width() as f64 * 0.38) as i32)
        .max(40);
    let x0 = plot.x0 + label_w + 10;
    let x1 = (plot.x1 - 8).max(x0 + 40);
    let scale = Scale {
        min: 0.0,
        max: 100.0,
        px0: x0,
        px1: x1,
        step: 20.0,
    };
    draw_value_axis(area, &scale, plot, &chart.axis_label, theme)?;
    let mut hits = Vec::new();
    let mut y = plot.y0 + GROUP_GAP / 2;
    for row in &chart.rows {
        draw_category_label(area, &row.label, (x0 - 10, y + STACK_H / 2), label_w, theme)?;
        let total: f64 = row
            .parts
            .iter()
            .filter(|p| p.is_finite() && **p > 0.0)
            .sum();
        if total > 0.0 {
            let mut acc = 0.0;
            for (i, p) in row.parts.iter().enumerate() {
                if !(p.is_finite() && *p > 0.0) {
                    continue;
                }
                let from = acc / total * 100.0;
                acc += p;
                let to = acc / total * 100.0;
                let r = draw_hbar(
                    area,
                    &scale,
                    (y, y + STACK_H),
                    (from, to),
                    BarFill::Solid(theme.color(i)),
                    theme,
                )?;
                line(area, (r.x1, r.y0), (r.x1, r.y1), theme.bg, 1)?;
                let s = fmt_num(*p);
                if text_width(&s, VALUE_PX) + 6 <= r.width() {
                    let c = (r.x0 + r.x1) / 2;
                    text(
                        area,
                        theme,
                        &s,
                        (c, y + STACK_H / 2),
                        VALUE_PX,
                        true,
                        theme.on_series,
                        (HPos::Center, VPos::Center),
                    )?;
                }
            }
        }
        hits.push(Hit {
            rect: Rect::new(x0, y, x1, y + STACK_H),
            indicator_id: row.indicator_id.clone(),
            label: row.tooltip.clone(),
        });
        y += STACK_H + GROUP_GAP;
    }
    Ok(hits)
}
