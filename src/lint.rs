//! Content lint: the editorial rules a bundled questionnaire must meet beyond validity.
//! Used by the tests and by the `elsa-lint` authoring tool.

use crate::model::*;
use std::collections::BTreeSet;

/// What a questionnaire must contain; the full questionnaire sets every requirement.
#[derive(Debug, Clone, Default)]
pub struct Requirements {
    pub min_scored: usize,
    pub min_low_ses_scored: usize,
    /// Every PROGRESS-Plus dimension has at least one tagged question.
    pub all_progress_plus: bool,
}

impl Requirements {
    /// The full ELSA questionnaire.
    pub fn full() -> Self {
        Requirements {
            min_scored: 100,
            min_low_ses_scored: 15,
            all_progress_plus: true,
        }
    }
}

/// Sentences in a help text: ends of `.`, `?` or `!` followed by the end or by a space and a
/// capital letter or an opening quote (so "art. 35", "e.g. the" and "1.5" are not ends).
pub fn sentence_count(text: &str) -> usize {
    let chars: Vec<char> = text.chars().collect();
    let mut n = 0;
    for i in 0..chars.len() {
        if matches!(chars[i], '.' | '?' | '!') {
            let rest: String = chars[i + 1..].iter().take(3).collect();
            let trimmed = rest.trim_start_matches([')', '"', '”', '’', '*']);
            let at_end = chars[i + 1..]
                .iter()
                .all(|c| c.is_whitespace() || matches!(c, ')' | '"' | '”' | '’' | '*'));
            let next = trimmed.trim_start().chars().next();
            let starts_new = (trimmed.starts_with(' ') || trimmed.starts_with('\n'))
                && next
                    .is_some_and(|c| c.is_uppercase() || matches!(c, '“' | '"' | '*' | '-' | '['));
            if at_end || starts_new {
                n += 1;
            }
        }
    }
    n
}

/// Every content problem, one line each, naming the question.
pub fn lint(q: &Questionnaire, req: &Requirements) -> Vec<String> {
    let mut out = Vec::new();
    let mut scored = 0;
    let mut low_ses = 0;
    let mut dims = BTreeSet::new();
    for r in q.questions() {
        let question = r.question;
        dims.extend(question.progress_plus.iter().copied());
        if !Questionnaire::is_scored(r.section, question) {
            continue;
        }
        scored += 1;
        if r.section.dimension == Dimension::LowSes {
            low_ses += 1;
        }
        let id = &question.id;
        if !question.help.has_english() {
            out.push(format!("{id}: scored question without help"));
        } else {
            let n = sentence_count(question.help.get(DEFAULT_LOCALE));
            if !(2..=4).contains(&n) {
                out.push(format!("{id}: help has {n} sentences; write 2 to 4"));
            }
        }
        if question.references.iter().all(|r| r.trim().is_empty()) {
            out.push(format!("{id}: scored question without a reference"));
        }
        for o in question.kind.options() {
            if o.concern > 0 && !o.recommendation.is_some_and(|t| t.has_english()) {
                out.push(format!(
                    "{id}: option \"{}\" has concern {} but no recommendation",
                    o.id, o.concern
                ));
            }
        }
    }
    // Legal content is dated and every duty can show.
    if (!q.triage.is_empty() || !q.duties.is_empty()) && q.legal_as_of.is_none() {
        out.push(
            "the triage has no legal_as_of: record the date its legal content was last checked"
                .to_string(),
        );
    }
    for d in &q.duties {
        if !q.triage.iter().any(|r| r.duties.contains(&d.id)) {
            out.push(format!(
                "duty {}: no triage rule names it, so it never shows",
                d.id
            ));
        }
    }
    if scored < req.min_scored {
        out.push(format!(
            "only {scored} scored questions; at least {} are needed",
            req.min_scored
        ));
    }
    if low_ses < req.min_low_ses_scored {
        out.push(format!(
            "only {low_ses} scored low-SES questions; at least {} are needed",
            req.min_low_ses_scored
        ));
    }
    if req.all_progress_plus {
        for d in ProgressPlus::ALL {
            if !dims.contains(&d) {
                out.push(format!(
                    "no question is tagged with the PROGRESS-Plus dimension \"{}\"",
                    d.label()
                ));
            }
        }
    }
    out
}
