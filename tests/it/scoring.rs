//! Golden cases, one table per scoring rule.
use crate::common::*;
use elsa::scoring::{score, Outcome};

fn section_score(o: &Outcome, id: &str) -> Option<f64> {
    o.section(id).and_then(|s| s.score)
}

fn close(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(x), Some(y)) => (x - y).abs() < 1e-9,
        (None, None) => true,
        _ => false,
    }
}

/// Rule: section score = 100 × chosen concern / max concern over answered, visible, scored questions.
#[test]
fn rule_section_score_is_concern_over_maximum() {
    let q = mini();
    let cases: Vec<(Vec<(&str, &str)>, Option<f64>)> = vec![
        (vec![], None),
        (vec![("o1", "a")], Some(0.0)),
        (vec![("o1", "b")], Some(50.0)),
        (vec![("o1", "b"), ("o2", "no")], Some(100.0 * 5.0 / 7.0)),
        (vec![("o1", "a"), ("o2", "yes"), ("o3", "z")], Some(0.0)),
        // Text questions never count.
        (vec![("o1", "b"), ("o4", "t:Dr. Jansen")], Some(50.0)),
    ];
    for (answers, expected) in cases {
        let o = score(&q, &with(&q, &answers));
        assert!(
            close(section_score(&o, "oversight"), expected),
            "{answers:?}: got {:?}, want {expected:?}",
            section_score(&o, "oversight")
        );
    }
}

/// Rule: multiple choice counts its most concerning pick.
#[test]
fn rule_multi_choice_takes_the_highest_concern() {
    let q = mini();
    let cases: [(&[&str], f64); 3] = [
        (&["x", "z"], 100.0 / 3.0),
        (&["x", "y"], 100.0),
        (&["z"], 0.0),
    ];
    for (picks, expected) in cases {
        let o = score(&q, &fresh(&q).tap_choices("o3", picks));
        assert!(
            close(section_score(&o, "oversight"), Some(expected)),
            "{picks:?}: {:?}",
            section_score(&o, "oversight")
        );
    }
}

trait Tap {
    fn tap_choices(self, q: &str, ids: &[&str]) -> Self;
}
impl Tap for elsa::answers::Assessment {
    fn tap_choices(mut self, q: &str, ids: &[&str]) -> Self {
        let question = mini().question(q).unwrap().question.clone();
        for id in ids {
            self.toggle_choice(&question, id, true, NOW);
        }
        self
    }
}

/// Rule: "don't know" counts as maximum concern and is a knowledge gap.
#[test]
fn rule_dont_know_is_maximum_concern_and_a_gap() {
    let q = mini();
    let o = score(&q, &with(&q, &[("o1", "?"), ("o2", "yes")]));
    assert!(close(
        section_score(&o, "oversight"),
        Some(100.0 * 4.0 / 7.0)
    ));
    assert_eq!(
        o.knowledge_gaps,
        vec![("oversight".to_string(), "o1".to_string())]
    );
    let top = &o.section("oversight").unwrap().top;
    assert_eq!(top.len(), 1);
    assert!(top[0].dont_know && top[0].concern == 4);
}

/// Rule: N/A is left out of the score (and an unjustified N/A is reported).
#[test]
fn rule_not_applicable_is_excluded() {
    let q = mini();
    let mut a = with(&q, &[("o1", "b"), ("o2", "na")]);
    let o = score(&q, &a);
    assert!(close(section_score(&o, "oversight"), Some(50.0)));
    assert_eq!(
        o.unjustified_na,
        vec![("oversight".to_string(), "o2".to_string())]
    );
    a.set_note("o2", "Only used for research, never for care.".into(), NOW);
    let o = score(&q, &a);
    assert!(close(section_score(&o, "oversight"), Some(50.0)));
    assert!(o.unjustified_na.is_empty());
    // Only N/A answered: nothing to score yet.
    let o = score(&q, &with(&q, &[("o2", "na")]));
    assert_eq!(section_score(&o, "oversight"), None);
}

