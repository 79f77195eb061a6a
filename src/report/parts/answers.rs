//! The detailed answers: every visible question with its answer, concern, note, the reviewer's
//! comment and sources; then answers to removed questions, and comments no shown question
//! carries.

use super::super::doc::{Block, Size, Tone, Writer};
use super::super::Facts;
use super::concern_of;
use super::review::comment;
use crate::answers::{answer_text, raw_answer_text, removed_answers, Answer};
use crate::model::{Question, Questionnaire};
use crate::review::Comment;
use crate::t;

pub(in super::super) fn answers(w: &mut Writer, f: &Facts<'_>) {
    let (q, a) = (f.q, f.a);
    let comments = f.review.as_ref().map(|r| &r.comments);
    w.part(&t!("Detailed answers"), true);
    for (si, s) in q.sections.iter().enumerate() {
        w.space(4.0);
        w.heading(
            2,
            &format!("{}. {}", si + 1, s.title.get(f.loc)),
            Tone::Normal,
            true,
        );
        w.push(Block::Rule);
        for question in s.questions.iter().filter(|x| f.vis.is_visible(&x.id)) {
            // Question numbers elsewhere (actions, red flags) link here in the PDF.
            w.push(Block::Anchor(super::super::doc::answer_anchor(
                &question.id,
            )));
            w.heading(
                3,
                &format!("{}  {}", f.number(&question.id), question.text.get(f.loc)),
                Tone::Normal,
                false,
            );
            let answer = answer_text(question, a, f.loc);
            let concern = if Questionnaire::is_scored(s, question) {
                concern_of(question, a)
            } else {
                None
            };
            let (text, tone, strong) = match (&answer, a.answer(&question.id), concern) {
                (None, _, _) => (t!("not answered"), Tone::Muted, false),
                // Red is kept for red flags; other concern is shown in neutral steps (bold).
                (Some(t), Some(Answer::DontKnow), _) => (
                    t!("{0} — knowledge gap (counts as the highest concern)", t),
                    Tone::Normal,
                    true,
                ),
                (Some(t), _, Some((c, max, _, true))) => (
                    t!("{0} — concern {1}/{2}, RED FLAG", t, c, max),
                    Tone::Danger,
                    true,
                ),
                (Some(t), _, Some((0, _, _, _))) => {
                    (t!("{0} — no concern", t), Tone::Normal, false)
                }
                (Some(t), _, Some((c, max, _, _))) => (
                    t!("{0} — concern {1}/{2}", t, c, max),
                    Tone::Normal,
                    c * 2 >= max,
                ),
                (Some(t), _, None) => (t.clone(), Tone::Normal, false),
            };
            w.field(&t!("Answer:"), &text, tone, strong, true);
            let note = a.note(&question.id).trim();
            if matches!(a.answer(&question.id), Some(Answer::NotApplicable)) {
                let missing = t!("missing — a reason is needed");
                w.field(
                    &t!("Why not applicable:"),
                    if note.is_empty() {
                        missing.as_str()
                    } else {
                        note
                    },
                    Tone::Normal,
                    false,
                    true,
                );
            } else if !note.is_empty() {
                match long_notes(f).iter().position(|id| *id == question.id) {
                    // A long note: its start here, the whole note in the appendix.
                    Some(i) => {
                        w.field(
                            &t!("Note:"),
                            &super::cut_at_word(note, NOTE_EXCERPT),
                            Tone::Normal,
                            false,
                            true,
                        );
                        w.indented(&continued_text(f, i), Tone::Muted, Size::Small);
                    }
                    None => w.field(&t!("Note:"), note, Tone::Normal, false, true),
                }
            }
            if let Some(c) = comments.and_then(|m| m.get(&question.id)) {
                comment(w, c);
            }
            if !question.references.is_empty() {
                w.indented(
                    &t!(
                        "Sources: {0}",
                        crate::i18n::references(&question.references)
                    ),
                    Tone::Normal,
                    Size::Small,
                );
            }
            w.space(6.0);
        }
    }
    let removed = removed_answers(q, a);
    let removed_ids: Vec<&str> = removed.iter().map(|(id, _)| *id).collect();
    if !removed.is_empty() {
        apart(
            w,
            &t!("Answers to removed questions"),
            &t!("These answers belong to questions or answer options that this version of the questionnaire no longer has. They are kept, but not scored."),
        );
        for (id, r) in removed {
            let answer = r
                .answer
                .as_ref()
                .map(raw_answer_text)
                .unwrap_or_else(|| t!("no answer"));
            w.field(&format!("{id}:"), &answer, Tone::Normal, false, false);
            if let Some(m) = crate::answers::moved_to_text(q, id, f.loc) {
                w.indented(&m, Tone::Normal, Size::Small);
            }
            if !r.note.trim().is_empty() {
                w.field(&t!("Note:"), r.note.trim(), Tone::Normal, false, true);
            }
            if let Some(c) = comments.and_then(|m| m.get(id)) {
                comment(w, c);
            }
            w.space(4.0);
        }
    }
    let other = other_comments(f, &removed_ids);
    if !other.is_empty() {
        apart(
            w,
            &t!("Reviewer comments on other questions"),
            &t!("Comments on questions that the answers hide, or that this version of the questionnaire no longer has (without an answer to show)."),
        );
        for (id, c, question) in other {
            let subject = match question {
                Some(x) => t!("{0} (not shown: hidden by the answers)", x.text.get(f.loc)),
                None => t!(
                    "{0} (a question this version of the questionnaire no longer has)",
                    id
                ),
            };
            w.heading(3, &subject, Tone::Normal, false);
            comment(w, c);
            w.space(4.0);
        }
    }
}

