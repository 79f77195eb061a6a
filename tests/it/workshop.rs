//! The workshop's rules (`elsa::workshop::Workshop`): which team files join (one questionnaire
//! and version, no file twice), default labels, removing and relabelling, and the stored form
//! read back — a damaged or foreign stored value included.
use crate::common::{mini, with};
use elsa::answers::Assessment;
use elsa::i18n::{with_lang, Lang};
use elsa::review::Review;
use elsa::workshop::{default_label, AddOutcome, StoredError, Workshop, WORKSHOP_KEY};

/// A team's file: its id, assessors and project name, and its answers.
fn team(id: &str, assessors: &str, project: &str, answers: &[(&str, &str)]) -> Assessment {
    let mut a = with(&mini(), answers);
    a.id = id.into();
    a.metadata.assessors = assessors.into();
    a.metadata.project_name = project.into();
    a
}

fn labels(w: &Workshop) -> Vec<&str> {
    w.teams().iter().map(|t| t.label.as_str()).collect()
}

fn ids(w: &Workshop) -> Vec<&str> {
    w.teams().iter().map(|t| t.assessment.id.as_str()).collect()
}

/// Three teams of the mini questionnaire, added in order.
fn three() -> Workshop {
    let mut w = Workshop::new();
    for (a, file) in [
        (
            team("t1", "North table", "Triage bot", &[("o1", "a")]),
            "north.json",
        ),
        (team("t2", "", "Triage bot", &[("o1", "b")]), "south.json"),
        (team("t3", "", "", &[("o1", "c")]), "east table.pdf"),
    ] {
        assert_eq!(w.add(a, file), AddOutcome::Added);
    }
    w
}

#[test]
fn default_labels_come_from_assessors_then_project_then_file_name() {
    let w = three();
    assert_eq!(labels(&w), ["North table", "Triage bot", "east table"]);
    assert_eq!(w.label(1), Some("Triage bot"));
    assert_eq!(w.label(3), None);
    // Spaces around a field do not count; long labels are cut at 60 characters.
    let long = "x".repeat(80);
    assert_eq!(
        default_label(&team("a", "  ", &format!("  {long}"), &[]), "f.json"),
        "x".repeat(60)
    );
    assert_eq!(
        default_label(&team("a", "", "", &[]), "team report.pdf"),
        "team report"
    );
    // Nothing to take a label from: the team's number.
    let mut w = three();
    assert_eq!(w.add(team("t4", " ", "", &[]), ".json"), AddOutcome::Added);
    assert_eq!(w.label(3), Some("Team 4"));
}

#[test]
fn the_same_file_twice_is_refused_by_name_and_team() {
    let mut w = three();
    // Loaded again: the same assessment (id) with the same answers.
    let again = team("t2", "", "Triage bot", &[("o1", "b")]);
    let out = w.add(again.clone(), "south again.json");
    assert_eq!(out, AddOutcome::Duplicate { of: 1 });
    assert_eq!(
        out.problem("south again.json").as_deref(),
        Some("“south again.json” was not added: team 2 has the same file (the same assessment with the same answers).")
    );
    assert_eq!(w.len(), 3, "a duplicate is not added");
    // Timestamps and labels do not make a file another one: only the answers (fingerprint) do.
    let mut later = again.clone();
    later.modified = "2027-01-01T00:00:00.000Z".into();
    later.metadata.assessors = String::new();
    assert_eq!(w.add(later, "copy.json"), AddOutcome::Duplicate { of: 1 });
    // The same id with other answers: another team that started from the same file.
    assert_eq!(
        w.add(team("t2", "", "Triage bot", &[("o1", "a")]), "variant.json"),
        AddOutcome::Added
    );
    // The same answers under another id: two teams that happen to agree.
    assert_eq!(
        w.add(team("t9", "", "Triage bot", &[("o1", "b")]), "twin.json"),
        AddOutcome::Added
    );
    assert_eq!(ids(&w), ["t1", "t2", "t3", "t2", "t9"]);
    assert_eq!(AddOutcome::Added.problem("x.json"), None);
}

