//! The report: (questionnaire, assessment, outcome) → laid-out pages → PDF bytes.
//!
//! [`build_pages`] decides what the report says and lays it out (pure, any [`Measure`]);
//! `pdf` (feature `pdf`, printpdf) measures with the embedded fonts and writes the PDF.
//! Nothing here downloads or touches storage.

pub mod layout;
#[cfg(feature = "pdf")]
pub mod pdf;

use crate::answers::{answer_text, Answer, Assessment, Progress, Visibility};
use crate::model::*;
use crate::scoring::{display_score, score, Outcome};
use layout::*;

/// Everything the report needs besides the questionnaire and the assessment.
#[derive(Debug, Clone)]
pub struct ReportInfo {
    /// RFC 3339 time of generation (the caller's clock).
    pub generated_at: String,
    pub locale: String,
}

pub const REPORT_TITLE: &str = "ELSA self-assessment report";
pub const LOCAL_NOTICE: &str = "Generated on this device. No data was sent anywhere.";

/// The date part (`YYYY-MM-DD`) of an RFC 3339 timestamp, or the text as given.
pub fn date_part(ts: &str) -> &str {
    ts.get(..10).filter(|d| d.as_bytes().get(4) == Some(&b'-')).unwrap_or(ts)
}

/// A file-name-safe slug: lowercase ASCII letters and digits joined by single dashes.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = fold_ascii(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(60).collect();
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        "untitled".to_string()
    } else {
        out
    }
}

fn fold_ascii(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò'..='ö' | 'ø' | 'Ò'..='Ö' | 'Ø' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'ł' | 'Ł' => 'l',
        'ş' | 'Ş' | 'š' | 'Š' => 's',
        _ => c,
    }
}

/// `elsa-report-<project>-<yyyy-mm-dd>.pdf`
pub fn file_name(a: &Assessment, generated_at: &str) -> String {
    format!("elsa-report-{}-{}.pdf", slug(&a.metadata.project_name), date_part(generated_at))
}

fn level_label(q: &Questionnaire, idx: usize, locale: &str) -> String {
    q.bands.get(idx).map(|b| b.label.get(locale).to_string()).unwrap_or_default()
}

/// Lay out the whole report.
pub fn build_pages(q: &Questionnaire, a: &Assessment, info: &ReportInfo, m: &dyn Measure) -> Vec<Page> {
    let outcome = score(q, a);
    let mut l = Layout::new(m);
    let loc = info.locale.as_str();
    cover(&mut l, q, a, info);
    summary(&mut l, q, &outcome, loc);
    triage(&mut l, q, a, loc);
    findings(&mut l, q, a, &outcome, loc);
    answers(&mut l, q, a, loc);
    let right = format!("{REPORT_TITLE} · {}", date_part(&info.generated_at));
    l.finish(a.display_name(), &right)
}

const H1: Style = Style::new(20.0, true, ACCENT);
const H2: Style = Style::new(14.0, true, ACCENT);
const H3: Style = Style::new(11.5, true, INK);
const KEEP: f32 = 40.0;

fn cover(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, info: &ReportInfo) {
    let loc = info.locale.as_str();
    l.text(REPORT_TITLE, H1, 0.0);
    l.space(4.0);
    l.text(a.display_name(), Style::new(16.0, true, INK), 0.0);
    l.space(8.0);
    let md = &a.metadata;
    let progress = Progress::compute(q, a);
    let rows: [(&str, String); 6] = [
        ("Organisation:", md.organisation.clone()),
        ("Assessors:", md.assessors.clone()),
        ("Report date:", date_part(&info.generated_at).to_string()),
        ("Questionnaire:", format!("{} (version {})", q.title.get(loc), q.version)),
        ("Progress:", format!("{} of {} visible questions answered ({}%)", progress.answered, progress.visible, progress.percent())),
        ("Tool:", format!("ELSA self-assessment tool {}", crate::persist::TOOL_VERSION)),
    ];
    for (label, value) in rows {
        let value = if value.trim().is_empty() { "—".to_string() } else { value };
        l.labelled(label, &value, BODY, 0.0);
    }
    if !md.intended_use.trim().is_empty() {
        l.space(4.0);
        l.labelled("Intended use:", md.intended_use.trim(), BODY, 0.0);
    }
    l.space(6.0);
    l.text(LOCAL_NOTICE, Style::new(9.0, false, MUTED), 0.0);
    l.space(10.0);
    l.rule(RULE);
    l.space(10.0);
}

