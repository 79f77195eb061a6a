//! The decision summary: what a reader (an ethics committee, a project board) needs to decide,
//! on one page. The most serious findings first (triage conclusions of severity "stop", red
//! flags, sections in the highest band), the legal headline per framework, the top actions and
//! the assessment's status. Built from the outcome and the triage; the report renders it on its
//! second page, the results page shows the same.

use crate::action::{Priority, StatusKind};
use crate::answers::{Answer, Assessment};
use crate::model::{Framework, LocalText, Questionnaire};
use crate::scoring::Outcome;
use crate::triage::Conclusion;

/// The id of the profile question that holds the date of the next re-assessment.
pub const REASSESSMENT_QUESTION: &str = "reassessment-date";

/// How many actions the summary lists.
pub const TOP_ACTIONS: usize = 10;

/// One of the most serious findings.
#[derive(Debug, Clone, PartialEq)]
pub enum Serious {
    /// A triage conclusion of severity "stop".
    Stop {
        rule_id: String,
        framework: Framework,
        conclusion: LocalText,
    },
    /// A red-flag answer.
    RedFlag {
        section_id: String,
        question_id: String,
    },
    /// A section in the highest band.
    Critical { section_id: String, score: f64 },
}

/// The most serious findings, most serious first: "stop" conclusions, red flags (in
/// questionnaire order), then sections in the highest band.
pub fn serious(q: &Questionnaire, o: &Outcome) -> Vec<Serious> {
    let mut out: Vec<Serious> = o
        .stops
        .iter()
        .map(|s| Serious::Stop {
            rule_id: s.rule_id.clone(),
            framework: s.framework,
            conclusion: s.conclusion.clone(),
        })
        .collect();
    out.extend(o.red_flags.iter().map(|f| Serious::RedFlag {
        section_id: f.section_id.clone(),
        question_id: f.question_id.clone(),
    }));
    // One line per question, even when several picked options are red flags.
    out.dedup();
    out.extend(
        o.critical_sections(q)
            .into_iter()
            .map(|s| Serious::Critical {
                section_id: s.section_id.clone(),
                score: s.score.unwrap_or(0.0),
            }),
    );
    out
}

/// How a headline question is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Settled {
    Yes,
    No,
    Unclear,
    /// No rule that answers it fired: the questions are not answered yet.
    Open,
}

impl Settled {
    pub fn label(self) -> String {
        match self {
            Settled::Yes => crate::t!("yes"),
            Settled::No => crate::t!("no"),
            Settled::Unclear => crate::t!("unclear"),
            Settled::Open => crate::t!("not answered yet"),
        }
    }
}

/// One line of the legal headline.
#[derive(Debug, Clone, PartialEq)]
pub struct HeadlineLine {
    pub id: String,
    pub framework: Framework,
    pub question: LocalText,
    pub answer: Settled,
    /// The conclusion that answers it (the first that fired of the winning kind).
    pub conclusion: Option<LocalText>,
}

/// The questionnaire's headlines answered by the conclusions drawn: "yes" wins over
/// "unclear", "unclear" over "no".
pub fn headlines(q: &Questionnaire, conclusions: &[Conclusion]) -> Vec<HeadlineLine> {
    q.headlines
        .iter()
        .map(|h| {
            let first = |ids: &[String]| {
                conclusions
                    .iter()
                    .find(|c| ids.contains(&c.rule_id))
                    .map(|c| c.conclusion.clone())
            };
            let (answer, conclusion) = if let Some(c) = first(&h.yes) {
                (Settled::Yes, Some(c))
            } else if let Some(c) = first(&h.unclear) {
                (Settled::Unclear, Some(c))
            } else if let Some(c) = first(&h.no) {
                (Settled::No, Some(c))
            } else {
                (Settled::Open, None)
            };
            HeadlineLine {
                id: h.id.clone(),
                framework: h.framework,
                question: h.question.clone(),
                answer,
                conclusion,
            }
        })
        .collect()
}

/// One of the top actions.
#[derive(Debug, Clone, PartialEq)]
pub struct TopAction {
    pub text: String,
    /// The questions it comes from.
    pub questions: Vec<String>,
    pub priority: Priority,
    pub red_flag: bool,
    /// From the action plan: its owner, due date and status.
    pub owner: String,
    pub due: Option<String>,
    pub status: Option<StatusKind>,
    pub overdue: bool,
}

/// The top actions and how many there are in all.
#[derive(Debug, Clone, PartialEq)]
pub struct TopActions {
    pub items: Vec<TopAction>,
    /// All open actions of the plan, or all recommendations.
    pub total: usize,
    /// Taken from the team's action plan (else from the recommendations of the answers).
    pub from_plan: bool,
}

