//! What a page address asks to open, which addresses may be fetched, building share
//! links, and how long a link may be before chat apps cut it.

use serde::{Deserialize, Serialize};

use super::view::{clean_name, percent_decode, percent_encode, percent_encode_keep, Fragment};

/// One report a page address asks for, in the order written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Opening {
    /// `?url=<http(s) address>` (not yet checked: see [`check_http_url`]).
    Url(String),
    /// `?report=<catalog id>`.
    Report(String),
}

/// Everything an address (`location.search` + `location.hash`) asks for.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkRequest {
    pub openings: Vec<Opening>,
    pub fragment: Fragment,
}

impl LinkRequest {
    /// Parse `?url=…&report=…` and `#…`. Query values use form encoding (`+` = space).
    pub fn parse(search: &str, hash: &str) -> LinkRequest {
        LinkRequest {
            openings: parse_query(search),
            fragment: Fragment::parse(hash),
        }
    }
}

/// The `url` and `report` parameters of a query string, in order.
pub fn parse_query(search: &str) -> Vec<Opening> {
    let q = search.strip_prefix('?').unwrap_or(search);
    let mut out = Vec::new();
    for part in q.split('&') {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let v = percent_decode(&v.replace('+', " "));
        let v = v.trim();
        if v.is_empty() {
            continue;
        }
        match k {
            "url" => out.push(Opening::Url(v.to_string())),
            "report" => out.push(Opening::Report(v.to_string())),
            _ => {}
        }
    }
    out
}

/// A query string (with `?`, or empty) that opens `openings` in order.
pub fn build_query(openings: &[Opening]) -> String {
    let mut out = String::new();
    for o in openings {
        out.push(if out.is_empty() { '?' } else { '&' });
        match o {
            Opening::Url(u) => {
                out.push_str("url=");
                out.push_str(&percent_encode_keep(u, b":/"));
            }
            Opening::Report(id) => {
                out.push_str("report=");
                out.push_str(&percent_encode(id));
            }
        }
    }
    out
}

/// A full link: `base` (origin + path, no query or fragment), query, fragment.
pub fn build_link(base: &str, openings: &[Opening], fragment: &Fragment) -> String {
    let mut out = String::from(base);
    out.push_str(&build_query(openings));
    let f = fragment.to_fragment();
    if !f.is_empty() {
        out.push('#');
        out.push_str(&f);
    }
    out
}

/// Why an address given in `?url=` is not fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlRejection {
    /// Not an absolute address at all.
    NotAbsolute,
    /// A scheme other than http/https (`javascript`, `data`, `file`, `ftp` …).
    Scheme(String),
    /// `http://` with nothing after it.
    NoHost,
}

impl std::fmt::Display for UrlRejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UrlRejection::NotAbsolute => write!(
                f,
                "not a full web address (it must start with https:// or http://)"
            ),
            UrlRejection::Scheme(s) => write!(
                f,
                "addresses starting with \"{s}:\" are not opened; only https:// and http:// are"
            ),
            UrlRejection::NoHost => write!(f, "the address names no host"),
        }
    }
}

/// Accept only `http://host…` and `https://host…` (scheme case-insensitive). Returns
/// the address trimmed, scheme lower-cased.
pub fn check_http_url(raw: &str) -> Result<String, UrlRejection> {
    let s = raw.trim();
    // Control characters and spaces before the scheme are how `java\tscript:` tricks work.
    if s.chars().any(|c| c.is_control()) {
        return Err(UrlRejection::NotAbsolute);
    }
    let Some((scheme, rest)) = s.split_once(':') else {
        return Err(UrlRejection::NotAbsolute);
    };
    let valid_scheme = !scheme.is_empty()
        && scheme.as_bytes()[0].is_ascii_alphabetic()
        && scheme
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
    if !valid_scheme {
        return Err(UrlRejection::NotAbsolute);
    }
    let lower = scheme.to_ascii_lowercase();
    if lower != "http" && lower != "https" {
        return Err(UrlRejection::Scheme(lower));
    }
    let Some(after) = rest.strip_prefix("//") else {
        return Err(UrlRejection::NotAbsolute);
    };
    let host_end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let authority = &after[..host_end];
    let host = authority.rsplit('@').next().unwrap_or("");
    if host.is_empty() || host.starts_with(':') {
        return Err(UrlRejection::NoHost);
    }
    Ok(format!("{lower}:{rest}"))
}

