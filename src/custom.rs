//! A questionnaire of the user's own, checked in the browser (issue 16) with the same validator
//! and lint as `elsa-lint`, and kept on the device in its binary form.
//!
//! [`check`] reads a file's text: when it `extends` a bundled questionnaire and that base was not
//! given, it says which base it needs ([`Checked::NeedsBase`]); else every error at once, with
//! path, line and column, or the questionnaire with the lint's remarks and the texts that have
//! no Dutch (a custom file may be English only). The id and version of a questionnaire that comes
//! with the tool are refused: a custom questionnaire must have its own.

use crate::model::{Base, Questionnaire};
use crate::t;
use serde::Deserialize;

/// Prefix of the keys holding custom questionnaires (`<id>@<version>` follows), each the
/// base64 text of its binary form ([`crate::bundled::encode_bin`]).
pub const QUESTIONNAIRE_KEY_PREFIX: &str = "elsa.v1.questionnaire.";

pub fn questionnaire_key(id: &str, version: &str) -> String {
    format!("{QUESTIONNAIRE_KEY_PREFIX}{id}@{version}")
}

/// What a check found.
#[derive(Debug, Clone, PartialEq)]
pub enum Checked {
    /// The file extends this bundled questionnaire: check again with it.
    NeedsBase(Base),
    /// Not usable: every error, in the validator's words with line and column.
    Invalid(Vec<String>),
    /// Usable.
    Valid {
        questionnaire: Questionnaire,
        /// The lint's remarks (advice; the questionnaire can be used).
        remarks: Vec<String>,
        /// The paths of texts without Dutch (shown in English, marked so).
        no_dutch: Vec<String>,
    },
}

/// Check a questionnaire file's bytes; `base` is the bundled questionnaire it extends, once
/// known.
pub fn check(bytes: &[u8], base: Option<&Questionnaire>) -> Checked {
    if let Err(e) = crate::import::check_size(bytes.len() as u64) {
        return Checked::Invalid(vec![e.to_string()]);
    }
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Checked::Invalid(vec![t!(
            "This file is not text. Choose a questionnaire file (.json)."
        )]);
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    #[derive(Deserialize)]
    struct Head {
        #[serde(default)]
        extends: Option<Base>,
    }
    if let Ok(Head {
        extends: Some(wanted),
    }) = serde_json::from_str::<Head>(text)
    {
        let given = base.is_some_and(|b| b.id == wanted.id && b.version == wanted.version);
        if !given && crate::bundled::info(&wanted.id, &wanted.version).is_some() {
            return Checked::NeedsBase(wanted);
        }
    }
    let lookup =
        |id: &str, version: &str| base.filter(|b| b.id == id && b.version == version).cloned();
    let q = match crate::validate::load_questionnaire_with(text, &lookup) {
        Ok(q) => q,
        Err(errors) => return Checked::Invalid(errors.iter().map(|e| e.to_string()).collect()),
    };
    if crate::bundled::info(&q.id, &q.version).is_some() {
        return Checked::Invalid(vec![t!(
            "“{0}” version {1} is a questionnaire that comes with the tool. Give your questionnaire its own id.",
            q.id,
            q.version
        )]);
    }
    let remarks = crate::lint::lint(&q, &crate::lint::Requirements::default());
    let no_dutch = crate::validate::validate_bundled(&q)
        .into_iter()
        .filter(|e| {
            matches!(
                e.kind,
                crate::validate::ErrorKind::MissingTranslation { .. }
            )
        })
        .map(|e| e.path)
        .collect();
    Checked::Valid {
        questionnaire: q,
        remarks,
        no_dutch,
    }
}

/// Whether an assessment moves to `q` when `q` is kept: the same questionnaire, an older
/// version (its answers are kept; those to questions `q` lacks are listed, as for bundled ones).
pub fn moves_to(a: &crate::answers::Assessment, q: &Questionnaire) -> bool {
    a.questionnaire_id == q.id
        && crate::versions::compare_versions(&a.questionnaire_version, &q.version)
            == Some(std::cmp::Ordering::Less)
}

/// The newest of `kept` that an assessment of an older version of the same questionnaire moves
/// to (`None`: it already has the newest). An imported file of an older version of a kept
/// questionnaire moves forward, as files of the tool's own questionnaires do.
pub fn newest_for<'k>(
    a: &crate::answers::Assessment,
    kept: impl IntoIterator<Item = &'k Questionnaire>,
) -> Option<&'k Questionnaire> {
    kept.into_iter()
        .filter(|q| moves_to(a, q))
        .fold(None, |best: Option<&Questionnaire>, q| match best {
            Some(b)
                if crate::versions::compare_versions(&b.version, &q.version)
                    != Some(std::cmp::Ordering::Less) =>
            {
                Some(b)
            }
            _ => Some(q),
        })
}

/// How a questionnaire (its binary form, [`crate::bundled::encode_bin`]) relates to those kept
/// on the device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// No questionnaire with its id and version is here.
    New,
    /// This very questionnaire is here already.
    Same,
    /// Another questionnaire with the same id and version is here: refused (two different
    /// files must not pass for one, or a sign-off and the answers would be read against the
    /// wrong questions).
    Conflict,
}

/// Where `q` (binary form `bin`) fits among the kept questionnaires.
pub fn fit<'k>(
    kept: impl IntoIterator<Item = (&'k Questionnaire, &'k [u8])>,
    q: &Questionnaire,
    bin: &[u8],
) -> Fit {
    match kept
        .into_iter()
        .find(|(k, _)| k.id == q.id && k.version == q.version)
    {
        None => Fit::New,
        // The same content kept in an older binary layout is the same questionnaire.
        Some((k, b)) if b == bin || k == q => Fit::Same,
        Some(_) => Fit::Conflict,
    }
}

/// Why a [`Fit::Conflict`] is refused, and what to do.
pub fn conflict_message(id: &str, version: &str) -> String {
    t!("Another questionnaire “{0}” version {1} is already on this device, with other content. Give the new one a higher version, or another id.", id, version)
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Base64 (RFC 4648, with padding): how a binary questionnaire is kept as text.
pub fn to_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (*b as u32) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The bytes of a [`to_base64`] text; `None` when it is not one.
pub fn from_base64(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut n, mut bits) = (0u32, 0);
    for c in text.bytes() {
        let v = B64.iter().position(|b| *b == c)? as u32;
        n = n << 6 | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((n >> bits) as u8);
            n &= (1 << bits) - 1;
        }
    }
    Some(out)
}
