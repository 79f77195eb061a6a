//! The printable material of a worked case (issue 18): the participants' case card and the
//! facilitator's guide, as documents of the report model ([`Doc`]), so that the same layout and
//! PDF writer make them (and Markdown, for a text version). Pure; the language is a parameter.

use super::doc::{Block, Doc, ListItem, Size, Tone, Writer};
use crate::answers::Assessment;
use crate::cases::Case;
use crate::i18n::Lang;
use crate::model::{Dimension, Questionnaire};
use crate::t;
use serde::{Deserialize, Serialize};

/// Which document of a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CasePart {
    /// The case card for participants (no reference answers).
    Card,
    /// The facilitator's guide (learning goals, session plans, discussion, key points).
    Guide,
}

/// "Case card" / "Facilitator's guide"
pub fn part_title(part: CasePart) -> String {
    match part {
        CasePart::Card => t!("Case card"),
        CasePart::Guide => t!("Facilitator's guide"),
    }
}

/// Text with blank-line paragraphs and "- " list lines, as report blocks.
pub fn text_blocks(w: &mut Writer, text: &str) {
    for para in text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()) {
        let lines: Vec<&str> = para.lines().map(str::trim).collect();
        if lines.iter().all(|l| l.starts_with("- ")) {
            w.push(Block::Items {
                items: lines
                    .iter()
                    .map(|l| ListItem {
                        head: None,
                        text: l.trim_start_matches("- ").to_string(),
                        tone: Tone::Normal,
                    })
                    .collect(),
                checklist: false,
            });
        } else {
            w.para(&lines.join(" "), Tone::Normal, Size::Body);
        }
    }
}

fn list(w: &mut Writer, items: impl IntoIterator<Item = String>) {
    w.push(Block::Items {
        items: items
            .into_iter()
            .map(|text| ListItem {
                head: None,
                text,
                tone: Tone::Normal,
            })
            .collect(),
        checklist: false,
    });
}

/// The case card or the guide of `c`, in `lang` (`generated_at`: RFC 3339, for the date line).
/// The guide lists the reference's answers (`reference`, the case's reference assessment).
pub fn case_doc(
    c: &Case,
    q: &Questionnaire,
    reference: &Assessment,
    part: CasePart,
    generated_at: &str,
    lang: Lang,
) -> Doc {
    crate::i18n::with_lang(lang, || build(c, q, reference, part, generated_at, lang))
}

