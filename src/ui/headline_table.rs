//! HeadlineTable (to be built out).

use leptos::prelude::*;

#[component]
pub fn HeadlineTable() -> impl IntoView {

}
