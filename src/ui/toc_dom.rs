//! The table of contents' entries, written straight into the page (`createElement`,
//! text nodes), not through a view tree: an outline is static once a report is open,
//! and only three things about an entry change — folded or not, current or not, and
//! the language of its toggle's label. `Toc` owns a [`TocDom`] per open report and
//! tells it of those changes; clicks are handled once, on the list (see [`hit`]).
//!
//! Each entry is
//! `li.toc-l{level} > div.toc-row > [button.toc-toggle > span] a[href][data-toc]`, then,
//! when it has listed children, `ul#toc-c-{id}` (children written only once the
//! entry is unfolded). Labels are always text, never HTML.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

use crate::layout;
use crate::report::{Report, Section};

/// Deepest outline level listed (level 5, lead sentences, stays out).
pub const TOC_MAX: u8 = 4;

/// What a click on the list landed on.
#[derive(Debug, PartialEq, Eq)]
pub enum Hit {
    /// An entry's link: go to section `id`.
    Go(String),
    /// An entry's fold toggle: fold or unfold section `id`.
    Toggle(String),
}

/// The entry link or fold toggle a click on `target` (inside the list) landed on.
pub fn hit(target: &web_sys::EventTarget) -> Option<Hit> {
    let el = target.dyn_ref::<Element>()?;
    if let Some(b) = el.closest("button.toc-toggle").ok().flatten() {
        let id = b.get_attribute("aria-controls")?;
        return Some(Hit::Toggle(id.strip_prefix("toc-c-")?.to_string()));
    }
    let a = el.closest("a[data-toc]").ok().flatten()?;
    a.get_attribute("data-toc").map(Hit::Go)
}

/// Whether a section has entries below it in the list.
pub fn has_children(s: &Section) -> bool {
    s.children.iter().any(|c| c.level <= TOC_MAX)
}

/// The elements of an entry that change.
struct Entry {
    link: Element,
    /// Toggle, its arrow, the children's list and whether they are written — for
    /// entries with children only.
    fold: Option<Fold>,
}

struct Fold {
    toggle: Element,
    arrow: Element,
    list: Element,
    /// Where the section is: indices from the top level down.
    path: Vec<usize>,
    label: String,
    written: bool,
}

/// One open report's entries in the page.
pub struct TocDom {
    report: Arc<Report>,
    doc: Document,
    entries: HashMap<String, Entry>,
    /// The folded set as the page shows it.
    folded: HashSet<String>,
    /// The entry marked current in the page.
    current: Option<String>,
    zh: bool,
}

impl TocDom {
    /// Write the entries of `report` into `list` (emptied first): the parts in
    /// `folded` without their children, `current` marked.
    pub fn write(list: &Element, report: Arc<Report>, folded: &HashSet<String>, current: Option<&str>, zh: bool) -> Option<TocDom> {
        list.set_text_content(None);
        let doc = list.owner_document()?;
        let mut t = TocDom {
            report,
            doc,
            entries: HashMap::new(),
            folded: folded.clone(),
            current: current.map(str::to_string),
            zh,
        };
        let report = t.report.clone();
        // A DOM call fails only for a name it rejects; ours are fixed: stop, never panic.
        let _ = t.write_list(list, &report.sections, &[]);
        Some(t)
    }

    fn write_list(&mut self, list: &Element, sections: &[Section], at: &[usize]) -> Result<(), JsValue> {
        for (k, s) in sections.iter().enumerate() {
            if s.level > TOC_MAX {
                continue;
            }
            let mut path = at.to_vec();
            path.push(k);
            self.write_entry(list, s, path)?;
        }
        Ok(())
    }

