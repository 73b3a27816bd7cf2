//! Word's automatic numbering: the `一、`, `（一）`, `1.` that Word draws before a
//! paragraph from `word/numbering.xml` rather than from the paragraph's own text. A
//! report whose part headings are numbered this way shows the numbers in Word; read
//! without them, its headings would be plain lines. The numbers are written into the
//! text as Word shows them.
//!
//! A paragraph is numbered by its own `<w:numPr>` (`w:numId`, `w:ilvl`) or by its style's
//! (`word/styles.xml`, through `w:basedOn`). Each list (`w:num`) counts on its own; a level
//! counts from its `w:start` (or the list's `w:startOverride`), and a number at one level
//! starts the levels below it again. Bullets and levels with no text add nothing.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// Longest level text (`第%1部分`, `%1.%2.%3`) drawn, in bytes.
const MAX_LEVEL_TEXT: usize = 48;

/// Longest number drawn before a paragraph, in bytes.
const MAX_LABEL: usize = 64;

/// One level of a list: where it starts, how its number is written, and the text around
/// it (`%1、`, `（%2）`: `%n` is level n's number).
#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// `w:isLgl`: every level's number in digits (`1.1` under `一、`)
    legal: bool,
}

/// The numbering a document's paragraphs may refer to, and the counts so far.
#[derive(Debug, Default)]
pub struct Numbering {
    /// abstractNumId → its levels (0..9).
    abstract_levels: HashMap<String, Vec<Level>>,
    /// numId → (abstractNumId, start overrides by level).
    nums: HashMap<String, (String, Vec<(usize, u32)>)>,
    /// styleId → (numId, level) of a paragraph style that numbers, and its base style.
    styles: HashMap<String, (Option<(String, usize)>, Option<String>)>,
    /// numId → the current number at each level (None: not counted yet, or started again).
    counts: HashMap<String, [Option<u32>; 9]>,
}

fn attr(e: &BytesStart, name: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| a.unescape_value().ok().map(|v| v.into_owned()))
}

fn level_index(v: Option<String>) -> usize {
    v.and_then(|v| v.trim().parse::<usize>().ok()).unwrap_or(0).min(8)
}

impl Numbering {
    /// Read `word/numbering.xml` and `word/styles.xml` (either may be missing or broken:
    /// then there is less numbering, never an error).
    pub fn new(numbering_xml: Option<&[u8]>, styles_xml: Option<&[u8]>) -> Self {
        let mut n = Numbering::default();
        if let Some(x) = numbering_xml {
            n.read_numbering(x);
        }
        if let Some(x) = styles_xml {
            n.read_styles(x);
        }
        n
    }

