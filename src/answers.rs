//! The assessment: answers, notes and metadata, plus the queries over them that do not score:
//! condition evaluation (visibility) and progress.
//!
//! The assessment never holds the clock or random ids itself: callers pass timestamps and ids in,
//! so that everything here is deterministic and testable.

use crate::model::*;
use crate::t;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// An answer to one question. In JSON: `{"type": "choice", "id": "a"}`, `{"type": "dont_know"}`, …
/// (Serialize and Deserialize are written by hand in [`crate::flat`]: the same JSON, and a fixed
/// layout for the report worker's messages.)
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Answer {
    /// One option (single choice, scale, yes/no).
    Choice { id: String },
    /// Options of a multiple-choice question.
    Choices { ids: Vec<String> },
    /// Short or long text.
    Text { value: String },
    /// A date as `YYYY-MM-DD`.
    Date { value: String },
    /// "Don't know": counts as maximum concern, listed as a knowledge gap.
    DontKnow,
    /// "Not applicable": excluded from the score; needs a justification in the note.
    NotApplicable,
}

impl Answer {
    /// The same answer in a canonical form: the options of a multiple-choice answer sorted and
    /// without repeats (the order teams tick them in does not change the answer).
    pub fn canonical(&self) -> Answer {
        match self {
            Answer::Choices { ids } => {
                let mut ids = ids.clone();
                ids.sort();
                ids.dedup();
                Answer::Choices { ids }
            }
            other => other.clone(),
        }
    }
}

/// The answer and the note of one question. A note may exist without an answer.
/// (Serialize is written by hand in [`crate::flat`]: JSON leaves out the empty fields.)
#[derive(Debug, Clone, PartialEq, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Response {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<Answer>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
}

impl Response {
    fn is_empty(&self) -> bool {
        self.answer.is_none() && self.note.is_empty()
    }
}

/// Who assesses what: filled by the profile questions.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct Metadata {
    pub project_name: String,
    pub organisation: String,
    pub assessors: String,
    pub intended_use: String,
    pub intended_users: String,
    pub clinical_setting: String,
    pub target_population: String,
    pub data_sources: String,
}

impl Metadata {
    pub fn get(&self, field: ProfileField) -> &str {
        match field {
            ProfileField::ProjectName => &self.project_name,
            ProfileField::Organisation => &self.organisation,
            ProfileField::Assessors => &self.assessors,
            ProfileField::IntendedUse => &self.intended_use,
            ProfileField::IntendedUsers => &self.intended_users,
            ProfileField::ClinicalSetting => &self.clinical_setting,
            ProfileField::TargetPopulation => &self.target_population,
            ProfileField::DataSources => &self.data_sources,
        }
    }

    pub fn set(&mut self, field: ProfileField, value: String) {
        let slot = match field {
            ProfileField::ProjectName => &mut self.project_name,
            ProfileField::Organisation => &mut self.organisation,
            ProfileField::Assessors => &mut self.assessors,
            ProfileField::IntendedUse => &mut self.intended_use,
            ProfileField::IntendedUsers => &mut self.intended_users,
            ProfileField::ClinicalSetting => &mut self.clinical_setting,
            ProfileField::TargetPopulation => &mut self.target_population,
            ProfileField::DataSources => &mut self.data_sources,
        };
        *slot = value;
    }
}

/// One team's assessment of one project against one questionnaire version.
/// (Serialize is written by hand in [`crate::flat`]: JSON leaves out the empty fields.)
#[derive(Debug, Clone, PartialEq, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub id: String,
    pub questionnaire_id: String,
    pub questionnaire_version: String,
    /// RFC 3339 timestamps.
    pub created: String,
    pub modified: String,
    #[serde(default)]
    pub metadata: Metadata,
    /// Keyed by question id. Answers to questions that are hidden now are kept.
    #[serde(default)]
    pub responses: BTreeMap<String, Response>,
    /// The section the user was last on, to resume there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_section: Option<String>,
    /// An ethics review of these answers (format 3), if a reviewer returned one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<ReviewText>,
    /// The team's action plan (format 4).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<crate::action::Action>,
}

