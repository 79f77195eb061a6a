//! ELSA self-assessment for AI in healthcare.
//!
//! Modules in reading order. The pure core (no browser dependencies; builds and tests natively):
pub mod action;
pub mod actions;
pub mod answers;
pub mod bundled;
pub mod cases;
pub mod compare;
pub mod consistency;
pub mod custom;
pub mod decision;
pub mod extend;
pub mod files;
mod flat;
pub mod i18n;
pub mod import;
pub mod json_pos;
pub mod lint;
pub mod markdown;
pub mod model;
pub mod persist;
pub mod preview;
pub mod report;
pub mod review;
pub mod route;
pub mod schema;
pub mod scoring;
pub mod sha256;
pub mod triage;
pub mod validate;
pub mod versions;
pub mod workshop;

// The browser shell (Leptos, storage, the report worker glue).
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod worker;
