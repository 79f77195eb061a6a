//! What a review's sign-off refers to: a SHA-256 fingerprint of the team's canonical answers
//! and, for a questionnaire of the user's own, of that questionnaire's content.
//!
//! The canonical form holds what the team answered and nothing about when or where: the
//! questionnaire (id and version), the profile metadata, and every non-empty response (answer
//! and note), by question id in order, with the options of a multiple-choice answer sorted.
//! Timestamps, the assessment id, the last section and empty responses are left out, so an
//! exported copy, a re-import or a reformatted file has the same fingerprint, while any change
//! to an answer, a note or the profile changes it. This detects changes; it is not an
//! electronic signature (anyone can recompute it).
//!
//! A questionnaire that comes with the tool is named by its id and version: a released version
//! never changes. A questionnaire of the user's own can be edited without a new version, so its
//! content counts too: the canonical form then also holds `questionnaire_sha256`, the SHA-256
//! of the questionnaire's canonical JSON ([`questionnaire_digest`]). Fingerprints of
//! assessments of bundled questionnaires are the same as before (issue 16).

use crate::answers::{Assessment, Metadata, Response, ReviewText};
use crate::model::Questionnaire;
use crate::t;
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Serialize)]
struct Canonical<'a> {
    questionnaire_id: &'a str,
    questionnaire_version: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    questionnaire_sha256: Option<&'a str>,
    metadata: &'a Metadata,
    responses: NonEmpty<'a>,
}

/// The non-empty responses in id order (the map is sorted already), each in canonical form,
/// written straight out (no second map: that code would weigh on the first page load).
struct NonEmpty<'a>(&'a BTreeMap<String, Response>);

impl Serialize for NonEmpty<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(
            self.0
                .iter()
                .filter(|(_, r)| r.answer.is_some() || !r.note.is_empty())
                .map(|(id, r)| {
                    (
                        id,
                        Response {
                            answer: r.answer.as_ref().map(|x| x.canonical()),
                            note: r.note.clone(),
                        },
                    )
                }),
        )
    }
}

/// The canonical text of a questionnaire's content: its JSON with the keys sorted, no
/// whitespace, and every member whose value is empty (`null`, `false`, `""`, `[]`, `{}`) left
/// out, so that a later version of the tool that adds an optional field (empty by default)
/// gives the same text for the same questionnaire.
pub fn canonical_questionnaire(q: &Questionnaire) -> String {
    fn prune(v: &mut serde_json::Value) -> bool {
        use serde_json::Value;
        match v {
            Value::Object(m) => {
                m.retain(|_, x| !prune(x));
                m.is_empty()
            }
            Value::Array(items) => {
                for x in items.iter_mut() {
                    prune(x);
                }
                items.is_empty()
            }
            Value::Null | Value::Bool(false) => true,
            Value::String(s) => s.is_empty(),
            _ => false,
        }
    }
    // A questionnaire is plain data with string keys: turning it into JSON cannot fail.
    // (Written out and read back rather than `to_value`: these readers and writers are in the
    // wasm already, a `Value` serialiser of the whole model adds about 6 KB of brotli to the studio.)
    let mut v: serde_json::Value = serde_json::to_string(q)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    prune(&mut v);
    // `serde_json`'s maps are sorted by key (the `preserve_order` feature is off).
    v.to_string()
}

/// `sha256:<hex>` of [`canonical_questionnaire`] for a questionnaire of the user's own; `None`
/// for one that comes with the tool (its id and version say what it holds).
pub fn questionnaire_digest(q: &Questionnaire) -> Option<String> {
    if crate::bundled::info(&q.id, &q.version).is_some() {
        return None;
    }
    Some(format!(
        "sha256:{}",
        crate::sha256::hex(canonical_questionnaire(q).as_bytes())
    ))
}

