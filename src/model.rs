//! The questionnaire model: plain serde data, loaded from `questionnaires/*.json`.
//!
//! A [`Questionnaire`] has [`Section`]s of [`Question`]s. The kind of a question is a closed
//! enum ([`QuestionKind`]); choice options ([`Choice`]) carry a concern weight, an optional red
//! flag and an optional recommendation. Every user-facing string is a [`LocalText`]: a map from
//! locale to text, where `"en"` is required.
//!
//! Nothing here knows about answers or the browser. Validation lives in [`crate::validate`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use crate::t;

/// The locale every text must have.
pub const DEFAULT_LOCALE: &str = "en";

/// A user-facing text in one or more locales, e.g. `{"en": "Purpose", "nl": "Doel"}`.
// Held as a short list of (locale, text) pairs rather than a map: a text has one or two locales,
// and the browser's wasm then carries no map code for it (2.6 KB of brotli). In JSON and in the
// binary form it is a map; a repeated locale keeps its last text, as a map would.
#[derive(Debug, Clone, PartialEq, Eq, Default, JsonSchema)]
#[serde(transparent)]
pub struct LocalText(#[schemars(with = "BTreeMap<String, String>")] pub Vec<(String, String)>);

impl Serialize for LocalText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl<'de> Deserialize<'de> for LocalText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Texts;
        impl<'de> serde::de::Visitor<'de> for Texts {
            type Value = LocalText;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("texts by locale, such as {\"en\": \"…\"}")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<LocalText, A::Error> {
                let mut out: Vec<(String, String)> = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, String>()? {
                    match out.iter_mut().find(|(l, _)| *l == k) {
                        Some(slot) => slot.1 = v,
                        None => out.push((k, v)),
                    }
                }
                Ok(LocalText(out))
            }
        }
        d.deserialize_map(Texts)
    }
}

impl LocalText {
    /// An English-only text (used by tests and generated content).
    pub fn en(text: &str) -> Self {
        LocalText(vec![(DEFAULT_LOCALE.to_string(), text.to_string())])
    }

    fn lookup(&self, locale: &str) -> Option<&String> {
        self.0.iter().find(|(l, _)| l == locale).map(|(_, t)| t)
    }

    /// The text in `locale`, falling back to English, then to the empty string.
    pub fn get(&self, locale: &str) -> &str {
        self.lookup(locale)
            .filter(|s| !s.trim().is_empty())
            .or_else(|| self.lookup(DEFAULT_LOCALE))
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether [`LocalText::get`] in `locale` falls back to English.
    pub fn is_fallback_in(&self, locale: &str) -> bool {
        locale != DEFAULT_LOCALE
            && self.lookup(locale).is_none_or(|s| s.trim().is_empty())
            && self.has_english()
    }

    /// Whether a non-blank English text is present.
    pub fn has_english(&self) -> bool {
        self.lookup(DEFAULT_LOCALE)
            .is_some_and(|s| !s.trim().is_empty())
    }
}

/// A complete questionnaire file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Questionnaire {
    /// Stable identifier, e.g. `"elsa-starter"`. Assessments refer to it.
    pub id: String,
    /// Semantic version of the content, e.g. `"1.0.0"`.
    pub version: String,
    pub title: LocalText,
    #[serde(default)]
    pub description: LocalText,
    /// In an author's file: the bundled questionnaire this one extends with more sections (see
    /// [`crate::extend`]); `max_concern` and `bands` may then be left out. Always `None` once
    /// resolved: the resolved questionnaire holds the base's sections itself.
    #[serde(default)]
    pub extends: Option<Base>,
    /// In a resolved questionnaire: the bundled questionnaire it was made from by `extends`
    /// (shown to readers; nothing depends on it).
    #[serde(default)]
    pub extended_from: Option<Base>,
    /// The highest concern weight an option may carry (options run from 0 = no concern up to
    /// this). Required, unless the file `extends` another questionnaire (then it is the base's).
    #[serde(default)]
    pub max_concern: u8,
    /// Level bands, in ascending order of `max_score`; the last must end at 100. Required,
    /// unless the file `extends` another questionnaire (then the base's, when left out).
    #[serde(default)]
    pub bands: Vec<Band>,
    pub sections: Vec<Section>,
    /// The date (`YYYY-MM-DD`) the legal content (triage rules and duties) was last checked
    /// against the law. Shown with the triage and in the report's methodology.
    #[serde(default)]
    pub legal_as_of: Option<String>,
    /// Rule-based legal triage: conclusions drawn from the answers (indicative, not legal advice).
    #[serde(default)]
    pub triage: Vec<TriageRule>,
    /// The legal duties the triage rules can give, each binding a role from a date.
    #[serde(default)]
    pub duties: Vec<Duty>,
    /// Questions of earlier versions that this version asks elsewhere (merged), so that their
    /// kept answers can say where the topic went.
    #[serde(default)]
    pub replaced: Vec<Replacement>,
    /// Consistency checks: answers that contradict each other ("the tool only gives general
    /// information" and "it decides who gets care"). Shown on the results page and in the report.
    /// (Kept last, with `headlines`: the binary layout 5 adds them at the end, see
    /// [`crate::bundled::decode_bin`].)
    #[serde(default)]
    pub consistency: Vec<ConsistencyCheck>,
    /// The legal headline of the report's decision summary: per question a reader asks
    /// ("High-risk AI system?"), the triage rules that answer it yes, no or unclear.
    #[serde(default)]
    pub headlines: Vec<Headline>,
}

