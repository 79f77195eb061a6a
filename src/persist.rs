//! The stored and exported file format of an assessment, with a format version, and the
//! migrations from every older format.
//!
//! Every saved assessment is one localStorage entry under [`assessment_key`], holding a
//! [`StoredAssessment`] as JSON. The exported `.json` file and the file attached to a PDF report
//! are the same text.
//!
//! ## Formats
//! - **1** (tool 0.1.0): `{format_version: 1, tool_version, assessment}`.
//! - **2** (tool 0.2.0): adds `format: "elsa-assessment"` (so that any other JSON is
//!   recognised as "not an assessment file") and `questionnaire: {id, version}` at the top, so
//!   that a reader can tell which questionnaire a file needs before reading the answers.
//! - **3** (tool 0.3.0): the assessment may carry `review`, an ethics review
//!   ([`crate::review::Review`]: comments with the team's replies, verdict, sign-off). A tool that
//!   reads only format 2 refuses such a file as "made by a newer version" instead of dropping
//!   the review.
//!   From tool 0.4.0 a file also records `language` (`"en"` or `"nl"`): the interface language
//!   it was saved or exported in (for the file attached to a PDF: the report's language). The
//!   field is optional (older files have none: English is assumed) and older tools ignore it.
//! - **4** (current; first written by tool 0.4.0 with the action plan): the assessment may
//!   carry `actions`, the team's action plan ([`crate::action::Action`]), left out when empty. A tool that reads only format 3 refuses a
//!   format-4 file as "made by a newer version" instead of dropping the plan.
//!
//! [`decode`] reads every format up to [`FORMAT_VERSION`] and migrates it step by step
//! ([`migrate_1_to_2`], [`migrate_2_to_3`], [`migrate_3_to_4`]); each older format keeps a frozen struct of its own here, and a test reads
//! a real sample written by the tool version that used it (`tests/it/data/storage/`). Reading
//! never writes: a migrated entry is stored in the new format on its next save.

use crate::answers::Assessment;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The current format version of stored and exported assessments.
pub const FORMAT_VERSION: u32 = 4;
/// The value of the `format` field of format 2 and later.
pub const FORMAT_NAME: &str = "elsa-assessment";
/// The tool's version, recorded in every file.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Every key of the app starts with this, so that "delete all my data" can find them.
pub const KEY_NAMESPACE: &str = "elsa.";
/// Prefix of the keys holding assessments.
pub const ASSESSMENT_KEY_PREFIX: &str = "elsa.v1.assessment.";
/// Prefix of the keys holding the raw text of entries that could not be read. They are written
/// once and never overwritten; only the user removes them.
pub const BACKUP_KEY_PREFIX: &str = "elsa.v1.backup.";

pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_KEY_PREFIX}{id}")
}

/// Which questionnaire a file needs, and — in an exported file of an assessment made with a
/// questionnaire of the user's own (not one that comes with the tool) — that questionnaire
/// itself, so that another copy of the tool can open the file (issue 16).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<Embedded>,
}

/// A questionnaire carried in a file, as its JSON text: read (and validated, see
/// [`crate::import::resolve`]) only where a file is taken in, never by the main app's storage.
#[derive(Debug, Clone)]
pub struct Embedded(pub Box<serde_json::value::RawValue>);

impl PartialEq for Embedded {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

impl Serialize for Embedded {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

impl<'de> Deserialize<'de> for Embedded {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Box::<serde_json::value::RawValue>::deserialize(d).map(Embedded)
    }
}

/// The current format (4); format 3 has the same fields without `assessment.actions`, format 2
/// also without `assessment.review`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredAssessment {
    pub format: String,
    pub format_version: u32,
    pub tool_version: String,
    pub questionnaire: QuestionnaireRef,
    /// The language of the file (see the module's notes); `None` in files made before 0.4.0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    pub assessment: Assessment,
}

/// Format 1, frozen as tool 0.1.0 wrote it.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredV1 {
    pub format_version: u32,
    pub tool_version: String,
    pub assessment: Assessment,
}

