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
    evaluate(q, a, "en")
        .into_iter()
        .map(|c| c.rule_id)
        .collect()
}

#[test]
fn rules_fire_with_the_answers_that_made_them_fire() {
    let mut q = mini();
    q.triage = vec![
        rule(
            "auto",
            json!({"equals": {"question": "role", "value": "decides"}}),
        ),
        rule(
            "both",
            json!({"all": [{"equals": {"question": "role", "value": "decides"}}, {"equals": {"question": "l1", "value": "no"}}]}),
        ),
        rule(
            "either",
            json!({"any": [{"equals": {"question": "o2", "value": "no"}}, {"equals": {"question": "l1", "value": "no"}}]}),
        ),
        rule(
            "no-override",
            json!({"not": {"equals": {"question": "o2", "value": "yes"}}}),
        ),
        rule(
            "unknown",
            json!({"equals": {"question": "o1", "value": "dont_know"}}),
        ),
    ];
    assert!(validate(&q).is_empty(), "{:?}", validate(&q));

    let a = with(
        &q,
        &[
            ("role", "decides"),
            ("l1", "no"),
            ("o2", "yes"),
            ("o1", "?"),
        ],
    );
    let c = evaluate(&q, &a, "en");
    let got: Vec<(&str, Vec<(&str, Option<&str>)>)> = c
        .iter()
        .map(|c| {
            (
                c.rule_id.as_str(),
                c.reasons
                    .iter()
                    .map(|r| (r.question_id.as_str(), r.answer.as_deref()))
                    .collect(),
            )
        })
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
    assert_eq!(
        c.iter().map(|c| c.rule_id.as_str()).collect::<Vec<_>>(),
        vec!["no-override"]
    );
    assert_eq!(c[0].reasons[0].question_id, "o2");
    assert_eq!(c[0].reasons[0].answer, None);
}

#[test]
fn hidden_questions_do_not_make_rules_fire() {
    let mut q = mini();
    q.triage = vec![rule(
        "monitor",
        json!({"equals": {"question": "o5", "value": "p3"}}),
    )];
    assert_eq!(
        fired(&q, &with(&q, &[("role", "decides"), ("o5", "p3")])),
        vec!["monitor"]
    );
    assert!(fired(&q, &with(&q, &[("role", "informs"), ("o5", "p3")])).is_empty());
}

#[test]
fn triage_rules_are_validated() {
    let mut q = mini();
    q.triage = vec![
        rule(
            "dup",
            json!({"equals": {"question": "ghost", "value": "x"}}),
        ),
        rule(
            "dup",
            json!({"any_of": {"question": "role", "values": ["nope"]}}),
        ),
        // "dont_know" is not offered on profile questions.
        rule(
            "ok-id",
            json!({"equals": {"question": "role", "value": "dont_know"}}),
        ),
        // Triage may refer to any question, also the last one.
        rule("late", json!({"equals": {"question": "l2", "value": "no"}})),
    ];
    q.triage[3].conclusion = LocalText::default();
    let got: Vec<(String, ErrorKind)> =
        validate(&q).into_iter().map(|e| (e.path, e.kind)).collect();
    assert_eq!(
        got,
        vec![
            (
                "triage[0].when.equals".into(),
                ErrorKind::UnknownQuestion {
                    question: "ghost".into()
                }
            ),
            (
                "triage[1].id".into(),
                ErrorKind::DuplicateId { id: "dup".into() }
            ),
            (
                "triage[1].when.any_of".into(),
                ErrorKind::UnknownOption {
                    question: "role".into(),
                    option: "nope".into()
                }
            ),
            (
                "triage[2].when.equals".into(),
                ErrorKind::UnknownOption {
                    question: "role".into(),
                    option: "dont_know".into()
                }
            ),
            ("triage[3].conclusion".into(), ErrorKind::MissingEnglish),
        ]
    );
}

#[test]
fn show_if_may_test_dont_know_on_questions_that_offer_it() {
    let mut q = mini();
    q.sections[2].questions[1].show_if = Some(
        serde_json::from_value(json!({"equals": {"question": "o1", "value": "dont_know"}}))
            .unwrap(),
    );
    assert!(validate(&q).is_empty());
    let a = with(&q, &[("o1", "?")]);
    assert!(elsa::answers::Visibility::compute(&q, &a).is_visible("l2"));
    let a = with(&q, &[("o1", "a")]);
    assert!(!elsa::answers::Visibility::compute(&q, &a).is_visible("l2"));
}