/// Rule: levels come from the bands in the file (upper bounds inclusive).
#[test]
fn rule_levels_come_from_the_bands() {
    let q = mini();
    // lowses has l1 (max 4) and, with l1 = yes and role = recommends, l2 (max 2).
    // (answers, the low-SES section's score and band; None while it has no scored answer)
    let cases: Vec<(Vec<(&str, &str)>, Option<f64>, Option<&str>)> = vec![
        (vec![("l1", "yes")], Some(0.0), Some("low")),
        (
            vec![("l1", "yes"), ("role", "recommends"), ("l2", "no")],
            Some(100.0 * 2.0 / 6.0),
            Some("moderate"),
        ),
        (vec![("o1", "b"), ("o2", "yes"), ("o3", "x+z")], None, None),
    ];
    for (answers, expected, band) in &cases {
        let o = score(&q, &with(&q, answers));
        let s = o.section("lowses").unwrap();
        assert!(close(s.score, *expected), "{answers:?}: {:?}", s.score);
        assert_eq!(
            s.level.as_ref().map(|l| l.band_id.as_str()),
            *band,
            "{answers:?}"
        );
    }
    // Boundaries: exactly 25 is "low", just above is "moderate"; exactly 50 is "moderate".
    assert_eq!(q.band_index(25.0), 0);
    assert_eq!(q.band_index(25.01), 1);
    assert_eq!(q.band_index(50.0), 1);
    assert_eq!(q.band_index(75.0), 2);
    assert_eq!(q.band_index(100.0), 3);
    // o1 = b (2/4) + o2 = no (3/3)... 5/7 = 71.4 -> high
    let o = score(&q, &with(&q, &[("o1", "b"), ("o2", "no")]));
    assert_eq!(
        o.section("oversight")
            .unwrap()
            .level
            .as_ref()
            .unwrap()
            .band_id,
        "high"
    );
}

/// Rule: a red flag raises the section (and overall) level to at least the second-highest band.
#[test]
fn rule_red_flag_raises_the_level() {
    let q = mini();
    // o1 = c (4, red flag), o2 = yes (0/3), o3 = z (0/3): 4/10 = 40 -> moderate by score.
    let a = with(&q, &[("o1", "c"), ("o2", "yes")]).tap_choices("o3", &["z"]);
    let o = score(&q, &a);
    let s = o.section("oversight").unwrap();
    assert!(close(s.score, Some(40.0)));
    let level = s.level.as_ref().unwrap();
    assert_eq!(level.band_id, "high");
    assert_eq!(level.raised, Some(elsa::scoring::Raise::RedFlag));
    assert_eq!(s.red_flags, 1);
    assert_eq!(o.red_flags.len(), 1);
    assert_eq!(o.red_flags[0].question_id, "o1");
    // The overall level is raised too, even though the weighted mean is low.
    let a = a.clone();
    let mut a = a;
    a.set_answer("l1", Some(ans("yes")), NOW);
    let o = score(&q, &a);
    // (40*2 + 0*1)/3 = 26.67 -> moderate by score, raised to high.
    assert!(close(o.overall, Some(80.0 / 3.0)));
    let ol = o.overall_level.as_ref().unwrap();
    assert_eq!(ol.band_id, "high");
    assert_eq!(ol.raised, Some(elsa::scoring::Raise::RedFlag));
    // A red flag never lowers a level that is already higher.
    let o = score(&q, &with(&q, &[("o1", "c")]));
    let l = o.section("oversight").unwrap().level.clone().unwrap();
    assert_eq!((l.band_id.as_str(), l.raised), ("critical", None));
}

