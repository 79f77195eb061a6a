//! Issue 16: the browser's check of a questionnaire of the user's own (in the report worker):
//! the base of an extension asked for, every error at once with its line, the lint's remarks and
//! the texts without Dutch listed, the tool's own ids refused; and the base64 in which the app
//! keeps the checked questionnaire.

use elsa::custom::{check, from_base64, to_base64, Checked};
use proptest::prelude::*;

fn quick() -> elsa::model::Questionnaire {
    let (all, _) = elsa::bundled::load_all();
    all.into_iter().find(|q| q.id == "elsa-quick-scan").unwrap()
}

fn extension(base_version: &str, condition_on: &str, value: &str) -> String {
    format!(
        r#"{{
  "id": "quick-plus-ward", "version": "1.0.0",
  "title": {{"en": "Quick scan plus our ward"}},
  "extends": {{"id": "elsa-quick-scan", "version": "{base_version}"}},
  "sections": [{{"id": "ward", "title": {{"en": "Our ward"}}, "dimension": "ethical", "questions": [
    {{"id": "ward-1", "text": {{"en": "Did the ward board approve the tool?"}},
     "show_if": {{"equals": {{"question": "{condition_on}", "value": "{value}"}}}},
     "kind": {{"type": "yes_no", "yes": {{"concern": 0}}, "no": {{"concern": 2, "recommendation": {{"en": "Ask the board."}}}}}}}}
  ]}}]
}}"#
    )
}

#[test]
fn an_extension_asks_for_its_base_then_passes_with_remarks_and_the_texts_without_dutch() {
    let base = quick();
    let text = extension(&base.version, "ward-1-missing", "yes");
    // First the worker says which base it needs.
    match check(text.as_bytes(), None) {
        Checked::NeedsBase(b) => assert_eq!((b.id.as_str(), b.version.as_str()), ("elsa-quick-scan", base.version.as_str())),
        other => panic!("{other:?}"),
    }
    // With it: the unknown question is an error, placed in the file.
    match check(text.as_bytes(), Some(&base)) {
        Checked::Invalid(errors) => assert_eq!(errors, ["sections[0].questions[0].show_if.equals: unknown question \"ward-1-missing\" (line 7, column 18)"]),
        other => panic!("{other:?}"),
    }
    // A valid extension: usable; English-only texts listed; the lint's advice given.
    let choice = base.questions().find(|r| r.section.dimension.is_scored() && r.question.kind.options().len() >= 2).expect("a choice question");
    let text = extension(&base.version, &choice.question.id, choice.question.kind.options()[0].id);
    match check(text.as_bytes(), Some(&base)) {
        Checked::Valid { questionnaire, remarks, no_dutch } => {
            assert_eq!(questionnaire.sections.len(), base.sections.len() + 1);
            assert!(no_dutch.contains(&"title".to_string()) && no_dutch.iter().any(|p| p.starts_with("sections[")), "{no_dutch:?}");
            assert!(remarks.iter().any(|r| r.contains("ward-1") && r.contains("help")), "{remarks:?}");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_tool_s_own_questionnaires_and_bad_files_are_refused_with_a_message() {
    let text = std::fs::read_to_string("questionnaires/elsa-quick-scan.json").unwrap();
    match check(text.as_bytes(), None) {
        Checked::Invalid(e) => assert!(e[0].contains("comes with the tool"), "{e:?}"),
        other => panic!("{other:?}"),
    }
    match check(&[0xff, 0xfe, 0x00], None) {
        Checked::Invalid(e) => assert!(e[0].starts_with("This file is not text"), "{e:?}"),
        other => panic!("{other:?}"),
    }
    match check(&vec![b' '; 6 * 1024 * 1024], None) {
        Checked::Invalid(e) => assert_eq!(e.len(), 1, "{e:?}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn base64_matches_rfc_4648() {
    for (plain, coded) in [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")] {
        assert_eq!(to_base64(plain.as_bytes()), coded);
        assert_eq!(from_base64(coded).unwrap(), plain.as_bytes());
    }
    assert_eq!(from_base64("not base64!"), None);
}

proptest! {
    #[test]
    fn base64_round_trips(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        prop_assert_eq!(from_base64(&to_base64(&bytes)).unwrap(), bytes);
    }
}
