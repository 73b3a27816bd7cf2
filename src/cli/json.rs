//! The pretty JSON of one report (`extract --format json`), written straight to the
//! output: byte for byte what `serde_json::to_writer_pretty` gives for a [`Report`],
//! but the indicators (nearly all of the output) and the outline are written by hand,
//! field by field, instead of through serde's formatter.
//!
//! Every other field goes through serde_json itself (its pretty output, indented one
//! level deeper), so only the [`Indicator`] and [`Section`] layouts are spelled out
//! here; the tests compare the two writers.

use std::io::{self, Write};

use serde::Serialize;

use crate::panel::{direction_str, measure_str, status_str};
use crate::report::{Indicator, Report, Section, SectionKind, Span, Value};

/// Writes `r` as serde_json's pretty JSON (no trailing newline).
pub fn write_report<W: Write>(w: &mut W, r: &Report) -> io::Result<()> {
    let mut scratch = Vec::new();
    let mut first = true;
    macro_rules! field {
        ($key:literal, $value:expr) => {
            field(w, &mut scratch, &mut first, $key, $value)?
        };
    }
    w.write_all(b"{")?;
    field!("file", &r.file);
    field!("encoding", &r.encoding);
    field!("copies", &r.copies);
    field!("removed", &r.removed);
    field!("title", &r.title);
    field!("date", &r.date);
    field!("meeting", &r.meeting);
    field!("speaker", &r.speaker);
    field!("region", &r.region);
    field!("level", &r.level);
    field!("report_year", &r.report_year);
    field!("review_year", &r.review_year);
    field!("looks_like_report", &r.looks_like_report);
    w.write_all(b",\n  \"sections\": ")?;
    // The outline and the indicators (nearly all of the output, written in many small
    // pieces) go through a buffer of our own: a `Vec`'s `write_all` inlines to a copy,
    // where `w`'s may be a call per piece.
    let mut buf: Vec<u8> = Vec::with_capacity(FLUSH_AT + (1 << 12));
    sections(&mut buf, &r.sections, 1)?;
    w.write_all(&buf)?;
    buf.clear();
    w.write_all(b",\n  \"indicators\": ")?;
    if r.indicators.is_empty() {
        w.write_all(b"[]")?;
    } else {
        w.write_all(b"[")?;
        // A long list: every other batch of indicators is written to memory on a second
        // thread while this one writes the others, then put out in order.
        let batches: Vec<&[Indicator]> = r.indicators.chunks(if r.indicators.len() >= PARALLEL_FROM { BATCH } else { r.indicators.len() }).collect();
        let (batches, n) = (&batches, batches.len());
        let batch_json = |k: usize, out: &mut Vec<u8>| -> io::Result<()> {
            for (j, ind) in batches[k].iter().enumerate() {
                out.extend_from_slice(if k == 0 && j == 0 { b"\n    " } else { b",\n    " });
                indicator(out, ind)?;
            }
            Ok(())
        };
        std::thread::scope(|sc| -> io::Result<()> {
            let (tx, rx) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(2);
            if n > 1 {
                let batch_json = &batch_json;
                sc.spawn(move || {
                    for k in (1..n).step_by(2) {
                        let mut out = Vec::with_capacity(BATCH * 800);
                        let r = batch_json(k, &mut out).map(|_| out);
                        if tx.send(r).is_err() {
                            break;
                        }
                    }
                });
            } else {
                drop(tx);
            }
            for k in 0..n {
                if k % 2 == 0 {
                    batch_json(k, &mut buf)?;
                    w.write_all(&buf)?;
                    buf.clear();
                } else {
                    let other = rx.recv().map_err(|_| io::Error::other("JSON writer thread stopped"))??;
                    w.write_all(&other)?;
                }
            }
            Ok(())
        })?;
        w.write_all(b"\n  ]")?;
    }
    field!("diagnostics", &r.diagnostics);
    w.write_all(b"\n}")
}

/// Writes `reports` as serde_json's pretty JSON of the array of them (no trailing
/// newline): each one as [`write_report`] writes it, indented one level.
pub fn write_reports<W: Write>(w: &mut W, reports: &[&Report]) -> io::Result<()> {
    if reports.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    for (k, r) in reports.iter().enumerate() {
        w.write_all(if k == 0 { b"\n  " } else { b",\n  " })?;
        write_report(&mut Indented(&mut *w), r)?;
    }
    w.write_all(b"\n]")
}

/// Passes everything on indented one level: two spaces after every `\n` (a JSON string
/// holds no raw line break, so every `\n` is one of the pretty layout's).
struct Indented<W>(W);