/// Answers that contradict each other: when `when` holds, `message` asks the team to check them.
/// The questions it names are those of its condition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsistencyCheck {
    pub id: String,
    pub when: Condition,
    /// What contradicts what, in plain words, and what to check.
    pub message: LocalText,
}

/// One line of the legal headline: a question about a framework, answered by the triage rules
/// that fired. `yes` wins over `unclear`, `unclear` over `no`; when none fired, the answers do
/// not settle it yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Headline {
    pub id: String,
    pub framework: Framework,
    /// The question, e.g. "High-risk AI system?".
    pub question: LocalText,
    /// Rule ids that answer it "yes".
    #[serde(default)]
    pub yes: Vec<String>,
    /// Rule ids that answer it "no".
    #[serde(default)]
    pub no: Vec<String>,
    /// Rule ids that leave it unclear.
    #[serde(default)]
    pub unclear: Vec<String>,
}

/// A questionnaire named by id and version (the base of an extension).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Base {
    pub id: String,
    pub version: String,
}

/// A question of an earlier version and the question of this version that now covers it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Replacement {
    /// The id the question had (no longer in this version).
    pub question: String,
    /// The id of the question that now covers its topic.
    pub by: String,
}

/// The PROGRESS-Plus dimensions (place of residence; race, ethnicity, culture and language;
/// occupation; gender; religion; education; socio-economic status; social capital; plus age,
/// disability, sexual orientation and time-dependent situations).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProgressPlus {
    PlaceOfResidence,
    RaceEthnicityCultureLanguage,
    Occupation,
    Gender,
    Religion,
    Education,
    SocioeconomicStatus,
    SocialCapital,
    Age,
    Disability,
    SexualOrientation,
    /// Time-dependent situations, such as a hospital stay, leaving care or unemployment.
    TimeDependent,
}

impl ProgressPlus {
    pub const ALL: [ProgressPlus; 12] = [
        ProgressPlus::PlaceOfResidence,
        ProgressPlus::RaceEthnicityCultureLanguage,
        ProgressPlus::Occupation,
        ProgressPlus::Gender,
        ProgressPlus::Religion,
        ProgressPlus::Education,
        ProgressPlus::SocioeconomicStatus,
        ProgressPlus::SocialCapital,
        ProgressPlus::Age,
        ProgressPlus::Disability,
        ProgressPlus::SexualOrientation,
        ProgressPlus::TimeDependent,
    ];

