//! Parsing: decoding, cleaning, outline, numbers, indicators.
//!
//! Invariant: nothing under `report/` imports a web crate (leptos, web-sys,
//! wasm-bindgen, plotters); it is tested natively.
//!
//! Pipeline: bytes → [`decode_input`] ([`decode`], or [`docx`] / [`html`]) → [`clean`] (display text +
//! cleaning log) → [`normalize`] (analysis text) → [`title`] block + [`outline`] →
//! [`indicators`] → every span mapped back to [`Report::text`] with [`span`].

pub mod clean;
pub mod decode;
pub mod doc;
pub mod docx;
pub(crate) mod fxhash;
pub mod headline;
pub mod html;
pub mod indicators;
pub mod lanes;
pub mod mhtml;
pub mod model;
pub mod normalize;
pub mod outline;
mod par;
pub mod span;
pub mod title;

use std::borrow::Cow;

pub use model::*;
pub use outline::{flatten, section_at, section_kinds};

/// Largest input accepted, in bytes (stated to the user in MB).
pub const MAX_BYTES: usize = 60_000_000;

/// What well-known binary formats look like at their start.
pub fn sniff_binary(bytes: &[u8]) -> Option<&'static str> {
    let magic: [(&[u8], &str); 16] = [
        (b"\x89PNG", "PNG image"),
        (b"\xFF\xD8\xFF", "JPEG image"),
        (b"GIF87a", "GIF image"),
        (b"GIF89a", "GIF image"),
        (b"%PDF", "PDF (export the text first)"),
        (b"\x7FELF", "ELF executable"),
        (b"\x1F\x8B", "gzip archive"),
        (b"Rar!", "RAR archive"),
        (b"7z\xBC\xAF\x27\x1C", "7z archive"),
        (b"\xD0\xCF\x11\xE0", "old Office file (.xls/.ppt): save the report as .docx or .txt"),
        (b"{\\rtf", "RTF document: save it as .docx or .txt"),
        (b"OggS", "Ogg media"),
        (b"ID3", "MP3 audio"),
        (b"BM", ""),
        (b"MZ", ""),
        (b"RIFF", "RIFF media (audio/video)"),
    ];
    for (m, what) in magic {
        if bytes.starts_with(m) {
            if what.is_empty() {
                // short magics: only with binary bytes close by
                if bytes.iter().take(64).any(|&b| b == 0) {
                    return Some(if m == b"MZ" { "Windows executable" } else { "BMP image" });
                }
                continue;
            }
            return Some(what);
        }
    }
    if bytes.len() > 12 && &bytes[4..8] == b"ftyp" {
        return Some("MP4/MOV video");
    }
    if bytes.starts_with(b"\x00asm") {
        return Some("WebAssembly module");
    }
    None
}

/// Whether decoded text is really binary: many control chars or undecodable bytes.
///
/// Counted over bytes, not decoded chars: every char has one non-continuation byte;
/// the controls are the ASCII ones (one byte) and U+0080..U+009F (`C2 80..9F`), and
/// U+FFFD is `EF BF BD`.
fn looks_binary(text: &str) -> bool {
    let b = text.as_bytes();
    let (total, mut bad) = lanes::chars_and_controls(b);
    bad += memchr::memchr_iter(0xC2, b).filter(|&k| matches!(b.get(k + 1), Some(0x80..=0x9F))).count();
    bad += memchr::memmem::find_iter(b, "\u{FFFD}".as_bytes()).count();
    total > 0 && bad * 10 > total
}

/// A file's bytes decoded to the text the parser reads (before cleaning).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedInput {
    /// Word → paragraphs, HTML → article text, otherwise the decoded text.
    pub text: String,
    /// `UTF-8`, `GBK`, `docx`, `HTML (GBK)`, … (goes to [`Report::encoding`]).
    pub encoding: String,
    /// Problems met while decoding (e.g. `invalid_bytes`), appended to the report's.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether it took what only [`decode_input`] has (a Word file, an encoding other
    /// than valid UTF-8): [`decode_input_utf8`] would not have read it.
    pub legacy: bool,
}