impl<W: Write> Write for Indented<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }
    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        let mut from = 0;
        for k in memchr::memchr_iter(b'\n', buf) {
            self.0.write_all(&buf[from..=k])?;
            self.0.write_all(b"  ")?;
            from = k + 1;
        }
        self.0.write_all(&buf[from..])
    }
    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// Bytes of indicators [`write_report`] gathers before passing them on.
const FLUSH_AT: usize = 1 << 16;

/// Indicator lists at least this long are written on two threads (a concatenation of
/// many reports; one report has a few hundred).
const PARALLEL_FROM: usize = 20_000;

/// Indicators per batch of a list written on two threads.
const BATCH: usize = 1024;

/// `"key": value` of the top-level object: the value is serde_json's pretty JSON,
/// indented one level (every line after its first gets two more spaces; strings in
/// JSON hold no raw line break, so every `\n` is one of the formatter's).
fn field<W: Write, T: Serialize + ?Sized>(w: &mut W, scratch: &mut Vec<u8>, first: &mut bool, key: &str, value: &T) -> io::Result<()> {
    w.write_all(if *first { b"\n  \"" } else { b",\n  \"" })?;
    *first = false;
    w.write_all(key.as_bytes())?;
    w.write_all(b"\": ")?;
    scratch.clear();
    serde_json::to_writer_pretty(&mut *scratch, value)?;
    let mut from = 0;
    for k in memchr::memchr_iter(b'\n', scratch) {
        w.write_all(&scratch[from..=k])?;
        w.write_all(b"  ")?;
        from = k + 1;
    }
    w.write_all(&scratch[from..])
}

/// A JSON string as serde_json writes it: with no byte to escape (controls, `"`, `\`),
/// the bytes as they are; otherwise serde_json's own escaping.
fn string<W: Write>(w: &mut W, s: &str) -> io::Result<()> {
    if needs_escape(s.as_bytes()) {
        return serde_json::to_writer(w, s).map_err(io::Error::from);
    }
    w.write_all(b"\"")?;
    w.write_all(s.as_bytes())?;
    w.write_all(b"\"")
}

/// Whether `b` holds a byte serde_json escapes (`"`, `\\`, a control); 16 bytes a
/// step, branch-free (it vectorizes).
fn needs_escape(b: &[u8]) -> bool {
    let bad = |x: u8| (x < 0x20) | (x == b'"') | (x == b'\\');
    let mut chunks = b.chunks_exact(16);
    for c in &mut chunks {
        let mut hit = false;
        for &x in c {
            hit |= bad(x);
        }
        if hit {
            return true;
        }
    }
    chunks.remainder().iter().any(|&x| bad(x))
}

fn opt_string<W: Write>(w: &mut W, s: &Option<String>) -> io::Result<()> {
    opt_str(w, s.as_deref())
}

fn opt_str<W: Write>(w: &mut W, s: Option<&str>) -> io::Result<()> {
    match s {
        Some(s) => string(w, s),
        None => w.write_all(b"null"),
    }
}

/// A number as serde_json writes an `f64` (`null` when not finite).
fn number<W: Write>(w: &mut W, v: f64) -> io::Result<()> {
    serde_json::to_writer(w, &v).map_err(io::Error::from)
}

/// An integer, or an optional number (`null` for None), as serde_json writes it.
fn integer<W: Write, T: Serialize>(w: &mut W, v: T) -> io::Result<()> {
    serde_json::to_writer(w, &v).map_err(io::Error::from)
}

/// An offset in decimal, as serde_json writes a `usize` (no serializer set up for it),
/// two digits a step.
fn offset<W: Write>(w: &mut W, v: usize) -> io::Result<()> {
    const PAIRS: &[u8; 200] = b"00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899";
    let mut digits = [0u8; 20];
    let (mut k, mut v) = (digits.len(), v);
    while v >= 100 {
        let d = 2 * (v % 100);
        v /= 100;
        k -= 2;
        digits[k..k + 2].copy_from_slice(&PAIRS[d..d + 2]);
    }
    if v >= 10 {
        k -= 2;
        digits[k..k + 2].copy_from_slice(&PAIRS[2 * v..2 * v + 2]);
    } else {
        k -= 1;
        digits[k] = b'0' + v as u8;
    }
    w.write_all(&digits[k..])
}

/// `{ "start": …, "end": … }` at the indicator fields' depth.
fn span<W: Write>(w: &mut W, s: Span) -> io::Result<()> {
    w.write_all(b"{\n        \"start\": ")?;
    offset(w, s.start)?;
    w.write_all(b",\n        \"end\": ")?;
    offset(w, s.end)?;
    w.write_all(b"\n      }")
}

/// An array of numbers at the indicator fields' depth (never empty here).
fn numbers<W: Write>(w: &mut W, v: &[f64]) -> io::Result<()> {
    if v.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    for (k, &x) in v.iter().enumerate() {
        w.write_all(if k == 0 { b"\n        " } else { b",\n        " })?;
        number(w, x)?;
    }
    w.write_all(b"\n      ]")
}

