//! Download buttons (`data-testid="export-csv"`, `data-testid="export-json"`): the
//! active report's indicators as CSV and the report as JSON, the same bytes the CLI
//! writes (`crate::export`). With several reports open, a third button writes one
//! CSV of them all (`data-testid="export-csv-all"`).

use leptos::prelude::*;

use super::download::try_download;
use super::state::AppState;
use crate::export;

#[component]
pub fn ExportButtons() -> impl IntoView {
    let state = AppState::expect();
    let save = move |name: String, mime: &str, body: String| {
        if let Err(e) = try_download(&name, mime, body.as_bytes()) {
            state.error(format!(
                "{}: {e}",
                state.tr_now("无法下载", "Could not download")
            ));
        }
    };
    let csv = move |_| {
        if let Some(r) = active_report(state) {
            save(
                format!("{}-indicators.csv", export::download_stem(&r)),
                "text/csv;charset=utf-8",
                export::indicators_csv(&[&r]),
            );
        }
    };
    let json = move |_| {
        if let Some(r) = active_report(state) {
            save(
                format!("{}.json", export::download_stem(&r)),
                "application/json",
                export::report_json(&r),
            );
        }
    };
    let csv_all = move |_| {
        let reports = state
            .docs
            .with_untracked(|d| d.iter().map(|d| d.report.clone()).collect::<Vec<_>>());
        let refs: Vec<&crate::report::Report> = reports.iter().map(|r| r.as_ref()).collect();
        save(
            "baogao-indicators-all.csv".into(),
            "text/csv;charset=utf-8",
            export::indicators_csv(&refs),
        );
    };
    let open_count = move || state.docs.with(|d| d.len());
    view! {
        <div class="export-buttons" role="group" aria-label=move || state.tr("导出", "Export")>
            <button class="button" data-testid="export-csv" on:click=csv
                title=move || state.tr("全部指标，每行一项（CSV，Excel 可直接打开）", "All indicators, one per row (CSV, opens in Excel)")>
                {move || state.tr("导出 CSV", "Export CSV")}
            </button>
            <button class="button" data-testid="export-json" on:click=json
                title=move || state.tr("完整解析结果（JSON，与命令行输出相同）", "Full parse (JSON, same as the CLI)")>
                {move || state.tr("导出 JSON", "Export JSON")}
            </button>
            {move || (open_count() >= 2).then(|| view! {
                <button class="button" data-testid="export-csv-all" on:click=csv_all>
                    {move || format!("{} ({})", state.tr("CSV：全部已打开报告", "CSV: all open reports"), open_count())}
                </button>
            })}
        </div>
    }
}

/// The active report, read without subscribing (for click handlers).
fn active_report(state: AppState) -> Option<std::sync::Arc<crate::report::Report>> {
    let key = state.active.get_untracked()?;
    state
        .docs
        .with_untracked(|d| d.iter().find(|d| d.key == key).map(|d| d.report.clone()))
}
