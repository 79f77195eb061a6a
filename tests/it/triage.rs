//! Triage rules: evaluation, reasons, validation; and the golden example projects of the
//! bundled questionnaire (tests/it/data/triage/*.json).
use crate::common::*;
use elsa::model::{Condition, Finding, Framework, LocalText, Severity, TriageRule};
use elsa::triage::evaluate;
use elsa::validate::{validate, ErrorKind};
use serde_json::json;

fn rule(id: &str, when: serde_json::Value) -> TriageRule {
    TriageRule {
        id: id.into(),
        framework: Framework::Gdpr,
        severity: Severity::Attention,
        when: serde_json::from_value::<Condition>(when).unwrap(),
        conclusion: LocalText::en(&format!("Likely {id}")),
        explanation: LocalText::default(),
        references: vec![],
        finding: Finding::Applies,
        decisive: false,
        roles: vec![],
        duties: vec![],
        duties_from: None,
    }
}

fn fired(q: &elsa::model::Questionnaire, a: &elsa::answers::Assessment) -> Vec<String> {
    evaluate(q, a, "en").into_iter().map(|c| c.rule_id).collect()
}

#[test]
fn rules_fire_with_the_answers_that_made_them_fire() {
    let mut q = mini();
    q.triage = vec![
        rule("auto", json!({"equals": {"question": "role", "value": "decides"}})),
        rule("both", json!({"all": [{"equals": {"question": "role", "value": "decides"}}, {"equals": {"question": "l1", "value": "no"}}]})),
        rule("either", json!({"any": [{"equals": {"question": "o2", "value": "no"}}, {"equals": {"question": "l1", "value": "no"}}]})),
        rule("no-override", json!({"not": {"equals": {"question": "o2", "value": "yes"}}})),
        rule("unknown", json!({"equals": {"question": "o1", "value": "dont_know"}})),
    ];
    assert!(validate(&q).is_empty(), "{:?}", validate(&q));

    let a = with(&q, &[("role", "decides"), ("l1", "no"), ("o2", "yes"), ("o1", "?")]);
    let c = evaluate(&q, &a, "en");
    let got: Vec<(&str, Vec<(&str, Option<&str>)>)> = c
        .iter()
        .map(|c| (c.rule_id.as_str(), c.reasons.iter().map(|r| (r.question_id.as_str(), r.answer.as_deref())).collect()))
        .collect();
    assert_eq!(
        got,
        vec![
            ("auto", vec![("role", Some("Decides"))]),
            ("both", vec![("role", Some("Decides")), ("l1", Some("No"))]),
            // Only the branch that holds is a reason.
            ("either", vec![("l1", Some("No"))]),
            ("unknown", vec![("o1", Some("Don't know"))]),
        ]
    );

    // "not" holds on an unanswered question and says so.
    let a = with(&q, &[("role", "informs")]);
    let c = evaluate(&q, &a, "en");
    assert_eq!(c.iter().map(|c| c.rule_id.as_str()).collect::<Vec<_>>(), vec!["no-override"]);
    assert_eq!(c[0].reasons[0].question_id, "o2");
    assert_eq!(c[0].reasons[0].answer, None);
}

#[test]
fn hidden_questions_do_not_make_rules_fire() {
    let mut q = mini();
    q.triage = vec![rule("monitor", json!({"equals": {"question": "o5", "value": "p3"}}))];
    assert_eq!(fired(&q, &with(&q, &[("role", "decides"), ("o5", "p3")])), vec!["monitor"]);
    assert!(fired(&q, &with(&q, &[("role", "informs"), ("o5", "p3")])).is_empty());
}

#[test]
fn triage_rules_are_validated() {
    let mut q = mini();
    q.triage = vec![
        rule("dup", json!({"equals": {"question": "ghost", "value": "x"}})),
        rule("dup", json!({"any_of": {"question": "role", "values": ["nope"]}})),
        // "dont_know" is not offered on profile questions.
        rule("ok-id", json!({"equals": {"question": "role", "value": "dont_know"}})),
        // Triage may refer to any question, also the last one.
        rule("late", json!({"equals": {"question": "l2", "value": "no"}})),
    ];
    q.triage[3].conclusion = LocalText::default();
    let got: Vec<(String, ErrorKind)> = validate(&q).into_iter().map(|e| (e.path, e.kind)).collect();
    assert_eq!(
        got,
        vec![
            ("triage[0].when.equals".into(), ErrorKind::UnknownQuestion { question: "ghost".into() }),
            ("triage[1].id".into(), ErrorKind::DuplicateId { id: "dup".into() }),
            ("triage[1].when.any_of".into(), ErrorKind::UnknownOption { question: "role".into(), option: "nope".into() }),
            ("triage[2].when.equals".into(), ErrorKind::UnknownOption { question: "role".into(), option: "dont_know".into() }),
            ("triage[3].conclusion".into(), ErrorKind::MissingEnglish),
        ]
    );
}

#[test]
fn show_if_may_test_dont_know_on_questions_that_offer_it() {
    let mut q = mini();
    q.sections[2].questions[1].show_if =
        Some(serde_json::from_value(json!({"equals": {"question": "o1", "value": "dont_know"}})).unwrap());
    assert!(validate(&q).is_empty());
    let a = with(&q, &[("o1", "?")]);
    assert!(elsa::answers::Visibility::compute(&q, &a).is_visible("l2"));
    let a = with(&q, &[("o1", "a")]);
    assert!(!elsa::answers::Visibility::compute(&q, &a).is_visible("l2"));
}

