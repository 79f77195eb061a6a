//! The reports in Dutch: the PDF, the Markdown and the workshop summary follow the language they
//! are rendered in (`i18n::with_lang`), with the questionnaire's own Dutch texts; a questionnaire
//! without Dutch is shown in English with one notice; English is back afterwards.
use crate::common::*;
use elsa::answers::Assessment;
use elsa::i18n::{with_lang, Lang};
use elsa::model::{ProfileField, Questionnaire};
use elsa::report::layout::{Item, Measure, Page, MARGIN_X, PAGE_W};
use elsa::report::ReportInfo;
use elsa::review::{Comment, CommentStatus, Review, Verdict};

const GEN: &str = "2026-11-29T10:15:00.000Z";
const NOTICE_NL: &str =
    "Delen van de vragenlijst hebben geen Nederlandse tekst. Die delen staan hier in het Engels.";

fn info() -> ReportInfo {
    ReportInfo {
        generated_at: GEN.into(),
        lang: elsa::i18n::lang(),
    }
}

fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn full() -> Questionnaire {
    let (all, _) = elsa::bundled::load_all();
    all.into_iter().find(|q| q.id == "elsa-health-ai").unwrap()
}

/// The full questionnaire fully answered, with a "don't know", a signed review with a comment,
/// and an answer to a removed question.
fn reviewed(q: &Questionnaire) -> Assessment {
    let mut a = crate::bench::fully_answered(q);
    a.set_metadata(
        ProfileField::ProjectName,
        "Sepsis-vroegwaarschuwing".into(),
        NOW,
    );
    let x = q
        .questions()
        .find(|r| r.section_index == 3 && r.question.kind.is_choice())
        .unwrap()
        .question
        .id
        .clone();
    a.set_answer(&x, Some(elsa::answers::Answer::DontKnow), NOW);
    a.responses.insert(
        "old-q".into(),
        elsa::answers::Response {
            answer: Some(ans("yes")),
            note: "bewaard".into(),
        },
    );
    let mut r = Review {
        reviewer_name: "Dr. Zoë Verhoeven".into(),
        reviewer_role: "Voorzitter ethische commissie".into(),
        date: "2026-11-28".into(),
        verdict: Some(Verdict::ApprovedWithConditions),
        conditions: "Herhaal de bias-audit.".into(),
        ..Review::default()
    };
    r.comments.insert(
        x,
        Comment {
            status: CommentStatus::Concern,
            text: "Wie controleert dit?".into(),
            reply: "De klinisch leider.".into(),
        },
    );
    r.sign(&a, None, "2026-11-29T09:00:00.000Z").unwrap();
    a.set_review(Some(&r));
    a
}

/// A Dutch question text from the questionnaire (not the profile), as it must appear.
fn dutch_question(q: &Questionnaire) -> String {
    let r = q.questions().find(|r| r.section_index == 2).unwrap();
    let nl = r.question.text.get("nl").to_string();
    assert_ne!(
        nl,
        r.question.text.get("en"),
        "the bundled questionnaire has Dutch"
    );
    nl
}

const DUTCH_PARTS: [&str; 13] = [
    "Rapport ELSA-zelfbeoordeling",
    "Datum rapport: 29 november 2026",
    "Ethische toetsing: Goedgekeurd onder voorwaarden",
    "Gemaakt op dit apparaat. Er zijn geen gegevens verstuurd.",
    "Samenvatting",
    "Datum toetsing: 28 november 2026",
    "Totale zorgscore:",
    "Juridische triage",
    "Gevolgen voor mensen met een lage sociaaleconomische status",
    "Belangrijkste acties",
    "Alle antwoorden",
    "Methode",
    "Over dit rapport",
];

const ENGLISH_PARTS: [&str; 10] = [
    "ELSA self-assessment report",
    "Executive summary",
    "Overall concern",
    "Ethics review",
    "Legal triage",
    "Priority actions",
    "Detailed answers",
    "Methodology",
    "About this report",
    "page 1 of",
];

