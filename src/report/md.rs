//! The assessment as a Markdown document: the same content as the PDF report (scores, legal
//! triage, low-SES dimensions, priority actions, every answer with its note, answers to removed
//! questions), as plain text that diffs well and opens in any editor or word processor.
//!
//! Text from the questionnaire and from the user is escaped, so that an answer like
//! `*not* | sure` shows as typed and cannot break a table or start a heading.

use super::{concern_of, date_part, level_label, numbers, question_text, ReportInfo};
use crate::answers::{answer_text, raw_answer_text, removed_answers, Answer, Assessment, Progress, Visibility};
use crate::i18n::date;
use crate::model::*;
use crate::review::{Comment, Review, ReviewState};
use crate::scoring::{display_score, score};
use crate::t;
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

/// The Markdown report, in the current language (see [`super`]).
pub fn render(q: &Questionnaire, a: &Assessment, info: &ReportInfo) -> String {
    let loc = super::loc();
    let o = score(q, a);
    let nums = numbers(q, a);
    let mut m = String::new();
    let md = &a.metadata;
    let progress = Progress::compute(q, a);

    let _ = writeln!(m, "# {}: {}\n", super::report_title(), esc(&a.display_name()));
    for (k, v) in [
        (t!("Organisation:"), md.organisation.as_str()),
        (t!("Assessors:"), md.assessors.as_str()),
        (t!("Intended use:"), md.intended_use.as_str()),
    ] {
        if !v.trim().is_empty() {
            let _ = writeln!(m, "- **{k}** {}", esc(v.trim()));
        }
    }
    let _ = writeln!(m, "- **{}** {}", t!("Questionnaire:"), t!("{0} (version {1})", esc(q.title.get(loc)), esc(&q.version)));
    let _ = writeln!(
        m,
        "- **{}** {}",
        t!("Progress:"),
        t!("{0} of {1} visible questions answered ({2}%)", progress.answered, progress.visible, progress.percent())
    );
    let _ = writeln!(m, "- **{}** {}", t!("Last changed:"), esc(&super::date_time(&a.modified)));
    let _ = writeln!(m, "- **{}** {}\n", t!("Exported:"), esc(&super::date_time(&info.generated_at)));
    let _ = writeln!(m, "_{}_\n", super::local_notice());
    if let Some(notice) = super::fallback_notice(q, false) {
        let _ = writeln!(m, "> **{notice}**\n");
    }
    if let Some(r) = &a.review() {
        review_summary(&mut m, a, r);
    }

    // Summary
    let _ = writeln!(m, "## {}\n", t!("Summary"));
    match (&o.overall, &o.overall_level) {
        (Some(v), Some(level)) => {
            let band = &q.bands[level.band_index];
            let _ = write!(m, "**{}**", super::overall_line(*v, &esc(band.label.get(loc)), level.raised_by_red_flag));
            let meaning = band.meaning.get(loc).trim();
            if !meaning.is_empty() {
                let _ = write!(m, " {}", esc(meaning));
            }
            m.push_str("\n\n");
        }
        _ => {
            let _ = writeln!(m, "{}\n", t!("No scored question has been answered yet, so there is no score."));
        }
    }
    let _ = writeln!(m, "{}\n", super::counts_line(&o));
    let _ = writeln!(m, "| {} | {} | {} | {} | {} |\n|---|---:|---|---:|---:|", t!("Section"), t!("Score"), t!("Level"), t!("Red flags"), t!("Answered"));
    for s in &o.sections {
        let title = q.section(&s.section_id).map(|(_, x)| x.title.get(loc)).unwrap_or_default();
        let (sc, lv) = match (&s.score, &s.level) {
            (Some(v), Some(l)) => {
                let label = level_label(q, l.band_index, loc);
                (display_score(*v), if l.raised_by_red_flag { t!("{0} (raised by a red flag)", label) } else { label })
            }
            _ => ("—".into(), t!("not scored yet")),
        };
        let _ = writeln!(m, "| {} | {sc} | {} | {} | {}/{} |", esc(title), esc(&lv), s.red_flags, s.scored_answered, s.scored_visible);
    }
    if let Some(v) = o.overall {
        let lv = o.overall_level.as_ref().map(|l| level_label(q, l.band_index, loc)).unwrap_or_default();
        let _ = writeln!(m, "| **{}** | **{}** | **{}** | {} | |", t!("Overall (weighted)"), display_score(v), esc(&lv), o.red_flags.len());
    }
    m.push('\n');
    if !o.red_flags.is_empty() {
        let _ = writeln!(m, "### {}\n", t!("Red flags"));
        for f in &o.red_flags {
            let answer = q.question(&f.question_id).and_then(|r| answer_text(r.question, a, loc)).unwrap_or_default();
            let n = nums.get(&f.question_id).cloned().unwrap_or_default();
            let _ = writeln!(m, "- **{n}** {}", t!("{0} — you answered “{1}”", esc(question_text(q, &f.question_id, loc)), esc(&answer)));
        }
        m.push('\n');
    }

    // Legal triage
    if !q.triage.is_empty() {
        let _ = writeln!(m, "## {}\n\n_{}_\n", t!("Legal triage"), super::triage_disclaimer());
        let tr = crate::triage::triage_of(q, a, loc, &info.generated_at);
        let _ = writeln!(m, "{}\n", crate::triage::triage_dates_line(&tr));
        for f in &tr.frameworks {
            let _ = writeln!(m, "### {}\n\n**{}**\n", crate::triage::framework_heading(f), crate::triage::roles_line(f));
            if f.conclusions.is_empty() {
                let _ = writeln!(m, "{}\n", t!("No conclusion yet: answer the legal triage questions for this framework."));
            }
            for c in &f.conclusions {
                let _ = writeln!(m, "#### {}\n\n{}\n", esc(c.conclusion.get(loc)), t!("Because you answered:"));
                for r in &c.reasons {
                    let answer = r.answer.clone().unwrap_or_else(|| t!("not answered"));
                    let _ = writeln!(m, "- {} — “{}”", esc(question_text(q, &r.question_id, loc)), esc(&answer));
                }
                m.push('\n');
                if !c.explanation.0.is_empty() {
                    let _ = writeln!(m, "{}\n", esc(c.explanation.get(loc)));
                }
                if !c.references.is_empty() {
                    let _ = writeln!(m, "{}\n", t!("Sources: {0}", esc(&crate::i18n::references(&c.references))));
                }
            }
            if !f.duties.is_empty() {
                let _ = writeln!(m, "#### {}\n", t!("Duties ({0})", f.duties.len()));
                let [h1, h2, h3, h4] = crate::triage::duty_headers();
                let _ = writeln!(m, "| {h1} | {h2} | {h3} | {h4} |\n|---|---|---|---|");
                let table = crate::triage::duty_table(f, loc);
                for [duty, role, source, when] in &table.rows {
                    let _ = writeln!(m, "| {} | {} | {} | {} |", esc(duty), esc(role), esc(source), esc(when));
                }
                m.push('\n');
                for (i, note) in table.notes.iter().enumerate() {
                    let _ = writeln!(m, "\\[{}\\] {}  ", i + 1, esc(note));
                }
                if !table.notes.is_empty() {
                    m.push('\n');
                }
            }
        }
    }

    // Priority actions
    let _ = writeln!(m, "## {}\n", t!("Priority actions"));
    if o.recommendations.is_empty() {
        let _ = writeln!(m, "{}\n", t!("No actions follow from the answers given."));
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
            let about = if r.red_flag {
                t!("**red flag** · concern {0}/{1} · question {2}", r.concern, q.max_concern, n)
            } else {
                t!("concern {0}/{1} · question {2}", r.concern, q.max_concern, n)
            };
            let _ = writeln!(m, "- [ ] {} ({about})", esc(r.text.get(loc)));
        }
        m.push('\n');
    }

    // Answers
    let _ = writeln!(m, "## {}\n", t!("Answers"));
    let vis = Visibility::compute(q, a);
    let review = a.review();
    let comments = review.as_ref().map(|r| &r.comments);
    for (si, s) in q.sections.iter().enumerate() {
        let title = format!("{}. {}", si + 1, esc(s.title.get(loc)));
        let heading = match o.section(&s.id).and_then(|x| x.score) {
            Some(v) => t!("{0} (score {1})", title, display_score(v)),
            None => title,
        };
        let _ = writeln!(m, "### {heading}\n");
        for question in s.questions.iter().filter(|x| vis.is_visible(&x.id)) {
            let n = nums.get(&question.id).cloned().unwrap_or_default();
            let _ = writeln!(m, "**{n} {}**\n", esc(question.text.get(loc)));
            let concern = if Questionnaire::is_scored(s, question) { concern_of(question, a) } else { None };
            let answer = match (answer_text(question, a, loc), a.answer(&question.id), concern) {
                (None, _, _) => format!("_{}_", t!("not answered")),
                (Some(t), Some(Answer::DontKnow), _) => t!("{0} — knowledge gap", esc(&t)),
                (Some(t), _, Some((c, max, _, true))) => t!("{0} — concern {1}/{2}, **red flag**", esc(&t), c, max),
                (Some(t), _, Some((c, max, _, _))) => t!("{0} — concern {1}/{2}", esc(&t), c, max),
                (Some(t), _, None) => esc(&t),
            };
            let _ = writeln!(m, "{} {answer}\n", t!("Answer:"));
            let note = a.note(&question.id);
            if !note.trim().is_empty() {
                let label = if matches!(a.answer(&question.id), Some(Answer::NotApplicable)) { t!("Why not applicable:") } else { t!("Note:") };
                let _ = writeln!(m, "{label}\n\n{}\n", quote(note));
            }
            if let Some(c) = comments.and_then(|x| x.get(&question.id)) {
                let _ = writeln!(m, "{}\n", comment(c));
            }
        }
    }
    let removed = removed_answers(q, a);
    if !removed.is_empty() {
        let _ = writeln!(m, "## {}\n\n{}\n", t!("Answers to removed questions"), super::removed_explained());
        for (id, r) in removed {
            let answer = r.answer.as_ref().map(raw_answer_text).unwrap_or_else(|| t!("no answer"));
            let moved = crate::answers::moved_to_text(q, id, loc).map(|x| format!(" ({})", esc(&x))).unwrap_or_default();
            let _ = writeln!(m, "- `{}`: {}{moved}", id.replace('`', "'"), esc(&answer));
            if !r.note.trim().is_empty() {
                let _ = writeln!(m, "\n  {} {}", t!("Note:"), esc(r.note.trim()));
            }
            if let Some(c) = comments.and_then(|x| x.get(id)) {
                let _ = writeln!(m, "\n{}", indent(&comment(c)));
            }
        }
        m.push('\n');
    }
    let other = super::other_comments(q, a, review.as_ref(), &vis);
    if !other.is_empty() {
        let _ = writeln!(m, "## {}\n\n{}\n", super::other_comments_title(), super::other_comments_explained());
        for (id, c, question) in other {
            let subject = format!("**{}**", esc(question.map(|x| x.text.get(loc)).unwrap_or(id)));
            let _ = writeln!(m, "{}\n", super::other_comment_subject(&subject, question.map(|_| subject.as_str())));
            let _ = writeln!(m, "{}\n", comment(c));
        }
    }
    let _ = writeln!(
        m,
        "---\n\n{}",
        t!(
            "Made with the {0}. Scores run from 0 (no concern) to 100 (highest concern) and are indicative. Legal pointers are not legal advice.",
            super::tool_name()
        )
    );
    m
}

