//! Hand-written `Deserialize` for the two internally tagged enums, [`QuestionKind`] and
//! [`Answer`]. The JSON format is exactly the derived one (`{"type": "...", ...fields}`, unknown
//! fields rejected), but the object is read once into a flat struct instead of being buffered
//! and re-read, which serde does for internally tagged enums and which costs about 5 KB of
//! brotli in the browser's wasm.

use crate::answers::Answer;
use crate::model::{Choice, ProfileField, QuestionKind, Scoring};
use serde::de::Error;
use serde::ser::SerializeMap;
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
        Some(_) => Err(E::custom(format!("unknown field `{field}` for a question of type `{ty}`"))),
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
        let mut raw = RawKindRef { tag: KindTag::ShortText, options: None, points: None, yes: None, no: None, field: None };
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
            KindTag::SingleChoice => QuestionKind::SingleChoice { options: some(r.options, "options")? },
            KindTag::MultiChoice => QuestionKind::MultiChoice { options: some(r.options, "options")? },
            KindTag::Scale => QuestionKind::Scale { points: some(r.points, "points")? },
            KindTag::YesNo => QuestionKind::YesNo { yes: r.yes.unwrap_or_default(), no: r.no.unwrap_or_default() },
            KindTag::ShortText => QuestionKind::ShortText,
            KindTag::LongText => QuestionKind::LongText,
            KindTag::Date => QuestionKind::Date,
            KindTag::Profile => QuestionKind::Profile { field: some(r.field, "field")? },
        })
    }
}

#[derive(Deserialize)]
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
            AnswerTag::Choice => Answer::Choice { id: some(r.id, "id")? },
            AnswerTag::Choices => Answer::Choices { ids: some(r.ids, "ids")? },
            AnswerTag::Text => Answer::Text { value: some(r.value, "value")? },
            AnswerTag::Date => Answer::Date { value: some(r.value, "value")? },
            AnswerTag::DontKnow => Answer::DontKnow,
            AnswerTag::NotApplicable => Answer::NotApplicable,
        })
    }
}
