//! Saved web page → article text. A small tolerant tokenizer (no DOM crate, it also
//! compiles to wasm): `<script>`, `<style>`, `<nav>`, `<header>`, `<footer>`,
//! `<noscript>`, `<select>` and comments are dropped, block tags become line breaks,
//! entities are decoded, and the container holding the most text directly (or an
//! `<article>`) is kept. No markup reaches the display text.

/// Whether decoded text looks like HTML.
pub fn looks_like_html(text: &str) -> bool {
    // the first 2,048 chars, borrowed; compared ASCII case-insensitively
    let head = text.char_indices().nth(2048).map_or(text, |(i, _)| &text[..i]);
    let h = head.trim_start_matches(['\u{FEFF}', ' ', '\n', '\r', '\t']).as_bytes();
    let head = head.as_bytes();
    let starts = |s: &[u8], p: &[u8]| s.len() >= p.len() && s[..p.len()].eq_ignore_ascii_case(p);
    if starts(h, b"<!doctype html") || starts(h, b"<html") || memchr::memchr_iter(b'<', head).any(|k| starts(&head[k..], b"<html")) {
        return true;
    }
    // count tags (ASCII case-insensitive) in the first 200,000 characters, stopping at 20
    // (a text of at most 200,000 bytes has at most that many chars)
    let end = if text.len() <= 200_000 {
        text.len()
    } else {
        // start of char number 200,000 (counting from 0): chars start at non-continuation
        // bytes, counted a block at a time (vectorized), then char by char in the last block
        let b = text.as_bytes();
        let mut n = 0usize;
        let mut k = 0usize;
        while k + 4096 <= b.len() {
            let c = super::lanes::count_chars(&b[k..k + 4096]);
            if n + c > 200_000 {
                break;
            }
            n += c;
            k += 4096;
        }
        let mut end = text.len();
        while k < b.len() {
            if b[k] & 0xC0 != 0x80 {
                if n == 200_000 {
                    end = k;
                    break;
                }
                n += 1;
            }
            k += 1;
        }
        end
    };
    let probe = &text.as_bytes()[..end];
    let tags: [&[u8]; 10] = [b"<p>", b"<p ", b"</p>", b"<div", b"</div>", b"<br", b"<span", b"</span>", b"<td", b"<a href"];
    let mut n = 0;
    for k in memchr::memchr_iter(b'<', probe) {
        let rest = &probe[k..];
        if tags.iter().any(|t| rest.len() >= t.len() && rest[..t.len()].eq_ignore_ascii_case(t)) {
            n += 1;
            if n >= 20 {
                return true;
            }
        }
    }
    false
}

/// The `charset` declared in a `<meta>` tag, if any.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head = &bytes[..bytes.len().min(4096)];
    let s = String::from_utf8_lossy(head).to_ascii_lowercase();
    let k = s.find("charset=")?;
    let rest = s[k + 8..].trim_start_matches(['"', '\'']);
    let v: String = rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
    if v.is_empty() {
        None
    } else {
        Some(v)
    }
}

const SKIP: [&str; 9] = ["script", "style", "nav", "header", "footer", "noscript", "select", "iframe", "svg"];
const BLOCK: [&str; 24] = [
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "main", "blockquote", "pre", "hr", "td", "th", "dd", "dt",
];
const CONTAINER: [&str; 6] = ["div", "article", "section", "main", "td", "body"];

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let v = if let Some(h) = num.strip_prefix(['x', 'X']) { u32::from_str_radix(h, 16).ok()? } else { num.parse().ok()? };
        return char::from_u32(v).filter(|c| *c != '\0');
    }
    Some(match name {
        "nbsp" => '\u{A0}',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "ldquo" => '“',
        "rdquo" => '”',
        "lsquo" => '‘',
        "rsquo" => '’',
        "mdash" => '—',
        "ndash" => '–',
        "hellip" => '…',
        "middot" => '·',
        "emsp" => '\u{2003}',
        "ensp" => '\u{2002}',
        "thinsp" => '\u{2009}',
        "times" => '×',
        "divide" => '÷',
        "permil" => '‰',
        "deg" => '°',
        "bull" => '•',
        "copy" => '©',
        _ => return None,
    })
}

struct Container {
    name: String,
    start: usize,
    direct: usize,
    is_article: bool,
}

/// The table row being read: where its cell tabs are, how many cells, whether a cell
/// held a block (a paragraph, a line break, a table).
#[derive(Default)]
struct Row {
    tabs: Vec<usize>,
    cells: usize,
    blocks: bool,
    /// Columns the last cell spans beyond its own (`colspan="3"` → 2): blank cells
    /// written before the next one keep the row's cells under the table's columns.
    span: usize,
}

