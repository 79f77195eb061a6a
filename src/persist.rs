//! The stored and exported file format of an assessment, with a format version.
//!
//! Every saved assessment is one localStorage entry under [`assessment_key`], holding a
//! [`StoredAssessment`]. Older formats get migrations here when the format changes.

use crate::answers::Assessment;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The current format version of stored and exported assessments.
pub const FORMAT_VERSION: u32 = 1;
/// The tool's version, recorded in every file.
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
/// Every key of the app starts with this, so that "delete all my data" can find them.
pub const KEY_NAMESPACE: &str = "elsa.";
/// Prefix of the keys holding assessments.
pub const ASSESSMENT_KEY_PREFIX: &str = "elsa.v1.assessment.";

pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_KEY_PREFIX}{id}")
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredAssessment {
    pub format_version: u32,
    pub tool_version: String,
    pub assessment: Assessment,
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
        match self {
            PersistError::NotJson(e) => write!(f, "not valid JSON ({e})"),
            PersistError::WrongShape(e) => write!(f, "not an assessment ({e})"),
            PersistError::NewerFormat(v) => write!(
                f,
                "made by a newer version of this tool (format {v}; this version reads up to {FORMAT_VERSION})"
            ),
        }
    }
}

pub fn encode(a: &Assessment) -> String {
    let stored = StoredAssessment {
        format_version: FORMAT_VERSION,
        tool_version: TOOL_VERSION.to_string(),
        assessment: a.clone(),
    };
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string(&stored).unwrap_or_default()
}

pub fn decode(text: &str) -> Result<Assessment, PersistError> {
    // Read the version first (ignoring everything else), then the whole file from the text.
    // Parsing straight from the text, not through `serde_json::Value`, keeps the UI's wasm small.
    #[derive(Deserialize)]
    struct Version {
        format_version: Option<u64>,
    }
    let head: Version = serde_json::from_str(text).map_err(|e| {
        if e.is_syntax() || e.is_eof() {
            PersistError::NotJson(e.to_string())
        } else {
            PersistError::WrongShape(e.to_string())
        }
    })?;
    let version = head.format_version.ok_or_else(|| PersistError::WrongShape("no format_version".into()))?;
    if version > FORMAT_VERSION as u64 {
        return Err(PersistError::NewerFormat(version as u32));
    }
    let stored: StoredAssessment =
        serde_json::from_str(text).map_err(|e| PersistError::WrongShape(e.to_string()))?;
    Ok(stored.assessment)
}
