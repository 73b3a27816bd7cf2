//! Parsing in the `baogao-worker` Web Worker (see `src/worker.rs`): big files, and
//! every file the page cannot decode itself (Word, GBK …), with progress in
//! `state.progress` and a cancel control (`state.cancellable`).
//!
//! One worker per job: it starts, says `ready`, gets the bytes (transferred, not
//! copied), reports progress, and sends the report back in parts ([`crate::wire`]),
//! and is then terminated (a big file's memory goes with it). A spare worker is
//! started ahead of time ([`warm`]) so that a job finds its wasm already compiled:
//! a cold start costs about 300 ms, which small Word and GBK files would feel.
//! which are rebuilt here one part per task so that no main-thread task runs long.
//! Cancelling terminates the worker at once. If the worker cannot start (no Worker
//! support, the script missing, a blocked wasm), the caller is told
//! [`Outcome::Unavailable`] and parses on the main thread instead when it can (UTF-8).

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

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
    /// The report, and the decoded text when the page could not decode the bytes
    /// itself ([`crate::wire::Parsed::input`]).
    Done(Report, Option<String>),
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

/// A worker started before it is needed ([`warm`]).
struct Spare {
    worker: Worker,
    /// It said `ready`.
    ready: Rc<Cell<bool>>,
    /// It failed to load (a job would fail the same way: it starts its own, to say why).
    failed: Rc<Cell<bool>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(JsValue)>,
}

/// How long after a job the next spare is started (the page draws the report first).
const REWARM_AFTER: Duration = Duration::from_secs(1);

thread_local! {
    static SPARE: RefCell<Option<Spare>> = const { RefCell::new(None) };
    static JOB: RefCell<Option<Job>> = const { RefCell::new(None) };
    /// Id of the newest job (older jobs leave the progress bar alone).
    static LATEST: Cell<u64> = const { Cell::new(0) };
    /// Whether the newest job shows progress and a cancel control: only for files of
    /// [`wire::WORKER_MIN_BYTES`] or more. A small Word or GBK file is back sooner than a
    /// progress bar would help, and drawing one costs the page a layout.
    static SHOWN: Cell<bool> = const { Cell::new(false) };
    /// Bumped by every cancel; a rebuild in progress stops when it changes.
    static CANCELS: Cell<u64> = const { Cell::new(0) };
}

/// Whether this browser can run the worker at all.
pub fn supported() -> bool {
    Reflect::has(&js_sys::global(), &"Worker".into()).unwrap_or(false)
}

/// Start a spare worker, unless one is there: it loads and compiles its wasm on its
/// own thread, parses the sample once (a warm-up: V8 then optimises the hot code) and
/// waits, so the next job skips all that. A job that comes during the warm-up is queued
/// behind it by the worker; the warm-up's answer (`warm`) is ignored. Not while a job
/// runs: the spare would take CPU from it (the job starts one when it ends).
pub fn warm() {
    if !supported() || SPARE.with(|s| s.borrow().is_some()) || JOB.with(|j| j.borrow().is_some()) {
        return;
    }
    let Ok(worker) = Worker::new(LOADER) else {
        return;
    };
    let (ready, failed) = (Rc::new(Cell::new(false)), Rc::new(Cell::new(false)));
    let r = ready.clone();
    let w = worker.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        if kind(&data) == "warm" {
            // The page's side of the warm-up: read the parts once, and let them go.
            let _ = rebuild_now(&data);
        } else if kind(&data) == "ready" {
            // Ready to take a job; the warm-up (queued first) makes that job fast.
            r.set(true);
            let msg = Object::new();
            let _ = Reflect::set(&msg, &"name".into(), &super::open::SAMPLE_NAME.into());
            let _ = Reflect::set(&msg, &"bytes".into(), &Uint8Array::from(super::open::SAMPLE).buffer());
            let _ = Reflect::set(&msg, &"warm".into(), &JsValue::TRUE);
            let _ = w.post_message(&msg);
        }
    });
    let f = failed.clone();
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        if let Some(e) = ev.dyn_ref::<web_sys::Event>() {
            e.prevent_default();
        }
        f.set(true);
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    SPARE.with(|s| {
        *s.borrow_mut() = Some(Spare { worker, ready, failed, _on_message: on_message, _on_error: on_error })
    });
}

/// The spare worker, if it is usable: (worker, whether it is ready). Its handlers are
/// removed (the caller sets its own before the spare's closures are dropped here).
fn take_spare() -> Option<(Worker, bool)> {
    let spare = SPARE.with(|s| s.borrow_mut().take())?;
    spare.worker.set_onmessage(None);
    spare.worker.set_onerror(None);
    if spare.failed.get() {
        spare.worker.terminate();
        return None;
    }
    Some((spare.worker.clone(), spare.ready.get()))
}

