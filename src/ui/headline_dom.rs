//! The headline table's rows, written straight into the page (`createElement`, text
//! nodes), not through a view tree, like the report text ([`super::text_dom`]) and the
//! outline ([`super::toc_dom`]). A report's rows are static once it is open; only two
//! things change — which figure (and so which row) is selected, and the language of
//! the few interface words in the cells. `HeadlineTable` owns a [`HeadlineDom`] per
//! open report and tells it of those changes; clicks and keys are handled once, on
//! the table body (see [`HeadlineDom::hit`]).
//!
//! Each row is `tr[data-key] > th[scope=row] td td [td]`; each figure a
//! `span.val[role=button][data-indicator][data-role]` of `span.qual` / `span.sym` /
//! `span.num` / `span.unit`; an absent figure `span.none` (—); an estimate an
//! `span.badge.est` after the actual's figures. Report text is always text, never HTML.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

use crate::export::{number, table::qualifier_symbol};
use crate::report::headline::{HeadlineActual, HeadlineRow, HeadlineTarget};
use crate::report::{Direction, Measure, Report, Value};

/// One open report's headline rows in the page.
pub struct HeadlineDom {
    rows: Vec<Row>,
    /// Every clickable figure: its indicator id and its `span.val`.
    figures: Vec<(String, Element)>,
    /// Interface words that follow the language.
    words: Vec<Word>,
    /// The selected indicator id as the page shows it.
    selected: Option<String>,
    zh: bool,
}

/// A row: the element, its `data-key`, the id a click on the row selects, and every
/// id shown in it (the row is marked when any of them is selected).
struct Row {
    tr: Element,
    key: String,
    primary: Option<String>,
    ids: Vec<String>,
}

/// An element whose text or title is an interface word.
enum Word {
    /// 增长 / 下降 before a growth figure (nothing in English: the sign says it), and
    /// the figure itself (`7.6` after the word, `+7.6` / `−3.8` in English).
    Growth { word: Element, num: Element, v: f64 },
    /// 下降 / down before a target that is a fall.
    Down(Element),
    /// The title of `—` (not stated).
    NotStated(Element),
    /// The 预计 badge (text and title).
    Estimate(Element),
    /// The badge of a part of the year (its text is the report's, `1—11月`; the title).
    PartOfYear(Element),
}

/// Which figures of an actual come from which indicator ids.
#[derive(Default)]
struct ActualIds {
    level: Option<String>,
    growth: Option<String>,
    rate: Option<String>,
}

fn actual_ids(report: &Report, a: &HeadlineActual) -> ActualIds {
    let mut out = ActualIds::default();
    for id in &a.ids {
        let Some(ind) = report.indicators.iter().find(|i| &i.id == id) else {
            continue;
        };
        let slot = match ind.measure {
            Measure::Level | Measure::Count => &mut out.level,
            Measure::Growth => &mut out.growth,
            _ => &mut out.rate,
        };
        slot.get_or_insert_with(|| id.clone());
    }
    out
}

impl HeadlineDom {
    /// Write `rows` of `report` into `tbody` (emptied first), a five-year column when
    /// `five` is set, the figure `selected` (indicator id) marked.
    pub fn write(tbody: &Element, report: &Report, rows: Vec<HeadlineRow>, five: bool, selected: Option<&str>, zh: bool) -> Option<HeadlineDom> {
        tbody.set_text_content(None);
        let doc = tbody.owner_document()?;
        let mut h = HeadlineDom { rows: Vec::new(), figures: Vec::new(), words: Vec::new(), selected: selected.map(str::to_string), zh };
        let mut w = Writer { doc: &doc, h: &mut h };
        for row in rows {
            // A DOM call fails only for a name it rejects; ours are fixed: stop, never panic.
            if w.row(tbody, report, row, five).is_err() {
                break;
            }
        }
        Some(h)
    }

    /// The indicator id a click (or Enter / Space) on `target` asks for: the figure's
    /// own, else its row's choice — the actual's growth, else another actual figure,
    /// else the target, else a five-year goal.
    pub fn hit(&self, target: &web_sys::EventTarget) -> Option<String> {
        let el = target.dyn_ref::<Element>()?;
        if let Some(v) = el.closest(".val[data-indicator]").ok().flatten() {
            return v.get_attribute("data-indicator");
        }
        let key = el.closest("tr[data-key]").ok().flatten()?.get_attribute("data-key")?;
        self.rows.iter().find(|r| r.key == key)?.primary.clone()
    }

