use crate::common::*;
use elsa::answers::Assessment;
use elsa::model::ProfileField;
use elsa::persist::{decode, encode, PersistError, FORMAT_VERSION};

fn full(q: &elsa::model::Questionnaire) -> Assessment {
    let mut a = with(
        q,
        &[
            ("role", "decides"),
            ("o1", "?"),
            ("o2", "na"),
            ("o3", "x+y"),
            ("o4", "t:Zoë “quoted” — ok"),
            ("when", "d:2026-11-29"),
        ],
    );
    a.set_note("o2", "Never applies here\nsecond line".into(), NOW);
    a.set_metadata(ProfileField::ProjectName, "Şükrü's project".into(), NOW);
    a.last_section = Some("oversight".into());
    a
}

#[test]
fn assessment_serde_round_trip() {
    let q = mini();
    let a = full(&q);
    let json = serde_json::to_string(&a).unwrap();
    let back: Assessment = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
}

/// The JSON is the one derived serializers wrote (files and browser storage depend on it): the
/// hand-written serializers leave out an empty note, a missing answer, the last section and the
/// review when there are none, and tag answers with `type`.
#[test]
fn assessment_json_is_unchanged_by_the_hand_written_serializers() {
    use elsa::answers::{Answer, Response};
    fn json<T: serde::Serialize>(value: &T) -> String {
        serde_json::to_string(value).unwrap()
    }
    for (answer, text) in [
        (ans("a"), r#"{"type":"choice","id":"a"}"#),
        (ans("x+y"), r#"{"type":"choices","ids":["x","y"]}"#),
        (ans("t:hi"), r#"{"type":"text","value":"hi"}"#),
        (
            ans("d:2026-01-01"),
            r#"{"type":"date","value":"2026-01-01"}"#,
        ),
        (Answer::DontKnow, r#"{"type":"dont_know"}"#),
        (Answer::NotApplicable, r#"{"type":"not_applicable"}"#),
    ] {
        assert_eq!(json(&answer), text);
    }
    assert_eq!(json(&Response::default()), "{}");
    assert_eq!(
        json(&Response {
            answer: None,
            note: "n".into()
        }),
        r#"{"note":"n"}"#
    );
    assert_eq!(
        json(&Response {
            answer: Some(Answer::DontKnow),
            note: String::new()
        }),
        r#"{"answer":{"type":"dont_know"}}"#
    );
    assert_eq!(
        json(&Response {
            answer: Some(ans("a")),
            note: "n".into()
        }),
        r#"{"answer":{"type":"choice","id":"a"},"note":"n"}"#
    );
    let mut a = fresh(&mini());
    a.set_answer("o1", Some(ans("a")), NOW);
    let head = r#"{"id":"test-1","questionnaire_id":"mini","questionnaire_version":"1.2.3","created":"2026-11-29T10:00:00.000Z","modified":"2026-11-29T10:00:00.000Z","metadata":{"project_name":"","organisation":"","assessors":"","intended_use":"","intended_users":"","clinical_setting":"","target_population":"","data_sources":""},"responses":{"o1":{"answer":{"type":"choice","id":"a"}}}"#;
    assert_eq!(json(&a), format!("{head}}}"));
    a.last_section = Some("oversight".into());
    a.set_review(Some(&elsa::review::Review::default()));
    let review = serde_json::to_string(&elsa::review::Review::default()).unwrap();
    assert_eq!(
        json(&a),
        format!(r#"{head},"last_section":"oversight","review":{review}}}"#)
    );
}

#[test]
fn stored_format_round_trip_and_version() {
    let q = mini();
    let a = full(&q);
    let text = encode(&a, elsa::i18n::Lang::En);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format_version"], FORMAT_VERSION);
    assert_eq!(v["format"], "elsa-assessment");
    assert_eq!(v["tool_version"], env!("CARGO_PKG_VERSION"));
    assert_eq!(v["questionnaire"]["id"], "mini");
    assert_eq!(v["questionnaire"]["version"], q.version.as_str());
    assert_eq!(v["assessment"]["questionnaire_id"], "mini");
    assert_eq!(decode(&text).unwrap(), a);
    assert_eq!(
        decode(&elsa::persist::encode_pretty(&a, elsa::i18n::Lang::En)).unwrap(),
        a,
        "the indented export reads back the same"
    );
}

#[test]
fn decode_errors_are_clear() {
    assert!(matches!(decode("{not json"), Err(PersistError::NotJson(_))));
    assert!(matches!(
        decode("{\"hello\": 1}"),
        Err(PersistError::WrongShape(_))
    ));
    assert!(matches!(
        decode("{\"format_version\": 1, \"assessment\": {\"id\": 3}}"),
        Err(PersistError::WrongShape(_))
    ));
    // Format 2 needs its name and a questionnaire that matches the assessment's.
    let mut v: serde_json::Value =
        serde_json::from_str(&encode(&full(&mini()), elsa::i18n::Lang::En)).unwrap();
    v["format"] = "something-else".into();
    assert!(matches!(
        decode(&v.to_string()),
        Err(PersistError::WrongShape(_))
    ));
    v["format"] = "elsa-assessment".into();
    v["questionnaire"]["version"] = "9.9.9".into();
    let e = decode(&v.to_string()).unwrap_err();
    assert!(e.to_string().contains("differs from the assessment"), "{e}");
    assert!(matches!(decode("{\"format_version\": 0, \"tool_version\": \"x\", \"assessment\": {\"id\": \"a\", \"questionnaire_id\": \"q\", \"questionnaire_version\": \"1\", \"created\": \"\", \"modified\": \"\"}}"), Err(PersistError::WrongShape(_))));
    let newer = "{\"format_version\": 99, \"assessment\": {}}";
    let e = decode(newer).unwrap_err();
    assert_eq!(e, PersistError::NewerFormat(99));
    assert!(e
        .to_string()
        .contains("made by a newer version of this tool"));
}

/// The hand-written deserializers read exactly the derived format: every variant round-trips,
/// and fields of another type or missing fields are rejected with a clear message.
#[test]
fn tagged_enums_round_trip_and_reject_stray_fields() {
    use elsa::answers::Answer;
    use elsa::model::QuestionKind;
    for a in [
        crate::common::ans("a"),
        crate::common::ans("x+y"),
        crate::common::ans("?"),
        crate::common::ans("na"),
        crate::common::ans("t:hi"),
        crate::common::ans("d:2026-01-01"),
    ] {
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Answer>(&json).unwrap(), a, "{json}");
    }
    for k in mini().questions().map(|r| r.question.kind.clone()) {
        let json = serde_json::to_string(&k).unwrap();
        assert_eq!(
            serde_json::from_str::<QuestionKind>(&json).unwrap(),
            k,
            "{json}"
        );
    }
    let bad = [
        (r#"{"type": "choice"}"#, "missing field `id`"),
        (
            r#"{"type": "dont_know", "id": "a"}"#,
            "unknown field `id` for a question of type `dont_know`",
        ),
        (r#"{"type": "maybe"}"#, "unknown variant `maybe`"),
        (
            r#"{"type": "text", "value": "x", "colour": 1}"#,
            "unknown field `colour`",
        ),
    ];
    for (json, msg) in bad {
        let e = serde_json::from_str::<Answer>(json)
            .unwrap_err()
            .to_string();
        assert!(e.contains(msg), "{json}: {e}");
    }
    let bad = [
        (r#"{"type": "single_choice"}"#, "missing field `options`"),
        (
            r#"{"type": "short_text", "options": []}"#,
            "unknown field `options` for a question of type `short_text`",
        ),
        (
            r#"{"type": "scale", "options": [], "points": []}"#,
            "unknown field `options`",
        ),
        (r#"{"type": "profile"}"#, "missing field `field`"),
        (
            r#"{"type": "yes_no", "field": "project_name"}"#,
            "unknown field `field`",
        ),
    ];
    for (json, msg) in bad {
        let e = serde_json::from_str::<QuestionKind>(json)
            .unwrap_err()
            .to_string();
        assert!(e.contains(msg), "{json}: {e}");
    }
}

/// Format 1 as tool 0.1.0 really wrote it (a file saved by that version, unchanged) reads back
/// migrated to the current format, with every answer, note and the profile intact.
#[test]
fn format_1_sample_migrates() {
    let text = include_str!("data/storage/v1-quick-scan.json");
    let raw: serde_json::Value = serde_json::from_str(text).unwrap();
    assert_eq!(raw["format_version"], 1, "the sample is a format-1 file");
    assert!(raw.get("format").is_none() && raw.get("questionnaire").is_none());
    let stored = elsa::persist::decode_stored(text).unwrap();
    assert_eq!(stored.format_version, FORMAT_VERSION);
    assert_eq!(stored.format, "elsa-assessment");
    assert_eq!(
        stored.tool_version, "0.1.0",
        "the tool that made it is remembered"
    );
    assert_eq!(stored.questionnaire.id, "elsa-quick-scan");
    assert_eq!(
        stored.questionnaire.version,
        raw["assessment"]["questionnaire_version"].as_str().unwrap()
    );
    let a = stored.assessment;
    // The assessment is the same data, field for field.
    assert_eq!(serde_json::to_value(&a).unwrap(), raw["assessment"]);
    assert_eq!(a.metadata.project_name, "Sepsis early warning (ICU)");
    assert!(a
        .responses
        .values()
        .any(|r| r.note.contains("🙂\nsecond line")));
    // It scores against the bundled questionnaire like any other assessment.
    let (all, _) = elsa::bundled::load_all();
    // Made with version 1.0.0, which this tool no longer has: reading it for the app moves it
    // to the newest version of the quick scan, with the same answers.
    assert!(elsa::bundled::find(&all, &a.questionnaire_id, &a.questionnaire_version).is_none());
    let current = elsa::persist::decode_current(text).unwrap();
    assert_eq!(current.responses, a.responses);
    assert_eq!(
        Some(current.questionnaire_version.as_str()),
        elsa::bundled::info_newest("elsa-quick-scan").map(|i| i.version)
    );
    let q = elsa::bundled::find(
        &all,
        &current.questionnaire_id,
        &current.questionnaire_version,
    )
    .unwrap();
    let a = current;
    assert!(elsa::answers::removed_answers(q, &a).is_empty());
    assert!(elsa::scoring::score(q, &a).overall.is_some());
    // Saved again, it is written in the current format and reads back the same.
    let again = encode(&a, elsa::i18n::Lang::En);
    assert_eq!(decode(&again).unwrap(), a);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&again).unwrap()["format_version"],
        FORMAT_VERSION
    );
}

/// A file records the language it is written in, given by the caller (the interface's language
/// in the app, the report's in the worker): never read from a global.
#[test]
fn a_file_records_the_language_it_is_given() {
    let a = fresh(&mini());
    assert_eq!(elsa::i18n::lang(), elsa::i18n::Lang::En);
    let nl = elsa::persist::encode(&a, elsa::i18n::Lang::Nl);
    assert_eq!(
        elsa::persist::recorded_language(&nl),
        Some(elsa::i18n::Lang::Nl)
    );
    let en = elsa::i18n::with_lang(elsa::i18n::Lang::Nl, || {
        elsa::persist::encode_pretty(&a, elsa::i18n::Lang::En)
    });
    assert_eq!(
        elsa::persist::recorded_language(&en),
        Some(elsa::i18n::Lang::En)
    );
    assert_eq!(
        decode(&nl).unwrap(),
        a,
        "the language is no part of the answers"
    );
}
