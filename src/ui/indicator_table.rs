//! The all-indicators table (`data-testid="indicator-table"`, tab 全部指标): every
//! indicator of the active report, one `<tr>` each, sortable by any column header
//! (`aria-sort`), filtered by measure, status, section and free text
//! (`state.filter`), with a count (`data-testid="indicator-count"`, 显示 37 / 412).
//! Clicking a row (or Enter on it) selects the indicator and jumps to its sentence on
//! the report tab.
//!
//! Size: filtering and sorting are plain functions ([`crate::export::table`]).
//! Rendering is virtualised only when more than [`VIRTUALISE_ABOVE`] rows pass the
//! filter: then rows have a fixed height ([`ROW_HEIGHT`], kept in style/tables.css)
//! and only the visible window plus [`BUFFER`] rows either side are in the DOM,
//! with spacer rows (`tr.spacer`) above and below standing in for the rest. At or
//! below the threshold every row is rendered (cheap, and end-to-end tests can count
//! `tbody tr` directly).

use std::collections::HashMap;

use leptos::html;
use leptos::prelude::*;

use super::export_buttons::ExportButtons;
use super::state::{AppState, IndicatorFilter, Tab};
use crate::export::table::{self, Query};
use crate::report::{Indicator, Measure, Report, Status};

/// Row height in CSS pixels in virtual mode; must match `.indicator-table tbody tr` in style/tables.css.
pub const ROW_HEIGHT: f64 = 32.0;
/// Rows rendered beyond the visible window on each side.
pub const BUFFER: usize = 30;
/// Filtered row counts above this are virtualised.
pub const VIRTUALISE_ABOVE: usize = 2000;

/// Select indicator `id`, show the report tab and scroll the text to its number.
pub fn jump_to(state: AppState, id: String) {
    state.selected.set(Some(id));
    if state.tab.get_untracked() != Tab::Text {
        state.tab.set(Tab::Text);
    }
    state.scroll_request.update(|n| *n += 1);
}

