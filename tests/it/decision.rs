//! Issue 19: the decision summary, severity rules and consistency checks.

use crate::common::{ans, mini, with, NOW};
use elsa::i18n::Lang;
use elsa::model::Questionnaire;
use elsa::report::ReportInfo;
use elsa::scoring::{score, Raise};

fn full() -> Questionnaire {
    let (all, _) = elsa::bundled::load_all();
    all.into_iter()
        .find(|q| q.id == "elsa-health-ai")
        .expect("the full questionnaire is bundled")
}

fn info(lang: Lang) -> ReportInfo {
    ReportInfo {
        generated_at: "2026-12-04T10:00:00+01:00".into(),
        lang,
    }
}

/// The texts of the decision summary: from its heading to the next part's.
fn decision_texts(q: &Questionnaire, a: &elsa::answers::Assessment, lang: Lang) -> Vec<String> {
    let doc = elsa::report::build(q, a, &info(lang));
    let texts: Vec<String> = doc.texts().into_iter().map(str::to_string).collect();
    let (start, end) = match lang {
        Lang::En => ("Decision summary", "Executive summary"),
        Lang::Nl => ("Samenvatting voor het besluit", "Samenvatting"),
    };
    let from = texts
        .iter()
        .position(|t| t == start)
        .expect("a decision summary");
    let to = texts[from + 1..]
        .iter()
        .position(|t| t == end)
        .map(|i| from + 1 + i)
        .expect("the executive summary follows it");
    texts[from..to].to_vec()
}

/// An AI system the hospital develops, which may manipulate people (EU AI Act art. 5).
fn prohibited(q: &Questionnaire) -> elsa::answers::Assessment {
    let mut a = with(
        q,
        &[
            ("lt-ai-system", "learned"),
            ("lt-how-obtained", "own-use"),
            ("lt-art5-practices", "manipulation"),
            ("lt-medical-purpose", "no-operations"),
        ],
    );
    // A mild answer elsewhere: the score alone gives the lowest band.
    a.set_answer("np-why-ai", Some(ans("written-figures")), NOW);
    a
}

#[test]
fn a_stop_conclusion_is_a_red_flag_and_raises_the_overall_level_to_the_top() {
    let q = full();
    let mut a = prohibited(&q);
    let o = score(&q, &a);
    assert_eq!(
        o.stops
            .iter()
            .map(|s| s.rule_id.as_str())
            .collect::<Vec<_>>(),
        ["ai-act-prohibited-practice"]
    );
    assert!(o.red_flags.is_empty(), "no answer is a red flag itself");
    assert_eq!(o.red_flag_count(), 1, "the stop conclusion counts as one");
    let level = o.overall_level.clone().expect("a level");
    assert_eq!(level.band_index, q.bands.len() - 1, "the highest band");
    assert_eq!(
        level.raised,
        Some(Raise::Stop("ai-act-prohibited-practice".into()))
    );
    assert!(o.overall.unwrap() < 26.0, "the score itself is low");
    // Without the practice, there is no stop and no raise.
    a.set_answer("lt-art5-practices", Some(ans("none")), NOW);
    let o = score(&q, &a);
    assert!(o.stops.is_empty());
    assert_eq!(o.overall_level.unwrap().raised, None);
}

#[test]
fn a_critical_section_raises_the_overall_level_and_says_why() {
    let q = mini();
    // Oversight: o1 "c" is 4 of 4 (critical, and a red flag); low SES: l1 "yes" is 0.
    // Overall (100 × 2 + 0 × 1) / 3 = 66.7: "high" by the score, raised to "critical".
    let a = with(&q, &[("o1", "c"), ("l1", "yes")]);
    let o = score(&q, &a);
    assert!((o.overall.unwrap() - 200.0 / 3.0).abs() < 1e-9);
    assert_eq!(q.band_index(o.overall.unwrap()), 2, "high by the score");
    let level = o.overall_level.clone().unwrap();
    assert_eq!(level.band_id, "critical");
    assert_eq!(
        level.raised,
        Some(Raise::CriticalSection("oversight".into()))
    );
    let why = elsa::i18n::with_lang(Lang::En, || {
        elsa::scoring::raise_text(&q, level.raised.as_ref().unwrap(), "en")
    });
    let title = q
        .section("oversight")
        .unwrap()
        .1
        .title
        .get("en")
        .to_string();
    assert!(why.contains(&title), "{why}");
    // A "high" section does not raise the overall level: o1 "b" is 2 of 4 = 50 (moderate).
    let o = score(&q, &with(&q, &[("o1", "b"), ("l1", "yes")]));
    assert_eq!(o.overall_level.unwrap().raised, None);
}

