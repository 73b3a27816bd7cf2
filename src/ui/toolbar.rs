//! The top bar: open a file (`data-testid="file-input"`), paste text, tabs, language, share.

use leptos::prelude::*;

use super::share::ShareButton;
use super::state::{AppState, Lang, Tab};

#[component]
pub fn Toolbar() -> impl IntoView {
    let state = AppState::expect();
    let pasting = RwSignal::new(false);
    let paste_text = RwSignal::new(String::new());
    // The page's language follows the interface language (screen readers, fonts).
    Effect::new(move |_| {
        let lang = if state.lang.get() == Lang::Zh {
            "zh-CN"
        } else {
            "en"
        };
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", lang);
        }
    });
    let tab_button = move |tab: Tab, zh: &'static str, en: &'static str| {
        view! {
            <button role="tab" class="tab" class:active=move || state.tab.get() == tab
                aria-selected=move || (state.tab.get() == tab).to_string()
                data-tab=tab.as_str()
                on:click=move |_| state.tab.set(tab)>{move || state.tr(zh, en)}</button>
        }
    };
    view! {
        <header class="toolbar">
            <a class="skip-link" href="#main">{move || state.tr("跳到正文", "Skip to content")}</a>
            <a class="brand" href="./" title="Baogao">"报告 "<small>"Baogao"</small></a>
            <label class="button file-button">
                {move || state.tr("打开文件…", "Open file…")}
                <input type="file" data-testid="file-input" multiple
                    accept=".txt,.text,.docx,.doc,.html,.htm,.mhtml,.mht,.pdf,text/plain,text/html,multipart/related,application/pdf,application/msword,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                    on:change=move |ev| {
                        if let Some(files) = super::open::files_from_input(&ev) {
                            super::open::open_files(state, files);
                        }
                    }/>
            </label>
            <button class="button" data-testid="paste-button" on:click=move |_| pasting.update(|p| *p = !*p)>
                {move || state.tr("粘贴文本", "Paste text")}
            </button>
            <nav class="tabs" role="tablist" aria-label=move || state.tr("视图", "Views")>
                {tab_button(Tab::Text, "报告", "Report")}
                {tab_button(Tab::Indicators, "全部指标", "All indicators")}
                {tab_button(Tab::Charts, "图表", "Charts")}
                {move || (state.docs.with(|d| d.len()) >= 2).then(|| tab_button(Tab::Compare, "对比", "Compare"))}
            </nav>
            <ShareButton/>
            <button class="button lang" data-testid="lang-toggle" lang=move || if state.lang.get() == Lang::Zh { "en" } else { "zh-CN" }
                aria-label=move || state.tr("切换到英文界面", "Switch the interface to Chinese")
                on:click=move |_| state.set_lang(if state.lang.get_untracked() == Lang::Zh { Lang::En } else { Lang::Zh })>
                {move || state.tr("English", "中文")}
            </button>
        </header>
        {move || pasting.get().then(|| view! {
            <div class="paste-box">
                <textarea data-testid="paste-area" rows="6"
                    placeholder=move || state.tr("在此粘贴报告全文", "Paste the report text here")
                    prop:value=move || paste_text.get()
                    on:input=move |ev| paste_text.set(event_target_value(&ev))></textarea>
                <button class="button primary" data-testid="paste-open" on:click=move |_| {
                    if super::open::open_pasted(state, paste_text.get_untracked()) {
                        paste_text.set(String::new());
                        pasting.set(false);
                    }
                }>{move || state.tr("打开", "Open")}</button>
            </div>
        })}
    }
}