/// The host part of an http(s) address, for messages (`example.com:8080`).
pub fn host_of(url: &str) -> String {
    let after = url.split_once("//").map_or(url, |(_, a)| a);
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    after[..end].rsplit('@').next().unwrap_or("").to_string()
}

/// A file name for a fetched address: its last path segment, else `report.txt`.
pub fn file_name_from_url(url: &str) -> String {
    let after = url.split_once("//").map_or(url, |(_, a)| a);
    let path_end = after.find(['?', '#']).unwrap_or(after.len());
    let path = &after[..path_end];
    let seg = match path.find('/') {
        Some(i) => path[i..].rsplit('/').next().unwrap_or(""),
        None => "",
    };
    let name = clean_name(&percent_decode(seg));
    if name.is_empty() {
        "report.txt".to_string()
    } else {
        name
    }
}

/// A place a link is pasted into, and the longest link it keeps intact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChatLimit {
    pub name_zh: &'static str,
    pub name_en: &'static str,
    /// Characters.
    pub limit: usize,
    /// The limit is approximate (shown as ≈).
    pub approx: bool,
}

/// Common limits, shortest first.
pub const CHAT_LIMITS: [ChatLimit; 3] = [
    ChatLimit {
        name_zh: "Discord 消息",
        name_en: "a Discord message",
        limit: 2_000,
        approx: false,
    },
    ChatLimit {
        name_zh: "电子邮件（部分客户端）",
        name_en: "e-mail (some clients)",
        limit: 2_048,
        approx: false,
    },
    ChatLimit {
        name_zh: "Slack 消息",
        name_en: "a Slack message",
        limit: 4_000,
        approx: true,
    },
];

/// Beyond this, browsers themselves may refuse the address (Chromium: 2 MB).
pub const BROWSER_LIMIT: usize = 2_000_000;

/// The limits a link of `len` characters exceeds.
pub fn exceeded_limits(len: usize) -> Vec<ChatLimit> {
    CHAT_LIMITS
        .iter()
        .copied()
        .filter(|l| len > l.limit)
        .collect()
}

/// One report of the hosted catalog (`reports/index.json`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CatalogEntry {
    pub id: String,
    #[serde(default)]
    pub region: String,
    #[serde(default)]
    pub year: Option<i32>,
    #[serde(default)]
    pub level: String,
    pub file: String,
    #[serde(default)]
    pub title: Option<String>,
}

impl CatalogEntry {
    /// The label shown in lists: the title, else `region year`.
    pub fn label(&self) -> String {
        match &self.title {
            Some(t) if !t.trim().is_empty() => t.clone(),
            _ => format!(
                "{} {}",
                self.region,
                self.year.map(|y| y.to_string()).unwrap_or_default()
            )
            .trim()
            .to_string(),
        }
    }
}

/// Parse `reports/index.json`. Entries whose id or file is unsafe (absolute, `..`, a
/// scheme, odd characters) are dropped: the file is fetched relative to the page.
pub fn parse_catalog(json: &str) -> Result<Vec<CatalogEntry>, String> {
    let all: Vec<CatalogEntry> = serde_json::from_str(json).map_err(|e| e.to_string())?;
    Ok(all
        .into_iter()
        .filter(|e| safe_id(&e.id) && safe_relative_file(&e.file))
        .collect())
}

/// A catalog id: ASCII letters, digits, `-`, `_`, `.`; 1–80 characters.
pub fn safe_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 80
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// A path inside `reports/`: relative, no `..`, no scheme, no query.
pub fn safe_relative_file(file: &str) -> bool {
    !file.is_empty()
        && file.len() <= 200
        && !file.starts_with('/')
        && !file.contains(['\\', ':', '?', '#'])
        && file
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
        && !file.chars().any(|c| c.is_control())
}

/// The catalog id of the built-in sample file name (`zigong-2017.txt` → `zigong-2017`).
pub fn id_from_file(file: &str) -> String {
    match file.rsplit_once('.') {
        Some((stem, _)) if !stem.is_empty() => stem.to_string(),
        _ => file.to_string(),
    }
}
