//! Importing files: every failure has its message, older questionnaire versions move forward
//! with answers to removed questions kept, and the parser survives random and mutated files.

use crate::common::*;
use crate::report::pdftotext;
use elsa::answers::{removed_answers, Answer, Response};
use elsa::import::{
    self, compare_versions, import_bytes, parse_json, resolve, sniff, Available, FileKind,
    ImportError, MAX_IMPORT_BYTES,
};
use elsa::model::ProfileField;
use elsa::persist::encode;
use proptest::prelude::*;

const AVAILABLE: &[Available<'static>] = &[
    Available {
        id: "mini",
        version: "1.2.3",
        title: "Mini questionnaire",
    },
    Available {
        id: "other",
        version: "2.1.0",
        title: "Other",
    },
];

fn no_pdf(_: &[u8]) -> Result<Vec<u8>, ImportError> {
    panic!("not a PDF")
}

fn sample() -> elsa::answers::Assessment {
    let q = mini();
    let mut a = with(&q, &[("o1", "b"), ("o2", "?")]);
    a.set_note("o1", "Zoë — “quoted” 🙂".into(), NOW);
    a.set_metadata(ProfileField::ProjectName, "Import test".into(), NOW);
    a
}

#[test]
fn a_good_file_imports_unchanged() {
    let a = sample();
    assert_eq!(mini().version, "1.2.3", "the fixture's version");
    let got = import_bytes(
        encode(&a, elsa::i18n::Lang::En).as_bytes(),
        no_pdf,
        AVAILABLE,
    )
    .unwrap();
    assert_eq!(got.assessment, a);
    assert_eq!(got.moved_from_version, None);
    // With a byte-order mark, and indented, too.
    let bom = format!(
        "\u{feff}{}",
        elsa::persist::encode_pretty(&a, elsa::i18n::Lang::En)
    );
    assert_eq!(
        import_bytes(bom.as_bytes(), no_pdf, AVAILABLE)
            .unwrap()
            .assessment,
        a
    );
    // And the format-1 sample written by tool 0.1.0 (against the bundled questionnaires).
    let v1 = include_bytes!("data/storage/v1-quick-scan.json");
    let got = import_bytes(v1, no_pdf, &import::bundled_available(elsa::i18n::Lang::En)).unwrap();
    assert_eq!(
        got.assessment.metadata.project_name,
        "Sepsis early warning (ICU)"
    );
}

/// Each kind of bad file gets its own, exact message.
#[test]
fn every_failure_has_its_message() {
    let good = encode(&sample(), elsa::i18n::Lang::En);
    let msg = |bytes: &[u8]| {
        import_bytes(bytes, no_pdf, AVAILABLE)
            .unwrap_err()
            .to_string()
    };
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (good.as_bytes()[..good.len() / 2].to_vec(), "This file is not an assessment file: it is not valid JSON (EOF while parsing"),
        (b"hello, not json".to_vec(), "This file is not an assessment file: it is not valid JSON (expected value at line 1 column 1)"),
        (b"{\"name\": \"a recipe\"}".to_vec(), "This file is not an assessment file of this tool (missing field `format_version`"),
        (good.replace("\"format_version\":4", "\"format_version\":\"4\"").into_bytes(), "This file is not an assessment file of this tool (invalid type: string \"4\", expected u64"),
        (good.replace("\"created\":", "\"created\":5,\"x\":").into_bytes(), "This file is not an assessment file of this tool ("),
        (good.replace("\"format_version\":4", "\"format_version\":7").into_bytes(), "This file was made by a newer version of this tool (file format 7; this version reads formats up to 4). Update the tool to open it."),
        (b"{\"format\":\"elsa-assessment\",\"format_version\":5,\"whatever\":[1,2]}".to_vec(), "This file was made by a newer version of this tool (file format 5;"),
        (good.replace("\"mini\"", "\"someone-elses\"").into_bytes(), "This assessment uses a questionnaire this tool does not have (“someone-elses”)."),
        (good.replace("\"1.2.3\"", "\"1.4.0\"").into_bytes(), "This assessment uses version 1.4.0 of “Mini questionnaire”, which this tool does not know (it has version 1.2.3). It may come from a newer version of this tool."),
        (good.replace("\"1.2.3\"", "\"draft\"").into_bytes(), "This assessment uses version draft of “Mini questionnaire”, which this tool does not know"),
        (png.to_vec(), "This file is a PNG image, not an assessment."),
        (b"\xff\xd8\xff\xe0\0\x10JFIF".to_vec(), "This file is a JPEG image, not an assessment."),
        (vec![0xc3, 0x28, 0xa0, 0xa1], "This file is not an assessment file: it is not text."),
        (Vec::new(), "This file is empty."),
        (b"  \n".to_vec(), "This file is empty."),
    ];
    for (bytes, want) in cases {
        let got = msg(&bytes);
        assert!(
            got.starts_with(want),
            "{:?}\n got: {got}\nwant: {want}",
            String::from_utf8_lossy(&bytes[..bytes.len().min(60)])
        );
    }
    // Too large: refused from its size alone.
    let e = import::check_size(MAX_IMPORT_BYTES + 1).unwrap_err();
    assert_eq!(
        e.to_string(),
        "This file is too large to be an assessment (5.0 MB). Files over 5 MB are not accepted."
    );
    assert_eq!(
        import::check_size(6 * 1024 * 1024).unwrap_err().to_string(),
        "This file is too large to be an assessment (6.0 MB). Files over 5 MB are not accepted."
    );
    assert!(import::check_size(MAX_IMPORT_BYTES).is_ok());
    let mut huge = good.clone().into_bytes();
    huge.resize(MAX_IMPORT_BYTES as usize + 10, b' ');
    assert!(matches!(
        import_bytes(&huge, no_pdf, AVAILABLE),
        Err(ImportError::TooLarge { .. })
    ));
}