    fn read_numbering(&mut self, xml: &[u8]) {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut abstract_id: Option<String> = None;
        let mut level: Option<(usize, Level)> = None;
        let mut num: Option<(String, String, Vec<(usize, u32)>)> = None;
        let mut override_level: Option<usize> = None;
        loop {
            let ev = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match e.name().as_ref() {
                        b"w:abstractNum" if !empty => abstract_id = attr(e, b"w:abstractNumId"),
                        b"w:lvl" if !empty && abstract_id.is_some() => {
                            level = Some((level_index(attr(e, b"w:ilvl")), Level { start: 1, format: "decimal".into(), text: String::new(), legal: false }))
                        }
                        b"w:start" => {
                            if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(e, b"w:val").and_then(|v| v.parse().ok())) {
                                l.start = v;
                            }
                        }
                        b"w:numFmt" => {
                            if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(e, b"w:val")) {
                                l.format = v;
                            }
                        }
                        b"w:isLgl" => {
                            if let Some((_, l)) = level.as_mut() {
                                l.legal = attr(e, b"w:val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
                            }
                        }
                        b"w:lvlText" => {
                            if let (Some((_, l)), Some(v)) = (level.as_mut(), attr(e, b"w:val")) {
                                l.text = v;
                            }
                        }
                        b"w:num" if !empty => num = attr(e, b"w:numId").map(|id| (id, String::new(), Vec::new())),
                        b"w:abstractNumId" => {
                            if let (Some(n), Some(v)) = (num.as_mut(), attr(e, b"w:val")) {
                                n.1 = v;
                            }
                        }
                        b"w:lvlOverride" if !empty => override_level = Some(level_index(attr(e, b"w:ilvl"))),
                        b"w:startOverride" => {
                            if let (Some(n), Some(k), Some(v)) = (num.as_mut(), override_level, attr(e, b"w:val").and_then(|v| v.parse().ok())) {
                                n.2.push((k, v));
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.name().as_ref() {
                    b"w:lvl" => {
                        if let (Some(id), Some((k, l))) = (abstract_id.as_ref(), level.take()) {
                            let levels = self.abstract_levels.entry(id.clone()).or_default();
                            if levels.len() <= k {
                                levels.resize(k + 1, Level::default());
                            }
                            levels[k] = l;
                        }
                    }
                    b"w:abstractNum" => abstract_id = None,
                    b"w:lvlOverride" => override_level = None,
                    b"w:num" => {
                        if let Some((id, abs, starts)) = num.take() {
                            self.nums.insert(id, (abs, starts));
                        }
                    }
                    _ => {}
                },
                _ => {}
            }
            buf.clear();
        }
    }

    fn read_styles(&mut self, xml: &[u8]) {
        let mut reader = Reader::from_reader(xml);
        let mut buf = Vec::new();
        let mut style: Option<(String, Option<String>, Option<usize>, Option<String>)> = None;
        loop {
            let ev = match reader.read_event_into(&mut buf) {
                Ok(Event::Eof) | Err(_) => break,
                Ok(ev) => ev,
            };
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.name().as_ref() {
                    b"w:style" if matches!(ev, Event::Start(_)) => style = attr(e, b"w:styleId").map(|id| (id, None, None, None)),
                    b"w:numId" => {
                        if let Some(s) = style.as_mut() {
                            s.1 = attr(e, b"w:val");
                        }
                    }
                    b"w:ilvl" => {
                        if let Some(s) = style.as_mut() {
                            s.2 = Some(level_index(attr(e, b"w:val")));
                        }
                    }
                    b"w:basedOn" => {
                        if let Some(s) = style.as_mut() {
                            s.3 = attr(e, b"w:val");
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.name().as_ref() == b"w:style" => {
                    if let Some((id, num, lvl, base)) = style.take() {
                        self.styles.insert(id, (num.map(|n| (n, lvl.unwrap_or(0))), base));
                    }
                }
                _ => {}
            }
            buf.clear();
        }
    }

    /// The list and level of a paragraph style, through its base styles.
    fn style_numbering(&self, style: &str) -> Option<(String, usize)> {
        let mut id = style;
        for _ in 0..8 {
            let (num, base) = self.styles.get(id)?;
            if let Some(n) = num {
                return Some(n.clone());
            }
            id = base.as_deref()?;
        }
        None
    }

    /// The number Word draws before a paragraph with this style and `<w:numPr>` (its
    /// `numId` and `ilvl`), counting it; None for an unnumbered paragraph or a bullet.
    pub fn label(&mut self, style: Option<&str>, num_id: Option<&str>, ilvl: Option<usize>) -> Option<String> {
        let from_style = style.and_then(|s| self.style_numbering(s));
        let (num_id, level) = match (num_id, from_style) {
            (Some(id), from_style) => (id.to_string(), ilvl.or(from_style.map(|s| s.1)).unwrap_or(0)),
            (None, Some((id, l))) => (id, ilvl.unwrap_or(l)),
            (None, None) => return None,
        };
        // numId 0: numbering taken off
        let (abs, starts) = self.nums.get(&num_id)?;
        let levels = self.abstract_levels.get(abs)?;
        let lvl = levels.get(level)?;
        // (a level's text is a number and a mark or two: a longer one is not drawn, so a
        // hostile file cannot make every paragraph long)
        if lvl.format == "bullet" || lvl.format == "none" || lvl.text.is_empty() || lvl.text.len() > MAX_LEVEL_TEXT {
            return None;
        }
        let start_of = |k: usize| starts.iter().rev().find(|s| s.0 == k).map(|s| s.1).or(levels.get(k).map(|l| l.start)).unwrap_or(1);
        let counts = self.counts.entry(num_id.clone()).or_insert([None; 9]);
        counts[level] = Some(counts[level].map_or(start_of(level), |c| c.saturating_add(1)));
        for c in counts.iter_mut().skip(level + 1) {
            *c = None;
        }
        let counts = *counts;
        let mut out = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d)) if (1..=9).contains(&d) => {
                    chars.next();
                    let k = d as usize - 1;
                    let n = counts[k].unwrap_or_else(|| start_of(k));
                    let format = if lvl.legal { "decimal" } else { levels.get(k).map_or("decimal", |l| l.format.as_str()) };
                    out.push_str(&format_number(n, format));
                }
                _ => out.push(c),
            }
        }
        // (%1%1%1… in a short text still makes a number no list draws)
        (out.len() <= MAX_LABEL).then_some(out)
    }
}

