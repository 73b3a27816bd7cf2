//! How a parsed [`Report`] travels from the parsing Web Worker to the page.
//!
//! The worker cannot share memory with the page, and rebuilding one huge value on the
//! page's main thread in a single task would freeze it. So a report is cut into
//! [`Parts`]: the display text as raw UTF-8 (no escaping, copied once), the report
//! without text and indicators (outline, title block …), and the indicators in
//! chunks of at most [`CHUNK`] entries, each a compact binary ([`postcard`]) list of
//! [`WireIndicator`]s — about a tenth of the JSON's reading time, and a sentence that is
//! just its span of the text is not sent at all. The page rebuilds them with
//! [`Rebuild`], one part per task, yielding in between.
//!
//! Pure Rust (no web crates): the worker binary (`src/worker.rs`) and the page
//! (`ui::worker_client`) both use it, and it is tested natively.

use serde::{Deserialize, Serialize};

use crate::report::{Direction, Indicator, Measure, OpenError, Report, Span, Status, Value};

/// Indicators per chunk (≈ 200 KB, a few milliseconds to read in wasm).
pub const CHUNK: usize = 2_000;

/// Files at least this large are parsed in the worker; smaller ones on the main thread
/// (no worker start-up, and they parse in a few milliseconds).
pub const WORKER_MIN_BYTES: usize = 1_000_000;

/// A report cut for the trip from the worker to the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Parts {
    /// The report without `text` (never serialised) and `indicators` (postcard).
    pub meta: Vec<u8>,
    /// [`Report::text`] as UTF-8.
    pub text: Vec<u8>,
    /// Lists of [`WireIndicator`]s (postcard), in order.
    pub chunks: Vec<Vec<u8>>,
}

/// An [`Indicator`] as it travels: every field, in a form a non-self-describing format
/// can carry (no untagged or skipped fields), with `sentence` left out when it is
/// exactly `text[sentence_span]` (always, for the parser's own output).
#[derive(Serialize, Deserialize)]
pub struct WireIndicator {
    id: String,
    name: String,
    indicator: Option<String>,
    measure: Measure,
    value: WireValue,
    unit: String,
    value_base: Option<f64>,
    qualifier: Option<String>,
    direction: Option<Direction>,
    status: Status,
    year: Option<i32>,
    period: Option<String>,
    relative_to: Option<String>,
    parts: Vec<f64>,
    section: Option<String>,
    sentence: Option<String>,
    span: (usize, usize),
    sentence_span: (usize, usize),
}

#[derive(Serialize, Deserialize)]
enum WireValue {
    Number(f64),
    Range(f64, f64),
}

impl WireIndicator {
    fn new(i: Indicator, text: &str) -> WireIndicator {
        let same = text.get(i.sentence_span.start..i.sentence_span.end) == Some(i.sentence.as_str());
        WireIndicator {
            id: i.id,
            name: i.name,
            indicator: i.indicator,
            measure: i.measure,
            value: match i.value {
                Value::Number(v) => WireValue::Number(v),
                Value::Range([a, b]) => WireValue::Range(a, b),
            },
            unit: i.unit,
            value_base: i.value_base,
            qualifier: i.qualifier,
            direction: i.direction,
            status: i.status,
            year: i.year,
            period: i.period,
            relative_to: i.relative_to,
            parts: i.parts,
            section: i.section,
            sentence: (!same).then_some(i.sentence),
            span: (i.span.start, i.span.end),
            sentence_span: (i.sentence_span.start, i.sentence_span.end),
        }
    }

    /// Back to an [`Indicator`]; `None` when a span does not fit `text`.
    fn into_indicator(self, text: &str) -> Option<Indicator> {
        let fits = |(a, b): (usize, usize)| span_fits(text, a, b).then(|| Span::new(a, b));
        let span = fits(self.span)?;
        let sentence_span = fits(self.sentence_span)?;
        let sentence = match self.sentence {
            Some(s) => s,
            None => text[sentence_span.start..sentence_span.end].to_string(),
        };
        Some(Indicator {
            id: self.id,
            name: self.name,
            indicator: self.indicator,
            measure: self.measure,
            value: match self.value {
                WireValue::Number(v) => Value::Number(v),
                WireValue::Range(a, b) => Value::Range([a, b]),
            },
            unit: self.unit,
            value_base: self.value_base,
            qualifier: self.qualifier,
            direction: self.direction,
            status: self.status,
            year: self.year,
            period: self.period,
            relative_to: self.relative_to,
            parts: self.parts,
            section: self.section,
            sentence,
            span,
            sentence_span,
        })
    }
}