#[test]
fn files_are_recognised_by_content_not_name() {
    assert_eq!(sniff(b"%PDF-1.7\n..."), FileKind::Pdf);
    assert_eq!(sniff(b"\n\n%PDF-1.4"), FileKind::Pdf);
    assert_eq!(sniff(b"GIF89a...."), FileKind::Image("GIF"));
    assert_eq!(sniff(b"RIFF\0\0\0\0WEBPVP8 "), FileKind::Image("WebP"));
    assert_eq!(sniff(b"{\"format\": 1}"), FileKind::Other);
    assert_eq!(sniff(b""), FileKind::Other);
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_reports_import_and_plain_pdfs_say_they_have_no_answers() {
    use elsa::report::pdf::{extract_attachment, render_report, Fonts};
    let q = mini();
    let a = sample();
    let info = elsa::report::ReportInfo {
        generated_at: NOW.into(),
        lang: elsa::i18n::lang(),
    };
    let pdf = render_report(&q, &a, &info, &Fonts::load().unwrap()).bytes;
    assert_eq!(
        import_bytes(&pdf, extract_attachment, AVAILABLE)
            .unwrap()
            .assessment,
        a
    );
    let e = import_bytes(&plain_pdf(), extract_attachment, AVAILABLE).unwrap_err();
    assert_eq!(e.to_string(), "This PDF has no answers inside it. Only PDF reports made by this tool carry the assessment; import its .json file instead.");
    let e = import_bytes(b"%PDF-1.4\ngarbage", extract_attachment, AVAILABLE).unwrap_err();
    assert!(
        e.to_string().starts_with("This PDF could not be read ("),
        "{e}"
    );
}

/// A file made with an older version of a questionnaire moves to the current version; answers to
/// questions that version no longer has are kept (and listed), never dropped.
#[test]
fn older_questionnaire_versions_move_forward_keeping_removed_answers() {
    let q = mini();
    let mut a = sample();
    a.questionnaire_version = "0.9.0".into();
    a.responses.insert(
        "retired-question".into(),
        Response {
            answer: Some(Answer::Choice { id: "yes".into() }),
            note: "kept note".into(),
        },
    );
    a.responses.insert("empty-old".into(), Response::default());
    let got = resolve(
        parse_json(encode(&a, elsa::i18n::Lang::En).as_bytes()).unwrap(),
        AVAILABLE,
    )
    .unwrap();
    assert_eq!(got.moved_from_version.as_deref(), Some("0.9.0"));
    assert_eq!(got.assessment.questionnaire_version, "1.2.3");
    assert_eq!(
        got.assessment.responses.len(),
        a.responses.len(),
        "nothing dropped"
    );
    let removed = removed_answers(&q, &got.assessment);
    assert_eq!(removed.len(), 1, "empty responses are not listed");
    assert_eq!(removed[0].0, "retired-question");
    assert_eq!(removed[0].1.note, "kept note");
    // Shown in the Markdown export and in the PDF report.
    let info = elsa::report::ReportInfo {
        generated_at: NOW.into(),
        lang: elsa::i18n::lang(),
    };
    let md = elsa::report::md::render(&q, &got.assessment, &info);
    assert!(md.contains("## Answers to removed questions"), "{md}");
    assert!(md.contains("- **retired-question:** yes"), "{md}");
    #[cfg(feature = "pdf")]
    {
        let pdf = elsa::report::pdf::render_report(
            &q,
            &got.assessment,
            &info,
            &elsa::report::pdf::Fonts::load().unwrap(),
        );
        let text = pdftotext(&pdf.bytes, "removed.pdf");
        assert!(
            text.contains("Answers to removed questions") && text.contains("retired-question"),
            "{text}"
        );
    }
}

#[test]
fn versions_compare_as_numbers() {
    use std::cmp::Ordering::*;
    assert_eq!(compare_versions("1.10.0", "1.9.2"), Some(Greater));
    assert_eq!(compare_versions("1.0", "1.0.0"), Some(Equal));
    assert_eq!(compare_versions("0.9.9", "1.0.0"), Some(Less));
    assert_eq!(compare_versions("1.0-beta", "1.0.0"), None);
}

fn mutate(base: &[u8], ops: &[(u8, usize, u8)]) -> Vec<u8> {
    let mut v = base.to_vec();
    for &(op, at, byte) in ops {
        if v.is_empty() {
            v.push(byte);
            continue;
        }
        let i = at % v.len();
        match op % 4 {
            0 => v[i] = byte,
            1 => v.insert(i, byte),
            2 => {
                v.remove(i);
            }
            _ => v.truncate(i),
        }
    }
    v
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    /// Random bytes: never a panic, and every rejection has a message.
    #[test]
    fn random_files_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        match import_bytes(&bytes, |_| Err(ImportError::PdfWithoutAnswers), AVAILABLE) {
            Ok(_) => {}
            Err(e) => prop_assert!(e.to_string().len() > 20, "{e:?}"),
        }
    }

    /// Mutations of a real file (bytes changed, inserted, removed, cut): never a panic, every
    /// rejection has a message, and whatever is accepted is a complete assessment that saves
    /// and reads back the same.
    #[test]
    fn mutated_files_never_panic(ops in proptest::collection::vec((any::<u8>(), any::<usize>(), any::<u8>()), 1..6)) {
        let base = encode(&sample(), elsa::i18n::Lang::En);
        let bytes = mutate(base.as_bytes(), &ops);
        match import_bytes(&bytes, no_pdf, AVAILABLE) {
            Ok(got) => {
                let again = import_bytes(encode(&got.assessment, elsa::i18n::Lang::En).as_bytes(), no_pdf, AVAILABLE).unwrap();
                prop_assert_eq!(again.assessment, got.assessment);
            }
            Err(e) => prop_assert!(e.to_string().len() > 20, "{e:?}"),
        }
    }

    /// Mutations of the text of a real file in the JSON's own alphabet (quotes, brackets,
    /// digits), which reach deeper into the parser than random bytes.
    #[test]
    fn json_shaped_mutations_never_panic(ops in proptest::collection::vec((any::<u8>(), any::<usize>(), proptest::sample::select(b"{}[]\":,0129.-etruf nl\\\\".to_vec())), 1..8)) {
        let base = elsa::persist::encode_pretty(&sample(), elsa::i18n::Lang::En);
        let bytes = mutate(base.as_bytes(), &ops);
        if let Err(e) = import_bytes(&bytes, no_pdf, AVAILABLE) {
            prop_assert!(e.to_string().len() > 20, "{e:?}");
        }
    }
}

