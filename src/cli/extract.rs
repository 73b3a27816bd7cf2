//! `baogao extract FILE... --format json|csv [--output F]`

use std::io::IsTerminal;
use std::path::PathBuf;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::{load, write_output, OutputFormat};
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

/// CSV header of `extract --format csv`.
pub const CSV_HEADER: [&str; 19] = [
    "file", "id", "name", "indicator", "measure", "status", "value", "value_high", "unit", "value_base", "qualifier", "direction", "year", "period", "relative_to", "section", "sentence", "span_start", "span_end",
];

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map(|x| x.to_string()).unwrap_or_default()
}

/// CSV rows (header included) for reports.
pub fn to_csv(reports: &[&Report]) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_HEADER).map_err(|e| e.to_string())?;
    for r in reports {
        for i in &r.indicators {
            let rec = [
                r.file.clone(),
                i.id.clone(),
                i.name.clone(),
                opt(&i.indicator),
                enum_str(&i.measure),
                enum_str(&i.status),
                i.value.low().to_string(),
                opt(&i.value.high()),
                i.unit.clone(),
                opt(&i.value_base),
                opt(&i.qualifier),
                i.direction.as_ref().map(enum_str).unwrap_or_default(),
                opt(&i.year),
                opt(&i.period),
                opt(&i.relative_to),
                opt(&i.section),
                i.sentence.clone(),
                i.span.start.to_string(),
                i.span.end.to_string(),
            ];
            w.write_record(&rec).map_err(|e| e.to_string())?;
        }
    }
    w.into_inner().map_err(|e| e.to_string())
}

pub fn run(args: ExtractArgs) -> i32 {
    let n = args.files.len();
    let pb = if n > 1 && std::io::stderr().is_terminal() {
        let pb = ProgressBar::with_draw_target(Some(n as u64), ProgressDrawTarget::stderr());
        if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} {wide_msg}") {
            pb.set_style(style);
        }
        pb
    } else {
        ProgressBar::hidden()
    };
    let results: Vec<(PathBuf, Result<Report, String>)> = args
        .files
        .par_iter()
        .map(|f| {
            let r = load(f);
            pb.inc(1);
            (f.clone(), r)
        })
        .collect();
    pb.finish_and_clear();
    let mut code = 0;
    let mut ok: Vec<&Report> = Vec::new();
    for (f, r) in &results {
        match r {
            Ok(rep) => ok.push(rep),
            Err(e) => {
                eprintln!("baogao: {}: {}", f.display(), e);
                code = 1;
            }
        }
    }
    let data = match args.format {
        OutputFormat::Json => {
            let v = if n == 1 {
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
        OutputFormat::Csv => match to_csv(&ok) {
            Ok(v) => v,
            Err(e) => {
                eprintln!("baogao: cannot write CSV: {e}");
                return 1;
            }
        },
    };
    if let Err(e) = write_output(args.output.as_ref(), &data) {
        eprintln!("baogao: {e}");
        return 1;
    }
    code
}
