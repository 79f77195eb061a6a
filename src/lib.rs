//! ELSA self-assessment for AI in healthcare.
//!
//! Modules in reading order. The pure core (no browser dependencies; builds and tests natively):
pub mod i18n;
pub mod model;
pub mod validate;
pub mod json_pos;
pub mod extend;
pub mod custom;
pub mod preview;
pub mod answers;
pub mod action;
pub mod actions;
pub mod scoring;
pub mod triage;
pub mod lint;
pub mod markdown;
pub mod route;
pub mod persist;
pub mod import;
pub mod review;
pub mod sha256;
pub mod compare;
pub mod workshop;
pub mod files;
pub mod versions;
pub mod bundled;
pub mod report;
pub mod schema;
mod flat;

// The browser shell (Leptos, storage, the report worker glue).
pub mod worker;
#[cfg(target_arch = "wasm32")]
pub mod ui;
