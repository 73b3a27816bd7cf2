//! The report body (`data-testid="report-text"`): headings and paragraphs from
//! [`crate::layout::display_blocks`], indicator numbers marked (`mark.num`, reading
//! on hover, popover with the section one click away on click), find hits marked
//! (`mark.find-hit`). Always text, never HTML.
//!
//! The first blocks (paragraphs and headings) that fill two screens, [`LEAD_CHUNK`] at
//! most, are drawn with the report;
//! a report of up to [`PER_CHUNK`] blocks gets the rest of its text once that first
//! picture is painted, and keeps it (the browser's own find sees all of it). Longer
//! reports are virtualised: the rest is grouped in chunks of [`PER_CHUNK`]; a chunk is
//! rendered when its placeholder nears the viewport (IntersectionObserver) and dropped
//! again — keeping its measured height — when it is far away. Scrolling to a section,
//! indicator or find hit renders its chunk first.
//!
//! Scrolling also tells the outline where the reader is (`state.section`), without
//! asking for a programmatic scroll.

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::state::{AppState, Lang};
use super::text_dom;
use crate::layout::{self, Block, Chunk};
use crate::report::Report;

/// Blocks (paragraphs and headings) per rendered chunk.
pub const PER_CHUNK: usize = 200;
/// Most blocks in a text's first chunk, which holds what fills [`LEAD_SCREENS`]
/// viewport heights ([`layout::lead_len`]), so opening a report lays out what is seen
/// first, not up to 200 paragraphs (most of them below the headline table).
pub const LEAD_CHUNK: usize = 40;
/// Viewport heights of text in the first chunk.
const LEAD_SCREENS: f64 = 2.0;
/// How far outside the viewport a chunk is still rendered.
const ROOT_MARGIN: &str = "1200px 0px 1200px 0px";

/// What the page keeps of the active report for rendering.
struct Model {
    report: Arc<Report>,
    blocks: Vec<Block>,
    chunks: Vec<Chunk>,
    /// Per chunk: rendered?
    shown: Vec<RwSignal<bool>>,
    /// Per chunk: placeholder height in px (estimated, then measured).
    height: Vec<RwSignal<f64>>,
}

impl Model {
    fn new(report: Arc<Report>) -> Model {
        let blocks = layout::display_blocks(&report);
        let (cpl, line) = metrics();
        let screen = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(900.0);
        let lead = layout::lead_len(&blocks, &report.text, cpl, line, 0.5 * line, LEAD_SCREENS * screen, LEAD_CHUNK);
        let chunks = layout::chunks_led(&blocks, lead, PER_CHUNK);
        let shown = (0..chunks.len()).map(|k| RwSignal::new(k == 0)).collect();
        let height = chunks
            .iter()
            .map(|c| {
                RwSignal::new(layout::estimate_height(
                    &blocks[c.blocks.clone()],
                    &report.text,
                    cpl,
                    line,
                    0.5 * line,
                ))
            })
            .collect();
        Model {
            report,
            blocks,
            chunks,
            shown,
            height,
        }
    }

    /// Id of the `mark` that shows indicator `id`'s number (several indicators may share one).
    fn mark_of(&self, id: &str) -> String {
        let r = &self.report;
        r.indicators
            .iter()
            .find(|x| x.id == id)
            .and_then(|x| layout::mark_for(&self.blocks, x.span))
            .and_then(|i| r.indicators.get(i))
            .map_or_else(|| format!("num-{id}"), |x| format!("num-{}", x.id))
    }

    /// Render the chunk holding byte `at` (if any). True when it was not rendered yet
    /// (the page will shift around it as neighbours render: scroll once more after).
    fn reveal(&self, at: usize) -> bool {
        let Some(k) = layout::chunk_at(&self.chunks, at) else {
            return false;
        };
        let was = self.shown[k].try_get_untracked() == Some(true);
        if !was {
            let _ = self.shown[k].try_set(true);
        }
        !was
    }
}

/// Chars per line and line height (px) of the text column, for placeholder heights.
fn metrics() -> (f64, f64) {
    let w = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1200.0);
    let font = 16.8;
    let sidebar = if w > 800.0 { 300.0 } else { 0.0 };
    let column = (w - sidebar - 64.0).clamp(200.0, 1152.0 - 64.0);
    (column / font, font * 1.9)
}

