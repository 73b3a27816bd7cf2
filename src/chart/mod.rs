//! Charts drawn with plotters, generic over [`DrawingBackend`]: the same code draws to a
//! `<canvas>` in the page (`plotters-canvas`) and to an SVG string natively and for the
//! "export SVG" button ([`render_svg`]).
//!
//! Two layers:
//!
//! 1. **Data** — plain structs built from a [`Report`] by pure functions, tested natively:
//!    [`growth::growth_chart`] (review-year actual growth beside the coming year's target),
//!    [`amounts::amounts_chart`] (money levels in 亿元), [`structure::structure_chart`]
//!    (ratios such as 三次产业结构, before/after) and [`goals::goals_chart`] (five-year goals
//!    against the latest actual). [`build_all`] builds every chart the report has data for;
//!    [`ChartKind::missing_note`] says what a report lacks.
//! 2. **Drawing** — [`ChartData::draw`] and the reusable primitives in [`draw`]:
//!    - [`draw::Frame`] + [`draw::draw_frame`]: background, title, unit line, legend, source
//!      note; returns the plot [`Rect`].
//!    - [`draw::Scale`] (linear, "nice" ticks) + [`draw::draw_value_axis`]: gridlines and
//!      tick labels along x.
//!    - [`draw::draw_hbar`], [`draw::draw_whisker`], [`draw::draw_value_label`],
//!      [`draw::draw_category_label`]: one bar and its texts.
//!    - [`draw::HBarChart`] + [`draw::draw_grouped_hbars`]: a whole horizontal grouped bar
//!      chart (category labels on the left, one bar per series, ranges as whiskers,
//!      estimates in a lighter fill) — used by the growth and amounts charts and meant for
//!      cross-report charts too.
//!    - [`draw::draw_stacked_hbars`]: 100 % stacked bars (structure ratios).
//!
//! Every draw function returns the [`Hit`] boxes of what it drew, in pixel coordinates of
//! the drawing area, so the page can show a tooltip on hover and select the indicator on
//! click.
//!
//! Text: plotters is built without `ttf`/`ab_glyph`, so it cannot measure glyphs natively
//! (its fallback estimate counts UTF-8 bytes, three per CJK character) and measures through
//! the DOM on wasm. Neither is used here: layout uses [`draw::text_width`], a per-character
//! estimate (CJK = 1 em, Latin ≈ 0.55 em), and text is always placed with anchors (left /
//! centre / right), so the renderer — the browser for both canvas and SVG — does the exact
//! alignment with the theme's font list (`WenQuanYi Micro Hei`, `Noto Sans CJK SC`, …,
//! `sans-serif`). No font file is embedded.

pub mod amounts;
pub mod compare;
pub mod draw;
pub mod goals;
pub mod growth;
pub mod structure;

use plotters::coord::Shift;
use plotters::drawing::DrawingAreaErrorKind;
use plotters::prelude::*;

use crate::report::{Indicator, Measure, Report, SectionKind, Status};

/// A pixel rectangle, `x0 <= x1`, `y0 <= y1`, in drawing-area coordinates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rect {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
}

impl Rect {
    pub fn new(x0: i32, y0: i32, x1: i32, y1: i32) -> Rect {
        Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
        }
    }
    pub fn width(&self) -> i32 {
        self.x1 - self.x0
    }
    pub fn height(&self) -> i32 {
        self.y1 - self.y0
    }
    /// Whether the point lies inside (edges included).
    pub fn contains(&self, x: f64, y: f64) -> bool {
        x >= self.x0 as f64 && x <= self.x1 as f64 && y >= self.y0 as f64 && y <= self.y1 as f64
    }
}

/// Something drawn that stands for one indicator: hover shows `label`, click selects
/// `indicator_id` (an [`Indicator::id`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub rect: Rect,
    pub indicator_id: String,
    /// Tooltip text (lines separated by `\n`).
    pub label: String,
}

/// The hit under a point; the smallest box wins where boxes overlap.
pub fn hit_at(hits: &[Hit], x: f64, y: f64) -> Option<&Hit> {
    hits.iter()
        .filter(|h| h.rect.contains(x, y))
        .min_by_key(|h| (h.rect.width() as i64) * (h.rect.height() as i64))
}