/// Comments that no question of the answers part shows: on questions hidden by the answers, and
/// on removed questions without an answer of their own. In questionnaire order, then by id.
/// `answered_removed`: the removed questions that have an answer (listed with it already).
fn other_comments<'a>(
    f: &'a Facts<'a>,
    answered_removed: &[&str],
) -> Vec<(&'a str, &'a Comment, Option<&'a Question>)> {
    let Some(review) = &f.review else {
        return Vec::new();
    };
    let mut hidden = Vec::new();
    let mut removed = Vec::new();
    for (id, c) in &review.comments {
        match f.q.question(id) {
            Some(r) if !f.vis.is_visible(id) => {
                hidden.push((r.section_index, id.as_str(), c, Some(r.question)))
            }
            Some(_) => {}
            None if answered_removed.contains(&id.as_str()) => {}
            None => removed.push((usize::MAX, id.as_str(), c, None)),
        }
    }
    hidden.sort_by_key(|(s, ..)| *s);
    hidden
        .into_iter()
        .chain(removed)
        .map(|(_, id, c, x)| (id, c, x))
        .collect()
}

/// A list kept apart from the sections: its heading (in the outline), a rule, and why it is apart.
fn apart(w: &mut Writer, title: &str, why: &str) {
    w.space(4.0);
    w.heading(2, title, Tone::Normal, true);
    w.push(Block::Rule);
    w.para(why, Tone::Normal, Size::Small);
}

/// A note longer than this (in characters), or with more lines than [`NOTE_MAX_LINES`], is cut
/// in the detailed answers and printed whole in the appendix.
pub(crate) const NOTE_MAX: usize = 700;
const NOTE_MAX_LINES: usize = 8;
/// How much of a long note the detailed answers show.
const NOTE_EXCERPT: usize = 400;

/// The visible questions whose note is long, in questionnaire order: the appendix's notes A1, A2, …
pub(crate) fn long_notes<'a>(f: &'a Facts<'a>) -> Vec<&'a str> {
    f.q.questions()
        .filter(|r| f.vis.is_visible(&r.question.id))
        .filter(|r| !matches!(f.a.answer(&r.question.id), Some(Answer::NotApplicable)))
        .filter(|r| {
            let note = f.a.note(&r.question.id).trim();
            note.chars().count() > NOTE_MAX || note.lines().count() > NOTE_MAX_LINES
        })
        .map(|r| r.question.id.as_str())
        .collect()
}

/// "A3": the label of the `i`-th long note (from 0).
pub(crate) fn note_label(i: usize) -> String {
    format!("A{}", i + 1)
}

/// The appendix heading of the `i`-th long note.
pub(crate) fn note_heading(f: &Facts<'_>, i: usize, question_id: &str) -> String {
    t!(
        "Note {0}: question {1}",
        note_label(i),
        f.number(question_id)
    )
}

/// "Continued in the appendix, note A1 (page 23)." (without the page when it is not known, as in
/// Markdown).
fn continued_text(f: &Facts<'_>, i: usize) -> String {
    match f.note_pages.get(&note_label(i)) {
        Some(p) => t!(
            "… continued in the appendix, note {0} (page {1}).",
            note_label(i),
            p
        ),
        None => t!("… continued in the appendix, note {0}.", note_label(i)),
    }
}

/// The appendix: every long note whole, under its question.
pub(in super::super) fn notes_appendix(w: &mut Writer, f: &Facts<'_>) {
    let long = long_notes(f);
    if long.is_empty() {
        return;
    }
    w.part(&t!("Appendix: long notes in full"), true);
    w.para(
        &t!("The detailed answers show the start of these notes. Here they are in full."),
        Tone::Normal,
        Size::Small,
    );
    for (i, id) in long.iter().enumerate() {
        w.heading(3, &note_heading(f, i, id), Tone::Normal, true);
        w.indented(f.question_text(id), Tone::Muted, Size::Small);
        w.field(&t!("Note:"), f.a.note(id).trim(), Tone::Normal, false, true);
        w.space(6.0);
    }
}
