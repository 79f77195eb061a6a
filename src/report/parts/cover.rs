//! The cover: title, project, the facts of the assessment, the review's verdict in one line.

use super::super::doc::{Block, Size, Tone, Writer};
use super::super::{fallback_notice, local_notice, report_title, tool_name, Facts};
use super::review::review_state_text;
use crate::i18n::date;
use crate::review::ReviewState;
use crate::t;

pub(in super::super) fn cover(w: &mut Writer, f: &Facts<'_>) {
    let (q, a) = (f.q, f.a);
    w.push(Block::Title {
        title: report_title(),
        subtitle: a.display_name(),
    });
    let md = &a.metadata;
    let p = &f.progress;
    let rows: [(String, String); 8] = [
        (t!("Organisation:"), md.organisation.trim().to_string()),
        (t!("Assessors:"), md.assessors.trim().to_string()),
        (t!("Report date:"), date(&f.info.generated_at)),
        (
            t!("Questionnaire:"),
            t!("{0} (version {1})", q.title.get(f.loc), q.version),
        ),
        (t!("Tool:"), tool_name()),
        (
            t!("Progress:"),
            t!(
                "{0} of {1} visible questions answered ({2}%)",
                p.answered,
                p.visible,
                p.percent()
            ),
        ),
        // Stored in UTC; shown at the report's local offset, like the report date.
        (
            t!("Last changed:"),
            crate::i18n::date_time(&crate::i18n::at_offset_of(
                &a.modified,
                &f.info.generated_at,
            )),
        ),
        (t!("Intended use:"), md.intended_use.trim().to_string()),
    ];
    for (label, value) in rows {
        w.field(&label, &value, Tone::Normal, false, false);
    }
    if f.unprintable {
        w.space(4.0);
        w.para(&t!("Some characters, such as emoji or Hindi script, have no font in this PDF. They are shown as [emoji] or [… characters not shown]. The attached assessment file and the Markdown export have the text as written."), Tone::Notice, Size::Small);
    }
    // The verdict in one line here; the whole review opens the executive summary.
    if let Some(review) = &f.review {
        w.space(6.0);
        let state = review.state(a, f.digest.as_deref());
        let verdict = review
            .verdict
            .map(|v| v.label().to_string())
            .unwrap_or_else(super::review::no_verdict);
        let tone = if state == ReviewState::Stale {
            Tone::Danger
        } else {
            Tone::Normal
        };
        let value = format!("{verdict} — {}", review_state_text(state));
        w.push(Block::Field {
            label: t!("Ethics review:"),
            value,
            tone,
            strong: true,
            size: Size::Lead,
            indent: false,
        });
    }
    if let Some(notice) = fallback_notice(q, false, f.info.lang) {
        w.space(10.0);
        w.push(Block::Callout {
            parts: vec![(String::new(), notice)],
            tone: Tone::Notice,
            strong: true,
            indent: false,
        });
    }
    w.space(14.0);
    w.push(Block::Rule);
    w.strong(&local_notice(), Tone::Muted, Size::Body);
    w.push(Block::AttachmentNote(t!(
        "The assessment itself is attached to this PDF as a file (elsa-assessment.json). Open the attachment, or load this PDF into the tool again."
    )));
}
