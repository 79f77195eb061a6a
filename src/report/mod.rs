//! The report: (questionnaire, assessment, outcome) → laid-out pages → PDF bytes.
//!
//! [`build_pages`] decides what the report says and lays it out (pure, any [`Measure`]);
//! `pdf` (feature `pdf`, printpdf) measures with the embedded fonts and writes the PDF.
//! Nothing here downloads or touches storage.

pub mod layout;
pub mod md;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod workshop;

use crate::answers::{answer_text, raw_answer_text, removed_answers, Answer, Assessment, Progress, Visibility};
use crate::model::*;
use crate::review::{Comment, CommentStatus, Review, ReviewState, Verdict};
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

/// `elsa-<project>-<yyyy-mm-dd>.json`, the name of an exported assessment file.
pub fn export_file_name(a: &Assessment, now: &str) -> String {
    format!("elsa-{}-{}.json", slug(&a.metadata.project_name), date_part(now))
}

fn level_label(q: &Questionnaire, idx: usize, locale: &str) -> String {
    q.bands.get(idx).map(|b| b.label.get(locale).to_string()).unwrap_or_default()
}

/// Lay out the whole report: cover, executive summary, low-SES impact, priority actions, detailed
/// answers, methodology. Returns the pages and the document outline (title, 1-based page).
pub fn build_pages(q: &Questionnaire, a: &Assessment, info: &ReportInfo, m: &dyn Measure) -> (Vec<Page>, Vec<(String, usize)>) {
    let outcome = score(q, a);
    let mut l = Layout::new(m);
    let loc = info.locale.as_str();
    cover(&mut l, q, a, info);
    l.page_break();
    l.bookmark("Executive summary");
    summary(&mut l, q, a, &outcome, loc);
    triage(&mut l, q, a, loc);
    low_ses(&mut l, q, a, &outcome, loc);
    actions(&mut l, q, a, &outcome, loc);
    answers(&mut l, q, a, loc);
    methodology(&mut l, q, info);
    let right = format!("{REPORT_TITLE} · {}", date_part(&info.generated_at));
    l.finish(a.display_name(), &right)
}

/// The workshop summary PDF of many teams' assessments of one questionnaire (title, teams,
/// section scores with mean, median and spread, a chart, and the questions the teams disagreed
/// on most), named [`workshop::workshop_file_name`]. Parses the fonts; the worker, which keeps
/// them, calls [`pdf::render_workshop`].
#[cfg(feature = "pdf")]
pub fn workshop_pdf(q: &Questionnaire, teams: &[(String, Assessment)], generated_at: &str, locale: &str) -> Result<Vec<u8>, String> {
    let fonts = pdf::Fonts::load()?;
    Ok(pdf::render_workshop(q, teams, generated_at, locale, &fonts).bytes)
}

const H1: Style = Style::new(24.0, true, ACCENT);
const H2: Style = Style::new(15.0, true, ACCENT);
const H3: Style = Style::new(11.5, true, INK);
const KEEP: f32 = 48.0;

/// "4.3" style numbers: section number (1-based), question number among the visible ones.
fn numbers(q: &Questionnaire, a: &Assessment) -> std::collections::HashMap<String, String> {
    let vis = Visibility::compute(q, a);
    let mut out = std::collections::HashMap::new();
    for (si, s) in q.sections.iter().enumerate() {
        for (qi, x) in s.questions.iter().filter(|x| vis.is_visible(&x.id)).enumerate() {
            out.insert(x.id.clone(), format!("{}.{}", si + 1, qi + 1));
        }
    }
    out
}

