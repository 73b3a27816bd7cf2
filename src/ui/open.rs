//! Opening reports: files, pasted text, the built-in sample. Plain functions, no views.

use js_sys::ArrayBuffer;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::pdf_client::PdfText;
use super::perf;
use super::state::{AppState, Source};
use super::worker_client::{self, Outcome};
use crate::report::{self, OpenError, Report, MAX_BYTES};
use crate::wire::WORKER_MIN_BYTES;

/// The built-in sample: one copy of the 2017 自贡 report.
pub const SAMPLE_NAME: &str = "zigong-2017.txt";
pub const SAMPLE: &[u8] = include_bytes!("../../reports/zigong-2017.txt");

/// Open the sample (used at start when nothing else is asked for).
pub fn open_sample(state: AppState) {
    perf::mark_bytes_in();
    match report::parse_utf8(SAMPLE_NAME, SAMPLE) {
        Some(Ok(r)) => {
            state.open_doc(r, Source::Sample, SAMPLE.to_vec(), true);
            perf::measure_after_paint();
        }
        Some(Err(e)) => state.error(format!("{e}")),
        None => state.error(format!("{SAMPLE_NAME}: not UTF-8")),
    }
}

/// Parse bytes and open them: here when they are UTF-8 text under [`WORKER_MIN_BYTES`]
/// (the page's wasm has no other decoder), otherwise in the worker. On failure the
/// open reports stay and a message says why. `replace`: the new report replaces the
/// open set (otherwise it is added). Resolves to whether the report was opened.
pub async fn open_bytes(state: AppState, name: &str, bytes: Vec<u8>, source: Source, replace: bool) -> bool {
    matches!(open_one(state, name, bytes, None, source, replace).await, Step::Opened)
}

/// Open pasted text.
pub fn open_pasted(state: AppState, text: String) -> bool {
    if text.trim().is_empty() {
        state.error(state.tr_now("粘贴的内容是空的。", "The pasted text is empty."));
        return false;
    }
    perf::mark_bytes_in();
    let name = state.tr_now("粘贴的文本", "pasted text");
    let r = report::parse_text(name, &text, "UTF-8");
    announce(state, name, &r, None);
    state.open_doc(r, Source::Pasted, text.into_bytes(), true);
    perf::measure_after_paint();
    true
}

/// Read every chosen or dropped file and open it. Several files are opened side by
/// side (for comparison); a single file replaces the open set. See [`open_bytes`] for
/// where each is parsed.
pub fn open_files(state: AppState, files: web_sys::FileList) {
    open_file_list(state, (0..files.length()).filter_map(|i| files.get(i)).collect());
}

/// Files dropped on the page before the app started (index.html keeps them in
/// `window.__baogaoEarly`): open them, and tell index.html's early script the app has
/// started (its drop and load-failure listeners stop).
pub fn open_early_drops(state: AppState) {
    let Some(w) = web_sys::window() else { return };
    let Ok(early) = js_sys::Reflect::get(&w, &"__baogaoEarly".into()) else { return };
    if early.is_undefined() {
        return;
    }
    if let Some(done) = js_sys::Reflect::get(&early, &"done".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        let _ = done.call0(&early);
    }
    let files = js_sys::Reflect::get(&early, &"files".into())
        .ok()
        .and_then(|a| a.dyn_into::<js_sys::Array>().ok())
        .map(|a| a.iter().filter_map(|f| f.dyn_into::<web_sys::File>().ok()).collect())
        .unwrap_or_default();
    let _ = js_sys::Reflect::delete_property(&w, &"__baogaoEarly".into());
    open_file_list(state, files);
}

fn open_file_list(state: AppState, files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let replace = files.len() == 1 || state.docs.with_untracked(|d| d.iter().all(|d| d.source == Source::Sample));
    leptos::task::spawn_local(async move {
        let mut first = replace;
        for file in files {
            let name = file.name();
            let size = file.size() as usize;
            if size > MAX_BYTES {
                let e = OpenError::TooLarge { bytes: size, limit: MAX_BYTES };
                state.error(error_text(state, &name, &e));
                continue;
            }
            let cancels = worker_client::cancel_count();
            state.progress.set(Some(super::state::Progress {
                label: format!("{} {name}", state.tr_now("正在读取", "Reading")),
                fraction: None,
            }));
            let buffer = JsFuture::from(file.array_buffer()).await.ok().and_then(|b| b.dyn_into::<ArrayBuffer>().ok());
            let Some(buffer) = buffer else {
                state.progress.set(None);
                state.error(format!(
                    "{name}: {}",
                    state.tr_now("无法读取该文件。", "the browser could not read this file.")
                ));
                continue;
            };
            if worker_client::cancelled_since(cancels) {
                break;
            }
            let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
            state.progress.set(None);
            let step = open_one(state, &name, bytes, Some(buffer), Source::File(name.clone()), first).await;
            match step {
                Step::Opened => first = false,
                Step::Failed => {}
                Step::Cancelled => break,
            }
        }
    });
}

