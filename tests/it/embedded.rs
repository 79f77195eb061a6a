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
const ELSEWHERE: &[Available<'static>] = &[Available { id: "elsa-health-ai", version: "2.0.0", title: "ELSA" }];

#[test]
fn an_exported_file_carries_its_custom_questionnaire_and_opens_where_the_tool_lacks_it() {
    let q = custom();
    let a = with(&q, &[("o1", "c"), ("l1", "?")]);
    let text = elsa::persist::encode_exported(&a, &q, Lang::En);
    let v: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["questionnaire"]["id"], "ward-checklist");
    assert_eq!(v["questionnaire"]["content"]["sections"][1]["id"], "oversight");
    let got = import_bytes(text.as_bytes(), no_pdf, ELSEWHERE).unwrap();
    assert_eq!(got.assessment, a);
    assert_eq!(got.questionnaire.as_ref(), Some(&q), "opened with the questionnaire it carried");
    // The plain stored form (the browser's own storage) does not carry it.
    assert!(!elsa::persist::encode(&a, Lang::En).contains("\"content\""));
}

#[cfg(feature = "pdf")]
#[test]
fn the_pdf_report_carries_the_custom_questionnaire_in_its_attachment() {
    use elsa::report::pdf::{extract_attachment, render_report, Fonts};
    let q = custom();
    let a = with(&q, &[("o1", "b")]);
    let info = elsa::report::ReportInfo { generated_at: NOW.into(), lang: Lang::En };
    let pdf = render_report(&q, &a, &info, &Fonts::load().unwrap()).bytes;
    let got = import_bytes(&pdf, extract_attachment, ELSEWHERE).unwrap();
    assert_eq!((got.assessment, got.questionnaire), (a, Some(q)));
}

#[test]
fn a_bundled_questionnaire_is_never_carried() {
    let (all, _) = elsa::bundled::load_all();
    let q = elsa::bundled::find(&all, "elsa-quick-scan", &all.iter().find(|x| x.id == "elsa-quick-scan").unwrap().version).unwrap();
    let a = elsa::answers::Assessment::new("b1".into(), q, NOW);
    let text = elsa::persist::encode_exported(&a, q, Lang::En);
    assert!(!text.contains("\"content\""), "bundled: id and version only");
}

#[test]
fn a_carried_questionnaire_is_validated_and_must_be_the_assessment_s() {
    let q = custom();
    let a = with(&q, &[("o1", "c")]);
    let text = elsa::persist::encode_exported(&a, &q, Lang::En);
    // Broken inside: a condition on a question that does not exist.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["questionnaire"]["content"]["sections"][1]["questions"][1]["show_if"] = serde_json::json!({"equals": {"question": "ghost", "value": "a"}});
    let e = import_bytes(v.to_string().as_bytes(), no_pdf, ELSEWHERE).unwrap_err();
    assert!(matches!(&e, ImportError::BadQuestionnaire(list) if list.len() == 1), "{e:?}");
    assert!(e.to_string().starts_with("The questionnaire inside this file is not valid: sections[1].questions[1].show_if.equals: unknown question \"ghost\""), "{e}");
    // Another questionnaire than the assessment's.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["questionnaire"]["content"]["version"] = serde_json::json!("9.0.0");
    let e = import_bytes(v.to_string().as_bytes(), no_pdf, ELSEWHERE).unwrap_err();
    assert_eq!(e, ImportError::OtherQuestionnaire { id: "ward-checklist".into(), version: "9.0.0".into() });
    // Where the tool has that questionnaire itself, its own is used.
    let here = [Available { id: "ward-checklist", version: "1.2.3", title: "Ward" }];
    assert_eq!(import_bytes(text.as_bytes(), no_pdf, &here).unwrap().questionnaire, None);
}