/// The canonical text the fingerprint is taken of (compact JSON): responses are written as the
/// stored file writes them (`answer` left out when there is none, `note` when it is empty).
/// `digest` is the questionnaire's [`questionnaire_digest`].
pub fn canonical_answers(a: &Assessment, digest: Option<&str>) -> String {
    let c = Canonical {
        questionnaire_id: &a.questionnaire_id,
        questionnaire_version: &a.questionnaire_version,
        questionnaire_sha256: digest,
        metadata: &a.metadata,
        responses: NonEmpty(&a.responses),
    };
    // Plain data with string keys: serialising it cannot fail.
    serde_json::to_string(&c).unwrap_or_default()
}

/// `sha256:<64 hex digits>` of the canonical answers (and the questionnaire's digest).
pub fn fingerprint(a: &Assessment, digest: Option<&str>) -> String {
    format!(
        "sha256:{}",
        crate::sha256::hex(canonical_answers(a, digest).as_bytes())
    )
}

/// Whether answers (or the questionnaire's content) changed since a sign-off with this
/// fingerprint.
pub fn is_stale(signed_fingerprint: &str, a: &Assessment, digest: Option<&str>) -> bool {
    fingerprint(a, digest) != signed_fingerprint
}

// ---------------------------------------------------------------------------------------------
// The review itself: what an ethics reviewer adds to a team's assessment file (format 3).
// ---------------------------------------------------------------------------------------------

use schemars::JsonSchema;
use serde::Deserialize;

/// How a reviewer marks one question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CommentStatus {
    Ok,
    Question,
    Concern,
}

impl CommentStatus {
    pub const ALL: [CommentStatus; 3] = [
        CommentStatus::Ok,
        CommentStatus::Question,
        CommentStatus::Concern,
    ];

    pub fn label(self) -> String {
        match self {
            CommentStatus::Ok => t!("OK"),
            CommentStatus::Question => t!("Question"),
            CommentStatus::Concern => t!("Concern"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            CommentStatus::Ok => "ok",
            CommentStatus::Question => "question",
            CommentStatus::Concern => "concern",
        }
    }
}

/// A reviewer's comment on one question, and the team's reply to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Comment {
    pub status: CommentStatus,
    #[serde(default)]
    pub text: String,
    /// The team's answer to the comment (written in the team's own app after re-import).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reply: String,
}

/// The reviewer's overall conclusion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Approved,
    ApprovedWithConditions,
    ReviseAndResubmit,
    NotApproved,
}

impl Verdict {
    pub const ALL: [Verdict; 4] = [
        Verdict::Approved,
        Verdict::ApprovedWithConditions,
        Verdict::ReviseAndResubmit,
        Verdict::NotApproved,
    ];

    pub fn label(self) -> String {
        match self {
            Verdict::Approved => t!("Approved"),
            Verdict::ApprovedWithConditions => t!("Approved with conditions"),
            Verdict::ReviseAndResubmit => t!("Revise and resubmit"),
            Verdict::NotApproved => t!("Not approved"),
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            Verdict::Approved => "approved",
            Verdict::ApprovedWithConditions => "approved_with_conditions",
            Verdict::ReviseAndResubmit => "revise_and_resubmit",
            Verdict::NotApproved => "not_approved",
        }
    }
}

/// The sign-off: which answers the verdict refers to, and when it was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// [`fingerprint`] of the answers at the moment of signing.
    pub fingerprint: String,
    /// RFC 3339.
    pub at: String,
}

/// An ethics review of one assessment. It travels inside the assessment file (format 3) but is
/// never part of the team's answers: the fingerprint leaves it out, and the team can only add
/// replies to its comments.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Review {
    #[serde(default)]
    pub reviewer_name: String,
    #[serde(default)]
    pub reviewer_role: String,
    /// The review date, `YYYY-MM-DD`.
    #[serde(default)]
    pub date: String,
    #[serde(default)]
    pub verdict: Option<Verdict>,
    /// Required with "approved with conditions".
    #[serde(default)]
    pub conditions: String,
    /// By question id.
    #[serde(default)]
    pub comments: BTreeMap<String, Comment>,
    #[serde(default)]
    pub sign_off: Option<SignOff>,
}

