//! The report's parts, each writing its blocks from the [`Facts`](super::Facts) computed once.

mod actions;
mod answers;
mod cover;
mod decision;
mod method;
mod plan;
mod review;
mod summary;
mod triage;

pub(super) use actions::actions;
pub(super) use answers::{answers, note_heading, notes_appendix};
pub(crate) use answers::{long_notes, note_label};
pub(super) use cover::cover;
pub(super) use decision::{consistency, decision};
pub(super) use method::methodology;
pub(super) use plan::plan;
pub(super) use summary::{low_ses, summary};
pub(super) use triage::triage;

use crate::answers::{Answer, Assessment};
use crate::model::Question;

/// The concern of a question's answer: (concern, maximum, "don't know", red flag); `None` when
/// unanswered or not a choice.
pub(crate) fn concern_of(question: &Question, a: &Assessment) -> Option<(u8, u8, bool, bool)> {
    let options = question.kind.options();
    let max = question.kind.max_concern();
    match a.answer(&question.id)? {
        Answer::DontKnow => Some((max, max, true, false)),
        Answer::Choice { id } => options
            .iter()
            .find(|o| o.id == id.as_str())
            .map(|o| (o.concern, max, false, o.red_flag)),
        Answer::Choices { ids } => {
            let picked: Vec<_> = options
                .iter()
                .filter(|o| ids.iter().any(|i| i == o.id))
                .collect();
            (!picked.is_empty()).then(|| {
                (
                    picked.iter().map(|o| o.concern).max().unwrap_or(0),
                    max,
                    false,
                    picked.iter().any(|o| o.red_flag),
                )
            })
        }
        _ => None,
    }
}

/// The legal triage's disclaimer, title and body in one line.
pub(super) fn triage_disclaimer() -> String {
    format!(
        "{} {}",
        crate::triage::disclaimer_title(),
        crate::triage::disclaimer_body()
    )
}

/// `text` on one line (its spaces and line breaks made single spaces), cut at a word so that it
/// has at most `max` characters, with "…" when cut.
pub(crate) fn cut_at_word(text: &str, max: usize) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let all = words.join(" ");
    if all.chars().count() <= max {
        return all;
    }
    let mut out = String::new();
    for word in words {
        if out.chars().count() + word.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    if out.is_empty() {
        // One word longer than the limit.
        out = all.chars().take(max).collect();
    }
    format!("{}…", out.trim_end_matches([',', ';', ':', '.']))
}
