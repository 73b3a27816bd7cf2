//! The active report's charts ([`crate::chart`]). `compact` (on the report tab, above the
//! text): the headline chart only — growth targets vs actuals, or the amounts chart when
//! the report gives no growth figures. Otherwise (the Charts tab): every chart, large, with
//! a short note for each the report gives no data for.

use leptos::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::state::{AppState, Lang};
use crate::chart::{self, ChartKind, ChartLang};

#[component]
pub fn Charts(#[prop(optional)] compact: bool) -> impl IntoView {
    let state = AppState::expect();
    move || {
        let r = state.report()?;
        let lang = if state.lang.get() == Lang::En {
            ChartLang::En
        } else {
            ChartLang::Zh
        };
        let file = r.file.clone();
        if compact {
            let headline = [ChartKind::Growth, ChartKind::Amounts]
                .into_iter()
                .find_map(|k| chart::build(k, &r, lang))?;
            return Some(
                view! {
                    <section class="charts compact" data-testid="charts" aria-label=move || state.tr("主要图表", "Headline chart")>
                        <ChartCanvas chart=headline file=file/>
                    </section>
                }
                .into_any(),
            );
        }
        let items = chart::build_all(&r, lang)
            .into_iter()
            .map(|(kind, data)| match data {
                Some(c) => view! { <ChartCanvas chart=c file=file.clone()/> }.into_any(),
                None => view! {
                    <p class="chart-missing" data-testid="chart-missing" data-chart=kind.name()>{kind.missing_note(lang)}</p>
                }
                .into_any(),
            })
            .collect_view();
        Some(
            view! {
                <section class="charts" data-testid="charts" aria-label=move || state.tr("图表", "Charts")>
                    <h2 class="charts-title">{move || state.tr("图表", "Charts")}</h2>
                    <p class="charts-hint">{move || state.tr(
                        "指向条形查看数值，点击跳到报告原文中的句子。",
                        "Point at a bar to see its value; click it to go to the sentence in the report.")}</p>
                    {items}
                </section>
            }
            .into_any(),
        )
    }
}
