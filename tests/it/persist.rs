use crate::common::*;
use elsa::answers::Assessment;
use elsa::model::ProfileField;
use elsa::persist::{decode, encode, PersistError, FORMAT_VERSION};

fn full(q: &elsa::model::Questionnaire) -> Assessment {
    let mut a = with(q, &[("role", "decides"), ("o1", "?"), ("o2", "na"), ("o3", "x+y"), ("o4", "t:Zoë “quoted” — ok"), ("when", "d:2026-11-29")]);
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

#[test]
fn stored_format_round_trip_and_version() {
    let q = mini();
    let a = full(&q);
    let text = encode(&a);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format_version"], FORMAT_VERSION);
    assert_eq!(v["assessment"]["questionnaire_id"], "mini");
    assert_eq!(decode(&text).unwrap(), a);
}

#[test]
fn decode_errors_are_clear() {
    assert!(matches!(decode("{not json"), Err(PersistError::NotJson(_))));
    assert!(matches!(decode("{\"hello\": 1}"), Err(PersistError::WrongShape(_))));
    assert!(matches!(decode("{\"format_version\": 1, \"assessment\": {\"id\": 3}}"), Err(PersistError::WrongShape(_))));
    let newer = "{\"format_version\": 99, \"assessment\": {}}";
    let e = decode(newer).unwrap_err();
    assert_eq!(e, PersistError::NewerFormat(99));
    assert!(e.to_string().contains("made by a newer version of this tool"));
}