/// Format 1 → 2: name the format and lift the questionnaire reference to the top.
pub fn migrate_1_to_2(old: StoredV1) -> StoredAssessment {
    StoredAssessment {
        format: FORMAT_NAME.to_string(),
        format_version: 2,
        tool_version: old.tool_version,
        questionnaire: QuestionnaireRef {
            id: old.assessment.questionnaire_id.clone(),
            version: old.assessment.questionnaire_version.clone(),
            content: None,
        },
        language: None,
        assessment: old.assessment,
    }
}

/// Format 2 → 3: nothing to add (a format-2 file has no review); the version moves on.
pub fn migrate_2_to_3(old: StoredAssessment) -> StoredAssessment {
    StoredAssessment {
        format_version: 3,
        ..old
    }
}

/// Format 3 → 4: nothing to add (a format-3 file has no action plan); the version moves on.
pub fn migrate_3_to_4(old: StoredAssessment) -> StoredAssessment {
    StoredAssessment {
        format_version: 4,
        ..old
    }
}

/// Prefix of the keys holding a reviewer's work: the team's file as received plus the review,
/// kept apart from the user's own assessments.
pub const REVIEW_KEY_PREFIX: &str = "elsa.v1.review.";
// The workshop's key and stored form are the workshop's own: `crate::workshop::WORKSHOP_KEY`.
/// The key of the chosen interface language (`"en"` or `"nl"`); absent until the user chooses.
pub const LANG_KEY: &str = "elsa.v1.lang";

pub fn review_key(id: &str) -> String {
    format!("{REVIEW_KEY_PREFIX}{id}")
}

#[derive(Debug, Clone, PartialEq)]
pub enum PersistError {
    /// The text is not JSON at all.
    NotJson(String),
    /// JSON, but not an assessment of a format this version knows.
    WrongShape(String),
    /// Written by a newer version of the tool.
    NewerFormat(u32),
}

impl fmt::Display for PersistError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            PersistError::NotJson(e) => crate::t!("it is not valid JSON ({0})", e),
            PersistError::WrongShape(e) => crate::t!("it is not an assessment file of this tool ({0})", e),
            PersistError::NewerFormat(v) => crate::t!(
                "it was made by a newer version of this tool (file format {0}; this version reads formats up to {1}). Update the tool to open it",
                v,
                FORMAT_VERSION
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for PersistError {}

/// The stored form of an assessment, recording `lang` as the file's language.
pub fn to_stored(a: &Assessment, lang: crate::i18n::Lang) -> StoredAssessment {
    StoredAssessment {
        format: FORMAT_NAME.to_string(),
        format_version: FORMAT_VERSION,
        tool_version: TOOL_VERSION.to_string(),
        questionnaire: QuestionnaireRef {
            id: a.questionnaire_id.clone(),
            version: a.questionnaire_version.clone(),
            content: None,
        },
        language: Some(lang.code().to_string()),
        assessment: a.clone(),
    }
}

/// The exported form of an assessment: [`to_stored`], carrying its questionnaire when that is
/// not one of the tool's own (a custom questionnaire travels with its assessments).
pub fn to_exported(
    a: &Assessment,
    q: &crate::model::Questionnaire,
    lang: crate::i18n::Lang,
) -> StoredAssessment {
    let mut stored = to_stored(a, lang);
    if crate::bundled::info(&q.id, &q.version).is_none() {
        stored.questionnaire.content = serde_json::value::to_raw_value(q).ok().map(Embedded);
    }
    stored
}

/// [`to_exported`] as the text of an exported file.
pub fn encode_exported(
    a: &Assessment,
    q: &crate::model::Questionnaire,
    lang: crate::i18n::Lang,
) -> String {
    serde_json::to_string(&to_exported(a, q, lang)).unwrap_or_default()
}

/// The same, indented, for files people may open in an editor.
pub fn encode_exported_pretty(
    a: &Assessment,
    q: &crate::model::Questionnaire,
    lang: crate::i18n::Lang,
) -> String {
    serde_json::to_string_pretty(&to_exported(a, q, lang)).unwrap_or_default()
}

pub fn encode(a: &Assessment, lang: crate::i18n::Lang) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&to_stored(a, lang)).unwrap_or_default()
}

/// The same, indented, for files people may open in an editor.
pub fn encode_pretty(a: &Assessment, lang: crate::i18n::Lang) -> String {
    serde_json::to_string_pretty(&to_stored(a, lang)).unwrap_or_default()
}