    pub fn label(self) -> String {
        match self {
            ProgressPlus::PlaceOfResidence => t!("Place of residence"),
            ProgressPlus::RaceEthnicityCultureLanguage => {
                t!("Race, ethnicity, culture and language")
            }
            ProgressPlus::Occupation => t!("Occupation"),
            ProgressPlus::Gender => t!("Gender"),
            ProgressPlus::Religion => t!("Religion"),
            ProgressPlus::Education => t!("Education"),
            ProgressPlus::SocioeconomicStatus => t!("Socio-economic status"),
            ProgressPlus::SocialCapital => t!("Social capital"),
            ProgressPlus::Age => t!("Age"),
            ProgressPlus::Disability => t!("Disability"),
            ProgressPlus::SexualOrientation => t!("Sexual orientation"),
            ProgressPlus::TimeDependent => t!("Time-dependent situations"),
        }
    }
}

/// The legal framework a triage conclusion belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Framework {
    EuAiAct,
    Gdpr,
    /// The Medical Devices Regulation and, for software that works on samples from the body,
    /// the In Vitro Diagnostic Medical Devices Regulation.
    Mdr,
    /// Dutch rules for public bodies: the General Administrative Law Act (Awb), the algorithm
    /// register and the human-rights impact assessment (IAMA).
    NlPublicSector,
}

impl Framework {
    /// Every framework, in the order the triage shows them.
    pub const ALL: [Framework; 4] = [
        Framework::EuAiAct,
        Framework::Gdpr,
        Framework::Mdr,
        Framework::NlPublicSector,
    ];

    pub fn label(self) -> String {
        match self {
            Framework::EuAiAct => t!("EU AI Act"),
            Framework::Gdpr => t!("GDPR"),
            Framework::Mdr => t!("MDR"),
            Framework::NlPublicSector => t!("Dutch public sector"),
        }
    }
}

/// What a triage rule finds about its framework.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Default,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Finding {
    /// The framework (or a part of it) applies: a classification, a role or a duty follows.
    #[default]
    Applies,
    /// Checked and found not to apply ("not an AI system, because …").
    NotApplicable,
    /// The answers do not settle it, usually because of a "Don't know".
    Unclear,
}

/// The role an organisation holds under a framework; duties bind roles.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// EU AI Act art. 3(3): develops an AI system (or has it developed) and places it on the
    /// market or puts it into service under its own name, also for its own use.
    AiProvider,
    /// EU AI Act art. 3(4): uses an AI system under its authority.
    AiDeployer,
    /// GDPR art. 4(7): decides on the purposes and means of the processing.
    Controller,
    /// GDPR art. 26: decides on them together with another controller.
    JointController,
    /// GDPR art. 4(8): processes personal data on behalf of a controller.
    Processor,
    /// MDR art. 2(30): makes a device and markets it under its own name.
    Manufacturer,
    /// MDR art. 5(5): a health institution that makes and uses a device in-house only.
    HealthInstitution,
    /// Uses a CE-marked device made by someone else.
    DeviceUser,
    /// A Dutch administrative authority (Awb art. 1:1).
    PublicAuthority,
}

impl Role {
    pub const ALL: [Role; 9] = [
        Role::AiProvider,
        Role::AiDeployer,
        Role::Controller,
        Role::JointController,
        Role::Processor,
        Role::Manufacturer,
        Role::HealthInstitution,
        Role::DeviceUser,
        Role::PublicAuthority,
    ];

    /// The framework the role belongs to.
    pub fn framework(self) -> Framework {
        match self {
            Role::AiProvider | Role::AiDeployer => Framework::EuAiAct,
            Role::Controller | Role::JointController | Role::Processor => Framework::Gdpr,
            Role::Manufacturer | Role::HealthInstitution | Role::DeviceUser => Framework::Mdr,
            Role::PublicAuthority => Framework::NlPublicSector,
        }
    }

