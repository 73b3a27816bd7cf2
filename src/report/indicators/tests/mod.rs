//! Unit tests, one per language pattern seen in real reports, by topic; the helpers
//! every topic uses are here.

use super::*;

/// Crude normalisation for tests: full-width digits/punctuation → half-width.
pub(crate) fn norm(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            '％' => '%',
            '．' => '.',
            '：' => ':',
            _ => c,
        })
        .collect()
}

mod figures;
mod names;
mod periods;
mod status;

fn run_with(text: &str, kind: Option<SectionKind>) -> Vec<Indicator> {
    let t = norm(text);
    let secs = kind
        .map(|k| {
            vec![SectionInfo {
                id: "s1".into(),
                level: 1,
                kind: k,
                heading: String::new(),
                span: Span::new(0, t.len()),
            }]
        })
        .unwrap_or_default();
    let ctx = Context { text: &t, sections: &secs, report_year: Some(2024), review_year: Some(2023) };
    let v = extract(&ctx);
    for i in &v {
        assert!(i.sentence_span.contains(i.span), "{i:?}");
        assert!(t.get(i.span.start..i.span.end).is_some());
    }
    v
}

fn run(text: &str) -> Vec<Indicator> {
    run_with(text, None)
}

fn brief(v: &[Indicator]) -> Vec<(String, Option<String>, Measure, Value, String, Option<String>)> {
    v.iter()
        .map(|i| (i.name.clone(), i.indicator.clone(), i.measure, i.value.clone(), i.unit.clone(), i.qualifier.clone()))
        .collect()
}

fn n(x: f64) -> Value {
    Value::Number(x)
}

fn got(v: &[Indicator]) -> Vec<(&str, Option<&str>, Measure, Value)> {
    v.iter().map(|i| (i.name.as_str(), i.indicator.as_deref(), i.measure, i.value.clone())).collect()
}
