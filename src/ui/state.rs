//! The one context struct every component reads: open reports, the active view, notices.

use std::sync::Arc;

use leptos::prelude::*;

use crate::report::Report;

/// Where an open report came from (decides which share link fits).
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// The built-in sample.
    Sample,
    /// A file the user dropped or picked (its name).
    File(String),
    /// Text pasted by the user.
    Pasted,
    /// Fetched from `?url=`.
    Url(String),
    /// From the hosted catalog `reports/index.json` (its id).
    Catalog(String),
    /// Decoded from a `#doc=` link.
    Link,
}

/// One open report.
#[derive(Clone, Debug)]
pub struct Doc {
    /// Unique per page session.
    pub key: u32,
    pub report: Arc<Report>,
    pub source: Source,
    /// The bytes as received (for `#doc=` links and SHA-256 checks).
    pub bytes: Arc<Vec<u8>>,
    /// The text the parser read, when the bytes are not UTF-8 the page can read itself
    /// (a Word file, GBK …; decoded by the worker): what a `#doc=` link carries.
    pub input: Option<Arc<String>>,
}

impl PartialEq for Doc {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}

/// Visible notice (the `message` area).
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Warning,
    Error,
}

/// The main area's tabs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Tab {
    Text,
    Indicators,
    Charts,
    Compare,
}

impl Tab {
    /// Stable name used in URLs (`#tab=`).
    pub fn as_str(self) -> &'static str {
        match self {
            Tab::Text => "text",
            Tab::Indicators => "indicators",
            Tab::Charts => "charts",
            Tab::Compare => "compare",
        }
    }
    pub fn parse(s: &str) -> Option<Tab> {
        Some(match s {
            "text" => Tab::Text,
            "indicators" => Tab::Indicators,
            "charts" => Tab::Charts,
            "compare" => Tab::Compare,
            _ => return None,
        })
    }
}

/// Interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

/// Filters of the all-indicators table (also carried in the URL).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorFilter {
    /// `level`, `growth`, … (serde names of `Measure`), empty = all.
    pub measure: String,
    /// `actual` | `estimate` | `target`, empty = all.
    pub status: String,
    /// Section id prefix, empty = all.
    pub section: String,
    /// Free text matched against name and sentence.
    pub text: String,
    /// Sort column and direction.
    pub sort: String,
    pub desc: bool,
}

/// Progress of a long parse or download.
#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    pub label: String,
    /// 0.0 ..= 1.0, or None when unknown.
    pub fraction: Option<f64>,
}

/// All app state, provided once as context (`use_context::<AppState>()`); `Copy`, so
/// components capture it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub docs: RwSignal<Vec<Doc>>,
    /// Key of the active doc.
    pub active: RwSignal<Option<u32>>,
    pub notice: RwSignal<Option<Notice>>,
    pub tab: RwSignal<Tab>,
    /// Section id the reader is at (from TOC clicks, scrolling, `j`/`k`, `#s=`).
    pub section: RwSignal<Option<String>>,
    /// Indicator id the reader selected (highlighted in the text).
    pub selected: RwSignal<Option<String>>,
    pub lang: RwSignal<Lang>,
    pub filter: RwSignal<IndicatorFilter>,
    /// The find box's query.
    pub find: RwSignal<String>,
    pub progress: RwSignal<Option<Progress>>,
    /// A cancellable job (worker parse) is running: the progress bar shows a cancel button.
    pub cancellable: RwSignal<bool>,
    /// Bumped whenever a programmatic scroll to `section`/`selected` is wanted.
    pub scroll_request: RwSignal<u64>,
    /// Find hits (byte spans of the active report's text) and the current one (FindBar).
    pub find_hits: RwSignal<Arc<Vec<crate::report::Span>>>,
    pub find_current: RwSignal<Option<usize>>,
    next_key: StoredValue<u32>,
}

