//! The report body (`data-testid="report-text"`): headings and paragraphs from
//! [`crate::layout::blocks`], indicator numbers marked. Always text, never HTML.

use leptos::prelude::*;

use super::state::AppState;
use crate::layout::{self, BlockKind};

#[component]
pub fn ReportText() -> impl IntoView {
    let state = AppState::expect();

    // Scroll to the chosen section or indicator when asked.
    Effect::new(move |_| {
        state.scroll_request.track();
        let target = state
            .selected
            .get_untracked()
            .map(|i| format!("num-{i}"))
            .or_else(|| state.section.get_untracked().map(|s| format!("sec-{s}")));
        if let Some(id) = target {
            scroll_to(&id);
        }
    });

    move || {
        let r = state.report()?;
        let blocks = layout::blocks(&r);
        let text = r.text.clone();
        let body = blocks
            .into_iter()
            .map(|b| {
                let segs = b
                    .segments
                    .iter()
                    .map(|seg| {
                        let s = text[seg.span.start..seg.span.end].to_string();
                        match seg.indicator {
                            Some(i) => {
                                let ind = &r.indicators[i];
                                let id = ind.id.clone();
                                let sel = id.clone();
                                let title = super::report_text::reading(ind);
                                view! {
                                    <mark class="num" id=format!("num-{}", ind.id) data-indicator=ind.id.clone()
                                        data-testid=move || (state.selected.get().as_deref() == Some(sel.as_str())).then_some("highlight")
                                        class:selected={let sel2 = id.clone(); move || state.selected.get().as_deref() == Some(sel2.as_str())}
                                        title=title
                                        on:click=move |_| state.selected.set(Some(id.clone()))>{s}</mark>
                                }
                                .into_any()
                            }
                            None => s.into_any(),
                        }
                    })
                    .collect_view();
                match b.kind {
                    BlockKind::Heading { section, level } => {
                        let class = format!("heading h-l{level}");
                        view! { <div class=class id=format!("sec-{section}") data-section=section role="heading" aria-level=(level + 1).to_string()>{segs}</div> }.into_any()
                    }
                    BlockKind::Para => view! { <p data-section=b.section.unwrap_or_default()>{segs}</p> }.into_any(),
                }
            })
            .collect_view();
        Some(view! { <article class="report-text" data-testid="report-text" lang="zh-CN">{body}</article> })
    }
}

/// A one-line reading of an indicator, e.g. "target · growth · ≥ 8 % · 2017".
pub fn reading(ind: &crate::report::Indicator) -> String {
    let status = serde_json::to_value(ind.status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let measure = serde_json::to_value(ind.measure).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
    let sym = match ind.qualifier.as_deref() {
        Some("以上" | "不低于" | "超过" | "突破" | "高于") => "≥ ",
        Some("以内" | "低于" | "控制在" | "不超过" | "以下") => "≤ ",
        Some("左右" | "约") => "≈ ",
        _ => "",
    };
    let value = match &ind.value {
        crate::report::Value::Number(v) => format!("{v}"),
        crate::report::Value::Range([a, b]) => format!("{a}–{b}"),
    };
    let when = ind.year.map(|y| y.to_string()).or_else(|| ind.period.clone()).unwrap_or_default();
    format!("{status} · {measure} · {}{sym}{value} {} · {when} · {}", ind.name, ind.unit, ind.sentence)
}

fn scroll_to(id: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(el) = doc.get_element_by_id(id) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_behavior(web_sys::ScrollBehavior::Smooth);
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}
