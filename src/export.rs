//! Exports shared by the page's download buttons and the native CLI: the same bytes
//! either way.
//!
//! - [`indicators_csv`]: one row per indicator of one or more reports, UTF-8 with a
//!   byte-order mark (so Excel opens the Chinese correctly), RFC 4180 quoting, CRLF
//!   line ends, header [`CSV_HEADER`].
//! - [`report_json`]: one [`Report`] as the CLI's JSON (the public contract of
//!   `report::model`; the display text is not included).
//!
//! Pure Rust, no web crates. The CSV writer is a small quoting function rather than
//! the `csv` crate so the page carries no extra code for it; `tests/export.rs`
//! round-trips its output through the `csv` crate's reader.

use crate::report::{Direction, Indicator, Report, Value};

/// The CSV columns, in order. Stable: users' spreadsheets and scripts key on them.
/// `parts` came last (fifteenth session), so scripts that read the columns by position
/// keep working.
pub const CSV_HEADER: [&str; 20] = [
    "file",
    "id",
    "name",
    "indicator",
    "measure",
    "status",
    "value",
    "value_high",
    "unit",
    "value_base",
    "qualifier",
    "direction",
    "year",
    "period",
    "relative_to",
    "section",
    "sentence",
    "span_start",
    "span_end",
    "parts",
];

/// UTF-8 byte-order mark, first character of [`indicators_csv`]'s output.
pub const BOM: char = '\u{FEFF}';

/// All indicators of `reports` as CSV (BOM, header row, one row per indicator, CRLF).
pub fn indicators_csv(reports: &[&Report]) -> String {
    let rows: usize = reports.iter().map(|r| r.indicators.len()).sum();
    let mut out = String::with_capacity(256 + rows * 160);
    out.push(BOM);
    write_record(&mut out, CSV_HEADER.iter().copied());
    for report in reports {
        for ind in &report.indicators {
            let fields = indicator_fields(&report.file, ind);
            write_record(&mut out, fields.iter().map(String::as_str));
        }
    }
    out
}

/// One report as the CLI's JSON: a single pretty-printed object, newline-terminated.
pub fn report_json(report: &Report) -> String {
    // Serialising plain data (strings, numbers, enums) cannot fail; fall back to a
    // JSON error object rather than panicking if a future field ever could.
    match serde_json::to_string_pretty(report) {
        Ok(mut s) => {
            s.push('\n');
            s
        }
        Err(e) => format!(
            "{{\"error\": {}}}\n",
            serde_json::Value::String(e.to_string())
        ),
    }
}

/// The CSV cells of one indicator, in [`CSV_HEADER`] order.
pub fn indicator_fields(file: &str, ind: &Indicator) -> [String; 20] {
    let (value, value_high) = match &ind.value {
        Value::Number(v) => (number(*v), String::new()),
        Value::Range([lo, hi]) => (number(*lo), number(*hi)),
    };
    [
        file.to_string(),
        ind.id.clone(),
        ind.name.clone(),
        ind.indicator.clone().unwrap_or_default(),
        enum_name(&ind.measure),
        enum_name(&ind.status),
        value,
        value_high,
        ind.unit.clone(),
        ind.value_base.map(number).unwrap_or_default(),
        ind.qualifier.clone().unwrap_or_default(),
        match ind.direction {
            Some(Direction::Up) => "up".into(),
            Some(Direction::Down) => "down".into(),
            None => String::new(),
        },
        ind.year.map(|y| y.to_string()).unwrap_or_default(),
        ind.period.clone().unwrap_or_default(),
        ind.relative_to.clone().unwrap_or_default(),
        ind.section.clone().unwrap_or_default(),
        ind.sentence.clone(),
        ind.span.start.to_string(),
        ind.span.end.to_string(),
        parts(ind),
    ]
}

/// A ratio's parts as `12.7:58.8:28.5` (`value` holds only the first); empty otherwise.
fn parts(ind: &Indicator) -> String {
    if ind.parts.len() < 2 {
        return String::new();
    }
    let mut out = String::new();
    for (i, p) in ind.parts.iter().enumerate() {
        if i > 0 {
            out.push(':');
        }
        out.push_str(&number(*p));
    }
    out
}

