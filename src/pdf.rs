//! PDF → text, for the page's PDF worker (`src/pdf_worker.rs`) and the CLI: the text a
//! PDF shows, one line per printed line as `pdftotext` gives it, which the report parser
//! then reads like any text taken from a PDF (the normaliser joins the wrapped lines).
//!
//! The reading is pdf-extract's (over lopdf): a third-party reader of a format with many
//! dialects, which may fail on a PDF it does not understand and may panic. So it never
//! runs inside the report parser (which must not panic, and is fuzzed to prove it): the
//! page runs it in a worker of its own, whose death it reports as a message, and the CLI
//! behind `catch_unwind`. No web crates here.

/// Whether the bytes are a PDF file (`%PDF-` at the start).
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes.starts_with(b"%PDF-")
}

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq)]
pub enum PdfError {
    /// The reader could not read it (damaged, encrypted, a dialect it does not know).
    Unreadable(String),
    /// It reads, but holds (almost) no text: pages scanned as pictures.
    NoText,
    /// It draws text, but its fonts do not say which characters they draw (no ToUnicode
    /// map): what comes out is nothing, or symbols rather than the report's words.
    NoCharMap,
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Unreadable(why) => write!(f, "the PDF cannot be read ({why})"),
            PdfError::NoText => write!(f, "the PDF holds no text (scanned pages?)"),
            PdfError::NoCharMap => write!(f, "the PDF's fonts do not say which characters they draw (no ToUnicode map), so its text cannot be read"),
        }
    }
}

/// Fewer letters than this (Chinese characters or ASCII letters and digits) is no text.
const MIN_LETTERS: usize = 20;

/// The text of a PDF. Panics where the reader panics: call it where a panic is contained
/// (a worker of its own, [`read_guarded`]).
pub fn read(bytes: &[u8]) -> Result<String, PdfError> {
    let unreadable = |e: &dyn std::fmt::Display| PdfError::Unreadable(e.to_string());
    let mut doc = pdf_extract::Document::load_mem(bytes).map_err(|e| unreadable(&e))?;
    if doc.is_encrypted() {
        // (encrypted with an empty user password is still readable)
        doc.decrypt("").map_err(|e| unreadable(&e))?;
    }
    let mut lines = Lines::default();
    pdf_extract::output_doc(&doc, &mut lines).map_err(|e| unreadable(&e))?;
    drop(doc);
    lines.finish();
    let mut text = std::mem::take(&mut lines.out);
    text.push('\n');
    let letters = text.chars().filter(|c| c.is_alphanumeric()).take(MIN_LETTERS).count();
    if letters < MIN_LETTERS {
        // text drawn, but in glyphs the fonts name no characters for
        return Err(if lines.unmapped >= MIN_LETTERS { PdfError::NoCharMap } else { PdfError::NoText });
    }
    if garbled(&text) {
        return Err(PdfError::NoCharMap);
    }
    Ok(text)
}

/// Text that is symbols rather than words: almost no Chinese characters (under 2 % of
/// the printed chars) and a quarter or more of them ASCII punctuation, Latin-1 symbols
/// and letters, private-use or replacement chars, which is what glyph numbers read
/// through a font's built-in encoding give. (English prose has a few percent of
/// punctuation and no Latin-1; a report's text is mostly Chinese.)
fn garbled(text: &str) -> bool {
    let (mut all, mut cjk, mut odd) = (0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        if ('\u{4E00}'..='\u{9FFF}').contains(&c) {
            cjk += 1;
        } else if (c.is_ascii() && !c.is_ascii_alphanumeric())
            || ('\u{80}'..='\u{2FF}').contains(&c)
            || ('\u{E000}'..='\u{F8FF}').contains(&c)
            || c == '\u{FFFD}'
        {
            odd += 1;
        }
    }
    cjk * 50 < all && odd * 4 >= all
}

/// [`read`] with the reader's panics caught (native code: the CLI, tests).
pub fn read_guarded(bytes: &[u8]) -> Result<String, PdfError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| read(bytes)))
        .unwrap_or_else(|_| Err(PdfError::Unreadable("the PDF reader failed on this file".into())))
}

