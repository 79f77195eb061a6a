//! Legal triage: the questionnaire's rules evaluated on an assessment. Each conclusion that
//! fires comes with the answers that made it fire ("Likely …, because you answered …").
//! Indicative, not legal advice.

use crate::answers::{answer_text, eval, Assessment, Visibility};
use crate::model::*;
use crate::t;

/// One answer that made a rule fire.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub section_id: String,
    pub question_id: String,
    /// The answer in words, or `None` when the question was left unanswered.
    pub answer: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conclusion {
    pub rule_id: String,
    pub framework: Framework,
    pub severity: Severity,
    pub conclusion: LocalText,
    pub explanation: LocalText,
    pub references: Vec<String>,
    pub reasons: Vec<Reason>,
}

/// The first sentence of the disclaimer shown with every triage.
pub fn disclaimer_title() -> String {
    t!("Indicative, not legal advice.")
}

/// The rest of the disclaimer.
pub fn disclaimer_body() -> String {
    t!("These conclusions follow mechanically from your answers. Check them with your legal, privacy or regulatory adviser.")
}

/// The question ids that support the value of `cond` (the leaves that make it hold).
fn support(cond: &Condition, a: &Assessment, vis: &dyn Fn(&str) -> bool) -> (bool, Vec<String>) {
    match cond {
        Condition::Equals { question, .. } | Condition::AnyOf { question, .. } | Condition::AllOf { question, .. } => {
            (eval(cond, a, vis), vec![question.clone()])
        }
        Condition::All(cs) => {
            let parts: Vec<_> = cs.iter().map(|c| support(c, a, vis)).collect();
            let holds = parts.iter().all(|(h, _)| *h);
            (holds, parts.into_iter().flat_map(|(_, r)| r).collect())
        }
        Condition::Any(cs) => {
            let parts: Vec<_> = cs.iter().map(|c| support(c, a, vis)).collect();
            let holds = parts.iter().any(|(h, _)| *h);
            (holds, parts.into_iter().filter(|(h, _)| *h).flat_map(|(_, r)| r).collect())
        }
        Condition::Not(c) => {
            let (inner, _) = support(c, a, vis);
            // "Not" holds because of the answers (or their absence) to the questions inside it.
            (!inner, c.leaves().into_iter().map(|(q, _)| q.to_string()).collect())
        }
    }
}

/// Evaluate every triage rule of the questionnaire; the conclusions that fire, in file order.
pub fn evaluate(q: &Questionnaire, a: &Assessment, locale: &str) -> Vec<Conclusion> {
    let vis = Visibility::compute(q, a);
    let visible = |id: &str| vis.is_visible(id);
    let mut out = Vec::new();
    for rule in &q.triage {
        let (holds, mut ids) = support(&rule.when, a, &visible);
        if !holds {
            continue;
        }
        // Document order, each question once.
        let order: Vec<&str> = q.questions().map(|r| r.question.id.as_str()).collect();
        ids.sort_by_key(|id| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
        ids.dedup();
        let reasons = ids
            .into_iter()
            .filter_map(|id| {
                let r = q.question(&id)?;
                Some(Reason {
                    section_id: r.section.id.clone(),
                    answer: if vis.is_visible(&id) { answer_text(r.question, a, locale) } else { None },
                    question_id: id,
                })
            })
            .collect();
        out.push(Conclusion {
            rule_id: rule.id.clone(),
            framework: rule.framework,
            severity: rule.severity,
            conclusion: rule.conclusion.clone(),
            explanation: rule.explanation.clone(),
            references: rule.references.clone(),
            reasons,
        });
    }
    out
}
