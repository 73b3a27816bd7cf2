//! Parsing big files in the `baogao-worker` Web Worker (see `src/worker.rs`), with
//! progress in `state.progress` and a cancel control (`state.cancellable`).
//!
//! One worker per job: it starts, says `ready`, gets the bytes (transferred, not
//! copied), reports progress, and sends the report back in parts ([`crate::wire`]),
//! which are rebuilt here one part per task so that no main-thread task runs long.
//! Cancelling terminates the worker at once. If the worker cannot start (no Worker
//! support, the script missing, a blocked wasm), the caller is told
//! [`Outcome::Unavailable`] and parses on the main thread instead.

use std::cell::{Cell, RefCell};

use js_sys::{Array, ArrayBuffer, Function, Object, Promise, Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{ErrorEvent, MessageEvent, Worker};

use super::state::{AppState, Progress};
use crate::report::{OpenError, Report};
use crate::wire::{self, Rebuild, Stage};

/// The loader Trunk writes for the worker bin (`data-loader-shim`), next to index.html.
pub const LOADER: &str = "./baogao-worker_loader.js";

/// How long the worker may take to start before the page parses on its own.
const START_TIMEOUT_MS: i32 = 20_000;

/// How a worker job ended.
#[derive(Debug)]
pub enum Outcome {
    Done(Report),
    /// The input cannot be opened (empty, binary, broken .docx, zip bomb …).
    Failed(OpenError),
    /// The user cancelled, or a newer job replaced this one.
    Cancelled,
    /// The worker could not start: parse on the main thread instead.
    Unavailable(String),
    /// The worker died or sent something unreadable after it had started.
    Crashed(String),
}

struct Job {
    id: u64,
    worker: Worker,
    resolve: Function,
    /// The bytes, until the worker is ready to take them.
    bytes: Option<ArrayBuffer>,
    name: String,
    ready: bool,
    timer: Option<i32>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
    _on_timeout: Closure<dyn FnMut()>,
}

thread_local! {
    static JOB: RefCell<Option<Job>> = const { RefCell::new(None) };
    /// Id of the newest job (older jobs leave the progress bar alone).
    static LATEST: Cell<u64> = const { Cell::new(0) };
    /// Bumped by every cancel; a rebuild in progress stops when it changes.
    static CANCELS: Cell<u64> = const { Cell::new(0) };
}

/// Whether this browser can run the worker at all.
pub fn supported() -> bool {
    Reflect::has(&js_sys::global(), &"Worker".into()).unwrap_or(false)
}

/// Parse `bytes` (the file's ArrayBuffer; it is transferred to the worker) in the worker.
pub async fn parse(state: AppState, name: &str, bytes: ArrayBuffer) -> Outcome {
    abort_current();
    let id = LATEST.with(|l| {
        l.set(l.get() + 1);
        l.get()
    });
    let cancels = CANCELS.with(Cell::get);
    let result = match start(state, id, name, bytes) {
        Ok(promise) => {
            state.cancellable.set(true);
            set_progress(state, id, name, Some(0.0), false);
            JsFuture::from(promise)
                .await
                .unwrap_or_else(|e| reply("crashed", &js_text(&e)))
        }
        Err(why) => reply("unavailable", &why),
    };
    end(id);
    let outcome = match kind(&result).as_str() {
        "done" => rebuild(state, id, name, &result, cancels).await,
        "error" => {
            let json = get(&result, "error").as_string().unwrap_or_default();
            match wire::error_from_json(&json) {
                Some(e) => Outcome::Failed(e),
                None => Outcome::Crashed(format!("unreadable error: {json}")),
            }
        }
        "cancelled" => Outcome::Cancelled,
        "unavailable" => {
            Outcome::Unavailable(get(&result, "message").as_string().unwrap_or_default())
        }
        _ => Outcome::Crashed(get(&result, "message").as_string().unwrap_or_default()),
    };
    if LATEST.with(Cell::get) == id {
        state.progress.set(None);
        state.cancellable.set(false);
    }
    outcome
}

/// The user pressed cancel: stop the running job (worker or rebuild), keep the open report.
pub fn cancel(state: AppState) {
    CANCELS.with(|c| c.set(c.get() + 1));
    abort_current();
    state.progress.set(None);
    state.cancellable.set(false);
    state.info(format!(
        "{} {}",
        state.tr_now("已取消。", "Cancelled."),
        state.tr_now("当前报告保持不变。", "The open report is kept.")
    ));
}

/// Whether a cancel happened since `since` (see [`CANCELS`]).
pub fn cancelled_since(since: u64) -> bool {
    CANCELS.with(Cell::get) != since
}

/// The current cancel count (pass to [`cancelled_since`] later).
pub fn cancel_count() -> u64 {
    CANCELS.with(Cell::get)
}

/// Stop the running worker job, if any; its caller gets [`Outcome::Cancelled`].
fn abort_current() {
    let job = JOB.with(|j| j.borrow_mut().take());
    if let Some(job) = job {
        dispose(&job);
        let _ = job.resolve.call1(&JsValue::NULL, &reply("cancelled", ""));
    }
}

/// Terminate the worker and unhook its handlers (the closures die with the job).
fn dispose(job: &Job) {
    if let (Some(t), Some(w)) = (job.timer, web_sys::window()) {
        w.clear_timeout_with_handle(t);
    }
    job.worker.set_onmessage(None);
    job.worker.set_onerror(None);
    job.worker.set_onmessageerror(None);
    job.worker.terminate();
}

/// Remove job `id` if it is still the current one. Called after its promise settled,
/// so none of its closures is running.
fn end(id: u64) {
    let job = JOB.with(|j| {
        let mut j = j.borrow_mut();
        if j.as_ref().is_some_and(|job| job.id == id) {
            j.take()
        } else {
            None
        }
    });
    if let Some(job) = job {
        dispose(&job);
    }
}

/// Settle job `id`'s promise with `value` (later calls are ignored by the promise).
fn settle(id: u64, value: &JsValue) {
    let resolve = JOB.with(|j| {
        j.borrow()
            .as_ref()
            .filter(|job| job.id == id)
            .map(|job| job.resolve.clone())
    });
    if let Some(r) = resolve {
        let _ = r.call1(&JsValue::NULL, value);
    }
}

fn start(state: AppState, id: u64, name: &str, bytes: ArrayBuffer) -> Result<Promise, String> {
    if !supported() {
        return Err("Web Workers are not available".into());
    }
    let worker = Worker::new(LOADER).map_err(|e| js_text(&e))?;
    let mut slot: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _reject| slot = Some(resolve));
    let Some(resolve) = slot else {
        worker.terminate();
        return Err("no promise".into());
    };

    let on_message =
        Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| on_message(state, id, ev));
    // `error` (an ErrorEvent: script missing, wasm trap) or `messageerror` (a MessageEvent).
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        if let Some(e) = ev.dyn_ref::<web_sys::Event>() {
            e.prevent_default();
        }
        let ready = JOB.with(|j| {
            j.borrow()
                .as_ref()
                .is_some_and(|job| job.id == id && job.ready)
        });
        let what = if ready { "crashed" } else { "unavailable" };
        let msg = ev
            .dyn_ref::<ErrorEvent>()
            .map(|e| e.message())
            .filter(|m| !m.is_empty());
        settle(
            id,
            &reply(what, msg.as_deref().unwrap_or("the worker failed")),
        );
    });
    let on_timeout = Closure::<dyn FnMut()>::new(move || {
        settle(
            id,
            &reply("unavailable", "the worker did not start in time"),
        );
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    worker.set_onmessageerror(Some(on_error.as_ref().unchecked_ref()));
    let timer = web_sys::window().and_then(|w| {
        w.set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            START_TIMEOUT_MS,
        )
        .ok()
    });
    JOB.with(|j| {
        *j.borrow_mut() = Some(Job {
            id,
            worker,
            resolve,
            bytes: Some(bytes),
            name: name.to_string(),
            ready: false,
            timer,
            _on_message: on_message,
            _on_error: on_error,
            _on_timeout: on_timeout,
        })
    });
    Ok(promise)
}

