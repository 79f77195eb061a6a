//! The action plan: owned, dated actions that turn findings into work (issue 15), stored with the
//! assessment (file format 4).
//!
//! Pure: no clock and no random ids. Callers pass ids, timestamps (RFC 3339) and dates
//! (`YYYY-MM-DD`) in. Texts from the questionnaire are taken in the language passed as
//! [`Lang`]; the tool's own wording goes through `t!` (the current language).
//!
//! - [`Action`] and its rules (in [`crate::action`], re-exported here): [`Action::problems`]
//!   (won't-do needs a reason, the due date must be a real date), [`Action::is_overdue`],
//!   [`plan_order`], [`counts`]; and [`filter`] by owner, section, status and source.
//! - Actions from findings, pre-filled: [`from_recommendation`], [`from_duty`], [`from_gap`],
//!   [`from_review_comment`], [`from_review_conditions`], [`free`].
//! - Closing the loop: [`finding_resolved`] (never closes anything itself) and [`old_links`].
//! - Files: [`csv`] (RFC 4180, as the workshop's CSV) and [`ics`] (RFC 5545, one VTODO per open
//!   action with a due date).

use crate::answers::{Answer, Assessment};
use crate::i18n::Lang;
use crate::model::Questionnaire;
use crate::t;

pub use crate::action::*;

/// The plan's filters; `None` lets everything through.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Matched ignoring case and surrounding spaces.
    pub owner: Option<String>,
    pub section: Option<String>,
    pub status: Option<StatusKind>,
    pub source: Option<Source>,
}

impl Filter {
    /// Whether `a` passes the filter. `q` maps questions to sections.
    pub fn matches(&self, a: &Action, q: &Questionnaire) -> bool {
        self.owner
            .as_deref()
            .is_none_or(|o| a.owner.trim().to_lowercase() == o.trim().to_lowercase())
            && self
                .section
                .as_deref()
                .is_none_or(|s| a.section(q) == Some(s))
            && self.status.is_none_or(|s| a.status.kind() == s)
            && self.source.is_none_or(|s| a.source == s)
    }
}

/// The actions that pass `f`, in their given order. `q` maps questions to sections.
pub fn filter<'a>(actions: &'a [Action], q: &Questionnaire, f: &Filter) -> Vec<&'a Action> {
    actions.iter().filter(|a| f.matches(a, q)).collect()
}

// ---------------------------------------------------------------------------------------------
// Actions from findings
// ---------------------------------------------------------------------------------------------

fn blank(id: &str, title: String, source: Source, priority: Priority, now: &str) -> Action {
    Action {
        id: id.to_string(),
        title,
        description: String::new(),
        owner: String::new(),
        due: None,
        priority,
        status: Status::Open,
        evidence: String::new(),
        source,
        questions: Vec::new(),
        duties: Vec::new(),
        review_comment: None,
        created: now.to_string(),
        modified: now.to_string(),
    }
}

/// An action the team adds itself.
pub fn free(id: &str, title: &str, now: &str) -> Action {
    blank(id, title.to_string(), Source::Free, Priority::Medium, now)
}

/// The priority of a concern on the questionnaire's scale: a red flag or the top third is high,
/// the middle third medium, the rest low.
pub fn priority_of(concern: u8, red_flag: bool, max_concern: u8) -> Priority {
    let (c, m) = (concern as u32, max_concern.max(1) as u32);
    if red_flag || 3 * c > 2 * m {
        Priority::High
    } else if 3 * c > m {
        Priority::Medium
    } else {
        Priority::Low
    }
}

fn question_text(q: &Questionnaire, id: &str, lang: Lang) -> String {
    q.question(id)
        .map(|r| r.question.text.get(lang.code()).to_string())
        .unwrap_or_else(|| id.to_string())
}

