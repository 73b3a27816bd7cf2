//! Indicator extraction: every quantitative statement with its meaning and source clause.

use super::model::{Indicator, SectionKind, Span};

/// One outline node as the extractor sees it (flat, spans in the analysis text).
#[derive(Clone, Debug)]
pub struct SectionInfo {
    pub id: String,
    pub level: u8,
    pub kind: SectionKind,
    pub heading: String,
    /// Whole section in the analysis (normalised) text.
    pub span: Span,
}

/// What the extractor is given.
#[derive(Clone, Debug)]
pub struct Context<'a> {
    /// Normalised analysis text: half-width digits/letters/punctuation (`%`, `.`, `:`),
    /// no spaces inside words/numbers, no page footers; line breaks kept as `\n`.
    pub text: &'a str,
    /// Flattened outline, in document order (parents before children).
    pub sections: &'a [SectionInfo],
    pub report_year: Option<i32>,
    pub review_year: Option<i32>,
}

/// Extract all indicators. Spans (`span`, `sentence_span`) are byte ranges into
/// `ctx.text`; the pipeline maps them to the display text and re-fills `sentence`.
pub fn extract(_ctx: &Context<'_>) -> Vec<Indicator> {
    Vec::new()
}
