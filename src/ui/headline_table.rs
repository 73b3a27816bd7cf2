//! The headline table (`data-testid="headline-table"`, report tab, above the text):
//! one row per headline indicator the report states — the review year's actual
//! (level, growth or rate; an 预计 badge for estimates) beside the coming year's
//! target (qualifier as written and as ≥/≤/≈) and five-year goals where stated.
//! Data: [`crate::report::headline::headline`].
//!
//! Clicking a value (or Enter on it) selects that indicator; clicking a row selects
//! the actual's growth, else another actual figure, else the target. Either way the
//! report text scrolls to the number and marks it (`data-testid="highlight"`).

use leptos::prelude::*;

use super::export_buttons::ExportButtons;
use super::indicator_table::jump_to;
use super::state::{AppState, Lang};
use crate::export::{number, table::qualifier_symbol};
use crate::report::headline::{headline, Headline, HeadlineActual, HeadlineRow, HeadlineTarget};
use crate::report::{Direction, Measure, Report, Value};

#[component]
pub fn HeadlineTable() -> impl IntoView {
    let state = AppState::expect();
    let data = Memo::new(move |_| state.report().map(|r| (headline(&r), r)));
    move || {
        let (h, report) = data.get()?;
        if h.rows.is_empty() {
            return None;
        }
        Some(render(state, h, &report))
    }
}

/// Which figures of an actual come from which indicator ids.
#[derive(Default)]
struct ActualIds {
    level: Option<String>,
    growth: Option<String>,
    rate: Option<String>,
}

fn actual_ids(report: &Report, a: &HeadlineActual) -> ActualIds {
    let mut out = ActualIds::default();
    for id in &a.ids {
        let Some(ind) = report.indicators.iter().find(|i| &i.id == id) else {
            continue;
        };
        let slot = match ind.measure {
            Measure::Level | Measure::Count => &mut out.level,
            Measure::Growth => &mut out.growth,
            _ => &mut out.rate,
        };
        slot.get_or_insert_with(|| id.clone());
    }
    out
}

fn render(state: AppState, h: Headline, report: &Report) -> AnyView {
    let any_five = h.rows.iter().any(|r| !r.five_year.is_empty());
    let review = h.review_year.map(|y| y.to_string());
    let coming = h.report_year.map(|y| y.to_string());
    let rows = h
        .rows
        .into_iter()
        .map(|row| render_row(state, row, report, any_five))
        .collect_view();
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
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
    .into_any()
}

fn render_row(state: AppState, row: HeadlineRow, report: &Report, any_five: bool) -> impl IntoView {
    let ids = row
        .actual
        .as_ref()
        .map(|a| actual_ids(report, a))
        .unwrap_or_default();
    // The row's own choice: the growth, else another actual figure, else the target, else a goal.
    let primary = ids
        .growth
        .clone()
        .or_else(|| ids.level.clone())
        .or_else(|| ids.rate.clone())
        .or_else(|| row.target.as_ref().map(|t| t.id.clone()))
        .or_else(|| row.five_year.first().map(|t| t.id.clone()));
    let mut all_ids: Vec<String> = row
        .actual
        .as_ref()
        .map(|a| a.ids.clone())
        .unwrap_or_default();
    all_ids.extend(row.target.iter().map(|t| t.id.clone()));
    all_ids.extend(row.five_year.iter().map(|t| t.id.clone()));
    let is_selected = move || {
        state
            .selected
            .with(|s| s.as_ref().is_some_and(|s| all_ids.contains(s)))
    };
    let (p1, p2) = (primary.clone(), primary);
    let actual_cell = match &row.actual {
        Some(a) => actual_view(state, a, ids).into_any(),
        None => none(state).into_any(),
    };
    let target_cell = match row.target {
        Some(t) => target_view(state, t, report.report_year, "target").into_any(),
        None => none(state).into_any(),
    };
    let five = any_five.then(|| {
        let goals = row.five_year;
        view! {
            <td>
                {if goals.is_empty() {
                    none(state).into_any()
                } else {
                    goals.into_iter().map(|g| target_view(state, g, None, "five-year")).collect_view().into_any()
                }}
            </td>
        }
    });
    let key = row.indicator.clone();
    view! {
        <tr tabindex="0" data-key=key class:selected=is_selected
            on:click=move |_| { if let Some(id) = p1.clone() { jump_to(state, id) } }
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    if let Some(id) = p2.clone() { jump_to(state, id) }
                }
            }>
            <th scope="row" title=row.indicator>{row.name}</th>
            <td>{actual_cell}</td>
            <td>{target_cell}</td>
            {five}
        </tr>
    }
}

fn none(state: AppState) -> impl IntoView {
    view! { <span class="none" title=move || state.tr("报告未写明", "not stated")>"—"</span> }
}

