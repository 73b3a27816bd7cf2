//! Keyword frequency: how often terms (改革, 创新, 数字经济 …) occur in a report, in
//! total and per top-level section.
//!
//! Matching is exact substring matching on a normalised text (full-width ASCII folded to
//! half-width, ASCII letters lower-cased, spaces removed — PDF text puts spaces inside
//! words — line breaks kept as barriers), counting non-overlapping occurrences left to
//! right (`改革改革改革` holds `改革改革` once). Linear in the text: one `memmem` finder per term.

use memchr::memmem;
use serde::Serialize;

use crate::report::Report;

/// Split what the user typed into terms: separated by commas (`,` `，` `、`), semicolons,
/// or white space; normalised; empty and repeated terms dropped; order kept.
pub fn parse_terms(input: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for raw in input.split(|c: char| matches!(c, ',' | '，' | '、' | ';' | '；' | '|') || c.is_whitespace()) {
        let t = normalise(raw);
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// Fold one char for matching: None = drop it.
fn fold(c: char) -> Option<char> {
    match c {
        '\n' => Some('\n'),
        '\u{3000}' => None,
        c if c.is_whitespace() => None,
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).map(|c| c.to_ascii_lowercase()),
        c => Some(c.to_ascii_lowercase()),
    }
}

/// The normalised form of a text (see the module doc).
pub fn normalise(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    out.extend(s.chars().filter_map(fold));
    out
}

/// Non-overlapping occurrences of `needle` in `hay` (0 for an empty needle).
pub fn count(hay: &str, needle: &str) -> usize {
    if needle.is_empty() {
        return 0;
    }
    memmem::find_iter(hay.as_bytes(), needle.as_bytes()).count()
}

/// Counts in one part of a report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PartCount {
    /// Section id (`s1`), or `""` for the text before the first section.
    pub section: String,
    /// Heading (empty for the text before the first section).
    pub heading: String,
    /// One count per term, in term order.
    pub counts: Vec<usize>,
}

/// Counts of every term in one report.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct KeywordCounts {
    pub terms: Vec<String>,
    /// Whole report, one per term.
    pub total: Vec<usize>,
    /// Per top-level section, in text order (parts with no text are left out).
    pub parts: Vec<PartCount>,
    /// Length of the normalised text in chars (to compare reports of different lengths).
    pub chars: usize,
}

/// Count `terms` (already normalised, e.g. from [`parse_terms`]) in `report`.
pub fn count_report(report: &Report, terms: &[String]) -> KeywordCounts {
    let text = report.text.as_str();
    let finders: Vec<Option<memmem::Finder<'_>>> =
        terms.iter().map(|t| (!t.is_empty()).then(|| memmem::Finder::new(t.as_bytes()))).collect();
    // Cut the text at the edges of the top-level sections (sorted, clamped, non-overlapping).
    let mut cuts: Vec<(usize, usize, String, String)> = Vec::new();
    let mut pos = 0usize;
    let mut secs: Vec<_> = report.sections.iter().filter(|s| s.span.start < s.span.end).collect();
    crate::sort::sort_by_key(&mut secs, |s| s.span.start);
    for s in secs {
        let start = s.span.start.max(pos).min(text.len());
        let end = s.span.end.min(text.len());
        if start > pos {
            cuts.push((pos, start, String::new(), String::new()));
        }
        if end > start {
            cuts.push((start, end, s.id.clone(), s.heading.clone()));
            pos = end;
        }
    }
    if pos < text.len() {
        cuts.push((pos, text.len(), String::new(), String::new()));
    }
    let mut total = vec![0usize; terms.len()];
    let mut parts: Vec<PartCount> = Vec::new();
    let mut chars = 0usize;
    for (start, end, id, heading) in cuts {
        let Some(slice) = text.get(start..end) else { continue };
        let norm = normalise(slice);
        chars += norm.chars().count();
        let counts: Vec<usize> =
            finders.iter().map(|f| f.as_ref().map_or(0, |f| f.find_iter(norm.as_bytes()).count())).collect();
        for (t, c) in total.iter_mut().zip(&counts) {
            *t += c;
        }
        // Text outside any section is merged into one leading "other" part.
        if id.is_empty() {
            if let Some(p) = parts.iter_mut().find(|p| p.section.is_empty()) {
                for (a, c) in p.counts.iter_mut().zip(&counts) {
                    *a += c;
                }
                continue;
            }
        }
        parts.push(PartCount { section: id, heading, counts });
    }
    KeywordCounts { terms: terms.to_vec(), total, parts, chars }
}

/// Counts per term per report as CSV (`file,label,term,count,per_10k_chars`).
pub fn to_csv(labels: &[String], files: &[String], counts: &[KeywordCounts]) -> String {
    let mut out = String::from("file,label,term,count,per_10k_chars\n");
    for ((label, file), kc) in labels.iter().zip(files).zip(counts) {
        for (t, c) in kc.terms.iter().zip(&kc.total) {
            let per = if kc.chars > 0 { *c as f64 * 10_000.0 / kc.chars as f64 } else { 0.0 };
            out.push_str(&format!(
                "{},{},{},{},{}\n",
                crate::panel::csv_field(file),
                crate::panel::csv_field(label),
                crate::panel::csv_field(t),
                c,
                crate::panel::fmt_num((per * 100.0).round() / 100.0)
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_split_and_normalise() {
        assert_eq!(parse_terms("改革, 创新，数字经济 高质量发展、改革"), ["改革", "创新", "数字经济", "高质量发展"]);
        assert_eq!(parse_terms("ＧＤＰ；  "), ["gdp"]);
        assert!(parse_terms(" ,， ").is_empty());
    }

    #[test]
    fn counts_non_overlapping() {
        assert_eq!(count("改革改革改革", "改革"), 3);
        assert_eq!(count("改革改革改革", "改革改革"), 1);
        assert_eq!(count("aaaaa", "aa"), 2);
        assert_eq!(count("深化改革", ""), 0);
        assert_eq!(count(&normalise("深 化 改 革"), "改革"), 1);
        assert_eq!(count(&normalise("改\n革"), "改革"), 0);
    }
}
