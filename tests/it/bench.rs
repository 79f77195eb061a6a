//! `make bench` runs this (ignored in normal runs): native PDF generation of the starter
//! questionnaire, fully answered with notes. It prints figures; it asserts nothing about time.
use elsa::answers::{Answer, Assessment};
use elsa::model::QuestionKind;

pub fn fully_answered(q: &elsa::model::Questionnaire) -> Assessment {
    let now = "2026-11-29T10:00:00Z";
    let mut a = Assessment::new("bench".into(), q, now);
    for (i, r) in q.questions().enumerate() {
        let id = &r.question.id;
        match &r.question.kind {
            QuestionKind::Profile { field } => {
                a.set_metadata(*field, format!("Benchmark {field:?}"), now)
            }
            QuestionKind::YesNo { .. } => a.set_answer(
                id,
                Some(Answer::Choice {
                    id: if i % 3 == 0 { "no" } else { "yes" }.into(),
                }),
                now,
            ),
            QuestionKind::MultiChoice { options } => a.set_answer(
                id,
                Some(Answer::Choices {
                    ids: options.iter().take(2).map(|o| o.id.clone()).collect(),
                }),
                now,
            ),
            // A spread of answers, from the best option to the worst.
            QuestionKind::SingleChoice { options } | QuestionKind::Scale { points: options } => a
                .set_answer(
                    id,
                    Some(Answer::Choice {
                        id: options[(i * 7) % options.len()].id.clone(),
                    }),
                    now,
                ),
            QuestionKind::Date => a.set_answer(
                id,
                Some(Answer::Date {
                    value: "2026-11-29".into(),
                }),
                now,
            ),
            QuestionKind::ShortText | QuestionKind::LongText => a.set_answer(
                id,
                Some(Answer::Text {
                    value: "A benchmark answer with some words in it.".into(),
                }),
                now,
            ),
        }
        a.set_note(
            id,
            format!("Note on {id}: Şükrü Łukasz Zoë Øster — 30 °C ≥ 5 ± 1 €."),
            now,
        );
    }
    a
}

#[cfg(feature = "pdf")]
#[test]
#[ignore = "benchmark: run by `make bench`"]
fn bench_native() {
    use elsa::report::pdf::{render_report, Fonts};
    use elsa::report::ReportInfo;
    use std::time::Instant;
    let (qs, _) = elsa::bundled::load_all();
    let info = ReportInfo {
        generated_at: "2026-11-29T10:00:00Z".into(),
        lang: elsa::i18n::lang(),
    };
    let t = Instant::now();
    let fonts = Fonts::load().unwrap();
    println!("\n== Native report generation ==");
    println!(
        "{:<46} {:>10}",
        "Font parsing (once per process)",
        format!("{:.1} ms", t.elapsed().as_secs_f64() * 1e3)
    );
    for q in &qs {
        let a = fully_answered(q);
        let mut times = Vec::new();
        let mut size = 0;
        let mut pages = 0;
        for _ in 0..7 {
            let t = Instant::now();
            let r = render_report(q, &a, &info, &fonts);
            times.push(t.elapsed().as_secs_f64() * 1e3);
            size = r.bytes.len();
            pages = r.pages;
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let sample = std::path::Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join(format!("bench-report-{}.pdf", q.id));
        let r = render_report(q, &a, &info, &fonts);
        std::fs::write(&sample, &r.bytes).unwrap();
        println!("{:<46} {}", "Sample written to", sample.display());
        println!(
            "{:<46} {:>10}",
            format!("{} ({} pages), median of 7", q.id, pages),
            format!("{:.1} ms", times[3])
        );
        println!(
            "{:<46} {:>10}",
            format!("{} PDF size", q.id),
            format!("{:.1} KB", size as f64 / 1024.0)
        );
    }
}
