//! Issue 6, pure core: the sign-off fingerprint (canonicalisation, stale detection) and
//! compare-over-time.

use crate::common::*;
use elsa::answers::{Answer, Response};
use elsa::compare::diff;
use elsa::model::ProfileField;
use elsa::review::{canonical_answers, fingerprint, is_stale};

fn team() -> elsa::answers::Assessment {
    let q = mini();
    let mut a = with(
        &q,
        &[("role", "decides"), ("o1", "b"), ("o3", "x+y"), ("o5", "?")],
    );
    a.set_note("o1", "Reviewed on Mondays — Zoë".into(), NOW);
    a.set_metadata(ProfileField::ProjectName, "Sepsis".into(), NOW);
    a
}

/// Key order and whitespace of the file, timestamps, the id and the last section do not change
/// the fingerprint; neither does the order of multiple-choice options.
#[test]
fn fingerprint_ignores_layout_and_bookkeeping() {
    let a = team();
    let fp = fingerprint(&a, None);
    assert!(fp.starts_with("sha256:") && fp.len() == 7 + 64, "{fp}");
    // The same data written with other whitespace and key order.
    let json = serde_json::to_value(&a).unwrap();
    let pretty = serde_json::to_string_pretty(&json).unwrap();
    let mut reordered = serde_json::Map::new();
    for (k, v) in json.as_object().unwrap().iter().rev() {
        reordered.insert(k.clone(), v.clone());
    }
    for text in [pretty, serde_json::to_string(&reordered).unwrap()] {
        let back: elsa::answers::Assessment = serde_json::from_str(&text).unwrap();
        assert_eq!(fingerprint(&back, None), fp);
    }
    let mut b = a.clone();
    b.id = "a-copy".into();
    b.modified = "2030-01-01T00:00:00Z".into();
    b.created = "2029-01-01T00:00:00Z".into();
    b.last_section = Some("lowses".into());
    b.responses
        .insert("never-touched".into(), Response::default());
    b.set_answer(
        "o3",
        Some(Answer::Choices {
            ids: vec!["y".into(), "x".into()],
        }),
        NOW,
    );
    assert_eq!(
        fingerprint(&b, None),
        fp,
        "{}\n{}",
        canonical_answers(&a, None),
        canonical_answers(&b, None)
    );
    assert!(!is_stale(&fp, &b, None));
}

/// Any change to an answer, a note or the profile changes it, and the sign-off goes stale.
#[test]
fn any_change_to_the_answers_makes_the_signoff_stale() {
    let a = team();
    let fp = fingerprint(&a, None);
    let changes: Vec<(&str, Box<dyn Fn(&mut elsa::answers::Assessment)>)> = vec![
        (
            "another option",
            Box::new(|x| x.set_answer("o1", Some(ans("c")), NOW)),
        ),
        (
            "an answer removed",
            Box::new(|x| x.set_answer("role", None, NOW)),
        ),
        (
            "don't know answered",
            Box::new(|x| x.set_answer("o5", Some(ans("p1")), NOW)),
        ),
        (
            "a multiple-choice option more",
            Box::new(|x| x.set_answer("o3", Some(ans("x+y+z")), NOW)),
        ),
        (
            "a note edited",
            Box::new(|x| x.set_note("o1", "Reviewed on Tuesdays — Zoë".into(), NOW)),
        ),
        (
            "a note added",
            Box::new(|x| x.set_note("o2", "new".into(), NOW)),
        ),
        (
            "the profile",
            Box::new(|x| x.set_metadata(ProfileField::ProjectName, "Sepsis 2".into(), NOW)),
        ),
        (
            "the questionnaire version",
            Box::new(|x| x.questionnaire_version = "9.9.9".into()),
        ),
    ];
    let mut seen = vec![fp.clone()];
    for (what, change) in changes {
        let mut b = a.clone();
        change(&mut b);
        assert!(
            is_stale(&fp, &b, None),
            "{what} must make the sign-off stale"
        );
        let f = fingerprint(&b, None);
        assert!(!seen.contains(&f), "{what}: fingerprints must differ");
        seen.push(f);
    }
}

/// The known SHA-256 of a known canonical text (so that the hash is really SHA-256).
#[test]
fn fingerprint_is_sha256_of_the_canonical_text() {
    let mut a = fresh(&mini());
    a.questionnaire_version = "1".into();
    assert_eq!(
        canonical_answers(&a, None),
        r#"{"questionnaire_id":"mini","questionnaire_version":"1","metadata":{"project_name":"","organisation":"","assessors":"","intended_use":"","intended_users":"","clinical_setting":"","target_population":"","data_sources":""},"responses":{}}"#
    );
    let out = std::process::Command::new("sha256sum")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write;
            c.stdin
                .take()
                .unwrap()
                .write_all(canonical_answers(&a, None).as_bytes())?;
            c.wait_with_output()
        });
    let hex = String::from_utf8(out.expect("sha256sum").stdout).unwrap();
    assert_eq!(fingerprint(&a, None), format!("sha256:{}", &hex[..64]));
}

