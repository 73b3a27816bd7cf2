//! Component tests in headless Chromium (wasm-bindgen-test):
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use baogao::ui::app::App;
use baogao::ui::state::AppState;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Let effects, microtasks and a frame run.
async fn tick(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

fn doc() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh_root() -> web_sys::HtmlElement {
    let d = doc();
    // Remove earlier test roots only: the harness reports into its own element in <body>.
    let old = d.query_selector_all(".test-root").unwrap();
    for i in 0..old.length() {
        if let Some(n) = old.item(i) {
            if let Some(p) = n.parent_node() {
                let _ = p.remove_child(&n);
            }
        }
    }
    let el: web_sys::HtmlElement = d.create_element("div").unwrap().dyn_into().unwrap();
    el.set_class_name("test-root");
    d.body().unwrap().append_child(&el).unwrap();
    el
}

fn text_of(testid: &str) -> String {
    doc()
        .query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn app_shows_the_sample_with_title_toc_and_text() {
    let root = fresh_root();
    let handle = leptos::mount::mount_to(root, App);
    tick(50).await;
    let title = text_of("report-title");
    assert!(title.contains("刘永湘"), "speaker in title block: {title}");
    assert!(title.contains("第十七届人民代表大会第一次会议"), "meeting: {title}");
    let toc_links = doc().query_selector_all("[data-testid=toc] a").unwrap().length();
    assert!(toc_links >= 3, "toc entries: {toc_links}");
    let body = text_of("report-text");
    assert!(body.contains("地区生产总值实现1230亿元"));
    assert_eq!(body.matches("我代表市第十六届人民政府向大会报告工作").count(), 1, "one copy only");
    drop(handle);
}

/// Mount a component tree with a given state and return the state.
fn mount_with_state<F, V>(f: F) -> (AppState, leptos::mount::UnmountHandle<V::State>)
where
    F: FnOnce() -> V + 'static,
    V: IntoView + 'static,
{
    let root = fresh_root();
    let (tx, rx) = std::sync::mpsc::channel();
    let handle = leptos::mount::mount_to(root, move || {
        let state = AppState::new();
        provide_context(state);
        tx.send(state).unwrap();
        f()
    });
    (rx.recv().unwrap(), handle)
}

/// UTF-8 opens on the page; bad input keeps it open; a GBK file, which only the
/// parsing worker can decode, gets a clear message when the worker cannot start (this
/// test page has none; the e2e tests open GBK and Word files through the real worker).
#[wasm_bindgen_test]
async fn utf8_report_opens_and_bad_input_keeps_it() {
    use baogao::ui::message::Message;
    use baogao::ui::open::open_bytes;
    use baogao::ui::state::Source;
    use baogao::ui::title_block::TitleBlock;
    let (state, handle) = mount_with_state(|| view! { <Message/><TitleBlock/> });
    let utf8 = include_bytes!("fixtures/bozhou-2024.txt").to_vec();
    assert!(open_bytes(state, "bozhou-2024.txt", utf8, Source::File("z".into()), true).await);
    tick(20).await;
    let msg = text_of("message");
    assert!(msg.contains("UTF-8"), "encoding named: {msg}");
    let title = text_of("report-title");
    assert!(title.contains("秦凤玉"), "speaker: {title}");

    // An empty file and a PNG: a message, and the report stays.
    assert!(!open_bytes(state, "empty.txt", vec![], Source::File("e".into()), true).await);
    tick(20).await;
    assert!(text_of("message").contains("empty.txt"));
    assert!(text_of("report-title").contains("秦凤玉"));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89".to_vec();
    assert!(!open_bytes(state, "x.png", png, Source::File("p".into()), true).await);
    tick(20).await;
    assert!(text_of("message").contains("x.png"));
    assert!(text_of("report-title").contains("秦凤玉"));

    // GBK with no worker to decode it: said so, and the report stays.
    let gbk = include_bytes!("fixtures/national-2015-gbk.txt").to_vec();
    assert!(!open_bytes(state, "national-2015-gbk.txt", gbk, Source::File("n".into()), true).await);
    tick(20).await;
    let msg = text_of("message");
    assert!(msg.contains("national-2015-gbk.txt") && (msg.contains("后台解析") || msg.contains("background parser")), "message: {msg}");
    assert!(text_of("report-title").contains("秦凤玉"));
    assert_eq!(state.docs.get_untracked().len(), 1);
    drop(handle);
}

/// The page's byte scans in wasm SIMD (`report::lanes`) give the scalar answers.
#[wasm_bindgen_test]
fn byte_lanes_in_wasm_simd_match_the_scalar_tests() {
    use baogao::report::lanes::*;
    // Bytes that matter to some test, and filler.
    const ALPHABET: &[u8] = &[
        0x00, 0x01, 0x08, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1F, 0x20, b'<', b'?', b'a', 0x7F,
        0x80, 0x81, 0x8D, 0x8E, 0x9A, 0x9F, 0xA0, 0xAF, 0xBB, 0xBF, 0xC2, 0xE1, 0xE2,
        0xE3, 0xE5, 0xEF, 0xFF,
    ];
    let mut seed = 0x9E37_79B9_7F4A_7C15u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..400 {
        let len = (next() % 300) as usize;
        // Mostly filler, with more or fewer bytes of interest per round.
        let density = 1 + round % 40;
        let b: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if (r % 40) < density as u64 {
                    ALPHABET[(r >> 8) as usize % ALPHABET.len()]
                } else {
                    b'x'
                }
            })
            .collect();
        assert_eq!(chars_and_controls(&b), chars_and_controls_scalar(&b), "{b:?}");
        assert_eq!(count_chars(&b), chars_and_controls_scalar(&b).0, "{b:?}");
        for from in 0..=len {
            assert_eq!(next_invisible_start(&b, from), next_invisible_start_scalar(&b, from), "{b:?} from {from}");
            let limit = (next() as usize) % (len + 40);
            assert_eq!(plain_until(&b, from, limit), plain_until_scalar(&b, from, limit), "{b:?} {from}..{limit}");
        }
    }
    // Every lead byte against the continuation bytes of the invisible chars, at every
    // lane of a window.
    let tails = [0x00u8, 0x80, 0x81, 0x8D, 0x8E, 0x9A, 0x9F, 0xA0, 0xAF, 0xBB, 0xBF, 0xC0];
    for x in 0..=255u8 {
        for &y in &tails {
            for &z in &tails {
                let at = (x as usize + y as usize) % 20;
                let mut b = vec![b'x'; 40];
                b[at..at + 3].copy_from_slice(&[x, y, z]);
                assert_eq!(next_invisible_start(&b, 0), next_invisible_start_scalar(&b, 0), "{x:x} {y:x} {z:x}");
                assert_eq!(plain_until(&b, 0, 40), plain_until_scalar(&b, 0, 40));
            }
        }
    }
}