#[test]
fn the_low_ses_gap_left_unfixed_is_a_red_flag_in_both_bundled_questionnaires() {
    let (all, _) = elsa::bundled::load_all();
    for q in &all {
        let a = with(q, &[("ls-subgroup-performance", "gaps-found")]);
        let o = score(q, &a);
        assert_eq!(
            o.red_flags
                .iter()
                .map(|f| f.question_id.as_str())
                .collect::<Vec<_>>(),
            ["ls-subgroup-performance"],
            "{}",
            q.id
        );
    }
}

#[test]
fn golden_decision_summary_with_a_stop_conclusion() {
    let q = full();
    let a = prohibited(&q);
    let t = decision_texts(&q, &a, Lang::En);
    let joined = t.join("\n");
    // The most serious finding comes first, right under its heading.
    let i = t.iter().position(|x| x == "Most serious findings").unwrap();
    assert!(
        t[i + 1]
            .starts_with("STOP — Possibly a prohibited AI practice under the EU AI Act (art. 5)"),
        "{}",
        t[i + 1]
    );
    assert!(
        joined.contains("Overall level: Critical concern"),
        "{joined}"
    );
    assert!(
        joined.contains(
            "Raised to this level because the legal triage says: Possibly a prohibited AI practice"
        ),
        "{joined}"
    );
    // The legal headline: prohibited practice "yes", with the conclusion.
    let h = t
        .iter()
        .position(|x| x == "Prohibited AI practice?")
        .unwrap();
    assert_eq!(t[h + 1], "yes");
    assert!(t[h + 2].starts_with("Possibly a prohibited AI practice"));
    // Status block.
    assert!(joined.contains("Draft: not signed off by a reviewer"));
    assert!(joined.contains("not set: give a date in the project profile"));
    assert!(joined.contains("Red flags: 1 ·"), "{joined}");
}

#[test]
fn golden_decision_summary_with_a_critical_section_under_a_high_score() {
    let q = mini();
    let a = with(&q, &[("o1", "c"), ("l1", "yes")]);
    let t = decision_texts(&q, &a, Lang::En);
    let joined = t.join("\n");
    let i = t.iter().position(|x| x == "Most serious findings").unwrap();
    // The red flag, then the critical section.
    assert!(t[i + 1].starts_with("▲ Red flag — 2.1 "), "{}", t[i + 1]);
    assert!(t[i + 2].starts_with("■ "), "{}", t[i + 2]);
    assert!(t[i + 2].contains("Critical"), "{}", t[i + 2]);
    assert!(joined.contains("Overall level: Critical"), "{joined}");
    assert!(joined.contains("(score 67 of 100"), "{joined}");
    assert!(
        joined.contains("Raised to this level because the section"),
        "{joined}"
    );
    // Top actions: the red flag's recommendation first.
    let top = t.iter().position(|x| x.starts_with("Top ")).unwrap();
    assert_eq!(t[top + 5], "1.");
    assert!(t[top + 6].starts_with("▲ "), "{}", t[top + 6]);
}

#[test]
fn golden_decision_summary_of_a_clean_assessment() {
    let q = mini();
    let a = with(&q, &[("o1", "a"), ("o2", "yes"), ("l1", "yes")]);
    let t = decision_texts(&q, &a, Lang::En);
    let joined = t.join("\n");
    assert!(joined.contains(
        "No red flag, no “stop” conclusion of the legal triage, and no section at the highest level."
    ));
    assert!(joined.contains("Overall level: Low"), "{joined}");
    assert!(!joined.contains("Raised to this level"), "{joined}");
    assert!(joined.contains("No actions follow from the answers given."));
    // In Dutch too.
    let nl = decision_texts(&q, &a, Lang::Nl).join("\n");
    assert!(nl.contains("Geen rode vlag"), "{nl}");
}