/// An action from a recommendation of a concerning answer: the recommendation as its title, the
/// question in its description.
pub fn from_recommendation(
    id: &str,
    r: &crate::scoring::Recommendation,
    q: &Questionnaire,
    lang: Lang,
    now: &str,
) -> Action {
    let mut a = blank(
        id,
        r.text.get(lang.code()).to_string(),
        Source::Recommendation,
        // On the question's own scale, as the report and the results page give the concern.
        priority_of(
            r.concern,
            r.red_flag,
            q.question(&r.question_id)
                .map(|x| x.question.kind.max_concern())
                .unwrap_or(q.max_concern),
        ),
        now,
    );
    a.description = t!(
        "From the answer to: {0}",
        question_text(q, &r.question_id, lang)
    );
    a.questions.push(r.question_id.clone());
    a
}

/// An action from a legal duty: its text, its sources, and as due date the date it applies
/// from when that is after `today` (`YYYY-MM-DD`). High when the team holds a role it binds and
/// it is a legal duty; low for guidance; medium otherwise.
pub fn from_duty(
    id: &str,
    d: &crate::triage::DutyItem,
    lang: Lang,
    today: &str,
    now: &str,
) -> Action {
    let priority = if d.guidance {
        Priority::Low
    } else if d.role_held {
        Priority::High
    } else {
        Priority::Medium
    };
    let mut a = blank(
        id,
        d.text.get(lang.code()).to_string(),
        Source::Duty,
        priority,
        now,
    );
    let mut description = d.detail.get(lang.code()).to_string();
    if !d.sources.is_empty() {
        if !description.is_empty() {
            description.push('\n');
        }
        description.push_str(&t!("Sources: {0}", d.sources.join("; ")));
    }
    a.description = description;
    a.due = d
        .applies_from
        .clone()
        .filter(|from| crate::validate::valid_date(from) && from.as_str() > today);
    a.duties.push(d.id.clone());
    a
}

/// An action from a knowledge gap (a "don't know" answer): find out.
pub fn from_gap(id: &str, question_id: &str, q: &Questionnaire, lang: Lang, now: &str) -> Action {
    let mut a = blank(
        id,
        t!("Find out: {0}", question_text(q, question_id, lang)),
        Source::Gap,
        Priority::Medium,
        now,
    );
    a.questions.push(question_id.to_string());
    a
}

/// An action from a reviewer's comment on a question: high for a concern, medium otherwise.
pub fn from_review_comment(
    id: &str,
    question_id: &str,
    c: &crate::review::Comment,
    q: &Questionnaire,
    lang: Lang,
    now: &str,
) -> Action {
    let priority = if c.status == crate::review::CommentStatus::Concern {
        Priority::High
    } else {
        Priority::Medium
    };
    let title = t!(
        "Respond to the reviewer: {0}",
        question_text(q, question_id, lang)
    );
    let mut a = blank(id, title, Source::Review, priority, now);
    a.description = c.text.clone();
    a.review_comment = Some(question_id.to_string());
    a
}

/// An action from the conditions of a verdict "approved with conditions" (high priority).
pub fn from_review_conditions(id: &str, conditions: &str, now: &str) -> Action {
    let mut a = blank(
        id,
        t!("Meet the reviewer's conditions"),
        Source::Review,
        Priority::High,
        now,
    );
    a.description = conditions.trim().to_string();
    a
}

// ---------------------------------------------------------------------------------------------
// Closing the loop
// ---------------------------------------------------------------------------------------------