/// A review as it travels inside an assessment: its JSON text (the same JSON as a
/// [`crate::review::Review`] written out), parsed only where it is used — the studio, the report
/// worker, the CLI (`ReviewText::parse` and `ReviewText::of` live in `review`, which owns
/// `Review`). The main app only carries it along, so its first page load holds no code for
/// reading or writing reviews. Every reader that accepts a file checks it with `parse` (see
/// `import::parse_json`).
///
/// It still pays (measured with `make dist`, December 2026): the first page load is 233.6 KB
/// (English) and 238.2 KB (Dutch) with it; with the review parsed into the main app's
/// `Assessment` instead (`Option<Review>`), 237.4 KB and 242.0 KB (+3.8 KB brotli, +15 KB of
/// wasm), over the 240 KB budget.
#[derive(Debug, Clone)]
pub struct ReviewText(pub(crate) Box<serde_json::value::RawValue>);

impl PartialEq for ReviewText {
    fn eq(&self, other: &Self) -> bool {
        self.0.get() == other.0.get()
    }
}

/// In JSON, the review as it is; in a binary format (the report worker's messages), its JSON
/// text as a string.
impl Serialize for ReviewText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            self.0.serialize(s)
        } else {
            s.serialize_str(self.0.get())
        }
    }
}

impl<'de> Deserialize<'de> for ReviewText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            Box::<serde_json::value::RawValue>::deserialize(d).map(ReviewText)
        } else {
            let text = String::deserialize(d)?;
            serde_json::value::RawValue::from_string(text)
                .map(ReviewText)
                .map_err(serde::de::Error::custom)
        }
    }
}

/// A shortest note that counts as a justification for "Not applicable".
pub const MIN_JUSTIFICATION_CHARS: usize = 3;

impl Assessment {
    pub fn new(id: String, q: &Questionnaire, now: &str) -> Self {
        Assessment {
            id,
            questionnaire_id: q.id.clone(),
            questionnaire_version: q.version.clone(),
            created: now.to_string(),
            modified: now.to_string(),
            metadata: Metadata::default(),
            responses: BTreeMap::new(),
            last_section: None,
            review: None,
            actions: Vec::new(),
        }
    }

    pub fn answer(&self, question: &str) -> Option<&Answer> {
        self.responses.get(question).and_then(|r| r.answer.as_ref())
    }

    pub fn note(&self, question: &str) -> &str {
        self.responses
            .get(question)
            .map(|r| r.note.as_str())
            .unwrap_or("")
    }

    /// Set or clear an answer.
    pub fn set_answer(&mut self, question: &str, answer: Option<Answer>, now: &str) {
        let r = self.responses.entry(question.to_string()).or_default();
        r.answer = answer;
        if r.is_empty() {
            self.responses.remove(question);
        }
        self.touch(now);
    }

    pub fn set_note(&mut self, question: &str, note: String, now: &str) {
        let r = self.responses.entry(question.to_string()).or_default();
        r.note = note;
        if r.is_empty() {
            self.responses.remove(question);
        }
        self.touch(now);
    }

    pub fn set_metadata(&mut self, field: ProfileField, value: String, now: &str) {
        self.metadata.set(field, value);
        self.touch(now);
    }

    /// Toggle one option of a multiple-choice answer. An exclusive option ("None of these")
    /// clears the others when picked, and is cleared when another option is picked.
    pub fn toggle_choice(&mut self, question: &Question, option: &str, on: bool, now: &str) {
        let options = question.kind.options();
        let exclusive = |id: &str| options.iter().any(|o| o.id == id && o.exclusive);
        let mut ids = match self.answer(&question.id) {
            Some(Answer::Choices { ids }) => ids.clone(),
            _ => Vec::new(),
        };
        ids.retain(|i| i != option);
        if on {
            if exclusive(option) {
                ids.clear();
            } else {
                ids.retain(|i| !exclusive(i));
            }
            ids.push(option.to_string());
        }
        let answer = if ids.is_empty() {
            None
        } else {
            Some(Answer::Choices { ids })
        };
        self.set_answer(&question.id, answer, now);
    }

    pub(crate) fn touch(&mut self, now: &str) {
        self.modified = now.to_string();
    }

    /// The title to show for the assessment.
    pub fn display_name(&self) -> String {
        let n = self.metadata.project_name.trim();
        if n.is_empty() {
            t!("Untitled project")
        } else {
            n.to_string()
        }
    }

