//! Compare (to be built out).

use leptos::prelude::*;

#[component]
pub fn Compare() -> impl IntoView {

}
