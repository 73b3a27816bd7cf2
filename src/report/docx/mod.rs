//! `.docx` → text: `word/document.xml` read through a size cap, `<w:t>` runs joined
//! within a `<w:p>`, `<w:tab/>` → tab, `<w:br/>` → line break, empty paragraphs dropped.
//! A table row (`<w:tr>`) is one line, its cells (`<w:tc>`) separated by tabs, the
//! paragraphs of a cell by spaces; a table inside a cell is read into that cell. A
//! paragraph Word numbers itself (`一、`, `（一）` from `word/numbering.xml`) gets its number
//! written before its text ([`numbering`]).

mod numbering;

use std::io::{Cursor, Read};

pub use numbering::Numbering;

use quick_xml::events::Event;
use quick_xml::Reader;

use super::model::OpenError;

/// Largest inflated `word/document.xml` accepted.
pub const MAX_INFLATED: usize = 50_000_000;

/// Whether bytes are a zip archive (local file header magic).
pub fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Extracts the paragraphs of a .docx as text (one paragraph per line).
pub fn docx_text(bytes: &[u8]) -> Result<String, OpenError> {
    docx_text_limited(bytes, MAX_INFLATED)
}

pub fn docx_text_limited(bytes: &[u8], limit: usize) -> Result<String, OpenError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| OpenError::BrokenDocx { reason: format!("not a readable zip archive ({e})") })?;
    let xml = {
        let file = match zip.by_name("word/document.xml") {
            Ok(f) => f,
            Err(zip::result::ZipError::FileNotFound) => {
                return Err(OpenError::Binary { what: "ZIP archive (not a .docx)".into() });
            }
            Err(e) => return Err(OpenError::BrokenDocx { reason: format!("cannot open word/document.xml ({e})") }),
        };
        if file.size() > limit as u64 {
            return Err(OpenError::ZipBomb { limit });
        }
        let mut buf = Vec::new();
        file.take(limit as u64 + 1)
            .read_to_end(&mut buf)
            .map_err(|e| OpenError::BrokenDocx { reason: format!("cannot inflate word/document.xml ({e})") })?;
        if buf.len() > limit {
            return Err(OpenError::ZipBomb { limit });
        }
        buf
    };
    // the numbering and the styles that may number paragraphs: small parts, read only
    // when under a cap of their own (a broken or missing one numbers nothing)
    let mut part = |name: &str| -> Option<Vec<u8>> {
        let f = zip.by_name(name).ok()?;
        if f.size() > MAX_PART as u64 {
            return None;
        }
        let mut buf = Vec::new();
        f.take(MAX_PART as u64 + 1).read_to_end(&mut buf).ok()?;
        (buf.len() <= MAX_PART).then_some(buf)
    };
    let numbering = part("word/numbering.xml");
    let styles = numbering.as_ref().and_then(|_| part("word/styles.xml"));
    let mut numbering = Numbering::new(numbering.as_deref(), styles.as_deref());
    paragraphs_numbered(&xml, &mut numbering)
}

/// Largest inflated `word/numbering.xml` or `word/styles.xml` read.
const MAX_PART: usize = 5_000_000;

/// Walks WordprocessingML and returns paragraph texts joined by `\n`.
pub fn paragraphs_from_xml(xml: &[u8]) -> Result<String, OpenError> {
    paragraphs_numbered(xml, &mut Numbering::default())
}

