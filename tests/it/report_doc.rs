//! The report is one typed document rendered two ways: the PDF's pages and the Markdown carry the
//! same headings, answers and duties; the language is a parameter; one concern scale throughout.
use crate::common::*;
use elsa::i18n::Lang;
use elsa::report::doc::{Block, Doc};
use elsa::report::layout::Measure;
use elsa::report::{build, md, pages, ReportInfo};

const GEN: &str = "2026-12-03T10:15:00.000Z";

/// 5 points per char: enough to lay out pages without the fonts.
struct Fixed;
impl Measure for Fixed {
    fn width(&self, text: &str, size: f32, _bold: bool) -> f32 {
        text.chars().count() as f32 * size * 0.5
    }
}

/// The sepsis project of the triage's golden examples (duties for several frameworks), with a
/// note and a "don't know".
fn sepsis() -> (elsa::model::Questionnaire, elsa::answers::Assessment) {
    let (all, _) = elsa::bundled::load_all();
    let q = all.into_iter().find(|q| q.id == "elsa-health-ai").unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/it/data/triage/sepsis-icu.json");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let mut a = crate::triage::example_assessment(&q, &v, "sepsis-icu.json");
    let first = q.sections[1].questions[0].id.clone();
    a.set_answer(&first, Some(elsa::answers::Answer::DontKnow), NOW);
    a.set_note(
        &first,
        "We will ask the ICU's data steward | *not* sure".into(),
        NOW,
    );
    (q, a)
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn pdf_text(doc: &Doc) -> String {
    let (pages, _) = pages::lay_out(doc, &Fixed);
    squash(
        &pages
            .iter()
            .flat_map(|p| p.texts())
            .collect::<Vec<_>>()
            .join(" "),
    )
}

#[test]
fn one_document_gives_the_same_headings_answers_and_duties_in_pdf_and_markdown() {
    let (q, a) = sepsis();
    let doc = build(
        &q,
        &a,
        &ReportInfo {
            generated_at: GEN.into(),
            lang: Lang::En,
        },
    );
    let markdown = md::to_markdown(&doc);
    let pdf = pdf_text(&doc);
    let md_headings: Vec<String> = markdown
        .lines()
        .filter(|l| l.starts_with('#'))
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .collect();
    // Every heading, in both, in the same order.
    let headings = doc.headings();
    assert!(headings.len() > 40, "{} headings", headings.len());
    let mut from = 0;
    for h in &headings {
        let want = md::esc(h);
        assert!(
            md_headings
                .iter()
                .any(|m| m == &want || m.starts_with(&want)),
            "the Markdown lacks the heading {h:?}"
        );
        let at = pdf[from..]
            .find(&squash(h))
            .unwrap_or_else(|| panic!("the PDF lacks the heading {h:?} (or has it out of order)"));
        from += at;
    }
    // Every answer and the duties' rows.
    let mut answers = 0;
    let mut duties = 0;
    for b in &doc.blocks {
        match b {
            Block::Field { label, value, .. } if label == "Answer:" => {
                answers += 1;
                assert!(
                    markdown.contains(&md::esc(value)),
                    "the Markdown lacks the answer {value:?}"
                );
                assert!(
                    pdf.contains(&squash(value)),
                    "the PDF lacks the answer {value:?}"
                );
            }
            Block::Table(t) if t.cols.first().is_some_and(|c| c.header == "Duty") => {
                for r in &t.rows {
                    duties += 1;
                    for cell in &r.cells {
                        assert!(
                            markdown.contains(&md::esc(cell)),
                            "the Markdown lacks the duty cell {cell:?}"
                        );
                        assert!(
                            pdf.contains(&squash(cell)),
                            "the PDF lacks the duty cell {cell:?}"
                        );
                    }
                }
            }
            _ => {}
        }
    }
    assert!(
        answers > 50 && duties > 5,
        "{answers} answers, {duties} duties"
    );
    // User text: escaped in Markdown, as typed in the PDF.
    assert!(markdown.contains("We will ask the ICU's data steward \\| \\*not\\* sure"));
    assert!(pdf.contains("We will ask the ICU's data steward | *not* sure"));
    // The attachment is the PDF's alone.
    assert!(pdf.contains("elsa-assessment.json") && !markdown.contains("elsa-assessment.json"));
}

#[test]
fn the_language_is_a_parameter_of_the_report() {
    let (q, a) = sepsis();
    assert_eq!(elsa::i18n::lang(), Lang::En);
    let nl = build(
        &q,
        &a,
        &ReportInfo {
            generated_at: GEN.into(),
            lang: Lang::Nl,
        },
    );
    assert_eq!(
        elsa::i18n::lang(),
        Lang::En,
        "building a Dutch report leaves the current language alone"
    );
    let headings = nl.headings();
    for h in [
        "Rapport ELSA-zelfbeoordeling",
        "Samenvatting",
        "Juridische triage",
        "Belangrijkste acties",
        "Alle antwoorden",
        "Methode",
    ] {
        assert!(headings.contains(&h), "{h:?} not in {headings:?}");
    }
    // The questionnaire's texts in Dutch too.
    let title = q.sections[1].title.get("nl");
    assert!(headings.iter().any(|h| h.ends_with(title)), "{title:?}");
    let en = build(
        &q,
        &a,
        &ReportInfo {
            generated_at: GEN.into(),
            lang: Lang::En,
        },
    );
    assert!(
        en.headings().contains(&"Executive summary") && !en.headings().contains(&"Samenvatting")
    );
}

/// The priority actions and the detailed answers give one answer's concern on the same scale
/// (the question's own maximum).
#[test]
fn priority_actions_and_answers_use_one_concern_scale() {
    let (q, a) = sepsis();
    let md = md::render(
        &q,
        &a,
        &ReportInfo {
            generated_at: GEN.into(),
            lang: Lang::En,
        },
    );
    let o = elsa::scoring::score(&q, &a);
    let mut checked = 0;
    for r in &o.recommendations {
        let x = q.question(&r.question_id).unwrap().question;
        let max = x.kind.max_concern();
        let scale = format!("concern {}/{max}", r.concern);
        let actions =
            &md[md.find("## Priority actions").unwrap()..md.find("## Detailed answers").unwrap()];
        let answers = &md[md.find("## Detailed answers").unwrap()..];
        let text = md::esc(x.text.get("en"));
        let line = actions
            .lines()
            .find(|l| l.contains(&text))
            .unwrap_or_else(|| panic!("no action for {}", r.question_id));
        assert!(line.contains(&scale), "{line}");
        let at = answers.find(&text).unwrap();
        let answer = answers[at..]
            .lines()
            .find(|l| l.starts_with("- **Answer:**"))
            .unwrap();
        assert!(
            answer.contains(&scale) || answer.contains("knowledge gap"),
            "{answer} vs {scale}"
        );
        checked += 1;
    }
    assert!(checked > 3, "{checked}");
    assert!(
        q.sections
            .iter()
            .flat_map(|s| &s.questions)
            .any(|x| x.kind.max_concern() != q.max_concern),
        "some question has its own scale"
    );
}

/// The PDF's outline follows the document (printpdf, used before issue 17, sorted one page's
/// bookmarks by name).
#[cfg(feature = "pdf")]
#[test]
fn the_pdf_outline_is_in_document_order() {
    let (q, a) = sepsis();
    let r = elsa::report::pdf::render_report(
        &q,
        &a,
        &ReportInfo {
            generated_at: GEN.into(),
            lang: Lang::En,
        },
        &elsa::report::pdf::Fonts::load().unwrap(),
    );
    let doc = lopdf::Document::load_mem(&r.bytes).unwrap();
    let got: Vec<String> = doc
        .get_toc()
        .unwrap()
        .toc
        .into_iter()
        .map(|e| e.title)
        .collect();
    let (_, outline) = elsa::report::build_pages(
        &q,
        &a,
        &ReportInfo {
            generated_at: GEN.into(),
            lang: Lang::En,
        },
        &elsa::report::pdf::Fonts::load().unwrap(),
    );
    // Every bookmark is on a page at or after the one before it (page order).
    for w in outline.windows(2) {
        assert!(w[0].1 <= w[1].1, "{:?} after {:?}", w[1], w[0]);
    }
    let want: Vec<String> = outline.into_iter().map(|(t, _)| t).collect();
    assert_eq!(got, want);
    // Every part of the report is a bookmark.
    let doc = elsa::report::build(
        &q,
        &a,
        &ReportInfo {
            generated_at: GEN.into(),
            lang: Lang::En,
        },
    );
    for b in &doc.blocks {
        if let elsa::report::doc::Block::Heading { level: 1, text, .. } = b {
            assert!(got.contains(text), "{text} is not a bookmark");
        }
    }
    assert_eq!(
        &got[..4],
        [
            "Decision summary",
            "Executive summary",
            "Legal triage",
            "Impact on people with low socio-economic status"
        ]
    );
}

/// Writes the sepsis report (PDF and Markdown) to $ELSA_LOOK for a person to look at.
#[cfg(feature = "pdf")]
#[test]
#[ignore]
fn write_sample_report_for_review() {
    let Ok(dir) = std::env::var("ELSA_LOOK") else {
        return;
    };
    let (q, a) = sepsis();
    for lang in [Lang::En, Lang::Nl] {
        let info = ReportInfo {
            generated_at: GEN.into(),
            lang,
        };
        let r = elsa::report::pdf::render_report(
            &q,
            &a,
            &info,
            &elsa::report::pdf::Fonts::load().unwrap(),
        );
        std::fs::write(format!("{dir}/sample-{}.pdf", lang.code()), &r.bytes).unwrap();
        std::fs::write(
            format!("{dir}/sample-{}.md", lang.code()),
            md::render(&q, &a, &info),
        )
        .unwrap();
    }
}

/// A change stored in UTC shows at the report's local offset: just after midnight in Amsterdam
/// the cover says today, not yesterday.
#[test]
fn last_changed_shows_at_the_offset_of_the_report_date() {
    use elsa::i18n::at_offset_of;
    assert_eq!(
        at_offset_of("2026-12-02T23:30:00.000Z", "2026-12-03T00:30:00.000+01:00"),
        "2026-12-03T00:30:00+01:00"
    );
    assert_eq!(
        at_offset_of("2026-12-31T23:30:00Z", "2027-01-01T01:00:00+02:00"),
        "2027-01-01T01:30:00+02:00"
    );
    assert_eq!(
        at_offset_of("2024-02-29T01:00:00+01:00", "2024-02-29T00:00:00Z"),
        "2024-02-29T00:00:00Z"
    );
    assert_eq!(
        at_offset_of("2026-03-01T00:10:00Z", "2026-02-28T20:00:00-05:00"),
        "2026-02-28T19:10:00-05:00"
    );
    assert_eq!(
        at_offset_of("not a time", "2026-12-03T00:30:00+01:00"),
        "not a time"
    );
    let (q, mut a) = sepsis();
    a.modified = "2026-12-02T23:30:00.000Z".into();
    let md = md::render(
        &q,
        &a,
        &ReportInfo {
            generated_at: "2026-12-03T00:30:00.000+01:00".into(),
            lang: Lang::En,
        },
    );
    assert!(
        md.contains("- **Last changed:** 3 December 2026, 00:30 UTC+01:00"),
        "{}",
        &md[..600]
    );
    assert!(!md.contains("2 December 2026"));
}
