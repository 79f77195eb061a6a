//! What the preview of a questionnaire says (issue 16): a condition in words, the name of a
//! question kind, and the texts that have no translation in a language. Pure; the preview page
//! renders these.

use crate::model::{Condition, LocalText, QuestionKind, Questionnaire, DONT_KNOW_VALUE};
use crate::t;

/// A condition in words, with question texts and option labels in `loc`: "“Q” is “A”", "“Q”
/// is one of “A”, “B”", "“Q” includes all of …", joined with "and" / "or", "not (…)".
pub fn condition_text(c: &Condition, q: &Questionnaire, loc: &str) -> String {
    let question = |id: &str| {
        q.question(id)
            .map(|r| r.question.text.get(loc).to_string())
            .unwrap_or_else(|| id.to_string())
    };
    let label = |qid: &str, value: &str| {
        if value == DONT_KNOW_VALUE {
            return t!("Don't know");
        }
        q.question(qid)
            .and_then(|r| {
                r.question
                    .kind
                    .options()
                    .into_iter()
                    .find(|o| o.id == value)
                    .map(|o| o.label_in(loc))
            })
            .unwrap_or_else(|| value.to_string())
    };
    let labels = |qid: &str, values: &[String]| {
        values
            .iter()
            .map(|v| format!("“{}”", label(qid, v)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    match c {
        Condition::Equals {
            question: id,
            value,
        } => t!("“{0}” is “{1}”", question(id), label(id, value)),
        Condition::AnyOf {
            question: id,
            values,
        } => t!("“{0}” is one of {1}", question(id), labels(id, values)),
        Condition::AllOf {
            question: id,
            values,
        } => t!(
            "“{0}” includes all of {1}",
            question(id),
            labels(id, values)
        ),
        Condition::All(list) => list
            .iter()
            .map(|x| condition_text(x, q, loc))
            .collect::<Vec<_>>()
            .join(&format!(" {} ", t!("and"))),
        Condition::Any(list) => list
            .iter()
            .map(|x| condition_text(x, q, loc))
            .collect::<Vec<_>>()
            .join(&format!(" {} ", t!("or"))),
        Condition::Not(x) => t!("not ({0})", condition_text(x, q, loc)),
    }
}

/// The name of a question kind, for people.
pub fn kind_label(kind: &QuestionKind) -> String {
    match kind {
        QuestionKind::SingleChoice { .. } => t!("One choice"),
        QuestionKind::MultiChoice { .. } => t!("Several choices"),
        QuestionKind::Scale { .. } => t!("Scale"),
        QuestionKind::YesNo { .. } => t!("Yes or no"),
        QuestionKind::ShortText => t!("Short text (not scored)"),
        QuestionKind::LongText => t!("Long text (not scored)"),
        QuestionKind::Date => t!("Date (not scored)"),
        QuestionKind::Profile { .. } => t!("Project profile (not scored)"),
    }
}

/// Every text without `locale` (its English is shown there instead), in document order: where
/// it is ("Question 2.3, option “…”") and its English.
pub fn without_translation(q: &Questionnaire, locale: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut add = |place: String, text: &LocalText| {
        if !text.0.is_empty() && text.is_fallback_in(locale) {
            out.push((place, text.get("en").to_string()));
        }
    };
    add(t!("Title"), &q.title);
    add(t!("Description"), &q.description);
    for b in &q.bands {
        add(t!("Band “{0}”", b.id), &b.label);
        add(t!("Band “{0}”, meaning", b.id), &b.meaning);
    }
    for (si, s) in q.sections.iter().enumerate() {
        add(t!("Section {0}", si + 1), &s.title);
        add(t!("Section {0}, introduction", si + 1), &s.intro);
        for (qi, x) in s.questions.iter().enumerate() {
            let number = format!("{}.{}", si + 1, qi + 1);
            add(t!("Question {0}", number), &x.text);
            add(t!("Question {0}, help", number), &x.help);
            for o in x.kind.options() {
                if let Some(label) = o.label {
                    add(t!("Question {0}, option “{1}”", number, o.id), label);
                }
                if let Some(r) = o.recommendation {
                    add(t!("Question {0}, recommendation of “{1}”", number, o.id), r);
                }
            }
        }
    }
    out
}
