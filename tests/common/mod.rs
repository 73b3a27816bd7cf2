//! What the tests that compare two readings of one report (a PDF, a `.doc`, a web archive
//! against its source) look at. Each test file uses what it needs.
#![allow(dead_code)]

use baogao::report::{self, Report};

/// The parts: level, number and heading as shown, and what each part is about.
pub fn outline(r: &Report) -> Vec<(u8, String, String)> {
    fn walk(s: &[report::Section], out: &mut Vec<(u8, String, String)>) {
        for x in s {
            out.push((x.level, format!("{}{}", x.number, x.heading), format!("{:?}", x.kind)));
            walk(&x.children, out);
        }
    }
    let mut out = Vec::new();
    walk(&r.sections, &mut out);
    out
}

/// A figure as a reader checks it: name, value, unit, status, year, sentence.
pub type Figure = (String, report::Value, String, report::Status, Option<i32>, String);

/// What a report reads as: title block, outline, every figure with its sentence.
pub fn reading(r: &Report) -> (Vec<Option<String>>, Vec<(u8, String, String)>, Vec<Figure>) {
    (
        vec![r.title.clone(), r.meeting.clone(), r.date.clone(), r.region.clone()],
        outline(r),
        r.indicators.iter().map(|i| (i.name.clone(), i.value.clone(), i.unit.clone(), i.status, i.year, i.sentence.clone())).collect(),
    )
}
