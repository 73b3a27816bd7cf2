//! The view ⇄ URL fragment: `#s=s2.1&i=i12&tab=indicators&m=growth&st=target&sec=s2&q=GDP`.
//!
//! The same fragment may also carry a report (`doc=`) or a file's fingerprint
//! (`sha256=`), with its `name=`. Values are percent-encoded UTF-8; unknown keys are
//! ignored; values that are not plausible ids are dropped rather than trusted.

/// What the reader is looking at. Empty strings mean "not set / default".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// Open section id (`s2.1`).
    pub section: String,
    /// Selected indicator id (`i12`).
    pub indicator: String,
    /// Active tab (`text`, `indicators`, `charts`, `compare`); empty = the default (text).
    pub tab: String,
    /// Indicator-table filters: measure, status, section prefix, free text.
    pub measure: String,
    pub status: String,
    pub sec: String,
    pub q: String,
}

/// Tabs a link may name.
pub const TABS: [&str; 4] = ["text", "indicators", "charts", "compare"];

impl ViewState {
    pub fn is_empty(&self) -> bool {
        *self == ViewState::default()
    }

    /// `key=value` pairs in a fixed order, defaults left out.
    pub fn params(&self) -> Vec<(&'static str, &str)> {
        let mut out = Vec::new();
        if !self.section.is_empty() {
            out.push(("s", self.section.as_str()));
        }
        if !self.indicator.is_empty() {
            out.push(("i", self.indicator.as_str()));
        }
        if !self.tab.is_empty() && self.tab != "text" {
            out.push(("tab", self.tab.as_str()));
        }
        if !self.measure.is_empty() {
            out.push(("m", self.measure.as_str()));
        }
        if !self.status.is_empty() {
            out.push(("st", self.status.as_str()));
        }
        if !self.sec.is_empty() {
            out.push(("sec", self.sec.as_str()));
        }
        if !self.q.is_empty() {
            out.push(("q", self.q.as_str()));
        }
        out
    }

    /// The fragment without `#` (empty for the default view).
    pub fn to_fragment(&self) -> String {
        join(&self.params())
    }

    /// Read the view keys of a fragment (with or without `#`).
    pub fn from_fragment(fragment: &str) -> ViewState {
        Fragment::parse(fragment).view
    }
}

/// Everything a fragment may carry.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Fragment {
    /// `doc=`: a packed report (see [`crate::share::doc`]), still encoded.
    pub doc: Option<String>,
    /// `sha256=`: the fingerprint of a file the receiver should already have (lower-case hex).
    pub sha256: Option<String>,
    /// `name=`: the file name that goes with `doc=` / `sha256=`.
    pub name: Option<String>,
    pub view: ViewState,
}

/// Longest accepted id (`s`, `i`, `sec`) and free-text query.
const MAX_ID: usize = 64;
const MAX_Q: usize = 200;
const MAX_NAME: usize = 200;

impl Fragment {
    /// Parse `#k=v&k=v…` (leading `#` optional). Later duplicates win.
    pub fn parse(fragment: &str) -> Fragment {
        let f = fragment.strip_prefix('#').unwrap_or(fragment);
        let mut out = Fragment::default();
        for part in f.split('&') {
            if part.is_empty() {
                continue;
            }
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            match k {
                // Base64url needs no decoding; keep it as is (percent-decoding is harmless too).
                "doc" => out.doc = Some(percent_decode(v)),
                "sha256" => {
                    let v = percent_decode(v).to_ascii_lowercase();
                    if super::is_sha256_hex(&v) {
                        out.sha256 = Some(v);
                    }
                }
                "name" => {
                    let v = clean_name(&percent_decode(v));
                    if !v.is_empty() {
                        out.name = Some(v);
                    }
                }
                "s" => out.view.section = id_or_empty(&percent_decode(v)),
                "i" => out.view.indicator = id_or_empty(&percent_decode(v)),
                "sec" => out.view.sec = id_or_empty(&percent_decode(v)),
                "tab" => {
                    let v = percent_decode(v);
                    out.view.tab = if TABS.contains(&v.as_str()) {
                        v
                    } else {
                        String::new()
                    };
                }
                "m" => out.view.measure = word_or_empty(&percent_decode(v)),
                "st" => out.view.status = word_or_empty(&percent_decode(v)),
                "q" => out.view.q = percent_decode(v).chars().take(MAX_Q).collect(),
                _ => {}
            }
        }
        out
    }

    /// Whether the fragment asks to open something (not just a view).
    pub fn carries_report(&self) -> bool {
        self.doc.is_some() || self.sha256.is_some()
    }

    /// `doc=…&name=…&<view>` / `sha256=…&name=…&<view>` / `<view>` (without `#`).
    pub fn to_fragment(&self) -> String {
        let mut params: Vec<(&str, &str)> = Vec::new();
        if let Some(d) = &self.doc {
            params.push(("doc", d));
        }
        if let Some(h) = &self.sha256 {
            params.push(("sha256", h));
        }
        if let Some(n) = &self.name {
            params.push(("name", n));
        }
        params.extend(self.view.params());
        join(&params)
    }
}

fn join(params: &[(&str, &str)]) -> String {
    let mut out = String::new();
    for (k, v) in params {
        if !out.is_empty() {
            out.push('&');
        }
        out.push_str(k);
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    out
}

/// An id such as `s2.1`, `i12`: ASCII letters, digits, `.`, `-`, `_`; otherwise empty.
fn id_or_empty(v: &str) -> String {
    if v.len() <= MAX_ID
        && v.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
    {
        v.to_string()
    } else {
        String::new()
    }
}

/// A serde enum name such as `growth`, `target`: ASCII letters and `_`; otherwise empty.
fn word_or_empty(v: &str) -> String {
    if v.len() <= MAX_ID && v.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        v.to_string()
    } else {
        String::new()
    }
}

/// A file name for display: no path, no control characters, bounded length.
pub fn clean_name(v: &str) -> String {
    let base = v.rsplit(['/', '\\']).next().unwrap_or("");
    base.chars()
        .filter(|c| !c.is_control())
        .take(MAX_NAME)
        .collect::<String>()
        .trim()
        .to_string()
}

/// Percent-encode everything but the unreserved characters (`A-Z a-z 0-9 - . _ ~`).
pub fn percent_encode(s: &str) -> String {
    percent_encode_keep(s, b"")
}

/// Percent-encode, also keeping the ASCII bytes in `keep`.
pub fn percent_encode_keep(s: &str, keep: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len());
    for &b in s.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') || keep.contains(&b)
        {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[(b >> 4) as usize] as char);
            out.push(HEX[(b & 15) as usize] as char);
        }
    }
    out
}

/// Decode `%XX` sequences (as UTF-8, lossily); malformed sequences stay as written.
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hi = (b[i + 1] as char).to_digit(16);
            let lo = (b[i + 2] as char).to_digit(16);
            if let (Some(h), Some(l)) = (hi, lo) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
