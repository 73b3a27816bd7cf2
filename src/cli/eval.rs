//! `baogao eval GOLD [--dir DIR] [--json] [--verbose]`: score indicator extraction
//! against an answer key (the format of `tests/fixtures/gold.json`).

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::Value as Json;

use crate::report::indicators::names::canonical;
use crate::report::{Indicator, Measure, Report, Status, Value};

/// Score extraction against a gold answer key.
///
/// For every report in GOLD (a JSON list; `file` is resolved by its basename in
/// --dir, default the gold file's directory) and overall:
///
/// * target recall — gold `targets` found among the indicators marked
///   status=target: same value (a range matches [low, high]), same unit (none =
///   empty), compatible measure (level~count, rate~share), and the same subject
///   (gold `name`/`name_as_written` contained in ours or ours in it, or the same
///   canonical key);
///
/// * target precision — of our status=target indicators with measure growth,
///   rate, level, index, relative or share whose clause lies inside the gold
///   `targets_passage` (located in the report text ignoring spaces, full-width
///   forms and page footers), the share that match a gold target (or the change
///   the key records for it, e.g. 比1980年预计增加1,000万吨). Reports without a
///   passage do not count;
///
/// * headline-actual recall — every level, growth and avg_annual_growth figure of
///   the gold `actuals` found among our non-target indicators with the same
///   canonical key (or subject), value and unit (growth: %, measure growth).
///
/// Prints a table and the overall figures (`--json`: machine output). Exits 0.
#[derive(clap::Args, Debug)]
#[command(after_help = EVAL_HELP)]
pub struct EvalArgs {
    /// The gold answer key (JSON list of report objects).
    pub gold: PathBuf,
    /// Where the report files live (default: the gold file's directory; falls back to basenames).
    #[arg(long)]
    pub dir: Option<PathBuf>,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
    /// List every miss (gold targets not found, unmatched targets, missed actuals).
    #[arg(short, long)]
    pub verbose: bool,
}

/// How the figures are defined (shown by `baogao eval --help`).
pub const EVAL_HELP: &str = "\
Scores, per report (file resolved by basename in --dir, default the gold file's directory) and overall:
  target recall     gold targets found among our status=target indicators: same value (a range
                    matches [low, high]), same unit (none = empty), compatible measure
                    (level~count, rate~share), same subject (gold name / name_as_written contained
                    in ours or ours in it, or the same canonical key).
  target precision  of our status=target indicators with measure growth, rate, level, index,
                    relative or share whose clause lies inside the gold targets_passage (located
                    ignoring spaces, full-width forms and page footers): the share matching a gold
                    target (or the change the key records for one, e.g. 比1980年预计增加1,000万吨).
                    Reports without a passage do not count.
  actual recall     each level, growth and avg_annual_growth figure of the gold actuals found among
                    our non-target indicators with the same canonical key (or subject), value and
                    unit (growth: %, measure growth).
Exit code 0.";

/// Scores of one report.
#[derive(Clone, Debug, Default, Serialize)]
pub struct FileScore {
    pub file: String,
    pub error: Option<String>,
    pub targets_gold: usize,
    pub targets_found: usize,
    pub passage_found: Option<bool>,
    pub precision_total: usize,
    pub precision_matched: usize,
    pub actuals_gold: usize,
    pub actuals_found: usize,
    pub misses: Vec<String>,
}

/// Overall scores.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Overall {
    pub target_recall: f64,
    pub target_precision: f64,
    pub actual_recall: f64,
    pub targets_gold: usize,
    pub targets_found: usize,
    pub precision_total: usize,
    pub precision_matched: usize,
    pub actuals_gold: usize,
    pub actuals_found: usize,
}

