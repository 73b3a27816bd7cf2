//! ShareButton (`data-testid="share"`): a panel with a link to exactly what is on screen
//! (`data-testid="share-link"`, copy with `data-testid="share-copy"`). The best kind for
//! the report in hand: a short link for fetchable reports (`?report=`, `?url=`), the
//! text itself in the link for local files and pasted text (`#doc=`, with its length
//! against chat limits), or only the file's SHA-256 (`#sha256=`) for files.

use leptos::html;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::state::{AppState, Doc, Lang, Source};
use super::url_sync;
use crate::report::decode_input_utf8;
use crate::share::link::{
    build_link, exceeded_limits, id_from_file, Opening, BROWSER_LIMIT, CHAT_LIMITS,
};
use crate::share::{encode_text, sha256_hex, Fragment, ViewState};

/// Kinds of link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// `?report=` / `?url=` + view.
    Short,
    /// `#doc=` + view: the text travels in the link.
    Doc,
    /// `#sha256=` + view: only the fingerprint travels.
    Hash,
}

/// The links on offer for the current state.
#[derive(Clone, Debug, PartialEq)]
pub struct Offer {
    pub kinds: Vec<Kind>,
    /// Open reports the link does not carry (several open, some local).
    pub partial: bool,
}

/// The openings that bring back a report, if it can be fetched again.
fn opening_of(d: &Doc) -> Option<Opening> {
    match &d.source {
        Source::Catalog(id) => Some(Opening::Report(id.clone())),
        Source::Url(u) => Some(Opening::Url(u.clone())),
        Source::Sample => Some(Opening::Report(id_from_file(super::open::SAMPLE_NAME))),
        _ => None,
    }
}

/// Which kinds fit: all fetchable → short; the active report local → doc (+ hash for files).
pub fn offer(docs: &[Doc], active: Option<&Doc>) -> Offer {
    let Some(a) = active else {
        return Offer {
            kinds: vec![],
            partial: false,
        };
    };
    let all: Option<Vec<Opening>> = docs.iter().map(opening_of).collect();
    if all.is_some() {
        return Offer {
            kinds: vec![Kind::Short],
            partial: false,
        };
    }
    let partial = docs.len() > 1;
    match &a.source {
        Source::File(_) => Offer {
            kinds: vec![Kind::Doc, Kind::Hash],
            partial,
        },
        Source::Pasted | Source::Link => Offer {
            kinds: vec![Kind::Doc],
            partial,
        },
        _ => Offer {
            kinds: vec![Kind::Short],
            partial,
        },
    }
}

/// The text a `#doc=` link carries for this report: the decoded text (as the parser saw it).
fn link_text(d: &Doc) -> Option<String> {
    match &d.source {
        Source::Pasted | Source::Link => String::from_utf8(d.bytes.to_vec()).ok(),
        // Word, GBK …: the text the worker decoded; UTF-8 is decoded here
        _ => match &d.input {
            Some(text) => Some(text.to_string()),
            None => decode_input_utf8(&d.bytes)?.ok().map(|x| x.text),
        },
    }
}