#[cfg(feature = "pdf")]
fn pdf(q: &Questionnaire, a: &Assessment, name: &str) -> (elsa::report::pdf::Report, String) {
    use elsa::report::pdf::{render_report, Fonts};
    let r = render_report(q, a, &info(), &Fonts::load().unwrap());
    if let Ok(dir) = std::env::var("ELSA_REPORT_OUT") {
        std::fs::write(std::path::Path::new(&dir).join(name), &r.bytes).unwrap();
    }
    let text = crate::report::pdftotext(&r.bytes, name);
    (r, text)
}

/// No text item crosses the side margins, measured with the real fonts.
#[cfg(feature = "pdf")]
fn inside_margins(pages: &[Page], fonts: &dyn Measure) {
    for (i, p) in pages.iter().enumerate() {
        for item in &p.items {
            if let Item::Text { x, style, text, .. } = item {
                let right = x + fonts.width(text, style.size, style.bold);
                assert!(
                    *x >= MARGIN_X - 0.01 && right <= PAGE_W - MARGIN_X + 0.01,
                    "page {}: {text:?} crosses the margin ({x}..{right})",
                    i + 1
                );
            }
        }
    }
}

#[cfg(feature = "pdf")]
#[test]
fn the_full_report_in_dutch_then_in_english_again() {
    let q = full();
    let a = reviewed(&q);
    let (r, text) = with_lang(Lang::Nl, || pdf(&q, &a, "report-nl.pdf"));
    let text = flat(&text);
    let mut from = 0;
    for part in DUTCH_PARTS {
        let at = text[from..]
            .find(part)
            .unwrap_or_else(|| panic!("{part:?} missing (or out of order) after byte {from}"));
        from += at;
    }
    for part in [
        "Toetser: Dr. Zoë Verhoeven, Voorzitter ethische commissie",
        "Afgetekend op 29 november 2026",
        "Antwoorden niet veranderd sinds de ondertekening",
        "Rode vlaggen:",
        "PROGRESS-Plus-dimensies",
        "kennisgat (telt als de hoogste zorg)",
        "Toetser – Zorg: Wie controleert dit?",
        "Reactie van het team: De klinisch leider.",
        "Antwoorden op verwijderde vragen",
        "Weinig zorgen",
        &format!("pagina 1 van {}", r.pages),
        &format!("pagina {0} van {0}", r.pages),
    ] {
        assert!(text.contains(part), "the Dutch PDF lacks {part:?}");
    }
    assert!(
        text.contains(&flat(&dutch_question(&q))),
        "the Dutch PDF lacks the Dutch question text"
    );
    for part in ENGLISH_PARTS {
        assert!(
            !text.contains(part),
            "the Dutch PDF has the English {part:?}"
        );
    }
    assert!(
        !text.contains(NOTICE_NL),
        "the bundled questionnaire has all its Dutch: no notice"
    );
    // The outline is Dutch too.
    let doc = lopdf::Document::load_mem(&r.bytes).unwrap();
    let outline: Vec<String> = doc
        .get_toc()
        .map(|t| t.toc.into_iter().map(|e| e.title).collect())
        .unwrap_or_default();
    for t in [
        "Samenvatting",
        "Gevolgen voor mensen met een lage sociaaleconomische status",
        "Juridische triage",
        "Belangrijkste acties",
        "Alle antwoorden",
        "Methode",
    ] {
        assert!(
            outline.iter().any(|o| o == t),
            "outline lacks {t:?}: {outline:?}"
        );
    }
    // Long Dutch words stay inside the margins.
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let (pages, _) = with_lang(Lang::Nl, || {
        elsa::report::build_pages(&q, &a, &info(), &fonts)
    });
    inside_margins(&pages, &fonts);
    // English again afterwards.
    assert_eq!(elsa::i18n::lang(), Lang::En);
    let (_, en) = pdf(&q, &a, "report-en.pdf");
    let en = flat(&en);
    for part in ENGLISH_PARTS {
        assert!(en.contains(part), "the English PDF lacks {part:?}");
    }
    assert!(
        !en.contains("Samenvatting") && !en.contains(&flat(&dutch_question(&q))),
        "the English PDF has Dutch"
    );
}

