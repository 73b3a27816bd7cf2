//! What the page opens at start: a shared link (`#doc=`, `?url=`, `?report=`), the
//! last session, or the built-in sample.

use super::state::AppState;

/// Decide what to open first and open it.
pub fn start(state: AppState) {
    super::open::open_sample(state, true);
}
