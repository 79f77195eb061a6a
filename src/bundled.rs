//! The questionnaires shipped with the app, embedded at build time.

use crate::model::Questionnaire;
use crate::validate::{load_questionnaire, ValidationError};

/// (file name, contents) of every bundled questionnaire, in the order the home page offers them.
pub const FILES: &[(&str, &str)] =
    &[("elsa-starter.json", include_str!("../questionnaires/elsa-starter.json"))];

/// Load every bundled questionnaire. A file that fails validation is reported with its name;
/// the tests make sure this never happens in a release.
pub fn load_all() -> (Vec<Questionnaire>, Vec<(String, Vec<ValidationError>)>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for (name, text) in FILES {
        match load_questionnaire(text) {
            Ok(q) => ok.push(q),
            Err(e) => bad.push((name.to_string(), e)),
        }
    }
    (ok, bad)
}

/// Find a questionnaire by id and version among those given.
pub fn find<'a>(all: &'a [Questionnaire], id: &str, version: &str) -> Option<&'a Questionnaire> {
    all.iter().find(|q| q.id == id && q.version == version)
}