/// The decoding steps of [`parse`]: size cap, empty input, Word, binary sniffing,
/// encoding detection, HTML `<meta charset>` and HTML → text. Anything that opens a
/// file the way [`parse`] does (e.g. a `#doc=` share link of the decoded text) uses
/// this, so `parse_text(file, &d.text, &d.encoding)` sees what `parse` sees.
pub fn decode_input(bytes: &[u8]) -> Result<DecodedInput, OpenError> {
    check_input(bytes)?;
    if docx::is_zip(bytes) {
        let text = docx::docx_text(bytes)?;
        if text.trim().is_empty() {
            return Err(OpenError::Empty);
        }
        return Ok(DecodedInput { text, encoding: "docx".into(), diagnostics: Vec::new(), legacy: true });
    }
    if doc::is_cfb(bytes) {
        let text = doc::doc_text(bytes)?;
        if text.trim().is_empty() {
            return Err(OpenError::Empty);
        }
        return Ok(DecodedInput { text, encoding: "doc".into(), diagnostics: Vec::new(), legacy: true });
    }
    if let Some(page) = mhtml::html_part(bytes) {
        return web_archive_input(page?);
    }
    if let Some(what) = sniff_binary(bytes) {
        return Err(OpenError::Binary { what: what.to_string() });
    }
    finish_input(bytes, decode::decode(bytes), Some(decode::decode_as))
}

/// A web archive's page ([`mhtml`]) read as a saved HTML page is: decoded with the
/// charset its part names, else detected (then its `<meta charset>`); `MHTML (GBK)`.
fn web_archive_input(page: mhtml::HtmlPart) -> Result<DecodedInput, OpenError> {
    let html = page.bytes;
    let d = page.charset.as_deref().and_then(|c| decode::decode_as(&html, c)).unwrap_or_else(|| decode::decode(&html));
    let mut d = finish_input(&html, d, Some(decode::decode_as))?;
    d.encoding = match d.encoding.strip_prefix("HTML ") {
        Some(inner) => format!("MHTML {inner}"),
        None => format!("MHTML ({})", d.encoding),
    };
    d.legacy = true;
    Ok(d)
}

/// [`decode_input`] for the inputs that need no decoding tables and no unzipping:
/// valid UTF-8 text (or HTML) — what the page's own wasm reads. `None` for a Word
/// file or any other encoding, which [`decode_input`] reads (in the page's worker).
/// When it answers, it answers as [`decode_input`] does.
pub fn decode_input_utf8(bytes: &[u8]) -> Option<Result<DecodedInput, OpenError>> {
    if let Err(e) = check_input(bytes) {
        return Some(Err(e));
    }
    if docx::is_zip(bytes) || doc::is_cfb(bytes) || mhtml::is_mhtml(bytes) {
        return None;
    }
    if let Some(what) = sniff_binary(bytes) {
        return Some(Err(OpenError::Binary { what: what.to_string() }));
    }
    let d = decode::decode_utf8(bytes)?;
    Some(finish_input(bytes, d, None))
}

/// The size cap and the empty check, before anything is decoded.
fn check_input(bytes: &[u8]) -> Result<(), OpenError> {
    if bytes.len() > MAX_BYTES {
        return Err(OpenError::TooLarge { bytes: bytes.len(), limit: MAX_BYTES });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(OpenError::Empty);
    }
    Ok(())
}

/// Decodes bytes with a named encoding ([`decode::decode_as`]).
type Recode = fn(&[u8], &str) -> Option<decode::Decoded>;

/// The steps after decoding: binary check, HTML (re-decoded with its `<meta charset>`
/// by `recode` when one is given and the bytes had no BOM and were not UTF-8), empty
/// check, diagnostics.
fn finish_input(
    bytes: &[u8],
    mut d: decode::Decoded,
    recode: Option<Recode>,
) -> Result<DecodedInput, OpenError> {
    if looks_binary(&d.text) {
        return Err(OpenError::Binary { what: "binary data, not text".into() });
    }
    let mut encoding = d.encoding.clone();
    if html::looks_like_html(&d.text) {
        if let Some(recode) = recode.filter(|_| !d.had_bom && d.encoding != "UTF-8") {
            if let Some(label) = html::meta_charset(bytes) {
                if let Some(d2) = recode(bytes, &label) {
                    d = d2;
                }
            }
        }
        encoding = format!("HTML ({})", d.encoding);
        d.text = html::html_to_text(&d.text);
    }
    if d.text.trim().is_empty() {
        return Err(OpenError::Empty);
    }
    let mut diagnostics = Vec::new();
    if d.replacement_count > 0 {
        diagnostics.push(Diagnostic {
            kind: "invalid_bytes".into(),
            message: format!("{} 处字节无法按 {} 解码，已替换为 �", d.replacement_count, d.encoding),
        });
    }
    Ok(DecodedInput { text: d.text, encoding, diagnostics, legacy: d.legacy })
}