/// The report text written straight into the page (`ui::text_dom`): every segment's text
/// in order, headings with their ids, each number in its `mark` with a reading, the
/// selected one highlighted, find hits marked with the current one distinct — and
/// markup in a report stays text.
#[wasm_bindgen_test]
fn text_dom_writes_blocks_marks_and_hits_as_text() {
    use baogao::report::Span;
    use baogao::ui::text_dom::{fill, Hits, Now};
    let src = "自贡市政府工作报告\n一、2016年工作回顾\n地区生产总值增长8%，<script>window.__x=1</script><img src=x onerror=\"window.__x=2\">城镇新增就业5万人。\n二、2017年工作安排\n地区生产总值增长7.5%以上。\n";
    let r = baogao::report::parse_text("t.txt", src, "UTF-8");
    let blocks = baogao::layout::display_blocks(&r);
    let hits: Vec<Span> = r
        .text
        .match_indices("地区生产总值")
        .map(|(i, s)| Span::new(i, i + s.len()))
        .collect();
    assert_eq!(hits.len(), 2);
    let numbers: Vec<usize> = blocks.iter().flat_map(|b| &b.segments).filter_map(|s| s.indicator).collect();
    assert!(numbers.len() >= 3, "numbers: {numbers:?}");
    let selected = format!("num-{}", r.indicators[numbers[1]].id);
    let el = doc().create_element("div").unwrap();
    el.set_inner_html("<p>old</p>");
    let now = Now { selected: Some(selected.clone()), zh: true, current_hit: Some(1) };
    fill(&el, &r, &blocks, &Hits { spans: &hits, base: 0 }, &now);

    let want: String = blocks.iter().flat_map(|b| &b.segments).map(|s| &r.text[s.span.start..s.span.end]).collect();
    assert_eq!(el.text_content().unwrap(), want, "the text, in order, and nothing else");
    assert!(el.query_selector("script, img").unwrap().is_none(), "markup stays text");
    assert_eq!(el.children().length() as usize, blocks.len());
    for b in &blocks {
        if let baogao::layout::BlockKind::Heading { section, .. } = &b.kind {
            let h = doc_el(&el, &format!("[id=\"sec-{section}\"]"));
            assert_eq!(h.get_attribute("role").as_deref(), Some("heading"));
            assert_eq!(h.get_attribute("data-section").as_deref(), Some(section.as_str()));
        }
    }
    let marks = el.query_selector_all("mark.num").unwrap();
    assert_eq!(marks.length() as usize, numbers.len());
    for (k, &i) in numbers.iter().enumerate() {
        let m: web_sys::Element = marks.item(k as u32).unwrap().dyn_into().unwrap();
        let ind = &r.indicators[i];
        assert_eq!(m.get_attribute("data-indicator").as_deref(), Some(ind.id.as_str()));
        assert_eq!(m.get_attribute("title"), Some(baogao::layout::reading(ind, true)));
        assert_eq!(m.get_attribute("tabindex").as_deref(), Some("0"));
        let sel = m.id() == selected;
        assert_eq!(m.class_list().contains("selected"), sel);
        assert_eq!(m.get_attribute("aria-pressed").as_deref(), Some(if sel { "true" } else { "false" }));
        assert_eq!(m.get_attribute("data-testid").is_some(), sel);
    }
    assert_eq!(doc_el(&el, "[data-testid=highlight]").id(), selected);
    let found = el.query_selector_all("mark.find-hit").unwrap();
    assert_eq!(found.length(), 2);
    assert_eq!(doc_el(&el, "mark.find-hit.current").id(), "hit-1");
    assert_eq!(doc_el(&el, "#hit-0").text_content().as_deref(), Some("地区生产总值"));
    assert_eq!(doc_el(&el, "#hit-1").get_attribute("data-hit").as_deref(), Some("1"));
}