#[derive(Clone, Debug, Default, Serialize)]
pub struct EvalResult {
    pub files: Vec<FileScore>,
    pub overall: Overall,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// Text folded for locating a passage: no whitespace, half-width forms, no `—N—` footers.
/// Returns the folded chars and, for each, its byte range in the source.
fn fold(s: &str) -> (Vec<char>, Vec<(usize, usize)>) {
    let mut cs = Vec::new();
    let mut pos = Vec::new();
    for (i, c) in s.char_indices() {
        if c.is_whitespace() || c == '\u{a0}' || c == '\u{3000}' {
            continue;
        }
        let f = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '∶' => ':',
            _ => c,
        };
        cs.push(f);
        pos.push((i, i + c.len_utf8()));
    }
    // Drop page footers: dash digits dash.
    let mut out_c = Vec::with_capacity(cs.len());
    let mut out_p = Vec::with_capacity(cs.len());
    let mut i = 0;
    let dash = |c: char| matches!(c, '—' | '-' | '–' | '―');
    while i < cs.len() {
        if dash(cs[i]) {
            let mut j = i + 1;
            while j < cs.len() && cs[j].is_ascii_digit() {
                j += 1;
            }
            if j > i + 1 && j < cs.len() && dash(cs[j]) && j - i <= 4 {
                i = j + 1;
                continue;
            }
        }
        out_c.push(cs[i]);
        out_p.push(pos[i]);
        i += 1;
    }
    (out_c, out_p)
}

fn find_chars(hay: &[char], needle: &[char]) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Byte range of `passage` in `text`, ignoring whitespace, full-width forms and footers.
pub fn locate(text: &str, passage: &str) -> Option<(usize, usize)> {
    let (hc, hp) = fold(text);
    let (pc, _) = fold(passage);
    if pc.is_empty() {
        return None;
    }
    if let Some(i) = find_chars(&hc, &pc) {
        return Some((hp[i].0, hp[i + pc.len() - 1].1));
    }
    // Fallback: locate the head and the tail separately.
    let k = pc.len().min(24);
    let head = find_chars(&hc, &pc[..k])?;
    let tail_n = pc.len().min(16);
    let tail = &pc[pc.len() - tail_n..];
    let rest = &hc[head..];
    let t = find_chars(rest, tail)?;
    let end = head + t + tail_n - 1;
    if end - head > pc.len() * 2 + 200 {
        return None;
    }
    Some((hp[head].0, hp[end].1))
}

fn norm_unit(u: Option<&str>) -> String {
    u.unwrap_or("").replace('％', "%").trim().to_string()
}

fn gold_value(v: &Json) -> Option<(f64, Option<f64>)> {
    match v {
        Json::Number(n) => n.as_f64().map(|x| (x, None)),
        Json::Array(a) if a.len() == 2 => Some((a[0].as_f64()?, Some(a[1].as_f64()?))),
        _ => None,
    }
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * (1.0 + a.abs().max(b.abs()))
}

fn value_eq(ours: &Value, low: f64, high: Option<f64>) -> bool {
    match (ours, high) {
        (Value::Number(v), None) => close(*v, low),
        (Value::Range([a, b]), Some(h)) => close(*a, low) && close(*b, h),
        _ => false,
    }
}

fn measure_ok(ours: Measure, gold: &str) -> bool {
    let m = match serde_json::to_value(ours) {
        Ok(Json::String(s)) => s,
        _ => return false,
    };
    m == gold
        || matches!((m.as_str(), gold), ("level", "count") | ("count", "level") | ("rate", "share") | ("share", "rate"))
}

/// Gold key aliases → our canonical keys.
fn alias(key: &str) -> &str {
    match key {
        "resident_disposable_income" => "disposable_income",
        "foreign_direct_investment" => "fdi",
        "fiscal_revenue_local" => "general_budget_revenue",
        k => k,
    }
}

fn names_match(ours: &Indicator, gold_names: &[&str], gold_key: Option<&str>) -> bool {
    if let (Some(k), Some(o)) = (gold_key, ours.indicator.as_deref()) {
        if alias(k) == o {
            return true;
        }
    }
    if ours.name.is_empty() {
        return false;
    }
    gold_names
        .iter()
        .filter(|g| !g.is_empty())
        .any(|g| ours.name.contains(g) || g.contains(ours.name.as_str()))
}