/// Opens a file's bytes as a report: [`decode_input`], then [`parse_text`].
pub fn parse(file: &str, bytes: &[u8]) -> Result<Report, OpenError> {
    Ok(parse_input(file, decode_input(bytes)?))
}

/// [`parse`] of the bytes [`decode_input_utf8`] reads (the same report); `None` when
/// they need [`parse`].
pub fn parse_utf8(file: &str, bytes: &[u8]) -> Option<Result<Report, OpenError>> {
    Some(decode_input_utf8(bytes)?.map(|d| parse_input(file, d)))
}

/// [`parse`] of bytes the caller is done with: the bytes, then the decoded text, are
/// let go as soon as the next stage has read them (less memory at the peak for a
/// big file; the same report).
pub fn parse_owned(file: &str, bytes: Vec<u8>) -> Result<Report, OpenError> {
    let d = decode_input(&bytes)?;
    drop(bytes);
    Ok(parse_input(file, d))
}

/// The report of a decoded input, with the decoder's diagnostics; the text is let go
/// once cleaned.
pub fn parse_input(file: &str, d: DecodedInput) -> Report {
    let mut r = parse_decoded(file, Cow::Owned(d.text), &d.encoding);
    r.diagnostics.extend(d.diagnostics);
    r
}

/// [`parse_input`] for a caller that keeps the decoded text (the worker sends it back).
pub fn parse_input_kept(file: &str, d: &DecodedInput) -> Report {
    let mut r = parse_decoded(file, Cow::Borrowed(&d.text), &d.encoding);
    r.diagnostics.extend(d.diagnostics.iter().cloned());
    r
}

const REPORT_WORDS: [&str; 10] = ["各位代表", "政府工作", "人民代表大会", "地区生产总值", "国内生产总值", "工作回顾", "预期目标", "一般公共预算", "人民政府", "高质量发展"];

/// The encoding named for text read from a PDF ([`crate::pdf`]): its lines are the
/// PDF's printed lines, read as hard-wrapped whatever their number.
pub const PDF_ENCODING: &str = "PDF";

/// Parses text that is already decoded (pasted text, a decoded file). Never fails.
pub fn parse_text(file: &str, text: &str, encoding: &str) -> Report {
    parse_decoded(file, Cow::Borrowed(text), encoding)
}