/// Build the link of `kind`. `packed` caches the `#doc=` payload per doc key.
fn make_link(
    kind: Kind,
    docs: &[Doc],
    active: &Doc,
    view: &ViewState,
    packed: StoredValue<Option<(u32, String)>>,
) -> Option<String> {
    let base = url_sync::base_url();
    match kind {
        Kind::Short => {
            let all: Option<Vec<Opening>> = docs.iter().map(opening_of).collect();
            let openings = all.or_else(|| opening_of(active).map(|o| vec![o]))?;
            Some(build_link(
                &base,
                &openings,
                &Fragment {
                    view: view.clone(),
                    ..Default::default()
                },
            ))
        }
        Kind::Doc => {
            let cached = packed.with_value(|p| {
                p.as_ref()
                    .filter(|(k, _)| *k == active.key)
                    .map(|(_, s)| s.clone())
            });
            let doc = match cached {
                Some(s) => s,
                None => {
                    let s = encode_text(&link_text(active)?);
                    packed.set_value(Some((active.key, s.clone())));
                    s
                }
            };
            let f = Fragment {
                doc: Some(doc),
                name: Some(active.report.file.clone()),
                sha256: None,
                view: view.clone(),
            };
            Some(build_link(&base, &[], &f))
        }
        Kind::Hash => {
            let f = Fragment {
                doc: None,
                sha256: Some(sha256_hex(&active.bytes)),
                name: Some(active.report.file.clone()),
                view: view.clone(),
            };
            Some(build_link(&base, &[], &f))
        }
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What the length of a `#doc=` link means for pasting it somewhere.
fn length_note(lang: Lang, len: usize) -> (String, bool) {
    let over = exceeded_limits(len);
    let zh = lang == Lang::Zh;
    let mut parts = vec![if zh {
        format!("链接长度 {} 个字符。", thousands(len))
    } else {
        format!("The link is {} characters long.", thousands(len))
    }];
    for l in CHAT_LIMITS {
        let fits = len <= l.limit;
        let approx = if l.approx { "≈" } else { "" };
        parts.push(match (zh, fits) {
            (true, true) => format!(
                "✓ {}（上限 {approx}{}）可以完整发送。",
                l.name_zh,
                thousands(l.limit)
            ),
            (true, false) => format!(
                "✗ {}（上限 {approx}{}）会被截断。",
                l.name_zh,
                thousands(l.limit)
            ),
            (false, true) => format!(
                "✓ fits {} (limit {approx}{}).",
                l.name_en,
                thousands(l.limit)
            ),
            (false, false) => format!(
                "✗ too long for {} (limit {approx}{}).",
                l.name_en,
                thousands(l.limit)
            ),
        });
    }
    let bad = !over.is_empty();
    if len > BROWSER_LIMIT {
        parts.push(if zh {
            "这个链接超过了浏览器能打开的地址长度（约 200 万字符），无法使用：请改用“只带指纹”的链接，或直接发送文件。".into()
        } else {
            "This link is longer than browsers accept (about 2 million characters) and will not work: use the fingerprint link, or send the file itself.".into()
        });
    } else if bad {
        parts.push(if zh {
            "这个链接太长，通过聊天工具发送会被截断，对方打开时会提示链接已损坏。可以把它存进文档或网页里发送，或改用“只带指纹”的链接，或直接发送文件。".into()
        } else {
            "This link will not survive chat: it gets cut and the receiver sees a damaged link. Put it in a document or web page, use the fingerprint link, or send the file itself.".into()
        });
    }
    (parts.join(" "), bad)
}

#[component]
pub fn ShareButton() -> impl IntoView {
    let state = AppState::expect();
    let open = RwSignal::new(false);
    let chosen = RwSignal::new(None::<Kind>);
    let copied = RwSignal::new(None::<String>);
    let packed = StoredValue::new(None::<(u32, String)>);
    let input = NodeRef::<html::Input>::new();

    // The offer and the link, computed only while the panel is open.
    let current = Memo::new(move |_| {
        if !open.get() {
            return None;
        }
        let docs = state.docs.get();
        let active = state.active_doc()?;
        let view = url_sync::view_of(state);
        let o = offer(&docs, Some(&active));
        let kind = chosen
            .get()
            .filter(|k| o.kinds.contains(k))
            .or_else(|| o.kinds.first().copied())?;
        let link = make_link(kind, &docs, &active, &view, packed)?;
        Some((o, kind, link))
    });
    Effect::new(move |_| {
        current.track();
        copied.set(None);
    });

    let copy = move |_| {
        let Some((_, _, link)) = current.get_untracked() else {
            return;
        };
        let select = move || {
            if let Some(el) = input.get_untracked() {
                el.select();
            }
        };
        let nav = window().navigator();
        let has_clipboard = js_sys::Reflect::get(&nav, &"clipboard".into())
            .map(|c| !c.is_undefined())
            .unwrap_or(false);
        if !has_clipboard {
            select();
            copied.set(Some(
                state
                    .tr_now(
                        "已选中链接，请按 Ctrl+C（⌘C）复制。",
                        "Link selected: press Ctrl+C (⌘C) to copy.",
                    )
                    .into(),
            ));
            return;
        }
        let p = nav.clipboard().write_text(&link);
        leptos::task::spawn_local(async move {
            match JsFuture::from(p).await {
                Ok(_) => copied.set(Some(state.tr_now("已复制链接。", "Link copied.").into())),
                Err(_) => {
                    select();
                    copied.set(Some(
                        state.tr_now("浏览器不允许直接复制；链接已选中，请按 Ctrl+C（⌘C）。", "The browser blocked copying; the link is selected: press Ctrl+C (⌘C).").into(),
                    ));
                }
            }
        });
    };

    let kind_label = move |k: Kind| match k {
        Kind::Short => state.tr("短链接", "Short link"),
        Kind::Doc => state.tr("链接内含全文", "Link carries the text"),
        Kind::Hash => state.tr("只带文件指纹（SHA-256）", "Fingerprint only (SHA-256)"),
    };
    let kind_help = move |k: Kind| {
        match k {
        Kind::Short => state.tr(
            "对方打开时从同一地址重新下载这份报告，并跳到你现在看的位置。",
            "The receiver's page fetches the same report again and goes to where you are.",
        ),
        Kind::Doc => state.tr(
            "报告全文压缩后放在链接里，对方不需要文件，看到的文字与你完全相同。",
            "The whole text, compressed, travels in the link: the receiver needs no file and sees exactly your text.",
        ),
        Kind::Hash => state.tr(
            "链接里只有文件名和指纹；对方需要自己有这个文件，打开时会核对是否是同一个文件。",
            "Only the name and fingerprint travel; the receiver drops their own copy and the page checks it is the same file.",
        ),
    }
    };

    view! {
        <div class="share">
            <button class="button" data-testid="share" aria-haspopup="dialog"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || state.tr("分享", "Share")}
            </button>
            {move || open.get().then(|| view! {
                <div class="share-panel" role="dialog" data-testid="share-panel"
                    aria-label=move || state.tr("分享链接", "Share a link")
                    on:keydown=move |e: leptos::ev::KeyboardEvent| if e.key() == "Escape" { open.set(false) }>
                    {move || match current.get() {
                        None => view! { <p class="share-none">{state.tr("没有打开的报告。", "No report is open.")}</p> }.into_any(),
                        Some((o, kind, link)) => {
                            let len = link.chars().count();
                            let kinds = o.kinds.clone();
                            view! {
                                {(kinds.len() > 1).then(|| view! {
                                    <div class="share-kinds" role="radiogroup">
                                        {kinds.iter().map(|&k| view! {
                                            <label class="share-kind">
                                                <input type="radio" name="share-kind" data-testid=format!("share-kind-{}", match k { Kind::Short => "short", Kind::Doc => "doc", Kind::Hash => "hash" })
                                                    prop:checked=move || kind == k
                                                    on:change=move |_| chosen.set(Some(k))/>
                                                {kind_label(k)}
                                            </label>
                                        }).collect_view()}
                                    </div>
                                })}
                                <p class="share-help">{kind_help(kind)}</p>
                                <div class="share-row">
                                    <input type="text" readonly class="share-link" data-testid="share-link" node_ref=input
                                        aria-label=move || state.tr("分享链接", "Share link")
                                        prop:value=link.clone()
                                        on:focus=move |e| { if let Some(el) = input.get_untracked() { let _ = e; el.select(); } }/>
                                    <button class="button primary" data-testid="share-copy" on:click=copy>{move || state.tr("复制", "Copy")}</button>
                                </div>
                                {move || copied.get().map(|t| view! { <p class="share-copied" role="status">{t}</p> })}
                                {(kind == Kind::Doc).then(|| {
                                    let (note, bad) = length_note(state.lang.get(), len);
                                    view! { <p class="share-length" class:too-long=bad data-testid="share-length">{note}</p> }
                                })}
                                {o.partial.then(|| view! {
                                    <p class="share-partial">{state.tr(
                                        "注意：打开的报告中有本地文件，这个链接只包含当前这一份报告。",
                                        "Note: some open reports are local files; this link carries only the current report.")}</p>
                                })}
                            }.into_any()
                        }
                    }}
                </div>
            })}
        </div>
    }
}
