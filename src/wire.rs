//! How a parsed [`Report`] travels from the parsing Web Worker to the page.
//!
//! The worker cannot share memory with the page, and rebuilding one huge value on the
//! page's main thread in a single task would freeze it. So a report is cut into
//! [`Parts`]: the display text as raw UTF-8 (no escaping, copied once), the report
//! without text and indicators as one small JSON document, and the indicators as JSON
//! arrays of at most [`CHUNK`] entries. The page rebuilds them with [`Rebuild`], one
//! part per task, yielding in between.
//!
//! Pure Rust (no web crates): the worker binary (`src/worker.rs`) and the page
//! (`ui::worker_client`) both use it, and it is tested natively.

use crate::report::{Indicator, OpenError, Report};

/// Indicators per JSON chunk (≈ 0.5–1 MB of JSON, well under 50 ms to read in wasm).
pub const CHUNK: usize = 2_000;

/// Files at least this large are parsed in the worker; smaller ones on the main thread
/// (no worker start-up, and they parse in a few milliseconds).
pub const WORKER_MIN_BYTES: usize = 1_000_000;

/// A report cut for the trip from the worker to the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Parts {
    /// JSON of the report with `text` (never serialised) and `indicators` left out.
    pub meta: Vec<u8>,
    /// [`Report::text`] as UTF-8.
    pub text: Vec<u8>,
    /// JSON arrays of indicators, in order.
    pub chunks: Vec<Vec<u8>>,
}

/// Cut a report into [`Parts`].
pub fn split(mut report: Report, per_chunk: usize) -> Result<Parts, String> {
    let text = std::mem::take(&mut report.text).into_bytes();
    let indicators = std::mem::take(&mut report.indicators);
    let meta = serde_json::to_vec(&report).map_err(|e| e.to_string())?;
    let chunks = indicators
        .chunks(per_chunk.max(1))
        .map(|c| serde_json::to_vec(c).map_err(|e| e.to_string()))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Parts { meta, text, chunks })
}

/// Rebuilds a report from its parts, one part at a time.
#[derive(Debug)]
pub struct Rebuild {
    report: Report,
}

impl Rebuild {
    /// Start from the meta JSON and the UTF-8 text.
    pub fn start(meta: &[u8], text: Vec<u8>) -> Result<Rebuild, String> {
        let mut report: Report =
            serde_json::from_slice(meta).map_err(|e| format!("report: {e}"))?;
        report.text = String::from_utf8(text).map_err(|e| format!("text: {e}"))?;
        Ok(Rebuild { report })
    }

    /// Add one chunk of indicators.
    pub fn add(&mut self, chunk: &[u8]) -> Result<(), String> {
        let more: Vec<Indicator> =
            serde_json::from_slice(chunk).map_err(|e| format!("indicators: {e}"))?;
        let len = self.report.text.len();
        // Spans come from our own parser, but a report is only handed to the views when
        // every span fits its text: a damaged transfer must not become an out-of-range slice.
        if let Some(bad) = more.iter().find(|i| {
            !span_fits(&self.report.text, i.span.start, i.span.end)
                || !span_fits(
                    &self.report.text,
                    i.sentence_span.start,
                    i.sentence_span.end,
                )
        }) {
            return Err(format!(
                "indicator {} points outside the text ({len} bytes)",
                bad.id
            ));
        }
        self.report.indicators.extend(more);
        Ok(())
    }

    /// Indicators so far.
    pub fn indicators(&self) -> usize {
        self.report.indicators.len()
    }

    /// The rebuilt report.
    pub fn finish(self) -> Report {
        self.report
    }
}

fn span_fits(text: &str, start: usize, end: usize) -> bool {
    start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end)
}

/// A parsing stage, reported to the page as progress.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// Bytes arrived in the worker.
    Received,
    /// Parsing (decode → clean → outline → indicators).
    Parsing,
    /// Parsed; cutting the report for the trip back.
    Packing,
    /// Parts sent; the page rebuilds them.
    Sent,
}

impl Stage {
    /// Stable name used in the worker's messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Received => "received",
            Stage::Parsing => "parsing",
            Stage::Packing => "packing",
            Stage::Sent => "sent",
        }
    }
    pub fn parse(s: &str) -> Option<Stage> {
        Some(match s {
            "received" => Stage::Received,
            "parsing" => Stage::Parsing,
            "packing" => Stage::Packing,
            "sent" => Stage::Sent,
            _ => return None,
        })
    }
}

/// Parse `bytes` reporting progress as `(stage, fraction of the whole job)`.
pub fn parse_staged(
    file: &str,
    bytes: &[u8],
    progress: &mut dyn FnMut(Stage, f64),
) -> Result<Report, OpenError> {
    progress(Stage::Received, 0.02);
    progress(Stage::Parsing, 0.05);
    let report = crate::report::parse(file, bytes)?;
    progress(Stage::Packing, 0.85);
    Ok(report)
}

