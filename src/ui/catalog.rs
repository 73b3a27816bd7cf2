//! Catalog (`data-testid="catalog"`): the hosted reports (`reports/index.json`) and the
//! reports recently opened in this browser, each one click away, plus "clear".

use leptos::prelude::*;

use super::state::AppState;
use crate::share::link::{CatalogEntry, Opening};
use crate::share::store::ago;

#[component]
pub fn Catalog() -> impl IntoView {
    let state = AppState::expect();
    // Fetched once the page is drawn: the library is a click away, the report is what
    // the first picture shows.
    let entries = LocalResource::new(|| async {
        super::perf::painted().await;
        super::fetch::load_catalog().await
    });
    let recent = super::persist::recent().unwrap_or_else(|| RwSignal::new(Vec::new()));

    let open_entry = move |e: CatalogEntry| {
        super::url_sync::forget_link_part();
        super::fetch::open_openings(state, vec![Opening::Report(e.id)], None);
    };

    view! {
        <details class="library" data-testid="catalog" open=move || state.docs.with(|d| d.is_empty())>
            <summary>{move || state.tr("报告库与最近打开", "Library & recent")}</summary>
            <h3>{move || state.tr("报告库", "Catalog")}</h3>
            {move || match entries.get() {
                None => view! { <p class="muted">{state.tr("正在读取…", "Loading…")}</p> }.into_any(),
                Some(Err(why)) => view! { <p class="muted">{state.tr("报告库暂不可用：", "Catalog unavailable: ")}{why}</p> }.into_any(),
                Some(Ok(list)) => view! {
                    <ul class="catalog-list">
                        {list.into_iter().map(|e| {
                            let label = e.label();
                            let meta = format!("{} · {}", e.region, e.year.map(|y| y.to_string()).unwrap_or_default());
                            let href = format!("?report={}", e.id);
                            let id = e.id.clone();
                            view! {
                                <li>
                                    <a href=href data-testid="catalog-item" data-id=id title=meta
                                        on:click=move |ev: leptos::ev::MouseEvent| {
                                            // Plain clicks open in place; ctrl/middle clicks open a new tab.
                                            if ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.button() != 0 { return; }
                                            ev.prevent_default();
                                            open_entry(e.clone());
                                        }>{label}</a>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any(),
            }}
            <h3>{move || state.tr("最近打开", "Recent")}</h3>
            {move || {
                let list = recent.get();
                if list.is_empty() {
                    return view! { <p class="muted">{state.tr("还没有。打开的报告会保存在这个浏览器里。", "None yet. Reports you open are kept in this browser.")}</p> }.into_any();
                }
                let now = js_sys::Date::now();
                view! {
                    <ul class="recent-list" data-testid="recent-list">
                        {list.into_iter().map(|entry| {
                            let (zh, en) = ago(now, entry.time);
                            let when = if state.lang.get() == super::state::Lang::Zh { zh } else { en };
                            let name = entry.name.clone();
                            let kept = entry.kept;
                            view! {
                                <li>
                                    <button class="link-button" data-testid="recent-item"
                                        title=move || if kept { state.tr("重新打开", "Reopen") } else { state.tr("未保存内容，将重新下载", "Not kept; will be downloaded again") }
                                        on:click=move |_| super::persist::reopen(state, &entry)>{name}</button>
                                    <small class="muted">" · "{when}</small>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <button class="button small" data-testid="recent-clear" on:click=move |_| super::persist::clear(state)>
                        {state.tr("清除保存的报告", "Clear kept reports")}
                    </button>
                }.into_any()
            }}
        </details>
    }
}