/// The answers of an example project (`"dont_know"`, an option id, a list of option ids, or
/// `{"date": "…"}`) on a fresh assessment of `q`.
pub(crate) fn example_assessment(
    q: &elsa::model::Questionnaire,
    v: &serde_json::Value,
    name: &str,
) -> elsa::answers::Assessment {
    let mut a = fresh(q);
    for (qid, value) in v["answers"].as_object().expect("answers") {
        let r = q
            .question(qid)
            .unwrap_or_else(|| panic!("{name}: unknown question {qid}"));
        let known = |s: &str| {
            assert!(
                r.question.kind.options().iter().any(|o| o.id == s),
                "{name}: {qid} has no option {s}"
            )
        };
        let answer = match value {
            serde_json::Value::String(s) if s == "dont_know" => elsa::answers::Answer::DontKnow,
            serde_json::Value::String(s) => {
                known(s);
                if matches!(
                    r.question.kind,
                    elsa::model::QuestionKind::MultiChoice { .. }
                ) {
                    elsa::answers::Answer::Choices {
                        ids: vec![s.clone()],
                    }
                } else {
                    elsa::answers::Answer::Choice { id: s.clone() }
                }
            }
            serde_json::Value::Array(items) => {
                let ids: Vec<String> = items
                    .iter()
                    .map(|i| i.as_str().unwrap().to_string())
                    .collect();
                ids.iter().for_each(|s| known(s));
                elsa::answers::Answer::Choices { ids }
            }
            serde_json::Value::Object(o) if o.contains_key("date") => elsa::answers::Answer::Date {
                value: o["date"].as_str().unwrap().into(),
            },
            other => panic!("{name}: bad answer {other} for {qid}"),
        };
        a.set_answer(qid, Some(answer), NOW);
    }
    a
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap()
        .to_string()
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
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    files.sort();
    assert!(
        files.len() >= 8,
        "at least eight example projects, found {}",
        files.len()
    );
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let v: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let a = example_assessment(q, &v, &name);
        let want = &v["expected"];
        let mut got = fired(q, &a);
        let mut conclusions: Vec<String> = want["conclusions"]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x.as_str().unwrap().to_string())
            .collect();
        got.sort();
        conclusions.sort();
        assert_eq!(
            got, conclusions,
            "{name}: the conclusions differ from the expected ones"
        );
        // Every conclusion says why.
        for c in evaluate(q, &a, "en") {
            assert!(
                !c.reasons.is_empty(),
                "{name}: {} has no reasons",
                c.rule_id
            );
        }
        // The date comes from the assessment's own date question, never from the clock.
        let as_of = elsa::triage::as_of_date(q, &a, "1999-01-01");
        assert_eq!(
            as_of,
            v["answers"]["assessment-date"]["date"].as_str().unwrap(),
            "{name}: the assessment date"
        );
        let t = elsa::triage::triage(q, &a, "en", &as_of);
        let frameworks = want["frameworks"].as_object().expect("frameworks");
        assert_eq!(
            t.frameworks.len(),
            frameworks.len(),
            "{name}: every framework has its expectation"
        );
        for f in &t.frameworks {
            let key = json_name(&f.framework);
            let w = &frameworks[&key];
            assert_eq!(
                status_name(f.status),
                w["status"].as_str().unwrap(),
                "{name}: status of {key}"
            );
            let roles: Vec<String> = f.roles.iter().map(json_name).collect();
            let want_roles: Vec<String> = w["roles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_string())
                .collect();
            assert_eq!(roles, want_roles, "{name}: roles under {key}");
            let duties: Vec<&str> = f.duties.iter().map(|d| d.id.as_str()).collect();
            let want_duties: Vec<&str> = w["duties"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap())
                .collect();
            assert_eq!(duties, want_duties, "{name}: duties under {key}");
        }
        for (id, status) in want["duty_status"].as_object().into_iter().flatten() {
            let d = t
                .frameworks
                .iter()
                .flat_map(|f| &f.duties)
                .find(|d| d.id == *id)
                .unwrap_or_else(|| panic!("{name}: no duty {id}"));
            assert_eq!(
                date_status_name(&d.status),
                status.as_str().unwrap(),
                "{name}: status of duty {id} on {as_of}"
            );
        }
    }
}

fn duty(id: &str, role: elsa::model::Role, from: &str) -> elsa::model::Duty {
    elsa::model::Duty {
        id: id.into(),
        framework: Framework::EuAiAct,
        roles: vec![role],
        text: LocalText::en(&format!("Do {id}")),
        detail: LocalText::default(),
        sources: vec!["EU AI Act art. 26(6)".into()],
        applies_from: from.into(),
        date_note: LocalText::default(),
        transitions: vec![],
        guidance: false,
        when: None,
    }
}

