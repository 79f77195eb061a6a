//! Hand-written `Deserialize` for the two internally tagged enums, [`QuestionKind`] and
//! [`Answer`]. The JSON format is exactly the derived one (`{"type": "...", ...fields}`, unknown
//! fields rejected), but the object is read once into a flat struct instead of being buffered
//! and re-read, which serde does for internally tagged enums and which costs about 5 KB of
//! brotli in the browser's wasm.
//!
//! Their `Serialize`, and that of [`Response`] and [`Assessment`], write the same JSON as
//! derived ones would, and a fixed layout for a binary format (postcard: the questionnaire's
//! binary form and the report worker's messages). A binary format has no field names, so it
//! reads every field in order: the flat struct with every field, and no field left out (JSON
//! leaves out empty ones; the binary form writes them).

use crate::answers::{Answer, Assessment, Response};
use crate::model::{Choice, ProfileField, QuestionKind, Scoring};
use serde::de::Error;
use serde::ser::{SerializeMap, SerializeStruct};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Deserialize, Serialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum KindTag {
    SingleChoice,
    MultiChoice,
    Scale,
    YesNo,
    ShortText,
    LongText,
    Date,
    Profile,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKind {
    #[serde(rename = "type")]
    tag: KindTag,
    options: Option<Vec<Choice>>,
    points: Option<Vec<Choice>>,
    yes: Option<Scoring>,
    no: Option<Scoring>,
    field: Option<ProfileField>,
}

/// Fail when a field is present that the type does not take.
fn none<E: Error, T>(value: &Option<T>, field: &str, ty: &str) -> Result<(), E> {
    match value {
        Some(_) => Err(E::custom(format!(
            "unknown field `{field}` for a question of type `{ty}`"
        ))),
        None => Ok(()),
    }
}

fn some<E: Error, T>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

/// [`RawKind`] for writing: every field in a fixed order, as a binary format needs.
#[derive(Serialize)]
struct RawKindRef<'a> {
    tag: KindTag,
    options: Option<&'a Vec<Choice>>,
    points: Option<&'a Vec<Choice>>,
    yes: Option<&'a Scoring>,
    no: Option<&'a Scoring>,
    field: Option<ProfileField>,
}

impl Serialize for QuestionKind {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut raw = RawKindRef {
            tag: KindTag::ShortText,
            options: None,
            points: None,
            yes: None,
            no: None,
            field: None,
        };
        let name = match self {
            QuestionKind::SingleChoice { options } => {
                raw.tag = KindTag::SingleChoice;
                raw.options = Some(options);
                "single_choice"
            }
            QuestionKind::MultiChoice { options } => {
                raw.tag = KindTag::MultiChoice;
                raw.options = Some(options);
                "multi_choice"
            }
            QuestionKind::Scale { points } => {
                raw.tag = KindTag::Scale;
                raw.points = Some(points);
                "scale"
            }
            QuestionKind::YesNo { yes, no } => {
                raw.tag = KindTag::YesNo;
                raw.yes = Some(yes);
                raw.no = Some(no);
                "yes_no"
            }
            QuestionKind::ShortText => "short_text",
            QuestionKind::LongText => {
                raw.tag = KindTag::LongText;
                "long_text"
            }
            QuestionKind::Date => {
                raw.tag = KindTag::Date;
                "date"
            }
            QuestionKind::Profile { field } => {
                raw.tag = KindTag::Profile;
                raw.field = Some(*field);
                "profile"
            }
        };
        if !s.is_human_readable() {
            return raw.serialize(s);
        }
        // JSON: `{"type": "...", ...the fields of the kind}`.
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", name)?;
        if let Some(v) = raw.options {
            m.serialize_entry("options", v)?;
        }
        if let Some(v) = raw.points {
            m.serialize_entry("points", v)?;
        }
        if let Some(v) = raw.yes {
            m.serialize_entry("yes", v)?;
        }
        if let Some(v) = raw.no {
            m.serialize_entry("no", v)?;
        }
        if let Some(v) = raw.field {
            m.serialize_entry("field", &v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for QuestionKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = RawKind::deserialize(d)?;
        let ty = match r.tag {
            KindTag::SingleChoice => "single_choice",
            KindTag::MultiChoice => "multi_choice",
            KindTag::Scale => "scale",
            KindTag::YesNo => "yes_no",
            KindTag::ShortText => "short_text",
            KindTag::LongText => "long_text",
            KindTag::Date => "date",
            KindTag::Profile => "profile",
        };
        let uses_options = matches!(r.tag, KindTag::SingleChoice | KindTag::MultiChoice);
        if !uses_options {
            none(&r.options, "options", ty)?;
        }
        if !matches!(r.tag, KindTag::Scale) {
            none(&r.points, "points", ty)?;
        }
        if !matches!(r.tag, KindTag::YesNo) {
            none(&r.yes, "yes", ty)?;
            none(&r.no, "no", ty)?;
        }
        if !matches!(r.tag, KindTag::Profile) {
            none(&r.field, "field", ty)?;
        }
        Ok(match r.tag {
            KindTag::SingleChoice => QuestionKind::SingleChoice {
                options: some(r.options, "options")?,
            },
            KindTag::MultiChoice => QuestionKind::MultiChoice {
                options: some(r.options, "options")?,
            },
            KindTag::Scale => QuestionKind::Scale {
                points: some(r.points, "points")?,
            },
            KindTag::YesNo => QuestionKind::YesNo {
                yes: r.yes.unwrap_or_default(),
                no: r.no.unwrap_or_default(),
            },
            KindTag::ShortText => QuestionKind::ShortText,
            KindTag::LongText => QuestionKind::LongText,
            KindTag::Date => QuestionKind::Date,
            KindTag::Profile => QuestionKind::Profile {
                field: some(r.field, "field")?,
            },
        })
    }
}

#[derive(Deserialize, Serialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum AnswerTag {
    Choice,
    Choices,
    Text,
    Date,
    DontKnow,
    NotApplicable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAnswer {
    #[serde(rename = "type")]
    tag: AnswerTag,
    id: Option<String>,
    ids: Option<Vec<String>>,
    value: Option<String>,
}

impl<'de> Deserialize<'de> for Answer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let r = RawAnswer::deserialize(d)?;
        let ty = match r.tag {
            AnswerTag::Choice => "choice",
            AnswerTag::Choices => "choices",
            AnswerTag::Text => "text",
            AnswerTag::Date => "date",
            AnswerTag::DontKnow => "dont_know",
            AnswerTag::NotApplicable => "not_applicable",
        };
        if !matches!(r.tag, AnswerTag::Choice) {
            none(&r.id, "id", ty)?;
        }
        if !matches!(r.tag, AnswerTag::Choices) {
            none(&r.ids, "ids", ty)?;
        }
        if !matches!(r.tag, AnswerTag::Text | AnswerTag::Date) {
            none(&r.value, "value", ty)?;
        }
        Ok(match r.tag {
            AnswerTag::Choice => Answer::Choice {
                id: some(r.id, "id")?,
            },
            AnswerTag::Choices => Answer::Choices {
                ids: some(r.ids, "ids")?,
            },
            AnswerTag::Text => Answer::Text {
                value: some(r.value, "value")?,
            },
            AnswerTag::Date => Answer::Date {
                value: some(r.value, "value")?,
            },
            AnswerTag::DontKnow => Answer::DontKnow,
            AnswerTag::NotApplicable => Answer::NotApplicable,
        })
    }
}

