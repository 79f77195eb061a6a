//! The ethics review, when the assessment carries one: its block at the top of the executive
//! summary, and a reviewer's comment as a callout (used by the detailed answers).

use super::super::doc::{Block, Size, Tone, Writer};
use crate::i18n::date;
use crate::review::{Comment, CommentStatus, Review, ReviewState, Verdict};
use crate::t;

/// What the report says when the reviewer gave no verdict.
pub(crate) fn no_verdict() -> String {
    t!("No verdict yet")
}

/// What the state of a review says, in words.
pub(crate) fn review_state_text(state: ReviewState) -> String {
    match state {
        ReviewState::Draft => t!("Draft: not signed off"),
        ReviewState::Current => t!("Answers unchanged since the sign-off"),
        ReviewState::Stale => crate::review::stale_text(),
    }
}

/// "2 OK · 1 Question · 0 Concern"
fn comment_counts(r: &Review) -> String {
    let n = r.counts();
    CommentStatus::ALL
        .iter()
        .zip(n)
        .map(|(s, k)| format!("{k} {}", s.label()))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The reviewer's name and role in one line: "Dr. Zoë Verhoeven, Chair …".
fn reviewer_line(r: &Review) -> String {
    match (r.reviewer_name.trim(), r.reviewer_role.trim()) {
        ("", "") => "—".to_string(),
        (n, "") => n.to_string(),
        ("", role) => format!("— ({role})"),
        (n, role) => format!("{n}, {role}"),
    }
}

/// A reviewer's comment, and the team's reply, as a callout.
pub(super) fn comment(w: &mut Writer, c: &Comment) {
    let tone = match c.status {
        CommentStatus::Ok => Tone::Good,
        CommentStatus::Question => Tone::Warn,
        CommentStatus::Concern => Tone::Danger,
    };
    let mut parts = vec![(
        t!("Reviewer – {0}:", c.status.label()),
        c.text.trim().to_string(),
    )];
    if !c.reply.trim().is_empty() {
        parts.push((t!("Team reply:"), c.reply.trim().to_string()));
    }
    w.space(2.0);
    w.push(Block::Callout {
        parts,
        tone,
        strong: false,
        indent: true,
    });
}

/// The review block: verdict, reviewer, date, conditions, comment counts, sign-off and whether
/// the answers changed since.
pub(super) fn review_summary(
    w: &mut Writer,
    a: &crate::answers::Assessment,
    r: &Review,
    digest: Option<&str>,
) {
    w.heading(2, &t!("Ethics review"), Tone::Normal, true);
    let or_dash = |s: &str| {
        if s.trim().is_empty() {
            "—".to_string()
        } else {
            date(s.trim())
        }
    };
    let verdict = r
        .verdict
        .map(|v| v.label().to_string())
        .unwrap_or_else(no_verdict);
    let tone = match r.verdict {
        Some(Verdict::Approved) => Tone::Good,
        Some(Verdict::NotApproved) | Some(Verdict::ReviseAndResubmit) => Tone::Danger,
        _ => Tone::Normal,
    };
    w.field(&t!("Verdict:"), &verdict, tone, true, false);
    w.field(
        &t!("Reviewer:"),
        &reviewer_line(r),
        Tone::Normal,
        false,
        false,
    );
    w.field(
        &t!("Review date:"),
        &or_dash(&r.date),
        Tone::Normal,
        false,
        false,
    );
    if !r.conditions.trim().is_empty() {
        w.field(
            &t!("Conditions:"),
            r.conditions.trim(),
            Tone::Normal,
            false,
            false,
        );
    }
    w.field(
        &t!("Comments:"),
        &comment_counts(r),
        Tone::Normal,
        false,
        false,
    );
    match &r.sign_off {
        Some(s) => {
            w.field(
                &t!("Sign-off:"),
                &t!("Signed off on {0}", date(&s.at)),
                Tone::Normal,
                false,
                false,
            );
            w.small_field(&t!("Fingerprint:"), &s.fingerprint);
        }
        None => w.field(
            &t!("Sign-off:"),
            &t!("Not signed off yet"),
            Tone::Normal,
            false,
            false,
        ),
    }
    w.space(4.0);
    let state = r.state(a, digest);
    let tone = match state {
        ReviewState::Stale => Tone::Danger,
        ReviewState::Current => Tone::Good,
        ReviewState::Draft => Tone::Muted,
    };
    w.push(Block::Callout {
        parts: vec![(String::new(), review_state_text(state))],
        tone,
        strong: true,
        indent: false,
    });
    if state == ReviewState::Stale {
        w.para(
            &t!("The verdict is about earlier answers: the fingerprint of the answers in this report differs from the one that was signed off."),
            Tone::Danger,
            Size::Small,
        );
    }
    w.para(
        &crate::review::fingerprint_explained(),
        Tone::Muted,
        Size::Fine,
    );
    if digest.is_some() {
        w.para(
            &crate::review::fingerprint_covers_questionnaire(),
            Tone::Muted,
            Size::Fine,
        );
    }
    w.space(8.0);
}
