//! The comparison view (`data-testid="compare"`, the Compare tab, shown when two or more
//! reports are open): the panel table of headline targets and outcomes (columns: years,
//! regions or reports, chosen by [`panel::choose_axis`]), the target-against-outcome chart
//! (`data-testid="chart"`), one year's targets across regions, keyword frequency, and the
//! long panel as CSV (`data-testid="export-panel-csv"`). Every figure leads to its report
//! and sentence.
//!
//! The logic lives in [`crate::panel`], [`crate::keywords`] and [`crate::chart::compare`];
//! this file only renders.

use leptos::prelude::*;

use super::chart_canvas::{canvas_area, dark_mode, follow_width};
use super::download::try_download;
use super::state::{AppState, Doc, Lang, Tab};
use crate::chart::compare::{
    hit_at, missed_rule, outcome_chart, targets_across_chart, CompareChart, CompareHit, LineChart,
};
use crate::chart::{ChartLang, Theme};
use crate::keywords;
use crate::panel::{self, Axis, Cell, Figure, Met, PanelTable};
use crate::report::{Measure, Report};

/// Terms counted until the user types others.
const DEFAULT_TERMS: &str = "改革, 创新, 高质量发展, 数字经济";

/// Go to a figure: make its report active, show the text, select and scroll to it.
fn goto(state: AppState, doc_key: u32, indicator_id: String, section: Option<String>) {
    state.active.set(Some(doc_key));
    state.tab.set(Tab::Text);
    state.section.set(section);
    state.selected.set(Some(indicator_id));
    state.scroll_request.update(|n| *n += 1);
}

fn chart_lang(state: AppState) -> ChartLang {
    if state.lang.get() == Lang::En {
        ChartLang::En
    } else {
        ChartLang::Zh
    }
}

/// Open docs in comparison order (by report year, region, file).
fn sorted_docs(docs: &[Doc]) -> Vec<Doc> {
    let reports: Vec<&Report> = docs.iter().map(|d| &*d.report).collect();
    panel::compare_order(&reports).into_iter().map(|i| docs[i].clone()).collect()
}

fn with_reports<T>(docs: &[Doc], f: impl FnOnce(&[&Report]) -> T) -> T {
    let reports: Vec<&Report> = docs.iter().map(|d| &*d.report).collect();
    f(&reports)
}

fn measure_of(s: &str) -> Measure {
    match s {
        "growth" => Measure::Growth,
        "share" => Measure::Share,
        "rate" => Measure::Rate,
        "ratio" => Measure::Ratio,
        "multiple" => Measure::Multiple,
        "count" => Measure::Count,
        "index" => Measure::Index,
        "relative" => Measure::Relative,
        _ => Measure::Level,
    }
}