#[test]
fn a_file_of_another_questionnaire_or_version_is_refused() {
    let mut w = three();
    let mut other_version = team("v2", "West", "", &[("o1", "a")]);
    other_version.questionnaire_version = "2.0.0".into();
    let out = w.add(other_version.clone(), "west.json");
    assert_eq!(
        out,
        AddOutcome::OtherQuestionnaire {
            id: "mini".into(),
            version: "2.0.0".into(),
            workshop_id: "mini".into(),
            workshop_version: "1.2.3".into()
        }
    );
    assert_eq!(
        out.problem("west.json").as_deref(),
        Some("“west.json” was not added: it answers the questionnaire “mini” version 2.0.0, and this workshop compares “mini” version 1.2.3.")
    );
    let mut other = team("q2", "", "", &[]);
    other.questionnaire_id = "elsa-quick-scan".into();
    assert!(
        matches!(w.add(other, "quick.json"), AddOutcome::OtherQuestionnaire { ref id, .. } if id == "elsa-quick-scan")
    );
    assert_eq!(w.len(), 3);
    assert_eq!(w.questionnaire(), Some(("mini", "1.2.3")));
    // The first team decides: once the workshop is empty, any questionnaire may start it.
    while w.remove(0).is_some() {}
    assert!(w.is_empty() && w.questionnaire().is_none());
    assert_eq!(w.add(other_version, "west.json"), AddOutcome::Added);
    assert_eq!(w.questionnaire(), Some(("mini", "2.0.0")));
}

#[test]
fn messages_come_out_in_dutch() {
    let text = with_lang(Lang::Nl, || {
        AddOutcome::Duplicate { of: 0 }.problem("a.json")
    })
    .unwrap();
    assert!(
        text.starts_with("“a.json”") && text.contains("team 1") && !text.contains("was not added"),
        "{text}"
    );
    let text = with_lang(Lang::Nl, || StoredError::Foreign.to_string());
    assert_eq!(text, "het is geen workshop");
}

#[test]
fn removing_a_team_moves_the_later_ones_up() {
    let mut w = three();
    let gone = w.remove(1).expect("team 2 is there");
    assert_eq!(gone.label, "Triage bot");
    assert_eq!(ids(&w), ["t1", "t3"]);
    assert_eq!(labels(&w), ["North table", "east table"]);
    assert!(w.remove(2).is_none(), "no third team any more");
    assert_eq!(w.len(), 2);
    // A removed file may be loaded again.
    assert_eq!(w.add(gone.assessment, "south.json"), AddOutcome::Added);
    assert_eq!(ids(&w), ["t1", "t3", "t2"]);
}

#[test]
fn relabelling_trims_and_an_empty_label_becomes_the_team_number() {
    let mut w = three();
    assert!(w.relabel(2, "  Blue table "));
    assert_eq!(w.label(2), Some("Blue table"));
    assert!(w.relabel(0, "   "));
    assert_eq!(w.label(0), Some("Team 1"));
    assert!(!w.relabel(3, "Nobody"), "no fourth team");
    assert_eq!(labels(&w), ["Team 1", "Triage bot", "Blue table"]);
    // Labels never change a team's answers.
    assert_eq!(w.teams()[2].assessment, team("t3", "", "", &[("o1", "c")]));
}

#[test]
fn the_stored_form_reads_back_the_same() {
    let mut w = three();
    w.relabel(1, "Blue, \"quoted\" table");
    // A team file carrying a review keeps it word for word.
    let mut reviewed = team("t4", "Reviewed", "", &[("o2", "no")]);
    let review = Review {
        reviewer_name: "R. Viewer".into(),
        conditions: "Line one\nline two".into(),
        ..Review::default()
    };
    reviewed.set_review(Some(&review));
    assert_eq!(w.add(reviewed, "reviewed.json"), AddOutcome::Added);

    let text = w.to_stored();
    let back = Workshop::from_stored(&text).expect("its own stored form reads back");
    assert_eq!(back, w);
    assert_eq!(back.teams()[3].assessment.review(), Some(review));
    assert_eq!(
        back.to_stored(),
        text,
        "writing it again gives the same text"
    );

    // The shape: format, version, and per team its label and the assessment as the file has it.
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["format"], "elsa-workshop");
    assert_eq!(json["format_version"], 1);
    assert_eq!(json["teams"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["teams"][1]["label"], "Blue, \"quoted\" table");
    assert_eq!(json["teams"][1]["assessment"]["id"], "t2");
    assert_eq!(
        json["teams"][0]["assessment"]["responses"]["o1"]["answer"]["id"],
        "a"
    );
    assert_eq!(WORKSHOP_KEY, "elsa.v1.workshop");

    // An empty workshop too.
    assert_eq!(
        Workshop::from_stored(&Workshop::new().to_stored()),
        Ok(Workshop::new())
    );
}