/// A number as a spreadsheet reads it: `8`, `7.6`, `-0.5`, no exponent for ordinary
/// magnitudes; empty for NaN/infinity (never produced by parsing, but never written).
pub fn number(v: f64) -> String {
    let mut s = String::new();
    if v.is_finite() {
        // (-0 is written 0)
        push_f64(&mut s, if v == 0.0 { 0.0 } else { v });
    }
    s
}

/// Append `v` as `Display` writes it (the shortest decimal that reads back as `v`,
/// never an exponent). The figures of reports — whole numbers and up to three
/// decimals below 10¹² — are written digit by digit, without the formatting machinery,
/// which a page drawing hundreds of readings pays for in every one; the rest by `Display`.
pub fn push_f64(out: &mut String, v: f64) {
    use std::fmt::Write;
    const LIMIT: f64 = 1e12;
    if v.is_finite() && v.abs() < LIMIT && v != 0.0 {
        // The fewest decimals k whose rounding m / 10^k reads back as v: that decimal is
        // the shortest (a shorter one would have fewer decimals and be found first).
        let mut scale = 1.0;
        for k in 0..=3u32 {
            let m = (v * scale).round();
            if m / scale == v {
                let m = m.abs() as u64;
                if v < 0.0 {
                    out.push('-');
                }
                push_decimal(out, m, k);
                return;
            }
            scale *= 10.0;
        }
    }
    let _ = write!(out, "{v}");
}

/// Append `m / 10^k` in decimal (`k` digits after the point, leading zero below 1).
fn push_decimal(out: &mut String, m: u64, k: u32) {
    let mut digits = [0u8; 24];
    let mut n = 0;
    let mut x = m;
    loop {
        digits[n] = b'0' + (x % 10) as u8;
        n += 1;
        x /= 10;
        if x == 0 {
            break;
        }
    }
    let k = k as usize;
    while n <= k {
        digits[n] = b'0';
        n += 1;
    }
    for i in (0..n).rev() {
        if i + 1 == k {
            out.push('.');
        }
        out.push(char::from(digits[i]));
    }
}

/// Append one CSV record (RFC 4180) and a CRLF.
pub fn write_record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_field(out, f);
    }
    out.push_str("\r\n");
}

/// Append one CSV field, quoted when it holds a comma, quote, CR or LF (or starts or
/// ends with a space, which some readers trim); quotes inside are doubled.
pub fn write_field(out: &mut String, field: &str) {
    let needs_quotes =
        field.contains([',', '"', '\r', '\n']) || field.starts_with(' ') || field.ends_with(' ');
    if !needs_quotes {
        out.push_str(field);
        return;
    }
    out.push('"');
    for ch in field.chars() {
        if ch == '"' {
            out.push('"');
        }
        out.push(ch);
    }
    out.push('"');
}

/// serde name of a unit-like enum (`growth`, `estimate`, …).
fn enum_name<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(serde_json::Value::String(s)) => s,
        _ => String::new(),
    }
}