#[test]
fn the_markdown_in_dutch_then_in_english_again() {
    use elsa::report::md::{esc, render};
    let q = full();
    let a = reviewed(&q);
    let md = with_lang(Lang::Nl, || render(&q, &a, &info()));
    for part in [
        "# Rapport ELSA-zelfbeoordeling: Sepsis-vroegwaarschuwing",
        "- **Vragenlijst:** ELSA-beoordeling voor AI in de zorg (versie ",
        "- **Gemaakt:** 29 november 2026, 10:15 UTC",
        "### Ethische toetsing",
        "- **Oordeel:** Goedgekeurd onder voorwaarden",
        "- **Datum toetsing:** 28 november 2026",
        "- **Ondertekening:** Afgetekend op 29 november 2026",
        "## Samenvatting",
        "**Totale zorgscore: ",
        "| Onderdeel | Score | Niveau | Rode vlaggen | Beantwoord |",
        "## Juridische triage",
        "## Belangrijkste acties",
        "## Alle antwoorden",
        "- **Antwoord:** Weet ik niet — kennisgat",
        "Toelichting:",
        "> **Toetser – Zorg:** Wie controleert dit?",
        "> **Reactie van het team:** De klinisch leider.",
        "## Antwoorden op verwijderde vragen",
        "- **Tool:** ELSA-zelfbeoordelingstool",
        "## Methode",
    ] {
        assert!(md.contains(part), "the Dutch Markdown lacks {part:?}");
    }
    assert!(
        md.contains(&esc(&dutch_question(&q))),
        "the Dutch Markdown lacks the Dutch question text"
    );
    for part in [
        "ELSA self-assessment report",
        "## Executive summary",
        "## Priority actions",
        "## Detailed answers",
        "**Answer:**",
        "Generated:",
    ] {
        assert!(
            !md.contains(part),
            "the Dutch Markdown has the English {part:?}"
        );
    }
    assert!(!md.contains(NOTICE_NL));
    let en = render(&q, &a, &info());
    assert!(
        en.starts_with("# ELSA self-assessment report: Sepsis-vroegwaarschuwing"),
        "English again"
    );
    assert!(en.contains("## Executive summary") && !en.contains("## Samenvatting"));
}

/// A questionnaire with English texts only (the test one has a Dutch title and nothing else) in
/// Dutch: the report's own texts are Dutch, the questionnaire's are English, and one notice says
/// so near the top. In English, no notice.
#[test]
fn an_english_only_questionnaire_in_dutch_has_one_notice() {
    let q = mini();
    let mut a = with(
        &q,
        &[
            ("role", "decides"),
            ("o1", "c"),
            ("o2", "no"),
            ("l1", "yes"),
            ("o5", "?"),
        ],
    );
    a.set_metadata(ProfileField::ProjectName, "Sepsis".into(), NOW);
    let md = with_lang(Lang::Nl, || elsa::report::md::render(&q, &a, &info()));
    assert_eq!(md.matches(NOTICE_NL).count(), 1, "{md}");
    let notice_at = md.find(NOTICE_NL).unwrap();
    assert!(
        notice_at < md.find("## Samenvatting").unwrap(),
        "the notice comes before the summary"
    );
    assert!(
        md.contains("Mini-vragenlijst (versie 1.2.3)"),
        "the Dutch title is used where there is one"
    );
    assert!(
        md.contains(&elsa::report::md::esc(
            q.question("o1").unwrap().question.text.get("en")
        )),
        "English where there is no Dutch"
    );
    assert!(md.contains("Critical concern"), "the English band label");
    let en = elsa::report::md::render(&q, &a, &info());
    assert!(
        !en.contains(NOTICE_NL) && !en.contains("Parts of the questionnaire"),
        "no notice in English"
    );
    assert!(en.contains("Mini questionnaire (version 1.2.3)"));
}