/// A clickable figure: selects `id` (and not the row's default).
fn figure(state: AppState, id: String, role: &'static str, body: AnyView) -> impl IntoView {
    let (click, key, sel) = (id.clone(), id.clone(), id.clone());
    view! {
        <span class="val" role="button" tabindex="0" data-indicator=id data-role=role
            class:selected=move || state.selected.with(|s| s.as_deref() == Some(sel.as_str()))
            on:click=move |ev| {
                ev.stop_propagation();
                jump_to(state, click.clone());
            }
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    ev.stop_propagation();
                    jump_to(state, key.clone());
                }
            }>
            {body}
        </span>
    }
}

/// `1230 亿元 · 增长 7.6 % [预计]`.
fn actual_view(state: AppState, a: &HeadlineActual, ids: ActualIds) -> impl IntoView {
    let mut parts: Vec<AnyView> = Vec::new();
    if let (Some(v), Some(id)) = (a.level, ids.level) {
        let unit = a.level_unit.clone().unwrap_or_default();
        let q = a.level_qualifier.clone();
        parts.push(
            figure(
                state,
                id,
                "actual-level",
                view! {
                    {q.map(|q| view! { <span class="qual">{q}</span> })}
                    <span class="num">{number(v)}</span>
                    <span class="unit">{unit}</span>
                }
                .into_any(),
            )
            .into_any(),
        );
    }
    if let (Some(v), Some(id)) = (a.growth, ids.growth) {
        let unit = a.growth_unit.clone().unwrap_or_else(|| "%".into());
        parts.push(
            figure(
                state,
                id,
                "actual-growth",
                view! {
                    <span class="qual">{move || growth_word(state, v)}</span>
                    <span class="num">{move || growth_number(state, v)}</span>
                    <span class="unit">{unit.clone()}</span>
                }
                .into_any(),
            )
            .into_any(),
        );
    }
    if let (Some(v), Some(id)) = (a.rate, ids.rate) {
        let unit = a.rate_unit.clone().unwrap_or_default();
        parts.push(
            figure(
                state,
                id,
                "actual-rate",
                view! {
                    <span class="num">{number(v)}</span>
                    <span class="unit">{unit}</span>
                }
                .into_any(),
            )
            .into_any(),
        );
    }
    let estimate = a.estimate;
    view! {
        {parts}
        {estimate.then(|| view! {
            " "
            <span class="badge est" title=move || state.tr("报告称“预计”", "the report says 预计 (estimate)")>
                {move || state.tr("预计", "est.")}
            </span>
        })}
    }
}

/// 增长 / 下降 before a growth figure (Chinese); nothing in English (the sign says it).
fn growth_word(state: AppState, v: f64) -> &'static str {
    match (state.lang.get(), v < 0.0) {
        (Lang::Zh, false) => "增长",
        (Lang::Zh, true) => "下降",
        (Lang::En, _) => "",
    }
}

/// `7.6` after 增长/下降 (Chinese), `+7.6` / `−3.8` in English.
fn growth_number(state: AppState, v: f64) -> String {
    match state.lang.get() {
        Lang::Zh => number(v.abs()),
        Lang::En if v < 0.0 => format!("−{}", number(v.abs())),
        Lang::En => format!("+{}", number(v)),
    }
}

/// `≥ 8 % 以上` (symbol, value, unit, qualifier as written); `下降 3 %` for falls.
fn target_view(
    state: AppState,
    t: HeadlineTarget,
    report_year: Option<i32>,
    role: &'static str,
) -> impl IntoView {
    let sym = t.qualifier.as_deref().and_then(qualifier_symbol);
    let value = match &t.value {
        Value::Number(v) => number(*v),
        Value::Range([lo, hi]) => format!("{}–{}", number(*lo), number(*hi)),
    };
    // Falls are said as such (能耗下降3%); rises need no word beside ≥/≤.
    let down = t.direction == Some(Direction::Down);
    let lead = move || down.then(|| state.tr("下降", "down"));
    let when = match (&t.period, t.year) {
        (Some(p), _) => Some(p.clone()),
        (None, Some(y)) if Some(y) != report_year => Some(y.to_string()),
        _ => None,
    };
    let rel = t.relative_to.clone();
    let qual = t.qualifier.clone();
    let body = view! {
        {sym.map(|s| view! { <span class="sym" title=qual.clone().unwrap_or_default()>{s}</span> })}
        {move || lead().map(|l| view! { <span class="qual">{l}</span> })}
        {rel.map(|r| view! { <span class="qual">{r}</span> })}
        <span class="num">{value}</span>
        <span class="unit">{t.unit.clone()}</span>
        {qual.map(|q| view! { <span class="qual">{q}</span> })}
        {when.map(|w| view! { <span class="qual">"（"{w}"）"</span> })}
    }
    .into_any();
    figure(state, t.id, role, body)
}
