//! Reading an assessment from a file a user picked: the app's JSON export or its PDF report
//! (which carries the same JSON inside). Pure: the browser shell and the `elsa-report` CLI both
//! call it, and a property test throws random and mutated files at it.
//!
//! The steps, each with its own message ([`ImportError`]):
//! 1. [`check_size`]: over [`MAX_IMPORT_BYTES`] is refused before the file is read.
//! 2. [`sniff`]: PDF, image or other, from the first bytes (not from the file name, so an image
//!    renamed to `.json` is still recognised as an image).
//! 3. For a PDF, the caller extracts the attached file (`report::pdf::extract_attachment`).
//!    In the browser all of this runs in the report worker (`worker::Job::Import`), which has
//!    the PDF library; the UI checks only the size.
//! 4. [`parse_json`]: text → [`StoredAssessment`] of the current format (older formats migrated).
//! 5. [`resolve`]: the questionnaire must be one this tool has. An older version of a bundled
//!    questionnaire is moved to the current version; answers to questions that the current
//!    version no longer has are kept ([`crate::answers::removed_answers`] lists them).
//!
//! Nothing here touches stored data: the caller saves only what comes out of a successful import.

use crate::answers::Assessment;
use crate::persist::{self, PersistError, StoredAssessment};
use crate::t;
pub use crate::versions::{compare_versions, move_to_newest};
use std::fmt;

/// Files larger than this are refused.
pub const MAX_IMPORT_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    /// An image format, by name.
    Image(&'static str),
    /// Anything else: read as JSON text.
    Other,
}

/// What a file is, from its first bytes.
pub fn sniff(bytes: &[u8]) -> FileKind {
    // A PDF may have a little junk before its header; readers accept it within the first KB.
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return FileKind::Pdf;
    }
    const IMAGES: [(&[u8], &str); 6] = [
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"BM", "BMP"),
        (b"II*\0", "TIFF"),
    ];
    for (magic, name) in IMAGES {
        if bytes.starts_with(magic) {
            return FileKind::Image(name);
        }
    }
    if bytes.len() >= 12 && &bytes[..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return FileKind::Image("WebP");
    }
    FileKind::Other
}

