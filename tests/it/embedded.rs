//! Issue 16: files carry their questionnaire. An assessment made with a questionnaire the tool
//! does not have (a custom one) is exported with that questionnaire inside, in the JSON file and
//! in the file attached to its PDF report, and another copy of the tool opens it from there;
//! what is carried is validated like a file of its own. Bundled questionnaires are never carried.

use crate::common::{mini, with, NOW};
use elsa::i18n::Lang;
use elsa::import::{import_bytes, Available, ImportError};
use elsa::model::Questionnaire;

/// The mini questionnaire under an id the tool does not have.
fn custom() -> Questionnaire {
    let mut q = mini();
    q.id = "ward-checklist".into();
    q
}

fn no_pdf(_: &[u8]) -> Result<Vec<u8>, ImportError> {
    panic!("not a PDF")
}

/// What the receiving tool has: only a bundled questionnaire, not the custom one.
const ELSEWHERE: &[Available<'static>] = &[Available {
    id: "elsa-health-ai",
    version: "2.0.0",
    title: "ELSA",
}];

#[test]
fn an_exported_file_carries_its_custom_questionnaire_and_opens_where_the_tool_lacks_it() {
    let q = custom();
    let a = with(&q, &[("o1", "c"), ("l1", "?")]);
    let text = elsa::persist::encode_exported(&a, &q, Lang::En);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["questionnaire"]["id"], "ward-checklist");
    assert_eq!(
        v["questionnaire"]["content"]["sections"][1]["id"],
        "oversight"
    );
    let got = import_bytes(text.as_bytes(), no_pdf, ELSEWHERE).unwrap();
    assert_eq!(got.assessment, a);
    assert_eq!(
        got.questionnaire.as_ref(),
        Some(&q),
        "opened with the questionnaire it carried"
    );
    // The plain stored form (the browser's own storage) does not carry it.
    assert!(!elsa::persist::encode(&a, Lang::En).contains("\"content\""));
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_report_carries_the_custom_questionnaire_in_its_attachment() {
    use elsa::report::pdf::{extract_attachment, render_report, Fonts};
    let q = custom();
    let a = with(&q, &[("o1", "b")]);
    let info = elsa::report::ReportInfo {
        generated_at: NOW.into(),
        lang: Lang::En,
    };
    let pdf = render_report(&q, &a, &info, &Fonts::load().unwrap()).bytes;
    let got = import_bytes(&pdf, extract_attachment, ELSEWHERE).unwrap();
    assert_eq!((got.assessment, got.questionnaire), (a, Some(q)));
}

#[test]
fn a_bundled_questionnaire_is_never_carried() {
    let (all, _) = elsa::bundled::load_all();
    let q = elsa::bundled::find(
        &all,
        "elsa-quick-scan",
        &all.iter()
            .find(|x| x.id == "elsa-quick-scan")
            .unwrap()
            .version,
    )
    .unwrap();
    let a = elsa::answers::Assessment::new("b1".into(), q, NOW);
    let text = elsa::persist::encode_exported(&a, q, Lang::En);
    assert!(
        !text.contains("\"content\""),
        "bundled: id and version only"
    );
}

#[test]
fn a_carried_questionnaire_is_validated_and_must_be_the_assessment_s() {
    let q = custom();
    let a = with(&q, &[("o1", "c")]);
    let text = elsa::persist::encode_exported(&a, &q, Lang::En);
    // Broken inside: a condition on a question that does not exist.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["questionnaire"]["content"]["sections"][1]["questions"][1]["show_if"] =
        serde_json::json!({"equals": {"question": "ghost", "value": "a"}});
    let e = import_bytes(v.to_string().as_bytes(), no_pdf, ELSEWHERE).unwrap_err();
    assert!(
        matches!(&e, ImportError::BadQuestionnaire(list) if list.len() == 1),
        "{e:?}"
    );
    assert!(e.to_string().starts_with("The questionnaire inside this file is not valid: sections[1].questions[1].show_if.equals: unknown question \"ghost\""), "{e}");
    // Another questionnaire than the assessment's.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["questionnaire"]["content"]["version"] = serde_json::json!("9.0.0");
    let e = import_bytes(v.to_string().as_bytes(), no_pdf, ELSEWHERE).unwrap_err();
    assert_eq!(
        e,
        ImportError::OtherQuestionnaire {
            id: "ward-checklist".into(),
            version: "9.0.0".into()
        }
    );
    // Where the tool has that questionnaire itself, its own is used.
    let here = [Available {
        id: "ward-checklist",
        version: "1.2.3",
        title: "Ward",
    }];
    assert_eq!(
        import_bytes(text.as_bytes(), no_pdf, &here)
            .unwrap()
            .questionnaire,
        None
    );
}

/// A complete, signed review of `a` (its questionnaire's digest `digest`), attached to `a`.
fn signed(a: &mut elsa::answers::Assessment, digest: Option<&str>) {
    use elsa::review::{Review, Verdict};
    let mut r = Review {
        reviewer_name: "Dr. B. Jansen".into(),
        reviewer_role: "Ethics committee".into(),
        date: "2026-11-28".into(),
        verdict: Some(Verdict::Approved),
        ..Review::default()
    };
    r.sign(a, digest, NOW).expect("a complete review signs");
    a.set_review(Some(&r));
}

