//! Comparison across reports: the long panel table (one row per indicator per report),
//! the headline figure of each (report, indicator, year), and targets paired with what
//! happened (the target of year t is in report t, the outcome in the review of report t+1).
//!
//! Pure Rust, no web crates: used by the page (`ui::compare`), the CLI (`baogao panel`)
//! and the charts (`chart::compare`).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::report::{Direction, Indicator, Level, Measure, Report, Section, SectionKind, Status};

/// Columns of the long CSV, in order (a public contract: scripts read them by name).
pub const CSV_COLUMNS: &[&str] = &[
    "file",
    "region",
    "level",
    "report_year",
    "year",
    "period",
    "indicator",
    "name",
    "measure",
    "status",
    "value",
    "value_high",
    "unit",
    "qualifier",
    "direction",
    "relative_to",
    "headline",
    "id",
    "section",
    "sentence",
];

/// One indicator of one report, flattened for the long panel.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PanelRow {
    pub file: String,
    pub region: Option<String>,
    /// `national`, `provincial`, `city`, … (empty when unknown).
    pub level: Option<&'static str>,
    pub report_year: Option<i32>,
    /// The single year the figure describes (None for multi-year figures).
    pub year: Option<i32>,
    pub period: Option<String>,
    /// Canonical key (`gdp`, …), None when the extractor gave none.
    pub indicator: Option<String>,
    pub name: String,
    pub measure: &'static str,
    pub status: &'static str,
    /// The number, or the low end of a range.
    pub value: f64,
    /// The high end of a range.
    pub value_high: Option<f64>,
    pub unit: String,
    pub qualifier: Option<String>,
    pub direction: Option<&'static str>,
    pub relative_to: Option<String>,
    /// True for the headline figure of its (report, indicator, measure, status, year):
    /// the one in the targets passage / the first review sentence, not a later mention.
    pub headline: bool,
    /// Indicator id within its report (`i12`).
    pub id: String,
    /// Outline node of the sentence.
    pub section: Option<String>,
    pub sentence: String,
}

pub fn level_str(l: Level) -> &'static str {
    match l {
        Level::National => "national",
        Level::Provincial => "provincial",
        Level::City => "city",
        Level::Prefecture => "prefecture",
        Level::League => "league",
        Level::County => "county",
    }
}

pub fn measure_str(m: Measure) -> &'static str {
    match m {
        Measure::Level => "level",
        Measure::Growth => "growth",
        Measure::Share => "share",
        Measure::Rate => "rate",
        Measure::Ratio => "ratio",
        Measure::Multiple => "multiple",
        Measure::Count => "count",
        Measure::Index => "index",
        Measure::Relative => "relative",
    }
}

/// Short label of a measure in Chinese and English.
pub fn measure_label(m: Measure) -> (&'static str, &'static str) {
    match m {
        Measure::Level => ("总量", "level"),
        Measure::Growth => ("增长", "growth"),
        Measure::Share => ("比重", "share"),
        Measure::Rate => ("比率", "rate"),
        Measure::Ratio => ("比例", "ratio"),
        Measure::Multiple => ("倍数", "multiple"),
        Measure::Count => ("数量", "count"),
        Measure::Index => ("指数", "index"),
        Measure::Relative => ("相对", "relative"),
    }
}

pub fn status_str(s: Status) -> &'static str {
    match s {
        Status::Actual => "actual",
        Status::Estimate => "estimate",
        Status::Target => "target",
    }
}

fn direction_str(d: Direction) -> &'static str {
    match d {
        Direction::Up => "up",
        Direction::Down => "down",
    }
}

/// Innermost section id → its kind, walking up to the nearest non-`Other` ancestor.
fn section_kinds(report: &Report) -> HashMap<String, SectionKind> {
    fn walk(secs: &[Section], inherited: SectionKind, out: &mut HashMap<String, SectionKind>) {
        for s in secs {
            let kind = if s.kind == SectionKind::Other { inherited } else { s.kind };
            out.insert(s.id.clone(), kind);
            walk(&s.children, kind, out);
        }
    }
    let mut out = HashMap::new();
    walk(&report.sections, SectionKind::Other, &mut out);
    out
}

