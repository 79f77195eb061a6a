//! Workshop comparison (issue 6, core): many teams' assessments of one case, side by side.
//!
//! - Per section: each team's score, and the mean, median and spread (max − min) over the teams
//!   that have a score.
//! - Per question: which teams gave which answer, and a disagreement measure, the **variation
//!   ratio**: 1 − (teams giving the most common answer ÷ teams that answered). 0 when all agree;
//!   it grows as the teams split (½ for an even split between two answers, ⅔ for three). A
//!   multiple-choice answer counts as one answer (its set of options); "Don't know" and "Not
//!   applicable" are answers too. Questions are sorted by disagreement, highest first, then by
//!   their order in the questionnaire, so a facilitator opens with the questions teams split on.

use crate::answers::{Answer, Assessment};
use crate::model::Questionnaire;
use crate::scoring::score;

#[derive(Debug, Clone, PartialEq)]
pub struct SectionStats {
    pub section_id: String,
    /// One per team, in the teams' order (`None`: no score).
    pub scores: Vec<Option<f64>>,
    pub mean: Option<f64>,
    pub median: Option<f64>,
    /// max − min of the scores.
    pub spread: Option<f64>,
}

/// An answer as the teams gave it: a canonical key and the teams that gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerGroup {
    /// `a`, `a+b` (options sorted), `dont_know`, `not_applicable`.
    pub key: String,
    pub teams: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSplit {
    pub section_id: String,
    pub question_id: String,
    /// Most common first.
    pub groups: Vec<AnswerGroup>,
    pub answered: usize,
    pub disagreement: f64,
}

fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

pub fn section_stats(q: &Questionnaire, teams: &[Assessment]) -> Vec<SectionStats> {
    let outcomes: Vec<_> = teams.iter().map(|a| score(q, a)).collect();
    q.sections
        .iter()
        .filter(|s| outcomes.first().is_none_or(|o| o.section(&s.id).is_some()))
        .map(|s| {
            let scores: Vec<Option<f64>> = outcomes.iter().map(|o| o.section(&s.id).and_then(|x| x.score)).collect();
            let mut have: Vec<f64> = scores.iter().flatten().copied().collect();
            have.sort_by(|a, b| a.total_cmp(b));
            let mean = (!have.is_empty()).then(|| have.iter().sum::<f64>() / have.len() as f64);
            let spread = (!have.is_empty()).then(|| have[have.len() - 1] - have[0]);
            SectionStats { section_id: s.id.clone(), median: median(&have), scores, mean, spread }
        })
        .collect()
}

fn key(answer: &Answer) -> Option<String> {
    match answer.canonical() {
        Answer::Choice { id } => Some(id),
        Answer::Choices { ids } if ids.is_empty() => None,
        Answer::Choices { ids } => Some(ids.join("+")),
        Answer::DontKnow => Some("dont_know".into()),
        Answer::NotApplicable => Some("not_applicable".into()),
        Answer::Text { .. } | Answer::Date { .. } => None,
    }
}

/// Every choice question that at least one team answered, most disagreement first.
pub fn disagreement(q: &Questionnaire, teams: &[Assessment]) -> Vec<QuestionSplit> {
    let mut out = Vec::new();
    for s in &q.sections {
        for x in s.questions.iter().filter(|x| !x.kind.options().is_empty()) {
            let mut groups: Vec<AnswerGroup> = Vec::new();
            for (t, a) in teams.iter().enumerate() {
                let Some(k) = a.answer(&x.id).and_then(key) else { continue };
                match groups.iter_mut().find(|g| g.key == k) {
                    Some(g) => g.teams.push(t),
                    None => groups.push(AnswerGroup { key: k, teams: vec![t] }),
                }
            }
            let answered: usize = groups.iter().map(|g| g.teams.len()).sum();
            if answered == 0 {
                continue;
            }
            groups.sort_by(|a, b| b.teams.len().cmp(&a.teams.len()));
            let disagreement = 1.0 - groups[0].teams.len() as f64 / answered as f64;
            out.push(QuestionSplit { section_id: s.id.clone(), question_id: x.id.clone(), groups, answered, disagreement });
        }
    }
    // Stable: equal disagreement keeps questionnaire order.
    out.sort_by(|a, b| b.disagreement.total_cmp(&a.disagreement));
    out
}

// ---------------------------------------------------------------------------------------------
// The workshop as a spreadsheet (CSV)
// ---------------------------------------------------------------------------------------------

/// One CSV cell: spreadsheet formula injection defused (a leading `=`, `+`, `-`, `@`, tab or CR
/// gets a `'` in front), then quoted as RFC 4180 asks when it holds a comma, quote, CR or LF.
pub fn csv_cell(s: &str) -> String {
    let defused = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    };
    if defused.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

fn one_decimal(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_default()
}

/// Every team's answers and scores, one row per team (in the given order), for a spreadsheet:
/// `Team`, `Project`, `Assessors`, `Last changed`, `Overall score`, one `Score: <section>` per
/// scored section, then per question (in questionnaire order, profile questions too)
/// `<id>: <question>` with the answer in words and `<id> note`. Scores have one decimal; an
/// empty cell is no score or no answer. UTF-8 with a byte-order mark (so that Excel reads
/// accents right), CRLF line ends, RFC 4180 quoting, formula injection defused ([`csv_cell`]).
pub fn csv(q: &Questionnaire, teams: &[(String, Assessment)], locale: &str) -> String {
    let outcomes: Vec<_> = teams.iter().map(|(_, a)| score(q, a)).collect();
    // The scored sections, as `score` lists them (whatever the teams answered).
    let scored: Vec<&crate::model::Section> = q.sections.iter().filter(|s| s.dimension.is_scored()).collect();
    let mut header = vec!["Team".to_string(), "Project".into(), "Assessors".into(), "Last changed".into(), "Overall score".into()];
    for s in &scored {
        header.push(format!("Score: {}", s.title.get(locale)));
    }
    for r in q.questions() {
        header.push(format!("{}: {}", r.question.id, r.question.text.get(locale)));
        header.push(format!("{} note", r.question.id));
    }
    let mut out = String::from("\u{feff}");
    let mut push_row = |cells: &[String]| {
        let line: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    };
    push_row(&header);
    for ((label, a), outcome) in teams.iter().zip(&outcomes) {
        let mut row = vec![label.clone(), a.metadata.project_name.clone(), a.metadata.assessors.clone(), a.modified.clone(), one_decimal(outcome.overall)];
        for s in &scored {
            row.push(one_decimal(outcome.section(&s.id).and_then(|x| x.score)));
        }
        for r in q.questions() {
            row.push(crate::answers::answer_text(r.question, a, locale).unwrap_or_default());
            row.push(a.note(&r.question.id).to_string());
        }
        push_row(&row);
    }
    out
}

/// `elsa-workshop-<yyyy-mm-dd>.csv`
pub fn csv_file_name(generated_at: &str) -> String {
    crate::files::workshop_csv(generated_at)
}