/// The `n` most important things still to do. With an action plan: its open actions, by
/// priority, overdue first, then by due date. Without one: the recommendations of the answers,
/// red flags first, then by concern on each question's own scale.
pub fn top_actions(
    q: &Questionnaire,
    a: &Assessment,
    o: &Outcome,
    loc: &str,
    as_of: &str,
    n: usize,
) -> TopActions {
    let flagged = |qs: &[String]| o.red_flags.iter().any(|f| qs.contains(&f.question_id));
    if !a.actions.is_empty() {
        let mut open: Vec<&crate::action::Action> =
            a.actions.iter().filter(|x| x.status.is_open()).collect();
        open.sort_by(|x, y| {
            x.priority
                .cmp(&y.priority)
                .then_with(|| y.is_overdue(as_of).cmp(&x.is_overdue(as_of)))
                .then_with(|| crate::action::by_due(x, y))
                .then_with(|| x.created.cmp(&y.created))
        });
        return TopActions {
            total: open.len(),
            items: open
                .into_iter()
                .take(n)
                .map(|x| TopAction {
                    text: x.title.clone(),
                    questions: x.questions.clone(),
                    priority: x.priority,
                    red_flag: flagged(&x.questions),
                    owner: x.owner.clone(),
                    due: x.due.clone(),
                    status: Some(x.status.kind()),
                    overdue: x.is_overdue(as_of),
                })
                .collect(),
            from_plan: true,
        };
    }
    TopActions {
        total: o.recommendations.len(),
        items: o
            .recommendations
            .iter()
            .take(n)
            .map(|r| {
                let max = q
                    .question(&r.question_id)
                    .map(|x| x.question.kind.max_concern())
                    .unwrap_or(q.max_concern);
                TopAction {
                    text: r.text.get(loc).to_string(),
                    questions: vec![r.question_id.clone()],
                    priority: crate::actions::priority_of(r.concern, r.red_flag, max),
                    red_flag: r.red_flag,
                    owner: String::new(),
                    due: None,
                    status: None,
                    overdue: false,
                }
            })
            .collect(),
        from_plan: false,
    }
}

/// Where the assessment stands for its readers.
#[derive(Debug, Clone, PartialEq)]
pub enum Stage {
    /// Not signed off by a reviewer (yet).
    Draft,
    /// Signed off, but the answers changed after the sign-off.
    ChangedAfterSignOff { at: String },
    /// Signed off by a reviewer on these very answers.
    Final {
        verdict: String,
        by: String,
        at: String,
    },
}

/// The assessment's status block.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusBlock {
    /// The date the team gave (`YYYY-MM-DD`), if any.
    pub assessment_date: Option<String>,
    /// The assessors as the team wrote them (names with roles).
    pub assessors: String,
    /// The reviewer and their role, when a review came back.
    pub reviewer: Option<String>,
    pub questionnaire: String,
    pub tool: String,
    pub stage: Stage,
    /// The date of the next re-assessment, if the team set one.
    pub next_assessment: Option<String>,
}

fn date_answer(a: &Assessment, id: &str) -> Option<String> {
    match a.answer(id) {
        Some(Answer::Date { value }) if crate::validate::valid_date(value.trim()) => {
            Some(value.trim().to_string())
        }
        _ => None,
    }
}

/// The status block. `digest`: the questionnaire's digest (see [`crate::review::fingerprint`]).
pub fn status_block(
    q: &Questionnaire,
    a: &Assessment,
    review: Option<&crate::review::Review>,
    digest: Option<&str>,
    loc: &str,
) -> StatusBlock {
    let assessment_date = q
        .questions()
        .filter(|r| {
            r.section.dimension == crate::model::Dimension::Profile
                && matches!(r.question.kind, crate::model::QuestionKind::Date)
                && r.question.id != REASSESSMENT_QUESTION
        })
        .find_map(|r| date_answer(a, &r.question.id));
    let stage = match review.and_then(|r| r.sign_off.as_ref().map(|s| (r, s))) {
        Some((_, s)) if crate::review::is_stale(&s.fingerprint, a, digest) => {
            Stage::ChangedAfterSignOff {
                at: crate::i18n::date(&s.at),
            }
        }
        Some((r, s)) => Stage::Final {
            verdict: r.verdict.map(|v| v.label()).unwrap_or_default(),
            by: r.reviewer_name.clone(),
            at: crate::i18n::date(&s.at),
        },
        None => Stage::Draft,
    };
    StatusBlock {
        assessment_date,
        assessors: a.metadata.assessors.trim().to_string(),
        reviewer: review
            .filter(|r| !r.reviewer_name.trim().is_empty())
            .map(|r| match r.reviewer_role.trim() {
                "" => r.reviewer_name.trim().to_string(),
                role => format!("{} ({role})", r.reviewer_name.trim()),
            }),
        questionnaire: crate::t!("{0}, version {1}", q.title.get(loc), q.version),
        tool: crate::persist::TOOL_VERSION.to_string(),
        stage,
        next_assessment: date_answer(a, REASSESSMENT_QUESTION),
    }
}