/// The characters the reader places on a page, written as paragraphs (once all pages are
/// read, without their running headers and footers: [`Lines::finish`]): a printed line
/// that reaches the right margin without ending a sentence goes on in the next line when
/// that one is not indented (also across a page break), as in the report's own text; so
/// does one filled to the margin that ends a sentence, unless a numbered heading follows.
/// Otherwise a line ends with a line break, and a first-line indent (`　　`) marks a line
/// that starts right of the left margin. A space marks a gap inside a line as wide as a
/// space between Latin letters or digits (not the gaps a justified line spreads between
/// Chinese characters, nor those set between a Chinese character and a digit); page numbers
/// (`－ 2 －`) are dropped. Line spacing does not matter (official documents set lines 1.75
/// font sizes apart, which pdf-extract's own writer takes for paragraph gaps).
#[derive(Default)]
struct Lines {
    out: String,
    /// This page's lines: (left x, font size, right x, right x of the first word, text).
    /// The first word: a run of Latin letters, digits and their punctuation (`13.6%`), or
    /// one Chinese character, with the punctuation after it (`，`): what a line cannot
    /// break inside.
    page: Vec<(f64, f64, f64, f64, String)>,
    /// Where each of this page's lines is (y of its first char; up is more).
    page_y: Vec<f64>,
    /// The pages read so far, each its lines and their y, written out at the end (a
    /// running header or footer is known only by its coming back page after page).
    pages: Vec<(Vec<(f64, f64, f64, f64, String)>, Vec<f64>)>,
    /// Still inside the current line's first word.
    in_first_word: bool,
    last_y: f64,
    last_end: f64,
    last_ascii: bool,
    word_start: bool,
    /// The last line written reached the right margin and did not end a sentence: it goes
    /// on in the next one (unless that one is indented).
    goes_on: bool,
    /// The last line written ended a sentence.
    ended_sentence: bool,
    /// Where the last line written ends (x).
    last_line_end: f64,
    /// The last line written reached the right margin (within a char).
    last_full: bool,
    /// The pages' left and right margins (x), from the last page with enough lines.
    margins: Option<(f64, f64)>,
    /// Glyphs drawn for which the font names no character.
    unmapped: usize,
}

/// The value most of `xs` lie near (within `width`), from the group with the most: its
/// smallest (`low`) or largest value.
fn common(xs: &[f64], width: f64, low: bool) -> Option<f64> {
    let mut v: Vec<f64> = xs.iter().copied().filter(|x| x.is_finite()).collect();
    v.sort_by(f64::total_cmp);
    let mut best: Option<(usize, f64)> = None;
    // (a window sliding over the sorted values: linear after the sort, however many)
    let mut j = 0;
    for (k, &x) in v.iter().enumerate() {
        j = j.max(k);
        while j + 1 < v.len() && v[j + 1] - x <= width {
            j += 1;
        }
        let run = j - k + 1;
        if best.is_none_or(|(n, _)| run > n) {
            best = Some((run, if low { x } else { v[j] }));
        }
    }
    best.map(|(_, x)| x)
}

/// A page number on a line of its own: `2`, `－ 2 －`, `- 12 -`, `— 3 —`.
fn is_page_number(t: &str) -> bool {
    let core = t.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '－' | '—' | '–' | '·'));
    !core.is_empty() && core.len() <= 4 && core.bytes().all(|b| b.is_ascii_digit())
}

/// A line's text with its numbers as `#`: a running header or footer is the same line
/// page after page but for its page number (and a print date's digits).
fn furniture_key(text: &str) -> String {
    let mut k = String::with_capacity(text.len());
    for c in text.trim().chars().filter(|c| !c.is_whitespace()) {
        if c.is_ascii_digit() {
            if !k.ends_with('#') {
                k.push('#');
            }
        } else {
            k.push(c);
        }
    }
    k
}

