//! Reading a PDF's text in the `baogao-pdf` Web Worker (see `src/pdf_worker.rs`), started
//! for each PDF opened and ended after its answer. The page then parses that text as it
//! parses any text ([`super::open::parse_bytes`]).
//!
//! The PDF reader is third-party and may fail on a PDF it does not understand, or die
//! (a wasm trap): either way the user gets a message and the open report stays. Reading
//! shows the progress bar (no fraction: the reader tells none) and can be cancelled.

use std::cell::RefCell;

use js_sys::{Array, ArrayBuffer, Function, Object, Promise, Reflect};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{MessageEvent, Worker};

use super::state::{AppState, Progress};
use super::worker_client::{bytes_of, get, js_text, kind, reply};

/// The loader Trunk writes for the PDF worker bin (`data-loader-shim`), next to index.html.
pub const LOADER: &str = "./baogao-pdf_loader.js";

/// How reading a PDF ended.
pub enum PdfText {
    /// The text, for the parser.
    Text(String),
    /// Why there is no text, as a message for the user.
    Failed(String),
    Cancelled,
}

/// The running job: its worker, the resolve of its promise, and its handlers (kept alive
/// while it runs).
struct Job {
    worker: Worker,
    resolve: Function,
    _handlers: (Closure<dyn FnMut(MessageEvent)>, Closure<dyn FnMut(JsValue)>),
}

thread_local! {
    static JOB: RefCell<Option<Job>> = const { RefCell::new(None) };
}

/// End the running job, if any (the user cancelled, or another file came).
pub fn abort() {
    if let Some(job) = JOB.with(|j| j.borrow_mut().take()) {
        finish(&job);
        let _ = job.resolve.call1(&JsValue::NULL, &reply("cancelled", ""));
    }
}

fn finish(job: &Job) {
    job.worker.set_onmessage(None);
    job.worker.set_onerror(None);
    job.worker.terminate();
}

/// Read the text of the PDF in `bytes` (its ArrayBuffer is transferred to the worker).
pub async fn text(state: AppState, name: &str, bytes: ArrayBuffer) -> PdfText {
    abort();
    state.progress.set(Some(Progress {
        label: format!("{} {name}", state.tr_now("正在读取 PDF", "Reading the PDF")),
        fraction: None,
    }));
    state.cancellable.set(true);
    let result = match start(bytes) {
        Ok(promise) => JsFuture::from(promise).await.unwrap_or_else(|e| reply("crashed", &js_text(&e))),
        Err(why) => reply("unavailable", &why),
    };
    let cancelled = kind(&result) == "cancelled";
    if let Some(job) = JOB.with(|j| j.borrow_mut().take()) {
        finish(&job);
    }
    if !cancelled {
        state.progress.set(None);
        state.cancellable.set(false);
    }
    let why = get(&result, "message").as_string().unwrap_or_default();
    match kind(&result).as_str() {
        "text" => match bytes_of(get(&result, "text")).map(String::from_utf8) {
            Some(Ok(text)) => PdfText::Text(text),
            _ => PdfText::Failed(state.tr_now("PDF 阅读器的回答无法读取。", "the PDF reader's answer is unreadable.").to_string()),
        },
        "cancelled" => PdfText::Cancelled,
        "error" if get(&result, "kind").as_string().as_deref() == Some("no_text") => PdfText::Failed(
            state
                .tr_now(
                    "这个 PDF 没有文字（可能是扫描的图片），无法读取；请打开有文字的 PDF 或文本文件。",
                    "this PDF holds no text (scanned pages?) and cannot be read; open a PDF with text, or a text file.",
                )
                .to_string(),
        ),
        "error" if get(&result, "kind").as_string().as_deref() == Some("no_char_map") => PdfText::Failed(
            state
                .tr_now(
                    "这个 PDF 的字体没有记录所画的是哪些字（缺少 ToUnicode 映射），文字无法读出；请打开这份报告的 Word 或文本版本。",
                    "this PDF's fonts do not say which characters they draw (no ToUnicode map), so its text cannot be read; open the report's Word or text version instead.",
                )
                .to_string(),
        ),
        "error" => PdfText::Failed(format!(
            "{} ({why})",
            state.tr_now("这个 PDF 无法读取", "this PDF cannot be read")
        )),
        "unavailable" => PdfText::Failed(format!(
            "{} ({why})",
            state.tr_now("PDF 阅读器无法启动", "the PDF reader could not start")
        )),
        _ => PdfText::Failed(format!(
            "{} ({why})",
            state.tr_now("读取这个 PDF 时出错", "the PDF reader failed on this file")
        )),
    }
}

/// Start the worker for one PDF: a promise of its answer (`{type: "text" | "error" |
/// "crashed" | "cancelled", …}`).
fn start(bytes: ArrayBuffer) -> Result<Promise, String> {
    let worker = Worker::new(LOADER).map_err(|e| js_text(&e))?;
    let mut slot: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _| slot = Some(resolve));
    let Some(resolve) = slot else {
        worker.terminate();
        return Err("no promise".into());
    };
    let mut bytes = Some(bytes);
    let w = worker.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        if kind(&data) == "ready" {
            if let Some(b) = bytes.take() {
                let msg = Object::new();
                let _ = Reflect::set(&msg, &"bytes".into(), &b);
                if w.post_message_with_transfer(&msg, &Array::of1(&b)).is_err() {
                    settle(&reply("crashed", "could not send the file to the PDF reader"));
                }
            }
        } else {
            settle(&data);
        }
    });
    // `error`: the script or wasm did not load, or the reader died (a wasm trap)
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
        if let Some(e) = ev.dyn_ref::<web_sys::Event>() {
            e.prevent_default();
        }
        let why = ev.dyn_ref::<web_sys::ErrorEvent>().map(|e| e.message()).unwrap_or_default();
        settle(&reply("crashed", &why));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    JOB.with(|j| *j.borrow_mut() = Some(Job { worker, resolve, _handlers: (on_message, on_error) }));
    Ok(promise)
}

/// Answer the running job's promise with `data` (once: the job is taken).
fn settle(data: &JsValue) {
    // (the handlers run inside the job's own closures: resolve after taking the job out,
    // and drop it later, not while its closure runs)
    let job = JOB.with(|j| j.borrow_mut().take());
    if let Some(job) = job {
        job.worker.terminate();
        let _ = job.resolve.call1(&JsValue::NULL, data);
        let keep = job;
        leptos::prelude::set_timeout(move || drop(keep), std::time::Duration::ZERO);
    }
}