/// A reviewer's comment (and the team's reply) as a block quote.
fn comment(c: &Comment) -> String {
    let mut out = labelled_quote(&super::comment_label(c), &c.text);
    if !c.reply.trim().is_empty() {
        out.push_str("\n>\n");
        out.push_str(&labelled_quote(&t!("Team reply:"), &c.reply));
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
    let _ = writeln!(m, "## {}\n", super::review_title());
    let or_dash = |s: &str| if s.trim().is_empty() { "—".to_string() } else { esc(s.trim()) };
    let verdict = r.verdict.map(|v| v.label().to_string()).unwrap_or_else(super::no_verdict);
    let _ = writeln!(m, "- **{}** {verdict}", t!("Verdict:"));
    let _ = writeln!(m, "- **{}** {}", t!("Reviewer:"), or_dash(&r.reviewer_name));
    let _ = writeln!(m, "- **{}** {}", t!("Role:"), or_dash(&r.reviewer_role));
    let _ = writeln!(m, "- **{}** {}", t!("Review date:"), or_dash(&date(&r.date)));
    if !r.conditions.trim().is_empty() {
        let _ = writeln!(m, "- **{}** {}", t!("Conditions:"), esc(r.conditions.trim()));
    }
    let _ = writeln!(m, "- **{}** {}", t!("Comments:"), super::comment_counts(r));
    match &r.sign_off {
        Some(s) => {
            let _ = writeln!(m, "- **{}** {}", t!("Sign-off:"), t!("Signed off on {0}", esc(&date(&s.at))));
            let _ = writeln!(m, "- **{}** {}", t!("Fingerprint:"), esc(&s.fingerprint));
        }
        None => {
            let _ = writeln!(m, "- **{}** {}", t!("Sign-off:"), t!("Not signed off yet"));
        }
    }
    let state = r.state(a);
    match state {
        ReviewState::Stale => {
            let _ = writeln!(m, "\n**⚠ {}.** {}", crate::review::stale_text(), super::stale_detail());
        }
        _ => {
            let _ = writeln!(m, "\n**{}.**", super::review_state_text(state));
        }
    }
    let _ = writeln!(m, "\n_{}_\n", crate::review::fingerprint_explained());
}
