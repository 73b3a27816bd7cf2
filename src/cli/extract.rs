//! `baogao extract FILE... --format json|csv [--output F]`

use std::io::Write;
use std::path::PathBuf;

use super::{load_all, readable, write_output, OutputFormat};
use crate::report::Report;

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Report files (.txt in any common encoding, .docx or .doc, saved .html or .mhtml, .pdf with text).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// json: the parsed report (one object, or an array for several files); csv: one row per indicator.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

/// CSV header of `extract --format csv`: the page's CSV export's columns.
pub use crate::export::CSV_HEADER;

/// CSV bytes (BOM, header, one CRLF-terminated row per indicator) for reports: exactly
/// what the page's "export CSV" button downloads ([`crate::export::indicators_csv`]).
pub fn to_csv(reports: &[&Report]) -> Vec<u8> {
    crate::export::indicators_csv(reports).into_bytes()
}

pub fn run(args: ExtractArgs) -> i32 {
    let results = load_all(&args.files);
    let (ok, code) = readable(&results);
    let written = match args.format {
        OutputFormat::Json => {
            if args.files.len() == 1 {
                match ok.first() {
                    Some(r) => write_report_json(args.output.as_ref(), r),
                    None => return code,
                }
            } else {
                write_reports_json(args.output.as_ref(), &ok)
            }
        }
        OutputFormat::Csv => write_output(args.output.as_ref(), &to_csv(&ok)),
    };
    if let Err(e) = written {
        eprintln!("baogao: {e}");
        return 1;
    }
    // The process exits next: handing every report's many small allocations back to
    // the allocator one by one would only cost time (about 3% of a large extract).
    drop(ok);
    std::mem::forget(results);
    code
}

/// Writes one report as pretty JSON and a newline (what `serde_json::to_vec_pretty`
/// gives; [`super::json::write_report`]: the same bytes, the indicators written without
/// serde's formatter) to `output` (a file) or stdout, streamed through a buffer: the
/// JSON of a large report (about three times its size) is never held in memory whole.
fn write_report_json(output: Option<&PathBuf>, r: &Report) -> Result<(), String> {
    fn write<W: Write>(w: W, r: &Report) -> std::io::Result<()> {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        super::json::write_report(&mut w, r)?;
        w.write_all(b"\n")?;
        w.flush()
    }
    match output {
        Some(p) => std::fs::File::create(p).and_then(|f| write(f, r)).map_err(|e| format!("{}: {e}", p.display())),
        None => write(std::io::stdout().lock(), r).map_err(|e| format!("stdout: {e}")),
    }
}

/// Writes several reports as [`write_report_json`] does one: the pretty JSON of the
/// array of them ([`super::json::write_reports`]).
fn write_reports_json(output: Option<&PathBuf>, reports: &[&Report]) -> Result<(), String> {
    fn write<W: Write>(w: W, reports: &[&Report]) -> std::io::Result<()> {
        let mut w = std::io::BufWriter::with_capacity(1 << 16, w);
        super::json::write_reports(&mut w, reports)?;
        w.write_all(b"\n")?;
        w.flush()
    }
    match output {
        Some(p) => std::fs::File::create(p).and_then(|f| write(f, reports)).map_err(|e| format!("{}: {e}", p.display())),
        None => write(std::io::stdout().lock(), reports).map_err(|e| format!("stdout: {e}")),
    }
}