fn cover(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, info: &ReportInfo) {
    let loc = info.locale.as_str();
    l.space(60.0);
    l.text(REPORT_TITLE, H1, 0.0);
    l.space(6.0);
    l.text(a.display_name(), Style::new(18.0, true, INK), 0.0);
    l.space(18.0);
    let md = &a.metadata;
    let progress = Progress::compute(q, a);
    let rows: [(&str, String); 7] = [
        ("Organisation:", md.organisation.clone()),
        ("Assessors:", md.assessors.clone()),
        ("Report date:", date_part(&info.generated_at).to_string()),
        ("Questionnaire:", format!("{} (version {})", q.title.get(loc), q.version)),
        ("Tool:", format!("ELSA self-assessment tool {}", crate::persist::TOOL_VERSION)),
        ("Progress:", format!("{} of {} visible questions answered ({}%)", progress.answered, progress.visible, progress.percent())),
        ("Intended use:", md.intended_use.trim().to_string()),
    ];
    for (label, value) in rows {
        let value = if value.trim().is_empty() { "—".to_string() } else { value };
        l.labelled(label, &value, Style::new(11.0, false, INK), 0.0);
        l.space(2.0);
    }
    // The verdict in one line here; the whole review opens the executive summary.
    if let Some(review) = &a.review() {
        l.space(6.0);
        let state = review.state(a);
        let line = format!("{} — {}", review.verdict.map(|v| v.label()).unwrap_or(NO_VERDICT), review_state_text(state));
        let colour = if state == ReviewState::Stale { DANGER } else { INK };
        l.labelled("Ethics review:", &line, Style::new(11.0, true, colour), 0.0);
    }
    l.space(14.0);
    l.rule(RULE);
    l.space(8.0);
    l.text(LOCAL_NOTICE, Style::new(10.0, true, MUTED), 0.0);
    l.text("The assessment itself is attached to this PDF as a file (elsa-assessment.json): open the attachment, or load this PDF back into the tool.", Style::new(9.0, false, MUTED), 0.0);
}

fn summary(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, o: &Outcome, loc: &str) {
    let nums = numbers(q, a);
    l.heading("Executive summary", H2, KEEP);
    // A returned ethics review comes first: the verdict, the reviewer and the sign-off state.
    if let Some(review) = &a.review() {
        review_summary(l, a, review);
        l.space(8.0);
    }
    match (&o.overall, &o.overall_level) {
        (Some(v), Some(level)) => {
            let band = &q.bands[level.band_index];
            let mut line = format!("Overall concern: {} of 100 — {}.", display_score(*v), band.label.get(loc));
            if level.raised_by_red_flag {
                line.push_str(" Raised to this level because of at least one red flag.");
            }
            l.text(&line, Style::new(11.5, true, if level.band_index + 2 >= q.bands.len() { DANGER } else { INK }), 0.0);
            let meaning = band.meaning.get(loc);
            if !meaning.is_empty() {
                l.text(meaning, BODY, 0.0);
            }
        }
        _ => l.text("No scored question has been answered yet, so there is no score.", BODY, 0.0),
    }
    l.space(4.0);
    l.text(
        &format!(
            "Red flags: {}   ·   Knowledge gaps (\"don't know\"): {}   ·   Required questions unanswered: {}",
            o.red_flags.len(),
            o.knowledge_gaps.len(),
            o.unanswered_required.len()
        ),
        BODY_BOLD,
        0.0,
    );
    if !o.red_flags.is_empty() {
        l.space(4.0);
        l.heading("Red flags", H3, KEEP);
        for f in &o.red_flags {
            let answer = q.question(&f.question_id).and_then(|r| answer_text(r.question, a, loc)).unwrap_or_default();
            let number = nums.get(&f.question_id).cloned().unwrap_or_default();
            l.text(&format!("▲ {number} {} — {answer}", question_text(q, &f.question_id, loc)), Style::new(9.5, false, DANGER), 0.0);
        }
    }
    l.space(8.0);
    radar(l, q, o, loc);
    l.space(6.0);
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
        rows.push(vec![title, score, level, s.red_flags.to_string(), format!("{}/{}", s.scored_answered, s.scored_visible)]);
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
    l.text("Scores run from 0 (no concern) to 100 (maximum concern); the methodology is at the end of this report.", SMALL, 0.0);
    l.space(12.0);
}

/// Short label for a chart axis.
fn short_title(t: &str) -> String {
    let t = t.split(" and ").next().unwrap_or(t);
    if t.chars().count() > 28 {
        format!("{}…", t.chars().take(27).collect::<String>().trim_end())
    } else {
        t.to_string()
    }
}