fn summary(l: &mut Layout<'_>, q: &Questionnaire, o: &Outcome, loc: &str) {
    l.heading("Summary", H2, KEEP);
    match (&o.overall, &o.overall_level) {
        (Some(v), Some(level)) => {
            let band = &q.bands[level.band_index];
            let mut line = format!("Overall concern: {} of 100 — {}.", display_score(*v), band.label.get(loc));
            if level.raised_by_red_flag {
                line.push_str(" Raised to this level because of at least one red flag.");
            }
            l.text(&line, BODY_BOLD, 0.0);
            let meaning = band.meaning.get(loc);
            if !meaning.is_empty() {
                l.text(meaning, BODY, 0.0);
            }
        }
        _ => l.text("No scored question has been answered yet, so there is no score.", BODY, 0.0),
    }
    l.text(
        &format!(
            "Red flags: {}   ·   Knowledge gaps (\"don't know\"): {}   ·   Required questions unanswered: {}",
            o.red_flags.len(),
            o.knowledge_gaps.len(),
            o.unanswered_required.len()
        ),
        BODY,
        0.0,
    );
    l.space(8.0);
    let cols = [
        Column { header: "Section", share: 0.42, right: false },
        Column { header: "Score", share: 0.10, right: true },
        Column { header: "Level", share: 0.21, right: false },
        Column { header: "Red flags", share: 0.13, right: true },
        Column { header: "Answered", share: 0.14, right: true },
    ];
    let mut rows = Vec::new();
    let mut styles = Vec::new();
    for s in &o.sections {
        let title = q.section(&s.section_id).map(|(_, x)| x.title.get(loc).to_string()).unwrap_or_default();
        let (score, level) = match (&s.score, &s.level) {
            (Some(v), Some(lv)) => (display_score(*v), level_label(q, lv.band_index, loc)),
            _ => ("—".to_string(), "not scored yet".to_string()),
        };
        rows.push(vec![
            title,
            score,
            level,
            s.red_flags.to_string(),
            format!("{}/{}", s.scored_answered, s.scored_visible),
        ]);
        styles.push(Style::new(9.0, false, if s.red_flags > 0 { DANGER } else { INK }));
    }
    if let Some(v) = o.overall {
        rows.push(vec![
            "Overall (weighted)".to_string(),
            display_score(v),
            o.overall_level.as_ref().map(|lv| level_label(q, lv.band_index, loc)).unwrap_or_default(),
            o.red_flags.len().to_string(),
            String::new(),
        ]);
        styles.push(Style::new(9.0, true, INK));
    }
    l.table(&cols, &rows, &styles);
    l.space(6.0);
    l.text("Scores run from 0 (no concern) to 100 (maximum concern). The methodology is explained in the app under \"How scoring works\".", SMALL, 0.0);
    l.space(12.0);
}

fn triage(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, loc: &str) {
    if q.triage.is_empty() {
        return;
    }
    l.heading("Legal triage", H2, KEEP);
    l.text(&format!("{} {}", crate::triage::DISCLAIMER_TITLE, crate::triage::DISCLAIMER_BODY), Style::new(9.0, true, MUTED), 0.0);
    l.space(4.0);
    let conclusions = crate::triage::evaluate(q, a, loc);
    if conclusions.is_empty() {
        l.text("No legal conclusions follow from the answers given.", BODY, 0.0);
    }
    for c in conclusions {
        let color = match c.severity {
            crate::model::Severity::High => DANGER,
            _ => INK,
        };
        l.heading(&format!("{}: {}", c.framework.label(), c.conclusion.get(loc)), Style::new(10.0, true, color), 2.0 * BODY.line_height());
        let because: Vec<String> = c
            .reasons
            .iter()
            .map(|r| format!("{} — {}", question_text(q, &r.question_id, loc), r.answer.as_deref().unwrap_or("not answered")))
            .collect();
        l.text("Because you answered:", Style::new(9.0, false, MUTED), 12.0);
        for b in because {
            l.text(&format!("• {b}"), BODY, 12.0);
        }
        if !c.explanation.0.is_empty() {
            l.text(c.explanation.get(loc), Style::new(9.5, false, MUTED), 12.0);
        }
        if !c.references.is_empty() {
            l.text(&format!("Sources: {}", c.references.join("; ")), SMALL, 12.0);
        }
        l.space(4.0);
    }
    l.space(8.0);
}

