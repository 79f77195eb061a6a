//! The legal triage: per framework its status and roles, the conclusions with the answers that
//! led to them, and the duties with their dates.

use super::super::doc::{Block, Col, ListItem, Row, Size, Table, Tone, Writer};
use super::super::Facts;
use super::triage_disclaimer;
use crate::model::Severity;
use crate::t;
use crate::triage::{
    duty_headers, duty_table, framework_heading, roles_line, triage_dates_line, Status,
};

pub(in super::super) fn triage(w: &mut Writer, f: &Facts<'_>) {
    let Some(tr) = &f.triage else { return };
    w.part(&t!("Legal triage"), false);
    w.strong(&triage_disclaimer(), Tone::Muted, Size::Small);
    w.para(&triage_dates_line(tr), Tone::Muted, Size::Small);
    w.space(4.0);
    for fw in &tr.frameworks {
        // Red for a "stop" conclusion only: it counts as a red flag.
        let stop = fw.conclusions.iter().any(|c| c.severity == Severity::Stop);
        let tone = if fw.status == Status::Applies && stop {
            Tone::Danger
        } else {
            Tone::Accent
        };
        w.heading(2, &framework_heading(fw), tone, false);
        w.strong(&roles_line(fw), Tone::Normal, Size::Body);
        if fw.conclusions.is_empty() {
            w.para(
                &t!("No conclusion yet: answer the legal triage questions for this framework."),
                Tone::Normal,
                Size::Body,
            );
        }
        for c in &fw.conclusions {
            let tone = if c.severity == Severity::Stop {
                Tone::Danger
            } else {
                Tone::Normal
            };
            w.heading(3, c.conclusion.get(f.loc), tone, false);
            w.indented(&t!("Because you answered:"), Tone::Muted, Size::Small);
            let items = c
                .reasons
                .iter()
                .map(|r| {
                    let answer = r.answer.clone().unwrap_or_else(|| t!("not answered"));
                    ListItem {
                        head: None,
                        text: format!("{} — {answer}", f.question_text(&r.question_id)),
                        tone: Tone::Normal,
                    }
                })
                .collect();
            w.push(Block::Items {
                items,
                checklist: false,
            });
            if !c.explanation.0.is_empty() {
                w.indented(c.explanation.get(f.loc), Tone::Muted, Size::Body);
            }
            if !c.references.is_empty() {
                w.indented(
                    &t!("Sources: {0}", crate::i18n::references(&c.references)),
                    Tone::Normal,
                    Size::Small,
                );
            }
            w.space(3.0);
        }
        if !fw.duties.is_empty() {
            w.heading(3, &t!("Duties ({0})", fw.duties.len()), Tone::Normal, false);
            let [h1, h2, h3, h4] = duty_headers();
            let table = duty_table(fw, f.loc);
            w.push(Block::Table(Table {
                cols: vec![
                    Col {
                        header: h1,
                        share: 0.39,
                        right: false,
                    },
                    Col {
                        header: h2,
                        share: 0.15,
                        right: false,
                    },
                    Col {
                        header: h3,
                        share: 0.24,
                        right: false,
                    },
                    Col {
                        header: h4,
                        share: 0.22,
                        right: false,
                    },
                ],
                rows: table.rows.iter().map(|r| Row::new(r.to_vec())).collect(),
                notes: table.notes.clone(),
            }));
        }
        w.space(6.0);
    }
    w.space(4.0);
}
