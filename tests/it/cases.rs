//! Issue 18: the educators' worked cases (`cases/<id>/`). Each case, its reference and its
//! example teams are checked like any file the tool reads; the reference fires exactly the
//! triage conclusions its reasoning states; the reference view sets teams against it.

use elsa::answers::{Answer, Assessment};
use elsa::cases::{check, compare, Case};
use elsa::import::{import_bytes, Available};
use elsa::model::Questionnaire;
use elsa::report::pdf::extract_attachment;
use std::path::{Path, PathBuf};

/// A bundled case as the tool reads it.
pub struct Loaded {
    pub case: Case,
    pub questionnaire: Questionnaire,
    pub reference: Assessment,
    pub teams: Vec<Assessment>,
}

fn questionnaire(id: &str, version: &str) -> Questionnaire {
    elsa::bundled::SOURCES
        .iter()
        .filter_map(|(name, text)| elsa::bundled::parse(name, text).ok())
        .find(|q| q.id == id && q.version == version)
        .unwrap_or_else(|| panic!("no bundled questionnaire {id} {version}"))
}

/// Import a file as the app does (every check of an import), or say why it fails.
pub fn import(path: &Path) -> Assessment {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let offered: Vec<(String, String, String)> = elsa::bundled::offered()
        .iter()
        .map(|b| {
            (
                b.id.to_string(),
                b.version.to_string(),
                b.title().get("en").to_string(),
            )
        })
        .collect();
    let available: Vec<Available> = offered
        .iter()
        .map(|(id, version, title)| Available { id, version, title })
        .collect();
    let imported = import_bytes(&bytes, extract_attachment, &available)
        .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
    assert!(
        imported.moved_from_version.is_none(),
        "{}: of an old version",
        path.display()
    );
    imported.assessment
}

pub fn case_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("cases");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    dirs.sort();
    dirs
}

pub fn load(dir: &Path) -> Loaded {
    let text = std::fs::read_to_string(dir.join("case.json")).unwrap();
    let case = elsa::cases::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    assert_eq!(
        dir.file_name().unwrap().to_str().unwrap(),
        case.id,
        "the folder is the case's id"
    );
    let questionnaire = questionnaire(&case.questionnaire.id, &case.questionnaire.version);
    let reference = import(&dir.join("reference.json"));
    let mut teams = Vec::new();
    for n in 1..=9 {
        let p = dir.join(format!("team-{n}.json"));
        if p.exists() {
            teams.push(import(&p));
        }
    }
    Loaded {
        case,
        questionnaire,
        reference,
        teams,
    }
}

#[test]
fn there_are_three_cases_and_each_is_complete_and_consistent() {
    let dirs = case_dirs();
    assert_eq!(dirs.len(), 3, "three worked cases: {dirs:?}");
    for dir in dirs {
        let l = load(&dir);
        let problems = check(&l.case, &l.questionnaire, &l.reference, &l.teams);
        assert!(
            problems.is_empty(),
            "{}:\n{}",
            dir.display(),
            problems.join("\n")
        );
    }
}

#[test]
fn the_example_teams_disagree_and_one_misses_the_low_ses_issue() {
    for dir in case_dirs() {
        let l = load(&dir);
        let view = compare(&l.questionnaire, &l.case, &l.reference, &l.teams);
        // Teams differ from the reference somewhere, and on different questions.
        let differ: Vec<usize> = (0..l.teams.len())
            .map(|t| view.rows.iter().filter(|r| r.differ.contains(&t)).count())
            .collect();
        assert!(
            differ.iter().all(|n| *n > 0),
            "{}: a team equals the reference: {differ:?}",
            l.case.id
        );
        // The workshop has disagreements to show.
        let split = elsa::workshop::disagreement(&l.questionnaire, &l.teams);
        assert!(
            split.iter().filter(|s| s.disagreement > 0.0).count() >= 5,
            "{}",
            l.case.id
        );
        // One team is clearly milder than the reference on the low-SES section.
        let reference_low_ses = view
            .sections
            .iter()
            .find(|(s, _)| s == "low-ses")
            .and_then(|(_, v)| *v)
            .unwrap();
        let milder = l
            .teams
            .iter()
            .filter_map(|t| {
                elsa::scoring::score(&l.questionnaire, t)
                    .section("low-ses")
                    .and_then(|s| s.score)
            })
            .any(|v| v + 25.0 <= reference_low_ses);
        assert!(
            milder,
            "{}: no team misses the low-SES issue (reference {reference_low_ses})",
            l.case.id
        );
    }
}

#[test]
fn check_lists_every_problem_of_a_case_at_once() {
    let Some(dir) = case_dirs().into_iter().next() else {
        panic!("no case");
    };
    let l = load(&dir);
    let mut c = l.case.clone();
    c.title.0.retain(|(k, _)| k != "nl");
    c.guide.plan_60[0].minutes += 5;
    c.reference.triage.push("no-such-rule".into());
    c.guide.discussion.insert("no-such-section".into(), vec![]);
    let first_section = l
        .questionnaire
        .sections
        .iter()
        .find(|s| s.id != "profile")
        .unwrap()
        .id
        .clone();
    c.reference.sections.remove(&first_section);
    let mut stranger = l.teams[0].clone();
    stranger.id = "someone-else".into();
    let problems = check(&c, &l.questionnaire, &l.reference, &[stranger]);
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(has("title has no text in nl"), "{problems:#?}");
    assert!(has("plan_60 takes"), "{problems:#?}");
    assert!(has("no triage rule no-such-rule"), "{problems:#?}");
    assert!(has("the reference fires the triage rules"), "{problems:#?}");
    assert!(has("no section no-such-section"), "{problems:#?}");
    assert!(
        has(&format!("no reasoning for section {first_section}")),
        "{problems:#?}"
    );
    assert!(has("does not have an id starting with"), "{problems:#?}");
    assert!(has("1 example teams"), "{problems:#?}");
}

