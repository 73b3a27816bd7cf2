//! The title block (`data-testid="report-title"`): title, meeting, speaker, date,
//! region/level/years, and the cleaning log.

use leptos::prelude::*;

use super::state::AppState;
use crate::report::Level;

#[component]
pub fn TitleBlock() -> impl IntoView {
    let state = AppState::expect();
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
        let n_sections = crate::layout::toc_entries(&r.sections, 4).len();
        let n_ind = r.indicators.len();
        let counts = match state.lang.get() {
            super::state::Lang::Zh => format!(
                "{n_sections} 个章节 · {n_ind} 个数字指标 · {} 字",
                r.text.chars().filter(|c| !c.is_whitespace()).count()
            ),
            super::state::Lang::En => format!(
                "{n_sections} sections · {n_ind} indicators · {} characters",
                r.text.chars().filter(|c| !c.is_whitespace()).count()
            ),
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
