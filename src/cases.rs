//! Worked cases for educators (issue 18, core): a fictional case a workshop assesses, with the
//! participants' case card, the facilitator's guide, a reference assessment (the answers an
//! expert panel would give, with its reasoning) and example team files to rehearse with.
//!
//! A case is data, in `cases/<id>/`: `case.json` (the texts, [`Case`]), `reference.json` and
//! `team-1.json` … (assessment files as the app exports them). [`check`] finds every problem of
//! a case at once; [`compare`] sets teams' assessments next to the reference (the workshop's
//! reference view). Pure: no browser code; the language is a parameter.

use crate::answers::{Answer, Assessment};
use crate::model::{LocalText, Questionnaire};
use crate::scoring::score;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The questionnaire a case is assessed with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionnaireRef {
    pub id: String,
    pub version: String,
}

/// One part of the participants' case card: a heading and its text (paragraphs separated by a
/// blank line; lines starting with "- " are a list).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardPart {
    pub heading: LocalText,
    pub text: LocalText,
}

/// The reference panel's reasoning, and the triage conclusions it leads to.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    /// Per section (every section but the project profile): why the reference answers as it does.
    pub sections: BTreeMap<String, LocalText>,
    /// Per question, for the questions teams are likely to disagree on.
    #[serde(default)]
    pub questions: BTreeMap<String, LocalText>,
    /// The ids of the triage rules the reference assessment fires (checked by [`check`]).
    pub triage: Vec<String>,
}

/// One step of a session plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub minutes: u32,
    pub activity: LocalText,
}

/// The facilitator's guide.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guide {
    pub goals: Vec<LocalText>,
    pub plan_60: Vec<Step>,
    pub plan_120: Vec<Step>,
    /// Per section: questions to open the discussion with.
    pub discussion: BTreeMap<String, Vec<LocalText>>,
    /// Per section: what the discussion should reach.
    pub key_points: BTreeMap<String, Vec<LocalText>>,
    pub misconceptions: Vec<LocalText>,
}

/// A worked case (`cases/<id>/case.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub questionnaire: QuestionnaireRef,
    pub title: LocalText,
    pub summary: LocalText,
    pub tags: LocalText,
    pub card: Vec<CardPart>,
    pub reference: Reference,
    pub guide: Guide,
}

/// One case in `cases/index.json` (written by gen-bundle), which the Educators page lists.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IndexEntry {
    pub id: String,
    pub title: LocalText,
    pub summary: LocalText,
    pub tags: LocalText,
    /// The example teams' file names (`team-1.json`, …).
    pub teams: Vec<String>,
}

/// The locales every text of a case must have.
pub const LOCALES: [&str; 2] = ["en", "nl"];

/// The id the assessments of a case carry (`case-<case id>-…`): the reference, the example teams
/// and practice assessments started from the case, so that the workshop recognises them.
pub fn assessment_id_prefix(case_id: &str) -> String {
    format!("case-{case_id}-")
}

/// The case an assessment belongs to, by its id (see [`assessment_id_prefix`]).
pub fn case_of<'c>(a: &Assessment, cases: &'c [Case]) -> Option<&'c Case> {
    cases
        .iter()
        .find(|c| a.id.starts_with(&assessment_id_prefix(&c.id)))
}

