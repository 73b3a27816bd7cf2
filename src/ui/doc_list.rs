//! The list of open reports (`data-testid="doc-list"`), shown when two or more are open:
//! region, level, year and file of each; the active one is marked; click to switch, × to
//! close.

use leptos::prelude::*;

use super::state::{AppState, Lang};
use crate::report::Level;

fn level_label(level: Option<Level>, lang: Lang) -> &'static str {
    let (zh, en) = match level {
        Some(Level::National) => ("全国", "national"),
        Some(Level::Provincial) => ("省级", "provincial"),
        Some(Level::City) => ("市级", "city"),
        Some(Level::Prefecture) => ("州/地区", "prefecture"),
        Some(Level::League) => ("盟", "league"),
        Some(Level::County) => ("县级", "county"),
        None => ("", ""),
    };
    if lang == Lang::En {
        en
    } else {
        zh
    }
}

#[component]
pub fn DocList() -> impl IntoView {
    let state = AppState::expect();
    let many = move || state.docs.with(|d| d.len() >= 2);
    view! {
        {move || many().then(|| view! {
            <nav class="doc-list" data-testid="doc-list" aria-label=move || state.tr("打开的报告", "Open reports")>
                <span class="doc-list-label">{move || state.tr("已打开：", "Open:")}</span>
                <ul>
                    <For each=move || state.docs.get() key=|d| d.key let:doc>
                        {
                            let key = doc.key;
                            let r = doc.report.clone();
                            let region = r.region.clone().unwrap_or_default();
                            let year = r.report_year.map(|y| y.to_string()).unwrap_or_default();
                            let file = r.file.rsplit(['/', '\\']).next().unwrap_or(&r.file).to_string();
                            let level = r.level;
                            let active = move || state.active.get() == Some(key);
                            let file_title = r.file.clone();
                            view! {
                                <li class="doc-item" class:active=active data-testid="doc-item" data-key=key.to_string()>
                                    <button class="doc-switch" aria-current=move || if active() { "true" } else { "false" }
                                        title=file_title on:click=move |_| {
                                            if state.active.get_untracked() != Some(key) {
                                                state.selected.set(None);
                                                state.section.set(None);
                                                state.active.set(Some(key));
                                            }
                                        }>
                                        {(!region.is_empty()).then(|| view! { <span class="doc-region">{region.clone()}</span> })}
                                        <span class="doc-level">{move || level_label(level, state.lang.get())}</span>
                                        {(!year.is_empty()).then(|| view! { <span class="doc-year">{year.clone()}</span> })}
                                        <span class="doc-file">{file.clone()}</span>
                                    </button>
                                    <button class="doc-close" data-testid="doc-close"
                                        aria-label=move || format!("{} {}", state.tr("关闭", "Close"), file)
                                        title=move || state.tr("关闭此报告", "Close this report")
                                        on:click=move |_| state.close_doc(key)>"×"</button>
                                </li>
                            }
                        }
                    </For>
                </ul>
            </nav>
        })}
    }
}