/// `2 * depth` spaces: the indentation of serde_json's pretty formatter.
fn indent<W: Write>(w: &mut W, depth: usize) -> io::Result<()> {
    const SPACES: &[u8; 32] = b"                                ";
    let mut n = 2 * depth;
    while n > 0 {
        let k = n.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

/// A section kind as serde names it.
fn kind_str(k: SectionKind) -> &'static str {
    match k {
        SectionKind::Review => "review",
        SectionKind::Plan => "plan",
        SectionKind::FiveYear => "five_year",
        SectionKind::SelfBuild => "self",
        SectionKind::Other => "other",
    }
}

/// An outline (`sections`, or a section's `children`) whose `[` stands on a line
/// indented `depth` levels.
fn sections<W: Write>(w: &mut W, v: &[Section], depth: usize) -> io::Result<()> {
    if v.is_empty() {
        return w.write_all(b"[]");
    }
    w.write_all(b"[")?;
    for (k, s) in v.iter().enumerate() {
        w.write_all(if k == 0 { b"\n" } else { b",\n" })?;
        indent(w, depth + 1)?;
        w.write_all(b"{")?;
        let key = |w: &mut W, key: &str| -> io::Result<()> {
            w.write_all(b"\n")?;
            indent(w, depth + 2)?;
            w.write_all(b"\"")?;
            w.write_all(key.as_bytes())?;
            w.write_all(b"\": ")
        };
        let span_at = |w: &mut W, sp: Span| -> io::Result<()> {
            w.write_all(b"{\n")?;
            indent(w, depth + 3)?;
            w.write_all(b"\"start\": ")?;
            offset(w, sp.start)?;
            w.write_all(b",\n")?;
            indent(w, depth + 3)?;
            w.write_all(b"\"end\": ")?;
            offset(w, sp.end)?;
            w.write_all(b"\n")?;
            indent(w, depth + 2)?;
            w.write_all(b"}")
        };
        key(w, "id")?;
        string(w, &s.id)?;
        w.write_all(b",")?;
        key(w, "level")?;
        integer(w, s.level)?;
        w.write_all(b",")?;
        key(w, "number")?;
        string(w, &s.number)?;
        w.write_all(b",")?;
        key(w, "heading")?;
        string(w, &s.heading)?;
        w.write_all(b",")?;
        key(w, "kind")?;
        w.write_all(b"\"")?;
        w.write_all(kind_str(s.kind).as_bytes())?;
        w.write_all(b"\",")?;
        key(w, "span")?;
        span_at(w, s.span)?;
        w.write_all(b",")?;
        key(w, "heading_span")?;
        span_at(w, s.heading_span)?;
        w.write_all(b",")?;
        key(w, "children")?;
        sections(w, &s.children, depth + 2)?;
        w.write_all(b"\n")?;
        indent(w, depth + 1)?;
        w.write_all(b"}")?;
    }
    w.write_all(b"\n")?;
    indent(w, depth)?;
    w.write_all(b"]")
}

/// One indicator: an element of the top-level `indicators` array.
fn indicator<W: Write>(w: &mut W, i: &Indicator) -> io::Result<()> {
    w.write_all(b"{\n      \"id\": ")?;
    string(w, &i.id)?;
    w.write_all(b",\n      \"name\": ")?;
    string(w, &i.name)?;
    w.write_all(b",\n      \"indicator\": ")?;
    opt_string(w, &i.indicator)?;
    w.write_all(b",\n      \"measure\": \"")?;
    w.write_all(measure_str(i.measure).as_bytes())?;
    w.write_all(b"\",\n      \"value\": ")?;
    match &i.value {
        Value::Number(v) => number(w, *v)?,
        Value::Range(r) => numbers(w, r)?,
    }
    w.write_all(b",\n      \"unit\": ")?;
    string(w, &i.unit)?;
    w.write_all(b",\n      \"value_base\": ")?;
    integer(w, i.value_base)?;
    w.write_all(b",\n      \"qualifier\": ")?;
    opt_string(w, &i.qualifier)?;
    w.write_all(b",\n      \"direction\": ")?;
    opt_str(w, i.direction.map(direction_str))?;
    w.write_all(b",\n      \"status\": \"")?;
    w.write_all(status_str(i.status).as_bytes())?;
    w.write_all(b"\",\n      \"year\": ")?;
    integer(w, i.year)?;
    w.write_all(b",\n      \"period\": ")?;
    opt_string(w, &i.period)?;
    w.write_all(b",\n      \"relative_to\": ")?;
    opt_string(w, &i.relative_to)?;
    if !i.parts.is_empty() {
        w.write_all(b",\n      \"parts\": ")?;
        numbers(w, &i.parts)?;
    }
    w.write_all(b",\n      \"section\": ")?;
    opt_string(w, &i.section)?;
    w.write_all(b",\n      \"sentence\": ")?;
    string(w, &i.sentence)?;
    w.write_all(b",\n      \"span\": ")?;
    span(w, i.span)?;
    w.write_all(b",\n      \"sentence_span\": ")?;
    span(w, i.sentence_span)?;
    w.write_all(b"\n    }")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Direction, Measure, Status};

    fn ours(r: &Report) -> String {
        let mut v = Vec::new();
        write_report(&mut v, r).unwrap();
        String::from_utf8(v).unwrap()
    }

    #[test]
    fn same_as_serde_for_the_fixtures() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut n = 0;
        for e in std::fs::read_dir(&dir).unwrap().flatten() {
            let p = e.path();
            if !matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "docx")) {
                continue;
            }
            let bytes = std::fs::read(&p).unwrap();
            let Ok(r) = crate::report::parse(&p.to_string_lossy(), &bytes) else { continue };
            assert_eq!(ours(&r), serde_json::to_string_pretty(&r).unwrap(), "{}", p.display());
            n += 1;
        }
        assert!(n >= 5);
    }

    #[test]
    fn a_long_list_written_on_two_threads_same_as_serde() {
        let text: String = (0..PARALLEL_FROM / 2 + BATCH + 7)
            .map(|k| format!("第{k}项：地区生产总值增长{}.{}%，粮食产量{k}万吨。\n", k % 10, k % 7))
            .collect();
        let r = crate::report::parse_text("long.txt", &text, "UTF-8");
        assert!(r.indicators.len() > PARALLEL_FROM && r.indicators.len() % BATCH != 0, "{}", r.indicators.len());
        assert_eq!(ours(&r), serde_json::to_string_pretty(&r).unwrap());
    }

    #[test]
    fn an_array_of_reports_same_as_serde() {
        let a = crate::report::parse_text("a.txt", "政府工作报告\n一、工作回顾\n地区生产总值增长6.5%，粮食产量1230万吨。\n", "UTF-8");
        let b = crate::report::parse_text("b\n\"c.txt", "二、今年安排\n一般公共预算收入增长5%左右。\n", "GBK");
        for v in [vec![], vec![&a], vec![&a, &b, &a]] {
            let mut out = Vec::new();
            write_reports(&mut out, &v).unwrap();
            assert_eq!(String::from_utf8(out).unwrap(), serde_json::to_string_pretty(&v).unwrap());
        }
    }

    #[test]
    fn same_as_serde_for_odd_values() {
        let mut r = crate::report::parse_text("a\"b\\c\u{1}.txt", "政府工作报告\n一、工作回顾\n地区生产总值增长6.5%－7%。\n", "UTF-8");
        let base = r.indicators.first().cloned().expect("an indicator");
        let measures = [
            Measure::Level, Measure::Growth, Measure::Share, Measure::Rate, Measure::Ratio,
            Measure::Multiple, Measure::Count, Measure::Index, Measure::Relative,
        ];
        for (k, m) in measures.into_iter().enumerate() {
            let mut i = base.clone();
            i.measure = m;
            i.status = [Status::Actual, Status::Estimate, Status::Target][k % 3];
            i.direction = [None, Some(Direction::Up), Some(Direction::Down)][k % 3];
            i.value = if k % 2 == 0 { Value::Number(f64::NAN) } else { Value::Range([-0.0, 1e21]) };
            i.value_base = [None, Some(f64::INFINITY), Some(1.5e-7)][k % 3];
            i.parts = if k % 2 == 1 { vec![12.7, 58.8, 28.5] } else { Vec::new() };
            i.name = "名\n\t\"称\\\u{7f}\u{0}".into();
            i.indicator = None;
            i.year = [None, Some(-5), Some(i32::MIN), Some(0), Some(i32::MAX), Some(2024)][k % 6];
            i.span = crate::report::Span::new(k * 1_000_000_007, usize::MAX - k);
            i.period = Some("2019-2023".into());
            i.sentence = match k % 3 {
                0 => String::new(),
                1 => format!("{}\u{1f}{}", "长句".repeat(k + 5), "ab".repeat(k)),
                _ => format!("{}\\", "长句".repeat(k + 5)),
            };
            r.indicators.push(i);
        }
        assert_eq!(ours(&r), serde_json::to_string_pretty(&r).unwrap());
        r.indicators.clear();
        r.sections.clear();
        assert_eq!(ours(&r), serde_json::to_string_pretty(&r).unwrap());
    }
}