#[derive(Debug, Clone, PartialEq)]
pub enum ImportError {
    TooLarge {
        bytes: u64,
    },
    Empty,
    Image(&'static str),
    /// Bytes that are not UTF-8 text (and not a PDF or a known image).
    NotText,
    NotJson(String),
    NotAssessment(String),
    NewerFormat(u32),
    UnknownQuestionnaire {
        id: String,
    },
    UnknownQuestionnaireVersion {
        id: String,
        title: String,
        version: String,
        available: String,
    },
    PdfUnreadable(String),
    PdfWithoutAnswers,
    /// The questionnaire carried in the file is not valid: the validator's messages.
    BadQuestionnaire(Vec<String>),
    /// The questionnaire carried in the file is not the one its assessment names.
    OtherQuestionnaire {
        id: String,
        version: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            ImportError::TooLarge { bytes } => too_large(*bytes),
            ImportError::Empty => t!("This file is empty. Choose a .json file exported by this tool, or its PDF report."),
            ImportError::Image(kind) => t!(
                "This file is a {0} image, not an assessment. Choose a .json file exported by this tool, or its PDF report.",
                kind
            ),
            ImportError::NotText => t!(
                "This file is not an assessment file: it is not text. Choose a .json file exported by this tool, or its PDF report."
            ),
            ImportError::NotJson(detail) => t!(
                "This file is not an assessment file: it is not valid JSON ({0}). It may be damaged or cut short.",
                detail
            ),
            ImportError::NotAssessment(detail) => t!("This file is not an assessment file of this tool ({0}).", detail),
            ImportError::NewerFormat(v) => t!(
                "This file was made by a newer version of this tool (file format {0}; this version reads formats up to {1}). Update the tool to open it.",
                v,
                persist::FORMAT_VERSION
            ),
            ImportError::UnknownQuestionnaire { id } => t!(
                "This assessment uses a questionnaire this tool does not have (“{0}”). It may come from another tool, or from a newer version of this one.",
                id
            ),
            ImportError::UnknownQuestionnaireVersion { id: _, title, version, available } => t!(
                "This assessment uses version {0} of “{1}”, which this tool does not know (it has version {2}). It may come from a newer version of this tool.",
                version,
                title,
                available
            ),
            ImportError::PdfUnreadable(detail) => t!("This PDF could not be read ({0}).", detail),
            ImportError::PdfWithoutAnswers => t!(
                "This PDF has no answers inside it. Only PDF reports made by this tool carry the assessment; import its .json file instead."
            ),
            ImportError::BadQuestionnaire(errors) => t!("The questionnaire inside this file is not valid: {0}", errors.join("; ")),
            ImportError::OtherQuestionnaire { id, version } => t!(
                "The questionnaire inside this file (“{0}” version {1}) is not the one its assessment uses.",
                id,
                version
            ),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for ImportError {}

/// The message for a file over [`MAX_IMPORT_BYTES`] (the browser checks the size before reading
/// the file, and needs no other message of this module).
pub fn too_large(bytes: u64) -> String {
    t!(
        "This file is too large to be an assessment ({0}). Files over 5 MB are not accepted.",
        human_size(bytes)
    )
}

fn human_size(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!(
            "{} MB",
            crate::i18n::num(bytes as f64 / (1024.0 * 1024.0), 1)
        )
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

pub fn check_size(len: u64) -> Result<(), ImportError> {
    match len {
        0 => Err(ImportError::Empty),
        n if n > MAX_IMPORT_BYTES => Err(ImportError::TooLarge { bytes: n }),
        _ => Ok(()),
    }
}

/// The assessment file's text (after any PDF extraction) → the stored format, migrated.
pub fn parse_json(bytes: &[u8]) -> Result<StoredAssessment, ImportError> {
    check_size(bytes.len() as u64)?;
    if let FileKind::Image(kind) = sniff(bytes) {
        return Err(ImportError::Image(kind));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::NotText)?;
    // A byte-order mark, as some editors write, is not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let stored = persist::decode_stored(text).map_err(|e| match e {
        PersistError::NotJson(m) => ImportError::NotJson(m),
        PersistError::WrongShape(m) => ImportError::NotAssessment(m),
        PersistError::NewerFormat(v) => ImportError::NewerFormat(v),
    })?;
    // The app carries a review as text; a file is only taken in when its review reads too.
    if let Some(r) = &stored.assessment.review {
        r.parse().map_err(ImportError::NotAssessment)?;
    }
    Ok(stored)
}

/// A questionnaire the tool has: id, version, title.
#[derive(Debug, Clone, Copy)]
pub struct Available<'a> {
    pub id: &'a str,
    pub version: &'a str,
    pub title: &'a str,
}

/// The result of a successful import.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub assessment: Assessment,
    /// The questionnaire version the file was made with, when it was moved to a newer one.
    pub moved_from_version: Option<String>,
    /// The questionnaire the file carried (a custom one; validated), with which the assessment
    /// is opened without the tool having it.
    pub questionnaire: Option<crate::model::Questionnaire>,
}

