//! The panel table shown in the page: one row per indicator, one column per year or
//! region, targets beside outcomes.

use super::*;

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

pub(super) fn measure_from_str(s: &str) -> Measure {
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
                    crate::sort::sort_by_key(&mut mine, |(_, ii)| r.indicators[*ii].sentence_span.start);
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
    crate::sort::sort_by(&mut idx, |&a, &b| {
        let (ra, rb) = (reports[a], reports[b]);
        (ra.report_year.unwrap_or(i32::MAX), region_key(ra), &ra.file).cmp(&(
            rb.report_year.unwrap_or(i32::MAX),
            region_key(rb),
            &rb.file,
        ))
    });
    idx
}