/// The whole sentence (back to the previous `。`/line break, forward to the next) around a
/// byte range of `text`, or "" when the range does not fit the text.
pub fn enclosing_sentence(text: &str, start: usize, end: usize) -> &str {
    if start > end || end > text.len() || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return "";
    }
    const REACH: usize = 3000;
    let mut lo = start.saturating_sub(REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (end + REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    let is_stop = |c: char| matches!(c, '。' | '！' | '？' | '!' | '?' | '\n');
    let s = text[lo..start]
        .rfind(is_stop)
        .map(|i| lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(lo);
    let e = text[end..hi].find(is_stop).map(|i| end + i).unwrap_or(hi);
    &text[s..e]
}

/// Words that open the main targets passage (主要预期目标是：…).
const TARGET_PASSAGE: &[&str] = &["预期目标", "主要目标", "主要指标", "发展目标是", "目标是"];

/// Grouping key of a figure for headline choice.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct GroupKey {
    indicator: String,
    measure: Measure,
    target: bool,
    year: Option<i32>,
    period: Option<String>,
    relative: bool,
}

/// For every indicator of `report`: is it the headline figure of its group (same canonical
/// key, measure, target-vs-outcome, year, period)? The headline target is the one in the
/// targets passage of the plan part, the headline outcome the first in the review part;
/// ties go to the earliest in the text. Figures without a canonical key are never headline.
pub fn headline_flags(report: &Report) -> Vec<bool> {
    let kinds = section_kinds(report);
    let mut best: HashMap<GroupKey, (usize, (u8, u8, usize))> = HashMap::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        let Some(key) = ind.indicator.clone().filter(|k| !k.is_empty()) else { continue };
        let target = ind.status == Status::Target;
        let kind = ind.section.as_ref().and_then(|s| kinds.get(s)).copied().unwrap_or(SectionKind::Other);
        let in_part = match (target, kind) {
            (true, SectionKind::Plan) => 0,
            (true, SectionKind::FiveYear) => 1,
            (false, SectionKind::Review) => 0,
            _ => 2,
        };
        let passage = if target {
            let sentence = enclosing_sentence(&report.text, ind.sentence_span.start, ind.sentence_span.end);
            if TARGET_PASSAGE.iter().any(|w| sentence.contains(w)) {
                0
            } else {
                1
            }
        } else {
            0
        };
        let score = (passage, in_part, ind.sentence_span.start);
        let g = GroupKey {
            indicator: key,
            measure: ind.measure,
            target,
            year: ind.year,
            period: ind.period.clone(),
            relative: ind.relative_to.is_some(),
        };
        match best.get(&g) {
            Some((_, s)) if *s <= score => {}
            _ => {
                best.insert(g, (i, score));
            }
        }
    }
    let mut flags = vec![false; report.indicators.len()];
    for (i, _) in best.values() {
        flags[*i] = true;
    }
    flags
}

/// A figure over several years (`年均`, `累计`: period `2011-2015`).
pub fn is_multi_year(ind: &Indicator) -> bool {
    ind.period.as_deref().is_some_and(|p| {
        let p = p.trim();
        p.contains(['-', '–', '—', '~', '至']) && p.chars().filter(|c| c.is_ascii_digit()).count() >= 8
    })
}

/// The long panel rows of one report (every indicator, in text order). `year` is empty
/// for multi-year figures (their span is in `period`).
pub fn rows(report: &Report) -> Vec<PanelRow> {
    let flags = headline_flags(report);
    report
        .indicators
        .iter()
        .zip(flags)
        .map(|(ind, headline)| PanelRow {
            file: report.file.clone(),
            region: report.region.clone(),
            level: report.level.map(level_str),
            report_year: report.report_year,
            year: if is_multi_year(ind) { None } else { ind.year },
            period: ind.period.clone(),
            indicator: ind.indicator.clone(),
            name: ind.name.clone(),
            measure: measure_str(ind.measure),
            status: status_str(ind.status),
            value: ind.value.low(),
            value_high: ind.value.high(),
            unit: ind.unit.clone(),
            qualifier: ind.qualifier.clone(),
            direction: ind.direction.map(direction_str),
            relative_to: ind.relative_to.clone(),
            headline,
            id: ind.id.clone(),
            section: ind.section.clone(),
            sentence: ind.sentence.clone(),
        })
        .collect()
}

/// Rows of several reports, report after report.
pub fn panel_rows(reports: &[&Report]) -> Vec<PanelRow> {
    reports.iter().flat_map(|r| rows(r)).collect()
}

/// Format a number the short way (`7.5`, `7`, `56.9`); empty for NaN.
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let r = (v * 1e6).round() / 1e6;
    let s = format!("{r}");
    if s == "-0" {
        "0".into()
    } else {
        s
    }
}

/// Quote one CSV field (RFC 4180): quoted when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|v| v.to_string()).unwrap_or_default()
}

impl PanelRow {
    /// The row's fields in [`CSV_COLUMNS`] order.
    pub fn fields(&self) -> Vec<String> {
        vec![
            self.file.clone(),
            opt(&self.region),
            opt(&self.level),
            opt(&self.report_year),
            opt(&self.year),
            opt(&self.period),
            opt(&self.indicator),
            self.name.clone(),
            self.measure.to_string(),
            self.status.to_string(),
            fmt_num(self.value),
            self.value_high.map(fmt_num).unwrap_or_default(),
            self.unit.clone(),
            opt(&self.qualifier),
            opt(&self.direction),
            opt(&self.relative_to),
            if self.headline { "yes" } else { "no" }.to_string(),
            self.id.clone(),
            opt(&self.section),
            self.sentence.clone(),
        ]
    }
}

/// The long panel as CSV text (header + one line per row, `\n` line ends).
pub fn to_csv(rows: &[PanelRow]) -> String {
    let mut out = String::new();
    out.push_str(&CSV_COLUMNS.join(","));
    out.push('\n');
    for r in rows {
        let f: Vec<String> = r.fields().iter().map(|s| csv_field(s)).collect();
        out.push_str(&f.join(","));
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------------------
// Targets against outcomes.

/// Whether a target was met.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Met {
    Yes,
    No,
    Unknown,
}

impl Met {
    pub fn as_str(self) -> &'static str {
        match self {
            Met::Yes => "yes",
            Met::No => "no",
            Met::Unknown => "unknown",
        }
    }
}

