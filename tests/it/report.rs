//! The report: layout rules with a fixed-width measure, and real PDFs read back with pdftotext.
use crate::common::*;
use elsa::files::{report_pdf as file_name, slug};
use elsa::model::ProfileField;
use elsa::report::layout::{wrap, Item, Measure, CONTENT_BOTTOM, CONTENT_TOP, MARGIN_X, PAGE_W};
use elsa::report::{build_pages, ReportInfo};
use std::process::Command;

/// Every char is 0.5 em wide.
struct Fixed;
impl Measure for Fixed {
    fn width(&self, text: &str, size: f32, _bold: bool) -> f32 {
        text.chars().count() as f32 * size * 0.5
    }
}

fn info() -> ReportInfo {
    ReportInfo {
        generated_at: "2026-11-29T10:15:00.000Z".into(),
        lang: elsa::i18n::lang(),
    }
}

#[test]
fn wrap_respects_the_width_and_splits_long_words() {
    let lines = wrap(&Fixed, "aaaa bbbb cccc dddd", 10.0, false, 50.0); // 10 chars per line
    assert_eq!(lines, vec!["aaaa bbbb", "cccc dddd"]);
    let lines = wrap(
        &Fixed,
        "go https://example.org/a/very/long/path/that/never/ends end",
        10.0,
        false,
        50.0,
    );
    for l in &lines {
        assert!(l.chars().count() <= 10, "{l:?} too long");
    }
    assert_eq!(
        lines.concat().replace(' ', ""),
        "gohttps://example.org/a/very/long/path/that/never/endsend"
    );
    assert_eq!(
        wrap(&Fixed, "one\n\ntwo", 10.0, false, 50.0),
        vec!["one", "", "two"]
    );
    assert_eq!(
        wrap(&Fixed, "Zoë Øster", 10.0, false, 50.0),
        vec!["Zoë Øster"]
    );
}

/// Issue 19: a word wider than the line breaks where a reader expects it (after a hyphen, after
/// a slash of an address), not in the middle of a syllable; a word that fits is never broken.
#[test]
fn wide_words_break_after_hyphens_and_slashes() {
    // 12 chars per line.
    let lines = wrap(&Fixed, "Hoog-risico-AI-systeem?", 10.0, false, 60.0);
    assert_eq!(lines, vec!["Hoog-risico-", "AI-systeem?"]);
    let lines = wrap(
        &Fixed,
        "zie https://ex.org/aa/bbbb/cc nu",
        10.0,
        false,
        60.0,
    );
    assert_eq!(lines, vec!["zie https://", "ex.org/aa/", "bbbb/cc nu"]);
    // Fits on the next line whole: moved, not broken.
    assert_eq!(
        wrap(&Fixed, "een AI-verordening", 10.0, false, 80.0),
        vec!["een", "AI-verordening"]
    );
    // No break character: by characters, as before.
    assert_eq!(
        wrap(&Fixed, "abcdefghijklmnop", 10.0, false, 60.0),
        vec!["abcdefghijkl", "mnop"]
    );
}

/// Issue 19: Chinese and Japanese, written without spaces, break between characters where the
/// line is full, never before closing punctuation or after an opening bracket, and join again
/// without a space; Korean keeps its words.
#[test]
fn cjk_text_breaks_between_characters_but_not_before_closing_punctuation() {
    use elsa::report::layout::segments;
    assert_eq!(segments("中文说明"), vec!["中", "文", "说", "明"]);
    assert_eq!(segments("同意。"), vec!["同", "意。"]);
    assert_eq!(segments("「患者」の"), vec!["「患", "者」", "の"]);
    assert_eq!(segments("AI系统"), vec!["AI", "系", "统"]);
    assert_eq!(segments("환자"), vec!["환자"]);
    assert_eq!(segments("plain"), vec!["plain"]);
    // 12 characters per line (each character is 5 points wide in `Fixed`).
    let text = "患者の同意を得た。中文说明书很长很长。";
    let lines = wrap(&Fixed, &format!("Note: {text}"), 10.0, false, 60.0);
    assert_eq!(
        lines,
        vec!["Note: 患者の同意を", "得た。中文说明书很长很", "长。"]
    );
    assert_eq!(lines.concat(), format!("Note: {text}"), "no space added");
    // A line never starts with closing punctuation: "た。" moves together.
    let lines = wrap(&Fixed, "一二三四五六七八九十十一。", 10.0, false, 60.0);
    assert!(lines.iter().all(|l| !l.starts_with('。')), "{lines:?}");
    // Korean breaks at its spaces.
    assert_eq!(
        wrap(&Fixed, "환자 동의 확인 절차", 10.0, false, 25.0),
        vec!["환자 동의", "확인 절차"]
    );
}