    pub fn label(self) -> String {
        match self {
            Role::AiProvider => t!("provider"),
            Role::AiDeployer => t!("deployer"),
            Role::Controller => t!("controller"),
            Role::JointController => t!("joint controller"),
            Role::Processor => t!("processor"),
            Role::Manufacturer => t!("manufacturer"),
            Role::HealthInstitution => t!("health institution making an in-house device"),
            Role::DeviceUser => t!("user of a CE-marked device"),
            Role::PublicAuthority => t!("public authority"),
        }
    }
}

/// A legal duty: what a role must do, under which source, from which date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Duty {
    pub id: String,
    pub framework: Framework,
    /// The roles it binds (at least one, all of `framework`).
    pub roles: Vec<Role>,
    /// A short imperative, e.g. "Keep the logs for at least six months".
    pub text: LocalText,
    /// One or two sentences more, if needed.
    #[serde(default)]
    pub detail: LocalText,
    /// The articles it rests on, e.g. `"EU AI Act art. 26(6)"` (at least one).
    pub sources: Vec<String>,
    /// The date (`YYYY-MM-DD`) it applies from.
    pub applies_from: String,
    /// Where the date comes from, when it is not plain (an amendment, a transition).
    #[serde(default)]
    pub date_note: LocalText,
    /// Another date (or none) when a condition holds: the first that holds wins. Used for
    /// transitional rules, such as systems already in use (EU AI Act art. 111).
    #[serde(default)]
    pub transitions: Vec<Transition>,
    /// Good practice or policy rather than a legal duty (e.g. the Dutch algorithm register).
    #[serde(default)]
    pub guidance: bool,
    /// Only when this also holds (e.g. registration only for public-authority deployers).
    #[serde(default)]
    pub when: Option<Condition>,
}

/// A transitional date of a [`Duty`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Transition {
    pub when: Condition,
    /// The date it applies from instead, or none: then it applies only once `note`'s event
    /// happens (e.g. a significant change to the system's design).
    #[serde(default)]
    pub applies_from: Option<String>,
    pub note: LocalText,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// How much a triage conclusion asks of the team.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Good to know; no extra legal duty follows.
    Info,
    /// A duty or a check follows (e.g. transparency duties, a DPIA).
    Attention,
    /// A heavy regime applies (high-risk AI, a notified body).
    High,
    /// The team should stop until it is cleared up, such as a possibly prohibited practice (EU AI
    /// Act art. 5). Counts as a red flag everywhere, and raises the overall level to the highest
    /// band. (Last: the binary layout keeps the earlier variants' numbers.)
    Stop,
}

/// A triage rule: when the condition holds, the conclusion is drawn, with the answers that made
/// the condition hold as its reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TriageRule {
    pub id: String,
    pub framework: Framework,
    pub severity: Severity,
    /// Whether the rule finds that (a part of) the framework applies, does not apply, or is unclear.
    #[serde(default)]
    pub finding: Finding,
    /// When it fires, it settles the framework: no other rule of the framework is drawn (e.g.
    /// "not an AI system"). Only for `not_applicable` findings.
    #[serde(default)]
    pub decisive: bool,
    pub when: Condition,
    /// The roles the team holds when the rule fires.
    #[serde(default)]
    pub roles: Vec<Role>,
    /// The ids of the duties that follow (each still needs its role to be held).
    #[serde(default)]
    pub duties: Vec<String>,
    /// The date its duties apply from, when it differs from each duty's own date (e.g. the
    /// high-risk duties of an Annex I system apply later than those of an Annex III one).
    #[serde(default)]
    pub duties_from: Option<String>,
    /// Starts with "Likely" or "Possibly", e.g. "Likely high-risk AI system (EU AI Act art. 6(1), Annex I)".
    pub conclusion: LocalText,
    /// What follows for the team, in one or two sentences.
    #[serde(default)]
    pub explanation: LocalText,
    #[serde(default)]
    pub references: Vec<String>,
}

