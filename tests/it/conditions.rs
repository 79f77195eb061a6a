use crate::common::*;
use elsa::answers::{condition_holds, Visibility};
use elsa::model::Condition;
use serde_json::json;

fn cond(v: serde_json::Value) -> Condition {
    serde_json::from_value(v).unwrap()
}

#[test]
fn condition_table() {
    let q = mini();
    // (answers, condition, expected)
    let cases: Vec<(Vec<(&str, &str)>, serde_json::Value, bool)> = vec![
        (
            vec![("role", "decides")],
            json!({"equals": {"question": "role", "value": "decides"}}),
            true,
        ),
        (
            vec![("role", "informs")],
            json!({"equals": {"question": "role", "value": "decides"}}),
            false,
        ),
        (
            vec![],
            json!({"equals": {"question": "role", "value": "decides"}}),
            false,
        ),
        (
            vec![("role", "?")],
            json!({"equals": {"question": "role", "value": "decides"}}),
            false,
        ),
        (
            vec![("role", "recommends")],
            json!({"any_of": {"question": "role", "values": ["informs", "recommends"]}}),
            true,
        ),
        (
            vec![("role", "decides")],
            json!({"any_of": {"question": "role", "values": ["informs", "recommends"]}}),
            false,
        ),
        (
            vec![("o3", "x+y+z")],
            json!({"all_of": {"question": "o3", "values": ["x", "y"]}}),
            true,
        ),
        (
            vec![("o3", "x+z")],
            json!({"all_of": {"question": "o3", "values": ["x", "y"]}}),
            false,
        ),
        (
            vec![("o3", "x+z")],
            json!({"equals": {"question": "o3", "value": "z"}}),
            true,
        ),
        (
            vec![("o3", "x+z")],
            json!({"any_of": {"question": "o3", "values": ["y", "z"]}}),
            true,
        ),
        (
            vec![("role", "informs")],
            json!({"not": {"equals": {"question": "role", "value": "decides"}}}),
            true,
        ),
        (
            vec![("role", "decides"), ("l1", "yes")],
            json!({"all": [{"equals": {"question": "role", "value": "decides"}}, {"equals": {"question": "l1", "value": "yes"}}]}),
            true,
        ),
        (
            vec![("role", "decides"), ("l1", "no")],
            json!({"all": [{"equals": {"question": "role", "value": "decides"}}, {"equals": {"question": "l1", "value": "yes"}}]}),
            false,
        ),
        (
            vec![("role", "informs"), ("l1", "yes")],
            json!({"any": [{"equals": {"question": "role", "value": "decides"}}, {"equals": {"question": "l1", "value": "yes"}}]}),
            true,
        ),
        (
            vec![("role", "informs"), ("l1", "no")],
            json!({"any": [{"equals": {"question": "role", "value": "decides"}}, {"equals": {"question": "l1", "value": "yes"}}]}),
            false,
        ),
    ];
    for (i, (answers, c, expected)) in cases.into_iter().enumerate() {
        let a = with(&q, &answers);
        assert_eq!(
            condition_holds(&q, &a, &cond(c.clone())),
            expected,
            "case {i}: {answers:?} {c}"
        );
    }
}

#[test]
fn conditions_on_hidden_questions_are_false_so_hiding_cascades() {
    let q = mini();
    // o5 is shown only when role = decides; a condition on o5 must be false while o5 is hidden,
    // even though its answer is kept.
    let a = with(&q, &[("role", "informs"), ("o5", "p3")]);
    assert!(!condition_holds(
        &q,
        &a,
        &cond(json!({"equals": {"question": "o5", "value": "p3"}}))
    ));
    let a = with(&q, &[("role", "decides"), ("o5", "p3")]);
    assert!(condition_holds(
        &q,
        &a,
        &cond(json!({"equals": {"question": "o5", "value": "p3"}}))
    ));
}

#[test]
fn visibility_follows_show_if_and_keeps_answers() {
    let q = mini();
    let mut a = with(&q, &[("role", "decides"), ("o5", "p2")]);
    assert!(Visibility::compute(&q, &a).is_visible("o5"));
    a.set_answer("role", Some(ans("informs")), NOW);
    assert!(!Visibility::compute(&q, &a).is_visible("o5"));
    assert_eq!(
        a.answer("o5"),
        Some(&ans("p2")),
        "a hidden question's answer is kept"
    );
    a.set_answer("role", Some(ans("decides")), NOW);
    assert!(Visibility::compute(&q, &a).is_visible("o5"));
    // Nested all/not: l2 shows when l1 = yes and role is not "informs".
    let a = with(&q, &[("l1", "yes"), ("role", "recommends")]);
    assert!(Visibility::compute(&q, &a).is_visible("l2"));
    let a = with(&q, &[("l1", "yes"), ("role", "informs")]);
    assert!(!Visibility::compute(&q, &a).is_visible("l2"));
    // Questions without show_if are always visible.
    assert!(Visibility::compute(&q, &fresh(&q)).is_visible("o1"));
}
