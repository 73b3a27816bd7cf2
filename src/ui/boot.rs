//! What the page opens at start: a shared link (`#doc=`, `?url=`, `?report=`,
//! `#sha256=`), else the last session, else the built-in sample — at once, so the first
//! render is not held up. Also registers the service worker (offline use) and says when
//! a new version is ready.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::state::{AppState, Lang, Source};
use super::url_sync;
use crate::report;
use crate::share::doc::DocLinkError;
use crate::share::link::LinkRequest;
use crate::share::{decode_text, sha256_hex, ViewState};

thread_local! {
    /// A `#sha256=` link waiting for the receiver's own copy: (hash, name, view).
    static EXPECT: RefCell<Option<(String, String, ViewState)>> = const { RefCell::new(None) };
}

/// Decide what to open first and open it.
pub fn start(state: AppState) {
    url_sync::install(state);
    super::persist::install(state);
    install_hash_check(state);
    watch_takeover(state);
    // The service worker is registered well after the first picture: installing fetches
    // and caches every file of the page (the parsing worker's wasm too), which competes
    // with drawing it and with opening the first file; it only matters for the next visit.
    // The spare parsing worker (for Word and GBK files) starts then too, for the same reason.
    super::perf::after_paint(move || {
        leptos::prelude::set_timeout(
            move || {
                register_service_worker(state);
                super::worker_client::warm();
            },
            SW_DELAY,
        );
    });

    let (search, hash) = url_sync::location();
    let req = LinkRequest::parse(&search, &hash);
    if open_request(state, req) {
        return;
    }
    // Nothing asked for: the last session, else the sample.
    let view = ViewState::from_fragment(&hash);
    // (a restored session marks the address ready itself, once its reports are open)
    if !super::persist::restore(state, &view) {
        super::open::open_sample(state);
        if !view.is_empty() {
            url_sync::apply_view(state, &view);
        }
        url_sync::set_ready();
    }
}

/// Open what a link asks for (`#doc=`, `?url=`/`?report=`, `#sha256=`). Returns false
/// when it asks for no report (only, perhaps, a view).
fn open_request(state: AppState, req: LinkRequest) -> bool {
    let f = req.fragment;
    if let Some(packed) = f.doc {
        open_doc_link(state, &packed, f.name, &f.view);
        url_sync::set_ready();
        return true;
    }
    if !req.openings.is_empty() {
        url_sync::forget_link_part();
        super::fetch::open_openings(state, req.openings, Some(f.view));
        return true;
    }
    if let Some(sha) = f.sha256 {
        let name = f
            .name
            .unwrap_or_else(|| state.tr_now("分享的文件", "the shared file").to_string());
        expect_file(state, sha, name, f.view);
        url_sync::set_ready();
        return true;
    }
    false
}

/// Back/forward (or an edited fragment): reopen reports if the address names other
/// ones, otherwise restore the view.
pub fn follow_address(state: AppState, search: &str, hash: &str) {
    let req = LinkRequest::parse(search, hash);
    let current = state.docs.with_untracked(|d| url_sync::openings_of(d));
    let same_reports = if let Some(doc) = &req.fragment.doc {
        // The same `#doc=` report is open already?
        state
            .docs
            .with_untracked(|d| d.len() == 1 && d[0].source == Source::Link)
            && decode_text(doc).ok().map(|t| t.into_bytes())
                == state
                    .docs
                    .with_untracked(|d| d.first().map(|d| d.bytes.to_vec()))
    } else if !req.openings.is_empty() {
        current.as_ref() == Some(&req.openings)
    } else {
        true
    };
    if same_reports {
        url_sync::apply_view(state, &req.fragment.view);
    } else {
        open_request(state, req);
    }
}

/// A plain message for a damaged `#doc=` link.
pub fn doc_link_message(state: AppState, e: &DocLinkError) -> String {
    let zh = state.lang.get_untracked() == Lang::Zh;
    let what = match (e, zh) {
        (DocLinkError::Empty, true) => "链接里没有报告内容".to_string(),
        (DocLinkError::BadBase64, true) => {
            "链接已损坏：内容不是有效的编码，可能在复制或转发时被截断或改动".to_string()
        }
        (DocLinkError::BadDeflate, true) => {
            "链接已损坏：压缩数据不完整，可能在复制或转发时被截断".to_string()
        }
        (DocLinkError::BadUtf8, true) => "链接已损坏：解压后不是文本".to_string(),
        (DocLinkError::TooLarge { limit }, true) => {
            format!(
                "链接解压后超过 {} MB（可能是恶意的“压缩炸弹”），已拒绝打开",
                limit / 1_000_000
            )
        }
        (e, false) => e.to_string(),
    };
    if zh {
        format!("无法打开分享链接中的报告：{what}。请让对方重新复制链接，或直接发送文件。")
    } else {
        format!("The report in this link cannot be opened: {what}. Ask the sender to copy the link again, or to send the file itself.")
    }
}

/// Open the report carried by a `#doc=` link: the receiver sees the sender's text.
fn open_doc_link(state: AppState, packed: &str, name: Option<String>, view: &ViewState) {
    super::perf::mark_bytes_in();
    match decode_text(packed) {
        Ok(text) => {
            let name =
                name.unwrap_or_else(|| state.tr_now("分享的报告", "shared report").to_string());
            let r = report::parse_text(&name, &text, "UTF-8");
            let key = state.open_doc(r, Source::Link, text.into_bytes(), true);
            url_sync::remember_link_part(
                Some(key),
                Some(packed.to_string()),
                None,
                Some(name.clone()),
            );
            state.info(format!(
                "{} {name}",
                state.tr_now(
                    "已打开链接中附带的报告：",
                    "Opened the report carried in the link:"
                )
            ));
            url_sync::apply_view(state, view);
            super::perf::measure_after_paint();
        }
        Err(e) => {
            url_sync::forget_link_part();
            state.error(doc_link_message(state, &e));
        }
    }
}

