//! `performance.mark`/`measure` helpers for the `baogao:*` measures.

/// Mark the moment bytes arrived for a report about to be opened.
pub fn mark_bytes_in() {
    if let Some(p) = performance() {
        let _ = p.clear_marks_with_mark_name("baogao:bytes-in");
        let _ = p.mark("baogao:bytes-in");
    }
}

/// After the next frame is painted, record `baogao:render` (bytes in → drawn) and,
/// the first time, `baogao:first-render` (navigation start → drawn).
pub fn measure_after_paint(first: bool) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let Some(w) = web_sys::window() else { return };
    // Two nested frames: the first runs before paint, the second after it.
    let cb = Closure::once_into_js(move || {
        let inner = Closure::once_into_js(move || {
            if let Some(p) = performance() {
                let _ = p.measure_with_start_mark("baogao:render", "baogao:bytes-in");
                if first {
                    let _ = p.measure("baogao:first-render");
                }
            }
        });
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(inner.unchecked_ref());
        }
    });
    let _ = w.request_animation_frame(cb.unchecked_ref());
}

/// Run `f` once the next frame has been painted (two animation frames, then a task), so
/// work that is not needed to draw a report (saving it, hashing it) never delays it.
/// A hidden page gets no animation frames: a one-second timer runs `f` then instead.
pub fn after_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    let slot = Rc::new(Cell::new(Some(Box::new(f) as Box<dyn FnOnce()>)));
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

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}