#[test]
fn top_actions_come_from_the_plan_when_there_is_one() {
    let q = mini();
    let mut a = with(&q, &[("o1", "c"), ("o2", "no")]);
    let o = score(&q, &a);
    let top = elsa::decision::top_actions(&q, &a, &o, "en", "2026-12-04", 10);
    assert!(!top.from_plan);
    assert_eq!(top.items[0].questions, ["o1"]);
    assert!(top.items[0].red_flag);
    // A plan: low and done actions come after the high open one; the done one is left out.
    let mut low = elsa::actions::free("a1", "Low one", NOW);
    low.priority = elsa::action::Priority::Low;
    low.due = Some("2026-12-01".into());
    let mut high = elsa::actions::free("a2", "High one", NOW);
    high.priority = elsa::action::Priority::High;
    high.owner = "Data lead".into();
    let mut done = elsa::actions::free("a3", "Done one", NOW);
    done.status = elsa::action::Status::Done;
    a.actions = vec![low, high, done];
    let top = elsa::decision::top_actions(&q, &a, &o, "en", "2026-12-04", 10);
    assert!(top.from_plan);
    assert_eq!(top.total, 2);
    let titles: Vec<_> = top.items.iter().map(|x| x.text.as_str()).collect();
    assert_eq!(titles, ["High one", "Low one"]);
    assert!(top.items[1].overdue, "due 1 December, open on 4 December");
    assert_eq!(top.items[0].owner, "Data lead");
}

#[test]
fn the_bundled_questionnaire_has_at_least_eight_consistency_checks_that_fire_where_expected() {
    let q = full();
    assert!(q.consistency.len() >= 8, "{}", q.consistency.len());
    let fired = |a: &elsa::answers::Assessment| -> Vec<String> {
        elsa::consistency::check(&q, a)
            .into_iter()
            .map(|c| c.id)
            .collect()
    };
    // Nothing answered: nothing contradicts.
    assert!(fired(&with(&q, &[])).is_empty());
    // "Only general information" and "recommends an action for a patient".
    let a = with(
        &q,
        &[
            ("lt-medical-purpose", "no-general-information"),
            ("ai-role", "recommends"),
        ],
    );
    assert_eq!(fired(&a), ["general-information-vs-patient-advice"]);
    // Consistent: a medical purpose with a recommendation.
    let a = with(
        &q,
        &[
            ("lt-medical-purpose", "yes-medical"),
            ("ai-role", "recommends"),
        ],
    );
    assert!(!fired(&a).contains(&"general-information-vs-patient-advice".to_string()));
    // A deep-learning tool that "works with fixed rules only"; and the consistent pair.
    let a = with(
        &q,
        &[("ai-type", "deep-learning"), ("lt-ai-system", "rules-only")],
    );
    assert!(fired(&a).contains(&"ai-type-vs-how-it-works".to_string()));
    let a = with(
        &q,
        &[("ai-type", "deep-learning"), ("lt-ai-system", "learned")],
    );
    assert!(!fired(&a).contains(&"ai-type-vs-how-it-works".to_string()));
    // Each check names the questions of its condition, in questionnaire order.
    let c = &elsa::consistency::check(
        &q,
        &with(
            &q,
            &[
                ("lt-medical-purpose", "no-general-information"),
                ("ai-role", "recommends"),
            ],
        ),
    )[0];
    let ids: Vec<&str> = c.questions.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids.first(), Some(&"ai-role"), "the profile comes first");
    assert!(ids.contains(&"lt-medical-purpose"));
    // The report shows it in the decision summary and in "Answers to check".
    let doc = elsa::report::build(
        &q,
        &with(
            &q,
            &[
                ("lt-medical-purpose", "no-general-information"),
                ("ai-role", "recommends"),
            ],
        ),
        &info(Lang::En),
    );
    let texts = doc.texts();
    assert!(texts
        .iter()
        .any(|t| t.starts_with("Answers that contradict each other: 1 ")));
    let at = texts.iter().position(|t| *t == "Answers to check").unwrap();
    assert!(texts[at + 2].starts_with("You say the tool has no medical purpose"));
}