/// A radar chart of the section scores, drawn with vector paths.
fn radar(l: &mut Layout<'_>, q: &Questionnaire, o: &Outcome, loc: &str) {
    let n = o.sections.len();
    if n < 3 {
        return;
    }
    let r = 105.0f32;
    let h = 2.0 * r + 60.0;
    let top = l.block(h);
    let (cx, cy) = (PAGE_W / 2.0, top + r + 28.0);
    let at = |i: usize, frac: f32| {
        let angle = -std::f32::consts::FRAC_PI_2 + i as f32 * 2.0 * std::f32::consts::PI / n as f32;
        (cx + r * frac * angle.cos(), cy + r * frac * angle.sin())
    };
    for ring in [0.25f32, 0.5, 0.75, 1.0] {
        l.draw(Item::Polygon { points: (0..n).map(|i| at(i, ring)).collect(), fill: None, stroke: Some(RULE), width: 0.5 });
    }
    for i in 0..n {
        let (x, y) = at(i, 1.0);
        l.draw(Item::Line { x1: cx, y1: cy, x2: x, y2: y, color: RULE, width: 0.5 });
    }
    let points: Vec<(f32, f32)> = o.sections.iter().enumerate().map(|(i, s)| at(i, (s.score.unwrap_or(0.0) / 100.0) as f32)).collect();
    l.draw(Item::Polygon { points: points.clone(), fill: Some(Rgb(0xcf, 0xe3, 0xe7)), stroke: Some(ACCENT), width: 1.2 });
    for (i, s) in o.sections.iter().enumerate() {
        let (x, y) = at(i, 1.0);
        let title = q.section(&s.section_id).map(|(_, x)| x.title.get(loc).to_string()).unwrap_or_default();
        let label = match s.score {
            Some(v) => format!("{} ({})", short_title(&title), display_score(v)),
            None => format!("{} (—)", short_title(&title)),
        };
        let style = Style::new(7.5, false, if s.red_flags > 0 { DANGER } else { INK });
        let w = l.measure().width(&label, style.size, false);
        let dx = x - cx;
        let lx = if dx.abs() < 5.0 { x - w / 2.0 } else if dx > 0.0 { x + 6.0 } else { x - 6.0 - w };
        let ly = if y < cy - r * 0.9 { y - 6.0 } else if y > cy + r * 0.9 { y + 12.0 } else { y + 3.0 };
        let lx = lx.clamp(MARGIN_X, PAGE_W - MARGIN_X - w);
        l.draw(Item::Text { x: lx, y: ly, style, text: label });
    }
    for t in [25, 50, 75] {
        let (_, y) = at(0, t as f32 / 100.0);
        l.draw(Item::Text { x: cx + 3.0, y: y + 3.0, style: Style::new(6.5, false, MUTED), text: t.to_string() });
    }
}