/// The answers of an example project (`"dont_know"`, an option id, a list of option ids, or
/// `{"date": "…"}`) on a fresh assessment of `q`.
fn example_assessment(q: &elsa::model::Questionnaire, v: &serde_json::Value, name: &str) -> elsa::answers::Assessment {
    let mut a = fresh(q);
    for (qid, value) in v["answers"].as_object().expect("answers") {
        let r = q.question(qid).unwrap_or_else(|| panic!("{name}: unknown question {qid}"));
        let known = |s: &str| assert!(r.question.kind.options().iter().any(|o| o.id == s), "{name}: {qid} has no option {s}");
        let answer = match value {
            serde_json::Value::String(s) if s == "dont_know" => elsa::answers::Answer::DontKnow,
            serde_json::Value::String(s) => {
                known(s);
                if matches!(r.question.kind, elsa::model::QuestionKind::MultiChoice { .. }) {
                    elsa::answers::Answer::Choices { ids: vec![s.clone()] }
                } else {
                    elsa::answers::Answer::Choice { id: s.clone() }
                }
            }
            serde_json::Value::Array(items) => {
                let ids: Vec<String> = items.iter().map(|i| i.as_str().unwrap().to_string()).collect();
                ids.iter().for_each(|s| known(s));
                elsa::answers::Answer::Choices { ids }
            }
            serde_json::Value::Object(o) if o.contains_key("date") => elsa::answers::Answer::Date { value: o["date"].as_str().unwrap().into() },
            other => panic!("{name}: bad answer {other} for {qid}"),
        };
        a.set_answer(qid, Some(answer), NOW);
    }
    a
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).unwrap().as_str().unwrap().to_string()
}

fn status_name(s: elsa::triage::Status) -> &'static str {
    match s {
        elsa::triage::Status::Applies => "applies",
        elsa::triage::Status::NotApplicable => "not_applicable",
        elsa::triage::Status::Unclear => "unclear",
        elsa::triage::Status::NotAnswered => "not_answered",
    }
}

fn date_status_name(s: &elsa::triage::DateStatus) -> &'static str {
    match s {
        elsa::triage::DateStatus::InForce => "in_force",
        elsa::triage::DateStatus::Upcoming => "upcoming",
        elsa::triage::DateStatus::OnEvent => "on_event",
    }
}

/// Golden example projects for the bundled full questionnaire (tests/it/data/triage/*.json):
/// each file lists the answers, and exactly the conclusions that must fire, and per framework
/// the status, the roles and the duties, with the status of some duties on the assessment date.
#[test]
fn golden_example_projects() {
    let (all, _) = elsa::bundled::load_all();
    let Some(q) = all.iter().find(|q| q.id == "elsa-health-ai") else {
        panic!("the full questionnaire elsa-health-ai is not bundled");
    };
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/data/triage");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().filter_map(|e| e.ok()).map(|e| e.path()).collect();
    files.sort();
    assert!(files.len() >= 8, "at least eight example projects, found {}", files.len());
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let a = example_assessment(q, &v, &name);
        let want = &v["expected"];
        let mut got = fired(q, &a);
        let mut conclusions: Vec<String> = want["conclusions"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
        got.sort();
        conclusions.sort();
        assert_eq!(got, conclusions, "{name}: the conclusions differ from the expected ones");
        // Every conclusion says why.
        for c in evaluate(q, &a, "en") {
            assert!(!c.reasons.is_empty(), "{name}: {} has no reasons", c.rule_id);
        }
        // The date comes from the assessment's own date question, never from the clock.
        let as_of = elsa::triage::as_of_date(q, &a, "1999-01-01");
        assert_eq!(as_of, v["answers"]["assessment-date"]["date"].as_str().unwrap(), "{name}: the assessment date");
        let t = elsa::triage::triage(q, &a, "en", &as_of);
        let frameworks = want["frameworks"].as_object().expect("frameworks");
        assert_eq!(t.frameworks.len(), frameworks.len(), "{name}: every framework has its expectation");
        for f in &t.frameworks {
            let key = json_name(&f.framework);
            let w = &frameworks[&key];
            assert_eq!(status_name(f.status), w["status"].as_str().unwrap(), "{name}: status of {key}");
            let roles: Vec<String> = f.roles.iter().map(json_name).collect();
            let want_roles: Vec<String> = w["roles"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()).collect();
            assert_eq!(roles, want_roles, "{name}: roles under {key}");
            let duties: Vec<&str> = f.duties.iter().map(|d| d.id.as_str()).collect();
            let want_duties: Vec<&str> = w["duties"].as_array().unwrap().iter().map(|x| x.as_str().unwrap()).collect();
            assert_eq!(duties, want_duties, "{name}: duties under {key}");
        }
        for (id, status) in want["duty_status"].as_object().into_iter().flatten() {
            let d = t.frameworks.iter().flat_map(|f| &f.duties).find(|d| d.id == *id).unwrap_or_else(|| panic!("{name}: no duty {id}"));
            assert_eq!(date_status_name(&d.status), status.as_str().unwrap(), "{name}: status of duty {id} on {as_of}");
        }
    }
}