fn question_text<'q>(q: &'q Questionnaire, id: &'q str, loc: &str) -> &'q str {
    q.question(id).map(|r| r.question.text.get(loc)).unwrap_or(id)
}

fn findings(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, o: &Outcome, loc: &str) {
    if !o.red_flags.is_empty() {
        l.heading("Red flags", H2, KEEP);
        for f in &o.red_flags {
            let answer = q.question(&f.question_id).and_then(|r| answer_text(r.question, a, loc)).unwrap_or_default();
            l.text(&format!("▲ {}", question_text(q, &f.question_id, loc)), Style::new(10.0, true, DANGER), 0.0);
            l.labelled("Answer:", &answer, BODY, 12.0);
            l.space(3.0);
        }
        l.space(8.0);
    }
    if !o.knowledge_gaps.is_empty() {
        l.heading("Knowledge gaps", H2, KEEP);
        l.text("These questions were answered \"don't know\"; they count as maximum concern until answered.", SMALL, 0.0);
        l.space(2.0);
        for (_, qid) in &o.knowledge_gaps {
            l.text(&format!("• {}", question_text(q, qid, loc)), BODY, 0.0);
        }
        l.space(8.0);
    }
    if !o.unanswered_required.is_empty() {
        l.heading("Required questions not yet answered", H2, KEEP);
        for m in &o.unanswered_required {
            l.text(&format!("• {}", question_text(q, &m.question_id, loc)), BODY, 0.0);
        }
        l.space(8.0);
    }
    if !o.recommendations.is_empty() {
        l.heading("Recommended actions", H2, KEEP);
        for r in &o.recommendations {
            let marker = if r.red_flag { "▲ red flag · " } else { "" };
            l.text(
                &format!("{marker}concern {}/{} · {}", r.concern, q.max_concern, question_text(q, &r.question_id, loc)),
                Style::new(9.0, true, if r.red_flag { DANGER } else { MUTED }),
                0.0,
            );
            l.text(r.text.get(loc), BODY, 12.0);
            l.space(4.0);
        }
        l.space(8.0);
    }
}

fn answers(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, loc: &str) {
    let vis = Visibility::compute(q, a);
    l.heading("Answers", H2, KEEP);
    for s in &q.sections {
        l.space(4.0);
        l.heading(s.title.get(loc), H3, KEEP);
        l.rule(RULE);
        l.space(4.0);
        for question in s.questions.iter().filter(|x| vis.is_visible(&x.id)) {
            l.heading(question.text.get(loc), BODY_BOLD, 2.0 * BODY.line_height());
            let answer = answer_text(question, a, loc);
            let options = question.kind.options();
            let flagged = match a.answer(&question.id) {
                Some(Answer::Choice { id }) => options.iter().any(|o| o.id == id.as_str() && o.red_flag),
                Some(Answer::Choices { ids }) => options.iter().any(|o| ids.contains(&o.id.to_string()) && o.red_flag),
                _ => false,
            };
            let (text, style) = match (&answer, a.answer(&question.id)) {
                (None, _) => ("not answered".to_string(), Style::new(10.0, false, MUTED)),
                (Some(t), Some(Answer::DontKnow)) => (format!("{t} — knowledge gap"), Style::new(10.0, false, DANGER)),
                (Some(t), _) if flagged => (format!("{t} — red flag"), Style::new(10.0, false, DANGER)),
                (Some(t), _) => (t.clone(), BODY),
            };
            l.labelled("Answer:", &text, style, 12.0);
            let note = a.note(&question.id).trim();
            if matches!(a.answer(&question.id), Some(Answer::NotApplicable)) {
                let j = if note.is_empty() { "missing — a justification is needed" } else { note };
                l.labelled("Justification for N/A:", j, BODY, 12.0);
            } else if !note.is_empty() {
                l.labelled("Note:", note, BODY, 12.0);
            }
            l.space(6.0);
        }
    }
}