/// Cut a report into [`Parts`].
pub fn split(mut report: Report, per_chunk: usize) -> Result<Parts, String> {
    let text = std::mem::take(&mut report.text);
    let indicators = std::mem::take(&mut report.indicators);
    let meta = postcard::to_allocvec(&report).map_err(|e| e.to_string())?;
    let per = per_chunk.max(1);
    let mut chunks = Vec::with_capacity(indicators.len().div_ceil(per));
    let mut it = indicators.into_iter().peekable();
    while it.peek().is_some() {
        let wire: Vec<WireIndicator> = it.by_ref().take(per).map(|i| WireIndicator::new(i, &text)).collect();
        chunks.push(postcard::to_allocvec(&wire).map_err(|e| e.to_string())?);
    }
    Ok(Parts { meta, text: text.into_bytes(), chunks })
}

/// Bytes sent as UTF-8 text, checked. Checked with SIMD (`simdutf8`; `String::from_utf8`'s
/// scalar check took about 100 ms of one main-thread task for a 20 MB text in the page's wasm).
pub fn text_of(bytes: Vec<u8>) -> Result<String, simdutf8::compat::Utf8Error> {
    simdutf8::compat::from_utf8(&bytes)?;
    // SAFETY: `bytes` was just checked to be UTF-8.
    Ok(unsafe { String::from_utf8_unchecked(bytes) })
}

/// Rebuilds a report from its parts, one part at a time.
#[derive(Debug)]
pub struct Rebuild {
    report: Report,
}

impl Rebuild {
    /// Start from the meta part and the UTF-8 text.
    pub fn start(meta: &[u8], text: Vec<u8>) -> Result<Rebuild, String> {
        let mut report: Report =
            postcard::from_bytes(meta).map_err(|e| format!("report: {e}"))?;
        report.text = text_of(text).map_err(|e| format!("text: {e}"))?;
        Ok(Rebuild { report })
    }

