//! Save bytes as a file from the page: a Blob, an object URL and a temporary
//! `<a download>` (no server involved).

use wasm_bindgen::JsCast;

/// Offer `data` to the user as a download named `filename` with MIME type `mime`.
/// Failures (a browser without Blob/URL support) are logged, never panic; use
/// [`try_download`] to show them to the user.
pub fn download(filename: &str, mime: &str, data: &[u8]) {
    if let Err(e) = try_download(filename, mime, data) {
        leptos::logging::error!("download of {filename} failed: {e}");
    }
}

/// [`download`], reporting why it could not start.
pub fn try_download(filename: &str, mime: &str, data: &[u8]) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::new();
    parts.push(&js_sys::Uint8Array::from(data));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts)
        .map_err(|e| format!("Blob: {e:?}"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("URL: {e:?}"))?;
    let a = document
        .create_element("a")
        .map_err(|e| format!("<a>: {e:?}"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "not an anchor")?;
    a.set_href(&url);
    a.set_download(filename);
    a.set_attribute("style", "display:none").ok();
    let body = document.body().ok_or("no body")?;
    body.append_child(&a)
        .map_err(|e| format!("append: {e:?}"))?;
    a.click();
    a.remove();
    // Revoke once the browser has taken the blob (revoking synchronously can cancel it).
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
