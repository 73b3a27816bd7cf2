//! The data model every other module shares: a parsed [`Report`], its outline
//! ([`Section`]) and its quantitative [`Indicator`]s.
//!
//! JSON field names here are a public contract (CLI output, exports, users'
//! scripts): rename nothing.
//!
//! Offsets: every [`Span`] in a [`Report`] is a byte range into
//! [`Report::text`] (the cleaned display text). Conversions to the decoded
//! original text and to UTF-16 (JavaScript) offsets live in
//! [`crate::report::span`] and nowhere else.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a text; both ends fall on char boundaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Administrative level of the government that gives the report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    National,
    Provincial,
    City,
    Prefecture,
    League,
    County,
}

/// Who delivers the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Speaker {
    /// e.g. 刘永湘; null when the text does not say.
    pub name: Option<String>,
    /// e.g. 市长, 国务院总理, 市人民政府市长.
    pub title: Option<String>,
}

/// One step of cleaning, listed to the user ("cleaned" notice).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CleanStep {
    /// Stable machine key, e.g. `duplicate_copies`, `web_furniture`, `escape_text`,
    /// `fullwidth`, `cn_dates`, `pdf_spaces`, `page_footers`, `footnote_markers`, `line_endings`.
    pub kind: String,
    /// How many occurrences were handled.
    pub count: usize,
    /// Human-readable description (Chinese), e.g. `删除重复副本 7 份`.
    pub detail: String,
}

/// What a part of the report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SectionKind {
    /// Review of the past year or past five years.
    Review,
    /// The coming year: targets and tasks.
    Plan,
    /// Goals for the coming five years.
    FiveYear,
    /// The government's own work style (政府自身建设).
    #[serde(rename = "self")]
    SelfBuild,
    Other,
}

/// A node of the outline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// Stable id within the report, e.g. `s1`, `s1.2`, `s1.2.3`.
    pub id: String,
    /// Depth: 1 = part (一、), 2 = （一）, 3 = 1., 4 = （1）/①, 5 = lead sentence.
    pub level: u8,
    /// The numbering as written (`一`, `（一）`, `1.`, `①`), empty for unnumbered headings.
    pub number: String,
    /// Heading text without the number.
    pub heading: String,
    pub kind: SectionKind,
    /// Whole section, heading included, in [`Report::text`].
    pub span: Span,
    /// The heading alone, in [`Report::text`].
    pub heading_span: Span,
    pub children: Vec<Section>,
}

/// What sort of quantity an indicator states.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Level,
    Growth,
    Share,
    Rate,
    Ratio,
    Multiple,
    Count,
    Index,
    Relative,
}

/// Whether a figure reports what happened or what is aimed for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Actual,
    Estimate,
    Target,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

/// A number or a `[low, high]` range (ratios keep all their parts in `parts`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Value {
    Number(f64),
    Range([f64; 2]),
}

impl Value {
    pub fn low(&self) -> f64 {
        match self {
            Value::Number(v) => *v,
            Value::Range([lo, _]) => *lo,
        }
    }
    pub fn high(&self) -> Option<f64> {
        match self {
            Value::Number(_) => None,
            Value::Range([_, hi]) => Some(*hi),
        }
    }
}

/// One quantitative statement of the report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// `i1`, `i2`, … in text order.
    pub id: String,
    /// Subject as the report names it, e.g. 地区生产总值.
    pub name: String,
    /// Canonical key (`gdp`, `retail_sales`, …) where one applies.
    pub indicator: Option<String>,
    pub measure: Measure,
    pub value: Value,
    /// Unit as written: 亿元, %, 个百分点, 万人 …
    pub unit: String,
    /// Value in the base unit where a scale applies (万亿元 → 亿元 × 10⁴).
    pub value_base: Option<f64>,
    /// 以上 / 以内 / 左右 / 突破 / 力争 / 约 / 低于 / 高于 / 控制在 …
    pub qualifier: Option<String>,
    pub direction: Option<Direction>,
    pub status: Status,
    /// The single year the figure describes.
    pub year: Option<i32>,
    /// `2012-2016` for 年均/累计 figures, `2021` for a five-year goal.
    pub period: Option<String>,
    /// 全省, 全国 … for relative targets.
    pub relative_to: Option<String>,
    /// For ratios (三次产业结构 12.7：58.8：28.5): every part.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parts: Vec<f64>,
    /// Outline node id (see [`Section::id`]).
    pub section: Option<String>,
    /// The clause as written (display text).
    pub sentence: String,
    /// The number itself, in [`Report::text`].
    pub span: Span,
    /// The clause, in [`Report::text`].
    pub sentence_span: Span,
}

/// A non-fatal remark from parsing ("no title block found", …).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub kind: String,
    pub message: String,
}

/// A parsed report. Parsing never fails once bytes are decoded: missing fields are `None`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub file: String,
    /// Encoding used to decode: `UTF-8`, `UTF-16LE`, `GBK`, `GB18030`, `docx`, `html` …
    pub encoding: String,
    /// How many copies of the report the file held (1 = normal).
    pub copies: usize,
    /// The cleaning log.
    pub removed: Vec<CleanStep>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub meeting: Option<String>,
    pub speaker: Option<Speaker>,
    pub region: Option<String>,
    pub level: Option<Level>,
    pub report_year: Option<i32>,
    pub review_year: Option<i32>,
    /// False for text that does not look like a work report (shown as plain paragraphs).
    pub looks_like_report: bool,
    pub sections: Vec<Section>,
    pub indicators: Vec<Indicator>,
    pub diagnostics: Vec<Diagnostic>,
    /// The cleaned display text; all spans point here. Not serialised in CLI JSON.
    #[serde(skip)]
    pub text: String,
}

/// Why bytes could not be opened as a report at all.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum OpenError {
    Empty,
    TooLarge { bytes: usize, limit: usize },
    Binary { what: String },
    BrokenDocx { reason: String },
    ZipBomb { limit: usize },
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Empty => write!(f, "the file is empty"),
            OpenError::TooLarge { bytes, limit } => write!(
                f,
                "the file is {:.1} MB, over the {} MB limit",
                *bytes as f64 / 1e6,
                limit / 1_000_000
            ),
            OpenError::Binary { what } => write!(f, "not a text report: {what}"),
            OpenError::BrokenDocx { reason } => write!(f, "broken Word file: {reason}"),
            OpenError::ZipBomb { limit } => write!(
                f,
                "the .docx inflates to more than {} MB; refused",
                limit / 1_000_000
            ),
        }
    }
}

impl std::error::Error for OpenError {}
