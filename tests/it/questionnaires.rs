//! The bundled questionnaire files: valid, and meeting the content rules.
use elsa::bundled;
use elsa::lint::{lint, Requirements};
use elsa::model::{Dimension, ProgressPlus, QuestionKind, Questionnaire};
use std::collections::HashSet;

fn get(id: &str) -> Questionnaire {
    let (all, _) = bundled::load_all();
    all.into_iter()
        .find(|q| q.id == id)
        .unwrap_or_else(|| panic!("{id} is not bundled"))
}

#[test]
fn every_bundled_file_validates() {
    let (ok, bad) = bundled::load_all();
    for (name, errors) in &bad {
        eprintln!("{name}:");
        for e in errors {
            eprintln!("  {e}");
        }
    }
    assert!(bad.is_empty());
    assert_eq!(ok.len(), bundled::SOURCES.len());
    // The build-time index matches the files.
    for q in &ok {
        let info = bundled::info(&q.id, &q.version).expect("indexed");
        assert_eq!(info.questions, q.questions().count());
        assert_eq!(info.title(), q.title);
    }
}

#[test]
fn full_questionnaire_meets_the_content_rules() {
    let q = get("elsa-health-ai");
    let problems = lint(&q, &Requirements::full());
    assert!(
        problems.is_empty(),
        "content problems:\n{}",
        problems.join("\n")
    );
    // The sections the brief asks for, in order, with the low-SES section among them.
    let dims: Vec<Dimension> = q.sections.iter().map(|s| s.dimension).collect();
    assert_eq!(dims.first(), Some(&Dimension::Profile));
    assert_eq!(dims.last(), Some(&Dimension::Triage));
    assert_eq!(q.sections.len(), 12);
    let low_ses = q
        .sections
        .iter()
        .find(|s| s.dimension == Dimension::LowSes)
        .unwrap();
    let tagged: HashSet<ProgressPlus> = low_ses
        .questions
        .iter()
        .flat_map(|x| x.progress_plus.iter().copied())
        .collect();
    for d in ProgressPlus::ALL {
        assert!(
            tagged.contains(&d),
            "the low-SES section has no question on {}",
            d.label()
        );
    }
    // Red flags are rare: at most a handful per section.
    for s in &q.sections {
        let flags = s
            .questions
            .iter()
            .flat_map(|x| x.kind.options())
            .filter(|o| o.red_flag)
            .count();
        assert!(flags <= 4, "{}: {flags} red-flag options", s.id);
    }
    // Triage conclusions say what they find and cite a source: an unclear one says so first,
    // a negative one says what does not apply.
    assert!(q.triage.len() >= 40);
    for r in &q.triage {
        let c = r.conclusion.get("en");
        match r.finding {
            elsa::model::Finding::Unclear => assert!(
                c.starts_with("Unclear") || c.starts_with("Possibly"),
                "{}: {c}",
                r.id
            ),
            elsa::model::Finding::NotApplicable => {
                assert!(
                    c.starts_with("Not ")
                        || c.starts_with("No ")
                        || c.contains(" not ")
                        || c.contains("outside"),
                    "{}: {c}",
                    r.id
                )
            }
            elsa::model::Finding::Applies => assert!(
                !c.starts_with("Unclear") && !c.starts_with("Not "),
                "{}: {c}",
                r.id
            ),
        }
        assert!(!r.references.is_empty(), "{} cites nothing", r.id);
    }
    // Every framework has explicit negatives and an "unclear", so that the triage is never silent.
    for f in elsa::model::Framework::ALL {
        for finding in [
            elsa::model::Finding::NotApplicable,
            elsa::model::Finding::Unclear,
        ] {
            assert!(
                q.triage
                    .iter()
                    .any(|r| r.framework == f && r.finding == finding),
                "{f:?} has no {finding:?} rule"
            );
        }
    }
    assert!(
        q.legal_as_of.is_some(),
        "the date of the legal check is recorded"
    );
}