/// A level band: section and overall scores up to and including `max_score` get this level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub id: String,
    /// Inclusive upper bound of the band, on the 0–100 concern scale.
    pub max_score: f64,
    pub label: LocalText,
    /// One sentence on what the level means for the project.
    #[serde(default)]
    pub meaning: LocalText,
}

/// The ELSA dimension a section belongs to.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    /// Project profile: fills the assessment metadata, never scored.
    Profile,
    Ethical,
    Legal,
    Societal,
    LowSes,
    CulturalPsychological,
    /// Legal triage: classification questions for the triage rules, never scored.
    Triage,
}

impl Dimension {
    pub fn is_scored(self) -> bool {
        !matches!(self, Dimension::Profile | Dimension::Triage)
    }

    pub fn label(self) -> String {
        match self {
            Dimension::Profile => t!("Profile"),
            Dimension::Ethical => t!("Ethical"),
            Dimension::Legal => t!("Legal"),
            Dimension::Societal => t!("Societal"),
            Dimension::LowSes => t!("Low-SES impact"),
            Dimension::CulturalPsychological => t!("Cultural-psychological"),
            Dimension::Triage => t!("Legal triage"),
        }
    }
}

/// The largest section weight a file may declare.
pub const MAX_SECTION_WEIGHT: f64 = 10.0;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: LocalText,
    #[serde(default)]
    pub intro: LocalText,
    pub dimension: Dimension,
    /// Weight of the section in the overall score (0 to 10). Ignored for profile sections.
    #[serde(default = "default_weight")]
    pub weight: f64,
    pub questions: Vec<Question>,
}

fn default_weight() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    pub text: LocalText,
    /// Help in light markdown: paragraphs, `-` lists, `*emphasis*`, `**strong**`, `[links](https://…)`.
    #[serde(default)]
    pub help: LocalText,
    /// Sources, cited by name and article, e.g. `"GDPR art. 35"`.
    #[serde(default)]
    pub references: Vec<String>,
    #[serde(default)]
    pub required: bool,
    /// Whether "Not applicable" is offered (it then needs a justification note).
    #[serde(default)]
    pub allow_na: bool,
    /// Free tags for authors and tools (not shown to users).
    #[serde(default)]
    pub tags: Vec<String>,
    /// The PROGRESS-Plus dimensions of health equity this question looks at.
    #[serde(default)]
    pub progress_plus: Vec<ProgressPlus>,
    /// Show the question only when this holds; conditions may refer only to earlier questions.
    #[serde(default)]
    pub show_if: Option<Condition>,
}

/// The closed set of question kinds. In JSON: `{"type": "single_choice", "options": [...]}`.
/// (Serialize and Deserialize are written by hand in [`crate::flat`]: the same JSON, far less
/// wasm than serde's buffering of internally tagged enums, and a fixed layout for the binary
/// form the browser loads.)
#[derive(Debug, Clone, PartialEq, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum QuestionKind {
    /// Pick one option.
    SingleChoice {
        options: Vec<Choice>,
    },
    /// Pick any number of options; the concern is that of the most concerning option picked.
    MultiChoice {
        options: Vec<Choice>,
    },
    /// A labelled scale, shown as a row of points; each point is an option.
    Scale {
        points: Vec<Choice>,
    },
    /// Yes or no, each with its own scoring.
    YesNo {
        #[serde(default)]
        yes: Scoring,
        #[serde(default)]
        no: Scoring,
    },
    ShortText,
    LongText,
    /// A calendar date, stored as `YYYY-MM-DD`.
    Date,
    /// A field of the assessment's metadata (project name, organisation, …).
    Profile {
        field: ProfileField,
    },
}

