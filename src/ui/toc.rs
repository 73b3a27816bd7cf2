//! Table of contents (`data-testid="toc"`): the outline as links. The entry of the
//! section in view is marked (`state.section`, set by the text's scroll spy) and kept
//! visible in the sidebar; parts fold and unfold; `j`/`k` go to the next/previous
//! entry; a click scrolls the text to the heading.

use std::collections::HashSet;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{AppState, Lang, Tab};
use super::toc_dom::{self, has_children, Hit, TocDom, TOC_MAX};
use crate::layout;
use crate::report::Section;

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

    move || {
        let r = state.report()?;
        // A new report: fold its parts when the outline is long — before its entries are
        // written, so folded children are never written at all.
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
        // The entries are written into the list as it is built; effects owned by this
        // report's view keep their folds, current entry and labels up to date.
        let fill = move |el: web_sys::Element| {
            let zh = state.lang.get_untracked() == Lang::Zh;
            let Some(dom) = collapsed.with_untracked(|c| {
                TocDom::write(&el, r.clone(), c, current.get_untracked().as_deref(), zh)
            }) else {
                return;
            };
            let dom = StoredValue::new_local(dom);
            Effect::new(move |_| collapsed.with(|c| dom.update_value(|d| d.fold(c))));
            Effect::new(move |_| current.with(|c| dom.update_value(|d| d.set_current(c.as_deref()))));
            Effect::new(move |_| {
                let zh = state.lang.get() == Lang::Zh;
                dom.update_value(|d| d.set_lang(zh));
            });
        };
        let on_click = move |e: web_sys::MouseEvent| {
            let Some(hit) = e.target().and_then(|t| toc_dom::hit(&t)) else {
                return;
            };
            match hit {
                Hit::Go(id) => {
                    e.prevent_default();
                    go(state, id);
                }
                Hit::Toggle(id) => collapsed.update(|c| {
                    if !c.remove(&id) {
                        c.insert(id);
                    }
                }),
            }
        };
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
                    <ul use:fill on:click=on_click></ul>
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
