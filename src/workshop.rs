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
//!
//! [`Workshop`] holds the teams and their rules: which files may join (one questionnaire and
//! version, no file twice), their labels, removing and relabelling, and the stored form (under
//! [`WORKSHOP_KEY`]). The studio's workshop view keeps one in its state and renders it.

use crate::answers::{Answer, Assessment};
use crate::model::Questionnaire;
use crate::scoring::score;
use crate::t;
use serde::{Deserialize, Serialize};

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
    section_stats_of(q, &teams.iter().collect::<Vec<_>>())
}

fn section_stats_of(q: &Questionnaire, teams: &[&Assessment]) -> Vec<SectionStats> {
    let outcomes: Vec<_> = teams.iter().map(|a| score(q, a)).collect();
    q.sections
        .iter()
        .filter(|s| outcomes.first().is_none_or(|o| o.section(&s.id).is_some()))
        .map(|s| {
            let scores: Vec<Option<f64>> = outcomes
                .iter()
                .map(|o| o.section(&s.id).and_then(|x| x.score))
                .collect();
            let mut have: Vec<f64> = scores.iter().flatten().copied().collect();
            have.sort_by(|a, b| a.total_cmp(b));
            let mean = (!have.is_empty()).then(|| have.iter().sum::<f64>() / have.len() as f64);
            let spread = (!have.is_empty()).then(|| have[have.len() - 1] - have[0]);
            SectionStats {
                section_id: s.id.clone(),
                median: median(&have),
                scores,
                mean,
                spread,
            }
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
    disagreement_of(q, &teams.iter().collect::<Vec<_>>())
}

fn disagreement_of(q: &Questionnaire, teams: &[&Assessment]) -> Vec<QuestionSplit> {
    let mut out = Vec::new();
    for s in &q.sections {
        for x in s.questions.iter().filter(|x| !x.kind.options().is_empty()) {
            let mut groups: Vec<AnswerGroup> = Vec::new();
            for (t, a) in teams.iter().enumerate() {
                let Some(k) = a.answer(&x.id).and_then(key) else {
                    continue;
                };
                match groups.iter_mut().find(|g| g.key == k) {
                    Some(g) => g.teams.push(t),
                    None => groups.push(AnswerGroup {
                        key: k,
                        teams: vec![t],
                    }),
                }
            }
            let answered: usize = groups.iter().map(|g| g.teams.len()).sum();
            if answered == 0 {
                continue;
            }
            groups.sort_by(|a, b| b.teams.len().cmp(&a.teams.len()));
            let disagreement = 1.0 - groups[0].teams.len() as f64 / answered as f64;
            out.push(QuestionSplit {
                section_id: s.id.clone(),
                question_id: x.id.clone(),
                groups,
                answered,
                disagreement,
            });
        }
    }
    // Stable: equal disagreement keeps questionnaire order.
    out.sort_by(|a, b| b.disagreement.total_cmp(&a.disagreement));
    out
}

// ---------------------------------------------------------------------------------------------
// The summary's reading of the answers (issue 19)
// ---------------------------------------------------------------------------------------------

/// What a section's spread (highest − lowest team score, on 0–100) means for the discussion.
/// The rule: up to [`SPREAD_AGREE`] points the teams agree; up to [`SPREAD_WIDE`] they differ
/// somewhat; more, and they disagree widely. (A band of the bundled questionnaires is 25 points
/// wide: teams within 15 points are mostly in one band or two neighbouring ones; more than 35
/// points apart, they are at least a band apart.)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    Agree,
    Differ,
    DisagreeWidely,
}

/// The largest spread (in points) at which the teams agree.
pub const SPREAD_AGREE: f64 = 15.0;
/// The largest spread (in points) at which the teams differ only somewhat.
pub const SPREAD_WIDE: f64 = 35.0;

impl Reading {
    pub fn of(spread: f64) -> Reading {
        if spread <= SPREAD_AGREE {
            Reading::Agree
        } else if spread <= SPREAD_WIDE {
            Reading::Differ
        } else {
            Reading::DisagreeWidely
        }
    }

    pub fn label(self) -> String {
        match self {
            Reading::Agree => t!("teams agree"),
            Reading::Differ => t!("teams differ somewhat"),
            Reading::DisagreeWidely => t!("teams disagree widely"),
        }
    }
}

/// How far the teams' answers to a question are from agreement, from 0 (all gave the same
/// answer) to 1 (as evenly spread as the possible answers allow): the variation ratio divided
/// by its largest possible value, (1 − `top` ÷ `answered`) ÷ (1 − 1 ÷ k), where k is the number
/// of the question's options (`choices`), but no more than the teams that answered. So a 6–6
/// split of twelve teams on a yes/no question is 100%: they could not have been more divided.
/// The same split on a question with five options is 62.5%: the teams could have spread wider.
/// ("Don't know" and "Not applicable" count as answers, but not as extra options.)
pub fn normalised_disagreement(top: usize, answered: usize, choices: usize) -> f64 {
    let k = choices.min(answered);
    if k <= 1 || answered == 0 {
        return 0.0;
    }
    let ratio = 1.0 - top as f64 / answered as f64;
    (ratio / (1.0 - 1.0 / k as f64)).clamp(0.0, 1.0)
}

/// How many teams chose one answer of a question.
#[derive(Debug, Clone, PartialEq)]
pub struct OptionCount {
    /// An option id, or `dont_know` / `not_applicable`.
    pub key: String,
    /// The teams that chose it (for multiple choice: among the options they picked).
    pub teams: Vec<usize>,
    /// The option's concern (`None` for "Don't know" and "Not applicable").
    pub concern: Option<u8>,
    /// The answer the questionnaire recommends: the option of least concern of a scored question.
    pub recommended: bool,
}

/// One question's answers over the teams, as the workshop summary shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionCounts {
    pub section_id: String,
    pub question_id: String,
    /// A fact of the case (the project profile, the legal triage), not a judgement.
    pub fact: bool,
    pub answered: usize,
    /// Every option, in concern order (least concern first; options of equal concern in the
    /// questionnaire's order), then "Don't know" and "Not applicable" when given.
    pub options: Vec<OptionCount>,
    /// [`normalised_disagreement`] over the teams' whole answers.
    pub disagreement: f64,
    /// At least two teams answered, and all gave the same answer.
    pub agreed: bool,
}

