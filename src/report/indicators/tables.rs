//! Tables of indicators: a `.docx` table is one line per row, cells separated by tabs
//! (see `docx`). A table whose header names what its columns hold (`2023年完成`,
//! `2024年目标`, `预计`) gives each figure in a row the row's label as its name and its
//! column's status and year, whatever the section around it says. Runs on the display
//! text after extraction, over the indicators the sentence reading found.

use super::super::model::{Indicator, Status};
use super::names;

/// What a header cell says its column holds.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Column {
    status: Option<Status>,
    year: Option<i32>,
}

fn column_of(h: &str) -> Column {
    // 预计 first: 2023年预计完成 is an estimate
    let status = if h.contains("预计") {
        Some(Status::Estimate)
    } else if ["目标", "预期", "计划", "力争", "规划"].iter().any(|w| h.contains(w)) {
        Some(Status::Target)
    } else if ["完成", "实际", "实绩", "执行", "实现", "上年", "去年", "现状", "基期"].iter().any(|w| h.contains(w)) {
        Some(Status::Actual)
    } else {
        None
    };
    let b = h.as_bytes();
    let year = (0..b.len().saturating_sub(3))
        .find(|&i| {
            b[i..i + 4].iter().all(u8::is_ascii_digit)
                && (i == 0 || !b[i - 1].is_ascii_digit())
                && h[i + 4..].starts_with('年')
                && matches!(&b[i..i + 2], b"19" | b"20")
        })
        .and_then(|i| h[i..i + 4].parse().ok());
    Column { status, year }
}

/// Byte ranges of the tab-separated cells of `line` (at `at` in the text).
fn cells(line: &str, at: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut s = 0;
    for (i, c) in line.char_indices() {
        if c == '\t' {
            out.push((at + s, at + i));
            s = i + 1;
        }
    }
    out.push((at + s, at + line.len()));
    out
}

/// The row label as a name: `地区生产总值增速（%）` → `地区生产总值增速`, `1.城镇新增就业` →
/// `城镇新增就业`.
fn label_name(label: &str) -> &str {
    let mut t = label.trim();
    t = t.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '.' | '、' | '．' | ' ' | '\u{3000}'));
    for (open, close) in [('（', '）'), ('(', ')')] {
        if t.ends_with(close) {
            if let Some(k) = t.rfind(open) {
                t = &t[..k];
            }
        }
    }
    t.trim()
}

/// A data row: its label and cells, and the header's columns.
struct Row {
    start: usize,
    end: usize,
    cells: Vec<(usize, usize)>,
    columns: usize, // index into `headers`
}

/// Gives the figures in table rows their row's name and their column's status and year.
/// `display` is the text the indicators' spans point into; they are in text order.
pub fn apply(display: &str, inds: &mut [Indicator]) {
    if !display.contains('\t') || inds.is_empty() {
        return;
    }
    let mut headers: Vec<Vec<Column>> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    // the header of the block of tab lines being read (None: not a table of indicators)
    let mut header: Option<usize> = None;
    let mut in_block = false;
    let mut at = 0;
    for line in display.split('\n') {
        let here = at;
        at += line.len() + 1;
        if !line.contains('\t') {
            in_block = false;
            header = None;
            continue;
        }
        if !in_block {
            in_block = true;
            let cols: Vec<Column> = line.split('\t').map(column_of).collect();
            // a header names at least one column after the label; its cells hold no figures
            let names_columns = cols.iter().skip(1).any(|c| c.status.is_some());
            header = names_columns.then(|| {
                headers.push(cols);
                headers.len() - 1
            });
            continue;
        }
        if let Some(h) = header {
            rows.push(Row { start: here, end: here + line.len(), cells: cells(line, here), columns: h });
        }
    }
    if rows.is_empty() {
        return;
    }
    let mut r = 0;
    for ind in inds.iter_mut() {
        let at = ind.span.start;
        while r < rows.len() && rows[r].end < at {
            r += 1;
        }
        let Some(row) = rows.get(r).filter(|row| row.start <= at) else { continue };
        let Some(j) = row.cells.iter().position(|&(s, e)| s <= at && at < e) else { continue };
        // a figure in the label itself (PM2.5浓度) stays as the sentence reading had it
        if j == 0 {
            continue;
        }
        let col = headers[row.columns].get(j).copied().unwrap_or_default();
        let name = label_name(&display[row.cells[0].0..row.cells[0].1]);
        if !name.is_empty() && name != ind.name {
            ind.name = name.to_string();
            ind.indicator = names::canonical(name).map(str::to_string);
        }
        if let Some(s) = col.status {
            ind.status = s;
        }
        if col.year.is_some() {
            ind.year = col.year;
        }
        // a qualifier is the cell's own (the sentence reading shares one along a list)
        let cell = &display[row.cells[j].0..row.cells[j].1];
        if ind.qualifier.as_deref().is_some_and(|q| !cell.contains(q)) {
            ind.qualifier = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns() {
        assert_eq!(column_of("2023年完成"), Column { status: Some(Status::Actual), year: Some(2023) });
        assert_eq!(column_of("2024年目标"), Column { status: Some(Status::Target), year: Some(2024) });
        assert_eq!(column_of("2023年预计完成"), Column { status: Some(Status::Estimate), year: Some(2023) });
        assert_eq!(column_of("指标"), Column::default());
        assert_eq!(label_name("1.地区生产总值增速（%）"), "地区生产总值增速");
    }
}
