//! Opening reports: files, pasted text, the built-in sample. Plain functions, no views.

use js_sys::ArrayBuffer;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::perf;
use super::state::{AppState, Source};
use super::worker_client::{self, Outcome};
use crate::report::{self, OpenError, Report, MAX_BYTES};
use crate::wire::WORKER_MIN_BYTES;

/// The built-in sample: one copy of the 2017 自贡 report.
pub const SAMPLE_NAME: &str = "zigong-2017.txt";
pub const SAMPLE: &[u8] = include_bytes!("../../reports/zigong-2017.txt");

/// Open the sample (used at start when nothing else is asked for).
pub fn open_sample(state: AppState, first: bool) {
    perf::mark_bytes_in();
    match report::parse(SAMPLE_NAME, SAMPLE) {
        Ok(r) => {
            state.open_doc(r, Source::Sample, SAMPLE.to_vec(), true);
            perf::measure_after_paint(first);
        }
        Err(e) => state.error(format!("{e}")),
    }
}

/// Parse bytes and open them. On failure the open reports stay and a message says why.
/// `replace`: the new report replaces the open set (otherwise it is added).
pub fn open_bytes(state: AppState, name: &str, bytes: Vec<u8>, source: Source, replace: bool) -> bool {
    perf::mark_bytes_in();
    match report::parse(name, &bytes) {
        Ok(r) => {
            announce(state, name, &r, None);
            state.open_doc(r, source, bytes, replace);
            perf::measure_after_paint(false);
            true
        }
        Err(e) => {
            state.error(error_text(state, name, &e));
            false
        }
    }
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
    perf::measure_after_paint(false);
    true
}

/// Read every chosen or dropped file and open it. Several files are opened side by
/// side (for comparison); a single file replaces the open set. Files of
/// [`WORKER_MIN_BYTES`] or more are parsed in the Web Worker (the page stays responsive,
/// with progress and a cancel button); smaller ones here, which is faster.
pub fn open_files(state: AppState, files: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
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
            let step = if bytes.len() >= WORKER_MIN_BYTES && worker_client::supported() {
                open_in_worker(state, &name, bytes, buffer, Source::File(name.clone()), first).await
            } else {
                state.progress.set(None);
                if open_bytes(state, &name, bytes, Source::File(name.clone()), first) {
                    Step::Opened
                } else {
                    Step::Failed
                }
            };
            match step {
                Step::Opened => first = false,
                Step::Failed => {}
                Step::Cancelled => break,
            }
        }
    });
}

/// Like [`open_bytes`], for bytes that may be large (fetched reports): big inputs are
/// parsed in the worker. Resolves to whether the report was opened.
pub async fn open_bytes_async(state: AppState, name: &str, bytes: Vec<u8>, source: Source, replace: bool) -> bool {
    if bytes.len() < WORKER_MIN_BYTES || !worker_client::supported() {
        return open_bytes(state, name, bytes, source, replace);
    }
    let buffer = js_sys::Uint8Array::from(bytes.as_slice()).buffer();
    matches!(open_in_worker(state, name, bytes, buffer, source, replace).await, Step::Opened)
}

/// How opening one file ended.
enum Step {
    Opened,
    Failed,
    Cancelled,
}

/// Parse in the worker and open the result; fall back to the main thread if the worker
/// cannot start. `buffer` holds the same bytes as `bytes` and is handed to the worker.
async fn open_in_worker(
    state: AppState,
    name: &str,
    bytes: Vec<u8>,
    buffer: ArrayBuffer,
    source: Source,
    replace: bool,
) -> Step {
    perf::mark_bytes_in();
    match worker_client::parse(state, name, buffer).await {
        Outcome::Done(r) => {
            announce(state, name, &r, None);
            state.open_doc(r, source, bytes, replace);
            perf::measure_after_paint(false);
            Step::Opened
        }
        Outcome::Failed(e) => {
            state.error(error_text(state, name, &e));
            Step::Failed
        }
        Outcome::Cancelled => Step::Cancelled,
        Outcome::Unavailable(why) => {
            // No worker (blocked, unsupported, failed to load): parse here, and say so.
            let note = format!(
                "{} ({why})",
                state.tr_now(
                    "后台解析不可用，已在主线程解析，页面可能短暂无响应",
                    "background parsing is unavailable, parsed on the page instead (it may pause briefly)"
                )
            );
            match report::parse(name, &bytes) {
                Ok(r) => {
                    announce(state, name, &r, Some(note));
                    state.open_doc(r, source, bytes, replace);
                    perf::measure_after_paint(false);
                    Step::Opened
                }
                Err(e) => {
                    state.error(error_text(state, name, &e));
                    Step::Failed
                }
            }
        }
        Outcome::Crashed(why) => {
            state.error(format!(
                "{name}: {} ({why}) {}",
                state.tr_now("解析时出错", "parsing failed"),
                state.tr_now("当前报告保持不变。", "The open report is kept.")
            ));
            Step::Failed
        }
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
