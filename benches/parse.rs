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

fn bench(c: &mut Criterion) {
    let files = fixtures();
    let total: usize = files.iter().map(|(_, b)| b.len()).sum();
    // Decoded analysis texts, for extract alone.
    let texts: Vec<String> = files
        .iter()
        .filter_map(|(n, b)| baogao::report::parse(n, b).ok().map(|r| r.text))
        .collect();
    let text_total: usize = texts.iter().map(|t| t.len()).sum();

    // A plain MB/s line (criterion's own thrpt lines follow).
    let t = Instant::now();
    let mut n = 0;
    while t.elapsed().as_secs_f64() < 2.0 {
        for (name, b) in &files {
            std::hint::black_box(baogao::report::parse(name, b).ok());
        }
        n += 1;
    }
    let secs = t.elapsed().as_secs_f64();
    println!(
        "parse+extract: {:.1} MB/s over {} fixtures ({:.2} MB input, {} rounds)",
        (total * n) as f64 / 1e6 / secs,
        files.len(),
        total as f64 / 1e6,
        n
    );

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

criterion_group!(benches, bench);
criterion_main!(benches);