fn target_matches(ind: &Indicator, t: &Json) -> bool {
    let Some((low, high)) = t.get("value").and_then(gold_value) else { return false };
    if !value_eq(&ind.value, low, high) {
        return false;
    }
    if norm_unit(t.get("unit").and_then(|u| u.as_str())) != norm_unit(Some(&ind.unit)) {
        return false;
    }
    if !measure_ok(ind.measure, t.get("measure").and_then(|m| m.as_str()).unwrap_or("")) {
        return false;
    }
    let name = t.get("name").and_then(|n| n.as_str()).unwrap_or("");
    let written = t.get("name_as_written").and_then(|n| n.as_str()).unwrap_or("");
    let key = canonical(name).or_else(|| canonical(written));
    names_match(ind, &[name, written], key)
}

fn change_matches(ind: &Indicator, t: &Json) -> bool {
    let Some(ch) = t.get("change") else { return false };
    let Some(v) = ch.get("value").and_then(|v| v.as_f64()) else { return false };
    let name = t.get("name").and_then(|n| n.as_str()).unwrap_or("");
    value_eq(&ind.value, v, None)
        && norm_unit(ch.get("unit").and_then(|u| u.as_str())) == norm_unit(Some(&ind.unit))
        && ind.measure == Measure::Growth
        && names_match(ind, &[name], canonical(name))
}

fn resolve(gold_dir: &Path, dir: Option<&Path>, file: &str) -> PathBuf {
    let base = Path::new(file).file_name().map(PathBuf::from).unwrap_or_else(|| PathBuf::from(file));
    let d = dir.unwrap_or(gold_dir);
    let p = d.join(&base);
    if p.exists() {
        return p;
    }
    let p2 = d.join(file);
    if p2.exists() {
        return p2;
    }
    p
}

/// Score one parsed report against its gold object.
pub fn score(report: &Report, g: &Json) -> FileScore {
    let mut fs = FileScore { file: report.file.clone(), ..Default::default() };
    let empty = Vec::new();
    let targets = g.get("targets").and_then(|t| t.as_array()).unwrap_or(&empty);
    let actuals = g.get("actuals").and_then(|t| t.as_array()).unwrap_or(&empty);
    let ours_t: Vec<&Indicator> = report.indicators.iter().filter(|i| i.status == Status::Target).collect();
    // Recall.
    for t in targets {
        if t.get("value").and_then(gold_value).is_none() {
            continue;
        }
        fs.targets_gold += 1;
        if ours_t.iter().any(|i| target_matches(i, t)) {
            fs.targets_found += 1;
        } else {
            fs.misses.push(format!("target missed: {} {} {}", t["name"], t["value"], t["unit"]));
        }
    }
    // Precision inside the passage.
    if let Some(p) = g.get("targets_passage").and_then(|p| p.as_str()) {
        match locate(&report.text, p) {
            Some((a, b)) => {
                fs.passage_found = Some(true);
                for i in &ours_t {
                    if i.sentence_span.start < a || i.sentence_span.end > b {
                        continue;
                    }
                    if !matches!(
                        i.measure,
                        Measure::Growth | Measure::Rate | Measure::Level | Measure::Index | Measure::Relative | Measure::Share
                    ) {
                        continue;
                    }
                    fs.precision_total += 1;
                    if targets.iter().any(|t| target_matches(i, t) || change_matches(i, t)) {
                        fs.precision_matched += 1;
                    } else {
                        fs.misses.push(format!(
                            "extra target: {} {:?} {} {:?} «{}»",
                            i.name, i.value, i.unit, i.measure, i.sentence
                        ));
                    }
                }
            }
            None => {
                fs.passage_found = Some(false);
                fs.misses.push("targets passage not located in the text".into());
            }
        }
    }
    // Headline actuals.
    let ours_a: Vec<&Indicator> = report.indicators.iter().filter(|i| i.status != Status::Target).collect();
    for a in actuals {
        let key = a.get("indicator").and_then(|k| k.as_str());
        let name = a.get("name").and_then(|n| n.as_str()).unwrap_or("");
        let names = [name];
        let mut check = |what: &str, v: Option<f64>, unit: Option<&str>, growth: bool| {
            let Some(v) = v else { return };
            fs.actuals_gold += 1;
            let unit = norm_unit(unit.or(if growth { Some("%") } else { None }));
            let ok = ours_a.iter().any(|i| {
                value_eq(&i.value, v, None)
                    && norm_unit(Some(&i.unit)) == unit
                    && (if growth { i.measure == Measure::Growth } else { matches!(i.measure, Measure::Level | Measure::Count) })
                    && names_match(i, &names, key.or(canonical(name)))
            });
            if ok {
                fs.actuals_found += 1;
            } else {
                fs.misses.push(format!("actual missed: {name} {what} {v} {unit}"));
            }
        };
        check("level", a.get("level").and_then(|v| v.as_f64()), a.get("level_unit").and_then(|u| u.as_str()), false);
        check("growth", a.get("growth").and_then(|v| v.as_f64()), a.get("growth_unit").and_then(|u| u.as_str()), true);
        check("avg_annual_growth", a.get("avg_annual_growth").and_then(|v| v.as_f64()), Some("%"), true);
    }
    fs
}