impl AppState {
    pub fn new() -> Self {
        AppState {
            docs: RwSignal::new(Vec::new()),
            active: RwSignal::new(None),
            notice: RwSignal::new(None),
            tab: RwSignal::new(Tab::Text),
            section: RwSignal::new(None),
            selected: RwSignal::new(None),
            lang: RwSignal::new(initial_lang()),
            filter: RwSignal::new(IndicatorFilter::default()),
            find: RwSignal::new(String::new()),
            progress: RwSignal::new(None),
            cancellable: RwSignal::new(false),
            scroll_request: RwSignal::new(0),
            find_hits: RwSignal::new(Arc::new(Vec::new())),
            find_current: RwSignal::new(None),
            next_key: StoredValue::new(1),
        }
    }

    /// The state provided by [`crate::ui::app::App`].
    pub fn expect() -> AppState {
        expect_context::<AppState>()
    }

    /// The active doc (reactive).
    pub fn active_doc(&self) -> Option<Doc> {
        let key = self.active.get()?;
        self.docs.with(|d| d.iter().find(|d| d.key == key).cloned())
    }

    /// The active report (reactive).
    pub fn report(&self) -> Option<Arc<Report>> {
        self.active_doc().map(|d| d.report)
    }

    /// Add a report and make it active. When `replace` is set the open set becomes just this one.
    pub fn open_doc(&self, report: Report, source: Source, bytes: Vec<u8>, replace: bool) -> u32 {
        self.open_decoded(report, source, bytes, None, replace)
    }

    /// [`Self::open_doc`] of a report the worker decoded: `input` is [`Doc::input`].
    pub fn open_decoded(&self, report: Report, source: Source, bytes: Vec<u8>, input: Option<String>, replace: bool) -> u32 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        let doc = Doc { key, report: Arc::new(report), source, bytes: Arc::new(bytes), input: input.map(Arc::new) };
        self.docs.update(|d| {
            if replace {
                // Freeing a report is not free (its text, indicators, sections): the old
                // ones go once the new one is painted, not while the reader waits for it.
                let old = std::mem::take(d);
                super::perf::after_paint(move || drop(old));
            }
            d.push(doc);
        });
        self.selected.set(None);
        self.section.set(None);
        self.active.set(Some(key));
        key
    }

    /// Close one report; the previous one becomes active.
    pub fn close_doc(&self, key: u32) {
        self.docs.update(|d| d.retain(|d| d.key != key));
        if self.active.get_untracked() == Some(key) {
            self.active.set(self.docs.with_untracked(|d| d.last().map(|d| d.key)));
        }
    }

    pub fn info(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice { kind: NoticeKind::Info, text: text.into() }));
    }
    pub fn warn(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice { kind: NoticeKind::Warning, text: text.into() }));
    }
    pub fn error(&self, text: impl Into<String>) {
        self.notice.set(Some(Notice { kind: NoticeKind::Error, text: text.into() }));
    }

    /// Interface text in the chosen language (reactive).
    pub fn tr(&self, zh: &'static str, en: &'static str) -> &'static str {
        match self.lang.get() {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// Interface text in the chosen language (not reactive: for messages built in handlers).
    pub fn tr_now(&self, zh: &'static str, en: &'static str) -> &'static str {
        match self.lang.get_untracked() {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    pub fn set_lang(&self, lang: Lang) {
        self.lang.set(lang);
        if let Some(s) = local_storage() {
            let _ = s.set_item("baogao:lang", if lang == Lang::En { "en" } else { "zh" });
        }
    }
}

impl Default for AppState {
    fn default() -> Self {
        Self::new()
    }
}

/// `window.localStorage`, if the browser allows it.
pub fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn initial_lang() -> Lang {
    let stored = local_storage().and_then(|s| s.get_item("baogao:lang").ok().flatten());
    match stored.as_deref() {
        Some("en") => Lang::En,
        Some("zh") => Lang::Zh,
        _ => {
            let nav = web_sys::window().map(|w| w.navigator().language().unwrap_or_default());
            if nav.is_some_and(|l| l.starts_with("en")) {
                Lang::En
            } else {
                Lang::Zh
            }
        }
    }
}