fn cond(v: serde_json::Value) -> Condition {
    serde_json::from_value(v).unwrap()
}

/// A small AI Act triage on the mini questionnaire: "hr" (role = decides) names three duties,
/// l1 gives the role (yes: provider, no: deployer), o2 is the transitional condition and o1 = c
/// says the framework does not apply at all.
pub(crate) fn dated() -> elsa::model::Questionnaire {
    use elsa::model::Role::*;
    let mut q = mini();
    let r = |id: &str, when: serde_json::Value| {
        let mut x = rule(id, when);
        x.framework = Framework::EuAiAct;
        x
    };
    let mut hr = r(
        "hr",
        json!({"equals": {"question": "role", "value": "decides"}}),
    );
    hr.duties = vec!["d-prov".into(), "d-dep".into(), "d-later".into()];
    let mut prov = r(
        "prov",
        json!({"equals": {"question": "l1", "value": "yes"}}),
    );
    prov.roles = vec![AiProvider];
    let mut dep = r("dep", json!({"equals": {"question": "l1", "value": "no"}}));
    dep.roles = vec![AiDeployer];
    let mut unsure = r(
        "unsure",
        json!({"equals": {"question": "o1", "value": "dont_know"}}),
    );
    unsure.finding = Finding::Unclear;
    let mut out = r("out", json!({"equals": {"question": "o1", "value": "c"}}));
    out.finding = Finding::NotApplicable;
    out.decisive = true;
    q.triage = vec![hr, prov, dep, unsure, out];
    let mut later = duty("d-later", AiProvider, "2027-12-02");
    later.transitions = vec![
        elsa::model::Transition {
            when: cond(json!({"equals": {"question": "o2", "value": "yes"}})),
            applies_from: None,
            note: LocalText::en("only after a significant change"),
            sources: vec!["EU AI Act art. 111(2)".into()],
        },
        elsa::model::Transition {
            when: cond(json!({"equals": {"question": "o2", "value": "no"}})),
            applies_from: Some("2030-08-02".into()),
            note: LocalText::en("by 2 August 2030"),
            sources: vec![],
        },
    ];
    q.duties = vec![
        duty("d-prov", AiProvider, "2025-02-02"),
        duty("d-dep", AiDeployer, "2027-12-02"),
        later,
    ];
    assert!(validate(&q).is_empty(), "{:?}", validate(&q));
    q
}

fn duty_view(t: &elsa::triage::Triage) -> Vec<(String, bool, Option<String>, &'static str)> {
    t.frameworks
        .iter()
        .flat_map(|f| &f.duties)
        .map(|d| {
            (
                d.id.clone(),
                d.role_held,
                d.applies_from.clone(),
                date_status_name(&d.status),
            )
        })
        .collect()
}