/// Stem of a download's file name for `report`: `baogao-自贡-2017` (region + report
/// year when known, else the uploaded file's stem), safe on every file system.
pub fn download_stem(report: &Report) -> String {
    let stem = match (&report.region, report.report_year) {
        (Some(r), Some(y)) => format!("{r}-{y}"),
        _ => {
            let f = report.file.rsplit(['/', '\\']).next().unwrap_or("");
            let f = f.rsplit_once('.').map(|(s, _)| s).unwrap_or(f);
            if f.is_empty() {
                "report".to_string()
            } else {
                f.to_string()
            }
        }
    };
    let safe: String = stem
        .chars()
        .map(|c| {
            if matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|') || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("baogao-{safe}")
}

/// What the all-indicators table shows: filtering and sorting over one report's
/// indicators, as plain functions (the page's `IndicatorTable` renders the result).
pub mod table {
    use std::cmp::Ordering;

    use crate::report::{Indicator, Report, Section, Value};

    /// Sortable columns (the `sort` value of the page's filter state).
    pub const COLUMNS: [&str; 11] = [
        "id",
        "name",
        "indicator",
        "measure",
        "status",
        "value",
        "unit",
        "qualifier",
        "year",
        "section",
        "sentence",
    ];

    /// A filter and sort over a report's indicators. Empty strings mean "all".
    #[derive(Clone, Debug, Default, PartialEq)]
    pub struct Query<'a> {
        /// serde name of a `Measure` (`growth`, `level`, …).
        pub measure: &'a str,
        /// `actual` | `estimate` | `target`.
        pub status: &'a str,
        /// Section id; matches the section and everything under it.
        pub section: &'a str,
        /// Free text, matched (case-insensitively) against id, name, key, unit, qualifier and sentence.
        pub text: &'a str,
        /// One of [`COLUMNS`]; empty or unknown = text order.
        pub sort: &'a str,
        pub desc: bool,
    }

    /// Indexes into `report.indicators` of the rows to show, in display order.
    /// Linear filter + O(n log n) sort; ties keep text order.
    pub fn rows(report: &Report, q: &Query<'_>) -> Vec<usize> {
        let needle = q.text.trim().to_lowercase();
        let mut out: Vec<usize> = report
            .indicators
            .iter()
            .enumerate()
            .filter(|(_, ind)| {
                (q.measure.is_empty() || serde_name(&ind.measure) == q.measure)
                    && (q.status.is_empty() || serde_name(&ind.status) == q.status)
                    && (q.section.is_empty() || in_section(ind.section.as_deref(), q.section))
                    && (needle.is_empty() || matches_text(ind, &needle))
            })
            .map(|(i, _)| i)
            .collect();
        if COLUMNS.contains(&q.sort) && q.sort != "id" {
            let inds = &report.indicators;
            crate::sort::sort_by(&mut out, |&a, &b| {
                let o = compare(&inds[a], &inds[b], q.sort);
                // Blank cells last in both directions; ties in text order.
                let o = if q.desc {
                    blanks_last_reversed(&inds[a], &inds[b], q.sort, o)
                } else {
                    o
                };
                o.then(a.cmp(&b))
            });
        } else if q.desc {
            out.reverse();
        }
        out
    }

    /// Whether `section` is `prefix` or lies under it (`s1.2` is under `s1`, `s10` is not).
    pub fn in_section(section: Option<&str>, prefix: &str) -> bool {
        match section {
            Some(s) => s == prefix || (s.starts_with(prefix) && s[prefix.len()..].starts_with('.')),
            None => false,
        }
    }

    fn matches_text(ind: &Indicator, needle: &str) -> bool {
        let hit = |s: &str| s.to_lowercase().contains(needle);
        hit(&ind.id)
            || hit(&ind.name)
            || hit(&ind.sentence)
            || hit(&ind.unit)
            || ind.indicator.as_deref().is_some_and(hit)
            || ind.qualifier.as_deref().is_some_and(hit)
    }

    /// serde name of a unit-like enum.
    pub fn serde_name<T: serde::Serialize>(v: &T) -> String {
        match serde_json::to_value(v) {
            Ok(serde_json::Value::String(s)) => s,
            _ => String::new(),
        }
    }

    /// Numeric parts of a dotted id (`s1.2.10` → [1, 2, 10], `i12` → [12]) for natural order.
    pub fn id_key(id: &str) -> Vec<u64> {
        id.split(|c: char| !c.is_ascii_digit())
            .filter(|p| !p.is_empty())
            .filter_map(|p| p.parse().ok())
            .collect()
    }

    fn is_blank(ind: &Indicator, col: &str) -> bool {
        match col {
            "indicator" => ind.indicator.is_none(),
            "qualifier" => ind.qualifier.is_none(),
            "year" => ind.year.is_none() && ind.period.is_none(),
            "section" => ind.section.is_none(),
            "unit" => ind.unit.is_empty(),
            _ => false,
        }
    }

    fn blanks_last_reversed(a: &Indicator, b: &Indicator, col: &str, asc: Ordering) -> Ordering {
        match (is_blank(a, col), is_blank(b, col)) {
            (true, false) => Ordering::Greater,
            (false, true) => Ordering::Less,
            _ => asc.reverse(),
        }
    }

    fn compare(a: &Indicator, b: &Indicator, col: &str) -> Ordering {
        fn opt<T: Ord>(a: Option<T>, b: Option<T>) -> Ordering {
            match (a, b) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            }
        }
        match col {
            "name" => a.name.cmp(&b.name),
            "indicator" => opt(a.indicator.as_ref(), b.indicator.as_ref()),
            "measure" => serde_name(&a.measure).cmp(&serde_name(&b.measure)),
            "status" => serde_name(&a.status).cmp(&serde_name(&b.status)),
            "value" => {
                let va = a.value_base.unwrap_or(a.value.low());
                let vb = b.value_base.unwrap_or(b.value.low());
                va.total_cmp(&vb)
            }
            "unit" => match (a.unit.is_empty(), b.unit.is_empty()) {
                (false, true) => Ordering::Less,
                (true, false) => Ordering::Greater,
                _ => a.unit.cmp(&b.unit),
            },
            "qualifier" => opt(a.qualifier.as_ref(), b.qualifier.as_ref()),
            "year" => opt(year_key(a), year_key(b)),
            "section" => opt(
                a.section.as_deref().map(id_key),
                b.section.as_deref().map(id_key),
            ),
            "sentence" => a.sentence.cmp(&b.sentence),
            _ => Ordering::Equal,
        }
    }

    /// Year, or the first year of a period (`2012-2016` → 2012), for sorting.
    fn year_key(ind: &Indicator) -> Option<(i32, i32)> {
        if let Some(y) = ind.year {
            return Some((y, y));
        }
        let p = ind.period.as_deref()?;
        let mut years = p
            .split(|c: char| !c.is_ascii_digit())
            .filter_map(|s| s.parse::<i32>().ok());
        let first = years.next()?;
        Some((first, years.next().unwrap_or(first)))
    }

    /// The value as shown: `8`, `8–8.5`, or a ratio's parts `12.7：58.8：28.5`.
    pub fn value_text(ind: &Indicator) -> String {
        if ind.parts.len() >= 2 {
            return ind
                .parts
                .iter()
                .map(|v| super::number(*v))
                .collect::<Vec<_>>()
                .join("：");
        }
        match &ind.value {
            Value::Number(v) => super::number(*v),
            Value::Range([lo, hi]) => format!("{}–{}", super::number(*lo), super::number(*hi)),
        }
    }

    /// Year or period as shown.
    pub fn when_text(ind: &Indicator) -> String {
        match (ind.year, ind.period.as_deref()) {
            (Some(y), Some(p)) if p != y.to_string() => format!("{y} ({p})"),
            (Some(y), _) => y.to_string(),
            (None, Some(p)) => p.to_string(),
            (None, None) => String::new(),
        }
    }

    /// The mathematical reading of a qualifier as written: 以上 → `≥`, 以内 → `≤`, 左右 → `≈`.
    /// None where the qualifier states no bound (力争, 突破 as "break through" is `>`).
    pub fn qualifier_symbol(q: &str) -> Option<&'static str> {
        Some(match q {
            "以上" | "不低于" | "不少于" | "至少" | "达到" | "确保" => "≥",
            "突破" | "超过" | "高于" | "多于" => ">",
            "以内" | "以下" | "不超过" | "不高于" | "控制在" | "之内" => "≤",
            "低于" | "少于" => "<",
            "左右" | "约" | "大约" | "上下" | "近" | "接近" => "≈",
            _ => {
                // Compound forms (`控制在…以内`, `力争…以上`): read by their bound word.
                if q.ends_with("以上") || q.contains("不低于") {
                    "≥"
                } else if q.ends_with("以内") || q.ends_with("以下") || q.contains("不超过")
                {
                    "≤"
                } else if q.ends_with("左右") {
                    "≈"
                } else {
                    return None;
                }
            }
        })
    }

    /// Sections offered by the section filter: levels 1 and 2, in text order, as
    /// (id, level, label) with the label `一、2016年工作回顾`.
    pub fn section_options(report: &Report) -> Vec<(String, u8, String)> {
        fn walk(s: &[Section], out: &mut Vec<(String, u8, String)>) {
            for sec in s {
                if sec.level <= 2 {
                    let label = if sec.number.is_empty() {
                        sec.heading.clone()
                    } else if sec.number.ends_with(['）', ')', '.', '、']) {
                        format!("{}{}", sec.number, sec.heading)
                    } else {
                        format!("{}、{}", sec.number, sec.heading)
                    };
                    out.push((sec.id.clone(), sec.level, label));
                    walk(&sec.children, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&report.sections, &mut out);
        out
    }
}