fn question_text<'q>(q: &'q Questionnaire, id: &'q str, loc: &str) -> &'q str {
    q.question(id).map(|r| r.question.text.get(loc)).unwrap_or(id)
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
        l.text("Because you answered:", Style::new(9.0, false, MUTED), 12.0);
        for r in &c.reasons {
            let answer = r.answer.as_deref().unwrap_or("not answered");
            l.text(&format!("• {} — {answer}", question_text(q, &r.question_id, loc)), BODY, 12.0);
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

/// The concern an answer carries: (concern, max, don't know, red flag), or None.
fn concern_of(question: &Question, a: &Assessment) -> Option<(u8, u8, bool, bool)> {
    let options = question.kind.options();
    let max = question.kind.max_concern();
    match a.answer(&question.id)? {
        Answer::DontKnow => Some((max, max, true, false)),
        Answer::Choice { id } => options.iter().find(|o| o.id == id.as_str()).map(|o| (o.concern, max, false, o.red_flag)),
        Answer::Choices { ids } => {
            let picked: Vec<_> = options.iter().filter(|o| ids.iter().any(|i| i == o.id)).collect();
            (!picked.is_empty()).then(|| (picked.iter().map(|o| o.concern).max().unwrap_or(0), max, false, picked.iter().any(|o| o.red_flag)))
        }
        _ => None,
    }
}

fn low_ses(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, o: &Outcome, loc: &str) {
    let Some(section) = q.sections.iter().find(|s| s.dimension == Dimension::LowSes) else { return };
    l.page_break();
    l.bookmark("Low-SES impact");
    l.heading(&format!("Impact on people with low socio-economic status"), H2, KEEP);
    if let Some(so) = o.section(&section.id) {
        match (&so.score, &so.level) {
            (Some(v), Some(lv)) => l.text(
                &format!("Section score: {} of 100 — {}{}.", display_score(*v), level_label(q, lv.band_index, loc), if lv.raised_by_red_flag { " (raised by a red flag)" } else { "" }),
                Style::new(11.0, true, INK),
                0.0,
            ),
            _ => l.text("This section has no scored answers yet.", BODY_BOLD, 0.0),
        }
    }
    l.space(6.0);
    let vis = Visibility::compute(q, a);
    let nums = numbers(q, a);
    // PROGRESS-Plus dimensions: at risk when a tagged answer carries concern ≥ half the maximum or is "don't know".
    let mut at_risk: Vec<(ProgressPlus, Vec<String>)> = Vec::new();
    let mut covered = std::collections::BTreeSet::new();
    for x in section.questions.iter().filter(|x| vis.is_visible(&x.id)) {
        let Some((c, max, dk, _)) = concern_of(x, a) else { continue };
        for d in &x.progress_plus {
            covered.insert(*d);
            if dk || (max > 0 && c * 2 >= max) {
                match at_risk.iter_mut().find(|(k, _)| k == d) {
                    Some((_, v)) => v.push(nums.get(&x.id).cloned().unwrap_or_default()),
                    None => at_risk.push((*d, vec![nums.get(&x.id).cloned().unwrap_or_default()])),
                }
            }
        }
    }
    l.heading("PROGRESS-Plus dimensions", H3, KEEP);
    let rows: Vec<Vec<String>> = ProgressPlus::ALL
        .iter()
        .map(|d| {
            let status = match at_risk.iter().find(|(k, _)| k == d) {
                Some((_, qs)) => format!("at risk (questions {})", qs.join(", ")),
                None if covered.contains(d) => "no concern found".to_string(),
                None => "not assessed yet".to_string(),
            };
            vec![d.label().to_string(), status]
        })
        .collect();
    let styles: Vec<Style> = ProgressPlus::ALL
        .iter()
        .map(|d| Style::new(9.0, false, if at_risk.iter().any(|(k, _)| k == d) { DANGER } else { INK }))
        .collect();
    l.table(&[Column { header: "Dimension", share: 0.45, right: false }, Column { header: "Status", share: 0.55, right: false }], &rows, &styles);
    l.space(10.0);
    l.heading("Answers of concern", H3, KEEP);
    let mut any = false;
    for x in section.questions.iter().filter(|x| vis.is_visible(&x.id)) {
        let Some((c, max, dk, flag)) = concern_of(x, a) else { continue };
        if c == 0 && !flag {
            continue;
        }
        any = true;
        let number = nums.get(&x.id).cloned().unwrap_or_default();
        l.heading(&format!("{number}  {}", x.text.get(loc)), Style::new(10.0, true, if flag { DANGER } else { INK }), BODY.line_height());
        let answer = answer_text(x, a, loc).unwrap_or_default();
        let marker = if dk { "knowledge gap".to_string() } else if flag { format!("concern {c}/{max} — red flag") } else { format!("concern {c}/{max}") };
        l.labelled("Answer:", &format!("{answer} ({marker})"), BODY, 12.0);
        l.space(3.0);
    }
    if !any {
        l.text("None of the answers in this section carries a concern.", BODY, 0.0);
    }
    l.space(8.0);
}

fn actions(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, o: &Outcome, loc: &str) {
    l.page_break();
    l.bookmark("Priority actions");
    l.heading("Priority actions", H2, KEEP);
    if o.recommendations.is_empty() {
        l.text("No actions follow from the answers given.", BODY, 0.0);
        return;
    }
    l.text("What to do, per section: red flags first, then by concern. The number refers to the question in the detailed answers.", SMALL, 0.0);
    l.space(4.0);
    let nums = numbers(q, a);
    for s in &q.sections {
        let mut recs: Vec<_> = o.recommendations.iter().filter(|r| r.section_id == s.id).collect();
        if recs.is_empty() {
            continue;
        }
        recs.sort_by(|x, y| y.red_flag.cmp(&x.red_flag).then(y.concern.cmp(&x.concern)));
        l.heading(s.title.get(loc), H3, KEEP);
        for r in recs {
            let number = nums.get(&r.question_id).cloned().unwrap_or_default();
            let marker = if r.red_flag { "▲ red flag · " } else { "" };
            l.text(
                &format!("{marker}concern {}/{} · {number} {}", r.concern, q.max_concern, question_text(q, &r.question_id, loc)),
                Style::new(9.0, true, if r.red_flag { DANGER } else { MUTED }),
                0.0,
            );
            l.text(r.text.get(loc), BODY, 12.0);
            l.space(4.0);
        }
        l.space(4.0);
    }
    l.space(8.0);
}

fn answers(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, loc: &str) {
    let vis = Visibility::compute(q, a);
    let review = a.review();
    let comments = review.as_ref().map(|r| &r.comments);
    l.page_break();
    l.bookmark("Detailed answers");
    l.heading("Detailed answers", H2, KEEP);
    for (si, s) in q.sections.iter().enumerate() {
        l.space(4.0);
        l.bookmark(&format!("{}. {}", si + 1, s.title.get(loc)));
        l.heading(&format!("{}. {}", si + 1, s.title.get(loc)), H3, KEEP);
        l.rule(RULE);
        l.space(4.0);
        for (qi, question) in s.questions.iter().filter(|x| vis.is_visible(&x.id)).enumerate() {
            let number = format!("{}.{}", si + 1, qi + 1);
            l.heading(&format!("{number}  {}", question.text.get(loc)), BODY_BOLD, 2.0 * BODY.line_height());
            let answer = answer_text(question, a, loc);
            let concern = if Questionnaire::is_scored(s, question) { concern_of(question, a) } else { None };
            let (text, style) = match (&answer, a.answer(&question.id), concern) {
                (None, _, _) => ("not answered".to_string(), Style::new(10.0, false, MUTED)),
                (Some(t), Some(Answer::DontKnow), _) => (format!("{t} — knowledge gap (counts as the highest concern)"), Style::new(10.0, false, DANGER)),
                (Some(t), _, Some((c, max, _, true))) => (format!("{t} — concern {c}/{max}, RED FLAG"), Style::new(10.0, true, DANGER)),
                (Some(t), _, Some((0, _, _, _))) => (format!("{t} — no concern"), BODY),
                (Some(t), _, Some((c, max, _, _))) => (format!("{t} — concern {c}/{max}"), Style::new(10.0, false, if c * 2 >= max { DANGER } else { INK })),
                (Some(t), _, None) => (t.clone(), BODY),
            };
            l.labelled("Answer:", &text, style, 12.0);
            let note = a.note(&question.id).trim();
            if matches!(a.answer(&question.id), Some(Answer::NotApplicable)) {
                let j = if note.is_empty() { "missing — a justification is needed" } else { note };
                l.labelled("N/A justification:", j, BODY, 12.0);
            } else if !note.is_empty() {
                l.labelled("Note:", note, BODY, 12.0);
            }
            if let Some(c) = comments.and_then(|m| m.get(&question.id)) {
                l.space(2.0);
                review_comment(l, c, 12.0);
            }
            if !question.references.is_empty() {
                l.text(&format!("Sources: {}", question.references.join("; ")), SMALL, 12.0);
            }
            l.space(6.0);
        }
    }
    let removed = removed_answers(q, a);
    if !removed.is_empty() {
        l.space(4.0);
        l.bookmark("Answers to removed questions");
        l.heading("Answers to removed questions", H3, KEEP);
        l.rule(RULE);
        l.text("These answers belong to questions that this version of the questionnaire no longer has. They are kept, but not scored.", SMALL, 0.0);
        l.space(4.0);
        for (id, r) in removed {
            let answer = r.answer.as_ref().map(raw_answer_text).unwrap_or_else(|| "no answer".into());
            l.labelled(&format!("{id}:"), &answer, BODY, 0.0);
            if !r.note.trim().is_empty() {
                l.labelled("Note:", r.note.trim(), BODY, 12.0);
            }
            if let Some(c) = comments.and_then(|m| m.get(id)) {
                l.space(2.0);
                review_comment(l, c, 12.0);
            }
            l.space(4.0);
        }
    }
    let other = other_comments(q, a, review.as_ref(), &vis);
    if !other.is_empty() {
        l.space(4.0);
        l.bookmark(OTHER_COMMENTS_TITLE);
        l.heading(OTHER_COMMENTS_TITLE, H3, KEEP);
        l.rule(RULE);
        l.text(OTHER_COMMENTS_EXPLAINED, SMALL, 0.0);
        l.space(4.0);
        for (id, c, question) in other {
            let what = match question {
                Some(x) => format!("{} (not shown: hidden by the answers)", x.text.get(loc)),
                None => format!("{id} (a question this version of the questionnaire no longer has)"),
            };
            l.heading(&what, BODY_BOLD, 2.0 * BODY.line_height());
            review_comment(l, c, 12.0);
            l.space(4.0);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The ethics review (when the assessment carries one)
// ---------------------------------------------------------------------------------------------

pub const REVIEW_TITLE: &str = "Ethics review";
pub const NO_VERDICT: &str = "No verdict yet";
pub const CURRENT_TEXT: &str = "Answers unchanged since the sign-off";
pub const DRAFT_TEXT: &str = "Draft: not signed off";
pub const STALE_DETAIL: &str = "The verdict refers to earlier answers: the fingerprint of the answers in this report differs from the one signed off.";
pub const OTHER_COMMENTS_TITLE: &str = "Reviewer comments on other questions";
const OTHER_COMMENTS_EXPLAINED: &str = "Comments on questions that the answers hide, or that this version of the questionnaire no longer has (without an answer to show).";

const STALE_FILL: Rgb = Rgb(0xfb, 0xe4, 0xe4);
const GOOD: Rgb = Rgb(0x2e, 0x6b, 0x3a);
const GOOD_FILL: Rgb = Rgb(0xe5, 0xf2, 0xe8);
const WARN: Rgb = Rgb(0xa8, 0x5d, 0x00);

/// `"Reviewer – Concern:"`, the label of a comment block.
pub fn comment_label(c: &Comment) -> String {
    format!("Reviewer – {}:", c.status.label())
}

/// "2 OK · 1 Question · 0 Concern"
pub fn comment_counts(r: &Review) -> String {
    let n = r.counts();
    CommentStatus::ALL.iter().zip(n).map(|(s, k)| format!("{k} {}", s.label())).collect::<Vec<_>>().join(" · ")
}

/// What the state of a review says, in words.
pub fn review_state_text(state: ReviewState) -> &'static str {
    match state {
        ReviewState::Draft => DRAFT_TEXT,
        ReviewState::Current => CURRENT_TEXT,
        ReviewState::Stale => crate::review::STALE_TEXT,
    }
}

/// Comments that no question of the answers part shows: on questions hidden by the answers, and
/// on removed questions without an answer of their own. In questionnaire order, then by id.
fn other_comments<'a>(q: &'a Questionnaire, a: &'a Assessment, review: Option<&'a crate::review::Review>, vis: &Visibility) -> Vec<(&'a str, &'a Comment, Option<&'a Question>)> {
    let Some(review) = review else { return Vec::new() };
    let mut hidden = Vec::new();
    let mut removed = Vec::new();
    let answered_removed: Vec<&str> = removed_answers(q, a).into_iter().map(|(id, _)| id).collect();
    for (id, c) in &review.comments {
        match q.question(id) {
            Some(r) if !vis.is_visible(id) => hidden.push((r.section_index, id.as_str(), c, Some(r.question))),
            Some(_) => {}
            None if answered_removed.contains(&id.as_str()) => {}
            None => removed.push((usize::MAX, id.as_str(), c, None)),
        }
    }
    hidden.sort_by_key(|(s, ..)| *s);
    hidden.into_iter().chain(removed).map(|(_, id, c, x)| (id, c, x)).collect()
}

fn review_comment(l: &mut Layout<'_>, c: &Comment, indent: f32) {
    let bar = match c.status {
        CommentStatus::Ok => GOOD,
        CommentStatus::Question => WARN,
        CommentStatus::Concern => DANGER,
    };
    let label = comment_label(c);
    let mut parts = vec![(label.as_str(), c.text.trim())];
    if !c.reply.trim().is_empty() {
        parts.push(("Team reply:", c.reply.trim()));
    }
    l.callout(&parts, Style::new(9.5, false, INK), SHADE, bar, indent);
}

fn review_summary(l: &mut Layout<'_>, a: &Assessment, r: &Review) {
    l.bookmark(REVIEW_TITLE);
    l.heading(REVIEW_TITLE, H3, KEEP);
    let row = Style::new(10.5, false, INK);
    let or_dash = |s: &str| if s.trim().is_empty() { "—".to_string() } else { s.trim().to_string() };
    let verdict = r.verdict.map(|v| v.label()).unwrap_or(NO_VERDICT);
    let verdict_color = match r.verdict {
        Some(Verdict::Approved) => GOOD,
        Some(Verdict::NotApproved) | Some(Verdict::ReviseAndResubmit) => DANGER,
        _ => INK,
    };
    l.labelled("Verdict:", verdict, Style::new(11.5, true, verdict_color), 0.0);
    l.space(2.0);
    let reviewer = match (r.reviewer_name.trim(), r.reviewer_role.trim()) {
        ("", "") => "—".to_string(),
        (n, "") => n.to_string(),
        ("", role) => format!("— ({role})"),
        (n, role) => format!("{n}, {role}"),
    };
    l.labelled("Reviewer:", &reviewer, row, 0.0);
    l.labelled("Review date:", &or_dash(&r.date), row, 0.0);
    if !r.conditions.trim().is_empty() {
        l.labelled("Conditions:", r.conditions.trim(), row, 0.0);
    }
    l.labelled("Comments:", &comment_counts(r), row, 0.0);
    match &r.sign_off {
        Some(s) => {
            l.labelled("Sign-off:", &format!("Signed off on {}", date_part(&s.at)), row, 0.0);
            l.labelled("Fingerprint:", &s.fingerprint, Style::new(8.5, false, INK), 0.0);
        }
        None => l.labelled("Sign-off:", "Not signed off yet", row, 0.0),
    }
    l.space(4.0);
    let state = r.state(a);
    let (fill, bar, style) = match state {
        ReviewState::Stale => (STALE_FILL, DANGER, Style::new(12.0, true, DANGER)),
        ReviewState::Current => (GOOD_FILL, GOOD, Style::new(10.5, true, GOOD)),
        ReviewState::Draft => (SHADE, MUTED, Style::new(10.5, true, MUTED)),
    };
    l.callout(&[("", review_state_text(state))], style, fill, bar, 0.0);
    if state == ReviewState::Stale {
        l.space(1.0);
        l.text(STALE_DETAIL, Style::new(9.0, false, DANGER), 0.0);
    }
    l.space(3.0);
    l.text(crate::review::FINGERPRINT_EXPLAINED, Style::new(7.5, false, MUTED), 0.0);
}

fn methodology(l: &mut Layout<'_>, q: &Questionnaire, info: &ReportInfo) {
    l.page_break();
    l.bookmark("Methodology");
    l.heading("Methodology", H2, KEEP);
    for rule in [
        "Only visible choice questions of scored sections count; the project profile, the legal triage, text and date questions do not.",
        "An answer contributes the concern of the chosen option (for multiple choice, the most concerning option picked) out of the question's maximum concern.",
        "\"Don't know\" counts as the maximum concern and is listed as a knowledge gap. \"Not applicable\" (with a written reason) and unanswered questions are left out.",
        "Section score = 100 × sum of concerns ÷ sum of maximum concerns, from 0 (no concern) to 100.",
        "The level is the first band whose upper bound is at least the score (bands below). A red flag raises its section, and the overall level, to at least the second-highest band.",
        "The overall score is the mean of the section scores, weighted by section weight; sections without answers are left out.",
    ] {
        l.text(&format!("• {rule}"), BODY, 0.0);
    }
    l.space(8.0);
    l.heading("Level bands", H3, KEEP);
    let mut low = 0.0f64;
    let rows: Vec<Vec<String>> = q
        .bands
        .iter()
        .map(|b| {
            let r = vec![format!("{}–{}", low.round() as i64, b.max_score.round() as i64), b.label.get(&info.locale).to_string(), b.meaning.get(&info.locale).to_string()];
            low = b.max_score;
            r
        })
        .collect();
    l.table(
        &[Column { header: "Score", share: 0.12, right: false }, Column { header: "Level", share: 0.23, right: false }, Column { header: "What it means", share: 0.65, right: false }],
        &rows,
        &[],
    );
    l.space(8.0);
    l.heading("Legal triage", H3, KEEP);
    l.text(&format!("{} {}", crate::triage::DISCLAIMER_TITLE, crate::triage::DISCLAIMER_BODY), BODY, 0.0);
    l.space(8.0);
    l.heading("About this report", H3, KEEP);
    for (k, v) in [
        ("Questionnaire:", format!("{} (id {}, version {})", q.title.get(&info.locale), q.id, q.version)),
        ("Tool:", format!("ELSA self-assessment tool {}", crate::persist::TOOL_VERSION)),
        ("Generated:", info.generated_at.clone()),
    ] {
        l.labelled(k, &v, BODY, 0.0);
    }
    l.text(LOCAL_NOTICE, Style::new(9.0, false, MUTED), 0.0);
}
