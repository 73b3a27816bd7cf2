//! The report text's paragraphs, headings and marks, written straight into the page
//! (`createElement`, `Element.append(text)`), not through a view tree. The text is
//! static — only the find hits, the current hit and the selected number change, and
//! `ReportText` rebuilds a chunk or toggles a class for those — so a view's per-node
//! bookkeeping (states, effects, boxed children) is work with no use. Each string
//! handed from Rust to JavaScript is decoded in a call of its own, so fixed attributes
//! come from cloned prototype elements. Always text nodes, never HTML.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

use crate::find::pieces;
use crate::layout::{self, Block, BlockKind, Segment};
use crate::report::{Report, Span};

/// The state of the marks at the moment a chunk is built; `ReportText` keeps them
/// current afterwards.
pub struct Now {
    /// Id of the selected number's `mark` (`num-…`).
    pub selected: Option<String>,
    /// Readings in Chinese (else English).
    pub zh: bool,
    /// Global index of the current find hit.
    pub current_hit: Option<usize>,
}

/// Find hits inside a chunk: the spans, and the global index of the first.
pub struct Hits<'a> {
    pub spans: &'a [Span],
    pub base: usize,
}

/// Replace `el`'s children with `blocks` of `report`.
pub fn fill(el: &Element, report: &Report, blocks: &[Block], hits: &Hits, now: &Now) {
    el.set_text_content(None);
    let Some(doc) = el.owner_document() else {
        return;
    };
    // A DOM call fails only for a name it rejects; ours are fixed: skip, never panic.
    let Ok(mut w) = Writer::new(&doc, report, hits, now) else {
        return;
    };
    for b in blocks {
        let _ = w.block(el, b);
    }
}

#[wasm_bindgen]
extern "C" {
    /// An element seen through `setAttribute` with the name (and value) already
    /// JavaScript strings: each Rust `&str` handed to JavaScript is decoded on the way,
    /// so the names are made once per chunk.
    #[wasm_bindgen(extends = Element)]
    type Attrs;
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set(this: &Attrs, name: &JsValue, value: &JsValue);
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_str(this: &Attrs, name: &JsValue, value: &str);
}

fn attrs(e: &Element) -> &Attrs {
    e.unchecked_ref()
}

/// `prefix` then `id`, without the formatting machinery (hundreds per chunk).
fn prefixed(prefix: &str, id: &str) -> String {
    let mut s = String::with_capacity(prefix.len() + id.len());
    s.push_str(prefix);
    s.push_str(id);
    s
}

/// Class names by outline level (`h-l0` … `h-l5` from a table, deeper ones written out).
const HEADING_CLASSES: (&str, [&str; 6]) = ("heading h-l", ["heading h-l0", "heading h-l1", "heading h-l2", "heading h-l3", "heading h-l4", "heading h-l5"]);
const RUN_IN_CLASSES: (&str, [&str; 6]) = ("run-in h-l", ["run-in h-l0", "run-in h-l1", "run-in h-l2", "run-in h-l3", "run-in h-l4", "run-in h-l5"]);

fn level_class((prefix, table): (&'static str, [&'static str; 6]), level: u8) -> std::borrow::Cow<'static, str> {
    match table.get(usize::from(level)) {
        Some(c) => (*c).into(),
        None => prefixed(prefix, &level.to_string()).into(),
    }
}

/// Writes blocks: the fixed attributes live on prototype elements that are cloned; only
/// what differs per element (ids, readings, text) crosses as a Rust string.
struct Writer<'a> {
    r: &'a Report,
    hits: &'a Hits<'a>,
    now: &'a Now,
    para: Element,
    heading: Element,
    run_in: Element,
    num: Element,
    hit: Element,
    data_section: JsValue,
    data_indicator: JsValue,
    data_hit: JsValue,
    title: JsValue,
    aria_level: JsValue,
    /// The last `data-section` value written, reused by the paragraphs that follow.
    section: Option<(&'a str, JsValue)>,
    /// The block being written is a table row set out with spaces: its gaps are shown as tabs.
    spaced: bool,
}

impl<'a> Writer<'a> {
    fn new(doc: &Document, r: &'a Report, hits: &'a Hits<'a>, now: &'a Now) -> Result<Self, JsValue> {
        let proto = |tag: &str, attrs: &[(&str, &str)]| -> Result<Element, JsValue> {
            let e = doc.create_element(tag)?;
            for (k, v) in attrs {
                e.set_attribute(k, v)?;
            }
            Ok(e)
        };
        Ok(Writer {
            r,
            hits,
            now,
            para: proto("p", &[])?,
            heading: proto("div", &[("role", "heading")])?,
            run_in: proto("strong", &[("role", "heading")])?,
            num: proto("mark", &[("class", "num"), ("tabindex", "0"), ("role", "button"), ("aria-pressed", "false")])?,
            hit: proto("mark", &[("class", "find-hit")])?,
            data_section: "data-section".into(),
            data_indicator: "data-indicator".into(),
            data_hit: "data-hit".into(),
            title: "title".into(),
            aria_level: "aria-level".into(),
            section: None,
            spaced: false,
        })
    }

    fn clone_of(proto: &Element) -> Result<Element, JsValue> {
        // a clone of an element is an element (no `instanceof` check per node)
        Ok(proto.clone_node()?.unchecked_into::<Element>())
    }