/// A file of version 1.0.0 of the full questionnaire (format 3, written in Dutch by tool
/// 0.4.0) moves to the current version: every answer and note is kept; the answers to merged
/// questions, and one to an option that was split away, are listed with the question that now
/// covers them; it scores and gets the new triage.
#[test]
fn full_questionnaire_1_0_0_file_moves_forward_with_every_answer_kept() {
    let bytes = include_bytes!("data/storage/v3-full-1.0.0.json");
    let text = std::str::from_utf8(bytes).unwrap();
    let original = elsa::persist::decode(text).unwrap();
    assert_eq!(
        (
            original.questionnaire_id.as_str(),
            original.questionnaire_version.as_str()
        ),
        ("elsa-health-ai", "1.0.0")
    );
    let got = import_bytes(
        bytes,
        no_pdf,
        &import::bundled_available(elsa::i18n::Lang::En),
    )
    .unwrap();
    let newest = elsa::bundled::info_newest("elsa-health-ai").unwrap();
    assert_eq!(got.moved_from_version.as_deref(), Some("1.0.0"));
    assert_eq!(got.assessment.questionnaire_version, newest.version);
    assert_ne!(newest.version, "1.0.0");
    let a = got.assessment;
    assert_eq!(
        a.responses, original.responses,
        "every answer and note is kept as it was"
    );
    assert_eq!(a.metadata, original.metadata);
    // Read from storage, the same move happens (and nothing is written until the next change).
    assert_eq!(elsa::persist::decode_current(text).unwrap(), a);

    let (all, _) = elsa::bundled::load_all();
    let q = elsa::bundled::find(&all, &a.questionnaire_id, &a.questionnaire_version).unwrap();
    let removed: Vec<&str> = removed_answers(q, &a)
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut merged: Vec<&str> = q
        .replaced
        .iter()
        .map(|r| r.question.as_str())
        .filter(|id| {
            original
                .responses
                .get(*id)
                .is_some_and(|r| r.answer.is_some() || !r.note.trim().is_empty())
        })
        .collect();
    merged.push("sw-staff-involvement");
    merged.sort();
    assert_eq!(
        removed, merged,
        "answers to merged questions and to the removed option are listed"
    );
    assert!(q.replaced.len() >= 10, "the merges are recorded");
    for r in &q.replaced {
        assert_eq!(
            elsa::answers::moved_to(q, &r.question).map(|x| x.question.id.as_str()),
            Some(r.by.as_str())
        );
    }
    assert_eq!(
        elsa::answers::moved_to(q, "sw-staff-involvement").map(|x| x.question.id.as_str()),
        Some("sw-staff-involvement")
    );
    let listed = elsa::answers::moved_to_text(q, "rs-security", "en").unwrap();
    assert!(
        listed.starts_with("now asked in: “")
            && listed.contains(
                q.question("pd-model-security")
                    .unwrap()
                    .question
                    .text
                    .get("en")
            ),
        "{listed}"
    );
    // The old answer shows as an option that is no longer offered, not as the new one.
    assert_eq!(
        elsa::answers::answer_text(
            q.question("sw-staff-involvement").unwrap().question,
            &a,
            "en"
        )
        .as_deref(),
        Some("users-only (option no longer offered)")
    );
    // It scores, and the new triage runs on the old answers (an in-house device).
    assert!(elsa::scoring::score(q, &a).overall.is_some());
    let t = elsa::triage::triage(q, &a, "en", &elsa::triage::as_of_date(q, &a, "2026-12-03"));
    assert_eq!(
        t.as_of, "2026-06-15",
        "the assessment date recorded in the file"
    );
    let mdr = t
        .frameworks
        .iter()
        .find(|f| f.framework == elsa::model::Framework::Mdr)
        .unwrap();
    assert_eq!(mdr.roles, vec![elsa::model::Role::HealthInstitution]);
    assert!(mdr
        .conclusions
        .iter()
        .any(|c| c.rule_id == "mdr-medical-device"));
    // The Markdown report lists them, with where each topic went.
    let md = elsa::report::md::render(
        q,
        &a,
        &elsa::report::ReportInfo {
            generated_at: "2026-12-03T10:00:00.000Z".into(),
            lang: elsa::i18n::lang(),
        },
    );
    assert!(md.contains("## Answers to removed questions"));
    assert!(
        md.contains("- **tr-uncertainty:** Don't know\n\n_now asked in: “"),
        "{}",
        &md[md.find("## Answers to removed").unwrap()..]
    );
}
