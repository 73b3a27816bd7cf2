//! Nothing lost on reload: the open reports and the view are kept in `localStorage`
//! (packed, see [`crate::share::store`]), with a list of recent reports to reopen and a
//! way to clear it all. Reports over [`STORE_LIMIT`] are not kept (and the user is told);
//! a full storage is reported, after dropping the oldest kept reports to make room.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;

use super::open::BytesParsed;
use super::state::{local_storage, AppState, Doc, Source};
use crate::report;
use crate::share::link::Opening;
use crate::share::store::{
    doc_key, eviction_order, push_recent, RecentEntry, Session, StoredDoc, StoredSource,
    DOC_PREFIX, RECENT_KEY, RECENT_MAX, SESSION_KEY,
};
use crate::share::ViewState;

thread_local! {
    /// The recent list (shown by the catalog panel).
    static RECENT: std::cell::Cell<Option<RwSignal<Vec<RecentEntry>>>> = const { std::cell::Cell::new(None) };
    /// Doc key (this page session) → storage key, for reports already kept.
    static SAVED: RefCell<HashMap<u32, String>> = RefCell::new(HashMap::new());
}

/// The recent list, newest first (reactive once [`install`] ran).
pub fn recent() -> Option<RwSignal<Vec<RecentEntry>>> {
    RECENT.with(|r| r.get())
}

fn now_ms() -> f64 {
    js_sys::Date::now()
}

fn source_of(s: &Source) -> StoredSource {
    let (kind, value) = match s {
        Source::Sample => ("sample", String::new()),
        Source::File(n) => ("file", n.clone()),
        Source::Pasted => ("pasted", String::new()),
        Source::Url(u) => ("url", u.clone()),
        Source::Catalog(id) => ("catalog", id.clone()),
        Source::Link => ("link", String::new()),
    };
    StoredSource {
        kind: kind.into(),
        value,
    }
}

fn source_from(s: &StoredSource) -> Source {
    match s.kind.as_str() {
        "sample" => Source::Sample,
        "file" => Source::File(s.value.clone()),
        "pasted" => Source::Pasted,
        "url" => Source::Url(s.value.clone()),
        "catalog" => Source::Catalog(s.value.clone()),
        _ => Source::Link,
    }
}

/// `bytes` (re-parse as a file) or `text` (UTF-8, parsed with the report's encoding).
fn mode_of(s: &Source) -> &'static str {
    match s {
        Source::Pasted | Source::Link => "text",
        _ => "bytes",
    }
}

fn read_json<T: serde::de::DeserializeOwned>(key: &str) -> Option<T> {
    let s = local_storage()?.get_item(key).ok()??;
    serde_json::from_str(&s).ok()
}