impl Lines {
    /// Write every page out, without its running header and footer: the top or bottom
    /// line of a page whose text, numbers aside, is the top or bottom line of half the
    /// pages or more (at least two): a browser's print date, title and address, a page
    /// `3/14`. (On the first page a line with no digits stays: a title set as a running
    /// header is still the report's title there.)
    fn finish(&mut self) {
        let pages = std::mem::take(&mut self.pages);
        // each page's top and bottom lines (by y: drawing order need not be reading order)
        let ends: Vec<[Option<usize>; 2]> = pages
            .iter()
            .map(|(lines, ys)| {
                let live = |k: &usize| !lines[*k].4.trim().is_empty() && !is_page_number(lines[*k].4.trim());
                let top = (0..ys.len()).filter(live).max_by(|a, b| ys[*a].total_cmp(&ys[*b]));
                let bottom = (0..ys.len()).filter(live).min_by(|a, b| ys[*a].total_cmp(&ys[*b]));
                [top, bottom.filter(|b| Some(*b) != top)]
            })
            .collect();
        let mut count: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        for (p, e) in ends.iter().enumerate() {
            let mut keys: Vec<String> = e.iter().flatten().map(|&k| furniture_key(&pages[p].0[k].4)).collect();
            keys.dedup();
            for k in keys.into_iter().filter(|k| k.chars().count() >= 2) {
                *count.entry(k).or_default() += 1;
            }
        }
        let enough = (pages.len() / 2).max(2);
        for (p, (mut lines, _)) in pages.into_iter().enumerate() {
            let mut drop: Vec<usize> = ends[p]
                .iter()
                .flatten()
                .copied()
                .filter(|&k| count.get(&furniture_key(&lines[k].4)).is_some_and(|&n| n >= enough))
                .filter(|&k| p > 0 || lines[k].4.bytes().any(|b| b.is_ascii_digit()))
                .collect();
            drop.sort_unstable();
            for k in drop.into_iter().rev() {
                lines.remove(k);
            }
            self.page = lines;
            self.flush_page();
        }
    }

    fn flush_page(&mut self) {
        let size = common(&self.page.iter().map(|l| l.1).collect::<Vec<_>>(), 0.5, true).unwrap_or(12.0).max(1.0);
        // (a page of a few lines shows no margins: the last full page's stand)
        if self.page.len() >= 6 || self.margins.is_none() {
            let left = common(&self.page.iter().map(|l| l.0).collect::<Vec<_>>(), 2.0, true).unwrap_or(0.0);
            // the right margin: where most of the long lines end (short ones are headings
            // and paragraphs' last lines)
            let widest = self.page.iter().map(|l| l.2).fold(left, f64::max);
            let long: Vec<f64> = self.page.iter().map(|l| l.2).filter(|&e| e >= left + (widest - left) * 0.6).collect();
            let right = common(&long, size, false).unwrap_or(widest);
            self.margins = Some((left, right));
        }
        let (left, right) = self.margins.unwrap_or((0.0, f64::MAX));
        for (x, _, end, word_end, text) in std::mem::take(&mut self.page) {
            let text = text.trim();
            if text.is_empty() || is_page_number(text) {
                continue;
            }
            let indented = x > left + size * 1.5;
            // a line cannot start with closing punctuation or a unit: the line before goes on
            let continues = text.starts_with(['%', '‰', '，', '。', '、', '；', '：', '）', '”', '’', ',', '.', ')']);
            // … or its first word would not have fitted at the end of the line before
            let no_room = self.last_line_end + (word_end - x) > right - size * 0.5;
            // A line filled to the margin that ends a sentence goes on too, unless the next
            // starts a numbered heading: a document whose paragraphs have no first-line
            // indent (often a Word file printed to PDF) shows a new paragraph only by a line
            // that stops short, and a paragraph's lines end with 。 at the margin far more
            // often than a paragraph ends there.
            let filled = self.ended_sentence && self.last_full && crate::report::outline::scan_number(text).is_none();
            let join = !self.out.is_empty() && !indented && ((!self.ended_sentence && (self.goes_on || continues || no_room)) || filled);
            if !join && !self.out.is_empty() {
                self.out.push('\n');
            }
            if indented {
                self.out.push_str("\u{3000}\u{3000}");
            }
            self.out.push_str(text);
            self.ended_sentence = text.ends_with(['。', '！', '？', '；', '：', ':', '!', '?', ';']);
            // (the reader's widths of Latin letters and digits can run long: a line holding
            // them may end past the margin; one without reaches it within a char or two
            // where a longer word or number did not fit)
            self.goes_on = end >= right - size * 3.0;
            // (reached the margin within a char: a justified or a filled line, not a
            // paragraph's last line that happens to end near it)
            self.last_full = end >= right - size;
            self.last_line_end = end;
        }
    }
}

