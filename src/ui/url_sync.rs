//! The view ⇄ the address bar. The fragment says what the reader looks at
//! (`#s=s2.1&i=i3&tab=indicators&m=…&st=…&sec=…&q=…`), the query which reports are open
//! when they can be fetched again (`?report=…&url=…`). Explicit navigation (a TOC click,
//! `j`/`k`, a tab, an indicator) pushes a history entry so back/forward move between
//! views; scroll-spy and filter typing only replace the current entry.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;

use super::state::{AppState, Source, Tab};
use crate::report;
use crate::share::link::{build_query, Opening};
use crate::share::{Fragment, ViewState};

thread_local! {
    /// Set once the page has opened what the address asked for; before that the
    /// address is left alone (a `?url=` download in flight must not be wiped).
    static READY: Cell<bool> = const { Cell::new(false) };
    /// The `#doc=` / `#sha256=` part the page was opened with, kept in the address while
    /// that report is the one open (doc key, or None while waiting for a dropped file).
    static LINK_PART: RefCell<Option<(Option<u32>, Fragment)>> = const { RefCell::new(None) };
}

pub fn set_ready() {
    READY.with(|r| r.set(true));
}

pub fn is_ready() -> bool {
    READY.with(|r| r.get())
}

/// Keep `doc=`/`sha256=` + `name=` in the address while `key` (or, for `None`, no report
/// yet) is what is open.
pub fn remember_link_part(
    key: Option<u32>,
    doc: Option<String>,
    sha256: Option<String>,
    name: Option<String>,
) {
    let f = Fragment {
        doc,
        sha256,
        name,
        view: ViewState::default(),
    };
    LINK_PART.with(|l| *l.borrow_mut() = Some((key, f)));
}

pub fn forget_link_part() {
    LINK_PART.with(|l| *l.borrow_mut() = None);
}

/// `location.search` and `location.hash`.
pub fn location() -> (String, String) {
    let loc = window().location();
    (
        loc.search().unwrap_or_default(),
        loc.hash().unwrap_or_default(),
    )
}

/// The page address without query and fragment (origin + path): the base of share links.
pub fn base_url() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// The view as it is now (reactive: tracks the signals it reads).
pub fn view_of(state: AppState) -> ViewState {
    let f = state.filter.get();
    ViewState {
        section: state.section.get().unwrap_or_default(),
        indicator: state.selected.get().unwrap_or_default(),
        tab: state.tab.get().as_str().to_string(),
        measure: f.measure,
        status: f.status,
        sec: f.section,
        q: f.text,
    }
}

/// The view as it is now, without subscribing.
pub fn view_now(state: AppState) -> ViewState {
    untrack(|| view_of(state))
}

/// The openings that bring back the open set, when every open report can be fetched
/// again (catalog or address); None otherwise.
pub fn openings_of(docs: &[super::state::Doc]) -> Option<Vec<Opening>> {
    let mut out = Vec::new();
    for d in docs {
        match &d.source {
            Source::Catalog(id) => out.push(Opening::Report(id.clone())),
            Source::Url(u) => out.push(Opening::Url(u.clone())),
            _ => return None,
        }
    }
    Some(out)
}

/// Apply a view from a link: tab, filters, selected indicator, section; then scroll to
/// it once the report is drawn. Ids the open report does not have are reported, not kept.
pub fn apply_view(state: AppState, v: &ViewState) {
    let r = state.docs.with_untracked(|d| {
        let key = state.active.get_untracked();
        d.iter()
            .find(|d| Some(d.key) == key)
            .map(|d| d.report.clone())
    });
    let tab = Tab::parse(&v.tab).unwrap_or(Tab::Text);
    let tab = if tab == Tab::Compare && state.docs.with_untracked(|d| d.len()) < 2 {
        Tab::Text
    } else {
        tab
    };
    if state.tab.get_untracked() != tab {
        state.tab.set(tab);
    }
    let want_filter = (
        v.measure.clone(),
        v.status.clone(),
        v.sec.clone(),
        v.q.clone(),
    );
    let have = state.filter.with_untracked(|f| {
        (
            f.measure.clone(),
            f.status.clone(),
            f.section.clone(),
            f.text.clone(),
        )
    });
    if want_filter != have {
        state.filter.update(|f| {
            f.measure = v.measure.clone();
            f.status = v.status.clone();
            f.section = v.sec.clone();
            f.text = v.q.clone();
        });
    }
    let mut missing = Vec::new();
    let section = (!v.section.is_empty())
        .then(|| v.section.clone())
        .filter(|s| {
            let ok = r
                .as_ref()
                .is_none_or(|r| report::flatten(&r.sections).iter().any(|x| &x.id == s));
            if !ok {
                missing.push(s.clone());
            }
            ok
        });
    let indicator = (!v.indicator.is_empty())
        .then(|| v.indicator.clone())
        .filter(|i| {
            let ok = r
                .as_ref()
                .is_none_or(|r| r.indicators.iter().any(|x| &x.id == i));
            if !ok {
                missing.push(i.clone());
            }
            ok
        });
    if state.selected.get_untracked() != indicator {
        state.selected.set(indicator.clone());
    }
    if state.section.get_untracked() != section {
        state.section.set(section.clone());
    }
    if !missing.is_empty() {
        state.warn(format!(
            "{} {}",
            state.tr_now(
                "链接指向的位置在这份报告里不存在：",
                "The link points to places this report does not have:"
            ),
            missing.join(", ")
        ));
    }
    if section.is_some() || indicator.is_some() {
        scroll_after_draw(state);
    }
}

