//! Legal triage: the questionnaire's rules evaluated on an assessment.
//!
//! Each rule that fires is a [`Conclusion`] with the answers that made it fire ("Likely …,
//! because you answered …"). A rule finds that its framework (or a part of it) applies, does
//! not apply, or is unclear ([`Finding`]); it may give the team a [`Role`] and name the
//! [`Duty`]s that follow. [`triage`] groups all of this per framework ([`FrameworkTriage`]):
//! a status that is never silent (applies / not applicable / unclear / not answered yet), the
//! roles held, the conclusions, and the duties that bind those roles, each with the date it
//! applies from and its status on a given date (the assessment's date, never the clock).
//! Indicative, not legal advice.

use crate::answers::{answer_text, eval, Answer, Assessment, Visibility};
use crate::model::*;
use crate::t;

/// One answer that made a rule fire.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    pub section_id: String,
    pub question_id: String,
    /// The answer in words, or `None` when the question was left unanswered.
    pub answer: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Conclusion {
    pub rule_id: String,
    pub framework: Framework,
    pub severity: Severity,
    pub finding: Finding,
    pub conclusion: LocalText,
    pub explanation: LocalText,
    pub references: Vec<String>,
    pub reasons: Vec<Reason>,
    /// The roles this conclusion gives the team.
    pub roles: Vec<Role>,
}

/// Where a duty stands on the date the triage is computed for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateStatus {
    /// It applies on that date (since `applies_from`).
    InForce,
    /// It applies from a later date.
    Upcoming,
    /// It applies only once an event happens (see the duty's note), e.g. a significant change
    /// to a system that was already in use.
    OnEvent,
}

/// A duty that follows from the conclusions, for the team's roles.
#[derive(Debug, Clone, PartialEq)]
pub struct DutyItem {
    pub id: String,
    pub framework: Framework,
    /// The roles the duty binds.
    pub roles: Vec<Role>,
    /// Whether the team holds one of those roles. `false` when the team's role under the
    /// framework is not known yet: the duty then applies *if* the team holds one of them.
    pub role_held: bool,
    pub text: LocalText,
    pub detail: LocalText,
    pub sources: Vec<String>,
    /// The date it applies from, or `None` when it waits for an event (see `date_note`).
    pub applies_from: Option<String>,
    /// Where the date comes from, when it is not plain.
    pub date_note: LocalText,
    pub status: DateStatus,
    /// Good practice or policy, not a legal duty.
    pub guidance: bool,
    /// The rules that gave it.
    pub because: Vec<String>,
}

/// The triage's verdict on one framework. Never silent: a framework with rules always has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// At least one conclusion finds that the framework applies.
    Applies,
    /// Checked, and found not to apply.
    NotApplicable,
    /// Not settled by the answers, usually because of a "Don't know".
    Unclear,
    /// No rule of the framework fired: its questions are not answered yet.
    NotAnswered,
}

impl Status {
    pub fn label(self) -> String {
        match self {
            Status::Applies => t!("applies"),
            Status::NotApplicable => t!("does not apply"),
            Status::Unclear => t!("unclear"),
            Status::NotAnswered => t!("not answered yet"),
        }
    }
}

/// One framework's part of the triage.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameworkTriage {
    pub framework: Framework,
    pub status: Status,
    /// Some point of the framework is unclear although the status is another.
    pub has_unclear: bool,
    /// The team's roles under the framework, in [`Role::ALL`] order.
    pub roles: Vec<Role>,
    pub conclusions: Vec<Conclusion>,
    pub duties: Vec<DutyItem>,
}

/// The whole triage of an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct Triage {
    /// The date (`YYYY-MM-DD`) the duties' statuses are computed for.
    pub as_of: String,
    /// The date the questionnaire's legal content was last checked.
    pub legal_as_of: Option<String>,
    /// Every framework the questionnaire has rules for, in [`Framework::ALL`] order.
    pub frameworks: Vec<FrameworkTriage>,
}

/// The first sentence of the disclaimer shown with every triage.
pub fn disclaimer_title() -> String {
    t!("Indicative, not legal advice.")
}

/// The rest of the disclaimer.
pub fn disclaimer_body() -> String {
    t!("These conclusions follow mechanically from your answers. Check them with your legal, privacy or regulatory adviser.")
}

