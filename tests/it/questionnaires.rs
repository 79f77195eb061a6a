//! The bundled questionnaire files.
use elsa::bundled;
use elsa::model::{Dimension, QuestionKind};
use std::collections::HashSet;

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
}

#[test]
fn starter_questionnaire_covers_the_brief() {
    let (all, _) = bundled::load_all();
    let q = all.iter().find(|q| q.id == "elsa-starter").expect("starter questionnaire");
    let questions: Vec<_> = q.questions().collect();
    assert!(questions.len() >= 15, "{} questions", questions.len());
    let scored_sections: Vec<_> = q.sections.iter().filter(|s| s.dimension.is_scored()).collect();
    assert!(scored_sections.len() >= 3);
    assert!(q.sections.iter().any(|s| s.dimension == Dimension::Profile));
    assert!(q.sections.iter().any(|s| s.dimension == Dimension::LowSes));
    let kinds: HashSet<&str> = questions.iter().map(|r| r.question.kind.type_name()).collect();
    for k in ["single_choice", "multi_choice", "scale", "yes_no", "short_text", "long_text", "date", "profile"] {
        assert!(kinds.contains(k), "kind {k} unused");
    }
    assert!(questions.iter().filter(|r| r.question.show_if.is_some()).count() >= 3);
    for r in &questions {
        if elsa::model::Questionnaire::is_scored(r.section, r.question) {
            assert!(r.question.help.has_english(), "{} lacks help", r.question.id);
            assert!(!r.question.references.is_empty(), "{} lacks a reference", r.question.id);
            for o in r.question.kind.options() {
                assert!(o.concern == 0 || o.recommendation.is_some(), "{}:{} lacks a recommendation", r.question.id, o.id);
            }
        }
        if let QuestionKind::Profile { .. } = r.question.kind {
            assert_eq!(r.section.dimension, Dimension::Profile, "{} profile field outside the profile", r.question.id);
        }
    }
}
