//! The native report CLI: one PDF per input, clear errors naming the file.
#![cfg(feature = "pdf")]
use crate::common::NOW;
use elsa::answers::Assessment;
use elsa::model::ProfileField;
use std::path::{Path, PathBuf};
use std::process::Command;

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("elsa-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn quick_assessment(project: &str) -> Assessment {
    let (all, _) = elsa::bundled::load_all();
    let q = all.iter().find(|q| q.id == "elsa-quick-scan").unwrap();
    let mut a = crate::bench::fully_answered(q);
    a.set_metadata(ProfileField::ProjectName, project.into(), NOW);
    a
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_elsa-report"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn renders_one_file_and_a_batch() {
    let dir = tmp("ok");
    let one = dir.join("one.json");
    let two = dir.join("two.json");
    std::fs::write(
        &one,
        elsa::persist::encode(&quick_assessment("Team Alpha"), elsa::i18n::Lang::En),
    )
    .unwrap();
    std::fs::write(
        &two,
        elsa::persist::encode(&quick_assessment("Team Beta"), elsa::i18n::Lang::En),
    )
    .unwrap();

    let out = dir.join("alpha.pdf");
    let (ok, stdout, stderr) = run(&[one.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(stdout.contains("wrote"), "{stdout}");
    assert!(pdf_text(&out).contains("Team Alpha"));

    let folder = dir.join("batch");
    let (ok, _, stderr) = run(&[
        one.to_str().unwrap(),
        two.to_str().unwrap(),
        "-o",
        folder.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    assert!(pdf_text(&folder.join("one.pdf")).contains("Team Alpha"));
    assert!(pdf_text(&folder.join("two.pdf")).contains("Team Beta"));

    // Without -o, next to the input with the report's file name; and a PDF made by the tool is
    // accepted as input too (it carries the assessment).
    let (ok, _, stderr) = run(&[two.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    let made: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with("elsa-report-team-beta-"))
        .collect();
    assert_eq!(made.len(), 1, "{made:?}");
    let again = dir.join("again.pdf");
    let (ok, _, stderr) = run(&[out.to_str().unwrap(), "-o", again.to_str().unwrap()]);
    assert!(ok, "{stderr}");
    assert!(pdf_text(&again).contains("Team Alpha"));

    // Markdown instead of PDF, from the PDF's embedded answers.
    let md = dir.join("alpha.md");
    let (ok, _, stderr) = run(&[
        "--markdown",
        out.to_str().unwrap(),
        "-o",
        md.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    let text = std::fs::read_to_string(&md).unwrap();
    assert!(
        text.starts_with("# ELSA self-assessment report: Team Alpha"),
        "{text}"
    );
    assert!(text.contains("## Answers"));
}

#[test]
fn errors_name_the_file_and_the_problem() {
    let dir = tmp("bad");
    let good = dir.join("good.json");
    std::fs::write(
        &good,
        elsa::persist::encode(&quick_assessment("Fine"), elsa::i18n::Lang::En),
    )
    .unwrap();
    let bad_json = dir.join("truncated.json");
    std::fs::write(&bad_json, "{\"format_version\": 1, \"assess").unwrap();
    let not_assessment = dir.join("other.json");
    std::fs::write(&not_assessment, "{\"hello\": \"world\"}").unwrap();
    let mut unknown = quick_assessment("X");
    unknown.questionnaire_id = "no-such-questionnaire".into();
    let unknown_q = dir.join("unknown-q.json");
    std::fs::write(
        &unknown_q,
        elsa::persist::encode(&unknown, elsa::i18n::Lang::En),
    )
    .unwrap();
    let mut old = quick_assessment("X");
    old.questionnaire_version = "9.9.9".into();
    let unknown_v = dir.join("unknown-v.json");
    std::fs::write(
        &unknown_v,
        elsa::persist::encode(&old, elsa::i18n::Lang::En),
    )
    .unwrap();
    let missing = dir.join("missing.json");
    let plain_pdf = dir.join("plain.pdf");
    std::fs::write(&plain_pdf, crate::common::plain_pdf()).unwrap();

    let folder = dir.join("out");
    let args: Vec<&str> = [
        &good,
        &bad_json,
        &not_assessment,
        &unknown_q,
        &unknown_v,
        &missing,
        &plain_pdf,
    ]
    .iter()
    .map(|p| p.to_str().unwrap())
    .chain(["-o", folder.to_str().unwrap()])
    .collect();
    let (ok, stdout, stderr) = run(&args);
    assert!(!ok, "some inputs failed, so the exit code is 1");
    assert!(stdout.contains("good.json: wrote"), "{stdout}");
    let expect = [
        ("truncated.json: This file is not an assessment file: it is not valid JSON", ""),
        ("other.json: This file is not an assessment file of this tool", ""),
        ("unknown-q.json: This assessment uses a questionnaire this tool does not have (“no-such-questionnaire”)", ""),
        ("unknown-v.json: This assessment uses version 9.9.9 of “", "which this tool does not know"),
        ("missing.json: cannot read the file", ""),
        ("plain.pdf: This PDF has no answers inside it.", ""),
    ];
    for (start, also) in expect {
        let line = stderr
            .lines()
            .find(|l| l.contains(start))
            .unwrap_or_else(|| panic!("no error line with {start:?} in:\n{stderr}"));
        assert!(line.contains(also), "{line}");
    }
}

/// The CLI renders the new triage from a real file of questionnaire 1.0.0 (moved to the current
/// version): per framework the status, the role and the dated duties, in English and in Dutch.
#[test]
fn the_cli_report_shows_the_triage_with_roles_and_dated_duties() {
    let dir = tmp("triage");
    let input =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/data/storage/v3-full-1.0.0.json");
    let md = dir.join("full.md");
    let (ok, _, stderr) = run(&[
        "--markdown",
        "--lang",
        "en",
        input.to_str().unwrap(),
        "-o",
        md.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    let text = std::fs::read_to_string(&md).unwrap();
    // The assessment's own date (15 June 2026) dates the duties; the legal check has its own date.
    assert!(text.contains("Legal content checked on 3 December 2026. Dates and statuses are given for 15 June 2026, the assessment date."), "{text}");
    assert!(text.contains("### MDR: applies"), "{text}");
    assert!(text.contains("**Your role: health institution making an in-house device.**"));
    assert!(text.contains("| Publish a declaration that names the device and states that it meets the safety and performance requirements | health institution making an in-house device | MDR art. 5(5)(e) | in force since 26 May 2021 |"), "{text}");
    let pdf = dir.join("full.pdf");
    let (ok, _, stderr) = run(&[
        "--lang",
        "nl",
        input.to_str().unwrap(),
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(ok, "{stderr}");
    let nl = pdf_text(&pdf);
    for needle in [
        "Juridische inhoud gecontroleerd op 3 december 2026.",
        "MDR: geldt",
        "Jullie rol: zorginstelling die een hulpmiddel voor eigen gebruik maakt.",
        "geldt sinds 26 mei 2021",
        "MDR art. 5 lid 5 sub e",
    ] {
        assert!(nl.contains(needle), "the Dutch PDF lacks {needle:?}");
    }
}

#[test]
fn the_cli_report_opens_a_file_that_carries_its_own_questionnaire() {
    let dir = tmp("carried");
    let mut q = crate::common::mini();
    q.id = "ward-checklist".into();
    q.title = elsa::model::LocalText::en("Ward checklist");
    let mut a = crate::common::with(&q, &[("o1", "c")]);
    a.set_metadata(ProfileField::ProjectName, "Ward pilot".into(), NOW);
    let file = dir.join("ward.json");
    std::fs::write(
        &file,
        elsa::persist::encode_exported(&a, &q, elsa::i18n::Lang::En),
    )
    .unwrap();
    let (ok, _, err) = run(&[file.to_str().unwrap()]);
    assert!(ok, "{err}");
    let pdf = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|x| x == "pdf"))
        .expect("a PDF");
    let text = pdf_text(&pdf);
    assert!(
        text.contains("Ward checklist") && text.contains("Ward pilot"),
        "{text}"
    );
    // Without the questionnaire inside, the same file cannot be read by this tool.
    std::fs::write(&file, elsa::persist::encode(&a, elsa::i18n::Lang::En)).unwrap();
    let (ok, _, err) = run(&[file.to_str().unwrap()]);
    assert!(!ok && err.contains("ward-checklist"), "{err}");
}

#[test]
fn elsa_lint_resolves_an_extension_of_a_bundled_questionnaire_and_places_its_errors() {
    let dir = tmp("lint");
    let (all, _) = elsa::bundled::load_all();
    let base = all.iter().find(|q| q.id == "elsa-quick-scan").unwrap();
    let base_question = &base
        .sections
        .iter()
        .find(|s| s.dimension.is_scored())
        .unwrap()
        .questions[0]
        .id;
    let text = format!(
        r#"{{
  "id": "quick-plus-ward",
  "version": "1.0.0",
  "title": {{"en": "Quick scan plus ward"}},
  "extends": {{"id": "elsa-quick-scan", "version": "{}"}},
  "sections": [
    {{"id": "ward", "title": {{"en": "Ward"}}, "dimension": "ethical", "questions": [
      {{"id": "ward-1", "text": {{"en": "Approved by the board?"}},
       "show_if": {{"equals": {{"question": "{base_question}", "value": "no-such-option"}}}},
       "kind": {{"type": "yes_no", "yes": {{"concern": 0}}, "no": {{"concern": 2, "recommendation": {{"en": "Ask."}}}}}}}}
    ]}}
  ]
}}"#,
        base.version
    );
    let file = dir.join("ext.json");
    std::fs::write(&file, &text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_elsa-lint"))
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success());
    assert!(
        stdout.contains(&format!("sections[0].questions[0].show_if.equals: question \"{base_question}\" has no option \"no-such-option\" (line 9, column 20)")),
        "{stdout}"
    );
}