/// What a draw function returns.
pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Colours and fonts. [`Theme::light`] / [`Theme::dark`] match the page's CSS variables.
#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub bg: RGBColor,
    pub fg: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    /// Series colours, in order (series 0 = actual, 1 = target, …).
    pub series: [RGBColor; 6],
    /// Text drawn on top of a series colour.
    pub on_series: RGBColor,
    /// CSS font-family list (canvas `font`, SVG `font-family`).
    pub font: &'static str,
    /// Multiplies font sizes handed to plotters: 1.0 for canvas; 1.24 for SVG, whose
    /// backend writes `font-size = size / 1.24`.
    pub font_factor: f64,
}

/// The page's font list: legible CJK where installed, then the platform's.
pub const FONT_FAMILY: &str =
    "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";

impl Theme {
    pub fn light() -> Theme {
        Theme {
            bg: RGBColor(0xff, 0xff, 0xff),
            fg: RGBColor(0x1d, 0x23, 0x2a),
            muted: RGBColor(0x5d, 0x66, 0x70),
            grid: RGBColor(0xe1, 0xe4, 0xe8),
            series: [
                RGBColor(0x3b, 0x6e, 0xa8),
                RGBColor(0xc2, 0x3b, 0x22),
                RGBColor(0x4e, 0x9a, 0x4b),
                RGBColor(0xe0, 0x8a, 0x1e),
                RGBColor(0x7b, 0x5c, 0xa6),
                RGBColor(0x2a, 0x9d, 0x9a),
            ],
            on_series: RGBColor(0xff, 0xff, 0xff),
            font: FONT_FAMILY,
            font_factor: 1.0,
        }
    }
    pub fn dark() -> Theme {
        Theme {
            bg: RGBColor(0x14, 0x17, 0x1a),
            fg: RGBColor(0xe3, 0xe6, 0xea),
            muted: RGBColor(0x9a, 0xa3, 0xad),
            grid: RGBColor(0x2f, 0x35, 0x3c),
            series: [
                RGBColor(0x7f, 0xae, 0xe8),
                RGBColor(0xff, 0x8a, 0x7a),
                RGBColor(0x86, 0xcf, 0x8a),
                RGBColor(0xf5, 0xbd, 0x5c),
                RGBColor(0xb9, 0x9c, 0xe6),
                RGBColor(0x6c, 0xd3, 0xcf),
            ],
            on_series: RGBColor(0x14, 0x17, 0x1a),
            font: FONT_FAMILY,
            font_factor: 1.0,
        }
    }
    /// The same theme for the SVG backend (font size compensation).
    pub fn for_svg(mut self) -> Theme {
        self.font_factor = 1.24;
        self
    }
    /// Series colour `i` (wraps around).
    pub fn color(&self, i: usize) -> RGBColor {
        self.series[i % self.series.len()]
    }
    /// `c` blended toward the background by `t` (0 = `c`, 1 = background): estimates.
    pub fn faded(&self, c: RGBColor, t: f64) -> RGBColor {
        let mix = |a: u8, b: u8| {
            (a as f64 + (b as f64 - a as f64) * t)
                .round()
                .clamp(0.0, 255.0) as u8
        };
        RGBColor(
            mix(c.0, self.bg.0),
            mix(c.1, self.bg.1),
            mix(c.2, self.bg.2),
        )
    }
}

/// Interface language of the chart texts (titles, axes, legends, notes). Indicator names
/// stay as the report writes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ChartLang {
    #[default]
    Zh,
    En,
}

impl ChartLang {
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            ChartLang::Zh => zh,
            ChartLang::En => en,
        }
    }
}

/// The kinds of single-report chart, in display order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ChartKind {
    Growth,
    Amounts,
    Structure,
    Goals,
}

impl ChartKind {
    pub const ALL: [ChartKind; 4] = [
        ChartKind::Growth,
        ChartKind::Amounts,
        ChartKind::Structure,
        ChartKind::Goals,
    ];

