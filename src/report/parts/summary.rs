//! The executive summary (the review first, then the scores, red flags, chart and table), and
//! the impact on people with low socio-economic status.

use super::super::doc::{Axis, Block, Col, ListItem, Row, Size, Table, Tone, Writer};
use super::super::Facts;
use super::concern_of;
use crate::answers::answer_text;
use crate::model::{Dimension, ProgressPlus};
use crate::scoring::display_score;
use crate::t;

fn col(header: String, share: f32, right: bool) -> Col {
    Col {
        header,
        share,
        right,
    }
}

/// "Overall concern: 62 of 100 — High concern." (with the reason when it was raised).
fn overall_line(f: &Facts<'_>, score: f64, level: &crate::scoring::Level) -> String {
    let mut line = t!(
        "Overall concern: {0} of 100 — {1}.",
        display_score(score),
        f.level_label(level.band_index)
    );
    if let Some(r) = &level.raised {
        line.push(' ');
        line.push_str(&crate::scoring::raise_text(f.q, r, f.loc));
    }
    line
}

pub(in super::super) fn summary(w: &mut Writer, f: &Facts<'_>) {
    let (q, a, o) = (f.q, f.a, &f.outcome);
    w.part(&t!("Executive summary"), true);
    // A returned ethics review comes first: the verdict, the reviewer and the sign-off state.
    if let Some(review) = &f.review {
        super::review::review_summary(w, a, review, f.digest.as_deref());
    }
    match (&o.overall, &o.overall_level) {
        (Some(v), Some(level)) => {
            let band = q.bands.get(level.band_index);
            // Colour for the highest level only; the others are neutral.
            let tone = if crate::scoring::is_critical(q, level.band_index) {
                Tone::Danger
            } else {
                Tone::Normal
            };
            w.strong(&overall_line(f, *v, level), tone, Size::Lead);
            let meaning = band.map(|b| b.meaning.get(f.loc)).unwrap_or_default();
            if !meaning.trim().is_empty() {
                w.para(meaning, Tone::Normal, Size::Body);
            }
        }
        _ => w.para(
            &t!("No scored question has been answered yet, so there is no score."),
            Tone::Normal,
            Size::Body,
        ),
    }
    w.space(4.0);
    w.strong(
        &t!(
            "Red flags: {0} · Knowledge gaps (\"don't know\"): {1} · Required questions unanswered: {2}",
            o.red_flag_count(),
            o.knowledge_gaps.len(),
            o.unanswered_required.len()
        ),
        Tone::Normal,
        Size::Body,
    );
    if o.red_flag_count() > 0 {
        w.space(4.0);
        w.heading(2, &t!("Red flags"), Tone::Normal, false);
        let stops = o.stops.iter().map(|s| ListItem {
            head: None,
            text: t!(
                "STOP — {0} ({1} legal triage)",
                s.conclusion.get(f.loc),
                s.framework.label()
            ),
            tone: Tone::Danger,
        });
        let items = stops
            .chain(o.red_flags.iter().map(|x| {
                let answer = q
                    .question(&x.question_id)
                    .and_then(|r| answer_text(r.question, a, f.loc))
                    .unwrap_or_default();
                ListItem {
                    head: None,
                    text: format!(
                        "▲ {} {} — {answer}",
                        f.number(&x.question_id),
                        f.question_text(&x.question_id)
                    ),
                    tone: Tone::Danger,
                }
            }))
            .collect();
        w.push(Block::Items {
            items,
            checklist: false,
        });
    }
    let title_of = |id: &str| {
        q.section(id)
            .map(|(_, x)| x.title.get(f.loc).to_string())
            .unwrap_or_default()
    };
    w.push(Block::Radar(
        o.sections
            .iter()
            .map(|s| Axis {
                title: title_of(&s.section_id),
                score: s.score,
                flagged: s.red_flags > 0,
            })
            .collect(),
    ));
    let mut rows: Vec<Row> = o
        .sections
        .iter()
        .map(|s| {
            let (score, level) = match (&s.score, &s.level) {
                (Some(v), Some(lv)) => {
                    let label = f.level_label(lv.band_index);
                    (
                        display_score(*v),
                        if lv.raised.is_some() {
                            t!("{0} (raised by a red flag)", label)
                        } else {
                            label
                        },
                    )
                }
                _ => ("—".to_string(), t!("not scored yet")),
            };
            let cells = vec![
                title_of(&s.section_id),
                score,
                level,
                s.red_flags.to_string(),
                format!("{}/{}", s.scored_answered, s.scored_visible),
            ];
            let critical = s
                .level
                .as_ref()
                .is_some_and(|l| crate::scoring::is_critical(q, l.band_index));
            Row {
                cells,
                tone: if s.red_flags > 0 || critical {
                    Tone::Danger
                } else {
                    Tone::Normal
                },
                strong: false,
                check: None,
                link: None,
            }
        })
        .collect();
    if let Some(v) = o.overall {
        let level = o
            .overall_level
            .as_ref()
            .map(|lv| f.level_label(lv.band_index))
            .unwrap_or_default();
        rows.push(Row {
            cells: vec![
                t!("Overall (weighted)"),
                display_score(v),
                level,
                o.red_flag_count().to_string(),
                String::new(),
            ],
            tone: match &o.overall_level {
                Some(l) if crate::scoring::is_critical(q, l.band_index) => Tone::Danger,
                _ => Tone::Normal,
            },
            strong: true,
            check: None,
            link: None,
        });
    }
    w.push(Block::Table(Table {
        cols: vec![
            col(t!("Section"), 0.42, false),
            col(t!("Score"), 0.10, true),
            col(t!("Level"), 0.21, false),
            col(t!("Red flags"), 0.13, true),
            col(t!("Answered"), 0.14, true),
        ],
        rows,
        notes: Vec::new(),
    }));
    w.para(&t!("Scores run from 0 (no concern) to 100 (maximum concern). The method is explained at the end of this report."), Tone::Normal, Size::Small);
    w.space(12.0);
    super::consistency(w, f);
}