fn build(
    c: &Case,
    q: &Questionnaire,
    reference: &Assessment,
    part: CasePart,
    generated_at: &str,
    lang: Lang,
) -> Doc {
    let loc = lang.code();
    let mut w = Writer::default();
    let title = c.title.get(loc).to_string();
    w.push(Block::Heading {
        level: 1,
        text: format!("{}: {title}", part_title(part)),
        tone: Tone::Accent,
        outline: true,
    });
    w.para(c.summary.get(loc), Tone::Muted, Size::Body);
    w.field(
        &t!("Questionnaire:"),
        &t!("{0} (version {1})", q.title.get(loc), q.version),
        Tone::Muted,
        false,
        false,
    );
    w.space(6.0);
    match part {
        CasePart::Card => {
            for p in &c.card {
                w.heading(2, p.heading.get(loc), Tone::Normal, true);
                text_blocks(&mut w, p.text.get(loc));
            }
            w.space(8.0);
            w.para(
                &t!("A fictional case for teaching: every name, organisation and figure in it is made up."),
                Tone::Muted,
                Size::Small,
            );
        }
        CasePart::Guide => {
            let g = &c.guide;
            w.heading(2, &t!("Learning goals"), Tone::Normal, true);
            list(&mut w, g.goals.iter().map(|t| t.get(loc).to_string()));
            for (heading, plan) in [
                (t!("Session plan: 60 minutes"), &g.plan_60),
                (t!("Session plan: 120 minutes"), &g.plan_120),
            ] {
                w.heading(2, &heading, Tone::Normal, true);
                let mut at = 0;
                let items: Vec<ListItem> = plan
                    .iter()
                    .map(|s| {
                        let head = t!("{0}–{1} min", at, at + s.minutes);
                        at += s.minutes;
                        ListItem {
                            head: Some(head),
                            text: s.activity.get(loc).to_string(),
                            tone: Tone::Normal,
                        }
                    })
                    .collect();
                w.push(Block::Items {
                    items,
                    checklist: false,
                });
            }
            w.heading(2, &t!("Section by section"), Tone::Normal, true);
            for s in q
                .sections
                .iter()
                .filter(|s| s.dimension != Dimension::Profile)
            {
                w.heading(3, s.title.get(loc), Tone::Normal, false);
                if let Some(qs) = g.discussion.get(&s.id) {
                    w.strong(
                        &t!("Questions for the discussion"),
                        Tone::Normal,
                        Size::Body,
                    );
                    list(&mut w, qs.iter().map(|t| t.get(loc).to_string()));
                }
                if let Some(points) = g.key_points.get(&s.id) {
                    w.strong(
                        &t!("Key points the discussion should reach"),
                        Tone::Normal,
                        Size::Body,
                    );
                    list(&mut w, points.iter().map(|t| t.get(loc).to_string()));
                }
                if let Some(r) = c.reference.sections.get(&s.id) {
                    w.field(
                        &t!("Reference reasoning:"),
                        r.get(loc),
                        Tone::Muted,
                        false,
                        false,
                    );
                }
            }
            // What the reference leads to under the law: the triage's conclusions and duties,
            // as of the day the guide is made.
            w.heading(2, &t!("Legal triage of the reference"), Tone::Normal, true);
            let as_of = generated_at.get(..10).unwrap_or(generated_at);
            let tr = crate::triage::triage(q, reference, loc, as_of);
            for f in tr.frameworks.iter().filter(|f| !f.conclusions.is_empty()) {
                w.heading(3, &crate::triage::framework_heading(f), Tone::Normal, false);
                list(
                    &mut w,
                    f.conclusions
                        .iter()
                        .map(|c| c.conclusion.get(loc).to_string()),
                );
                if !f.duties.is_empty() {
                    w.strong(&t!("Duties that follow"), Tone::Normal, Size::Body);
                    list(
                        &mut w,
                        f.duties.iter().map(|d| {
                            format!(
                                "{} — {} · {}",
                                crate::triage::duty_text(d, loc),
                                d.sources.join("; "),
                                d.when_text()
                            )
                        }),
                    );
                }
            }
            w.heading(2, &t!("Common misconceptions"), Tone::Normal, true);
            list(
                &mut w,
                g.misconceptions.iter().map(|t| t.get(loc).to_string()),
            );
            w.heading(
                2,
                &t!("The reference answers, question by question"),
                Tone::Normal,
                true,
            );
            w.para(
                &t!("The workshop view shows these next to the teams' answers: load the teams' files and choose this case's reference."),
                Tone::Muted,
                Size::Small,
            );
            for s in &q.sections {
                // The project's name and description are the case's; its choices are answers.
                let asked: Vec<_> = s
                    .questions
                    .iter()
                    .filter(|x| !matches!(x.kind, crate::model::QuestionKind::Profile { .. }))
                    .collect();
                if asked.is_empty() {
                    continue;
                }
                w.heading(3, s.title.get(loc), Tone::Normal, false);
                for x in asked {
                    let Some(answer) = crate::answers::answer_text(x, reference, loc) else {
                        continue;
                    };
                    w.strong(x.text.get(loc), Tone::Normal, Size::Body);
                    w.field(&t!("Reference answer:"), &answer, Tone::Normal, false, true);
                    if let Some(r) = c.reference.questions.get(&x.id) {
                        w.field(&t!("Why:"), r.get(loc), Tone::Muted, false, true);
                    }
                }
            }
        }
    }
    Doc {
        running_left: title,
        running_right: format!("{} · {}", part_title(part), crate::i18n::date(generated_at)),
        blocks: w.blocks,
    }
}
