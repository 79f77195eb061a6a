//! The report: (questionnaire, assessment, outcome) → laid-out pages → PDF bytes.
//!
//! [`build_pages`] decides what the report says and lays it out (pure, any [`Measure`]);
//! `pdf` (feature `pdf`, printpdf) measures with the embedded fonts and writes the PDF.
//! Nothing here downloads or touches storage.
//!
//! Every text follows the current interface language ([`crate::i18n::lang`]): the report's own
//! texts through [`t!`](crate::t), the questionnaire's texts in that language (English where the
//! questionnaire has none, with one notice near the top, [`fallback_notice`]). Callers render a
//! report in a language with [`crate::i18n::with_lang`].

pub mod layout;
pub mod md;
#[cfg(feature = "pdf")]
pub mod pdf;
pub mod workshop;

use crate::triage::{duty_headers, duty_table, framework_heading, roles_line, triage_dates_line, triage_of};
use crate::answers::{answer_text, raw_answer_text, removed_answers, Answer, Assessment, Progress, Visibility};
use crate::i18n::{date, Lang};
use crate::model::*;
use crate::review::{Comment, CommentStatus, Review, ReviewState, Verdict};
use crate::scoring::{display_score, score, Outcome};
use crate::t;
use layout::*;

/// Everything the report needs besides the questionnaire and the assessment.
#[derive(Debug, Clone)]
pub struct ReportInfo {
    /// RFC 3339 time of generation (the caller's clock).
    pub generated_at: String,
    /// Not used any more: the report follows the current language ([`crate::i18n::lang`]), so
    /// callers render it inside [`crate::i18n::with_lang`]. Kept so that requests stay the same.
    pub locale: String,
}

/// The locale of the questionnaire texts in the report: the current interface language.
pub(crate) fn loc() -> &'static str {
    crate::i18n::lang().code()
}

/// "ELSA self-assessment report"
pub fn report_title() -> String {
    t!("ELSA self-assessment report")
}

/// The promise that nothing left the device.
pub fn local_notice() -> String {
    t!("Generated on this device. No data was sent anywhere.")
}

/// "ELSA self-assessment tool 1.2.3"
pub fn tool_name() -> String {
    t!("ELSA self-assessment tool {0}", crate::persist::TOOL_VERSION)
}

/// An RFC 3339 time as a date and a time of day in the current language: "29 November 2026,
/// 10:15 UTC". Anything that is not such a time is returned as it is.
pub fn date_time(ts: &str) -> String {
    let day = date(ts);
    let time = ts.get(11..16).filter(|t| t.as_bytes().get(2) == Some(&b':'));
    match time {
        Some(time) if day != ts => {
            let zone = ts.get(16..).unwrap_or("").trim_start_matches(|c: char| c == ':' || c == '.' || c.is_ascii_digit());
            let zone = match zone {
                "Z" | "z" => " UTC".to_string(),
                "" => String::new(),
                z => format!(" UTC{z}"),
            };
            format!("{day}, {time}{zone}")
        }
        _ => day,
    }
}

/// The legal triage's disclaimer, title and body in one line.
fn triage_disclaimer() -> String {
    format!("{} {}", crate::triage::disclaimer_title(), crate::triage::disclaimer_body())
}

/// Whether a questionnaire text the report shows has no text in the current language, so that it
/// is shown in English. `help`: count the help texts too (the workshop summary shows them).
pub fn falls_back(q: &Questionnaire, help: bool) -> bool {
    if crate::i18n::lang() == Lang::En {
        return false;
    }
    let mut texts: Vec<&LocalText> = vec![&q.title];
    for b in &q.bands {
        texts.extend([&b.label, &b.meaning]);
    }
    for s in &q.sections {
        texts.push(&s.title);
        for x in &s.questions {
            texts.push(&x.text);
            if help {
                texts.push(&x.help);
            }
            for o in x.kind.options() {
                texts.extend(o.label);
                texts.extend(o.recommendation);
            }
        }
    }
    for r in &q.triage {
        texts.extend([&r.conclusion, &r.explanation]);
    }
    texts.into_iter().any(LocalText::is_fallback)
}