#[cfg(feature = "pdf")]
#[test]
fn an_english_only_questionnaire_in_dutch_has_the_notice_on_the_cover() {
    let q = mini();
    let a = with(&q, &[("role", "decides"), ("o1", "c"), ("o2", "no")]);
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let (pages, _) = with_lang(Lang::Nl, || {
        elsa::report::build_pages(&q, &a, &info(), &fonts)
    });
    let cover = flat(&pages[0].texts().join(" "));
    assert!(cover.contains(NOTICE_NL), "{cover}");
    let all = flat(
        &pages
            .iter()
            .flat_map(Page::texts)
            .collect::<Vec<_>>()
            .join(" "),
    );
    assert_eq!(all.matches(NOTICE_NL).count(), 1);
    let (_, text) = with_lang(Lang::Nl, || pdf(&q, &a, "mini-nl.pdf"));
    assert!(flat(&text).contains(NOTICE_NL));
    let (pages, _) = elsa::report::build_pages(&q, &a, &info(), &fonts);
    assert!(!flat(&pages[0].texts().join(" ")).contains("Parts of the questionnaire"));
}

/// The workshop summary in Dutch, with the questionnaire's Dutch texts, inside the margins.
#[cfg(feature = "pdf")]
#[test]
fn the_workshop_summary_in_dutch() {
    use elsa::report::workshop::build_workshop_pages;
    let q = full();
    let teams: Vec<(String, Assessment)> = ["Cardiologie", "Team Zoë", "IC-nachtdienst"]
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let mut a = crate::bench::fully_answered(&q);
            for (k, r) in q
                .questions()
                .enumerate()
                .filter(|(k, r)| r.question.kind.options().len() > 1 && (k + i) % 3 == 0)
            {
                let options = r.question.kind.options();
                let pick = options[(k + i) % options.len()].id.to_string();
                let answer = match r.question.kind {
                    elsa::model::QuestionKind::MultiChoice { .. } => {
                        elsa::answers::Answer::Choices { ids: vec![pick] }
                    }
                    _ => elsa::answers::Answer::Choice { id: pick },
                };
                a.set_answer(&r.question.id, Some(answer), NOW);
            }
            (l.to_string(), a)
        })
        .collect();
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let (pages, outline) = with_lang(Lang::Nl, || {
        build_workshop_pages(&q, &teams, GEN, elsa::i18n::lang(), &fonts)
    });
    let text = flat(
        &pages
            .iter()
            .flat_map(Page::texts)
            .collect::<Vec<_>>()
            .join(" "),
    );
    for part in [
        "Samenvatting van de workshop",
        "ELSA-beoordeling voor AI in de zorg (versie",
        "Datum: 29 november 2026",
        "Scores per onderdeel",
        "Gemiddelde",
        "Mediaan",
        "Spreiding",
        "Totaal (gewogen)",
        "Waar de teams het oneens waren",
        "onenigheid",
        "pagina 1 van",
    ] {
        assert!(
            text.contains(part),
            "the Dutch workshop summary lacks {part:?}"
        );
    }
    for part in [
        "Workshop summary",
        "Section scores",
        "Where teams disagreed",
        "Mean",
        "page 1 of",
    ] {
        assert!(
            !text.contains(part),
            "the Dutch workshop summary has the English {part:?}"
        );
    }
    assert!(outline
        .iter()
        .any(|(t, _)| t == "Waar de teams het oneens waren"));
    inside_margins(&pages, &fonts);
    if let Ok(dir) = std::env::var("ELSA_REPORT_OUT") {
        let bytes = with_lang(Lang::Nl, || {
            elsa::report::pdf::workshop_pdf(&q, &teams, GEN, Lang::Nl).unwrap()
        });
        std::fs::write(std::path::Path::new(&dir).join("workshop-nl.pdf"), bytes).unwrap();
    }
}