/// Where a review stands against the answers it travels with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReviewState {
    /// Not signed off yet.
    Draft,
    /// Signed off, and the answers are the ones reviewed.
    Current,
    /// Signed off, but the answers changed since.
    Stale,
}

/// Shown wherever a sign-off is: what the fingerprint can and cannot tell.
pub fn fingerprint_explained() -> String {
    t!("The fingerprint is a SHA-256 hash of the answers the reviewer saw. If any answer, note or profile field changes later, the sign-off is marked stale. This detects changes; it is not an electronic signature, and it does not prove who signed.")
}

/// Added where the questionnaire is one of the user's own (its digest is part of the
/// fingerprint).
pub fn fingerprint_covers_questionnaire() -> String {
    t!("This questionnaire is one of your organisation's own, so the fingerprint also covers its content. If the questionnaire changes, even without a new version number, the sign-off is marked stale too.")
}

/// The stale badge's text, the same in the app and the PDF.
pub fn stale_text() -> String {
    t!("Stale: answers changed since review")
}

/// Something a review still needs before it can be signed off, by the field it concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignOffProblem {
    Verdict,
    Conditions,
    ReviewerName,
    ReviewerRole,
    Date,
}

impl SignOffProblem {
    /// What to do, in the current language.
    pub fn message(self) -> String {
        match self {
            SignOffProblem::Verdict => t!("Choose a verdict."),
            SignOffProblem::Conditions => t!("Write the conditions of the approval."),
            SignOffProblem::ReviewerName => t!("Fill in the reviewer's name."),
            SignOffProblem::ReviewerRole => t!("Fill in the reviewer's role."),
            SignOffProblem::Date => t!("Fill in the review date."),
        }
    }

    /// The [`Review`] field it concerns, as named in the file: `verdict`, `conditions`,
    /// `reviewer_name`, `reviewer_role` or `date` (the same in every language).
    pub fn field(self) -> &'static str {
        match self {
            SignOffProblem::Verdict => "verdict",
            SignOffProblem::Conditions => "conditions",
            SignOffProblem::ReviewerName => "reviewer_name",
            SignOffProblem::ReviewerRole => "reviewer_role",
            SignOffProblem::Date => "date",
        }
    }
}

impl std::fmt::Display for SignOffProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message())
    }
}

/// A problem equals its message in the current language.
impl PartialEq<&str> for SignOffProblem {
    fn eq(&self, other: &&str) -> bool {
        self.message() == *other
    }
}

impl Review {
    /// `digest`: the questionnaire's [`questionnaire_digest`].
    pub fn state(&self, a: &Assessment, digest: Option<&str>) -> ReviewState {
        match &self.sign_off {
            None => ReviewState::Draft,
            Some(s) if is_stale(&s.fingerprint, a, digest) => ReviewState::Stale,
            Some(_) => ReviewState::Current,
        }
    }

    /// What is missing before the review can be signed off (empty: it can be).
    pub fn sign_off_problems(&self) -> Vec<SignOffProblem> {
        let mut out = Vec::new();
        if self.verdict.is_none() {
            out.push(SignOffProblem::Verdict);
        }
        if self.verdict == Some(Verdict::ApprovedWithConditions)
            && self.conditions.trim().is_empty()
        {
            out.push(SignOffProblem::Conditions);
        }
        if self.reviewer_name.trim().is_empty() {
            out.push(SignOffProblem::ReviewerName);
        }
        if self.reviewer_role.trim().is_empty() {
            out.push(SignOffProblem::ReviewerRole);
        }
        if !valid_date(&self.date) {
            out.push(SignOffProblem::Date);
        }
        out
    }

    /// Sign off on the answers of `a` as they are now (and the questionnaire whose
    /// [`questionnaire_digest`] is `digest`).
    pub fn sign(
        &mut self,
        a: &Assessment,
        digest: Option<&str>,
        now: &str,
    ) -> Result<(), Vec<SignOffProblem>> {
        let problems = self.sign_off_problems();
        if !problems.is_empty() {
            return Err(problems);
        }
        self.sign_off = Some(SignOff {
            fingerprint: fingerprint(a, digest),
            at: now.to_string(),
        });
        Ok(())
    }

