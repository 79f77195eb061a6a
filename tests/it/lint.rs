use crate::common::*;
use elsa::lint::{lint, sentence_count, Requirements};
use elsa::model::LocalText;

#[test]
fn sentences_are_counted_without_tripping_on_abbreviations() {
    let cases = [
        ("One sentence.", 1),
        ("Why it matters. What good looks like.", 2),
        ("See GDPR art. 35 for this. Then act.", 2),
        ("For example, e.g. the ward. Also 1.5 times.", 2),
        ("Is it? Yes! Fine.", 3),
        ("Ends with a quote “like this.” Next one.", 2),
        ("No end mark", 0),
    ];
    for (text, n) in cases {
        assert_eq!(sentence_count(text), n, "{text}");
    }
}

#[test]
fn lint_names_each_content_problem() {
    let mut q = mini();
    // o1 has help of one sentence; o2 has no help and no reference; o3 options have recommendations.
    q.sections[1].questions[0].help = LocalText::en("Short. Two sentences.");
    let problems = lint(&q, &Requirements::default());
    assert!(
        problems.contains(&"o2: scored question without help".to_string()),
        "{problems:?}"
    );
    assert!(problems.contains(&"o2: scored question without a reference".to_string()));
    assert!(
        !problems.iter().any(|p| p.starts_with("o1:")),
        "{problems:?}"
    );
    // A concern-bearing option without a recommendation.
    if let elsa::model::QuestionKind::SingleChoice { options } =
        &mut q.sections[1].questions[0].kind
    {
        options[1].recommendation = None;
    }
    let problems = lint(&q, &Requirements::default());
    assert!(
        problems.contains(&"o1: option \"b\" has concern 2 but no recommendation".to_string()),
        "{problems:?}"
    );
    // The full requirements: counts and PROGRESS-Plus coverage.
    let problems = lint(&q, &Requirements::full());
    assert!(problems
        .iter()
        .any(|p| p.starts_with("only ") && p.contains("scored questions; at least 100")));
    assert!(problems
        .iter()
        .any(|p| p.contains("scored low-SES questions; at least 15")));
    assert!(problems
        .iter()
        .any(|p| p.contains("\"Place of residence\"")));
    assert!(
        !problems.iter().any(|p| p.contains("\"Education\"")),
        "l1 is tagged with education"
    );
}

/// Legal content is dated, and a duty that no rule names is reported (it would never show).
#[test]
fn lint_asks_for_the_legal_date_and_for_duties_that_can_show() {
    let mut q = mini();
    let no_date =
        "the triage has no legal_as_of: record the date its legal content was last checked";
    assert!(
        !lint(&q, &Requirements::default()).contains(&no_date.to_string()),
        "no triage, no date needed"
    );
    q.duties = vec![elsa::model::Duty {
        id: "keep-logs".into(),
        framework: elsa::model::Framework::EuAiAct,
        roles: vec![elsa::model::Role::AiDeployer],
        text: LocalText::en("Keep the logs for at least six months"),
        detail: LocalText::default(),
        sources: vec!["EU AI Act art. 26(6)".into()],
        applies_from: "2027-12-02".into(),
        date_note: LocalText::default(),
        transitions: vec![],
        guidance: false,
        when: None,
    }];
    let problems = lint(&q, &Requirements::default());
    assert!(problems.contains(&no_date.to_string()), "{problems:?}");
    assert!(
        problems
            .contains(&"duty keep-logs: no triage rule names it, so it never shows".to_string()),
        "{problems:?}"
    );
    q.legal_as_of = Some("2026-12-03".into());
    q.triage = vec![elsa::model::TriageRule {
        id: "deployer".into(),
        framework: elsa::model::Framework::EuAiAct,
        severity: elsa::model::Severity::Attention,
        finding: elsa::model::Finding::Applies,
        decisive: false,
        when: serde_json::from_value(
            serde_json::json!({"equals": {"question": "o2", "value": "yes"}}),
        )
        .unwrap(),
        roles: vec![elsa::model::Role::AiDeployer],
        duties: vec!["keep-logs".into()],
        duties_from: None,
        conclusion: LocalText::en("Your organisation is a deployer"),
        explanation: LocalText::default(),
        references: vec!["EU AI Act art. 3(4)".into()],
    }];
    let problems = lint(&q, &Requirements::default());
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("legal_as_of") || p.starts_with("duty ")),
        "{problems:?}"
    );
}