/// Match the file's questionnaire against those the tool has, and take a questionnaire the file
/// carries (a custom one): it is validated like a file of its own and must be the one the
/// assessment names. When the tool has a questionnaire of that id and version itself, the tool's
/// is used (bundled questionnaires are never carried).
pub fn resolve_carried(
    stored: StoredAssessment,
    available: &[Available<'_>],
) -> Result<Imported, ImportError> {
    match carries_unknown(&stored, available) {
        Some(content) => {
            let q = crate::validate::load_questionnaire(content).map_err(|errors| {
                ImportError::BadQuestionnaire(errors.iter().map(|e| e.to_string()).collect())
            })?;
            let a = stored.assessment;
            if q.id != a.questionnaire_id || q.version != a.questionnaire_version {
                return Err(ImportError::OtherQuestionnaire {
                    id: q.id,
                    version: q.version,
                });
            }
            Ok(Imported {
                assessment: a,
                moved_from_version: None,
                questionnaire: Some(q),
            })
        }
        None => resolve(stored, available),
    }
}

/// The text of the questionnaire a file carries, when the tool does not have it itself (such a
/// file is read with [`resolve_carried`]; the studio sends it to the report worker, which has
/// the validator).
pub fn carries_unknown<'s>(
    stored: &'s StoredAssessment,
    available: &[Available<'_>],
) -> Option<&'s str> {
    let a = &stored.assessment;
    let known = available
        .iter()
        .any(|x| x.id == a.questionnaire_id && x.version == a.questionnaire_version);
    stored
        .questionnaire
        .content
        .as_ref()
        .filter(|_| !known)
        .map(|c| c.0.get())
}

/// Match the file's questionnaire against those the tool has (bundled ones; a carried one is
/// [`resolve_carried`]'s).
pub fn resolve(
    stored: StoredAssessment,
    available: &[Available<'_>],
) -> Result<Imported, ImportError> {
    let mut a = stored.assessment;
    let same_id: Vec<&Available> = available
        .iter()
        .filter(|q| q.id == a.questionnaire_id)
        .collect();
    if same_id.is_empty() {
        return Err(ImportError::UnknownQuestionnaire {
            id: a.questionnaire_id,
        });
    }
    if same_id.iter().any(|q| q.version == a.questionnaire_version) {
        return Ok(Imported {
            assessment: a,
            moved_from_version: None,
            questionnaire: None,
        });
    }
    match move_forward(&mut a, available) {
        Some(from) => Ok(Imported {
            assessment: a,
            moved_from_version: Some(from),
            questionnaire: None,
        }),
        None => Err(ImportError::UnknownQuestionnaireVersion {
            id: a.questionnaire_id.clone(),
            title: same_id[0].title.to_string(),
            version: a.questionnaire_version,
            available: same_id
                .iter()
                .map(|q| q.version)
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}

/// An assessment of an older version of a questionnaire the tool has moves to the newest
/// version: the answers are kept (those to questions or options the new version lacks are
/// listed by [`crate::answers::removed_answers`]). Returns the version it came from, or `None`
/// when it already has a version the tool has, or a newer or unknown one.
pub fn move_forward(a: &mut Assessment, available: &[Available<'_>]) -> Option<String> {
    let versions: Vec<&str> = available
        .iter()
        .filter(|q| q.id == a.questionnaire_id)
        .map(|q| q.version)
        .collect();
    move_to_newest(a, &versions)
}

/// The whole import of a file's bytes, given a way to take the answers out of a PDF.
pub fn import_bytes(
    bytes: &[u8],
    extract_pdf: impl FnOnce(&[u8]) -> Result<Vec<u8>, ImportError>,
    available: &[Available<'_>],
) -> Result<Imported, ImportError> {
    check_size(bytes.len() as u64)?;
    let stored = match sniff(bytes) {
        FileKind::Pdf => parse_json(&extract_pdf(bytes)?)?,
        FileKind::Image(kind) => return Err(ImportError::Image(kind)),
        FileKind::Other => parse_json(bytes)?,
    };
    resolve_carried(stored, available)
}

/// The questionnaires bundled with this build, as [`Available`] entries (titles in `lang`, else
/// in English).
pub fn bundled_available(lang: crate::i18n::Lang) -> Vec<Available<'static>> {
    let lang = lang.code();
    crate::bundled::INDEX
        .iter()
        .map(|b| {
            let pick = |l: &str| {
                b.title
                    .iter()
                    .find(|(code, text)| *code == l && !text.trim().is_empty())
                    .map(|(_, t)| *t)
            };
            Available {
                id: b.id,
                version: b.version,
                title: pick(lang)
                    .or_else(|| pick("en"))
                    .or(b.title.first().map(|(_, t)| *t))
                    .unwrap_or(b.id),
            }
        })
        .collect()
}