    /// A heading (`div.heading`) or paragraph (`p`), with a run-in heading
    /// (`strong.run-in`) around the segments it covers.
    fn block(&mut self, parent: &Element, b: &'a Block) -> Result<(), JsValue> {
        self.spaced = false;
        let el = match &b.kind {
            BlockKind::Heading { section, level } => {
                let e = Self::clone_of(&self.heading)?;
                e.set_class_name(&level_class(HEADING_CLASSES, *level));
                e.set_id(&prefixed("sec-", section));
                self.set_section(&e, section);
                self.set_level(&e, *level);
                e
            }
            BlockKind::Para => {
                let e = Self::clone_of(&self.para)?;
                self.set_section(&e, b.section.as_deref().unwrap_or(""));
                // a table row (cells split by tabs, as a .docx table is read): columns kept
                // or set out with spaces (text from a PDF): its gaps shown as tab stops
                match self.r.text.get(b.span.start..b.span.end) {
                    Some(t) if t.contains('\t') => e.set_class_name("cells"),
                    Some(t) if crate::report::indicators::tables::spaced_row(t) => {
                        e.set_class_name("cells");
                        self.spaced = true;
                    }
                    _ => {}
                }
                e
            }
        };
        let (head, body) = match &b.lead {
            Some(l) => b
                .segments
                .split_at(b.segments.iter().take_while(|s| s.span.end <= l.span.end).count()),
            None => (&b.segments[..0], &b.segments[..]),
        };
        if let Some(l) = &b.lead {
            let s = Self::clone_of(&self.run_in)?;
            s.set_class_name(&level_class(RUN_IN_CLASSES, l.level));
            s.set_id(&prefixed("sec-", &l.section));
            self.set_level(&s, l.level);
            for seg in head {
                self.segment(&s, seg)?;
            }
            el.append_child(&s)?;
        }
        for seg in body {
            self.segment(&el, seg)?;
        }
        parent.append_child(&el)?;
        Ok(())
    }

    fn set_section(&mut self, e: &Element, section: &'a str) {
        match &self.section {
            Some((s, v)) if *s == section => attrs(e).set(&self.data_section, v),
            _ => {
                let v = JsValue::from_str(section);
                attrs(e).set(&self.data_section, &v);
                self.section = Some((section, v));
            }
        }
    }

    fn set_level(&self, e: &Element, level: u8) {
        // aria-level = level + 1, at most 6
        const ARIA: [&str; 6] = ["1", "2", "3", "4", "5", "6"];
        attrs(e).set_str(&self.aria_level, ARIA[usize::from(level).min(5)]);
    }

    /// A run of text; an indicator's number is wrapped in its `mark.num` (reading as a
    /// tooltip; clicks are handled once for the whole text by `ReportText`).
    fn segment(&self, parent: &Element, seg: &Segment) -> Result<(), JsValue> {
        let Some(ind) = seg.indicator.and_then(|i| self.r.indicators.get(i)) else {
            return self.pieces(parent, seg.span);
        };
        let m = Self::clone_of(&self.num)?;
        let id = prefixed("num-", &ind.id);
        m.set_id(&id);
        attrs(&m).set_str(&self.data_indicator, &ind.id);
        attrs(&m).set_str(&self.title, &layout::reading(ind, self.now.zh));
        if self.now.selected.as_deref() == Some(id.as_str()) {
            m.set_class_name("num selected");
            m.set_attribute("aria-pressed", "true")?;
            m.set_attribute("data-testid", "highlight")?;
        }
        self.pieces(&m, seg.span)?;
        parent.append_child(&m)?;
        Ok(())
    }

    /// A piece of text as the page shows it (a spaced table row's gaps as tabs).
    fn shown<'t>(&self, s: &'t str) -> std::borrow::Cow<'t, str> {
        if self.spaced {
            crate::report::indicators::tables::gaps_to_tabs(s)
        } else {
            std::borrow::Cow::Borrowed(s)
        }
    }

    /// The text of `span` with find hits marked (`mark.find-hit`, the current one
    /// `.current`; the first piece of a hit carries its id `hit-K`).
    fn pieces(&self, parent: &Element, span: Span) -> Result<(), JsValue> {
        let text = self.r.text.as_str();
        let h = self.hits.spans;
        if h.is_empty() || h.last().is_some_and(|x| x.end <= span.start) || h[0].start >= span.end {
            return parent.append_with_str_1(&self.shown(text.get(span.start..span.end).unwrap_or("")));
        }
        for p in pieces(span, h) {
            let s = self.shown(text.get(p.span.start..p.span.end).unwrap_or(""));
            let s = s.as_ref();
            match p.hit {
                None => parent.append_with_str_1(s)?,
                Some(local) => {
                    let k = self.hits.base + local;
                    let m = Self::clone_of(&self.hit)?;
                    if self.now.current_hit == Some(k) {
                        m.set_class_name("find-hit current");
                    }
                    if h[local].start >= span.start {
                        m.set_id(&prefixed("hit-", &k.to_string()));
                    }
                    attrs(&m).set_str(&self.data_hit, &k.to_string());
                    m.append_with_str_1(s)?;
                    parent.append_child(&m)?;
                }
            }
        }
        Ok(())
    }
}
