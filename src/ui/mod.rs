//! The leptos page (wasm32 only). One component per file; shared state lives in
//! [`state::AppState`] (provided as context); logic that is not about rendering
//! lives in plain functions (`open.rs`, `perf.rs`), not in components.

pub mod app;
pub mod boot;
pub mod catalog;
pub mod chart_canvas;
pub mod charts;
pub mod compare;
pub mod doc_list;
pub mod download;
pub mod export_buttons;
pub mod fetch;
pub mod find;
pub mod headline_dom;
pub mod headline_table;
pub mod indicator_table;
pub mod share;
pub mod message;
pub mod open;
pub mod pack;
pub mod pdf_client;
pub mod perf;
pub mod persist;
pub mod report_text;
pub mod state;
pub mod text_dom;
pub mod title_block;
pub mod toc;
pub mod toc_dom;
pub mod toolbar;
pub mod url_sync;
pub mod worker_client;

/// Mount the app on `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
    // index.html's font warm-up has been laid out by now (or never will be of use), and
    // the prerendered sample it may show is replaced by the app's own view, drawn in this
    // same task (so no frame shows both or neither).
    if let Some(d) = web_sys::window().and_then(|w| w.document()) {
        for id in ["font-warm", "prerender", "prerender-zh", "prerender-en", "boot-error"] {
            if let Some(e) = d.get_element_by_id(id) {
                e.remove();
            }
        }
    }
}