#[test]
fn consistency_checks_and_headlines_are_validated_with_every_error_at_once() {
    let mut q = mini();
    q.consistency = vec![
        elsa::model::ConsistencyCheck {
            id: "x".into(),
            when: elsa::model::Condition::Equals {
                question: "nope".into(),
                value: "a".into(),
            },
            message: elsa::model::LocalText(vec![("en".into(), "Check it.".into())]),
        },
        elsa::model::ConsistencyCheck {
            id: "x".into(),
            when: elsa::model::Condition::Equals {
                question: "o1".into(),
                value: "zz".into(),
            },
            message: elsa::model::LocalText(vec![]),
        },
    ];
    q.headlines = vec![elsa::model::Headline {
        id: "h".into(),
        framework: elsa::model::Framework::Gdpr,
        question: elsa::model::LocalText(vec![("en".into(), "DPIA?".into())]),
        yes: vec!["no-such-rule".into()],
        no: vec![],
        unclear: vec![],
    }];
    let errors = elsa::validate::validate(&q);
    let paths: Vec<&str> = errors.iter().map(|e| e.path.as_str()).collect();
    for p in [
        "consistency[0].when.equals",
        "consistency[1].id",
        "consistency[1].message",
        "consistency[1].when.equals",
        "headlines[0].yes[0]",
    ] {
        assert!(paths.contains(&p), "{p} missing in {paths:?}");
    }
}

/// The decision summary is one page: page 2, and the executive summary starts on page 3, for
/// the reference assessments of the worked cases (full and quick questionnaires).
#[cfg(feature = "pdf")]
#[test]
fn the_decision_summary_fits_on_page_two() {
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let (all, _) = elsa::bundled::load_all();
    for dir in crate::cases::case_dirs() {
        for name in ["reference.json", "team-1.json"] {
            let a = crate::cases::import(&dir.join(name));
            let q = elsa::bundled::find(&all, &a.questionnaire_id, &a.questionnaire_version)
                .expect("bundled");
            for (lang, titles) in [
                (Lang::En, ["Decision summary", "Executive summary"]),
                (Lang::Nl, ["Samenvatting voor het besluit", "Samenvatting"]),
            ] {
                let (_, outline) = elsa::report::build_pages(q, &a, &info(lang), &fonts);
                let page = |t: &str| outline.iter().find(|(x, _)| x == t).map(|(_, p)| *p);
                let at = format!("{} {name} {lang:?}", dir.display());
                assert_eq!(page(titles[0]), Some(2), "{at}");
                assert_eq!(page(titles[1]), Some(3), "{at}");
            }
        }
    }
}

/// A long note is cut in the detailed answers with where the rest is ("note A1, page N"), printed
/// whole in the appendix on that very page, and marked "(continued)" where it runs onto the
/// next page.
#[cfg(feature = "pdf")]
#[test]
fn a_long_note_continues_in_the_appendix_on_the_page_it_names() {
    let q = mini();
    let mut a = with(&q, &[("o1", "b"), ("l1", "yes")]);
    let words: Vec<String> = (0..1400).map(|i| format!("word{i}")).collect();
    let note = format!("STARTMARK {} ENDMARK", words.join(" "));
    a.set_note("o1", note.clone(), NOW);
    a.set_note("o2", "A short note stays whole.".into(), NOW);
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let (pages, outline) = elsa::report::build_pages(&q, &a, &info(Lang::En), &fonts);
    let text_of = |p: usize| pages[p - 1].texts().join(" ");
    let appendix_at = outline
        .iter()
        .find(|(t, _)| t == "Note A1: question 2.1")
        .map(|(_, p)| *p)
        .expect("the note is in the outline");
    let body: Vec<usize> = (1..=pages.len())
        .filter(|p| text_of(*p).contains("STARTMARK"))
        .collect();
    assert_eq!(
        body.len(),
        2,
        "the start in the answers and in the appendix: {body:?}"
    );
    let answers_page = body[0];
    assert!(answers_page < appendix_at);
    let answers = text_of(answers_page);
    assert!(
        answers.contains(&format!(
            "… continued in the appendix, note A1 (page {appendix_at})."
        )),
        "{answers}"
    );
    assert!(!answers.contains("ENDMARK"), "the body has only the start");
    assert!(!answers.contains("word300 "), "the body has only the start");
    // The appendix has all of it, over more than one page, marked as continued.
    let rest: String = (appendix_at..=pages.len())
        .map(text_of)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(rest.contains("ENDMARK") && rest.contains("word700"));
    assert!(text_of(appendix_at + 1).contains("(continued)"));
    // The short note is whole where it belongs, and not in the appendix.
    assert!((1..appendix_at).any(|p| text_of(p).contains("A short note stays whole.")));
    assert!(!rest.contains("A short note stays whole."));
    // Markdown: no page numbers, the same cut and the whole note.
    let md = elsa::report::md::render(&q, &a, &info(Lang::En));
    assert!(
        md.contains("continued in the appendix, note A1."),
        "markdown"
    );
    assert!(md.contains("ENDMARK"));
}