/// The notice that parts of the questionnaire are shown in English, when they are.
pub fn fallback_notice(q: &Questionnaire, help: bool) -> Option<String> {
    falls_back(q, help).then(|| t!("Parts of the questionnaire have no text in this language. These parts are shown in English."))
}

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
    let loc = loc();
    cover(&mut l, q, a, info);
    l.page_break();
    l.bookmark(&t!("Executive summary"));
    summary(&mut l, q, a, &outcome, loc);
    triage(&mut l, q, a, loc, &info.generated_at);
    low_ses(&mut l, q, a, &outcome, loc);
    actions(&mut l, q, a, &outcome, loc);
    answers(&mut l, q, a, loc);
    methodology(&mut l, q, info);
    let right = format!("{} · {}", report_title(), date(&info.generated_at));
    l.finish(&a.display_name(), &right)
}

/// The workshop summary PDF of many teams' assessments of one questionnaire (title, teams,
/// section scores with mean, median and spread, a chart, and the questions the teams disagreed
/// on most), named [`workshop::workshop_file_name`]. Parses the fonts; the worker, which keeps
/// them, calls [`pdf::render_workshop`]. In the current language (`locale` is not used).
#[cfg(feature = "pdf")]
pub fn workshop_pdf(q: &Questionnaire, teams: &[(String, Assessment)], generated_at: &str, locale: &str) -> Result<Vec<u8>, String> {
    let fonts = pdf::Fonts::load()?;
    Ok(pdf::render_workshop(q, teams, generated_at, locale, &fonts).bytes)
}

const H1: Style = Style::new(24.0, true, ACCENT);
const H2: Style = Style::new(15.0, true, ACCENT);
const H3: Style = Style::new(11.5, true, INK);
const KEEP: f32 = 48.0;
/// The colour of the notice that parts of the questionnaire are in English.
const NOTICE: Rgb = Rgb(0xa8, 0x5d, 0x00);

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
    let loc = loc();
    l.space(60.0);
    l.text(&report_title(), H1, 0.0);
    l.space(6.0);
    l.text(&a.display_name(), Style::new(18.0, true, INK), 0.0);
    l.space(18.0);
    let md = &a.metadata;
    let progress = Progress::compute(q, a);
    let rows: [(String, String); 7] = [
        (t!("Organisation:"), md.organisation.clone()),
        (t!("Assessors:"), md.assessors.clone()),
        (t!("Report date:"), date(&info.generated_at)),
        (t!("Questionnaire:"), t!("{0} (version {1})", q.title.get(loc), q.version)),
        (t!("Tool:"), tool_name()),
        (t!("Progress:"), t!("{0} of {1} visible questions answered ({2}%)", progress.answered, progress.visible, progress.percent())),
        (t!("Intended use:"), md.intended_use.trim().to_string()),
    ];
    for (label, value) in rows {
        let value = if value.trim().is_empty() { "—".to_string() } else { value };
        l.labelled(&label, &value, Style::new(11.0, false, INK), 0.0);
        l.space(2.0);
    }
    // The verdict in one line here; the whole review opens the executive summary.
    if let Some(review) = &a.review() {
        l.space(6.0);
        let state = review.state(a);
        let verdict = review.verdict.map(|v| v.label().to_string()).unwrap_or_else(no_verdict);
        let line = format!("{verdict} — {}", review_state_text(state));
        let colour = if state == ReviewState::Stale { DANGER } else { INK };
        l.labelled(&t!("Ethics review:"), &line, Style::new(11.0, true, colour), 0.0);
    }
    if let Some(notice) = fallback_notice(q, false) {
        l.space(10.0);
        l.callout(&[("", &notice)], Style::new(10.0, true, NOTICE), SHADE, NOTICE, 0.0);
    }
    l.space(14.0);
    l.rule(RULE);
    l.space(8.0);
    l.text(&local_notice(), Style::new(10.0, true, MUTED), 0.0);
    l.text(
        &t!("The assessment itself is attached to this PDF as a file (elsa-assessment.json). Open the attachment, or load this PDF into the tool again."),
        Style::new(9.0, false, MUTED),
        0.0,
    );
}

/// "Overall concern: 62 of 100 — High concern." (with the reason when a red flag raised it).
pub(crate) fn overall_line(score: f64, level: &str, raised: bool) -> String {
    let mut line = t!("Overall concern: {0} of 100 — {1}.", display_score(score), level);
    if raised {
        line.push(' ');
        line.push_str(&t!("Raised to this level because of at least one red flag."));
    }
    line
}

