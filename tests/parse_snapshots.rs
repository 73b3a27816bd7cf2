//! Snapshots of the title block and outline of every fixture (reviewed by eye
//! against the fixture text), plus the title block checked against gold.json.

use baogao::report::{self, Report, Section};
use serde::Serialize;

const FIXTURES: [&str; 13] = [
    "beijing-2024.txt",
    "bozhou-2024.txt",
    "luzhou-2024-oneline.txt",
    "national-1980-gbk.txt",
    "national-2002-gbk-crcrlf.txt",
    "national-2014-gbk.txt",
    "national-2015-gbk.txt",
    "national-2016-gbk.txt",
    "national-2017-gbk.txt",
    "qiandongnan-2024.docx",
    "zaozhuang-2024-pdftext.txt",
    "zigong-2017-x8.txt",
    "README.md",
];

#[derive(Serialize)]
struct Node {
    id: String,
    level: u8,
    number: String,
    heading: String,
    kind: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    children: Vec<Node>,
}

#[derive(Serialize)]
struct Snap {
    encoding: String,
    copies: usize,
    removed: Vec<String>,
    title: Option<String>,
    date: Option<String>,
    meeting: Option<String>,
    speaker: Option<String>,
    region: Option<String>,
    level: Option<String>,
    report_year: Option<i32>,
    review_year: Option<i32>,
    looks_like_report: bool,
    outline: Vec<Node>,
}

fn enum_str<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v).unwrap().as_str().unwrap_or_default().to_string()
}

fn node(s: &Section) -> Node {
    Node { id: s.id.clone(), level: s.level, number: s.number.clone(), heading: s.heading.clone(), kind: enum_str(&s.kind), children: s.children.iter().map(node).collect() }
}

fn load(name: &str) -> Report {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    report::parse(name, &bytes).unwrap()
}

fn check(name: &str) {
    let r = load(name);
    let snap = Snap {
        encoding: r.encoding.clone(),
        copies: r.copies,
        removed: r.removed.iter().map(|s| format!("{} {}", s.kind, s.count)).collect(),
        title: r.title.clone(),
        date: r.date.clone(),
        meeting: r.meeting.clone(),
        speaker: r.speaker.as_ref().map(|s| format!("{} {}", s.title.clone().unwrap_or_default(), s.name.clone().unwrap_or_default())),
        region: r.region.clone(),
        level: r.level.as_ref().map(enum_str),
        report_year: r.report_year,
        review_year: r.review_year,
        looks_like_report: r.looks_like_report,
        outline: r.sections.iter().map(node).collect(),
    };
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_yaml_snapshot!(name.replace('.', "_"), snap));
}

#[test]
fn snapshots() {
    for f in FIXTURES {
        check(f);
    }
}

#[test]
fn title_blocks_match_gold() {
    let gold: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(format!("{}/tests/fixtures/gold.json", env!("CARGO_MANIFEST_DIR"))).unwrap()).unwrap();
    let mut bad = Vec::new();
    for g in gold.as_array().unwrap() {
        let file = g["file"].as_str().unwrap().rsplit('/').next().unwrap();
        let r = load(file);
        let sp_name = r.speaker.as_ref().and_then(|s| s.name.clone());
        let sp_title = r.speaker.as_ref().and_then(|s| s.title.clone());
        let checks = [
            ("speaker.name", g["speaker"]["name"].as_str().map(str::to_string), sp_name),
            ("speaker.title", g["speaker"]["title"].as_str().map(str::to_string), sp_title),
            ("meeting", g["meeting"].as_str().map(str::to_string), r.meeting.clone()),
            ("region", g["region"].as_str().map(str::to_string), r.region.clone()),
            ("level", g["level"].as_str().map(str::to_string), r.level.as_ref().map(enum_str)),
            ("report_year", g["report_year"].as_i64().map(|v| v.to_string()), r.report_year.map(|v| v.to_string())),
            ("review_year", g["review_year"].as_i64().map(|v| v.to_string()), r.review_year.map(|v| v.to_string())),
        ];
        for (field, want, got) in checks {
            if want != got {
                bad.push(format!("{file}: {field}: want {want:?}, got {got:?}"));
            }
        }
    }
    assert!(bad.is_empty(), "title block mismatches:\n{}", bad.join("\n"));
}

#[test]
fn spans_point_at_headings() {
    for f in FIXTURES {
        let r = load(f);
        for s in report::flatten(&r.sections) {
            let h = &r.text[s.heading_span.start..s.heading_span.end];
            let norm = report::normalize::normalize(h).text;
            assert!(norm.contains(&s.heading), "{f} {}: {norm:?} vs {:?}", s.id, s.heading);
            assert!(s.span.contains(s.heading_span));
        }
    }
}