/// Issue 19: a question number in an action (the decision summary's top actions, the priority
/// actions) and a red flag of the decision summary link, in the PDF, to the page where that
/// question's answer is.
#[cfg(feature = "pdf")]
#[test]
fn question_numbers_in_actions_link_to_the_answers() {
    use lopdf::{Document, Object};
    let q = mini();
    let a = with(&q, &[("o1", "c"), ("o2", "no"), ("l1", "no")]);
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let pdf = elsa::report::pdf::render_report_with(&q, &a, &info(Lang::En), &fonts)
        .unwrap()
        .bytes;
    let doc = Document::load_mem(&pdf).unwrap();
    let pages = doc.get_pages();
    let page_no = |id: lopdf::ObjectId| pages.iter().find(|(_, p)| **p == id).map(|(n, _)| *n);
    // The page of each question's answer, from the text of each page.
    let path = std::env::temp_dir().join(format!("elsa-links-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf).unwrap();
    let text_of = |n: u32| {
        let out = std::process::Command::new("pdftotext")
            .args([
                "-f",
                &n.to_string(),
                "-l",
                &n.to_string(),
                path.to_str().unwrap(),
                "-",
            ])
            .output()
            .expect("pdftotext");
        String::from_utf8_lossy(&out.stdout)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let answers_page = |question: &str| {
        let heading = q
            .question(question)
            .unwrap()
            .question
            .text
            .get("en")
            .to_string();
        // The first page at or after "Detailed answers" that has the question's heading.
        let start = pages
            .keys()
            .copied()
            .find(|n| text_of(*n).contains("Detailed answers"))?;
        pages
            .keys()
            .copied()
            .filter(|n| *n >= start)
            .find(|n| text_of(*n).contains(&format!("2.1 {heading}")))
    };
    let mut links: Vec<(u32, u32)> = Vec::new();
    for (n, id) in &pages {
        let page = doc.get_dictionary(*id).unwrap();
        let Ok(Object::Array(annots)) = page.get(b"Annots") else {
            continue;
        };
        for r in annots {
            let d = doc.get_dictionary(r.as_reference().unwrap()).unwrap();
            assert_eq!(d.get(b"Subtype").unwrap().as_name().unwrap(), b"Link");
            let dest = d.get(b"Dest").unwrap().as_array().unwrap();
            let to = page_no(dest[0].as_reference().unwrap()).unwrap();
            links.push((*n, to));
        }
    }
    assert!(!links.is_empty(), "the PDF has links");
    // From the decision summary (page 2): at least the red flag and the top actions.
    let from_two: Vec<u32> = links
        .iter()
        .filter(|(f, _)| *f == 2)
        .map(|(_, t)| *t)
        .collect();
    assert!(from_two.len() >= 3, "{links:?}");
    let o1 = answers_page("o1").expect("o1's answer");
    assert!(
        from_two.contains(&o1),
        "{from_two:?} should reach page {o1}"
    );
    // Every link goes forward to a page of the detailed answers.
    for (from, to) in &links {
        assert!(to > from, "{from} -> {to}");
    }
}

/// Every consistency check of the full questionnaire fires on each of its contradicting answer
/// sets (one per branch of its condition) and stays quiet on consistent ones, including answers
/// that later answers hide (tests/it/data/consistency-cases.json: 82 sets for the 12 checks).
#[test]
fn each_consistency_check_fires_exactly_on_its_contradictions() {
    let q = full();
    let cases: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(include_str!("data/consistency-cases.json")).unwrap();
    assert_eq!(
        cases.keys().collect::<std::collections::BTreeSet<_>>(),
        q.consistency.iter().map(|c| &c.id).collect(),
        "a case list for every check"
    );
    for (id, sets) in &cases {
        for (kind, want) in [("fire", true), ("quiet", false)] {
            for set in sets[kind].as_array().unwrap() {
                let mut a = with(&q, &[]);
                for (question, value) in set.as_object().unwrap() {
                    let answer = match value {
                        serde_json::Value::Array(ids) => elsa::answers::Answer::Choices {
                            ids: ids
                                .iter()
                                .map(|v| v.as_str().unwrap().to_string())
                                .collect(),
                        },
                        v => ans(v.as_str().unwrap()),
                    };
                    a.set_answer(question, Some(answer), NOW);
                }
                let fired = elsa::consistency::check(&q, &a).iter().any(|c| c.id == *id);
                assert_eq!(fired, want, "{id} ({kind}) on {set}");
            }
        }
    }
}

/// Issue 19: the report is a tagged PDF: a structure tree in reading order with the report's
/// title (H1), parts (H2), paragraphs, lists and tables with header cells; the running header and
/// footer are artifacts, outside it. Read back with poppler's `pdfinfo -struct-text`.
#[cfg(feature = "pdf")]
#[test]
fn the_report_is_a_tagged_pdf_with_headings_lists_and_tables() {
    let q = full();
    let a = prohibited(&q);
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let pdf = elsa::report::pdf::render_report_with(&q, &a, &info(Lang::En), &fonts)
        .unwrap()
        .bytes;
    let path = std::env::temp_dir().join(format!("elsa-tagged-{}.pdf", std::process::id()));
    std::fs::write(&path, &pdf).unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new("pdfinfo")
            .args(args)
            .arg(&path)
            .output()
            .expect("pdfinfo (poppler-utils)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    assert!(run(&[]).contains("Tagged:          yes"));
    let tree = run(&["-struct-text"]);
    let lines: Vec<&str> = tree.lines().collect();
    assert_eq!(lines.first().map(|l| l.trim()), Some("Document"));
    // An element followed by its text.
    let has = |role: &str, text: &str| {
        lines
            .windows(2)
            .any(|w| w[0].trim().starts_with(role) && w[1].trim() == format!("\"{text}\""))
    };
    assert!(has("H1", "ELSA self-assessment report"), "{tree}");
    assert!(has("H2", "Decision summary"));
    assert!(has("H2", "Executive summary"));
    assert!(has("H3", "Legal headline"));
    assert!(has("TH", "Framework"), "table header cells");
    for role in ["Table", "TR", "TD", "L (block)", "LI (block)", "P (block)"] {
        assert!(tree.contains(role), "{role} missing");
    }
    // The running header and the page numbers are artifacts.
    assert!(!tree.contains("page 2 of"));
    // The decision summary comes before the executive summary in reading order.
    let at = |t: &str| tree.find(t).unwrap();
    assert!(at("\"Decision summary\"") < at("\"Executive summary\""));
}

/// A check lists only the answered questions of its condition (the ones that contradict).
#[test]
fn a_check_lists_only_the_answers_that_contradict() {
    let q = full();
    let a = with(
        &q,
        &[
            ("lt-medical-purpose", "no-general-information"),
            ("ai-role", "recommends"),
        ],
    );
    let checks = elsa::consistency::check(&q, &a);
    let c = checks
        .iter()
        .find(|c| c.id == "general-information-vs-patient-advice")
        .unwrap();
    let ids: Vec<&str> = c.questions.iter().map(|(_, id)| id.as_str()).collect();
    assert_eq!(ids, ["ai-role", "lt-medical-purpose"]);
}