/// The `colspan` of a cell's start tag (1 when absent or unreadable; at most 64).
fn colspan(tag: &str) -> usize {
    let lower = tag.to_ascii_lowercase();
    let Some(k) = lower.find("colspan") else { return 1 };
    let v = lower[k + 7..].trim_start().trim_start_matches('=').trim_start().trim_start_matches(['"', '\'']);
    let digits = v.bytes().take_while(u8::is_ascii_digit).count();
    v[..digits].parse::<usize>().map_or(1, |n| n.clamp(1, 64))
}

/// A row ends: a row with blocks in its cells is a line per cell after all.
fn finish_row(out: &mut String, row: Option<Row>) {
    let Some(r) = row else { return };
    if r.blocks {
        for t in r.tabs {
            out.replace_range(t..t + 1, "\n");
        }
    }
    if !out.ends_with('\n') && !out.is_empty() {
        out.push('\n');
    }
}

/// Extracts the article text of an HTML page.
pub fn html_to_text(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 3);
    let mut stack: Vec<Container> = vec![Container { name: "#root".into(), start: 0, direct: 0, is_article: false }];
    let mut best: Option<(usize, usize, usize, bool)> = None; // (direct, start, end, article)
    let mut row: Option<Row> = None;
    // the text of the page's first <h1> and of its <title>, where they stand in `out`
    let mut h1: (Option<usize>, Option<usize>) = (None, None);
    let mut title_tag: (Option<usize>, Option<usize>) = (None, None);
    let mut i = 0;
    let close_container = |c: Container, end: usize, best: &mut Option<(usize, usize, usize, bool)>| {
        let cand = (c.direct, c.start, end, c.is_article);
        let better = match best {
            None => true,
            Some(bb) => (cand.3 && !bb.3 && cand.0 * 4 >= bb.0) || (cand.3 == bb.3 && cand.0 > bb.0) || (!cand.3 && bb.3 && cand.0 > bb.0 * 4),
        };
        if better && c.direct > 0 {
            *best = Some(cand);
        }
    };
    while i < b.len() {
        if b[i] == b'<' {
            if html[i..].starts_with("<!--") {
                i = memchr::memmem::find(&b[i + 4..], b"-->").map_or(b.len(), |k| i + 4 + k + 3);
                continue;
            }
            let Some(gt) = memchr::memchr(b'>', &b[i..]).map(|k| i + k) else {
                break;
            };
            let tag = &html[i + 1..gt];
            let closing = tag.starts_with('/');
            let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric()).collect::<String>().to_ascii_lowercase();
            i = gt + 1;
            if name.is_empty() {
                continue;
            }
            if !closing && SKIP.contains(&name.as_str()) && !tag.ends_with('/') {
                // skip to the matching close tag
                let close = format!("</{name}");
                let lower_find = |from: usize| -> Option<usize> {
                    let mut k = from;
                    while let Some(p) = memchr::memchr(b'<', &b[k..]).map(|p| k + p) {
                        if b.len() >= p + close.len() && b[p..p + close.len()].eq_ignore_ascii_case(close.as_bytes()) {
                            return Some(p);
                        }
                        k = p + 1;
                    }
                    None
                };
                match lower_find(i) {
                    Some(p) => i = memchr::memchr(b'>', &b[p..]).map_or(b.len(), |k| p + k + 1),
                    None => i = b.len(),
                }
                continue;
            }
            // A table row of short cells is one line, its cells split by tabs, as a .docx
            // table's is (`tables` reads them); a row with blocks in its cells (a page laid
            // out with a table) is a line per cell.
            let cell = matches!(name.as_str(), "td" | "th");
            match (name.as_str(), closing) {
                ("tr", false) => {
                    finish_row(&mut out, row.take());
                    row = Some(Row::default());
                }
                ("table", false) => {
                    // a table inside a cell: the row around it is a page's layout
                    if let Some(r) = row.as_mut() {
                        r.blocks = true;
                    }
                    finish_row(&mut out, row.take());
                }
                ("tr" | "table", _) => finish_row(&mut out, row.take()),
                ("td" | "th", _) => {}
                (n, _) if BLOCK.contains(&n) => {
                    if let Some(r) = row.as_mut() {
                        r.blocks = true;
                    }
                }
                _ => {}
            }
            match row.as_mut().filter(|r| cell && !r.blocks) {
                Some(r) => {
                    if !closing {
                        r.cells += 1;
                        if r.cells > 1 {
                            out.truncate(out.trim_end_matches(' ').len());
                            for _ in 0..=r.span {
                                r.tabs.push(out.len());
                                out.push('\t');
                            }
                        } else if !out.ends_with('\n') && !out.is_empty() {
                            out.push('\n');
                        }
                        r.span = colspan(tag) - 1;
                    }
                }
                None => {
                    if BLOCK.contains(&name.as_str()) && !out.ends_with('\n') && !out.is_empty() {
                        out.push('\n');
                    }
                }
            }
            for (tag_name, range) in [("h1", &mut h1), ("title", &mut title_tag)] {
                if name == tag_name {
                    match (closing, *range) {
                        (false, (None, _)) => range.0 = Some(out.len()),
                        (true, (Some(_), None)) => range.1 = Some(out.len()),
                        _ => {}
                    }
                }
            }
            if CONTAINER.contains(&name.as_str()) {
                if closing {
                    if let Some(pos) = stack.iter().rposition(|c| c.name == name) {
                        if pos > 0 {
                            while stack.len() > pos {
                                let c = stack.pop().unwrap();
                                close_container(c, out.len(), &mut best);
                            }
                        }
                    }
                } else if !tag.ends_with('/') {
                    stack.push(Container { name: name.clone(), start: out.len(), direct: 0, is_article: name == "article" });
                }
            }
            continue;
        }
        // text up to the next tag
        let end = memchr::memchr(b'<', &b[i..]).map_or(b.len(), |k| i + k);
        let mut n = 0usize;
        let seg = &html[i..end];
        let mut chars = seg.char_indices().peekable();
        while let Some((k, c)) = chars.next() {
            match c {
                '&' => {
                    let rest = &seg[k + 1..];
                    let semi = rest.char_indices().take(10).find(|&(_, x)| x == ';').map(|(p, _)| p);
                    if let Some(ch) = semi.and_then(|p| entity(&rest[..p])) {
                        out.push(ch);
                        n += 1;
                        let skip = semi.unwrap() + 1;
                        while chars.peek().is_some_and(|&(p, _)| p < k + 1 + skip) {
                            chars.next();
                        }
                    } else {
                        out.push('&');
                        n += 1;
                    }
                }
                '\r' | '\n' | '\t' => {
                    if !out.ends_with([' ', '\n', '\t']) {
                        out.push(' ');
                    }
                }
                ' ' if out.ends_with('\t') => {}
                _ => {
                    out.push(c);
                    if !c.is_whitespace() {
                        n += 1;
                    }
                }
            }
        }
        if let Some(top) = stack.last_mut() {
            top.direct += n;
        }
        i = end;
    }
    finish_row(&mut out, row.take());
    while stack.len() > 1 {
        let c = stack.pop().unwrap();
        close_container(c, out.len(), &mut best);
    }
    let root = stack.pop().unwrap();
    let total_direct = root.direct;
    let (text, from) = match best {
        Some((d, s, e, _)) if d >= total_direct => (&out[s..e], s),
        _ => (&out[..], 0),
    };
    // tidy: trim each line, drop empty lines
    let mut res = String::with_capacity(text.len());
    // The page's title in an <h1> above the article's container (`<h1>2025年政府工作报告</h1>`
    // over the editor's block), else its <title> up to the site's name
    // (`2025年政府工作报告_某某市人民政府`): the report's title, when the article has none of
    // its own.
    let own = text.lines().map(str::trim).find(|l| !l.is_empty()).is_some_and(|l| l.contains("报告"));
    let outside = |(a, b): (Option<usize>, Option<usize>)| match (a, b) {
        (Some(a), Some(b)) if b <= from => Some(out[a..b].trim()),
        _ => None,
    };
    let page_title = outside(h1).filter(|t| t.contains("报告")).or_else(|| {
        outside(title_tag).map(|t| t.split(['_', '|', '－']).next().unwrap_or(t).split(" - ").next().unwrap_or(t).trim()).filter(|t| t.contains("工作报告"))
    });
    if let Some(title) = page_title.filter(|t| !own && t.chars().count() <= 40 && !t.contains('\n')) {
        res.push_str(title);
    }
    for line in text.lines() {
        // (a row's tabs stay: an empty first cell is a column too)
        let t = line.trim_matches(' ');
        if t.trim_matches('\t').is_empty() {
            continue;
        }
        if !res.is_empty() {
            res.push('\n');
        }
        res.push_str(t);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extracts_article() {
        let html = r#"<!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style><script>var a="<p>";</script></head>
<body><nav><a href="/">首页</a></nav><div class="menu">导航 链接</div>
<div class="article"><h1>政府工作报告</h1><p>各位代表：</p><p>现在，我代表市人民政府&nbsp;向大会报告工作&amp;。</p><!-- c --><p>一、2023年工作回顾</p></div>
<footer>版权所有</footer></body></html>"#;
        assert!(looks_like_html(html));
        let t = html_to_text(html);
        assert_eq!(t, "政府工作报告\n各位代表：\n现在，我代表市人民政府\u{A0}向大会报告工作&。\n一、2023年工作回顾");
    }

    #[test]
    fn a_title_above_the_articles_block_is_kept() {
        // a government site's page: <h1> over the editor's block, which holds the report
        let body = "<p>——2025年1月15日在某某市第十七届人民代表大会第五次会议上</p><p>各位代表：</p><p>一、2024年工作回顾</p><p>2024年，全市地区生产总值完成2680亿元，增长5.9%。</p>";
        let html = format!("<body><div class=\"nav\">首页 政务公开</div><div class=\"article\"><h1>2025年政府工作报告</h1><div class=\"info\">发布时间：2025-01-20</div><div class=\"TRS_Editor\">{body}</div></div></body>");
        assert!(html_to_text(&html).starts_with("2025年政府工作报告\n——2025年1月15日"), "{}", html_to_text(&html));
        // not when the article has a title of its own, nor when the <h1> is the site's
        let own = format!("<body><h1>2025年政府工作报告</h1><div><p>政府工作报告</p>{body}</div></body>");
        assert!(html_to_text(&own).starts_with("政府工作报告\n——"), "{}", html_to_text(&own));
        let site = format!("<body><h1>某某市人民政府门户网站</h1><div>{body}</div></body>");
        assert!(html_to_text(&site).starts_with("——"), "{}", html_to_text(&site));
        // no <h1>: the page's <title> up to the site's name
        let titled = format!("<html><head><title>2025年政府工作报告_某某市人民政府</title></head><body><div class=\"nav\">首页</div><div>{body}</div></body></html>");
        assert!(html_to_text(&titled).starts_with("2025年政府工作报告\n——"), "{}", html_to_text(&titled));
        let other = format!("<html><head><title>某某市人民政府</title></head><body><div>{body}</div></body></html>");
        assert!(html_to_text(&other).starts_with("——"), "{}", html_to_text(&other));
    }

    #[test]
    fn a_table_row_of_short_cells_is_one_line() {
        let html = "<div><p>一、2023年工作回顾</p><table><tr><th>指标</th><th> 单位 </th><th>2023年完成</th></tr>\n\
            <tr><td>地区生产总值</td><td>亿元</td><td>1250</td></tr><tr><td></td><td>%</td><td>6.1</td></tr></table><p>二、2024年</p></div>";
        assert_eq!(html_to_text(html), "一、2023年工作回顾\n指标\t单位\t2023年完成\n地区生产总值\t亿元\t1250\n\t%\t6.1\n二、2024年");
        // a page laid out with a table: blocks in the cells, a line per cell
        let html = "<table><tr><td><a href=\"/\">首页</a></td><td><p>各位代表：</p><p>现在，我代表市人民政府向大会报告工作。</p></td></tr></table>";
        // (the article is the cell with the text)
        assert_eq!(html_to_text(html), "各位代表：\n现在，我代表市人民政府向大会报告工作。");
        // a table inside a cell: the inner rows are lines of cells, the outer cells lines
        let html = "<table><tr><td>导航</td><td><p>现在，我代表市人民政府向大会报告工作，请予审议。</p>\
            <table><tr><td>指标</td><td>2024年目标</td></tr></table><p>今年主要预期目标是地区生产总值增长6%左右。</p></td></tr></table>";
        assert_eq!(
            html_to_text(html),
            "现在，我代表市人民政府向大会报告工作，请予审议。\n指标\t2024年目标\n今年主要预期目标是地区生产总值增长6%左右。"
        );
    }

    #[test]
    fn a_cell_across_columns_is_followed_by_blank_cells() {
        let html = "<table><tr><th rowspan=2>指标</th><th colspan=\"2\">2024年</th><th>2025年</th></tr><tr><th>完成</th><th>增长%</th><th>目标</th></tr></table>";
        assert_eq!(html_to_text(html), "指标\t2024年\t\t2025年\n完成\t增长%\t目标");
        assert_eq!((colspan("td COLSPAN = '3' class=x"), colspan("td"), colspan("td colspan=x")), (3, 1, 1));
    }

    #[test]
    fn not_html() {
        assert!(!looks_like_html("各位代表：现在我代表市人民政府向大会报告工作。a<b"));
        assert_eq!(meta_charset(b"<meta charset=\"gb2312\">"), Some("gb2312".into()));
    }
}
