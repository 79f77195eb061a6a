//! The assessment as a Markdown document: the same content as the PDF report (scores, legal
//! triage, low-SES dimensions, priority actions, every answer with its note, answers to removed
//! questions), as plain text that diffs well and opens in any editor or word processor.
//!
//! Text from the questionnaire and from the user is escaped, so that an answer like
//! `*not* | sure` shows as typed and cannot break a table or start a heading.

use super::{concern_of, date_part, level_label, numbers, question_text, ReportInfo, LOCAL_NOTICE};
use crate::review::{Comment, Review, ReviewState};
use crate::answers::{answer_text, raw_answer_text, removed_answers, Answer, Assessment, Progress, Visibility};
use crate::model::*;
use crate::scoring::{display_score, score};
use std::fmt::Write as _;

/// `elsa-<project>-<yyyy-mm-dd>.md`
pub fn file_name(a: &Assessment, generated_at: &str) -> String {
    format!("elsa-{}-{}.md", super::slug(&a.metadata.project_name), date_part(generated_at))
}

/// Escape Markdown's inline syntax; line breaks become spaces.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' => {}
            '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// A multi-line user text as an escaped block quote, keeping its line breaks.
fn quote(s: &str) -> String {
    s.trim().lines().map(|l| format!("> {}", esc(l))).collect::<Vec<_>>().join("\n")
}

