//! Tables of indicators: a `.docx` table is one line per row, cells separated by tabs
//! (see `docx`). A table whose header names what its columns hold (`2023年完成`,
//! `2024年目标`, `预计`) gives each figure in a row the row's label as its name and its
//! column's status and year, whatever the section around it says. Runs on the display
//! text after extraction, over the indicators the sentence reading found; a bare number
//! in such a column (`4038`) is a figure too when the row or the header gives its unit
//! (`地区生产总值（亿元）`, a `单位` column, `增速（%）`).

use super::super::model::{Direction, Indicator, Measure, Section, Span, Status, Value};
use super::{names, numbers, units};

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

/// Byte ranges of the cells of a table row `line` (at `at` in the text): split by tabs
/// (a Word or web page table), or, in a line with no tab, by gaps of two or more spaces
/// or an ideographic space (a table in text extracted from a PDF or typed with spaces:
/// `地区生产总值    亿元    3250.6    6左右`), leading indentation aside. `None` when the
/// line is not a row: no tab, and fewer than three cells or a cell longer than
/// [`MAX_SPACED_CELL`].
fn cells(line: &str, at: usize) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    if line.contains('\t') {
        let mut s = 0;
        for (i, c) in line.char_indices() {
            if c == '\t' {
                out.push((at + s, at + i));
                s = i + 1;
            }
        }
        out.push((at + s, at + line.len()));
        return Some(out);
    }
    if !line.contains("  ") && !line.contains('\u{3000}') {
        return None;
    }
    let body = line.trim_end();
    let mut i = body.len() - body.trim_start().len();
    let mut s = i;
    let b = body.as_bytes();
    while i < b.len() {
        let gap = gap_len(&b[i..]);
        if gap > 0 {
            out.push((at + s, at + i));
            i += gap;
            s = i;
        } else {
            i += 1;
        }
    }
    out.push((at + s, at + body.len()));
    // (a table's cells are short and hold no sentence: prose with wide gaps is not a row)
    let short = out.iter().all(|&(a, b)| {
        let c = &line[a - at..b - at];
        c.chars().count() <= MAX_SPACED_CELL && !c.contains(['。', '，', '；', '！', '？'])
    });
    (out.len() >= 3 && short).then_some(out)
}

/// The length of the gap between two cells at the start of `b`: two or more spaces, or
/// an ideographic space and the spaces after it; 0 when none starts there. (A gap is
/// spaces only, so the length ends on a char boundary.)
fn gap_len(b: &[u8]) -> usize {
    const IDEO: &[u8] = "\u{3000}".as_bytes();
    if b.starts_with(b"  ") || b.starts_with(IDEO) {
        let mut k = 0;
        while k < b.len() {
            if b[k] == b' ' {
                k += 1;
            } else if b[k..].starts_with(IDEO) {
                k += IDEO.len();
            } else {
                break;
            }
        }
        k
    } else {
        0
    }
}

/// The longest cell (in chars) of a row set out with spaces.
const MAX_SPACED_CELL: usize = 32;

/// A line with no tab set out as a table row with spaces (see [`cells`]): the page shows
/// its gaps as tab stops, as it shows a tab row's columns.
pub fn spaced_row(line: &str) -> bool {
    !line.contains('\t') && cells(line, 0).is_some()
}

/// A piece of a [`spaced_row`] as the page shows it: each gap between cells (two or more
/// spaces, or ideographic spaces) one tab. (Spaces are not columns in a proportional
/// font; the page's find and marks work on the report's text, not on this.)
pub fn gaps_to_tabs(piece: &str) -> std::borrow::Cow<'_, str> {
    if !piece.contains("  ") && !piece.contains('\u{3000}') {
        return std::borrow::Cow::Borrowed(piece);
    }
    let b = piece.as_bytes();
    let mut out = String::with_capacity(piece.len());
    let (mut i, mut from) = (0, 0);
    while i < b.len() {
        let gap = gap_len(&b[i..]);
        if gap == 0 {
            i += 1;
            continue;
        }
        out.push_str(&piece[from..i]);
        out.push('\t');
        i += gap;
        from = i;
    }
    out.push_str(&piece[from..]);
    std::borrow::Cow::Owned(out)
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

