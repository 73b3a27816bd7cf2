//! Targets against what happened: the target of year t (report t) paired with the
//! outcome in the review of report t+1, judged met or missed.

use super::*;

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
    /// At least the value (以上, 不低于, 突破, 力争, 确保, 达到, a bare number, a range's low end).
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
    let floor_q = ["以上", "不低于", "超过", "突破", "力争", "确保", "至少", "达到", "高于"].iter().any(|w| q.contains(w));
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
    pub(super) fn new(report: usize, r: &Report, ind: &Indicator) -> Figure {
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
        // 下降4.8% and 增长-4.8% are both −4.8%.
        if self.direction == Some("down") || self.value < 0.0 {
            s.push('−');
        }
        s.push_str(&fmt_num(self.value.abs()));
        if let Some(h) = self.value_high {
            s.push('–');
            s.push_str(&fmt_num(h.abs()));
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

/// Scale factor from an indicator's written unit to its base unit (万亿元 → 亿元: 10⁴).
pub(super) fn base_factor(f: &Indicator) -> Option<f64> {
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
pub(super) fn states_year_target(report: &Report, year: i32) -> bool {
    match (report.report_year, report.review_year) {
        (Some(y), _) => y == year,
        (None, Some(r)) => r + 1 == year,
        (None, None) => true,
    }
}

/// Headline figures of one report: (indicator key, measure, year, is-target) → indicator index.
/// Only single-year, non-relative figures with a canonical key.
pub(super) fn headline_index(report: &Report) -> HashMap<(String, Measure, i32, bool), usize> {
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
    crate::sort::sort_by_key(&mut positions, |a| (a.0, a.1));
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
