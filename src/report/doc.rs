//! Word 97–2003 `.doc` → text. The file is an OLE compound file (read by the `cfb`
//! crate); its `WordDocument` stream starts with the File Information Block (FIB), which
//! says where, in the table stream (`0Table` or `1Table`), the piece table is: the list of
//! runs of the text, each 8-bit (Windows-1252) or UTF-16, somewhere in `WordDocument`.
//! The main text is the first `ccpText` characters, read piece by piece ([MS-DOC] 2.4.1).
//!
//! Word's marks in the text become what [`super::docx`] writes for the same document:
//! a paragraph mark (13) or a line or page break (11, 12) ends a line; a table's cells
//! (each ending with 7) are split by tabs and its row (one more 7) is a line; a field is
//! read as its result, not its code (19 code 20 result 21); pictures, drawn objects and
//! the marks of notes are left out.

use std::io::{Cursor, Read};

use super::model::OpenError;

/// Whether bytes are an OLE compound file (Word 97–2003, Excel, PowerPoint …).
pub fn is_cfb(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
}

/// Largest stream read (`WordDocument` or the table stream), in bytes.
const MAX_STREAM: u64 = 60_000_000;

/// `wIdent` of a Word document's FIB.
const WORD_IDENT: u16 = 0xA5EC;

fn broken(why: &str) -> OpenError {
    OpenError::BrokenDocx { reason: format!("a .doc file whose {why}") }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

/// A stream of the compound file, whole, under [`MAX_STREAM`].
fn stream(cf: &mut cfb::CompoundFile<Cursor<&[u8]>>, name: &str) -> Result<Vec<u8>, OpenError> {
    let mut s = cf.open_stream(name).map_err(|_| broken(&format!("{name} stream cannot be read")))?;
    if s.len() > MAX_STREAM {
        return Err(broken(&format!("{name} stream is over {} MB", MAX_STREAM / 1_000_000)));
    }
    let mut buf = Vec::new();
    s.by_ref().take(MAX_STREAM).read_to_end(&mut buf).map_err(|_| broken(&format!("{name} stream is cut short")))?;
    Ok(buf)
}

/// The text of a `.doc` file, one paragraph a line. An OLE file that is not a Word
/// document (a spreadsheet, a presentation) is [`OpenError::Binary`].
pub fn doc_text(bytes: &[u8]) -> Result<String, OpenError> {
    let mut cf = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|e| broken(&format!("container cannot be read ({e})")))?;
    if !cf.is_stream("/WordDocument") {
        let what = if cf.is_stream("/Workbook") || cf.is_stream("/Book") {
            "an Excel spreadsheet (.xls)"
        } else if cf.is_stream("/PowerPoint Document") {
            "a PowerPoint presentation (.ppt)"
        } else {
            "an Office file that is not a Word document"
        };
        return Err(OpenError::Binary { what: format!("{what}: save the report as .docx or .txt") });
    }
    let word = stream(&mut cf, "/WordDocument")?;
    if u16_at(&word, 0) != Some(WORD_IDENT) {
        return Err(broken("WordDocument stream does not start as a Word document's"));
    }
    let flags = u16_at(&word, 0x0A).unwrap_or(0);
    if flags & 0x0100 != 0 {
        return Err(broken("text is encrypted (a password is set): save it without one"));
    }
    // FibBase (32 bytes), then csw and FibRgW, cslw and FibRgLw, cbRgFcLcb and FibRgFcLcb
    let csw = usize::from(u16_at(&word, 32).ok_or_else(|| broken("header is cut short"))?);
    let lw_at = 34 + csw * 2;
    let cslw = usize::from(u16_at(&word, lw_at).ok_or_else(|| broken("header is cut short"))?);
    let ccp_text = u32_at(&word, lw_at + 2 + 3 * 4).ok_or_else(|| broken("header is cut short"))? as usize;
    let fc_at = lw_at + 2 + cslw * 4 + 2;
    // fcClx / lcbClx: the 34th pair of FibRgFcLcb97
    let fc_clx = u32_at(&word, fc_at + 33 * 8).ok_or_else(|| broken("header is cut short"))? as usize;
    let lcb_clx = u32_at(&word, fc_at + 33 * 8 + 4).ok_or_else(|| broken("header is cut short"))? as usize;
    let table_name = if flags & 0x0200 != 0 { "/1Table" } else { "/0Table" };
    let table = stream(&mut cf, table_name)?;
    let clx = table.get(fc_clx..fc_clx.saturating_add(lcb_clx)).ok_or_else(|| broken("piece table is outside its stream"))?;
    let pieces = pieces(clx).ok_or_else(|| broken("piece table cannot be read"))?;
    let mut units: Vec<u16> = Vec::with_capacity(ccp_text.min(word.len()));
    for p in pieces {
        let (from, to) = (p.cp_start.min(ccp_text), p.cp_end.min(ccp_text));
        if from >= to {
            continue;
        }
        let n = to - from;
        // (pieces add up to no more characters than the stream has bytes: a hostile
        // table of pieces over the same bytes again and again stops here)
        if units.len() + n > word.len() {
            return Err(broken("pieces add up to more text than the file holds"));
        }
        if p.compressed {
            let at = p.fc / 2;
            let b = word.get(at..at.saturating_add(n)).ok_or_else(|| broken("text runs past its stream"))?;
            units.extend(b.iter().map(|&c| cp1252(c)));
        } else {
            let b = word.get(p.fc..p.fc.saturating_add(n * 2)).ok_or_else(|| broken("text runs past its stream"))?;
            units.extend(b.chunks_exact(2).map(|c| u16::from_le_bytes([c[0], c[1]])));
        }
    }
    Ok(write_text(&String::from_utf16_lossy(&units)))
}