/// [`paragraphs_from_xml`] with the numbers Word draws before numbered paragraphs.
pub fn paragraphs_numbered(xml: &[u8], numbering: &mut Numbering) -> Result<String, OpenError> {
    let mut reader = Reader::from_reader(xml);
    reader.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut out = String::new();
    let mut para = String::new();
    let mut in_t = false;
    let mut skip_depth = 0usize; // inside w:instrText / w:delText
    let mut tr_depth = 0usize; // nesting of table rows
    let mut row: Vec<String> = Vec::new(); // cells of the outermost row being read
    let mut cell: Option<String> = None; // the outermost row's cell being read
    let mut span = 1usize; // columns the cell being read spans
    // the paragraph's properties: inside <w:pPr> (not a tracked change's old ones), its
    // style, list and level; then the number Word draws before it
    let mut in_ppr = false;
    let mut ppr_change = 0usize;
    let (mut p_style, mut num_id, mut ilvl): (Option<String>, Option<String>, Option<usize>) = (None, None, None);
    let mut label: Option<String> = None;
    // a paragraph inside a paragraph (a text box's): the outer ones' text and numbers so
    // far, taken up again when it ends
    let mut outer: Vec<(String, Option<String>)> = Vec::new();
    let mut p_depth = 0usize;
    // inside <mc:Fallback>: the same content again, for older readers
    let mut fallback = 0usize;
    let val = |e: &quick_xml::events::BytesStart| {
        e.try_get_attribute("w:val").ok().flatten().and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
    };
    loop {
        let ev = reader
            .read_event_into(&mut buf)
            .map_err(|e| OpenError::BrokenDocx { reason: format!("bad XML in word/document.xml ({e})") })?;
        if fallback > 0 {
            match &ev {
                Event::Start(e) if e.name().as_ref() == b"mc:Fallback" => fallback += 1,
                Event::End(e) if e.name().as_ref() == b"mc:Fallback" => fallback -= 1,
                Event::Eof => break,
                _ => {}
            }
            buf.clear();
            continue;
        }
        match ev {
            Event::Start(e) => match e.name().as_ref() {
                b"mc:Fallback" => fallback = 1,
                b"w:t" => in_t = true,
                b"w:instrText" | b"w:delText" => skip_depth += 1,
                b"w:p" => {
                    if p_depth > 0 {
                        outer.push((std::mem::take(&mut para), label.take()));
                    }
                    p_depth += 1;
                    para.clear();
                    label = None;
                    (p_style, num_id, ilvl) = (None, None, None);
                }
                b"w:pPr" => in_ppr = true,
                b"w:pPrChange" => ppr_change += 1,
                b"w:tr" => {
                    tr_depth += 1;
                    if tr_depth == 1 {
                        row.clear();
                    }
                }
                b"w:tc" if tr_depth == 1 => cell = Some(String::new()),
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                b"w:tab" => para.push('\t'),
                // a cell across columns (`<w:gridSpan w:val="2"/>`): blank cells after it keep
                // the row's cells under the columns of the rows above and below
                b"w:gridSpan" if tr_depth == 1 && cell.is_some() => {
                    span = e
                        .try_get_attribute("w:val")
                        .ok()
                        .flatten()
                        .and_then(|a| std::str::from_utf8(&a.value).ok().and_then(|v| v.trim().parse::<usize>().ok()))
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
                b"w:br" | b"w:cr" => para.push('\n'),
                b"w:pStyle" if in_ppr && ppr_change == 0 => p_style = val(&e),
                b"w:numId" if in_ppr && ppr_change == 0 => num_id = val(&e),
                b"w:ilvl" if in_ppr && ppr_change == 0 => ilvl = val(&e).and_then(|v| v.trim().parse::<usize>().ok()).map(|v| v.min(8)),
                _ => {}
            },
            Event::End(e) => match e.name().as_ref() {
                b"w:t" => in_t = false,
                b"w:pPrChange" => ppr_change = ppr_change.saturating_sub(1),
                b"w:pPr" => {
                    in_ppr = false;
                    label = numbering.label(p_style.as_deref(), num_id.as_deref(), ilvl);
                }
                b"w:instrText" | b"w:delText" => skip_depth = skip_depth.saturating_sub(1),
                b"w:p" => {
                    // 一、 / （一） / 1. run into the text; a number of another kind is
                    // set off by a space
                    if let Some(l) = label.take().filter(|_| !para.trim().is_empty()) {
                        let sep = if l.ends_with(|c: char| "、）).．。:：".contains(c) || ('\u{2460}'..='\u{24FF}').contains(&c)) { "" } else { " " };
                        para.insert_str(0, &format!("{l}{sep}"));
                    }
                    if let Some(c) = cell.as_mut() {
                        let t = para.trim();
                        if !t.is_empty() {
                            if !c.is_empty() {
                                c.push(' ');
                            }
                            c.extend(t.chars().map(|ch| if matches!(ch, '\t' | '\n' | '\r') { ' ' } else { ch }));
                        }
                    } else if !para.trim().is_empty() {
                        if !out.is_empty() {
                            out.push('\n');
                        }
                        out.push_str(para.trim_end_matches('\n'));
                    }
                    para.clear();
                    p_depth = p_depth.saturating_sub(1);
                    if let Some((p, l)) = outer.pop() {
                        para = p;
                        label = l;
                    }
                }
                b"w:tc" if tr_depth == 1 => {
                    if let Some(c) = cell.take() {
                        row.push(c);
                        row.extend(std::iter::repeat_n(String::new(), span - 1));
                    }
                    span = 1;
                }
                b"w:tr" => {
                    tr_depth = tr_depth.saturating_sub(1);
                    if tr_depth == 0 && row.iter().any(|c| !c.is_empty()) {
                        if !out.is_empty() {
                            out.push('\n');
                        }
                        out.push_str(row.join("\t").trim_end());
                    }
                }
                _ => {}
            },
            Event::Text(t) if in_t && skip_depth == 0 => {
                let s = t.unescape().map_err(|e| OpenError::BrokenDocx { reason: format!("bad text in word/document.xml ({e})") })?;
                para.push_str(&s);
            }
            Event::CData(t) if in_t && skip_depth == 0 => {
                para.push_str(&String::from_utf8_lossy(&t.into_inner()));
            }
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    if !para.trim().is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&para);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn make_docx(xml: &str) -> Vec<u8> {
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o: zip::write::SimpleFileOptions = Default::default();
        w.start_file("word/document.xml", o).unwrap();
        w.write_all(xml.as_bytes()).unwrap();
        w.finish().unwrap().into_inner()
    }

    #[test]
    fn runs_and_paragraphs() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>政 府</w:t></w:r><w:r><w:t xml:space="preserve"> 工 作</w:t></w:r></w:p><w:p></w:p><w:p><w:r><w:t>增长5</w:t></w:r><w:r><w:t>.2%&amp;</w:t><w:tab/><w:t>x</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(paragraphs_from_xml(xml.as_bytes()).unwrap(), "政 府 工 作\n增长5.2%&\tx");
        let d = make_docx(xml);
        assert_eq!(docx_text(&d).unwrap(), "政 府 工 作\n增长5.2%&\tx");
    }

    #[test]
    fn a_table_row_is_one_line_of_cells() {
        let tc = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let xml = format!(
            "<w:document><w:body><w:p><w:r><w:t>目标如下：</w:t></w:r></w:p><w:tbl><w:tr>{}{}{}</w:tr><w:tr>{}<w:tc><w:p><w:r><w:t>5.2%</w:t></w:r></w:p><w:p><w:r><w:t>（预计）</w:t></w:r></w:p></w:tc>{}</w:tr><w:tr>{}<w:tc><w:tbl><w:tr>{}{}</w:tr></w:tbl></w:tc>{}</w:tr></w:tbl><w:p><w:r><w:t>完</w:t></w:r></w:p></w:body></w:document>",
            tc("指标"), tc("2023年完成"), tc("2024年目标"),
            tc("地区生产总值增速"), tc("6%左右"),
            tc("就业"), tc("3.1"), tc("万人"), tc("")
        );
        assert_eq!(paragraphs_from_xml(xml.as_bytes()).unwrap(), "目标如下：\n指标\t2023年完成\t2024年目标\n地区生产总值增速\t5.2% （预计）\t6%左右\n就业\t3.1 万人\n完");
    }

    #[test]
    fn a_cell_across_columns_is_followed_by_blank_cells() {
        let tc = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
        let xml = format!(
            "<w:document><w:body><w:tbl><w:tr>{}<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>2024年</w:t></w:r></w:p></w:tc>{}</w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>{}{}{}</w:tr></w:tbl></w:body></w:document>",
            tc("指标"), tc("2025年"), tc("完成"), tc("增长%"), tc("目标")
        );
        assert_eq!(paragraphs_from_xml(xml.as_bytes()).unwrap(), "指标\t2024年\t\t2025年\n\t完成\t增长%\t目标");
    }

    #[test]
    fn a_text_box_is_a_line_of_its_own_read_once() {
        // the box's paragraph inside the paragraph it is anchored in; Word writes it twice
        // (for newer readers, and in <mc:Fallback> for older ones)
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>前文</w:t></w:r><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>框内</w:t></w:r></w:p></w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>后文</w:t></w:r></w:p><w:p><w:r><w:t>下一段</w:t></w:r></w:p></w:body></w:document>"#;
        assert_eq!(paragraphs_from_xml(xml.as_bytes()).unwrap(), "框内\n前文后文\n下一段");
    }

    #[test]
    fn bomb_and_broken() {
        let big = format!("<w:document><w:p><w:r><w:t>{}</w:t></w:r></w:p></w:document>", "a".repeat(5000));
        let d = make_docx(&big);
        assert_eq!(docx_text_limited(&d, 1000), Err(OpenError::ZipBomb { limit: 1000 }));
        assert!(matches!(docx_text(b"PK\x03\x04garbage"), Err(OpenError::BrokenDocx { .. })));
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        w.start_file("a.txt", zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(b"hi").unwrap();
        let z = w.finish().unwrap().into_inner();
        assert!(matches!(docx_text(&z), Err(OpenError::Binary { .. })));
    }
}