fn big_assessment() -> (elsa::model::Questionnaire, elsa::answers::Assessment) {
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
    a.set_metadata(
        ProfileField::ProjectName,
        "Sepsis early warning".into(),
        NOW,
    );
    let mut note = String::new();
    while note.chars().count() < 10_000 {
        note.push_str("Lorem ipsum dolor sit amet, https://example.org/an/extremely/long/url/without/any/spaces/at/all/that/must/be/broken ");
        note.push_str("Supercalifragilisticexpialidocious-and-more-and-more-without-a-break-anywhere-at-all-in-it ");
    }
    a.set_note("o1", note, NOW);
    (q, a)
}

#[test]
fn nothing_crosses_the_margins_and_long_notes_flow_over_pages() {
    let (q, a) = big_assessment();
    let (pages, _) = build_pages(&q, &a, &info(), &Fixed);
    assert!(pages.len() >= 3, "a 10k note spans pages: {}", pages.len());
    for (i, p) in pages.iter().enumerate() {
        for item in &p.items {
            if let Item::Text { x, y, style, text } = item {
                let right = x + Fixed.width(text, style.size, style.bold);
                assert!(
                    *x >= MARGIN_X - 0.01 && right <= PAGE_W - MARGIN_X + 0.01,
                    "page {}: {text:?} crosses the margin ({x}..{right})",
                    i + 1
                );
                let header_or_footer = *y < CONTENT_TOP || *y > CONTENT_BOTTOM;
                if header_or_footer {
                    assert!(style.size < 9.0, "page {}: only the running header/footer is outside the content area: {text:?}", i + 1);
                }
            }
        }
        let footer = format!("page {} of {}", i + 1, pages.len());
        assert!(
            p.texts().contains(&footer.as_str()),
            "page {} lacks {footer:?}",
            i + 1
        );
        assert!(
            p.texts().contains(&"Sepsis early warning"),
            "page {} lacks the project header",
            i + 1
        );
    }
}

#[test]
fn headings_are_never_alone_at_the_foot_of_a_page() {
    let (q, a) = big_assessment();
    let (pages, _) = build_pages(&q, &a, &info(), &Fixed);
    for p in &pages {
        // The last content text of a page must not be a section heading (11.5pt bold) or H2.
        let last = p.items.iter().rev().find_map(|i| match i {
            Item::Text { y, style, text, .. } if *y >= CONTENT_TOP && *y <= CONTENT_BOTTOM => {
                Some((style.size, text.clone()))
            }
            _ => None,
        });
        if let Some((size, text)) = last {
            assert!(size < 11.0, "a heading {text:?} ends a page");
        }
    }
}

#[test]
fn report_file_name() {
    let q = mini();
    let mut a = fresh(&q);
    assert_eq!(
        file_name(&a, "2026-11-29T10:00:00Z"),
        "elsa-report-untitled-2026-11-29.pdf"
    );
    a.set_metadata(
        ProfileField::ProjectName,
        "Şükrü's Sepsis / AI (v2)".into(),
        NOW,
    );
    assert_eq!(
        file_name(&a, "2026-11-29T10:00:00Z"),
        "elsa-report-sukru-s-sepsis-ai-v2-2026-11-29.pdf"
    );
    assert_eq!(slug("???"), "untitled");
}