/// A `#sha256=` link: ask for the receiver's own copy, check it when it is dropped.
fn expect_file(state: AppState, sha: String, name: String, view: ViewState) {
    url_sync::remember_link_part(None, None, Some(sha.clone()), Some(name.clone()));
    state.info(match state.lang.get_untracked() {
        Lang::Zh => format!(
            "这个链接只带有文件“{name}”的指纹（SHA-256 {}…），不含文件本身。请把你手上的“{name}”拖到本页面上（或点“打开文件…”）；打开时会核对它与分享者的文件是否完全相同。",
            &sha[..12]
        ),
        Lang::En => format!(
            "This link carries only the fingerprint of “{name}” (SHA-256 {}…), not the file. Drop your copy of “{name}” on this page (or use “Open file…”); it will be checked against the sender's file.",
            &sha[..12]
        ),
    });
    EXPECT.with(|e| *e.borrow_mut() = Some((sha, name, view)));
}

/// When a file arrives while a `#sha256=` link waits, say whether it matches.
fn install_hash_check(state: AppState) {
    Effect::new(move |_| {
        let docs = state.docs.get();
        let Some((sha, name, view)) = EXPECT.with(|e| e.borrow().clone()) else {
            return;
        };
        let Some(doc) = docs
            .iter()
            .rev()
            .find(|d| matches!(d.source, Source::File(_) | Source::Pasted))
        else {
            return;
        };
        EXPECT.with(|e| *e.borrow_mut() = None);
        url_sync::forget_link_part();
        let got = sha256_hex(&doc.bytes);
        let file = doc.report.file.clone();
        if got == sha {
            state.info(match state.lang.get_untracked() {
                Lang::Zh => format!(
                    "已打开 {file}：校验一致，与分享者的“{name}”完全相同（SHA-256 {}…）。",
                    &got[..12]
                ),
                Lang::En => format!(
                    "Opened {file}: it matches the sender's “{name}” exactly (SHA-256 {}…).",
                    &got[..12]
                ),
            });
        } else {
            state.warn(match state.lang.get_untracked() {
                Lang::Zh => format!(
                    "已打开 {file}，但校验不一致：它与分享者的“{name}”不是同一个文件（SHA-256 {}… ≠ {}…），可能是另一版本，看到的内容可能不同。",
                    &got[..12],
                    &sha[..12]
                ),
                Lang::En => format!(
                    "Opened {file}, but it does NOT match the sender's “{name}” (SHA-256 {}… ≠ {}…): probably another version, so what you see may differ.",
                    &got[..12],
                    &sha[..12]
                ),
            });
        }
        url_sync::apply_view(state, &view);
    });
}

thread_local! {
    /// The reader has been told of a new version (once is enough).
    static ANNOUNCED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Tell the reader, once, that a new version is ready.
fn announce_new_version(state: AppState) {
    if ANNOUNCED.with(|a| a.replace(true)) {
        return;
    }
    state.info(state.tr_now("新版本已就绪，刷新后生效。", "A new version is ready; reload to use it."));
}

/// A new version that takes over while this page is open (`sw.js` skips waiting, and the
/// browser looks for one as the page loads) is announced. The listener is attached at
/// once; the registration itself waits ([`SW_DELAY`]).
fn watch_takeover(state: AppState) {
    let nav = window().navigator();
    if !js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = nav.service_worker();
    // The first visit's worker takes over a page no older version controlled: not news.
    let had_controller = container.controller().is_some();
    let on_change = Closure::<dyn FnMut()>::new(move || {
        if had_controller {
            announce_new_version(state);
        }
    });
    container.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
    on_change.forget();
}

/// How long after the first picture the service worker is registered.
const SW_DELAY: std::time::Duration = std::time::Duration::from_secs(3);

/// Register `sw.js` (relative, so it works under any sub-path) and announce new versions.
fn register_service_worker(state: AppState) {
    let nav = window().navigator();
    // Not every browser or context has service workers (plain http on a LAN address).
    if !js_sys::Reflect::has(&nav, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let container = nav.service_worker();
    leptos::task::spawn_local(async move {
        let Ok(reg) = JsFuture::from(container.register("./sw.js")).await else {
            return;
        };
        let reg: web_sys::ServiceWorkerRegistration = reg.unchecked_into();
        // A new version is installed while an older one controls this page.
        let announce = move || {
            if window().navigator().service_worker().controller().is_some() {
                announce_new_version(state);
            }
        };
        // Tell the reader when `worker` (a version being installed) is ready.
        let watch = move |worker: web_sys::ServiceWorker| {
            let w2 = worker.clone();
            let on_state = Closure::<dyn FnMut()>::new(move || {
                if w2.state() == web_sys::ServiceWorkerState::Installed {
                    announce();
                }
            });
            worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        };
        // Registered after the first picture, so the browser's own update check (made
        // when the page loaded) may already have found, or even installed, a new version.
        if reg.waiting().is_some() {
            announce();
        } else if let Some(worker) = reg.installing() {
            watch(worker);
        }
        let reg2 = reg.clone();
        let on_update = Closure::<dyn FnMut()>::new(move || {
            if let Some(worker) = reg2.installing() {
                watch(worker);
            }
        });
        reg.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
        on_update.forget();
    });
}
