//! Native throughput of parse + extract over the fixture reports (criterion).
//! Prints MB/s per fixture set; budget ≥ 50 MB/s.

use std::path::Path;
use std::time::Instant;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};

fn fixtures() -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut v = Vec::new();
    if let Ok(rd) = std::fs::read_dir(&dir) {
        for e in rd.flatten() {
            let p = e.path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            if ext == "txt" || ext == "docx" {
                if let Ok(b) = std::fs::read(&p) {
                    v.push((p.file_name().unwrap().to_string_lossy().to_string(), b));
                }
            }
        }
    }
    v.sort();
    v
}

/// CPU time of this thread (Linux: /proc/thread-self/stat, clock ticks of 10 ms); the
/// machine may be shared, so MB/s per CPU second is the figure that means something.
fn cpu_secs() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ut: f64 = f.get(11)?.parse().ok()?;
    let st: f64 = f.get(12)?.parse().ok()?;
    Some((ut + st) / 100.0)
}

/// Run `f` for ~3 s; print MB/s by wall clock and by CPU time.
///
/// For steady comparisons on a busy machine (e.g. under `perf stat -e instructions`):
/// `BENCH_ROUNDS=N` runs exactly N rounds, `BENCH_ONLY=word` only the lines whose label
/// contains `word`.
fn rate(label: &str, bytes: usize, mut f: impl FnMut()) {
    if std::env::var("BENCH_ONLY").is_ok_and(|w| !label.contains(w.as_str())) {
        return;
    }
    let rounds: Option<usize> = std::env::var("BENCH_ROUNDS").ok().and_then(|v| v.parse().ok());
    let c0 = cpu_secs();
    let t = Instant::now();
    let mut n = 0usize;
    while rounds.map_or(t.elapsed().as_secs_f64() < 3.0, |r| n < r) {
        f();
        n += 1;
    }
    let wall = t.elapsed().as_secs_f64();
    let mb = (bytes * n) as f64 / 1e6;
    match (c0, cpu_secs()) {
        (Some(a), Some(b)) if b > a => println!(
            "{label}: {:.1} MB/s (CPU time), {:.1} MB/s (wall clock), {n} rounds over {:.2} MB",
            mb / (b - a),
            mb / wall,
            bytes as f64 / 1e6
        ),
        _ => println!("{label}: {:.1} MB/s (wall clock), {n} rounds over {:.2} MB", mb / wall, bytes as f64 / 1e6),
    }
}

fn bench(c: &mut Criterion) {
    let files = fixtures();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    // Decoded analysis texts, for extract alone.
    let texts: Vec<String> = files
        .iter()
        .filter_map(|(n, b)| baogao::report::parse(n, b).ok().map(|r| r.text))
        .collect();
    let text_total: usize = texts.iter().map(|t| t.len()).sum();

    // Plain MB/s lines (criterion's own thrpt lines follow).
    rate("parse+extract (all fixtures, bytes as stored)", total, || {
        for (name, b) in &files {
            std::hint::black_box(baogao::report::parse(name, b).ok());
        }
    });
    rate("extract only (indicators over display texts)", text_total, || {
        for t in &texts {
            let ctx = baogao::report::indicators::Context { text: t, sections: &[], report_year: Some(2024), review_year: Some(2023) };
            std::hint::black_box(baogao::report::indicators::extract(&ctx));
        }
    });

    stages(&files, total);

    let mut g = c.benchmark_group("fixtures");
    g.throughput(Throughput::Bytes(total as u64));
    g.sample_size(20);
    g.bench_function("parse+extract", |bch| {
        bch.iter(|| {
            for (name, b) in &files {
                std::hint::black_box(baogao::report::parse(name, b).ok());
            }
        })
    });
    g.throughput(Throughput::Bytes(text_total as u64));
    g.bench_function("extract (indicators only, display text)", |bch| {
        bch.iter(|| {
            for t in &texts {
                let ctx = baogao::report::indicators::Context { text: t, sections: &[], report_year: Some(2024), review_year: Some(2023) };
                std::hint::black_box(baogao::report::indicators::extract(&ctx));
            }
        })
    });
    g.finish();
}

/// Per-stage rates of `report::parse`, each over the stored bytes of all fixtures
/// (so 1 / Σ 1/rate ≈ the whole pipeline), on the stage's own input.
fn stages(files: &[(String, Vec<u8>)], total: usize) {
    use baogao::report::{clean, decode_input, indicators, normalize, outline, title};
    let decoded: Vec<String> = files.iter().filter_map(|(_, b)| decode_input(b).ok().map(|d| d.text)).collect();
    let cleaned: Vec<String> = decoded.iter().map(|t| clean::clean(t).text).collect();
    let norms: Vec<normalize::Normalized> = cleaned.iter().map(|t| normalize::normalize(t)).collect();
    let tbs: Vec<title::TitleBlock> =
        cleaned.iter().zip(&norms).map(|(c, n)| title::parse_title_block(c, &n.text)).collect();
    let infos: Vec<Vec<indicators::SectionInfo>> = norms
        .iter()
        .zip(&tbs)
        .map(|(n, tb)| {
            let opts = outline::OutlineOptions { soft_breaks: &n.soft_breaks, report_year: tb.report_year, review_year: tb.review_year };
            let secs = outline::build(&n.text, &opts);
            outline::flatten(&secs)
                .into_iter()
                .map(|s| indicators::SectionInfo { id: s.id.clone(), level: s.level, kind: s.kind, heading: s.heading.clone(), span: s.span })
                .collect()
        })
        .collect();
    rate("  stage decode", total, || {
        for (_, b) in files {
            std::hint::black_box(decode_input(b).ok());
        }
    });
    rate("  stage clean", total, || {
        for t in &decoded {
            std::hint::black_box(clean::clean(t));
        }
    });
    rate("  stage normalize", total, || {
        for t in &cleaned {
            std::hint::black_box(normalize::normalize(t));
        }
    });
    rate("  stage title", total, || {
        for (c, n) in cleaned.iter().zip(&norms) {
            std::hint::black_box(title::parse_title_block(c, &n.text));
        }
    });
    rate("  stage outline", total, || {
        for (n, tb) in norms.iter().zip(&tbs) {
            let opts = outline::OutlineOptions { soft_breaks: &n.soft_breaks, report_year: tb.report_year, review_year: tb.review_year };
            std::hint::black_box(outline::build(&n.text, &opts));
        }
    });
    rate("  stage indicators", total, || {
        for ((n, tb), secs) in norms.iter().zip(&tbs).zip(&infos) {
            let ctx = indicators::Context { text: &n.text, sections: secs, report_year: tb.report_year, review_year: tb.review_year };
            std::hint::black_box(indicators::extract(&ctx));
        }
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
