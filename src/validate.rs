//! Questionnaire file → model, collecting every error at once, each with a JSON path.
//!
//! Structural problems (bad JSON, a missing field, a wrong type) stop parsing, so they come
//! alone, with the path where serde stopped. Once the file has the right shape, every semantic
//! rule below is checked and all violations are returned together.

use crate::model::*;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// One problem in a questionnaire file.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidationError {
    /// JSON path, e.g. `sections[3].questions[2].show_if`.
    pub path: String,
    pub kind: ErrorKind,
    /// Line and column in the file's text (from 1), when the error comes from a text
    /// ([`load_questionnaire`]); `None` for a questionnaire checked as data.
    pub at: Option<(usize, usize)>,
}

/// The kinds of problems validation reports.
#[derive(Debug, Clone, PartialEq)]
pub enum ErrorKind {
    /// Not JSON, or not of the questionnaire's shape (a missing field, a wrong type, an unknown
    /// field or question type). Parsing stops at the first such error.
    Syntax { message: String },
    /// Two sections, two questions (anywhere in the file), two options of one question or two
    /// bands share an id.
    DuplicateId { id: String },
    /// An id is empty or has characters other than ASCII letters, digits, `-`, `_` and `.`.
    BadId { id: String },
    /// A condition names a question that does not exist.
    UnknownQuestion { question: String },
    /// A condition names an option that its question does not have.
    UnknownOption { question: String, option: String },
    /// A question's condition refers to the question itself.
    SelfReference { question: String },
    /// A condition refers to a question that comes later in the file.
    ForwardReference { question: String },
    /// A condition refers to a question whose answers are not options (text, date, profile).
    ConditionOnNonChoice { question: String },
    /// `all` or `any` with no members, or a leaf with an empty value list.
    EmptyCondition,
    /// A choice or scale question has no options, or only one.
    NoOptions,
    /// A text lacks its (non-blank) English version.
    MissingEnglish,
    /// A bundled questionnaire lacks the text in one of the tool's languages (custom files may
    /// be English only: the app falls back to English).
    MissingTranslation { locale: &'static str },
    /// A concern or section weight is outside its allowed range.
    WeightOutOfRange { value: f64, min: f64, max: f64 },
    /// A section has no questions.
    EmptySection,
    /// The questionnaire has no sections, or no scored section.
    NoScoredSection,
    /// `version` is not a semantic version `MAJOR.MINOR.PATCH`.
    BadVersion { version: String },
    /// Fewer than two bands, bounds not strictly ascending, or the last band not ending at 100.
    BadBands { reason: String },
    /// Two profile questions fill the same metadata field.
    DuplicateProfileField { field: String },
    /// A recommendation is given on an option with zero concern, or a red flag on one.
    FlagWithoutConcern,
    /// `exclusive` is set on an option of a question that is not multiple choice.
    ExclusiveOutsideMultiChoice,
    /// A triage rule names a duty that does not exist.
    UnknownDuty { duty: String },
    /// A headline names a triage rule that does not exist.
    UnknownRule { rule: String },
    /// A duty, or a rule's duty, belongs to another framework than the rule; or a role belongs
    /// to another framework than its rule or duty.
    OtherFramework { item: String },
    /// A duty has no role.
    NoRole,
    /// A duty has no source.
    MissingSource,
    /// A date is not a calendar date `YYYY-MM-DD`.
    BadDate { value: String },
    /// `decisive` on a rule whose finding is not `not_applicable`.
    DecisiveNotNegative,
    /// `extends` names a questionnaire the tool does not have.
    UnknownBase { id: String, version: String },
    /// An extension gives another value than its base where it must not.
    BaseMismatch { field: &'static str, base: String },
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::Syntax { message } => write!(f, "{message}"),
            ErrorKind::DuplicateId { id } => write!(f, "duplicate id \"{id}\""),
            ErrorKind::BadId { id } => write!(
                f,
                "bad id \"{id}\": use ASCII letters, digits, '-', '_' or '.', and not empty"
            ),
            ErrorKind::UnknownQuestion { question } => write!(f, "unknown question \"{question}\""),
            ErrorKind::UnknownOption { question, option } => {
                write!(f, "question \"{question}\" has no option \"{option}\"")
            }
            ErrorKind::SelfReference { question } => {
                write!(f, "question \"{question}\" cannot depend on itself")
            }
            ErrorKind::ForwardReference { question } => write!(
                f,
                "condition refers to question \"{question}\", which comes later; conditions may refer only to earlier questions"
            ),
            ErrorKind::ConditionOnNonChoice { question } => write!(
                f,
                "condition refers to question \"{question}\", whose answers are not options"
            ),
            ErrorKind::EmptyCondition => write!(f, "empty condition"),
            ErrorKind::NoOptions => write!(f, "a choice question needs at least two options"),
            ErrorKind::MissingEnglish => write!(f, "missing \"en\" text"),
            ErrorKind::MissingTranslation { locale } => write!(f, "missing \"{locale}\" text (every text of a bundled questionnaire needs it)"),
            ErrorKind::WeightOutOfRange { value, min, max } => {
                write!(f, "weight {value} is out of range {min}..={max}")
            }
            ErrorKind::EmptySection => write!(f, "section has no questions"),
            ErrorKind::NoScoredSection => write!(f, "questionnaire has no scored section"),
            ErrorKind::BadVersion { version } => {
                write!(f, "version \"{version}\" is not of the form MAJOR.MINOR.PATCH")
            }
            ErrorKind::BadBands { reason } => write!(f, "bad bands: {reason}"),
            ErrorKind::DuplicateProfileField { field } => {
                write!(f, "profile field \"{field}\" is filled by two questions")
            }
            ErrorKind::FlagWithoutConcern => write!(
                f,
                "an option with concern 0 cannot be a red flag or carry a recommendation"
            ),
            ErrorKind::ExclusiveOutsideMultiChoice => {
                write!(f, "only options of a multiple-choice question can be exclusive")
            }
            ErrorKind::UnknownDuty { duty } => write!(f, "unknown duty \"{duty}\""),
            ErrorKind::UnknownRule { rule } => write!(f, "unknown triage rule \"{rule}\""),
            ErrorKind::OtherFramework { item } => write!(f, "\"{item}\" belongs to another framework"),
            ErrorKind::NoRole => write!(f, "a duty needs at least one role"),
            ErrorKind::MissingSource => write!(f, "a duty needs at least one source (an article)"),
            ErrorKind::BadDate { value } => write!(f, "\"{value}\" is not a date of the form YYYY-MM-DD"),
            ErrorKind::DecisiveNotNegative => write!(f, "only a not_applicable rule can be decisive"),
            ErrorKind::UnknownBase { id, version } => write!(
                f,
                "extends \"{id}\" version {version}, which this tool does not have; extend one of the questionnaires that come with the tool"
            ),
            ErrorKind::BaseMismatch { field, base } => {
                write!(f, "an extension takes \"{field}\" from its base ({base}); leave it out or give the same value")
            }
        }
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)?;
        } else {
            write!(f, "{}: {}", self.path, self.kind)?;
        }
        match self.at {
            Some((line, column)) => write!(f, " (line {line}, column {column})"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for ValidationError {}

/// Parse and validate a questionnaire file. Every error carries its line and column in `json`.
/// A file that `extends` another questionnaire is refused here: see [`load_questionnaire_with`].
pub fn load_questionnaire(json: &str) -> Result<Questionnaire, Vec<ValidationError>> {
    load_questionnaire_with(json, &|_, _| None)
}

/// Parse and validate a questionnaire file, resolving `extends` with `base` (id, version → the
/// questionnaire, when the tool has it; see [`crate::extend`]). Every error carries its line and
/// column in `json`; errors in what an extension adds are given with the paths of its file.
pub fn load_questionnaire_with(
    json: &str,
    base: &dyn Fn(&str, &str) -> Option<Questionnaire>,
) -> Result<Questionnaire, Vec<ValidationError>> {
    let de = &mut serde_json::Deserializer::from_str(json);
    let q: Questionnaire = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let at = (inner.line() > 0).then(|| (inner.line(), inner.column()));
        // serde's own message ends "at line L column C": the place is given once, our way.
        let text = inner.to_string();
        let text = text
            .rsplit_once(" at line ")
            .map(|(m, _)| m.to_string())
            .unwrap_or(text);
        let message = if inner.is_syntax() || inner.is_eof() {
            format!("not valid JSON: {text}")
        } else {
            text
        };
        vec![ValidationError {
            path: if path == "." { String::new() } else { path },
            kind: ErrorKind::Syntax { message },
            at,
        }]
    })?;
    let place = |mut e: ValidationError| {
        e.at = crate::json_pos::Positions::of(json).find(&e.path);
        e
    };
    let (q, paths) = match q.extends.clone() {
        None => (q, None),
        Some(b) => {
            let Some(found) = base(&b.id, &b.version) else {
                return Err(vec![place(ValidationError {
                    path: "extends".into(),
                    kind: ErrorKind::UnknownBase {
                        id: b.id,
                        version: b.version,
                    },
                    at: None,
                })]);
            };
            let (whole, paths) =
                crate::extend::resolve(q, &found).map_err(|crate::extend::OtherScale(scale)| {
                    vec![place(ValidationError {
                        path: "max_concern".into(),
                        kind: ErrorKind::BaseMismatch {
                            field: "max_concern",
                            base: scale.to_string(),
                        },
                        at: None,
                    })]
                })?;
            (whole, Some(paths))
        }
    };
    let mut errors = validate(&q);
    if errors.is_empty() {
        return Ok(q);
    }
    let places = crate::json_pos::Positions::of(json);
    for e in &mut errors {
        match paths.map(|p| p.to_file(&e.path)) {
            // In the part that came from the base: placed at `extends`.
            Some(None) => e.at = places.find("extends"),
            Some(Some(file_path)) => {
                e.path = file_path;
                e.at = places.find(&e.path);
            }
            None => e.at = places.find(&e.path),
        }
    }
    Err(errors)
}

