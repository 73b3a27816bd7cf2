//! `baogao extract FILE... --format json|csv [--output F]`

use std::path::PathBuf;


use super::{load_all, readable, write_output, OutputFormat};
use crate::report::Report;

#[derive(clap::Args, Debug)]
pub struct ExtractArgs {
    /// Report files (.txt in any common encoding, .docx, saved .html).
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
    let data = match args.format {
        OutputFormat::Json => {
            let v = if args.files.len() == 1 {
                match ok.first() {
                    Some(r) => serde_json::to_vec_pretty(r),
                    None => return code,
                }
            } else {
                serde_json::to_vec_pretty(&ok)
            };
            match v {
                Ok(mut v) => {
                    v.push(b'\n');
                    v
                }
                Err(e) => {
                    eprintln!("baogao: cannot write JSON: {e}");
                    return 1;
                }
            }
        }
        OutputFormat::Csv => to_csv(&ok),
    };
    if let Err(e) = write_output(args.output.as_ref(), &data) {
        eprintln!("baogao: {e}");
        return 1;
    }
    code
}
