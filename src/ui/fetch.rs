//! Loading reports over the network: `?url=<address>` (another host) and
//! `?report=<id>` (the hosted catalog `reports/index.json`, fetched relative to the page
//! so any sub-path works). Every failure gets its own plain message: offline, timeout,
//! HTTP status, cross-origin reads blocked (CORS), host unreachable, too large. What is
//! fetched only ever goes through `report::parse`: it is never run or shown as HTML.

use std::time::Duration;

use js_sys::{Reflect, Uint8Array};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use super::state::{AppState, Lang, Progress, Source};
use crate::report::{OpenError, MAX_BYTES};
use crate::share::link::{
    check_http_url, file_name_from_url, host_of, parse_catalog, CatalogEntry, Opening, UrlRejection,
};
use crate::share::ViewState;

/// How long a download may take before it is abandoned.
pub const TIMEOUT: Duration = Duration::from_secs(20);
/// How long the reachability probe may take.
const PROBE_TIMEOUT: Duration = Duration::from_secs(8);

/// Where the catalog lives, relative to the page.
pub const CATALOG_PATH: &str = "reports/index.json";

/// Why a download failed.
#[derive(Clone, Debug, PartialEq)]
pub enum FetchError {
    Rejected(UrlRejection),
    Offline,
    Timeout,
    Status(u16, String),
    Cors,
    Unreachable,
    TooLarge(usize),
    Read,
    UnknownReport(String),
    Catalog(String),
}

fn zh(state: AppState) -> bool {
    state.lang.get_untracked() == Lang::Zh
}

/// A plain message for a failed download of `what` (an address or a catalog id).
pub fn message(state: AppState, what: &str, e: &FetchError) -> String {
    let host = host_of(what);
    let z = zh(state);
    match e {
        FetchError::Rejected(r) => {
            if z {
                let why = match r {
                    UrlRejection::NotAbsolute => "这不是完整的网址".to_string(),
                    UrlRejection::Scheme(s) => format!("不打开以“{s}:”开头的地址"),
                    UrlRejection::NoHost => "网址里没有主机名".to_string(),
                };
                format!("?url= 的地址 {what} 无法打开：{why}。只接受以 https:// 或 http:// 开头的网址。")
            } else {
                format!("The ?url= address {what} was not opened: {r}. Only https:// and http:// addresses are accepted.")
            }
        }
        FetchError::Offline => {
            if z {
                format!("现在处于离线状态（浏览器报告没有网络连接），无法下载 {what}。请连上网络后刷新本页；或者把文件保存到本机，再拖到本页面上。")
            } else {
                format!("You are offline (the browser reports no network connection), so {what} cannot be downloaded. Reload once you are back online, or save the file and drop it on this page.")
            }
        }
        FetchError::Timeout => {
            if z {
                format!("下载 {what} 超过 {} 秒仍未完成，已取消：{host} 响应太慢或连接中断。请稍后重试，或者把文件保存到本机后拖到本页面上。", TIMEOUT.as_secs())
            } else {
                format!("Downloading {what} took more than {} s and was cancelled: {host} is too slow or the connection dropped. Try again later, or save the file and drop it on this page.", TIMEOUT.as_secs())
            }
        }
        FetchError::Status(404, _) => {
            if z {
                format!("{host} 上找不到这个文件（HTTP 404 未找到）：{what}。请检查网址是否拼写正确、文件是否已被移走。")
            } else {
                format!("{host} has no such file (HTTP 404 Not Found): {what}. Check the address; the file may have moved.")
            }
        }
        FetchError::Status(code, text) => {
            if z {
                format!("{host} 拒绝提供这个文件（HTTP {code} {text}）：{what}。")
            } else {
                format!("{host} refused to serve this file (HTTP {code} {text}): {what}.")
            }
        }
        FetchError::Cors => {
            if z {
                format!("{host} 在线，但它不允许其他网站的网页读取它的文件。浏览器有一条安全规定（跨域资源共享，CORS）：网页只能读取本网站的文件，除非对方服务器明确允许。这是 {host} 的设置，本页面无法绕过。解决办法：在浏览器里打开 {what} 把文件保存到本机，然后把文件拖到本页面上（或点“打开文件…”）。")
            } else {
                format!("{host} is up, but it does not let pages from other sites read its files. Browsers enforce this rule (cross-origin resource sharing, CORS): a page may only read files from another site if that server allows it. This is {host}'s setting and this page cannot get around it. What to do: open {what} in your browser, save the file, then drop it on this page (or use “Open file…”).")
            }
        }
        FetchError::Unreachable => {
            if z {
                format!("无法连接到 {host}：服务器没有响应（网址有误、服务器已关闭，或网络拦截了它）。请检查网址；如果你有这个文件，把它拖到本页面上即可。")
            } else {
                format!("Cannot reach {host}: the server does not answer (wrong address, server down, or blocked by the network). Check the address; if you have the file, drop it on this page.")
            }
        }
        FetchError::TooLarge(bytes) => {
            let e = OpenError::TooLarge {
                bytes: *bytes,
                limit: MAX_BYTES,
            };
            super::open::error_text(state, what, &e)
        }
        FetchError::Read => {
            if z {
                format!("下载 {what} 时连接中断，文件不完整。请重试。")
            } else {
                format!("The connection broke while downloading {what}; the file is incomplete. Please try again.")
            }
        }
        FetchError::UnknownReport(id) => {
            if z {
                format!("报告库里没有编号为“{id}”的报告。请从报告库列表中选择。")
            } else {
                format!("The catalog has no report with id “{id}”. Pick one from the catalog list.")
            }
        }
        FetchError::Catalog(why) => {
            if z {
                format!("无法读取报告库 {CATALOG_PATH}：{why}")
            } else {
                format!("Could not read the catalog {CATALOG_PATH}: {why}")
            }
        }
    }
}