/// The date a triage is computed for: the assessment's own date (the first date question of
/// the project profile) when it is a valid date, else `fallback` (e.g. the day of the export).
pub fn as_of_date(q: &Questionnaire, a: &Assessment, fallback: &str) -> String {
    q.questions()
        .filter(|r| {
            r.section.dimension == Dimension::Profile
                && matches!(r.question.kind, QuestionKind::Date)
        })
        .find_map(|r| match a.answer(&r.question.id) {
            Some(Answer::Date { value }) if crate::validate::valid_date(value.trim()) => {
                Some(value.trim().to_string())
            }
            _ => None,
        })
        .unwrap_or_else(|| fallback.get(..10).unwrap_or(fallback).to_string())
}

/// The question ids that support the value of `cond` (the leaves that make it hold).
fn support(cond: &Condition, a: &Assessment, vis: &dyn Fn(&str) -> bool) -> (bool, Vec<String>) {
    match cond {
        Condition::Equals { question, .. }
        | Condition::AnyOf { question, .. }
        | Condition::AllOf { question, .. } => (eval(cond, a, vis), vec![question.clone()]),
        Condition::All(cs) => {
            let parts: Vec<_> = cs.iter().map(|c| support(c, a, vis)).collect();
            let holds = parts.iter().all(|(h, _)| *h);
            (holds, parts.into_iter().flat_map(|(_, r)| r).collect())
        }
        Condition::Any(cs) => {
            let parts: Vec<_> = cs.iter().map(|c| support(c, a, vis)).collect();
            let holds = parts.iter().any(|(h, _)| *h);
            (
                holds,
                parts
                    .into_iter()
                    .filter(|(h, _)| *h)
                    .flat_map(|(_, r)| r)
                    .collect(),
            )
        }
        Condition::Not(c) => {
            let (inner, _) = support(c, a, vis);
            // "Not" holds because of the answers (or their absence) to the questions inside it.
            (
                !inner,
                c.leaves().into_iter().map(|(q, _)| q.to_string()).collect(),
            )
        }
    }
}

/// Evaluate every triage rule of the questionnaire; the conclusions that are drawn, in file
/// order. A decisive rule that fires (e.g. "not an AI system") settles its framework: the
/// other rules of that framework are then not drawn.
pub fn evaluate(q: &Questionnaire, a: &Assessment, locale: &str) -> Vec<Conclusion> {
    evaluate_with(q, a, locale, &Visibility::compute(q, a))
}

fn evaluate_with(
    q: &Questionnaire,
    a: &Assessment,
    locale: &str,
    vis: &Visibility,
) -> Vec<Conclusion> {
    let visible = |id: &str| vis.is_visible(id);
    let order: Vec<&str> = q.questions().map(|r| r.question.id.as_str()).collect();
    let mut out = Vec::new();
    for rule in &q.triage {
        let (holds, mut ids) = support(&rule.when, a, &visible);
        if !holds {
            continue;
        }
        // Document order, each question once.
        ids.sort_by_key(|id| order.iter().position(|o| o == id).unwrap_or(usize::MAX));
        ids.dedup();
        let reasons = ids
            .into_iter()
            .filter_map(|id| {
                let r = q.question(&id)?;
                Some(Reason {
                    section_id: r.section.id.clone(),
                    answer: if vis.is_visible(&id) {
                        answer_text(r.question, a, locale)
                    } else {
                        None
                    },
                    question_id: id,
                })
            })
            .collect();
        out.push((
            rule.decisive,
            Conclusion {
                rule_id: rule.id.clone(),
                framework: rule.framework,
                severity: rule.severity,
                finding: rule.finding,
                conclusion: rule.conclusion.clone(),
                explanation: rule.explanation.clone(),
                references: rule.references.clone(),
                reasons,
                roles: rule.roles.clone(),
            },
        ));
    }
    let settled: Vec<Framework> = out
        .iter()
        .filter(|(d, _)| *d)
        .map(|(_, c)| c.framework)
        .collect();
    out.into_iter()
        .filter(|(decisive, c)| *decisive || !settled.contains(&c.framework))
        .map(|(_, c)| c)
        .collect()
}

