//! Scoring: a pure function from (questionnaire, assessment) to an explainable [`Outcome`].
//!
//! The rules (also stated on the app's "How scoring works" page and in ARCHITECTURE.md):
//! 1. Only visible choice questions in scored sections count. Text, date and profile questions
//!    never do.
//! 2. An answered question contributes the concern of the chosen option (for multiple choice:
//!    of the most concerning option picked) out of the question's maximum concern.
//! 3. "Don't know" counts as the maximum concern and is listed as a knowledge gap.
//! 4. "Not applicable" and unanswered questions are left out of both sums.
//! 5. A section's score is 100 × (sum of concerns) / (sum of maximum concerns), from 0 (no
//!    concern) to 100. A section with nothing answered has no score yet.
//! 6. The level is the first band (from the questionnaire file) whose `max_score` is at least the
//!    score.
//! 7. A red-flag answer raises its section's level, and the overall level, to at least the
//!    second-highest band.
//!    - 7a. A legal triage conclusion of severity "stop" (such as a possibly prohibited
//!      practice) counts as a red flag, and raises the overall level to the highest band.
//!    - 7b. The overall level is never milder than a section in the highest band: when a
//!      section reaches it, so does the overall level. The overall score stays the weighted
//!      mean, and the level says why it was raised ([`Raise`]).
//! 8. The overall score is the mean of the section scores, weighted by the section weights;
//!    sections without a score are left out.
//! 9. For each section, the answers that contributed most concern are listed, largest first.

use crate::answers::{Answer, Assessment, Missing, Progress, Visibility};
use crate::model::*;
use crate::t;

/// How many top contributions a section lists.
pub const TOP_CONTRIBUTIONS: usize = 5;

/// One answer's share in a section score.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    pub question_id: String,
    /// The labels of the chosen options, or "Don't know".
    pub answer_ids: Vec<String>,
    pub dont_know: bool,
    pub concern: u8,
    pub max_concern: u8,
    /// Points of the section's 0–100 score this answer accounts for.
    pub points: f64,
    pub red_flag: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Level {
    pub band_index: usize,
    pub band_id: String,
    /// Why the level is above the band of the score, if it is.
    pub raised: Option<Raise>,
}

/// Why a level is above the band its score falls in (rules 7, 7a, 7b).
#[derive(Debug, Clone, PartialEq)]
pub enum Raise {
    /// A red-flag answer (rule 7).
    RedFlag,
    /// A triage conclusion of severity "stop" (rule 7a): the rule's id.
    Stop(String),
    /// A section in the highest band (rule 7b): the section's id.
    CriticalSection(String),
}

/// A legal triage conclusion of severity "stop" that the answers draw: a red flag (rule 7a).
#[derive(Debug, Clone, PartialEq)]
pub struct StopFlag {
    pub rule_id: String,
    pub framework: Framework,
    pub conclusion: LocalText,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SectionOutcome {
    pub section_id: String,
    pub weight: f64,
    /// 0–100, `None` when nothing scored is answered yet.
    pub score: Option<f64>,
    pub level: Option<Level>,
    /// Scored questions answered (including "don't know", excluding N/A) / visible scored questions.
    pub scored_answered: usize,
    pub scored_visible: usize,
    pub concern_sum: u32,
    pub max_sum: u32,
    pub red_flags: usize,
    pub top: Vec<Contribution>,
}

/// A red-flag answer.
#[derive(Debug, Clone, PartialEq)]
pub struct RedFlag {
    pub section_id: String,
    pub question_id: String,
    pub option_id: String,
}

/// A recommendation that follows from an answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Recommendation {
    pub section_id: String,
    pub question_id: String,
    pub option_id: String,
    pub concern: u8,
    pub red_flag: bool,
    pub text: LocalText,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Outcome {
    pub sections: Vec<SectionOutcome>,
    pub overall: Option<f64>,
    pub overall_level: Option<Level>,
    pub red_flags: Vec<RedFlag>,
    /// Triage conclusions of severity "stop": red flags too (rule 7a).
    pub stops: Vec<StopFlag>,
    /// Questions answered "don't know": (section id, question id).
    pub knowledge_gaps: Vec<(String, String)>,
    /// N/A answers without a justification note.
    pub unjustified_na: Vec<(String, String)>,
    /// Recommendations, most serious first: red flags, then by concern on the question's own
    /// scale (concern / the question's maximum), in document order.
    pub recommendations: Vec<Recommendation>,
    pub unanswered_required: Vec<Missing>,
}

impl Outcome {
    pub fn section(&self, id: &str) -> Option<&SectionOutcome> {
        self.sections.iter().find(|s| s.section_id == id)
    }