/// What the worker sends back for an input it could not open: the error as JSON.
pub fn error_json(e: &OpenError) -> String {
    serde_json::to_string(e).unwrap_or_else(|_| r#"{"kind":"empty"}"#.to_string())
}

/// Read an error sent by the worker.
pub fn error_from_json(s: &str) -> Option<OpenError> {
    serde_json::from_str(s).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Measure, Span, Status, Value};

    fn indicator(i: usize, text: &str) -> Indicator {
        let at = text.find("1230").unwrap_or(0);
        Indicator {
            id: format!("i{i}"),
            name: "地区生产总值".into(),
            indicator: Some("gdp".into()),
            measure: Measure::Level,
            value: Value::Number(1230.0 + i as f64 / 10.0),
            unit: "亿元".into(),
            value_base: Some(1230.0),
            qualifier: None,
            direction: None,
            status: Status::Actual,
            year: Some(2016),
            period: None,
            relative_to: None,
            parts: vec![],
            section: Some("s1".into()),
            sentence: "地区生产总值实现1230亿元".into(),
            span: Span::new(at, at + 4),
            sentence_span: Span::new(0, text.len()),
        }
    }

    fn report(n: usize) -> Report {
        let text = "地区生产总值实现1230亿元，增长8%。".to_string();
        Report {
            file: "x.txt".into(),
            encoding: "UTF-8".into(),
            copies: 1,
            removed: vec![],
            title: Some("政府工作报告".into()),
            date: None,
            meeting: None,
            speaker: None,
            region: Some("自贡市".into()),
            level: None,
            report_year: Some(2017),
            review_year: Some(2016),
            looks_like_report: true,
            sections: vec![],
            indicators: (0..n).map(|i| indicator(i, &text)).collect(),
            diagnostics: vec![],
            text,
        }
    }

    fn roundtrip(r: &Report, per: usize) -> Report {
        let parts = split(r.clone(), per).unwrap();
        assert_eq!(parts.chunks.len(), r.indicators.len().div_ceil(per));
        let mut b = Rebuild::start(&parts.meta, parts.text).unwrap();
        for c in &parts.chunks {
            b.add(c).unwrap();
        }
        b.finish()
    }

    #[test]
    fn split_and_rebuild_is_lossless() {
        for n in [0, 1, 2, 5, 7] {
            let r = report(n);
            assert_eq!(roundtrip(&r, 2), r);
            assert_eq!(roundtrip(&r, CHUNK), r);
        }
    }

    #[test]
    fn fixtures_survive_the_trip() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        for name in [
            "zigong-2017-x8.txt",
            "national-2017-gbk.txt",
            "qiandongnan-2024.docx",
            "luzhou-2024-oneline.txt",
        ] {
            let bytes = std::fs::read(format!("{dir}/{name}")).unwrap();
            let r = crate::report::parse(name, &bytes).unwrap();
            assert_eq!(roundtrip(&r, 7), r, "{name}");
        }
    }

    #[test]
    fn damaged_parts_are_refused_not_trusted() {
        let r = report(3);
        let parts = split(r, 2).unwrap();
        assert!(Rebuild::start(b"{not json", parts.text.clone()).is_err());
        assert!(Rebuild::start(&parts.meta, vec![0xff, 0xfe]).is_err());
        let mut b = Rebuild::start(&parts.meta, b"short".to_vec()).unwrap();
        assert!(b
            .add(&parts.chunks[0])
            .unwrap_err()
            .contains("outside the text"));
        let mut b = Rebuild::start(&parts.meta, parts.text).unwrap();
        assert!(b.add(b"[{\"id\":1}]").is_err());
        assert_eq!(b.indicators(), 0);
    }

    #[test]
    fn errors_travel_as_json() {
        for e in [
            OpenError::Empty,
            OpenError::TooLarge {
                bytes: 70_000_000,
                limit: 60_000_000,
            },
            OpenError::Binary { what: "PNG".into() },
            OpenError::BrokenDocx {
                reason: "not a zip".into(),
            },
            OpenError::ZipBomb { limit: 60_000_000 },
        ] {
            assert_eq!(error_from_json(&error_json(&e)), Some(e));
        }
        assert_eq!(error_from_json("nonsense"), None);
    }

    #[test]
    fn stages_have_stable_names() {
        for s in [Stage::Received, Stage::Parsing, Stage::Packing, Stage::Sent] {
            assert_eq!(Stage::parse(s.as_str()), Some(s));
        }
        assert_eq!(Stage::parse("x"), None);
    }

    #[test]
    fn staged_parse_reports_rising_progress() {
        let bytes = "政府工作报告\n一、2016年工作回顾\n地区生产总值实现1230亿元。\n".as_bytes();
        let mut seen = Vec::new();
        let r = parse_staged("a.txt", bytes, &mut |s, f| seen.push((s, f))).unwrap();
        assert!(r.text.contains("1230"));
        assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1), "{seen:?}");
        assert_eq!(seen.last().map(|s| s.0), Some(Stage::Packing));
        assert_eq!(
            parse_staged("e.txt", b"", &mut |_, _| {}),
            Err(OpenError::Empty)
        );
    }
}
