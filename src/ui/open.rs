//! Opening reports: files, pasted text, the built-in sample. Plain functions, no views.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::perf;
use super::state::{AppState, Source};
use crate::report::{self, OpenError, Report, MAX_BYTES};

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
            announce(state, name, &r);
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
    announce(state, name, &r);
    state.open_doc(r, Source::Pasted, text.into_bytes(), true);
    perf::measure_after_paint(false);
    true
}

/// Read every chosen or dropped file and open it. Several files are opened side by
/// side (for comparison); a single file replaces the open set.
pub fn open_files(state: AppState, files: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    if files.is_empty() {
        return;
    }
    let replace = files.len() == 1;
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
            state.progress.set(Some(super::state::Progress {
                label: format!("{} {name}", state.tr_now("正在读取", "Reading")),
                fraction: None,
            }));
            let bytes = match JsFuture::from(file.array_buffer()).await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => {
                    state.progress.set(None);
                    state.error(format!(
                        "{name}: {}",
                        state.tr_now("无法读取该文件。", "the browser could not read this file.")
                    ));
                    continue;
                }
            };
            state.progress.set(None);
            if open_bytes(state, &name, bytes, Source::File(name.clone()), first) {
                first = false;
            }
        }
    });
}

/// Tell the user what was opened and how (encoding, copies, plain text).
fn announce(state: AppState, name: &str, r: &Report) {
    let mut parts = vec![format!("{} {name} · {}", state.tr_now("已打开", "Opened"), r.encoding)];
    if r.copies > 1 {
        parts.push(format!(
            "{} {}",
            state.tr_now("文件含重复副本，只显示一份；副本数", "the file held the report several times, shown once; copies"),
            r.copies
        ));
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