#[test]
fn the_sign_off_covers_the_content_of_a_custom_questionnaire_not_only_its_answers() {
    use elsa::review::{canonical_answers, fingerprint, questionnaire_digest, ReviewState};
    let q = custom();
    let digest = questionnaire_digest(&q).expect("a custom questionnaire has a content digest");
    assert!(
        digest.starts_with("sha256:") && digest.len() == 7 + 64,
        "{digest}"
    );
    let mut a = with(&q, &[("o1", "b")]);
    // The digest is part of the canonical text and so of the fingerprint.
    assert!(canonical_answers(&a, Some(&digest))
        .contains(&format!("\"questionnaire_sha256\":\"{digest}\"")));
    assert!(!canonical_answers(&a, None).contains("questionnaire_sha256"));
    assert_ne!(fingerprint(&a, Some(&digest)), fingerprint(&a, None));
    signed(&mut a, Some(&digest));
    let r = a.review().unwrap();
    assert_eq!(r.state(&a, Some(&digest)), ReviewState::Current);

    // The same id and version, one recommendation reworded: the answers are the same, the
    // questionnaire is not, and the sign-off is stale.
    let mut edited = q.clone();
    let text = serde_json::to_string(&edited)
        .unwrap()
        .replace("Review more.", "Review far more.");
    edited = serde_json::from_str(&text).unwrap();
    assert_ne!(edited, q);
    let other = questionnaire_digest(&edited).unwrap();
    assert_ne!(other, digest);
    assert_eq!(r.state(&a, Some(&other)), ReviewState::Stale);
}

#[test]
fn the_questionnaire_digest_ignores_layout_key_order_and_empty_defaults() {
    use elsa::review::questionnaire_digest;
    let q = custom();
    let digest = questionnaire_digest(&q).unwrap();
    // Indented, keys sorted (another order than the model's), and an explicit default.
    let mut v = serde_json::to_value(&q).unwrap();
    v["sections"][1]["questions"][0]["kind"]["options"][0]["red_flag"] = serde_json::json!(false);
    let text = serde_json::to_string_pretty(&v).unwrap();
    assert_ne!(text, serde_json::to_string(&q).unwrap());
    let again = elsa::validate::load_questionnaire(&text).unwrap();
    assert_eq!(questionnaire_digest(&again).unwrap(), digest);
    // The tool's own questionnaires are named by id and version: no digest, fingerprints as before.
    let (all, _) = elsa::bundled::load_all();
    assert!(all.iter().all(|b| questionnaire_digest(b).is_none()));
}

#[test]
fn a_signed_file_opened_elsewhere_is_current_and_stale_once_its_carried_questionnaire_is_edited() {
    use elsa::review::{questionnaire_digest, ReviewState};
    let q = custom();
    let mut a = with(&q, &[("o1", "b"), ("o2", "yes")]);
    signed(&mut a, questionnaire_digest(&q).as_deref());
    let text = elsa::persist::encode_exported(&a, &q, Lang::En);

    // The review's state as another copy of the tool sees it: with the carried questionnaire.
    let state_elsewhere = |file: &str| {
        let got = import_bytes(file.as_bytes(), no_pdf, ELSEWHERE).unwrap();
        let carried = got.questionnaire.unwrap();
        got.assessment
            .review()
            .unwrap()
            .state(&got.assessment, questionnaire_digest(&carried).as_deref())
    };
    // The carried questionnaire gives the same digest.
    assert_eq!(state_elsewhere(&text), ReviewState::Current);

    // Someone edits a question's text inside the file but keeps the version number.
    let edited = text.replace("Are outputs reviewed?", "Are outputs sometimes reviewed?");
    assert_ne!(edited, text);
    assert_eq!(
        state_elsewhere(&edited),
        ReviewState::Stale,
        "the answers are unchanged, the questionnaire is not"
    );
}

#[test]
fn the_report_of_a_signed_custom_assessment_says_the_fingerprint_covers_the_questionnaire() {
    use elsa::review::questionnaire_digest;
    let q = custom();
    let mut a = with(&q, &[("o1", "b")]);
    signed(&mut a, questionnaire_digest(&q).as_deref());
    let info = elsa::report::ReportInfo {
        generated_at: NOW.into(),
        lang: Lang::En,
    };
    let md = elsa::report::md::render(&q, &a, &info);
    assert!(md.contains("Answers unchanged since the sign-off"), "{md}");
    assert!(md.contains(&elsa::review::fingerprint_covers_questionnaire()));
    // Signed against other content of the same questionnaire: stale.
    let mut b = with(&q, &[("o1", "b")]);
    signed(&mut b, Some("sha256:0000"));
    let md = elsa::report::md::render(&q, &b, &info);
    assert!(md.contains(&elsa::review::stale_text()), "{md}");
}
