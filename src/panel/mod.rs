//! Comparison across reports: the long panel table (one row per indicator per report),
//! the headline figure of each (report, indicator, year), and targets paired with what
//! happened (the target of year t is in report t, the outcome in the review of report t+1).
//!
//! Pure Rust, no web crates: used by the page (`ui::compare`), the CLI (`baogao panel`)
//! and the charts (`chart::compare`).

use std::collections::{BTreeSet, HashMap, HashSet};

use serde::Serialize;

use crate::report::{Direction, Indicator, Level, Measure, Report, SectionKind, Status};

mod outcomes;
mod regions;
mod table;

pub use outcomes::*;
pub use regions::*;
pub use table::*;

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

pub fn direction_str(d: Direction) -> &'static str {
    match d {
        Direction::Up => "up",
        Direction::Down => "down",
    }
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
    let kinds = crate::report::section_kinds(report);
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
    crate::export::number((v * 1e6).round() / 1e6)
}

/// Quote one CSV field (RFC 4180) as the indicators CSV does ([`crate::export::write_field`]).
pub fn csv_field(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    crate::export::write_field(&mut out, s);
    out
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