/// [`parse_text`], letting go of an owned text once it is cleaned.
fn parse_decoded(file: &str, text: Cow<'_, str>, encoding: &str) -> Report {
    let cleaned = clean::clean(&text);
    drop(text);
    let norm = normalize::normalize_lines(&cleaned.text, encoding == PDF_ENCODING);
    let tb = title::parse_title_block(&cleaned.text, &norm.text);
    let opts = outline::OutlineOptions { soft_breaks: &norm.soft_breaks, report_year: tb.report_year, review_year: tb.review_year };
    let mut sections = outline::build(&norm.text, &opts);

    // a glossary after the report (名词解释) defines words; it states no indicators
    let body = &norm.text[..outline::body_end(&sections, &norm.text)];
    let infos: Vec<indicators::SectionInfo> = flatten(&sections)
        .into_iter()
        .filter(|s| s.span.start < body.len())
        .map(|s| indicators::SectionInfo { id: s.id.clone(), level: s.level, kind: s.kind, heading: s.heading.clone(), span: s.span })
        .collect();
    let ctx = indicators::Context { text: body, sections: &infos, report_year: tb.report_year, review_year: tb.review_year };
    let mut inds = indicators::extract(&ctx);
    let display = &cleaned.text;
    par::for_parts(&mut inds, par::pieces_for(display.len()), &|_, part| {
        // (indicators are in text order: each lookup starts where the one before ended)
        let (mut near_span, mut near_sentence) = (0, 0);
        for ind in part {
            ind.span = norm.map.map_span_near(ind.span, &mut near_span);
            ind.sentence_span = norm.map.map_span_near(ind.sentence_span, &mut near_sentence);
            if let Some(s) = display.get(ind.sentence_span.start..ind.sentence_span.end) {
                // reuse the allocation of the analysis-text sentence
                ind.sentence.clear();
                ind.sentence.push_str(s);
            }
        }
    });
    outline::map_spans(&mut sections, &|s| norm.map.map_span(s));
    // a table row's figures: the row's name, the column's status and year
    indicators::tables::apply(display, &mut inds, &sections);

    let vocab = REPORT_WORDS.iter().filter(|w| memchr::memmem::find(norm.text.as_bytes(), w.as_bytes()).is_some()).count();
    let looks_like_report = (!sections.is_empty() && vocab >= 1) || tb.meeting.is_some() || vocab >= 5;

    let mut diagnostics = Vec::new();
    if tb.title.is_none() && tb.meeting.is_none() && tb.speaker.is_none() {
        diagnostics.push(Diagnostic { kind: "no_title_block".into(), message: "未找到标题、会议和报告人（标题块）".into() });
    }
    if sections.is_empty() {
        diagnostics.push(Diagnostic { kind: "no_outline".into(), message: "未识别出章节结构".into() });
    }
    let mut removed = cleaned.steps;
    removed.extend(norm.steps);
    Report {
        file: file.to_string(),
        encoding: encoding.to_string(),
        copies: cleaned.copies,
        removed,
        title: tb.title,
        date: tb.date,
        meeting: tb.meeting,
        speaker: tb.speaker,
        region: tb.region,
        level: tb.level,
        report_year: tb.report_year,
        review_year: tb.review_year,
        looks_like_report,
        sections,
        indicators: inds,
        diagnostics,
        text: cleaned.text,
    }
}