    /// Stable name (file names of exports, `data-chart` attributes).
    pub fn name(self) -> &'static str {
        match self {
            ChartKind::Growth => "growth",
            ChartKind::Amounts => "amounts",
            ChartKind::Structure => "structure",
            ChartKind::Goals => "goals",
        }
    }

    /// What to say when a report has no data for this chart.
    pub fn missing_note(self, lang: ChartLang) -> &'static str {
        match self {
            ChartKind::Growth => lang.pick(
                "本报告未提供主要指标的增长目标或实际增速。",
                "This report gives no growth targets or actual growth rates for headline indicators.",
            ),
            ChartKind::Amounts => lang.pick(
                "本报告未提供以货币计的总量指标（亿元）。",
                "This report gives no money amounts (亿元) for headline indicators.",
            ),
            ChartKind::Structure => lang.pick(
                "本报告未提供结构比例（如三次产业结构）。",
                "This report gives no structure ratios (such as the three-sector structure).",
            ),
            ChartKind::Goals => lang.pick(
                "本报告未提供五年目标。",
                "This report gives no five-year goals.",
            ),
        }
    }
}

/// The data of one chart, ready to draw.
#[derive(Clone, Debug, PartialEq)]
pub enum ChartData {
    Growth(growth::GrowthChart),
    Amounts(amounts::AmountsChart),
    Structure(structure::StructureChart),
    Goals(goals::GoalsChart),
}

impl ChartData {
    pub fn kind(&self) -> ChartKind {
        match self {
            ChartData::Growth(_) => ChartKind::Growth,
            ChartData::Amounts(_) => ChartKind::Amounts,
            ChartData::Structure(_) => ChartKind::Structure,
            ChartData::Goals(_) => ChartKind::Goals,
        }
    }

    pub fn title(&self) -> &str {
        match self {
            ChartData::Growth(c) => &c.bars.title,
            ChartData::Amounts(c) => &c.bars.title,
            ChartData::Structure(c) => &c.stack.title,
            ChartData::Goals(c) => &c.title,
        }
    }

    /// File name stem for exports, e.g. `zigong-2017-x8-growth`.
    pub fn file_stem(&self, report_file: &str) -> String {
        let stem = report_file
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or(report_file);
        let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
        let stem: String = stem
            .chars()
            .map(|c| {
                if c.is_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '-'
                }
            })
            .collect();
        let stem = stem.trim_matches('-');
        if stem.is_empty() {
            self.kind().name().to_string()
        } else {
            format!("{stem}-{}", self.kind().name())
        }
    }

    /// Height in pixels that fits the chart at `width` (rows are a fixed height).
    pub fn height_for(&self, width: u32) -> u32 {
        match self {
            ChartData::Growth(c) => c.bars.height_for(width),
            ChartData::Amounts(c) => c.bars.height_for(width),
            ChartData::Structure(c) => c.height_for(width),
            ChartData::Goals(c) => c.height_for(width),
        }
    }

    /// Draw on `area` (the whole area is used; background filled).
    pub fn draw<DB: DrawingBackend>(
        &self,
        area: &DrawingArea<DB, Shift>,
        theme: &Theme,
    ) -> DrawResult<Vec<Hit>, DB> {
        match self {
            ChartData::Growth(c) => growth::draw_growth(area, c, theme),
            ChartData::Amounts(c) => amounts::draw_amounts(area, c, theme),
            ChartData::Structure(c) => structure::draw_structure(area, c, theme),
            ChartData::Goals(c) => goals::draw_goals(area, c, theme),
        }
    }

    /// Indicator ids the chart draws (for tests and the accessible list).
    pub fn indicator_ids(&self) -> Vec<String> {
        match self {
            ChartData::Growth(c) => c.bars.indicator_ids(),
            ChartData::Amounts(c) => c.bars.indicator_ids(),
            ChartData::Structure(c) => c.rows.iter().map(|r| r.indicator_id.clone()).collect(),
            ChartData::Goals(c) => c
                .rows
                .iter()
                .flat_map(|r| {
                    r.current
                        .iter()
                        .map(|p| p.indicator_id.clone())
                        .chain([r.goal.indicator_id.clone()])
                })
                .collect(),
        }
    }
}

/// Build one chart kind; `None` when the report has no data for it.
pub fn build(kind: ChartKind, report: &Report, lang: ChartLang) -> Option<ChartData> {
    match kind {
        ChartKind::Growth => growth::growth_chart(report, lang).map(ChartData::Growth),
        ChartKind::Amounts => amounts::amounts_chart(report, lang).map(ChartData::Amounts),
        ChartKind::Structure => structure::structure_chart(report, lang).map(ChartData::Structure),
        ChartKind::Goals => goals::goals_chart(report, lang).map(ChartData::Goals),
    }
}