/// Rule: the overall score is the weighted mean of the scored sections.
#[test]
fn rule_overall_is_weighted_mean() {
    let q = mini();
    let cases: Vec<(Vec<(&str, &str)>, Option<f64>)> = vec![
        (vec![], None),
        // oversight 50 (w 2), lowses unscored -> 50
        (vec![("o1", "b")], Some(50.0)),
        // oversight 50 (w 2), lowses 100 (w 1) -> 200/3
        (vec![("o1", "b"), ("l1", "no")], Some(200.0 / 3.0)),
        // oversight 0, lowses 100 -> 33.3
        (vec![("o1", "a"), ("l1", "no")], Some(100.0 / 3.0)),
    ];
    for (answers, expected) in cases {
        let o = score(&q, &with(&q, &answers));
        assert!(close(o.overall, expected), "{answers:?}: {:?}", o.overall);
    }
}

/// Rule: hidden questions do not count, but their answers are kept.
#[test]
fn rule_hidden_questions_do_not_count() {
    let q = mini();
    let a = with(&q, &[("role", "informs"), ("o1", "a"), ("o5", "p3")]);
    let o = score(&q, &a);
    assert!(close(section_score(&o, "oversight"), Some(0.0)));
    assert_eq!(o.section("oversight").unwrap().scored_visible, 3);
    let a = with(&q, &[("role", "decides"), ("o1", "a"), ("o5", "p3")]);
    let o = score(&q, &a);
    assert!(close(section_score(&o, "oversight"), Some(50.0)));
    assert_eq!(o.section("oversight").unwrap().scored_visible, 4);
}

/// Rule: each section lists the answers that contributed most, largest first (red flags first).
#[test]
fn rule_top_contributions_explain_the_score() {
    let q = mini();
    let a = with(
        &q,
        &[("role", "decides"), ("o1", "b"), ("o2", "no"), ("o5", "p3")],
    )
    .tap_choices("o3", &["x"]);
    let o = score(&q, &a);
    let s = o.section("oversight").unwrap();
    // concerns: o1 2/4, o2 3/3, o3 1/3, o5 4/4 -> max_sum 14
    let got: Vec<(&str, u8)> = s
        .top
        .iter()
        .map(|c| (c.question_id.as_str(), c.concern))
        .collect();
    assert_eq!(got, vec![("o5", 4), ("o2", 3), ("o1", 2), ("o3", 1)]);
    assert!((s.top[0].points - 400.0 / 14.0).abs() < 1e-9);
    let sum: f64 = s.top.iter().map(|c| c.points).sum();
    assert!(
        (sum - s.score.unwrap()).abs() < 1e-9,
        "contributions add up to the score"
    );
}

/// Recommendations follow from the answers, red flags first, then by concern on the question's
/// own scale.
#[test]
fn recommendations_for_the_answers_given() {
    let q = mini();
    let a = with(&q, &[("o1", "c"), ("o2", "no"), ("l1", "no")]).tap_choices("o3", &["x", "y"]);
    let o = score(&q, &a);
    let got: Vec<(&str, &str)> = o
        .recommendations
        .iter()
        .map(|r| (r.question_id.as_str(), r.option_id.as_str()))
        .collect();
    assert_eq!(
        got,
        // The red flag first; then by concern on each question's own scale: o2 "no" (3 of 3),
        // o3 "y" (3 of 3) and l1 "no" (4 of 4) are all at their question's maximum, so they keep
        // questionnaire order (l1 is in a later section); o3 "x" (1 of 3) last. By the raw
        // concern, l1's 4 would come before o2's 3, although both are the worst answer.
        vec![
            ("o1", "c"),
            ("o2", "no"),
            ("o3", "y"),
            ("l1", "no"),
            ("o3", "x")
        ]
    );
    assert!(o.recommendations[0].red_flag);
}

/// An answer naming an option that no longer exists is ignored, not a crash.
#[test]
fn unknown_option_ids_are_ignored() {
    let q = mini();
    let o = score(&q, &with(&q, &[("o1", "gone")]));
    assert_eq!(section_score(&o, "oversight"), None);
}
