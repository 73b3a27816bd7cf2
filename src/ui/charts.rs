//! Charts (to be built out).

use leptos::prelude::*;

#[component]
pub fn Charts(#[prop(optional)] compact: bool) -> impl IntoView {
    let _ = (compact,);
}