pub fn render(q: &Questionnaire, a: &Assessment, info: &ReportInfo) -> String {
    let loc = info.locale.as_str();
    let o = score(q, a);
    let nums = numbers(q, a);
    let mut m = String::new();
    let md = &a.metadata;
    let progress = Progress::compute(q, a);

    let _ = writeln!(m, "# {}: {}\n", super::REPORT_TITLE, esc(a.display_name()));
    for (k, v) in [
        ("Organisation", md.organisation.as_str()),
        ("Assessors", md.assessors.as_str()),
        ("Intended use", md.intended_use.as_str()),
    ] {
        if !v.trim().is_empty() {
            let _ = writeln!(m, "- **{k}:** {}", esc(v.trim()));
        }
    }
    let _ = writeln!(m, "- **Questionnaire:** {} (version {})", esc(q.title.get(loc)), esc(&q.version));
    let _ = writeln!(
        m,
        "- **Progress:** {} of {} visible questions answered ({}%)",
        progress.answered,
        progress.visible,
        progress.percent()
    );
    let _ = writeln!(m, "- **Last changed:** {}", esc(&a.modified));
    let _ = writeln!(m, "- **Exported:** {}\n", esc(&info.generated_at));
    let _ = writeln!(m, "_{}_\n", LOCAL_NOTICE);
    if let Some(r) = &a.review() {
        review_summary(&mut m, a, r);
    }

    // Summary
    let _ = writeln!(m, "## Summary\n");
    match (&o.overall, &o.overall_level) {
        (Some(v), Some(level)) => {
            let band = &q.bands[level.band_index];
            let _ = write!(m, "**Overall concern: {} of 100 — {}.**", display_score(*v), esc(band.label.get(loc)));
            if level.raised_by_red_flag {
                m.push_str(" Raised to this level because of at least one red flag.");
            }
            let _ = writeln!(m, " {}\n", esc(band.meaning.get(loc)));
        }
        _ => m.push_str("No scored question has been answered yet, so there is no score.\n\n"),
    }
    let _ = writeln!(
        m,
        "Red flags: {} · Knowledge gaps (\"don't know\"): {} · Required questions unanswered: {}\n",
        o.red_flags.len(),
        o.knowledge_gaps.len(),
        o.unanswered_required.len()
    );
    m.push_str("| Section | Score | Level | Red flags | Answered |\n|---|---:|---|---:|---:|\n");
    for s in &o.sections {
        let title = q.section(&s.section_id).map(|(_, x)| x.title.get(loc)).unwrap_or_default();
        let (sc, lv) = match (&s.score, &s.level) {
            (Some(v), Some(l)) => (
                display_score(*v),
                format!("{}{}", level_label(q, l.band_index, loc), if l.raised_by_red_flag { " (raised by red flag)" } else { "" }),
            ),
            _ => ("—".into(), "not scored yet".into()),
        };
        let _ = writeln!(m, "| {} | {sc} | {} | {} | {}/{} |", esc(title), esc(&lv), s.red_flags, s.scored_answered, s.scored_visible);
    }
    if let Some(v) = o.overall {
        let lv = o.overall_level.as_ref().map(|l| level_label(q, l.band_index, loc)).unwrap_or_default();
        let _ = writeln!(m, "| **Overall (weighted)** | **{}** | **{}** | {} | |", display_score(v), esc(&lv), o.red_flags.len());
    }
    m.push('\n');
    if !o.red_flags.is_empty() {
        m.push_str("### Red flags\n\n");
        for f in &o.red_flags {
            let answer = q.question(&f.question_id).and_then(|r| answer_text(r.question, a, loc)).unwrap_or_default();
            let n = nums.get(&f.question_id).cloned().unwrap_or_default();
            let _ = writeln!(m, "- **{n}** {} — you answered “{}”", esc(question_text(q, &f.question_id, loc)), esc(&answer));
        }
        m.push('\n');
    }

    // Legal triage
    if !q.triage.is_empty() {
        let _ = writeln!(m, "## Legal triage\n\n_{} {}_\n", crate::triage::DISCLAIMER_TITLE, crate::triage::DISCLAIMER_BODY);
        let conclusions = crate::triage::evaluate(q, a, loc);
        if conclusions.is_empty() {
            m.push_str("No legal conclusions follow from the answers given.\n\n");
        }
        for c in conclusions {
            let _ = writeln!(m, "### {}: {}\n\nBecause you answered:\n", c.framework.label(), esc(c.conclusion.get(loc)));
            for r in &c.reasons {
                let _ = writeln!(
                    m,
                    "- {} — “{}”",
                    esc(question_text(q, &r.question_id, loc)),
                    esc(r.answer.as_deref().unwrap_or("not answered"))
                );
            }
            m.push('\n');
            if !c.explanation.0.is_empty() {
                let _ = writeln!(m, "{}\n", esc(c.explanation.get(loc)));
            }
            if !c.references.is_empty() {
                let _ = writeln!(m, "Sources: {}\n", esc(&c.references.join("; ")));
            }
        }
    }

    // Priority actions
    m.push_str("## Priority actions\n\n");
    if o.recommendations.is_empty() {
        m.push_str("No actions follow from the answers given.\n\n");
    }
    for s in &q.sections {
        let mut recs: Vec<_> = o.recommendations.iter().filter(|r| r.section_id == s.id).collect();
        if recs.is_empty() {
            continue;
        }
        recs.sort_by(|x, y| y.red_flag.cmp(&x.red_flag).then(y.concern.cmp(&x.concern)));
        let _ = writeln!(m, "### {}\n", esc(s.title.get(loc)));
        for r in recs {
            let n = nums.get(&r.question_id).cloned().unwrap_or_default();
            let flag = if r.red_flag { "**red flag** · " } else { "" };
            let _ = writeln!(
                m,
                "- [ ] {} ({flag}concern {}/{} · question {n})",
                esc(r.text.get(loc)),
                r.concern,
                q.max_concern
            );
        }
        m.push('\n');
    }

    // Answers
    m.push_str("## Answers\n\n");
    let vis = Visibility::compute(q, a);
    let review = a.review();
    let comments = review.as_ref().map(|r| &r.comments);
    for (si, s) in q.sections.iter().enumerate() {
        let section_score = o
            .section(&s.id)
            .and_then(|x| x.score)
            .map(|v| format!(" (score {})", display_score(v)))
            .unwrap_or_default();
        let _ = writeln!(m, "### {}. {}{section_score}\n", si + 1, esc(s.title.get(loc)));
        for question in s.questions.iter().filter(|x| vis.is_visible(&x.id)) {
            let n = nums.get(&question.id).cloned().unwrap_or_default();
            let _ = writeln!(m, "**{n} {}**\n", esc(question.text.get(loc)));
            let concern = if Questionnaire::is_scored(s, question) { concern_of(question, a) } else { None };
            let answer = match (answer_text(question, a, loc), a.answer(&question.id), concern) {
                (None, _, _) => "_not answered_".to_string(),
                (Some(t), Some(Answer::DontKnow), _) => format!("{} — knowledge gap", esc(&t)),
                (Some(t), _, Some((c, max, _, true))) => format!("{} — concern {c}/{max}, **red flag**", esc(&t)),
                (Some(t), _, Some((c, max, _, _))) => format!("{} — concern {c}/{max}", esc(&t)),
                (Some(t), _, None) => esc(&t),
            };
            let _ = writeln!(m, "Answer: {answer}\n");
            let note = a.note(&question.id);
            if !note.trim().is_empty() {
                let label = if matches!(a.answer(&question.id), Some(Answer::NotApplicable)) { "Justification" } else { "Note" };
                let _ = writeln!(m, "{label}:\n\n{}\n", quote(note));
            }
            if let Some(c) = comments.and_then(|x| x.get(&question.id)) {
                let _ = writeln!(m, "{}\n", comment(c));
            }
        }
    }
    let removed = removed_answers(q, a);
    if !removed.is_empty() {
        m.push_str("## Answers to removed questions\n\n");
        m.push_str("These answers belong to questions that this version of the questionnaire no longer has. They are kept, but not scored.\n\n");
        for (id, r) in removed {
            let answer = r.answer.as_ref().map(raw_answer_text).unwrap_or_else(|| "no answer".into());
            let _ = writeln!(m, "- `{}`: {}", id.replace('`', "'"), esc(&answer));
            if !r.note.trim().is_empty() {
                let _ = writeln!(m, "\n  Note: {}", esc(r.note.trim()));
            }
            if let Some(c) = comments.and_then(|x| x.get(id)) {
                let _ = writeln!(m, "\n{}", indent(&comment(c)));
            }
        }
        m.push('\n');
    }
    let other = super::other_comments(q, a, review.as_ref(), &vis);
    if !other.is_empty() {
        let _ = writeln!(m, "## {}\n\n{}\n", super::OTHER_COMMENTS_TITLE, super::OTHER_COMMENTS_EXPLAINED);
        for (id, c, question) in other {
            match question {
                Some(x) => {
                    let _ = writeln!(m, "**{}** (not shown: hidden by the answers)\n", esc(x.text.get(loc)));
                }
                None => {
                    let _ = writeln!(m, "**{}** (a question this version of the questionnaire no longer has)\n", esc(id));
                }
            }
            let _ = writeln!(m, "{}\n", comment(c));
        }
    }
    let _ = writeln!(
        m,
        "---\n\nMade with the ELSA self-assessment tool {}. Scores run from 0 (no concern) to 100 (highest concern) and are indicative; legal pointers are not legal advice.",
        crate::persist::TOOL_VERSION
    );
    m
}