/// Whether the finding an open action came from is gone in these answers, so that the team may
/// close it ("finding resolved — close?"). Never changes anything.
///
/// - from a recommendation: every linked question is answered now without concern (no option
///   picked with a concern or a red flag), or justified as not applicable;
/// - from a knowledge gap: every linked question is answered now with something other than
///   "don't know";
/// - from a review comment: the current review marks that question OK, or has no comment on it.
///
/// False for done and won't-do actions, for duties and free actions, and when a linked question
/// is not in `q` (see [`old_links`]).
pub fn finding_resolved(action: &Action, q: &Questionnaire, a: &Assessment) -> bool {
    if !action.status.is_open() {
        return false;
    }
    match action.source {
        Source::Recommendation | Source::Gap => {
            !action.questions.is_empty()
                && action.questions.iter().all(|id| {
                    q.question(id)
                        .is_some_and(|r| answer_resolves(action.source, r.question, a))
                })
        }
        Source::Review => match &action.review_comment {
            Some(id) if q.question(id).is_some() => match a.review() {
                Some(r) => r
                    .comments
                    .get(id)
                    .is_none_or(|c| c.status == crate::review::CommentStatus::Ok),
                None => false,
            },
            _ => false,
        },
        Source::Duty | Source::Free => false,
    }
}

fn answer_resolves(source: Source, question: &crate::model::Question, a: &Assessment) -> bool {
    let picked = |ids: &[&str]| -> Option<bool> {
        let opts: Vec<_> = question
            .kind
            .options()
            .into_iter()
            .filter(|o| ids.contains(&o.id))
            .collect();
        (!opts.is_empty()).then(|| opts.iter().all(|o| o.concern == 0 && !o.red_flag))
    };
    match (source, a.answer(&question.id)) {
        (_, None) | (_, Some(Answer::DontKnow)) => false,
        (Source::Gap, Some(_)) => true,
        (_, Some(Answer::NotApplicable)) => a.na_justified(&question.id),
        (_, Some(Answer::Choice { id })) => picked(&[id.as_str()]).unwrap_or(false),
        (_, Some(Answer::Choices { ids })) => {
            picked(&ids.iter().map(String::as_str).collect::<Vec<_>>()).unwrap_or(false)
        }
        (_, Some(_)) => false,
    }
}

/// The open actions whose finding is gone, so that the plan asks "finding resolved — close?":
/// [`finding_resolved`] for each, and for an action from duties: none of its duties follows from
/// the answers any more (the triage of `a` as of `today`, `YYYY-MM-DD`, computed once). Never
/// changes anything.
pub fn resolved_findings<'a>(
    actions: &'a [Action],
    q: &Questionnaire,
    a: &Assessment,
    today: &str,
) -> Vec<&'a str> {
    let duty_ids: Option<Vec<String>> = actions
        .iter()
        .any(|x| x.source == Source::Duty && x.status.is_open() && !x.duties.is_empty())
        .then(|| {
            crate::triage::triage(q, a, "en", today)
                .frameworks
                .into_iter()
                .flat_map(|f| f.duties)
                .map(|d| d.id)
                .collect()
        });
    actions
        .iter()
        .filter(|x| match (x.source, &duty_ids) {
            (Source::Duty, Some(ids)) => {
                x.status.is_open()
                    && !x.duties.is_empty()
                    && x.duties.iter().all(|d| !ids.contains(d))
            }
            (Source::Duty, None) => false,
            _ => finding_resolved(x, q, a),
        })
        .map(|x| x.id.as_str())
        .collect()
}

/// A finding an action can be made from, to find the action already made from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    Recommendation(String),
    Gap(String),
    Duty(String),
    ReviewComment(String),
    ReviewConditions,
}

/// The action already made from `finding`, if any (so that a finding becomes one action, not
/// one per click).
pub fn for_finding<'a>(actions: &'a [Action], finding: &Finding) -> Option<&'a Action> {
    actions.iter().find(|x| match finding {
        Finding::Recommendation(qid) => {
            x.source == Source::Recommendation && x.questions.iter().any(|q| q == qid)
        }
        Finding::Gap(qid) => x.source == Source::Gap && x.questions.iter().any(|q| q == qid),
        Finding::Duty(did) => x.source == Source::Duty && x.duties.iter().any(|d| d == did),
        Finding::ReviewComment(qid) => {
            x.source == Source::Review && x.review_comment.as_deref() == Some(qid.as_str())
        }
        Finding::ReviewConditions => {
            x.source == Source::Review && x.review_comment.is_none() && x.questions.is_empty()
        }
    })
}