/// The whole triage, per framework, with the duties' statuses on `as_of` (`YYYY-MM-DD`; see
/// [`as_of_date`]).
pub fn triage(q: &Questionnaire, a: &Assessment, locale: &str, as_of: &str) -> Triage {
    let vis = Visibility::compute(q, a);
    let conclusions = evaluate_with(q, a, locale, &vis);
    let visible = |id: &str| vis.is_visible(id);
    let frameworks = Framework::ALL
        .into_iter()
        .filter(|f| q.triage.iter().any(|r| r.framework == *f))
        .map(|framework| {
            let mine: Vec<Conclusion> = conclusions
                .iter()
                .filter(|c| c.framework == framework)
                .cloned()
                .collect();
            let has = |f: Finding| mine.iter().any(|c| c.finding == f);
            let status = if has(Finding::Applies) {
                Status::Applies
            } else if has(Finding::Unclear) {
                Status::Unclear
            } else if has(Finding::NotApplicable) {
                Status::NotApplicable
            } else {
                Status::NotAnswered
            };
            let roles: Vec<Role> = Role::ALL
                .into_iter()
                .filter(|r| mine.iter().any(|c| c.roles.contains(r)))
                .collect();
            let fired: Vec<&TriageRule> = mine
                .iter()
                .filter_map(|c| q.triage.iter().find(|r| r.id == c.rule_id))
                .collect();
            let mut duties: Vec<DutyItem> = Vec::new();
            // In the file's order of duties, each once, with the rules that named it.
            for duty in q.duties.iter().filter(|d| d.framework == framework) {
                let rules: Vec<&TriageRule> = fired
                    .iter()
                    .copied()
                    .filter(|r| r.duties.contains(&duty.id))
                    .collect();
                if rules.is_empty() {
                    continue;
                }
                if duty.when.as_ref().is_some_and(|w| !eval(w, a, &visible)) {
                    continue;
                }
                let role_held = duty.roles.iter().any(|r| roles.contains(r));
                if !roles.is_empty() && !role_held {
                    continue;
                }
                // The earliest date any of its rules gives it.
                let base = rules
                    .iter()
                    .map(|r| {
                        r.duties_from
                            .clone()
                            .unwrap_or_else(|| duty.applies_from.clone())
                    })
                    .min()
                    .unwrap_or_else(|| duty.applies_from.clone());
                let (applies_from, date_note, extra) =
                    match duty.transitions.iter().find(|t| eval(&t.when, a, &visible)) {
                        Some(t) => (t.applies_from.clone(), t.note.clone(), t.sources.clone()),
                        None => (Some(base), duty.date_note.clone(), Vec::new()),
                    };
                let status = match &applies_from {
                    None => DateStatus::OnEvent,
                    Some(d) if d.as_str() <= as_of => DateStatus::InForce,
                    Some(_) => DateStatus::Upcoming,
                };
                let mut sources = duty.sources.clone();
                sources.extend(extra.into_iter().filter(|s| !duty.sources.contains(s)));
                duties.push(DutyItem {
                    id: duty.id.clone(),
                    framework,
                    roles: duty.roles.clone(),
                    role_held,
                    text: duty.text.clone(),
                    detail: duty.detail.clone(),
                    sources,
                    applies_from,
                    date_note,
                    status,
                    guidance: duty.guidance,
                    because: rules.iter().map(|r| r.id.clone()).collect(),
                });
            }
            FrameworkTriage {
                framework,
                status,
                has_unclear: status != Status::Unclear && has(Finding::Unclear),
                roles,
                conclusions: mine,
                duties,
            }
        })
        .collect();
    Triage {
        as_of: as_of.to_string(),
        legal_as_of: q.legal_as_of.clone(),
        frameworks,
    }
}

impl DutyItem {
    /// The duty's date and status in words, e.g. "in force since 2 February 2025" or "applies
    /// from 2 December 2027".
    pub fn when_text(&self) -> String {
        match (&self.status, &self.applies_from) {
            (DateStatus::InForce, Some(d)) => t!("in force since {0}", crate::i18n::date(d)),
            (DateStatus::Upcoming, Some(d)) => t!("applies from {0}", crate::i18n::date(d)),
            _ => t!("only after an event"),
        }
    }

    /// The roles it binds, in words ("provider or deployer").
    pub fn roles_text(&self) -> String {
        let names: Vec<String> = self.roles.iter().map(|r| r.label()).collect();
        names.join(&format!(" {} ", t!("or")))
    }
}