/// Every chart kind, with its data or `None` when the report gives none.
pub fn build_all(report: &Report, lang: ChartLang) -> Vec<(ChartKind, Option<ChartData>)> {
    ChartKind::ALL
        .iter()
        .map(|&k| (k, build(k, report, lang)))
        .collect()
}

/// Render a chart to a standalone SVG document of `width` × `height` pixels (height 0 =
/// [`ChartData::height_for`]). Returns the document and the hit boxes.
pub fn render_svg(chart: &ChartData, width: u32, height: u32, theme: &Theme) -> (String, Vec<Hit>) {
    let height = if height == 0 {
        chart.height_for(width)
    } else {
        height
    };
    let theme = theme.clone().for_svg();
    let mut buf = String::new();
    let hits = {
        let backend = SVGBackend::with_string(&mut buf, (width, height));
        let area = backend.into_drawing_area();
        // The SVG backend writes into a String: it cannot fail.
        let hits = chart.draw(&area, &theme).unwrap_or_default();
        let _ = area.present();
        hits
    };
    (buf, hits)
}

// ---------------------------------------------------------------------------------------
// Shared selection helpers for the builders.

pub(crate) use crate::report::section_kinds;

/// The kind of the section an indicator sits in (`Other` when unknown), from
/// [`section_kinds`] (where `Other` sections already carry their ancestor's kind).
pub(crate) fn kind_of(
    ind: &Indicator,
    kinds: &std::collections::HashMap<String, SectionKind>,
) -> SectionKind {
    ind.section
        .as_deref()
        .and_then(|id| kinds.get(id))
        .copied()
        .unwrap_or(SectionKind::Other)
}

/// A review-year figure: actual or estimate, for the review year (or undated outside the
/// plan and five-year parts), not a multi-year average or total (part of the year, as
/// the headline table shows it, is).
pub(crate) fn is_review_actual(
    ind: &Indicator,
    report: &Report,
    kinds: &std::collections::HashMap<String, SectionKind>,
) -> bool {
    let multi_year = ind.period.as_deref().is_some_and(|p| !crate::report::headline::is_part_of_year(p));
    if !matches!(ind.status, Status::Actual | Status::Estimate) || multi_year {
        return false;
    }
    match (ind.year, report.review_year) {
        (Some(y), Some(r)) => y == r,
        (Some(_), None) => true,
        (None, _) => !matches!(
            kind_of(ind, kinds),
            SectionKind::Plan | SectionKind::FiveYear
        ),
    }
}

/// A coming-year target: for the report year (or undated outside the review and
/// five-year parts), not a multi-year one.
pub(crate) fn is_year_target(
    ind: &Indicator,
    report: &Report,
    kinds: &std::collections::HashMap<String, SectionKind>,
) -> bool {
    if ind.status != Status::Target || ind.period.is_some() {
        return false;
    }
    match (ind.year, report.report_year) {
        (Some(y), Some(r)) => y == r,
        (Some(_), None) => true,
        (None, _) => !matches!(
            kind_of(ind, kinds),
            SectionKind::Review | SectionKind::FiveYear
        ),
    }
}

/// The key two figures of the same indicator share: the canonical `indicator` key, or the
/// name when there is none.
pub(crate) fn pair_key(ind: &Indicator) -> String {
    ind.indicator
        .clone()
        .unwrap_or_else(|| format!("name:{}", ind.name))
}

/// Sort rank of a canonical key: headline indicators first, in the order reports list them.
/// Sort rank of a canonical key: the order of the headline table
/// ([`crate::report::indicators::names::HEADLINE_ORDER`]), so charts and table agree; keys
/// outside it follow, headline-like ones (`…_income`, `…revenue`) first.
pub(crate) fn headline_rank(key: &str) -> usize {
    const STEMS: [&str; 8] = [
        "gdp",
        "industr",
        "service",
        "investment",
        "retail",
        "revenue",
        "trade",
        "income",
    ];
    let order = crate::report::indicators::names::HEADLINE_ORDER;
    if let Some(i) = order.iter().position(|k| *k == key) {
        return i;
    }
    let k = key.to_ascii_lowercase();
    match STEMS
        .iter()
        .position(|p| k.split('_').any(|w| w.starts_with(p)))
    {
        Some(i) => order.len() + i,
        None => order.len() + STEMS.len(),
    }
}