/// Every choice question that at least one team answered, with counts per option; in
/// questionnaire order.
pub fn question_counts(q: &Questionnaire, teams: &[Assessment]) -> Vec<QuestionCounts> {
    let splits = disagreement(q, teams);
    let mut out = Vec::new();
    for s in &q.sections {
        let scored_section = s.dimension.is_scored();
        for x in s.questions.iter() {
            let Some(split) = splits.iter().find(|p| p.question_id == x.id) else {
                continue;
            };
            let options = x.kind.options();
            let least = options.iter().map(|o| o.concern).min().unwrap_or(0);
            let mut counts: Vec<OptionCount> = options
                .iter()
                .map(|o| OptionCount {
                    key: o.id.to_string(),
                    teams: Vec::new(),
                    concern: Some(o.concern),
                    recommended: scored_section && o.concern == least,
                })
                .collect();
            let mut extra: Vec<OptionCount> = Vec::new();
            for g in &split.groups {
                for part in g.key.split('+') {
                    let slot = match counts.iter_mut().find(|c| c.key == part) {
                        Some(c) => c,
                        None => match extra.iter().position(|c| c.key == part) {
                            Some(i) => &mut extra[i],
                            None => {
                                extra.push(OptionCount {
                                    key: part.to_string(),
                                    teams: Vec::new(),
                                    concern: None,
                                    recommended: false,
                                });
                                extra.last_mut().expect("just pushed")
                            }
                        },
                    };
                    slot.teams.extend(&g.teams);
                }
            }
            counts.sort_by_key(|c| c.concern.unwrap_or(u8::MAX));
            for c in &mut counts {
                c.teams.sort_unstable();
            }
            extra.sort_by_key(|c| c.key != "dont_know");
            counts.extend(extra);
            let choices = options.len();
            let top = split.groups.first().map(|g| g.teams.len()).unwrap_or(0);
            out.push(QuestionCounts {
                section_id: s.id.clone(),
                question_id: x.id.clone(),
                fact: !scored_section,
                answered: split.answered,
                options: counts,
                disagreement: normalised_disagreement(top, split.answered, choices),
                agreed: split.answered >= 2 && split.groups.len() == 1,
            });
        }
    }
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
/// scored section, the team's action plan as four counts by status (`Actions open`, `Actions in
/// progress`, `Actions done`, `Actions won't do`; 0 without a plan), then per question (in questionnaire order, profile questions too)
/// `<id>: <question>` with the answer in words and `<id> note`. Scores have one decimal; an
/// empty cell is no score or no answer. UTF-8 with a byte-order mark (so that Excel reads
/// accents right), CRLF line ends, RFC 4180 quoting, formula injection defused ([`csv_cell`]).
pub fn csv(q: &Questionnaire, teams: &[(String, Assessment)], locale: &str) -> String {
    csv_of(
        q,
        &teams
            .iter()
            .map(|(l, a)| (l.as_str(), a))
            .collect::<Vec<_>>(),
        locale,
    )
}

fn csv_of(q: &Questionnaire, teams: &[(&str, &Assessment)], locale: &str) -> String {
    let outcomes: Vec<_> = teams.iter().map(|(_, a)| score(q, a)).collect();
    // The scored sections, as `score` lists them (whatever the teams answered).
    let scored: Vec<&crate::model::Section> = q
        .sections
        .iter()
        .filter(|s| s.dimension.is_scored())
        .collect();
    let mut header = vec![
        "Team".to_string(),
        "Project".into(),
        "Assessors".into(),
        "Last changed".into(),
        "Overall score".into(),
    ];
    for s in &scored {
        header.push(format!("Score: {}", s.title.get(locale)));
    }
    header.extend(
        [
            "Actions open",
            "Actions in progress",
            "Actions done",
            "Actions won't do",
        ]
        .map(String::from),
    );
    for r in q.questions() {
        header.push(format!(
            "{}: {}",
            r.question.id,
            r.question.text.get(locale)
        ));
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
        let mut row = vec![
            label.to_string(),
            a.metadata.project_name.clone(),
            a.metadata.assessors.clone(),
            a.modified.clone(),
            one_decimal(outcome.overall),
        ];
        for s in &scored {
            row.push(one_decimal(outcome.section(&s.id).and_then(|x| x.score)));
        }
        row.extend(crate::action::counts(&a.actions).map(|n| n.to_string()));
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

// ---------------------------------------------------------------------------------------------
// The workshop: its teams, the rules for adding them, and its stored form
// ---------------------------------------------------------------------------------------------

/// The key of the stored workshop in the browser's storage, apart from the user's own
/// assessments and reviews: clearing the workshop removes this key and nothing else.
pub const WORKSHOP_KEY: &str = "elsa.v1.workshop";

/// The stored form's `format` and its version.
const FORMAT: &str = "elsa-workshop";
const FORMAT_VERSION: u32 = 1;

/// The longest default label, in characters (a long project name would crowd the tables).
const LABEL_CHARS: usize = 60;

/// One team: the label the facilitator gave it, and its assessment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub label: String,
    pub assessment: Assessment,
}

/// The teams of one workshop, in the order they were added. The rules of [`Workshop::add`]
/// hold for every workshop there is, a stored one read back too: all teams answer one
/// questionnaire in one version, and no file is there twice.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Workshop {
    teams: Vec<Team>,
}

/// What happened to a file offered to the workshop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AddOutcome {
    /// Added as the last team, with its [`default_label`].
    Added,
    /// Not added: team `of` (counted from 0) has the same file — the same assessment (id) with
    /// the same answers (fingerprint). It would count one team twice. Files with the same id
    /// and other answers are different teams (say, teams that started from one case file).
    Duplicate { of: usize },
    /// Not added: it answers another questionnaire, or another version of it, than the one the
    /// workshop compares (that of its first team).
    OtherQuestionnaire {
        id: String,
        version: String,
        workshop_id: String,
        workshop_version: String,
    },
}