    /// How many comments have each status, in [`CommentStatus::ALL`] order.
    pub fn counts(&self) -> [usize; 3] {
        let mut out = [0; 3];
        for c in self.comments.values() {
            out[c.status as usize] += 1;
        }
        out
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
pub fn valid_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| s.get(r).and_then(|p| p.parse::<u32>().ok());
    matches!((num(0..4), num(5..7), num(8..10)), (Some(_), Some(m), Some(d)) if (1..=12).contains(&m) && (1..=31).contains(&d))
}

/// The team's side of a returned review: take the reviewer's work from `reviewed` into `mine`,
/// keeping my answers and any replies I already wrote to the same comments.
pub fn take_review(mine: &mut Assessment, reviewed: &Assessment) {
    let Some(incoming) = reviewed.review() else {
        return;
    };
    let mut review = incoming;
    if let Some(old) = mine.review() {
        for (q, c) in review.comments.iter_mut() {
            if c.reply.is_empty() {
                if let Some(prev) = old.comments.get(q) {
                    c.reply = prev.reply.clone();
                }
            }
        }
    }
    mine.set_review(Some(&review));
}

/// What happened when a reviewer opened a team's file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opened {
    /// A file not reviewed on this device before.
    New,
    /// The team's new answers and replies were taken; the reviewer's own work was kept.
    Updated,
}

/// The reviewer's side of opening a team file: the team's answers (and replies) always come
/// from the file; the reviewer's comments, verdict and sign-off come from the review already on
/// this device, if there is one, else from the file (a review made elsewhere).
pub fn reviewer_opens(existing: Option<&Assessment>, incoming: Assessment) -> (Assessment, Opened) {
    let Some(mine) = existing.and_then(|e| e.review()) else {
        return (incoming, Opened::New);
    };
    let mut review = mine;
    if let Some(theirs) = incoming.review() {
        for (q, c) in review.comments.iter_mut() {
            if let Some(t) = theirs.comments.get(q) {
                if !t.reply.is_empty() {
                    c.reply = t.reply.clone();
                }
            }
        }
    }
    let mut out = incoming;
    out.set_review(Some(&review));
    (out, Opened::Updated)
}

// The review carried as text ([`ReviewText`], defined with the assessment that carries it):
// read and written here, where `Review` is.

impl schemars::JsonSchema for ReviewText {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        Review::schema_name()
    }

    fn schema_id() -> std::borrow::Cow<'static, str> {
        Review::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        Review::json_schema(generator)
    }
}

impl ReviewText {
    pub fn parse(&self) -> Result<Review, String> {
        serde_json::from_str(self.0.get())
            .map_err(|e| t!("the review in it cannot be read ({0})", e))
    }

    pub fn of(r: &Review) -> ReviewText {
        // Plain data with string keys: serialising it cannot fail; the fallback is an empty review.
        ReviewText(serde_json::value::to_raw_value(r).unwrap_or_else(|_| {
            serde_json::value::RawValue::from_string("{}".into()).unwrap_or_default()
        }))
    }
}

impl Assessment {
    /// The review this assessment carries (`None`: none, or one that cannot be read; files
    /// with an unreadable review are refused on import).
    pub fn review(&self) -> Option<Review> {
        self.review.as_ref().and_then(|r| r.parse().ok())
    }

    pub fn set_review(&mut self, r: Option<&Review>) {
        self.review = r.map(ReviewText::of);
    }

    /// The team's reply to a reviewer's comment (no comment there: nothing to reply to).
    pub fn set_reply(&mut self, question: &str, reply: String, now: &str) -> bool {
        let Some(mut r) = self.review() else {
            return false;
        };
        let Some(c) = r.comments.get_mut(question) else {
            return false;
        };
        c.reply = reply;
        self.set_review(Some(&r));
        self.touch(now);
        true
    }
}