/// A reviewer's comment (and the team's reply) as a block quote.
fn comment(c: &Comment) -> String {
    let mut out = labelled_quote(&super::comment_label(c), &c.text);
    if !c.reply.trim().is_empty() {
        out.push_str("\n>\n");
        out.push_str(&labelled_quote("Team reply:", &c.reply));
    }
    out
}

/// `> **Label** first line` then `> next line`…, each line escaped.
fn labelled_quote(label: &str, text: &str) -> String {
    let mut out = format!("> **{}**", esc(label));
    for (i, line) in text.trim().lines().enumerate() {
        out.push_str(if i == 0 { " " } else { "\n> " });
        out.push_str(&esc(line));
    }
    out
}

/// Indent every line by two spaces (a block inside a list item).
fn indent(s: &str) -> String {
    s.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
}

/// The review block near the top: verdict, reviewer, date, conditions, comment counts, sign-off
/// and whether the answers changed since.
fn review_summary(m: &mut String, a: &Assessment, r: &Review) {
    let _ = writeln!(m, "## {}\n", super::REVIEW_TITLE);
    let or_dash = |s: &str| if s.trim().is_empty() { "—".to_string() } else { esc(s.trim()) };
    let _ = writeln!(m, "- **Verdict:** {}", r.verdict.map(|v| v.label()).unwrap_or(super::NO_VERDICT));
    let _ = writeln!(m, "- **Reviewer:** {}", or_dash(&r.reviewer_name));
    let _ = writeln!(m, "- **Role:** {}", or_dash(&r.reviewer_role));
    let _ = writeln!(m, "- **Review date:** {}", or_dash(&r.date));
    if !r.conditions.trim().is_empty() {
        let _ = writeln!(m, "- **Conditions:** {}", esc(r.conditions.trim()));
    }
    let _ = writeln!(m, "- **Comments:** {}", super::comment_counts(r));
    match &r.sign_off {
        Some(s) => {
            let _ = writeln!(m, "- **Sign-off:** Signed off on {}", esc(date_part(&s.at)));
            let _ = writeln!(m, "- **Fingerprint:** {}", esc(&s.fingerprint));
        }
        None => m.push_str("- **Sign-off:** Not signed off yet\n"),
    }
    let state = r.state(a);
    match state {
        ReviewState::Stale => {
            let _ = writeln!(m, "\n**⚠ {}.** {}", crate::review::STALE_TEXT, super::STALE_DETAIL);
        }
        _ => {
            let _ = writeln!(m, "\n**{}.**", super::review_state_text(state));
        }
    }
    let _ = writeln!(m, "\n_{}_\n", crate::review::FINGERPRINT_EXPLAINED);
}
