//! The questionnaires shipped with the app, embedded at build time.

use crate::model::Questionnaire;
use crate::validate::{validate, ErrorKind, ValidationError};

/// (file name, contents) of every bundled questionnaire, in the order the home page offers them.
pub const FILES: &[(&str, &str)] =
    &[("elsa-starter.json", include_str!("../questionnaires/elsa-starter.json"))];

/// Load every bundled questionnaire. A file that fails validation is reported with its name;
/// the tests make sure this never happens in a release.
pub fn load_all() -> (Vec<Questionnaire>, Vec<(String, Vec<ValidationError>)>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for (name, text) in FILES {
        // Plain serde_json here (not the path-tracking loader): the bundled files are checked
        // by the native tests with full paths, and this keeps the UI's wasm small.
        match serde_json::from_str::<Questionnaire>(text) {
            Ok(q) => {
                // The browser trusts the bundled files: the native tests validate each of them
                // (`every_bundled_file_validates`), and skipping it here keeps the wasm small.
                let errors = if cfg!(target_arch = "wasm32") { Vec::new() } else { validate(&q) };
                if errors.is_empty() {
                    ok.push(q)
                } else {
                    bad.push((name.to_string(), errors))
                }
            }
            Err(e) => bad.push((
                name.to_string(),
                vec![ValidationError { path: String::new(), kind: ErrorKind::Syntax { message: e.to_string() } }],
            )),
        }
    }
    (ok, bad)
}

/// Find a questionnaire by id and version among those given.
pub fn find<'a>(all: &'a [Questionnaire], id: &str, version: &str) -> Option<&'a Questionnaire> {
    all.iter().find(|q| q.id == id && q.version == version)
}

/// The text of the bundled file holding questionnaire `id` at `version`.
pub fn source(id: &str, version: &str) -> Option<&'static str> {
    #[derive(serde::Deserialize)]
    struct Head {
        id: String,
        version: String,
    }
    FILES.iter().map(|(_, text)| *text).find(|text| {
        serde_json::from_str::<Head>(text).is_ok_and(|h| h.id == id && h.version == version)
    })
}