    /// Every red flag: the answers and the "stop" conclusions.
    pub fn red_flag_count(&self) -> usize {
        self.red_flags.len() + self.stops.len()
    }

    /// The sections whose level is the highest band ("critical"), in questionnaire order.
    pub fn critical_sections<'a>(&'a self, q: &Questionnaire) -> Vec<&'a SectionOutcome> {
        let top = q.bands.len().saturating_sub(1);
        self.sections
            .iter()
            .filter(|s| s.level.as_ref().is_some_and(|l| l.band_index >= top))
            .collect()
    }
}

/// Whether a level is shown as serious (a colour, not a neutral step): the highest band only.
pub fn is_critical(q: &Questionnaire, band_index: usize) -> bool {
    band_index + 1 >= q.bands.len()
}

fn level_with(q: &Questionnaire, score: f64, floors: &[(usize, Raise)]) -> Level {
    let by_score = q.band_index(score);
    let mut band_index = by_score;
    let mut raised = None;
    // The first floor that raises most gives the reason.
    for (floor, why) in floors {
        if *floor > band_index {
            band_index = *floor;
            raised = Some(why.clone());
        }
    }
    Level {
        band_index,
        band_id: q
            .bands
            .get(band_index)
            .map(|b| b.id.clone())
            .unwrap_or_default(),
        raised,
    }
}

fn level(q: &Questionnaire, score: f64, red_flag: bool) -> Level {
    let floors: &[(usize, Raise)] = if red_flag {
        &[(q.red_flag_floor(), Raise::RedFlag)][..]
    } else {
        &[]
    };
    level_with(q, score, floors)
}

