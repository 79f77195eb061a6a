//! The decision summary, the report's second page: the most serious findings first, the overall
//! level with why it is what it is, the legal headline per framework, the top actions and the
//! assessment's status. A reader decides from this page; the rest of the report is the
//! evidence. Its content comes from [`crate::decision`].

use super::super::doc::{Block, Col, ListItem, Row, Size, Table, Tone, Writer};
use super::super::Facts;
use crate::answers::answer_text;
use crate::decision::{Serious, Settled, Stage};
use crate::i18n::date;
use crate::scoring::{display_score, raise_text};
use crate::t;

/// How many of the most serious findings the page lists (the executive summary lists all).
const SERIOUS_MAX: usize = 6;

/// The longest conclusion in the legal headline, in characters (the triage part has it whole).
const CONCLUSION_MAX: usize = 80;

/// The longest action text in the top list, in characters.
const ACTION_MAX: usize = 64;

fn col(header: String, share: f32) -> Col {
    Col {
        header,
        share,
        right: false,
    }
}

/// One line of the most serious findings.
pub(crate) fn serious_text(f: &Facts<'_>, s: &Serious) -> String {
    match s {
        Serious::Stop {
            framework,
            conclusion,
            ..
        } => t!(
            "STOP — {0} ({1} legal triage)",
            conclusion.get(f.loc),
            framework.label()
        ),
        Serious::RedFlag { question_id, .. } => {
            let answer =
                f.q.question(question_id)
                    .and_then(|r| answer_text(r.question, f.a, f.loc))
                    .unwrap_or_default();
            t!(
                "▲ Red flag — {0} {1}: “{2}”",
                f.number(question_id),
                f.question_text(question_id),
                answer
            )
        }
        Serious::Critical { section_id, score } => {
            let title =
                f.q.section(section_id)
                    .map(|(_, s)| s.title.get(f.loc))
                    .unwrap_or(section_id.as_str());
            t!(
                "■ {0}: {1} ({2} of 100)",
                title,
                f.level_label(f.q.bands.len().saturating_sub(1)),
                display_score(*score)
            )
        }
    }
}

