//! IndicatorTable (to be built out).

use leptos::prelude::*;

#[component]
pub fn IndicatorTable() -> impl IntoView {

}