/// Score an assessment.
pub fn score(q: &Questionnaire, a: &Assessment) -> Outcome {
    let vis = Visibility::compute(q, a);
    let mut sections = Vec::new();
    let mut red_flags = Vec::new();
    let mut knowledge_gaps = Vec::new();
    let mut unjustified_na = Vec::new();
    let mut recommendations = Vec::new();

    for s in q.sections.iter().filter(|s| s.dimension.is_scored()) {
        let mut out = SectionOutcome {
            section_id: s.id.clone(),
            weight: s.weight,
            score: None,
            level: None,
            scored_answered: 0,
            scored_visible: 0,
            concern_sum: 0,
            max_sum: 0,
            red_flags: 0,
            top: Vec::new(),
        };
        let mut contributions = Vec::new();
        for question in s.questions.iter().filter(|x| vis.is_visible(&x.id)) {
            if !Questionnaire::is_scored(s, question) {
                continue;
            }
            out.scored_visible += 1;
            let max = question.kind.max_concern();
            let options = question.kind.options();
            let (chosen, dont_know): (Vec<&str>, bool) = match a.answer(&question.id) {
                Some(Answer::Choice { id }) => (vec![id.as_str()], false),
                Some(Answer::Choices { ids }) if !ids.is_empty() => {
                    (ids.iter().map(String::as_str).collect(), false)
                }
                Some(Answer::DontKnow) => (Vec::new(), true),
                Some(Answer::NotApplicable) => {
                    if !a.na_justified(&question.id) {
                        unjustified_na.push((s.id.clone(), question.id.clone()));
                    }
                    continue;
                }
                _ => continue,
            };
            // Options that no longer exist (e.g. after a content update) are ignored.
            let picked: Vec<_> = options.iter().filter(|o| chosen.contains(&o.id)).collect();
            if !dont_know && picked.is_empty() {
                continue;
            }
            out.scored_answered += 1;
            let concern = if dont_know {
                knowledge_gaps.push((s.id.clone(), question.id.clone()));
                max
            } else {
                picked.iter().map(|o| o.concern).max().unwrap_or(0)
            };
            let mut flagged = false;
            for o in &picked {
                if o.red_flag {
                    flagged = true;
                    red_flags.push(RedFlag {
                        section_id: s.id.clone(),
                        question_id: question.id.clone(),
                        option_id: o.id.to_string(),
                    });
                }
                if let Some(text) = o.recommendation {
                    recommendations.push(Recommendation {
                        section_id: s.id.clone(),
                        question_id: question.id.clone(),
                        option_id: o.id.to_string(),
                        concern: o.concern,
                        red_flag: o.red_flag,
                        text: text.clone(),
                    });
                }
            }
            if flagged {
                out.red_flags += 1;
            }
            out.concern_sum += concern as u32;
            out.max_sum += max as u32;
            contributions.push(Contribution {
                question_id: question.id.clone(),
                answer_ids: picked.iter().map(|o| o.id.to_string()).collect(),
                dont_know,
                concern,
                max_concern: max,
                points: 0.0,
                red_flag: flagged,
            });
        }
        if out.scored_answered > 0 {
            let score = if out.max_sum == 0 {
                0.0
            } else {
                100.0 * out.concern_sum as f64 / out.max_sum as f64
            };
            out.score = Some(score);
            out.level = Some(level(q, score, out.red_flags > 0));
            for c in &mut contributions {
                c.points = if out.max_sum == 0 {
                    0.0
                } else {
                    100.0 * c.concern as f64 / out.max_sum as f64
                };
            }
            contributions.retain(|c| c.concern > 0 || c.red_flag);
            // Stable sort keeps document order among equals.
            contributions.sort_by(|x, y| {
                y.red_flag.cmp(&x.red_flag).then(
                    y.points
                        .partial_cmp(&x.points)
                        .unwrap_or(std::cmp::Ordering::Equal),
                )
            });
            contributions.truncate(TOP_CONTRIBUTIONS);
            out.top = contributions;
        }
        sections.push(out);
    }

    let scored: Vec<_> = sections
        .iter()
        .filter_map(|s| s.score.map(|v| (v, s.weight)))
        .collect();
    let weight_sum: f64 = scored.iter().map(|(_, w)| w).sum();
    let overall = if scored.is_empty() {
        None
    } else if weight_sum > 0.0 {
        Some(scored.iter().map(|(v, w)| v * w).sum::<f64>() / weight_sum)
    } else {
        // All weights zero: fall back to a plain mean.
        Some(scored.iter().map(|(v, _)| v).sum::<f64>() / scored.len() as f64)
    };
    let stops: Vec<StopFlag> = if q.triage.iter().any(|r| r.severity == Severity::Stop) {
        crate::triage::evaluate(q, a, "en")
            .into_iter()
            .filter(|c| c.severity == Severity::Stop)
            .map(|c| StopFlag {
                rule_id: c.rule_id,
                framework: c.framework,
                conclusion: c.conclusion,
            })
            .collect()
    } else {
        Vec::new()
    };
    let top = q.bands.len().saturating_sub(1);
    let overall_level = overall.map(|v| {
        let mut floors = Vec::new();
        if let Some(s) = stops.first() {
            floors.push((top, Raise::Stop(s.rule_id.clone())));
        }
        if let Some(s) = sections
            .iter()
            .find(|s| s.level.as_ref().is_some_and(|l| l.band_index >= top))
        {
            floors.push((top, Raise::CriticalSection(s.section_id.clone())));
        }
        if !red_flags.is_empty() {
            floors.push((q.red_flag_floor(), Raise::RedFlag));
        }
        level_with(q, v, &floors)
    });

    // Concern on each question's own scale: 2 of 2 weighs as much as 4 of 4.
    let share = |r: &Recommendation| {
        let max = q
            .question(&r.question_id)
            .map(|x| x.question.kind.max_concern())
            .unwrap_or(q.max_concern)
            .max(1);
        r.concern as f64 / max as f64
    };
    recommendations.sort_by(|x, y| {
        y.red_flag.cmp(&x.red_flag).then(
            share(y)
                .partial_cmp(&share(x))
                .unwrap_or(std::cmp::Ordering::Equal),
        )
    });

    Outcome {
        sections,
        overall,
        overall_level,
        red_flags,
        stops,
        knowledge_gaps,
        unjustified_na,
        recommendations,
        unanswered_required: Progress::compute(q, a).missing_required,
    }
}

/// Round a score for display: whole points.
pub fn display_score(v: f64) -> String {
    format!("{}", v.round() as i64)
}

/// Why a level was raised, in one sentence (`loc`: the questionnaire's texts' language).
pub fn raise_text(q: &Questionnaire, raise: &Raise, loc: &str) -> String {
    match raise {
        Raise::RedFlag => t!("Raised to this level because at least one answer is a red flag."),
        Raise::Stop(rule) => {
            let conclusion = q
                .triage
                .iter()
                .find(|r| r.id == *rule)
                .map(|r| r.conclusion.get(loc))
                .unwrap_or(rule.as_str());
            t!(
                "Raised to this level because the legal triage says: {0}.",
                conclusion.trim_end_matches('.')
            )
        }
        Raise::CriticalSection(id) => {
            let title = q
                .section(id)
                .map(|(_, s)| s.title.get(loc))
                .unwrap_or(id.as_str());
            t!(
                "Raised to this level because the section “{0}” is at this level.",
                title
            )
        }
    }
}
