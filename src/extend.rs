//! "Our questionnaire is the ELSA questionnaire plus our own sections": a file with `extends`
//! (a bundled questionnaire's id and version) holds only what it adds, and [`resolve`] makes the
//! whole questionnaire from it and its base.
//!
//! The result is the base with the extension's id, version, title and description; the base's
//! sections first, then the added ones; `max_concern` the base's (an extension that gives
//! another is refused); the extension's `bands` when it gives them, else the base's; its
//! `triage`, `duties`, `replaced`, `consistency` and `headlines` after the base's; `legal_as_of` the extension's when it
//! gives one. `extends` becomes `extended_from`, so a resolved questionnaire is never resolved
//! again. Validation then runs on the whole, and [`FilePaths::to_file`] turns the whole's paths
//! back into the paths of the extension's file, for its line and column.

use crate::model::{Base, Questionnaire};

/// How many sections, triage rules, duties, replacements, consistency checks and headlines of the
/// whole came from the base.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FilePaths {
    sections: usize,
    triage: usize,
    duties: usize,
    replaced: usize,
    consistency: usize,
    headlines: usize,
}

impl FilePaths {
    /// The path in the extension's file of a path in the whole questionnaire; `None` for a path
    /// in the part that came from the base.
    pub fn to_file(&self, path: &str) -> Option<String> {
        for (list, base) in [
            ("sections", self.sections),
            ("triage", self.triage),
            ("duties", self.duties),
            ("replaced", self.replaced),
            ("consistency", self.consistency),
            ("headlines", self.headlines),
        ] {
            let Some(rest) = path.strip_prefix(list).and_then(|r| r.strip_prefix('[')) else {
                continue;
            };
            let Some((index, tail)) = rest.split_once(']') else {
                continue;
            };
            let Ok(index) = index.parse::<usize>() else {
                continue;
            };
            return index
                .checked_sub(base)
                .map(|i| format!("{list}[{i}]{tail}"));
        }
        Some(path.to_string())
    }
}

/// An extension gives another `max_concern` than its base's (which it holds).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherScale(pub u8);

/// The whole questionnaire from an extension and its base (which must be the one `extends`
/// names: the caller looks it up). Refused when the extension gives another `max_concern`.
pub fn resolve(
    ext: Questionnaire,
    base: &Questionnaire,
) -> Result<(Questionnaire, FilePaths), OtherScale> {
    if ext.max_concern != 0 && ext.max_concern != base.max_concern {
        return Err(OtherScale(base.max_concern));
    }
    let paths = FilePaths {
        sections: base.sections.len(),
        triage: base.triage.len(),
        duties: base.duties.len(),
        replaced: base.replaced.len(),
        consistency: base.consistency.len(),
        headlines: base.headlines.len(),
    };
    let mut whole = base.clone();
    whole.id = ext.id;
    whole.version = ext.version;
    whole.title = ext.title;
    whole.description = ext.description;
    whole.extended_from = ext.extends.map(|b| Base {
        id: b.id,
        version: b.version,
    });
    whole.extends = None;
    if !ext.bands.is_empty() {
        whole.bands = ext.bands;
    }
    whole.sections.extend(ext.sections);
    whole.triage.extend(ext.triage);
    whole.duties.extend(ext.duties);
    whole.replaced.extend(ext.replaced);
    whole.consistency.extend(ext.consistency);
    whole.headlines.extend(ext.headlines);
    if ext.legal_as_of.is_some() {
        whole.legal_as_of = ext.legal_as_of;
    }
    Ok((whole, paths))
}
