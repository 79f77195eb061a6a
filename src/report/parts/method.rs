//! The methodology: how scores and levels are computed, the bands, the triage's method and the
//! date its legal content was checked, and about this report.

use super::super::doc::{Block, Col, ListItem, Row, Size, Table, Tone, Writer};
use super::super::{local_notice, tool_name, Facts};
use super::triage_disclaimer;
use crate::i18n::date;
use crate::t;

/// How the scores are computed, one rule per item.
fn method_rules() -> [String; 9] {
    [
        t!("Only visible choice questions of scored sections count. The project profile, the legal triage, text questions and date questions do not count."),
        t!("An answer adds the concern of the chosen option (for multiple choice: the most concerning option picked), out of the question's maximum concern."),
        t!("\"Don't know\" counts as the maximum concern and is listed as a knowledge gap. \"Not applicable\" (with a written reason) and unanswered questions are left out."),
        t!("Section score = 100 × sum of concerns ÷ sum of maximum concerns, from 0 (no concern) to 100."),
        t!("The level is the first band whose upper limit is at least the score (see the bands below). A red flag raises its section, and the overall level, to at least the second-highest band."),
        t!("The overall score is the mean of the section scores, weighted by section weight. Sections without answers are left out."),
        t!("The overall level is never milder than a section at the highest level: then it is raised to that level too. The overall score stays the weighted mean."),
        t!("A legal triage conclusion marked “stop”, such as a possibly prohibited AI practice, counts as a red flag and raises the overall level to the highest level."),
        t!("Concern is always shown on the question's own scale, such as 2/3. Red marks only red flags and the highest level; other levels are shown in neutral steps."),
    ]
}

/// How the triage works, with the date its legal content was checked.
fn triage_method(q: &crate::model::Questionnaire) -> String {
    let how = t!("Rules in the questionnaire turn the legal triage answers into conclusions per framework: applies, does not apply or unclear. They also give the team's role and the duties of that role, each with the date it applies from. A duty's status is computed for the assessment date.");
    match &q.legal_as_of {
        Some(d) => format!(
            "{how} {}",
            t!(
                "The legal content of this questionnaire (version {0}) was last checked on {1}.",
                q.version,
                date(d)
            )
        ),
        None => format!(
            "{how} {}",
            t!("This questionnaire does not say when its legal content was last checked.")
        ),
    }
}

pub(in super::super) fn methodology(w: &mut Writer, f: &Facts<'_>) {
    let q = f.q;
    w.part(&t!("Methodology"), true);
    let items = method_rules()
        .into_iter()
        .map(|text| ListItem {
            head: None,
            text,
            tone: Tone::Normal,
        })
        .collect();
    w.push(Block::Items {
        items,
        checklist: false,
    });
    w.space(8.0);
    w.heading(2, &t!("Level bands"), Tone::Normal, false);
    let mut low = 0.0f64;
    let rows = q
        .bands
        .iter()
        .map(|b| {
            let r = Row::new(vec![
                format!("{}–{}", low.round() as i64, b.max_score.round() as i64),
                b.label.get(f.loc).to_string(),
                b.meaning.get(f.loc).to_string(),
            ]);
            low = b.max_score;
            r
        })
        .collect();
    let col = |header: String, share: f32| Col {
        header,
        share,
        right: false,
    };
    w.push(Block::Table(Table {
        cols: vec![
            col(t!("Score"), 0.12),
            col(t!("Level"), 0.23),
            col(t!("What it means"), 0.65),
        ],
        rows,
        notes: Vec::new(),
    }));
    w.space(4.0);
    if !q.triage.is_empty() {
        w.heading(2, &t!("Legal triage"), Tone::Normal, false);
        w.para(&triage_disclaimer(), Tone::Normal, Size::Body);
        w.para(&triage_method(q), Tone::Normal, Size::Body);
        w.space(8.0);
    }
    w.heading(2, &t!("About this report"), Tone::Normal, false);
    w.field(
        &t!("Questionnaire:"),
        &t!(
            "{0} (id {1}, version {2})",
            q.title.get(f.loc),
            q.id,
            q.version
        ),
        Tone::Normal,
        false,
        false,
    );
    w.field(&t!("Tool:"), &tool_name(), Tone::Normal, false, false);
    w.field(
        &t!("Generated:"),
        &crate::i18n::date_time(&f.info.generated_at),
        Tone::Normal,
        false,
        false,
    );
    w.para(&local_notice(), Tone::Muted, Size::Small);
    w.para(
        &t!("Scores are indicative. Legal pointers are not legal advice."),
        Tone::Muted,
        Size::Small,
    );
}