#[component]
pub fn ReportText() -> impl IntoView {
    let state = AppState::expect();
    let model: StoredValue<Option<Arc<Model>>> = StoredValue::new(None);
    let article = NodeRef::<leptos::html::Article>::new();
    // The popover of a clicked number: (indicator index, top px, left px) within the article.
    let pop: RwSignal<Option<(usize, f64, f64)>> = RwSignal::new(None);
    // While printing, every chunk is rendered and none is dropped.
    let printing = StoredValue::new(false);

    // ---- Virtual rendering: one observer for every chunk placeholder.
    let on_entries = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, _obs: web_sys::IntersectionObserver| {
            let Some(Some(m)) = model.try_get_value() else {
                return;
            };
            for e in entries.iter() {
                let Ok(e) = e.dyn_into::<web_sys::IntersectionObserverEntry>() else {
                    continue;
                };
                let target = e.target();
                let Some(k) = target
                    .get_attribute("data-chunk")
                    .and_then(|s| s.parse::<usize>().ok())
                else {
                    continue;
                };
                let (Some(shown), Some(height)) = (m.shown.get(k), m.height.get(k)) else {
                    continue;
                };
                if e.is_intersecting() {
                    let _ = shown.try_set(true);
                } else if shown.try_get_untracked() == Some(true)
                    && !printing.get_value()
                    && m.chunks.len() > 2
                {
                    let h = target.get_bounding_client_rect().height();
                    if h > 0.0 {
                        let _ = height.try_set(h);
                    }
                    let _ = shown.try_set(false);
                }
            }
        },
    );
    let observer = {
        let init = web_sys::IntersectionObserverInit::new();
        init.set_root_margin(ROOT_MARGIN);
        web_sys::IntersectionObserver::new_with_options(on_entries.as_ref().unchecked_ref(), &init)
            .ok()
    };
    let observer = StoredValue::new_local(observer);
    let on_entries = StoredValue::new_local(Some(on_entries));

    // ---- Print: render everything first.
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        printing.set_value(true);
        if let Some(Some(m)) = model.try_get_value() {
            for s in &m.shown {
                let _ = s.try_set(true);
            }
        }
    });
    let after_print =
        window_event_listener_untyped("afterprint", move |_| printing.set_value(false));

    // ---- Scroll spy: the section at the top of the text column becomes `state.section`.
    let pending = Rc::new(Cell::new(false));
    let spy = window_event_listener(leptos::ev::scroll, move |_| {
        if pending.replace(true) {
            return;
        }
        let pending = pending.clone();
        request_animation_frame(move || {
            pending.set(false);
            if let Some(el) = article.get_untracked() {
                spy_section(state, &el);
            }
        });
    });

    // ---- Escape closes the popover.
    let esc = window_event_listener(leptos::ev::keydown, move |e| {
        if e.key() == "Escape" && pop.get_untracked().is_some() {
            pop.set(None);
        }
    });

    on_cleanup(move || {
        if let Some(Some(o)) = observer.try_get_value() {
            o.disconnect();
        }
        on_entries.try_update_value(|c| c.take());
        before_print.remove();
        after_print.remove();
        spy.remove();
        esc.remove();
    });

    // The doc whose (big) text may be laid out now; see DEFER_BYTES.
    let released: RwSignal<Option<u32>> = RwSignal::new(None);

    // ---- Scroll to the chosen section or indicator when asked — and once more when a
    // deferred text is laid out (a link's section or indicator was asked for before).
    Effect::new(move |_| {
        state.scroll_request.track();
        released.track();
        let Some(Some(m)) = model.try_get_value() else {
            return;
        };
        let r = &m.report;
        if let Some(id) = state.selected.get_untracked() {
            if let Some(ind) = r.indicators.iter().find(|x| x.id == id) {
                let settle = m.reveal(ind.span.start);
                let el = m.mark_of(&id);
                scroll_when_ready(el, web_sys::ScrollLogicalPosition::Center, 20, settle);
                return;
            }
        }
        if let Some(sec) = state.section.get_untracked() {
            if let Some(s) = layout::section_path(&r.sections, &sec).last() {
                let settle = m.reveal(s.heading_span.start);
                scroll_when_ready(
                    format!("sec-{sec}"),
                    web_sys::ScrollLogicalPosition::Start,
                    20,
                    settle,
                );
            }
        }
    });

    // ---- Scroll to the current find hit when it changes (not on mount).
    Effect::new(move |prev: Option<()>| {
        let cur = state.find_current.get();
        if prev.is_none() {
            return;
        }
        let Some(k) = cur else { return };
        let Some(Some(m)) = model.try_get_value() else {
            return;
        };
        let Some(h) = state.find_hits.with_untracked(|h| h.get(k).copied()) else {
            return;
        };
        let settle = m.reveal(h.start);
        scroll_when_ready(
            format!("hit-{k}"),
            web_sys::ScrollLogicalPosition::Center,
            20,
            settle,
        );
    });

    // ---- The current find hit is marked `.current` (chunks built later read it themselves).
    Effect::new(move |_| {
        let cur = state.find_current.get();
        let Some(a) = article.get_untracked() else {
            return;
        };
        let now = cur.map(|k| format!("mark.find-hit[data-hit=\"{k}\"]"));
        for (sel, on) in [(Some("mark.find-hit.current".to_string()), false), (now, true)] {
            let Some(list) = sel.and_then(|q| a.query_selector_all(&q).ok()) else {
                continue;
            };
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                    let _ = el.class_list().toggle_with_force("current", on);
                }
            }
        }
    });

    // ---- The selected indicator's mark: marks are built plain (with the selection of the
    // moment), and this one effect moves the highlight when the selection changes.
    let marked: StoredValue<Option<String>> = StoredValue::new(None);
    Effect::new(move |_| {
        let sel = state.selected.get();
        released.track();
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let want = match (sel, model.try_get_value().flatten()) {
            (Some(id), Some(m)) => Some(m.mark_of(&id)),
            _ => None,
        };
        let had = marked.try_get_value().flatten();
        if had == want {
            return;
        }
        if let Some(el) = had.and_then(|id| doc.get_element_by_id(&id)) {
            set_highlight(&el, false);
        }
        if let Some(el) = want.as_deref().and_then(|id| doc.get_element_by_id(id)) {
            set_highlight(&el, true);
        }
        marked.set_value(want);
    });

    // ---- Readings follow the interface language (marks built later read it themselves).
    Effect::new(move |prev: Option<()>| {
        let zh = state.lang.get() == Lang::Zh;
        if prev.is_none() {
            return;
        }
        let (Some(a), Some(Some(m))) = (article.get_untracked(), model.try_get_value()) else {
            return;
        };
        if let Ok(list) = a.query_selector_all("mark.num") {
            for k in 0..list.length() {
                let Some(el) = list.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                if let Some(ind) = el
                    .get_attribute("data-indicator")
                    .and_then(|id| m.report.indicators.iter().find(|x| x.id == id))
                {
                    let _ = el.set_attribute("title", &layout::reading(ind, zh));
                }
            }
        }
    });

    // ---- A click (or Enter / Space) on a number: select it and open its popover. One
    // listener for the whole text, not two per number.
    let open_mark = move |target: Option<web_sys::EventTarget>| -> bool {
        let Some(el) = target
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("mark.num").ok().flatten())
        else {
            return false;
        };
        let Some(Some(m)) = model.try_get_value() else {
            return false;
        };
        let Some(id) = el.get_attribute("data-indicator") else {
            return false;
        };
        let Some(i) = m.report.indicators.iter().position(|x| x.id == id) else {
            return false;
        };
        state.selected.set(Some(id));
        if let Some(a) = article.get_untracked() {
            let ar = a.get_bounding_client_rect();
            let mr = el.get_bounding_client_rect();
            let left = (mr.left() - ar.left())
                .min((ar.width() - 340.0).max(0.0))
                .max(0.0);
            pop.set(Some((i, mr.bottom() - ar.top() + 6.0, left)));
        }
        true
    };
    let on_click = move |e: web_sys::MouseEvent| {
        open_mark(e.target());
    };
    let on_key = move |e: web_sys::KeyboardEvent| {
        if (e.key() == "Enter" || e.key() == " ") && open_mark(e.target()) {
            e.prevent_default();
        }
    };

    let body = move || {
        let doc = state.active_doc()?;
        let r = doc.report;
        pop.set(None);
        if r.text.len() > super::perf::DEFER_BYTES && released.get() != Some(doc.key) {
            retire(model, None);
            super::perf::defer(move || {
                let _ = released.try_set(Some(doc.key));
            });
            return Some(
                view! {
                    <div class="report-body" aria-busy="true">
                        <p class="muted">{move || state.tr("正在排版正文…", "Laying out the text…")}</p>
                    </div>
                }
                .into_any(),
            );
        }
        let m = Arc::new(Model::new(r.clone()));
        if let [_, rest] = m.shown[..] {
            // Lead and rest (never dropped, see `on_entries`): the rest once the first
            // picture is painted. Gone with the report if another replaced it by then.
            super::perf::after_paint(move || {
                let _ = rest.try_set(true);
            });
        }
        retire(model, Some(m.clone()));
        marked.set_value(None);
        let chunks = (0..m.chunks.len())
            .map(|k| chunk_view(state, m.clone(), k))
            .collect_view();
        // One observer for every chunk placeholder, attached once they are in the page.
        let node = NodeRef::<leptos::html::Div>::new();
        node.on_load(move |el| {
            if let Some(Some(o)) = observer.try_get_value() {
                let kids = el.children();
                for i in 0..kids.length() {
                    if let Some(c) = kids.item(i) {
                        o.observe(&c);
                    }
                }
            }
        });
        Some(
            view! {
                <div class="report-body" class:plain=!r.looks_like_report node_ref=node>{chunks}</div>
            }
            .into_any(),
        )
    };

    let popover = move || {
        let (i, top, left) = pop.get()?;
        let m = model.get_value()?;
        let r = m.report.clone();
        let ind = r.indicators.get(i)?.clone();
        let zh = state.lang.get() == Lang::Zh;
        let path = ind
            .section
            .as_deref()
            .map(|s| layout::section_path(&r.sections, s))
            .unwrap_or_default();
        let target = path
            .last()
            .map(|s| (s.id.clone(), layout::section_label(s)));
        let sentence = ind.sentence.clone();
        Some(view! {
            <div class="num-popover" data-testid="num-popover" role="dialog"
                aria-label=move || state.tr("指标", "Indicator")
                style=format!("top:{top:.0}px;left:{left:.0}px")>
                <button class="pop-close" aria-label=move || state.tr("关闭", "Close")
                    on:click=move |_| pop.set(None)>"×"</button>
                <div class="pop-reading">{layout::reading(&ind, zh)}</div>
                <blockquote class="pop-sentence" lang="zh-CN">{sentence}</blockquote>
                {target.map(|(sec, label)| view! {
                    <button class="pop-section link-button" data-testid="num-section"
                        on:click=move |_| {
                            pop.set(None);
                            state.selected.set(None);
                            state.section.set(Some(sec.clone()));
                            state.scroll_request.update(|n| *n += 1);
                        }>
                        <span class="muted">{move || state.tr("所在章节：", "Section: ")}</span>{label}
                    </button>
                })}
            </div>
        })
    };

    view! {
        <article class="report-text" data-testid="report-text" lang="zh-CN" node_ref=article
            aria-label=move || state.tr("报告正文", "Report text")
            on:click=on_click on:keydown=on_key>
            {body}
            {popover}
        </article>
    }
}

