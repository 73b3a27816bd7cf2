//! `baogao-pdf`: the page's PDF reader, a Web Worker of its own (built by Trunk from the
//! `data-type="worker"` link in index.html, loaded as `baogao-pdf_loader.js`). The page
//! starts it only when a PDF is opened, and ends it after one answer.
//!
//! It turns a PDF into text ([`baogao::pdf::read`]) and nothing else: the page parses
//! that text as it parses any text. The PDF reader is third-party and may panic on a PDF
//! it does not understand; here that ends this worker only (the page says the PDF could
//! not be read and keeps the open report), never the page or its parsing worker.
//!
//! Protocol (plain JS objects):
//! - worker → page `{type:"ready"}` once the wasm is running;
//! - page → worker `{bytes: ArrayBuffer}` (transferred);
//! - worker → page `{type:"text", text: ArrayBuffer}` (UTF-8, transferred), or
//!   `{type:"error", kind: "unreadable" | "no_text", message}`.

#[cfg(target_arch = "wasm32")]
fn main() {
    web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baogao-pdf runs only in the browser, as the page's PDF worker (built by trunk).");
    eprintln!("For the command line use `baogao extract report.pdf`.");
    std::process::exit(2);
}

#[cfg(target_arch = "wasm32")]
#[path = "worker_glue.rs"]
mod glue;

#[cfg(target_arch = "wasm32")]
mod web {
    use super::glue::{post, scope, set};
    use baogao::pdf::{self, PdfError};
    use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use web_sys::MessageEvent;


    fn handle(ev: MessageEvent) {
        let bytes = match Reflect::get(&ev.data(), &"bytes".into()) {
            Ok(b) if b.is_instance_of::<ArrayBuffer>() => Uint8Array::new(&b).to_vec(),
            _ => Vec::new(),
        };
        let msg = Object::new();
        match pdf::read(&bytes) {
            Ok(text) => {
                drop(bytes);
                let buf = Uint8Array::from(text.as_bytes()).buffer();
                drop(text);
                set(&msg, "type", &"text".into());
                set(&msg, "text", &buf);
                let transfer = Array::of1(&buf);
                let _ = scope().post_message_with_transfer(&msg, &transfer);
            }
            Err(e) => {
                set(&msg, "type", &"error".into());
                let kind = match e {
                    PdfError::Unreadable(_) => "unreadable",
                    PdfError::NoText => "no_text",
                    PdfError::NoCharMap => "no_char_map",
                };
                set(&msg, "kind", &kind.into());
                set(&msg, "message", &e.to_string().into());
                post(&msg);
            }
        }
    }

    pub fn start() {
        super::glue::start(handle);
    }
}
