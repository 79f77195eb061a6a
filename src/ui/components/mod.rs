pub mod chart;
pub mod custom;
pub mod markdown;
pub mod question;
pub mod import;
pub mod plan;
pub mod triage;