/// "Red flags: 2 · Knowledge gaps ("don't know"): 1 · Required questions unanswered: 0"
pub(crate) fn counts_line(o: &Outcome) -> String {
    t!(
        "Red flags: {0} · Knowledge gaps (\"don't know\"): {1} · Required questions unanswered: {2}",
        o.red_flags.len(),
        o.knowledge_gaps.len(),
        o.unanswered_required.len()
    )
}

fn summary(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, o: &Outcome, loc: &str) {
    let nums = numbers(q, a);
    l.heading(&t!("Executive summary"), H2, KEEP);
    // A returned ethics review comes first: the verdict, the reviewer and the sign-off state.
    if let Some(review) = &a.review() {
        review_summary(l, a, review);
        l.space(8.0);
    }
    match (&o.overall, &o.overall_level) {
        (Some(v), Some(level)) => {
            let band = &q.bands[level.band_index];
            let line = overall_line(*v, band.label.get(loc), level.raised_by_red_flag);
            l.text(&line, Style::new(11.5, true, if level.band_index + 2 >= q.bands.len() { DANGER } else { INK }), 0.0);
            let meaning = band.meaning.get(loc);
            if !meaning.is_empty() {
                l.text(meaning, BODY, 0.0);
            }
        }
        _ => l.text(&t!("No scored question has been answered yet, so there is no score."), BODY, 0.0),
    }
    l.space(4.0);
    l.text(&counts_line(o).replace(" · ", "   ·   "), BODY_BOLD, 0.0);
    if !o.red_flags.is_empty() {
        l.space(4.0);
        l.heading(&t!("Red flags"), H3, KEEP);
        for f in &o.red_flags {
            let answer = q.question(&f.question_id).and_then(|r| answer_text(r.question, a, loc)).unwrap_or_default();
            let number = nums.get(&f.question_id).cloned().unwrap_or_default();
            l.text(&format!("▲ {number} {} — {answer}", question_text(q, &f.question_id, loc)), Style::new(9.5, false, DANGER), 0.0);
        }
    }
    l.space(8.0);
    radar(l, q, o, loc);
    l.space(6.0);
    let headers = [t!("Section"), t!("Score"), t!("Level"), t!("Red flags"), t!("Answered")];
    let cols = [
        Column { header: &headers[0], share: 0.42, right: false },
        Column { header: &headers[1], share: 0.10, right: true },
        Column { header: &headers[2], share: 0.21, right: false },
        Column { header: &headers[3], share: 0.13, right: true },
        Column { header: &headers[4], share: 0.14, right: true },
    ];
    let mut rows = Vec::new();
    let mut styles = Vec::new();
    for s in &o.sections {
        let title = q.section(&s.section_id).map(|(_, x)| x.title.get(loc).to_string()).unwrap_or_default();
        let (score, level) = match (&s.score, &s.level) {
            (Some(v), Some(lv)) => (display_score(*v), level_label(q, lv.band_index, loc)),
            _ => ("—".to_string(), t!("not scored yet")),
        };
        rows.push(vec![title, score, level, s.red_flags.to_string(), format!("{}/{}", s.scored_answered, s.scored_visible)]);
        styles.push(Style::new(9.0, false, if s.red_flags > 0 { DANGER } else { INK }));
    }
    if let Some(v) = o.overall {
        rows.push(vec![
            t!("Overall (weighted)"),
            display_score(v),
            o.overall_level.as_ref().map(|lv| level_label(q, lv.band_index, loc)).unwrap_or_default(),
            o.red_flags.len().to_string(),
            String::new(),
        ]);
        styles.push(Style::new(9.0, true, INK));
    }
    l.table(&cols, &rows, &styles);
    l.space(6.0);
    l.text(&t!("Scores run from 0 (no concern) to 100 (maximum concern). The method is explained at the end of this report."), SMALL, 0.0);
    l.space(12.0);
}