/// A new action id for this plan: `a1`, `a2`, … one more than the highest in use (ids stay
/// unique after deletions too, because the highest only grows while it is kept).
pub fn next_id(actions: &[Action]) -> String {
    let n = actions
        .iter()
        .filter_map(|x| x.id.strip_prefix('a').and_then(|n| n.parse::<u64>().ok()))
        .max()
        .unwrap_or(0);
    format!("a{}", n + 1)
}

/// How many actions are overdue as of `as_of` (`YYYY-MM-DD`).
pub fn overdue_count(actions: &[Action], as_of: &str) -> usize {
    actions.iter().filter(|x| x.is_overdue(as_of)).count()
}

impl Assessment {
    /// Add an action to the plan (its `modified` set to `ts`).
    pub fn add_action(&mut self, mut action: Action, ts: &str) {
        action.modified = ts.to_string();
        self.actions.push(action);
        self.modified = ts.to_string();
    }

    /// Replace the action with the same id; false when there is none. `created` is kept.
    pub fn update_action(&mut self, mut action: Action, ts: &str) -> bool {
        let Some(slot) = self.actions.iter_mut().find(|x| x.id == action.id) else {
            return false;
        };
        if *slot == action {
            return true;
        }
        action.created = slot.created.clone();
        action.modified = ts.to_string();
        *slot = action;
        self.modified = ts.to_string();
        true
    }

    /// Remove an action; false when there is none.
    pub fn remove_action(&mut self, id: &str, ts: &str) -> bool {
        let before = self.actions.len();
        self.actions.retain(|x| x.id != id);
        let removed = self.actions.len() != before;
        if removed {
            self.modified = ts.to_string();
        }
        removed
    }
}

/// The question links of an action that `q` no longer has (e.g. after a new questionnaire
/// version): the action stays, and lists these as old links.
pub fn old_links<'a>(action: &'a Action, q: &Questionnaire) -> Vec<&'a str> {
    action
        .linked_questions()
        .filter(|id| q.question(id).is_none())
        .collect()
}

/// Every action with an old link, with those links.
pub fn with_old_links<'a>(
    actions: &'a [Action],
    q: &Questionnaire,
) -> Vec<(&'a Action, Vec<&'a str>)> {
    actions
        .iter()
        .map(|a| (a, old_links(a, q)))
        .filter(|(_, l)| !l.is_empty())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Files
// ---------------------------------------------------------------------------------------------

fn reason(a: &Action) -> &str {
    match &a.status {
        Status::WontDo { reason } => reason,
        _ => "",
    }
}

/// The plan as CSV, one row per action in the given order: UTF-8 with a byte-order mark, CRLF
/// line ends, RFC 4180 quoting, formula injection defused ([`crate::workshop::csv_cell`]).
/// `as_of` (`YYYY-MM-DD`) fills the "Overdue" column.
pub fn csv(actions: &[Action], as_of: &str) -> String {
    use crate::workshop::csv_cell;
    let header = [
        t!("Title"),
        t!("Description"),
        t!("Owner"),
        t!("Due date"),
        t!("Overdue"),
        t!("Priority"),
        t!("Status"),
        t!("Reason"),
        t!("Evidence"),
        t!("Source"),
        t!("Questions"),
        t!("Duties"),
        t!("Created"),
        t!("Last changed"),
    ];
    let mut out = String::from("\u{feff}");
    let row = |out: &mut String, cells: &[String]| {
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_cell(c))
                .collect::<Vec<_>>()
                .join(","),
        );
        out.push_str("\r\n");
    };
    row(&mut out, &header);
    for a in actions {
        let overdue = if a.is_overdue(as_of) {
            t!("Yes")
        } else {
            String::new()
        };
        let questions: Vec<&str> = a.linked_questions().collect();
        row(
            &mut out,
            &[
                a.title.clone(),
                a.description.clone(),
                a.owner.clone(),
                a.due.clone().unwrap_or_default(),
                overdue,
                a.priority.label(),
                a.status.kind().label(),
                reason(a).to_string(),
                a.evidence.clone(),
                a.source.label(),
                questions.join(" "),
                a.duties.join(" "),
                a.created.clone(),
                a.modified.clone(),
            ],
        );
    }
    out
}