/// A number as a list format writes it (`chineseCounting` 12 → 十二, `decimalEnclosedCircle`
/// 3 → ③, `lowerRoman` 4 → iv); a format not known here is written in digits.
pub fn format_number(n: u32, format: &str) -> String {
    const CN: [&str; 10] = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match format {
        "chineseCounting" | "chineseCountingThousand" | "japaneseCounting" | "taiwaneseCounting" if (1..1000).contains(&n) => {
            let (h, t, o) = (n / 100, n / 10 % 10, n % 10);
            let mut s = String::new();
            if h > 0 {
                s.push_str(CN[h as usize]);
                s.push('百');
                if t == 0 && o > 0 {
                    s.push('〇');
                }
            }
            if t > 0 {
                if t > 1 || h > 0 {
                    s.push_str(CN[t as usize]);
                }
                s.push('十');
            }
            if o > 0 {
                s.push_str(CN[o as usize]);
            }
            s
        }
        "ideographDigital" => n.to_string().chars().map(|d| CN[d.to_digit(10).unwrap_or(0) as usize]).collect(),
        "chineseLegalSimplified" if (1..=10).contains(&n) => ["壹", "贰", "叁", "肆", "伍", "陆", "柒", "捌", "玖", "拾"][n as usize - 1].to_string(),
        "ideographTraditional" if (1..=10).contains(&n) => ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"][n as usize - 1].to_string(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => char::from_u32(0x2460 + n - 1).map(String::from).unwrap_or_default(),
        "decimalEnclosedParen" if (1..=20).contains(&n) => char::from_u32(0x2474 + n - 1).map(String::from).unwrap_or_default(),
        "decimalEnclosedFullstop" if (1..=20).contains(&n) => char::from_u32(0x2488 + n - 1).map(String::from).unwrap_or_default(),
        "decimalFullWidth" | "decimalFullWidth2" => n.to_string().chars().map(|d| char::from_u32(0xFF10 + d.to_digit(10).unwrap_or(0)).unwrap_or(d)).collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperLetter" | "lowerLetter" if (1..=26).contains(&n) => {
            let c = char::from(b'a' + (n - 1) as u8);
            if format == "upperLetter" { c.to_ascii_uppercase().to_string() } else { c.to_string() }
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let mut s = String::new();
            let mut m = n;
            for (v, r) in [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")] {
                while m >= v {
                    s.push_str(r);
                    m -= v;
                }
            }
            if format == "upperRoman" { s.to_uppercase() } else { s }
        }
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_lists_write_them() {
        let f = |n, fmt| format_number(n, fmt);
        assert_eq!([f(1, "chineseCounting"), f(10, "chineseCounting"), f(12, "chineseCounting"), f(20, "chineseCounting"), f(35, "chineseCountingThousand"), f(105, "chineseCounting")], ["一", "十", "十二", "二十", "三十五", "一百〇五"]);
        assert_eq!([f(3, "decimalEnclosedCircle"), f(2, "decimalEnclosedParen"), f(4, "lowerRoman"), f(2, "upperLetter"), f(7, "decimal"), f(7, "someNewFormat")], ["③", "⑵", "iv", "B", "7", "7"]);
        assert_eq!([f(2, "ideographTraditional"), f(3, "chineseLegalSimplified"), f(12, "decimalFullWidth")], ["乙", "叁", "１２"]);
    }

    const NUMBERING: &str = r#"<w:numbering>
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:isLgl/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
    </w:numbering>"#;
    const STYLES: &str = r#"<w:styles>
      <w:style w:type="paragraph" w:styleId="Heading1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="Part"><w:basedOn w:val="Heading1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Normal"/>
    </w:styles>"#;

    #[test]
    fn levels_count_and_restart() {
        let mut n = Numbering::new(Some(NUMBERING.as_bytes()), Some(STYLES.as_bytes()));
        let mut l = |style: Option<&str>, id: Option<&str>, lvl: Option<usize>| n.label(style, id, lvl);
        assert_eq!(l(Some("Heading1"), None, None).as_deref(), Some("一、"));
        assert_eq!(l(None, Some("1"), Some(1)).as_deref(), Some("（一）"));
        assert_eq!(l(None, Some("1"), Some(1)).as_deref(), Some("（二）"));
        // a level's text writes each level's number in that level's format, or all in
        // digits when it is a legal number
        assert_eq!(l(None, Some("1"), Some(2)).as_deref(), Some("一.1"));
        assert_eq!(l(None, Some("1"), Some(3)).as_deref(), Some("1.1"));
        // a new part starts its sub-parts again; a style based on a numbered one numbers
        assert_eq!(l(Some("Part"), None, None).as_deref(), Some("二、"));
        assert_eq!(l(None, Some("1"), Some(1)).as_deref(), Some("（一）"));
        // bullets, numId 0, unknown lists and plain styles: nothing
        assert_eq!(l(None, Some("2"), Some(0)), None);
        assert_eq!(l(Some("Heading1"), Some("0"), None), None);
        assert_eq!(l(None, Some("9"), None), None);
        assert_eq!(l(Some("Normal"), None, None), None);
        // another list of the same levels counts on its own, from its override
        assert_eq!(l(None, Some("3"), Some(0)).as_deref(), Some("三、"));
        assert_eq!(l(None, Some("1"), Some(0)).as_deref(), Some("三、"));
    }

    #[test]
    fn broken_or_missing_parts_number_nothing() {
        let mut n = Numbering::new(Some(b"<w:numbering><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"99\">"), Some(b"\xff\xfe<"));
        assert_eq!(n.label(Some("Heading1"), Some("1"), Some(0)), None);
        let mut n = Numbering::new(None, None);
        assert_eq!(n.label(None, Some("1"), Some(0)), None);
        // a level text too long to be a number is not drawn
        let long = format!("<w:numbering><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:lvlText w:val=\"{}%1\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>", "x".repeat(100_000));
        let mut n = Numbering::new(Some(long.as_bytes()), None);
        assert_eq!(n.label(None, Some("1"), Some(0)), None);
    }
}