fn on_message(state: AppState, id: u64, ev: MessageEvent) {
    let data = ev.data();
    match kind(&data).as_str() {
        "ready" => {
            // Hand over the bytes (transferred: the page's copy is detached, no 50 MB clone).
            let sent = JOB.with(|j| {
                let mut j = j.borrow_mut();
                let job = j.as_mut().filter(|job| job.id == id)?;
                job.ready = true;
                if let (Some(t), Some(w)) = (job.timer.take(), web_sys::window()) {
                    w.clear_timeout_with_handle(t);
                }
                let bytes = job.bytes.take()?;
                let msg = Object::new();
                let _ = Reflect::set(&msg, &"name".into(), &job.name.as_str().into());
                let _ = Reflect::set(&msg, &"bytes".into(), &bytes);
                Some(
                    job.worker
                        .post_message_with_transfer(&msg, &Array::of1(&bytes))
                        .map_err(|e| js_text(&e)),
                )
            });
            if let Some(Err(why)) = sent {
                settle(id, &reply("crashed", &why));
            }
        }
        "progress" => {
            let fraction = get(&data, "fraction").as_f64();
            let stage = get(&data, "stage")
                .as_string()
                .and_then(|s| Stage::parse(&s));
            let name = JOB.with(|j| {
                j.borrow()
                    .as_ref()
                    .filter(|job| job.id == id)
                    .map(|job| job.name.clone())
            });
            if let (Some(name), Some(_)) = (name, stage) {
                set_progress(state, id, &name, fraction, false);
            }
        }
        "done" | "error" | "crashed" => settle(id, &data),
        _ => {}
    }
}

