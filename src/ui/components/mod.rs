pub mod chart;
pub mod custom;
pub mod import;
pub mod markdown;
pub mod plan;
pub mod question;
pub mod triage;