#[test]
fn duties_bind_the_roles_held_and_are_dated_against_the_assessment_date_not_the_clock() {
    use elsa::triage::{as_of_date, triage, Status};
    let q = dated();
    // A provider: the deployer's duty is left out; the later duty is upcoming on 3 December 2026.
    let a = with(
        &q,
        &[("role", "decides"), ("l1", "yes"), ("when", "d:2026-12-03")],
    );
    let as_of = as_of_date(&q, &a, "1999-01-01");
    assert_eq!(
        as_of, "2026-12-03",
        "the assessment's own date, not the fallback"
    );
    let t = triage(&q, &a, "en", &as_of);
    assert_eq!(t.frameworks.len(), 1);
    assert_eq!(t.frameworks[0].status, Status::Applies);
    assert_eq!(t.frameworks[0].roles, vec![elsa::model::Role::AiProvider]);
    assert_eq!(
        duty_view(&t),
        vec![
            ("d-prov".into(), true, Some("2025-02-02".into()), "in_force"),
            (
                "d-later".into(),
                true,
                Some("2027-12-02".into()),
                "upcoming"
            )
        ]
    );
    // The same answers assessed on a later date: the status follows that date.
    let a = with(
        &q,
        &[("role", "decides"), ("l1", "yes"), ("when", "d:2027-12-02")],
    );
    let t = triage(&q, &a, "en", &as_of_date(&q, &a, "1999-01-01"));
    assert_eq!(
        duty_view(&t)[1].3,
        "in_force",
        "in force on the day it applies from"
    );
    // Without a date answer, the caller's date counts (only its day).
    let a = with(&q, &[("role", "decides"), ("l1", "yes")]);
    assert_eq!(as_of_date(&q, &a, "2026-01-05T23:59:00.000Z"), "2026-01-05");
    // A deployer gets only the deployer's duty.
    let a = with(&q, &[("role", "decides"), ("l1", "no")]);
    let t = triage(&q, &a, "en", "2026-12-03");
    assert_eq!(
        duty_view(&t),
        vec![("d-dep".into(), true, Some("2027-12-02".into()), "upcoming")]
    );
    // Role unknown: every duty, each marked as applying only if the team holds its role.
    let a = with(&q, &[("role", "decides")]);
    let t = triage(&q, &a, "en", "2026-12-03");
    assert!(t.frameworks[0].roles.is_empty());
    assert_eq!(
        duty_view(&t)
            .iter()
            .map(|d| (d.0.as_str(), d.1))
            .collect::<Vec<_>>(),
        vec![("d-prov", false), ("d-dep", false), ("d-later", false)]
    );
    // Transitions: the first that holds wins; none means "only after the event".
    let a = with(&q, &[("role", "decides"), ("l1", "yes"), ("o2", "yes")]);
    let later = triage(&q, &a, "en", "2031-01-01").frameworks[0].duties[1].clone();
    assert_eq!(
        (later.applies_from, later.status.clone()),
        (None, elsa::triage::DateStatus::OnEvent)
    );
    assert_eq!(later.date_note.get("en"), "only after a significant change");
    assert!(
        later.sources.contains(&"EU AI Act art. 111(2)".to_string()),
        "the transition's source is added"
    );
    let a = with(&q, &[("role", "decides"), ("l1", "yes"), ("o2", "no")]);
    let later = triage(&q, &a, "en", "2029-01-01").frameworks[0].duties[1].clone();
    assert_eq!(
        (later.applies_from.as_deref(), later.status),
        (Some("2030-08-02"), elsa::triage::DateStatus::Upcoming)
    );
}

#[test]
fn a_rule_can_give_its_duties_an_earlier_or_later_date_and_the_earliest_wins() {
    let mut q = dated();
    let mut late = rule(
        "late",
        json!({"equals": {"question": "o2", "value": "yes"}}),
    );
    late.framework = Framework::EuAiAct;
    late.duties = vec!["d-dep".into()];
    late.duties_from = Some("2028-08-02".into());
    q.triage.push(late);
    let a = with(&q, &[("o2", "yes"), ("l1", "no")]);
    let t = elsa::triage::triage(&q, &a, "en", "2026-12-03");
    assert_eq!(
        duty_view(&t),
        vec![("d-dep".into(), true, Some("2028-08-02".into()), "upcoming")]
    );
    // Both rules: the duty applies from the earlier of the two dates, named by both.
    let a = with(&q, &[("o2", "yes"), ("l1", "no"), ("role", "decides")]);
    let t = elsa::triage::triage(&q, &a, "en", "2026-12-03");
    let d = &t.frameworks[0].duties[0];
    assert_eq!(
        (d.applies_from.as_deref(), d.because.clone()),
        (
            Some("2027-12-02"),
            vec!["hr".to_string(), "late".to_string()]
        )
    );
}