/// How opening one file ended.
enum Step {
    Opened,
    Failed,
    Cancelled,
}

/// [`open_bytes`]; `buffer`, when given, holds the same bytes (the file's own
/// ArrayBuffer, handed to the worker instead of a copy).
async fn open_one(
    state: AppState,
    name: &str,
    bytes: Vec<u8>,
    buffer: Option<ArrayBuffer>,
    source: Source,
    replace: bool,
) -> Step {
    perf::mark_bytes_in();
    match parse_bytes(state, name, &bytes, buffer).await {
        BytesParsed::Done(r, input, note) => {
            announce(state, name, &r, note);
            state.open_decoded(r, source, bytes, input, replace);
            perf::measure_after_paint();
            Step::Opened
        }
        BytesParsed::Failed(why) => {
            state.error(why);
            Step::Failed
        }
        BytesParsed::Cancelled => Step::Cancelled,
    }
}

/// How parsing a file's bytes ended.
pub enum BytesParsed {
    /// The report, the decoded text when the worker decoded it ([`super::state::Doc::input`]),
    /// and a note for the user (parsed on the main thread because the worker could not start).
    Done(Report, Option<String>, Option<String>),
    /// Why it cannot be opened, as a message for the user.
    Failed(String),
    Cancelled,
}

/// Parse a file's bytes: here when they are UTF-8 text under [`WORKER_MIN_BYTES`] (the
/// page's wasm has no other decoder), otherwise in the worker; a PDF is read to text in
/// the PDF worker first ([`pdf_client`](super::pdf_client)). `buffer`, when given, holds
/// the same bytes and is handed to the worker.
pub async fn parse_bytes(state: AppState, name: &str, bytes: &[u8], buffer: Option<ArrayBuffer>) -> BytesParsed {
    if !crate::pdf::is_pdf(bytes) {
        return parse_plain(state, name, bytes, buffer).await;
    }
    if bytes.len() > MAX_BYTES {
        let e = OpenError::TooLarge { bytes: bytes.len(), limit: MAX_BYTES };
        return BytesParsed::Failed(error_text(state, name, &e));
    }
    let buffer = buffer.unwrap_or_else(|| js_sys::Uint8Array::from(bytes).buffer());
    let text = match super::pdf_client::text(state, name, buffer).await {
        PdfText::Text(text) => text,
        PdfText::Failed(why) => {
            let keep = state.tr_now("当前报告保持不变。", "The open report is kept.");
            return BytesParsed::Failed(format!("{name}: {why} {keep}"));
        }
        PdfText::Cancelled => return BytesParsed::Cancelled,
    };
    // The text, parsed here (a report's text is far under the worker's threshold) as a
    // PDF's printed lines; a huge one goes to the parsing worker.
    let parsed = if text.len() < WORKER_MIN_BYTES || !worker_client::supported() {
        BytesParsed::Done(report::parse_text(name, &text, report::PDF_ENCODING), None, None)
    } else {
        parse_plain(state, name, text.as_bytes(), None).await
    };
    match parsed {
        BytesParsed::Done(mut r, _, note) => {
            r.encoding = report::PDF_ENCODING.to_string();
            // the text is what a `#doc=` link carries (the page cannot read the PDF itself)
            BytesParsed::Done(r, Some(text), note)
        }
        other => other,
    }
}

