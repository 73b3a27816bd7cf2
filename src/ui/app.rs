//! The page shell: provides [`AppState`], wires drop/paste/keys, lays out the parts.

use leptos::ev;
use leptos::prelude::*;

use super::charts::Charts;
use super::compare::Compare;
use super::doc_list::DocList;
use super::find::FindBar;
use super::headline_table::HeadlineTable;
use super::indicator_table::IndicatorTable;
use super::message::Message;
use super::report_text::ReportText;
use super::state::{AppState, Tab};
use super::title_block::TitleBlock;
use super::toc::Toc;
use super::toolbar::Toolbar;

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);

    // Whatever the URL asks for (a shared link, ?url=, ?report=), a restored session, or the sample.
    super::boot::start(state);
    // Files dropped while the wasm was loading.
    super::open::open_early_drops(state);

    // Drop a file anywhere on the page.
    let over = window_event_listener(ev::dragover, |e| e.prevent_default());
    let drop = window_event_listener(ev::drop, move |e| {
        e.prevent_default();
        if let Some(files) = e.data_transfer().and_then(|dt| dt.files()) {
            super::open::open_files(state, files);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });

    view! {
        <div class="app">
            <Toolbar/>
            <Message/>
            <DocList/>
            <div class="layout">
                <aside class="sidebar" aria-label=move || state.tr("目录", "Contents")>
                    <super::catalog::Catalog/>
                    <Toc/>
                </aside>
                <main class="main" id="main">
                    {move || match state.tab.get() {
                        Tab::Text => view! {
                            <TitleBlock/>
                            <HeadlineTable/>
                            <Charts compact=true/>
                            <FindBar/>
                            <ReportText/>
                        }.into_any(),
                        Tab::Indicators => view! { <IndicatorTable/> }.into_any(),
                        Tab::Charts => view! { <Charts compact=false/> }.into_any(),
                        Tab::Compare => view! { <Compare/> }.into_any(),
                    }}
                </main>
            </div>
        </div>
    }
}