pub(in super::super) fn low_ses(w: &mut Writer, f: &Facts<'_>) {
    let (q, a, o) = (f.q, f.a, &f.outcome);
    let Some(section) = q.sections.iter().find(|s| s.dimension == Dimension::LowSes) else {
        return;
    };
    w.part(&t!("Impact on people with low socio-economic status"), true);
    if let Some(so) = o.section(&section.id) {
        match (&so.score, &so.level) {
            (Some(v), Some(lv)) => {
                let level = f.level_label(lv.band_index);
                let line = if lv.raised.is_some() {
                    t!(
                        "Section score: {0} of 100 — {1} (raised by a red flag).",
                        display_score(*v),
                        level
                    )
                } else {
                    t!("Section score: {0} of 100 — {1}.", display_score(*v), level)
                };
                w.strong(&line, Tone::Normal, Size::Lead);
            }
            _ => w.strong(
                &t!("This section has no scored answers yet."),
                Tone::Normal,
                Size::Body,
            ),
        }
    }
    w.space(6.0);
    // PROGRESS-Plus dimensions: at risk when a tagged answer carries concern ≥ half the maximum or is "don't know".
    let mut at_risk: Vec<(ProgressPlus, Vec<String>)> = Vec::new();
    let mut covered = std::collections::BTreeSet::new();
    let visible: Vec<_> = section
        .questions
        .iter()
        .filter(|x| f.vis.is_visible(&x.id))
        .collect();
    for x in &visible {
        let Some((c, max, dk, _)) = concern_of(x, a) else {
            continue;
        };
        for d in &x.progress_plus {
            covered.insert(*d);
            if dk || (max > 0 && c * 2 >= max) {
                match at_risk.iter_mut().find(|(k, _)| k == d) {
                    Some((_, v)) => v.push(f.number(&x.id)),
                    None => at_risk.push((*d, vec![f.number(&x.id)])),
                }
            }
        }
    }
    w.heading(2, &t!("PROGRESS-Plus dimensions"), Tone::Normal, false);
    let rows = ProgressPlus::ALL
        .iter()
        .map(|d| {
            let risk = at_risk.iter().find(|(k, _)| k == d);
            let status = match risk {
                Some((_, qs)) if qs.len() == 1 => t!("at risk (question {0})", qs[0]),
                Some((_, qs)) => t!("at risk (questions {0})", qs.join(", ")),
                None if covered.contains(d) => t!("no concern found"),
                None => t!("not assessed yet"),
            };
            Row {
                cells: vec![d.label().to_string(), status],
                // Red is kept for red flags and the highest level.
                tone: Tone::Normal,
                strong: risk.is_some(),
                check: None,
                link: None,
            }
        })
        .collect();
    w.push(Block::Table(Table {
        cols: vec![
            col(t!("Dimension"), 0.45, false),
            col(t!("Status"), 0.55, false),
        ],
        rows,
        notes: Vec::new(),
    }));
    w.space(6.0);
    w.heading(2, &t!("Answers of concern"), Tone::Normal, false);
    let mut any = false;
    for x in visible {
        let Some((c, max, dk, flag)) = concern_of(x, a) else {
            continue;
        };
        if c == 0 && !flag {
            continue;
        }
        any = true;
        w.heading(
            3,
            &format!("{}  {}", f.number(&x.id), x.text.get(f.loc)),
            if flag { Tone::Danger } else { Tone::Normal },
            false,
        );
        let answer = answer_text(x, a, f.loc).unwrap_or_default();
        let text = if dk {
            t!("{0} (knowledge gap)", answer)
        } else if flag {
            t!("{0} (concern {1}/{2} — red flag)", answer, c, max)
        } else {
            t!("{0} (concern {1}/{2})", answer, c, max)
        };
        w.field(&t!("Answer:"), &text, Tone::Normal, false, true);
        w.space(3.0);
    }
    if !any {
        w.para(
            &t!("None of the answers in this section carries a concern."),
            Tone::Normal,
            Size::Body,
        );
    }
    w.space(8.0);
}