pub(in super::super) fn decision(w: &mut Writer, f: &Facts<'_>) {
    let (q, a, o) = (f.q, f.a, &f.outcome);
    w.part(&t!("Decision summary"), true);
    // The status of the assessment, in small print: what is decided on.
    let st = crate::decision::status_block(q, a, f.review.as_ref(), f.digest.as_deref(), f.loc);
    let not_given = t!("not given");
    let stage = match &st.stage {
        Stage::Draft => t!("Draft: not signed off by a reviewer"),
        Stage::ChangedAfterSignOff { at } => {
            t!("Draft: the answers changed after the sign-off of {0}", at)
        }
        Stage::Final { verdict, by, at } => {
            t!("Final: {0}, signed off by {1} on {2}", verdict, by, at)
        }
    };
    let next = st.next_assessment.as_deref().map(date).unwrap_or_else(|| {
        match q.question(crate::decision::REASSESSMENT_QUESTION) {
            Some(_) => t!("not set: give a date in the project profile"),
            None => t!("not set"),
        }
    });
    let assessors = if st.assessors.is_empty() {
        not_given.clone()
    } else {
        st.assessors.clone()
    };
    let people = match &st.reviewer {
        Some(r) => format!("{assessors} · {} {r}", t!("Reviewer:")),
        None => assessors,
    };
    // Four short lines: the state first, then the dates, the people, the versions.
    let rows = [
        (t!("State:"), stage),
        (
            t!("Assessment date:"),
            format!(
                "{} · {} {next}",
                st.assessment_date
                    .as_deref()
                    .map(date)
                    .unwrap_or_else(|| not_given.clone()),
                t!("Next assessment:")
            ),
        ),
        (t!("Assessors:"), people),
        (
            t!("Questionnaire:"),
            format!("{} · {} {}", st.questionnaire, t!("Tool version:"), st.tool),
        ),
    ];
    for (label, value) in rows {
        w.small_field(&label, &value);
    }
    w.space(6.0);

    // 1. The most serious findings.
    w.heading(2, &t!("Most serious findings"), Tone::Normal, false);
    let serious = crate::decision::serious(q, o);
    if serious.is_empty() {
        w.para(
            &t!("No red flag, no “stop” conclusion of the legal triage, and no section at the highest level."),
            Tone::Normal,
            Size::Body,
        );
    } else {
        for s in serious.iter().take(SERIOUS_MAX) {
            let items = Block::Items {
                items: vec![ListItem {
                    head: None,
                    text: super::cut_at_word(&serious_text(f, s), 95),
                    tone: Tone::Danger,
                }],
                checklist: false,
            };
            // A red flag links, in the PDF, to its answer.
            match s {
                Serious::RedFlag { question_id, .. } => w.push(Block::Linked {
                    target: super::super::doc::answer_anchor(question_id),
                    block: Box::new(items),
                }),
                _ => w.push(items),
            }
        }
        if serious.len() > SERIOUS_MAX {
            w.para(
                &t!(
                    "{0} more in the executive summary.",
                    serious.len() - SERIOUS_MAX
                ),
                Tone::Muted,
                Size::Small,
            );
        }
    }
    let checks = crate::consistency::check(q, a);
    if !checks.is_empty() {
        w.strong(
            &t!(
                "Answers that contradict each other: {0} (see “Answers to check”).",
                checks.len()
            ),
            Tone::Normal,
            Size::Body,
        );
    }
    w.space(4.0);

    // 2. The overall level, and why.
    match (&o.overall, &o.overall_level) {
        (Some(v), Some(level)) => {
            let line = t!(
                "Overall level: {0} (score {1} of 100).",
                f.level_label(level.band_index),
                display_score(*v)
            );
            let tone = if crate::scoring::is_critical(q, level.band_index) {
                Tone::Danger
            } else {
                Tone::Normal
            };
            w.strong(&line, tone, Size::Lead);
            if let Some(r) = &level.raised {
                w.para(&raise_text(q, r, f.loc), Tone::Normal, Size::Body);
            }
        }
        _ => w.strong(
            &t!("Overall level: none yet, no scored question has been answered."),
            Tone::Normal,
            Size::Lead,
        ),
    }
    w.para(
        &t!(
            "Red flags: {0} · Knowledge gaps: {1} · Required questions unanswered: {2}",
            o.red_flag_count(),
            o.knowledge_gaps.len(),
            o.unanswered_required.len()
        ),
        Tone::Normal,
        Size::Body,
    );
    w.space(4.0);

    // 3. The legal headline.
    if let Some(tr) = &f.triage {
        let conclusions: Vec<_> = tr
            .frameworks
            .iter()
            .flat_map(|fw| fw.conclusions.iter().cloned())
            .collect();
        let lines = crate::decision::headlines(q, &conclusions);
        if !lines.is_empty() {
            w.heading(2, &t!("Legal headline"), Tone::Normal, false);
            let rows = lines
                .iter()
                .map(|l| {
                    let mut r = Row::new(vec![
                        l.framework.label(),
                        l.question.get(f.loc).to_string(),
                        l.answer.label(),
                        l.conclusion
                            .as_ref()
                            .map(|c| super::cut_at_word(c.get(f.loc), CONCLUSION_MAX))
                            .unwrap_or_else(|| t!("Answer the legal triage questions.")),
                    ]);
                    r.strong = l.answer == Settled::Yes;
                    r
                })
                .collect();
            w.push(Block::Table(Table {
                cols: vec![
                    col(t!("Framework"), 0.12),
                    col(t!("Question"), 0.21),
                    col(t!("Answer"), 0.15),
                    col(t!("Because the triage concludes"), 0.52),
                ],
                rows,
                notes: Vec::new(),
            }));
            w.para(
                &format!(
                    "{} {}",
                    crate::triage::disclaimer_title(),
                    t!("The legal triage part gives the reasons, duties and dates.")
                ),
                Tone::Muted,
                Size::Small,
            );
            w.space(4.0);
        }
    }

    // 4. The top actions.
    let as_of = crate::files::date_part(&f.info.generated_at);
    let top = crate::decision::top_actions(q, a, o, f.loc, as_of, f.top_actions);
    // The heading says how many there are in all, and where the rest is.
    let more = top.total > top.items.len();
    let heading = match (top.from_plan, more) {
        (true, false) => t!("Top open actions of the action plan"),
        (false, false) => t!("Top actions"),
        (true, true) => t!(
            "Top {0} of the {1} open actions of the action plan",
            top.items.len(),
            top.total
        ),
        (false, true) => t!(
            "Top {0} of {1} actions (all are in “Priority actions”)",
            top.items.len(),
            top.total
        ),
    };
    w.heading(2, &heading, Tone::Normal, false);
    if top.items.is_empty() {
        w.para(
            &if top.from_plan {
                t!("The action plan has no open actions.")
            } else {
                t!("No actions follow from the answers given.")
            },
            Tone::Normal,
            Size::Body,
        );
    } else {
        let rows = top
            .items
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let numbers = x
                    .questions
                    .iter()
                    .map(|id| f.number(id))
                    .filter(|n| !n.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                let mut cells = vec![
                    format!("{}.", i + 1),
                    // One or two lines each, so that ten fit on the page; the whole text is in
                    // "Priority actions" or the action plan.
                    if x.red_flag {
                        format!("▲ {}", super::cut_at_word(&x.text, ACTION_MAX))
                    } else {
                        super::cut_at_word(&x.text, ACTION_MAX)
                    },
                    numbers,
                    x.priority.label(),
                ];
                if top.from_plan {
                    cells.push(if x.owner.trim().is_empty() {
                        t!("no owner")
                    } else {
                        x.owner.trim().to_string()
                    });
                    cells.push(match &x.due {
                        Some(d) if x.overdue => t!("{0} (overdue)", date(d)),
                        Some(d) => date(d),
                        None => "—".into(),
                    });
                    cells.push(x.status.map(|s| s.label()).unwrap_or_default());
                }
                let mut r = Row::new(cells);
                if x.red_flag || x.overdue {
                    r.tone = Tone::Danger;
                }
                r.link = x
                    .questions
                    .iter()
                    .find(|id| !f.number(id).is_empty())
                    .map(|id| super::super::doc::answer_anchor(id));
                r
            })
            .collect();
        let cols = if top.from_plan {
            vec![
                col("#".into(), 0.05),
                col(t!("Action"), 0.37),
                col(t!("Question"), 0.09),
                col(t!("Priority"), 0.09),
                col(t!("Owner"), 0.14),
                col(t!("Due date"), 0.14),
                col(t!("Status"), 0.12),
            ]
        } else {
            vec![
                col("#".into(), 0.05),
                col(t!("Action"), 0.70),
                col(t!("Question"), 0.12),
                col(t!("Priority"), 0.13),
            ]
        };
        w.push(Block::Table(Table {
            cols,
            rows,
            notes: Vec::new(),
        }));
    }
    w.space(8.0);
}

/// The answers that contradict each other (consistency checks), each with its questions and
/// the answers given. Part of the executive summary.
pub(in super::super) fn consistency(w: &mut Writer, f: &Facts<'_>) {
    let checks = crate::consistency::check(f.q, f.a);
    if checks.is_empty() {
        return;
    }
    w.heading(2, &t!("Answers to check"), Tone::Normal, true);
    w.para(
        &t!("These answers seem to contradict each other. Check them, and change the answer that is wrong or explain both in a note."),
        Tone::Normal,
        Size::Small,
    );
    for c in &checks {
        w.strong(c.message.get(f.loc), Tone::Normal, Size::Body);
        let items = c
            .questions
            .iter()
            .map(|(_, qid)| {
                let answer =
                    f.q.question(qid)
                        .and_then(|r| answer_text(r.question, f.a, f.loc))
                        .unwrap_or_else(|| t!("not answered"));
                ListItem {
                    head: None,
                    text: format!("{} {} — {answer}", f.number(qid), f.question_text(qid)),
                    tone: Tone::Normal,
                }
            })
            .collect();
        w.push(Block::Items {
            items,
            checklist: false,
        });
        w.space(3.0);
    }
    w.space(6.0);
}