/// Ask for a scroll to `state.section`/`state.selected` after the next frames (the report
/// is drawn by then).
pub fn scroll_after_draw(state: AppState) {
    request_animation_frame(move || {
        request_animation_frame(move || state.scroll_request.update(|n| *n += 1));
    });
}

/// The address for the current state, or None to leave it alone.
fn address_for(state: AppState, view: &ViewState) -> Option<(String, String)> {
    let (docs, active) = (state.docs.get(), state.active.get());
    let link = LINK_PART.with(|l| l.borrow().clone());
    let mut frag = Fragment {
        view: view.clone(),
        ..Default::default()
    };
    let query;
    match link {
        // Waiting for the receiver's own copy of a file: keep the fingerprint.
        Some((None, f)) if docs.is_empty() => {
            frag.sha256 = f.sha256;
            frag.name = f.name;
            query = String::new();
        }
        // The report that came in the link is the one open: keep it in the address.
        Some((Some(key), f)) if docs.len() == 1 && docs[0].key == key => {
            frag.doc = f.doc;
            frag.sha256 = f.sha256;
            frag.name = f.name;
            query = String::new();
        }
        _ => {
            if docs.is_empty() || active.is_none() {
                return None;
            }
            // Reports that cannot be fetched again come back from browser storage.
            query = openings_of(&docs)
                .map(|o| build_query(&o))
                .unwrap_or_default();
        }
    }
    Some((query, frag.to_fragment()))
}

/// Write `?query#fragment` (push or replace), unless the address already says so.
pub fn write_address(query: &str, fragment: &str, push: bool) {
    let w = window();
    let loc = w.location();
    let (search, hash) = (
        loc.search().unwrap_or_default(),
        loc.hash().unwrap_or_default(),
    );
    let want_hash = if fragment.is_empty() {
        String::new()
    } else {
        format!("#{fragment}")
    };
    if search == query && hash == want_hash {
        return;
    }
    let url = format!(
        "{}{}{}",
        loc.pathname().unwrap_or_default(),
        query,
        want_hash
    );
    if let Ok(h) = w.history() {
        let _ = if push {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
}

/// Keep the address in step with the view; restore views on back/forward.
pub fn install(state: AppState) {
    Effect::new(move |prev: Option<(ViewState, u64, String)>| {
        let view = view_of(state);
        let scroll = state.scroll_request.get();
        let addr = address_for(state, &view);
        let query = addr.as_ref().map(|a| a.0.clone()).unwrap_or_default();
        if is_ready() {
            if let Some((q, f)) = &addr {
                let push = match &prev {
                    None => false,
                    Some((pv, ps, pq)) => {
                        *pq != query
                            || pv.tab != view.tab
                            || (pv.indicator != view.indicator && !view.indicator.is_empty())
                            || (pv.section != view.section && *ps != scroll)
                    }
                };
                write_address(q, f, push);
            }
        }
        (view, scroll, query)
    });

    let _ = window_event_listener(leptos::ev::popstate, move |_| {
        let (search, hash) = location();
        // `#main` and other in-page anchors are not views: leave the state alone.
        if hash.len() > 1 && !hash.contains('=') {
            return;
        }
        super::boot::follow_address(state, &search, &hash);
    });
}
