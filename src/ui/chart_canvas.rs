//! One chart in the page (`data-testid="chart"`): a `<canvas>` drawn with plotters
//! (`CanvasBackend`), crisp on HiDPI screens (drawn at `devicePixelRatio` × the CSS size),
//! redrawn when its box resizes (ResizeObserver) and when the colour scheme flips
//! (matchMedia). Hovering a bar shows its value in a tooltip; clicking it selects the
//! indicator, switches to the report and scrolls to its sentence. Buttons export the chart
//! as SVG (`data-testid="export-svg"`, plotters' SVG backend) and PNG
//! (`data-testid="export-png"`, drawn at 2×). A "data" list under the chart offers the
//! same selection to keyboard users.

use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::download::try_download;
use super::state::{AppState, Tab};
use crate::chart::{hit_at, render_svg, ChartData, Hit, Theme};

/// Width used for exports when the chart has not been laid out yet.
const EXPORT_WIDTH: u32 = 880;

#[component]
pub fn ChartCanvas(
    chart: ChartData,
    /// The report's file name (export names).
    #[prop(into)]
    file: String,
) -> impl IntoView {
    let state = AppState::expect();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    let wrap_ref = NodeRef::<leptos::html::Div>::new();
    let width = RwSignal::new(0u32);
    let hits = RwSignal::new(Vec::<Hit>::new());
    let tip = RwSignal::new(None::<(f64, f64, String, String)>);
    let dark = dark_mode();
    let kind = chart.kind().name();
    let title = chart.title().to_string();
    let stem = chart.file_stem(&file);
    let chart = StoredValue::new(chart);

    follow_width(wrap_ref, width);

    // Draw (again) on width or colour-scheme change.
    Effect::new(move |_| {
        let w = width.get();
        let is_dark = dark.get();
        let Some(canvas) = canvas_ref.get() else {
            return;
        };
        if w == 0 {
            return;
        }
        let theme = if is_dark {
            Theme::dark()
        } else {
            Theme::light()
        };
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .clamp(1.0, 4.0);
        match chart.with_value(|c| draw_on_canvas(&canvas, c, w, dpr, &theme)) {
            Ok(h) => hits.set(h),
            Err(e) => leptos::logging::error!("chart {kind}: {e}"),
        }
    });

    let on_move = move |ev: web_sys::MouseEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        let found = hits
            .with_untracked(|h| hit_at(h, x, y).map(|h| (h.label.clone(), h.indicator_id.clone())));
        if let Some(c) = canvas_ref.get_untracked() {
            let _ = web_sys::HtmlElement::style(&c).set_property(
                "cursor",
                if found.is_some() {
                    "pointer"
                } else {
                    "default"
                },
            );
        }
        // Only re-render the tooltip when it changes (mousemove fires often).
        let next = found.map(|(l, id)| (x, y, l, id));
        let same = tip.with_untracked(|t| match (t, &next) {
            (Some(a), Some(b)) => a.3 == b.3 && (a.0 - b.0).abs() < 1.0 && (a.1 - b.1).abs() < 1.0,
            (None, None) => true,
            _ => false,
        });
        if !same {
            tip.set(next);
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let (x, y) = (ev.offset_x() as f64, ev.offset_y() as f64);
        if let Some(id) = hits.with_untracked(|h| hit_at(h, x, y).map(|h| h.indicator_id.clone())) {
            select(state, id);
        }
    };

    let svg_name = format!("{stem}.svg");
    let export_svg = move |_| {
        let w = width.get_untracked();
        let w = if w == 0 {
            EXPORT_WIDTH
        } else {
            w.clamp(360, 1600)
        };
        let (svg, _) = chart.with_value(|c| render_svg(c, w, 0, &Theme::light()));
        let doc = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{svg}");
        if let Err(e) = try_download(&svg_name, "image/svg+xml", doc.as_bytes()) {
            state.error(format!(
                "{}: {e}",
                state.tr_now("无法导出 SVG", "Could not export SVG")
            ));
        }
    };
    let png_name = format!("{stem}.png");
    let export_png = move |_| {
        let w = width.get_untracked();
        let w = if w == 0 {
            EXPORT_WIDTH
        } else {
            w.clamp(360, 1600)
        };
        let result = chart.with_value(|c| png_bytes(c, w));
        match result.and_then(|bytes| try_download(&png_name, "image/png", &bytes)) {
            Ok(()) => {}
            Err(e) => state.error(format!(
                "{}: {e}",
                state.tr_now("无法导出 PNG", "Could not export PNG")
            )),
        }
    };

    let aria = title.clone();
    view! {
        <figure class="chart" data-testid="chart" data-chart=kind>
            <div class="chart-tools" role="group" aria-label=move || state.tr("导出图表", "Export chart")>
                <button class="button small" data-testid="export-svg" on:click=export_svg
                    title=move || state.tr("下载 SVG 矢量图", "Download as SVG")>"SVG"</button>
                <button class="button small" data-testid="export-png" on:click=export_png
                    title=move || state.tr("下载 PNG 图片（2 倍分辨率）", "Download as PNG (2×)")>"PNG"</button>
            </div>
            <div class="chart-canvas-wrap" node_ref=wrap_ref on:mouseleave=move |_| tip.set(None)>
                <canvas node_ref=canvas_ref role="img" aria-label=aria
                    on:mousemove=on_move on:click=on_click></canvas>
                {move || tip.get().map(|(x, y, label, id)| {
                    let w = width.get_untracked() as f64;
                    let left = x > w * 0.6;
                    let style = if left {
                        format!("right:{}px;top:{}px", (w - x + 12.0).max(0.0), y + 14.0)
                    } else {
                        format!("left:{}px;top:{}px", x + 12.0, y + 14.0)
                    };
                    let lines = label.lines().filter(|l| !l.trim().is_empty()).map(|l| {
                        view! { <div class="chart-tip-line">{l.to_string()}</div> }
                    }).collect_view();
                    view! { <div class="chart-tip" data-testid="chart-tooltip" data-indicator=id role="tooltip" style=style>{lines}</div> }
                })}
            </div>
            <details class="chart-data">
                <summary>{move || state.tr("数据（点击跳到原文）", "Data (click to go to the sentence)")}</summary>
                <ul>
                    {move || {
                        let mut seen = std::collections::HashSet::new();
                        hits.get().into_iter().filter(|h| seen.insert(h.indicator_id.clone())).map(|h| {
                            let id = h.indicator_id.clone();
                            let text = h.label.lines().take(2).collect::<Vec<_>>().join(" · ");
                            view! {
                                <li><button class="linklike" data-indicator=h.indicator_id.clone()
                                    on:click=move |_| select(state, id.clone())>{text}</button></li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </details>
        </figure>
    }
}

/// Select an indicator, show the report and ask it to scroll to the sentence.
fn select(state: AppState, id: String) {
    state.selected.set(Some(id));
    state.tab.set(Tab::Text);
    state.scroll_request.update(|n| *n += 1);
}

/// Size `canvas` to `css_w` × the chart's height at `scale` device pixels per CSS pixel and
/// draw; returns hit boxes in CSS pixels.
pub fn draw_on_canvas(
    canvas: &web_sys::HtmlCanvasElement,
    chart: &ChartData,
    css_w: u32,
    scale: f64,
    theme: &Theme,
) -> Result<Vec<Hit>, String> {
    let area = canvas_area(canvas, css_w, chart.height_for(css_w), scale)?;
    let hits = chart.draw(&area, theme).map_err(|e| format!("{e:?}"))?;
    area.present().map_err(|e| format!("{e:?}"))?;
    Ok(hits)
}

/// Size `canvas` to `css_w` × `css_h` CSS pixels, backed by `scale` device pixels per CSS
/// pixel, and return a plotters drawing area in CSS pixels (the same for every chart on
/// a canvas: the page's charts, the comparison charts, PNG export).
pub fn canvas_area(
    canvas: &web_sys::HtmlCanvasElement,
    css_w: u32,
    css_h: u32,
    scale: f64,
) -> Result<DrawingArea<CanvasBackend, plotters::coord::Shift>, String> {
    canvas.set_width((css_w as f64 * scale).round() as u32);
    canvas.set_height((css_h as f64 * scale).round() as u32);
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("height", &format!("{css_h}px"));
    let ctx = canvas
        .get_context("2d")
        .map_err(|e| format!("{e:?}"))?
        .ok_or("no 2d context")?
        .dyn_into::<web_sys::CanvasRenderingContext2d>()
        .map_err(|_| "not a 2d context")?;
    // Draw in CSS pixels; the transform maps them to device pixels.
    ctx.set_transform(scale, 0.0, 0.0, scale, 0.0, 0.0)
        .map_err(|e| format!("{e:?}"))?;
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("no canvas backend")?;
    Ok(backend.into_drawing_area().shrink((0, 0), (css_w, css_h)))
}

/// Keep `width` at the width of the element behind `wrap` (CSS pixels), from a
/// ResizeObserver (disconnected with the owner). Its first report comes in the frame the
/// element is first laid out, after that frame's layout and before its paint, so the
/// chart is drawn in the same frame without forcing a layout of the page in between
/// (reading `clientWidth` as soon as the element is mounted would lay out the whole new
/// page, report text included, once more than the frame itself does).
pub fn follow_width(wrap: NodeRef<leptos::html::Div>, width: RwSignal<u32>) {
    let observer = StoredValue::new_local(None::<ResizeGuard>);
    Effect::new(move |_| {
        let Some(el) = wrap.get() else { return };
        if observer.with_value(|o| o.is_none()) {
            observer.set_value(ResizeGuard::observe(&el, width));
        }
    });
}

/// The chart as PNG bytes, drawn on an offscreen canvas at 2× (light theme).
pub fn png_bytes(chart: &ChartData, css_w: u32) -> Result<Vec<u8>, String> {
    use base64::Engine as _;
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let canvas = doc
        .create_element("canvas")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into::<web_sys::HtmlCanvasElement>()
        .map_err(|_| "not a canvas")?;
    draw_on_canvas(&canvas, chart, css_w, 2.0, &Theme::light())?;
    let url = canvas
        .to_data_url_with_type("image/png")
        .map_err(|e| format!("{e:?}"))?;
    let b64 = url.split_once(',').map(|(_, b)| b).ok_or("bad data URL")?;
    base64::engine::general_purpose::STANDARD
        .decode(b64)
        .map_err(|e| e.to_string())
}

/// Keeps a ResizeObserver (and its callback) alive; disconnects when dropped with the
/// component's owner.
struct ResizeGuard {
    observer: web_sys::ResizeObserver,
    _callback: Closure<dyn FnMut(js_sys::Array)>,
}

impl ResizeGuard {
    fn observe(el: &web_sys::HtmlDivElement, width: RwSignal<u32>) -> Option<ResizeGuard> {
        // The width the observer reports (the wrap has no padding or border, so its content
        // box is its client width), not `clientWidth`: reading layout here could force a
        // layout when another chart, drawn in a callback before this one, changed the page.
        let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Some(entry) = entries
                .iter()
                .filter_map(|e| e.dyn_into::<web_sys::ResizeObserverEntry>().ok())
                .last()
            else {
                return;
            };
            let w = entry.content_rect().width().round().max(0.0) as u32;
            if width.try_get_untracked().is_some_and(|old| old != w) {
                width.set(w);
            }
        });
        let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
        observer.observe(el);
        Some(ResizeGuard {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for ResizeGuard {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// `prefers-color-scheme: dark`, live.
pub fn dark_mode() -> ReadSignal<bool> {
    let mql = web_sys::window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten());
    let (dark, set_dark) = signal(mql.as_ref().is_some_and(|m| m.matches()));
    if let Some(mql) = mql {
        let guard = MediaGuard::listen(mql, set_dark);
        StoredValue::new_local(guard);
    }
    dark
}

/// Keeps a matchMedia `change` listener alive; removes it when dropped.
struct MediaGuard {
    mql: web_sys::MediaQueryList,
    callback: Closure<dyn FnMut(web_sys::Event)>,
}

impl MediaGuard {
    fn listen(mql: web_sys::MediaQueryList, set: WriteSignal<bool>) -> MediaGuard {
        let m = mql.clone();
        let callback = Closure::<dyn FnMut(web_sys::Event)>::new(move |_e: web_sys::Event| {
            let _ = set.try_set(m.matches());
        });
        let _ = mql.add_event_listener_with_callback("change", callback.as_ref().unchecked_ref());
        MediaGuard { mql, callback }
    }
}

impl Drop for MediaGuard {
    fn drop(&mut self) {
        let _ = self
            .mql
            .remove_event_listener_with_callback("change", self.callback.as_ref().unchecked_ref());
    }
}
