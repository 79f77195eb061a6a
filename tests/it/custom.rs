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
        Checked::NeedsBase(b) => assert_eq!(
            (b.id.as_str(), b.version.as_str()),
            ("elsa-quick-scan", base.version.as_str())
        ),
        other => panic!("{other:?}"),
    }
    // With it: the unknown question is an error, placed in the file.
    match check(text.as_bytes(), Some(&base)) {
        Checked::Invalid(errors) => assert_eq!(errors, ["sections[0].questions[0].show_if.equals: unknown question \"ward-1-missing\" (line 7, column 18)"]),
        other => panic!("{other:?}"),
    }
    // A valid extension: usable; English-only texts listed; the lint's advice given.
    let choice = base
        .questions()
        .find(|r| r.section.dimension.is_scored() && r.question.kind.options().len() >= 2)
        .expect("a choice question");
    let text = extension(
        &base.version,
        &choice.question.id,
        choice.question.kind.options()[0].id,
    );
    match check(text.as_bytes(), Some(&base)) {
        Checked::Valid {
            questionnaire,
            remarks,
            no_dutch,
        } => {
            assert_eq!(questionnaire.sections.len(), base.sections.len() + 1);
            assert!(
                no_dutch.contains(&"title".to_string())
                    && no_dutch.iter().any(|p| p.starts_with("sections[")),
                "{no_dutch:?}"
            );
            assert!(
                remarks
                    .iter()
                    .any(|r| r.contains("ward-1") && r.contains("help")),
                "{remarks:?}"
            );
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
    for (plain, coded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
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

#[test]
fn the_preview_says_conditions_in_words_and_lists_the_texts_without_dutch() {
    use elsa::model::Condition;
    use elsa::preview::{condition_text, kind_label, without_translation};
    let q = crate::common::mini();
    let leaf = |question: &str, value: &str| Condition::Equals {
        question: question.into(),
        value: value.into(),
    };
    assert_eq!(
        condition_text(&leaf("o1", "c"), &q, "en"),
        "“Are outputs reviewed?” is “Never reviewed”"
    );
    assert_eq!(
        condition_text(&leaf("o1", "dont_know"), &q, "en"),
        "“Are outputs reviewed?” is “Don't know”"
    );
    let any = Condition::AnyOf {
        question: "o1".into(),
        values: vec!["b".into(), "c".into()],
    };
    assert_eq!(
        condition_text(&any, &q, "en"),
        "“Are outputs reviewed?” is one of “Sometimes reviewed”, “Never reviewed”"
    );
    let both = Condition::All(vec![
        leaf("o1", "a"),
        Condition::Not(Box::new(leaf("o1", "b"))),
    ]);
    assert_eq!(condition_text(&both, &q, "en"), "“Are outputs reviewed?” is “Always reviewed” and not (“Are outputs reviewed?” is “Sometimes reviewed”)");
    let dutch = elsa::i18n::with_lang(elsa::i18n::Lang::Nl, || {
        condition_text(
            &Condition::Any(vec![leaf("o1", "a"), leaf("o1", "b")]),
            &q,
            "nl",
        )
    });
    assert!(dutch.contains(" of "), "{dutch}");
    assert_eq!(
        kind_label(&q.question("o1").unwrap().question.kind),
        "One choice"
    );
    // The mini file is mostly English only: those texts are listed, with where they are.
    let missing = without_translation(&q, "nl");
    assert_eq!(
        missing.iter().any(|(place, _)| place == "Title"),
        q.title.is_fallback_in("nl"),
        "the title has Dutch"
    );
    assert_eq!(
        missing[0],
        (
            "Description".to_string(),
            "A small questionnaire for tests.".to_string()
        )
    );
    assert!(
        missing
            .iter()
            .any(|(place, text)| place == "Question 2.1, option “c”" && text == "Never reviewed"),
        "{missing:?}"
    );
    assert!(missing
        .iter()
        .any(|(place, _)| place == "Question 2.1, recommendation of “c”"));
    // A bundled file has all its Dutch.
    let (all, _) = elsa::bundled::load_all();
    assert!(all.iter().all(|b| without_translation(b, "nl").is_empty()));
}

#[test]
fn assessments_move_to_a_newer_version_of_their_own_questionnaire_only() {
    let mut q = crate::common::mini();
    q.id = "ward-checklist".into();
    let a = crate::common::with(&q, &[("o1", "c")]);
    let mut newer = q.clone();
    newer.version = "1.10.0".into();
    assert!(
        elsa::custom::moves_to(&a, &newer),
        "1.2.3 → 1.10.0 (compared as numbers, not text)"
    );
    assert!(!elsa::custom::moves_to(&a, &q), "the same version");
    let mut older = q.clone();
    older.version = "1.0.0".into();
    assert!(!elsa::custom::moves_to(&a, &older), "never backwards");
    let mut other = newer.clone();
    other.id = "another".into();
    assert!(!elsa::custom::moves_to(&a, &other), "another questionnaire");
}

#[test]
fn a_different_questionnaire_with_the_same_id_and_version_is_refused() {
    use elsa::custom::{conflict_message, fit, Fit};
    let q = quick();
    let choice = q
        .questions()
        .find(|r| r.section.dimension.is_scored() && r.question.kind.options().len() >= 2)
        .expect("a choice question");
    let file = extension(
        &q.version,
        &choice.question.id,
        choice.question.kind.options()[0].id,
    );
    let ours = |text: &str| match check(
        file.replace("Did the ward board approve the tool?", text)
            .as_bytes(),
        Some(&q),
    ) {
        Checked::Valid { questionnaire, .. } => questionnaire,
        other => panic!("{other:?}"),
    };
    let kept = ours("Did the ward board approve the tool?");
    let kept_bin = elsa::bundled::encode_bin(&kept);
    let here = [(&kept, kept_bin.as_slice())];
    // The same file again: nothing changes.
    let again = ours("Did the ward board approve the tool?");
    assert_eq!(
        fit(
            here.iter().copied(),
            &again,
            &elsa::bundled::encode_bin(&again)
        ),
        Fit::Same
    );
    // Another file claiming the same id and version: refused.
    let other = ours("Did the hospital board approve the tool?");
    assert_eq!(
        (other.id.as_str(), other.version.as_str()),
        (kept.id.as_str(), kept.version.as_str())
    );
    assert_eq!(
        fit(
            here.iter().copied(),
            &other,
            &elsa::bundled::encode_bin(&other)
        ),
        Fit::Conflict
    );
    let m = conflict_message(&other.id, &other.version);
    assert!(
        m.contains(&format!("“{}” version {}", other.id, other.version))
            && m.contains("higher version"),
        "{m}"
    );
    // A higher version is a new questionnaire (assessments move to it, see above).
    let mut newer = other.clone();
    newer.version = "1.1.0".into();
    assert_eq!(
        fit(
            here.iter().copied(),
            &newer,
            &elsa::bundled::encode_bin(&newer)
        ),
        Fit::New
    );
}

/// A questionnaire of the user's own as tool 0.4.0 keeps it in the browser's storage (base64 of
/// binary layout 4). Whoever changes the questionnaire model or the layout must keep this
/// readable (or convert it on load): a kept questionnaire is the user's work, and the
/// assessments made with it need it.
#[test]
fn a_questionnaire_kept_by_tool_0_4_still_loads() {
    let kept = include_str!("data/kept-questionnaire-layout-4.b64");
    let bin = from_base64(kept.trim()).expect("base64");
    let q = elsa::bundled::decode_bin(&bin)
        .expect("a kept questionnaire of layout 4 must stay readable");
    let mut expected = crate::common::mini();
    expected.id = "ward-checklist".into();
    assert_eq!(q, expected);
}

#[test]
fn an_imported_assessment_of_an_older_version_moves_to_the_newest_kept_one() {
    let mut q = crate::common::mini();
    q.id = "ward-checklist".into();
    let a = crate::common::with(&q, &[("o1", "c")]);
    let version = |v: &str| {
        let mut x = q.clone();
        x.version = v.into();
        x
    };
    let kept = [
        version("1.2.3"),
        version("1.10.0"),
        version("1.9.0"),
        version("0.9.0"),
    ];
    assert_eq!(
        elsa::custom::newest_for(&a, kept.iter()).map(|x| x.version.as_str()),
        Some("1.10.0")
    );
    assert_eq!(
        elsa::custom::newest_for(&a, kept[..1].iter()),
        None,
        "its own version only: it stays"
    );
    let mut other = version("2.0.0");
    other.id = "another".into();
    assert_eq!(
        elsa::custom::newest_for(&a, [other].iter()),
        None,
        "another questionnaire"
    );
}
