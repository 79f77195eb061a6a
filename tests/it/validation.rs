//! Every validation error kind, each from a small mutation of a valid file.
use crate::common::MINI;
use elsa::validate::{load_questionnaire, ErrorKind};
use serde_json::{json, Value};

fn mutate(f: impl FnOnce(&mut Value)) -> String {
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    f(&mut v);
    v.to_string()
}

/// Load a mutated fixture and check that exactly the expected (path, kind) errors come back.
fn check(f: impl FnOnce(&mut Value), expected: &[(&str, ErrorKind)]) {
    let errors = load_questionnaire(&mutate(f)).expect_err("mutation should be rejected");
    let got: Vec<(String, ErrorKind)> = errors
        .iter()
        .map(|e| (e.path.clone(), e.kind.clone()))
        .collect();
    let want: Vec<(String, ErrorKind)> = expected
        .iter()
        .map(|(p, k)| (p.to_string(), k.clone()))
        .collect();
    assert_eq!(
        got,
        want,
        "errors: {}",
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn the_fixture_is_valid() {
    load_questionnaire(MINI).unwrap();
}

#[test]
fn duplicate_question_ids_across_sections() {
    check(
        |v| v["sections"][2]["questions"][2]["id"] = json!("o1"),
        &[(
            "sections[2].questions[2].id",
            ErrorKind::DuplicateId { id: "o1".into() },
        )],
    );
}

#[test]
fn duplicate_section_option_and_band_ids() {
    check(
        |v| {
            v["sections"][2]["id"] = json!("oversight");
            v["sections"][1]["questions"][0]["kind"]["options"][1]["id"] = json!("a");
            v["bands"][1]["id"] = json!("low");
        },
        &[
            ("bands[1].id", ErrorKind::DuplicateId { id: "low".into() }),
            (
                "sections[1].questions[0].kind.options[1].id",
                ErrorKind::DuplicateId { id: "a".into() },
            ),
            (
                "sections[2].id",
                ErrorKind::DuplicateId {
                    id: "oversight".into(),
                },
            ),
        ],
    );
}

#[test]
fn bad_ids() {
    check(
        |v| v["sections"][1]["questions"][3]["id"] = json!("has space"),
        &[(
            "sections[1].questions[3].id",
            ErrorKind::BadId {
                id: "has space".into(),
            },
        )],
    );
}

#[test]
fn condition_on_unknown_question() {
    check(
        |v| {
            v["sections"][1]["questions"][4]["show_if"] =
                json!({"equals": {"question": "q-foo", "value": "a"}})
        },
        &[(
            "sections[1].questions[4].show_if.equals",
            ErrorKind::UnknownQuestion {
                question: "q-foo".into(),
            },
        )],
    );
}

#[test]
fn condition_on_unknown_option() {
    check(
        |v| {
            v["sections"][1]["questions"][4]["show_if"] =
                json!({"any_of": {"question": "role", "values": ["decides", "nope"]}})
        },
        &[(
            "sections[1].questions[4].show_if.any_of",
            ErrorKind::UnknownOption {
                question: "role".into(),
                option: "nope".into(),
            },
        )],
    );
}

#[test]
fn yes_no_conditions_take_yes_or_no_only() {
    check(
        |v| {
            v["sections"][2]["questions"][1]["show_if"] =
                json!({"equals": {"question": "l1", "value": "true"}})
        },
        &[(
            "sections[2].questions[1].show_if.equals",
            ErrorKind::UnknownOption {
                question: "l1".into(),
                option: "true".into(),
            },
        )],
    );
}

#[test]
fn condition_on_itself() {
    check(
        |v| {
            v["sections"][1]["questions"][4]["show_if"] =
                json!({"not": {"equals": {"question": "o5", "value": "p1"}}})
        },
        &[(
            "sections[1].questions[4].show_if.not.equals",
            ErrorKind::SelfReference {
                question: "o5".into(),
            },
        )],
    );
}

#[test]
fn condition_on_a_later_question() {
    check(
        |v| {
            v["sections"][1]["questions"][0]["show_if"] =
                json!({"all": [{"equals": {"question": "l1", "value": "yes"}}]})
        },
        &[(
            "sections[1].questions[0].show_if.all[0].equals",
            ErrorKind::ForwardReference {
                question: "l1".into(),
            },
        )],
    );
}

#[test]
fn condition_on_a_text_question() {
    check(
        |v| {
            v["sections"][1]["questions"][4]["show_if"] =
                json!({"equals": {"question": "o4", "value": "x"}})
        },
        &[(
            "sections[1].questions[4].show_if.equals",
            ErrorKind::ConditionOnNonChoice {
                question: "o4".into(),
            },
        )],
    );
}

#[test]
fn empty_conditions() {
    check(
        |v| v["sections"][1]["questions"][4]["show_if"] = json!({"any": []}),
        &[(
            "sections[1].questions[4].show_if.any",
            ErrorKind::EmptyCondition,
        )],
    );
}

#[test]
fn choice_question_without_options() {
    check(
        |v| v["sections"][1]["questions"][0]["kind"]["options"] = json!([]),
        &[(
            "sections[1].questions[0].kind.options",
            ErrorKind::NoOptions,
        )],
    );
}

#[test]
fn missing_english_text_everywhere_it_is_needed() {
    check(
        |v| {
            v["title"] = json!({"nl": "Alleen Nederlands"});
            v["sections"][1]["questions"][0]["text"] = json!({"en": "   "});
            v["sections"][1]["questions"][0]["kind"]["options"][2]["recommendation"] =
                json!({"nl": "Doe iets."});
        },
        &[
            ("title", ErrorKind::MissingEnglish),
            ("sections[1].questions[0].text", ErrorKind::MissingEnglish),
            (
                "sections[1].questions[0].kind.options[2].recommendation",
                ErrorKind::MissingEnglish,
            ),
        ],
    );
}

#[test]
fn weights_out_of_range() {
    check(
        |v| {
            v["sections"][1]["weight"] = json!(11);
            v["sections"][2]["questions"][0]["kind"]["no"]["concern"] = json!(5);
        },
        &[
            (
                "sections[1].weight",
                ErrorKind::WeightOutOfRange {
                    value: 11.0,
                    min: 0.0,
                    max: 10.0,
                },
            ),
            (
                "sections[2].questions[0].kind.no.concern",
                ErrorKind::WeightOutOfRange {
                    value: 5.0,
                    min: 0.0,
                    max: 4.0,
                },
            ),
        ],
    );
}

#[test]
fn empty_section() {
    check(
        |v| v["sections"][2]["questions"] = json!([]),
        &[("sections[2]", ErrorKind::EmptySection)],
    );
}

#[test]
fn no_scored_section() {
    check(
        |v| {
            let profile = v["sections"][0].clone();
            v["sections"] = json!([profile]);
        },
        &[("sections", ErrorKind::NoScoredSection)],
    );
}

#[test]
fn bad_version_and_bands() {
    check(
        |v| {
            v["version"] = json!("1.2");
            v["bands"][2]["max_score"] = json!(40);
            v["bands"][3]["max_score"] = json!(90);
        },
        &[
            (
                "version",
                ErrorKind::BadVersion {
                    version: "1.2".into(),
                },
            ),
            (
                "bands[2].max_score",
                ErrorKind::BadBands {
                    reason: "max_score 40 must lie in 0..=100 and be above the previous band's"
                        .into(),
                },
            ),
            (
                "bands[3].max_score",
                ErrorKind::BadBands {
                    reason: "the last band must end at 100".into(),
                },
            ),
        ],
    );
}

#[test]
fn duplicate_profile_field() {
    check(
        |v| v["sections"][0]["questions"][1]["kind"]["field"] = json!("project_name"),
        &[(
            "sections[0].questions[1].kind.field",
            ErrorKind::DuplicateProfileField {
                field: "project_name".into(),
            },
        )],
    );
}

#[test]
fn red_flag_or_recommendation_without_concern() {
    check(
        |v| v["sections"][1]["questions"][0]["kind"]["options"][0]["red_flag"] = json!(true),
        &[(
            "sections[1].questions[0].kind.options[0]",
            ErrorKind::FlagWithoutConcern,
        )],
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let errors = load_questionnaire(&mutate(|v| {
        v["version"] = json!("x");
        v["sections"][1]["questions"][0]["kind"]["options"] = json!([]);
        v["sections"][2]["questions"] = json!([]);
        v["sections"][1]["questions"][4]["show_if"] =
            json!({"equals": {"question": "ghost", "value": "a"}});
    }))
    .unwrap_err();
    assert_eq!(errors.len(), 4, "{errors:?}");
}

#[test]
fn syntax_errors_name_the_path() {
    let errors = load_questionnaire(&mutate(|v| {
        v["sections"][1]["questions"][2]["kind"]["type"] = json!("slider")
    }))
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].path, "sections[1].questions[2].kind.type");
    assert!(
        matches!(&errors[0].kind, ErrorKind::Syntax { message } if message.contains("slider")),
        "{:?}",
        errors[0]
    );

    let errors = load_questionnaire("{\"id\": ").unwrap_err();
    assert!(
        matches!(&errors[0].kind, ErrorKind::Syntax { message } if message.starts_with("not valid JSON"))
    );

    let errors =
        load_questionnaire(&mutate(|v| v["sections"][0]["colour"] = json!("red"))).unwrap_err();
    assert_eq!(errors[0].path, "sections[0].colour");
    assert!(errors[0].to_string().contains("colour"), "{}", errors[0]);
}

#[test]
fn display_has_path_message_line_and_column() {
    let mut v: Value = serde_json::from_str(MINI).unwrap();
    v["sections"][1]["questions"][4]["show_if"] =
        json!({"equals": {"question": "q-foo", "value": "a"}});
    let text = serde_json::to_string_pretty(&v).unwrap();
    let errors = load_questionnaire(&text).unwrap_err();
    // The place of `"equals"`: the line before the one naming "q-foo" (keys are sorted).
    let foo = text.lines().position(|l| l.contains("\"q-foo\"")).unwrap();
    let line = text.lines().nth(foo - 1).unwrap();
    assert!(line.trim_start().starts_with("\"equals\""), "{line}");
    let column = line.len() - line.trim_start().len() + 1;
    assert_eq!(errors[0].to_string(), format!("sections[1].questions[4].show_if.equals: unknown question \"q-foo\" (line {}, column {column})", foo));
}

#[test]
fn three_errors_come_at_once_each_with_its_line_and_column() {
    let text = r#"{
  "id": "three",
  "version": "1.0",
  "title": {"en": "Three errors"}, "description": {"en": "x"}, "max_concern": 3,
  "bands": [{"id": "low", "max_score": 50, "label": {"en": "Low"}, "meaning": {"en": "ok"}},
            {"id": "high", "max_score": 100, "label": {"en": "High"}, "meaning": {"en": "not ok"}}],
  "sections": [
    {
      "id": "s1",
      "title": {"en": "One"},
      "dimension": "ethical",
      "questions": [
        {"id": "q1", "text": {"en": "First?"}, "kind": {"type": "yes_no", "yes": {"concern": 0}, "no": {"concern": 3}}},
        {"id": "q2", "text": {"en": "Second?"},
         "show_if": {"equals": {"question": "q-foo", "value": "yes"}},
         "kind": {"type": "yes_no", "yes": {"concern": 0}, "no": {"concern": 3}}},
        {"id": "q1", "text": {"en": "Again?"}, "kind": {"type": "yes_no", "yes": {"concern": 0}, "no": {"concern": 3}}}
      ]
    }
  ]
}"#;
    let errors = load_questionnaire(text).unwrap_err();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown,
        [
            "version: version \"1.0\" is not of the form MAJOR.MINOR.PATCH (line 3, column 3)",
            "sections[0].questions[1].show_if.equals: unknown question \"q-foo\" (line 15, column 22)",
            "sections[0].questions[2].id: duplicate id \"q1\" (line 17, column 10)",
        ],
        "{shown:#?}"
    );
    // A file that is not JSON: serde's place, given once.
    let errors = load_questionnaire("{\n  \"id\": \"x\",\n  \"version\" 1\n}").unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].at, Some((3, 13)));
    assert!(
        !errors[0].to_string().contains(" at line "),
        "{}",
        errors[0]
    );
    assert!(
        errors[0].to_string().ends_with("(line 3, column 13)"),
        "{}",
        errors[0]
    );
}

#[test]
fn json_places_are_found_for_members_elements_and_missing_fields() {
    use elsa::json_pos::Positions;
    let text = "{\n  \"a\": [1, {\"b\": \"x\\\"y\"}],\n  \"ü\": {\"c\": null}\n}";
    let p = Positions::of(text);
    assert_eq!(p.find("a"), Some((2, 3)));
    assert_eq!(p.find("a[0]"), Some((2, 9)));
    assert_eq!(p.find("a[1]"), Some((2, 12)));
    assert_eq!(p.find("a[1].b"), Some((2, 13)));
    assert_eq!(
        p.find("ü.c"),
        Some((3, 9)),
        "columns count characters (bytes would give 10)"
    );
    // A field that is not there: where its object is.
    assert_eq!(p.find("a[1].missing"), Some((2, 12)));
    assert_eq!(p.find("nothing"), None);
    // Deep nesting is read without overflowing the stack.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let _ = Positions::of(&deep);
}