#[component]
pub fn Compare() -> impl IntoView {
    let state = AppState::expect();
    let docs = Memo::new(move |_| state.docs.with(|d| sorted_docs(d)));
    let table: Memo<PanelTable> = Memo::new(move |_| docs.with(|d| with_reports(d, panel::table)));
    let outcomes = Memo::new(move |_| docs.with(|d| with_reports(d, panel::outcomes)));
    let inferred = Memo::new(move |_| {
        docs.with(|d| {
            with_reports(d, |r| {
                panel::region_keys(r)
                    .into_iter()
                    .zip(d.iter())
                    .filter(|((_, inf), _)| *inf)
                    .map(|((k, _), doc)| format!("{} → {k}", doc.report.file))
                    .collect::<Vec<_>>()
            })
        })
    });

    // The indicator charted: "region|indicator|measure" of an outcome row with a target.
    let choices = Memo::new(move |_| {
        let mut out: Vec<(String, String)> = Vec::new();
        outcomes.with(|os| {
            for o in os.iter().filter(|o| o.target.is_some()) {
                let key = format!("{}|{}|{}", o.region, o.indicator, o.measure);
                if !out.iter().any(|(k, _)| *k == key) {
                    let (mz, _) = panel::measure_label(measure_of(o.measure));
                    let region =
                        if o.region.starts_with("file:") { String::new() } else { format!("{} · ", o.region) };
                    out.push((key, format!("{region}{} {mz}", o.name)));
                }
            }
            // Indicators with at least one target met by an outcome first, in table order.
            crate::sort::sort_by_key(&mut out, |(k, _)| {
                !os.iter().any(|o| {
                    format!("{}|{}|{}", o.region, o.indicator, o.measure) == *k
                        && o.target.is_some()
                        && o.actual.is_some()
                })
            });
        });
        out
    });
    let chosen = RwSignal::new(String::new());
    let current = Memo::new(move |_| {
        let c = chosen.get();
        choices.with(|cs| {
            if cs.iter().any(|(k, _)| *k == c) {
                c
            } else {
                cs.first().map(|(k, _)| k.clone()).unwrap_or_default()
            }
        })
    });
    let outcome_data = Memo::new(move |_| {
        let cur = current.get();
        let mut parts = cur.splitn(3, '|');
        let (Some(region), Some(ind), Some(measure)) = (parts.next(), parts.next(), parts.next()) else { return None };
        let lang = chart_lang(state);
        outcomes.with(|os| outcome_chart(os, region, ind, measure, lang)).map(CompareChart::Outcomes)
    });

    // One year's targets across regions.
    let years = Memo::new(move |_| {
        let mut ys: Vec<i32> = docs.with(|d| d.iter().filter_map(|d| d.report.report_year).collect());
        crate::sort::sort_by_key(&mut ys, |y| *y);
        ys.dedup();
        ys
    });
    let many_regions = Memo::new(move |_| {
        docs.with(|d| {
            with_reports(d, |r| {
                panel::region_keys(r).into_iter().map(|(k, _)| k).collect::<std::collections::BTreeSet<_>>().len() > 1
            })
        })
    });
    let across_year = RwSignal::new(None::<i32>);
    let across_data = Memo::new(move |_| {
        if !many_regions.get() {
            return None;
        }
        let cur = current.get();
        let mut parts = cur.splitn(3, '|');
        let (_, Some(ind), Some(measure)) = (parts.next(), parts.next(), parts.next()) else { return None };
        let ys = years.get();
        let year = across_year.get().filter(|y| ys.contains(y)).or_else(|| ys.last().copied());
        let lang = chart_lang(state);
        let items = docs.with(|d| with_reports(d, |r| panel::targets_across(r, ind, measure_of(measure), year)));
        let items: Vec<(String, Option<Figure>, Option<Figure>)> =
            items.into_iter().map(|(_, l, t, a)| (l, t, a)).collect();
        let name = items.iter().find_map(|(_, t, _)| t.as_ref().map(|t| t.name.clone())).unwrap_or_default();
        let title = format!(
            "{}{name}{}",
            year.map(|y| format!("{y} ")).unwrap_or_default(),
            lang.pick("：各地目标", ": targets across regions")
        );
        targets_across_chart(&title, &items, lang).map(|(c, refs)| CompareChart::Across(c, refs))
    });

    // Keyword frequency.
    let terms_text = RwSignal::new(DEFAULT_TERMS.to_string());
    let terms = Memo::new(move |_| keywords::parse_terms(&terms_text.get()));
    let counts = Memo::new(move |_| {
        let t = terms.get();
        docs.with(|d| d.iter().map(|doc| keywords::count_report(&doc.report, &t)).collect::<Vec<_>>())
    });
    let keyword_data = Memo::new(move |_| {
        let lang = chart_lang(state);
        let t = terms.get();
        if t.is_empty() {
            return None;
        }
        let labels: Vec<String> = docs.with(|d| d.iter().map(|d| panel::report_label(&d.report)).collect());
        let axis = table.with(|t| t.axis);
        let series = counts.with(|cs| {
            t.iter()
                .enumerate()
                .map(|(ti, term)| (term.clone(), cs.iter().map(|c| Some(c.total[ti] as f64)).collect()))
                .collect()
        });
        Some(CompareChart::Lines(LineChart {
            title: lang.pick("关键词出现次数", "Keyword occurrences").to_string(),
            unit_line: lang.pick("单位：次", "Unit: occurrences").to_string(),
            categories: labels,
            series,
            bars: axis != Axis::Years,
            note: lang.pick("精确子串匹配，不重叠计数", "Exact substring matches, non-overlapping").to_string(),
        }))
    });

    let doc_keys = Memo::new(move |_| docs.with(|d| d.iter().map(|d| d.key).collect::<Vec<u32>>()));
    let on_hit = move |h: CompareHit| {
        let key = doc_keys.with_untracked(|k| k.get(h.report).copied());
        if let Some(key) = key {
            let section = docs.with_untracked(|d| {
                d.get(h.report).and_then(|doc| {
                    doc.report.indicators.iter().find(|i| i.id == h.indicator_id).and_then(|i| i.section.clone())
                })
            });
            goto(state, key, h.indicator_id, section);
        }
    };

    let export_panel = move |_| {
        let csv = docs.with_untracked(|d| with_reports(d, |r| panel::to_csv(&panel::panel_rows(r))));
        let mut bytes = "\u{FEFF}".as_bytes().to_vec();
        bytes.extend_from_slice(csv.as_bytes());
        if let Err(e) = try_download("baogao-panel.csv", "text/csv;charset=utf-8", &bytes) {
            state.error(format!("{}: {e}", state.tr_now("无法导出 CSV", "Could not export CSV")));
        }
    };
    let export_outcomes = move |_| {
        let csv = outcomes.with_untracked(|o| panel::outcomes_to_csv(o));
        let mut bytes = "\u{FEFF}".as_bytes().to_vec();
        bytes.extend_from_slice(csv.as_bytes());
        if let Err(e) = try_download("baogao-outcomes.csv", "text/csv;charset=utf-8", &bytes) {
            state.error(format!("{}: {e}", state.tr_now("无法导出 CSV", "Could not export CSV")));
        }
    };
    let export_keywords = move |_| {
        let (labels, files): (Vec<String>, Vec<String>) =
            docs.with_untracked(|d| d.iter().map(|d| (panel::report_label(&d.report), d.report.file.clone())).unzip());
        let csv = counts.with_untracked(|c| keywords::to_csv(&labels, &files, c));
        let mut bytes = "\u{FEFF}".as_bytes().to_vec();
        bytes.extend_from_slice(csv.as_bytes());
        if let Err(e) = try_download("baogao-keywords.csv", "text/csv;charset=utf-8", &bytes) {
            state.error(format!("{}: {e}", state.tr_now("无法导出 CSV", "Could not export CSV")));
        }
    };

    view! {
        <section class="compare" data-testid="compare" aria-label=move || state.tr("对比", "Compare")>
            {move || (docs.with(|d| d.len()) < 2).then(|| view! {
                <p class="compare-note">{move || state.tr(
                    "请同时打开两份或更多报告（选择文件时可多选）以进行对比。",
                    "Open two or more reports (choose several files at once) to compare them.")}</p>
            })}
            <header class="compare-head">
                <h2>{move || state.tr("目标与实际", "Targets and outcomes")}</h2>
                <p class="compare-axis" data-testid="compare-axis">{move || match table.with(|t| t.axis) {
                    Axis::Years => state.tr(
                        "同一地区、不同年份：按年份排列。每年的目标取自当年报告，实际取自次年报告的回顾。",
                        "One region, several years: columns are years. Each year's target is from that year's report, the outcome from the next year's review."),
                    Axis::Regions => state.tr(
                        "同一年份、不同地区：按地区排列（目标为当年目标，实际为上年实际）。",
                        "One year, several regions: columns are regions (this year's target, last year's outcome)."),
                    Axis::Reports => state.tr(
                        "按报告排列（目标为各报告当年目标，实际为上年实际）。",
                        "Columns are reports (each report's target for its year and outcome of the year before)."),
                }}</p>
                {move || {
                    let inf = inferred.get();
                    (!inf.is_empty()).then(|| view! {
                        <p class="compare-inferred" data-testid="compare-inferred">
                            {move || state.tr("未识别地区的报告按同一地区对比：", "Reports whose region was not recognised are compared as the same region: ")}
                            {inf.join("；")}
                        </p>
                    })
                }}
                <div class="compare-tools">
                    <button class="button" data-testid="export-panel-csv" on:click=export_panel
                        title=move || state.tr("每份报告的每个指标一行（长表）", "One row per indicator per report (long format)")>
                        {move || state.tr("导出面板 CSV", "Export panel CSV")}
                    </button>
                    <button class="button" data-testid="export-outcomes-csv" on:click=export_outcomes>
                        {move || state.tr("导出目标完成情况 CSV", "Export outcomes CSV")}
                    </button>
                </div>
            </header>
            {move || panel_table_view(state, table, doc_keys)}

            <h3>{move || state.tr("目标与次年报告的实际", "Targets against next year's outcomes")}</h3>
            {move || (!choices.with(|c| c.is_empty())).then(|| view! {
                <label class="compare-select">
                    {move || state.tr("指标：", "Indicator: ")}
                    <select data-testid="outcome-indicator" on:change=move |ev| chosen.set(event_target_value(&ev))>
                        {move || choices.get().into_iter().map(|(k, label)| {
                            let sel = k.clone();
                            view! { <option value=k prop:selected=move || current.get() == sel>{label}</option> }
                        }).collect_view()}
                    </select>
                </label>
            })}
            {canvas_view(state, "chart", outcome_data, on_hit)}
            {move || outcome_data.with(|c| c.is_none()).then(|| view! {
                <p class="compare-note">{move || state.tr("打开的报告中没有可对比的年度目标。", "The open reports state no annual targets to compare.")}</p>
            })}
            <p class="compare-legend" data-testid="missed-rule">{move || missed_rule(chart_lang(state))}</p>

            {move || many_regions.get().then(|| view! {
                <h3>{move || state.tr("同一年份的各地目标", "One year's targets across regions")}</h3>
                <label class="compare-select">
                    {move || state.tr("年份：", "Year: ")}
                    <select data-testid="across-year" on:change=move |ev| across_year.set(event_target_value(&ev).parse().ok())>
                        {move || {
                            let ys = years.get();
                            let cur = across_year.get().filter(|y| ys.contains(y)).or_else(|| ys.last().copied());
                            ys.into_iter().rev().map(|y| view! {
                                <option value=y.to_string() prop:selected=cur == Some(y)>{y.to_string()}</option>
                            }).collect_view()
                        }}
                    </select>
                </label>
            })}
            {canvas_view(state, "region-chart", across_data, on_hit)}

            <h3>{move || state.tr("关键词词频", "Keyword frequency")}</h3>
            <div class="keywords-bar">
                <input type="text" class="keywords-input" data-testid="keywords-input"
                    aria-label=move || state.tr("关键词（逗号或空格分隔）", "Keywords (comma or space separated)")
                    placeholder=move || state.tr("关键词，逗号或空格分隔", "Keywords, comma or space separated")
                    prop:value=move || terms_text.get()
                    on:input=move |ev| terms_text.set(event_target_value(&ev))/>
                <button class="button" data-testid="export-keywords-csv" on:click=export_keywords>
                    {move || state.tr("导出词频 CSV", "Export keyword CSV")}
                </button>
            </div>
            {move || keywords_view(state, docs, terms, counts, doc_keys)}
            {canvas_view(state, "keywords-chart", keyword_data, on_hit)}
        </section>
    }
}