    fn write_entry(&mut self, list: &Element, s: &Section, path: Vec<usize>) -> Result<(), JsValue> {
        let doc = &self.doc;
        let li = doc.create_element("li")?;
        li.set_class_name(&format!("toc-l{}", s.level));
        let row = doc.create_element("div")?;
        row.set_class_name("toc-row");
        let label = layout::section_label(s);
        let folded = self.folded.contains(&s.id);
        let fold = if has_children(s) {
            let toggle = doc.create_element("button")?;
            toggle.set_class_name("toc-toggle");
            toggle.set_attribute("aria-controls", &format!("toc-c-{}", s.id))?;
            let arrow = doc.create_element("span")?;
            arrow.set_attribute("aria-hidden", "true")?;
            toggle.append_child(&arrow)?;
            row.append_child(&toggle)?;
            let list = doc.create_element("ul")?;
            list.set_id(&format!("toc-c-{}", s.id));
            let f = Fold { toggle, arrow, list, path, label: label.clone(), written: false };
            show_fold(&f, folded, self.zh);
            Some(f)
        } else {
            None
        };
        let a = doc.create_element("a")?;
        a.set_attribute("href", &format!("#sec-{}", s.id))?;
        a.set_attribute("data-toc", &s.id)?;
        if self.current.as_deref() == Some(s.id.as_str()) {
            mark(&a, true);
        }
        a.append_with_str_1(&label)?;
        row.append_child(&a)?;
        li.append_child(&row)?;
        if let Some(f) = &fold {
            li.append_child(&f.list)?;
        }
        list.append_child(&li)?;
        self.entries.insert(s.id.clone(), Entry { link: a, fold });
        if !folded {
            self.write_children(&s.id)?;
        }
        Ok(())
    }

    /// Write the children of entry `id` into its list (once).
    fn write_children(&mut self, id: &str) -> Result<(), JsValue> {
        let Some(f) = self.entries.get_mut(id).and_then(|e| e.fold.as_mut()) else {
            return Ok(());
        };
        if f.written {
            return Ok(());
        }
        f.written = true;
        let (list, path) = (f.list.clone(), f.path.clone());
        let report = self.report.clone();
        let Some(s) = section_at(&report.sections, &path) else {
            return Ok(());
        };
        self.write_list(&list, &s.children, &path)
    }

    /// Show `folded` (a part's children hidden, its toggle saying so); children of an
    /// entry unfolded for the first time are written now.
    pub fn fold(&mut self, folded: &HashSet<String>) {
        let changed: Vec<String> = self.folded.symmetric_difference(folded).cloned().collect();
        self.folded = folded.clone();
        for id in changed {
            let now = folded.contains(&id);
            let Some(f) = self.entries.get(&id).and_then(|e| e.fold.as_ref()) else {
                continue;
            };
            show_fold(f, now, self.zh);
            if !now {
                let _ = self.write_children(&id);
            }
        }
    }

    /// Mark entry `id` as the section in view (and unmark the one before).
    pub fn set_current(&mut self, id: Option<&str>) {
        if self.current.as_deref() == id {
            return;
        }
        if let Some(e) = self.current.as_ref().and_then(|c| self.entries.get(c)) {
            mark(&e.link, false);
        }
        if let Some(e) = id.and_then(|c| self.entries.get(c)) {
            mark(&e.link, true);
        }
        self.current = id.map(str::to_string);
    }

    /// The toggles' labels in the interface language.
    pub fn set_lang(&mut self, zh: bool) {
        if self.zh == zh {
            return;
        }
        self.zh = zh;
        for (id, e) in &self.entries {
            if let Some(f) = &e.fold {
                show_fold(f, self.folded.contains(id), zh);
            }
        }
    }
}

fn section_at<'a>(sections: &'a [Section], path: &[usize]) -> Option<&'a Section> {
    let (first, rest) = path.split_first()?;
    let s = sections.get(*first)?;
    if rest.is_empty() {
        Some(s)
    } else {
        section_at(&s.children, rest)
    }
}

/// A toggle and list showing folded or not.
fn show_fold(f: &Fold, folded: bool, zh: bool) {
    let _ = f.toggle.set_attribute("aria-expanded", if folded { "false" } else { "true" });
    let verb = match (folded, zh) {
        (true, true) => "展开",
        (true, false) => "Expand",
        (false, true) => "折叠",
        (false, false) => "Collapse",
    };
    let _ = f.toggle.set_attribute("aria-label", &format!("{verb} {}", f.label));
    // ▶ ▼ (in the CJK fonts; ▸ ▾ are not, and a fallback font costs a lookup), drawn smaller by CSS
    f.arrow.set_text_content(Some(if folded { "▶" } else { "▼" }));
    let _ = f.list.toggle_attribute_with_force("hidden", folded);
}

/// An entry link marked current (class and `aria-current`) or not.
fn mark(a: &Element, on: bool) {
    let _ = a.class_list().toggle_with_force("current", on);
    if on {
        let _ = a.set_attribute("aria-current", "location");
    } else {
        let _ = a.remove_attribute("aria-current");
    }
}