#[test]
fn a_workshop_stored_by_the_previous_version_reads_back() {
    // Written the way the studio stored it before the rules moved into the core.
    let text = format!(
        r#"{{"format":"elsa-workshop","format_version":1,"teams":[{{"label":"Old label","assessment":{}}}]}}"#,
        serde_json::to_string(&team("t1", "North", "", &[("o1", "a")])).unwrap()
    );
    let w = Workshop::from_stored(&text).expect("readable");
    assert_eq!(labels(&w), ["Old label"]);
    assert_eq!(
        w.first().and_then(|a| a.answer("o1")),
        team("t1", "", "", &[("o1", "a")]).answer("o1")
    );
}

#[test]
fn a_damaged_or_foreign_stored_value_is_an_error_that_says_why() {
    let good = three().to_stored();
    let damaged = |text: &str| match Workshop::from_stored(text) {
        Err(StoredError::Damaged(m)) => m,
        other => panic!("{text:?} should be damaged, got {other:?}"),
    };
    // Not JSON, cut off, or JSON of the wrong shape.
    assert!(!damaged("not json").is_empty());
    damaged(&good[..good.len() / 2]);
    damaged(r#"{"format":"elsa-workshop","format_version":1}"#);
    damaged(r#"{"format":"elsa-workshop","format_version":1,"teams":[{"label":3}]}"#);
    damaged(r#"{"format":"elsa-workshop","format_version":"1","teams":[]}"#);

    // Something else stored under the key: an assessment file, an empty object.
    let assessment = elsa::persist::encode(&team("t1", "", "", &[]), elsa::i18n::Lang::En);
    assert_eq!(
        Workshop::from_stored(&assessment),
        Err(StoredError::Foreign)
    );
    assert_eq!(Workshop::from_stored("{}"), Err(StoredError::Foreign));
    assert_eq!(Workshop::from_stored("[]"), Err(StoredError::Foreign));
    assert_eq!(StoredError::Foreign.to_string(), "it is not a workshop");

    // A newer format.
    let newer = good.replacen("\"format_version\":1", "\"format_version\":2", 1);
    assert_eq!(Workshop::from_stored(&newer), Err(StoredError::Newer(2)));
    assert_eq!(
        StoredError::Newer(2).to_string(),
        "it was saved by a newer version of this tool (workshop format 2)"
    );

    // Teams no workshop can hold: two versions of the questionnaire, or one file twice.
    let stored_pair = |a: &Assessment, b: &Assessment| {
        format!(
            r#"{{"format":"elsa-workshop","format_version":1,"teams":[{{"label":"A","assessment":{}}},{{"label":"B","assessment":{}}}]}}"#,
            serde_json::to_string(a).unwrap(),
            serde_json::to_string(b).unwrap()
        )
    };
    let a = team("t1", "", "", &[("o1", "a")]);
    let mut b = team("t2", "", "", &[("o1", "b")]);
    assert!(Workshop::from_stored(&stored_pair(&a, &b)).is_ok());
    b.questionnaire_version = "2.0.0".into();
    assert_eq!(
        Workshop::from_stored(&stored_pair(&a, &b)),
        Err(StoredError::Inconsistent)
    );
    assert_eq!(
        Workshop::from_stored(&stored_pair(&a, &a)),
        Err(StoredError::Inconsistent)
    );
    assert!(StoredError::Inconsistent
        .to_string()
        .contains("different questionnaires"));
}

#[test]
fn a_stored_team_without_a_label_gets_its_number() {
    let text = format!(
        r#"{{"format":"elsa-workshop","format_version":1,"teams":[{{"label":" ","assessment":{}}}]}}"#,
        serde_json::to_string(&team("t1", "North", "", &[])).unwrap()
    );
    assert_eq!(
        Workshop::from_stored(&text).map(|w| w.label(0).map(str::to_string)),
        Ok(Some("Team 1".into()))
    );
}

#[test]
fn statistics_and_csv_of_the_workshop_are_those_of_its_teams_in_order() {
    let q = mini();
    let mut w = three();
    w.relabel(0, "=SUM(A1)");
    let teams: Vec<Assessment> = w.teams().iter().map(|t| t.assessment.clone()).collect();
    assert_eq!(
        w.section_stats(&q),
        elsa::workshop::section_stats(&q, &teams)
    );
    assert_eq!(w.disagreement(&q), elsa::workshop::disagreement(&q, &teams));
    let o1 = w
        .disagreement(&q)
        .into_iter()
        .find(|s| s.question_id == "o1")
        .unwrap();
    assert_eq!(
        o1.groups
            .iter()
            .map(|g| g.teams.clone())
            .collect::<Vec<_>>(),
        [vec![0], vec![1], vec![2]]
    );
    let pairs: Vec<(String, Assessment)> = w
        .teams()
        .iter()
        .map(|t| (t.label.clone(), t.assessment.clone()))
        .collect();
    let csv = w.csv(&q, "en");
    assert_eq!(csv, elsa::workshop::csv(&q, &pairs, "en"));
    let rows: Vec<&str> = csv
        .lines()
        .skip(1)
        .map(|l| l.split(',').next().unwrap_or_default())
        .collect();
    assert_eq!(
        rows,
        ["'=SUM(A1)", "Triage bot", "east table"],
        "labels in team order, formulas defused"
    );
}

/// A workshop stored before an update of the tool: its teams of an older version of a bundled
/// questionnaire move to the newest version with every answer kept, so that files of the new
/// version (which the import moves forward too) can still join.
#[test]
fn stored_teams_of_an_older_bundled_version_move_to_the_newest() {
    let (all, _) = elsa::bundled::load_all();
    let q = all
        .iter()
        .filter(|q| q.id == "elsa-health-ai")
        .max_by(|a, b| elsa::import::compare_versions(&a.version, &b.version).unwrap())
        .unwrap();
    let mut old = elsa::answers::Assessment::new("old-team".into(), q, "2026-01-01T00:00:00Z");
    old.questionnaire_version = "1.0.0".into();
    let first = q.sections[1].questions[0].id.clone();
    old.set_answer(
        &first,
        Some(elsa::answers::Answer::DontKnow),
        "2026-01-01T00:00:00Z",
    );
    old.set_answer(
        "retired-question",
        Some(elsa::answers::Answer::DontKnow),
        "2026-01-01T00:00:00Z",
    );
    let text = format!(
        r#"{{"format":"elsa-workshop","format_version":1,"teams":[{{"label":"Old","assessment":{}}}]}}"#,
        serde_json::to_string(&old).unwrap()
    );
    let mut w = Workshop::from_stored(&text).expect("readable");
    let moved = w.first().unwrap();
    assert_eq!(moved.questionnaire_version, q.version);
    assert_eq!(moved.responses.len(), 2, "every answer kept");
    let mut new = elsa::answers::Assessment::new("new-team".into(), q, "2026-12-03T00:00:00Z");
    new.metadata.assessors = "New".into();
    assert_eq!(
        w.add(new, "new.json"),
        AddOutcome::Added,
        "a file of the newest version joins"
    );
}

/// Issue 19: per question, every option with the teams that chose it, in concern order with the
/// recommended answer marked; facts apart from judgements; a disagreement measure that accounts
/// for the number of options; and a documented reading of a section's spread.
#[test]
fn question_counts_are_in_concern_order_with_the_recommended_answer_marked() {
    use elsa::workshop::{normalised_disagreement, question_counts, Reading};
    let q = crate::common::mini();
    // o1: a (0), b (2), c (4, red flag). Teams: c, a, c, b, DK.
    let teams: Vec<_> = ["c", "a", "c", "b", "?"]
        .iter()
        .map(|x| crate::common::with(&q, &[("o1", x), ("role", "decides")]))
        .collect();
    let counts = question_counts(&q, &teams);
    let o1 = counts.iter().find(|c| c.question_id == "o1").unwrap();
    assert!(!o1.fact);
    assert_eq!(o1.answered, 5);
    let got: Vec<(&str, Vec<usize>, bool)> = o1
        .options
        .iter()
        .map(|o| (o.key.as_str(), o.teams.clone(), o.recommended))
        .collect();
    assert_eq!(
        got,
        vec![
            ("a", vec![1], true),
            ("b", vec![3], false),
            ("c", vec![0, 2], false),
            ("dont_know", vec![4], false),
        ]
    );
    // Most common 2 of 5 over 3 options: (1 − 2/5) ÷ (1 − 1/3) = 0.9.
    assert!((o1.disagreement - 0.9).abs() < 1e-9, "{}", o1.disagreement);
    assert!(!o1.agreed);
    // The profile question is a fact of the case, all agreed, no recommended answer.
    let role = counts.iter().find(|c| c.question_id == "role").unwrap();
    assert!(role.fact && role.agreed);
    assert_eq!(role.disagreement, 0.0);
    assert!(role.options.iter().all(|o| !o.recommended));
    // The measure: an even split is the most divided a yes/no question can be, not on five
    // options; one team cannot disagree with itself.
    assert_eq!(normalised_disagreement(6, 12, 2), 1.0);
    assert!((normalised_disagreement(6, 12, 5) - 0.625).abs() < 1e-9);
    assert_eq!(normalised_disagreement(12, 12, 5), 0.0);
    assert_eq!(normalised_disagreement(1, 1, 5), 0.0);
    // The reading of a spread, by the documented rule (≤ 15, ≤ 35, more).
    assert_eq!(Reading::of(15.0), Reading::Agree);
    assert_eq!(Reading::of(15.5), Reading::Differ);
    assert_eq!(Reading::of(35.0), Reading::Differ);
    assert_eq!(Reading::of(36.0), Reading::DisagreeWidely);
}

/// Writes the workshop summary of twelve teams on one case (the no-show case's four example
/// teams, three times) to $ELSA_LOOK, for a person to look at.
#[cfg(feature = "pdf")]
#[test]
#[ignore]
fn write_sample_workshop_for_review() {
    let Ok(dir) = std::env::var("ELSA_LOOK") else {
        return;
    };
    let case = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("cases/no-show");
    let (all, _) = elsa::bundled::load_all();
    let mut teams = Vec::new();
    for round in 0..3 {
        for t in 1..=4 {
            let a = crate::cases::import(&case.join(format!("team-{t}.json")));
            teams.push((format!("Table {}", round * 4 + t), a));
        }
    }
    let q = elsa::bundled::find(
        &all,
        &teams[0].1.questionnaire_id,
        &teams[0].1.questionnaire_version,
    )
    .unwrap()
    .clone();
    for lang in [elsa::i18n::Lang::En, elsa::i18n::Lang::Nl] {
        let bytes =
            elsa::report::pdf::workshop_pdf(&q, &teams, "2026-12-04T10:00:00+01:00", lang).unwrap();
        std::fs::write(format!("{dir}/workshop-{}.pdf", lang.code()), bytes).unwrap();
    }
}

/// Issue 19: the workshop summary is a tagged PDF too (headings by size, paragraphs, tables; the
/// chart and the running header are artifacts).
#[cfg(feature = "pdf")]
#[test]
fn the_workshop_summary_is_tagged() {
    let q = crate::common::mini();
    let teams: Vec<(String, elsa::answers::Assessment)> = ["a", "c"]
        .iter()
        .enumerate()
        .map(|(i, x)| (format!("Team {i}"), crate::common::with(&q, &[("o1", x)])))
        .collect();
    let bytes =
        elsa::report::pdf::workshop_pdf(&q, &teams, "2026-12-04T10:00:00Z", elsa::i18n::Lang::En)
            .unwrap();
    let path = std::env::temp_dir().join(format!("elsa-ws-tagged-{}.pdf", std::process::id()));
    std::fs::write(&path, &bytes).unwrap();
    let out = std::process::Command::new("pdfinfo")
        .arg("-struct-text")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    let tree = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = tree.lines().map(str::trim).collect();
    assert_eq!(lines.first(), Some(&"Document"));
    assert!(lines
        .windows(2)
        .any(|w| w[0].starts_with("H1") && w[1] == "\"Workshop summary\""));
    assert!(lines
        .windows(2)
        .any(|w| w[0].starts_with("H2") && w[1] == "\"Section scores\""));
    assert!(lines.iter().any(|l| l.starts_with("TH")));
    assert!(!tree.contains("page 1 of"), "the footer is an artifact");
}