/// How an answer option weighs in the score.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    /// 0 = no concern, up to the questionnaire's `max_concern`.
    #[serde(default)]
    pub concern: u8,
    /// A serious problem on its own: raises the section to at least the second-highest band.
    #[serde(default)]
    pub red_flag: bool,
    /// A concrete action to take when this option is chosen.
    #[serde(default)]
    pub recommendation: Option<LocalText>,
}

/// An option of a choice or scale question.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub id: String,
    pub label: LocalText,
    /// 0 = no concern, up to the questionnaire's `max_concern`.
    #[serde(default)]
    pub concern: u8,
    /// A serious problem on its own: raises the section to at least the second-highest band.
    #[serde(default)]
    pub red_flag: bool,
    /// A concrete action to take when this option is chosen.
    #[serde(default)]
    pub recommendation: Option<LocalText>,
    /// Multiple choice only: an answer that excludes the others, such as "None of these".
    /// Picking it clears the other options; picking another option clears it.
    #[serde(default)]
    pub exclusive: bool,
}

/// The metadata fields a profile question can fill.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ProfileField {
    ProjectName,
    Organisation,
    Assessors,
    IntendedUse,
    IntendedUsers,
    ClinicalSetting,
    TargetPopulation,
    DataSources,
}

impl ProfileField {
    /// Long free text (a text area) rather than one line.
    pub fn is_long(self) -> bool {
        matches!(
            self,
            ProfileField::IntendedUse | ProfileField::TargetPopulation | ProfileField::DataSources
        )
    }
}

/// A visibility condition. In JSON: `{"equals": {"question": "q1", "value": "yes"}}`,
/// `{"any_of": {"question": "q1", "values": ["a", "b"]}}`,
/// `{"all_of": {"question": "q2", "values": ["a", "b"]}}`, `{"all": [...]}`, `{"any": [...]}`,
/// `{"not": {...}}`.
///
/// Values are option ids (`"yes"`/`"no"` for yes/no questions), or `"dont_know"` for a question
/// that offers "Don't know" (a scored question). For a multiple-choice question
/// `equals` and `any_of` hold when the option is among those picked, and `all_of` when all are.
/// A condition on a hidden or unanswered question is false.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    Equals {
        question: String,
        value: String,
    },
    AnyOf {
        question: String,
        values: Vec<String>,
    },
    AllOf {
        question: String,
        values: Vec<String>,
    },
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Every (question, values) leaf of the condition tree.
    pub fn leaves(&self) -> Vec<(&str, Vec<&str>)> {
        let mut out = Vec::new();
        self.collect_leaves(&mut out);
        out
    }

    fn collect_leaves<'a>(&'a self, out: &mut Vec<(&'a str, Vec<&'a str>)>) {
        match self {
            Condition::Equals { question, value } => out.push((question, vec![value.as_str()])),
            Condition::AnyOf { question, values } | Condition::AllOf { question, values } => {
                out.push((question, values.iter().map(String::as_str).collect()))
            }
            Condition::All(cs) | Condition::Any(cs) => {
                cs.iter().for_each(|c| c.collect_leaves(out))
            }
            Condition::Not(c) => c.collect_leaves(out),
        }
    }
}

/// Where a question sits.
#[derive(Debug, Clone, Copy)]
pub struct QuestionRef<'a> {
    pub section_index: usize,
    pub section: &'a Section,
    pub question: &'a Question,
}