#[test]
fn quick_scan_is_short_covers_every_dimension_and_reuses_the_full_questions() {
    let quick = get("elsa-quick-scan");
    let full = get("elsa-health-ai");
    let problems = lint(&quick, &Requirements::default());
    assert!(
        problems.is_empty(),
        "content problems:\n{}",
        problems.join("\n")
    );
    // Short: at most 36 questions shown before any follow-up question opens.
    let n = quick
        .questions()
        .filter(|r| r.question.show_if.is_none())
        .count();
    assert!((20..=36).contains(&n), "{n} questions shown from the start");
    // Every ELSA area, the legal triage too, with the same ids as the full questionnaire and
    // the rules and duties of the full one that fit its questions, unchanged.
    assert!(
        quick
            .sections
            .iter()
            .any(|s| s.dimension == Dimension::Triage),
        "the quick scan has no legal triage"
    );
    assert!(
        quick.triage.len() >= 20,
        "{} triage rules",
        quick.triage.len()
    );
    for r in &quick.triage {
        let f = full
            .triage
            .iter()
            .find(|x| x.id == r.id)
            .unwrap_or_else(|| panic!("rule {} is not in the full questionnaire", r.id));
        assert_eq!(
            (&r.when, &r.conclusion, &r.finding),
            (&f.when, &f.conclusion, &f.finding),
            "rule {} differs",
            r.id
        );
    }
    for d in &quick.duties {
        let f = full
            .duties
            .iter()
            .find(|x| x.id == d.id)
            .unwrap_or_else(|| panic!("duty {} is not in the full questionnaire", d.id));
        assert_eq!(
            (&d.text, &d.sources, &d.applies_from),
            (&f.text, &f.sources, &f.applies_from),
            "duty {} differs",
            d.id
        );
    }
    for f in [
        elsa::model::Framework::EuAiAct,
        elsa::model::Framework::Gdpr,
        elsa::model::Framework::Mdr,
    ] {
        assert!(
            quick
                .triage
                .iter()
                .any(|r| r.framework == f && r.finding == elsa::model::Finding::NotApplicable),
            "quick scan: {f:?} has no negative"
        );
    }
    let dims: HashSet<Dimension> = quick.sections.iter().map(|s| s.dimension).collect();
    for d in [
        Dimension::Profile,
        Dimension::Ethical,
        Dimension::Legal,
        Dimension::Societal,
        Dimension::LowSes,
        Dimension::CulturalPsychological,
    ] {
        assert!(dims.contains(&d), "the quick scan lacks {d:?}");
    }
    for r in quick.questions() {
        let f = full
            .question(&r.question.id)
            .unwrap_or_else(|| panic!("{} is not in the full questionnaire", r.question.id));
        assert_eq!(
            r.question.text, f.question.text,
            "{} differs from the full questionnaire",
            r.question.id
        );
        assert_eq!(
            r.question.kind, f.question.kind,
            "{} has other options than in the full questionnaire",
            r.question.id
        );
    }
}

#[test]
fn profile_fields_live_in_the_profile() {
    let (all, _) = bundled::load_all();
    for q in &all {
        for r in q.questions() {
            if let QuestionKind::Profile { .. } = r.question.kind {
                assert_eq!(
                    r.section.dimension,
                    Dimension::Profile,
                    "{}: {} outside the profile",
                    q.id,
                    r.question.id
                );
            }
        }
    }
}

/// Two questions with the same words in one questionnaire confuse users and screen readers.
#[test]
fn question_texts_are_unique_within_a_questionnaire() {
    let (all, _) = bundled::load_all();
    for q in &all {
        let mut seen = HashSet::new();
        for r in q.questions() {
            assert!(
                seen.insert(r.question.text.get("en").to_string()),
                "{}: {} repeats a question text",
                q.id,
                r.question.id
            );
        }
    }
}

