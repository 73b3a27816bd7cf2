//! Table of contents (`data-testid="toc"`): the outline as links. The entry of the
//! section in view is marked (`state.section`, set by the text's scroll spy) and kept
//! visible in the sidebar; parts fold and unfold; `j`/`k` go to the next/previous
//! entry; a click scrolls the text to the heading.

use std::collections::HashSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, Tab};
use crate::layout;
use crate::report::Section;

/// Deepest outline level listed (level 5, lead sentences, stays out).
const TOC_MAX: u8 = 4;
/// With more entries than this, parts start folded.
const FOLD_ABOVE: usize = 60;

#[component]
pub fn Toc() -> impl IntoView {
    let state = AppState::expect();
    let collapsed: RwSignal<HashSet<String>> = RwSignal::new(HashSet::new());

    // The entry to mark: the deepest listed, unfolded ancestor-or-self of the reader's section.
    let current = Memo::new(move |_| {
        let r = state.report()?;
        let sec = state.section.get()?;
        let path = layout::section_path(&r.sections, &sec);
        collapsed.with(|c| {
            let mut best = None;
            for s in path {
                if s.level > TOC_MAX {
                    break;
                }
                best = Some(s.id.clone());
                if c.contains(&s.id) {
                    break;
                }
            }
            best
        })
    });

    // Keep the marked entry in view inside the sidebar (without scrolling the page).
    Effect::new(move |_| {
        let Some(id) = current.get() else { return };
        request_animation_frame(move || keep_visible(&id));
    });

    // j / k: next / previous entry.
    let keys = window_event_listener(leptos::ev::keydown, move |e| {
        let key = e.key();
        if (key != "j" && key != "k") || e.ctrl_key() || e.meta_key() || e.alt_key() || typing(&e) {
            return;
        }
        let Some(r) = untrack(|| state.report()) else {
            return;
        };
        let ids = collapsed.with_untracked(|c| visible_entries(&r.sections, c));
        if ids.is_empty() {
            return;
        }
        let at = current
            .get_untracked()
            .and_then(|c| ids.iter().position(|i| *i == c));
        let next = match (key.as_str(), at) {
            ("j", None) => 0,
            ("j", Some(i)) => (i + 1).min(ids.len() - 1),
            (_, None) => 0,
            (_, Some(i)) => i.saturating_sub(1),
        };
        e.prevent_default();
        go(state, ids[next].clone());
    });
    on_cleanup(move || keys.remove());

    // Only the entries whose marked state changes are told (long outlines).
    let selector = Selector::new(move || current.get());

    move || {
        let r = state.report()?;
        // A new report: fold its parts when the outline is long — before its entries are
        // built, so folded children are never built at all.
        collapsed.set(initial_fold(&r.sections));
        if r.sections.is_empty() {
            return Some(
                view! {
                    <nav class="toc" data-testid="toc" aria-label=move || state.tr("目录", "Contents")>
                        <h2 class="toc-title">{move || state.tr("目录", "Contents")}</h2>
                        <p class="muted toc-empty">{move || state.tr("没有找到章节结构。", "No outline found.")}</p>
                    </nav>
                }
                .into_any(),
            );
        }
        let parts: Vec<String> = layout::toc_entries(&r.sections, TOC_MAX)
            .into_iter()
            .filter(|s| has_children(s))
            .map(|s| s.id.clone())
            .collect();
        let any_parts = !parts.is_empty();
        // "Expand all" once every top-level part is folded.
        let tops: Vec<String> = r
            .sections
            .iter()
            .filter(|s| has_children(s))
            .map(|s| s.id.clone())
            .collect();
        let all_folded = move || collapsed.with(|c| tops.iter().all(|p| c.contains(p)));
        let all_folded2 = all_folded.clone();
        let entries = r
            .sections
            .iter()
            .map(|s| entry(state, s, collapsed, selector.clone()))
            .collect_view();
        Some(
            view! {
                <nav class="toc" data-testid="toc" aria-label=move || state.tr("目录", "Contents")>
                    <div class="toc-head">
                        <h2 class="toc-title">{move || state.tr("目录", "Contents")}</h2>
                        {any_parts.then(|| view! {
                            <button class="link-button toc-all" data-testid="toc-fold-all"
                                on:click=move |_| {
                                    if all_folded() {
                                        collapsed.set(HashSet::new());
                                    } else {
                                        collapsed.set(parts.iter().cloned().collect());
                                    }
                                }>
                                {move || if all_folded2() { state.tr("全部展开", "Expand all") } else { state.tr("全部折叠", "Collapse all") }}
                            </button>
                        })}
                    </div>
                    <p class="toc-hint muted">{move || state.tr("按 j / k 切换章节", "j / k: next / previous")}</p>
                    <ul>{entries}</ul>
                </nav>
            }
            .into_any(),
        )
    }
}

