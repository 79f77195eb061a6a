//! Compare over time: two versions of the same assessment (before and after mitigation, an
//! exported file and the current one) → the answers that changed, the change in score per
//! section and overall, the red flags resolved or newly raised, and what happened to the action
//! plan. Pure; the same questionnaire scores both sides.
//!
//! Actions are matched by [`Action::id`] (stable within an assessment). Each action lands in at
//! most one list, in the order of the side it is taken from:
//! - **added**: in `after` only (whatever its status there);
//! - **closed**: open or in progress before, done or won't do after;
//! - **reopened**: done or won't do before, open or in progress after;
//! - **still open**: open or in progress on both sides;
//! - **removed**: in `before` only. A removed action is not counted as closed: deleting an
//!   action is not doing it, so the comparison says so apart.
//!
//! Actions closed on both sides are left out: nothing happened to them.

use crate::action::Action;
use crate::answers::{answer_text, Assessment};
use crate::model::Questionnaire;
use crate::scoring::score;

/// One question whose answer or note differs.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerChange {
    pub section_id: String,
    pub question_id: String,
    /// The answer in words, or `None` when unanswered.
    pub before: Option<String>,
    pub after: Option<String>,
    pub note_changed: bool,
}

/// A section's score on both sides (`None`: no score).
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreChange {
    pub section_id: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
}

/// A red flag: (section id, question id).
pub type Flag = (String, String);

#[derive(Debug, Clone, PartialEq)]
pub struct Diff {
    /// In questionnaire order.
    pub answers: Vec<AnswerChange>,
    /// Every section of the questionnaire, in order.
    pub sections: Vec<ScoreChange>,
    pub overall_before: Option<f64>,
    pub overall_after: Option<f64>,
    /// Red flags of `before` that `after` no longer has.
    pub flags_resolved: Vec<Flag>,
    /// Red flags of `after` that `before` did not have.
    pub flags_raised: Vec<Flag>,
    /// Actions of `after` that `before` did not have (as in `after`, in its order).
    pub actions_added: Vec<Action>,
    /// Actions open or in progress in `before`, done or won't do in `after` (as in `after`).
    pub actions_closed: Vec<Action>,
    /// Actions done or won't do in `before`, open or in progress again in `after` (as in `after`).
    pub actions_reopened: Vec<Action>,
    /// Actions open or in progress on both sides (as in `after`).
    pub actions_open: Vec<Action>,
    /// Actions of `before` that `after` no longer has (as in `before`, in its order).
    pub actions_removed: Vec<Action>,
}

/// The action plan's changes: (added, closed, reopened, still open, removed); see the module docs.
type ActionLists = (
    Vec<Action>,
    Vec<Action>,
    Vec<Action>,
    Vec<Action>,
    Vec<Action>,
);

fn action_changes(before: &[Action], after: &[Action]) -> ActionLists {
    let (mut added, mut closed, mut reopened, mut open) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for a in after {
        let list = match before.iter().find(|b| b.id == a.id) {
            None => &mut added,
            Some(b) => match (b.status.is_open(), a.status.is_open()) {
                (true, false) => &mut closed,
                (false, true) => &mut reopened,
                (true, true) => &mut open,
                (false, false) => continue,
            },
        };
        list.push(a.clone());
    }
    let removed = before
        .iter()
        .filter(|b| !after.iter().any(|a| a.id == b.id))
        .cloned()
        .collect();
    (added, closed, reopened, open, removed)
}

pub fn diff(q: &Questionnaire, before: &Assessment, after: &Assessment, locale: &str) -> Diff {
    let mut answers = Vec::new();
    for s in &q.sections {
        for x in &s.questions {
            let (b, a) = (
                answer_text(x, before, locale),
                answer_text(x, after, locale),
            );
            let note_changed = before.note(&x.id).trim() != after.note(&x.id).trim();
            if b != a || note_changed {
                answers.push(AnswerChange {
                    section_id: s.id.clone(),
                    question_id: x.id.clone(),
                    before: b,
                    after: a,
                    note_changed,
                });
            }
        }
    }
    let (ob, oa) = (score(q, before), score(q, after));
    let sections = q
        .sections
        .iter()
        .filter_map(|s| {
            let (b, a) = (ob.section(&s.id)?, oa.section(&s.id)?);
            Some(ScoreChange {
                section_id: s.id.clone(),
                before: b.score,
                after: a.score,
            })
        })
        .collect();
    let flags = |o: &crate::scoring::Outcome| -> Vec<Flag> {
        o.red_flags
            .iter()
            .map(|f| (f.section_id.clone(), f.question_id.clone()))
            .collect()
    };
    let (fb, fa) = (flags(&ob), flags(&oa));
    let (actions_added, actions_closed, actions_reopened, actions_open, actions_removed) =
        action_changes(&before.actions, &after.actions);
    Diff {
        answers,
        sections,
        overall_before: ob.overall,
        overall_after: oa.overall,
        flags_resolved: fb.iter().filter(|f| !fa.contains(f)).cloned().collect(),
        flags_raised: fa.iter().filter(|f| !fb.contains(f)).cloned().collect(),
        actions_added,
        actions_closed,
        actions_reopened,
        actions_open,
        actions_removed,
    }
}