impl AddOutcome {
    /// Why the file named `file_name` was not added (`None`: it was added).
    pub fn problem(&self, file_name: &str) -> Option<String> {
        match self {
            AddOutcome::Added => None,
            AddOutcome::Duplicate { of } => {
                Some(t!("“{0}” was not added: team {1} has the same file (the same assessment with the same answers).", file_name, of + 1))
            }
            AddOutcome::OtherQuestionnaire { id, version, workshop_id, workshop_version } => Some(t!(
                "“{0}” was not added: it answers the questionnaire “{1}” version {2}, and this workshop compares “{3}” version {4}.",
                file_name,
                id,
                version,
                workshop_id,
                workshop_version
            )),
        }
    }
}

/// Why a stored workshop cannot be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StoredError {
    /// Not JSON, or not the shape of a stored workshop (the reader's message).
    Damaged(String),
    /// JSON of something else (no `format` of a workshop).
    Foreign,
    /// Saved by a newer version of this tool (its format version).
    Newer(u32),
    /// Teams that no workshop can hold together: another questionnaire, or one file twice.
    Inconsistent,
}

impl std::fmt::Display for StoredError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoredError::Damaged(e) => f.write_str(e),
            StoredError::Foreign => f.write_str(&t!("it is not a workshop")),
            StoredError::Newer(v) => f.write_str(&t!(
                "it was saved by a newer version of this tool (workshop format {0})",
                v
            )),
            StoredError::Inconsistent => f.write_str(&t!(
                "its teams answer different questionnaires, or one file is in it twice"
            )),
        }
    }
}