/// Put `next` in `model`; the model it replaces is freed once the new report is painted.
fn retire(model: StoredValue<Option<Arc<Model>>>, next: Option<Arc<Model>>) {
    if let Some(old) = model.try_update_value(|v| std::mem::replace(v, next)).flatten() {
        super::perf::after_paint(move || drop(old));
    }
}

/// One chunk: its placeholder `div` (observed) and, when shown, its blocks — written
/// into the `div` as it is built ([`text_dom::fill`]), and again when it is shown or
/// dropped or the find hits inside it change.
fn chunk_view(state: AppState, m: Arc<Model>, k: usize) -> impl IntoView {
    let shown = m.shown[k];
    let height = m.height[k];
    let span = m.chunks[k].span;
    // The find hits inside this chunk (global index of the first, the spans).
    let hits = Memo::new(move |_| {
        state.find_hits.with(|h| {
            let a = h.partition_point(|x| x.end <= span.start);
            let b = h.partition_point(|x| x.start < span.end);
            (a, h[a..b.max(a)].to_vec())
        })
    });
    let style = move || {
        if shown.get() {
            String::new()
        } else {
            format!("height:{:.0}px", height.get())
        }
    };
    let fill = move |el: web_sys::Element| {
        let m = m.clone();
        // Runs now (as the chunk is built), then whenever `shown` or the hits change; it
        // lives as long as the chunk's owner (the open report's text).
        let effect = RenderEffect::new(move |_| {
            if !shown.get() {
                el.set_text_content(None);
                return;
            }
            hits.with(|(base, spans)| {
                // Built with the selection, language and current hit of the moment;
                // effects in `ReportText` keep them current.
                let now = text_dom::Now {
                    selected: state.selected.get_untracked().map(|id| m.mark_of(&id)),
                    zh: state.lang.get_untracked() == Lang::Zh,
                    current_hit: state.find_current.get_untracked(),
                };
                let hits = text_dom::Hits { spans, base: *base };
                text_dom::fill(&el, &m.report, &m.blocks[m.chunks[k].blocks.clone()], &hits, &now);
            });
        });
        StoredValue::new_local(effect);
    };
    view! {
        <div class="chunk" data-chunk=k.to_string() style=style use:fill></div>
    }
}