fn online() -> bool {
    window().navigator().on_line()
}

/// Whether a rejected fetch was our abort.
fn is_abort(err: &JsValue) -> bool {
    Reflect::get(err, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "AbortError" || n == "TimeoutError")
}

/// Start a fetch that is aborted after `timeout`.
async fn fetch_with_timeout(
    url: &str,
    mode: web_sys::RequestMode,
    timeout: Duration,
) -> Result<web_sys::Response, (JsValue, web_sys::AbortController)> {
    let ctrl = web_sys::AbortController::new().expect("AbortController");
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_mode(mode);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_signal(Some(&ctrl.signal()));
    let c2 = ctrl.clone();
    set_timeout(move || c2.abort(), timeout);
    let p = window().fetch_with_str_and_init(url, &init);
    match JsFuture::from(p).await {
        Ok(r) => Ok(r.unchecked_into()),
        Err(e) => Err((e, ctrl)),
    }
}

/// Download `url` with progress, a size cap and a timeout. Same-origin relative paths are
/// allowed here (the catalog); `?url=` addresses are checked by the caller.
pub async fn download(state: AppState, url: &str, label: &str) -> Result<Vec<u8>, FetchError> {
    if !online() {
        return Err(FetchError::Offline);
    }
    state.progress.set(Some(Progress {
        label: label.to_string(),
        fraction: None,
    }));
    let out = download_inner(state, url, label).await;
    state.progress.set(None);
    out
}

async fn download_inner(state: AppState, url: &str, label: &str) -> Result<Vec<u8>, FetchError> {
    let resp = match fetch_with_timeout(url, web_sys::RequestMode::Cors, TIMEOUT).await {
        Ok(r) => r,
        Err((e, ctrl)) => {
            if !online() {
                return Err(FetchError::Offline);
            }
            if is_abort(&e) || ctrl.signal().aborted() {
                return Err(FetchError::Timeout);
            }
            // A TypeError says nothing more: CORS refusal and an unreachable host look the
            // same. An opaque (no-cors) request succeeds when the host answers at all.
            return Err(
                match fetch_with_timeout(url, web_sys::RequestMode::NoCors, PROBE_TIMEOUT).await {
                    Ok(_) => FetchError::Cors,
                    Err(_) if !online() => FetchError::Offline,
                    Err(_) => FetchError::Unreachable,
                },
            );
        }
    };
    if !resp.ok() {
        return Err(FetchError::Status(resp.status(), resp.status_text()));
    }
    let total = resp
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<usize>().ok());
    if let Some(t) = total {
        if t > MAX_BYTES {
            return Err(FetchError::TooLarge(t));
        }
    }
    let Some(body) = resp.body() else {
        return Ok(Vec::new());
    };
    let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
    let mut bytes: Vec<u8> = Vec::with_capacity(total.unwrap_or(0));
    loop {
        let chunk = match JsFuture::from(reader.read()).await {
            Ok(c) => c,
            Err(e) => {
                return Err(if is_abort(&e) {
                    FetchError::Timeout
                } else if !online() {
                    FetchError::Offline
                } else {
                    FetchError::Read
                })
            }
        };
        let done = Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        if let Ok(v) = Reflect::get(&chunk, &"value".into()) {
            if let Some(arr) = v.dyn_ref::<Uint8Array>() {
                let n = arr.length() as usize;
                if bytes.len() + n > MAX_BYTES {
                    let _ = reader.cancel();
                    return Err(FetchError::TooLarge(bytes.len() + n));
                }
                let start = bytes.len();
                bytes.resize(start + n, 0);
                arr.copy_to(&mut bytes[start..]);
            }
        }
        state.progress.set(Some(Progress {
            label: format!("{label} · {:.1} MB", bytes.len() as f64 / 1e6),
            fraction: total
                .filter(|t| *t > 0)
                .map(|t| (bytes.len() as f64 / t as f64).min(1.0)),
        }));
    }
    Ok(bytes)
}