/// `text` on at most `max_lines` lines of `max_w`; the last one ends in "…" when there is more.
pub(crate) fn fit_lines(m: &dyn Measure, text: &str, size: f32, max_w: f32, max_lines: usize) -> Vec<String> {
    let mut lines = wrap(m, text, size, false, max_w);
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        let last = lines.pop().unwrap_or_default();
        let mut kept = String::new();
        for word in last.split_whitespace() {
            let next = if kept.is_empty() { word.to_string() } else { format!("{kept} {word}") };
            if m.width(&format!("{next}…"), size, false) > max_w {
                break;
            }
            kept = next;
        }
        lines.push(format!("{}…", kept.trim_end_matches([',', ';', ':'])));
    }
    lines
}

/// The label of a chart axis: the section title and its score, "Privacy and data governance (45)",
/// on at most two lines of [`CHART_LABEL_W`] (shortened with "…" beyond).
fn chart_label(m: &dyn Measure, title: &str, score: &str, size: f32) -> Vec<String> {
    let text = format!("{title} ({score})");
    let mut lines = wrap(m, &text, size, false, CHART_LABEL_W);
    if lines.len() > 2 {
        let tail = format!("… ({score})");
        let room = CHART_LABEL_W - m.width(&tail, size, false);
        let mut second = String::new();
        for word in lines[1].split_whitespace() {
            let next = if second.is_empty() { word.to_string() } else { format!("{second} {word}") };
            if m.width(&next, size, false) > room {
                break;
            }
            second = next;
        }
        lines.truncate(1);
        lines.push(format!("{}{tail}", second.trim_end_matches([',', ';', ':'])));
    }
    lines
}

/// The widest line of a chart axis label.
const CHART_LABEL_W: f32 = 125.0;

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
        let score = s.score.map(display_score).unwrap_or_else(|| "—".to_string());
        let style = Style::new(7.5, false, if s.red_flags > 0 { DANGER } else { INK });
        let lines = chart_label(l.measure(), &title, &score, style.size);
        let lh = style.size * 1.25;
        let n = lines.len() as f32;
        let dx = x - cx;
        // The first baseline: above the top point, below the bottom one, else centred on it.
        let y0 = if y < cy - r * 0.9 { y - 6.0 - (n - 1.0) * lh } else if y > cy + r * 0.9 { y + 12.0 } else { y + 3.0 - (n - 1.0) * lh / 2.0 };
        for (k, line) in lines.into_iter().enumerate() {
            let w = l.measure().width(&line, style.size, false);
            let lx = if dx.abs() < 5.0 { x - w / 2.0 } else if dx > 0.0 { x + 6.0 } else { x - 6.0 - w };
            let lx = lx.clamp(MARGIN_X, PAGE_W - MARGIN_X - w);
            l.draw(Item::Text { x: lx, y: y0 + k as f32 * lh, style, text: line });
        }
    }
    for t in [25, 50, 75] {
        let (_, y) = at(0, t as f32 / 100.0);
        l.draw(Item::Text { x: cx + 3.0, y: y + 3.0, style: Style::new(6.5, false, MUTED), text: t.to_string() });
    }
}

fn question_text<'q>(q: &'q Questionnaire, id: &'q str, loc: &str) -> &'q str {
    q.question(id).map(|r| r.question.text.get(loc)).unwrap_or(id)
}

/// How the triage works, with the date its legal content was checked, for the methodology.
pub fn triage_method(q: &Questionnaire) -> String {
    let how = t!("Rules in the questionnaire turn the legal triage answers into conclusions per framework: applies, does not apply or unclear. They also give the team's role and the duties of that role, each with the date it applies from. A duty's status is computed for the assessment date.");
    match &q.legal_as_of {
        Some(d) => format!("{how} {}", t!("The legal content of this questionnaire (version {0}) was last checked on {1}.", q.version, date(d))),
        None => format!("{how} {}", t!("This questionnaire does not say when its legal content was last checked.")),
    }
}