/// A header: what each column holds, the `单位` column, the unit each header cell names.
struct Header {
    cols: Vec<Column>,
    unit_col: Option<usize>,
    /// The column of the rows' names: the one headed `指标`, `指标名称`, `项目` …, else the
    /// first (a `类别` column before it groups the rows, its cells blank below a group's first).
    label_col: usize,
    units: Vec<Option<String>>,
    /// The column holds growth in % (`增长%`, `增速（%）`, `比上年±%`).
    growth: Vec<bool>,
    /// A header set out with spaces: where each head's middle is, in columns (a Chinese
    /// char two, others one), to put a row's cells under their heads when the row has
    /// fewer cells (a blank group or value leaves no cell between spaces).
    middles: Option<Vec<usize>>,
}

/// The width of `s` in text columns, as a text set out with spaces counts them: a Chinese
/// (or other non-ASCII) char two, an ASCII char one.
fn columns_of(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// The middle of each cell of a row set out with spaces (`line` at `at` in the text),
/// doubled (so it stays whole), in text columns.
fn middles(line: &str, at: usize, cells: &[(usize, usize)]) -> Vec<usize> {
    cells.iter().map(|&(a, b)| 2 * columns_of(&line[..a - at]) + columns_of(&line[a - at..b - at])).collect()
}

/// A row set out with spaces with fewer cells than its header: each cell under the head
/// whose middle is nearest to its own, blank cells (empty spans) for the heads with none.
/// `None` when two cells would fall under one head.
fn under_heads(line: &str, at: usize, cells: &[(usize, usize)], heads: &[usize]) -> Option<Vec<(usize, usize)>> {
    let mut out: Vec<Option<(usize, usize)>> = vec![None; heads.len()];
    for (&cell, m) in cells.iter().zip(middles(line, at, cells)) {
        let j = (0..heads.len()).min_by_key(|&j| heads[j].abs_diff(m))?;
        if out[j].replace(cell).is_some() {
            return None;
        }
    }
    Some(out.into_iter().map(|c| c.unwrap_or((at, at))).collect())
}

/// A header cell naming a growth column.
fn growth_head(h: &str) -> bool {
    ["增长", "增速", "增幅", "±"].iter().any(|w| h.contains(w)) && !h.contains("个百分点")
}

/// The unit in brackets at the end of a label or header cell: `地区生产总值（亿元）` → 亿元.
fn bracket_unit(t: &str) -> Option<&str> {
    let t = t.trim();
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = t.strip_suffix(close).and_then(|h| h.rfind(open).map(|k| &h[k + open.len_utf8()..])) {
            return Some(inner.trim()).filter(|u| !u.is_empty());
        }
    }
    None
}

/// A cell that is a bare number, maybe with a qualifier after it (`4038`, `6.5左右`,
/// `１０以上`) or a minus before it (`－3.1`, a fall): (value, qualifier, minus).
fn bare_number(cell: &str) -> Option<(f64, Option<&'static str>, bool)> {
    let mut t = cell.trim();
    let minus = t.starts_with(['-', '－', '−']);
    if minus {
        t = t[t.chars().next().map_or(0, char::len_utf8)..].trim_start();
    }
    let mut qualifier = None;
    for q in ["左右", "以上", "以内", "以下"] {
        if let Some(h) = t.strip_suffix(q) {
            t = h.trim_end();
            qualifier = Some(q);
            break;
        }
    }
    // the reader's own scanner (ASCII or full-width digits, a decimal part): the whole cell
    let n = numbers::scan_arabic(t.as_bytes())?;
    (n.len == t.len()).then_some((n.value, qualifier, minus))
}

/// The innermost section whose span holds `at` (display offsets).
fn section_at(sections: &[Section], at: usize) -> Option<&Section> {
    let s = sections.iter().find(|s| s.span.start <= at && at < s.span.end)?;
    Some(section_at(&s.children, at).unwrap_or(s))
}

