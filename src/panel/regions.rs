//! Which region a report speaks for, as a grouping key and a label.

use super::*;

/// The region a report speaks for, as a grouping key: its region, else `全国` for national
/// reports, else its file name (never paired with another file).
pub fn region_key(r: &Report) -> String {
    known_region(r).unwrap_or_else(|| format!("file:{}", r.file))
}

pub(super) fn known_region(r: &Report) -> Option<String> {
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
