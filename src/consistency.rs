//! Consistency checks: answers that contradict each other, such as "the tool only gives general
//! information" next to "it decides who gets care". Each check is data in the questionnaire
//! ([`ConsistencyCheck`]: a condition over answers and a message), like the triage rules. A
//! check whose condition holds is shown on the results page and in the report, with the
//! questions its condition names, so the team can look at them again. A condition on a hidden
//! or unanswered question is false, so a check only speaks about answers that were given.

use crate::answers::{eval, Assessment, Visibility};
use crate::model::{ConsistencyCheck, LocalText, Questionnaire};

/// A check whose condition holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Inconsistency {
    pub id: String,
    pub message: LocalText,
    /// The questions its condition names that are answered: (section id, question id), in
    /// questionnaire order, each once.
    pub questions: Vec<(String, String)>,
}

/// The questions a check's condition names, in questionnaire order.
pub fn questions_of(q: &Questionnaire, c: &ConsistencyCheck) -> Vec<(String, String)> {
    let named: Vec<&str> = c.when.leaves().into_iter().map(|(id, _)| id).collect();
    q.questions()
        .filter(|r| named.contains(&r.question.id.as_str()))
        .map(|r| (r.section.id.clone(), r.question.id.clone()))
        .collect()
}

/// Every check of the questionnaire whose condition holds for the assessment, in file order.
pub fn check(q: &Questionnaire, a: &Assessment) -> Vec<Inconsistency> {
    if q.consistency.is_empty() {
        return Vec::new();
    }
    let vis = Visibility::compute(q, a);
    let visible = |id: &str| vis.is_visible(id);
    q.consistency
        .iter()
        .filter(|c| eval(&c.when, a, &visible))
        .map(|c| Inconsistency {
            id: c.id.clone(),
            message: c.message.clone(),
            // The questions answered (and shown): the ones that contradict each other. A
            // question of the condition left unanswered plays no part in it.
            questions: questions_of(q, c)
                .into_iter()
                .filter(|(_, id)| vis.is_visible(id) && a.answer(id).is_some())
                .collect(),
        })
        .collect()
}
