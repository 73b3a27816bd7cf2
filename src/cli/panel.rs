//! `baogao panel FILE... --format csv|json [--output F] [--outcomes]`
//!
//! The long panel: one row per indicator per report (columns [`crate::panel::CSV_COLUMNS`]).
//! Target(t) is read from report t and actual(t) from report t+1 by filtering on
//! `indicator`, `measure`, `year`, `status` (and `headline = yes` for the headline figure).
//! `--outcomes` prints the paired table instead (target against what happened, `met`).
//! JSON always holds both: `{"rows": [...], "outcomes": [...]}`.

use std::path::PathBuf;


use super::{load_all, readable, write_output, OutputFormat};
use crate::panel;

#[derive(clap::Args, Debug)]
pub struct PanelArgs {
    /// Report files (.txt in any common encoding, .docx or .doc, saved .html or .mhtml, .pdf with text), any order.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// csv: the long panel (or the outcomes with --outcomes); json: {"rows", "outcomes"}.
    #[arg(long, value_enum, default_value_t = OutputFormat::Csv)]
    pub format: OutputFormat,
    /// Write to this file instead of stdout.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
    /// Print the targets paired with outcomes (indicator, year, target, actual, met)
    /// instead of the long panel (CSV); with --format json only the outcomes.
    #[arg(long)]
    pub outcomes: bool,
}

/// The JSON document of `baogao panel --format json`.
#[derive(serde::Serialize)]
struct PanelJson<'a> {
    columns: &'a [&'a str],
    rows: &'a [panel::PanelRow],
    outcomes: &'a [panel::Outcome],
}

pub fn run(args: PanelArgs) -> i32 {
    let results = load_all(&args.files);
    let (ok, code) = readable(&results);
    if ok.is_empty() {
        eprintln!("baogao panel: no report could be read");
        return if code == 0 { 1 } else { code };
    }
    for (r, (key, inferred)) in ok.iter().zip(panel::region_keys(&ok)) {
        if inferred {
            eprintln!(
                "baogao panel: {}: region not recognised; compared as {key} (the only region of the other files)",
                r.file
            );
        }
    }
    let rows = panel::panel_rows(&ok);
    let outcomes = panel::outcomes(&ok);
    let data = match args.format {
        OutputFormat::Csv if args.outcomes => panel::outcomes_to_csv(&outcomes).into_bytes(),
        OutputFormat::Csv => panel::to_csv(&rows).into_bytes(),
        OutputFormat::Json => {
            let v = if args.outcomes {
                serde_json::to_vec_pretty(&outcomes)
            } else {
                serde_json::to_vec_pretty(&PanelJson { columns: panel::CSV_COLUMNS, rows: &rows, outcomes: &outcomes })
            };
            match v {
                Ok(mut v) => {
                    v.push(b'\n');
                    v
                }
                Err(e) => {
                    eprintln!("baogao panel: cannot write JSON: {e}");
                    return 1;
                }
            }
        }
    };
    if let Err(e) = write_output(args.output.as_ref(), &data) {
        eprintln!("baogao panel: {e}");
        return 1;
    }
    code
}
