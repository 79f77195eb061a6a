//! The questionnaires shipped with the app.
//!
//! Native code (tests, tools, the report worker's native twin) embeds every file ([`SOURCES`]).
//! The browser app embeds only the [`INDEX`] (titles and sizes) and fetches a questionnaire file
//! from its own origin when it is first needed: the files are copied into `dist/questionnaires/`
//! at build time, so this is a same-origin GET of a static file and the first page load stays
//! small however large the questionnaires grow.

use crate::model::{LocalText, Questionnaire};
use crate::validate::{validate_bundled, ErrorKind, ValidationError};

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
        LocalText(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        )
    }

    pub fn title(&self) -> LocalText {
        Self::text(self.title)
    }

    pub fn description(&self) -> LocalText {
        Self::text(self.description)
    }

    /// The path of its binary form in `dist/`, relative to the page.
    pub fn url(&self) -> String {
        format!("./questionnaires/{}", bin_name(self.file))
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

/// The newest bundled version of a questionnaire.
pub fn info_newest(id: &str) -> Option<&'static BundledInfo> {
    INDEX.iter().filter(|b| b.id == id).max_by(|x, y| {
        crate::versions::compare_versions(x.version, y.version).unwrap_or(std::cmp::Ordering::Equal)
    })
}

/// Move an assessment of an older version of a bundled questionnaire to the newest bundled
/// version ([`crate::versions::move_to_newest`]): its answers are all kept. The version it was
/// moved from, if it was.
pub fn move_to_newest(a: &mut crate::answers::Assessment) -> Option<String> {
    let versions: Vec<&str> = INDEX
        .iter()
        .filter(|b| b.id == a.questionnaire_id)
        .map(|b| b.version)
        .collect();
    crate::versions::move_to_newest(a, &versions)
}

/// `elsa-health-ai.json` → `elsa-health-ai.bin`
pub fn bin_name(json_file: &str) -> String {
    format!(
        "{}.bin",
        json_file.strip_suffix(".json").unwrap_or(json_file)
    )
}

/// The binary form of a (validated) questionnaire: postcard of the same Rust types, after a
/// magic header ([`BIN_MAGIC`]). The browser loads this instead of the JSON: the JSON parser
/// for the whole questionnaire model costs the first page load about 9 KB of brotli, while
/// postcard's reader is tiny and already in the wasm (the report worker's messages use it).
/// postcard, like any format without field names, needs every value in a fixed layout:
/// `QuestionKind` writes one (`flat.rs`), and no questionnaire type leaves out a field when
/// writing. `gen-bundle` writes these files at build time from the JSON, after validating it;
/// the JSON in `questionnaires/` stays the one source.
pub fn encode_bin(q: &Questionnaire) -> Vec<u8> {
    let mut out = BIN_MAGIC.to_vec();
    // Plain data: serialising it to memory cannot fail.
    out.extend(postcard::to_allocvec(q).unwrap_or_default());
    out
}

/// The first bytes of every binary questionnaire, with the layout's version (2: the triage's
/// roles and duties, questionnaire 2.0.0; 3: postcard instead of bincode; 4: `extends` and
/// `extended_from`; 5: `consistency` and `headlines` at the end, and the severity `stop`).
pub const BIN_MAGIC: &[u8; 8] = b"ELSAQ\x00\x05\n";

/// Layout 4, which questionnaires kept in the browser by tool 0.4 have: layout 5 without its two
/// last lists, so it reads as layout 5 with both empty (two zero lengths).
const BIN_MAGIC_4: &[u8; 8] = b"ELSAQ\x00\x04\n";

pub fn decode_bin(bytes: &[u8]) -> Result<Questionnaire, String> {
    let older;
    let body = match bytes.strip_prefix(BIN_MAGIC.as_slice()) {
        Some(body) => body,
        None => {
            let four = bytes
                .strip_prefix(BIN_MAGIC_4.as_slice())
                .ok_or("not a questionnaire file of this version of the tool")?;
            older = [four, &[0, 0]].concat();
            &older
        }
    };
    // The browser does not spell out postcard's error: its text costs the first page load more
    // than it tells a user.
    from_postcard(body).map_err(|e| {
        if cfg!(target_arch = "wasm32") {
            let _ = e;
            "the questionnaire file is damaged; reload the page".to_string()
        } else {
            format!("the questionnaire file is damaged ({e})")
        }
    })
}

/// A value from postcard bytes that hold exactly it: bytes left over after the value mean
/// another layout, and are refused as much as bytes missing.
pub(crate) fn from_postcard<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
) -> Result<T, postcard::Error> {
    match postcard::take_from_bytes(bytes)? {
        (value, []) => Ok(value),
        _ => Err(postcard::Error::DeserializeBadEncoding),
    }
}

/// Parse a bundled file, with the rules for bundled files (every text in Dutch too). The browser trusts the bundled files (the native tests validate each
/// of them with full paths, `every_bundled_file_validates`); skipping validation there keeps the
/// wasm small.
pub fn parse(name: &str, text: &str) -> Result<Questionnaire, (String, Vec<ValidationError>)> {
    match serde_json::from_str::<Questionnaire>(text) {
        Ok(q) => {
            let errors = if cfg!(target_arch = "wasm32") {
                Vec::new()
            } else {
                validate_bundled(&q)
            };
            if errors.is_empty() {
                Ok(q)
            } else {
                Err((name.to_string(), errors))
            }
        }
        Err(e) => Err((
            name.to_string(),
            vec![ValidationError {
                path: String::new(),
                kind: ErrorKind::Syntax {
                    message: e.to_string(),
                },
                at: None,
            }],
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