/// How a target is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Sense {
    /// At least the value (以上, 不低于, 突破, 力争, 达到, a bare number, a range's low end).
    Floor,
    /// About the value (左右, 约, 上下): met when the outcome is at least value − tolerance.
    About,
    /// At most the value (以内, 控制在, 低于, 不超过; and price-rise / unemployment targets).
    Ceiling,
    /// About the value as a ceiling (控制在3%左右, 居民消费价格涨幅3%左右): met when at most value + tolerance.
    AboutCeiling,
}

/// Tolerance of a 左右/约 target: half a percentage point for %-type units, else 5 % of the value.
pub fn about_tolerance(unit: &str, value: f64) -> f64 {
    if unit.contains('%') || unit.contains('％') || unit.contains("百分点") {
        0.5
    } else {
        value.abs() * 0.05
    }
}

/// Read the sense of a target from its qualifier and its clause.
pub fn target_sense(t: &Indicator) -> Sense {
    let q = t.qualifier.as_deref().unwrap_or("");
    let clause = t.sentence.as_str();
    let about = ["左右", "约", "上下", "大约", "前后"].iter().any(|w| q.contains(w));
    let ceiling_q = ["以内", "控制在", "低于", "不超过", "以下", "不高于", "之内", "内"].iter().any(|w| q.contains(w));
    let ceiling_clause = ["控制在", "不超过", "以内", "以下", "不高于"].iter().any(|w| clause.contains(w));
    // Conventional ceilings: price rises and unemployment are targets not to exceed.
    let ceiling_name =
        ["价格", "物价", "CPI", "失业率", "赤字"].iter().any(|w| t.name.contains(w) || clause.contains(w));
    let floor_q = ["以上", "不低于", "超过", "突破", "力争", "至少", "达到", "高于"].iter().any(|w| q.contains(w));
    let ceiling = ceiling_q || ((ceiling_clause || ceiling_name) && !floor_q);
    match (about, ceiling) {
        (true, true) => Sense::AboutCeiling,
        (true, false) => Sense::About,
        (false, true) => Sense::Ceiling,
        (false, false) => Sense::Floor,
    }
}

/// A figure in one of the compared reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Figure {
    /// Index of the report in the slice given to [`outcomes`] / [`table`].
    pub report: usize,
    pub file: String,
    /// Indicator id within its report.
    pub id: String,
    pub section: Option<String>,
    pub name: String,
    pub status: &'static str,
    pub value: f64,
    pub value_high: Option<f64>,
    pub unit: String,
    pub qualifier: Option<String>,
    pub direction: Option<&'static str>,
    pub sentence: String,
}

impl Figure {
    fn new(report: usize, r: &Report, ind: &Indicator) -> Figure {
        Figure {
            report,
            file: r.file.clone(),
            id: ind.id.clone(),
            section: ind.section.clone(),
            name: ind.name.clone(),
            status: status_str(ind.status),
            value: ind.value.low(),
            value_high: ind.value.high(),
            unit: ind.unit.clone(),
            qualifier: ind.qualifier.clone(),
            direction: ind.direction.map(direction_str),
            sentence: ind.sentence.clone(),
        }
    }

    /// `7.5%左右`, `6.5–7%`, `控制在3%`, `−4.8%` (下降): the qualifier where Chinese puts it.
    pub fn display(&self) -> String {
        let mut s = String::new();
        if self.direction == Some("down") {
            s.push('−');
        }
        s.push_str(&fmt_num(self.value));
        if let Some(h) = self.value_high {
            s.push('–');
            s.push_str(&fmt_num(h));
        }
        s.push_str(&self.unit);
        match self.qualifier.as_deref().map(str::trim) {
            Some(q) if !q.is_empty() => {
                const AFTER: &[&str] = &["以上", "以内", "左右", "以下", "上下", "之内", "之间", "前后", "多"];
                if AFTER.contains(&q) {
                    format!("{s}{q}")
                } else {
                    format!("{q}{s}")
                }
            }
            _ => s,
        }
    }
}

/// One target and what happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Outcome {
    /// Region key the two reports share.
    pub region: String,
    pub indicator: String,
    /// Name as the (first) report writes it.
    pub name: String,
    pub measure: &'static str,
    pub year: i32,
    pub target: Option<Figure>,
    pub actual: Option<Figure>,
    pub sense: Option<Sense>,
    pub met: Met,
}

/// The region a report speaks for, as a grouping key: its region, else `全国` for national
/// reports, else its file name (never paired with another file).
pub fn region_key(r: &Report) -> String {
    known_region(r).unwrap_or_else(|| format!("file:{}", r.file))
}

fn known_region(r: &Report) -> Option<String> {
    match (&r.region, r.level) {
        (Some(reg), _) if !reg.trim().is_empty() => Some(reg.trim().to_string()),
        (_, Some(Level::National)) => Some("全国".to_string()),
        _ => None,
    }
}