#[test]
fn the_reference_view_counts_who_agrees_with_the_reference() {
    let l = load(&case_dirs()[0]);
    let mut same = l.reference.clone();
    same.id = format!("case-{}-copy", l.case.id);
    let mut other = l.reference.clone();
    // Another answer to one question the reference answers.
    let row = compare(&l.questionnaire, &l.case, &l.reference, &[])
        .rows
        .into_iter()
        .find(|r| matches!(r.reference, Some(Answer::Choice { .. })))
        .unwrap();
    other.responses.get_mut(&row.question_id).unwrap().answer = Some(Answer::DontKnow);
    let view = compare(&l.questionnaire, &l.case, &l.reference, &[same, other]);
    for r in &view.rows {
        assert!(r.agree.contains(&0), "{}", r.question_id);
        assert_eq!(r.agree.len() + r.differ.len(), 2);
    }
    let changed = view
        .rows
        .iter()
        .find(|r| r.question_id == row.question_id)
        .unwrap();
    assert_eq!(
        (changed.agree.clone(), changed.differ.clone()),
        (vec![0], vec![1])
    );
    assert_eq!(view.rows.iter().filter(|r| !r.differ.is_empty()).count(), 1);
    // Reasoning comes with the questions the case explains.
    assert!(view.rows.iter().filter(|r| r.reasoning.is_some()).count() >= 12);
}

/// The first words of a text (a line of the PDF may break after them).
fn start(text: &str, n: usize) -> String {
    text.split_whitespace()
        .take(n)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(feature = "pdf")]
#[test]
fn the_case_card_and_the_guide_print_in_both_languages() {
    use elsa::i18n::Lang;
    use elsa::report::case::CasePart;
    use elsa::report::pdf::{render_case_with, Fonts};
    let subset = Fonts::load().unwrap();
    let full = Fonts::full().unwrap();
    for dir in case_dirs() {
        let l = load(&dir);
        for lang in [Lang::En, Lang::Nl] {
            let loc = lang.code();
            for part in [CasePart::Card, CasePart::Guide] {
                let r = render_case_with(
                    &l.case,
                    &l.questionnaire,
                    &l.reference,
                    part,
                    crate::common::NOW,
                    lang,
                    &subset,
                )
                .or_else(|_| {
                    render_case_with(
                        &l.case,
                        &l.questionnaire,
                        &l.reference,
                        part,
                        crate::common::NOW,
                        lang,
                        &full,
                    )
                })
                .expect("a PDF");
                let name = format!("{}-{part:?}-{loc}.pdf", l.case.id);
                // For a person to look at.
                if let Ok(dir) = std::env::var("ELSA_LOOK") {
                    let _ = std::fs::write(Path::new(&dir).join(&name), &r.bytes);
                }
                let text = crate::report::pdftotext(&r.bytes, &name);
                let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
                assert!(
                    flat.contains(&start(l.case.title.get(loc), 3)),
                    "{name}: no title"
                );
                match part {
                    CasePart::Card => {
                        for p in &l.case.card {
                            assert!(
                                flat.contains(&start(p.heading.get(loc), 2)),
                                "{name}: no {:?}",
                                p.heading.get(loc)
                            );
                        }
                        // The participants' card gives no reference answers away.
                        assert!(
                            !flat.contains(if lang == Lang::En {
                                "Reference answer"
                            } else {
                                "Referentieantwoord"
                            }),
                            "{name}"
                        );
                    }
                    CasePart::Guide => {
                        assert!(
                            flat.contains(if lang == Lang::En {
                                "Learning goals"
                            } else {
                                "Leerdoelen"
                            }),
                            "{name}"
                        );
                        assert!(
                            flat.contains(&start(l.case.guide.goals[0].get(loc), 4)),
                            "{name}: no first goal"
                        );
                        assert!(
                            flat.contains(&start(l.case.guide.misconceptions[0].get(loc), 4)),
                            "{name}: no misconception"
                        );
                        assert!(
                            flat.contains(if lang == Lang::En {
                                "Reference answer:"
                            } else {
                                "Referentieantwoord:"
                            }),
                            "{name}"
                        );
                        // The triage conclusions the reference leads to, by their own words.
                        assert!(
                            flat.contains(if lang == Lang::En {
                                "Legal triage of the reference"
                            } else {
                                "Juridische triage van de referentie"
                            }),
                            "{name}"
                        );
                        for c in elsa::triage::evaluate(&l.questionnaire, &l.reference, loc) {
                            assert!(
                                flat.contains(&start(c.conclusion.get(loc), 3)),
                                "{name}: no conclusion {}",
                                c.rule_id
                            );
                        }
                        let (qid, why) = l.case.reference.questions.iter().next().unwrap();
                        assert!(
                            flat.contains(&start(why.get(loc), 4)),
                            "{name}: no reasoning for {qid}"
                        );
                    }
                }
                // The card is a handout of one or two pages.
                let most = if part == CasePart::Card { 2 } else { 12 };
                assert!(r.pages >= 1 && r.pages <= most, "{name}: {} pages", r.pages);
            }
        }
    }
}
