use crate::common::*;
use elsa::answers::{Missing, Progress};
use elsa::model::ProfileField;

#[test]
fn progress_counts_visible_questions_per_section() {
    let q = mini();
    let a = fresh(&q);
    let p = Progress::compute(&q, &a);
    // profile 4, oversight 4 visible (o5 hidden), lowses 1 (l2, l3 hidden)
    let visible: Vec<usize> = p.sections.iter().map(|s| s.visible).collect();
    assert_eq!(visible, vec![4, 4, 1]);
    assert_eq!((p.answered, p.visible, p.percent()), (0, 9, 0));
    let missing: Vec<&str> = p
        .missing_required
        .iter()
        .map(|m| m.question_id.as_str())
        .collect();
    assert_eq!(missing, vec!["name", "role", "o1", "o2", "l1"]);
}

#[test]
fn profile_answers_fill_metadata_and_count() {
    let q = mini();
    let mut a = fresh(&q);
    a.set_metadata(
        ProfileField::ProjectName,
        "Sepsis alert".into(),
        "2026-11-29T11:00:00Z",
    );
    assert_eq!(a.metadata.project_name, "Sepsis alert");
    assert_eq!(a.modified, "2026-11-29T11:00:00Z");
    let p = Progress::compute(&q, &a);
    assert_eq!(p.section("profile").unwrap().answered, 1);
    a.set_metadata(ProfileField::ProjectName, "   ".into(), NOW);
    assert_eq!(
        Progress::compute(&q, &a)
            .section("profile")
            .unwrap()
            .answered,
        0
    );
}

#[test]
fn na_needs_a_justification_to_count_as_answered() {
    let q = mini();
    let mut a = with(&q, &[("o2", "na")]);
    let p = Progress::compute(&q, &a);
    assert!(p.missing_required.contains(&Missing {
        section_id: "oversight".into(),
        question_id: "o2".into()
    }));
    a.set_note("o2", "The tool never decides alone.".into(), NOW);
    let p = Progress::compute(&q, &a);
    assert!(!p.missing_required.iter().any(|m| m.question_id == "o2"));
    assert_eq!(p.section("oversight").unwrap().answered, 1);
}

#[test]
fn revealed_questions_join_the_count() {
    let q = mini();
    let a = with(&q, &[("role", "decides"), ("l1", "yes")]);
    let p = Progress::compute(&q, &a);
    let visible: Vec<usize> = p.sections.iter().map(|s| s.visible).collect();
    assert_eq!(visible, vec![4, 5, 3]);
    assert_eq!(p.answered, 2);
}

#[test]
fn clearing_answer_and_note_removes_the_entry() {
    let q = mini();
    let mut a = with(&q, &[("o1", "a")]);
    a.set_note("o1", "why".into(), NOW);
    a.set_answer("o1", None, NOW);
    assert!(a.responses.contains_key("o1"), "the note keeps the entry");
    a.set_note("o1", String::new(), NOW);
    assert!(!a.responses.contains_key("o1"));
    let o3 = q.question("o3").unwrap().question;
    a.toggle_choice(o3, "x", true, NOW);
    a.toggle_choice(o3, "y", true, NOW);
    a.toggle_choice(o3, "x", false, NOW);
    assert_eq!(
        a.answer("o3"),
        Some(&elsa::answers::Answer::Choices {
            ids: vec!["y".into()]
        })
    );
    a.toggle_choice(o3, "y", false, NOW);
    assert_eq!(a.answer("o3"), None);
}

#[test]
fn an_exclusive_option_clears_the_others_and_is_cleared_by_them() {
    let mut q = mini();
    if let elsa::model::QuestionKind::MultiChoice { options } = &mut q.sections[1].questions[2].kind
    {
        options[2].exclusive = true; // "z"
    }
    assert!(elsa::validate::validate(&q).is_empty());
    let o3 = q.question("o3").unwrap().question.clone();
    let mut a = fresh(&q);
    let picked = |a: &elsa::answers::Assessment| match a.answer("o3") {
        Some(elsa::answers::Answer::Choices { ids }) => ids.clone(),
        _ => vec![],
    };
    a.toggle_choice(&o3, "x", true, NOW);
    a.toggle_choice(&o3, "y", true, NOW);
    a.toggle_choice(&o3, "z", true, NOW);
    assert_eq!(picked(&a), vec!["z"]);
    a.toggle_choice(&o3, "x", true, NOW);
    assert_eq!(picked(&a), vec!["x"]);
    // Not allowed outside multiple choice.
    if let elsa::model::QuestionKind::SingleChoice { options } =
        &mut q.sections[1].questions[0].kind
    {
        options[0].exclusive = true;
    }
    let errors = elsa::validate::validate(&q);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        errors[0].path,
        "sections[1].questions[0].kind.options[0].exclusive"
    );
    assert_eq!(
        errors[0].kind,
        elsa::validate::ErrorKind::ExclusiveOutsideMultiChoice
    );
}