/// Mark or unmark a number as the selected one (class, `aria-pressed`, test id).
fn set_highlight(el: &web_sys::Element, on: bool) {
    let _ = el.class_list().toggle_with_force("selected", on);
    let _ = el.set_attribute("aria-pressed", if on { "true" } else { "false" });
    if on {
        let _ = el.set_attribute("data-testid", "highlight");
    } else {
        let _ = el.remove_attribute("data-testid");
    }
}

/// Set `state.section` to the section of the text at the top of the viewport.
fn spy_section(state: AppState, article: &web_sys::HtmlElement) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let top = doc
        .query_selector(".toolbar")
        .ok()
        .flatten()
        .map_or(0.0, |t| t.get_bounding_client_rect().bottom().max(0.0));
    let ar = article.get_bounding_client_rect();
    let y = top + 24.0;
    if ar.top() > y {
        // Above the text (title block, tables): no section yet.
        if state.section.get_untracked().is_some() && ar.top() > y + 80.0 {
            state.section.set(None);
        }
        return;
    }
    if ar.bottom() < y {
        return;
    }
    // At the very bottom the last headings can never reach the top: a section the
    // reader went to (TOC, link) stays current while its heading is on screen.
    if let (Some(cur), Some(se)) = (state.section.get_untracked(), doc.scrolling_element()) {
        let at_bottom = se.scroll_top() + se.client_height() >= se.scroll_height() - 2;
        if at_bottom {
            if let Some(el) = doc.get_element_by_id(&format!("sec-{cur}")) {
                let r = el.get_bounding_client_rect();
                if r.top() >= top && r.bottom() <= se.client_height() as f64 {
                    return;
                }
            }
        }
    }
    let x = ar.left() + ar.width().min(120.0) / 2.0;
    // Probe a few points down the column: margins between paragraphs hit the article.
    for dy in [0.0, 16.0, 32.0, 56.0, 88.0] {
        let Some(el) = doc.element_from_point(x as f32, (y + dy) as f32) else {
            continue;
        };
        let Some(block) = el.closest("[data-section]").ok().flatten() else {
            continue;
        };
        let Some(sec) = block.get_attribute("data-section") else {
            continue;
        };
        if sec.is_empty() {
            if state.section.get_untracked().is_some() {
                state.section.set(None);
            }
        } else if state.section.get_untracked().as_deref() != Some(sec.as_str()) {
            state.section.set(Some(sec));
        }
        return;
    }
}