/// Read `case.json`; the error names the line and column.
pub fn parse(text: &str) -> Result<Case, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// Every text of a case with the place it is at (for checks such as plain language).
pub fn texts(c: &Case) -> Vec<(String, &LocalText)> {
    let mut out: Vec<(String, &LocalText)> = vec![
        ("title".into(), &c.title),
        ("summary".into(), &c.summary),
        ("tags".into(), &c.tags),
    ];
    for (i, p) in c.card.iter().enumerate() {
        out.push((format!("card[{i}].heading"), &p.heading));
        out.push((format!("card[{i}].text"), &p.text));
    }
    for (k, t) in &c.reference.sections {
        out.push((format!("reference.sections.{k}"), t));
    }
    for (k, t) in &c.reference.questions {
        out.push((format!("reference.questions.{k}"), t));
    }
    let g = &c.guide;
    out.extend(
        g.goals
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("guide.goals[{i}]"), t)),
    );
    for (name, plan) in [("plan_60", &g.plan_60), ("plan_120", &g.plan_120)] {
        for (i, s) in plan.iter().enumerate() {
            out.push((format!("guide.{name}[{i}].activity"), &s.activity));
        }
    }
    for (name, map) in [("discussion", &g.discussion), ("key_points", &g.key_points)] {
        for (k, list) in map {
            for (i, t) in list.iter().enumerate() {
                out.push((format!("guide.{name}.{k}[{i}]"), t));
            }
        }
    }
    out.extend(
        g.misconceptions
            .iter()
            .enumerate()
            .map(|(i, t)| (format!("guide.misconceptions[{i}]"), t)),
    );
    out
}

/// The ids of the triage rules an assessment fires, in the questionnaire's order.
pub fn fired_rules(q: &Questionnaire, a: &Assessment) -> Vec<String> {
    crate::triage::evaluate(q, a, "en")
        .into_iter()
        .map(|c| c.rule_id)
        .collect()
}

/// Every problem of a case, its reference and its example teams, at once (none: the case is fit
/// to ship). `q` must be the questionnaire the case names.
pub fn check(
    c: &Case,
    q: &Questionnaire,
    reference: &Assessment,
    teams: &[Assessment],
) -> Vec<String> {
    let mut problems = Vec::new();
    if (
        c.questionnaire.id.as_str(),
        c.questionnaire.version.as_str(),
    ) != (q.id.as_str(), q.version.as_str())
    {
        problems.push(format!(
            "the case names questionnaire {} {}, not {} {}",
            c.questionnaire.id, c.questionnaire.version, q.id, q.version
        ));
    }
    for (place, t) in texts(c) {
        for l in LOCALES {
            if t.0.iter().all(|(k, v)| k != l || v.trim().is_empty()) {
                problems.push(format!("{place} has no text in {l}"));
            }
        }
    }
    if c.card.is_empty() {
        problems.push("the case card is empty".into());
    }
    let judged: Vec<&str> = q
        .sections
        .iter()
        .filter(|s| s.dimension != crate::model::Dimension::Profile)
        .map(|s| s.id.as_str())
        .collect();
    let known_section = |s: &str| q.sections.iter().any(|x| x.id == s);
    for (name, keys) in [
        (
            "reference.sections",
            c.reference.sections.keys().collect::<Vec<_>>(),
        ),
        ("guide.discussion", c.guide.discussion.keys().collect()),
        ("guide.key_points", c.guide.key_points.keys().collect()),
    ] {
        for k in keys {
            if !known_section(k) {
                problems.push(format!("{name}.{k}: the questionnaire has no section {k}"));
            }
        }
    }
    for s in &judged {
        if !c.reference.sections.contains_key(*s) {
            problems.push(format!(
                "reference.sections has no reasoning for section {s}"
            ));
        }
        let n = c.guide.discussion.get(*s).map_or(0, Vec::len);
        if !(2..=3).contains(&n) {
            problems.push(format!(
                "guide.discussion.{s} has {n} questions (2 or 3 wanted)"
            ));
        }
        if c.guide.key_points.get(*s).is_none_or(Vec::is_empty) {
            problems.push(format!("guide.key_points has nothing for section {s}"));
        }
    }
    for k in c.reference.questions.keys() {
        if q.question(k).is_none() {
            problems.push(format!(
                "reference.questions.{k}: the questionnaire has no question {k}"
            ));
        }
    }
    for r in &c.reference.triage {
        if !q.triage.iter().any(|t| &t.id == r) {
            problems.push(format!(
                "reference.triage: the questionnaire has no triage rule {r}"
            ));
        }
    }
    for (name, plan, total) in [
        ("plan_60", &c.guide.plan_60, 60),
        ("plan_120", &c.guide.plan_120, 120),
    ] {
        let sum: u32 = plan.iter().map(|s| s.minutes).sum();
        if sum != total {
            problems.push(format!("guide.{name} takes {sum} minutes, not {total}"));
        }
    }
    if c.guide.goals.is_empty() || c.guide.misconceptions.is_empty() {
        problems.push("the guide needs learning goals and misconceptions".into());
    }
    // The reference and the teams: files of this case, of this questionnaire.
    let prefix = assessment_id_prefix(&c.id);
    for (name, a) in std::iter::once(("reference", reference))
        .chain(teams.iter().map(|t| ("an example team", t)))
    {
        if !a.id.starts_with(&prefix) {
            problems.push(format!(
                "{name} ({}) does not have an id starting with {prefix}",
                a.id
            ));
        }
        if (
            a.questionnaire_id.as_str(),
            a.questionnaire_version.as_str(),
        ) != (q.id.as_str(), q.version.as_str())
        {
            problems.push(format!(
                "{name} ({}) is of another questionnaire or version",
                a.id
            ));
        }
    }
    if !(3..=4).contains(&teams.len()) {
        problems.push(format!("{} example teams (3 or 4 wanted)", teams.len()));
    }
    let outcome = score(q, reference);
    if !outcome.unanswered_required.is_empty() {
        problems.push(format!(
            "the reference leaves {} required questions unanswered",
            outcome.unanswered_required.len()
        ));
    }
    let fired = fired_rules(q, reference);
    if fired != c.reference.triage {
        problems.push(format!(
            "the reference fires the triage rules {fired:?}, but the case states {:?}",
            c.reference.triage
        ));
    }
    problems
}

