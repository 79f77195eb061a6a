//! What a review's sign-off refers to: a SHA-256 fingerprint of the team's canonical answers.
//!
//! The canonical form holds what the team answered and nothing about when or where: the
//! questionnaire (id and version), the profile metadata, and every non-empty response (answer
//! and note), by question id in order, with the options of a multiple-choice answer sorted.
//! Timestamps, the assessment id, the last section and empty responses are left out, so an
//! exported copy, a re-import or a reformatted file has the same fingerprint, while any change
//! to an answer, a note or the profile changes it. This detects changes; it is not an
//! electronic signature (anyone can recompute it).

use crate::answers::{Answer, Assessment, Metadata};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

#[derive(Serialize)]
struct Canonical<'a> {
    questionnaire_id: &'a str,
    questionnaire_version: &'a str,
    metadata: &'a Metadata,
    responses: BTreeMap<&'a str, (Option<Answer>, &'a str)>,
}

/// The canonical text the fingerprint is taken of (compact JSON).
pub fn canonical_answers(a: &Assessment) -> String {
    let responses = a
        .responses
        .iter()
        .filter(|(_, r)| r.answer.is_some() || !r.note.is_empty())
        .map(|(id, r)| {
            (id.as_str(), (r.answer.as_ref().map(Answer::canonical), r.note.as_str()))
        })
        .collect();
    let c = Canonical {
        questionnaire_id: &a.questionnaire_id,
        questionnaire_version: &a.questionnaire_version,
        metadata: &a.metadata,
        responses,
    };
    // Plain data with string keys: serialising it cannot fail.
    serde_json::to_string(&c).unwrap_or_default()
}

/// `sha256:<64 hex digits>` of the canonical answers.
pub fn fingerprint(a: &Assessment) -> String {
    let digest = Sha256::digest(canonical_answers(a).as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256:{hex}")
}

/// Whether answers changed since a sign-off with this fingerprint.
pub fn is_stale(signed_fingerprint: &str, a: &Assessment) -> bool {
    fingerprint(a) != signed_fingerprint
}
