//! The `baogao` command (native only).
//!
//! One file per subcommand: `extract.rs`, `eval.rs`, `panel.rs`; each has an
//! `XxxArgs` (clap `Args`) and `run(args) -> i32` (the exit code). Shared helpers
//! ([`load`], [`OutputFormat`], [`write_output`]) live here.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::report::{self, Report};

pub mod eval;
pub mod extract;
mod json;
pub mod panel;

#[derive(Parser, Debug)]
#[command(name = "baogao", version, about = "Read Chinese government work reports (政府工作报告): structure, title block, indicators.")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Parse report files and print their structure and indicators (JSON or CSV).
    Extract(extract::ExtractArgs),
    /// Compare extraction against a gold answer key.
    Eval(eval::EvalArgs),
    /// Build a panel (one row per report and indicator) from many reports.
    Panel(panel::PanelArgs),
}

/// Output format shared by subcommands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum OutputFormat {
    Json,
    Csv,
}

/// Run the CLI with the process arguments; returns the exit code.
pub fn main() -> i32 {
    main_from(std::env::args_os())
}

/// Run the CLI with explicit arguments (first = program name).
pub fn main_from<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Extract(a) => extract::run(a),
        Command::Eval(a) => eval::run(a),
        Command::Panel(a) => panel::run(a),
    }
}

/// Reads and parses one file; the error is a one-line reason.
/// Load many files in parallel (rayon), with a progress bar on stderr when it is a
/// terminal and there is more than one file.
pub fn load_all(files: &[PathBuf]) -> Vec<(PathBuf, Result<Report, String>)> {
    use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
    use rayon::prelude::*;
    use std::io::IsTerminal;
    let pb = if files.len() > 1 && std::io::stderr().is_terminal() {
        let pb = ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            pb.set_style(style);
        }
        pb
    } else {
        ProgressBar::hidden()
    };
    let results = files
        .par_iter()
        .map(|f| {
            let r = load(f);
            pb.inc(1);
            (f.clone(), r)
        })
        .collect();
    pb.finish_and_clear();
    results
}

/// The reports that could be read, and exit code 1 if any could not (each reason on stderr).
pub fn readable(results: &[(PathBuf, Result<Report, String>)]) -> (Vec<&Report>, i32) {
    let mut code = 0;
    let mut ok = Vec::new();
    for (f, r) in results {
        match r {
            Ok(rep) => ok.push(rep),
            Err(e) => {
                eprintln!("baogao: {}: {}", f.display(), e);
                code = 1;
            }
        }
    }
    (ok, code)
}

pub fn load(path: &Path) -> Result<Report, String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
    let name = path.to_string_lossy().to_string();
    // A PDF is read to text first (its reader behind a guard of its own), then parsed as
    // text taken from a PDF.
    if crate::pdf::is_pdf(&bytes) {
        let text = crate::pdf::read_guarded(&bytes).map_err(|e| e.to_string())?;
        drop(bytes);
        return std::panic::catch_unwind(move || report::parse_text(&name, &text, report::PDF_ENCODING))
            .map_err(|_| "internal error while parsing (please report this file)".to_string());
    }
    match std::panic::catch_unwind(move || report::parse_owned(&name, bytes)) {
        Ok(Ok(r)) => Ok(r),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("internal error while parsing (please report this file)".into()),
    }
}

/// Writes `data` to `output` (a file) or stdout.
pub fn write_output(output: Option<&PathBuf>, data: &[u8]) -> Result<(), String> {
    match output {
        Some(p) => std::fs::write(p, data).map_err(|e| format!("{}: {e}", p.display())),
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(data).and_then(|_| out.flush()).map_err(|e| format!("stdout: {e}"))
        }
    }
}
