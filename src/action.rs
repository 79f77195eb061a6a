//! One action of the team's action plan: the stored model (`Assessment::actions`, file format
//! 4) and the rules that need nothing but the action itself: [`Action::problems`] (won't-do needs
//! a reason, the due date must be a real date), [`Action::is_overdue`], [`plan_order`],
//! [`counts`], [`owners`]. What works on findings, answers and files is in [`crate::actions`],
//! which re-exports all of this: `answers` holds actions, so this module must not need `answers`.

use crate::model::Questionnaire;
use crate::t;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How urgent an action is. Pre-filled from the finding's concern; the team may change it.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    High,
    Medium,
    Low,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    pub fn label(self) -> String {
        match self {
            Priority::High => t!("High"),
            Priority::Medium => t!("Medium"),
            Priority::Low => t!("Low"),
        }
    }
}

/// Where an action stands. "Won't do" carries its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Status {
    Open,
    InProgress,
    Done,
    WontDo { reason: String },
}

/// The status without its reason: for counting and filtering.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum StatusKind {
    Open,
    InProgress,
    Done,
    WontDo,
}

impl StatusKind {
    pub const ALL: [StatusKind; 4] = [
        StatusKind::Open,
        StatusKind::InProgress,
        StatusKind::Done,
        StatusKind::WontDo,
    ];

    pub fn label(self) -> String {
        match self {
            StatusKind::Open => t!("Open"),
            StatusKind::InProgress => t!("In progress"),
            StatusKind::Done => t!("Done"),
            StatusKind::WontDo => t!("Won't do"),
        }
    }
}

impl Status {
    pub fn kind(&self) -> StatusKind {
        match self {
            Status::Open => StatusKind::Open,
            Status::InProgress => StatusKind::InProgress,
            Status::Done => StatusKind::Done,
            Status::WontDo { .. } => StatusKind::WontDo,
        }
    }

    /// Open or in progress: still work to do.
    pub fn is_open(&self) -> bool {
        matches!(self, Status::Open | Status::InProgress)
    }
}

/// What an action came from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// A recommendation of a concerning answer.
    Recommendation,
    /// A legal duty from the triage.
    Duty,
    /// A knowledge gap ("don't know").
    Gap,
    /// A reviewer's condition or comment.
    Review,
    /// Added by the team.
    Free,
}

impl Source {
    pub const ALL: [Source; 5] = [
        Source::Recommendation,
        Source::Duty,
        Source::Gap,
        Source::Review,
        Source::Free,
    ];

    pub fn label(self) -> String {
        match self {
            Source::Recommendation => t!("Recommendation"),
            Source::Duty => t!("Legal duty"),
            Source::Gap => t!("Knowledge gap"),
            Source::Review => t!("Review"),
            Source::Free => t!("Own action"),
        }
    }
}

/// One action of the plan.
///
/// Every field is always written (no `skip_serializing_if`): the assessment also travels in
/// formats without field names, which need a fixed layout.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Action {
    /// Stable within the assessment (the ICS UID is made from it).
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// A name or a role.
    #[serde(default)]
    pub owner: String,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub due: Option<String>,
    pub priority: Priority,
    pub status: Status,
    /// What shows it is done: a document name, a link text.
    #[serde(default)]
    pub evidence: String,
    pub source: Source,
    /// The questions it came from or concerns.
    #[serde(default)]
    pub questions: Vec<String>,
    /// The duties it came from (`crate::triage::DutyItem::id`).
    #[serde(default)]
    pub duties: Vec<String>,
    /// The question whose review comment it came from.
    #[serde(default)]
    pub review_comment: Option<String>,
    /// RFC 3339.
    pub created: String,
    pub modified: String,
}

/// Something wrong with an action, as the form shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    NoTitle,
    NoReason,
    BadDueDate,
}

impl Problem {
    pub fn message(self) -> String {
        match self {
            Problem::NoTitle => t!("Give the action a title."),
            Problem::NoReason => t!("Write why this action will not be done."),
            Problem::BadDueDate => {
                t!("The due date is not a real date. Use the format YYYY-MM-DD.")
            }
        }
    }
}

impl Action {
    /// What must be fixed before the action is saved; empty when it is fine.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        if self.title.trim().is_empty() {
            out.push(Problem::NoTitle);
        }
        if matches!(&self.status, Status::WontDo { reason } if reason.trim().is_empty()) {
            out.push(Problem::NoReason);
        }
        if self
            .due
            .as_deref()
            .is_some_and(|d| !crate::validate::valid_date(d))
        {
            out.push(Problem::BadDueDate);
        }
        out
    }

    /// Open or in progress, with a due date before `as_of` (`YYYY-MM-DD`).
    pub fn is_overdue(&self, as_of: &str) -> bool {
        self.status.is_open()
            && self
                .due
                .as_deref()
                .is_some_and(|d| crate::validate::valid_date(d) && d < as_of)
    }

    /// The section of its first linked question that exists in `q`.
    pub fn section<'q>(&self, q: &'q Questionnaire) -> Option<&'q str> {
        self.linked_questions()
            .find_map(|id| q.question(id))
            .map(|r| r.section.id.as_str())
    }

    /// Its question links: the questions, then the review comment's question.
    pub fn linked_questions(&self) -> impl Iterator<Item = &str> {
        self.questions
            .iter()
            .map(String::as_str)
            .chain(self.review_comment.as_deref())
    }
}

/// Earlier due date first; actions without one last.
pub fn by_due(x: &Action, y: &Action) -> std::cmp::Ordering {
    match (&x.due, &y.due) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
}

/// The order of the plan: overdue first, then the other open work (open or in progress), then
/// what is closed (done, won't do); within each, by due date (none last), then by priority,
/// then as created.
pub fn plan_order<'a>(actions: &'a [Action], as_of: &str) -> Vec<&'a Action> {
    let mut out: Vec<&Action> = actions.iter().collect();
    out.sort_by(|x, y| {
        y.is_overdue(as_of)
            .cmp(&x.is_overdue(as_of))
            .then_with(|| y.status.is_open().cmp(&x.status.is_open()))
            .then_with(|| by_due(x, y))
            .then_with(|| x.priority.cmp(&y.priority))
            .then_with(|| x.created.cmp(&y.created))
            .then_with(|| x.id.cmp(&y.id))
    });
    out
}

/// How many actions have each status, in [`StatusKind::ALL`] order.
pub fn counts(actions: &[Action]) -> [usize; 4] {
    let mut out = [0; 4];
    for a in actions {
        out[a.status.kind() as usize] += 1;
    }
    out
}

/// The owners named in the plan, once each, sorted (for the owner filter).
pub fn owners(actions: &[Action]) -> Vec<String> {
    let mut out: Vec<String> = actions
        .iter()
        .map(|a| a.owner.trim().to_string())
        .filter(|o| !o.is_empty())
        .collect();
    out.sort_by_key(|o| o.to_lowercase());
    out.dedup_by(|a, b| a.to_lowercase() == b.to_lowercase());
    out
}