impl pdf_extract::OutputDev for Lines {
    fn begin_page(&mut self, _: u32, _: &pdf_extract::MediaBox, _: Option<(f64, f64, f64, f64)>) -> Result<(), pdf_extract::OutputError> {
        self.page.clear();
        self.page_y.clear();
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), pdf_extract::OutputError> {
        let page = (std::mem::take(&mut self.page), std::mem::take(&mut self.page_y));
        self.pages.push(page);
        Ok(())
    }

    fn output_character(&mut self, trm: &pdf_extract::Transform, width: f64, _: f64, font_size: f64, ch: &str) -> Result<(), pdf_extract::OutputError> {
        // (a glyph the font gives no character for comes as an empty string)
        self.unmapped += usize::from(ch.is_empty());
        let size = font_size * (trm.m11 * trm.m22 - trm.m12 * trm.m21).abs().sqrt();
        let (x, y) = (trm.m31, trm.m32);
        let ascii = ch.is_ascii();
        let new_line = match self.page.last() {
            None => true,
            // down (or up: another column) by half a size, back to the left or far down
            Some(_) => self.word_start && (y - self.last_y).abs() > size * 0.5 && (x < self.last_end || (y - self.last_y).abs() > size * 1.5),
        };
        if new_line {
            self.page.push((x, size, x, x, String::new()));
            self.page_y.push(y);
            self.in_first_word = true;
        } else if self.word_start && x > self.last_end + size * if ascii && self.last_ascii { 0.2 } else { 0.6 } {
            // (a space between Latin letters or digits is a fifth of a size or more; the
            // gap an office suite sets between a Chinese character and a digit, `2024 年`,
            // is spacing, not a space)
            if let Some(l) = self.page.last_mut() {
                l.4.push(' ');
            }
            self.in_first_word = false;
        }
        if let Some(l) = self.page.last_mut() {
            let closing = ch.starts_with(['，', '。', '、', '；', '：', '）', '”', '’', '%', '‰', ',', '.', ')', ';', ':']);
            if self.in_first_word {
                // the word goes on: Latin after Latin, closing punctuation after anything
                let goes_on = l.4.is_empty() || closing || (ascii && l.4.is_ascii());
                if goes_on {
                    l.3 = x + width * size;
                } else {
                    self.in_first_word = false;
                }
            }
            l.4.push_str(ch);
            l.2 = x + width * size;
        }
        self.word_start = false;
        self.last_y = y;
        self.last_end = x + width * size;
        self.last_ascii = ascii;
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        self.word_start = true;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), pdf_extract::OutputError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_a_pdf_or_a_broken_one_is_an_error_not_a_panic() {
        assert!(!is_pdf(b"\xEF\xBB\xBF%PDF-1.4"));
        assert!(is_pdf(b"%PDF-1.7\n"));
        assert!(matches!(read_guarded(b"%PDF-1.4\n%%EOF\n"), Err(PdfError::Unreadable(_))));
        assert!(is_page_number("－ 2 －") && is_page_number("12") && !is_page_number("2024年"));
        assert_eq!(common(&[72.0, 72.5, 90.0, 71.8, 300.0], 2.0, true), Some(71.8));
        assert_eq!(common(&[530.0, 539.5, 300.0, 538.0, 120.0], 12.0, false), Some(539.5));
        assert_eq!(common(&[], 2.0, true), None);
        // many equal values: linear, not quadratic
        assert_eq!(common(&vec![5.0; 200_000], 2.0, true), Some(5.0));
        assert!(matches!(read_guarded(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"), Err(_)));
        // a running header or footer is the same line but for its numbers
        assert_eq!(furniture_key("12/8/26, 12:59 AM 政府工作报告_海澜市人民政府"), "#/#/#,#:#AM政府工作报告_海澜市人民政府");
        assert_eq!(furniture_key("file:///tmp/r.html 2/13"), furniture_key("file:///tmp/r.html 13/13"));
        // glyph numbers read as Latin-1: symbols; a report, or English prose, is words
        assert!(garbled("! \"#$ %& '( )*9:;< =>+ ),-. )/, 01234567 ?@ ABCDEFGHIJ KLIMNO )PA*QRSTU>VWXYI= <*QZ[\\]^_`a bcdef ghijklm)noDEHIJ ˆ‰Š‹>Œ•G•)Z[\\Ž••‘"));
        assert!(!garbled("政府工作报告。2024年，全市地区生产总值增长5.6%。"));
        assert!(!garbled("The report, read in full: output grew by 5.6% (estimate) in 2024; jobs rose."));
    }
}