/// [`RawAnswer`] for writing: every field in a fixed order, as a binary format needs.
#[derive(Serialize)]
struct RawAnswerRef<'a> {
    tag: AnswerTag,
    id: Option<&'a String>,
    ids: Option<&'a Vec<String>>,
    value: Option<&'a String>,
}

impl Serialize for Answer {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut raw = RawAnswerRef {
            tag: AnswerTag::DontKnow,
            id: None,
            ids: None,
            value: None,
        };
        match self {
            Answer::Choice { id } => {
                raw.tag = AnswerTag::Choice;
                raw.id = Some(id);
            }
            Answer::Choices { ids } => {
                raw.tag = AnswerTag::Choices;
                raw.ids = Some(ids);
            }
            Answer::Text { value } => {
                raw.tag = AnswerTag::Text;
                raw.value = Some(value);
            }
            Answer::Date { value } => {
                raw.tag = AnswerTag::Date;
                raw.value = Some(value);
            }
            Answer::DontKnow => {}
            Answer::NotApplicable => raw.tag = AnswerTag::NotApplicable,
        }
        if !s.is_human_readable() {
            return raw.serialize(s);
        }
        // JSON: `{"type": "...", ...the fields of the answer}`.
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("type", &raw.tag)?;
        if let Some(v) = raw.id {
            m.serialize_entry("id", v)?;
        }
        if let Some(v) = raw.ids {
            m.serialize_entry("ids", v)?;
        }
        if let Some(v) = raw.value {
            m.serialize_entry("value", v)?;
        }
        m.end()
    }
}

/// Write a field, or in JSON leave it out when `skip` (the derived `skip_serializing_if`, which
/// would leave it out of a binary format too).
fn field<S: SerializeStruct, T: Serialize + ?Sized>(
    st: &mut S,
    all: bool,
    skip: bool,
    key: &'static str,
    value: &T,
) -> Result<(), S::Error> {
    if all || !skip {
        st.serialize_field(key, value)
    } else {
        st.skip_field(key)
    }
}

impl Serialize for Response {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let all = !s.is_human_readable();
        let mut st = s.serialize_struct("Response", 2)?;
        field(&mut st, all, self.answer.is_none(), "answer", &self.answer)?;
        field(&mut st, all, self.note.is_empty(), "note", &self.note)?;
        st.end()
    }
}

impl Serialize for Assessment {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let all = !s.is_human_readable();
        let mut st = s.serialize_struct("Assessment", 10)?;
        st.serialize_field("id", &self.id)?;
        st.serialize_field("questionnaire_id", &self.questionnaire_id)?;
        st.serialize_field("questionnaire_version", &self.questionnaire_version)?;
        st.serialize_field("created", &self.created)?;
        st.serialize_field("modified", &self.modified)?;
        st.serialize_field("metadata", &self.metadata)?;
        st.serialize_field("responses", &self.responses)?;
        field(
            &mut st,
            all,
            self.last_section.is_none(),
            "last_section",
            &self.last_section,
        )?;
        field(&mut st, all, self.review.is_none(), "review", &self.review)?;
        field(
            &mut st,
            all,
            self.actions.is_empty(),
            "actions",
            &self.actions,
        )?;
        st.end()
    }
}