/// A team's default label: the assessors field, else the project name, else the file name
/// (without `.json` or `.pdf`), at most 60 characters; empty when all three are.
pub fn default_label(a: &Assessment, file_name: &str) -> String {
    let pick = [a.metadata.assessors.trim(), a.metadata.project_name.trim()];
    let label = pick.into_iter().find(|s| !s.is_empty()).unwrap_or_else(|| {
        file_name
            .trim_end_matches(".json")
            .trim_end_matches(".pdf")
            .trim()
    });
    label.chars().take(LABEL_CHARS).collect()
}

/// The label of a team without one: "Team 3" for the third.
fn numbered(index: usize) -> String {
    t!("Team {0}", index + 1)
}

/// The stored form: the format, its version and the teams.
#[derive(Serialize)]
struct StoredOut<'a> {
    format: &'a str,
    format_version: u32,
    teams: &'a [Team],
}

/// What any stored value is checked for first (missing fields: not a workshop).
#[derive(Deserialize)]
struct Head {
    #[serde(default)]
    format: String,
    #[serde(default)]
    format_version: u32,
}

#[derive(Deserialize)]
struct StoredIn {
    teams: Vec<Team>,
}

impl Workshop {
    pub fn new() -> Self {
        Workshop::default()
    }

    pub fn teams(&self) -> &[Team] {
        &self.teams
    }

    pub fn len(&self) -> usize {
        self.teams.len()
    }

    pub fn is_empty(&self) -> bool {
        self.teams.is_empty()
    }

    /// The label of team `index` (`None`: no such team).
    pub fn label(&self, index: usize) -> Option<&str> {
        self.teams.get(index).map(|t| t.label.as_str())
    }

    /// The first team's assessment: its questionnaire is the workshop's.
    pub fn first(&self) -> Option<&Assessment> {
        self.teams.first().map(|t| &t.assessment)
    }

    /// The questionnaire (id, version) every team answers (`None`: no team yet).
    pub fn questionnaire(&self) -> Option<(&str, &str)> {
        self.first().map(|a| {
            (
                a.questionnaire_id.as_str(),
                a.questionnaire_version.as_str(),
            )
        })
    }

    /// Offer a team's file (its assessment, and the file name for the default label). It joins
    /// as the last team unless it answers another questionnaire or version than the teams
    /// already there, or one of them has the same file.
    pub fn add(&mut self, a: Assessment, file_name: &str) -> AddOutcome {
        let label = default_label(&a, file_name);
        self.add_labelled(a, label)
    }