impl QuestionKind {
    /// The options of a choice-like question, in order; yes/no gives `yes` then `no`.
    pub fn options(&self) -> Vec<ChoiceView<'_>> {
        match self {
            QuestionKind::SingleChoice { options: list }
            | QuestionKind::MultiChoice { options: list }
            | QuestionKind::Scale { points: list } => list.iter().map(ChoiceView::of).collect(),
            QuestionKind::YesNo { yes, no } => {
                vec![ChoiceView::yes_no(YES, yes), ChoiceView::yes_no(NO, no)]
            }
            _ => Vec::new(),
        }
    }

    /// Whether answers are option ids (choice, multiple choice, scale, yes/no).
    pub fn is_choice(&self) -> bool {
        matches!(
            self,
            QuestionKind::SingleChoice { .. }
                | QuestionKind::MultiChoice { .. }
                | QuestionKind::Scale { .. }
                | QuestionKind::YesNo { .. }
        )
    }

    /// The highest concern any option carries.
    pub fn max_concern(&self) -> u8 {
        self.options().iter().map(|o| o.concern).max().unwrap_or(0)
    }

    /// A short machine name of the kind, as in the JSON `type` field.
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::SingleChoice { .. } => "single_choice",
            QuestionKind::MultiChoice { .. } => "multi_choice",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::YesNo { .. } => "yes_no",
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText => "long_text",
            QuestionKind::Date => "date",
            QuestionKind::Profile { .. } => "profile",
        }
    }
}

/// The condition value that matches a "Don't know" answer.
pub const DONT_KNOW_VALUE: &str = "dont_know";

/// The option id of "yes" in a yes/no question.
pub const YES: &str = "yes";
/// The option id of "no" in a yes/no question.
pub const NO: &str = "no";

/// A borrowed view of one option, uniform over the choice kinds.
#[derive(Debug, Clone, Copy)]
pub struct ChoiceView<'a> {
    pub id: &'a str,
    /// `None` for yes/no, whose labels come from the UI's own strings.
    pub label: Option<&'a LocalText>,
    pub concern: u8,
    pub red_flag: bool,
    pub recommendation: Option<&'a LocalText>,
    pub exclusive: bool,
}

impl<'a> ChoiceView<'a> {
    fn of(c: &'a Choice) -> Self {
        ChoiceView {
            id: &c.id,
            label: Some(&c.label),
            concern: c.concern,
            red_flag: c.red_flag,
            recommendation: c.recommendation.as_ref(),
            exclusive: c.exclusive,
        }
    }

    fn yes_no(id: &'a str, s: &'a Scoring) -> Self {
        ChoiceView {
            id,
            label: None,
            concern: s.concern,
            red_flag: s.red_flag,
            recommendation: s.recommendation.as_ref(),
            exclusive: false,
        }
    }

    pub fn label_in(&self, locale: &str) -> String {
        match self.label {
            Some(t) => t.get(locale).to_string(),
            None if self.id == YES => t!("Yes"),
            None => t!("No"),
        }
    }
}

impl Questionnaire {
    /// Every question in document order with its section.
    pub fn questions(&self) -> impl Iterator<Item = QuestionRef<'_>> {
        self.sections
            .iter()
            .enumerate()
            .flat_map(|(section_index, section)| {
                section.questions.iter().map(move |question| QuestionRef {
                    section_index,
                    section,
                    question,
                })
            })
    }

    pub fn question(&self, id: &str) -> Option<QuestionRef<'_>> {
        self.questions().find(|q| q.question.id == id)
    }

    pub fn section(&self, id: &str) -> Option<(usize, &Section)> {
        self.sections.iter().enumerate().find(|(_, s)| s.id == id)
    }

    /// Whether "Don't know" is offered: every choice-like question outside the project profile.
    pub fn offers_dont_know(section: &Section, question: &Question) -> bool {
        section.dimension != Dimension::Profile && question.kind.is_choice()
    }

    /// Whether a question is scored: a choice-like question in a scored section.
    pub fn is_scored(section: &Section, question: &Question) -> bool {
        section.dimension.is_scored() && question.kind.is_choice()
    }

    /// The band index for a score (0 = lowest concern). Scores above every band get the last.
    pub fn band_index(&self, score: f64) -> usize {
        self.bands
            .iter()
            .position(|b| score <= b.max_score + 1e-9)
            .unwrap_or(self.bands.len().saturating_sub(1))
    }

    /// The band index a red flag raises a level to at least: the second-highest band.
    pub fn red_flag_floor(&self) -> usize {
        self.bands.len().saturating_sub(2)
    }
}