/// Run the evaluation; returns the scores.
pub fn evaluate(gold_path: &Path, dir: Option<&Path>) -> Result<EvalResult, String> {
    let raw = std::fs::read_to_string(gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let gold: Json = serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let list = gold.as_array().ok_or("the gold file is not a JSON list")?;
    let gold_dir = gold_path.parent().unwrap_or(Path::new("."));
    let mut res = EvalResult::default();
    for g in list {
        let file = g.get("file").and_then(|f| f.as_str()).unwrap_or("");
        let path = resolve(gold_dir, dir, file);
        let fs = match super::load(&path) {
            Ok(report) => {
                let mut s = score(&report, g);
                s.file = file.to_string();
                s
            }
            Err(e) => FileScore { file: file.to_string(), error: Some(e), ..Default::default() },
        };
        res.files.push(fs);
    }
    let o = &mut res.overall;
    for f in &res.files {
        o.targets_gold += f.targets_gold;
        o.targets_found += f.targets_found;
        o.precision_total += f.precision_total;
        o.precision_matched += f.precision_matched;
        o.actuals_gold += f.actuals_gold;
        o.actuals_found += f.actuals_found;
    }
    o.target_recall = ratio(o.targets_found, o.targets_gold);
    o.target_precision = ratio(o.precision_matched, o.precision_total);
    o.actual_recall = ratio(o.actuals_found, o.actuals_gold);
    Ok(res)
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "—".to_string()
    } else {
        format!("{:.1}% ({a}/{b})", 100.0 * a as f64 / b as f64)
    }
}

pub fn run(args: EvalArgs) -> i32 {
    let res = match evaluate(&args.gold, args.dir.as_deref()) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("baogao eval: {e}");
            return 0;
        }
    };
    if args.json {
        println!("{}", serde_json::to_string_pretty(&res).unwrap_or_default());
        return 0;
    }
    println!("{:<36} {:>20} {:>20} {:>20}", "file", "target recall", "target precision", "actual recall");
    for f in &res.files {
        if let Some(e) = &f.error {
            println!("{:<36} error: {e}", f.file);
            continue;
        }
        let name = Path::new(&f.file).file_name().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        println!(
            "{:<36} {:>20} {:>20} {:>20}",
            name,
            pct(f.targets_found, f.targets_gold),
            pct(f.precision_matched, f.precision_total),
            pct(f.actuals_found, f.actuals_gold)
        );
        if args.verbose {
            for m in &f.misses {
                println!("    {m}");
            }
        }
    }
    let o = &res.overall;
    println!(
        "{:<36} {:>20} {:>20} {:>20}",
        "overall",
        pct(o.targets_found, o.targets_gold),
        pct(o.precision_matched, o.precision_total),
        pct(o.actuals_found, o.actuals_gold)
    );
    0
}