/// The region key of every report of a compared set, and whether it was inferred: a
/// report whose region the parser could not tell is taken to be of the set's region when
/// all the others that have one agree on a single region (several reports of one series
/// opened together); otherwise it stands alone ([`region_key`]).
pub fn region_keys(reports: &[&Report]) -> Vec<(String, bool)> {
    let known: BTreeSet<String> = reports.iter().filter_map(|r| known_region(r)).collect();
    let only = if known.len() == 1 { known.into_iter().next() } else { None };
    reports
        .iter()
        .map(|r| match (known_region(r), &only) {
            (Some(k), _) => (k, false),
            (None, Some(k)) => (k.clone(), true),
            (None, None) => (region_key(r), false),
        })
        .collect()
}

/// A short label of a report: `全国 2016`, else the file name.
pub fn report_label(r: &Report) -> String {
    match (&r.region, r.report_year) {
        (Some(reg), Some(y)) => format!("{reg} {y}"),
        (None, Some(y)) if r.level == Some(Level::National) => format!("全国 {y}"),
        (Some(reg), None) => format!("{reg} · {}", r.file),
        _ => r.file.clone(),
    }
}

/// Scale factor from an indicator's written unit to its base unit (万亿元 → 亿元: 10⁴).
fn base_factor(f: &Indicator) -> Option<f64> {
    let lo = f.value.low();
    match f.value_base {
        Some(b) if lo != 0.0 && b.is_finite() => Some(b / lo),
        _ => None,
    }
}

/// Decide whether `actual` meets `target`, in the target's frame (a 下降 target compares
/// the decline). Unknown when units differ and cannot be converted, or for relative targets.
pub fn judge(target: &Indicator, actual: &Indicator) -> (Sense, Met) {
    let sense = target_sense(target);
    if target.relative_to.is_some() || actual.relative_to.is_some() {
        return (sense, Met::Unknown);
    }
    // Bring the actual into the target's unit.
    let (t_lo, t_hi, a) = if target.unit == actual.unit {
        (target.value.low(), target.value.high(), actual.value.low())
    } else {
        match (base_factor(target), base_factor(actual)) {
            (Some(ft), Some(fa)) => {
                (target.value.low() * ft, target.value.high().map(|h| h * ft), actual.value.low() * fa)
            }
            _ => return (sense, Met::Unknown),
        }
    };
    if !(t_lo.is_finite() && a.is_finite()) {
        return (sense, Met::Unknown);
    }
    let sign = |d: Option<Direction>| if d == Some(Direction::Down) { -1.0 } else { 1.0 };
    // Signed actual, then read in the target's direction.
    let a = a * sign(actual.direction) * sign(target.direction);
    const EPS: f64 = 1e-9;
    let met = match sense {
        Sense::Floor => a + EPS >= t_lo,
        Sense::About => a + EPS >= t_lo - about_tolerance(&target.unit, t_lo),
        Sense::Ceiling => a - EPS <= t_hi.unwrap_or(t_lo),
        Sense::AboutCeiling => {
            let top = t_hi.unwrap_or(t_lo);
            a - EPS <= top + about_tolerance(&target.unit, top)
        }
    };
    (sense, if met { Met::Yes } else { Met::No })
}

/// Whether `report` is the one that sets the annual targets of `year` (its report year, or
/// the year after its review year when the report year is unknown).
fn states_year_target(report: &Report, year: i32) -> bool {
    match (report.report_year, report.review_year) {
        (Some(y), _) => y == year,
        (None, Some(r)) => r + 1 == year,
        (None, None) => true,
    }
}

/// Headline figures of one report: (indicator key, measure, year, is-target) → indicator index.
/// Only single-year, non-relative figures with a canonical key.
fn headline_index(report: &Report) -> HashMap<(String, Measure, i32, bool), usize> {
    let flags = headline_flags(report);
    let mut out = HashMap::new();
    for (i, ind) in report.indicators.iter().enumerate() {
        if !flags[i] || ind.relative_to.is_some() || is_multi_year(ind) {
            continue;
        }
        let (Some(key), Some(year)) = (ind.indicator.clone(), ind.year) else { continue };
        out.entry((key, ind.measure, year, ind.status == Status::Target)).or_insert(i);
    }
    out
}

