//! The find bar: `/` focuses it (`data-testid="find-input"`), the count shows
//! "3 / 17" (`find-count`), Enter / Shift+Enter and the `find-next` / `find-prev`
//! buttons move between hits. Matching (across line breaks, full/half width) is
//! [`crate::find`]; the text marks the hits from `state.find_hits`.

use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::AppState;
use crate::find::{first_hit_from, FindIndex};

/// Most hits listed (the count then reads "10000+").
const MAX_HITS: usize = 10_000;
/// Texts longer than this (bytes) are searched after a short pause in typing.
const DEBOUNCE_ABOVE: usize = 1_000_000;

#[component]
pub fn FindBar() -> impl IntoView {
    let state = AppState::expect();
    let input = NodeRef::<leptos::html::Input>::new();
    // The prepared text of the active report (built on the first find).
    let index: StoredValue<Option<(u32, Rc<FindIndex>)>, LocalStorage> =
        StoredValue::new_local(None);
    let generation = StoredValue::new(0u64);

    let run = move |query: String| {
        let Some(doc) = untrack(|| state.active_doc()) else {
            state.find_hits.set(Arc::new(Vec::new()));
            state.find_current.set(None);
            return;
        };
        if query.trim().is_empty() {
            // Nothing to find: do not prepare the (big) index yet.
            state.find_hits.set(Arc::new(Vec::new()));
            state.find_current.set(None);
            return;
        }
        let text = &doc.report.text;
        let idx = match index.get_value() {
            Some((k, idx)) if k == doc.key => idx,
            _ => {
                let idx = Rc::new(FindIndex::new(text));
                index.set_value(Some((doc.key, idx.clone())));
                idx
            }
        };
        let hits = idx.find(text, &query, MAX_HITS);
        // Start from where the reader is.
        let from = state
            .section
            .get_untracked()
            .and_then(|s| {
                crate::layout::section_path(&doc.report.sections, &s)
                    .last()
                    .map(|s| s.heading_span.start)
            })
            .unwrap_or(0);
        let cur = first_hit_from(&hits, from);
        state.find_hits.set(Arc::new(hits));
        state.find_current.set(cur);
    };

    // Search again when the query or the report changes.
    Effect::new(move |_| {
        let query = state.find.get();
        let size = state.report().map_or(0, |r| r.text.len());
        generation.update_value(|g| *g += 1);
        let g = generation.get_value();
        if size > DEBOUNCE_ABOVE && !query.is_empty() {
            set_timeout(
                move || {
                    if generation.try_get_value() == Some(g) {
                        run(query);
                    }
                },
                Duration::from_millis(200),
            );
        } else {
            run(query);
        }
    });

    let step = move |forward: bool| {
        let n = state.find_hits.with_untracked(|h| h.len());
        if n == 0 {
            return;
        }
        let cur = state.find_current.get_untracked();
        let next = match (cur, forward) {
            (None, _) => 0,
            (Some(c), true) => (c + 1) % n,
            (Some(c), false) => (c + n - 1) % n,
        };
        // Setting the same index again still scrolls to it (signals notify on every set).
        state.find_current.set(Some(next));
    };

    // `/` focuses the box (unless typing elsewhere).
    let slash = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "/"
            && !e.ctrl_key()
            && !e.meta_key()
            && !e.alt_key()
            && !super::toc::typing(&e)
        {
            if let Some(el) = input.get_untracked() {
                e.prevent_default();
                let _ = el.focus();
                el.select();
            }
        }
    });
    on_cleanup(move || slash.remove());

    let count = move || {
        let n = state.find_hits.with(|h| h.len());
        let q = state.find.get();
        if q.trim().is_empty() {
            return String::new();
        }
        if n == 0 {
            return state.tr("无结果", "No matches").to_string();
        }
        let more = if n >= MAX_HITS { "+" } else { "" };
        match state.find_current.get() {
            Some(c) => format!("{} / {n}{more}", c + 1),
            None => format!("{n}{more}"),
        }
    };

    view! {
        <div class="find-bar" role="search" data-testid="find-bar">
            <label for="find-input" class="sr-only">{move || state.tr("在报告中查找", "Find in report")}</label>
            <input id="find-input" type="search" data-testid="find-input" node_ref=input autocomplete="off"
                placeholder=move || state.tr("查找（按 / ）", "Find (press /)")
                prop:value=move || state.find.get()
                on:input=move |e| state.find.set(event_target_value(&e))
                on:keydown=move |e| match e.key().as_str() {
                    "Enter" => {
                        e.prevent_default();
                        step(!e.shift_key());
                    }
                    "Escape" => {
                        state.find.set(String::new());
                        if let Some(t) = e.target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                            let _ = t.blur();
                        }
                    }
                    _ => {}
                }/>
            <span class="find-count" data-testid="find-count" aria-live="polite">{count}</span>
            <button class="button icon" data-testid="find-prev" on:click=move |_| step(false)
                title=move || state.tr("上一个（Shift+Enter）", "Previous (Shift+Enter)")
                aria-label=move || state.tr("上一个", "Previous")
                disabled=move || state.find_hits.with(|h| h.is_empty())>"↑"</button>
            <button class="button icon" data-testid="find-next" on:click=move |_| step(true)
                title=move || state.tr("下一个（Enter）", "Next (Enter)")
                aria-label=move || state.tr("下一个", "Next")
                disabled=move || state.find_hits.with(|h| h.is_empty())>"↓"</button>
        </div>
    }
}
