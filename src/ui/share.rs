//! ShareButton (to be built out).

use leptos::prelude::*;

#[component]
pub fn ShareButton() -> impl IntoView {

}
