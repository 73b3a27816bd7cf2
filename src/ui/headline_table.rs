//! The headline table (`data-testid="headline-table"`, report tab, above the text):
//! one row per headline indicator the report states — the review year's actual
//! (level, growth or rate; an 预计 badge for estimates) beside the coming year's
//! target (qualifier as written and as ≥/≤/≈) and five-year goals where stated.
//! Data: [`crate::report::headline::headline`]; the rows are written by
//! [`super::headline_dom`].
//!
//! Clicking a value (or Enter on it) selects that indicator; clicking a row selects
//! the actual's growth, else another actual figure, else the target. Either way the
//! report text scrolls to the number and marks it (`data-testid="highlight"`).

use leptos::prelude::*;

use super::export_buttons::ExportButtons;
use super::headline_dom::HeadlineDom;
use super::indicator_table::jump_to;
use super::state::{AppState, Lang};
use crate::report::headline::{headline, Headline};
use crate::report::Report;

#[component]
pub fn HeadlineTable() -> impl IntoView {
    let state = AppState::expect();
    let data = Memo::new(move |_| state.report().map(|r| (headline(&r), r)));
    move || {
        let (h, report) = data.get()?;
        if h.rows.is_empty() {
            return None;
        }
        Some(render(state, h, report))
    }
}

fn render(state: AppState, h: Headline, report: std::sync::Arc<Report>) -> AnyView {
    let any_five = h.rows.iter().any(|r| !r.five_year.is_empty());
    let review = h.review_year.map(|y| y.to_string());
    let coming = h.report_year.map(|y| y.to_string());
    let rows = h.rows;
    // The rows are written into the body as it is built; effects owned by this
    // report's view keep the selected figure and the cells' words up to date.
    let dom: StoredValue<Option<HeadlineDom>, LocalStorage> = StoredValue::new_local(None);
    let fill = move |el: web_sys::Element| {
        let zh = state.lang.get_untracked() == Lang::Zh;
        let sel = state.selected.get_untracked();
        dom.set_value(HeadlineDom::write(&el, &report, rows.clone(), any_five, sel.as_deref(), zh));
        Effect::new(move |_| state.selected.with(|s| dom.update_value(|d| if let Some(d) = d { d.set_selected(s.as_deref()) })));
        Effect::new(move |_| {
            let zh = state.lang.get() == Lang::Zh;
            dom.update_value(|d| if let Some(d) = d { d.set_lang(zh) });
        });
    };
    let pick = move |t: Option<web_sys::EventTarget>| dom.with_value(|d| d.as_ref().zip(t).and_then(|(d, t)| d.hit(&t)));
    let on_click = move |e: web_sys::MouseEvent| {
        if let Some(id) = pick(e.target()) {
            jump_to(state, id);
        }
    };
    let on_key = move |e: web_sys::KeyboardEvent| {
        if e.key() != "Enter" && e.key() != " " {
            return;
        }
        if let Some(id) = pick(e.target()) {
            e.prevent_default();
            jump_to(state, id);
        }
    };
    view! {
        <section class="headline" aria-labelledby="headline-title">
            <div class="headline-head">
                <h2 id="headline-title">{move || state.tr("主要指标", "Headline indicators")}</h2>
                <span class="hint">{move || state.tr("点击数字查看原句", "Click a figure to see its sentence")}</span>
                <ExportButtons/>
            </div>
            <div class="headline-scroll">
                <table class="headline-table" data-testid="headline-table">
                    <thead>
                        <tr>
                            <th scope="col">{move || state.tr("指标", "Indicator")}</th>
                            <th scope="col">
                                {review.map(|y| view! { <span class="year">{y}</span> })}
                                " "{move || state.tr("实际", "actual")}
                            </th>
                            <th scope="col">
                                {coming.map(|y| view! { <span class="year">{y}</span> })}
                                " "{move || state.tr("目标", "target")}
                            </th>
                            {any_five.then(|| view! { <th scope="col">{move || state.tr("五年目标", "Five-year goals")}</th> })}
                        </tr>
                    </thead>
                    <tbody use:fill on:click=on_click on:keydown=on_key></tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}