/// Pair targets with outcomes across `reports`, region by region. For each (region,
/// indicator, measure, year) with a headline target or outcome, the target comes from
/// the report of that year (annual targets only; five-year goals stay in the long panel),
/// the outcome from the report reviewing that year (actual before estimate, else the
/// latest). Rows with an outcome but no target are kept only for indicators that have a
/// target in some year. Regions as in [`region_keys`].
pub fn outcomes(reports: &[&Report]) -> Vec<Outcome> {
    let index: Vec<_> = reports.iter().map(|r| headline_index(r)).collect();
    let regions = region_keys(reports);
    // First appearance of each (region, indicator, measure) in target order, for row order.
    let mut order: Vec<(String, String, Measure)> = Vec::new();
    let mut years: HashMap<(String, String, Measure), BTreeSet<i32>> = HashMap::new();
    let mut has_target: HashSet<(String, String, Measure)> = HashSet::new();
    let mut positions: Vec<(usize, usize, (String, String, Measure))> = Vec::new();
    for (ri, r) in reports.iter().enumerate() {
        let region = regions[ri].0.clone();
        for ((key, measure, year, target), &ii) in &index[ri] {
            // Annual targets only: the target of year t stated in the report of year t.
            if *target && !states_year_target(r, *year) {
                continue;
            }
            let k = (region.clone(), key.clone(), *measure);
            years.entry(k.clone()).or_default().insert(*year);
            if *target {
                has_target.insert(k.clone());
            }
            positions.push((if *target { 0 } else { 1 }, r.indicators[ii].sentence_span.start, k));
        }
    }
    positions.sort_by_key(|a| (a.0, a.1));
    let mut seen: HashSet<(String, String, Measure)> = HashSet::new();
    for (_, _, k) in positions {
        if seen.insert(k.clone()) {
            order.push(k);
        }
    }
    let mut out = Vec::new();
    for k in order {
        if !has_target.contains(&k) {
            continue;
        }
        let (region, key, measure) = &k;
        for &year in &years[&k] {
            let lookup = |target: bool| -> Vec<(usize, usize)> {
                reports
                    .iter()
                    .enumerate()
                    .filter(|(ri, r)| {
                        regions[*ri].0 == *region
                            && (!target || states_year_target(r, year))
                            && index[*ri].contains_key(&(key.clone(), *measure, year, target))
                    })
                    .map(|(ri, _)| (ri, index[ri][&(key.clone(), *measure, year, target)]))
                    .collect()
            };
            let target = lookup(true).into_iter().max_by_key(|&(ri, _)| {
                let r = reports[ri];
                (
                    r.report_year == Some(year),
                    std::cmp::Reverse(r.report_year.unwrap_or(i32::MAX)),
                    std::cmp::Reverse(ri),
                )
            });
            let actual = lookup(false).into_iter().max_by_key(|&(ri, ii)| {
                let r = reports[ri];
                (
                    r.review_year == Some(year),
                    r.indicators[ii].status == Status::Actual,
                    r.report_year == Some(year + 1),
                    r.report_year.unwrap_or(i32::MIN),
                    std::cmp::Reverse(ri),
                )
            });
            if target.is_none() && actual.is_none() {
                continue;
            }
            let ti = target.map(|(ri, ii)| &reports[ri].indicators[ii]);
            let ai = actual.map(|(ri, ii)| &reports[ri].indicators[ii]);
            let (sense, met) = match (ti, ai) {
                (Some(t), Some(a)) => {
                    let (s, m) = judge(t, a);
                    (Some(s), m)
                }
                (Some(t), None) => (Some(target_sense(t)), Met::Unknown),
                _ => (None, Met::Unknown),
            };
            let name = ti.or(ai).map(|i| i.name.clone()).unwrap_or_default();
            out.push(Outcome {
                region: region.clone(),
                indicator: key.clone(),
                name,
                measure: measure_str(*measure),
                year,
                target: target.map(|(ri, ii)| Figure::new(ri, reports[ri], &reports[ri].indicators[ii])),
                actual: actual.map(|(ri, ii)| Figure::new(ri, reports[ri], &reports[ri].indicators[ii])),
                sense,
                met,
            });
        }
    }
    out
}

/// Columns of the outcomes CSV.
pub const OUTCOME_COLUMNS: &[&str] = &[
    "region",
    "indicator",
    "name",
    "measure",
    "year",
    "target_value",
    "target_value_high",
    "target_unit",
    "target_qualifier",
    "target_file",
    "target_sentence",
    "actual_value",
    "actual_unit",
    "actual_status",
    "actual_file",
    "actual_sentence",
    "met",
];

/// The paired table as CSV.
pub fn outcomes_to_csv(rows: &[Outcome]) -> String {
    let mut out = OUTCOME_COLUMNS.join(",");
    out.push('\n');
    for o in rows {
        let t = o.target.as_ref();
        let a = o.actual.as_ref();
        let f = [
            o.region.clone(),
            o.indicator.clone(),
            o.name.clone(),
            o.measure.to_string(),
            o.year.to_string(),
            t.map(|t| fmt_num(t.value)).unwrap_or_default(),
            t.and_then(|t| t.value_high).map(fmt_num).unwrap_or_default(),
            t.map(|t| t.unit.clone()).unwrap_or_default(),
            t.and_then(|t| t.qualifier.clone()).unwrap_or_default(),
            t.map(|t| t.file.clone()).unwrap_or_default(),
            t.map(|t| t.sentence.clone()).unwrap_or_default(),
            a.map(|a| fmt_num(a.value)).unwrap_or_default(),
            a.map(|a| a.unit.clone()).unwrap_or_default(),
            a.map(|a| a.status.to_string()).unwrap_or_default(),
            a.map(|a| a.file.clone()).unwrap_or_default(),
            a.map(|a| a.sentence.clone()).unwrap_or_default(),
            o.met.as_str().to_string(),
        ];
        let f: Vec<String> = f.iter().map(|s| csv_field(s)).collect();
        out.push_str(&f.join(","));
        out.push('\n');
    }
    out
}