#[test]
fn a_framework_is_never_silent() {
    use elsa::triage::{triage, Status};
    let q = dated();
    let status = |answers: &[(&str, &str)]| {
        let t = triage(&q, &with(&q, answers), "en", "2026-12-03");
        (
            t.frameworks[0].status,
            t.frameworks[0].has_unclear,
            t.frameworks[0]
                .conclusions
                .iter()
                .map(|c| c.rule_id.clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(status(&[]), (Status::NotAnswered, false, vec![]));
    assert_eq!(
        status(&[("o1", "?")]),
        (Status::Unclear, false, vec!["unsure".into()])
    );
    assert_eq!(
        status(&[("o1", "?"), ("l1", "yes")]),
        (Status::Applies, true, vec!["prov".into(), "unsure".into()])
    );
    // A decisive negative settles the framework: the other rules are not drawn.
    assert_eq!(
        status(&[("o1", "c"), ("l1", "yes"), ("role", "decides")]),
        (Status::NotApplicable, false, vec!["out".into()])
    );
    // Labels for each status.
    for (s, label) in [
        (Status::Applies, "applies"),
        (Status::NotApplicable, "does not apply"),
        (Status::Unclear, "unclear"),
        (Status::NotAnswered, "not answered yet"),
    ] {
        assert_eq!(s.label(), label);
    }
}

#[test]
fn duties_and_their_links_are_validated() {
    use elsa::model::Role::*;
    let mut q = dated();
    q.triage[0].duties.push("ghost".into());
    q.triage[1].roles.push(Controller);
    q.triage[3].decisive = true;
    q.triage[0].duties_from = Some("2027-13-01".into());
    q.duties[0].roles.clear();
    q.duties[1].sources = vec![" ".into()];
    q.duties[2].applies_from = "2027-02-30".into();
    q.duties.push(duty("d-gdpr", Controller, "2018-05-25"));
    q.duties[3].framework = Framework::Gdpr;
    q.triage[2].duties.push("d-gdpr".into());
    q.legal_as_of = Some("yesterday".into());
    q.replaced = vec![
        elsa::model::Replacement {
            question: "o1".into(),
            by: "o2".into(),
        },
        elsa::model::Replacement {
            question: "old".into(),
            by: "nowhere".into(),
        },
    ];
    let got: Vec<(String, ErrorKind)> =
        validate(&q).into_iter().map(|e| (e.path, e.kind)).collect();
    assert_eq!(
        got,
        vec![
            (
                "triage[0].duties[3]".into(),
                ErrorKind::UnknownDuty {
                    duty: "ghost".into()
                }
            ),
            (
                "triage[0].duties_from".into(),
                ErrorKind::BadDate {
                    value: "2027-13-01".into()
                }
            ),
            (
                "triage[1].roles[1]".into(),
                ErrorKind::OtherFramework {
                    item: "controller".into()
                }
            ),
            (
                "triage[2].duties[0]".into(),
                ErrorKind::OtherFramework {
                    item: "d-gdpr".into()
                }
            ),
            ("triage[3].decisive".into(), ErrorKind::DecisiveNotNegative),
            (
                "replaced[0].question".into(),
                ErrorKind::DuplicateId { id: "o1".into() }
            ),
            (
                "replaced[1].by".into(),
                ErrorKind::UnknownQuestion {
                    question: "nowhere".into()
                }
            ),
            (
                "legal_as_of".into(),
                ErrorKind::BadDate {
                    value: "yesterday".into()
                }
            ),
            ("duties[0].roles".into(), ErrorKind::NoRole),
            ("duties[1].sources".into(), ErrorKind::MissingSource),
            (
                "duties[2].applies_from".into(),
                ErrorKind::BadDate {
                    value: "2027-02-30".into()
                }
            ),
        ]
    );
}

#[test]
fn calendar_dates_are_checked() {
    use elsa::validate::valid_date;
    for ok in ["2024-02-29", "2026-12-03", "2030-08-02", "2000-02-29"] {
        assert!(valid_date(ok), "{ok}");
    }
    for bad in [
        "2025-02-29",
        "1900-02-29",
        "2026-04-31",
        "2026-00-10",
        "2026-1-10",
        "26-01-10",
        "2026-01-10T00:00",
        "",
        "yyyy-mm-dd",
    ] {
        assert!(!valid_date(bad), "{bad}");
    }
}

/// Every duty of the bundled questionnaires binds a role, cites a source, has a date, and is
/// named by a rule (no duty that can never show); the legal check's date is recorded.
#[test]
fn every_bundled_duty_has_a_role_a_source_a_date_and_a_rule() {
    let (all, _) = elsa::bundled::load_all();
    for q in &all {
        assert!(
            q.legal_as_of
                .as_deref()
                .is_some_and(elsa::validate::valid_date),
            "{}: no legal_as_of",
            q.id
        );
        assert!(!q.duties.is_empty(), "{}: no duties", q.id);
        for d in &q.duties {
            assert!(
                !d.roles.is_empty() && d.roles.iter().all(|r| r.framework() == d.framework),
                "{}: {} roles",
                q.id,
                d.id
            );
            assert!(
                d.sources.iter().all(|s| !s.trim().is_empty()) && !d.sources.is_empty(),
                "{}: {} has no source",
                q.id,
                d.id
            );
            assert!(
                elsa::validate::valid_date(&d.applies_from),
                "{}: {} has no date",
                q.id,
                d.id
            );
            assert!(
                q.triage.iter().any(|r| r.duties.contains(&d.id)),
                "{}: no rule names {}",
                q.id,
                d.id
            );
            assert!(
                d.text
                    .get("en")
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase),
                "{}: {} is not an imperative sentence",
                q.id,
                d.id
            );
        }
    }
}
