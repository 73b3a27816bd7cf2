//! The title block (`data-testid="report-title"`): title, meeting, speaker, date,
//! region/level/years, and the cleaning log.

use leptos::prelude::*;

use super::state::AppState;
use crate::report::Level;

#[component]
pub fn TitleBlock() -> impl IntoView {
    let state = AppState::expect();
    // A big report's characters are counted in a task of their own: (doc key, count).
    let counted: RwSignal<Option<(u32, usize)>> = RwSignal::new(None);
    // A big report's characters: counted once per report, after the rest is drawn.
    Effect::new(move |_| {
        let Some(doc) = state.active_doc() else { return };
        let done = counted.with_untracked(|c| matches!(c, Some((k, _)) if *k == doc.key));
        if doc.report.text.len() <= super::perf::DEFER_BYTES || done {
            return;
        }
        let (key, r) = (doc.key, doc.report);
        super::perf::defer(move || {
            let n = crate::layout::visible_chars(&r.text);
            let _ = counted.try_set(Some((key, n)));
        });
    });
    // Sections and characters: once per report (not again on a language switch).
    let sizes = Memo::new(move |_| {
        let doc = state.active_doc()?;
        let r = doc.report;
        let sections = crate::layout::toc_entries(&r.sections, 4).len();
        let chars = if r.text.len() <= super::perf::DEFER_BYTES {
            Some(crate::layout::visible_chars(&r.text))
        } else {
            counted.with(|c| c.filter(|(k, _)| *k == doc.key).map(|(_, n)| n))
        };
        Some((sections, chars))
    });
    move || {
        let r = state.report()?;
        let unknown = state.tr("未注明", "not stated");
        let level = r.level.map(|l| level_name(state, l));
        let speaker = r.speaker.as_ref().map(|s| {
            format!(
                "{} {}",
                s.title.clone().unwrap_or_default(),
                s.name.clone().unwrap_or_default()
            )
            .trim()
            .to_string()
        });
        let years = match (r.report_year, r.review_year) {
            (Some(y), Some(rv)) => format!("{y}（{} {rv}）", state.tr("回顾", "review")),
            (Some(y), None) => y.to_string(),
            (None, Some(rv)) => format!("{} {rv}", state.tr("回顾", "review")),
            (None, None) => unknown.to_string(),
        };
        let removed = r.removed.clone();
        let (n_sections, n_chars) = sizes.get().unwrap_or_default();
        let n_chars = n_chars.map_or_else(|| "…".to_string(), |n| n.to_string());
        let n_ind = r.indicators.len();
        let counts = match state.lang.get() {
            super::state::Lang::Zh => {
                format!("{n_sections} 个章节 · {n_ind} 个数字指标 · {n_chars} 字")
            }
            super::state::Lang::En => {
                format!("{n_sections} sections · {n_ind} indicators · {n_chars} characters")
            }
        };
        let diagnostics = r.diagnostics.clone();
        Some(view! {
            <header class="title-block" data-testid="report-title">
                <h1 class="report-heading" lang="zh-CN">{r.title.clone().unwrap_or_else(|| r.file.clone())}</h1>
                <p class="counts muted" data-testid="report-counts">{counts}</p>
                <dl class="facts">
                    <dt>{state.tr("会议", "Meeting")}</dt><dd data-field="meeting">{r.meeting.clone().unwrap_or_else(|| unknown.into())}</dd>
                    <dt>{state.tr("报告人", "Speaker")}</dt><dd data-field="speaker">{speaker.unwrap_or_else(|| unknown.into())}</dd>
                    <dt>{state.tr("日期", "Date")}</dt><dd data-field="date">{r.date.clone().unwrap_or_else(|| unknown.into())}</dd>
                    <dt>{state.tr("地区", "Region")}</dt><dd data-field="region">{r.region.clone().unwrap_or_else(|| unknown.into())}{level.map(|l| format!(" · {l}"))}</dd>
                    <dt>{state.tr("年份", "Year")}</dt><dd data-field="year">{years}</dd>
                    <dt>{state.tr("文件", "File")}</dt><dd data-field="file">{format!("{} · {}", r.file, r.encoding)}</dd>
                </dl>
                {(!removed.is_empty()).then(|| view! {
                    <details class="cleaned" data-testid="cleaned">
                        <summary>{state.tr("已清理", "Cleaned")}{format!(" ({})", removed.len())}</summary>
                        <ul>
                            {removed.into_iter().map(|s| view! { <li>{s.detail}" ("{s.count}")"</li> }).collect_view()}
                        </ul>
                    </details>
                })}
                {(!diagnostics.is_empty()).then(|| view! {
                    <details class="cleaned diagnostics" data-testid="diagnostics">
                        <summary>{state.tr("解析提示", "Notes from parsing")}{format!(" ({})", diagnostics.len())}</summary>
                        <ul>
                            {diagnostics.into_iter().map(|d| view! { <li>{d.message}</li> }).collect_view()}
                        </ul>
                    </details>
                })}
            </header>
        })
    }
}

fn level_name(state: AppState, l: Level) -> &'static str {
    match l {
        Level::National => state.tr("全国", "national"),
        Level::Provincial => state.tr("省级", "provincial"),
        Level::City => state.tr("地级市", "city"),
        Level::Prefecture => state.tr("自治州", "prefecture"),
        Level::League => state.tr("盟", "league"),
        Level::County => state.tr("县级", "county"),
    }
}
