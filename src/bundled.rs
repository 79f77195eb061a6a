//! The questionnaires shipped with the app.
//!
//! Native code (tests, tools, the report worker's native twin) embeds every file ([`SOURCES`]).
//! The browser app embeds only the [`INDEX`] (titles and sizes) and fetches a questionnaire file
//! from its own origin when it is first needed: the files are copied into `dist/questionnaires/`
//! at build time, so this is a same-origin GET of a static file and the first page load stays
//! small however large the questionnaires grow.

use crate::model::{LocalText, Questionnaire};
use crate::validate::{validate, ErrorKind, ValidationError};

/// What the home page needs to know of a bundled questionnaire before loading it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BundledInfo {
    pub file: &'static str,
    pub id: &'static str,
    pub version: &'static str,
    pub title: &'static [(&'static str, &'static str)],
    pub description: &'static [(&'static str, &'static str)],
    pub questions: usize,
}

impl BundledInfo {
    fn text(pairs: &[(&str, &str)]) -> LocalText {
        LocalText(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    pub fn title(&self) -> LocalText {
        Self::text(self.title)
    }

    pub fn description(&self) -> LocalText {
        Self::text(self.description)
    }

    /// The path of the file in `dist/`, relative to the page.
    pub fn url(&self) -> String {
        format!("./questionnaires/{}", self.file)
    }
}

include!(concat!(env!("OUT_DIR"), "/bundled_index.rs"));

/// The order the home page offers them in: the full questionnaire first, then the quick scan.
pub fn offered() -> Vec<&'static BundledInfo> {
    const ORDER: [&str; 3] = ["elsa-health-ai", "elsa-quick-scan", "elsa-starter"];
    let mut v: Vec<&BundledInfo> = INDEX.iter().collect();
    v.sort_by_key(|b| ORDER.iter().position(|o| *o == b.id).unwrap_or(ORDER.len()));
    v
}

pub fn info(id: &str, version: &str) -> Option<&'static BundledInfo> {
    INDEX.iter().find(|b| b.id == id && b.version == version)
}

/// Parse a bundled file. The browser trusts the bundled files (the native tests validate each
/// of them with full paths, `every_bundled_file_validates`); skipping validation there keeps the
/// wasm small.
pub fn parse(name: &str, text: &str) -> Result<Questionnaire, (String, Vec<ValidationError>)> {
    match serde_json::from_str::<Questionnaire>(text) {
        Ok(q) => {
            let errors = if cfg!(target_arch = "wasm32") { Vec::new() } else { validate(&q) };
            if errors.is_empty() {
                Ok(q)
            } else {
                Err((name.to_string(), errors))
            }
        }
        Err(e) => Err((
            name.to_string(),
            vec![ValidationError { path: String::new(), kind: ErrorKind::Syntax { message: e.to_string() } }],
        )),
    }
}

#[cfg(not(target_arch = "wasm32"))]
include!(concat!(env!("OUT_DIR"), "/bundled_sources.rs"));

/// Load every bundled questionnaire (native only).
#[cfg(not(target_arch = "wasm32"))]
pub fn load_all() -> (Vec<Questionnaire>, Vec<(String, Vec<ValidationError>)>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for (name, text) in SOURCES {
        match parse(name, text) {
            Ok(q) => ok.push(q),
            Err(e) => bad.push(e),
        }
    }
    (ok, bad)
}

/// Find a questionnaire by id and version among those given.
pub fn find<'a>(all: &'a [Questionnaire], id: &str, version: &str) -> Option<&'a Questionnaire> {
    all.iter().find(|q| q.id == id && q.version == version)
}