#[component]
pub fn IndicatorTable() -> impl IntoView {
    let state = AppState::expect();
    let doc = Memo::new(move |_| state.active_doc());
    let rows = Memo::new(move |_| {
        let Some(d) = doc.get() else {
            return Vec::new();
        };
        state.filter.with(|f| table::rows(&d.report, &query(f)))
    });
    let total =
        Memo::new(move |_| doc.with(|d| d.as_ref().map_or(0, |d| d.report.indicators.len())));
    let sections = Memo::new(move |_| {
        doc.with(|d| {
            d.as_ref()
                .map(|d| section_names(&d.report))
                .unwrap_or_default()
        })
    });

    // Virtual window.
    let scroller = NodeRef::<html::Div>::new();
    let scroll_top = RwSignal::new(0.0_f64);
    let viewport = RwSignal::new(800.0_f64);
    let virtual_mode = move || rows.with(|r| r.len()) > VIRTUALISE_ABOVE;
    let window = Memo::new(move |_| {
        let n = rows.with(|r| r.len());
        if n <= VIRTUALISE_ABOVE {
            return (0, n);
        }
        let first = (scroll_top.get() / ROW_HEIGHT).floor().max(0.0) as usize;
        let visible = (viewport.get() / ROW_HEIGHT).ceil() as usize + 1;
        // Move the window in steps of 10 rows so small scrolls do not re-render.
        let start = (first.saturating_sub(BUFFER) / 10 * 10).min(n);
        let end = (first + visible + BUFFER)
            .div_ceil(10)
            .saturating_mul(10)
            .min(n);
        (start, end.max(start))
    });
    let on_scroll = move |_| {
        if let Some(el) = scroller.get_untracked() {
            scroll_top.set(el.scroll_top() as f64);
            viewport.set(el.client_height() as f64);
        }
    };
    // The scroller's height, once it is in the page (later changes arrive with scroll events).
    Effect::new(move |_| {
        if let Some(el) = scroller.get() {
            viewport.set(el.client_height() as f64);
        }
    });
    // Back to the top whenever the row set changes (new report, filter, sort). Touch the
    // DOM only when not already there: setting scrollTop forces a synchronous layout.
    Effect::new(move |_| {
        rows.track();
        if scroll_top.get_untracked() > 0.0 {
            if let Some(el) = scroller.get_untracked() {
                el.set_scroll_top(0);
            }
            scroll_top.set(0.0);
        }
    });

    let set =
        move |f: fn(&mut IndicatorFilter, String), v: String| state.filter.update(|flt| f(flt, v));

    let header = move |col: &'static str, zh: &'static str, en: &'static str| {
        let sorted = move || {
            state
                .filter
                .with(|f| f.sort == col || (col == "id" && f.sort.is_empty()))
        };
        let aria = move || match (sorted(), state.filter.with(|f| f.desc)) {
            (false, _) => "none",
            (true, false) => "ascending",
            (true, true) => "descending",
        };
        view! {
            <th scope="col" aria-sort=aria data-col=col class=format!("col-{col}")>
                <button class="sort" on:click=move |_| state.filter.update(|f| {
                    let current = f.sort == col || (col == "id" && f.sort.is_empty());
                    if current {
                        f.desc = !f.desc;
                    } else {
                        f.sort = col.to_string();
                        f.desc = false;
                    }
                })>
                    {move || state.tr(zh, en)}
                    <span class="sort-mark" aria-hidden="true">{move || match aria() { "ascending" => "▲", "descending" => "▼", _ => "" }}</span>
                </button>
            </th>
        }
    };

    // Rows are keyed by (doc, language, indicator): a new report or language rebuilds
    // them, so their labels need no reactive closures of their own (cheaper rows).
    let body_rows = move || {
        let key = doc.with(|d| d.as_ref().map_or(0, |d| d.key));
        let lang = state.lang.get() == super::state::Lang::En;
        let (s, e) = window.get();
        rows.with(|r| {
            r[s.min(r.len())..e.min(r.len())]
                .iter()
                .map(|&i| (key, lang, i))
                .collect::<Vec<_>>()
        })
    };
    // One reactive flag per row key rather than every row subscribing to
    // `state.selected`: thousands of subscribers on one signal make each row's
    // (re)subscription cost O(rows), i.e. O(rows²) per re-render.
    let selection = StoredValue::new_local(Selector::new(move || state.selected.get()));
    let row_view = move |(_, _, i): (u32, bool, usize)| {
        let Some(d) = doc.get_untracked() else {
            return ().into_any();
        };
        let Some(ind) = d.report.indicators.get(i).cloned() else {
            return ().into_any();
        };
        let section_label = ind
            .section
            .as_ref()
            .map(|s| sections.with_untracked(|m| m.get(s).cloned().unwrap_or_else(|| s.clone())))
            .unwrap_or_default();
        selection.with_value(|sel| row(state, sel, ind, section_label).into_any())
    };

    move || {
        doc.with(|d| d.is_some()).then_some(())?;
        // Controls read the filter reactively, each on its own: re-rendering the panel on
        // every keystroke would drop the search box's focus.
        let fv =
            move |get: fn(&IndicatorFilter) -> &String, v: &str| state.filter.with(|f| get(f) == v);
        let measures = present(doc, |ind| table::serde_name(&ind.measure));
        let section_opts = doc.with(|d| {
            d.as_ref()
                .map(|d| table::section_options(&d.report))
                .unwrap_or_default()
        });
        Some(view! {
            <section class="indicator-panel" aria-label=move || state.tr("全部指标", "All indicators")>
                <div class="table-tools">
                    <label class="filter">
                        <span>{move || state.tr("类型", "Measure")}</span>
                        <select data-testid="filter-measure"
                            on:change=move |ev| set(|f, v| f.measure = v, event_target_value(&ev))>
                            <option value="" prop:selected=move || fv(|f| &f.measure, "")>{move || state.tr("全部", "All")}</option>
                            {measures.into_iter().map(|m| {
                                let label = measure_label_key(state, &m);
                                view! { <option value=m.clone() prop:selected=move || fv(|f| &f.measure, &m)>{label}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="filter">
                        <span>{move || state.tr("状态", "Status")}</span>
                        <select data-testid="filter-status"
                            on:change=move |ev| set(|f, v| f.status = v, event_target_value(&ev))>
                            <option value="" prop:selected=move || fv(|f| &f.status, "")>{move || state.tr("全部", "All")}</option>
                            {[Status::Actual, Status::Estimate, Status::Target].into_iter().map(|s| {
                                let v = table::serde_name(&s);
                                view! { <option value=v.clone() prop:selected=move || fv(|f| &f.status, &v)>{move || status_label(state, s)}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="filter">
                        <span>{move || state.tr("章节", "Section")}</span>
                        <select data-testid="filter-section"
                            on:change=move |ev| set(|f, v| f.section = v, event_target_value(&ev))>
                            <option value="" prop:selected=move || fv(|f| &f.section, "")>{move || state.tr("全部", "All")}</option>
                            {section_opts.into_iter().map(|(id, level, label)| {
                                let text = if level > 1 { format!("\u{3000}{label}") } else { label };
                                view! { <option value=id.clone() prop:selected=move || fv(|f| &f.section, &id)>{text}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <label class="filter filter-text">
                        <span>{move || state.tr("搜索", "Search")}</span>
                        <input type="search" data-testid="filter-text" prop:value=move || state.filter.with(|f| f.text.clone())
                            placeholder=move || state.tr("名称或原句", "name or sentence")
                            on:input=move |ev| set(|f, v| f.text = v, event_target_value(&ev))/>
                    </label>
                    {move || state.filter.with(|f| *f != IndicatorFilter::default()).then(|| view! {
                        <button class="button" data-testid="filter-reset"
                            on:click=move |_| state.filter.set(IndicatorFilter::default())>
                            {move || state.tr("清除筛选", "Clear filters")}
                        </button>
                    })}
                    <span class="count" data-testid="indicator-count" aria-live="polite">
                        {move || format!("{} {} / {}", state.tr("显示", "Showing"), rows.with(|r| r.len()), total.get())}
                    </span>
                    <ExportButtons/>
                </div>
                {move || (total.get() == 0).then(|| view! {
                    <p class="table-empty">{move || state.tr("这份文本中没有找到数量指标。", "No quantitative indicators were found in this text.")}</p>
                })}
                {move || (total.get() > 0 && rows.with(|r| r.is_empty())).then(|| view! {
                    <p class="table-empty">{move || state.tr("没有符合筛选条件的指标。", "No indicator matches the filters.")}</p>
                })}
                <div class="table-scroll" node_ref=scroller on:scroll=on_scroll
                    class:virtual=virtual_mode tabindex="-1">
                    <table class="indicator-table" data-testid="indicator-table"
                        data-virtual=move || virtual_mode().to_string()
                        aria-rowcount=move || (rows.with(|r| r.len()) + 1).to_string()>
                        <thead>
                            <tr>
                                {header("id", "编号", "ID")}
                                {header("name", "名称", "Name")}
                                {header("indicator", "指标", "Key")}
                                {header("measure", "类型", "Measure")}
                                {header("status", "状态", "Status")}
                                {header("value", "数值", "Value")}
                                {header("unit", "单位", "Unit")}
                                {header("qualifier", "限定", "Qualifier")}
                                {header("year", "年份", "Year")}
                                {header("section", "章节", "Section")}
                                {header("sentence", "原句", "Sentence")}
                            </tr>
                        </thead>
                        <tbody>
                            {move || virtual_mode().then(|| {
                                let h = window.get().0 as f64 * ROW_HEIGHT;
                                view! { <tr class="spacer" aria-hidden="true" style:height=format!("{h}px")><td colspan="11"></td></tr> }
                            })}
                            <For each=body_rows key=|k| *k children=row_view/>
                            {move || virtual_mode().then(|| {
                                let (_, e) = window.get();
                                let h = rows.with(|r| r.len()).saturating_sub(e) as f64 * ROW_HEIGHT;
                                view! { <tr class="spacer" aria-hidden="true" style:height=format!("{h}px")><td colspan="11"></td></tr> }
                            })}
                        </tbody>
                    </table>
                </div>
            </section>
        })
    }
}

/// One indicator's row.
fn row(
    state: AppState,
    selection: &Selector<Option<String>>,
    ind: Indicator,
    section_label: String,
) -> impl IntoView {
    let id = ind.id.clone();
    let (selection, key) = (selection.clone(), Some(id.clone()));
    let go = id.clone();
    let go_key = id.clone();
    let measure = ind.measure;
    let status = ind.status;
    let qualifier = ind.qualifier.clone().unwrap_or_default();
    let symbol = ind.qualifier.as_deref().and_then(table::qualifier_symbol);
    let value = table::value_text(&ind);
    let when = table::when_text(&ind);
    let dir = match ind.direction {
        Some(crate::report::Direction::Down) => "↓",
        Some(crate::report::Direction::Up) => "↑",
        None => "",
    };
    let rel = ind
        .relative_to
        .clone()
        .map(|r| format!(" ({r})"))
        .unwrap_or_default();
    view! {
        <tr tabindex="0" data-indicator=id.clone()
            class:selected=move || selection.selected(&key)
            on:click=move |_| jump_to(state, go.clone())
            on:keydown=move |ev| {
                if ev.key() == "Enter" || ev.key() == " " {
                    ev.prevent_default();
                    jump_to(state, go_key.clone());
                }
            }>
            <td class="col-id">{id.clone()}</td>
            <td class="col-name" title=ind.name.clone()>{ind.name.clone()}</td>
            <td class="col-indicator">{ind.indicator.clone().unwrap_or_default()}</td>
            <td class="col-measure">{untrack(|| measure_label(state, measure))}</td>
            <td class="col-status">
                <span class=format!("status status-{}", table::serde_name(&status))>{untrack(|| status_label(state, status))}</span>
            </td>
            <td class="col-value num">{dir}{value}</td>
            <td class="col-unit">{ind.unit.clone()}{rel}</td>
            <td class="col-qualifier">{qualifier}{symbol.map(|s| view! { <span class="sym">" "{s}</span> })}</td>
            <td class="col-year">{when}</td>
            <td class="col-section" title=section_label.clone()>{section_label.clone()}</td>
            <td class="col-sentence" title=ind.sentence.clone()>{ind.sentence.clone()}</td>
        </tr>
    }
}

fn query(f: &IndicatorFilter) -> Query<'_> {
    Query {
        measure: &f.measure,
        status: &f.status,
        section: &f.section,
        text: &f.text,
        sort: &f.sort,
        desc: f.desc,
    }
}

/// Section id → `（一）heading` label.
fn section_names(r: &Report) -> HashMap<String, String> {
    fn walk(s: &[crate::report::Section], out: &mut HashMap<String, String>) {
        for sec in s {
            let label = if sec.number.is_empty() {
                sec.heading.clone()
            } else {
                format!("{} {}", sec.number, sec.heading)
            };
            out.insert(sec.id.clone(), label);
            walk(&sec.children, out);
        }
    }
    let mut m = HashMap::new();
    walk(&r.sections, &mut m);
    m
}

/// Distinct values of `key` over the active report's indicators, in first-seen order.
fn present(
    doc: Memo<Option<super::state::Doc>>,
    key: impl Fn(&Indicator) -> String,
) -> Vec<String> {
    doc.with(|d| {
        let mut out: Vec<String> = Vec::new();
        if let Some(d) = d {
            for ind in &d.report.indicators {
                let k = key(ind);
                if !out.contains(&k) {
                    out.push(k);
                }
            }
        }
        out
    })
}

pub fn measure_label(state: AppState, m: Measure) -> &'static str {
    match m {
        Measure::Level => state.tr("总量", "level"),
        Measure::Growth => state.tr("增速", "growth"),
        Measure::Share => state.tr("占比", "share"),
        Measure::Rate => state.tr("比率", "rate"),
        Measure::Ratio => state.tr("比例", "ratio"),
        Measure::Multiple => state.tr("倍数", "multiple"),
        Measure::Count => state.tr("数量", "count"),
        Measure::Index => state.tr("指数", "index"),
        Measure::Relative => state.tr("相对", "relative"),
    }
}

fn measure_label_key(state: AppState, key: &str) -> String {
    match serde_json::from_value::<Measure>(serde_json::Value::String(key.to_string())) {
        Ok(m) => measure_label(state, m).to_string(),
        Err(_) => key.to_string(),
    }
}

pub fn status_label(state: AppState, s: Status) -> &'static str {
    match s {
        Status::Actual => state.tr("实际", "actual"),
        Status::Estimate => state.tr("预计", "est."),
        Status::Target => state.tr("目标", "target"),
    }
}