/// One question of the reference view: the reference's answer, which teams gave it, which gave
/// another (or none), and the reference reasoning when the case has one.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceRow {
    pub section_id: String,
    pub question_id: String,
    pub reference: Option<Answer>,
    /// Indexes of the teams whose answer is the reference's (canonically the same).
    pub agree: Vec<usize>,
    /// Indexes of the teams with another answer or none.
    pub differ: Vec<usize>,
    pub reasoning: Option<LocalText>,
}

/// The reference next to the teams: per section the reference's score, per question who differs.
#[derive(Debug, Clone, PartialEq)]
pub struct ReferenceView {
    /// (section id, the reference's score), in questionnaire order.
    pub sections: Vec<(String, Option<f64>)>,
    /// The questions the reference answers, in questionnaire order.
    pub rows: Vec<ReferenceRow>,
}

/// Compare teams' assessments with the case's reference (all of `q`).
pub fn compare(
    q: &Questionnaire,
    c: &Case,
    reference: &Assessment,
    teams: &[Assessment],
) -> ReferenceView {
    let outcome = score(q, reference);
    let sections = q
        .sections
        .iter()
        .filter(|s| s.dimension != crate::model::Dimension::Profile)
        .map(|s| (s.id.clone(), outcome.section(&s.id).and_then(|o| o.score)))
        .collect();
    let mut rows = Vec::new();
    for s in &q.sections {
        if s.dimension == crate::model::Dimension::Profile {
            continue;
        }
        for x in &s.questions {
            let reference_answer = reference
                .responses
                .get(&x.id)
                .and_then(|r| r.answer.clone());
            if reference_answer.is_none() {
                continue;
            }
            let want = reference_answer.as_ref().map(Answer::canonical);
            let (mut agree, mut differ) = (Vec::new(), Vec::new());
            for (i, t) in teams.iter().enumerate() {
                let got = t
                    .responses
                    .get(&x.id)
                    .and_then(|r| r.answer.as_ref())
                    .map(Answer::canonical);
                if got.is_some() && got == want {
                    agree.push(i);
                } else {
                    differ.push(i);
                }
            }
            rows.push(ReferenceRow {
                section_id: s.id.clone(),
                question_id: x.id.clone(),
                reference: reference_answer,
                agree,
                differ,
                reasoning: c.reference.questions.get(&x.id).cloned(),
            });
        }
    }
    ReferenceView { sections, rows }
}