/// Whether a canonical key is one of the headline table's indicators.
pub(crate) fn is_headline(key: &str) -> bool {
    crate::report::indicators::names::HEADLINE_ORDER.contains(&key)
}

/// Value of a money figure in 亿元 (`None` for other units, per-capita figures and foreign
/// currencies). Prefers `value_base` where the unit is 万亿元 (whose base unit is 亿元).
pub fn money_in_yi(unit: &str, value: f64, value_base: Option<f64>) -> Option<f64> {
    let factor = match unit.trim() {
        "元" => 1e-8,
        "万元" => 1e-4,
        "亿元" => 1.0,
        "千亿元" => 1e3,
        "万亿元" => 1e4,
        _ => return None,
    };
    if unit.trim() == "万亿元" {
        if let Some(b) = value_base {
            return Some(b);
        }
    }
    Some(value * factor)
}

/// Qualifier as a symbol prefix (`以上` → `≥`); empty when none applies.
pub fn qualifier_symbol(q: Option<&str>) -> &'static str {
    match q.map(str::trim) {
        Some("以上" | "不低于" | "不少于" | "至少") => "≥",
        Some("超过" | "高于" | "突破" | "多") => ">",
        Some("以内" | "以下" | "不超过" | "不高于" | "控制在") => "≤",
        Some("低于" | "少于") => "<",
        Some("左右" | "约" | "大约" | "近") => "≈",
        _ => "",
    }
}

/// The symbol for the same bound on the negated value (`≥` ↔ `≤`, `>` ↔ `<`).
pub fn flip_symbol(sym: &'static str) -> &'static str {
    match sym {
        "≥" => "≤",
        "≤" => "≥",
        ">" => "<",
        "<" => ">",
        other => other,
    }
}

/// A number for a label: at most two decimals, no trailing zeros.
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let a = v.abs();
    let s = if a >= 100.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.2}")
    };
    let s = if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    };
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// "来源：<file> · 第 1、3 节" from the top-level sections the indicators sit in.
pub fn source_note<'a>(
    report: &Report,
    inds: impl IntoIterator<Item = &'a Indicator>,
    lang: ChartLang,
) -> String {
    let mut secs: Vec<u32> = inds
        .into_iter()
        .filter_map(|i| i.section.as_deref())
        .filter_map(|s| {
            s.trim_start_matches('s')
                .split('.')
                .next()
                .and_then(|n| n.parse().ok())
        })
        .collect();
    crate::sort::sort_by_key(&mut secs, |s| *s);
    secs.dedup();
    let file = report
        .file
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(&report.file);
    let list = secs.iter().map(|n| n.to_string()).collect::<Vec<_>>();
    match (lang, list.is_empty()) {
        (ChartLang::Zh, true) => format!("来源：{file}"),
        (ChartLang::Zh, false) => format!("来源：{file} · 第 {} 节", list.join("、")),
        (ChartLang::En, true) => format!("Source: {file}"),
        (ChartLang::En, false) => {
            format!(
                "Source: {file} · section{} {}",
                if list.len() > 1 { "s" } else { "" },
                list.join(", ")
            )
        }
    }
}

/// Display value of a growth/level figure in its own unit, signed by `direction`.
pub(crate) fn signed(ind: &Indicator) -> (f64, Option<f64>) {
    let (lo, hi) = (ind.value.low(), ind.value.high());
    let falls =
        ind.direction == Some(crate::report::Direction::Down) && ind.measure == Measure::Growth;
    // Values already written negative stay as they are.
    if falls && lo > 0.0 {
        match hi {
            Some(h) => (-h, Some(-lo)),
            None => (-lo, None),
        }
    } else {
        (lo, hi)
    }
}

/// A short tooltip line: the clause the number comes from (at most `n` characters).
pub(crate) fn sentence_excerpt(ind: &Indicator, n: usize) -> String {
    let s = ind.sentence.trim();
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n).collect();
        t.push('…');
        t
    }
}