/// Scroll to the element `id` once it is rendered (tries for a few frames); when its
/// chunk was just rendered (`settle`), once more after layout settles if it has been
/// pushed out of view.
fn scroll_when_ready(id: String, block: web_sys::ScrollLogicalPosition, tries: u32, settle: bool) {
    request_animation_frame(move || {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        match doc.get_element_by_id(&id) {
            Some(el) => {
                scroll_into_view(&el, block);
                // Content above may still grow (a chunk just rendered, charts sizing
                // themselves): keep the target in view for a moment, unless the reader scrolls.
                let delays: &'static [u64] = if settle { &[150, 400, 800, 1500] } else { &[300, 800, 1500] };
                settle_check(id, block, delays, scroll_y());
            }
            None if tries > 0 => scroll_when_ready(id, block, tries - 1, settle),
            None => {}
        }
    });
}

/// While chunks above the target render and change height, keep the target on screen:
/// check after each delay (ms) and scroll back only when it has been pushed out of view.
fn settle_check(id: String, block: web_sys::ScrollLogicalPosition, delays: &'static [u64], at_y: f64) {
    let Some((&first, rest)) = delays.split_first() else {
        return;
    };
    set_timeout(
        move || {
            let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
            else {
                return;
            };
            let h = web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|v| v.as_f64())
                .unwrap_or(800.0);
            if (scroll_y() - at_y).abs() > 2.0 {
                return; // the reader has scrolled: leave them where they are
            }
            let r = el.get_bounding_client_rect();
            if r.top() < 0.0 || r.bottom() > h {
                scroll_into_view(&el, block);
            }
            settle_check(id, block, rest, scroll_y());
        },
        Duration::from_millis(first),
    );
}

fn scroll_y() -> f64 {
    web_sys::window().and_then(|w| w.scroll_y().ok()).unwrap_or(0.0)
}

fn scroll_into_view(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_behavior(web_sys::ScrollBehavior::Instant);
    opts.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}
