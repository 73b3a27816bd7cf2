//! `performance.mark`/`measure` helpers for the `baogao:*` measures.

/// Mark the moment bytes arrived for a report about to be opened.
pub fn mark_bytes_in() {
    if let Some(p) = performance() {
        let _ = p.clear_marks_with_mark_name("baogao:bytes-in");
        let _ = p.mark("baogao:bytes-in");
    }
}

/// Work on a report text longer than this (bytes) that is not needed for the first
/// picture (laying out the text, counting its characters) runs in tasks of its own, after
/// the rest of the page is drawn, so opening it never blocks the page in one long task.
pub const DEFER_BYTES: usize = 1_000_000;

thread_local! {
    /// Parts of the view still being built in later tasks ([`hold`] / [`release`]).
    static PENDING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// A part of the view will be drawn in a later task (a big report's text): the render
/// measure waits for it. Every `hold` is followed by exactly one [`release`].
pub fn hold() {
    PENDING.with(|p| p.set(p.get() + 1));
}

/// The part announced by [`hold`] is built (or will never be).
pub fn release() {
    PENDING.with(|p| p.set(p.get().saturating_sub(1)));
}

/// Run `f` in a task of its own, after the current one, holding the render measure
/// until it has run ([`hold`] then [`release`]): for parts of a big report's view that
/// would otherwise make opening it one long task.
pub fn defer(f: impl FnOnce() + 'static) {
    hold();
    leptos::prelude::set_timeout(
        move || {
            f();
            release();
        },
        std::time::Duration::ZERO,
    );
}

/// Milliseconds since navigation start (`performance.now()`), or 0 without a window.
pub fn now() -> f64 {
    performance().map_or(0.0, |p| p.now())
}

/// Once the next frame is painted, record `baogao:render` (bytes in → drawn) and, for the
/// page's first report on screen (the sample, a link's report, a kept session),
/// `baogao:app-ready` (navigation start → the app has drawn it and answers) and
/// `baogao:first-render` (navigation start → drawn) unless index.html recorded that
/// already, when it showed the prerendered sample. While parts of the view
/// are still held back ([`hold`]), it waits for the frame painted after them.
///
/// "Painted": a task queued from an animation-frame callback runs once that frame's
/// style, layout and paint are done (the event loop runs no task in between), so the
/// measure ends when the picture is complete, not a whole frame later as a second
/// animation frame would.
pub fn measure_after_paint() {
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(
            move || {
                if PENDING.with(|p| p.get()) > 0 {
                    measure_after_paint();
                    return;
                }
                if let Some(p) = performance() {
                    let _ = p.measure_with_start_mark("baogao:render", "baogao:bytes-in");
                    let recorded = |name: &str| p.get_entries_by_name_with_entry_type(name, "measure").length() > 0;
                    if !recorded("baogao:app-ready") {
                        // index.html measured the first picture already if it showed the
                        // build's copy of it (scripts/prerender.mjs).
                        if !recorded("baogao:first-render") {
                            let _ = p.measure("baogao:first-render");
                        }
                        let _ = p.measure("baogao:app-ready");
                    }
                }
            },
            std::time::Duration::ZERO,
        );
    });
}

/// Run `f` once the next frame has been painted (two animation frames, then a task), so
/// work that is not needed to draw a report (saving it, hashing it) never delays it.
/// A hidden page gets no animation frames: a one-second timer runs `f` then instead.
pub fn after_paint(f: impl FnOnce() + 'static) {
    after_paint_boxed(Box::new(f));
}

/// [`after_paint`], compiled once rather than for every caller's closure.
fn after_paint_boxed(f: Box<dyn FnOnce()>) {
    use std::cell::Cell;
    use std::rc::Rc;
    let slot = Rc::new(Cell::new(Some(f)));
    let run = {
        let slot = slot.clone();
        move || {
            if let Some(f) = slot.take() {
                f();
            }
        }
    };
    let run2 = run.clone();
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(run2, std::time::Duration::ZERO);
        });
    });
    leptos::prelude::set_timeout(run, std::time::Duration::from_millis(1000));
}

/// Resolves once the next frame has been painted ([`after_paint`]): for async work the
/// first picture does not need (the catalog's fetch).
pub async fn painted() {
    let p = js_sys::Promise::new(&mut |resolve, _reject| {
        after_paint(move || {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        });
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