/// Read a stored entry for use in the app: [`decode`], and an assessment of an older version
/// of a bundled questionnaire moved to that questionnaire's newest version
/// ([`crate::import::move_forward`]). Like every migration on read, the entry is rewritten only
/// on the next change.
pub fn decode_current(text: &str) -> Result<Assessment, PersistError> {
    let mut a = decode(text)?;
    crate::bundled::move_to_newest(&mut a);
    Ok(a)
}

/// Read any known format, migrated to the current one.
pub fn decode_stored(text: &str) -> Result<StoredAssessment, PersistError> {
    // Formats 1 and 2 differ only in fields that format 1 lacks, so one lenient pass reads
    // both (one deserializer keeps the UI's wasm small); the version then says which checks and
    // which migration apply. Parsing straight from the text, not through `serde_json::Value`.
    #[derive(Deserialize)]
    struct Known {
        format: Option<String>,
        format_version: u64,
        tool_version: String,
        questionnaire: Option<QuestionnaireRef>,
        #[serde(default)]
        language: Option<String>,
        assessment: Assessment,
    }
    let known: Known = match serde_json::from_str(text) {
        Ok(k) => k,
        Err(e) if e.is_syntax() || e.is_eof() => return Err(PersistError::NotJson(e.to_string())),
        Err(e) => {
            // A newer format may change anything but these two fields: say so rather than
            // "wrong shape".
            #[derive(Deserialize)]
            struct Head {
                format: Option<String>,
                format_version: Option<u64>,
            }
            if let Ok(Head {
                format,
                format_version: Some(v),
            }) = serde_json::from_str::<Head>(text)
            {
                if v > FORMAT_VERSION as u64 && format.as_deref().is_none_or(|f| f == FORMAT_NAME) {
                    return Err(PersistError::NewerFormat(v.min(u32::MAX as u64) as u32));
                }
            }
            return Err(PersistError::WrongShape(e.to_string()));
        }
    };
    if known.format_version < 3 && known.assessment.review.is_some() {
        return Err(PersistError::WrongShape(
            "a review needs file format 3 or later".into(),
        ));
    }
    if known.format_version < 4 && !known.assessment.actions.is_empty() {
        return Err(PersistError::WrongShape(
            "an action plan needs file format 4 or later".into(),
        ));
    }
    match known.format_version {
        1 => Ok(migrate_3_to_4(migrate_2_to_3(migrate_1_to_2(StoredV1 {
            format_version: 1,
            tool_version: known.tool_version,
            assessment: known.assessment,
        })))),
        v @ (2..=4) => {
            if known.format.as_deref() != Some(FORMAT_NAME) {
                return Err(PersistError::WrongShape(format!(
                    "format must be \"{FORMAT_NAME}\""
                )));
            }
            let a = &known.assessment;
            let q = known
                .questionnaire
                .ok_or_else(|| PersistError::WrongShape("missing field `questionnaire`".into()))?;
            if q.id != a.questionnaire_id || q.version != a.questionnaire_version {
                return Err(PersistError::WrongShape(
                    "the questionnaire named at the top differs from the assessment's".into(),
                ));
            }
            let stored = StoredAssessment {
                format: FORMAT_NAME.to_string(),
                format_version: v as u32,
                tool_version: known.tool_version,
                questionnaire: q,
                language: known.language,
                assessment: known.assessment,
            };
            Ok(match v {
                2 => migrate_3_to_4(migrate_2_to_3(stored)),
                3 => migrate_3_to_4(stored),
                _ => stored,
            })
        }
        v if v > FORMAT_VERSION as u64 => {
            Err(PersistError::NewerFormat(v.min(u32::MAX as u64) as u32))
        }
        v => Err(PersistError::WrongShape(format!(
            "format_version {v} never existed"
        ))),
    }
}

/// The language a file records (`None`: not a file of this tool, or made before 0.4.0).
pub fn recorded_language(text: &str) -> Option<crate::i18n::Lang> {
    #[derive(Deserialize)]
    struct Head {
        language: Option<String>,
    }
    serde_json::from_str::<Head>(text)
        .ok()?
        .language
        .and_then(|l| crate::i18n::Lang::from_code(&l))
}

pub fn decode(text: &str) -> Result<Assessment, PersistError> {
    decode_stored(text).map(|s| s.assessment)
}