/// The parts folded when a report opens: all top-level parts of a long outline.
fn initial_fold(sections: &[Section]) -> HashSet<String> {
    if layout::toc_entries(sections, TOC_MAX).len() > FOLD_ABOVE {
        sections
            .iter()
            .filter(|s| has_children(s))
            .map(|s| s.id.clone())
            .collect()
    } else {
        HashSet::new()
    }
}

fn has_children(s: &Section) -> bool {
    s.children.iter().any(|c| c.level <= TOC_MAX)
}

fn entry(
    state: AppState,
    s: &Section,
    collapsed: RwSignal<HashSet<String>>,
    selector: Selector<Option<String>>,
) -> AnyView {
    let children: Vec<Section> = s
        .children
        .iter()
        .filter(|c| c.level <= TOC_MAX)
        .cloned()
        .collect();
    let id = s.id.clone();
    let label = layout::section_label(s);
    let is_current = {
        let key = Some(id.clone());
        let selector = selector.clone();
        move || selector.selected(&key)
    };
    let is_current2 = is_current.clone();
    // A memo: entries hear about a fold only when their own state changes.
    let folded = {
        let id = id.clone();
        let m = Memo::new(move |_| collapsed.with(|c| c.contains(&id)));
        move || m.get()
    };
    let toggle = (!children.is_empty()).then(|| {
        let id = id.clone();
        let folded = folded.clone();
        let folded2 = folded.clone();
        let folded3 = folded.clone();
        let label = label.clone();
        view! {
            <button class="toc-toggle" aria-controls=format!("toc-c-{id}")
                aria-expanded=move || (!folded()).to_string()
                aria-label=move || format!("{} {label}", if folded2() { state.tr("展开", "Expand") } else { state.tr("折叠", "Collapse") })
                on:click={
                    let id = id.clone();
                    move |_| collapsed.update(|c| {
                        if !c.remove(&id) {
                            c.insert(id.clone());
                        }
                    })
                }>
                <span aria-hidden="true">{move || if folded3() { "▸" } else { "▾" }}</span>
            </button>
        }
    });
    // Children of a folded entry are not in the page until it unfolds (long outlines).
    let sub = (!children.is_empty()).then(|| {
        let folded = folded.clone();
        let folded2 = folded.clone();
        let selector = selector.clone();
        view! {
            <ul id=format!("toc-c-{id}") hidden=folded>
                {move || (!folded2()).then(|| {
                    children.iter().map(|c| entry(state, c, collapsed, selector.clone())).collect_view()
                })}
            </ul>
        }
    });
    let go_id = id.clone();
    view! {
        <li class=format!("toc-l{}", s.level)>
            <div class="toc-row">
                {toggle}
                <a href=format!("#sec-{id}") data-toc=id.clone() class:current=is_current
                   aria-current=move || is_current2().then_some("location")
                   on:click=move |e| {
                       e.prevent_default();
                       go(state, go_id.clone());
                   }>{label}</a>
            </div>
            {sub}
        </li>
    }
    .into_any()
}

/// Navigate to a section: show the text, mark it, scroll to it.
fn go(state: AppState, id: String) {
    if state.tab.get_untracked() != Tab::Text {
        state.tab.set(Tab::Text);
    }
    state.selected.set(None);
    state.section.set(Some(id));
    state.scroll_request.update(|n| *n += 1);
}

/// Entry ids a reader can see (not inside a folded part), in document order.
fn visible_entries(sections: &[Section], collapsed: &HashSet<String>) -> Vec<String> {
    fn walk(s: &[Section], collapsed: &HashSet<String>, out: &mut Vec<String>) {
        for sec in s.iter().filter(|s| s.level <= TOC_MAX) {
            out.push(sec.id.clone());
            if !collapsed.contains(&sec.id) {
                walk(&sec.children, collapsed, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(sections, collapsed, &mut out);
    out
}

/// True when the key went to a text field (or anything editable).
pub fn typing(e: &web_sys::KeyboardEvent) -> bool {
    let Some(t) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return false;
    };
    matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || t.is_content_editable()
}

/// Scroll the sidebar so the entry `id` is visible.
fn keep_visible(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let sel = format!(".toc a[data-toc=\"{}\"]", id.replace('"', ""));
    let Some(a) = doc.query_selector(&sel).ok().flatten() else {
        return;
    };
    let Some(side) = a.closest(".sidebar").ok().flatten() else {
        return;
    };
    let ar = a.get_bounding_client_rect();
    let sr = side.get_bounding_client_rect();
    let pad = 24.0;
    if ar.top() < sr.top() + pad {
        side.set_scroll_top(side.scroll_top() - (sr.top() + pad - ar.top()) as i32);
    } else if ar.bottom() > sr.bottom() - pad {
        side.set_scroll_top(side.scroll_top() + (ar.bottom() - (sr.bottom() - pad)) as i32);
    }
}