    /// Mark the figure `id` and its row as selected (and unmark the ones before).
    pub fn set_selected(&mut self, id: Option<&str>) {
        if self.selected.as_deref() == id {
            return;
        }
        let before = self.selected.take();
        let was = |x: &str| before.as_deref() == Some(x);
        let is = |x: &str| id == Some(x);
        for (fid, el) in &self.figures {
            if was(fid) != is(fid) {
                let _ = el.class_list().toggle_with_force("selected", is(fid));
            }
        }
        for r in &self.rows {
            let (a, b) = (r.ids.iter().any(|x| was(x)), r.ids.iter().any(|x| is(x)));
            if a != b {
                let _ = r.tr.class_list().toggle_with_force("selected", b);
            }
        }
        self.selected = id.map(str::to_string);
    }

    /// The interface words in the cells in the interface language.
    pub fn set_lang(&mut self, zh: bool) {
        if self.zh == zh {
            return;
        }
        self.zh = zh;
        for w in &self.words {
            show_word(w, zh);
        }
    }
}

/// Writes rows into the page, recording in `h` what changes later.
struct Writer<'a> {
    doc: &'a Document,
    h: &'a mut HeadlineDom,
}

impl Writer<'_> {
    fn el(&self, tag: &str, class: &str) -> Result<Element, JsValue> {
        let e = self.doc.create_element(tag)?;
        if !class.is_empty() {
            e.set_class_name(class);
        }
        Ok(e)
    }

    /// `span.{class}` holding `text`, appended to `parent`.
    fn span(&self, parent: &Element, class: &str, text: &str) -> Result<Element, JsValue> {
        let s = self.el("span", class)?;
        if !text.is_empty() {
            s.append_with_str_1(text)?;
        }
        parent.append_child(&s)?;
        Ok(s)
    }

    /// An interface word's element: shown in the current language and kept.
    fn word(&mut self, w: Word) {
        show_word(&w, self.h.zh);
        self.h.words.push(w);
    }

    fn row(&mut self, tbody: &Element, report: &Report, row: HeadlineRow, five: bool) -> Result<(), JsValue> {
        let ids = row.actual.as_ref().map(|a| actual_ids(report, a)).unwrap_or_default();
        let primary = ids
            .growth
            .clone()
            .or_else(|| ids.level.clone())
            .or_else(|| ids.rate.clone())
            .or_else(|| row.target.as_ref().map(|t| t.id.clone()))
            .or_else(|| row.five_year.first().map(|t| t.id.clone()));
        let mut all: Vec<String> = row.actual.as_ref().map(|a| a.ids.clone()).unwrap_or_default();
        all.extend(row.target.iter().map(|t| t.id.clone()));
        all.extend(row.five_year.iter().map(|t| t.id.clone()));

        let tr = self.el("tr", "")?;
        tr.set_attribute("tabindex", "0")?;
        tr.set_attribute("data-key", &row.indicator)?;
        if let Some(sel) = &self.h.selected {
            if all.contains(sel) {
                tr.set_class_name("selected");
            }
        }
        let th = self.el("th", "")?;
        th.set_attribute("scope", "row")?;
        th.set_attribute("title", &row.indicator)?;
        th.append_with_str_1(&row.name)?;
        tr.append_child(&th)?;

        let td = self.el("td", "")?;
        match &row.actual {
            Some(a) => self.actual(&td, a, ids)?,
            None => self.none(&td)?,
        }
        tr.append_child(&td)?;
        let td = self.el("td", "")?;
        match &row.target {
            Some(t) => self.target(&td, t, report.report_year, "target")?,
            None => self.none(&td)?,
        }
        tr.append_child(&td)?;
        if five {
            let td = self.el("td", "")?;
            if row.five_year.is_empty() {
                self.none(&td)?;
            }
            for g in &row.five_year {
                self.target(&td, g, None, "five-year")?;
            }
            tr.append_child(&td)?;
        }
        tbody.append_child(&tr)?;
        self.h.rows.push(Row { tr, key: row.indicator, primary, ids: all });
        Ok(())
    }

    /// `—`: the report does not state it.
    fn none(&mut self, parent: &Element) -> Result<(), JsValue> {
        let s = self.span(parent, "none", "—")?;
        self.word(Word::NotStated(s));
        Ok(())
    }

    /// A clickable figure selecting `id`, appended to `parent`; its parts go inside.
    fn figure(&mut self, parent: &Element, id: &str, role: &str) -> Result<Element, JsValue> {
        let v = self.el("span", "val")?;
        v.set_attribute("role", "button")?;
        v.set_attribute("tabindex", "0")?;
        v.set_attribute("data-indicator", id)?;
        v.set_attribute("data-role", role)?;
        if self.h.selected.as_deref() == Some(id) {
            v.set_class_name("val selected");
        }
        parent.append_child(&v)?;
        self.h.figures.push((id.to_string(), v.clone()));
        Ok(v)
    }

    /// `1230 亿元 · 增长 7.6 % [预计]`.
    fn actual(&mut self, td: &Element, a: &HeadlineActual, ids: ActualIds) -> Result<(), JsValue> {
        if let (Some(v), Some(id)) = (a.level, &ids.level) {
            let f = self.figure(td, id, "actual-level")?;
            if let Some(q) = &a.level_qualifier {
                self.span(&f, "qual", q)?;
            }
            self.span(&f, "num", &number(v))?;
            self.span(&f, "unit", a.level_unit.as_deref().unwrap_or(""))?;
        }
        if let (Some(v), Some(id)) = (a.growth, &ids.growth) {
            let f = self.figure(td, id, "actual-growth")?;
            let word = self.span(&f, "qual", "")?;
            let num = self.span(&f, "num", "")?;
            self.span(&f, "unit", a.growth_unit.as_deref().unwrap_or("%"))?;
            self.word(Word::Growth { word, num, v });
        }
        if let (Some(v), Some(id)) = (a.rate, &ids.rate) {
            let f = self.figure(td, id, "actual-rate")?;
            self.span(&f, "num", &number(v))?;
            self.span(&f, "unit", a.rate_unit.as_deref().unwrap_or(""))?;
        }
        if a.estimate {
            td.append_with_str_1(" ")?;
            let b = self.span(td, "badge est", "")?;
            self.word(Word::Estimate(b));
        }
        if let Some(p) = &a.period {
            td.append_with_str_1(" ")?;
            let b = self.span(td, "badge part", p)?;
            self.word(Word::PartOfYear(b));
        }
        Ok(())
    }

    /// `≥ 8 % 以上` (symbol, value, unit, qualifier as written); `下降 3 %` for falls.
    fn target(&mut self, td: &Element, t: &HeadlineTarget, report_year: Option<i32>, role: &str) -> Result<(), JsValue> {
        let f = self.figure(td, &t.id, role)?;
        if let Some(sym) = t.qualifier.as_deref().and_then(qualifier_symbol) {
            let s = self.span(&f, "sym", sym)?;
            s.set_attribute("title", t.qualifier.as_deref().unwrap_or(""))?;
        }
        // Falls are said as such (能耗下降3%); rises need no word beside ≥/≤.
        if t.direction == Some(Direction::Down) {
            let s = self.span(&f, "qual", "")?;
            self.word(Word::Down(s));
        }
        if let Some(r) = &t.relative_to {
            self.span(&f, "qual", r)?;
        }
        let value = match &t.value {
            Value::Number(v) => number(*v),
            Value::Range([lo, hi]) => format!("{}–{}", number(*lo), number(*hi)),
        };
        self.span(&f, "num", &value)?;
        self.span(&f, "unit", &t.unit)?;
        if let Some(q) = &t.qualifier {
            self.span(&f, "qual", q)?;
        }
        let when = match (&t.period, t.year) {
            (Some(p), _) => Some(p.clone()),
            (None, Some(y)) if Some(y) != report_year => Some(y.to_string()),
            _ => None,
        };
        if let Some(w) = when {
            self.span(&f, "qual", &format!("（{w}）"))?;
        }
        Ok(())
    }
}

/// Show an interface word in Chinese (`zh`) or English.
fn show_word(w: &Word, zh: bool) {
    let tr = |z: &'static str, e: &'static str| if zh { z } else { e };
    match w {
        Word::Growth { word, num, v } => {
            let v = *v;
            word.set_text_content(Some(match (zh, v < 0.0) {
                (true, false) => "增长",
                (true, true) => "下降",
                (false, _) => "",
            }));
            let n = if zh {
                number(v.abs())
            } else if v < 0.0 {
                format!("−{}", number(v.abs()))
            } else {
                format!("+{}", number(v))
            };
            num.set_text_content(Some(&n));
        }
        Word::Down(e) => e.set_text_content(Some(tr("下降", "down"))),
        Word::NotStated(e) => {
            let _ = e.set_attribute("title", tr("报告未写明", "not stated"));
        }
        Word::Estimate(e) => {
            let _ = e.set_attribute("title", tr("报告称“预计”", "the report says 预计 (estimate)"));
            e.set_text_content(Some(tr("预计", "est.")));
        }
        Word::PartOfYear(e) => {
            let _ = e.set_attribute("title", tr("只是一年中的一部分（报告时全年数据尚未公布）", "part of the year only (the whole year's figure was not out yet)"));
        }
    }
}
