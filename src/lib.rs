//! Baogao (报告): open a Chinese government work report and see what is in it.
//!
//! - [`report`]: decoding, cleaning, outline, indicators — pure Rust, no web crates.
//! - [`chart`]: plotters charts, generic over `DrawingBackend` (canvas in the page, SVG natively).
//! - [`share`]: links that carry a report or a view.
//! - `ui` (wasm32 only): the leptos page.
//! - `cli` (native only): the `baogao` command.

pub mod chart;
pub mod find;
pub mod export;
pub mod keywords;
pub mod layout;
pub mod panel;
pub mod pdf;
pub mod report;
pub mod share;
pub mod sort;
pub mod wire;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
