//! Parsing: decoding, cleaning, outline, numbers, indicators.
//!
//! Invariant: nothing under `report/` imports a web crate (leptos, web-sys,
//! wasm-bindgen, plotters); it is tested natively.
//!
//! Pipeline: bytes → [`decode`] → clean (display text + cleaning log) →
//! normalised analysis text → outline + title block → [`indicators`] →
//! every span mapped back to [`Report::text`].

pub mod indicators;
pub mod model;

pub use model::*;

/// Largest input accepted, in bytes (stated to the user in MB).
pub const MAX_BYTES: usize = 60_000_000;