/// Check every semantic rule on an already parsed questionnaire.
pub fn validate(q: &Questionnaire) -> Vec<ValidationError> {
    let mut v = Validator {
        errors: Vec::new(),
        languages: &[],
    };
    v.check(q);
    v.errors
}

/// The languages every text of a bundled questionnaire must have besides English.
pub const BUNDLED_LANGUAGES: &[&str] = &["nl"];

/// The rules for the questionnaires bundled with the tool: every rule of [`validate`], and every
/// text in each of [`BUNDLED_LANGUAGES`] too.
pub fn validate_bundled(q: &Questionnaire) -> Vec<ValidationError> {
    let mut v = Validator {
        errors: Vec::new(),
        languages: BUNDLED_LANGUAGES,
    };
    v.check(q);
    v.errors
}

/// The JSON name of a unit enum value, e.g. `ai_provider`.
fn enum_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

struct Validator {
    errors: Vec<ValidationError>,
    /// Languages required besides English.
    languages: &'static [&'static str],
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.')
}

/// A calendar date `YYYY-MM-DD` (months of 28 to 31 days; leap years counted).
pub fn valid_date(v: &str) -> bool {
    let b = v.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        v.get(r)
            .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

fn valid_semver(v: &str) -> bool {
    let parts: Vec<&str> = v.split('.').collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
}

impl Validator {
    fn push(&mut self, path: impl Into<String>, kind: ErrorKind) {
        self.errors.push(ValidationError {
            path: path.into(),
            kind,
            at: None,
        });
    }

    fn text(&mut self, path: String, t: &LocalText) {
        if !t.has_english() {
            self.push(path.clone(), ErrorKind::MissingEnglish);
        }
        for &locale in self.languages {
            if !t.0.iter().any(|(l, v)| l == locale && !v.trim().is_empty()) {
                self.push(path.clone(), ErrorKind::MissingTranslation { locale });
            }
        }
    }

    fn optional_text(&mut self, path: String, t: &LocalText) {
        if !t.0.is_empty() {
            self.text(path, t);
        }
    }

    fn id(&mut self, path: String, id: &str) {
        if !valid_id(id) {
            self.push(path, ErrorKind::BadId { id: id.to_string() });
        }
    }

    fn check(&mut self, q: &Questionnaire) {
        if let Some(b) = &q.extends {
            // Resolved questionnaires have none: this one was not loaded with its base.
            self.push(
                "extends",
                ErrorKind::UnknownBase {
                    id: b.id.clone(),
                    version: b.version.clone(),
                },
            );
        }
        self.id("id".into(), &q.id);
        if !valid_semver(&q.version) {
            self.push(
                "version",
                ErrorKind::BadVersion {
                    version: q.version.clone(),
                },
            );
        }
        self.text("title".into(), &q.title);
        self.optional_text("description".into(), &q.description);
        if q.max_concern == 0 {
            self.push(
                "max_concern",
                ErrorKind::WeightOutOfRange {
                    value: 0.0,
                    min: 1.0,
                    max: 255.0,
                },
            );
        }
        self.check_bands(q);

        if !q.sections.iter().any(|s| s.dimension.is_scored()) {
            self.push("sections", ErrorKind::NoScoredSection);
        }

        // Document order of every question id, for forward-reference checks.
        let mut order: HashMap<&str, usize> = HashMap::new();
        let mut kinds: HashMap<&str, (&QuestionKind, bool)> = HashMap::new();
        for (i, r) in q.questions().enumerate() {
            order.entry(r.question.id.as_str()).or_insert(i);
            let scored = Questionnaire::offers_dont_know(r.section, r.question);
            kinds
                .entry(r.question.id.as_str())
                .or_insert((&r.question.kind, scored));
        }

        let mut section_ids = HashSet::new();
        let mut question_ids = HashSet::new();
        let mut profile_fields = HashSet::new();
        let mut position = 0usize;
        for (si, s) in q.sections.iter().enumerate() {
            let sp = format!("sections[{si}]");
            self.id(format!("{sp}.id"), &s.id);
            if !section_ids.insert(s.id.as_str()) {
                self.push(
                    format!("{sp}.id"),
                    ErrorKind::DuplicateId { id: s.id.clone() },
                );
            }
            self.text(format!("{sp}.title"), &s.title);
            self.optional_text(format!("{sp}.intro"), &s.intro);
            if !(s.weight.is_finite() && (0.0..=MAX_SECTION_WEIGHT).contains(&s.weight)) {
                self.push(
                    format!("{sp}.weight"),
                    ErrorKind::WeightOutOfRange {
                        value: s.weight,
                        min: 0.0,
                        max: MAX_SECTION_WEIGHT,
                    },
                );
            }
            if s.questions.is_empty() {
                self.push(sp.clone(), ErrorKind::EmptySection);
            }
            for (qi, question) in s.questions.iter().enumerate() {
                let qp = format!("{sp}.questions[{qi}]");
                self.id(format!("{qp}.id"), &question.id);
                if !question_ids.insert(question.id.as_str()) {
                    self.push(
                        format!("{qp}.id"),
                        ErrorKind::DuplicateId {
                            id: question.id.clone(),
                        },
                    );
                }
                self.text(format!("{qp}.text"), &question.text);
                self.optional_text(format!("{qp}.help"), &question.help);
                self.check_kind(q, &qp, &question.kind);
                if let QuestionKind::Profile { field } = question.kind {
                    if !profile_fields.insert(field) {
                        let name = serde_json::to_value(field)
                            .ok()
                            .and_then(|v| v.as_str().map(str::to_string))
                            .unwrap_or_default();
                        self.push(
                            format!("{qp}.kind.field"),
                            ErrorKind::DuplicateProfileField { field: name },
                        );
                    }
                }
                if let Some(cond) = &question.show_if {
                    self.check_condition(
                        &format!("{qp}.show_if"),
                        cond,
                        &question.id,
                        position,
                        &order,
                        &kinds,
                    );
                }
                position += 1;
            }
        }

        let mut rule_ids = HashSet::new();
        for (ri, rule) in q.triage.iter().enumerate() {
            let rp = format!("triage[{ri}]");
            self.id(format!("{rp}.id"), &rule.id);
            if !rule_ids.insert(rule.id.as_str()) {
                self.push(
                    format!("{rp}.id"),
                    ErrorKind::DuplicateId {
                        id: rule.id.clone(),
                    },
                );
            }
            self.text(format!("{rp}.conclusion"), &rule.conclusion);
            self.optional_text(format!("{rp}.explanation"), &rule.explanation);
            // Triage runs on the finished assessment: any question may be referred to.
            self.check_condition(
                &format!("{rp}.when"),
                &rule.when,
                "",
                usize::MAX,
                &order,
                &kinds,
            );
            if rule.decisive && rule.finding != Finding::NotApplicable {
                self.push(format!("{rp}.decisive"), ErrorKind::DecisiveNotNegative);
            }
            for (i, role) in rule.roles.iter().enumerate() {
                if role.framework() != rule.framework {
                    self.push(
                        format!("{rp}.roles[{i}]"),
                        ErrorKind::OtherFramework {
                            item: enum_name(role),
                        },
                    );
                }
            }
            for (i, id) in rule.duties.iter().enumerate() {
                match q.duties.iter().find(|d| d.id == *id) {
                    None => self.push(
                        format!("{rp}.duties[{i}]"),
                        ErrorKind::UnknownDuty { duty: id.clone() },
                    ),
                    Some(d) if d.framework != rule.framework => self.push(
                        format!("{rp}.duties[{i}]"),
                        ErrorKind::OtherFramework { item: id.clone() },
                    ),
                    Some(_) => {}
                }
            }
            if let Some(d) = &rule.duties_from {
                self.date(format!("{rp}.duties_from"), d);
            }
        }

        for (i, r) in q.replaced.iter().enumerate() {
            if order.contains_key(r.question.as_str()) {
                self.push(
                    format!("replaced[{i}].question"),
                    ErrorKind::DuplicateId {
                        id: r.question.clone(),
                    },
                );
            }
            if !order.contains_key(r.by.as_str()) {
                self.push(
                    format!("replaced[{i}].by"),
                    ErrorKind::UnknownQuestion {
                        question: r.by.clone(),
                    },
                );
            }
        }
        if let Some(d) = &q.legal_as_of {
            self.date("legal_as_of".into(), d);
        }
        let mut check_ids = HashSet::new();
        for (ci, c) in q.consistency.iter().enumerate() {
            let cp = format!("consistency[{ci}]");
            self.id(format!("{cp}.id"), &c.id);
            if !check_ids.insert(c.id.as_str()) {
                self.push(
                    format!("{cp}.id"),
                    ErrorKind::DuplicateId { id: c.id.clone() },
                );
            }
            self.text(format!("{cp}.message"), &c.message);
            self.check_condition(
                &format!("{cp}.when"),
                &c.when,
                "",
                usize::MAX,
                &order,
                &kinds,
            );
        }
        let mut headline_ids = HashSet::new();
        for (hi, h) in q.headlines.iter().enumerate() {
            let hp = format!("headlines[{hi}]");
            self.id(format!("{hp}.id"), &h.id);
            if !headline_ids.insert(h.id.as_str()) {
                self.push(
                    format!("{hp}.id"),
                    ErrorKind::DuplicateId { id: h.id.clone() },
                );
            }
            self.text(format!("{hp}.question"), &h.question);
            if h.yes.is_empty() && h.no.is_empty() && h.unclear.is_empty() {
                self.push(format!("{hp}"), ErrorKind::EmptyCondition);
            }
            for (key, list) in [("yes", &h.yes), ("no", &h.no), ("unclear", &h.unclear)] {
                for (i, id) in list.iter().enumerate() {
                    let path = format!("{hp}.{key}[{i}]");
                    match q.triage.iter().find(|r| r.id == *id) {
                        None => self.push(path, ErrorKind::UnknownRule { rule: id.clone() }),
                        Some(r) if r.framework != h.framework => {
                            self.push(path, ErrorKind::OtherFramework { item: id.clone() })
                        }
                        Some(_) => {}
                    }
                }
            }
        }
        let mut duty_ids = HashSet::new();
        for (di, duty) in q.duties.iter().enumerate() {
            let dp = format!("duties[{di}]");
            self.id(format!("{dp}.id"), &duty.id);
            if !duty_ids.insert(duty.id.as_str()) {
                self.push(
                    format!("{dp}.id"),
                    ErrorKind::DuplicateId {
                        id: duty.id.clone(),
                    },
                );
            }
            if duty.roles.is_empty() {
                self.push(format!("{dp}.roles"), ErrorKind::NoRole);
            }
            for (i, role) in duty.roles.iter().enumerate() {
                if role.framework() != duty.framework {
                    self.push(
                        format!("{dp}.roles[{i}]"),
                        ErrorKind::OtherFramework {
                            item: enum_name(role),
                        },
                    );
                }
            }
            self.text(format!("{dp}.text"), &duty.text);
            self.optional_text(format!("{dp}.detail"), &duty.detail);
            self.optional_text(format!("{dp}.date_note"), &duty.date_note);
            if duty.sources.iter().all(|s| s.trim().is_empty()) {
                self.push(format!("{dp}.sources"), ErrorKind::MissingSource);
            }
            self.date(format!("{dp}.applies_from"), &duty.applies_from);
            if let Some(c) = &duty.when {
                self.check_condition(&format!("{dp}.when"), c, "", usize::MAX, &order, &kinds);
            }
            for (ti, t) in duty.transitions.iter().enumerate() {
                let tp = format!("{dp}.transitions[{ti}]");
                self.check_condition(
                    &format!("{tp}.when"),
                    &t.when,
                    "",
                    usize::MAX,
                    &order,
                    &kinds,
                );
                if let Some(d) = &t.applies_from {
                    self.date(format!("{tp}.applies_from"), d);
                }
                self.text(format!("{tp}.note"), &t.note);
            }
        }
    }

    fn date(&mut self, path: String, value: &str) {
        if !valid_date(value) {
            self.push(
                path,
                ErrorKind::BadDate {
                    value: value.to_string(),
                },
            );
        }
    }

    fn check_bands(&mut self, q: &Questionnaire) {
        if q.bands.len() < 2 {
            self.push(
                "bands",
                ErrorKind::BadBands {
                    reason: "at least two bands are needed".into(),
                },
            );
        }
        let mut ids = HashSet::new();
        let mut previous = f64::NEG_INFINITY;
        for (i, b) in q.bands.iter().enumerate() {
            let bp = format!("bands[{i}]");
            self.id(format!("{bp}.id"), &b.id);
            if !ids.insert(b.id.as_str()) {
                self.push(
                    format!("{bp}.id"),
                    ErrorKind::DuplicateId { id: b.id.clone() },
                );
            }
            self.text(format!("{bp}.label"), &b.label);
            self.optional_text(format!("{bp}.meaning"), &b.meaning);
            if !(b.max_score.is_finite()
                && b.max_score > previous
                && (0.0..=100.0).contains(&b.max_score))
            {
                self.push(
                    format!("{bp}.max_score"),
                    ErrorKind::BadBands {
                        reason: format!(
                            "max_score {} must lie in 0..=100 and be above the previous band's",
                            b.max_score
                        ),
                    },
                );
            }
            previous = b.max_score;
        }
        if let Some(last) = q.bands.last() {
            if last.max_score != 100.0 {
                self.push(
                    format!("bands[{}].max_score", q.bands.len() - 1),
                    ErrorKind::BadBands {
                        reason: "the last band must end at 100".into(),
                    },
                );
            }
        }
    }

    fn check_kind(&mut self, q: &Questionnaire, qp: &str, kind: &QuestionKind) {
        let list = match kind {
            QuestionKind::SingleChoice { options } | QuestionKind::MultiChoice { options } => {
                Some(("options", options))
            }
            QuestionKind::Scale { points } => Some(("points", points)),
            QuestionKind::YesNo { yes, no } => {
                self.scoring(
                    q,
                    &format!("{qp}.kind.yes"),
                    yes.concern,
                    yes.red_flag,
                    yes.recommendation.as_ref(),
                );
                self.scoring(
                    q,
                    &format!("{qp}.kind.no"),
                    no.concern,
                    no.red_flag,
                    no.recommendation.as_ref(),
                );
                None
            }
            _ => None,
        };
        let Some((name, options)) = list else { return };
        if options.len() < 2 {
            self.push(format!("{qp}.kind.{name}"), ErrorKind::NoOptions);
        }
        let mut ids = HashSet::new();
        for (oi, o) in options.iter().enumerate() {
            let op = format!("{qp}.kind.{name}[{oi}]");
            self.id(format!("{op}.id"), &o.id);
            if !ids.insert(o.id.as_str()) {
                self.push(
                    format!("{op}.id"),
                    ErrorKind::DuplicateId { id: o.id.clone() },
                );
            }
            self.text(format!("{op}.label"), &o.label);
            self.scoring(q, &op, o.concern, o.red_flag, o.recommendation.as_ref());
            if o.exclusive && !matches!(kind, QuestionKind::MultiChoice { .. }) {
                self.push(
                    format!("{op}.exclusive"),
                    ErrorKind::ExclusiveOutsideMultiChoice,
                );
            }
        }
    }

    fn scoring(
        &mut self,
        q: &Questionnaire,
        op: &str,
        concern: u8,
        red_flag: bool,
        rec: Option<&LocalText>,
    ) {
        if concern > q.max_concern {
            self.push(
                format!("{op}.concern"),
                ErrorKind::WeightOutOfRange {
                    value: concern as f64,
                    min: 0.0,
                    max: q.max_concern as f64,
                },
            );
        }
        if concern == 0 && (red_flag || rec.is_some()) {
            self.push(op.to_string(), ErrorKind::FlagWithoutConcern);
        }
        if let Some(r) = rec {
            self.text(format!("{op}.recommendation"), r);
        }
    }

    fn check_condition(
        &mut self,
        path: &str,
        cond: &Condition,
        own_id: &str,
        own_position: usize,
        order: &HashMap<&str, usize>,
        kinds: &HashMap<&str, (&QuestionKind, bool)>,
    ) {
        match cond {
            Condition::All(cs) | Condition::Any(cs) => {
                let key = if matches!(cond, Condition::All(_)) {
                    "all"
                } else {
                    "any"
                };
                if cs.is_empty() {
                    self.push(format!("{path}.{key}"), ErrorKind::EmptyCondition);
                }
                for (i, c) in cs.iter().enumerate() {
                    self.check_condition(
                        &format!("{path}.{key}[{i}]"),
                        c,
                        own_id,
                        own_position,
                        order,
                        kinds,
                    );
                }
            }
            Condition::Not(c) => self.check_condition(
                &format!("{path}.not"),
                c,
                own_id,
                own_position,
                order,
                kinds,
            ),
            Condition::Equals { .. } | Condition::AnyOf { .. } | Condition::AllOf { .. } => {
                let (key, question, values): (&str, &str, Vec<&str>) = match cond {
                    Condition::Equals { question, value } => ("equals", question, vec![value]),
                    Condition::AnyOf { question, values } => (
                        "any_of",
                        question,
                        values.iter().map(String::as_str).collect(),
                    ),
                    Condition::AllOf { question, values } => (
                        "all_of",
                        question,
                        values.iter().map(String::as_str).collect(),
                    ),
                    _ => unreachable!("matched leaf kinds above"),
                };
                let lp = format!("{path}.{key}");
                if values.is_empty() {
                    self.push(lp.clone(), ErrorKind::EmptyCondition);
                }
                if question == own_id {
                    self.push(
                        lp,
                        ErrorKind::SelfReference {
                            question: question.to_string(),
                        },
                    );
                    return;
                }
                let Some(&pos) = order.get(question) else {
                    self.push(
                        lp,
                        ErrorKind::UnknownQuestion {
                            question: question.to_string(),
                        },
                    );
                    return;
                };
                if pos > own_position {
                    self.push(
                        lp.clone(),
                        ErrorKind::ForwardReference {
                            question: question.to_string(),
                        },
                    );
                }
                let (kind, scored) = kinds[question];
                if !kind.is_choice() {
                    self.push(
                        lp,
                        ErrorKind::ConditionOnNonChoice {
                            question: question.to_string(),
                        },
                    );
                    return;
                }
                let options = kind.options();
                for v in values {
                    let dont_know_ok = scored && v == DONT_KNOW_VALUE;
                    if !dont_know_ok && !options.iter().any(|o| o.id == v) {
                        self.push(
                            lp.clone(),
                            ErrorKind::UnknownOption {
                                question: question.to_string(),
                                option: v.to_string(),
                            },
                        );
                    }
                }
            }
        }
    }
}