/// The indicator a bare number in a table cell states, if the row or header gives a unit
/// this reader knows; `growth`: the column (or the reading of the row) says it is a growth.
#[allow(clippy::too_many_arguments)]
fn bare_indicator(display: &str, label: &str, unit: &str, growth: bool, cell: (usize, usize), row: (usize, usize), col: Column, sections: &[Section]) -> Option<Indicator> {
    let (v, qualifier, minus) = bare_number(&display[cell.0..cell.1])?;
    let u = units::scan_unit(unit).filter(|u| u.len == unit.len())?;
    let name = label_name(label);
    if name.is_empty() {
        return None;
    }
    let growth_word = growth || ["增长", "增速", "增幅", "提高", "增加"].iter().any(|w| name.contains(w));
    let fall_word = ["下降", "降低", "减少"].iter().any(|w| name.contains(w));
    use units::Family;
    let (measure, direction) = match u.family {
        // a fall written as one (能耗降低 3) or as a minus under a growth (增长 －3.1)
        Family::Percent | Family::PercentPoint if fall_word != minus => (Measure::Growth, Some(Direction::Down)),
        Family::Percent | Family::PercentPoint if growth_word || fall_word => (Measure::Growth, Some(Direction::Up)),
        _ if minus => return None,
        Family::Percent | Family::Permille => (Measure::Rate, None),
        Family::People | Family::Count => (Measure::Count, None),
        Family::Money | Family::Physical | Family::Scale => (Measure::Level, None),
        _ => return None,
    };
    // where the figure is in the cell: its digits, as written
    let text = &display[cell.0..cell.1];
    let lead = text.len() - text.trim_start().len();
    let body = text.trim();
    let body = qualifier.and_then(|q| body.strip_suffix(q)).unwrap_or(body).trim_end();
    let span = Span::new(cell.0 + lead, cell.0 + lead + body.len());
    Some(Indicator {
        id: String::new(),
        name: name.to_string(),
        indicator: names::canonical(name).map(str::to_string),
        measure,
        value: Value::Number(v),
        unit: unit.to_string(),
        value_base: u.value_base(v),
        qualifier: qualifier.map(str::to_string),
        direction,
        status: col.status.unwrap_or(Status::Actual),
        year: col.year,
        period: None,
        relative_to: None,
        parts: Vec::new(),
        section: section_at(sections, row.0).map(|s| s.id.clone()),
        sentence: display[row.0..row.1].to_string(),
        span,
        sentence_span: Span::new(row.0, row.1),
    })
}