/// The hosted catalog.
pub async fn load_catalog() -> Result<Vec<CatalogEntry>, String> {
    let resp =
        match fetch_with_timeout(CATALOG_PATH, web_sys::RequestMode::SameOrigin, TIMEOUT).await {
            Ok(r) => r,
            Err(_) if !online() => return Err("offline / 离线".into()),
            Err(_) => return Err("network error / 网络错误".into()),
        };
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let text = match resp.text() {
        Ok(p) => JsFuture::from(p)
            .await
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default(),
        Err(_) => String::new(),
    };
    parse_catalog(&text)
}

/// Open what an address asked for, in order: the first replaces the open set, the rest
/// are added (comparison). Then apply `view` and let the address follow the state.
pub fn open_openings(state: AppState, openings: Vec<Opening>, view: Option<ViewState>) {
    leptos::task::spawn_local(async move {
        let mut catalog: Option<Result<Vec<CatalogEntry>, String>> = None;
        let mut first = true;
        let mut failures = Vec::new();
        for o in openings {
            let result: Result<(String, Vec<u8>, Source), (String, FetchError)> = match &o {
                Opening::Url(raw) => match check_http_url(raw) {
                    Err(r) => Err((raw.clone(), FetchError::Rejected(r))),
                    Ok(url) => {
                        let name = file_name_from_url(&url);
                        let label = format!("{} {name}", state.tr_now("正在下载", "Downloading"));
                        download(state, &url, &label)
                            .await
                            .map(|b| (name, b, Source::Url(url.clone())))
                            .map_err(|e| (url, e))
                    }
                },
                Opening::Report(id) => {
                    if catalog.is_none() {
                        catalog = Some(load_catalog().await);
                    }
                    match catalog.as_ref().expect("loaded") {
                        Err(why) => Err((
                            id.clone(),
                            if online() {
                                FetchError::Catalog(why.clone())
                            } else {
                                FetchError::Offline
                            },
                        )),
                        Ok(list) => match list.iter().find(|e| &e.id == id) {
                            None => Err((id.clone(), FetchError::UnknownReport(id.clone()))),
                            Some(e) => {
                                let path = format!("reports/{}", e.file);
                                let label = format!(
                                    "{} {}",
                                    state.tr_now("正在打开", "Opening"),
                                    e.label()
                                );
                                download(state, &path, &label)
                                    .await
                                    .map(|b| {
                                        (
                                            e.file
                                                .rsplit('/')
                                                .next()
                                                .unwrap_or(&e.file)
                                                .to_string(),
                                            b,
                                            Source::Catalog(id.clone()),
                                        )
                                    })
                                    .map_err(|err| (path, err))
                            }
                        },
                    }
                }
            };
            match result {
                Ok((name, bytes, source)) => {
                    if super::open::open_bytes(state, &name, bytes, source, first).await {
                        first = false;
                    }
                }
                Err((what, e)) => failures.push(message(state, &what, &e)),
            }
        }
        if !failures.is_empty() {
            state.error(failures.join(" "));
        }
        if let Some(v) = view {
            if !first {
                super::url_sync::apply_view(state, &v);
            }
        }
        super::url_sync::set_ready();
    });
}