/// A TEXT value escaped as RFC 5545 §3.3.11 asks: `\\`, `\;`, `\,`, and `\n` for a line break.
fn ics_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT (a tab is).
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// One content line, folded at 75 octets (never inside a UTF-8 character), ending in CRLF.
fn ics_line(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if width + n > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += n;
    }
    out.push_str("\r\n");
}

/// `YYYYMMDDTHHMMSSZ` from an RFC 3339 time in UTC (`…Z`, as `Date.toISOString` gives it); a
/// time with an offset keeps its wall-clock time.
fn ics_stamp(now: &str) -> String {
    let digits: String = now
        .chars()
        .take(19)
        .filter(|c| c.is_ascii_digit())
        .collect();
    if digits.len() == 14 {
        format!("{}T{}Z", &digits[..8], &digits[8..])
    } else if digits.len() >= 8 {
        format!("{}T000000Z", &digits[..8])
    } else {
        "19700101T000000Z".to_string()
    }
}

/// The plan's due dates as an iCalendar file (RFC 5545): one VTODO per open or in-progress
/// action with a valid due date, its UID made from the action id (stable across exports), DUE
/// as a date, DTSTAMP from `now` (RFC 3339, UTC). `project` names the calendar's items.
pub fn ics(actions: &[Action], project: &str, now: &str) -> String {
    let mut out = String::new();
    ics_line(&mut out, "BEGIN:VCALENDAR");
    ics_line(&mut out, "VERSION:2.0");
    ics_line(&mut out, "PRODID:-//ELSA self-assessment//Action plan//EN");
    ics_line(&mut out, "CALSCALE:GREGORIAN");
    let stamp = ics_stamp(now);
    for a in actions.iter().filter(|a| a.status.is_open()) {
        let Some(due) = a.due.as_deref().filter(|d| crate::validate::valid_date(d)) else {
            continue;
        };
        let mut description = a.description.clone();
        if !a.owner.trim().is_empty() {
            description = format!("{}\n{}", t!("Owner: {0}", a.owner.trim()), description);
        }
        if !project.trim().is_empty() {
            description = format!("{}\n{}", t!("Project: {0}", project.trim()), description);
        }
        ics_line(&mut out, "BEGIN:VTODO");
        ics_line(
            &mut out,
            &format!("UID:{}", ics_text(&format!("{}@elsa-action-plan", a.id))),
        );
        ics_line(&mut out, &format!("DTSTAMP:{stamp}"));
        ics_line(
            &mut out,
            &format!("DUE;VALUE=DATE:{}", due.replace('-', "")),
        );
        ics_line(&mut out, &format!("SUMMARY:{}", ics_text(&a.title)));
        ics_line(
            &mut out,
            &format!("DESCRIPTION:{}", ics_text(description.trim_end())),
        );
        let status = if a.status == Status::InProgress {
            "IN-PROCESS"
        } else {
            "NEEDS-ACTION"
        };
        ics_line(&mut out, &format!("STATUS:{status}"));
        let priority = match a.priority {
            Priority::High => 1,
            Priority::Medium => 5,
            Priority::Low => 9,
        };
        ics_line(&mut out, &format!("PRIORITY:{priority}"));
        ics_line(&mut out, "END:VTODO");
    }
    ics_line(&mut out, "END:VCALENDAR");
    out
}