/// Longest stretch (ms) the page spends reading the worker's parts before it yields.
const SLICE_MS: f64 = 40.0;

/// Rebuild the report from the worker's parts, yielding to the page between slices.
async fn rebuild(state: AppState, id: u64, name: &str, data: &JsValue, cancels: u64) -> Outcome {
    let bytes_of = |v: JsValue| -> Option<Vec<u8>> {
        v.dyn_into::<ArrayBuffer>()
            .ok()
            .map(|b| Uint8Array::new(&b).to_vec())
    };
    let (Some(meta), Some(text)) = (bytes_of(get(data, "meta")), bytes_of(get(data, "text")))
    else {
        return Outcome::Crashed("the worker's reply is incomplete".into());
    };
    let chunks: Array = get(data, "chunks").dyn_into().unwrap_or_default();
    let total = chunks.length().max(1) as f64;
    set_progress(state, id, name, Some(0.9), true);
    yield_now().await;
    if cancelled_since(cancels) {
        return Outcome::Cancelled;
    }
    let mut b = match Rebuild::start(&meta, text) {
        Ok(b) => b,
        Err(e) => return Outcome::Crashed(e),
    };
    drop(meta);
    // Read chunks for up to SLICE_MS at a time, then let the page run.
    let now = super::perf::now;
    let mut slice = now();
    for (i, c) in chunks.iter().enumerate() {
        if now() - slice > SLICE_MS {
            yield_now().await;
            if cancelled_since(cancels) {
                return Outcome::Cancelled;
            }
            slice = now();
        }
        let Some(c) = bytes_of(c) else {
            return Outcome::Crashed("the worker's reply is incomplete".into());
        };
        if let Err(e) = b.add(&c) {
            return Outcome::Crashed(e);
        }
        set_progress(
            state,
            id,
            name,
            Some(0.9 + 0.1 * (i + 1) as f64 / total),
            true,
        );
    }
    yield_now().await;
    if cancelled_since(cancels) {
        return Outcome::Cancelled;
    }
    Outcome::Done(b.finish())
}

fn set_progress(state: AppState, id: u64, name: &str, fraction: Option<f64>, rebuilding: bool) {
    if LATEST.with(Cell::get) != id {
        return;
    }
    let verb = if rebuilding {
        state.tr_now("正在显示", "Preparing")
    } else {
        state.tr_now("正在解析", "Parsing")
    };
    state.progress.set(Some(Progress {
        label: format!("{verb} {name}"),
        fraction,
    }));
}

/// Let the page run (input, paint) before continuing: a macrotask boundary.
pub async fn yield_now() {
    let promise = Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            if w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .is_ok()
            {
                return;
            }
        }
        let _ = resolve.call0(&JsValue::NULL);
    });
    let _ = JsFuture::from(promise).await;
}

fn reply(kind: &str, message: &str) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"type".into(), &kind.into());
    let _ = Reflect::set(&o, &"message".into(), &message.into());
    o.into()
}

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn kind(v: &JsValue) -> String {
    get(v, "type").as_string().unwrap_or_default()
}

fn js_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}
