//! Issue 16: "the ELSA questionnaire plus our own section". A file with `extends` holds only
//! what it adds; it is resolved with its base, validated as a whole, and its errors are given
//! with the paths, lines and columns of its own file.

use crate::common::mini;
use elsa::model::Questionnaire;
use elsa::validate::{load_questionnaire, load_questionnaire_with, ErrorKind};

/// The mini questionnaire is the only base these tests know.
fn bases(id: &str, version: &str) -> Option<Questionnaire> {
    (id == "mini" && version == "1.2.3").then(mini)
}

const EXTENSION: &str = r#"{
  "id": "ward-policy",
  "version": "1.0.0",
  "title": {"en": "Mini plus the ward's policy"},
  "extends": {"id": "mini", "version": "1.2.3"},
  "sections": [
    {
      "id": "ward",
      "title": {"en": "Our ward's AI policy"},
      "dimension": "ethical",
      "questions": [
        {"id": "w1", "text": {"en": "Did the ward board approve the tool?"},
         "kind": {"type": "yes_no", "yes": {"concern": 0}, "no": {"concern": 4, "red_flag": true, "recommendation": {"en": "Ask the board."}}}},
        {"id": "w2", "text": {"en": "Who reviews the outputs at night?"},
         "show_if": {"equals": {"question": "o1", "value": "c"}},
         "kind": {"type": "yes_no", "yes": {"concern": 0}, "no": {"concern": 2, "recommendation": {"en": "Plan night reviews."}}}}
      ]
    }
  ]
}"#;

fn edit(from: &str, to: &str) -> String {
    assert!(EXTENSION.contains(from), "{from}");
    EXTENSION.replacen(from, to, 1)
}

#[test]
fn an_extension_is_the_base_with_its_own_sections_after_the_base_s() {
    let q = load_questionnaire_with(EXTENSION, &bases).unwrap_or_else(|e| panic!("{e:?}"));
    let base = mini();
    assert_eq!(
        (q.id.as_str(), q.version.as_str()),
        ("ward-policy", "1.0.0")
    );
    assert_eq!(q.title.get("en"), "Mini plus the ward's policy");
    let ids: Vec<&str> = q.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["profile", "oversight", "lowses", "ward"]);
    assert_eq!(q.max_concern, base.max_concern, "the base's scale");
    assert_eq!(q.bands, base.bands, "the base's bands when it gives none");
    assert_eq!(q.extends, None, "resolved: never resolved again");
    assert_eq!(
        q.extended_from
            .as_ref()
            .map(|b| (b.id.as_str(), b.version.as_str())),
        Some(("mini", "1.2.3"))
    );
    // The whole is a valid questionnaire on its own: scored, with the added red flag.
    assert!(elsa::validate::validate(&q).is_empty());
    let a = crate::common::with(&q, &[("o1", "c"), ("w1", "no"), ("w2", "yes")]);
    let out = elsa::scoring::score(&q, &a);
    assert!(out.red_flags.iter().any(|f| f.question_id == "w1"));
    // And it travels in the browser's binary form with where it came from.
    let back = elsa::bundled::decode_bin(&elsa::bundled::encode_bin(&q)).unwrap();
    assert_eq!(back, q);
}

#[test]
fn an_extension_may_replace_the_bands_but_not_the_concern_scale() {
    let bands = r#""bands": [{"id": "ok", "max_score": 40, "label": {"en": "Fine"}}, {"id": "act", "max_score": 100, "label": {"en": "Act"}}],
  "sections""#;
    let q = load_questionnaire_with(&edit("\"sections\"", bands), &bases)
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        q.bands.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
        ["ok", "act"]
    );
    // The same scale may be repeated; another is refused, where it is written.
    assert!(load_questionnaire_with(
        &edit("\"sections\"", "\"max_concern\": 4,\n  \"sections\""),
        &bases
    )
    .is_ok());
    let errors = load_questionnaire_with(
        &edit("\"sections\"", "\"max_concern\": 3,\n  \"sections\""),
        &bases,
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].kind,
        ErrorKind::BaseMismatch {
            field: "max_concern",
            base: "4".into()
        }
    );
    assert_eq!(errors[0].at, Some((6, 3)));
}

#[test]
fn an_unknown_base_is_refused_where_extends_is_written() {
    let errors = load_questionnaire_with(
        &edit("\"version\": \"1.2.3\"", "\"version\": \"9.9.9\""),
        &bases,
    )
    .unwrap_err();
    assert_eq!(errors.len(), 1);
    assert_eq!(errors[0].to_string(), "extends: extends \"mini\" version 9.9.9, which this tool does not have; extend one of the questionnaires that come with the tool (line 5, column 3)");
    // Without any base at all (a caller that cannot resolve), also refused: never half-loaded.
    assert!(matches!(
        load_questionnaire(EXTENSION).unwrap_err()[0].kind,
        ErrorKind::UnknownBase { .. }
    ));
}

#[test]
fn errors_in_what_an_extension_adds_are_given_in_its_own_file() {
    // An unknown question in a condition, and a question id the base already has.
    let text = edit("\"question\": \"o1\"", "\"question\": \"o-missing\"").replacen(
        "\"id\": \"w1\"",
        "\"id\": \"o2\"",
        1,
    );
    let errors = load_questionnaire_with(&text, &bases).unwrap_err();
    let shown: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        shown,
        [
            "sections[0].questions[0].id: duplicate id \"o2\" (line 12, column 10)",
            "sections[0].questions[1].show_if.equals: unknown question \"o-missing\" (line 15, column 22)",
        ],
        "{shown:#?}"
    );
}

#[test]
fn a_file_without_extends_still_needs_its_scale_and_bands() {
    let mut v: serde_json::Value = serde_json::from_str(crate::common::MINI).unwrap();
    let o = v.as_object_mut().unwrap();
    o.remove("max_concern");
    o.remove("bands");
    let errors = load_questionnaire(&serde_json::to_string_pretty(&v).unwrap()).unwrap_err();
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    assert!(
        paths.contains(&"max_concern") && paths.contains(&"bands"),
        "{errors:?}"
    );
}

#[test]
fn the_worked_example_of_the_authoring_guide_extends_the_full_questionnaire_and_passes_lint() {
    let text = std::fs::read_to_string("questionnaires/examples/hospital-ai-policy.json").unwrap();
    let (all, _) = elsa::bundled::load_all();
    let q = load_questionnaire_with(&text, &|id, version| {
        elsa::bundled::find(&all, id, version).cloned()
    })
    .unwrap_or_else(|e| panic!("{e:#?}"));
    let base = elsa::bundled::find(&all, "elsa-health-ai", "2.0.0").expect("its base is bundled");
    assert_eq!(q.sections.len(), base.sections.len() + 2);
    let added: usize = q.sections[base.sections.len()..]
        .iter()
        .map(|s| s.questions.len())
        .sum();
    assert_eq!(added, 10, "about ten questions, as the guide says");
    assert_eq!(
        elsa::lint::lint(&q, &elsa::lint::Requirements::default()),
        Vec::<String>::new()
    );
    // Every text in Dutch too, as a bundled file would need.
    assert_eq!(elsa::validate::validate_bundled(&q), vec![]);
    // And the browser's check takes it once it has the base.
    assert!(matches!(
        elsa::custom::check(text.as_bytes(), Some(base)),
        elsa::custom::Checked::Valid { .. }
    ));
}