/// Cleans text the way [`parse_text`] does (display text only); exposed for tests.
pub fn clean_text(text: &str) -> String {
    clean::clean(text).text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_errors() {
        assert_eq!(parse("a", b""), Err(OpenError::Empty));
        assert_eq!(parse("a", b"\x89PNG\r\n\x1a\n\0\0\0"), Err(OpenError::Binary { what: "PNG image".into() }));
        assert!(matches!(parse("a", b"%PDF-1.4"), Err(OpenError::Binary { .. })));
        let noise: Vec<u8> = (0..4000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect();
        assert!(matches!(parse("a", &noise), Err(OpenError::Binary { .. })));
    }

    /// The analysis text and flat outline [`parse_text`] gives the extractor.
    fn extractor_input(text: &str) -> (String, Vec<indicators::SectionInfo>, Option<i32>, Option<i32>) {
        let cleaned = clean::clean(text);
        let norm = normalize::normalize(&cleaned.text);
        let tb = title::parse_title_block(&cleaned.text, &norm.text);
        let opts = outline::OutlineOptions { soft_breaks: &norm.soft_breaks, report_year: tb.report_year, review_year: tb.review_year };
        let sections = outline::build(&norm.text, &opts);
        let infos = flatten(&sections)
            .into_iter()
            .map(|s| indicators::SectionInfo { id: s.id.clone(), level: s.level, kind: s.kind, heading: s.heading.clone(), span: s.span })
            .collect();
        (norm.text, infos, tb.report_year, tb.review_year)
    }

    #[test]
    fn a_table_row_takes_its_columns_status_and_year() {
        let text = "政府工作报告\n一、2023年工作回顾\n全州地区生产总值增长5.2%。\n二、2024年主要目标\n主要预期目标见下表：\n指标\t2023年完成\t2024年目标\n地区生产总值增速\t5.2%\t6%左右\n城镇新增就业（万人）\t3.1万人\t3万人以上\n三、加强政府自身建设\n坚持依法行政。\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let got: Vec<_> = r.indicators.iter().map(|i| (i.name.as_str(), i.indicator.as_deref(), i.status, i.year, i.value.low(), i.qualifier.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("地区生产总值", Some("gdp"), Status::Actual, Some(2023), 5.2, None),
                ("地区生产总值增速", Some("gdp"), Status::Actual, Some(2023), 5.2, None),
                ("地区生产总值增速", Some("gdp"), Status::Target, Some(2024), 6.0, Some("左右")),
                ("城镇新增就业", Some("urban_new_jobs"), Status::Actual, Some(2023), 3.1, None),
                ("城镇新增就业", Some("urban_new_jobs"), Status::Target, Some(2024), 3.0, Some("以上")),
            ],
            "{:#?}",
            r.indicators
        );
        // tab-aligned lines with no header naming columns are read as sentences
        let text = "政府工作报告\n一、2023年工作回顾\n全州地区生产总值增长5.2%。\n二、2024年主要目标\n项目\t说明\n地区生产总值\t增长6%左右\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let got: Vec<_> = r.indicators.iter().map(|i| (i.name.as_str(), i.status, i.year)).collect();
        assert_eq!(got, vec![("地区生产总值", Status::Actual, Some(2023)), ("地区生产总值", Status::Target, Some(2024))]);
    }

    #[test]
    fn a_tables_bare_numbers_take_the_unit_the_row_or_header_gives() {
        let text = "政府工作报告\n一、2023年工作回顾\n全州地区生产总值增长5.2%。\n二、2024年主要目标\n主要指标\n指标\t单位\t2023年完成\t2024年目标\n地区生产总值\t亿元\t4038\t4300左右\n地区生产总值增速\t%\t6.1\t6.5\n城镇调查失业率（%）\t\t4.8\t5.5以内\n项目个数\t个数\t120\t150\n三、加强政府自身建设\n坚持依法行政。\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let got: Vec<_> = r.indicators.iter().map(|i| (i.id.as_str(), i.name.as_str(), i.measure, i.status, i.year, i.value.low(), i.unit.as_str(), i.qualifier.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("i1", "地区生产总值", Measure::Growth, Status::Actual, Some(2023), 5.2, "%", None),
                ("i2", "地区生产总值", Measure::Level, Status::Actual, Some(2023), 4038.0, "亿元", None),
                ("i3", "地区生产总值", Measure::Level, Status::Target, Some(2024), 4300.0, "亿元", Some("左右")),
                ("i4", "地区生产总值增速", Measure::Growth, Status::Actual, Some(2023), 6.1, "%", None),
                ("i5", "地区生产总值增速", Measure::Growth, Status::Target, Some(2024), 6.5, "%", None),
                ("i6", "城镇调查失业率", Measure::Rate, Status::Actual, Some(2023), 4.8, "%", None),
                ("i7", "城镇调查失业率", Measure::Rate, Status::Target, Some(2024), 5.5, "%", Some("以内")),
            ],
            "{:#?}",
            r.indicators
        );
        // every figure points at its digits in the text, its sentence at its row
        for i in &r.indicators[1..] {
            let v = &r.text[i.span.start..i.span.end];
            assert!(v.parse::<f64>().is_ok(), "{v}");
            assert!(r.text[i.sentence_span.start..i.sentence_span.end].contains('\t'));
            assert_eq!(i.section.as_deref(), Some("s2"));
        }
        assert_eq!(r.indicators[2].indicator.as_deref(), Some("gdp"));
    }

    #[test]
    fn a_table_set_out_with_spaces_is_read_as_one_with_tabs() {
        // a table in text extracted from a PDF: columns of spaces, a growth column after the
        // year's level, and a target column holding the growth asked for
        let text = "政府工作报告\n一、2024年工作回顾\n全市经济运行总体平稳。\n二、2025年主要目标\n指标名称            单位      2024年完成    增长%     2025年目标\n地区生产总值        亿元      3250.6        6.1       6左右\n固定资产投资        亿元      —             5.3       6\n实际利用外资        亿美元    3.2           5.1       3.5\n三、加强政府自身建设\n坚持依法行政，  全面提高效能。\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let got: Vec<_> = r.indicators.iter().map(|i| (i.name.as_str(), i.measure, i.status, i.year, i.value.low(), i.unit.as_str(), i.qualifier.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                ("地区生产总值", Measure::Level, Status::Actual, Some(2024), 3250.6, "亿元", None),
                ("地区生产总值", Measure::Growth, Status::Actual, Some(2024), 6.1, "%", None),
                ("地区生产总值", Measure::Growth, Status::Target, Some(2025), 6.0, "%", Some("左右")),
                ("固定资产投资", Measure::Growth, Status::Actual, Some(2024), 5.3, "%", None),
                ("固定资产投资", Measure::Growth, Status::Target, Some(2025), 6.0, "%", None),
                ("实际利用外资", Measure::Level, Status::Actual, Some(2024), 3.2, "亿美元", None),
                ("实际利用外资", Measure::Growth, Status::Actual, Some(2024), 5.1, "%", None),
                ("实际利用外资", Measure::Level, Status::Target, Some(2025), 3.5, "亿美元", None),
            ],
            "{:#?}",
            r.indicators
        );
        for i in &r.indicators {
            assert!(r.text[i.span.start..i.span.end].parse::<f64>().is_ok());
        }
    }

    #[test]
    fn a_table_names_its_rows_by_the_indicator_column() {
        // a numbered, grouped table: 序号 and 类别 before the names, groups blank below their first row
        let text = "政府工作报告\n二、2025年主要目标\n序号\t类别\t主要指标\t单位\t2024年完成\t2025年目标\n1\t经济发展\t地区生产总值增速\t%\t6.1\t6左右\n2\t\t一般公共预算收入增速\t%\t4.2\t4\n3\t民生福祉\t城镇新增就业\t万人\t6.5\t6\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let got: Vec<_> = r.indicators.iter().map(|i| (i.name.as_str(), i.status, i.value.low())).collect();
        assert_eq!(
            got,
            vec![
                ("地区生产总值增速", Status::Actual, 6.1),
                ("地区生产总值增速", Status::Target, 6.0),
                ("一般公共预算收入增速", Status::Actual, 4.2),
                ("一般公共预算收入增速", Status::Target, 4.0),
                ("城镇新增就业", Status::Actual, 6.5),
                ("城镇新增就业", Status::Target, 6.0),
            ],
            "{:#?}",
            r.indicators
        );
    }

    #[test]
    fn a_spaced_row_that_left_out_a_blank_cell_keeps_its_columns() {
        // spaces leave no cell for a blank group or value: cells go under the nearest head
        let text = "政府工作报告\n二、2025年主要目标\n类别        指标                    单位      2024年完成    2025年目标\n经济发展    地区生产总值增速        %         6.1           6左右\n            一般公共预算收入        亿元      265.3         275\n            固定资产投资增速        %                       5\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let got: Vec<_> = r.indicators.iter().map(|i| (i.name.as_str(), i.status, i.value.low(), i.unit.as_str())).collect();
        assert_eq!(
            got,
            vec![
                ("地区生产总值增速", Status::Actual, 6.1, "%"),
                ("地区生产总值增速", Status::Target, 6.0, "%"),
                ("一般公共预算收入", Status::Actual, 265.3, "亿元"),
                ("一般公共预算收入", Status::Target, 275.0, "亿元"),
                ("固定资产投资增速", Status::Target, 5.0, "%"),
            ],
            "{:#?}",
            r.indicators
        );
    }

    #[test]
    fn a_header_in_two_rows_is_read_as_one() {
        // the year above (across two columns), what each column holds below
        let text = "政府工作报告\n一、2024年工作回顾\n全市经济运行总体平稳。\n二、2025年主要目标\n指标\t单位\t2024年\t\t2025年\n\t\t完成\t增长%\t目标\n地区生产总值\t亿元\t3250.6\t6.1\t6左右\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let got: Vec<_> = r.indicators.iter().map(|i| (i.measure, i.status, i.year, i.value.low(), i.unit.as_str(), i.qualifier.as_deref())).collect();
        assert_eq!(
            got,
            vec![
                (Measure::Level, Status::Actual, Some(2024), 3250.6, "亿元", None),
                (Measure::Growth, Status::Actual, Some(2024), 6.1, "%", None),
                (Measure::Growth, Status::Target, Some(2025), 6.0, "%", Some("左右")),
            ],
            "{:#?}",
            r.indicators
        );
        // a saved web page's table: the cells down both rows are missing from the lower one
        let text = "政府工作报告\n二、2025年主要目标\n指标\t单位\t2024年\t\t2025年\n完成\t增长%\t目标\n地区生产总值\t亿元\t3250.6\t6.1\t6左右\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let again: Vec<_> = r.indicators.iter().map(|i| (i.measure, i.status, i.year, i.value.low(), i.unit.as_str(), i.qualifier.as_deref())).collect();
        assert_eq!(again, got);
        // a second row of figures is not a header's
        let text = "政府工作报告\n二、2025年主要目标\n指标\t2024年\t2025年\n地区生产总值\t3250.6\t3450\n";
        assert!(parse_text("t.txt", text, "UTF-8").indicators.is_empty());
    }

    #[test]
    fn a_glossary_after_the_report_states_no_indicators() {
        let text = "政府工作报告\n一、2023年工作回顾\n全市生产总值增长4.5%。\n二、2024年工作安排\n生产总值增长6%左右。\n名词解释\n1.规上工业：指年主营业务收入2000万元及以上的工业企业。\n";
        let r = parse_text("t.txt", text, "UTF-8");
        let names: Vec<_> = r.indicators.iter().map(|i| (i.name.as_str(), i.value.low())).collect();
        assert_eq!(names, vec![("生产总值", 4.5), ("生产总值", 6.0)], "{:#?}", r.indicators);
        let last = r.sections.last().unwrap();
        assert_eq!((last.heading.as_str(), last.kind, last.children.len()), ("名词解释", SectionKind::Other, 0));
        assert!(r.text[last.span.start..last.span.end].ends_with("工业企业。"));
    }

    #[test]
    fn extraction_in_pieces_is_extraction_in_one_pass() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut files: Vec<_> = ["", "synthetic"]
            .iter()
            .flat_map(|d| std::fs::read_dir(dir.join(d)).into_iter().flatten().flatten().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .collect();
        files.sort();
        assert!(files.len() >= 10, "{files:?}");
        let (mut tried, mut joined) = (0, 0);
        for f in &files {
            let Ok(bytes) = std::fs::read(f) else { continue };
            let Ok(d) = decode_input(&bytes) else { continue };
            let (text, sections, report_year, review_year) = extractor_input(&d.text);
            let ctx = indicators::Context { text: &text, sections: &sections, report_year, review_year };
            let one = indicators::extract_in_chunks(&ctx, 1);
            for pieces in [2, 3, 7, 40] {
                let (split, n) = indicators::extract_pieces(&ctx, pieces);
                tried += pieces - 1;
                joined += n;
                assert_eq!(split.len(), one.len(), "{} in {pieces}", f.display());
                for (a, b) in split.iter().zip(&one) {
                    assert_eq!(a, b, "{} in {pieces}", f.display());
                }
            }
        }
        // Many pieces (even of these small texts cut in 40) are joined where they start
        // or soon after; the rest are read again: both paths are taken.
        assert!(joined * 10 >= tried * 4 && joined < tried, "{joined} of {tried}");
    }

    #[test]
    fn owned_and_borrowed_parses_agree() {
        let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/zigong-2017-x8.txt")).unwrap();
        assert_eq!(parse_owned("z", bytes.clone()), parse("z", &bytes));
    }

    #[test]
    fn pipeline_spans() {
        let t = "政府工作报告\n——2024年1月16日在亳州市第五届人民代表大会第三次会议上\n市人民政府市长 秦凤玉\n各位代表：\n一、２０２３年工作回顾\n正文。\n二、2024年工作安排\n";
        let r = parse_text("x", t, "UTF-8");
        assert_eq!(r.sections.len(), 2);
        let s = &r.sections[0];
        assert_eq!(&r.text[s.heading_span.start..s.heading_span.end], "一、２０２３年工作回顾");
        assert_eq!(s.heading, "2023年工作回顾");
        assert!(r.looks_like_report);
        assert_eq!(section_at(&r, s.span.start + 3).map(|x| x.id.as_str()), Some("s1"));
    }
}