pub fn pdftotext(bytes: &[u8], name: &str) -> String {
    let dir = std::env::temp_dir().join(format!("elsa-it-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .args(["-layout", path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is needed: `make test` installs it");
    assert!(
        out.status.success(),
        "pdftotext failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[cfg(feature = "pdf")]
#[test]
fn generated_pdf_reads_back_with_its_content() {
    use elsa::report::pdf::{render_report, Fonts};
    let q = mini();
    let mut a = with(
        &q,
        &[
            ("role", "decides"),
            ("o1", "b"),
            ("o2", "no"),
            ("l1", "no"),
            ("o5", "?"),
            ("o4", "t:Dr. Jansen"),
        ],
    );
    a.set_metadata(
        ProfileField::ProjectName,
        "Sepsis early warning".into(),
        NOW,
    );
    a.set_metadata(
        ProfileField::Assessors,
        "Şükrü Łukasz, Zoë Øster".into(),
        NOW,
    );
    a.set_note(
        "o2",
        "Şükrü Łukasz Zoë Øster — 30 °C ≥ 5 ± 1 € “quotes”".into(),
        NOW,
    );
    let fonts = Fonts::load().unwrap();
    let r = render_report(&q, &a, &info(), &fonts);
    assert_eq!(
        r.file_name,
        "elsa-report-sepsis-early-warning-2026-11-29.pdf"
    );
    assert!(r.bytes.starts_with(b"%PDF-"));
    let text = pdftotext(&r.bytes, "basic.pdf");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "ELSA self-assessment report",
        "Sepsis early warning",
        "29 November 2026",
        "Mini questionnaire (version 1.2.3)",
        "Generated on this device. No data was sent anywhere.",
        "Oversight",
        "Low-SES impact",
        "Şükrü Łukasz Zoë Øster — 30 °C ≥ 5 ± 1 € “quotes”",
        "Dr. Jansen",
        "Don't know — knowledge gap",
        "Allow override.",
        &format!("page 1 of {}", r.pages),
    ] {
        assert!(flat.contains(needle), "PDF text lacks {needle:?}:\n{text}");
    }
    // Section scores: oversight = (2 + 3 + 4) / (4 + 3 + 4) = 81.8 -> 82; low-SES 100.
    assert!(
        flat.contains("Oversight 82 Critical concern"),
        "score row missing:\n{text}"
    );
    assert!(
        flat.contains("Low-SES impact 100 Critical concern"),
        "score row missing:\n{text}"
    );
    // Fonts are embedded and subset.
    let dir = std::env::temp_dir().join(format!("elsa-it-{}", std::process::id()));
    let fonts_out = Command::new("pdffonts")
        .arg(dir.join("basic.pdf"))
        .output()
        .expect("pdffonts");
    let listing = String::from_utf8_lossy(&fonts_out.stdout);
    assert!(listing.contains("DejaVuSans"), "{listing}");
    for line in listing.lines().filter(|l| l.contains("DejaVu")) {
        assert!(
            line.contains(" yes yes "),
            "font not embedded+subset: {line}"
        );
    }
    assert!(r.bytes.len() < 250_000, "PDF is {} bytes", r.bytes.len());
}

#[cfg(feature = "pdf")]
#[test]
fn long_note_pdf_has_page_numbers_on_every_page() {
    use elsa::report::pdf::{render_report, Fonts};
    let (q, a) = big_assessment();
    let fonts = Fonts::load().unwrap();
    let r = render_report(&q, &a, &info(), &fonts);
    let text = pdftotext(&r.bytes, "long.pdf");
    let pages: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(pages.len(), r.pages);
    for (i, p) in pages.iter().enumerate() {
        assert!(
            p.contains(&format!("page {} of {}", i + 1, r.pages)),
            "page {} lacks its number",
            i + 1
        );
    }
    assert!(text.contains("Supercalifragilisticexpialidocious"));
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_creation_date_is_real() {
    use elsa::report::pdf::pdf_date;
    assert_eq!(
        pdf_date("2026-11-29T10:15:07.123+01:00").as_deref(),
        Some("D:20261129101507+01'00'")
    );
    assert_eq!(
        pdf_date("2026-02-03T04:05:06Z").as_deref(),
        Some("D:20260203040506+00'00'")
    );
    assert_eq!(
        pdf_date("2026-02-03T04:05:06-05:30").as_deref(),
        Some("D:20260203040506-05'30'")
    );
    assert!(elsa::report::pdf::pdf_date("yesterday").is_none());
}

#[cfg(feature = "pdf")]
#[test]
fn triage_conclusions_appear_in_the_pdf_with_their_reasons() {
    use elsa::report::pdf::{render_report, Fonts};
    let mut q = mini();
    q.triage = vec![elsa::model::TriageRule {
        id: "auto".into(),
        framework: elsa::model::Framework::Gdpr,
        severity: elsa::model::Severity::High,
        when: serde_json::from_value(
            serde_json::json!({"equals": {"question": "role", "value": "decides"}}),
        )
        .unwrap(),
        conclusion: elsa::model::LocalText::en("Likely an automated decision (GDPR art. 22)"),
        explanation: elsa::model::LocalText::en("Offer human review on request."),
        references: vec!["GDPR art. 22".into()],
        finding: elsa::model::Finding::Applies,
        decisive: false,
        roles: vec![elsa::model::Role::Controller],
        duties: vec!["human-review".into(), "later".into()],
        duties_from: None,
    }];
    let duty = |id: &str, text: &str, from: &str| elsa::model::Duty {
        id: id.into(),
        framework: elsa::model::Framework::Gdpr,
        roles: vec![elsa::model::Role::Controller],
        text: elsa::model::LocalText::en(text),
        detail: Default::default(),
        sources: vec!["GDPR art. 22(3)".into()],
        applies_from: from.into(),
        date_note: Default::default(),
        transitions: vec![],
        guidance: false,
        when: None,
    };
    q.duties = vec![
        duty("human-review", "Offer a human review", "2018-05-25"),
        duty("later", "Do the later thing", "2099-01-01"),
    ];
    q.legal_as_of = Some("2026-12-03".into());
    let a = with(&q, &[("role", "decides")]);
    let r = render_report(&q, &a, &info(), &Fonts::load().unwrap());
    let flat = pdftotext(&r.bytes, "triage.pdf")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "Legal triage",
        "Indicative, not legal advice",
        "GDPR: applies",
        "Your role: controller.",
        "Likely an automated decision (GDPR art. 22)",
        "Because you answered:",
        "• Role of the AI — Decides",
        "Offer human review on request.",
        "Legal content checked on 3 December 2026.",
        "Duties (2)",
        "Offer a human review",
        "in force since 25 May 2018",
        "applies from 1 January 2099",
        "GDPR art. 22(3)",
    ] {
        assert!(flat.contains(needle), "PDF lacks {needle:?}: {flat}");
    }
}

#[cfg(feature = "pdf")]
#[test]
fn the_assessment_file_inside_the_pdf_round_trips() {
    use elsa::report::pdf::{extract_attachment, render_report, Fonts, ATTACHMENT_NAME};
    let (q, a) = big_assessment();
    let r = render_report(&q, &a, &info(), &Fonts::load().unwrap());
    let inside = extract_attachment(&r.bytes).unwrap();
    let back = elsa::persist::decode(std::str::from_utf8(&inside).unwrap()).unwrap();
    assert_eq!(back, a);
    // Standard tools see the attachment too.
    let dir = std::env::temp_dir().join(format!("elsa-it-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("attached.pdf");
    std::fs::write(&path, &r.bytes).unwrap();
    let out = Command::new("pdfdetach")
        .args(["-list", path.to_str().unwrap()])
        .output()
        .expect("pdfdetach");
    let listing = String::from_utf8_lossy(&out.stdout);
    assert!(listing.contains(ATTACHMENT_NAME), "{listing}");
    // A PDF without it says so.
    use elsa::import::ImportError;
    assert_eq!(
        extract_attachment(&crate::common::plain_pdf()).unwrap_err(),
        ImportError::PdfWithoutAnswers
    );
    assert!(matches!(
        extract_attachment(b"hello").unwrap_err(),
        ImportError::PdfUnreadable(_)
    ));
}

#[cfg(feature = "pdf")]
fn full_report(
    a_of: impl Fn(&elsa::model::Questionnaire) -> elsa::answers::Assessment,
) -> (elsa::report::pdf::Report, String) {
    use elsa::report::pdf::{render_report, Fonts};
    let (all, _) = elsa::bundled::load_all();
    let q = all.iter().find(|q| q.id == "elsa-health-ai").unwrap();
    let r = render_report(q, &a_of(q), &info(), &Fonts::load().unwrap());
    let text = pdftotext(&r.bytes, &format!("full-{}.pdf", r.pages));
    (r, text)
}

/// Every part of the report, in order, for the full questionnaire fully answered with notes.
#[cfg(feature = "pdf")]
#[test]
fn full_report_has_every_part_in_order() {
    let (r, text) = full_report(|q| crate::bench::fully_answered(q));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let parts = [
        "ELSA self-assessment report",
        "Generated on this device. No data was sent anywhere.",
        "Executive summary",
        "Overall concern:",
        "Red flags:",
        "Legal triage",
        "Because you answered:",
        "Impact on people with low socio-economic status",
        "PROGRESS-Plus dimensions",
        "Answers of concern",
        "Priority actions",
        "Detailed answers",
        "1. Project profile",
        "Sources:",
        "Methodology",
        "Level bands",
        "About this report",
    ];
    let mut from = 0;
    for p in parts {
        let at = flat[from..]
            .find(p)
            .unwrap_or_else(|| panic!("{p:?} missing (or out of order) after byte {from}"));
        from += at;
    }
    assert!(
        flat.contains("Note on ls-data-representation: Şükrü Łukasz Zoë Øster — 30 °C ≥ 5 ± 1 €.")
    );
    // A sanity bound, not a budget: 137 KB on 2026-12-04 for this 40-page report. Tagging
    // (issue 19) added the structure tree (271 KB); packing the objects that are not streams
    // into compressed object streams, with a cross-reference stream, took it back.
    assert!(r.bytes.len() < 180 * 1024, "{} bytes", r.bytes.len());
    // The document outline has the parts and every section.
    let doc = lopdf::Document::load_mem(&r.bytes).unwrap();
    let outline = doc
        .get_toc()
        .map(|t| t.toc.into_iter().map(|e| e.title).collect::<Vec<_>>())
        .unwrap_or_default();
    for t in [
        "Executive summary",
        "Legal triage",
        "Impact on people with low socio-economic status",
        "Priority actions",
        "Detailed answers",
        "Methodology",
        "11. Impact on people with low socio-economic status",
        "12. Legal triage",
    ] {
        assert!(
            outline.iter().any(|o| o == t),
            "outline lacks {t:?}: {outline:?}"
        );
    }
    // In the order of the document: a part before its sections, even on the same page.
    let at = |t: &str| outline.iter().position(|o| o == t).unwrap();
    assert!(
        at("Executive summary") < at("Legal triage")
            && at("Priority actions") < at("Detailed answers"),
        "{outline:?}"
    );
    assert!(
        at("Detailed answers") < at("1. Project profile")
            && at("12. Legal triage") < at("Methodology"),
        "{outline:?}"
    );
}

#[cfg(feature = "pdf")]
#[test]
fn an_empty_assessment_still_makes_a_clear_report() {
    let (_, text) = full_report(|q| elsa::answers::Assessment::new("empty".into(), q, NOW));
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Untitled project",
        "No scored question has been answered yet, so there is no score.",
        "This section has no scored answers yet.",
        "No actions follow from the answers given.",
        "not answered",
    ] {
        assert!(flat.contains(needle), "empty report lacks {needle:?}");
    }
}

#[test]
fn export_file_name() {
    let q = mini();
    let mut a = fresh(&q);
    a.set_metadata(ProfileField::ProjectName, "Zoë's triage bot".into(), NOW);
    assert_eq!(
        elsa::files::assessment_json(&a, "2026-11-29T10:00:00Z"),
        "elsa-zoe-s-triage-bot-2026-11-29.json"
    );
}

/// A response's file, or the response itself when it is not one.
#[cfg(feature = "pdf")]
fn file(r: elsa::worker::Response) -> (String, Vec<u8>) {
    match r {
        elsa::worker::Response::File { file_name, bytes } => (file_name, bytes),
        other => panic!("not a file: {other:?}"),
    }
}

/// A response's message for the user.
#[cfg(feature = "pdf")]
fn failed(r: elsa::worker::Response) -> String {
    match r {
        elsa::worker::Response::Failed(e) => e,
        other => panic!("not a failure: {other:?}"),
    }
}

/// The worker's request handler: builds the PDF and the Markdown, reuses the parsed questionnaire
/// for the same file, takes the answers out of a PDF, and rejects a broken questionnaire or PDF
/// with a message, in the language of the request.
#[cfg(feature = "pdf")]
#[test]
fn worker_requests_build_reports_and_cache_the_questionnaire() {
    use elsa::i18n::Lang;
    use elsa::worker::{handle, QuestionnaireCache, ReportRequest, Request, Response};
    let fonts = elsa::report::pdf::Fonts::load().unwrap();
    let mut cache = QuestionnaireCache::default();
    let q = mini();
    let mut a = with(&q, &[("o1", "b")]);
    a.set_metadata(ProfileField::ProjectName, "Worker test".into(), NOW);
    let report = |questionnaire: Vec<u8>| ReportRequest {
        fonts: None,
        questionnaire,
        assessment: a.clone(),
        generated_at: NOW.into(),
        lang: Lang::En,
    };
    let mini_bin = elsa::bundled::encode_bin(&q);
    let f = || Ok(&fonts);
    let (name, pdf) = file(handle(
        Request::Pdf(report(mini_bin.clone())),
        f,
        &mut cache,
    ));
    assert_eq!(name, "elsa-report-worker-test-2026-11-29.pdf");
    assert!(pdftotext(&pdf, "worker.pdf").contains("Worker test"));
    assert!(
        matches!(
            handle(Request::Pdf(report(mini_bin.clone())), f, &mut cache),
            Response::File { .. }
        ),
        "second request from the cache"
    );
    let md = handle(
        Request::Markdown(report(mini_bin.clone())),
        || Err("fonts are not needed for Markdown".into()),
        &mut cache,
    );
    let (name, text) = file(md);
    assert_eq!(name, "elsa-worker-test-2026-11-29.md");
    assert!(String::from_utf8(text)
        .unwrap()
        .starts_with("# ELSA self-assessment report: Worker test"));
    // The language of the request, whatever the current one.
    let nl = ReportRequest {
        fonts: None,
        lang: Lang::Nl,
        ..report(mini_bin.clone())
    };
    let (_, text) = file(handle(
        Request::Markdown(nl),
        || Err("no fonts".into()),
        &mut cache,
    ));
    let text = String::from_utf8(text).unwrap();
    assert!(!text.starts_with("# ELSA self-assessment report"), "{text}");
    assert_eq!(elsa::i18n::lang(), Lang::En);
    // Import: the bundled questionnaires only, so the quick scan's sample file.
    let import = |file: Vec<u8>, lang: Lang| Request::Import { file, lang };
    let sample = include_bytes!("data/storage/v1-quick-scan.json").to_vec();
    let Response::Imported {
        stored, moved_from, ..
    } = handle(import(sample.clone(), Lang::En), f, &mut cache)
    else {
        panic!("not imported")
    };
    // Made with version 1.0.0 of the quick scan: it moves to the current version, answers unchanged.
    let imported = elsa::persist::decode(&stored).unwrap();
    let mut original = elsa::persist::decode(std::str::from_utf8(&sample).unwrap()).unwrap();
    assert_eq!(original.questionnaire_version, "1.0.0");
    original.questionnaire_version = elsa::bundled::info_newest("elsa-quick-scan")
        .unwrap()
        .version
        .to_string();
    assert_ne!(original.questionnaire_version, "1.0.0");
    assert_eq!(imported, original);
    assert_eq!(moved_from.as_deref(), Some("1.0.0"));
    let e = failed(handle(
        import(crate::common::plain_pdf(), Lang::En),
        f,
        &mut cache,
    ));
    assert!(e.starts_with("This PDF has no answers inside it."), "{e}");
    let e = failed(handle(import(b"{".to_vec(), Lang::En), f, &mut cache));
    assert!(
        e.starts_with("This file is not an assessment file: it is not valid JSON"),
        "{e}"
    );
    let e_nl = failed(handle(import(b"{".to_vec(), Lang::Nl), f, &mut cache));
    assert_ne!(e_nl, e, "the message in the request's language");
    let e = failed(handle(
        Request::Pdf(report(MINI.as_bytes().to_vec())),
        f,
        &mut cache,
    ));
    assert_eq!(e, "not a questionnaire file of this version of the tool");
    let mut damaged = mini_bin.clone();
    damaged.truncate(damaged.len() / 2);
    let e = failed(handle(Request::Pdf(report(damaged)), f, &mut cache));
    assert!(e.starts_with("the questionnaire file is damaged"), "{e}");
}

/// The executive summary lists each red flag with its question and answer.
#[cfg(feature = "pdf")]
#[test]
fn red_flags_are_listed_in_the_summary() {
    use elsa::report::pdf::{render_report, Fonts};
    let q = mini();
    let a = with(&q, &[("o1", "c"), ("l1", "yes")]);
    let r = render_report(&q, &a, &info(), &Fonts::load().unwrap());
    let flat = pdftotext(&r.bytes, "flags.pdf")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let summary = flat.find("Executive summary").unwrap();
    let listed = flat
        .find("▲ 2.1 Are outputs reviewed? — Never reviewed")
        .expect("red flag listed");
    let priority = flat.find("Priority actions").unwrap();
    assert!(
        summary < listed && listed < priority,
        "the red flag is listed in the summary"
    );
}

/// The Markdown export: the same parts as the PDF, every visible question with its answer and
/// note, and user text escaped so that it cannot break the document.
#[test]
fn markdown_export_has_scores_answers_notes_and_escapes_user_text() {
    use elsa::report::md::{esc, file_name, render};
    let q = mini();
    let mut a = with(
        &q,
        &[("role", "decides"), ("o1", "c"), ("o2", "na"), ("o5", "?")],
    );
    a.set_metadata(
        ProfileField::ProjectName,
        "*Bold* | [link](x) # not a heading".into(),
        NOW,
    );
    a.set_note("o1", "first line\n# second line\n| pipes |".into(), NOW);
    a.set_note("o2", "Only adults are in scope".into(), NOW);
    let md = render(&q, &a, &info());
    assert_eq!(
        file_name(&a, NOW),
        "elsa-bold-link-x-not-a-heading-2026-11-29.md"
    );
    assert!(
        md.starts_with(
            "# ELSA self-assessment report: \\*Bold\\* \\| \\[link\\](x) \\# not a heading\n"
        ),
        "{md}"
    );
    for part in [
        "## Executive summary",
        "| Section | Score | Level | Red flags | Answered |",
        "## Priority actions",
        "## Detailed answers",
        "- **Tool:** ELSA self-assessment tool",
        "## Methodology",
    ] {
        assert!(md.contains(part), "missing {part:?}:\n{md}");
    }
    // Scores as on the results page.
    let o = elsa::scoring::score(&q, &a);
    let overall = elsa::scoring::display_score(o.overall.unwrap());
    assert!(
        md.contains(&format!("**Overall concern: {overall} of 100")),
        "{md}"
    );
    // Every visible question, numbered as in the PDF, with its answer.
    let vis = elsa::answers::Visibility::compute(&q, &a);
    for s in &q.sections {
        for x in s.questions.iter().filter(|x| vis.is_visible(&x.id)) {
            assert!(
                md.contains(&esc(x.text.get("en"))),
                "question {} missing",
                x.id
            );
        }
    }
    assert!(
        md.contains("- **Answer:** Don't know — knowledge gap"),
        "{md}"
    );
    // Notes keep their lines as an escaped quote; N/A notes are justifications.
    assert!(
        md.contains("**Note:**\n\n> first line\n> \\# second line\n> \\| pipes \\|"),
        "{md}"
    );
    assert!(
        md.contains("- **Why not applicable:** Only adults are in scope"),
        "{md}"
    );
    // Recommendations are a checklist.
    assert!(md.contains("- [ ] "), "{md}");
    assert!(!md.contains("## Answers to removed questions"));
}

/// A table column widens to its longest word when other columns have room, so that a word such
/// as "gebruiksverantwoordelijke" is not broken; without room, the shares stand.
#[test]
fn table_columns_fit_their_longest_word_when_the_others_have_room() {
    use elsa::report::layout::{Column, Layout};
    let word = "gebruiksverantwoordelijke";
    let cols = [
        Column {
            header: "Duty",
            share: 0.85,
            right: false,
        },
        Column {
            header: "Role",
            share: 0.15,
            right: false,
        },
    ];
    let mut l = Layout::new(&Fixed);
    l.table(
        &cols,
        &[vec!["Keep the logs".into(), format!("aanbieder of {word}")]],
        &[],
    );
    let texts: Vec<String> = l.pages[0].texts().into_iter().map(str::to_string).collect();
    assert!(texts.iter().any(|t| t.contains(word)), "{texts:?}");
    // No room anywhere: the word breaks as before.
    let long = "x".repeat(400);
    let mut l = Layout::new(&Fixed);
    l.table(&cols, &[vec![long.clone(), long.clone()]], &[]);
    let texts: Vec<&str> = l.pages[0].texts();
    assert!(!texts.iter().any(|t| t.contains(&long)));
}

/// The worker's messages: every request and every response reads back as it was written; each
/// side reads the other's itself, so a message it cannot read (a worker of another build) gets
/// an error at once, never a wait for the time-out, and never a panic.
#[test]
fn worker_messages_read_back_and_unreadable_ones_get_an_error_at_once() {
    use elsa::i18n::Lang;
    use elsa::worker::{
        decode_reply, decode_request, encode_reply, encode_request, Reply, ReportRequest, Request,
        Response, Wire, WorkshopRequest, WorkshopTeam,
    };
    let q = mini();
    // Every kind of answer, a note without an answer, an empty note, the last section and a
    // review: the fields JSON leaves out when empty are all in the binary layout.
    let mut a = with(
        &q,
        &[
            ("role", "decides"),
            ("when", "d:2026-01-01"),
            ("o1", "c"),
            ("o2", "na"),
            ("o3", "x+y"),
            ("o4", "t:Dr. Zoë"),
            ("o5", "?"),
        ],
    );
    a.set_note("o2", "Only adults".into(), NOW);
    a.set_note("l1", "A note, no answer".into(), NOW);
    a.last_section = Some("oversight".into());
    let mut review = elsa::review::Review {
        reviewer_name: "R".into(),
        ..Default::default()
    };
    review.conditions = "Audit \"bias\".".into();
    a.set_review(Some(&review));
    let plain = fresh(&q);
    let bin = elsa::bundled::encode_bin(&q);
    let report = |assessment: &elsa::answers::Assessment, lang| ReportRequest {
        fonts: None,
        questionnaire: bin.clone(),
        assessment: assessment.clone(),
        generated_at: NOW.into(),
        lang,
    };
    let teams = vec![
        WorkshopTeam {
            label: "North".into(),
            assessment: a.clone(),
        },
        WorkshopTeam {
            label: "South".into(),
            assessment: plain.clone(),
        },
    ];
    let requests = [
        Request::Pdf(report(&a, Lang::Nl)),
        Request::Markdown(report(&plain, Lang::En)),
        Request::Import {
            file: vec![0, 1, 255],
            lang: Lang::Nl,
        },
        Request::WorkshopPdf(WorkshopRequest {
            fonts: None,
            questionnaire: bin.clone(),
            teams,
            generated_at: NOW.into(),
            lang: Lang::En,
        }),
    ];
    for r in &requests {
        let wire = encode_request(r);
        assert_eq!(&decode_request(&wire).unwrap(), r);
        // Cut short, or with bytes left over: refused with the message the worker answers with.
        for bad in [
            Wire(wire.0[..wire.0.len() - 1].to_vec()),
            Wire([wire.0.as_slice(), &[0]].concat()),
        ] {
            let e = decode_request(&bad).unwrap_err();
            assert!(
                e.starts_with("the report builder could not read the request"),
                "{e}"
            );
        }
    }
    // The review arrives as the same review.
    let Request::Pdf(back) = decode_request(&encode_request(&requests[0])).unwrap() else {
        panic!()
    };
    assert_eq!(back.assessment.review(), Some(review));
    assert_eq!(back.assessment.responses["l1"].answer, None);
    let replies = [
        Reply {
            response: Response::File {
                file_name: "a.pdf".into(),
                bytes: vec![7, 0, 255],
            },
            build_ms: 1.5,
        },
        Reply {
            response: Response::Imported {
                stored: elsa::persist::encode(&a, elsa::i18n::Lang::En),
                moved_from: Some("1.0.0".into()),
                questionnaire: None,
            },
            build_ms: 0.0,
        },
        Reply {
            response: Response::Imported {
                stored: String::new(),
                moved_from: None,
                questionnaire: Some(vec![1, 2, 3]),
            },
            build_ms: 2.0,
        },
        Reply {
            response: Response::Failed("no".into()),
            build_ms: 0.25,
        },
    ];
    for r in &replies {
        let wire = encode_reply(r);
        assert_eq!(decode_reply(&wire).as_ref(), Some(r));
        assert_eq!(
            decode_reply(&Wire(wire.0[..wire.0.len() - 1].to_vec())),
            None
        );
    }
    // Garbage, an empty message, or a message of the other direction: an error, not a panic.
    for bad in [Wire(vec![]), Wire(vec![9; 3]), Wire(vec![255; 40])] {
        let e = decode_request(&bad).unwrap_err();
        assert!(
            e.starts_with("the report builder could not read the request"),
            "{e}"
        );
        assert_eq!(decode_reply(&bad), None);
    }
    assert!(decode_request(&encode_reply(&replies[0])).is_err());
    assert_eq!(decode_reply(&encode_request(&requests[2])), None);
    // A message of the layout before (the request as JSON text beside a job number): refused.
    let old = [
        &[2u8, 0, 0, 0][..],
        &2u64.to_le_bytes(),
        b"nl",
        &3u64.to_le_bytes(),
        &[1, 2, 3],
    ]
    .concat();
    assert!(decode_request(&Wire(old.clone())).is_err());
    assert_eq!(decode_reply(&Wire(old)), None);
}