/// Before and after mitigation: the changed answers, scores per section and the red flags.
#[test]
fn compare_over_time_lists_changes_scores_and_flags() {
    let q = mini();
    let before = with(
        &q,
        &[("role", "decides"), ("o1", "c"), ("o2", "no"), ("l1", "no")],
    );
    let mut after = before.clone();
    after.set_answer("o1", Some(ans("a")), NOW); // red flag resolved
    after.set_answer("o5", Some(ans("p3")), NOW); // newly answered
    after.set_note("role", "Now only recommends".into(), NOW);
    let d = diff(&q, &before, &after, "en");
    let changed: Vec<(&str, Option<&str>, Option<&str>, bool)> = d
        .answers
        .iter()
        .map(|c| {
            (
                c.question_id.as_str(),
                c.before.as_deref(),
                c.after.as_deref(),
                c.note_changed,
            )
        })
        .collect();
    assert_eq!(
        changed,
        vec![
            ("role", Some("Decides"), Some("Decides"), true),
            ("o1", Some("Never reviewed"), Some("Always reviewed"), false),
            ("o5", None, Some("Not"), false),
        ]
    );
    let (sb, sa) = (
        elsa::scoring::score(&q, &before),
        elsa::scoring::score(&q, &after),
    );
    let oversight = d
        .sections
        .iter()
        .find(|s| s.section_id == "oversight")
        .unwrap();
    assert_eq!(oversight.before, sb.section("oversight").unwrap().score);
    assert_eq!(oversight.after, sa.section("oversight").unwrap().score);
    assert_ne!(oversight.before, oversight.after);
    assert_eq!(d.sections.len(), sb.sections.len());
    assert_eq!(
        (d.overall_before, d.overall_after),
        (sb.overall, sa.overall)
    );
    assert_eq!(
        d.flags_resolved,
        vec![("oversight".to_string(), "o1".to_string())]
    );
    // And the other way round, the flag is raised.
    let back = diff(&q, &after, &before, "en");
    assert_eq!(back.flags_raised, d.flags_resolved);
    assert!(back.flags_resolved.is_empty());
    // No change, no differences.
    let same = diff(&q, &before, &before, "en");
    assert!(
        same.answers.is_empty() && same.flags_raised.is_empty() && same.flags_resolved.is_empty()
    );
}

/// Workshop: section statistics and the disagreement measure, as golden tables.
#[test]
fn workshop_statistics_and_disagreement_golden() {
    use elsa::workshop::{disagreement, section_stats};
    let q = mini();
    // Four teams. o1: a, a, c, b → 2 of 4 agree (0.5). o2: no ×4 → 0. o3: {x,y}, {y,x}, y,
    // unanswered → 2 of 3 agree (⅓). o5: ?, p1, p2, p3 → 1 of 4 (0.75).
    let teams = vec![
        with(&q, &[("o1", "a"), ("o2", "no"), ("o3", "x+y"), ("o5", "?")]),
        with(
            &q,
            &[("o1", "a"), ("o2", "no"), ("o3", "y+x"), ("o5", "p1")],
        ),
        with(&q, &[("o1", "c"), ("o2", "no"), ("o3", "y"), ("o5", "p2")]),
        with(&q, &[("o1", "b"), ("o2", "no"), ("o5", "p3")]),
    ];
    let split = disagreement(&q, &teams);
    let table: Vec<(&str, f64, usize)> = split
        .iter()
        .map(|s| {
            (
                s.question_id.as_str(),
                (s.disagreement * 1000.0).round() / 1000.0,
                s.answered,
            )
        })
        .collect();
    assert_eq!(
        table,
        vec![
            ("o5", 0.75, 4),
            ("o1", 0.5, 4),
            ("o3", 0.333, 3),
            ("o2", 0.0, 4)
        ]
    );
    let o1 = &split[1];
    let groups: Vec<(&str, Vec<usize>)> = o1
        .groups
        .iter()
        .map(|g| (g.key.as_str(), g.teams.clone()))
        .collect();
    assert_eq!(
        groups,
        vec![("a", vec![0, 1]), ("c", vec![2]), ("b", vec![3])]
    );
    assert_eq!(
        split[2].groups[0].key, "x+y",
        "option order does not split teams"
    );
    assert_eq!(
        split[0]
            .groups
            .iter()
            .find(|g| g.key == "dont_know")
            .unwrap()
            .teams,
        vec![0]
    );

    // Section statistics against each team's own score.
    let stats = section_stats(&q, &teams);
    let oversight = stats.iter().find(|s| s.section_id == "oversight").unwrap();
    let own: Vec<Option<f64>> = teams
        .iter()
        .map(|a| {
            elsa::scoring::score(&q, a)
                .section("oversight")
                .unwrap()
                .score
        })
        .collect();
    assert_eq!(oversight.scores, own);
    let mut v: Vec<f64> = own.iter().flatten().copied().collect();
    v.sort_by(|a, b| a.total_cmp(b));
    assert_eq!(oversight.mean, Some(v.iter().sum::<f64>() / 4.0));
    assert_eq!(oversight.median, Some((v[1] + v[2]) / 2.0));
    assert_eq!(oversight.spread, Some(v[3] - v[0]));
    // A section nobody answered has no statistics.
    let lowses = stats.iter().find(|s| s.section_id == "lowses").unwrap();
    assert_eq!(
        (lowses.mean, lowses.median, lowses.spread),
        (None, None, None)
    );
    // Odd count: the middle value.
    let three = section_stats(&q, &teams[..3]);
    let o = three.iter().find(|s| s.section_id == "oversight").unwrap();
    let mut w: Vec<f64> = o.scores.iter().flatten().copied().collect();
    w.sort_by(|a, b| a.total_cmp(b));
    assert_eq!(o.median, Some(w[1]));
}
