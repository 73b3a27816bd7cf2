//! What the page's two worker binaries share (`src/worker.rs`, `src/pdf_worker.rs`;
//! included by each with `#[path]`): the worker's scope, a message's fields, and the start:
//! a handler for every message, then `{type: "ready"}` (the page waits for it: messages
//! posted before the handler is installed would be lost).

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

pub fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

pub fn set(obj: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

pub fn post(msg: &Object) {
    let _ = scope().post_message(msg);
}

/// Handle every message with `handle` (for the worker's life), then say `ready`.
pub fn start(handle: fn(MessageEvent)) {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(handle);
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The worker lives as long as its handler: one job per worker, ended by the page.
    on_message.forget();
    let ready = Object::new();
    set(&ready, "type", &"ready".into());
    post(&ready);
}