    /// Whether the answer to a question is complete: answered, and N/A justified.
    pub fn is_answered(&self, q: &Question) -> bool {
        if let QuestionKind::Profile { field } = q.kind {
            return !self.metadata.get(field).trim().is_empty();
        }
        match self.answer(&q.id) {
            None => false,
            Some(Answer::NotApplicable) => self.na_justified(&q.id),
            Some(Answer::Text { value }) | Some(Answer::Date { value }) => !value.trim().is_empty(),
            Some(Answer::Choices { ids }) => !ids.is_empty(),
            Some(_) => true,
        }
    }

    /// Whether an N/A answer has a justification note.
    pub fn na_justified(&self, question: &str) -> bool {
        self.note(question).trim().chars().count() >= MIN_JUSTIFICATION_CHARS
    }
}

/// Evaluate a condition against the answers; `visible` says whether a referenced question is
/// currently shown (a condition on a hidden question is false).
pub(crate) fn eval(cond: &Condition, a: &Assessment, visible: &dyn Fn(&str) -> bool) -> bool {
    let picked = |question: &str| -> Vec<&str> {
        if !visible(question) {
            return Vec::new();
        }
        match a.answer(question) {
            Some(Answer::Choice { id }) => vec![id.as_str()],
            Some(Answer::Choices { ids }) => ids.iter().map(String::as_str).collect(),
            Some(Answer::DontKnow) => vec![DONT_KNOW_VALUE],
            _ => Vec::new(),
        }
    };
    match cond {
        Condition::Equals { question, value } => picked(question).contains(&value.as_str()),
        Condition::AnyOf { question, values } => {
            let p = picked(question);
            values.iter().any(|v| p.contains(&v.as_str()))
        }
        Condition::AllOf { question, values } => {
            let p = picked(question);
            !values.is_empty() && values.iter().all(|v| p.contains(&v.as_str()))
        }
        Condition::All(cs) => cs.iter().all(|c| eval(c, a, visible)),
        Condition::Any(cs) => cs.iter().any(|c| eval(c, a, visible)),
        Condition::Not(c) => !eval(c, a, visible),
    }
}

/// Which questions are visible: computed once, in document order, so that a question whose
/// condition depends on a hidden question is hidden as well.
#[derive(Debug, Clone, PartialEq)]
pub struct Visibility {
    hidden: std::collections::BTreeSet<String>,
}

impl Visibility {
    pub fn compute(q: &Questionnaire, a: &Assessment) -> Self {
        let mut hidden = std::collections::BTreeSet::new();
        for r in q.questions() {
            if let Some(cond) = &r.question.show_if {
                let shown = eval(cond, a, &|id: &str| !hidden.contains(id));
                if !shown {
                    hidden.insert(r.question.id.clone());
                }
            }
        }
        Visibility { hidden }
    }

    pub fn is_visible(&self, question: &str) -> bool {
        !self.hidden.contains(question)
    }
}

/// Evaluate one condition on its own (used by tests and tools).
pub fn condition_holds(q: &Questionnaire, a: &Assessment, cond: &Condition) -> bool {
    let vis = Visibility::compute(q, a);
    eval(cond, a, &|id| vis.is_visible(id))
}

/// Progress through one section.
#[derive(Debug, Clone, PartialEq)]
pub struct SectionProgress {
    pub section_id: String,
    pub answered: usize,
    pub visible: usize,
}

impl SectionProgress {
    pub fn percent(&self) -> u32 {
        percent(self.answered, self.visible)
    }

    pub fn is_complete(&self) -> bool {
        self.answered == self.visible
    }
}

/// A required question left unanswered (or N/A without justification).
#[derive(Debug, Clone, PartialEq)]
pub struct Missing {
    pub section_id: String,
    pub question_id: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Progress {
    pub sections: Vec<SectionProgress>,
    pub answered: usize,
    pub visible: usize,
    pub missing_required: Vec<Missing>,
}

impl Progress {
    pub fn compute(q: &Questionnaire, a: &Assessment) -> Self {
        let vis = Visibility::compute(q, a);
        let mut sections = Vec::new();
        let mut missing_required = Vec::new();
        for s in &q.sections {
            let mut sp = SectionProgress {
                section_id: s.id.clone(),
                answered: 0,
                visible: 0,
            };
            for question in s.questions.iter().filter(|x| vis.is_visible(&x.id)) {
                sp.visible += 1;
                if a.is_answered(question) {
                    sp.answered += 1;
                } else if question.required {
                    missing_required.push(Missing {
                        section_id: s.id.clone(),
                        question_id: question.id.clone(),
                    });
                }
            }
            sections.push(sp);
        }
        Progress {
            answered: sections.iter().map(|s| s.answered).sum(),
            visible: sections.iter().map(|s| s.visible).sum(),
            sections,
            missing_required,
        }
    }

