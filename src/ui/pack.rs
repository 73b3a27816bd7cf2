//! Packing a report for keeping in `localStorage`: SHA-256 and base64url(deflate), by the
//! browser's own `crypto.subtle` and `CompressionStream` where it has them (native code,
//! several times faster than this page's size-optimised wasm), else by
//! [`Packer`] a 256 KB slice per task. Either way a report whose packed form
//! cannot fit [`STORE_LIMIT`] is found out from its first MB ([`may_fit`]) and only hashed.
//! Plain async functions, no views.

use js_sys::{Array, Function, Promise, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::share::doc::encode_deflated;
use crate::share::store::{may_fit, Packer, JUDGE_AFTER, STORE_LIMIT};

/// Bytes hashed and compressed per task by [`Packer`]; a report of at most this is packed
/// in one go (no yield), so that leaving the page can still keep it synchronously.
pub const PACK_SLICE: usize = 256 * 1024;

/// A report's SHA-256 (hex) and, when it fits [`STORE_LIMIT`], its packed form.
pub struct Packed {
    pub sha256: String,
    pub data: Option<String>,
}

/// Pack `bytes`. `go_on` is asked between slices; when it says no (a newer save took
/// over), packing stops and the answer is None, as it is when deflate fails.
pub async fn pack(bytes: &[u8], go_on: impl Fn() -> bool) -> Option<Packed> {
    // Too big to fit even after compression: only hashed (for the recent list).
    let hopeless = bytes.len() > 8 * STORE_LIMIT;
    // A report of one slice is packed here in one go (see PACK_SLICE); a bigger one is
    // hashed by the browser where it can, and deflated by it too where it can.
    let browser_sha = if bytes.len() > PACK_SLICE { sha256_by_browser(bytes).await } else { None };
    if let Some(sha256) = &browser_sha {
        let data = if hopeless { Some(None) } else { deflate_fitting_by_browser(bytes).await };
        if let Some(data) = data {
            return go_on().then(|| Packed { sha256: sha256.clone(), data });
        }
    }
    let mut packer = if hopeless {
        Packer::hash_only()
    } else {
        Packer::with_limit(bytes.len(), STORE_LIMIT)
    };
    for slice in bytes.chunks(PACK_SLICE) {
        if !packer.fits() && browser_sha.is_some() {
            // Only the hash was left to do, and the browser has done it.
            break;
        }
        packer.feed(slice);
        if bytes.len() > PACK_SLICE {
            super::worker_client::yield_now().await;
            if !go_on() {
                return None;
            }
        }
    }
    let fits = packer.fits();
    let (sha, data) = packer.finish()?;
    Some(Packed {
        // The packer's own hash is partial when it stopped early for the browser's.
        sha256: browser_sha.unwrap_or(sha),
        data: (fits && data.len() <= STORE_LIMIT).then_some(data),
    })
}

/// base64url(deflate(`bytes`)) by the browser, `Some(None)` when it cannot fit
/// [`STORE_LIMIT`] (judged from the first MB first, [`may_fit`]); None where the browser
/// has no `CompressionStream("deflate-raw")`.
async fn deflate_fitting_by_browser(bytes: &[u8]) -> Option<Option<String>> {
    if bytes.len() > JUDGE_AFTER {
        let head = deflate_by_browser(&bytes[..JUDGE_AFTER]).await?;
        if !may_fit(head.len(), JUDGE_AFTER, bytes.len(), STORE_LIMIT) {
            return Some(None);
        }
    }
    let data = encode_deflated(&deflate_by_browser(bytes).await?);
    Some((data.len() <= STORE_LIMIT).then_some(data))
}

/// SHA-256 (hex) of `bytes` by the browser (`crypto.subtle.digest`, secure pages only).
async fn sha256_by_browser(bytes: &[u8]) -> Option<String> {
    let crypto = Reflect::get(&js_sys::global(), &"crypto".into()).ok()?;
    let subtle = Reflect::get(&crypto, &"subtle".into()).ok().filter(|s| s.is_object())?;
    let digest = Reflect::get(&subtle, &"digest".into()).ok()?.dyn_into::<Function>().ok()?;
    let data = Uint8Array::from(bytes);
    let promise = digest.call2(&subtle, &"SHA-256".into(), &data).ok()?.dyn_into::<Promise>().ok()?;
    let digest = JsFuture::from(promise).await.ok()?;
    Some(crate::share::hex(&Uint8Array::new(&digest).to_vec()))
}

/// Raw deflate of `bytes` by the browser (`CompressionStream("deflate-raw")`).
async fn deflate_by_browser(bytes: &[u8]) -> Option<Vec<u8>> {
    let ctor = Reflect::get(&js_sys::global(), &"CompressionStream".into()).ok()?.dyn_into::<Function>().ok()?;
    // Throws for a format the browser does not know (deflate-raw came after deflate).
    let deflater = Reflect::construct(&ctor, &Array::of1(&"deflate-raw".into())).ok()?;
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&Uint8Array::from(bytes))).ok()?;
    let input = blob.stream();
    let pipe_through = Reflect::get(&input, &"pipeThrough".into()).ok()?.dyn_into::<Function>().ok()?;
    let output = pipe_through.call1(&input, &deflater).ok()?;
    let response = web_sys::Response::new_with_opt_readable_stream(Some(output.unchecked_ref())).ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    Some(Uint8Array::new(&buffer).to_vec())
}