/// [`parse_bytes`] of bytes that are not a PDF.
async fn parse_plain(state: AppState, name: &str, bytes: &[u8], buffer: Option<ArrayBuffer>) -> BytesParsed {
    let failed = |e: OpenError| BytesParsed::Failed(error_text(state, name, &e));
    if bytes.len() < WORKER_MIN_BYTES || !worker_client::supported() {
        match report::parse_utf8(name, bytes) {
            Some(Ok(r)) => return BytesParsed::Done(r, None, None),
            Some(Err(e)) => return failed(e),
            None => {}
        }
    }
    let buffer = buffer.unwrap_or_else(|| js_sys::Uint8Array::from(bytes).buffer());
    let keep = state.tr_now("当前报告保持不变。", "The open report is kept.");
    match worker_client::parse(state, name, buffer).await {
        Outcome::Done(r, input) => BytesParsed::Done(r, input, None),
        Outcome::Failed(e) => failed(e),
        Outcome::Cancelled => BytesParsed::Cancelled,
        Outcome::Unavailable(why) => match report::parse_utf8(name, bytes) {
            // No worker (blocked, unsupported, failed to load): UTF-8 is parsed here, and
            // the page says so; nothing else can be decoded without it.
            Some(Ok(r)) => {
                let note = format!(
                    "{} ({why})",
                    state.tr_now(
                        "后台解析不可用，已在主线程解析，页面可能短暂无响应",
                        "background parsing is unavailable, parsed on the page instead (it may pause briefly)"
                    )
                );
                BytesParsed::Done(r, None, Some(note))
            }
            Some(Err(e)) => failed(e),
            None => BytesParsed::Failed(format!(
                "{name}: {} ({why}) {keep}",
                state.tr_now(
                    "这个文件（Word 文件或 UTF-8 以外的编码）需要后台解析，但后台解析无法启动。",
                    "this file (a Word file, or an encoding other than UTF-8) is read by the background parser, which could not start."
                ),
            )),
        },
        Outcome::Crashed(why) => BytesParsed::Failed(format!(
            "{name}: {} ({why}) {keep}",
            state.tr_now("解析时出错", "parsing failed"),
        )),
    }
}

/// Tell the user what was opened and how (encoding, copies, plain text), plus `note`.
fn announce(state: AppState, name: &str, r: &Report, note: Option<String>) {
    let mut parts = vec![format!("{} {name} · {}", state.tr_now("已打开", "Opened"), r.encoding)];
    if r.copies > 1 {
        parts.push(format!(
            "{} {}",
            state.tr_now("文件含重复副本，只显示一份；副本数", "the file held the report several times, shown once; copies"),
            r.copies
        ));
    }
    // Bytes that did not decode were replaced with U+FFFD: say so (parser diagnostic).
    let replaced = r.diagnostics.iter().find(|d| d.kind == "invalid_bytes");
    if let Some(d) = replaced {
        parts.push(match state.lang.get_untracked() {
            super::state::Lang::Zh => d.message.clone(),
            super::state::Lang::En => format!(
                "{} byte(s) could not be decoded as {} and were replaced with �",
                d.message.split_whitespace().next().unwrap_or("some"),
                r.encoding
            ),
        });
    }
    if !r.looks_like_report {
        parts.push(
            state
                .tr_now(
                    "这看起来不像政府工作报告，按普通段落显示。",
                    "This does not look like a government work report; shown as plain paragraphs.",
                )
                .to_string(),
        );
    }
    let warn = !r.looks_like_report || replaced.is_some() || note.is_some();
    parts.extend(note);
    if warn {
        state.warn(parts.join(" · "));
    } else {
        state.info(parts.join(" · "));
    }
}

/// A clear, user-facing message for an input that could not be opened.
pub fn error_text(state: AppState, name: &str, e: &OpenError) -> String {
    let keep = state.tr_now("当前报告保持不变。", "The open report is kept.");
    let why = match e {
        OpenError::Empty => state.tr_now("文件是空的。", "the file is empty.").to_string(),
        OpenError::TooLarge { bytes, limit } => match state.lang.get_untracked() {
            super::state::Lang::Zh => format!(
                "文件大小 {:.1} MB，超过 {} MB 的上限。",
                *bytes as f64 / 1e6,
                limit / 1_000_000
            ),
            super::state::Lang::En => format!(
                "the file is {:.1} MB, over the {} MB limit.",
                *bytes as f64 / 1e6,
                limit / 1_000_000
            ),
        },
        OpenError::Binary { what } => format!(
            "{} ({what})",
            state.tr_now("这不是文本报告，无法打开", "this is not a text report and cannot be opened")
        ),
        OpenError::BrokenDocx { reason } => format!(
            "{} ({reason})",
            state.tr_now("Word 文件已损坏，无法读取", "the Word file is damaged and cannot be read")
        ),
        OpenError::ZipBomb { limit } => format!(
            "{} {} MB{}",
            state.tr_now("Word 文件解压后超过", "the Word file inflates to more than"),
            limit / 1_000_000,
            state.tr_now("，已拒绝。", "; refused.")
        ),
    };
    format!("{name}: {why} {keep}")
}

/// `<input type=file>` change handler helper.
pub fn files_from_input(ev: &leptos::ev::Event) -> Option<web_sys::FileList> {
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    let files = input.files();
    // Allow choosing the same file again later.
    files
}
