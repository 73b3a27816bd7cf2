//! `baogao-worker`: the page's parsing Web Worker (built by Trunk from the
//! `data-type="worker"` link in index.html, loaded as `baogao-worker_loader.js`).
//!
//! It runs the same parser as the page, off the main thread, so a 50 MB file does not
//! freeze the page. Uses no leptos: only the report parser, serde, wasm-bindgen, js-sys
//! and web-sys' `DedicatedWorkerGlobalScope`.
//!
//! Protocol (plain JS objects):
//! - worker → page `{type:"ready"}` once the wasm is running (the page waits for it:
//!   messages posted before the handler is installed would be lost);
//! - page → worker `{name, bytes: ArrayBuffer}` (the buffer is transferred);
//! - page → worker `{name, bytes, warm: true}`: a warm-up (the page sends its sample to a
//!   spare worker); answered like a file, but typed `warm` (no progress, never `done`);
//! - worker → page `{type:"progress", stage, fraction}` while parsing;
//! - worker → page `{type:"done", meta, text, chunks: [..], input?}` (ArrayBuffers,
//!   transferred; see `baogao::wire`; `input`, the decoded text, only for inputs the
//!   page cannot decode itself: Word, GBK …), or `{type:"error", error}` (an ArrayBuffer:
//!   `wire::error_bytes`).
//!
//! The page's own wasm has no decoding tables (encoding_rs, chardetng) and no unzip
//! (zip, quick-xml): every input that is not valid UTF-8 comes here, whatever its size.

#[cfg(target_arch = "wasm32")]
fn main() {
    web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baogao-worker runs only in the browser, as the page's Web Worker (built by trunk).");
    eprintln!("For the command line use `baogao`.");
    std::process::exit(2);
}

#[cfg(target_arch = "wasm32")]
#[path = "worker_glue.rs"]
mod glue;

#[cfg(target_arch = "wasm32")]
mod web {
    use super::glue::{post, scope, set};
    use baogao::wire::{self, Stage};
    use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use web_sys::MessageEvent;


    fn post_progress(stage: Stage, fraction: f64) {
        let msg = Object::new();
        set(&msg, "type", &"progress".into());
        set(&msg, "stage", &stage.as_str().into());
        set(&msg, "fraction", &fraction.into());
        post(&msg);
    }

    /// Copy Rust bytes into a fresh ArrayBuffer (to be transferred, not copied again).
    fn buffer(bytes: &[u8]) -> ArrayBuffer {
        Uint8Array::from(bytes).buffer()
    }

    fn handle(ev: MessageEvent) {
        let data = ev.data();
        let name = Reflect::get(&data, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let bytes = match Reflect::get(&data, &"bytes".into()) {
            Ok(b) if b.is_instance_of::<ArrayBuffer>() => Uint8Array::new(&b).to_vec(),
            _ => Vec::new(),
        };
        // A warm-up is parsed and sent back like a file, so that V8 optimises the hot code of
        // both sides before the first real file (a fresh worker runs its wasm unoptimised,
        // several times slower); every answer to it is typed `warm`, never `done`.
        let warm = Reflect::get(&data, &"warm".into()).is_ok_and(|w| w.is_truthy());
        let result = if warm {
            wire::parse_staged(&name, bytes, &mut |_, _| {})
        } else {
            wire::parse_staged(&name, bytes, &mut |stage, f| post_progress(stage, f))
        };
        let msg = Object::new();
        match result.map(|p| (wire::split(p.report, wire::CHUNK), p.input)) {
            Ok((Ok(parts), input)) => {
                let transfer = Array::new();
                let meta = buffer(&parts.meta);
                let text = buffer(&parts.text);
                transfer.push(&meta);
                transfer.push(&text);
                let chunks = Array::new();
                for c in &parts.chunks {
                    let b = buffer(c);
                    transfer.push(&b);
                    chunks.push(&b);
                }
                drop(parts);
                if let Some(input) = input {
                    let b = buffer(input.as_bytes());
                    transfer.push(&b);
                    set(&msg, "input", &b);
                }
                set(&msg, "type", &(if warm { "warm" } else { "done" }).into());
                set(&msg, "meta", &meta);
                set(&msg, "text", &text);
                set(&msg, "chunks", &chunks);
                if scope().post_message_with_transfer(&msg, &transfer).is_err() {
                    let failed = Object::new();
                    set(&failed, "type", &"crashed".into());
                    set(
                        &failed,
                        "message",
                        &"could not send the report to the page".into(),
                    );
                    post(&failed);
                }
            }
            Ok((Err(_), _)) | Err(_) if warm => {
                set(&msg, "type", &"warm".into());
                post(&msg);
            }
            Ok((Err(why), _)) => {
                set(&msg, "type", &"crashed".into());
                set(&msg, "message", &why.into());
                post(&msg);
            }
            Err(e) => {
                set(&msg, "type", &"error".into());
                set(&msg, "error", &buffer(&wire::error_bytes(&e)));
                post(&msg);
            }
        }
    }

    pub fn start() {
        super::glue::start(handle);
    }
}
