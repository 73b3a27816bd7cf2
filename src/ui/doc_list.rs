//! DocList (to be built out).

use leptos::prelude::*;

#[component]
pub fn DocList() -> impl IntoView {

}