// ---------------------------------------------------------------------------------------
// The panel table shown in the page.

/// What the columns of the panel table are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Axis {
    /// One region, several years: a column per calendar year, target(t) from report t and
    /// actual(t) from report t+1.
    Years,
    /// One report year, several regions: a column per report.
    Regions,
    /// Anything else: a column per report.
    Reports,
}

/// Choose the columns: same region & different years → years; same report year &
/// different regions → regions; else report labels.
pub fn choose_axis(reports: &[&Report]) -> Axis {
    let regions: BTreeSet<String> = region_keys(reports).into_iter().map(|(k, _)| k).collect();
    let years: BTreeSet<Option<i32>> = reports.iter().map(|r| r.report_year).collect();
    if regions.len() == 1 && years.len() == reports.len() && years.iter().all(Option::is_some) {
        Axis::Years
    } else if years.len() == 1 && years.iter().all(Option::is_some) && regions.len() == reports.len() {
        Axis::Regions
    } else {
        Axis::Reports
    }
}

/// A column of the panel table.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Column {
    pub label: String,
    /// The calendar year (years axis) or the report's index (other axes).
    pub year: Option<i32>,
    pub report: Option<usize>,
}

/// One cell: the headline target and the headline outcome.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Cell {
    pub target: Option<Figure>,
    pub actual: Option<Figure>,
    /// Only on the years axis (the target and the outcome are of the same year).
    pub met: Option<Met>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TableRow {
    pub indicator: String,
    pub name: String,
    pub measure: Measure,
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PanelTable {
    pub axis: Axis,
    pub columns: Vec<Column>,
    pub rows: Vec<TableRow>,
}

fn measure_from_str(s: &str) -> Measure {
    match s {
        "growth" => Measure::Growth,
        "share" => Measure::Share,
        "rate" => Measure::Rate,
        "ratio" => Measure::Ratio,
        "multiple" => Measure::Multiple,
        "count" => Measure::Count,
        "index" => Measure::Index,
        "relative" => Measure::Relative,
        _ => Measure::Level,
    }
}

/// Build the panel table of targets and actuals over `reports`.
pub fn table(reports: &[&Report]) -> PanelTable {
    let axis = choose_axis(reports);
    let regions = region_keys(reports);
    match axis {
        Axis::Years => {
            let outs = outcomes(reports);
            let years: BTreeSet<i32> = outs.iter().map(|o| o.year).collect();
            let columns: Vec<Column> =
                years.iter().map(|y| Column { label: y.to_string(), year: Some(*y), report: None }).collect();
            let mut rows: Vec<TableRow> = Vec::new();
            for o in outs {
                let measure = measure_from_str(o.measure);
                let pos = match rows.iter().position(|r| r.indicator == o.indicator && r.measure == measure) {
                    Some(p) => p,
                    None => {
                        rows.push(TableRow {
                            indicator: o.indicator.clone(),
                            name: o.name.clone(),
                            measure,
                            cells: vec![Cell::default(); columns.len()],
                        });
                        rows.len() - 1
                    }
                };
                let col = columns.iter().position(|c| c.year == Some(o.year)).unwrap_or(0);
                let paired = o.target.is_some() && o.actual.is_some();
                rows[pos].cells[col] =
                    Cell { target: o.target, actual: o.actual, met: if paired { Some(o.met) } else { None } };
            }
            PanelTable { axis, columns, rows }
        }
        Axis::Regions | Axis::Reports => {
            let columns: Vec<Column> = reports
                .iter()
                .enumerate()
                .map(|(i, r)| Column {
                    label: if axis == Axis::Regions { regions[i].0.clone() } else { report_label(r) },
                    year: r.report_year,
                    report: Some(i),
                })
                .collect();
            let mut rows: Vec<TableRow> = Vec::new();
            // Targets first (in targets-passage order), then outcomes.
            for pass_target in [true, false] {
                for (ri, r) in reports.iter().enumerate() {
                    let idx = headline_index(r);
                    let mut mine: Vec<_> = idx
                        .iter()
                        .filter(|((_, _, year, t), _)| {
                            *t == pass_target
                                && if *t { Some(*year) == r.report_year } else { Some(*year) == r.review_year }
                        })
                        .map(|(k, &ii)| (k.clone(), ii))
                        .collect();
                    mine.sort_by_key(|(_, ii)| r.indicators[*ii].sentence_span.start);
                    for ((key, measure, _, t), ii) in mine {
                        let ind = &r.indicators[ii];
                        let pos = match rows.iter().position(|row| row.indicator == key && row.measure == measure) {
                            Some(p) => p,
                            None => {
                                rows.push(TableRow {
                                    indicator: key.clone(),
                                    name: ind.name.clone(),
                                    measure,
                                    cells: vec![Cell::default(); columns.len()],
                                });
                                rows.len() - 1
                            }
                        };
                        let cell = &mut rows[pos].cells[ri];
                        if t {
                            cell.target = Some(Figure::new(ri, r, ind));
                        } else {
                            cell.actual = Some(Figure::new(ri, r, ind));
                        }
                    }
                }
            }
            // Keep rows where at least one report states a target (the comparison is of targets).
            rows.retain(|row| row.cells.iter().any(|c| c.target.is_some()));
            PanelTable { axis, columns, rows }
        }
    }
}

/// One year's headline targets of one indicator across reports (for the regions chart),
/// each beside the same report's review-year outcome: (report index, label, target,
/// outcome). `year` None = each report's own report year. Reports with neither are left out.
pub fn targets_across(
    reports: &[&Report],
    indicator: &str,
    measure: Measure,
    year: Option<i32>,
) -> Vec<(usize, String, Option<Figure>, Option<Figure>)> {
    let mut out = Vec::new();
    for (ri, r) in reports.iter().enumerate() {
        let Some(y) = year.or(r.report_year) else { continue };
        if r.report_year.is_some() && r.report_year != Some(y) {
            continue;
        }
        let idx = headline_index(r);
        let fig = |year: Option<i32>, target: bool| {
            let year = year?;
            idx.get(&(indicator.to_string(), measure, year, target)).map(|&ii| Figure::new(ri, r, &r.indicators[ii]))
        };
        let t = fig(Some(y), true);
        let a = fig(r.review_year.or(Some(y - 1)), false);
        if t.is_some() || a.is_some() {
            out.push((ri, report_label(r), t, a));
        }
    }
    out
}

/// The order in which compared reports are shown: by report year, then region, then file.
pub fn compare_order(reports: &[&Report]) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..reports.len()).collect();
    idx.sort_by(|&a, &b| {
        let (ra, rb) = (reports[a], reports[b]);
        (ra.report_year.unwrap_or(i32::MAX), region_key(ra), &ra.file).cmp(&(
            rb.report_year.unwrap_or(i32::MAX),
            region_key(rb),
            &rb.file,
        ))
    });
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Span, Value};

    #[allow(clippy::too_many_arguments)]
    fn ind(
        id: &str,
        key: &str,
        m: Measure,
        v: Value,
        q: Option<&str>,
        st: Status,
        year: i32,
        pos: usize,
        sentence: &str,
    ) -> Indicator {
        Indicator {
            id: id.into(),
            name: "国内生产总值".into(),
            indicator: Some(key.into()),
            measure: m,
            value: v,
            unit: "%".into(),
            value_base: None,
            qualifier: q.map(Into::into),
            direction: None,
            status: st,
            year: Some(year),
            period: None,
            relative_to: None,
            parts: vec![],
            section: None,
            sentence: sentence.into(),
            span: Span::new(pos, pos + 1),
            sentence_span: Span::new(pos, pos + sentence.len()),
        }
    }

    fn report(file: &str, year: i32, inds: Vec<Indicator>) -> Report {
        Report {
            file: file.into(),
            encoding: "UTF-8".into(),
            copies: 1,
            removed: vec![],
            title: None,
            date: None,
            meeting: None,
            speaker: None,
            region: None,
            level: Some(Level::National),
            report_year: Some(year),
            review_year: Some(year - 1),
            looks_like_report: true,
            sections: vec![],
            indicators: inds,
            diagnostics: vec![],
            text: String::new(),
        }
    }

    #[test]
    fn sense_and_judgement() {
        let t = ind(
            "i1",
            "gdp",
            Measure::Growth,
            Value::Number(7.5),
            Some("左右"),
            Status::Target,
            2014,
            0,
            "国内生产总值增长7.5%左右",
        );
        let a = |v: f64| ind("i2", "gdp", Measure::Growth, Value::Number(v), None, Status::Actual, 2014, 0, "增长");
        assert_eq!(judge(&t, &a(7.4)), (Sense::About, Met::Yes));
        assert_eq!(judge(&t, &a(7.0)).1, Met::Yes);
        assert_eq!(judge(&t, &a(6.9)).1, Met::No);
        let r =
            ind("i1", "gdp", Measure::Growth, Value::Range([6.5, 7.0]), None, Status::Target, 2016, 0, "增长6.5%-7%");
        assert_eq!(judge(&r, &a(6.7)), (Sense::Floor, Met::Yes));
        assert_eq!(judge(&r, &a(6.4)).1, Met::No);
        let mut cpi = ind(
            "i3",
            "cpi",
            Measure::Growth,
            Value::Number(3.0),
            Some("左右"),
            Status::Target,
            2015,
            0,
            "居民消费价格涨幅3%左右",
        );
        cpi.name = "居民消费价格".into();
        assert_eq!(judge(&cpi, &a(1.4)), (Sense::AboutCeiling, Met::Yes));
        assert_eq!(judge(&cpi, &a(3.6)).1, Met::No);
        let mut ur = ind(
            "i4",
            "unemployment",
            Measure::Rate,
            Value::Number(4.5),
            Some("以内"),
            Status::Target,
            2015,
            0,
            "城镇登记失业率4.5%以内",
        );
        ur.name = "城镇登记失业率".into();
        assert_eq!(judge(&ur, &a(4.05)), (Sense::Ceiling, Met::Yes));
        assert_eq!(judge(&ur, &a(4.6)).1, Met::No);
        // A decline target met by a larger decline, missed by a rise.
        let mut e = ind(
            "i5",
            "energy",
            Measure::Growth,
            Value::Number(3.4),
            Some("以上"),
            Status::Target,
            2017,
            0,
            "能耗下降3.4%以上",
        );
        e.direction = Some(Direction::Down);
        let mut d = a(5.0);
        d.direction = Some(Direction::Down);
        assert_eq!(judge(&e, &d).1, Met::Yes);
        assert_eq!(judge(&e, &a(1.0)).1, Met::No);
        // Units that cannot be converted: unknown.
        let mut lvl = a(7.4);
        lvl.unit = "万亿元".into();
        assert_eq!(judge(&t, &lvl).1, Met::Unknown);
    }

    #[test]
    fn headline_prefers_targets_passage_then_first() {
        let text = "回顾。国内生产总值增长7.4%。今年主要预期目标是：国内生产总值增长7%左右，其他。经济增长目标7%左右。"
            .to_string();
        let p1 = text.find("国内生产总值增长7%").unwrap();
        let p2 = text.find("经济增长目标").unwrap();
        let mut r = report(
            "a",
            2015,
            vec![
                ind(
                    "i1",
                    "gdp",
                    Measure::Growth,
                    Value::Number(7.0),
                    Some("左右"),
                    Status::Target,
                    2015,
                    p2,
                    "经济增长目标7%左右",
                ),
                ind(
                    "i2",
                    "gdp",
                    Measure::Growth,
                    Value::Number(7.0),
                    Some("左右"),
                    Status::Target,
                    2015,
                    p1,
                    "国内生产总值增长7%左右",
                ),
            ],
        );
        // Put the later mention first in the vector to show text position does not decide alone.
        r.text = text;
        r.indicators[0].sentence_span = Span::new(p2, p2 + "经济增长目标7%左右".len());
        r.indicators[1].sentence_span = Span::new(p1, p1 + "国内生产总值增长7%左右".len());
        assert_eq!(headline_flags(&r), vec![false, true]);
    }

    #[test]
    fn pairs_target_with_next_review() {
        let r14 = report(
            "n14",
            2014,
            vec![
                ind("i1", "gdp", Measure::Growth, Value::Number(7.7), None, Status::Actual, 2013, 10, "增长7.7%"),
                ind(
                    "i2",
                    "gdp",
                    Measure::Growth,
                    Value::Number(7.5),
                    Some("左右"),
                    Status::Target,
                    2014,
                    50,
                    "增长7.5%左右",
                ),
            ],
        );
        let r15 = report(
            "n15",
            2015,
            vec![
                ind("i1", "gdp", Measure::Growth, Value::Number(7.4), None, Status::Actual, 2014, 10, "增长7.4%"),
                ind("i2", "gdp", Measure::Growth, Value::Number(7.3), None, Status::Actual, 2014, 20, "又增长7.3%"),
                ind(
                    "i3",
                    "gdp",
                    Measure::Growth,
                    Value::Number(7.0),
                    Some("左右"),
                    Status::Target,
                    2015,
                    50,
                    "增长7%左右",
                ),
            ],
        );
        let reports = [&r15, &r14];
        let o = outcomes(&reports);
        let y2014 = o.iter().find(|o| o.year == 2014).unwrap();
        assert_eq!(y2014.target.as_ref().unwrap().value, 7.5);
        assert_eq!(y2014.target.as_ref().unwrap().file, "n14");
        assert_eq!(y2014.actual.as_ref().unwrap().value, 7.4);
        assert_eq!(y2014.actual.as_ref().unwrap().file, "n15");
        assert_eq!(y2014.met, Met::Yes);
        let y2015 = o.iter().find(|o| o.year == 2015).unwrap();
        assert!(y2015.actual.is_none());
        assert_eq!(y2015.met, Met::Unknown);
        assert_eq!(choose_axis(&reports), Axis::Years);
        let t = table(&reports);
        assert_eq!(t.columns.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(), ["2013", "2014", "2015"]);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].cells[1].met, Some(Met::Yes));
        let csv = to_csv(&panel_rows(&reports));
        assert!(
            csv.starts_with("file,region,level,report_year,year,period,indicator,name,measure,status,value,value_high")
        );
        assert_eq!(csv.lines().count(), 6);
    }

    #[test]
    fn axis_regions_and_reports() {
        let mut a = report("a", 2024, vec![]);
        a.region = Some("北京".into());
        let mut b = report("b", 2024, vec![]);
        b.region = Some("亳州".into());
        assert_eq!(choose_axis(&[&a, &b]), Axis::Regions);
        b.report_year = Some(2023);
        assert_eq!(choose_axis(&[&a, &b]), Axis::Reports);
    }

    #[test]
    fn csv_quoting_and_numbers() {
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(fmt_num(7.0), "7");
        assert_eq!(fmt_num(6.5), "6.5");
        assert_eq!(fmt_num(0.1 + 0.2), "0.3");
    }

    #[test]
    fn enclosing_sentence_bounds() {
        let t = "甲。今年目标是：增长7%左右，乙。丙";
        let s = t.find("增长").unwrap();
        assert_eq!(enclosing_sentence(t, s, s + 3), "今年目标是：增长7%左右，乙");
        assert_eq!(enclosing_sentence(t, 1, 2), "");
    }
}
