//! The one native integration-test binary. Modules by subject.
mod bench;
mod cli;
mod common;
mod conditions;
mod lint;
mod markdown;
mod persist;
mod import;
mod review;
mod progress;
mod questionnaires;
mod report;
mod route;
mod schema;
mod scoring;
mod triage;
mod validation;
