//! The team's action plan (issue 15): how many actions have each status and how many are overdue
//! on the report date, then every action in plan order (overdue first, then by due date) with
//! its owner, due date, priority, status and what it came from. A table in the PDF, a checklist
//! in Markdown (the table's rows carry a [`Check`]).

use super::super::doc::{Block, Check, Col, Row, Size, Table, Tone, Writer};
use super::super::Facts;
use crate::actions::{counts, old_links, plan_order, Action, Status, StatusKind};
use crate::i18n::date;
use crate::t;

/// A description longer than this (in characters) is cut at a word, so that the table stays
/// readable; the whole text is in the assessment file.
const DESCRIPTION_MAX: usize = 120;

pub(in super::super) fn plan(w: &mut Writer, f: &Facts<'_>) {
    let actions = &f.a.actions;
    w.part(&t!("Action plan"), !actions.is_empty());
    if actions.is_empty() {
        w.para(&t!("The team has not made an action plan yet. Actions can be made on the results page, from the findings or as the team's own actions."), Tone::Normal, Size::Body);
        w.space(8.0);
        return;
    }
    let as_of = crate::files::date_part(&f.info.generated_at);
    let n = counts(actions);
    let line = StatusKind::ALL
        .iter()
        .zip(n)
        .map(|(s, k)| format!("{}: {k}", s.label()))
        .collect::<Vec<_>>()
        .join(" · ");
    w.strong(&line, Tone::Normal, Size::Body);
    let overdue = actions.iter().filter(|a| a.is_overdue(as_of)).count();
    w.para(
        &t!("Overdue on {0}: {1}", date(as_of), overdue),
        if overdue > 0 {
            Tone::Danger
        } else {
            Tone::Normal
        },
        Size::Body,
    );
    w.para(&t!("Overdue actions come first, then the other open actions by due date, then the closed ones. A question number refers to the detailed answers."), Tone::Normal, Size::Small);
    w.space(4.0);
    let col = |header: String, share: f32| Col {
        header,
        share,
        right: false,
    };
    let rows = plan_order(actions, as_of)
        .into_iter()
        .map(|a| row(f, a, as_of))
        .collect();
    w.push(Block::Table(Table {
        cols: vec![
            col(t!("Action"), 0.32),
            col(t!("Owner"), 0.13),
            col(t!("Due date"), 0.14),
            col(t!("Priority"), 0.10),
            col(t!("Status"), 0.15),
            col(t!("Source"), 0.16),
        ],
        rows,
        notes: Vec::new(),
    }));
    w.space(8.0);
}

fn row(f: &Facts<'_>, a: &Action, as_of: &str) -> Row {
    let overdue = a.is_overdue(as_of);
    let mut title = a.title.trim().to_string();
    let description = short(&a.description);
    if !description.is_empty() {
        title.push('\n');
        title.push_str(&description);
    }
    let due = match a.due.as_deref() {
        Some(d) if overdue => t!("{0} (overdue)", date(d)),
        Some(d) => date(d),
        None => String::new(),
    };
    let mut status = a.status.kind().label();
    match &a.status {
        Status::WontDo { reason } if !reason.trim().is_empty() => {
            status.push_str(&format!("\n{}", t!("Reason: {0}", reason.trim())))
        }
        Status::Done if !a.evidence.trim().is_empty() => {
            status.push_str(&format!("\n{}", t!("Evidence: {0}", a.evidence.trim())))
        }
        _ => {}
    }
    let mut source = a.source.label();
    let links = links(f, a);
    if !links.is_empty() {
        source.push('\n');
        source.push_str(&links.join(", "));
    }
    let (tone, check) = match a.status.kind() {
        StatusKind::Done => (Tone::Muted, Check::Done),
        StatusKind::WontDo => (Tone::Muted, Check::Dropped),
        _ if overdue => (Tone::Danger, Check::Todo),
        _ => (Tone::Normal, Check::Todo),
    };
    Row {
        cells: vec![
            title,
            a.owner.trim().to_string(),
            due,
            a.priority.label(),
            status,
            source,
        ],
        tone,
        strong: false,
        check: Some(check),
        // The row links to the answer of its first question that the report shows.
        link: a
            .linked_questions()
            .find(|id| f.q.question(id).is_some() && f.vis.is_visible(id))
            .map(super::super::doc::answer_anchor),
    }
}

/// What an action is linked to: its questions by number (an old link, to a question this version
/// of the questionnaire no longer has, marked as such) and its duties by their first source.
fn links(f: &Facts<'_>, a: &Action) -> Vec<String> {
    let old = old_links(a, f.q);
    let mut seen: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for id in a.linked_questions() {
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let number = f.number(id);
        out.push(if old.contains(&id) {
            t!("question {0} (no longer in the questionnaire)", id)
        } else if number.is_empty() {
            // In the questionnaire, but hidden by the answers: it has no number.
            t!("question {0}", id)
        } else {
            t!("question {0}", number)
        });
    }
    for id in &a.duties {
        let duty = f
            .triage
            .iter()
            .flat_map(|tr| &tr.frameworks)
            .flat_map(|fw| &fw.duties)
            .find(|d| &d.id == id);
        let name = duty
            .and_then(|d| d.sources.first())
            .map(|s| crate::i18n::reference(s))
            .unwrap_or_else(|| id.clone());
        out.push(t!("duty: {0}", name));
    }
    out
}

/// A description on one line, cut at a word after [`DESCRIPTION_MAX`] characters.
fn short(text: &str) -> String {
    super::cut_at_word(text, DESCRIPTION_MAX)
}