    pub fn percent(&self) -> u32 {
        percent(self.answered, self.visible)
    }

    pub fn section(&self, id: &str) -> Option<&SectionProgress> {
        self.sections.iter().find(|s| s.section_id == id)
    }
}

fn percent(done: usize, of: usize) -> u32 {
    if of == 0 {
        100
    } else {
        ((done as f64 * 100.0) / of as f64).floor() as u32
    }
}

/// What an answer says, in words: option labels, the text, "Don't know" or "Not applicable".
/// `None` when the question is unanswered.
pub fn answer_text(question: &Question, a: &Assessment, locale: &str) -> Option<String> {
    if let QuestionKind::Profile { field } = question.kind {
        let v = a.metadata.get(field).trim();
        return (!v.is_empty()).then(|| v.to_string());
    }
    let label = |id: &str| {
        question
            .kind
            .options()
            .into_iter()
            .find(|o| o.id == id)
            .map(|o| o.label_in(locale))
            .unwrap_or_else(|| t!("{0} (option no longer offered)", id))
    };
    match a.answer(&question.id)? {
        Answer::Choice { id } => Some(label(id)),
        Answer::Choices { ids } if ids.is_empty() => None,
        Answer::Choices { ids } => {
            Some(ids.iter().map(|i| label(i)).collect::<Vec<_>>().join("; "))
        }
        Answer::Text { value } | Answer::Date { value } => {
            (!value.trim().is_empty()).then(|| value.clone())
        }
        Answer::DontKnow => Some(dont_know()),
        Answer::NotApplicable => Some(not_applicable()),
    }
}

/// The answer "Don't know", in words.
pub fn dont_know() -> String {
    t!("Don't know")
}

/// The answer "Not applicable", in words.
pub fn not_applicable() -> String {
    t!("Not applicable")
}

/// Answers and notes kept for question ids that the questionnaire no longer has (for example
/// after moving an imported file to a newer questionnaire version). They are never dropped:
/// the results page, the report and the Markdown export list them as "answers to removed
/// questions", in question-id order.
///
/// An answer whose chosen option this version no longer offers counts too (its question is
/// then shown unanswered): it is listed rather than silently dropped.
pub fn removed_answers<'a>(q: &Questionnaire, a: &'a Assessment) -> Vec<(&'a str, &'a Response)> {
    a.responses
        .iter()
        .filter(|(id, r)| {
            !r.is_empty()
                && q.question(id)
                    .is_none_or(|x| has_stale_option(&x.question.kind, r))
        })
        .map(|(id, r)| (id.as_str(), r))
        .collect()
}

/// Whether a choice answer names an option the question does not have.
fn has_stale_option(kind: &QuestionKind, r: &Response) -> bool {
    let known = |id: &str| kind.options().iter().any(|o| o.id == id);
    match &r.answer {
        Some(Answer::Choice { id }) => kind.is_choice() && !known(id),
        Some(Answer::Choices { ids }) => kind.is_choice() && ids.iter().any(|i| !known(i)),
        _ => false,
    }
}

/// The question of this version that now covers a kept answer's topic: the question itself
/// when only its option was removed, else the one the file names in `replaced`.
pub fn moved_to<'q>(q: &'q Questionnaire, id: &str) -> Option<QuestionRef<'q>> {
    q.question(id).or_else(|| {
        q.replaced
            .iter()
            .find(|r| r.question == id)
            .and_then(|r| q.question(&r.by))
    })
}

/// A kept answer's pointer in words: "now asked in: “…”", or `None`.
pub fn moved_to_text(q: &Questionnaire, id: &str, locale: &str) -> Option<String> {
    moved_to(q, id).map(|r| crate::t!("now asked in: “{0}”", r.question.text.get(locale)))
}

/// An answer in words without its question (option ids as they were stored).
pub fn raw_answer_text(answer: &Answer) -> String {
    match answer {
        Answer::Choice { id } => id.clone(),
        Answer::Choices { ids } => ids.join("; "),
        Answer::Text { value } | Answer::Date { value } => value.clone(),
        Answer::DontKnow => dont_know(),
        Answer::NotApplicable => not_applicable(),
    }
}