/// A run of the text: characters `cp_start..cp_end` at byte `fc` of `WordDocument`.
struct Piece {
    cp_start: usize,
    cp_end: usize,
    fc: usize,
    compressed: bool,
}

/// The pieces of a CLX: property runs (`Prc`, 0x01) skipped, then the `Pcdt` (0x02): n+1
/// character positions and n piece descriptors of 8 bytes.
fn pieces(clx: &[u8]) -> Option<Vec<Piece>> {
    let mut at = 0;
    while *clx.get(at)? == 0x01 {
        at += 3 + usize::from(u16_at(clx, at + 1)?);
    }
    if clx[at] != 0x02 {
        return None;
    }
    let lcb = u32_at(clx, at + 1)? as usize;
    let plc = clx.get(at + 5..at + 5 + lcb)?;
    if lcb < 4 || (lcb - 4) % 12 != 0 {
        return None;
    }
    let n = (lcb - 4) / 12;
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        let cp_start = u32_at(plc, k * 4)? as usize;
        let cp_end = u32_at(plc, (k + 1) * 4)? as usize;
        let fc = u32_at(plc, (n + 1) * 4 + k * 8 + 2)?;
        out.push(Piece { cp_start, cp_end, fc: (fc & 0x3FFF_FFFF) as usize, compressed: fc & 0x4000_0000 != 0 });
    }
    Some(out)
}

/// A byte of 8-bit text as Word reads it: Windows-1252 (0x80–0x9F), else Latin-1.
fn cp1252(b: u8) -> u16 {
    const HIGH: [u16; 32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ];
    if (0x80..0xA0).contains(&b) {
        HIGH[usize::from(b - 0x80)]
    } else {
        u16::from(b)
    }
}

/// Word's text with its marks written as lines, tabs and fields' results.
fn write_text(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    // open fields: whether each is past its separator (showing its result)
    let mut fields: Vec<bool> = Vec::new();
    // how many of them are still in their code: a field inside another's code is part of
    // that code, result and all (a count, so that deep nesting stays linear)
    let mut in_codes = 0usize;
    let mut cell_end = false;
    for c in raw.chars() {
        let in_code = in_codes > 0;
        match c {
            '\u{13}' => {
                fields.push(false);
                in_codes += 1;
            }
            '\u{14}' => {
                if let Some(f) = fields.last_mut().filter(|f| !**f) {
                    *f = true;
                    in_codes -= 1;
                }
            }
            '\u{15}' => {
                if fields.pop() == Some(false) {
                    in_codes -= 1;
                }
            }
            _ if in_code => {}
            // a cell ends with 7; the row ends with one more
            '\u{7}' => {
                if cell_end {
                    while out.ends_with('\t') {
                        out.pop();
                    }
                    out.push('\n');
                    cell_end = false;
                    continue;
                }
                out.push('\t');
                cell_end = true;
                continue;
            }
            '\r' | '\u{b}' | '\u{c}' => out.push('\n'),
            '\u{1e}' => out.push('-'),
            // soft hyphens, pictures, drawn objects, note marks, other controls
            '\u{0}'..='\u{8}' | '\u{e}'..='\u{1d}' | '\u{1f}' => {}
            _ => out.push(c),
        }
        cell_end = false;
    }
    // lines as the .docx reader writes them: trimmed, no empty ones
    let mut text = String::with_capacity(out.len());
    for line in out.split('\n') {
        let t = line.trim_end();
        if t.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(t);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_become_lines_tabs_and_field_results() {
        assert_eq!(write_text("政府工作报告\r\r各位代表：\r"), "政府工作报告\n各位代表：");
        // a table of two rows: cells end with 7, a row with one more
        assert_eq!(write_text("指标\u{7}2023年\u{7}\u{7}GDP\u{7}5.2%\u{7}\u{7}后文\r"), "指标\t2023年\nGDP\t5.2%\n后文");
        // a field is its result; a page break ends a line; a picture is nothing
        assert_eq!(write_text("第\u{13} PAGE \u{14}3\u{15}页\u{c}增长\u{1}5%\r"), "第3页\n增长5%");
        // nested fields, and a field with no result
        assert_eq!(write_text("a\u{13}X\u{13}Y\u{14}y\u{15}\u{14}b\u{15}c\u{13}TOC\u{15}d"), "abcd");
    }

    #[test]
    fn not_a_word_file_or_a_broken_one_is_an_error_not_a_panic() {
        assert!(is_cfb(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"));
        assert!(matches!(doc_text(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), Err(OpenError::BrokenDocx { .. })));
        assert!(pieces(&[0x01, 0xFF, 0xFF]).is_none());
        assert!(pieces(&[0x02, 16, 0, 0, 0, 0, 0, 0, 0]).is_none());
        assert_eq!(cp1252(0x93), 0x201C);
        assert_eq!(cp1252(b'A'), 65);
    }
}