    fn add_labelled(&mut self, a: Assessment, label: String) -> AddOutcome {
        if let Some((id, version)) = self.questionnaire() {
            if a.questionnaire_id != id || a.questionnaire_version != version {
                return AddOutcome::OtherQuestionnaire {
                    id: a.questionnaire_id,
                    version: a.questionnaire_version,
                    workshop_id: id.to_string(),
                    workshop_version: version.to_string(),
                };
            }
        }
        // Canonical answers only for files with the same id, which is rare: cheap. (One
        // workshop has one questionnaire: its content need not be compared.)
        let same = |t: &Team| {
            t.assessment.id == a.id
                && crate::review::canonical_answers(&t.assessment, None)
                    == crate::review::canonical_answers(&a, None)
        };
        if let Some(of) = self.teams.iter().position(same) {
            return AddOutcome::Duplicate { of };
        }
        let label = if label.trim().is_empty() {
            numbered(self.teams.len())
        } else {
            label
        };
        self.teams.push(Team {
            label,
            assessment: a,
        });
        AddOutcome::Added
    }

    /// Remove team `index`; the teams after it move up (`None`: no such team).
    pub fn remove(&mut self, index: usize) -> Option<Team> {
        (index < self.teams.len()).then(|| self.teams.remove(index))
    }

    /// Give team `index` a new label, without spaces around it; an empty one becomes its
    /// number ("Team 3"). False: no such team.
    pub fn relabel(&mut self, index: usize, label: &str) -> bool {
        let label = match label.trim() {
            "" => numbered(index),
            l => l.to_string(),
        };
        match self.teams.get_mut(index) {
            Some(t) => {
                t.label = label;
                true
            }
            None => false,
        }
    }

    /// Section statistics of the teams ([`section_stats`]).
    pub fn section_stats(&self, q: &Questionnaire) -> Vec<SectionStats> {
        section_stats_of(
            q,
            &self.teams.iter().map(|t| &t.assessment).collect::<Vec<_>>(),
        )
    }

    /// Where the teams split ([`disagreement`]).
    pub fn disagreement(&self, q: &Questionnaire) -> Vec<QuestionSplit> {
        disagreement_of(
            q,
            &self.teams.iter().map(|t| &t.assessment).collect::<Vec<_>>(),
        )
    }

    /// The CSV of every team, by its label ([`csv`]).
    pub fn csv(&self, q: &Questionnaire, locale: &str) -> String {
        csv_of(
            q,
            &self
                .teams
                .iter()
                .map(|t| (t.label.as_str(), &t.assessment))
                .collect::<Vec<_>>(),
            locale,
        )
    }

    /// The stored form (JSON): `{"format": "elsa-workshop", "format_version": 1, "teams":
    /// [{"label": …, "assessment": …}]}`, each assessment as in the assessment file.
    pub fn to_stored(&self) -> String {
        let stored = StoredOut {
            format: FORMAT,
            format_version: FORMAT_VERSION,
            teams: &self.teams,
        };
        // Plain data with string keys: serialising it cannot fail.
        serde_json::to_string(&stored).unwrap_or_default()
    }

    /// Read a stored workshop back. A value that is not one (damaged, of something else, of a
    /// newer version, or with teams that break the rules of [`Workshop::add`]) is an error, so
    /// that the caller can leave it untouched and say why.
    pub fn from_stored(text: &str) -> Result<Workshop, StoredError> {
        let head: Head =
            serde_json::from_str(text).map_err(|e| StoredError::Damaged(e.to_string()))?;
        if head.format != FORMAT {
            return Err(StoredError::Foreign);
        }
        if head.format_version > FORMAT_VERSION {
            return Err(StoredError::Newer(head.format_version));
        }
        let stored: StoredIn =
            serde_json::from_str(text).map_err(|e| StoredError::Damaged(e.to_string()))?;
        let mut w = Workshop::new();
        for mut team in stored.teams {
            // A team saved before an update of the tool moves to the newest version of its
            // bundled questionnaire, as stored assessments do (`persist::decode_current`), so
            // that files of the new version can join it; its answers are all kept.
            crate::bundled::move_to_newest(&mut team.assessment);
            if w.add_labelled(team.assessment, team.label) != AddOutcome::Added {
                return Err(StoredError::Inconsistent);
            }
        }
        Ok(w)
    }
}