/// The outline's entries written straight into the page: every listed section an
/// entry with its link, parts with a toggle and a list of their own; folded parts'
/// children written only when unfolded; the current entry marked, and only it; toggle
/// labels follow the language; clicks resolve to the entry; a heading's markup stays text.
#[wasm_bindgen_test]
fn toc_dom_writes_folds_and_marks_entries() {
    use baogao::ui::toc_dom::{hit, Hit, TocDom, TOC_MAX};
    use std::collections::HashSet;
    let src = "自贡市政府工作报告\n一、2016年工作回顾\n（一）经济<b>运行</b>\n地区生产总值增长8%。\n（二）民生\n城镇新增就业5万人。\n二、2017年工作安排\n地区生产总值增长7.5%以上。\n";
    let r = std::sync::Arc::new(baogao::report::parse_text("t.txt", src, "UTF-8"));
    let listed = baogao::layout::toc_entries(&r.sections, TOC_MAX);
    assert!(listed.len() >= 4, "{listed:?}");
    let part = r.sections.iter().find(|s| !s.children.is_empty()).expect("a part with children");
    let child = &part.children[0];
    let el = doc().create_element("ul").unwrap();
    el.set_inner_html("<li>old</li>");
    let folded: HashSet<String> = [part.id.clone()].into();
    let mut t = TocDom::write(&el, r.clone(), &folded, Some(&part.id), true).unwrap();

    // Folded: the part's children are not written yet.
    let link = |id: &str| el.query_selector(&format!("a[data-toc=\"{id}\"]")).unwrap();
    assert!(link(&child.id).is_none(), "children of a folded part wait");
    assert_eq!(el.query_selector_all("li").unwrap().length() as usize, listed.len() - part.children.len());
    let toggle = doc_el(&el, &format!("button.toc-toggle[aria-controls=\"toc-c-{}\"]", part.id));
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert_eq!(toggle.text_content().as_deref(), Some("▶"));
    assert_eq!(toggle.get_attribute("aria-label"), Some(format!("展开 {}", baogao::layout::section_label(part))));
    let list = doc_el(&el, &format!("[id=\"toc-c-{}\"]", part.id));
    assert!(list.has_attribute("hidden"));
    let a = link(&part.id).unwrap();
    assert_eq!(a.get_attribute("href"), Some(format!("#sec-{}", part.id)));
    assert!(a.class_list().contains("current"));
    assert_eq!(a.get_attribute("aria-current").as_deref(), Some("location"));
    assert_eq!(hit(&a.clone().into()), Some(Hit::Go(part.id.clone())));
    let arrow: web_sys::EventTarget = toggle.first_element_child().unwrap().into();
    assert_eq!(hit(&arrow), Some(Hit::Toggle(part.id.clone())));

    // Unfolded: the children are written, the toggle says so; then the current moves.
    t.fold(&HashSet::new());
    assert!(!list.has_attribute("hidden"));
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    assert_eq!(toggle.text_content().as_deref(), Some("▼"));
    assert_eq!(el.query_selector_all("li").unwrap().length() as usize, listed.len());
    t.set_current(Some(&child.id));
    assert_eq!(el.query_selector_all("a.current").unwrap().length(), 1);
    assert!(link(&child.id).unwrap().class_list().contains("current"));
    assert!(!link(&part.id).unwrap().has_attribute("aria-current"));
    t.set_lang(false);
    assert_eq!(toggle.get_attribute("aria-label"), Some(format!("Collapse {}", baogao::layout::section_label(part))));

    // Every listed section has its link, in document order, labelled as text.
    let ids: Vec<String> = (0..el.query_selector_all("a[data-toc]").unwrap().length())
        .map(|k| {
            let a: web_sys::Element = el.query_selector_all("a[data-toc]").unwrap().item(k).unwrap().dyn_into().unwrap();
            a.get_attribute("data-toc").unwrap()
        })
        .collect();
    assert_eq!(ids, listed.iter().map(|s| s.id.clone()).collect::<Vec<_>>());
    assert!(el.query_selector("b").unwrap().is_none(), "markup stays text");
    assert!(el.text_content().unwrap().contains("<b>运行</b>"));
}