fn triage(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, loc: &str, generated_at: &str) {
    if q.triage.is_empty() {
        return;
    }
    l.heading(&t!("Legal triage"), H2, KEEP);
    l.text(&triage_disclaimer(), Style::new(9.0, true, MUTED), 0.0);
    let tr = triage_of(q, a, loc, generated_at);
    l.text(&triage_dates_line(&tr), Style::new(9.0, false, MUTED), 0.0);
    l.space(4.0);
    for f in &tr.frameworks {
        let color = match f.status {
            crate::triage::Status::Applies if f.conclusions.iter().any(|c| c.severity == crate::model::Severity::High) => DANGER,
            _ => ACCENT,
        };
        l.heading(&framework_heading(f), Style::new(12.0, true, color), 3.0 * BODY.line_height());
        l.text(&roles_line(f), BODY_BOLD, 0.0);
        if f.conclusions.is_empty() {
            l.text(&t!("No conclusion yet: answer the legal triage questions for this framework."), BODY, 0.0);
        }
        for c in &f.conclusions {
            let color = match c.severity {
                crate::model::Severity::High => DANGER,
                _ => INK,
            };
            l.heading(c.conclusion.get(loc), Style::new(10.0, true, color), 2.0 * BODY.line_height());
            l.text(&t!("Because you answered:"), Style::new(9.0, false, MUTED), 12.0);
            for r in &c.reasons {
                let answer = r.answer.clone().unwrap_or_else(|| t!("not answered"));
                l.text(&format!("• {} — {answer}", question_text(q, &r.question_id, loc)), BODY, 12.0);
            }
            if !c.explanation.0.is_empty() {
                l.text(c.explanation.get(loc), Style::new(9.5, false, MUTED), 12.0);
            }
            if !c.references.is_empty() {
                l.text(&t!("Sources: {0}", crate::i18n::references(&c.references)), SMALL, 12.0);
            }
            l.space(3.0);
        }
        if !f.duties.is_empty() {
            l.heading(&t!("Duties ({0})", f.duties.len()), Style::new(10.0, true, INK), 3.0 * BODY.line_height());
            let headers = duty_headers();
            let table = duty_table(f, loc);
            let rows: Vec<Vec<String>> = table.rows.iter().map(|r| r.to_vec()).collect();
            l.table(
                &[
                    Column { header: &headers[0], share: 0.39, right: false },
                    Column { header: &headers[1], share: 0.15, right: false },
                    Column { header: &headers[2], share: 0.24, right: false },
                    Column { header: &headers[3], share: 0.22, right: false },
                ],
                &rows,
                &[],
            );
            for (i, note) in table.notes.iter().enumerate() {
                l.text(&format!("[{}] {note}", i + 1), SMALL, 0.0);
            }
        }
        l.space(6.0);
    }
    l.space(4.0);
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
    l.bookmark(&t!("Low-SES impact"));
    l.heading(&t!("Impact on people with low socio-economic status"), H2, KEEP);
    if let Some(so) = o.section(&section.id) {
        match (&so.score, &so.level) {
            (Some(v), Some(lv)) => {
                let level = level_label(q, lv.band_index, loc);
                let line = if lv.raised_by_red_flag {
                    t!("Section score: {0} of 100 — {1} (raised by a red flag).", display_score(*v), level)
                } else {
                    t!("Section score: {0} of 100 — {1}.", display_score(*v), level)
                };
                l.text(&line, Style::new(11.0, true, INK), 0.0)
            }
            _ => l.text(&t!("This section has no scored answers yet."), BODY_BOLD, 0.0),
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
    l.heading(&t!("PROGRESS-Plus dimensions"), H3, KEEP);
    let rows: Vec<Vec<String>> = ProgressPlus::ALL
        .iter()
        .map(|d| {
            let status = match at_risk.iter().find(|(k, _)| k == d) {
                Some((_, qs)) if qs.len() == 1 => t!("at risk (question {0})", qs[0]),
                Some((_, qs)) => t!("at risk (questions {0})", qs.join(", ")),
                None if covered.contains(d) => t!("no concern found"),
                None => t!("not assessed yet"),
            };
            vec![d.label().to_string(), status]
        })
        .collect();
    let styles: Vec<Style> = ProgressPlus::ALL
        .iter()
        .map(|d| Style::new(9.0, false, if at_risk.iter().any(|(k, _)| k == d) { DANGER } else { INK }))
        .collect();
    let headers = [t!("Dimension"), t!("Status")];
    l.table(&[Column { header: &headers[0], share: 0.45, right: false }, Column { header: &headers[1], share: 0.55, right: false }], &rows, &styles);
    l.space(10.0);
    l.heading(&t!("Answers of concern"), H3, KEEP);
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
        let text = if dk {
            t!("{0} (knowledge gap)", answer)
        } else if flag {
            t!("{0} (concern {1}/{2} — red flag)", answer, c, max)
        } else {
            t!("{0} (concern {1}/{2})", answer, c, max)
        };
        l.labelled(&t!("Answer:"), &text, BODY, 12.0);
        l.space(3.0);
    }
    if !any {
        l.text(&t!("None of the answers in this section carries a concern."), BODY, 0.0);
    }
    l.space(8.0);
}

fn actions(l: &mut Layout<'_>, q: &Questionnaire, a: &Assessment, o: &Outcome, loc: &str) {
    l.page_break();
    l.bookmark(&t!("Priority actions"));
    l.heading(&t!("Priority actions"), H2, KEEP);
    if o.recommendations.is_empty() {
        l.text(&t!("No actions follow from the answers given."), BODY, 0.0);
        return;
    }
    l.text(&t!("What to do, per section: red flags first, then by concern. The number refers to the question in the detailed answers."), SMALL, 0.0);
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
            let question = question_text(q, &r.question_id, loc);
            let line = if r.red_flag {
                t!("▲ red flag · concern {0}/{1} · {2} {3}", r.concern, q.max_concern, number, question)
            } else {
                t!("concern {0}/{1} · {2} {3}", r.concern, q.max_concern, number, question)
            };
            l.text(&line, Style::new(9.0, true, if r.red_flag { DANGER } else { MUTED }), 0.0);
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
    l.bookmark(&t!("Detailed answers"));
    l.heading(&t!("Detailed answers"), H2, KEEP);
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
                (None, _, _) => (t!("not answered"), Style::new(10.0, false, MUTED)),
                (Some(t), Some(Answer::DontKnow), _) => (t!("{0} — knowledge gap (counts as the highest concern)", t), Style::new(10.0, false, DANGER)),
                (Some(t), _, Some((c, max, _, true))) => (t!("{0} — concern {1}/{2}, RED FLAG", t, c, max), Style::new(10.0, true, DANGER)),
                (Some(t), _, Some((0, _, _, _))) => (t!("{0} — no concern", t), BODY),
                (Some(t), _, Some((c, max, _, _))) => (t!("{0} — concern {1}/{2}", t, c, max), Style::new(10.0, false, if c * 2 >= max { DANGER } else { INK })),
                (Some(t), _, None) => (t.clone(), BODY),
            };
            l.labelled(&t!("Answer:"), &text, style, 12.0);
            let note = a.note(&question.id).trim();
            if matches!(a.answer(&question.id), Some(Answer::NotApplicable)) {
                let missing = t!("missing — a reason is needed");
                let j = if note.is_empty() { missing.as_str() } else { note };
                l.labelled(&t!("Why not applicable:"), j, BODY, 12.0);
            } else if !note.is_empty() {
                l.labelled(&t!("Note:"), note, BODY, 12.0);
            }
            if let Some(c) = comments.and_then(|m| m.get(&question.id)) {
                l.space(2.0);
                review_comment(l, c, 12.0);
            }
            if !question.references.is_empty() {
                l.text(&t!("Sources: {0}", crate::i18n::references(&question.references)), SMALL, 12.0);
            }
            l.space(6.0);
        }
    }
    let removed = removed_answers(q, a);
    if !removed.is_empty() {
        l.space(4.0);
        l.bookmark(&t!("Answers to removed questions"));
        l.heading(&t!("Answers to removed questions"), H3, KEEP);
        l.rule(RULE);
        l.text(&removed_explained(), SMALL, 0.0);
        l.space(4.0);
        for (id, r) in removed {
            let answer = r.answer.as_ref().map(raw_answer_text).unwrap_or_else(|| t!("no answer"));
            l.labelled(&format!("{id}:"), &answer, BODY, 0.0);
            if let Some(m) = crate::answers::moved_to_text(q, id, loc) {
                l.text(&m, SMALL, 12.0);
            }
            if !r.note.trim().is_empty() {
                l.labelled(&t!("Note:"), r.note.trim(), BODY, 12.0);
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
        let title = other_comments_title();
        l.bookmark(&title);
        l.heading(&title, H3, KEEP);
        l.rule(RULE);
        l.text(&other_comments_explained(), SMALL, 0.0);
        l.space(4.0);
        for (id, c, question) in other {
            l.heading(&other_comment_subject(id, question.map(|x| x.text.get(loc))), BODY_BOLD, 2.0 * BODY.line_height());
            review_comment(l, c, 12.0);
            l.space(4.0);
        }
    }
}

/// What a comment of [`other_comments`] is about, with why it is listed apart: the text of a
/// question the answers hide, or the id of a removed question.
fn other_comment_subject(id: &str, hidden_question_text: Option<&str>) -> String {
    match hidden_question_text {
        Some(text) => t!("{0} (not shown: hidden by the answers)", text),
        None => t!("{0} (a question this version of the questionnaire no longer has)", id),
    }
}

/// Why answers to removed questions are listed apart.
fn removed_explained() -> String {
    t!("These answers belong to questions or answer options that this version of the questionnaire no longer has. They are kept, but not scored.")
}

// ---------------------------------------------------------------------------------------------
// The ethics review (when the assessment carries one)
// ---------------------------------------------------------------------------------------------

/// "Ethics review"
pub fn review_title() -> String {
    t!("Ethics review")
}

/// What the report says when the reviewer gave no verdict.
pub fn no_verdict() -> String {
    t!("No verdict yet")
}

/// The state of a signed-off review whose answers did not change.
pub fn current_text() -> String {
    t!("Answers unchanged since the sign-off")
}

/// The state of a review that is not signed off.
pub fn draft_text() -> String {
    t!("Draft: not signed off")
}

/// Why a stale review is stale.
pub fn stale_detail() -> String {
    t!("The verdict is about earlier answers: the fingerprint of the answers in this report differs from the one that was signed off.")
}

/// The heading of the comments that no shown question carries.
pub fn other_comments_title() -> String {
    t!("Reviewer comments on other questions")
}

fn other_comments_explained() -> String {
    t!("Comments on questions that the answers hide, or that this version of the questionnaire no longer has (without an answer to show).")
}

const STALE_FILL: Rgb = Rgb(0xfb, 0xe4, 0xe4);
const GOOD: Rgb = Rgb(0x2e, 0x6b, 0x3a);
const GOOD_FILL: Rgb = Rgb(0xe5, 0xf2, 0xe8);
const WARN: Rgb = Rgb(0xa8, 0x5d, 0x00);

/// `"Reviewer – Concern:"`, the label of a comment block.
pub fn comment_label(c: &Comment) -> String {
    t!("Reviewer – {0}:", c.status.label())
}

/// "2 OK · 1 Question · 0 Concern"
pub fn comment_counts(r: &Review) -> String {
    let n = r.counts();
    CommentStatus::ALL.iter().zip(n).map(|(s, k)| format!("{k} {}", s.label())).collect::<Vec<_>>().join(" · ")
}

/// What the state of a review says, in words.
pub fn review_state_text(state: ReviewState) -> String {
    match state {
        ReviewState::Draft => draft_text(),
        ReviewState::Current => current_text(),
        ReviewState::Stale => crate::review::stale_text(),
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
    let reply = t!("Team reply:");
    let mut parts = vec![(label.as_str(), c.text.trim())];
    if !c.reply.trim().is_empty() {
        parts.push((reply.as_str(), c.reply.trim()));
    }
    l.callout(&parts, Style::new(9.5, false, INK), SHADE, bar, indent);
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

fn review_summary(l: &mut Layout<'_>, a: &Assessment, r: &Review) {
    let title = review_title();
    l.bookmark(&title);
    l.heading(&title, H3, KEEP);
    let row = Style::new(10.5, false, INK);
    let or_dash = |s: &str| if s.trim().is_empty() { "—".to_string() } else { date(s.trim()) };
    let verdict = r.verdict.map(|v| v.label().to_string()).unwrap_or_else(no_verdict);
    let verdict_color = match r.verdict {
        Some(Verdict::Approved) => GOOD,
        Some(Verdict::NotApproved) | Some(Verdict::ReviseAndResubmit) => DANGER,
        _ => INK,
    };
    l.labelled(&t!("Verdict:"), &verdict, Style::new(11.5, true, verdict_color), 0.0);
    l.space(2.0);
    l.labelled(&t!("Reviewer:"), &reviewer_line(r), row, 0.0);
    l.labelled(&t!("Review date:"), &or_dash(&r.date), row, 0.0);
    if !r.conditions.trim().is_empty() {
        l.labelled(&t!("Conditions:"), r.conditions.trim(), row, 0.0);
    }
    l.labelled(&t!("Comments:"), &comment_counts(r), row, 0.0);
    match &r.sign_off {
        Some(s) => {
            l.labelled(&t!("Sign-off:"), &t!("Signed off on {0}", date(&s.at)), row, 0.0);
            l.labelled(&t!("Fingerprint:"), &s.fingerprint, Style::new(8.5, false, INK), 0.0);
        }
        None => l.labelled(&t!("Sign-off:"), &t!("Not signed off yet"), row, 0.0),
    }
    l.space(4.0);
    let state = r.state(a);
    let (fill, bar, style) = match state {
        ReviewState::Stale => (STALE_FILL, DANGER, Style::new(12.0, true, DANGER)),
        ReviewState::Current => (GOOD_FILL, GOOD, Style::new(10.5, true, GOOD)),
        ReviewState::Draft => (SHADE, MUTED, Style::new(10.5, true, MUTED)),
    };
    l.callout(&[("", &review_state_text(state))], style, fill, bar, 0.0);
    if state == ReviewState::Stale {
        l.space(1.0);
        l.text(&stale_detail(), Style::new(9.0, false, DANGER), 0.0);
    }
    l.space(3.0);
    l.text(&crate::review::fingerprint_explained(), Style::new(7.5, false, MUTED), 0.0);
}

/// How the scores are computed, one rule per item.
pub(crate) fn method_rules() -> [String; 6] {
    [
        t!("Only visible choice questions of scored sections count. The project profile, the legal triage, text questions and date questions do not count."),
        t!("An answer adds the concern of the chosen option (for multiple choice: the most concerning option picked), out of the question's maximum concern."),
        t!("\"Don't know\" counts as the maximum concern and is listed as a knowledge gap. \"Not applicable\" (with a written reason) and unanswered questions are left out."),
        t!("Section score = 100 × sum of concerns ÷ sum of maximum concerns, from 0 (no concern) to 100."),
        t!("The level is the first band whose upper limit is at least the score (see the bands below). A red flag raises its section, and the overall level, to at least the second-highest band."),
        t!("The overall score is the mean of the section scores, weighted by section weight. Sections without answers are left out."),
    ]
}

fn methodology(l: &mut Layout<'_>, q: &Questionnaire, info: &ReportInfo) {
    let loc = loc();
    l.page_break();
    l.bookmark(&t!("Methodology"));
    l.heading(&t!("Methodology"), H2, KEEP);
    for rule in method_rules() {
        l.text(&format!("• {rule}"), BODY, 0.0);
    }
    l.space(8.0);
    l.heading(&t!("Level bands"), H3, KEEP);
    let mut low = 0.0f64;
    let rows: Vec<Vec<String>> = q
        .bands
        .iter()
        .map(|b| {
            let r = vec![format!("{}–{}", low.round() as i64, b.max_score.round() as i64), b.label.get(loc).to_string(), b.meaning.get(loc).to_string()];
            low = b.max_score;
            r
        })
        .collect();
    let headers = [t!("Score"), t!("Level"), t!("What it means")];
    l.table(
        &[
            Column { header: &headers[0], share: 0.12, right: false },
            Column { header: &headers[1], share: 0.23, right: false },
            Column { header: &headers[2], share: 0.65, right: false },
        ],
        &rows,
        &[],
    );
    l.space(8.0);
    l.heading(&t!("Legal triage"), H3, KEEP);
    l.text(&triage_disclaimer(), BODY, 0.0);
    l.text(&triage_method(q), BODY, 0.0);
    l.space(8.0);
    l.heading(&t!("About this report"), H3, KEEP);
    for (k, v) in [
        (t!("Questionnaire:"), t!("{0} (id {1}, version {2})", q.title.get(loc), q.id, q.version)),
        (t!("Tool:"), tool_name()),
        (t!("Generated:"), date_time(&info.generated_at)),
    ] {
        l.labelled(&k, &v, BODY, 0.0);
    }
    l.text(&local_notice(), Style::new(9.0, false, MUTED), 0.0);
}