    /// Add one chunk of indicators.
    pub fn add(&mut self, chunk: &[u8]) -> Result<(), String> {
        let more: Vec<WireIndicator> =
            postcard::from_bytes(chunk).map_err(|e| format!("indicators: {e}"))?;
        let text = self.report.text.as_str();
        // Spans come from our own parser, but a report is only handed to the views when
        // every span fits its text: a damaged transfer must not become an out-of-range slice.
        let mut rebuilt = Vec::with_capacity(more.len());
        for w in more {
            let id = w.id.clone();
            match w.into_indicator(text) {
                Some(i) => rebuilt.push(i),
                None => {
                    return Err(format!(
                        "indicator {id} points outside the text ({} bytes)",
                        text.len()
                    ))
                }
            }
        }
        self.report.indicators.extend(rebuilt);
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

/// What the worker parsed.
#[derive(Debug, PartialEq)]
pub struct Parsed {
    pub report: Report,
    /// The decoded text, when the page could not have decoded the bytes itself (a Word
    /// file, GBK …: [`crate::report::DecodedInput::legacy`]). The page keeps it for
    /// what needs the text as the parser read it (a `#doc=` link); `None` for UTF-8,
    /// which the page reads from the bytes.
    pub input: Option<String>,
}

/// Parse `bytes` reporting progress as `(stage, fraction of the whole job)`; the bytes
/// are let go once decoded.
pub fn parse_staged(
    file: &str,
    bytes: Vec<u8>,
    progress: &mut dyn FnMut(Stage, f64),
) -> Result<Parsed, OpenError> {
    progress(Stage::Received, 0.02);
    progress(Stage::Parsing, 0.05);
    let decoded = crate::report::decode_input(&bytes)?;
    drop(bytes);
    // (the text the page cannot decode itself is kept and sent, not copied)
    let (report, input) = if decoded.legacy {
        (crate::report::parse_input_kept(file, &decoded), Some(decoded.text))
    } else {
        (crate::report::parse_input(file, decoded), None)
    };
    progress(Stage::Packing, 0.85);
    Ok(Parsed { report, input })
}

/// [`OpenError`] as it travels: externally tagged, for postcard (the JSON form is
/// internally tagged, and reading that form took about 10 KB of the page's wasm).
#[derive(Serialize, Deserialize)]
enum WireError {
    Empty,
    TooLarge(usize, usize),
    Binary(String),
    BrokenDocx(String),
    ZipBomb(usize),
}

/// What the worker sends back for an input it could not open.
pub fn error_bytes(e: &OpenError) -> Vec<u8> {
    let w = match e.clone() {
        OpenError::Empty => WireError::Empty,
        OpenError::TooLarge { bytes, limit } => WireError::TooLarge(bytes, limit),
        OpenError::Binary { what } => WireError::Binary(what),
        OpenError::BrokenDocx { reason } => WireError::BrokenDocx(reason),
        OpenError::ZipBomb { limit } => WireError::ZipBomb(limit),
    };
    postcard::to_allocvec(&w).unwrap_or_default()
}

/// Read an error sent by the worker.
pub fn error_from_bytes(b: &[u8]) -> Option<OpenError> {
    Some(match postcard::from_bytes(b).ok()? {
        WireError::Empty => OpenError::Empty,
        WireError::TooLarge(bytes, limit) => OpenError::TooLarge { bytes, limit },
        WireError::Binary(what) => OpenError::Binary { what },
        WireError::BrokenDocx(reason) => OpenError::BrokenDocx { reason },
        WireError::ZipBomb(limit) => OpenError::ZipBomb { limit },
    })
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
    fn a_sentence_that_is_its_span_is_not_sent() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
        let bytes = std::fs::read(format!("{dir}/zigong-2017-x8.txt")).unwrap();
        let r = crate::report::parse("x.txt", &bytes).unwrap();
        let long = r.indicators.iter().max_by_key(|i| i.sentence.len()).unwrap();
        assert!(long.sentence.len() > 60);
        let needle = long.sentence.as_bytes().to_vec();
        let parts = split(r.clone(), CHUNK).unwrap();
        assert!(parts.chunks.iter().all(|c| !c.windows(needle.len()).any(|w| w == needle)));
        // … and comes back from the text.
        let back = roundtrip(&r, CHUNK);
        assert_eq!(back.indicators, r.indicators);
    }

    #[test]
    fn damaged_parts_are_refused_not_trusted() {
        let r = report(3);
        let parts = split(r, 2).unwrap();
        assert!(Rebuild::start(b"{not json", parts.text.clone()).is_err());
        assert!(Rebuild::start(&parts.meta, vec![0xff, 0xfe]).is_err());
        // a long text (checked in SIMD blocks) with one broken byte in the middle
        let mut long = "各位代表：".repeat(200).into_bytes();
        long[1500] = 0xff;
        assert!(Rebuild::start(&parts.meta, long).is_err());
        let mut b = Rebuild::start(&parts.meta, b"short".to_vec()).unwrap();
        assert!(b
            .add(&parts.chunks[0])
            .unwrap_err()
            .contains("outside the text"));
        let mut b = Rebuild::start(&parts.meta, parts.text).unwrap();
        assert!(b.add(b"[{\"id\":1}]").is_err());
        assert!(b.add(&[0xff; 40]).is_err());
        assert_eq!(b.indicators(), 0);
    }

    #[test]
    fn errors_travel() {
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
            assert_eq!(error_from_bytes(&error_bytes(&e)), Some(e));
        }
        assert_eq!(error_from_bytes(b"\x09nonsense"), None);
        assert_eq!(error_from_bytes(b""), None);
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
        let r = parse_staged("a.txt", bytes.to_vec(), &mut |s, f| seen.push((s, f))).unwrap();
        assert!(r.report.text.contains("1230"));
        // UTF-8: the page has the text in the bytes; GBK: the decoded text comes back
        assert_eq!(r.input, None);
        let gbk = include_bytes!("../tests/fixtures/national-2015-gbk.txt").to_vec();
        let g = parse_staged("g.txt", gbk.clone(), &mut |_, _| {}).unwrap();
        let decoded = crate::report::decode_input(&gbk).unwrap();
        assert_eq!(g.input.as_deref(), Some(decoded.text.as_str()));
        assert_eq!(g.report, crate::report::parse("g.txt", &gbk).unwrap());
        assert!(seen.windows(2).all(|w| w[0].1 <= w[1].1), "{seen:?}");
        assert_eq!(seen.last().map(|s| s.0), Some(Stage::Packing));
        assert_eq!(
            parse_staged("e.txt", Vec::new(), &mut |_, _| {}),
            Err(OpenError::Empty)
        );
    }
}