fn is_quota(err: &wasm_bindgen::JsValue) -> bool {
    let name = js_sys::Reflect::get(err, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED"
}

enum WriteError {
    NoStorage,
    Full,
    Other,
}

fn write(key: &str, value: &str) -> Result<(), WriteError> {
    let s = local_storage().ok_or(WriteError::NoStorage)?;
    s.set_item(key, value).map_err(|e| {
        if is_quota(&e) {
            WriteError::Full
        } else {
            WriteError::Other
        }
    })
}

/// Write, dropping the least recently used kept reports (not those in `protect`) while
/// the storage is full.
fn write_making_room(
    state: AppState,
    key: &str,
    value: &str,
    protect: &[String],
) -> Result<(), WriteError> {
    match write(key, value) {
        Err(WriteError::Full) => {}
        other => return other,
    }
    let recent = recent();
    let list = recent.map(|r| r.get_untracked()).unwrap_or_default();
    for victim in eviction_order(&list, protect) {
        if let Some(s) = local_storage() {
            let _ = s.remove_item(&victim);
        }
        if let Some(r) = recent {
            r.update(|l| {
                for e in l.iter_mut().filter(|e| e.key == victim) {
                    e.kept = false;
                }
            });
        }
        match write(key, value) {
            Err(WriteError::Full) => continue,
            other => {
                save_recent(state);
                return other;
            }
        }
    }
    Err(WriteError::Full)
}

fn save_recent(_state: AppState) {
    if let Some(r) = recent() {
        if let Ok(json) = serde_json::to_string(&r.get_untracked()) {
            let _ = write(RECENT_KEY, &json);
        }
    }
}

fn warn_full(state: AppState) {
    state.warn(state.tr_now(
        "浏览器的存储空间已满，这份报告没能保存；刷新页面后需要重新打开。可以在“最近打开”里点“清除”腾出空间。",
        "The browser's storage is full, so this report was not kept; after a reload you will have to open it again. “Clear” under Recent frees space.",
    ));
}

/// Keep one open report; returns its storage key (None for the built-in sample, or when
/// a newer save took over while this one was packing).
async fn keep_doc(state: AppState, doc: &Doc, protect: &[String], generation: u64) -> Option<String> {
    if doc.source == Source::Sample {
        return None;
    }
    if let Some(k) = SAVED.with(|s| s.borrow().get(&doc.key).cloned()) {
        return Some(k);
    }
    let name = doc.report.file.clone();
    // Packed after the report is drawn, letting the page run in between; a report too big
    // to fit is only hashed (for the recent list).
    let packed = super::pack::pack(&doc.bytes, || is_latest(generation)).await?;
    let key = doc_key(&packed.sha256);
    let fits = packed.data.is_some();
    let stored = StoredDoc {
        name: name.clone(),
        source: source_of(&doc.source),
        mode: mode_of(&doc.source).to_string(),
        encoding: doc.report.encoding.clone(),
        sha256: packed.sha256,
        data: packed.data.unwrap_or_default(),
    };
    let mut kept = true;
    if !fits {
        kept = false;
        if !matches!(doc.source, Source::Url(_) | Source::Catalog(_)) {
            let mb = doc.bytes.len() as f64 / 1e6;
            state.warn(match state.lang.get_untracked() {
                super::state::Lang::Zh => format!("{name} 太大（{mb:.1} MB），无法保存在浏览器里；刷新页面后需要重新打开。"),
                super::state::Lang::En => format!("{name} is too big ({mb:.1} MB) to be kept in the browser; after a reload you will have to open it again."),
            });
        }
    }
    let json = serde_json::to_string(&stored).ok()?;
    let mut protect = protect.to_vec();
    protect.push(key.clone());
    match write_making_room(state, &key, &json, &protect) {
        Ok(()) => {}
        Err(WriteError::Full) => {
            warn_full(state);
            return None;
        }
        Err(_) => return None,
    }
    SAVED.with(|s| s.borrow_mut().insert(doc.key, key.clone()));
    if let Some(r) = recent() {
        r.update(|l| {
            push_recent(
                l,
                RecentEntry {
                    key: key.clone(),
                    name,
                    source: source_of(&doc.source),
                    time: now_ms(),
                    kept,
                },
                RECENT_MAX,
            )
        });
        // Reports that fell off the list are not needed any more.
        let listed: Vec<String> = r.with_untracked(|l| l.iter().map(|e| e.key.clone()).collect());
        if let Some(s) = local_storage() {
            let len = s.length().unwrap_or(0);
            let orphans: Vec<String> = (0..len)
                .filter_map(|i| s.key(i).ok().flatten())
                .filter(|k| {
                    k.starts_with(DOC_PREFIX) && !listed.contains(k) && !protect.contains(k)
                })
                .collect();
            for k in orphans {
                let _ = s.remove_item(&k);
            }
        }
        save_recent(state);
    }
    Some(key)
}

/// Start keeping the session: reports when the open set changes, the view when it changes.
pub fn install(state: AppState) {
    let list = RwSignal::new(read_json::<Vec<RecentEntry>>(RECENT_KEY).unwrap_or_default());
    RECENT.with(|r| r.set(Some(list)));
    Effect::new(move |_| {
        let docs = state.docs.get();
        let active = state.active.get();
        let view = super::url_sync::view_of(state);
        if docs.is_empty() || !super::url_sync::is_ready() {
            return;
        }
        // Hashing and compressing a big report takes a while: start after the report is
        // drawn, and only for the latest state when several changes come at once.
        let generation = SAVE_GENERATION.with(|g| {
            g.set(g.get() + 1);
            g.get()
        });
        UNSAVED.with(|u| *u.borrow_mut() = Some((docs.clone(), active, view.clone(), generation)));
        super::perf::after_paint(move || {
            if is_latest(generation) {
                leptos::task::spawn_local(save_session(state, docs, active, view, generation));
            }
        });
    });
    // Leaving (reload, closing the tab) before the deferred save has run: save now, at
    // once, what can be saved without waiting (a big report's slices cannot).
    let flush = window_event_listener_untyped("pagehide", move |_| flush_unsaved(state));
    // The listener lives as long as the page.
    std::mem::forget(flush);
}

/// Run the save still pending (if any) to the end now, when it needs no waiting.
fn flush_unsaved(state: AppState) {
    use std::future::Future;
    use std::task::{Context, Poll, Waker};
    let Some((docs, active, view, generation)) = UNSAVED.with(|u| u.borrow_mut().take()) else {
        return;
    };
    let mut save = std::pin::pin!(save_session(state, docs, active, view, generation));
    let mut cx = Context::from_waker(Waker::noop());
    let _: Poll<()> = save.as_mut().poll(&mut cx);
}

thread_local! {
    /// The latest state to keep while its save has not finished (see `flush_unsaved`).
    static UNSAVED: RefCell<Option<(Vec<Doc>, Option<u32>, ViewState, u64)>> = const { RefCell::new(None) };
    /// Bumped on every change to keep; a deferred save goes on only while it is the latest.
    static SAVE_GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

fn is_latest(generation: u64) -> bool {
    SAVE_GENERATION.with(|g| g.get()) == generation
}

/// Keep the open reports and the session (which is open, the view).
async fn save_session(
    state: AppState,
    docs: Vec<Doc>,
    active: Option<u32>,
    view: ViewState,
    generation: u64,
) {
    let mut keys = Vec::new();
    for d in &docs {
        match keep_doc(state, d, &keys, generation).await {
            Some(k) => keys.push(k),
            None if d.source == Source::Sample => keys.push("sample".into()),
            None if !is_latest(generation) => return,
            None => {}
        }
    }
    if !is_latest(generation) {
        return;
    }
    let active_idx = docs.iter().position(|d| Some(d.key) == active).unwrap_or(0);
    let session = Session {
        docs: keys,
        active: active_idx,
        view: view.to_fragment(),
    };
    if let Ok(json) = serde_json::to_string(&session) {
        if let Err(WriteError::Full) = write(SESSION_KEY, &json) {
            warn_full(state);
        }
    }
    UNSAVED.with(|u| {
        let mut u = u.borrow_mut();
        if u.as_ref().is_some_and(|(_, _, _, g)| *g == generation) {
            *u = None;
        }
    });
}

/// Whether a previous session was kept.
pub fn has_session() -> bool {
    local_storage()
        .and_then(|s| s.get_item(SESSION_KEY).ok().flatten())
        .is_some()
}

/// Open one kept report. `replace`: it replaces the open set. Resolves to whether it
/// opened (a Word file or a GBK text is read by the worker, so this may wait for it).
async fn open_stored(state: AppState, key: &str, replace: bool) -> Result<bool, String> {
    if key == "sample" {
        super::open::open_sample(state);
        return Ok(true);
    }
    let Some(stored) = read_json::<StoredDoc>(key) else {
        return Err(state
            .tr_now(
                "保存的报告已不在浏览器存储中。",
                "The kept report is no longer in browser storage.",
            )
            .into());
    };
    let source = source_from(&stored.source);
    if stored.data.is_empty() {
        // Not kept (too big): fetch it again where that is possible.
        return match &source {
            Source::Url(u) => {
                super::fetch::open_openings(state, vec![Opening::Url(u.clone())], None);
                Ok(true)
            }
            Source::Catalog(id) => {
                super::fetch::open_openings(state, vec![Opening::Report(id.clone())], None);
                Ok(true)
            }
            _ => Err(format!(
                "{} {}",
                stored.name,
                state.tr_now(
                    "太大，没有保存在浏览器里；请重新打开这个文件。",
                    "was too big to be kept; please open the file again."
                )
            )),
        };
    }
    let bytes = stored
        .unpack()
        .map_err(|e| format!("{}: {e}", stored.name))?;
    let key_num = if stored.mode == "text" {
        let text =
            String::from_utf8(bytes.clone()).map_err(|_| format!("{}: damaged", stored.name))?;
        super::perf::mark_bytes_in();
        let r = report::parse_text(&stored.name, &text, &stored.encoding);
        Some(state.open_doc(r, source, bytes, replace))
    } else {
        match super::open::parse_bytes(state, &stored.name, &bytes, None).await {
            BytesParsed::Done(r, input, _) => Some(state.open_decoded(r, source, bytes, input, replace)),
            BytesParsed::Failed(why) => return Err(why),
            BytesParsed::Cancelled => return Ok(false),
        }
    };
    if let Some(k) = key_num {
        SAVED.with(|s| s.borrow_mut().insert(k, key.to_string()));
    }
    Ok(true)
}

/// Reopen the last session. `view` from the address wins over the kept view when set.
/// Returns false when there was nothing to restore. The reports open in a task (those
/// the worker reads come back later); if none of them opens, the sample does, and
/// the address is followed once they are open (`url_sync::set_ready`).
pub fn restore(state: AppState, view: &ViewState) -> bool {
    let Some(session) = read_json::<Session>(SESSION_KEY) else {
        return false;
    };
    if session.docs.is_empty() {
        return false;
    }
    let view = view.clone();
    leptos::task::spawn_local(async move {
        reopen_session(state, session, view).await;
        super::url_sync::set_ready();
    });
    true
}

async fn reopen_session(state: AppState, session: Session, view: ViewState) {
    let mut opened = Vec::new();
    let mut errors = Vec::new();
    for (i, key) in session.docs.iter().enumerate() {
        match open_stored(state, key, opened.is_empty()).await {
            Ok(true) => opened.push(i),
            Ok(false) => {}
            Err(e) => errors.push(e),
        }
    }
    if opened.is_empty() {
        if !errors.is_empty() {
            state.warn(errors.join(" "));
        }
        super::open::open_sample(state);
        if !view.is_empty() {
            super::url_sync::apply_view(state, &view);
        }
        return;
    }
    // The active report: the n-th opened one.
    if let Some(pos) = opened.iter().position(|&i| i == session.active) {
        let key = state.docs.with_untracked(|d| d.get(pos).map(|d| d.key));
        if key.is_some() {
            state.active.set(key);
        }
    }
    let v = if view.is_empty() {
        ViewState::from_fragment(&session.view)
    } else {
        view
    };
    super::url_sync::apply_view(state, &v);
    if errors.is_empty() {
        state.info(state.tr_now(
            "已恢复上次打开的报告。",
            "Restored the reports you had open.",
        ));
    } else {
        state.warn(errors.join(" "));
    }
    super::perf::measure_after_paint();
}

/// Reopen an entry of the recent list (replacing the open set).
pub fn reopen(state: AppState, entry: &RecentEntry) {
    let source = source_from(&entry.source);
    if !entry.kept {
        match source {
            Source::Url(u) => {
                return super::fetch::open_openings(state, vec![Opening::Url(u)], None)
            }
            Source::Catalog(id) => {
                return super::fetch::open_openings(state, vec![Opening::Report(id)], None)
            }
            _ => {}
        }
    }
    let (key, name) = (entry.key.clone(), entry.name.clone());
    leptos::task::spawn_local(async move {
        match open_stored(state, &key, true).await {
            Ok(true) => state.info(format!("{} {name}", state.tr_now("已重新打开", "Reopened"))),
            Ok(false) => {}
            Err(e) => state.error(e),
        }
    });
}

/// Forget everything kept: session, recent list, kept reports (the language stays).
pub fn clear(state: AppState) {
    if let Some(s) = local_storage() {
        let len = s.length().unwrap_or(0);
        let keys: Vec<String> = (0..len)
            .filter_map(|i| s.key(i).ok().flatten())
            .filter(|k| k.starts_with("baogao:") && k != "baogao:lang")
            .collect();
        for k in keys {
            let _ = s.remove_item(&k);
        }
    }
    SAVED.with(|s| s.borrow_mut().clear());
    if let Some(r) = recent() {
        r.set(Vec::new());
    }
    state.info(state.tr_now(
        "已清除保存在浏览器里的报告和最近列表；刷新后将打开示例报告。",
        "Cleared the reports kept in this browser and the recent list; a reload opens the sample.",
    ));
}