/// Parse `bytes` (the file's ArrayBuffer; it is transferred to the worker) in the worker.
pub async fn parse(state: AppState, name: &str, bytes: ArrayBuffer) -> Outcome {
    abort_current();
    let id = LATEST.with(|l| {
        l.set(l.get() + 1);
        l.get()
    });
    let cancels = CANCELS.with(Cell::get);
    let shown = bytes.byte_length() as usize >= wire::WORKER_MIN_BYTES;
    SHOWN.with(|s| s.set(shown));
    let result = match start(state, id, name, bytes) {
        Ok(promise) => {
            if shown {
                state.cancellable.set(true);
            }
            set_progress(state, id, name, Some(0.0), false);
            JsFuture::from(promise)
                .await
                .unwrap_or_else(|e| reply("crashed", &js_text(&e)))
        }
        Err(why) => reply("unavailable", &why),
    };
    end(id);
    leptos::prelude::set_timeout(warm, REWARM_AFTER);
    let outcome = match kind(&result).as_str() {
        "done" => rebuild(state, id, name, &result, cancels).await,
        "error" => {
            match bytes_of(get(&result, "error")).and_then(|b| wire::error_from_bytes(&b)) {
                Some(e) => Outcome::Failed(e),
                None => Outcome::Crashed("the worker's error is unreadable".into()),
            }
        }
        "cancelled" => Outcome::Cancelled,
        "unavailable" => {
            Outcome::Unavailable(get(&result, "message").as_string().unwrap_or_default())
        }
        _ => Outcome::Crashed(get(&result, "message").as_string().unwrap_or_default()),
    };
    if LATEST.with(Cell::get) == id && shown {
        state.progress.set(None);
        state.cancellable.set(false);
    }
    outcome
}

/// The user pressed cancel: stop the running job (worker or rebuild), keep the open report.
pub fn cancel(state: AppState) {
    CANCELS.with(|c| c.set(c.get() + 1));
    abort_current();
    super::pdf_client::abort();
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
    let (worker, ready) = match take_spare() {
        Some(spare) => spare,
        None => (Worker::new(LOADER).map_err(|e| js_text(&e))?, false),
    };
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
    let timer = web_sys::window().filter(|_| !ready).and_then(|w| {
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
    if ready {
        hand_over(id);
    }
    Ok(promise)
}

/// The worker of job `id` is ready: mark it so and give it the bytes (transferred: the
/// page's copy is detached, no 50 MB clone).
fn hand_over(id: u64) {
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

fn on_message(state: AppState, id: u64, ev: MessageEvent) {
    let data = ev.data();
    match kind(&data).as_str() {
        "ready" => hand_over(id),
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

/// An ArrayBuffer's bytes.
pub(super) fn bytes_of(v: JsValue) -> Option<Vec<u8>> {
    v.dyn_into::<ArrayBuffer>().ok().map(|b| Uint8Array::new(&b).to_vec())
}

/// Rebuild a report from a worker's parts in one go (for the warm-up).
fn rebuild_now(data: &JsValue) -> Result<Report, String> {
    let (Some(meta), Some(text)) = (bytes_of(get(data, "meta")), bytes_of(get(data, "text"))) else {
        return Err("incomplete".into());
    };
    let mut b = Rebuild::start(&meta, text)?;
    let chunks: Array = get(data, "chunks").dyn_into().unwrap_or_default();
    for c in chunks.iter() {
        b.add(&bytes_of(c).ok_or("incomplete")?)?;
    }
    Ok(b.finish())
}

/// Longest stretch (ms) the page spends reading the worker's parts before it yields.
const SLICE_MS: f64 = 40.0;

/// Rebuild the report from the worker's parts, yielding to the page between slices.
async fn rebuild(state: AppState, id: u64, name: &str, data: &JsValue, cancels: u64) -> Outcome {
    let (Some(meta), Some(text)) = (bytes_of(get(data, "meta")), bytes_of(get(data, "text")))
    else {
        return Outcome::Crashed("the worker's reply is incomplete".into());
    };
    let chunks: Array = get(data, "chunks").dyn_into().unwrap_or_default();
    let total = chunks.length().max(1) as f64;
    // (a small reply is read at once: nothing to show, no task to split)
    let shown = SHOWN.with(Cell::get);
    set_progress(state, id, name, Some(0.9), true);
    if shown {
        yield_now().await;
        if cancelled_since(cancels) {
            return Outcome::Cancelled;
        }
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
    let input = match bytes_of(get(data, "input")).map(wire::text_of) {
        None => None,
        Some(Ok(t)) => Some(t),
        Some(Err(_)) => return Outcome::Crashed("the worker's decoded text is not UTF-8".into()),
    };
    if shown {
        yield_now().await;
        if cancelled_since(cancels) {
            return Outcome::Cancelled;
        }
    }
    Outcome::Done(b.finish(), input)
}

fn set_progress(state: AppState, id: u64, name: &str, fraction: Option<f64>, rebuilding: bool) {
    if LATEST.with(Cell::get) != id || !SHOWN.with(Cell::get) {
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

pub(super) fn reply(kind: &str, message: &str) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"type".into(), &kind.into());
    let _ = Reflect::set(&o, &"message".into(), &message.into());
    o.into()
}

pub(super) fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

pub(super) fn kind(v: &JsValue) -> String {
    get(v, "type").as_string().unwrap_or_default()
}

pub(super) fn js_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| {
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
        })
        .unwrap_or_else(|| format!("{e:?}"))
}