/// The panel table: rows = indicator (+ measure), columns = years / regions / reports.
fn panel_table_view(state: AppState, table: Memo<PanelTable>, doc_keys: Memo<Vec<u32>>) -> impl IntoView {
    let t = table.get();
    if t.rows.is_empty() {
        return view! {
            <p class="compare-note" data-testid="panel-table-empty">{move || state.tr(
                "打开的报告中没有带标准指标名的目标。",
                "The open reports state no targets of recognised indicators.")}</p>
        }
        .into_any();
    }
    let keys = doc_keys.get();
    let figure_button = move |f: &Figure, kind: &'static str, met: Option<Met>| {
        let key = keys.get(f.report).copied();
        let id = f.id.clone();
        let section = f.section.clone();
        let text = f.display() + if f.status == "estimate" { state.tr("（预计）", " (est.)") } else { "" };
        let title = format!("{}\n{}", f.sentence, f.file);
        let label = if kind == "target" { state.tr("目标", "Target") } else { state.tr("实际", "Outcome") };
        let met_class = match met {
            Some(Met::No) if kind == "actual" => "missed",
            Some(Met::Yes) if kind == "actual" => "met",
            _ => "",
        };
        view! {
            <button class=format!("panel-fig {kind} {met_class}") data-testid="panel-cell" data-kind=kind
                data-doc=key.map(|k| k.to_string()).unwrap_or_default() data-id=id.clone() title=title
                on:click=move |_| if let Some(k) = key { goto(state, k, id.clone(), section.clone()) }>
                <span class="panel-fig-label">{label}</span>" "<span class="panel-fig-value">{text}</span>
            </button>
        }
    };
    let head = t.columns.iter().map(|c| view! { <th scope="col">{c.label.clone()}</th> }).collect_view();
    let body = t
        .rows
        .iter()
        .map(|row| {
            let (mz, me) = panel::measure_label(row.measure);
            let measure = if state.lang.get() == Lang::En { me } else { mz };
            let cells = row
                .cells
                .iter()
                .zip(t.columns.iter())
                .map(|(c, col): (&Cell, &panel::Column)| {
                    let met = c.met;
                    let mark = match met {
                        Some(Met::Yes) => Some(("✓", "met", state.tr("完成", "met"))),
                        Some(Met::No) => Some(("✗", "missed", state.tr("未完成", "missed"))),
                        _ => None,
                    };
                    view! {
                        <td class=match met { Some(Met::No) => "missed", Some(Met::Yes) => "met", _ => "" }
                            data-met=met.map(|m| m.as_str()).unwrap_or("") data-col=col.label.clone()>
                            {c.target.as_ref().map(|f| figure_button(f, "target", met))}
                            {c.actual.as_ref().map(|f| figure_button(f, "actual", met))}
                            {mark.map(|(sym, cls, word)| view! { <span class=format!("met-mark {cls}") title=word aria-label=word>{sym}</span> })}
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr data-indicator=row.indicator.clone() data-measure=panel::measure_str(row.measure)>
                    <th scope="row">{row.name.clone()}" "<small class="muted">{measure}</small></th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="panel-table-wrap">
            <table class="panel-table" data-testid="panel-table" data-axis=match t.axis { Axis::Years => "years", Axis::Regions => "regions", Axis::Reports => "reports" }>
                <thead><tr><th scope="col">{state.tr("指标", "Indicator")}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
    .into_any()
}

/// Keyword counts: a table (terms × reports; hover for the rate per 10,000 characters) and,
/// per report, the counts per top-level section.
fn keywords_view(
    state: AppState,
    docs: Memo<Vec<Doc>>,
    terms: Memo<Vec<String>>,
    counts: Memo<Vec<keywords::KeywordCounts>>,
    doc_keys: Memo<Vec<u32>>,
) -> impl IntoView {
    let t = terms.get();
    if t.is_empty() {
        return view! { <p class="compare-note">{state.tr("请输入关键词。", "Type some keywords.")}</p> }.into_any();
    }
    let labels: Vec<String> = docs.with(|d| d.iter().map(|d| panel::report_label(&d.report)).collect());
    let cs = counts.get();
    let keys = doc_keys.get();
    let head = labels.iter().map(|l| view! { <th scope="col">{l.clone()}</th> }).collect_view();
    let rows = t
        .iter()
        .enumerate()
        .map(|(ti, term)| {
            let cells = cs
                .iter()
                .map(|c| {
                    let n = c.total.get(ti).copied().unwrap_or(0);
                    let per = if c.chars > 0 { n as f64 * 10_000.0 / c.chars as f64 } else { 0.0 };
                    view! { <td class="num" title=format!("{:.1} / 10k", per)>{n.to_string()}</td> }
                })
                .collect_view();
            view! { <tr data-term=term.clone()><th scope="row">{term.clone()}</th>{cells}</tr> }
        })
        .collect_view();
    let sections = labels
        .iter()
        .zip(cs.iter())
        .zip(keys.iter())
        .map(|((label, c), &key)| {
            let header = t.iter().map(|term| view! { <th scope="col">{term.clone()}</th> }).collect_view();
            let body = c
                .parts
                .iter()
                .map(|p| {
                    let heading = if p.section.is_empty() {
                        state.tr("（开头及其他）", "(opening and other)").to_string()
                    } else {
                        p.heading.clone()
                    };
                    let sec = p.section.clone();
                    let cells = p.counts.iter().map(|n| view! { <td class="num">{n.to_string()}</td> }).collect_view();
                    let clickable = !sec.is_empty();
                    view! {
                        <tr>
                            <th scope="row">
                                {if clickable {
                                    let sec2 = sec.clone();
                                    view! { <button class="linklike" on:click=move |_| {
                                        state.active.set(Some(key));
                                        state.tab.set(Tab::Text);
                                        state.selected.set(None);
                                        state.section.set(Some(sec2.clone()));
                                        state.scroll_request.update(|n| *n += 1);
                                    }>{heading}</button> }.into_any()
                                } else {
                                    view! { <span>{heading}</span> }.into_any()
                                }}
                            </th>
                            {cells}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <details class="keywords-sections">
                    <summary>{format!("{label} · {}", state.tr("按章节", "by section"))}</summary>
                    <table class="keywords-table small"><thead><tr><th></th>{header}</tr></thead><tbody>{body}</tbody></table>
                </details>
            }
        })
        .collect_view();
    view! {
        <div class="panel-table-wrap">
            <table class="keywords-table" data-testid="keywords-table">
                <thead><tr><th scope="col">{state.tr("关键词", "Keyword")}</th>{head}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        {sections}
    }
    .into_any()
}

/// A canvas that draws `chart` (redrawn on width, colour scheme and data changes); a click
/// on a figure goes to its sentence, hovering shows its source as the title.
fn canvas_view(
    state: AppState,
    testid: &'static str,
    chart: Memo<Option<CompareChart>>,
    on_hit: impl Fn(CompareHit) + Copy + 'static,
) -> impl IntoView {
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0u32);
    let hits = StoredValue::new(Vec::<CompareHit>::new());
    let tip = RwSignal::new(String::new());
    let dark = dark_mode();
    follow_width(wrap_ref, width);
    Effect::new(move |_| {
        let w = width.get();
        let is_dark = dark.get();
        let Some(canvas) = canvas_ref.get() else { return };
        chart.with(|c| {
            let Some(c) = c else {
                hits.set_value(Vec::new());
                return;
            };
            if w == 0 {
                return;
            }
            let theme = if is_dark { Theme::dark() } else { Theme::light() };
            let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio()).clamp(1.0, 4.0);
            match paint(&canvas, c, w, dpr, &theme) {
                Ok(h) => hits.set_value(h),
                Err(e) => leptos::logging::error!("compare chart {testid}: {e}"),
            }
        });
    });
    let on_move = move |ev: web_sys::MouseEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let found = hits.with_value(|h| hit_at(h, x, y).map(|h| h.label.clone()));
        if let Some(c) = canvas_ref.get_untracked() {
            let _ = web_sys::HtmlElement::style(&c)
                .set_property("cursor", if found.is_some() { "pointer" } else { "default" });
        }
        tip.set(found.unwrap_or_default());
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        if let Some(h) = hits.with_value(|h| hit_at(h, x, y).cloned()) {
            on_hit(h);
        }
    };
    let export = move |_| {
        let w = width.get_untracked().clamp(480, 1600);
        let Some(svg) = chart.with_untracked(|c| c.as_ref().map(|c| c.to_svg(w, &Theme::light()))) else { return };
        let doc = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}");
        if let Err(e) = try_download(&format!("baogao-{testid}.svg"), "image/svg+xml", doc.as_bytes()) {
            state.error(format!("{}: {e}", state.tr_now("无法导出 SVG", "Could not export SVG")));
        }
    };
    view! {
        <figure class="chart compare-chart" data-testid=testid class:hidden=move || chart.with(|c| c.is_none())>
            <div class="chart-tools">
                <button class="button small" data-testid=format!("{testid}-svg") on:click=export
                    title=move || state.tr("下载 SVG 矢量图", "Download as SVG")>"SVG"</button>
            </div>
            <div class="compare-canvas-wrap" node_ref=wrap_ref>
                <canvas node_ref=canvas_ref role="img" title=move || tip.get()
                    aria-label=move || state.tr("图表", "Chart")
                    on:mousemove=on_move on:click=on_click></canvas>
            </div>
        </figure>
    }
}

/// Draw `chart` on `canvas` at `css_w` CSS pixels (× `scale` device pixels).
fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    chart: &CompareChart,
    css_w: u32,
    scale: f64,
    theme: &Theme,
) -> Result<Vec<CompareHit>, String> {
    let area = canvas_area(canvas, css_w, chart.height_for(css_w), scale)?;
    let hits = chart.draw(&area, theme).map_err(|e| format!("{e:?}"))?;
    area.present().map_err(|e| format!("{e:?}"))?;
    Ok(hits)
}