/// The binary form the browser loads reads back as exactly the questionnaire of the JSON file,
/// for every bundled file, and a damaged or foreign file is refused with a message.
#[test]
fn binary_form_of_every_bundled_file_round_trips() {
    let (all, bad) = elsa::bundled::load_all();
    assert!(bad.is_empty());
    for q in &all {
        let bin = elsa::bundled::encode_bin(q);
        assert_eq!(&elsa::bundled::decode_bin(&bin).unwrap(), q, "{}", q.id);
        let mut cut = bin.clone();
        cut.truncate(bin.len() - 10);
        assert!(elsa::bundled::decode_bin(&cut)
            .unwrap_err()
            .starts_with("the questionnaire file is damaged"));
    }
    assert!(elsa::bundled::decode_bin(b"{\"id\": 1}").is_err());
    // A file of an earlier layout (1: before the triage's duties; 2: bincode; 3: before
    // `extends`) is refused with a message, not misread. (Layout 4 is read: see
    // `a_questionnaire_kept_by_tool_0_4_still_loads`.)
    assert_eq!(elsa::bundled::BIN_MAGIC, b"ELSAQ\x00\x05\n");
    for layout in [1u8, 2, 3] {
        let mut old = b"ELSAQ\x00\x00\n".to_vec();
        old[6] = layout;
        old.extend(&elsa::bundled::encode_bin(&all[0])[8..]);
        assert_eq!(
            elsa::bundled::decode_bin(&old).unwrap_err(),
            "not a questionnaire file of this version of the tool"
        );
    }
    // Bytes left over after the questionnaire mean another layout too.
    let mut longer = elsa::bundled::encode_bin(&all[0]);
    longer.push(0);
    assert!(elsa::bundled::decode_bin(&longer)
        .unwrap_err()
        .starts_with("the questionnaire file is damaged"));
    assert_eq!(
        elsa::bundled::bin_name("elsa-quick-scan.json"),
        "elsa-quick-scan.bin"
    );
    // Every kind of question keeps its JSON form too.
    let mini = crate::common::mini();
    assert_eq!(
        elsa::bundled::decode_bin(&elsa::bundled::encode_bin(&mini)).unwrap(),
        mini
    );
}

/// Texts by locale read and write as a JSON map (in both directions, and in the binary form);
/// a repeated locale keeps its last text; a missing or blank locale falls back to English.
#[test]
fn local_texts_are_maps_with_an_english_fallback() {
    use elsa::model::LocalText;
    let t: LocalText =
        serde_json::from_str(r#"{"en": "Purpose", "nl": "Doel", "nl": "Doel (2)", "de": "  "}"#)
            .unwrap();
    assert_eq!(t.get("nl"), "Doel (2)");
    assert_eq!(t.get("de"), "Purpose", "blank falls back to English");
    assert_eq!(t.get("fr"), "Purpose");
    assert!(t.has_english());
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        r#"{"en":"Purpose","nl":"Doel (2)","de":"  "}"#
    );
    assert_eq!(
        postcard::from_bytes::<LocalText>(&postcard::to_allocvec(&t).unwrap()).unwrap(),
        t
    );
    assert!(serde_json::from_str::<LocalText>(r#"["en", "Purpose"]"#).is_err());
    assert!(!LocalText::default().has_english());
    assert_eq!(LocalText::default().get("en"), "");
}

/// Issue 7: a bundled questionnaire must have every text in Dutch as well; a missing one fails
/// with its path. A custom file may be English only.
#[test]
fn a_missing_dutch_text_fails_a_bundled_file_with_its_path_but_not_a_custom_one() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/questionnaires/elsa-health-ai.json"
    ))
    .unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["sections"][2]["questions"][1]["help"]
        .as_object_mut()
        .unwrap()
        .remove("nl");
    v["bands"][0]["label"]["nl"] = serde_json::Value::String("  ".into());
    let edited = serde_json::to_string(&v).unwrap();
    let (name, errors) = elsa::bundled::parse("elsa-health-ai.json", &edited).unwrap_err();
    assert_eq!(name, "elsa-health-ai.json");
    let messages: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        messages,
        vec![
            "bands[0].label: missing \"nl\" text (every text of a bundled questionnaire needs it)".to_string(),
            "sections[2].questions[1].help: missing \"nl\" text (every text of a bundled questionnaire needs it)".to_string(),
        ]
    );
    // The same file as a custom questionnaire is fine: English is enough.
    assert!(elsa::validate::load_questionnaire(&edited).is_ok());
    // Every text of both bundled files has its Dutch (the unedited files pass).
    for (name, text) in bundled::SOURCES {
        assert!(elsa::bundled::parse(name, text).is_ok(), "{name}");
    }
}
