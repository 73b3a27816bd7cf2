//! FindBar (to be built out).

use leptos::prelude::*;

#[component]
pub fn FindBar() -> impl IntoView {

}