/// The headline table's rows written straight into the page: one row per headline
/// indicator with its actual (estimate badge) and target; the selected figure and its
/// row marked, and only they; the cells' interface words follow the language; clicks
/// resolve to the figure, or on the row to its growth; a name's markup stays text.
#[wasm_bindgen_test]
fn headline_dom_writes_rows_marks_and_words() {
    use baogao::report::headline::headline;
    use baogao::ui::headline_dom::HeadlineDom;
    let src = "自贡市政府工作报告\n——2017年1月5日在自贡市第十七届人民代表大会第一次会议上\n一、2016年工作回顾\n预计全年地区生产总值1230亿元、增长7.6%。<b>城镇</b>新增就业5万人。\n二、2017年工作安排\n地区生产总值增长8%以上，能耗下降3%。\n";
    let r = baogao::report::parse_text("t.txt", src, "UTF-8");
    let h = headline(&r);
    let gdp = h.rows.iter().find(|x| x.indicator == "gdp").expect("a GDP row").clone();
    let a = gdp.actual.clone().expect("GDP actual");
    let growth_id = a.ids.iter().find(|id| r.indicators.iter().any(|i| &i.id == *id && i.measure == baogao::report::Measure::Growth)).unwrap().clone();
    let target_id = gdp.target.clone().expect("GDP target").id;
    let el = doc().create_element("tbody").unwrap();
    el.set_inner_html("<tr><td>old</td></tr>");
    let mut d = HeadlineDom::write(&el, &r, h.rows.clone(), false, Some(&target_id), true).unwrap();

    let rows = el.query_selector_all("tr[data-key]").unwrap();
    assert_eq!(rows.length() as usize, h.rows.len(), "one row per headline indicator, the old ones gone");
    let row = doc_el(&el, "tr[data-key=gdp]");
    assert_eq!(row.get_attribute("tabindex").as_deref(), Some("0"));
    assert_eq!(doc_el(&row, "th[scope=row]").text_content().as_deref(), Some(gdp.name.as_str()));
    let fig = |id: &str| doc_el(&el, &format!(".val[data-indicator=\"{id}\"]"));
    assert_eq!(fig(&growth_id).get_attribute("data-role").as_deref(), Some("actual-growth"));
    assert_eq!(fig(&growth_id).text_content().as_deref(), Some("增长7.6%"));
    assert_eq!(fig(&target_id).get_attribute("data-role").as_deref(), Some("target"));
    assert_eq!(fig(&target_id).text_content().as_deref(), Some("≥8%以上"));
    assert_eq!(doc_el(&fig(&target_id), ".sym").get_attribute("title").as_deref(), Some("以上"));
    assert_eq!(doc_el(&row, ".badge.est").text_content().as_deref(), Some("预计"));

    // Selected: the target (given), then the growth; the row stays marked, one figure at a time.
    assert!(fig(&target_id).class_list().contains("selected") && row.class_list().contains("selected"));
    d.set_selected(Some(&growth_id));
    assert_eq!(el.query_selector_all(".val.selected").unwrap().length(), 1);
    assert!(fig(&growth_id).class_list().contains("selected") && row.class_list().contains("selected"));
    d.set_selected(None);
    assert_eq!(el.query_selector_all(".selected").unwrap().length(), 0);

    // Clicks: a figure selects itself; the row (its name) selects the actual's growth.
    let on = |e: &web_sys::Element| -> web_sys::EventTarget { e.clone().into() };
    assert_eq!(d.hit(&on(&doc_el(&fig(&target_id), ".num"))), Some(target_id.clone()));
    assert_eq!(d.hit(&on(&doc_el(&row, "th"))), Some(growth_id.clone()));

    // English: the growth reads +7.6, the badge est.; a fall keeps its word.
    d.set_lang(false);
    assert_eq!(fig(&growth_id).text_content().as_deref(), Some("+7.6%"));
    assert_eq!(doc_el(&row, ".badge.est").text_content().as_deref(), Some("est."));
    let energy = doc_el(&el, "tr[data-key=energy_intensity] .val[data-role=target]");
    assert_eq!(energy.text_content().as_deref(), Some("down3%"));
    d.set_lang(true);
    assert_eq!(energy.text_content().as_deref(), Some("下降3%"));
    assert!(el.query_selector("b").unwrap().is_none(), "markup stays text");
    assert!(doc_el(&el, "tr[data-key=urban_new_jobs] th").text_content().unwrap().contains("<b>城镇</b>"));
}

fn doc_el(root: &web_sys::Element, q: &str) -> web_sys::Element {
    root.query_selector(q).unwrap().unwrap_or_else(|| panic!("{q}"))
}
