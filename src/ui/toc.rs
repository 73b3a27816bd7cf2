//! Table of contents (`data-testid="toc"`): the outline as links.

use leptos::prelude::*;

use super::state::AppState;
use crate::report::Section;

#[component]
pub fn Toc() -> impl IntoView {
    let state = AppState::expect();
    move || {
        let r = state.report()?;
        let sections = r.sections.clone();
        Some(view! {
            <nav class="toc" data-testid="toc">
                <h2 class="toc-title">{state.tr("目录", "Contents")}</h2>
                <ul>{sections.into_iter().map(|s| entry(state, s)).collect_view()}</ul>
            </nav>
        })
    }
}

fn entry(state: AppState, s: Section) -> AnyView {
    // Lead sentences (deepest level) stay out of the TOC to keep it readable.
    let children: Vec<Section> = s.children.into_iter().filter(|c| c.level < 5).collect();
    let id = s.id.clone();
    let label = if s.number.is_empty() { s.heading.clone() } else { format!("{} {}", s.number, s.heading) };
    let current = {
        let id = id.clone();
        move || state.section.get().as_deref() == Some(id.as_str())
    };
    view! {
        <li class=format!("toc-l{}", s.level)>
            <a href=format!("#sec-{}", s.id) class:current=current
               on:click=move |e| {
                   e.prevent_default();
                   state.section.set(Some(id.clone()));
                   state.scroll_request.update(|n| *n += 1);
               }>{label}</a>
            {(!children.is_empty()).then(|| view! {
                <ul>{children.into_iter().map(|c| entry(state, c)).collect_view()}</ul>
            })}
        </li>
    }
    .into_any()
}