impl FrameworkTriage {
    /// The team's roles in words, or `None` when no role follows from the answers.
    pub fn roles_text(&self) -> Option<String> {
        (!self.roles.is_empty()).then(|| {
            self.roles
                .iter()
                .map(|r| r.label())
                .collect::<Vec<_>>()
                .join(", ")
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Wording shared by the results page, the reviewer's page and the reports.

/// The triage of an assessment as the reports show it: duties dated against the assessment's
/// own date, else the day of the report.
pub fn triage_of(
    q: &Questionnaire,
    a: &Assessment,
    loc: &str,
    generated_at: &str,
) -> crate::triage::Triage {
    let as_of = crate::triage::as_of_date(q, a, generated_at);
    crate::triage::triage(q, a, loc, &as_of)
}

/// The line under the triage's heading: when the legal content was checked, and the date the
/// duties are dated against.
pub fn triage_dates_line(tr: &crate::triage::Triage) -> String {
    match &tr.legal_as_of {
        Some(d) => t!("Legal content checked on {0}. Dates and statuses are given for {1}, the assessment date.", crate::i18n::date(d), crate::i18n::date(&tr.as_of)),
        None => t!("Dates and statuses are given for {0}, the assessment date.", crate::i18n::date(&tr.as_of)),
    }
}

/// A framework's heading in the triage, e.g. "EU AI Act: applies".
pub fn framework_heading(f: &crate::triage::FrameworkTriage) -> String {
    let mut h = format!("{}: {}", f.framework.label(), f.status.label());
    if f.has_unclear {
        h.push_str(&t!(" (some points unclear)"));
    }
    h
}

/// A framework's id for anchors, e.g. `eu-ai-act`.
pub fn framework_slug(f: crate::model::Framework) -> &'static str {
    match f {
        crate::model::Framework::EuAiAct => "eu-ai-act",
        crate::model::Framework::Gdpr => "gdpr",
        crate::model::Framework::Mdr => "mdr",
        crate::model::Framework::NlPublicSector => "nl-public-sector",
    }
}

/// The team's roles under a framework, in one line.
pub fn roles_line(f: &crate::triage::FrameworkTriage) -> String {
    match f.roles_text() {
        Some(r) => t!("Your role: {0}.", r),
        None => t!("Your role: not settled by the answers."),
    }
}

/// A duty's role cell: the roles, marked when the team's role is not known yet.
pub fn duty_role_text(d: &crate::triage::DutyItem) -> String {
    if d.role_held {
        d.roles_text()
    } else {
        t!("{0} (if that is your role)", d.roles_text())
    }
}

/// A duty's text, with "(good practice)" when it is not a legal duty.
pub fn duty_text(d: &crate::triage::DutyItem, loc: &str) -> String {
    let mut s = d.text.get(loc).to_string();
    if d.guidance {
        s.push_str(&t!(" (good practice, not a legal duty)"));
    }
    s
}

/// The duties of a framework as table rows (duty, role, source, when) and the notes on their
/// dates, each told once below the table and referred to as "[n]" in the "When" cell.
pub struct DutyTable {
    pub rows: Vec<[String; 4]>,
    pub notes: Vec<String>,
}

pub fn duty_table(f: &crate::triage::FrameworkTriage, loc: &str) -> DutyTable {
    let mut notes: Vec<String> = Vec::new();
    let rows = f
        .duties
        .iter()
        .map(|d| {
            let note = d.date_note.get(loc).trim();
            let when = if note.is_empty() {
                d.when_text()
            } else {
                let n = match notes.iter().position(|x| x == note) {
                    Some(i) => i + 1,
                    None => {
                        notes.push(note.to_string());
                        notes.len()
                    }
                };
                match d.status {
                    crate::triage::DateStatus::OnEvent => {
                        t!("only after an event, see note [{0}]", n)
                    }
                    _ => format!("{} [{n}]", d.when_text()),
                }
            };
            [
                duty_text(d, loc),
                duty_role_text(d),
                crate::i18n::references(&d.sources),
                when,
            ]
        })
        .collect();
    DutyTable { rows, notes }
}

/// The headers of the duties' table.
pub fn duty_headers() -> [String; 4] {
    [t!("Duty"), t!("Role"), t!("Source"), t!("When")]
}
