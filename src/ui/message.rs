//! The visible notice/error area (`data-testid="message"`), plus the progress bar.

use leptos::prelude::*;

use super::state::{AppState, NoticeKind};

#[component]
pub fn Message() -> impl IntoView {
    let state = AppState::expect();
    let class = move || match state.notice.get().map(|n| n.kind) {
        Some(NoticeKind::Error) => "message error",
        Some(NoticeKind::Warning) => "message warning",
        Some(NoticeKind::Info) => "message info",
        None => "message empty",
    };
    view! {
        <div class=class data-testid="message" role="status" aria-live="polite">
            <span class="message-text">{move || state.notice.get().map(|n| n.text)}</span>
            {move || state.notice.get().map(|_| view! {
                <button class="message-close" on:click=move |_| state.notice.set(None)
                    aria-label=move || state.tr("关闭提示", "Dismiss")>"×"</button>
            })}
        </div>
        {move || state.progress.get().map(|p| view! {
            <div class="progress" data-testid="progress">
                <span>{p.label.clone()}</span>
                <progress max="1" value=p.fraction.map(|f| f.to_string())></progress>
                {p.fraction.map(|f| format!(" {:.0}%", f * 100.0))}
                {move || state.cancellable.get().then(|| view! {
                    <button class="progress-cancel" data-testid="cancel"
                        on:click=move |_| super::worker_client::cancel(state)>{move || state.tr("取消", "Cancel")}</button>
                })}
            </div>
        })}
    }
}