/// Gives the figures in table rows their row's name and their column's status and year,
/// and adds the bare numbers of such rows whose unit the row or header gives. `display`
/// is the text the indicators' and sections' spans point into; the indicators are in
/// text order (and stay so, numbered again when figures are added).
pub fn apply(display: &str, inds: &mut Vec<Indicator>, sections: &[Section]) {
    // (a text with no wide gap anywhere has its tables only in tab lines: the others are
    // passed over with one memchr each, as before tables set out with spaces were read)
    let b = display.as_bytes();
    let spaced = memchr::memmem::find(b, b"  ").is_some() || memchr::memmem::find(b, "\u{3000}".as_bytes()).is_some();
    if !spaced && memchr::memchr(b'\t', b).is_none() {
        return;
    }
    let mut headers: Vec<Header> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    // the header of the block of tab lines being read (None: not a table of indicators)
    let mut header: Option<usize> = None;
    let mut in_block = false;
    // a block's first line when it named no column: the top row of a two-row header
    let mut top: Option<Vec<(usize, usize)>> = None;
    let mut at = 0;
    for line in display.split('\n') {
        let here = at;
        at += line.len() + 1;
        let Some(cells) = (spaced || line.contains('\t')).then(|| cells(line, here)).flatten() else {
            in_block = false;
            header = None;
            top = None;
            continue;
        };
        // `指标 | 2024年 | | 2025年` over `| 完成 | 增长% | 目标`: a header in two rows (the
        // top row's cell across columns is followed by blank cells) is read as one, each
        // column's head its top cell (carried over the blanks) and the cell below it
        let merged: Option<Vec<String>> = top.take().filter(|_| in_block && header.is_none()).and_then(|t| {
            // a web page's cells down both rows (`rowspan`) are missing from the lower row:
            // a shorter lower row that starts with a head is short at its start
            let first_blank = cells.first().is_none_or(|&(a, b)| display[a..b].trim().is_empty());
            let shift = if first_blank { 0 } else { t.len().saturating_sub(cells.len()) };
            let below = |j: usize| j.checked_sub(shift).and_then(|k| cells.get(k)).map_or("", |&(a, b)| display[a..b].trim());
            // the lower row holds heads, not figures
            if (0..cells.len()).any(|j| bare_number(display[cells[j].0..cells[j].1].trim()).is_some()) {
                return None;
            }
            let mut carried = "";
            let heads = (0..t.len().max(cells.len()))
                .map(|j| {
                    let above = t.get(j).map_or("", |&(a, b)| display[a..b].trim());
                    if !above.is_empty() || j == 0 {
                        carried = above;
                    }
                    format!("{carried}{}", below(j))
                })
                .collect();
            Some(heads)
        });
        if !in_block || merged.is_some() {
            let first = !in_block;
            in_block = true;
            let heads: Vec<&str> = match &merged {
                Some(m) => m.iter().map(String::as_str).collect(),
                None => cells.iter().map(|&(a, b)| &display[a..b]).collect(),
            };
            let mut cols: Vec<Column> = heads.iter().map(|h| column_of(h)).collect();
            let growth: Vec<bool> = heads.iter().enumerate().map(|(j, h)| j > 0 && growth_head(h)).collect();
            // a header names at least one column after the label; its cells hold no figures
            let names_columns = cols.iter().skip(1).any(|c| c.status.is_some());
            // `2024年完成 | 增长%`: a growth column of its own is the growth of the column before it
            for j in 1..cols.len() {
                if growth[j] && cols[j].status.is_none() {
                    cols[j] = cols[j - 1];
                }
            }
            header = names_columns.then(|| {
                let unit_col = heads.iter().position(|h| h.trim() == "单位" || h.trim() == "计量单位");
                let label_col = heads
                    .iter()
                    .position(|h| {
                        let h = h.trim();
                        h.ends_with("指标") || h.ends_with("指标名称") || matches!(h, "指标项" | "项目" | "名称" | "项目名称")
                    })
                    .filter(|&k| cols[..=k].iter().all(|c| c.status.is_none()))
                    .unwrap_or(0);
                let units = heads.iter().map(|h| bracket_unit(h).map(str::to_string)).collect();
                let middles = (merged.is_none() && !line.contains('\t')).then(|| middles(line, here, &cells));
                headers.push(Header { cols, unit_col, label_col, units, growth, middles });
                headers.len() - 1
            });
            if first && header.is_none() {
                top = Some(cells);
            }
            continue;
        }
        if let Some(h) = header {
            let heads = headers[h].middles.as_deref().filter(|m| m.len() > cells.len());
            let cells = match heads {
                // a row set out with spaces that left out a blank cell
                Some(m) => match under_heads(line, here, &cells, m) {
                    Some(c) => c,
                    None => continue,
                },
                None => cells,
            };
            rows.push(Row { start: here, end: here + line.len(), cells, columns: h });
        }
    }
    if rows.is_empty() {
        return;
    }
    // bare numbers under a column that says what it holds, with a unit from the row or header
    let starts: Vec<usize> = inds.iter().map(|i| i.span.start).collect();
    let mut added = Vec::new();
    for row in &rows {
        let h = &headers[row.columns];
        let Some(&(la, lb)) = row.cells.get(h.label_col) else { continue };
        let label = &display[la..lb];
        let row_unit = h.unit_col.and_then(|u| row.cells.get(u)).map(|&(a, b)| display[a..b].trim()).filter(|u| !u.is_empty()).or_else(|| bracket_unit(label));
        let growth_at = |j: usize| h.growth.get(j).copied().unwrap_or(false);
        // the row's level last year, to tell a target written as growth from a level
        let actual = row.cells.iter().enumerate().skip(1).find_map(|(j, &(a, b))| {
            let col = h.cols.get(j)?;
            (matches!(col.status, Some(Status::Actual | Status::Estimate)) && !growth_at(j) && Some(j) != h.unit_col)
                .then(|| bare_number(&display[a..b]))
                .flatten()
                .map(|n| n.0)
        });
        // … and its growth last year (a growth column's number)
        let grew = row.cells.iter().enumerate().skip(1).any(|(j, &(a, b))| growth_at(j) && bare_number(&display[a..b]).is_some());
        for (j, &cell) in row.cells.iter().enumerate().skip(h.label_col + 1) {
            let col = h.cols.get(j).copied().unwrap_or_default();
            if Some(j) == h.unit_col || col.status.is_none() {
                continue;
            }
            let k = starts.partition_point(|&s| s < cell.0);
            if starts.get(k).is_some_and(|&s| s < cell.1) {
                continue; // the sentence reading found a figure here
            }
            let unit = if growth_at(j) { Some("%") } else { row_unit.or(h.units.get(j).and_then(|u| u.as_deref())) };
            let Some(mut unit) = unit else { continue };
            let mut growth = growth_at(j);
            // `地区生产总值 | 亿元 | 3250.6 | 6.1 | 6左右`: a target far below the level the row
            // reached (or, with no level, after a growth) is the growth asked for, in %.
            if col.status == Some(Status::Target) && !growth && units::scan_unit(unit).is_some_and(|u| !u.is_percent()) {
                if let Some((v, ..)) = bare_number(&display[cell.0..cell.1]) {
                    if v <= 30.0 && actual.map_or(grew, |a| v * 5.0 < a) {
                        unit = "%";
                        growth = true;
                    }
                }
            }
            if let Some(ind) = bare_indicator(display, label, unit, growth, cell, (row.start, row.end), col, sections) {
                added.push(ind);
            }
        }
    }
    if !added.is_empty() {
        inds.extend(added);
        inds.sort_by_key(|i| i.span.start);
        for (k, ind) in inds.iter_mut().enumerate() {
            super::set_indicator_id(&mut ind.id, k + 1);
        }
    }
    let mut r = 0;
    for ind in inds.iter_mut() {
        let at = ind.span.start;
        while r < rows.len() && rows[r].end < at {
            r += 1;
        }
        let Some(row) = rows.get(r).filter(|row| row.start <= at) else { continue };
        let Some(j) = row.cells.iter().position(|&(s, e)| s <= at && at < e) else { continue };
        // a figure in the label itself (PM2.5浓度) or before it stays as the sentence reading had it
        let h = &headers[row.columns];
        if j <= h.label_col {
            continue;
        }
        let col = h.cols.get(j).copied().unwrap_or_default();
        let Some(&(la, lb)) = row.cells.get(h.label_col) else { continue };
        let name = label_name(&display[la..lb]);
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
        assert_eq!(bracket_unit("地区生产总值（亿元）"), Some("亿元"));
        assert_eq!(bracket_unit("2024年目标(%)"), Some("%"));
        assert_eq!(bracket_unit("地区生产总值"), None);
        assert_eq!(bare_number(" 4038 "), Some((4038.0, None, false)));
        assert_eq!(bare_number("６．５左右"), Some((6.5, Some("左右"), false)));
        assert_eq!(bare_number("－3.1"), Some((3.1, None, true)));
        assert_eq!(bare_number("6.5%"), None);
        assert_eq!(bare_number("—"), None);
        assert_eq!(bare_number(".5"), None);
        assert!(spaced_row("地区生产总值        亿元      3250.6"));
        assert!(!spaced_row("坚持依法行政，  全面提高效能。"));
        assert!(!spaced_row("我们将坚持依法行政，  自觉接受人大监督，　　全面提高政府效能。"));
        assert!(!spaced_row("地区生产总值\t亿元\t3250.6"));
        assert_eq!(gaps_to_tabs("地区生产总值        亿元　　3250.6 x"), "地区生产总值\t亿元\t3250.6 x");
    }
}
